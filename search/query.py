"""Answer a query from the index: analysis, typo correction, synonyms, ranking, facets.

``search(query, language=...)`` is the one entry point for the search page, the
JSON API and the reception desk.
"""

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from . import text
from .models import SearchEntry, SearchPosting, SearchTerm, SearchWord, SynonymSet, kind_label

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
SYNONYMS_CACHE_KEY = "search:synonyms"
# Entries read per term and language, heaviest first: enough for any page of
# results and its facets, few enough that a query costs the same on 300 or
# 30,000 pages.
CANDIDATES_PER_TERM = 100
MAX_HITS = 500  # no one reads further; facets count these
RESCORED = 100  # best candidates scored on all their terms
COMPLETIONS = 6  # terms a word being typed may stand for
LANGUAGES = ("fr", "ar", "")  # "" is the language of documents, found from both


class QueryError(ValueError):
    """A query that cannot be run; the message says why, for the person who typed it."""


@dataclass
class Concept:
    """One thing the visitor asked for: a word, or a phrase, and its equivalents."""

    alternatives: (
        list  # [tuple of terms]; the concept matches when one alternative's terms all match
    )
    words: list


@dataclass
class EntryHeader:
    """What ranking, facets and filters need of an entry; ``load_entries`` swaps in the
    full entry for the hits that are shown."""

    pk: int
    key: str
    kind: str
    language: str
    title: str
    service: str
    category: str


@dataclass
class Hit:
    entry: SearchEntry | EntryHeader
    score: float
    matched_terms: set
    pinned: bool = False
    highlights: dict = field(default_factory=dict)  # from Elasticsearch: escaped HTML fragments

    @property
    def snippet(self):
        for name in ("summary", "body"):
            if self.highlights.get(name):
                return mark_safe(self.highlights[name][0])
        return highlight(self.entry.summary or self.entry.body, self.matched_terms)

    @property
    def highlighted_title(self):
        if self.highlights.get("title"):
            return mark_safe(self.highlights["title"][0])
        return highlight(self.entry.title, self.matched_terms, limit=None)


@dataclass
class Results:
    query: str
    hits: list
    corrected_query: str = ""
    facets: dict = field(default_factory=dict)

    def __len__(self):
        return len(self.hits)


def clean_query(raw):
    """A query made safe to analyse: control characters out, length capped, spaces folded."""
    if raw is None:
        return ""
    cleaned = "".join(" " if ord(c) < 32 or 0x7F <= ord(c) < 0xA0 else c for c in str(raw))
    return " ".join(cleaned.split())[:MAX_QUERY_LENGTH]


def _synonyms():
    """The editors' synonym sets, cached until a set changes: ``(groups, words)`` where
    groups are lists of term tuples and words the normalised words they are made of."""
    cached = cache.get(SYNONYMS_CACHE_KEY)
    if cached is None:
        groups, synonym_words = [], set()
        for synonym_set in SynonymSet.objects.all():
            phrases = [tuple(text.terms(phrase)) for phrase in synonym_set.phrases()]
            groups.append([phrase for phrase in phrases if phrase])
            for phrase in synonym_set.phrases():
                synonym_words.update(text.words(phrase))
        cached = (groups, synonym_words)
        cache.set(SYNONYMS_CACHE_KEY, cached, 300)
    return cached


def synonym_groups():
    return _synonyms()[0]


def _starting_with(field_name, prefix):
    """A filter on a prefix that an index serves: SQLite's LIKE cannot use one, a range can."""
    if connection.vendor == "sqlite":
        return Q(**{f"{field_name}__gte": prefix, f"{field_name}__lt": prefix + "\U0010ffff"})
    return Q(**{f"{field_name}__startswith": prefix})


