"""Keep the search index in step with what is published.

``document_for(page)`` reads a page through its model's ``search_fields`` (the
model decides what is searchable and how much each field weighs);
``is_indexable`` is the one rule for what may be found: live pages only, so a
draft waiting for approval never appears in search.
"""

from collections import Counter

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from . import text
from .models import SearchEntry, SearchPosting, SearchWord

TITLE_BOOST = 2  # a search field boosted this much or more counts as a summary


def is_indexable(page):
    return (
        page is not None
        and page.live
        and page.depth > 1
        and not page.get_view_restrictions().exists()
    )


def _plain(value, field=None):
    if value is None:
        return ""
    if isinstance(field, StreamField) or hasattr(value, "stream_block"):
        return " ".join(str(part) for part in value.stream_block.get_searchable_content(value))
    if isinstance(field, RichTextField):
        return strip_tags(str(value))
    if hasattr(value, "all"):  # a related manager
        return " ".join(str(item) for item in value.all())
    return strip_tags(str(value))


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
                weight = SearchPosting.Field.TITLE
            elif boost >= TITLE_BOOST:
                weight = SearchPosting.Field.SUMMARY
            else:
                weight = SearchPosting.Field.BODY
            yield weight, _plain(value, model_field)
        elif isinstance(search_field, index.RelatedFields):
            related = getattr(obj, search_field.field_name, None)
            items = related.all() if hasattr(related, "all") else [related] if related else []
            for item in items:
                for _weight, related_text in _field_texts(item, search_field.fields):
                    yield SearchPosting.Field.BODY, related_text


def document_for(page):
    """What the index keeps of a page: the entry's fields and its texts by weight."""
    specific = page.specific
    texts = {
        SearchPosting.Field.TITLE: [],
        SearchPosting.Field.SUMMARY: [],
        SearchPosting.Field.BODY: [],
    }
    for weight, value in _field_texts(specific, specific.get_search_fields()):
        if value.strip():
            texts[weight].append(value)
    describe = getattr(specific, "search_facets", None)
    facets = describe() if describe else {}
    return {
        "key": f"page:{page.pk}",
        "kind": specific._meta.model_name,
        "language": page.locale.language_code,
        "title": page.title,
        "url": page.url or "",
        "summary": _display_summary(specific, texts)[:1000],
        "body": " ".join(texts[SearchPosting.Field.BODY])[:20000],
        "service": facets.get("service", ""),
        "category": facets.get("category", ""),
        "boost": facets.get("boost", 1.0),
        "texts": texts,
    }


def _display_summary(page, texts):
    """What a result shows under its title: the page's own summary when it has one."""
    for name in ("summary", "introduction", "search_description"):
        value = strip_tags(str(getattr(page, name, "") or "")).strip()
        if value:
            return value
    return " ".join(texts[SearchPosting.Field.SUMMARY] or texts[SearchPosting.Field.BODY])


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
    """Write an entry and its postings; ``texts`` maps a posting field to its texts."""
    entry, _created = SearchEntry.objects.update_or_create(key=key, defaults=fields)
    entry.postings.all().delete()
    postings, vocabulary = [], Counter()
    for field, values in texts.items():
        counts = Counter()
        for value in values:
            for word in text.words(value):
                term = text.terms(word, keep_stop_words=True)
                if term and len(word) <= 60:
                    counts[term[0][:60]] += 1
                    vocabulary[(word, term[0][:60])] += 1
        postings += [
            SearchPosting(entry=entry, term=term, field=field, count=min(count, 32767))
            for term, count in counts.items()
        ]
    SearchPosting.objects.bulk_create(postings, batch_size=1000)
    _remember_words(vocabulary)
    if settings.ELASTICSEARCH_URL:
        from . import elastic

        transaction.on_commit(lambda: elastic.index_entry(entry))
    return entry


def _remember_words(vocabulary):
    known = set(
        SearchWord.objects.filter(word__in=[w for w, _t in vocabulary]).values_list(
            "word", flat=True
        )
    )
    SearchWord.objects.bulk_create(
        [
            SearchWord(word=word, term=term, length=len(word))
            for (word, term) in vocabulary
            if word not in known
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )


def _remove(key):
    SearchEntry.objects.filter(key=key).delete()
    if settings.ELASTICSEARCH_URL:
        from . import elastic

        elastic.delete_entry(key)


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
        SearchPosting.Field.TITLE: [document.title],
        SearchPosting.Field.SUMMARY: [],
        SearchPosting.Field.BODY: [body[:200000]],
    }
    return _store(f"document:{document.pk}", fields, texts)


def remove_document(document_id):
    _remove(f"document:{document_id}")


def rebuild():
    """Index every live page from scratch; returns how many entries the index holds."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchWord.objects.all().delete()
    for page in Page.objects.live().exclude(depth=1).specific().iterator(chunk_size=200):
        index_page(page)
    from .models import DocumentText

    for extracted in DocumentText.objects.select_related("document", "document__collection"):
        index_document(extracted.document, extracted)
    if settings.ELASTICSEARCH_URL:
        from . import elastic

        elastic.rebuild()
    return SearchEntry.objects.count()
