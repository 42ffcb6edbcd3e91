"""Reminders by email, run daily (``manage.py send_request_reminders``).

A service with a request to answer is reminded once when the answer is due
within ``REQUESTS_REMINDER_DAYS_BEFORE`` days, once more when the deadline
passes; past ``REQUESTS_ESCALATION_DAYS`` of lateness the service's division is
told too. Each reminder is a step in the request's history; a request is never
reminded twice for the same stage, however often the command runs.
The emails name the request by its reference and subject, never the citizen.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from intranet.organisation.models import ServicePage

from .models import CitizenRequest, RequestEvent

DUE_SOON, LATE, ESCALATED = 1, 2, 3
WITH_THE_SERVICE = (CitizenRequest.Status.ASSIGNED, CitizenRequest.Status.INFORMATION_REQUESTED)


def stage_for(citizen_request, today):
    """The stage of reminders a request has reached today (0: none yet)."""
    late_by = (today - citizen_request.answer_due).days
    if late_by >= settings.REQUESTS_ESCALATION_DAYS:
        return ESCALATED
    if late_by > 0:
        return LATE
    if -late_by <= settings.REQUESTS_REMINDER_DAYS_BEFORE:
        return DUE_SOON
    return 0


def service_addresses(service):
    """The team of the service (in any language of its page), and the service's own address."""
    teams = ServicePage.objects.filter(
        translation_key=service.translation_key, team__isnull=False
    ).values("team")
    people = get_user_model().objects.filter(groups__in=teams, is_active=True).exclude(email="")
    addresses = {person.email for person in people}
    if service.email:
        addresses.add(service.email)
    return sorted(addresses)


def division_addresses(service):
    division = service.division
    return [division.email] if division is not None and division.email else []


def send_due(today=None):
    """Send the reminders due today; the number of emails sent."""
    today = today or timezone.localdate()
    sent = 0
    candidates = CitizenRequest.objects.filter(
        status__in=WITH_THE_SERVICE,
        service__isnull=False,
        answer_due__lte=today + timedelta(days=settings.REQUESTS_REMINDER_DAYS_BEFORE),
    ).select_related("service")
    for citizen_request in candidates:
        stage = stage_for(citizen_request, today)
        if stage <= citizen_request.reminder_stage:
            continue
        sent += _remind(citizen_request, stage, today)
    return sent


@transaction.atomic
def _remind(citizen_request, stage, today):
    service = citizen_request.service
    recipients = service_addresses(service)
    if stage == ESCALATED:
        recipients = sorted(set(recipients) | set(division_addresses(service)))
    with translation.override(settings.LANGUAGE_CODE):
        subject, text = _message(citizen_request, stage, today)
        if recipients:
            send_mail(subject, text, None, recipients)
        RequestEvent.objects.create(
            request=citizen_request,
            kind=RequestEvent.Kind.REMINDER,
            text=subject,
            service=service,
        )
    citizen_request.reminder_stage = stage
    citizen_request.save(update_fields=["reminder_stage"])
    return 1 if recipients else 0


def _message(citizen_request, stage, today):
    due = citizen_request.answer_due.strftime("%d/%m/%Y")
    if stage == DUE_SOON:
        subject = _("[%(reference)s] Answer due on %(due)s")
    elif stage == LATE:
        subject = _("[%(reference)s] Late: the answer was due on %(due)s")
    else:
        subject = _("[%(reference)s] Still late: the answer was due on %(due)s")
    subject = subject % {"reference": citizen_request.reference, "due": due}
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "requests_detail", args=[citizen_request.reference]
    )
    text = "\n\n".join(
        [
            _("The citizens' requests office sent your service this request:"),
            f"{citizen_request.reference} — {citizen_request.subject}",
            _("The answer is due on %(due)s (decree 2-17-265).") % {"due": due},
            link,
        ]
    )
    return subject, text
