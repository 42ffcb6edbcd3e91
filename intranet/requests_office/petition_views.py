"""The office's screens for petitions to the council. The rules live in ``petitions``."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intranet.core.parameters import whole_number

from . import access, petitions, privacy
from .handling import StepRefused
from .models import Petition
from .petition_forms import (
    BureauDecisionForm,
    CheckForm,
    CouncilDecisionForm,
    NotifyForm,
    PetitionForm,
    SignatoriesForm,
)

PER_PAGE = 25


def _office_only(request):
    if not access.is_office(request.user):
        raise PermissionDenied


@login_required
def petition_list(request):
    _office_only(request)
    page = Paginator(Petition.objects.all(), PER_PAGE).get_page(
        whole_number(request.GET.get("page"))
    )
    return render(request, "requests_office/petitions.html", {"page": page})


@login_required
def petition_new(request):
    _office_only(request)
    form = PetitionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        petition = petitions.receive(recorded_by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Petition %(reference)s recorded: now type its signatories.")
            % {"reference": petition.reference},
        )
        return redirect("petitions_detail", reference=petition.reference)
    if request.method == "POST":
        messages.error(request, _("The petition was not recorded: correct what is marked below."))
    return render(request, "requests_office/petition_new.html", {"form": form})


@login_required
def petition_detail(request, reference, forms=None):
    _office_only(request)
    petition = get_object_or_404(Petition, reference=reference)
    privacy.log_read(request.user, petition, what="petition")
    forms = forms or {}
    return render(
        request,
        "requests_office/petition_detail.html",
        {
            "petition": petition,
            "signatories": petition.signatories.all()[:500],
            "signature_count": petition.signatories.count(),
            "counted": petitions.counted_signatures(petition),
            "needed": settings.PETITION_MIN_SIGNATURES,
            "findings": petitions.findings(petition) if petition.checked_at else [],
            "history": petition.events.select_related("by"),
            "signatories_form": forms.get("signatories") or SignatoriesForm(),
            "check_form": CheckForm(),
            "decision_form": BureauDecisionForm(),
            "notify_form": NotifyForm(),
            "council_form": CouncilDecisionForm(),
        },
    )


def _yes(value):
    return value == "yes"


def _signatories(petition, user, data):
    form = SignatoriesForm(data)
    if not form.is_valid():
        raise StepRefused(_("Type at least one signatory."))
    return petitions.add_signatories(petition, user, form.cleaned_data["lines"])


def _check(petition, user, data):
    form = CheckForm(data)
    if not form.is_valid():
        raise StepRefused(_("Answer yes or no for each condition."))
    values = form.cleaned_data
    petitions.check(
        petition,
        user,
        residents_and_voters=_yes(values["residents_and_voters"]),
        within_powers=_yes(values["within_powers"]),
        not_already_decided=_yes(values["not_already_decided"]),
        note=values["note"],
    )


def _decision(petition, user, data):
    form = BureauDecisionForm(data)
    if not form.is_valid():
        raise StepRefused(_("Say whether the bureau admits the petition, and when it decided."))
    values = form.cleaned_data
    petitions.record_bureau_decision(
        petition,
        user,
        admitted=_yes(values["admitted"]),
        decided_on=values["decided_on"],
        reasons=values["reasons"],
        session=values["session"],
    )


def _notify(petition, user, data):
    form = NotifyForm(data)
    if not form.is_valid():
        raise StepRefused(_("Give the day the representative was told."))
    petitions.notify(petition, user, form.cleaned_data["notified_on"])


def _council(petition, user, data):
    form = CouncilDecisionForm(data)
    if not form.is_valid():
        raise StepRefused(_("Choose the council decision."))
    petitions.link_council_decision(petition, user, form.cleaned_data["decision"])


STEPS = {
    "signatories": _signatories,
    "check": _check,
    "bureau_decision": _decision,
    "notify": _notify,
    "council_decision": _council,
    "note": lambda petition, user, data: petitions.add_note(petition, user, data.get("text", "")),
}


@require_POST
@login_required
def petition_step(request, reference, name):
    _office_only(request)
    if name not in STEPS:
        raise Http404
    petition = get_object_or_404(Petition, reference=reference)
    try:
        STEPS[name](petition, request.user, request.POST)
    except StepRefused as refused:
        for line in str(refused).splitlines():
            messages.error(request, line)
        if name == "signatories":  # keep what was typed: hundreds of lines are precious
            return petition_detail(
                request, reference, forms={"signatories": SignatoriesForm(request.POST)}
            )
    else:
        messages.success(request, _("%(reference)s: done.") % {"reference": reference})
    return redirect("petitions_detail", reference=reference)
