"""How far a mistyped word may be from the content's to be corrected, in edits."""

import pytest

from tests.search.asking import ask

pytestmark = pytest.mark.django_db


def corrected(query):
    return ask(query, language="fr").corrected_query


def test_two_neighbouring_letters_swapped_cost_one_edit():
    # "pemris" is two edits from "permis" for Levenshtein, one when a swap counts as one;
    # a word under eight letters is allowed one.
    assert corrected("pemris de construire") == "permis de construire"


def test_a_short_word_two_swaps_away_is_left_as_typed():
    assert corrected("pemrsi") == ""


def test_a_long_word_two_edits_away_is_corrected():
    assert corrected("legalisaiton de signatrue") == "légalisation de signature"
