"""What a visitor asked for, read from what the agent typed: shared by every engine.

The agent types the visitor's words: French, Arabic, Darija in Arabic letters,
Darija in Latin letters with digits ("Arabizi": "bghit nsjel weldi"), or a mix.
``understand`` turns them into concepts, the things asked for, each with the
alternatives that would answer it:

1. the query's script decides its language: Arabic letters and Arabizi are
   Arabic, other Latin words French; results in that language come first;
2. Arabizi is written back in Arabic letters ("9" is ق, "3" is ع, "ch" is ش);
3. the Darija lexicon maps what visitors say to the commune's terms
   ("الكارني" is "الدفتر العائلي");
4. function words (question words, fillers, "بغيت", "combien") are dropped;
5. a mistyped word is corrected against the content's words (never one the
   lexicon, the synonyms or the index knows);
6. the editors' synonyms widen each concept.

Both engines run the same understanding, so that they understand the same visitor.
"""

import re
from dataclasses import dataclass, field

from . import lexicon, text
from .text import Token

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
# A phrase in straight, curly or angle quotes, as French and Arabic keyboards type them.
QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|«([^»]*)»')
COMPLETION = 0.5  # what a completion of the word being typed counts, beside the word
STOP_TERMS = frozenset(text.stem(word) for word in text.STOP_WORDS)

# Arabizi, longest first: two letters that write one Arabic consonant, then single letters.
ARABIZI_PAIRS = {"ch": "ش", "sh": "ش", "kh": "خ", "gh": "غ", "th": "ث", "dh": "ذ", "ou": "و"}
ARABIZI_LETTERS = {
    "2": "ء",
    "3": "ع",
    "5": "خ",
    "7": "ح",
    "8": "ه",
    "9": "ق",
    "b": "ب",
    "p": "ب",
    "t": "ت",
    "j": "ج",
    "h": "ه",
    "d": "د",
    "r": "ر",
    "z": "ز",
    "s": "س",
    "c": "ك",
    "f": "ف",
    "v": "ف",
    "q": "ق",
    "k": "ك",
    "g": "ك",
    "l": "ل",
    "m": "م",
    "n": "ن",
    "w": "و",
    "y": "ي",
    "x": "كس",
    # Long vowels are written; short ones ("a", "e") are not, as in Arabic script.
    "i": "ي",
    "o": "و",
    "u": "و",
    "a": "",
    "e": "",
}


@dataclass
class Concept:
    """One thing the visitor asked for, and what would answer it.

    ``alternatives`` are tuples of terms: the concept matches an entry when all
    the terms of one alternative do. ``words`` are the normalised words typed,
    ``spellings`` the same as typed.
    """

    alternatives: list
    words: list
    spellings: list
    language: str = ""  # "fr" or "ar": the language it was asked in
    from_lexicon: bool = False
    # Words the last word, still being typed, may become: they match for less.
    completions: list = field(default_factory=list)
    # Some entry holds one of its alternatives; a concept no entry holds cannot
    # count against the entries that answer the rest of the question.
    known: bool = True
    # For a phrase typed in quotes: each alternative's words as indexed, stop words
    # included; an entry matches only when one of them stands in it word for word.
    sequences: list = field(default_factory=list)

    @property
    def terms(self):
        return {term for alternative in self.alternatives for term in alternative} | set(
            self.completions
        )

    def weighted_alternatives(self):
        """``(alternative, factor)``: what was asked counts fully, a completion less."""
        return [(alternative, 1.0) for alternative in self.alternatives] + [
            ((term,), COMPLETION) for term in self.completions
        ]


