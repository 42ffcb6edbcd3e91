"""The life of a request, one dated step at a time.

Received (with its reference and receipt) → screened by the office: not
admissible (the reason goes in the letter), or assigned to a service → the
service writes notes, asks the office for information, proposes an answer →
the office approves it (or sends it back) → the answer is sent, the request
closed. Every step writes a ``RequestEvent``; a step taken by someone who may
not take it raises ``PermissionDenied``, and a step out of turn ``StepRefused``.
"""

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import access, deadlines
from .models import CitizenRequest, RequestEvent

REFERENCE_PREFIX = "REC"
# No letters or digits a citizen could read one for another (0/O, 1/I/L, 5/S, 8/B).
TRACKING_ALPHABET = "234679ACDEFGHJKMNPQRTUVWXYZ"
TRACKING_LENGTH = 8

Status = CitizenRequest.Status
Event = RequestEvent.Kind
# Channels where the citizen leaves with the receipt: acknowledged when recorded.
ACKNOWLEDGED_AT_ONCE = {
    CitizenRequest.Channel.DESK,
    CitizenRequest.Channel.PUBLIC_PORTAL,
    CitizenRequest.Channel.NATIONAL_PORTAL,
}


class StepRefused(Exception):
    """A step that the request's status does not allow; the message says why."""


def new_tracking_code():
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


@transaction.atomic
def receive(*, recorded_by=None, attachments=(), **fields):
    """Record a request: its reference (``REC-2026-000123``), tracking code and deadlines."""
    citizen_request = CitizenRequest(recorded_by=recorded_by, **fields)
    if citizen_request.anonymous:
        _erase_identity(citizen_request)
    citizen_request.reference = f"pending-{new_tracking_code()}"
    citizen_request.tracking_code = new_tracking_code()
    citizen_request.acknowledgment_due = deadlines.acknowledgment_due(citizen_request.received_on)
    citizen_request.answer_due = deadlines.answer_due(citizen_request.received_on)
    if citizen_request.channel in ACKNOWLEDGED_AT_ONCE:
        citizen_request.acknowledged_on = timezone.localdate(citizen_request.recorded_at)
    citizen_request.full_clean(exclude=["reference", "tracking_code"])
    citizen_request.save()
    citizen_request.reference = (
        f"{REFERENCE_PREFIX}-{citizen_request.received_on:%Y}-{citizen_request.pk:06d}"
    )
    citizen_request.save(update_fields=["reference"])
    for uploaded in attachments:
        citizen_request.attachments.create(file=uploaded, name=uploaded.name, size=uploaded.size)
    # Steps keep what people wrote; the channel and the like are shown in the reader's language.
    _step(citizen_request, Event.RECEIVED, recorded_by)
    if citizen_request.acknowledged_on:
        _step(citizen_request, Event.ACKNOWLEDGED, recorded_by)
    return citizen_request


def acknowledge(citizen_request, user):
    _office_only(user)
    if citizen_request.acknowledged_on:
        raise StepRefused(_("The request was already acknowledged."))
    citizen_request.acknowledged_on = timezone.localdate()
    citizen_request.save(update_fields=["acknowledged_on"])
    _step(citizen_request, Event.ACKNOWLEDGED, user)


@transaction.atomic
def assign(citizen_request, user, service, note=""):
    """Admissible, and sent to ``service`` (again, to another one, while open)."""
    _office_only(user)
    _expect(citizen_request, Status.RECEIVED, Status.ASSIGNED, Status.INFORMATION_REQUESTED)
    citizen_request.service = service
    citizen_request.status = Status.ASSIGNED
    citizen_request.save(update_fields=["service", "status"])
    _step(citizen_request, Event.ASSIGNED, user, note, service=service)


@transaction.atomic
def refuse(citizen_request, user, reason):
    """Not admissible: the reason is printed in the letter to the citizen."""
    _office_only(user)
    _expect(citizen_request, Status.RECEIVED)
    if not reason.strip():
        raise StepRefused(_("Say why the request is not admissible: the letter prints it."))
    citizen_request.status = Status.INADMISSIBLE
    citizen_request.inadmissibility_reason = reason.strip()
    citizen_request.save(update_fields=["status", "inadmissibility_reason"])
    _step(citizen_request, Event.INADMISSIBLE, user, reason.strip())


def add_note(citizen_request, user, text):
    _reader_only(user, citizen_request)
    if not text.strip():
        raise StepRefused(_("Write the note before adding it."))
    _step(citizen_request, Event.NOTE, user, text.strip())


