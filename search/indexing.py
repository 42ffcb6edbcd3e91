"""Keep the search index in step with what is published.

``document_for(page)`` reads a page through its model's ``search_fields`` (the
model decides what is searchable and how much each field weighs);
``is_indexable`` is the one rule for what may be found: live pages only, so a
draft waiting for approval never appears in search.
"""

import html
import math
from collections import Counter

from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import F
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from intranet.core import freshness

from . import engines, text
from .models import SearchEntry, SearchPosting, SearchTerm, SearchWord
from .vocabulary import record_words


class Part(models.IntegerChoices):
    """Where a word stands in an entry; a title word weighs most."""

    TITLE = 0
    SUMMARY = 1
    BODY = 2


PART_WEIGHT = {Part.TITLE: 8.0, Part.SUMMARY: 3.0, Part.BODY: 1.0}
TITLE_BOOST = 2  # a search field boosted this much or more counts as a summary
BATCH = 500  # terms per statement, under every database's limit of parameters


def is_indexable(page):
    return (
        page is not None
        and page.live
        and page.depth > 1
        and not page.get_view_restrictions().exists()
    )


def plain_text(markup):
    """Text as a reader reads it: tags gone and entities turned back into their
    characters, so that a snippet escaped for the page shows "&", never "&amp;"."""
    return html.unescape(strip_tags(str(markup)))


def _plain(value, field=None):
    if value is None:
        return ""
    if isinstance(field, StreamField) or hasattr(value, "stream_block"):
        parts = value.stream_block.get_searchable_content(value)
        return " ".join(plain_text(part) for part in parts)
    if hasattr(value, "all"):  # a related manager
        return " ".join(str(item) for item in value.all())
    return plain_text(value)


def _field_texts(obj, search_fields):
    """(weight field, text) pairs for each SearchField of an object, following RelatedFields."""
    for search_field in search_fields:
        if isinstance(search_field, index.SearchField):
            name = search_field.field_name
            value = getattr(obj, name, None)
            if callable(value):
                value = value()
            try:
                model_field = obj._meta.get_field(name)
            except FieldDoesNotExist:  # a method, such as a computed search text
                model_field = None
            boost = getattr(search_field, "boost", None) or 1
            if name == "title":
                weight = Part.TITLE
            elif boost >= TITLE_BOOST:
                weight = Part.SUMMARY
            else:
                weight = Part.BODY
            yield weight, _plain(value, model_field)
        elif isinstance(search_field, index.RelatedFields):
            related = getattr(obj, search_field.field_name, None)
            items = related.all() if hasattr(related, "all") else [related] if related else []
            for item in items:
                for _weight, related_text in _field_texts(item, search_field.fields):
                    yield Part.BODY, related_text


def document_for(page):
    """What the index keeps of a page: the entry's fields and its texts by weight.

    Read in the page's own language, so that labels (categories, choices) are
    the ones its readers see, whichever language indexing runs in.
    """
    with translation.override(page.locale.language_code):
        return _document_for(page.specific)


def _document_for(page):
    texts = {
        Part.TITLE: [],
        Part.SUMMARY: [],
        Part.BODY: [],
    }
    for weight, value in _field_texts(page, page.get_search_fields()):
        if value.strip():
            texts[weight].append(value)
    describe = getattr(page, "search_facets", None)
    facets = describe() if describe else {}
    return {
        "key": f"page:{page.pk}",
        "kind": page._meta.model_name,
        "language": page.locale.language_code,
        "title": page.title,
        "url": page.url or "",
        "summary": _display_summary(page, texts)[:1000],
        "body": " ".join(texts[Part.BODY])[:20000],
        "service": facets.get("service", ""),
        "category": facets.get("category", ""),
        "translation": str(page.translation_key),
        "boost": facets.get("boost", 1.0),
        "texts": texts,
    }


def _display_summary(page, texts):
    """What a result shows under its title: the page's own summary when it has one."""
    for name in ("summary", "introduction", "search_description"):
        value = plain_text(getattr(page, name, "") or "").strip()
        if value:
            return value
    return " ".join(texts[Part.SUMMARY] or texts[Part.BODY])


