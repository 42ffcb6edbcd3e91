"""Answer a query from the index: analysis, typo correction, synonyms, ranking, facets.

``search(query, language=..., request=...)`` is the one entry point for the
search page, the JSON API and the reception desk. Documents of a private
collection are left out for readers that ``intranet.library.access.can_read``
refuses, inside the query itself, so that limits, pages, facets and "did you
mean" never count or show them.
"""

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import CharField, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from intranet.home import freshness

from . import text
from .models import SearchEntry, SearchPosting, SearchTerm, SearchWord, SynonymSet, kind_label

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
SYNONYMS_CACHE_KEY = "search:synonyms:2"  # the version changes with the shape of what is cached
# Entries read per term and language, heaviest first: enough for any page of
# results and its facets, few enough that a query costs the same on 300 or
# 30,000 pages.
CANDIDATES_PER_TERM = 100
MAX_HITS = 500  # no one reads further; facets count these
RESCORED = 100  # best candidates scored on all their terms
COMPLETIONS = 6  # terms a word being typed may stand for
LANGUAGES = ("fr", "ar", "")  # "" is the language of documents, found from both
LANGUAGE_LABELS = {"fr": _("French pages"), "ar": _("Arabic pages"), "": _("Documents")}
# A phrase in straight, curly or angle quotes, as French and Arabic keyboards type them.
STOP_TERMS = frozenset(text.stem(word) for word in text.STOP_WORDS)
QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|«([^»]*)»')


class QueryError(ValueError):
    """A query that cannot be run; the message says why, for the person who typed it."""


@dataclass
class Concept:
    """One thing the visitor asked for: a word, or a phrase, and its equivalents."""

    alternatives: (
        list  # [tuple of terms]; the concept matches when one alternative's terms all match
    )
    words: list
    # For a phrase typed in quotes: each alternative's words as indexed, stop words
    # included; an entry matches only when one of them stands in it word for word.
    sequences: list = field(default_factory=list)


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
    """The editors' synonym sets, cached until a set changes: ``(groups, words, sequences)``
    where groups are lists of term tuples, words the normalised words they are made of,
    and sequences the groups again, each phrase as its indexed words (stop words kept)."""
    cached = cache.get(SYNONYMS_CACHE_KEY)
    if cached is None:
        groups, synonym_words, sequences = [], set(), []
        for synonym_set in SynonymSet.objects.all():
            phrases = [phrase for phrase in synonym_set.phrases() if text.terms(phrase)]
            groups.append([tuple(text.terms(phrase)) for phrase in phrases])
            sequences.append([indexed_sequence(phrase) for phrase in phrases])
            for phrase in synonym_set.phrases():
                synonym_words.update(text.words(phrase))
        cached = (groups, synonym_words, sequences)
        cache.set(SYNONYMS_CACHE_KEY, cached, 300)
    return cached


def indexed_sequence(value):
    """The terms of a text in order, stop words kept: what ``indexing`` reads of it."""
    return tuple(term for _word, term in text.indexed_words(value))


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


def synonym_groups():
    return _synonyms()[0]


def _starting_with(field_name, prefix):
    """A filter on a prefix that an index serves: SQLite's LIKE cannot use one, a range can."""
    if connection.vendor == "sqlite":
        return Q(**{f"{field_name}__gte": prefix, f"{field_name}__lt": prefix + "\U0010ffff"})
    return Q(**{f"{field_name}__startswith": prefix})


def _visible(terms, hidden):
    """The terms, of these, that an entry the reader may see holds.

    ``hidden`` (entry ids, as a subquery) is None when the reader sees every
    entry; otherwise a word that only private documents hold is neither
    proposed as a correction nor kept as known, which would tell that it exists.
    """
    terms = set(terms)
    if hidden is None or not terms:
        return terms
    return set(
        SearchTerm.objects.filter(term__in=terms)
        .filter(
            Exists(SearchPosting.objects.filter(term=OuterRef("term")).exclude(entry_id__in=hidden))
        )
        .values_list("term", flat=True)
    )


