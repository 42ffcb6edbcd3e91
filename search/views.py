"""The search page and the JSON search API: thin views over ``search.query``."""

from django.core.paginator import InvalidPage, Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import query as search_query
from . import query_log
from .models import SearchQueryLog

RESULTS_PER_PAGE = 20
API_DEFAULT_LIMIT = 10
API_MAX_LIMIT = 50
# The language facet's values in the address, and the entries' languages they stand for.
WRITTEN_IN = {"fr": "fr", "ar": "ar", "documents": ""}


def search(request):
    """Search everything published in the reader's language, with facets and highlights.

    ``?language=fr|ar|documents`` shows one language's pages, or the documents,
    whichever the reader's language.
    """
    raw = request.GET.get("q", "")
    filters = {name: request.GET.get(name) or None for name in ("kind", "service", "category")}
    language_filter = request.GET.get("language")
    if language_filter not in WRITTEN_IN:
        language_filter = None
    results = search_query.search(
        raw,
        language=get_language(),
        written_in=WRITTEN_IN.get(language_filter),
        count_all_languages=True,
        request=request,
        **filters,
    )
    requested_page = request.GET.get("page")
    if requested_page in (None, "1") and not any(filters.values()) and not language_filter:
        query_log.record(
            results.query, get_language(), len(results.hits), SearchQueryLog.Source.SEARCH_PAGE
        )
    paginator = Paginator(results.hits, RESULTS_PER_PAGE)
    try:
        page, missing_page = paginator.page(requested_page or 1), None
    except InvalidPage:
        page, missing_page = paginator.get_page(requested_page), requested_page[:20]
    search_query.load_entries(page.object_list)
    parameter_of = {language: parameter for parameter, language in WRITTEN_IN.items()}
    return render(
        request,
        "search/search.html",
        {
            "query": results.query,
            "too_long": len(raw) > search_query.MAX_QUERY_LENGTH,
            "results": results,
            "results_page": page,
            "missing_page": missing_page,
            "filters": {**filters, "language": language_filter},
            "language_facet": [
                (parameter_of[value], label, count)
                for value, label, count in results.facets.get("language", [])
                if value in parameter_of
            ],
        },
    )


@require_GET
def api_search(request):
    """``GET /api/search/?q=…&limit=…`` → best results first, as JSON; bad input is a 400."""
    raw = request.GET.get("q")
    if raw is None or not search_query.clean_query(raw):
        return JsonResponse({"error": _("The parameter “q” is required.")}, status=400)
    if len(raw) > 1000:
        return JsonResponse(
            {"error": _("The query is too long (1000 characters at most).")}, status=400
        )
    limit = request.GET.get("limit", str(API_DEFAULT_LIMIT))
    # ASCII digits, few of them: int() refuses "²" and strings of thousands of digits.
    if not (limit.isascii() and limit.isdigit() and len(limit) <= 3) or not (
        1 <= int(limit) <= API_MAX_LIMIT
    ):
        return JsonResponse(
            {
                "error": _("“limit” must be a whole number from 1 to %(max)s.")
                % {"max": API_MAX_LIMIT}
            },
            status=400,
        )
    language = request.GET.get("language") or get_language()
    if language not in ("fr", "ar"):
        return JsonResponse({"error": _("“language” must be fr or ar.")}, status=400)
    results = search_query.search(raw, language=language, limit=int(limit), request=request)
    source = request.GET.get("source")
    if source in SearchQueryLog.Source.values:
        query_log.record(results.query, language, len(results.hits), source)
    return JsonResponse(
        {
            "query": results.query,
            "corrected_query": results.corrected_query,
            "results": [
                {
                    "type": hit.entry.kind,
                    "type_label": str(hit.entry.kind_label),
                    "title": hit.entry.title,
                    "url": hit.entry.url,
                    "snippet": str(hit.snippet),
                    "service": hit.entry.service,
                    "pinned": hit.pinned,
                }
                for hit in results.hits
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
