"""The reception desk: find the answer while the visitor waits, print the fiche,
record the visit; and the statistics the register feeds."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intranet.core.locales import localized_all
from intranet.core.parameters import whole_number
from intranet.organisation.models import ServicePage
from procedures_manual.models import ProcedurePage
from search import query_log
from search.facade import SearchRequest, add_details, search
from search.models import SearchFollowUp, SearchQueryLog

from . import charts, referrals, register
from .forms import VisitForm
from .models import ReceptionVisit, Referral

DESK_RESULTS = 8
UNANSWERED_PER_PAGE = 20
PERIODS = (7, 30, 90, 365)


@permission_required("reception.add_receptionvisit", raise_exception=True)
def desk(request):
    query = request.GET.get("q", "")
    # The visitor's words decide the language searched first, not the desk's.
    results = search(SearchRequest(query, limit=DESK_RESULTS, reader=request)) if query else None
    if results is not None:
        add_details(results.hits)
    if results is not None and request.GET.get("typing") != "1":
        query_log.record_results(results, SearchQueryLog.Source.RECEPTION_DESK)
    procedure = None
    procedure_id = whole_number(request.GET.get("procedure"))
    if procedure_id is not None:
        procedure = get_object_or_404(ProcedurePage.objects.live(), pk=procedure_id)
    context = {
        "query": results.query if results else "",
        "results": results,
        "procedure": procedure,
        "form": VisitForm(
            language=get_language(),
            initial={"procedure": procedure, "service": procedure.where if procedure else None},
        ),
        "recent_visits": ReceptionVisit.objects.filter(recorded_by=request.user).select_related(
            "service", "procedure"
        )[:5],
    }
    template = (
        "reception/includes/results.html"
        if request.GET.get("partial") == "1"
        else "reception/desk.html"
    )
    return render(request, template, context)


@require_POST
@permission_required("reception.add_receptionvisit", raise_exception=True)
def record(request):
    form = VisitForm(request.POST, language=get_language())
    if form.is_valid():
        data = form.cleaned_data
        visit = register.record_visit(
            agent=request.user,
            service=data["service"],
            procedure=data["procedure"],
            visitor_category=data["visitor_category"],
            gender=data["gender"],
            outcome=data["outcome"],
        )
        if visit.outcome == ReceptionVisit.Outcome.REDIRECTED:
            referral = referrals.send_on(visit, data["note"])
            return redirect("reception_referral_slip", reference=referral.reference)
        messages.success(request, _("Visit recorded. Next visitor!"))
    else:
        for error in form.non_field_errors() or [
            _("The visit could not be recorded: check the form.")
        ]:
            messages.error(request, error)
    return redirect("reception_desk")


@permission_required("reception.view_receptionvisit", raise_exception=True)
def statistics(request):
    days = whole_number(request.GET.get("days"))
    days = days if days in PERIODS else 30
    stats = register.statistics(days)
    titles = {
        service.translation_key: service.title
        for service in ServicePage.objects.filter(
            translation_key__in=[row["service__translation_key"] for row in stats["services"]],
            locale__language_code=get_language(),
        )
    }
    context = {
        "days": days,
        "periods": PERIODS,
        "stats": stats,
        "services_chart": charts.bars(
            [
                (titles.get(r["service__translation_key"], "?"), r["count"])
                for r in stats["services"]
            ]
        ),
        "hours_chart": charts.columns([(f"{hour}h", count) for hour, count in stats["by_hour"]]),
        "weekdays_chart": charts.columns(
            [(charts.weekday_name(day), count) for day, count in stats["by_weekday"]]
        ),
        "category_rows": charts.category_gender_rows(stats["by_category_gender"]),
        "gender_chart": charts.bars(
            [
                (label, stats["by_gender"].get(value, 0))
                for value, label in ReceptionVisit.Gender.choices
            ]
        ),
        "unanswered": Paginator(query_log.unanswered(days), UNANSWERED_PER_PAGE).get_page(
            request.GET.get("page")
        ),
        "follow_up_outcomes": SearchFollowUp.Outcome.choices,
        "referrals": _in_reader_language(referrals.statistics(days)),
    }
    return render(request, "reception/statistics.html", context)


def _in_reader_language(rows):
    """Each row's service in the reader's language, read in one query for all."""
    shown = localized_all([row["service"] for row in rows])
    return [{**row, "service": shown[row["service"].pk]} for row in rows]


@permission_required("reception.add_receptionvisit", raise_exception=True)
def referral_slip(request, reference):
    """The slip the visitor carries to the service, printed at the desk."""
    referral = get_object_or_404(
        Referral.objects.select_related("service", "visit__procedure"), reference=reference
    )
    return render(
        request,
        "reception/slip.html",
        {
            "referral": referral,
            "service": referral.service,
            "sides": [("fr", "ltr"), ("ar", "rtl")],
        },
    )


@require_POST
@login_required
def mark_referral(request, reference):
    """The service's staff mark a visitor received, then dealt with."""
    referral = get_object_or_404(Referral.objects.select_related("service"), reference=reference)
    status = request.POST.get("status")
    if not referrals.can_handle(request.user, referral):
        raise PermissionDenied
    if status not in (Referral.Status.RECEIVED, Referral.Status.DEALT_WITH):
        messages.error(request, _("Choose “received” or “dealt with”."))
    elif referrals.mark(referral, request.user, status):
        messages.success(
            request,
            _("%(reference)s: %(status)s.")
            % {"reference": referral.reference, "status": referral.get_status_display().lower()},
        )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = referral.service.localized.url or "/"
    return redirect(back)