def _correct(word, being_typed=False, hidden=None):
    """The indexed word closest to a mistyped one, or None (one or two edits, by length).

    The last word of a query typed as you go is a prefix: it stays as it is when
    some indexed word starts with it.
    """
    synonym_words = _synonyms()[1]
    if word in synonym_words:
        return word
    if hidden is None:
        if SearchWord.objects.filter(word=word).exists():
            return word
    elif _visible(SearchWord.objects.filter(word=word).values_list("term", flat=True), hidden):
        return word
    if being_typed:
        starting = SearchWord.objects.filter(_starting_with("word", word))
        if hidden is None and starting.exists():
            return word
        if hidden is not None and _visible(
            starting.values_list("term", flat=True).distinct()[:200], hidden
        ):
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
            term__in=_visible({term for _w, term in nearest}, hidden), entry_count__gt=0
        ).values_list("term", "entry_count")
    )
    found = [(-counts[term], candidate) for candidate, term in nearest if term in counts]
    return min(found)[1] if found else None


def _completions(word, term, hidden=None):
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
        SearchTerm.objects.filter(term__in=_visible(terms, hidden), entry_count__gt=0)
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


def analyse(query, hidden=None):
    """The concepts of a query, and the query as corrected when a word was mistyped.

    A phrase in quotes is one concept, taken as typed: no correction and no
    completion, as in Elasticsearch's phrase query.
    """
    phrases, rest = quoted_phrases(query)
    concepts = [_phrase_concept(phrase) for phrase in phrases]
    query_words = [w for w in text.words(rest) if text.terms(w)][:MAX_WORDS]
    still_typing = not query.rstrip().endswith(('"', "”", "»"))
    corrected_words, query_terms = [], []
    for position, word in enumerate(query_words):
        being_typed = still_typing and position == len(query_words) - 1
        fixed = _correct(word, being_typed=being_typed, hidden=hidden) or word
        corrected_words.append(fixed)
        query_terms.append(text.terms(fixed, keep_stop_words=True)[0])
    used = [False] * len(query_terms)
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
    corrected = ""
    if corrected_words != query_words:
        corrected = " ".join([*(f"“{phrase}”" for phrase in phrases), *corrected_words])
    return concepts, corrected


