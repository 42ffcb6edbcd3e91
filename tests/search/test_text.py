"""French and Arabic spellings of the same thing become the same terms."""

import pytest

from search.text import terms


@pytest.mark.parametrize(
    "first, second",
    [
        ("Déclaration de naissance", "declarations des naissances"),
        ("Légalisation", "legalisation"),
        ("L'extrait d'acte", "extrait acte"),
        ("ÉTAT CIVIL", "état civil"),
        ("رسم الولادة", "رسم ولادة"),
        ("الوِلادَة", "الولادة"),  # diacritics
        ("الولادـــة", "الولادة"),  # tatweel
        ("إنتظار", "انتظار"),  # alef with hamza
        ("مسؤولية", "مسوولية"),  # hamza on waw
        ("شهادة", "شهاده"),  # taa marbuta
        ("مستشفى", "مستشفي"),  # alif maqsura
        ("بالولادة", "الولادة"),  # prefixes
        ("٣٧-٩٩", "37-99"),  # Arabic-Indic digits
    ],
)
def test_variants_of_a_word_share_their_terms(first, second):
    assert terms(first) == terms(second)


def test_stop_words_are_left_out_in_both_languages():
    assert terms("comment obtenir le permis de construire") == terms("permis construire")
    assert terms("كيف طلب رخصة البناء") == terms("رخصة البناء")


def test_legal_numbers_stay_whole():
    assert "113-14" in terms("Loi organique 113-14")
