"""The Elasticsearch mapping and queries, checked as data; live tests where a server runs."""

import os

import pytest

from search import elastic
from search.models import SearchEntry

pytestmark = pytest.mark.django_db


def analysis():
    return elastic.mapping()["settings"]["analysis"]


def test_french_text_is_analysed_with_elision_folding_and_light_stemming():
    french = analysis()["analyzer"]["intranet_french"]
    assert french["filter"] == [
        "french_elision",
        "lowercase",
        "asciifolding",
        "french_light_stemmer",
    ]
    assert analysis()["filter"]["french_light_stemmer"]["language"] == "light_french"


def test_arabic_text_is_normalised_and_stemmed():
    arabic = analysis()["analyzer"]["intranet_arabic"]
    assert {"arabic_normalization", "decimal_digit", "arabic_light_stemmer"} <= set(
        arabic["filter"]
    )


def test_synonyms_apply_at_search_time_only():
    analyzers = analysis()["analyzer"]
    assert "intranet_synonyms" not in analyzers["intranet_french"]["filter"]
    assert "intranet_synonyms" in analyzers["intranet_french_search"]["filter"]
    assert "intranet_synonyms" in analyzers["intranet_arabic_search"]["filter"]


def test_the_editors_synonyms_reach_the_mapping():
    rules = analysis()["filter"]["intranet_synonyms"]["synonyms"]
    assert any("enterrement" in rule and "permis d'inhumer" in rule for rule in rules)
    assert any("عقد الازدياد" in rule for rule in rules)


def test_each_text_field_has_a_french_and_an_arabic_analysis():
    title = elastic.mapping()["mappings"]["properties"]["title"]
    assert title["fields"]["fr"]["search_analyzer"] == "intranet_french_search"
    assert title["fields"]["ar"]["analyzer"] == "intranet_arabic"


def test_the_query_tolerates_typos_completes_prefixes_and_filters_the_language():
    body = elastic.build_search("permis constrire", language="fr", limit=10).to_dict()
    should = body["query"]["bool"]["must"][0]["function_score"]["query"]["bool"]["should"]
    assert any(clause["multi_match"].get("fuzziness") == "AUTO" for clause in should)
    assert any(clause["multi_match"].get("type") == "bool_prefix" for clause in should)
    assert body["query"]["bool"]["filter"] == [{"terms": {"language": ["fr", ""]}}]
    assert body["size"] == 10


def test_the_query_asks_for_facets_and_highlights():
    body = elastic.build_search("naissance", kind="procedurepage").to_dict()
    assert set(body["aggs"]) == {"language", "shown"}
    assert set(body["aggs"]["shown"]["aggs"]) == {"kind", "service", "category"}
    assert body["post_filter"] == {"term": {"kind": "procedurepage"}}
    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["encoder"] == "html"


def test_counting_every_language_moves_the_language_filter_after_the_counts():
    body = elastic.build_search(
        "naissance", language="fr", written_in="ar", count_all_languages=True, service="X"
    ).to_dict()
    assert "filter" not in body["query"].get("bool", {})
    assert body["post_filter"] == {
        "bool": {"filter": [{"term": {"service": "X"}}, {"terms": {"language": ["ar"]}}]}
    }
    assert body["aggs"]["shown"]["filter"] == {"terms": {"language": ["ar"]}}
    assert body["aggs"]["language"] == {"terms": {"field": "language", "size": 20}}


def procedure_hit(title):
    entry = SearchEntry.objects.get(title=title, language="fr")
    return entry, {
        "_index": elastic.index_name(),
        "_id": entry.key,
        "_score": 12.5,
        "_source": {"title": entry.title},
        "highlight": {"title": [f"<mark>{entry.title}</mark>"]},
    }


def buckets(**counts):
    return {"buckets": [{"key": key, "doc_count": count} for key, count in counts.items()]}