def _phrase_concept(phrase):
    """A quoted phrase, and the same phrase with an editors' synonym in place of a part
    of it ("autorisation de construire" for "permis de construire")."""
    sequence = indexed_sequence(phrase)
    sequences = [sequence]
    for group in _synonyms()[2]:
        found = next(
            (
                (start, len(member))
                for member in group
                if (start := _find(sequence, member)) is not None
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
        alternatives=[_content_terms(s) for s in sequences],
        words=text.words(phrase),
        sequences=sequences,
    )


def _content_terms(sequence):
    """The terms of a sequence that the query reads postings for: stop words are in
    every entry, and only the check of the whole phrase needs them."""
    return tuple(term for term in sequence if term not in STOP_TERMS)


def _find(sequence, phrase):
    for start in range(len(sequence) - len(phrase) + 1):
        if tuple(sequence[start : start + len(phrase)]) == phrase:
            return start
    return None


def search(
    query,
    language=None,
    kind=None,
    service=None,
    category=None,
    limit=None,
    prefix=True,
    written_in=None,
    count_all_languages=False,
    request=None,
):
    """Results for a query, best first, with facets over everything found.

    ``language`` is the reader's: pages in it and documents are searched (every
    language without one). ``written_in`` ("fr", "ar", or "" for documents)
    searches that language only, whichever the reader's. The facets count what
    was found before the kind, service and category filters; with
    ``count_all_languages``, the language facet counts all three languages.

    ``request`` is the reader's: documents of a private collection it may not
    read are left out. Without one, every private collection's are.

    With ``limit``, the hits returned carry their full entries; otherwise call
    ``load_entries`` on the hits that will be shown (a page of results).
    """
    query = clean_query(query)
    if not query:
        return Results(query="", hits=[])
    hidden = hidden_collections(request)
    arguments = (query, language, kind, service, category, limit, prefix, written_in)
    arguments += (count_all_languages, hidden)
    if request is None:
        return _search(*arguments)
    # The desk asks the same questions all day: answers are kept until the content changes.
    # Facet labels are in the interface language: it is part of the key.
    asked = repr((*arguments, get_language())).encode()
    key = "search:" + hashlib.sha256(asked).hexdigest()
    return freshness.cached(request, key, lambda: _search(*arguments))


def _search(
    query,
    language,
    kind,
    service,
    category,
    limit,
    prefix,
    written_in,
    count_all_languages,
    hidden,
):
    shown = (written_in,) if written_in is not None else (language, "") if language else LANGUAGES
    filters = {"kind": kind, "service": service, "category": category}
    if settings.ELASTICSEARCH_URL:
        return _search_elasticsearch(
            query, language, filters, limit, written_in, count_all_languages, hidden
        )
    hidden_entries = _entries_of_collections(hidden) if hidden else None
    concepts, corrected = analyse(query, hidden_entries)
    if not concepts:
        return Results(query=query, hits=[])
    last = concepts[-1]
    if (
        prefix
        and not last.sequences
        and len(last.alternatives) == 1
        and len(last.alternatives[0]) == 1
    ):
        completions = _completions(last.words[-1], last.alternatives[0][0], hidden_entries)
        last.alternatives = last.alternatives + [(term,) for term in completions]
    hits = _ranked_hits(concepts, shown, hidden=hidden_entries)
    hits = _pin_promotions(query, hits, shown)
    facets = _facets(hits)
    others = tuple(other for other in LANGUAGES if other not in shown)
    if count_all_languages and others:
        elsewhere = _ranked_hits(concepts, others, hidden=hidden_entries)
        facets["language"] = _facets(hits + _pin_promotions(query, elsewhere, others))["language"]
    if any(filters.values()):
        hits = _pin_promotions(
            query, _ranked_hits(concepts, shown, filters, hidden=hidden_entries), shown
        )
        for name, value in filters.items():
            if value:
                hits = [hit for hit in hits if getattr(hit.entry, name) == value]
    if limit:
        hits = hits[:limit]
        load_entries(hits)
    return Results(query=query, hits=hits, corrected_query=corrected, facets=facets)


def hidden_collections(request):
    """Ids of the private collections whose documents the reader may not read.

    ``can_read`` decides, as it does for the library's list and files. Read at
    each search from the current restrictions, so that a restriction added,
    changed or lifted applies at once, with nothing to reindex. Costs one query
    where no collection is private.
    """
    from wagtail.models import Collection, CollectionViewRestriction

    from intranet.library.access import can_read

    private = set()
    for root in Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ):
        private.update(root.get_descendants(inclusive=True))
    return sorted(
        collection.pk
        for collection in private
        if request is None or not can_read(request, collection)
    )


def _entries_of_collections(collection_ids):
    """The ids of the entries of the documents in these collections, as a subquery."""
    from wagtail.documents import get_document_model

    keys = (
        get_document_model()
        .objects.filter(collection_id__in=collection_ids)
        .annotate(entry_key=Concat(Value("document:"), Cast("pk", CharField())))
        .values("entry_key")
    )
    return SearchEntry.objects.filter(key__in=keys).values("pk")


def _ranked_hits(concepts, languages, filters=None, hidden=None):
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
    for entry_id, term, weight in _heaviest(all_terms, languages, filters or {}, hidden):
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
    phrases = [concept.sequences for concept in concepts if concept.sequences]
    if phrases:
        scored = _holding_phrases(scored, phrases)
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
    """``(entry id, score, matched terms)`` of the entries matching enough of the query.

    A phrase typed in quotes must match: it is what the visitor insisted on.
    """
    scored = []
    for entry_id, term_weights in weights.items():
        matched_concepts, score, matched_terms, phrase_missing = 0, 0.0, set(), False
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
            elif concept.sequences:
                phrase_missing = True
        coverage = matched_concepts / len(concepts)
        if matched_concepts and not phrase_missing and (len(concepts) == 1 or coverage >= 0.5):
            scored.append((entry_id, score * coverage * coverage, matched_terms))
    return scored


def _holding_phrases(scored, phrases):
    """The scored entries in whose text each phrase stands word for word.

    The index keeps no word positions: the entry's stored title, summary and
    body are analysed again, as indexing analysed them, and searched for one of
    each phrase's sequences. A phrase does not run from one field into the next.
    """
    texts = SearchEntry.objects.filter(
        pk__in=[entry_id for entry_id, _score, _terms in scored]
    ).values_list("pk", "title", "summary", "body")
    holding = set()
    for entry_id, *fields in texts:
        analysed = [indexed_sequence(value) for value in fields if value]
        if all(
            any(
                _find(field_terms, sequence) is not None
                for field_terms in analysed
                for sequence in sequences
            )
            for sequences in phrases
        ):
            holding.add(entry_id)
    return [item for item in scored if item[0] in holding]


