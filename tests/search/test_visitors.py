"""The desk understands how visitors speak, on every engine available.

Each test runs once per engine: the database always, Elasticsearch where
``ELASTICSEARCH_URL`` names a server. The queries are typed as the agent of the
French desk types what the visitor says: no language is given.
"""

import pytest

from procedures_manual.models import ProcedurePage

from .asking import ask

pytestmark = pytest.mark.django_db


def codes(query, engine, count=3):
    found = []
    for hit in ask(query, limit=10).hits:
        if hit.entry.kind == "procedurepage":
            found.append(ProcedurePage.objects.get(pk=hit.entry.page_id).code)
    return found[:count]


@pytest.mark.parametrize(
    "query, code",
    [
        ("رخصة الهدم", "UR-06"),  # Arabic on the French desk
        ("تصحيح خطأ مادي", "EC-07"),
        ("je veux démolir ma maison", "UR-06"),  # a plain French sentence
        ("combien coûte le permis de construire", "UR-01"),
        ("شحال كتسوى رخصة البناء", "UR-01"),  # Darija question words
        ("واش خاصني رخصة البناء", "UR-01"),
        ("bghit nsjel weldi", "EC-02"),  # Arabizi, a child to register
        ("ch7al kaysswa rokhsat lhadm", "UR-06"),  # Arabizi: construct state, glued article
        ("لاكوبي ديال عقد الازدياد", "EC-03"),  # a French loanword in Arabic letters
        ("bghit la légalisation de signature", "LG-01"),  # mixed
    ],
)
def test_the_visitors_own_words_find_the_procedure_among_the_first_three(engine, query, code):
    assert code in codes(query, engine)


def test_an_arabic_query_finds_arabic_pages_first_each_page_once(engine):
    hits = ask("رخصة البناء", limit=10).hits
    assert hits[0].entry.title == "رخصة البناء"
    translations = [hit.entry.translation for hit in hits]
    assert len(translations) == len(set(translations))  # not the French page again


def test_a_french_query_finds_french_pages_first(engine):
    assert ask("permis de construire", limit=3).hits[0].entry.title == "Permis de construire"


def test_an_explicit_language_still_filters(engine):
    hits = ask("رخصة البناء", language="fr", limit=10).hits
    assert hits and all(hit.entry.language in ("fr", "") for hit in hits)


@pytest.mark.parametrize("query", ["بغيت رخصة البناء", "واش رخصة البناء", "bghit permis"])
def test_darija_function_words_are_never_corrected_into_other_words(engine, query):
    results = ask(query)
    assert results.corrected_query == ""
    assert results.hits


def test_did_you_mean_shows_a_spelling_of_the_content_not_the_normalised_form(engine):
    assert ask("déclaraton naissance").corrected_query == "déclaration naissance"
    assert ask("رخصه البناء").corrected_query == ""  # a spelling variant needs no correction


def test_a_word_no_page_holds_does_not_keep_the_others_from_answering(engine):
    results = ask("extrait acte deces zanzibar")
    assert "EC-05" in codes("extrait acte deces zanzibar", engine)
    assert results.unknown_words == ["zanzibar"] and not results.partial


def test_when_no_page_holds_enough_of_the_question_the_closest_come_with_a_note(
    engine, monkeypatch, client_for
):
    from search.engines import base

    monkeypatch.setattr(base, "ENOUGH_OF_A_SENTENCE", 1.0)  # every word, for this test
    results = ask("lotir inhumer pétition enseigne")
    assert results.partial and results.hits
    response = client_for("accueil").get("/fr/reception/", {"q": "lotir inhumer pétition enseigne"})
    assert "No page answers every word" in response.content.decode() or (
        "Aucune page" in response.content.decode()
    )


def test_a_query_of_unknown_words_only_finds_nothing_and_names_them(engine):
    results = ask("zorglub blorf")
    assert results.hits == [] and results.unknown_words == ["zorglub", "blorf"]