def _correct(word, being_typed=False):
    """The indexed word closest to a mistyped one, or None (one or two edits, by length).

    The last word of a query typed as you go is a prefix: it stays as it is when
    some indexed word starts with it.
    """
    synonym_words = _synonyms()[1]
    if word in synonym_words or SearchWord.objects.filter(word=word).exists():
        return word
    if being_typed:
        if SearchWord.objects.filter(_starting_with("word", word)).exists():
            return word
        completions = sorted(w for w in synonym_words if w.startswith(word))
        if completions:
            return completions[0]
    budget = 1 if len(word) <= 5 else 2
    candidates = SearchWord.objects.filter(
        _starting_with("word", word[0]),
        length__gte=len(word) - budget,
        length__lte=len(word) + budget,
    ).values_list("word", "term")
    nearest, distance_of_nearest = [], budget + 1
    for candidate, term in candidates:
        distance = _edit_distance(word, candidate, budget)
        if distance > budget:
            continue
        if distance < distance_of_nearest:
            nearest, distance_of_nearest = [(candidate, term)], distance
        elif distance == distance_of_nearest:
            nearest.append((candidate, term))
    if not nearest:
        return None
    # Of equally near words, the one whose term finds most entries; none if none finds any.
    counts = dict(
        SearchTerm.objects.filter(
            term__in={term for _w, term in nearest}, entry_count__gt=0
        ).values_list("term", "entry_count")
    )
    found = [(-counts[term], candidate) for candidate, term in nearest if term in counts]
    return min(found)[1] if found else None


def _completions(word, term):
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
    terms.update(
        SearchTerm.objects.filter(_starting_with("term", term)).values_list("term", flat=True)[:200]
    )
    terms.discard(term)
    return list(
        SearchTerm.objects.filter(term__in=terms, entry_count__gt=0)
        .order_by("-entry_count", "term")
        .values_list("term", flat=True)[:COMPLETIONS]
    )


def _edit_distance(a, b, budget):
    """Damerau-Levenshtein distance, giving up past ``budget``."""
    if abs(len(a) - len(b)) > budget:
        return budget + 1
    previous_previous, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > budget:
            return budget + 1
        previous_previous, previous = previous, current
    return previous[-1]


def analyse(query):
    """The concepts of a query, and the query as corrected when a word was mistyped."""
    query_words = [w for w in text.words(query) if text.terms(w)][:MAX_WORDS]
    corrected_words, query_terms = [], []
    for position, word in enumerate(query_words):
        fixed = _correct(word, being_typed=position == len(query_words) - 1) or word
        corrected_words.append(fixed)
        query_terms.append(text.terms(fixed, keep_stop_words=True)[0])
    concepts, used = [], [False] * len(query_terms)
    for group in synonym_groups():
        for phrase in group:
            start = _find(query_terms, phrase)
            if start is not None and not any(used[start : start + len(phrase)]):
                for position in range(start, start + len(phrase)):
                    used[position] = True
                concepts.append(
                    Concept(alternatives=group, words=corrected_words[start : start + len(phrase)])
                )
                break
    for position, term in enumerate(query_terms):
        if not used[position]:
            concepts.append(Concept(alternatives=[(term,)], words=[corrected_words[position]]))
    corrected = " ".join(corrected_words) if corrected_words != query_words else ""
    return concepts, corrected


def _find(sequence, phrase):
    for start in range(len(sequence) - len(phrase) + 1):
        if tuple(sequence[start : start + len(phrase)]) == phrase:
            return start
    return None


def search(query, language=None, kind=None, service=None, category=None, limit=None, prefix=True):
    """Results for a query, best first, with facets over everything found.

    With ``limit``, the hits returned carry their full entries; otherwise call
    ``load_entries`` on the hits that will be shown (a page of results).
    """
    query = clean_query(query)
    if not query:
        return Results(query="", hits=[])
    if settings.ELASTICSEARCH_URL:
        return _search_elasticsearch(query, language, kind, service, category, limit)
    concepts, corrected = analyse(query)
    if not concepts:
        return Results(query=query, hits=[])
    last = concepts[-1]
    if prefix and len(last.alternatives) == 1 and len(last.alternatives[0]) == 1:
        completions = _completions(last.words[-1], last.alternatives[0][0])
        last.alternatives = last.alternatives + [(term,) for term in completions]
    languages = (language, "") if language else LANGUAGES
    filters = {"kind": kind, "service": service, "category": category}
    hits = _ranked_hits(concepts, languages)
    hits = _pin_promotions(query, hits, language)
    facets = _facets(hits)
    if any(filters.values()):
        hits = _pin_promotions(query, _ranked_hits(concepts, languages, filters), language)
        for name, value in filters.items():
            if value:
                hits = [hit for hit in hits if getattr(hit.entry, name) == value]
    if limit:
        hits = hits[:limit]
        load_entries(hits)
    return Results(query=query, hits=hits, corrected_query=corrected, facets=facets)