@dataclass
class Understood:
    """A query as understood: its concepts, the languages asked in, and what was changed."""

    query: str
    concepts: list
    languages: tuple  # ("ar",), ("fr",) or ("fr", "ar"): the query's own, first in results
    corrections: dict = field(default_factory=dict)  # typed spelling -> proposed spelling
    dropped: list = field(default_factory=list)  # function words left out
    still_typing: bool = True

    @property
    def asked(self):
        """The content words asked for, normalised: how searches are grouped."""
        return " ".join(word for concept in self.concepts for word in concept.words)

    @property
    def known_concepts(self):
        return [concept for concept in self.concepts if concept.known]

    @property
    def unknown_words(self):
        """What the visitor said that no entry holds, as typed."""
        return [
            spelling
            for concept in self.concepts
            if not concept.known
            for spelling in concept.spellings
        ]

    @property
    def corrected_query(self):
        """The query as typed, each corrected word replaced by a spelling of the content."""
        if not self.corrections:
            return ""
        corrected = self.query
        for typed, proposed in self.corrections.items():
            corrected = re.sub(
                rf"(?<![^\W_]){re.escape(typed)}(?![^\W_])",
                proposed,
                corrected,
                flags=re.IGNORECASE,
            )
        return corrected if corrected != self.query else ""


# Embeddings, overrides and isolates: a query logged with them would show the
# procedures cell another text than the one typed.
BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def clean_query(raw):
    """A query made safe to analyse and to log: control characters and bidirectional
    controls out, length capped, spaces folded."""
    if raw is None:
        return ""
    cleaned = "".join(" " if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 else c for c in str(raw))
    return " ".join(cleaned.translate(BIDI_CONTROLS).split())[:MAX_QUERY_LENGTH]


def quoted_phrases(query):
    """``(phrases, rest)``: what the query holds in quotes, and the words outside them.

    A phrase made of stop words only ("de la") asks for nothing: its words go back
    with the rest, where they are left out as any stop word is.
    """
    phrases = []

    def take(match):
        phrase = " ".join(next(group for group in match.groups() if group is not None).split())
        if text.terms(phrase):
            phrases.append(phrase)
            return " "
        return f" {phrase} "

    return phrases, " ".join(QUOTED.sub(take, query).split())


def transliterate(word):
    """Arabizi in Arabic letters: "nsjel" → "نسجل", "9hwa" → "قهو", "bghit" → "بغيت".

    Short vowels are not written, as in Arabic; a doubled letter is one letter
    (the shadda is not written either).
    """
    word, letters, position = word.lower(), [], 0
    while position < len(word):
        pair = word[position : position + 2]
        if pair in ARABIZI_PAIRS:
            letters.append(ARABIZI_PAIRS[pair])
            position += 2
            continue
        letter = word[position]
        if position == 0 and letter in "aeiou":
            letters.append("ا")  # a word that starts with a vowel starts with an alef
        else:
            letters.append(ARABIZI_LETTERS.get(letter, ""))
        position += 1
    return re.sub(r"(.)\1+", r"\1", text.normalise_arabic("".join(letters)))


# Letters that Arabizi writes the same: an emphatic and its plain sister ("s" is
# س or ص, "t" is ت or ط), compared as one in skeletons.
EMPHATICS = str.maketrans({"ص": "س", "ط": "ت", "ض": "د", "ظ": "ز", "ذ": "د", "ث": "ت"})


def skeleton(word, loose=False):
    """The consonants of a word, for matching Arabizi against Arabic words.

    The article, alefs, hamzas and a final taa marbuta go, and emphatics count
    as their plain sisters; with ``loose``, so do the long vowels و and ي inside
    the word, which Arabizi writers often leave out ("kounnach" for "كناش").
    """
    word = text.normalise_arabic(word)
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if word.endswith("ه") and len(word) > 2:
        word = word[:-1]
    word = word.replace("ا", "").replace("ء", "").translate(EMPHATICS)
    if loose and len(word) > 2:
        word = word[0] + word[1:].replace("و", "").replace("ي", "")
    return re.sub(r"(.)\1+", r"\1", word)


