"""The Elasticsearch engine: its mapping and queries checked as data, its answers read
from a scripted client; live tests where a server runs (``ELASTICSEARCH_URL``)."""

import json
import os

import pytest

from search.engines import elasticsearch as engine
from search.facade import SearchRequest, plan_for
from search.lexicon import indexed_sequence
from search.models import SearchEntry

from .asking import ask

pytestmark = pytest.mark.django_db


def body_for(query, **options):
    return engine.build_search(plan_for(SearchRequest(query, **options))).to_dict()


def concept_clauses(body):
    return body["query"]["function_score"]["query"]["bool"]["should"]


def test_each_entry_carries_its_terms_as_the_shared_analysis_reads_them():
    entry = SearchEntry.objects.get(title="Déclaration de naissance", language="fr")
    document = engine.as_document(entry).to_dict()
    assert document["terms_title"].split() == ["declar", "de", "naissanc"]
    mapping = engine.mapping()
    assert mapping["settings"]["analysis"]["analyzer"]["intranet_terms"] == {
        "type": "custom",
        "tokenizer": "whitespace",
    }
    properties = mapping["mappings"]["properties"]
    assert properties["terms_body"]["analyzer"] == "intranet_terms"
    assert properties["title"]["fields"]["ar"]["analyzer"] == "arabic"


def test_the_dsl_comes_from_the_official_client():
    assert engine.Search.__module__.startswith("elasticsearch.dsl")


def test_the_client_is_created_once_per_process(settings):
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    engine.client.cache_clear()
    assert engine.connection() is engine.connection()


def test_a_darija_query_is_sent_as_the_commune_terms_it_means():
    body = body_for("بغيت الكارني")
    (clause,) = concept_clauses(body)
    queries = [alternative["multi_match"]["query"] for alternative in clause["bool"]["should"]]
    assert any(query.split()[0] == "دفتر" for query in queries)  # الدفتر العائلي
    assert any("famill" in query for query in queries)  # livret de famille, a synonym
    assert all(alt["multi_match"]["operator"] == "and" for alt in clause["bool"]["should"])


def test_the_query_language_comes_first_and_the_other_is_only_lowered():
    body = body_for("رخصة البناء")
    functions = body["query"]["function_score"]["functions"]
    (lowered,) = [function for function in functions if "weight" in function]
    assert lowered["weight"] == 0.5
    assert lowered["filter"] == {"bool": {"must_not": [{"terms": {"language": ["ar", ""]}}]}}
    assert body["query"]["function_score"]["query"]["bool"]["minimum_should_match"] == 1
    assert "filter" not in body["query"].get("bool", {})  # no language filter by default


def test_an_explicit_language_filters():
    body = body_for("naissance", languages=("fr", ""), limit=10)
    assert body["query"]["bool"]["filter"] == [{"terms": {"language": ["fr", ""]}}]
    assert body["size"] == 10


def test_a_share_of_the_known_concepts_must_match_unless_the_answer_is_partial():
    plan = plan_for(SearchRequest("extrait acte deces mariage"))
    assert len(plan.understood.concepts) == 4
    strict = engine.build_search(plan).to_dict()
    loose = engine.build_search(plan, partial=True).to_dict()
    assert strict["query"]["function_score"]["query"]["bool"]["minimum_should_match"] == 2
    assert loose["query"]["function_score"]["query"]["bool"]["minimum_should_match"] == 1


def test_a_quoted_phrase_must_stand_word_for_word_stop_words_included():
    body = body_for('"permis de construire" garage')
    (phrase,) = body["query"]["function_score"]["query"]["bool"]["must"]
    sequences = [clause["multi_match"]["query"] for clause in phrase["bool"]["should"]]
    assert " ".join(indexed_sequence("permis de construire")) in sequences
    assert all(clause["multi_match"]["type"] == "phrase" for clause in phrase["bool"]["should"])


def test_facets_are_asked_for_and_filters_apply_after_the_counts():
    body = body_for("naissance", kind="procedurepage")
    assert set(body["aggs"]) == {"language", "shown"}
    assert set(body["aggs"]["shown"]["aggs"]) == {"kind", "service", "category"}
    assert body["post_filter"] == {"term": {"kind": "procedurepage"}}


def test_counting_every_language_moves_the_language_filter_after_the_counts():
    body = body_for("naissance", languages=("ar",), count_all_languages=True, service="X")
    assert "filter" not in body["query"].get("bool", {})
    assert body["post_filter"] == {
        "bool": {"filter": [{"term": {"service": "X"}}, {"terms": {"language": ["ar"]}}]}
    }
    assert body["aggs"]["shown"]["filter"] == {"terms": {"language": ["ar"]}}


def procedure_hit(title):
    entry = SearchEntry.objects.get(title=title, language="fr")
    return entry, {
        "_index": engine.index_name(),
        "_id": entry.key,
        "_score": 12.5,
        "_source": {"title": entry.title},
    }


def buckets(**counts):
    return {"buckets": [{"key": key, "doc_count": count} for key, count in counts.items()]}


def test_facets_are_the_aggregations_exact_counts_not_a_count_of_the_hits_returned(
    elasticsearch,
):
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
    results = ask("naissance", language="fr", kind="procedurepage")
    assert [hit.entry.key for hit in results.hits] == [entry.key]
    assert dict((v, c) for v, _l, c in results.facets["kind"]) == {
        "procedurepage": 120,
        "newspage": 20,
        "document": 7,
    }
    assert results.facets["service"] == [(entry.service, entry.service, 42)]
    assert dict((v, c) for v, _l, c in results.facets["language"]) == {"fr": 140, "": 7}
    assert "<mark>" in str(results.hits[0].highlighted_title)


def test_when_nothing_matches_enough_a_second_request_finds_the_partial_matches(elasticsearch):
    from .conftest import empty_response

    entry, hit = procedure_hit("Déclaration de décès")
    answers = iter([empty_response(), empty_response(hits=[hit])])

    def search(index, body, **params):
        elasticsearch.bodies.append(body)
        from types import SimpleNamespace

        return SimpleNamespace(body=next(answers))

    elasticsearch.search = search
    results = ask("extrait acte deces mariage zanzibar")
    assert [hit.entry.key for hit in results.hits] == [entry.key] and results.partial
    assert results.unknown_words == ["zanzibar"]  # held by no entry: not counted
    first, second = (
        body["query"]["function_score"]["query"]["bool"]["minimum_should_match"]
        for body in elasticsearch.bodies
    )
    assert (first, second) == (2, 1)


def test_did_you_mean_is_the_shared_vocabularys_on_elasticsearch_too(elasticsearch):
    results = ask("permis de constrire")
    assert results.corrected_query == "permis de construire"
    sent = json.dumps(elasticsearch.bodies[-1], ensure_ascii=False)
    assert "construir" in sent and "constrir" not in sent


def test_query_syntax_reaches_elasticsearch_as_plain_terms():
    body = json.dumps(body_for('title:"naissance" AND (*:* OR regexp~)'))
    assert '"query_string"' not in body and '"regexp"' not in body


live = pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="needs ELASTICSEARCH_URL")


@pytest.mark.elasticsearch
@live
def test_live_elasticsearch_builds_its_index_from_the_mapping(settings):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    engine.ElasticsearchEngine().rebuilt()
    count = engine.connection().count(index=engine.index_name())["count"]
    assert count == SearchEntry.objects.count()