def _ranked_hits(concepts, languages, filters=None):
    """The best-scored of the heaviest entries of each term, with a light copy of each entry."""
    all_terms = sorted(
        {
            term
            for concept in concepts
            for alternative in concept.alternatives
            for term in alternative
        }
    )
    weights = defaultdict(dict)
    for entry_id, term, weight in _heaviest(all_terms, languages, filters or {}):
        weights[entry_id][term] = weight
    if not weights:
        return []
    entry_counts = dict(
        SearchTerm.objects.filter(term__in=all_terms).values_list("term", "entry_count")
    )
    total = max(SearchEntry.objects.count(), 1)
    rarity = {term: math.log(1 + total / max(entry_counts.get(term, 0), 1)) for term in all_terms}
    # A candidate read for one term may hold others beyond their heaviest entries:
    # the most promising candidates get those weights read before scoring.
    contenders = sorted(
        weights, key=lambda entry_id: -sum(w * rarity[t] for t, w in weights[entry_id].items())
    )[:RESCORED]
    for entry_id, term, weight in _weights(contenders, all_terms):
        weights[entry_id][term] = weight
    scored = _score(concepts, weights, rarity)
    scored.sort(key=lambda item: -item[1])
    scored = scored[:MAX_HITS]
    headers = {
        row[0]: EntryHeader(*row)
        for row in SearchEntry.objects.filter(
            pk__in=[entry_id for entry_id, _score, _terms in scored]
        ).values_list("pk", "key", "kind", "language", "title", "service", "category")
    }
    hits = [Hit(headers[entry_id], score, terms) for entry_id, score, terms in scored]
    hits.sort(key=lambda hit: (-hit.score, hit.entry.title))
    return hits


def _score(concepts, weights, rarity):
    """``(entry id, score, matched terms)`` of the entries matching enough of the query."""
    scored = []
    for entry_id, term_weights in weights.items():
        matched_concepts, score, matched_terms = 0, 0.0, set()
        for concept in concepts:
            best = 0.0
            for alternative in concept.alternatives:
                if all(term in term_weights for term in alternative):
                    value = sum(term_weights[term] * rarity[term] for term in alternative)
                    if value > best:
                        best, winner = value, alternative
            if best:
                matched_concepts += 1
                score += best
                matched_terms.update(winner)
        coverage = matched_concepts / len(concepts)
        if matched_concepts and (len(concepts) == 1 or coverage >= 0.5):
            scored.append((entry_id, score * coverage * coverage, matched_terms))
    return scored


def _heaviest(terms, languages, filters):
    """(entry id, term, weight) of the heaviest entries for each term and language.

    One statement of small ``LIMIT`` reads, each served by the posting index in
    weight order: the cost depends on the query, not on the size of the index.
    """
    postings, entries = SearchPosting._meta.db_table, SearchEntry._meta.db_table
    restriction, restriction_params = "", []
    conditions = [(name, value) for name, value in sorted(filters.items()) if value]
    if conditions:
        restriction = (
            f" AND entry_id IN (SELECT id FROM {entries} WHERE "
            + " AND ".join(f"{name} = %s" for name, _value in conditions)
            + ")"
        )
        restriction_params = [value for _name, value in conditions]
    parts, params = [], []
    for term in terms:
        for language in languages:
            parts.append(
                f"SELECT * FROM (SELECT entry_id, term, weight FROM {postings} "
                f"WHERE term = %s AND language = %s{restriction} "
                f"ORDER BY weight DESC LIMIT %s) heaviest_{len(parts)}"
            )
            params += [term, language, *restriction_params, CANDIDATES_PER_TERM]
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