def arabizi_readings(word):
    """The Arabic words an Arabizi word may write, likeliest first: as it is, with its
    glued article ("lwalid" is الواليد), without the "t" of a construct state
    ("rokhsat" is رخصة)."""
    spellings = [word]
    if len(word) > 4 and word[-2:] in ("at", "et", "it"):
        spellings.append(word[:-1])
    readings = []
    for spelling in spellings:
        readings.append(transliterate(spelling))
        if len(spelling) > 3 and spelling[0] == "l" and spelling[1] not in "aeiou":
            readings.append("ال" + transliterate(spelling[1:]))
    return list(dict.fromkeys(reading for reading in readings if reading))


def understand(query, vocabulary=None):
    """The concepts of a query, with the languages it is asked in.

    ``vocabulary`` (``search.vocabulary.Vocabulary``) is what the content holds:
    it tells a French word from Darija written in Latin letters, finds the
    Arabic word an Arabizi one stands for, and corrects typing mistakes.
    Without it, words are read as typed.
    """
    data = lexicon.language_data()
    phrases, rest = quoted_phrases(query)
    understood = Understood(
        query=query,
        concepts=[_phrase_concept(phrase, data) for phrase in phrases],
        languages=(),
        still_typing=not query.rstrip().endswith(('"', "”", "»")),
    )
    words = _read_words(text.query_tokens(rest), data, vocabulary, understood)[:MAX_WORDS]
    typed = _typed_concepts(words, data, vocabulary, understood)
    understood.concepts += _with_synonyms(typed, data)
    languages = {concept.language for concept in understood.concepts if concept.language}
    understood.languages = tuple(lang for lang in ("fr", "ar") if lang in languages) or (
        "fr",
        "ar",
    )
    return understood


def _read_words(found, data, vocabulary, understood):
    """The query's tokens as words of the content or lexicon concepts, function words
    dropped (and noted in ``understood``), Arabizi written in Arabic letters."""
    if vocabulary:
        vocabulary.learn(token.word for token in found if token.kind != "arabizi")
    if _reads_as_arabizi(found, data, vocabulary):
        for token in found:
            if token.kind == "fr" and _is_darija(token.word, data, vocabulary):
                token.kind = "arabizi"
    words = []
    for token in _lexicon_slots(found, data):
        if isinstance(token, Concept):
            words.append(token)
            continue
        if token.kind == "arabizi":
            reading, meaning = _read_arabizi(token, data, vocabulary)
            if reading is None:
                understood.dropped.append(token.spelling)
                continue
            if meaning:
                words.append(_lexicon_concept([token], meaning, "ar"))
                continue
            token = Token(token.spelling, reading, "arabizi")
        elif token.kind == "ar":
            form = _arabic_form(token.word, data, vocabulary)
            if form is None:
                understood.dropped.append(token.spelling)
                continue
            token = Token(token.spelling, form, "ar")
        if (
            token.word in data.function_words
            or (token.kind != "number" and not text.terms(token.word))
            or (token.kind == "fr" and len(token.word) == 1)  # "l'", "d'", "f" of Darija
        ):
            understood.dropped.append(token.spelling)
            continue
        words.append(token)
    return words


def _typed_concepts(words, data, vocabulary, understood):
    """A concept for each word, corrected when the content does not know it.

    Arabizi is approximate already: it is matched by its consonants, never
    "corrected". The last word may still be being typed: it is corrected only
    when no word of the content begins with it.
    """
    last_word = next((item for item in reversed(words) if isinstance(item, Token)), None)
    concepts = []
    for item in words:
        if isinstance(item, Concept):
            concepts.append(item)
            continue
        word, spelling = item.word, item.spelling
        knows = word in data.synonym_words or bool(vocabulary and vocabulary.knows(word))
        if vocabulary and not knows and item.kind not in ("number", "arabizi"):
            being_typed = understood.still_typing and item is last_word
            fixed = vocabulary.correct(word, being_typed)
            if fixed and fixed[0] != word:
                understood.corrections[spelling] = fixed[1] or fixed[0]
                word = fixed[0]
        terms = text.terms(word, keep_stop_words=True)
        if not terms:
            # A "digit" of another script (N'Ko, Tibetan...) that the index never
            # holds: nothing to look for, rather than a failed search.
            continue
        concepts.append(
            Concept(
                alternatives=[(terms[0],)],
                words=[word],
                spellings=[spelling],
                language="ar" if item.kind in ("ar", "arabizi") or text.is_arabic(word) else "fr",
            )
        )
    return concepts


