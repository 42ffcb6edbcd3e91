"""The office's and the services' screens. Thin: the rules live in ``handling``
(the steps), ``access`` (who reads what) and ``privacy`` (what is logged)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intranet.core.locales import localized_all
from intranet.core.parameters import whole_number

from . import access, handling, letter, listing, mapping, privacy, receipt
from .forms import AssignForm, BoxOpeningForm, CloseForm, RequestForm
from .models import BoxOpening, CitizenRequest

PER_PAGE = 25


def _language():
    return (get_language() or "fr")[:2]


def _request_or_404(reference):
    return get_object_or_404(
        CitizenRequest.objects.select_related("service", "arrondissement", "recorded_by"),
        reference=reference,
    )


@login_required
def inbox(request):
    """The office's list of every request; a service's list of its own."""
    office = access.is_office(request.user)
    if not office and not access.teams_services(request.user):
        raise PermissionDenied
    filters = listing.Filters.from_query(request.GET)
    requests = filters.apply(access.readable(request.user, CitizenRequest.objects.all()))
    page = Paginator(requests.select_related("service"), PER_PAGE).get_page(
        whole_number(request.GET.get("page"))
    )
    shown = localized_all([item.service for item in page if item.service])
    for item in page:
        item.service_shown = shown.get(item.service_id)
    return render(
        request,
        "requests_office/inbox.html",
        {
            "office": office,
            "page": page,
            "filters": filters,
            "filter_choices": listing.choices(_language()),
            "by_service": listing.open_by_service() if office else [],
            "may_record": access.may_record(request.user),
            "today": timezone.localdate(),
        },
    )


@login_required
def new(request):
    if not access.may_record(request.user):
        raise PermissionDenied
    opening = _opening(request)
    initial = {
        "channel": _initial_channel(request),
        "service": whole_number(request.GET.get("service")),
        "language": _language(),
    }
    if opening is not None:
        initial.update(opening=opening, channel=opening.source, received_on=opening.opened_on)
    form = RequestForm(
        request.POST or None, request.FILES or None, language=_language(), initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != "attachments"}
        citizen_request = handling.receive(
            recorded_by=request.user, attachments=form.cleaned_data["attachments"], **data
        )
        batch = citizen_request.opening
        if batch is not None:
            # The citizen is not at the desk: the next slip of the batch, not a receipt.
            messages.success(
                request,
                _("Request %(reference)s recorded; %(left)s slip(s) of this opening left to type.")
                % {"reference": citizen_request.reference, "left": batch.left_to_type},
            )
            if batch.left_to_type:
                return redirect(f"{reverse('requests_new')}?opening={batch.pk}")
            return redirect("requests_openings")
        messages.success(
            request,
            _("Request %(reference)s recorded. Hand the receipt to the citizen.")
            % {"reference": citizen_request.reference},
        )
        return redirect("requests_receipt", reference=citizen_request.reference)
    if request.method == "POST":
        messages.error(request, _("The request was not recorded: correct what is marked below."))
    return render(
        request,
        "requests_office/new.html",
        {"form": form, "opening": opening, "map_layers": mapping.base_layers(_language())},
    )


def _opening(request):
    """The box or register opening whose slips are being typed (the office's only)."""
    number = whole_number(request.GET.get("opening") or request.POST.get("opening"))
    if number is None or not access.is_office(request.user):
        return None
    return BoxOpening.objects.filter(pk=number).first()


@login_required
def openings(request):
    """The box and the register at the entrance: each opening, its slips, those left."""
    if not access.is_office(request.user):
        raise PermissionDenied
    form = BoxOpeningForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        opening = form.save(commit=False)
        opening.opened_by = request.user
        opening.save()
        messages.success(
            request,
            _("Opening recorded: %(slips)s slip(s) to type.") % {"slips": opening.slips},
        )
        return redirect(f"{reverse('requests_new')}?opening={opening.pk}")
    if request.method == "POST":
        messages.error(request, _("The opening was not recorded: correct what is marked below."))
    # Meta.ordering does not apply to a grouped query: the newest opening first, said again.
    openings = (
        BoxOpening.objects.select_related("opened_by")
        .annotate(typed_count=Count("requests"))
        .order_by("-opened_on", "-pk")
    )
    page = Paginator(openings, PER_PAGE).get_page(whole_number(request.GET.get("page")))
    return render(request, "requests_office/openings.html", {"form": form, "page": page})


def _initial_channel(request):
    channel = request.GET.get("channel", "")
    if channel in CitizenRequest.Channel.values:
        return channel
    return CitizenRequest.Channel.DESK if not access.is_office(request.user) else ""


@login_required
def detail(request, reference):
    citizen_request = _request_or_404(reference)
    if not access.may_read(request.user, citizen_request):
        raise PermissionDenied
    if privacy.has_personal_data(citizen_request):
        privacy.log_read(request.user, citizen_request)
    office = access.is_office(request.user)
    serves = access.serves(request.user, citizen_request)
    status = citizen_request.status
    Status = CitizenRequest.Status
    language = _language()
    steps = {
        "acknowledge": office and not citizen_request.acknowledged_on and citizen_request.is_open,
        "assign": office
        and status in (Status.RECEIVED, Status.ASSIGNED, Status.INFORMATION_REQUESTED),
        "refuse": office and status == Status.RECEIVED,
        "give_information": office and status == Status.INFORMATION_REQUESTED,
        "return_answer": office and status == Status.ANSWER_PROPOSED,
        "approve_answer": office and status == Status.ANSWER_PROPOSED,
        "close": office
        and not citizen_request.closed_at
        and status in (Status.ANSWER_APPROVED, Status.INADMISSIBLE),
        "ask_information": serves and status == Status.ASSIGNED,
        "propose_answer": serves and status == Status.ASSIGNED,
        "note": citizen_request.is_open,
    }
    steps["any"] = any(steps.values())
    return render(
        request,
        "requests_office/detail.html",
        {
            "citizen_request": citizen_request,
            "service": citizen_request.service.localized if citizen_request.service else None,
            "history": handling.history(citizen_request),
            "office": office,
            "steps": steps,
            "assign_form": AssignForm(
                language=language,
                initial={"service": _service_in(citizen_request.service, language)},
            ),
            "close_form": CloseForm(),
            "has_letter": status in (Status.ANSWER_APPROVED, Status.CLOSED, Status.INADMISSIBLE),
            "today": timezone.localdate(),
        },
    )


def _service_in(service, language):
    if service is None:
        return None
    return service.localized if service.locale.language_code != language else service


STEPS = {
    "acknowledge": lambda r, u, p: handling.acknowledge(r, u),
    "assign": lambda r, u, p: _assign(r, u, p),
    "refuse": lambda r, u, p: handling.refuse(r, u, p.get("text", "")),
    "note": lambda r, u, p: handling.add_note(r, u, p.get("text", "")),
    "ask_information": lambda r, u, p: handling.ask_information(r, u, p.get("text", "")),
    "give_information": lambda r, u, p: handling.give_information(r, u, p.get("text", "")),
    "propose_answer": lambda r, u, p: handling.propose_answer(r, u, p.get("text", "")),
    "return_answer": lambda r, u, p: handling.return_answer(r, u, p.get("text", "")),
    "approve_answer": lambda r, u, p: handling.approve_answer(r, u, p.get("text")),
    "close": lambda r, u, p: handling.close(r, u, p.get("sent_by", ""), p.get("satisfaction", "")),
}


def _assign(citizen_request, user, data):
    form = AssignForm(data, language=_language())
    if not form.is_valid():
        raise handling.StepRefused(_("Choose the service that answers."))
    handling.assign(citizen_request, user, form.cleaned_data["service"], form.cleaned_data["note"])


@require_POST
@login_required
def step(request, reference, name):
    citizen_request = _request_or_404(reference)
    if name not in STEPS:
        raise Http404
    if not access.may_read(request.user, citizen_request):
        raise PermissionDenied
    try:
        STEPS[name](citizen_request, request.user, request.POST)
    except handling.StepRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("%(reference)s: done.") % {"reference": reference})
    if not access.may_read(request.user, citizen_request):
        return redirect("requests_inbox")  # assigned elsewhere by the office: out of sight
    return redirect("requests_detail", reference=reference)


