"""Fixtures of the search tests: a private document, a scripted Elasticsearch."""

import os
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.models import CollectionViewRestriction

from tests.library.factories import docx_bytes, make_document

PRIVATE_GROUP = "Documents — Direction générale des services"  # "communication" is in it


@pytest.fixture
def private_document(db, django_capture_on_commit_callbacks):
    """A note of the general services' collection, made private to that collection's group."""
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(
            "Note sur les calèches hippomobiles",
            "caleches.docx",
            docx_bytes(
                "Contrôle des calèches hippomobiles du centre-ville et déclaration de naissance "
                "des poulains, à ne pas diffuser."
            ),
        )
    restriction = CollectionViewRestriction.objects.create(
        collection=document.collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=PRIVATE_GROUP)])
    return document


@pytest.fixture
def reader(db):
    """A request made by one of the demo accounts: ``reader("communication")``."""
    from django.contrib.auth import get_user_model

    def request_of(username):
        request = RequestFactory().get("/")
        request.user = get_user_model().objects.get(username=username)
        request.session = {}
        return request

    return request_of


class ScriptedElasticsearch:
    """Stands for the Elasticsearch client: keeps the bodies sent, answers ``response``."""

    def __init__(self):
        self.bodies = []
        self.response = empty_response()

    def search(self, index, body, **params):
        self.bodies.append(body)
        return SimpleNamespace(body=self.response)


def empty_response(hits=(), aggregations=None):
    response = {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {
            "total": {"value": len(hits), "relation": "eq"},
            "max_score": None,
            "hits": list(hits),
        },
    }
    if aggregations is not None:
        response["aggregations"] = aggregations
    return response


@pytest.fixture
def elasticsearch(settings, monkeypatch):
    """The search runs on Elasticsearch, whose answers the test writes."""
    from search.engines import elasticsearch as engine

    client = ScriptedElasticsearch()
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    monkeypatch.setattr(engine, "connection", lambda: client)
    return client


ENGINES = [
    "database",
    pytest.param(
        "elasticsearch",
        marks=[
            pytest.mark.elasticsearch,
            pytest.mark.skipif(
                not os.environ.get("ELASTICSEARCH_URL"),
                reason="no Elasticsearch: set ELASTICSEARCH_URL to a server to run the suite on it",
            ),
        ],
    ),
]


@pytest.fixture(params=ENGINES)
def engine(request, settings):
    """Each engine available in turn: the tests that take it specify both engines."""
    if request.param == "elasticsearch":
        from search.engines.elasticsearch import ElasticsearchEngine

        settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
        ElasticsearchEngine().rebuilt()
    return request.param
