"""The words visitors use, kept as data: read here, used by ``search.understanding``.

Three kinds of data, each shipped as a file in ``search/lexicons/`` that the
procedures cell extends in the administration:

- function words (``function_words/*.txt``): question words, fillers and the
  grammar of French, Arabic and Darija, dropped from a query before matching;
- the visitors' lexicons (``darija.tsv``, ``french.tsv``, ``arabic.tsv``, plus
  the ``LexiconEntry`` snippets): what a visitor says, in Arabic or Latin
  letters, mapped to the commune's terms;
- the editors' synonym sets (``SynonymSet`` snippets): phrases that mean the
  same thing, in any language.

Everything is read once and kept in the cache until an editor changes an
entry (``forget``).
"""

import uuid
from dataclasses import dataclass
from functools import cache as once
from pathlib import Path

from django.core.cache import cache

from . import text

LEXICONS = Path(__file__).resolve().parent / "lexicons"
FUNCTION_WORDS = LEXICONS / "function_words"
CACHE_KEY = "search:language-data-version"
MEANING_SEPARATOR = "|"
FUNCTION_WORD = ""  # in ``arabic_skeletons``: a function word, to drop


@dataclass(frozen=True)
class LanguageData:
    function_words: frozenset  # normalised words, any script
    latin_darija: frozenset  # normalised Latin words that are Darija, not French
    meanings: dict  # said, as a tuple of normalised words -> meaning phrases
    longest_said: int  # words in the longest said phrase
    # The consonants of each Arabic function word and one-word lexicon entry, to
    # find what an Arabizi word stands for: skeleton -> said word, or FUNCTION_WORD.
    arabic_skeletons: dict
    synonym_groups: tuple  # (tuple of term tuples, ...) per synonym set
    synonym_words: frozenset  # normalised words the synonym sets are made of
    synonym_sequences: tuple  # each set's phrases as indexed words, stop words kept


def said_key(phrase):
    """A said phrase as the lexicon looks it up: its words as a query's are read."""
    return tuple(token.word for token in text.query_tokens(phrase))


def parse_function_words(lines):
    """The words of a function word file: one per line, ``#`` starts a comment."""
    found = set()
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            found.update(said_key(line))
    return found


def parse_lexicon(lines, source="darija.tsv"):
    """``{said key: [meaning, ...]}`` from lines of ``said<TAB>meaning | meaning``.

    A line that does not have both columns is an error that names its line, so
    that a broken edit of the file never ships silently.
    """
    meanings = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        said, tab, means = line.rstrip("\n").partition("\t")
        phrases = [part.strip() for part in means.split(MEANING_SEPARATOR) if part.strip()]
        if not tab or not said_key(said) or not phrases:
            raise ValueError(f"{source}, line {number}: expected “said<TAB>meaning”: {line!r}")
        meanings.setdefault(said_key(said), []).extend(phrases)
    return meanings


@once
def shipped_function_words():
    """``(all, latin_darija)``: the function words of the files shipped with the intranet."""
    every, latin_darija = set(), set()
    for path in sorted(FUNCTION_WORDS.glob("*.txt")):
        found = parse_function_words(path.read_text(encoding="utf-8").splitlines())
        every |= found
        if path.stem == "darija":
            latin_darija |= {word for word in found if not text.is_arabic(word)}
    return frozenset(every), frozenset(latin_darija)


@once
def shipped_lexicon():
    """``(meanings, latin_darija)`` of every ``*.tsv`` of ``search/lexicons``: Darija,
    everyday French and Arabic; the Latin words said in ``darija.tsv`` are Arabizi."""
    meanings, latin_darija = {}, set()
    for path in sorted(LEXICONS.glob("*.tsv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for said, phrases in parse_lexicon(lines, path.name).items():
            meanings.setdefault(said, []).extend(
                phrase for phrase in phrases if phrase not in meanings.get(said, [])
            )
            if path.stem == "darija" and len(said) == 1 and not text.is_arabic(said[0]):
                latin_darija.add(said[0])
    return meanings, frozenset(latin_darija)


_kept = {}  # version -> LanguageData, in this process


# With a cache per process (local memory), another process learns of an editor's
# change when its version expires; with a shared cache (Redis), at once.
VERSION_LIFETIME = 300


def language_data():
    """The visitors' words, read once per process and version: the cache holds only
    the version, which ``forget`` replaces when an editor changes an entry."""
    version = cache.get(CACHE_KEY)
    if version is None:
        cache.add(CACHE_KEY, uuid.uuid4().hex, VERSION_LIFETIME)
        version = cache.get(CACHE_KEY)
    if version not in _kept:
        _kept.clear()
        _kept[version] = _read_language_data()
    return _kept[version]


def _read_language_data():
    from .models import LexiconEntry, SynonymSet

    function_words, latin_darija = shipped_function_words()
    shipped, latin_said = shipped_lexicon()
    meanings = {said: list(phrases) for said, phrases in shipped.items()}
    latin_darija |= latin_said
    for entry in LexiconEntry.objects.all():
        key = said_key(entry.said)
        if key:
            # An editor's entry comes first: it is the commune's own word for it.
            meanings[key] = [*entry.meaning_phrases(), *meanings.get(key, [])]
    groups, synonym_words, sequences = [], set(), []
    for synonym_set in SynonymSet.objects.all():
        phrases = [phrase for phrase in synonym_set.phrases() if text.terms(phrase)]
        groups.append(tuple(tuple(text.terms(phrase)) for phrase in phrases))
        sequences.append(tuple(indexed_sequence(phrase) for phrase in phrases))
        for phrase in synonym_set.phrases():
            synonym_words.update(text.words(phrase))
    from .understanding import skeleton

    arabic_skeletons = {}
    for said in meanings:
        if len(said) == 1 and text.is_arabic(said[0]) and len(skeleton(said[0])) >= 2:
            arabic_skeletons.setdefault(skeleton(said[0]), said[0])
    for word in function_words:
        if text.is_arabic(word) and len(skeleton(word)) >= 2:
            arabic_skeletons[skeleton(word)] = FUNCTION_WORD
    return LanguageData(
        function_words=function_words,
        latin_darija=frozenset(latin_darija),
        meanings=meanings,
        longest_said=max((len(said) for said in meanings), default=1),
        arabic_skeletons=arabic_skeletons,
        synonym_groups=tuple(groups),
        synonym_words=frozenset(synonym_words),
        synonym_sequences=tuple(sequences),
    )


def indexed_sequence(value):
    """The terms of a text in order, stop words kept: what indexing reads of it."""
    return tuple(term for _word, term in text.indexed_words(value))


def forget(**kwargs):
    """An editor changed a synonym set or a lexicon entry: read them again."""
    cache.delete(CACHE_KEY)
