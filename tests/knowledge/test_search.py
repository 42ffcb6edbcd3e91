"""Articles are found by the intranet's search, in French and in Arabic."""

import pytest

from search.indexing import document_for
from tests.search.asking import ask as search

pytestmark = pytest.mark.django_db


def titles(query, language):
    return [hit.entry.title for hit in search(query, language=language, limit=5).hits]


def test_search_finds_an_article_by_a_phrase_of_its_body():
    assert titles("fiche anthropométrique commissariat", "fr")[0] == (
        "Documents que la commune ne délivre pas et où les obtenir"
    )


def test_search_finds_an_arabic_article_by_a_phrase_of_its_body():
    assert "الوثائق التي لا تسلمها الجماعة وأين يمكن الحصول عليها" in titles(
        "البطاقة الأنتروبومترية", "ar"
    )


def test_search_facets_give_the_service_and_topic_in_the_articles_language(article):
    french, arabic = document_for(article()), document_for(article(language="ar"))
    assert (french["service"], french["category"]) == (
        "Bureau des plaintes",
        "Plaintes et accès à l'information",
    )
    assert arabic["service"] == "مكتب الشكايات"
    assert arabic["category"] != french["category"]


def test_an_unpublished_article_is_no_longer_found(article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article("documents-non-delivres-par-la-commune").unpublish()
    assert "Documents que la commune ne délivre pas et où les obtenir" not in titles(
        "fiche anthropométrique commissariat", "fr"
    )