def _heaviest(terms, languages, filters, hidden=None):
    """(entry id, term, weight) of the heaviest entries for each term and language.

    One statement of small ``LIMIT`` reads, each served by the posting index in
    weight order: the cost depends on the query, not on the size of the index.
    Entries the reader may not see (``hidden``, a subquery of entry ids) are
    skipped inside each read, so that they take no candidate's place.
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
    prelude, prelude_params = "", []
    if hidden is not None:
        hidden_sql, prelude_params = hidden.query.sql_with_params()
        prelude = f"WITH hidden_entries (id) AS ({hidden_sql}) "
        restriction += " AND entry_id NOT IN (SELECT id FROM hidden_entries)"
    parts, params = [], list(prelude_params)
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
        cursor.execute(prelude + " UNION ALL ".join(parts), params)
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


def _search_elasticsearch(query, language, filters, limit, written_in, count_all_languages, hidden):
    """The same search on Elasticsearch: it ranks, filters and counts facets itself."""
    from . import elastic

    found, counts, corrected = elastic.run(
        query,
        language=language,
        limit=limit or MAX_HITS,
        written_in=written_in,
        count_all_languages=count_all_languages,
        hidden_collections=hidden,
        **filters,
    )
    if corrected and hidden:
        # The term suggester reads the whole index, private documents included.
        hidden_entries = _entries_of_collections(hidden)
        if not all(
            _visible([term], hidden_entries)
            for term in text.terms(corrected, keep_stop_words=True)
            if term not in text.terms(query, keep_stop_words=True)
        ):
            corrected = ""
    entries = SearchEntry.objects.in_bulk(
        [key for key, _score, _highlights in found], field_name="key"
    )
    hits = [
        Hit(entries[key], score, set(), highlights=highlights)
        for key, score, highlights in found
        if key in entries
    ]
    shown = (written_in,) if written_in is not None else (language, "") if language else LANGUAGES
    hits = _pin_promotions(query, hits, shown)
    for name, value in filters.items():
        if value:  # a pinned page is kept only if it passes the filters too
            hits = [hit for hit in hits if getattr(hit.entry, name) == value]
    return Results(
        query=query,
        hits=hits[:limit] if limit else hits,
        corrected_query=corrected,
        facets=facet_rows(counts),
    )


def _pin_promotions(query, hits, languages):
    """Editors' picks (Wagtail search promotions) for this query come first."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    picks = SearchPromotion.objects.filter(query__query_string=query.lower()).order_by("sort_order")
    pinned_keys = [f"page:{pick.page_id}" for pick in picks if pick.page_id]
    if not pinned_keys:
        return hits
    pinned_entries = {
        e.key: e for e in SearchEntry.objects.filter(key__in=pinned_keys, language__in=languages)
    }
    pinned = [
        Hit(pinned_entries[key], float("inf"), set(), pinned=True)
        for key in pinned_keys
        if key in pinned_entries
    ]
    return pinned + [hit for hit in hits if hit.entry.key not in pinned_entries]


def _facets(hits):
    counts = {name: defaultdict(int) for name in ("kind", "service", "category", "language")}
    for hit in hits:
        counts["kind"][hit.entry.kind] += 1
        counts["language"][hit.entry.language] += 1
        if hit.entry.service:
            counts["service"][hit.entry.service] += 1
        if hit.entry.category:
            counts["category"][hit.entry.category] += 1
    return facet_rows(counts)


def facet_rows(counts):
    """``{facet: {value: count}}`` as ``{facet: [(value, label, count)]}``, most found first."""
    labels = {
        "kind": lambda value: str(kind_label(value)),
        "language": lambda value: str(LANGUAGE_LABELS.get(value, value)),
    }
    rows = {}
    for name, by_value in counts.items():
        label = labels.get(name, str)
        rows[name] = sorted(
            ((value, label(value), count) for value, count in by_value.items() if count),
            key=lambda item: (-item[2], item[1]),
        )
    return rows


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
