"""The one way to search the intranet: a ``SearchRequest`` in, ``Results`` out.

The search page, the JSON API, the reception desk and the benchmarks all call
``search``. It understands the query once (``search.understanding``: the
query's language, Darija, Arabizi, function words, corrections, synonyms),
hands the engine in use (``search.engines``) a plan, pins the editors'
promotions and keeps the answer until the content changes.

Documents of a private collection are left out for readers that
``intranet.core.access.can_read`` refuses, inside the engine's query, so
that limits, pages, facets and "did you mean" never count or show them.
"""

import hashlib
from dataclasses import dataclass

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat
from django.utils.translation import get_language

from intranet.core import freshness

from . import engines, lexicon
from .engines.base import Plan
from .models import SearchEntry
from .results import (
    LANGUAGES,
    Hit,
    Results,
    add_details,
    facet_rows,
    load_entries,
    one_per_page,
)
from .understanding import MAX_QUERY_LENGTH, clean_query, understand
from .vocabulary import Vocabulary

__all__ = [
    "MAX_QUERY_LENGTH",
    "Results",
    "SearchRequest",
    "add_details",
    "clean_query",
    "load_entries",
    "plan_for",
    "search",
]


@dataclass(frozen=True)
class SearchRequest:
    """What is asked, and by whom.

    ``languages`` filters: only entries written in these ("fr", "ar", and ""
    for documents); by default every language is searched, the query's own
    first. The facets count what was found before the kind, service and
    category filters; with ``count_all_languages`` the language facet counts
    every language, whatever ``languages`` keeps. ``reader`` is the reader's
    HTTP request: documents of the private collections it may not read are
    left out (without one, every private collection's are). With ``limit``,
    the hits carry their full entries; otherwise call ``load_entries`` on the
    hits shown. ``prefix``: the last word may still be being typed.
    """

    query: str
    languages: tuple | None = None
    kind: str | None = None
    service: str | None = None
    category: str | None = None
    limit: int | None = None
    prefix: bool = True
    count_all_languages: bool = False
    reader: object = None

    @property
    def filters(self):
        return {"kind": self.kind, "service": self.service, "category": self.category}


def search(request):
    """Results for a ``SearchRequest``, best first, with facets over everything found."""
    query = clean_query(request.query)
    if not query:
        return Results(query="", hits=[])
    hidden = hidden_collections(request.reader)
    if request.reader is None:
        return _search(request, query, hidden)
    # The desk asks the same questions all day: answers are kept until the content changes.
    # Facet labels are in the interface language: it is part of the key.
    asked = repr(
        (
            query,
            request.languages,
            sorted(request.filters.items()),
            request.limit,
            request.prefix,
            request.count_all_languages,
            hidden,
            get_language(),
        )
    ).encode()
    key = "search:" + hashlib.sha256(asked).hexdigest()
    return freshness.cached(request.reader, key, lambda: _search(request, query, hidden))


def entry_total(reader):
    """How many entries the index holds (rare terms weigh more): kept, for a reader,
    until the content changes, as every change of the index changes it."""
    if reader is None:
        return SearchEntry.objects.count()
    return freshness.cached(reader, "search:entry-total", SearchEntry.objects.count)


def plan_for(request, hidden=None):
    """What an engine is asked for a request: the query understood for this reader."""
    if hidden is None:
        hidden = hidden_collections(request.reader)
    hidden_entries = entries_of_collections(hidden) if hidden else None
    vocabulary = Vocabulary(hidden_entries, lexicon.language_data().synonym_words)
    understood = understand(clean_query(request.query), vocabulary=vocabulary)
    _complete_last_word(understood, vocabulary, request.prefix)
    _mark_known(understood, vocabulary)
    return Plan(
        understood=understood,
        shown=tuple(request.languages) if request.languages is not None else LANGUAGES,
        filters=request.filters,
        limit=request.limit,
        count_all_languages=request.count_all_languages,
        hidden_collections=hidden,
        hidden_entries=hidden_entries,
        entry_total=entry_total(request.reader),
    )


def _search(request, query, hidden):
    plan = plan_for(request, hidden)
    understood, shown = plan.understood, plan.shown
    answer = engines.current().answer(plan)
    hits = _pin_promotions(query, one_per_page(answer.hits), shown)
    for name, value in request.filters.items():
        if value:  # a pinned page is kept only if it passes the filters too
            hits = [hit for hit in hits if getattr(hit.entry, name) == value]
    if request.limit:
        hits = hits[: request.limit]
        load_entries(hits)
    return Results(
        query=query,
        hits=hits,
        corrected_query=understood.corrected_query,
        facets=facet_rows(answer.facets),
        partial=answer.partial and bool(hits),
        languages=understood.languages,
        unknown_words=understood.unknown_words,
        asked=understood.asked,
    )


def _complete_last_word(understood, vocabulary, prefix):
    """A word still being typed also stands for the words it begins."""
    if not (prefix and understood.still_typing and understood.concepts):
        return
    last = understood.concepts[-1]
    if last.sequences or last.from_lexicon or len(last.alternatives) != 1:
        return
    if len(last.alternatives[0]) != 1 or len(last.words) != 1:
        return
    completions = vocabulary.completions(last.words[-1], last.alternatives[0][0])
    last.completions = completions


def _mark_known(understood, vocabulary):
    counts = vocabulary.entry_counts(
        {term for concept in understood.concepts for term in concept.terms}
    )
    for concept in understood.concepts:
        concept.known = any(
            alternative and all(term in counts for term in alternative)
            for alternative, _factor in concept.weighted_alternatives()
        )


def hidden_collections(reader):
    """Ids of the private collections whose documents the reader may not read.

    ``can_read`` decides, as it does for the library's list and files. Read at
    each search from the current restrictions, so that a restriction added,
    changed or lifted applies at once, with nothing to reindex. Costs one query
    where no collection is private.
    """
    from wagtail.models import Collection, CollectionViewRestriction

    from intranet.core.access import can_read

    private = set()
    for root in Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ):
        private.update(root.get_descendants(inclusive=True))
    return sorted(
        collection.pk
        for collection in private
        if reader is None or not can_read(reader, collection)
    )


def entries_of_collections(collection_ids):
    """The ids of the entries of the documents in these collections, as a subquery."""
    from wagtail.documents import get_document_model

    keys = (
        get_document_model()
        .objects.filter(collection_id__in=collection_ids)
        .annotate(entry_key=Concat(Value("document:"), Cast("pk", CharField())))
        .values("entry_key")
    )
    return SearchEntry.objects.filter(key__in=keys).values("pk")


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