@transaction.atomic
def index_page(page):
    """Add, refresh or remove one page, whichever its state calls for."""
    key = f"page:{page.pk}"
    if not is_indexable(page):
        _remove(key)
        return None
    document = document_for(page)
    texts = document.pop("texts")
    return _store(key, document, texts)


def _store(key, fields, texts):
    """Write an entry and its postings; ``texts`` maps a part (title, summary, body) to texts."""
    entry, created = SearchEntry.objects.update_or_create(key=key, defaults=fields)
    previous_terms = set() if created else set(entry.postings.values_list("term", flat=True))
    weights, vocabulary = Counter(), set()
    for part, values in texts.items():
        counts = Counter()
        for value in values:
            for _word, term in text.indexed_words(value):
                counts[term] += 1
            for spelling, word in text.spelled_words(value):
                vocabulary.add((spelling, word, text.stem(word)[: text.LONGEST_WORD]))
        for term, count in counts.items():
            weights[term] += PART_WEIGHT[part] * (1 + math.log(count))
    if not created:
        entry.postings.all().delete()
    SearchPosting.objects.bulk_create(
        [
            SearchPosting(
                entry=entry, term=term, language=entry.language, weight=weight * entry.boost
            )
            for term, weight in weights.items()
        ],
        batch_size=BATCH,
    )
    _count_entries(set(weights) - previous_terms, +1)
    _count_entries(previous_terms - set(weights), -1)
    record_words(vocabulary)
    # Searches kept in the cache were answered by the index as it was (bulk writes
    # send no signal): they are forgotten with this change.
    freshness.changed()
    engine = engines.current()

    def tell_engine():
        engine.entry_stored(entry)
        freshness.changed()

    transaction.on_commit(tell_engine)
    return entry


def _count_entries(terms, change):
    """Add ``change`` to the number of entries holding each term."""
    terms = sorted(terms)
    if change > 0:
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=term) for term in terms], batch_size=BATCH, ignore_conflicts=True
        )
    for start in range(0, len(terms), BATCH):
        SearchTerm.objects.filter(term__in=terms[start : start + BATCH]).update(
            entry_count=F("entry_count") + change
        )


@transaction.atomic
def _remove(key):
    terms = SearchPosting.objects.filter(entry__key=key).values_list("term", flat=True)
    _count_entries(set(terms), -1)
    SearchEntry.objects.filter(key=key).delete()
    freshness.changed()
    engines.current().entry_removed(key)


def remove_page(page_id):
    _remove(f"page:{page_id}")


@transaction.atomic
def index_document(document, extracted):
    """A document is found by its title and, once read, by the text inside it.

    Documents belong to no language tree: they are found from both languages.
    """
    from django.utils.translation import gettext as _

    body = extracted.text if extracted.status == extracted.Status.EXTRACTED else ""
    summary = (
        body[:300] if body else _("Text not searchable: %(reason)s") % {"reason": extracted.reason}
    )
    fields = {
        "kind": "document",
        "language": "",
        "title": document.title,
        "url": document.url,
        "summary": summary if extracted.status != extracted.Status.PENDING else "",
        "body": body[:20000],
        "service": "",
        "category": document.collection.name if document.collection_id else "",
        "boost": 0.8,
    }
    texts = {
        Part.TITLE: [document.title],
        Part.SUMMARY: [],
        Part.BODY: [body[:200000]],
    }
    return _store(f"document:{document.pk}", fields, texts)


def remove_document(document_id):
    _remove(f"document:{document_id}")


def rebuild():
    """Index every live page from scratch; returns how many entries the index holds."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
        SearchWord.objects.all().delete()
        freshness.changed()
    for page in Page.objects.live().exclude(depth=1).specific().iterator(chunk_size=200):
        index_page(page)
    from .models import DocumentText

    for extracted in DocumentText.objects.select_related("document", "document__collection"):
        index_document(extracted.document, extracted)
    engines.current().rebuilt()
    return SearchEntry.objects.count()
