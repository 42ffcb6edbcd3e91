"""News and decisions listed month by month, with filters that never break the page."""

from datetime import date
from html import unescape

import pytest

from intranet.news import months
from intranet.news.listing import group_by_month
from intranet.news.models import NEWS_PER_PAGE
from intranet.news.models.council import DECISIONS_PER_PAGE

from .factories import YEAR, decision, decisions_index, news, news_index

pytestmark = pytest.mark.django_db


def arabic_news(slug, day, title):
    return news(slug, day, title=title, arabic_fields={"title": f"{title} (ar)"})


@pytest.fixture
def sessions():
    """Three decisions of the year: extraordinary and adopted, ordinary and adopted,
    ordinary and rejected."""
    return {
        "extraordinary": decision(
            5, date(YEAR, 2, 10), session_type="extraordinary", title="Adoption du plan des essais"
        ),
        "ordinary": decision(12, date(YEAR, 5, 4), title="Approbation des comptes des essais"),
        "rejected": decision(
            13,
            date(YEAR, 5, 4),
            votes=(8, 30, 1),
            outcome="rejected",
            title="Révision des tarifs des essais",
        ),
    }


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
    for month in (9, 10, 11):
        arabic_news(f"breve-du-mois-{month}", date(YEAR, month, 3), f"Brève du mois {month}")
    french = staff_client.get(news_index().url).content.decode()
    assert "novembre 2030" in french and "septembre 2030" in french
    assert french.index("novembre 2030") < french.index("octobre 2030")
    arabic = staff_client.get(news_index("ar").url).content.decode()
    assert "نونبر 2030" in arabic and "نوفمبر" not in arabic


def test_the_decisions_are_listed_under_month_headings(staff_client):
    for number, day in ((3, date(YEAR, 2, 10)), (40, date(YEAR, 11, 24))):
        decision(number, day, arabic_fields={"title": f"مقرر التجارب {number}"})
    content = staff_client.get(decisions_index("ar").url).content.decode()
    assert "نونبر 2030" in content and "فبراير 2030" in content


def test_news_filter_by_year_and_month(staff_client):
    news("breve-de-novembre", date(YEAR, 11, 3), title="Brève de novembre")
    news("breve-d-octobre", date(YEAR, 10, 3), title="Brève d'octobre")
    content = staff_client.get(news_index().url, {"year": YEAR, "month": 11}).content.decode()
    assert "Brève de novembre" in content
    assert "Brève d&#x27;octobre" not in content


def test_decisions_filter_by_session_and_outcome(staff_client, sessions):
    url = decisions_index().url
    extraordinary = staff_client.get(url, {"session": "extraordinary"}).content.decode()
    assert "Adoption du plan des essais" in extraordinary
    assert "Approbation des comptes des essais" not in extraordinary

    rejected = staff_client.get(url, {"outcome": "rejected"}).content.decode()
    assert "Révision des tarifs des essais" in rejected
    assert "Adoption du plan des essais" not in rejected


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
def test_a_bad_filter_is_named_and_ignored_never_a_server_error(
    staff_client, sessions, query, message
):
    response = staff_client.get(decisions_index().url, query)
    assert response.status_code == 200
    content = unescape(response.content.decode())
    assert message in content
    assert "Adoption du plan des essais" in content  # still listed


def test_bad_news_filters_keep_the_good_ones(staff_client):
    response = staff_client.get(news_index().url, {"year": "2026", "month": "13"})
    assert response.status_code == 200
    assert "n'est pas un mois" in unescape(response.content.decode())
    assert response.context["filtered"]  # the year still applies


def test_the_listing_is_paginated_and_the_pages_keep_the_filters(staff_client):
    for number in range(1, DECISIONS_PER_PAGE + 3):
        decision(number, date(YEAR, 3, 4))
    response = staff_client.get(decisions_index().url, {"year": YEAR})
    content = response.content.decode()
    assert response.context["listing_page"].paginator.num_pages == 2
    assert f"?year={YEAR}&amp;page=2" in content
    second = staff_client.get(decisions_index().url, {"year": YEAR, "page": 2})
    assert len(second.context["listing_page"]) == 2


def test_the_news_listing_is_paginated(staff_client):
    for day in range(1, NEWS_PER_PAGE + 2):
        news(f"breve-{day}", date(YEAR, 1, day))
    response = staff_client.get(news_index().url, {"year": YEAR, "page": "2"})
    assert len(response.context["listing_page"]) == 1
    assert staff_client.get(news_index().url, {"page": "abc"}).status_code == 200
