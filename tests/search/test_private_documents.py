"""A document of a private collection is found only by the readers its restriction admits:
through the API, the search page, its facets, "did you mean" and the reception desk,
on both engines."""

import json
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import CollectionViewRestriction

from tests.search.asking import ask as search

pytestmark = pytest.mark.django_db

TITLE = "Note sur les calèches hippomobiles"


def api_titles(client, query):
    response = client.get("/api/search/", {"q": query, "limit": 50})
    assert response.status_code == 200
    return [result["title"] for result in json.loads(response.content)["results"]]


def document_count(facets):
    return dict((value, count) for value, _label, count in facets["kind"]).get("document", 0)


def test_staff_outside_the_group_do_not_find_a_private_document_through_the_api(
    private_document, client_for
):
    assert TITLE not in api_titles(client_for("personnel"), "calèches hippomobiles")


def test_members_of_the_group_and_superusers_find_a_private_document(
    private_document, client_for, client
):
    assert api_titles(client_for("communication"), "calèches hippomobiles")[0] == TITLE
    client.force_login(get_user_model().objects.create_superuser("chef", "chef@example.org", "x"))
    assert api_titles(client, "calèches hippomobiles")[0] == TITLE


def test_the_search_page_neither_lists_nor_counts_a_private_document_for_outsiders(
    private_document, client_for
):
    outsider = client_for("personnel").get("/fr/search/", {"q": "déclaration naissance"})
    member = client_for("communication").get("/fr/search/", {"q": "déclaration naissance"})
    assert TITLE not in unescape(outsider.content.decode())
    assert TITLE in unescape(member.content.decode())
    outsider_facets, member_facets = (
        outsider.context["results"].facets,
        member.context["results"].facets,
    )
    assert document_count(member_facets) == document_count(outsider_facets) + 1
    languages = dict((value, count) for value, _label, count in outsider.context["language_facet"])
    member_languages = dict(
        (value, count) for value, _label, count in member.context["language_facet"]
    )
    assert member_languages["documents"] == languages.get("documents", 0) + 1


def test_a_private_documents_words_are_not_offered_as_corrections_to_outsiders(
    private_document, reader
):
    assert search("hipomobiles", language="fr", request=reader("communication")).corrected_query
    outsider = search("hipomobiles", language="fr", request=reader("personnel"))
    assert outsider.corrected_query == "" and outsider.hits == []


def test_a_search_that_names_no_reader_leaves_private_documents_out(private_document):
    assert search("calèches hippomobiles", language="fr").hits == []


def test_the_reception_desk_does_not_show_a_private_document(private_document, client_for):
    response = client_for("accueil").get("/fr/reception/", {"q": "hippomobiles"})
    assert response.context["results"].hits == []
    assert "calèches" not in unescape(response.content.decode())  # the title, around its <mark>


def test_lifting_the_restriction_makes_the_document_findable_at_once(private_document, reader):
    assert search("hippomobiles", language="fr", request=reader("personnel")).hits == []
    CollectionViewRestriction.objects.filter(collection=private_document.collection).delete()
    hits = search("hippomobiles", language="fr", request=reader("personnel")).hits
    assert [hit.entry.title for hit in hits] == [TITLE]


def test_a_sub_collection_of_a_private_collection_is_private_too(
    private_document, reader, django_capture_on_commit_callbacks
):
    child = private_document.collection.add_child(name="Archives des calèches")
    private_document.collection = child
    with django_capture_on_commit_callbacks(execute=True):
        private_document.save()
    assert search("hippomobiles", language="fr", request=reader("personnel")).hits == []
    assert search("hippomobiles", language="fr", request=reader("communication")).hits


class TestElasticsearch:
    def test_the_query_sent_for_an_outsider_leaves_the_private_collection_out(
        self, private_document, reader, elasticsearch
    ):
        search("naissance hippomobiles", language="fr", request=reader("personnel"))
        (excluded,) = [
            clause["bool"]["must_not"]
            for clause in elasticsearch.bodies[-1]["query"]["bool"]["filter"]
            if "must_not" in clause.get("bool", {})
        ]
        assert {"terms": {"collection": [private_document.collection_id]}} in excluded

    def test_the_query_sent_for_a_member_of_the_group_filters_nothing(
        self, private_document, reader, elasticsearch
    ):
        search("hippomobiles", language="fr", request=reader("communication"))
        assert "collection" not in json.dumps(elasticsearch.bodies[-1]["query"])

    def test_a_document_sent_to_elasticsearch_carries_its_collection(self, private_document):
        from search.engines import elasticsearch as engine
        from search.models import SearchEntry

        entry = SearchEntry.objects.get(key=f"document:{private_document.pk}")
        assert engine.collection_of(entry) == private_document.collection_id
        document = engine.as_document(entry, engine.collection_of(entry)).to_dict()
        assert document["collection"] == private_document.collection_id
        assert engine.mapping()["mappings"]["properties"]["collection"] == {"type": "integer"}

    def test_did_you_mean_does_not_propose_a_word_only_private_documents_hold(
        self, private_document, reader, elasticsearch
    ):
        member = search("hipomobiles", language="fr", request=reader("communication"))
        outsider = search("hipomobiles", language="fr", request=reader("personnel"))
        assert member.corrected_query == "hippomobiles"
        assert outsider.corrected_query == ""