def _arabic_form(word, data, vocabulary):
    """An Arabic word as the content would write it, or None for a function word.

    Darija glues prepositions, conjunctions and pronouns to words ("وما",
    "والديبلوم", "مسجلاش"): a word the content does not hold is read without
    them when that form is a function word, or a word the content holds.
    """
    if word in data.function_words or (word[:1] == "و" and word[1:] in data.function_words):
        return None
    if vocabulary is None:
        return word
    forms = darija_forms(word)
    vocabulary.learn([word, *forms])
    if vocabulary.knows(word):
        return word
    for form in forms:
        if form in data.function_words:
            return None
        if vocabulary.knows(form):
            return form
    return word


def _read_arabizi(token, data, vocabulary):
    """``(reading, meaning)`` of an Arabizi word: ``(None, None)`` for a function word;
    a lexicon meaning when the lexicon knows one of its readings; else the content's
    Arabic word it stands for, or its likeliest reading."""
    if token.word in data.function_words:
        return None, None
    readings = arabizi_readings(token.word)
    for reading in readings:
        if reading in data.function_words:
            return None, None
        if (reading,) in data.meanings:
            return reading, data.meanings[(reading,)]
    for reading in readings:
        found = data.arabic_skeletons.get(skeleton(reading))
        if found == lexicon.FUNCTION_WORD:
            return None, None
        if found:
            return found, data.meanings[(found,)]
    if vocabulary:
        known = vocabulary.arabic_for(readings)
        if known:
            return known, None
    return (readings[0] if readings else token.word), None  # "þ": no Arabic reading


def _reads_as_arabizi(found, data, vocabulary):
    """Whether the Latin words of a query are Darija: one sure sign is enough (a digit
    inside a word, or a word only Darija has), unless French words outnumber them."""
    signs = sum(
        1
        for token in found
        if token.kind == "arabizi" or (token.kind == "fr" and token.word in data.latin_darija)
    )
    french = sum(
        1
        for token in found
        if token.kind == "fr"
        and token.word not in data.latin_darija
        and (vocabulary is None or vocabulary.knows(token.word))
    )
    return signs > 0 and signs >= french


def _is_darija(word, data, vocabulary):
    """In a query read as Arabizi, a Latin word is Darija unless it is a French word
    of the content that Darija does not also write."""
    if word in data.latin_darija:
        return True
    return not (vocabulary and vocabulary.knows(word))


def _lexicon_slots(found, data):
    """The tokens, with each span the lexicon knows replaced by its concept (longest first)."""
    slots, position = [], 0
    while position < len(found):
        for length in range(min(data.longest_said, len(found) - position), 0, -1):
            span = found[position : position + length]
            key = tuple(token.word for token in span)
            meaning = data.meanings.get(key)
            if meaning is None and length == 1 and span[0].kind == "ar":
                meaning = next(
                    (
                        data.meanings[(form,)]
                        for form in darija_forms(span[0].word)
                        if (form,) in data.meanings
                    ),
                    None,
                )
            if meaning:
                language = "fr" if all(token.kind == "fr" for token in span) else "ar"
                slots.append(_lexicon_concept(span, meaning, language))
                position += length
                break
        else:
            slots.append(found[position])
            position += 1
    return slots


