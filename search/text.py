"""Text analysis shared by indexing and querying: one function turns text into terms.

French: lower case, accents folded, elisions (l', d', qu') dropped, a light
stemmer (plurals and common endings). Arabic: diacritics and tatweel removed,
alef and hamza forms unified, taa marbuta and alif maqsura folded, the article
and common prefixes and suffixes stripped (a light stemmer in the manner of
Larkey's). The same analysis runs on both sides, so "Déclarations" finds
"declaration" and "الولادة" finds "ولاده".
"""

import re
import unicodedata
from functools import lru_cache

ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF]")
ARABIC_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")
TATWEEL = "\u0640"
ARABIC_FOLDS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ة": "ه",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
    }
)
TOKEN = re.compile(r"[0-9]+(?:[-/][0-9]+)*|[^\W\d_]+", re.UNICODE)
FRENCH_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]")

FRENCH_STOP_WORDS = {
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "au",
    "aux",
    "et",
    "ou",
    "a",
    "en",
    "pour",
    "par",
    "sur",
    "dans",
    "avec",
    "sans",
    "que",
    "qui",
    "quoi",
    "est",
    "son",
    "sa",
    "ses",
    "ce",
    "cet",
    "cette",
    "ces",
    "mon",
    "ma",
    "mes",
    "je",
    "il",
    "elle",
    "on",
    "nous",
    "vous",
    "se",
    "ne",
    "pas",
    "comment",
    "faire",
    "obtenir",
    "demande",
    "demander",
}
ARABIC_STOP_WORDS = {
    "في",
    "من",
    "الي",
    "على",
    "علي",
    "عن",
    "او",
    "و",
    "ثم",
    "ان",
    "هل",
    "كيف",
    "ما",
    "ماذا",
    "هذا",
    "هذه",
    "التي",
    "الذي",
    "مع",
    "لل",
    "لي",
    "طلب",
}
STOP_WORDS = FRENCH_STOP_WORDS | ARABIC_STOP_WORDS
ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "يه", "ه", "ي")
FRENCH_SUFFIXES = (
    "issements",
    "issement",
    "ations",
    "ation",
    "ements",
    "ement",
    "ements",
    "ments",
    "ment",
    "ances",
    "ance",
    "ences",
    "ence",
    "ités",
    "ite",
    "ites",
    "eurs",
    "eur",
    "euses",
    "euse",
    "ives",
    "ive",
    "ifs",
    "if",
    "aux",
    "als",
    "al",
    "es",
    "s",
    "e",
)


def is_arabic(text):
    return bool(ARABIC_LETTERS.search(text))


def fold_latin(word):
    word = unicodedata.normalize("NFKD", word.lower())
    return (
        "".join(c for c in word if not unicodedata.combining(c))
        .replace("œ", "oe")
        .replace("æ", "ae")
    )


@lru_cache(maxsize=200_000)
def _fold_french(word):
    return FRENCH_ELISION.sub("", fold_latin(word))


def normalise_arabic(text):
    text = ARABIC_DIACRITICS.sub("", text).replace(TATWEEL, "")
    return text.translate(ARABIC_FOLDS)


def stem_arabic(word):
    if len(word) <= 3:
        return word
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    if word.startswith("و") and len(word) > 4:  # the conjunction "and", glued to the word
        word = word[1:]
    for suffix in ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)]
    return word


def stem_french(word):
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix in FRENCH_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=200_000)
def stem(word):
    """The term of one word from ``words()``; the same few thousand words come back all day."""
    return stem_arabic(word) if is_arabic(word) else stem_french(word)


def words(text):
    """Normalised words before stemming: what a reader would call the words of the text."""
    found = []
    for raw in TOKEN.findall(normalise_arabic(text.replace("’", "'"))):
        if is_arabic(raw):
            found.append(raw)
        else:
            found.append(_fold_french(raw))
    return [word for word in found if word]


# Longer "words" are glued strings (addresses, codes): the index keeps none of them.
LONGEST_WORD = 60


def indexed_words(text):
    """``(word, term)`` for each word the index keeps of a text, in order, stop words
    included: indexing stores these, and a quoted phrase is checked against them."""
    return [(word, stem(word)[:LONGEST_WORD]) for word in words(text) if len(word) <= LONGEST_WORD]


def terms(text, keep_stop_words=False):
    """The index terms of a text, in order: normalised, stemmed, stop words left out."""
    stop_words = () if keep_stop_words else STOP_WORDS
    return [stem(word) for word in _split_elisions(text) if word not in stop_words]


def _split_elisions(text):
    prepared = re.sub(r"\b([ldjmnstc]|qu)['’]", " ", text, flags=re.IGNORECASE)
    return words(prepared)