@login_required
def receipt_page(request, reference):
    citizen_request = _request_or_404(reference)
    if not access.may_print_receipt(request.user, citizen_request):
        raise PermissionDenied
    back = (
        reverse("requests_detail", args=[reference])
        if access.may_read(request.user, citizen_request)
        else reverse("requests_new")
    )
    context = {**receipt.context(citizen_request), "back_url": back}
    return render(request, "requests_office/receipt.html", context)


@login_required
def receipt_pdf(request, reference):
    citizen_request = _request_or_404(reference)
    if not access.may_print_receipt(request.user, citizen_request):
        raise PermissionDenied
    response = HttpResponse(receipt.as_pdf(citizen_request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{reference}.pdf"'
    return response


@login_required
def attachment(request, reference, pk):
    citizen_request = _request_or_404(reference)
    if not access.may_read(request.user, citizen_request):
        raise PermissionDenied
    stored = get_object_or_404(citizen_request.attachments, pk=pk)
    privacy.log_read(request.user, citizen_request, what=f"file {stored.pk}")
    response = FileResponse(stored.file.open("rb"), as_attachment=True, filename=stored.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


LETTER_FORMATS = {
    "pdf": ("application/pdf", letter.as_pdf),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        letter.as_docx,
    ),
}


@login_required
def answer_letter(request, reference, extension):
    """The letter to the citizen, once the answer is approved (or the request found
    not admissible): the office prints or touches it up, the service reads it."""
    if extension not in LETTER_FORMATS:
        raise Http404
    citizen_request = _request_or_404(reference)
    if not access.may_read(request.user, citizen_request):
        raise PermissionDenied
    try:
        built = letter.build(citizen_request)
    except letter.NoLetterYet:
        messages.error(request, _("The letter exists once the office has approved the answer."))
        return redirect("requests_detail", reference=reference)
    if not citizen_request.anonymous:
        privacy.log_read(request.user, citizen_request, what=f"letter {extension}")
    content_type, render_letter = LETTER_FORMATS[extension]
    response = HttpResponse(render_letter(built), content_type=content_type)
    disposition = "inline" if extension == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{reference}.{extension}"'
    return response


@login_required
def office_map(request):
    """Open requests on the map of the arrondissements, filtered by kind and service."""
    if not access.is_office(request.user):
        raise PermissionDenied
    filters = listing.Filters.from_query(request.GET)
    shown = filters.apply(mapping.open_requests())
    return render(
        request,
        "requests_office/map.html",
        {
            "filters": filters,
            "filter_choices": listing.choices(_language()),
            "map_layers": mapping.base_layers(_language()),
            "map_points": mapping.points(shown),
            "without_point": shown.filter(latitude__isnull=True).count(),
        },
    )