@transaction.atomic
def ask_information(citizen_request, user, question):
    """The service asks the office for what it lacks (a document, the exact place...)."""
    _service_only(user, citizen_request)
    _expect(citizen_request, Status.ASSIGNED)
    if not question.strip():
        raise StepRefused(_("Say what the service needs to know."))
    citizen_request.status = Status.INFORMATION_REQUESTED
    citizen_request.save(update_fields=["status"])
    _step(citizen_request, Event.INFORMATION_REQUESTED, user, question.strip())


@transaction.atomic
def give_information(citizen_request, user, text):
    _office_only(user)
    _expect(citizen_request, Status.INFORMATION_REQUESTED)
    if not text.strip():
        raise StepRefused(_("Write the information for the service."))
    citizen_request.status = Status.ASSIGNED
    citizen_request.save(update_fields=["status"])
    _step(citizen_request, Event.INFORMATION_GIVEN, user, text.strip())


@transaction.atomic
def propose_answer(citizen_request, user, text):
    _service_only(user, citizen_request)
    _expect(citizen_request, Status.ASSIGNED)
    if not text.strip():
        raise StepRefused(_("Write the answer before proposing it."))
    citizen_request.answer = text.strip()
    citizen_request.status = Status.ANSWER_PROPOSED
    citizen_request.save(update_fields=["answer", "status"])
    _step(citizen_request, Event.ANSWER_PROPOSED, user, text.strip())


@transaction.atomic
def return_answer(citizen_request, user, comment):
    """The office sends the proposed answer back to the service, saying what to change."""
    _office_only(user)
    _expect(citizen_request, Status.ANSWER_PROPOSED)
    if not comment.strip():
        raise StepRefused(_("Say what the service should change in its answer."))
    citizen_request.status = Status.ASSIGNED
    citizen_request.save(update_fields=["status"])
    _step(citizen_request, Event.ANSWER_RETURNED, user, comment.strip())


@transaction.atomic
def approve_answer(citizen_request, user, text=None):
    """The office approves the answer (as proposed, or as it corrected it)."""
    _office_only(user)
    _expect(citizen_request, Status.ANSWER_PROPOSED)
    if text is not None and text.strip():
        citizen_request.answer = text.strip()
    citizen_request.status = Status.ANSWER_APPROVED
    citizen_request.answer_approved_at = timezone.now()
    citizen_request.save(update_fields=["answer", "status", "answer_approved_at"])
    _step(citizen_request, Event.ANSWER_APPROVED, user, citizen_request.answer)


@transaction.atomic
def close(citizen_request, user, sent_by, satisfaction=""):
    """The answer (or the letter saying it is not admissible) went out: how, and
    whether the citizen was satisfied, when known."""
    _office_only(user)
    if citizen_request.status not in (Status.ANSWER_APPROVED, Status.INADMISSIBLE):
        raise StepRefused(_("Only a request with an approved answer, or not admissible, closes."))
    if citizen_request.closed_at:
        raise StepRefused(_("The request is already closed."))
    if sent_by not in CitizenRequest.SentBy.values:
        raise StepRefused(_("Say how the answer was sent."))
    if satisfaction and satisfaction not in CitizenRequest.Satisfaction.values:
        raise StepRefused(_("Choose whether the citizen was satisfied, or leave it unknown."))
    if citizen_request.status == Status.ANSWER_APPROVED:
        citizen_request.status = Status.CLOSED
    citizen_request.sent_by = sent_by
    citizen_request.satisfaction = satisfaction or CitizenRequest.Satisfaction.UNKNOWN
    citizen_request.closed_at = timezone.now()
    citizen_request.save(update_fields=["status", "sent_by", "satisfaction", "closed_at"])
    _step(citizen_request, Event.CLOSED, user)


def history(citizen_request):
    return citizen_request.events.select_related("by", "service")


def _step(citizen_request, kind, user, text="", service=None):
    return RequestEvent.objects.create(
        request=citizen_request,
        kind=kind,
        by=user if user is not None and user.is_authenticated else None,
        text=text,
        service=service,
    )


def _expect(citizen_request, *statuses):
    if citizen_request.status not in statuses:
        raise StepRefused(
            _("This step is not possible while the request is “%(status)s”.")
            % {"status": citizen_request.get_status_display()}
        )


def _office_only(user):
    if not access.is_office(user):
        raise PermissionDenied


def _service_only(user, citizen_request):
    if not access.serves(user, citizen_request):
        raise PermissionDenied


def _reader_only(user, citizen_request):
    if not access.may_read(user, citizen_request):
        raise PermissionDenied


def _erase_identity(citizen_request):
    for name in ("citizen_name", "national_id", "phone", "email", "postal_address"):
        setattr(citizen_request, name, "")
