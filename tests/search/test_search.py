"""A visitor's question, typed at the desk in French or Arabic, finds the right procedure."""

import json
from html import unescape

import pytest
from django.core.management import call_command
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from procedures_manual.models import ProcedurePage
from search import indexing
from search.models import SearchEntry, SearchPosting, SearchTerm, SynonymSet
from tests.search.asking import ask as search

pytestmark = pytest.mark.django_db


def first_title(query, language="fr"):
    results = search(query, language=language, limit=3)
    return results.hits[0].entry.title if results.hits else None


@pytest.mark.parametrize(
    "query, language, expected",
    [
        ("naissance", "fr", "Déclaration de naissance"),
        ("declaration de naissance", "fr", "Déclaration de naissance"),
        ("déclaration naisance", "fr", "Déclaration de naissance"),  # typing mistake
        ("DECLARATION NAISSANCE", "fr", "Déclaration de naissance"),
        ("permis de construire", "fr", "Permis de construire"),
        ("autorisation de construire", "fr", "Permis de construire"),  # synonym
        ("enterrement", "fr", "Permis d'inhumer"),  # everyday word
        ("légalisation signature", "fr", "Légalisation de signature"),
        ("legalisation de signature", "fr", "Légalisation de signature"),
        ("tnb", "fr", "Déclaration de la taxe sur les terrains urbains non bâtis (TNB)"),
        ("livret de famille", "fr", "Livret de famille : délivrance et duplicata"),
        ("التصريح بالولادة", "ar", "التصريح بالولادة"),
        ("الولاده", "ar", "التصريح بالولادة"),  # taa marbuta typed as haa
        ("عقد الازدياد", "ar", "نسخة موجزة أو كاملة من رسم الولادة"),  # Moroccan synonym
        ("رخصة البناء", "ar", "رخصة البناء"),
        ("رخصه البناء", "ar", "رخصة البناء"),
        ("شكاية", "ar", "شكاية أو تظلم"),
    ],
)
def test_a_reception_agents_query_finds_the_right_procedure_first(query, language, expected):
    assert first_title(query, language) == expected


def test_a_prefix_typed_as_you_go_already_finds_procedures():
    titles = [hit.entry.title for hit in search("perm", language="fr", limit=10).hits]
    assert "Permis de construire" in titles


def test_a_mistyped_query_offers_its_correction_spelled_as_the_content_spells_it():
    results = search("declaraton naisance", language="fr")
    assert results.corrected_query == "déclaration naissance"


def an_indexed_procedure(django_capture_on_commit_callbacks, title):
    """A procedure of the test's own, live in French and in the index."""
    from tests.procedures_manual.factories import procedure

    with django_capture_on_commit_callbacks(execute=True):
        return procedure(code="TS-91", french={"title": title}, translate=False)


def test_a_draft_waiting_for_approval_is_not_found(django_capture_on_commit_callbacks):
    page = an_indexed_procedure(django_capture_on_commit_callbacks, "Attestation de gué")
    assert first_title("attestation gué") == "Attestation de gué"
    page.title = "Zanzibar brouillon"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert search("zanzibar", language="fr").hits == []
    assert first_title("attestation gué") == "Attestation de gué"  # the live text stays found


def test_unpublishing_removes_a_page_from_search(django_capture_on_commit_callbacks):
    page = an_indexed_procedure(django_capture_on_commit_callbacks, "Attestation de gué")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not SearchEntry.objects.filter(key=f"page:{page.pk}").exists()
    assert first_title("attestation gué") != page.title


def test_a_word_more_than_two_edits_from_every_indexed_word_is_left_as_typed():
    results = search("sanglier", language="fr")
    assert results.hits == [] and results.corrected_query == ""


def test_term_counts_follow_pages_in_and_out_of_the_index(django_capture_on_commit_callbacks):
    page = an_indexed_procedure(django_capture_on_commit_callbacks, "Attestation de gué")
    term = SearchPosting.objects.filter(entry__key=f"page:{page.pk}").first().term
    before = SearchTerm.objects.get(term=term).entry_count
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert SearchTerm.objects.get(term=term).entry_count == before - 1
    indexing.index_page(ProcedurePage.objects.get(pk=page.pk).specific)  # not live: stays out
    assert SearchTerm.objects.get(term=term).entry_count == before - 1


def test_a_common_word_finds_the_heaviest_entries_whatever_the_index_size(monkeypatch):
    """Only the heaviest candidates per term are read: title matches stay first."""
    from search.engines import database as query

    monkeypatch.setattr(query, "CANDIDATES_PER_TERM", 3)
    titles = [hit.entry.title for hit in search("naissance", language="fr", prefix=False).hits]
    assert 0 < len(titles) <= 3 * 2  # three read per language: French, and documents
    assert titles[0] == "Déclaration de naissance"


def test_an_editor_synonym_takes_effect_at_once():
    assert search("mortuaire", language="fr").hits == []
    SynonymSet.objects.create(terms="transfert de dépouille mortelle\nrapatriement mortuaire")
    assert first_title("rapatriement mortuaire") == "Transfert de dépouille mortelle"


