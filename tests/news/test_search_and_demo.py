"""Decisions and revues in search, and the demo commune's council."""

import pytest
from django.core.management import call_command

from intranet.news.models import CouncilDecisionPage, RevueItem, RevuePage
from tests.search.asking import ask

from .factories import demo_decision, demo_revue

pytestmark = pytest.mark.django_db


def urls(query, language):
    return [hit.entry.url for hit in ask(query, language=language, limit=20).hits]


def test_a_decision_is_found_by_its_subject_and_text():
    assert demo_decision("decision-2026-43-denomination-voies").url in urls(
        "plaques quartier Ennakhil", "fr"
    )
    assert demo_decision("decision-2026-43-denomination-voies", "ar").url in urls(
        "تسمية الطرق حي النخيل", "ar"
    )


def test_a_decision_is_found_by_its_number():
    assert demo_decision().url in urls("41/2026", "fr")


def test_decisions_and_revues_have_their_own_search_category():
    assert demo_decision().search_facets()["category"] == "Décisions du conseil"
    assert demo_decision(language="ar").search_facets()["category"] == "مقررات المجلس"
    assert demo_revue().search_facets()["category"] == "Revue"


def test_the_demo_has_decisions_of_both_sessions_and_outcomes_in_both_languages():
    french = CouncilDecisionPage.objects.filter(locale__language_code="fr")
    assert french.count() >= 6
    assert set(french.values_list("session_type", flat=True)) == {"ordinary", "extraordinary"}
    assert set(french.values_list("outcome", flat=True)) == {"adopted", "rejected"}
    assert CouncilDecisionPage.objects.filter(locale__language_code="ar").count() == french.count()
    for page in CouncilDecisionPage.objects.all():
        page.full_clean()


def test_loading_the_demo_twice_duplicates_nothing():
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
