"""How a query is read before any engine sees it: script, Arabizi, lexicon, function words."""

import pytest

from search import lexicon, text
from search.models import LexiconEntry
from search.understanding import skeleton, transliterate, understand

pytestmark = pytest.mark.django_db


def words_of(query):
    return [word for concept in understand(query).concepts for word in concept.words]


@pytest.mark.parametrize(
    "arabizi, arabic",
    [
        ("nsjel", "نسجل"),
        ("bghit", "بغيت"),
        ("7ajz", "حجز"),
        ("3a9d", "عقد"),
        ("chhada", "شهد"),
        ("khassni", "خسني"),
        ("ghrama", "غرم"),
    ],
)
def test_arabizi_is_written_back_in_arabic_letters(arabizi, arabic):
    assert transliterate(arabizi) == arabic


def test_arabizi_and_arabic_spellings_share_their_consonants():
    assert skeleton(transliterate("wra9a")) == skeleton("ورقة")
    assert skeleton(transliterate("sakan")) == skeleton("السكن")
    assert skeleton(transliterate("kounnach"), loose=True) == skeleton("كناش", loose=True)


@pytest.mark.parametrize(
    "query, kept",
    [
        ("combien coûte le permis de construire", ["permis", "construire"]),
        ("je veux démolir ma maison", ["demolir", "maison"]),
        ("واش خاصني شهادة الحياة", ["شهاده", "الحياه"]),
        ("شحال كتسوى رخصة البناء", ["رخصه", "البناء"]),
    ],
)
def test_question_words_and_fillers_are_dropped(query, kept):
    assert words_of(query) == kept


def test_a_query_in_arabic_letters_is_arabic_and_one_in_latin_letters_french():
    assert understand("رخصة البناء").languages == ("ar",)
    assert understand("permis de construire").languages == ("fr",)
    assert understand("رخصة ديال construction").languages == ("fr", "ar")


def test_darija_in_latin_letters_is_read_as_arabic():
    understood = understand("bghit nsjel weldi")
    assert understood.languages == ("ar",)
    assert "bghit" in understood.dropped  # a Darija function word


def test_the_lexicon_maps_a_visitors_word_to_the_communes_terms():
    (concept,) = understand("الكارني").concepts
    assert concept.from_lexicon
    assert tuple(text.terms("الدفتر العائلي")) in concept.alternatives
    assert tuple(text.terms("livret de famille")) in concept.alternatives


def test_an_editors_lexicon_entry_takes_effect_at_once():
    assert not understand("zorglub").concepts[0].from_lexicon
    LexiconEntry.objects.create(said="zorglub", means="رخصة البناء\npermis de construire")
    (concept,) = understand("zorglub").concepts
    assert concept.from_lexicon and len(concept.alternatives) >= 2


def test_a_lexicon_line_without_its_meaning_is_refused_with_its_line_number():
    with pytest.raises(ValueError, match="line 2"):
        lexicon.parse_lexicon(["# comment", "الكارني", "لاكارط\tالبطاقة الوطنية"])


def test_the_shipped_lexicons_parse():
    meanings, latin_darija = lexicon.shipped_lexicon()
    assert len(meanings) > 600 and "weldi" in latin_darija and "maison" not in latin_darija
    every, latin_darija = lexicon.shipped_function_words()
    assert {"combien", "بغيت", "bghit"} <= every
    assert "bghit" in latin_darija and "combien" not in latin_darija


def test_an_empty_lexicon_entry_is_refused_by_the_admin_form():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        LexiconEntry(said="!!!", means=" | ").full_clean()


@pytest.mark.parametrize("query", ["Þ:2¹", "bghit þ", "ch7al ßœ", "3 ð 9"])
def test_letters_arabizi_cannot_write_are_kept_as_typed(query):
    from search.facade import SearchRequest, search

    search(SearchRequest(query))  # no exception
    understand(query)


def test_a_broken_lexicon_file_is_reported_by_the_system_checks(tmp_path, monkeypatch):
    from search.apps import check_lexicons

    assert check_lexicons() == []
    (tmp_path / "darija.tsv").write_text("الكارني\tالدفتر العائلي\nلاكارط\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "LEXICONS", tmp_path)
    (error,) = check_lexicons()
    assert error.id == "search.E001" and "darija.tsv, line 2" in error.msg


def test_bidirectional_controls_never_reach_the_search_log(client_for):
    from search.models import SearchQueryLog

    client_for("accueil").get("/fr/reception/", {"q": "naiss\u202eecnas\u202c \u2066acte\u2069"})
    logged = SearchQueryLog.objects.latest("pk")
    assert logged.query == "naissecnas acte"
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in logged.query)
