"""The words of the content, as indexing recorded them: what a query is checked against.

Indexing writes every word it meets to ``SearchWord`` and counts the entries of
each term in ``SearchTerm``, whichever engine answers queries; so corrections,
completions and Arabizi matching are the same on both engines.

A reader who may not read some private collections gets a vocabulary without
the words only those collections' documents hold: proposing such a word, or
keeping it as known, would tell that it exists.
"""

from collections import defaultdict

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import text
from .models import SearchPosting, SearchTerm, SearchWord
from .understanding import skeleton

COMPLETIONS = 6  # terms a word being typed may stand for
BATCH = 500  # words per statement, under every database's limit of parameters


class Vocabulary:
    """The content's words as one reader may see them; ``hidden`` is a subquery of the
    ids of the entries that reader may not see, or None."""

    def __init__(self, hidden=None, synonym_words=frozenset()):
        self.hidden = hidden
        self.synonym_words = synonym_words
        self._known = {}

    def knows(self, word):
        """Whether the content holds this word, or another word of the same term
        ("هدم" when only "الهدم" is written): such a word is never "corrected"."""
        self.learn([word])
        return self._known[word]

    def learn(self, words):
        """Find out which of these words the content holds, in two queries for all of
        them: a question's words, and the shorter forms of its Darija ones."""
        words = [word for word in dict.fromkeys(words) if word not in self._known]
        if not words:
            return
        terms_of = defaultdict(set)
        for word, term in SearchWord.objects.filter(word__in=words).values_list("word", "term"):
            terms_of[word].add(term)
        for word in words:
            terms_of[word].add(text.stem(word)[: text.LONGEST_WORD])
        counts = self.entry_counts(set().union(*terms_of.values()))
        for word in words:
            self._known[word] = any(term in counts for term in terms_of[word])

    def visible(self, terms):
        """The terms, of these, that an entry the reader may see holds."""
        terms = set(terms)
        if self.hidden is None or not terms:
            return terms
        return set(
            SearchTerm.objects.filter(term__in=terms)
            .filter(
                Exists(
                    SearchPosting.objects.filter(term=OuterRef("term")).exclude(
                        entry_id__in=self.hidden
                    )
                )
            )
            .values_list("term", flat=True)
        )

    def entry_counts(self, terms):
        return dict(
            SearchTerm.objects.filter(term__in=self.visible(terms), entry_count__gt=0).values_list(
                "term", "entry_count"
            )
        )

    def arabic_for(self, readings):
        """The content's Arabic word that an Arabizi word stands for, given its readings
        in Arabic letters: same consonants, the word found in most entries; or None.

        Vowels left out are tolerated only for skeletons of three letters or more:
        shorter ones would match half the vocabulary.
        """
        strict = [key for key in dict.fromkeys(skeleton(r) for r in readings) if len(key) >= 2]
        if not strict:
            return None
        candidates = list(
            SearchWord.objects.filter(skeleton__in=strict).values_list("word", "term")
        )
        if not candidates:
            loose = {skeleton(r, loose=True) for r in readings} - {""}
            loose = {key for key in loose if len(key) >= 3}
            for first in sorted({key[0] for key in loose}):
                candidates += [
                    (word, term)
                    for word, term, candidate_skeleton in SearchWord.objects.filter(
                        _starting_with("skeleton", first)
                    ).values_list("word", "term", "skeleton")[:5000]
                    if skeleton(candidate_skeleton, loose=True) in loose
                ]
        return _most_found(candidates, self.entry_counts)

    def spelling(self, word):
        return (
            SearchWord.objects.filter(word=word).values_list("spelling", flat=True).first() or word
        )

    def correct(self, word, being_typed=False):
        """``(word, spelling)`` of the indexed word closest to a mistyped one, or None.

        One or two edits, by length. The last word of a query typed as you go is a
        prefix: it stays as it is when some indexed word starts with it.
        """
        if word in self.synonym_words or self.knows(word):
            return None
        if being_typed:
            starting = SearchWord.objects.filter(_starting_with("word", word))
            if self.visible(starting.values_list("term", flat=True).distinct()[:200]):
                return None
            completions = sorted(w for w in self.synonym_words if w.startswith(word))
            if completions:
                return completions[0], completions[0]
        # Arabic words one edit apart are often other words (القديمة, القسمة; قديم,
        # قدم): one edit at most there, where spelling variants are already folded,
        # and none in words shorter than five letters.
        if text.is_arabic(word) and len(word) < 5:
            return None
        # Two edits only in long words: a short real word two edits from the
        # content's is usually another word ("maison", "mais").
        budget = 1 if len(word) < 8 or text.is_arabic(word) else 2
        candidates = list(
            SearchWord.objects.filter(
                _starting_with("word", word[0]),
                length__gte=len(word) - budget,
                length__lte=len(word) + budget,
            ).values_list("word", "term", "spelling")
        )
        # Edits counted as optimal string alignment: two neighbouring letters swapped
        # ("pemris") are one edit, and no letter is edited twice.
        near = process.extract(
            word,
            [candidate for candidate, _term, _spelling in candidates],
            scorer=OSA.distance,
            score_cutoff=budget,
            limit=None,
        )
        if not near:
            return None
        distance_of_nearest = min(distance for _candidate, distance, _index in near)
        nearest = [
            candidates[index]
            for _candidate, distance, index in near
            if distance == distance_of_nearest
        ]
        # Of equally near words, the one whose term finds most entries; none if none finds any.
        counts = self.entry_counts({term for _word, term, _spelling in nearest})
        found = [
            (-counts[term], candidate, spelling or candidate)
            for candidate, term, spelling in nearest
            if term in counts
        ]
        if not found:
            return None
        _count, candidate, spelling = min(found)
        return candidate, spelling

    def completions(self, word, term):
        """Terms a word still being typed may stand for, those in most entries first.

        A word the index knows as it is was typed to the end: it completes nothing.
        """
        if len(word) < 2 or SearchWord.objects.filter(word=word).exists():
            return []
        terms = set(
            SearchWord.objects.filter(_starting_with("word", word))
            .values_list("term", flat=True)
            .distinct()[:200]
        )
        if len(term) >= 3:  # a shorter stem begins too many words
            terms.update(
                SearchTerm.objects.filter(_starting_with("term", term)).values_list(
                    "term", flat=True
                )[:200]
            )
        terms.discard(term)
        return list(
            SearchTerm.objects.filter(term__in=self.visible(terms), entry_count__gt=0)
            .order_by("-entry_count", "term")
            .values_list("term", flat=True)[:COMPLETIONS]
        )


