"""The intranet's own engine, on the database: ranks entries from the posting index.

Wagtail's database backend cannot fold Arabic spellings, tolerate typing
mistakes or apply the editors' synonyms; so indexing stores, for each entry,
the weight of each of its terms (``SearchPosting``), and this engine reads the
heaviest entries of the query's terms, scores them on every concept of the
query and keeps those that match enough of it.
"""

import math
from collections import defaultdict

from django.db import connection

from ..models import SearchEntry, SearchPosting, SearchTerm
from ..results import LANGUAGES, EntryHeader, Hit
from ..understanding import find, lexicon
from .base import MAX_HITS, Answer, SearchEngine, enough, language_factor

# Entries read per term and language, heaviest first: enough for any page of
# results and its facets, few enough that a query costs the same on 300 or
# 30,000 pages.
CANDIDATES_PER_TERM = 100
RESCORED = 100  # best candidates scored on all their terms


class DatabaseEngine(SearchEngine):
    name = "database"

    def answer(self, plan):
        concepts = plan.understood.known_concepts
        if not concepts:
            return Answer(hits=[], facets={})
        ranking = {"hidden": plan.hidden_entries, "total": plan.entry_total}
        hits, partial = ranked_hits(concepts, plan.shown, plan.preferred, **ranking)
        facets = facet_counts(hits)
        others = tuple(other for other in LANGUAGES if other not in plan.shown)
        if plan.count_all_languages and others:
            elsewhere, _partial = ranked_hits(
                concepts, others, plan.preferred, partial_allowed=partial, **ranking
            )
            facets["language"] = facet_counts(hits + elsewhere)["language"]
        if any(plan.filters.values()):
            hits, partial = ranked_hits(
                concepts, plan.shown, plan.preferred, filters=plan.filters, **ranking
            )
        return Answer(hits=hits, facets=facets, partial=partial)

    # The postings this engine reads are the ones indexing writes: nothing to mirror.
    def entry_stored(self, entry):
        pass

    def entry_removed(self, key):
        pass

    def rebuilt(self):
        pass


def ranked_hits(
    concepts, languages, preferred, hidden=None, filters=None, partial_allowed=True, total=None
):
    """``(hits, partial)``: the best-scored of the heaviest entries of each term.

    When no entry matches enough of the query, those matching any of it are
    returned, and ``partial`` says so.
    """
    all_terms = sorted({term for concept in concepts for term in concept.terms})
    weights, entry_languages = defaultdict(dict), {}
    for entry_id, term, weight, language in _heaviest(all_terms, languages, filters or {}, hidden):
        weights[entry_id][term] = weight
        entry_languages[entry_id] = language
    if not weights:
        return [], False
    entry_counts = dict(
        SearchTerm.objects.filter(term__in=all_terms).values_list("term", "entry_count")
    )
    total = max(total if total is not None else SearchEntry.objects.count(), 1)
    rarity = {term: math.log(1 + total / max(entry_counts.get(term, 0), 1)) for term in all_terms}
    # A candidate read for one term may hold others beyond their heaviest entries:
    # the most promising candidates get those weights read before scoring.
    contenders = sorted(
        weights, key=lambda entry_id: -sum(w * rarity[t] for t, w in weights[entry_id].items())
    )[:RESCORED]
    for entry_id, term, weight in _weights(contenders, all_terms):
        weights[entry_id][term] = weight
    factors = {
        entry_id: language_factor(language, preferred)
        for entry_id, language in entry_languages.items()
    }
    scored = score(concepts, weights, rarity, factors, enough(len(concepts)))
    partial = False
    if not scored and partial_allowed and len(concepts) > 1:
        scored, partial = score(concepts, weights, rarity, factors, needed=1), True
    phrases = [concept.sequences for concept in concepts if concept.sequences]
    if phrases:
        scored = _holding_phrases(scored, phrases)
    scored.sort(key=lambda item: -item[1])
    scored = scored[:MAX_HITS]
    headers = {
        row[0]: EntryHeader(*row)
        for row in SearchEntry.objects.filter(
            pk__in=[entry_id for entry_id, _score, _terms in scored]
        ).values_list(
            "pk", "key", "kind", "language", "title", "service", "category", "translation"
        )
    }
    hits = [Hit(headers[entry_id], value, terms) for entry_id, value, terms in scored]
    hits.sort(key=lambda hit: (-hit.score, hit.entry.title))
    return hits, partial


def score(concepts, weights, rarity, factors, needed):
    """``(entry id, score, matched terms)`` of the entries matching ``needed`` concepts.

    Each alternative is checked on the entries that hold its rarest term only,
    so that a concept widened by the lexicons and synonyms costs little more
    than a word. A phrase typed in quotes must match: it is what the visitor
    insisted on.
    """
    holders = defaultdict(set)
    for entry_id, term_weights in weights.items():
        for term in term_weights:
            holders[term].add(entry_id)
    totals, matched, matched_terms = defaultdict(float), defaultdict(int), defaultdict(set)
    phrase_holders = []
    for concept in concepts:
        best = {}
        for alternative, factor in concept.weighted_alternatives():
            if not alternative:
                continue
            entries = min((holders.get(term, set()) for term in alternative), key=len)
            for entry_id in entries:
                term_weights = weights[entry_id]
                if all(term in term_weights for term in alternative):
                    value = factor * sum(term_weights[term] * rarity[term] for term in alternative)
                    if value > best.get(entry_id, (0.0,))[0]:
                        best[entry_id] = (value, alternative)
        for entry_id, (value, alternative) in best.items():
            totals[entry_id] += value
            matched[entry_id] += 1
            matched_terms[entry_id].update(alternative)
        if concept.sequences:
            phrase_holders.append(set(best))
    scored = []
    for entry_id, count in matched.items():
        if count >= needed and all(entry_id in holding for holding in phrase_holders):
            coverage = count / len(concepts)
            value = totals[entry_id] * coverage * coverage * factors.get(entry_id, 1.0)
            scored.append((entry_id, value, matched_terms[entry_id]))
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
        analysed = [lexicon.indexed_sequence(value) for value in fields if value]
        if all(
            any(
                find(field_terms, sequence) is not None
                for field_terms in analysed
                for sequence in sequences
            )
            for sequences in phrases
        ):
            holding.add(entry_id)
    return [item for item in scored if item[0] in holding]


def _heaviest(terms, languages, filters, hidden=None):
    """(entry id, term, weight, language) of the heaviest entries for each term and language.

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
                f"SELECT * FROM (SELECT entry_id, term, weight, language FROM {postings} "
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


def facet_counts(hits):
    counts = {name: defaultdict(int) for name in ("kind", "service", "category", "language")}
    for hit in hits:
        counts["kind"][hit.entry.kind] += 1
        counts["language"][hit.entry.language] += 1
        if hit.entry.service:
            counts["service"][hit.entry.service] += 1
        if hit.entry.category:
            counts["category"][hit.entry.category] += 1
    return counts
