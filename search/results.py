"""What a search returns, whichever engine found it: hits, facets, notes."""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import text
from .models import SearchEntry, kind_label

LANGUAGES = ("fr", "ar", "")  # "" is the language of documents, found from both
LANGUAGE_LABELS = {"fr": _("French pages"), "ar": _("Arabic pages"), "": _("Documents")}
WORD = re.compile(r"[0-9]+(?:[-/][0-9]+)*|[^\W\d_]+", re.UNICODE)


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
    translation: str

    @property
    def page_id(self):
        return int(self.key.split(":", 1)[1]) if self.key.startswith("page:") else None


@dataclass
class Hit:
    entry: SearchEntry | EntryHeader
    score: float
    matched_terms: set
    pinned: bool = False
    highlights: dict = field(default_factory=dict)  # escaped HTML fragments, when given
    # What the section of the entry shows at a glance under it (``add_details``).
    details: dict | None = None

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
    # No entry holds enough of the query's words: these are the closest, and say so.
    partial: bool = False
    languages: tuple = ()  # the languages the query was asked in, first in the results
    unknown_words: list = field(default_factory=list)  # typed, and held by no entry
    asked: str = ""  # the content words asked for, normalised (``Understood.asked``)

    def __len__(self):
        return len(self.hits)


def one_per_page(hits):
    """Each page once: of a page's translations, the best-placed hit (the query's
    language comes first in the ranking)."""
    seen, kept = set(), []
    for hit in hits:
        translation = hit.entry.translation
        if translation and translation in seen:
            continue
        seen.add(translation)
        kept.append(hit)
    return kept


def load_entries(hits):
    """Give the hits about to be shown their full entries (summary, body, address)."""
    light = [hit.entry.pk for hit in hits if isinstance(hit.entry, EntryHeader)]
    full = SearchEntry.objects.in_bulk(light) if light else {}
    for hit in hits:
        hit.entry = full.get(hit.entry.pk, hit.entry)
    return hits


def add_details(hits):
    """Let each section describe its results at a glance, through the
    ``describe_search_results`` hook (a procedure's fee, delay, office and whether
    its service is open now): the search page and the desk show them."""
    from wagtail import hooks

    for describe in hooks.get_hooks("describe_search_results"):
        describe(hits)
    return hits


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