def _weights(entry_ids, terms):
    """(entry id, term, weight) of the given terms in the given entries, read in one statement."""
    entry_ids, table = sorted(entry_ids), SearchPosting._meta.db_table
    sql = (
        f"SELECT entry_id, term, weight FROM {table} "
        f"WHERE entry_id IN ({', '.join(['%s'] * len(entry_ids))}) "
        f"AND term IN ({', '.join(['%s'] * len(terms))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*entry_ids, *terms])
        return cursor.fetchall()


def load_entries(hits):
    """Give the hits about to be shown their full entries (summary, body, address)."""
    light = [hit.entry.pk for hit in hits if isinstance(hit.entry, EntryHeader)]
    full = SearchEntry.objects.in_bulk(light) if light else {}
    for hit in hits:
        hit.entry = full.get(hit.entry.pk, hit.entry)
    return hits


def _search_elasticsearch(query, language, kind, service, category, limit):
    from . import elastic

    found, _aggregations, corrected = elastic.run(query, language=language, limit=limit or 100)
    entries = SearchEntry.objects.in_bulk(
        [key for key, _score, _highlights in found], field_name="key"
    )
    hits = [
        Hit(entries[key], score, set(), highlights=highlights)
        for key, score, highlights in found
        if key in entries
    ]
    hits = _pin_promotions(query, hits, language)
    facets = _facets(hits)
    for name, value in (("kind", kind), ("service", service), ("category", category)):
        if value:
            hits = [hit for hit in hits if getattr(hit.entry, name) == value]
    return Results(
        query=query, hits=hits[:limit] if limit else hits, corrected_query=corrected, facets=facets
    )


def _pin_promotions(query, hits, language):
    """Editors' picks (Wagtail search promotions) for this query come first."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    picks = SearchPromotion.objects.filter(query__query_string=query.lower()).order_by("sort_order")
    pinned_keys = [f"page:{pick.page_id}" for pick in picks if pick.page_id]
    if not pinned_keys:
        return hits
    pinned_entries = {e.key: e for e in SearchEntry.objects.filter(key__in=pinned_keys)}
    if language:
        pinned_entries = {k: e for k, e in pinned_entries.items() if e.language in (language, "")}
    pinned = [
        Hit(pinned_entries[key], float("inf"), set(), pinned=True)
        for key in pinned_keys
        if key in pinned_entries
    ]
    return pinned + [hit for hit in hits if hit.entry.key not in pinned_entries]


def _facets(hits):
    facets = {
        "kind": defaultdict(int),
        "service": defaultdict(int),
        "category": defaultdict(int),
        "language": defaultdict(int),
    }
    labels = {}
    for hit in hits:
        facets["kind"][hit.entry.kind] += 1
        if hit.entry.kind not in labels:
            labels[hit.entry.kind] = str(kind_label(hit.entry.kind))
        facets["language"][hit.entry.language] += 1
        if hit.entry.service:
            facets["service"][hit.entry.service] += 1
        if hit.entry.category:
            facets["category"][hit.entry.category] += 1
    return {
        name: sorted(
            ((value, labels.get(value, value), count) for value, count in counts.items()),
            key=lambda item: (-item[2], item[1]),
        )
        for name, counts in facets.items()
    }


WORD = re.compile(r"[0-9]+(?:[-/][0-9]+)*|[^\W\d_]+", re.UNICODE)


def highlight(value, matched_terms, limit=240):
    """Escaped text around the first matched word, with matched words in <mark>."""
    value = value or ""
    positions = [m for m in WORD.finditer(value) if _term_of(m.group(0)) in matched_terms]
    start = 0
    if limit and positions and positions[0].start() > limit // 3:
        start = value.rfind(" ", 0, positions[0].start() - limit // 3) + 1
    end = len(value) if not limit else min(len(value), start + limit)
    pieces, cursor = [], start
    for match in positions:
        if match.start() < start or match.end() > end:
            continue
        pieces.append(escape(value[cursor : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        cursor = match.end()
    pieces.append(escape(value[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(value) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)


def _term_of(word):
    analysed = text.terms(word, keep_stop_words=True)
    return analysed[0] if analysed else None
