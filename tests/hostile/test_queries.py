"""Whatever is typed into search, on the page, the API or the reception desk: never a 500.

The index is read with bound parameters and Elasticsearch receives the words as
plain ``multi_match`` text, so SQL and query syntax are only words; the API
answers 400 with a message for what it cannot take.
"""

import json

import pytest

from search.engines import elasticsearch as engine
from search.facade import SearchRequest, plan_for
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = {
    "10,000 characters": "naissance " * 1000,
    "control characters": "nais\x01\x02sance\x1b[31m\x7f\x85",
    "NUL bytes": "\x00naissance\x00\x00",
    "SQL comment": "' OR 1=1 --",
    "SQL union": "naissance' UNION SELECT password FROM auth_user --",
    "SQL stacked": "x'; DELETE FROM search_searchentry; --",
    "Elasticsearch field and open bracket": "title:x AND (",
    "Elasticsearch match all": "*:*",
    "fuzzy and boost": "naissance~2 permis^10",
    "regular expression": "/.*/",
    "JSON": '{"query": {"match_all": {}}}',
    "right-to-left override": "\u202enaissance\u202c \u2067رخصة\u2069",
    "emoji": "👶 naissance 🏗️ رخصة البناء",
    "percent and underscore": "%_%\\",
    "HTML": '<script>alert(1)</script><img src=x onerror="alert(2)">',
}
IDS = list(HOSTILE_QUERIES)
QUERIES = list(HOSTILE_QUERIES.values())


def no_raw_markup(html):
    return "<script>alert(1)" not in html and 'onerror="alert' not in html


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_the_search_page_answers_any_query(staff_client, query):
    entries = SearchEntry.objects.count()
    for language in ("fr", "ar"):
        response = staff_client.get(f"/{language}/search/", {"q": query})
        assert response.status_code == 200
        assert no_raw_markup(response.content.decode())
    assert SearchEntry.objects.count() == entries


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_the_api_answers_any_query_with_results_or_a_400_and_a_message(staff_client, query):
    response = staff_client.get("/api/search/", {"q": query})
    data = json.loads(response.content)
    if len(query) > 1000:
        assert response.status_code == 400 and data["error"]
    else:
        assert response.status_code == 200 and isinstance(data["results"], list)
        assert "\x00" not in data["query"] and "\x1b" not in data["query"]


@pytest.mark.parametrize("query", ["\x00", "\x00\x01\x02\x1f", "\u0085\u0080", "\t\n\r "])
def test_the_api_calls_a_query_of_control_characters_only_missing(staff_client, query):
    response = staff_client.get("/api/search/", {"q": query})
    assert response.status_code == 400
    assert json.loads(response.content)["error"]


def test_the_api_refuses_a_ten_thousand_character_query_with_a_message(staff_client):
    response = staff_client.get("/api/search/", {"q": "x" * 10_000})
    assert response.status_code == 400
    assert "1000" in json.loads(response.content)["error"]


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_the_reception_desk_answers_any_query(client_for, query):
    client = client_for("accueil")
    for params in ({"q": query}, {"q": query, "partial": "1", "typing": "1"}):
        response = client.get("/fr/reception/", params)
        assert response.status_code == 200
        assert no_raw_markup(response.content.decode())


@pytest.mark.parametrize("query", QUERIES, ids=IDS)
def test_elasticsearch_receives_query_syntax_as_plain_words(query):
    body = json.dumps(engine.build_search(plan_for(SearchRequest(query))).to_dict())
    assert "query_string" not in body and "regexp" not in body


ODD_NUMBERS = ["²", "١٢", "99999999999999999999", "1" * 5000, "-1", "1 OR 1=1", "<b>"]


@pytest.mark.parametrize("procedure", ODD_NUMBERS, ids=range(len(ODD_NUMBERS)))
def test_the_reception_desk_ignores_or_refuses_an_odd_procedure_number(client_for, procedure):
    response = client_for("accueil").get(
        "/fr/reception/", {"q": "naissance", "procedure": procedure}
    )
    assert response.status_code in (200, 404)


@pytest.mark.parametrize("days", ODD_NUMBERS, ids=range(len(ODD_NUMBERS)))
def test_the_reception_statistics_fall_back_to_thirty_days_for_an_odd_period(client_for, days):
    assert client_for("accueil").get("/fr/reception/statistics/", {"days": days}).status_code == 200


NOT_A_LIMIT = [number for number in ODD_NUMBERS if number != "١٢"]  # ١٢ is twelve


@pytest.mark.parametrize("limit", NOT_A_LIMIT, ids=range(len(NOT_A_LIMIT)))
def test_the_api_refuses_an_odd_limit_with_a_400_and_a_message(staff_client, limit):
    response = staff_client.get("/api/search/", {"q": "naissance", "limit": limit})
    assert response.status_code == 400
    assert json.loads(response.content)["error"]


def test_a_limit_in_arabic_indic_digits_is_read_as_the_same_number(staff_client):
    response = staff_client.get("/api/search/", {"q": "naissance", "limit": "٣"})
    assert response.status_code == 200 and len(json.loads(response.content)["results"]) == 3


def listings():
    """Every page that reads a number from its address, and the numbers it reads."""
    from intranet.news.models import CouncilDecisionIndexPage, NewsIndexPage

    news = {page.locale.language_code: page.url for page in NewsIndexPage.objects.all()}
    decisions = {
        page.locale.language_code: page.url for page in CouncilDecisionIndexPage.objects.all()
    }
    return [
        ("personnel", news["fr"], ("year", "month", "page")),
        ("personnel", news["ar"], ("year", "month", "page")),
        ("personnel", decisions["fr"], ("year", "month", "page")),
        ("personnel", "/fr/training/plan/", ("year",)),
        ("personnel", "/fr/search/", ("page",)),
        ("accueil", "/fr/reception/", ("procedure",)),
        ("cellule", "/fr/reception/statistics/", ("days", "page")),
        ("cellule", "/admin/knowledge/feedback/", ("article",)),
    ]


@pytest.mark.parametrize("number", ODD_NUMBERS, ids=range(len(ODD_NUMBERS)))
def test_no_listing_answers_an_odd_number_with_a_server_error(client_for, number):
    for username, url, parameters in listings():
        client = client_for(username)
        for parameter in parameters:
            response = client.get(url, {parameter: number, "q": "naissance"})
            assert response.status_code in (200, 404), (url, parameter, response.status_code)
