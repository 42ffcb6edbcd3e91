"""Text analysis shared by indexing and querying: one function turns text into terms.

French: lower case, accents folded, elisions (l', d', qu') dropped, Snowball's
French stemmer. Arabic: diacritics and tatweel removed, alef and hamza forms
unified, taa marbuta and alif maqsura folded, then simplemma's lemma and
Snowball's Arabic stemmer. The same analysis runs on indexing and on queries,
and on both engines, so "Déclarations" finds "declaration" and "الولادة"
finds "ولاده".
"""

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import simplemma
import snowballstemmer

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
# Words the French stemmer would merge with others that mean something else in a
# commune ("commune" and "communication", "taxe" and "taxi"): left as they are.
FRENCH_KEPT_WORDS = frozenset({"commune", "communes", "taxe", "taxes"})
FRENCH_STEMMER = snowballstemmer.stemmer("french")
ARABIC_STEMMER = snowballstemmer.stemmer("arabic")
STEMMING = threading.Lock()  # a Snowball stemmer keeps state between calls
# What the Arabic stemmer and lemmatiser expect of a normalised word: the final
# taa marbuta that normalisation folded into ه (visitors type either).
TAA_MARBUTA = re.compile(r"ه$")


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
    """A normalised Arabic word's term: its lemma (simplemma's dictionary: plurals,
    the article and clitics), stemmed by Snowball's Arabic stemmer, normalised again.

    Measured against the light stemmer this replaces, on 58 pairs that should share
    a term and 50 that should not: 39 shared instead of 27, one wrong merge
    (حياة, تحية); visitors' spellings (ه for ة, no hamza) give the same terms.
    """
    if len(word) <= 2:
        return word
    restored = TAA_MARBUTA.sub("ة", word) if len(word) > 3 else word
    lemma = simplemma.lemmatize(restored, lang="ar")
    with STEMMING:
        stemmed = ARABIC_STEMMER.stemWord(lemma)
    return normalise_arabic(stemmed) or word


def stem_french(word):
    """A folded French word's term: Snowball's French stemmer ("réserver" and
    "réservation" share "reserv"), except for the words it would confuse."""
    if len(word) <= 3 or word.isdigit() or word in FRENCH_KEPT_WORDS:
        return word
    with STEMMING:
        return FRENCH_STEMMER.stemWord(word)


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


def spelled_words(text):
    """``(spelling, word)`` for each word of a text: the word as a reader writes it
    (lower case, accents, hamzas and taa marbuta kept, diacritics dropped) beside
    its normalised form. "Did you mean" proposes spellings, never normalised words."""
    plain = ARABIC_DIACRITICS.sub("", text.replace("’", "'")).replace(TATWEEL, "")
    found = []
    for raw in TOKEN.findall(plain):
        normalised = words(raw)
        if len(normalised) == 1 and len(normalised[0]) <= LONGEST_WORD:
            found.append((raw.lower(), normalised[0]))
    return found


def terms(text, keep_stop_words=False):
    """The index terms of a text, in order: normalised, stemmed, stop words left out."""
    stop_words = () if keep_stop_words else STOP_WORDS
    return [stem(word) for word in _split_elisions(text) if word not in stop_words]


def _split_elisions(text):
    prepared = re.sub(r"\b([ldjmnstc]|qu)['’]", " ", text, flags=re.IGNORECASE)
    return words(prepared)


# A query's words: codes and numbers ("37-99", "2026"), then words of letters and
# digits, which Darija typed in Latin letters writes ("9hwa", "ch7al").
QUERY_TOKEN = re.compile(r"[0-9]+(?:[-/][0-9]+)*(?![^\W_])|[^\W_]+", re.UNICODE)
ARABIZI_DIGITS = re.compile(r"[235789]")
LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Token:
    spelling: str  # as typed, lower case
    word: str  # normalised: Arabic and Latin folded; Arabizi as typed
    kind: str  # "ar", "fr", "arabizi" or "number"


def query_tokens(value):
    """The words of a query with their script; Arabizi words keep their digits."""
    found = []
    for raw in QUERY_TOKEN.findall(value.replace("’", "'")):
        spelling = raw.lower()
        if raw[0].isdigit() and not LETTER.search(raw):
            found.append(Token(spelling, raw, "number"))
        elif is_arabic(raw):
            normalised = words(raw)
            if normalised:
                found.append(Token(spelling, "".join(normalised), "ar"))
        elif ARABIZI_DIGITS.search(raw):
            found.append(Token(spelling, spelling, "arabizi"))
        else:
            normalised = words(raw)
            if normalised:
                found.append(Token(spelling, "".join(normalised), "fr"))
    return found
