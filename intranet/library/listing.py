"""The readers' list: documents of the divisions' collections, filtered and paginated."""

from django.core.paginator import Paginator
from django.db.models import Count, Max, Prefetch, Q
from django.db.models.functions import Coalesce
from wagtail.documents import get_document_model

from intranet.core import file_types
from intranet.core.access import can_read

from .models import DivisionCollection, DocumentVersion

PER_PAGE = 20
MAX_QUERY = 100


def readable_collections(request, locale):
    """The divisions' collections this reader may open, in the chart's order, named in
    the reader's language."""
    links = (
        DivisionCollection.objects.filter(division__isnull=False)
        .select_related("collection", "division")
        .order_by("division__path")
    )
    readable = [link for link in links if can_read(request, link.collection)]
    for link in readable:
        link.label = link.title_in(locale)
    return readable


def _number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def with_versions(documents):
    """Documents with their versions newest first (``version_list``) and ``current``."""
    return documents.prefetch_related(
        Prefetch(
            "versions",
            queryset=DocumentVersion.objects.select_related("uploaded_by").order_by("-number"),
            to_attr="version_list",
        )
    )


def library_listing(request, locale):
    links = readable_collections(request, locale)
    by_collection = {link.collection_id: link for link in links}
    documents = get_document_model().objects.filter(collection__in=list(by_collection))
    counts = dict(documents.values_list("collection").annotate(count=Count("pk")).order_by())
    for link in links:
        link.document_count = counts.get(link.collection_id, 0)

    chosen = _number(request.GET.get("collection"))
    chosen = chosen if chosen in by_collection else None
    family = request.GET.get("type") if request.GET.get("type") in file_types.FAMILIES else None
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    if chosen:
        documents = documents.filter(collection_id=chosen)
    if family:
        endings = Q()
        for extension in file_types.extensions_of(family):
            endings |= Q(file__iendswith=f".{extension}")
        documents = documents.filter(endings)
    if query:
        documents = documents.filter(title__icontains=query)

    documents = with_versions(
        documents.annotate(last_change=Coalesce(Max("versions__uploaded_at"), "created_at"))
        .order_by("-last_change", "title")
        .select_related("collection", "extracted_text")
    )
    page = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    for document in page:
        document.current = document.version_list[0] if document.version_list else None
        document.division = by_collection[document.collection_id]
    return {
        "collections": links,
        "chosen_collection": chosen,
        "file_families": [(key, label) for key, (label, _checks) in file_types.FAMILIES.items()],
        "chosen_family": family,
        "query": query,
        "documents_page": page,
        "filtered": bool(chosen or family or query),
    }
