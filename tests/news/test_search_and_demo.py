"""Decisions and revues in search, and checks of the demo commune's council itself."""

from datetime import date

import pytest
from django.core.management import call_command

from intranet.news.models import CouncilDecisionPage, RevueItem, RevuePage
from tests.search.asking import ask

from .factories import YEAR, decision, in_arabic, revue

pytestmark = pytest.mark.django_db


def urls(query, language):
    return [hit.entry.url for hit in ask(query, language=language, limit=20).hits]


@pytest.fixture
def naming(django_capture_on_commit_callbacks):
    """A decision naming the lanes of an orchard district, indexed as publishing indexes it."""
    with django_capture_on_commit_callbacks(execute=True):
        return decision(
            37,
            date(YEAR, 6, 2),
            title="Dénomination des allées",
            subject="Dénomination des allées du lotissement Bassatine.",
            text="<p>Des plaques bilingues seront posées dans le lotissement Bassatine.</p>",
            arabic_fields={
                "title": "تسمية الممرات",
                "subject": "تسمية ممرات تجزئة البساتين.",
                "text": "<p>توضع لوحات بلغتين في تجزئة البساتين.</p>",
            },
        )


def test_a_decision_is_found_by_its_subject_and_text(naming):
    assert naming.url in urls("plaques lotissement Bassatine", "fr")
    assert in_arabic(naming).url in urls("تسمية ممرات البساتين", "ar")


def test_a_decision_is_found_by_its_number(naming):
    assert naming.url in urls("37/2030", "fr")


def test_decisions_and_revues_have_their_own_search_category(naming):
    assert naming.search_facets()["category"] == "Décisions du conseil"
    assert in_arabic(naming).search_facets()["category"] == "مقررات المجلس"
    assert revue([naming]).search_facets()["category"] == "Revue"


def test_the_demo_has_decisions_of_both_sessions_and_outcomes_in_both_languages():
    """A check of the demo commune: its council shows every kind of decision, and valid."""
    french = CouncilDecisionPage.objects.filter(locale__language_code="fr")
    assert french.count() >= 6
    assert set(french.values_list("session_type", flat=True)) == {"ordinary", "extraordinary"}
    assert set(french.values_list("outcome", flat=True)) == {"adopted", "rejected"}
    assert CouncilDecisionPage.objects.filter(locale__language_code="ar").count() == french.count()
    for page in CouncilDecisionPage.objects.all():
        page.full_clean()


def test_loading_the_demo_twice_duplicates_nothing():
    """A check of the demo commune's loader: loading is idempotent."""
    counts = (
        CouncilDecisionPage.objects.count(),
        RevuePage.objects.count(),
        RevueItem.objects.count(),
    )
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (
        CouncilDecisionPage.objects.count(),
        RevuePage.objects.count(),
        RevueItem.objects.count(),
    ) == counts
