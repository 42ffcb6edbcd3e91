"""The plan as a Word document, in search, and in the demo commune."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from docx import Document
from docx.oxml.ns import qn

from intranet.ipecag import progress
from intranet.ipecag.models import WorkPlanPage
from search import indexing
from tests.organisation.factories import service
from tests.search.asking import ask

from .factories import action, demo_plan, in_arabic, measure, objective, plan_page

pytestmark = pytest.mark.django_db
TODAY = date.today()
SIGNS = "Concevoir des panneaux signalétiques accessibles"
ARABIC = {
    "Accessibilité": "الولوجيات",
    "Signalétique": "التشوير",
    SIGNS: "تصميم لوحات تشوير ميسرة",
    "Former les agents d'accueil": "تكوين أعوان الاستقبال",
}


def signs_plan():
    """A plan of two actions, one of them late, 40 % of the way, under a service."""
    late = action(SIGNS, TODAY - timedelta(days=10), "in_progress", 10, 4, service=service().pk)
    on_time = action("Former les agents d'accueil", TODAY + timedelta(days=30))
    return plan_page(
        2034,
        [objective("Accessibilité", measure("Signalétique", late, on_time))],
        arabic_titles=ARABIC,
    )


def test_the_docx_export_opens_and_lists_every_action_with_its_progress(client_for):
    page = signs_plan()
    response = client_for("personnel").get(page.url + "export/docx/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    plan = progress.build(page)
    assert page.title in text
    assert [part.title for part in plan.objectives] == ["Accessibilité"]
    assert "Accessibilité" in text
    assert [a.title for a in plan.actions] == [SIGNS, "Former les agents d'accueil"]
    for planned in plan.actions:
        assert planned.title in cells
    rows = {r.cells[0].text: r for t in document.tables for r in t.rows}
    late, on_time = rows[SIGNS].cells, rows["Former les agents d'accueil"].cells
    assert late[1].text == "Service des essais"
    assert "en retard" in late[6].text and "en retard" not in on_time[6].text
    assert late[10].text == "40 %"


def test_the_arabic_docx_runs_right_to_left(client_for):
    page = in_arabic(signs_plan())
    response = client_for("personnel").get(page.url + "export/docx/")
    document = Document(io.BytesIO(response.content))
    title = document.paragraphs[0]
    assert title.text == page.title
    assert title._p.pPr.find(qn("w:bidi")) is not None
    assert document.tables[0]._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert ARABIC[SIGNS] in cells and ARABIC["Former les agents d'accueil"] in cells


def test_searching_for_an_actions_words_finds_its_plan():
    page = signs_plan()
    indexing.index_page(page)
    indexing.index_page(in_arabic(page))
    results = ask("panneaux signalétiques accessibles", language="fr", limit=10)
    assert page.url in [hit.entry.url for hit in results.hits]
    results = ask("لوحات تشوير ميسرة", language="ar", limit=10)
    assert in_arabic(page).url in [hit.entry.url for hit in results.hits]


def test_a_plan_is_found_under_its_own_search_category():
    page = signs_plan()
    assert page.search_facets()["category"]
    assert SIGNS in page.plan_text()
    assert ARABIC[SIGNS] in in_arabic(page).plan_text()


def test_the_demo_has_this_years_and_last_years_plans_in_both_languages():
    """A check of the demo commune: both years' plans, with late actions this year."""
    for language in ("fr", "ar"):
        current, previous = demo_plan(language=language), None
        previous = demo_plan(current.year - 1, language)
        assert progress.build(current).overdue and progress.build(previous).actions


def test_loading_the_demo_again_adds_nothing():
    """A check of the demo commune's loader: it is idempotent on the plans."""
    before = WorkPlanPage.objects.count(), demo_plan().revisions.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert WorkPlanPage.objects.count() == before[0]
    page = demo_plan()
    assert len(progress.build(page).actions) == len(progress.action_values(page))
