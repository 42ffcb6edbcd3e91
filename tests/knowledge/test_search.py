"""Articles are found by the intranet's search, in French and in Arabic."""

import pytest

from search.indexing import document_for
from tests.search.asking import ask as search

from . import factories

pytestmark = pytest.mark.django_db


def titles(query, language):
    return [hit.entry.title for hit in search(query, language=language, limit=5).hits]


@pytest.fixture
def gauging(django_capture_on_commit_callbacks):
    """An article found only by a phrase of its body, indexed as publishing indexes it."""
    with django_capture_on_commit_callbacks(execute=True):
        return factories.article(
            slug="jaugeage-des-barques",
            title="Faire jauger sa barque",
            arabic_title="قياس حمولة القارب",
            body=[factories.paragraph("<p>Le certificat de jaugeage délivré au port.</p>")],
            arabic_body=[factories.paragraph("<p>شهادة الحمولة المسلمة بالميناء.</p>")],
        )


def test_search_finds_an_article_by_a_phrase_of_its_body(gauging):
    assert titles("certificat de jaugeage port", "fr")[0] == "Faire jauger sa barque"


def test_search_finds_an_arabic_article_by_a_phrase_of_its_body(gauging):
    assert "قياس حمولة القارب" in titles("شهادة الحمولة", "ar")


def test_search_facets_give_the_service_and_topic_in_the_articles_language(article):
    french, arabic = document_for(article()), document_for(article(language="ar"))
    assert (french["service"], french["category"]) == (
        "Bureau des essais",
        "Plaintes et accès à l'information",
    )
    assert arabic["service"] == "مكتب التجارب"
    assert arabic["category"] != french["category"]


def test_an_unpublished_article_is_no_longer_found(gauging, django_capture_on_commit_callbacks):
    assert "Faire jauger sa barque" in titles("certificat de jaugeage port", "fr")
    with django_capture_on_commit_callbacks(execute=True):
        gauging.unpublish()
    assert "Faire jauger sa barque" not in titles("certificat de jaugeage port", "fr")
