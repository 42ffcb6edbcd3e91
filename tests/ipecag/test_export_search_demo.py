"""The plan as a Word document, in search, and in the demo commune."""

import io

import pytest
from django.core.management import call_command
from docx import Document
from docx.oxml.ns import qn

from intranet.ipecag import progress
from intranet.ipecag.models import WorkPlanPage
from search import indexing
from tests.search.asking import ask

from .factories import demo_plan

pytestmark = pytest.mark.django_db


def test_the_docx_export_opens_and_lists_every_action_with_its_progress(client_for):
    page = demo_plan()
    response = client_for("personnel").get(page.url + "export/docx/")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    plan = progress.build(page)
    assert page.title in text
    for objective in plan.objectives:
        assert objective.title in text
    for action in plan.actions:
        assert action.title in cells
    late = plan.overdue[0]
    row = next(r for t in document.tables for r in t.rows if r.cells[0].text == late.title)
    assert [c.text for c in row.cells][1] == late.service.title
    assert "en retard" in row.cells[6].text
    assert f"{late.achievement} %" == row.cells[10].text


def test_the_arabic_docx_runs_right_to_left(client_for):
    page = demo_plan(language="ar")
    response = client_for("personnel").get(page.url + "export/docx/")
    document = Document(io.BytesIO(response.content))
    title = document.paragraphs[0]
    assert title.text == page.title
    assert title._p.pPr.find(qn("w:bidi")) is not None
    assert document.tables[0]._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert all(action.title in cells for action in progress.build(page).actions)


def test_searching_for_an_actions_words_finds_its_plan():
    page = demo_plan()
    indexing.index_page(page)
    results = ask("panneaux signalétiques accessibles", language="fr", limit=10)
    assert page.url in [hit.entry.url for hit in results.hits]
    results = ask("لوحات تشوير ميسرة", language="ar", limit=10)
    assert demo_plan(language="ar").url in [hit.entry.url for hit in results.hits]


def test_a_plan_is_found_under_its_own_search_category():
    page = demo_plan()
    assert page.search_facets()["category"]
    assert "Concevoir et installer des panneaux signalétiques" in page.plan_text()


def test_the_demo_has_this_years_and_last_years_plans_in_both_languages():
    for language in ("fr", "ar"):
        current, previous = demo_plan(language=language), None
        previous = demo_plan(current.year - 1, language)
        assert progress.build(current).overdue and progress.build(previous).actions


def test_loading_the_demo_again_adds_nothing():
    before = WorkPlanPage.objects.count(), demo_plan().revisions.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert WorkPlanPage.objects.count() == before[0]
    page = demo_plan()
    assert len(progress.build(page).actions) == len(progress.action_values(page))
