"""News and decisions listed month by month, with filters that never break the page."""

from datetime import date
from html import unescape

import pytest

from intranet.news import months
from intranet.news.listing import group_by_month
from intranet.news.models import NEWS_PER_PAGE
from intranet.news.models.council import DECISIONS_PER_PAGE

from .factories import decision, decisions_index, news, news_index

pytestmark = pytest.mark.django_db


def test_arabic_months_have_their_moroccan_names():
    assert months.month_heading(2026, 11, "ar") == "نونبر 2026"
    assert months.month_heading(2026, 8, "ar") == "غشت 2026"
    assert months.month_heading(2026, 11, "fr") == "novembre 2026"
    assert months.long_date(date(2026, 7, 5), "ar") == "5 يوليوز 2026"


def test_items_are_grouped_under_their_month_in_the_given_order():
    days = [date(2026, 11, 26), date(2026, 11, 9), date(2026, 10, 8), date(2025, 10, 1)]
    groups = group_by_month(days, lambda day: day)
    assert [(group.year, group.month, len(group.items)) for group in groups] == [
        (2026, 11, 2),
        (2026, 10, 1),
        (2025, 10, 1),
    ]


def test_the_news_are_listed_under_month_headings_in_both_languages(staff_client):
    french = staff_client.get(news_index().url).content.decode()
    assert "novembre 2026" in french and "septembre 2026" in french
    assert french.index("novembre 2026") < french.index("octobre 2026")
    arabic = staff_client.get(news_index("ar").url).content.decode()
    assert "نونبر 2026" in arabic and "نوفمبر" not in arabic


def test_the_decisions_are_listed_under_month_headings(staff_client):
    content = staff_client.get(decisions_index("ar").url).content.decode()
    assert "نونبر 2026" in content and "فبراير 2026" in content


def test_news_filter_by_year_and_month(staff_client):
    content = staff_client.get(news_index().url, {"year": 2026, "month": 11}).content.decode()
    assert "Le manuel unifié des procédures est en ligne" in content
    assert "La cellule inter-services des procédures se met au travail" not in content


def test_decisions_filter_by_session_and_outcome(staff_client):
    url = decisions_index().url
    extraordinary = staff_client.get(url, {"session": "extraordinary"}).content.decode()
    assert "Adoption du manuel unifié des procédures administratives" in extraordinary
    assert "Approbation du budget de la commune pour l&#x27;exercice 2027" not in extraordinary

    rejected = staff_client.get(url, {"outcome": "rejected"}).content.decode()
    assert "Révision des tarifs d&#x27;occupation temporaire du domaine public" in rejected
    assert "Adoption du manuel unifié" not in rejected


def test_a_period_without_anything_says_so(staff_client):
    content = staff_client.get(decisions_index().url, {"year": 1999}).content.decode()
    assert "Aucune décision ne correspond à ces filtres." in content


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"month": "13"}, "« 13 » n'est pas un mois : choisissez un nombre de 1 à 12."),
        ({"year": "abc"}, "« abc » n'est pas une année"),
        ({"year": "20260"}, "« 20260 » n'est pas une année"),
        ({"session": "plenary"}, "« plenary » n'est pas un type de session."),
        ({"outcome": "postponed"}, "« postponed » n'est pas un résultat de vote."),
    ],
)
def test_a_bad_filter_is_named_and_ignored_never_a_server_error(staff_client, query, message):
    response = staff_client.get(decisions_index().url, query)
    assert response.status_code == 200
    content = unescape(response.content.decode())
    assert message in content
    assert "Adoption du manuel unifié des procédures administratives" in content  # still listed


def test_bad_news_filters_keep_the_good_ones(staff_client):
    response = staff_client.get(news_index().url, {"year": "2026", "month": "13"})
    assert response.status_code == 200
    assert "n'est pas un mois" in unescape(response.content.decode())
    assert response.context["filtered"]  # the year still applies


def test_the_listing_is_paginated_and_the_pages_keep_the_filters(staff_client):
    for number in range(1, DECISIONS_PER_PAGE + 3):
        decision(number, date(2025, 3, 4))
    response = staff_client.get(decisions_index().url, {"year": 2025})
    content = response.content.decode()
    assert response.context["listing_page"].paginator.num_pages == 2
    assert "?year=2025&amp;page=2" in content
    second = staff_client.get(decisions_index().url, {"year": 2025, "page": 2})
    assert len(second.context["listing_page"]) == 2


def test_the_news_listing_is_paginated(staff_client):
    for day in range(1, NEWS_PER_PAGE + 2):
        news(f"breve-{day}", date(2025, 1, day))
    response = staff_client.get(news_index().url, {"year": 2025, "page": "2"})
    assert len(response.context["listing_page"]) == 1
    assert staff_client.get(news_index().url, {"page": "abc"}).status_code == 200