def test_an_editors_pinned_result_comes_first(django_capture_on_commit_callbacks):
    pinned = an_indexed_procedure(django_capture_on_commit_callbacks, "Attestation de gué")
    SearchPromotion.objects.create(query=Query.get("signature"), page=pinned, sort_order=0)
    hits = search("signature", language="fr").hits
    assert hits[0].entry.title == pinned.title and hits[0].pinned


def test_facets_count_results_by_type_and_category():
    results = search("naissance", language="fr")
    kinds = {value: count for value, _label, count in results.facets["kind"]}
    assert kinds["procedurepage"] >= 3
    categories = {value for value, _label, _count in results.facets["category"]}
    assert "État civil" in categories


def test_results_are_filtered_by_a_facet():
    results = search("naissance", language="fr", kind="legaltextpage")
    assert results.hits and all(hit.entry.kind == "legaltextpage" for hit in results.hits)


def test_snippets_highlight_the_words_found():
    hit = search("trente jours", language="fr", limit=1).hits[0]
    assert "<mark>trente</mark>" in str(hit.snippet)


@pytest.mark.parametrize(
    "query",
    [
        "x" * 10_000,
        "naissance\x00\x07\x1b[31m",
        "'; DROP TABLE search_searchentry; --",
        'title:"naissance" AND (',
        "*:*",
        "   ",
    ],
)
def test_hostile_or_odd_queries_are_handled(query):
    search(query, language="fr")  # no exception
    assert SearchEntry.objects.exists()


def test_rebuild_search_indexes_every_published_page():
    SearchEntry.objects.all().delete()
    call_command("rebuild_search", stdout=open("/dev/null", "w"))
    from wagtail.models import Page

    from search.models import DocumentText

    pages = Page.objects.live().exclude(depth=1).count()
    assert SearchEntry.objects.count() == pages + DocumentText.objects.count()


def test_the_search_page_shows_facets_highlights_and_help(staff_client):
    html = unescape(staff_client.get("/fr/search/", {"q": "naissance"}).content.decode())
    assert "<mark>naissance</mark>" in html.lower() or "<mark>Naissance</mark>" in html
    assert "Catégorie" in html
    empty = unescape(staff_client.get("/fr/search/", {"q": "qwxzv"}).content.decode())
    assert "Aucun résultat." in empty and "enterrement" in empty


def test_the_search_page_suggests_a_correction(staff_client):
    html = unescape(staff_client.get("/fr/search/", {"q": "naisance"}).content.decode())
    assert "Vouliez-vous dire" in html and "naissance" in html


def test_the_search_page_survives_a_huge_query(staff_client):
    response = staff_client.get("/fr/search/", {"q": "naissance " * 2000})
    assert response.status_code == 200
    assert "200 premiers caractères" in unescape(response.content.decode())


class TestApi:
    def test_it_returns_the_best_results_first(self, staff_client):
        response = staff_client.get("/api/search/", {"q": "enterrement", "limit": 3})
        data = json.loads(response.content)
        assert response.status_code == 200
        assert data["results"][0]["title"] == "Permis d'inhumer"
        assert set(data["results"][0]) >= {"type", "title", "url", "snippet"}
        assert len(data["results"]) <= 3

    def test_it_answers_in_arabic(self, staff_client):
        data = json.loads(
            staff_client.get("/api/search/", {"q": "رخصة البناء", "language": "ar"}).content
        )
        assert data["results"][0]["title"] == "رخصة البناء"

    @pytest.mark.parametrize(
        "params",
        [
            {},
            {"q": ""},
            {"q": "  "},
            {"q": "naissance", "limit": "0"},
            {"q": "naissance", "limit": "abc"},
            {"q": "naissance", "limit": "1000"},
            {"q": "naissance", "limit": "-1"},
            {"q": "x" * 1001},
            {"q": "naissance", "language": "de"},
        ],
    )
    def test_bad_parameters_get_a_400_with_a_message(self, staff_client, params):
        response = staff_client.get("/api/search/", params)
        assert response.status_code == 400
        assert json.loads(response.content)["error"]

    def test_it_is_closed_to_anonymous_visitors(self, client):
        assert client.get("/api/search/", {"q": "naissance"}).status_code == 302


def test_moving_a_page_updates_its_address_in_search(django_capture_on_commit_callbacks):
    procedure = an_indexed_procedure(django_capture_on_commit_callbacks, "Attestation de gué")
    with django_capture_on_commit_callbacks(execute=True):
        procedure.slug = "reservation-salle"
        procedure.save_revision()
    indexing.index_page(ProcedurePage.objects.get(pk=procedure.pk))
    assert (
        SearchEntry.objects.get(key=f"page:{procedure.pk}").url
        == ProcedurePage.objects.get(pk=procedure.pk).url
    )


def test_rich_text_is_indexed_as_characters_not_html_entities():
    """A snippet is escaped once for the page: an entity kept from the rich text
    would show as "&amp;" to the reader."""
    from datetime import date

    from search.results import highlight
    from tests.news.factories import news

    page = news("tarifs-horaires", date(2026, 11, 30), title="Tarifs et horaires du hammam")
    page.body = [("paragraph", "<p>Tarifs &amp; horaires : adultes &lt; 10 DH</p>")]
    page.save_revision().publish()
    entry = indexing.index_page(page)
    assert "Tarifs & horaires : adultes < 10 DH" in entry.body
    assert "Tarifs &amp; horaires : adultes &lt; 10 DH" in str(highlight(entry.body, set()))