def darija_forms(word):
    """Shorter forms of a word, for the lexicon: without the article or a glued
    preposition ("فالدار", "للمقاطعة"), without Darija's verb prefixes ("كنسجل",
    "غادي نهدم" as "غنهدم") and object or negation suffixes ("نسجلو", "نديوه",
    "ماكيتهزش", "مسجلاش"), longest first."""
    forms = []
    for prefix in ("وال", "بال", "فال", "لل", "ال", "ف", "ب", "و"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            forms.append(word[len(prefix) :])
    stems = [word]
    for prefix in ("كن", "كت", "كي", "كا", "غن", "غت", "غي", "تا", "ما", "ك", "غ"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            stems.append(word[len(prefix) :])
    for stem in stems:
        for suffix in ("وها", "وهم", "وه", "وني", "ليه", "ليها", "ها", "هم", "اش", "و", "ه", "ش"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                forms.append(stem[: -len(suffix)])
    forms += stems[1:]
    return sorted(dict.fromkeys(forms), key=len, reverse=True)


def _lexicon_concept(span, meaning, language):
    alternatives = []
    for phrase in meaning:
        terms = tuple(text.terms(phrase))
        if terms and terms not in alternatives:
            alternatives.append(terms)
    if all(token.kind in ("ar", "fr") for token in span):  # Arabizi is no word of the content
        typed = tuple(text.terms(" ".join(token.word for token in span)))
        if typed and typed not in alternatives:
            alternatives.append(typed)
    return Concept(
        alternatives=alternatives,
        words=[token.word for token in span],
        spellings=[token.spelling for token in span],
        language=language,
        from_lexicon=True,
    )


def _with_synonyms(concepts, data):
    """The concepts, with the editors' synonym sets applied.

    Consecutive typed words that form one phrase of a set become one concept with
    the set's phrases as alternatives ("permis de construire" also matches
    "autorisation de construire", "رخصة البناء"); a lexicon concept gains the
    sets its meanings belong to.
    """
    result = list(concepts)
    for concept in result:
        if concept.from_lexicon:
            for group in data.synonym_groups:
                if any(alternative in group for alternative in concept.alternatives):
                    concept.alternatives += [
                        member for member in group if member not in concept.alternatives
                    ]
    plain = [
        index
        for index, concept in enumerate(result)
        if not concept.from_lexicon and len(concept.alternatives) == 1
    ]
    sequence = [result[index].alternatives[0][0] for index in plain]
    used = [False] * len(sequence)
    merged = {}
    for group in data.synonym_groups:
        for phrase in group:
            start = find(sequence, phrase)
            if start is not None and not any(used[start : start + len(phrase)]):
                members = [
                    result[plain[position]] for position in range(start, start + len(phrase))
                ]
                for position in range(start, start + len(phrase)):
                    used[position] = True
                merged[plain[start]] = Concept(
                    alternatives=list(group),
                    words=[word for member in members for word in member.words],
                    spellings=[spelling for member in members for spelling in member.spellings],
                    language=members[0].language,
                )
                for position in range(start + 1, start + len(phrase)):
                    merged[plain[position]] = None
                break
    return [
        merged.get(index, concept)
        for index, concept in enumerate(result)
        if merged.get(index, concept) is not None
    ]


def _phrase_concept(phrase, data):
    """A quoted phrase, and the same phrase with an editors' synonym in place of a part
    of it ("autorisation de construire" for "permis de construire")."""
    sequence = lexicon.indexed_sequence(phrase)
    sequences = [sequence]
    for group in data.synonym_sequences:
        found = next(
            (
                (start, len(member))
                for member in group
                if (start := find(sequence, member)) is not None
            ),
            None,
        )
        if found:
            start, length = found
            sequences += [
                sequence[:start] + member + sequence[start + length :]
                for member in group
                if member != sequence[start : start + length]
            ]
            break
    return Concept(
        alternatives=[content_terms(s) for s in sequences],
        words=text.words(phrase),
        spellings=[phrase],
        language="ar" if text.is_arabic(phrase) else "fr",
        sequences=sequences,
    )


def content_terms(sequence):
    """The terms of a sequence that an engine reads postings for: stop words are in
    every entry, and only the check of the whole phrase needs them."""
    return tuple(term for term in sequence if term not in STOP_TERMS)


def find(sequence, phrase):
    """Where ``phrase`` starts in ``sequence``, or None."""
    for start in range(len(sequence) - len(phrase) + 1):
        if tuple(sequence[start : start + len(phrase)]) == tuple(phrase):
            return start
    return None
