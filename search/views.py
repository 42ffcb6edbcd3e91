"""The search page and the JSON search API: thin views over ``search.facade``."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import InvalidPage, Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from intranet.core.parameters import whole_number

from . import query_log
from .facade import MAX_QUERY_LENGTH, SearchRequest, add_details, clean_query, load_entries
from .facade import search as run_search
from .models import SearchFollowUp, SearchQueryLog

RESULTS_PER_PAGE = 20
API_DEFAULT_LIMIT = 10
API_MAX_LIMIT = 50
# The language facet's values in the address, and the entries' languages they stand for.
WRITTEN_IN = {"fr": "fr", "ar": "ar", "documents": ""}


def search(request):
    """Search everything published, the query's language first, with facets and highlights.

    ``?language=fr|ar|documents`` shows one language's pages, or the documents,
    whichever the reader's language.
    """
    raw = request.GET.get("q", "")
    filters = {name: request.GET.get(name) or None for name in ("kind", "service", "category")}
    language_filter = request.GET.get("language")
    if language_filter not in WRITTEN_IN:
        language_filter = None
    results = run_search(
        SearchRequest(
            raw,
            languages=(WRITTEN_IN[language_filter],) if language_filter else None,
            count_all_languages=True,
            reader=request,
            **filters,
        )
    )
    requested_page = request.GET.get("page")
    if requested_page in (None, "1") and not any(filters.values()) and not language_filter:
        query_log.record_results(results, SearchQueryLog.Source.SEARCH_PAGE)
    paginator = Paginator(results.hits, RESULTS_PER_PAGE)
    try:
        page, missing_page = paginator.page(requested_page or 1), None
    except InvalidPage:
        page, missing_page = paginator.get_page(requested_page), requested_page[:20]
    add_details(load_entries(page.object_list))
    parameter_of = {language: parameter for parameter, language in WRITTEN_IN.items()}
    return render(
        request,
        "search/search.html",
        {
            "query": results.query,
            "too_long": len(raw) > MAX_QUERY_LENGTH,
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


def partial_note():
    return _(
        "No page answers every word of the question: these are the closest answers, "
        "for the words that were found."
    )


@require_GET
def api_search(request):
    """``GET /api/search/?q=…&limit=…`` → best results first, as JSON; bad input is a 400."""
    raw = request.GET.get("q")
    if raw is None or not clean_query(raw):
        return JsonResponse({"error": _("The parameter “q” is required.")}, status=400)
    if len(raw) > 1000:
        return JsonResponse(
            {"error": _("The query is too long (1000 characters at most).")}, status=400
        )
    limit = whole_number(request.GET.get("limit", str(API_DEFAULT_LIMIT)), 1, API_MAX_LIMIT)
    if limit is None:
        return JsonResponse(
            {
                "error": _("“limit” must be a whole number from 1 to %(max)s.")
                % {"max": API_MAX_LIMIT}
            },
            status=400,
        )
    # Without "language", the query's own language comes first and both are searched.
    language = request.GET.get("language") or None
    if language not in (None, "fr", "ar"):
        return JsonResponse({"error": _("“language” must be fr or ar.")}, status=400)
    results = run_search(
        SearchRequest(
            raw,
            languages=(language, "") if language else None,
            limit=limit,
            reader=request,
        )
    )
    source = request.GET.get("source")
    if source in SearchQueryLog.Source.values:
        query_log.record_results(results, source)
    return JsonResponse(
        {
            "query": results.query,
            "corrected_query": results.corrected_query,
            "partial": results.partial,
            "note": partial_note() if results.partial else "",
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


@require_POST
@permission_required("search.add_searchfollowup", raise_exception=True)
def follow_up(request):
    """The procedures cell marks a search that found nothing: it leaves the to-do list."""
    normalised = request.POST.get("normalised", "").strip()
    outcome = request.POST.get("outcome")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = ""
    if not normalised or len(normalised) > 200 or outcome not in SearchFollowUp.Outcome.values:
        messages.error(request, _("Choose a search of the list and what was done about it."))
    else:
        decision = query_log.follow_up(normalised, outcome, request.user)
        messages.success(
            request,
            _("“%(search)s” is off the to-do list: %(outcome)s.")
            % {"search": normalised, "outcome": decision.get_outcome_display().lower()},
        )
    return redirect(back or "reception_statistics")
