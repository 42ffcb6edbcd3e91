"""A phrase in quotes is found only where its words stand in that order, side by side,
after the same analysis as indexing; both engines agree."""

import pytest

from search.lexicon import indexed_sequence
from search.models import SynonymSet
from tests.library.factories import docx_bytes, make_document
from tests.search.asking import ask as search

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_notes(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        side_by_side = make_document(
            "Note A",
            "a.docx",
            docx_bytes("Le dépôt des permis de construire du quartier Ouled Ayad."),
        )
        apart = make_document(
            "Note B",
            "b.docx",
            docx_bytes("Le permis du quartier Ouled Ayad est exigé avant de construire."),
        )
    return side_by_side, apart


def titles(query, language="fr"):
    return [hit.entry.title for hit in search(query, language=language).hits]


def test_a_quoted_phrase_finds_only_the_text_holding_its_words_side_by_side(two_notes):
    assert {"Note A", "Note B"} <= set(titles("permis construire ouled ayad"))
    found = titles('"permis de construire" ouled ayad')
    assert "Note A" in found and "Note B" not in found


def test_a_quoted_phrase_is_matched_after_folding_and_stemming(two_notes):
    assert "Note A" in titles("«PERMIS DE CONSTRUIRE» ouled")
    assert "Note A" in titles("“permis de construire” ouled")


def test_a_quoted_phrase_in_the_wrong_order_finds_nothing_holding_it(two_notes):
    found = titles('"construire de permis"')
    assert "Note A" not in found and "Note B" not in found


def test_every_result_of_a_quoted_phrase_holds_it_or_an_editors_synonym_of_it():
    results = search('"permis de construire"', language="fr", limit=50)
    accepted = [indexed_sequence("permis de construire")] + [
        indexed_sequence(phrase)
        for synonym_set in SynonymSet.objects.all()
        if "permis de construire" in synonym_set.phrases()
        for phrase in synonym_set.phrases()
    ]
    assert results.hits[0].entry.title == "Permis de construire"
    for hit in results.hits:
        text = indexed_sequence(f"{hit.entry.title} {hit.entry.summary} {hit.entry.body}")
        assert any(
            text[i : i + len(phrase)] == phrase for phrase in accepted for i in range(len(text))
        ), hit.entry.title


def test_an_arabic_phrase_in_quotes_finds_its_procedure():
    assert titles("«رخصة البناء»", "ar")[0] == "رخصة البناء"
    assert titles('"رخصه البناء"', "ar")[0] == "رخصة البناء"


def test_a_quoted_phrase_takes_the_editors_synonyms():
    assert titles('"autorisation de construire"')[0] == "Permis de construire"


def test_an_arabic_typing_mistake_still_finds_the_right_procedure():
    results = search("التصريخ بالولادة", language="ar", limit=3)  # ح typed as خ
    assert results.hits[0].entry.title == "التصريح بالولادة"
    assert results.corrected_query


def test_a_correction_keeps_the_quoted_phrase():
    corrected = search('naisance "permis de construire"', language="fr").corrected_query
    assert corrected == 'naissance "permis de construire"'  # as typed, one word corrected