def test_facets_are_the_aggregations_exact_counts_not_a_count_of_the_hits_returned(
    elasticsearch,
):
    from search.query import search

    from .conftest import empty_response

    entry, hit = procedure_hit("Déclaration de naissance")
    elasticsearch.response = empty_response(
        hits=[hit],
        aggregations={
            "language": buckets(fr=140, **{"": 7}),
            "shown": {
                "doc_count": 147,
                "kind": buckets(procedurepage=120, document=7, newspage=20),
                "service": buckets(**{entry.service: 42}),
                "category": buckets(**{"État civil": 30}),
            },
        },
    )
    results = search("naissance", language="fr", kind="procedurepage")
    assert [hit.entry.key for hit in results.hits] == [entry.key]
    assert results.facets["kind"][0][0::2] == ("procedurepage", 120)
    assert dict((v, c) for v, _l, c in results.facets["kind"]) == {
        "procedurepage": 120,
        "newspage": 20,
        "document": 7,
    }
    assert results.facets["service"] == [(entry.service, entry.service, 42)]
    assert dict((v, c) for v, _l, c in results.facets["language"]) == {"fr": 140, "": 7}
    assert "<mark>" in str(results.hits[0].highlighted_title)
    sent = elasticsearch.bodies[-1]
    assert sent["post_filter"] == {"term": {"kind": "procedurepage"}}  # filtered by Elasticsearch


def test_did_you_mean_still_works_on_elasticsearch(elasticsearch):
    from search.query import search

    from .conftest import empty_response, title_suggestion

    elasticsearch.response = empty_response(
        aggregations={"language": buckets(), "shown": {"doc_count": 0}},
        suggest=title_suggestion("constrire", 10, "construire", freq=12),
    )
    results = search("permis de constrire", language="fr")
    assert results.corrected_query == "permis de construire"
    assert results.hits == [] and results.facets["kind"] == []


def test_an_entry_becomes_a_document_with_its_facets():
    entry = SearchEntry.objects.filter(kind="procedurepage", language="fr").first()
    document = elastic.as_document(entry).to_dict(include_meta=True)
    assert document["_id"] == entry.key
    assert (
        document["_source"]["language"] == "fr" and document["_source"]["service"] == entry.service
    )


def test_the_query_asks_for_corrections_of_mistyped_words():
    body = elastic.build_search("permis de constrire").to_dict()
    assert body["suggest"]["title"]["term"]["field"] == "title"
    assert body["suggest"]["title"]["term"]["suggest_mode"] == "missing"
    assert body["suggest"]["title"]["text"] == "permis de constrire"


def test_did_you_mean_replaces_each_mistyped_word_title_words_first():
    suggestions = {
        "title": [
            {"text": "permis", "offset": 0, "length": 6, "options": []},
            {
                "text": "constrire",
                "offset": 10,
                "length": 9,
                "options": [{"text": "construire", "score": 0.8, "freq": 12}],
            },
        ],
        "body": [
            {
                "text": "constrire",
                "offset": 10,
                "length": 9,
                "options": [{"text": "constituer", "score": 0.7, "freq": 40}],
            }
        ],
    }
    assert elastic.corrected_query("permis de constrire", suggestions) == "permis de construire"


def test_a_query_without_corrections_suggests_nothing():
    assert (
        elastic.corrected_query(
            "permis", {"title": [{"text": "permis", "offset": 0, "length": 6, "options": []}]}
        )
        == ""
    )


live = pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL")


@pytest.mark.elasticsearch
@live
@pytest.mark.parametrize(
    "query, language, expected",
    [
        ("enterrement", "fr", "Permis d'inhumer"),
        ("permis de constrire", "fr", "Permis de construire"),
        ("رخصه البناء", "ar", "رخصة البناء"),
    ],
)
def test_live_elasticsearch_answers_like_the_database(settings, query, language, expected):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    from search.query import search

    elastic.rebuild()
    assert search(query, language=language).hits[0].entry.title == expected


@pytest.mark.elasticsearch
@live
def test_live_elasticsearch_suggests_the_word_meant(settings):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    from search.query import search

    elastic.rebuild()
    assert "construire" in search("permis de constrire", language="fr").corrected_query