def _most_found(candidates, entry_counts):
    if not candidates:
        return None
    counts = entry_counts({term for _word, term in candidates})
    found = [(-counts[term], len(word), word) for word, term in candidates if term in counts]
    return min(found)[2] if found else None


def _starting_with(field_name, prefix):
    """A filter on a prefix that an index serves: SQLite's LIKE cannot use one, a range can."""
    if connection.vendor == "sqlite":
        return Q(**{f"{field_name}__gte": prefix, f"{field_name}__lt": prefix + "\U0010ffff"})
    return Q(**{f"{field_name}__startswith": prefix})


def record_words(vocabulary):
    """Add ``(spelling, word, term)`` triples that the vocabulary lacks (indexing calls this)."""
    spelled = {}
    # Of a word's spellings, one with its accents or hamzas ("déclaration", not
    # "declaration" from a title typed without them).
    for spelling, word, term in sorted(vocabulary, key=lambda item: (item[0] == item[1], item)):
        spelled.setdefault(word, (spelling, term))
    words = sorted(spelled)
    known = set()
    for start in range(0, len(words), BATCH):
        known.update(
            SearchWord.objects.filter(word__in=words[start : start + BATCH]).values_list(
                "word", flat=True
            )
        )
    SearchWord.objects.bulk_create(
        [
            SearchWord(
                word=word,
                term=term,
                length=len(word),
                spelling=spelling[: text.LONGEST_WORD],
                skeleton=skeleton(word)[: text.LONGEST_WORD] if text.is_arabic(word) else "",
            )
            for word, (spelling, term) in spelled.items()
            if word not in known
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
