"""The search page: a language facet that counts and filters, and pages of results."""

from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def language_counts(response):
    return {value: count for value, _label, count in response.context["language_facet"]}


def test_the_language_facet_counts_french_pages_arabic_pages_and_documents(staff_client):
    response = staff_client.get("/fr/search/", {"q": "رخصة البناء"})
    counts = language_counts(response)
    assert counts["ar"] >= 1 and counts["fr"] >= 1  # the synonym finds the French page too
    html = unescape(response.content.decode())
    assert "language=ar" in html and "language=fr" in html


def test_an_arabic_query_on_the_french_page_shows_arabic_pages_first_each_page_once(
    staff_client,
):
    response = staff_client.get("/fr/search/", {"q": "رخصة البناء"})
    hits = response.context["results"].hits
    assert hits[0].entry.title == "رخصة البناء"
    titles = [hit.entry.title for hit in hits]
    assert "Permis de construire" not in titles  # the same page, in the other language


def test_choosing_a_language_shows_only_its_pages(staff_client):
    counts = language_counts(staff_client.get("/fr/search/", {"q": "رخصة البناء"}))
    response = staff_client.get("/fr/search/", {"q": "رخصة البناء", "language": "ar"})
    hits = response.context["results"].hits
    assert hits[0].entry.title == "رخصة البناء"
    assert {hit.entry.language for hit in hits} == {"ar"}
    assert len(hits) == counts["ar"]
    assert language_counts(response) == counts  # the facet still offers every language


def test_choosing_documents_shows_only_documents(staff_client):
    all_results = staff_client.get("/fr/search/", {"q": "horaires"})
    documents = language_counts(all_results).get("documents", 0)
    assert documents >= 1
    response = staff_client.get("/fr/search/", {"q": "horaires", "language": "documents"})
    hits = response.context["results"].hits
    assert len(hits) == documents and {hit.entry.kind for hit in hits} == {"document"}


def test_an_unknown_language_filters_nothing(staff_client):
    plain = staff_client.get("/fr/search/", {"q": "naissance"}).context["results"].hits
    odd = staff_client.get("/fr/search/", {"q": "naissance", "language": "de"})
    assert odd.status_code == 200
    assert [hit.entry.key for hit in odd.context["results"].hits] == [
        hit.entry.key for hit in plain
    ]


def many_results(staff_client):
    response = staff_client.get("/fr/search/", {"q": "service"})
    hits = response.context["results"].hits
    assert len(hits) > 20, "the demo must give more than one page for this query"
    return hits


def test_page_two_shows_the_next_results_and_keeps_the_filters(staff_client):
    hits = many_results(staff_client)
    first = staff_client.get("/fr/search/", {"q": "service"})
    second = staff_client.get("/fr/search/", {"q": "service", "page": "2"})
    assert [hit.entry.key for hit in second.context["results_page"]] == [
        hit.entry.key for hit in hits[20:40]
    ]
    assert "page=2" in unescape(first.content.decode())
    filtered = staff_client.get("/fr/search/", {"q": "service", "language": "fr"})
    if filtered.context["results_page"].has_next():
        assert "language=fr" in unescape(filtered.content.decode()).split('rel="next"')[1][:200]


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1e9", "²", "9" * 40])
def test_a_bad_page_number_gets_a_clear_answer(staff_client, page):
    many_results(staff_client)
    response = staff_client.get("/fr/search/", {"q": "service", "page": page})
    assert response.status_code == 200
    shown = response.context["results_page"].number
    html = unescape(response.content.decode())
    assert response.context["missing_page"] and f"page {shown}" in html
