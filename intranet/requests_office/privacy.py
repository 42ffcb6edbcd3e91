"""The citizen's personal data (law 09-08): read only where it must be, logged when
read, erased once the retention period has passed.

Statistics and exports count; they never name. Each time someone opens a
request with its identity showing, or one of its files, the audit log (Reports ›
Site history) says who, when and which request. ``erase_expired`` runs daily
(``manage.py erase_expired_requests``): past ``REQUESTS_RETENTION_DAYS`` after a
request was closed, its identity, contact details and files are erased; the
request stays, anonymised, for the statistics.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import CitizenRequest, Petition, PetitionEvent, RequestEvent

PERSONAL_FIELDS = ("citizen_name", "national_id", "phone", "email", "postal_address")
READ_ACTION = "requests_office.personal_data.read"
ERASE_ACTION = "requests_office.personal_data.erase"


def log_read(user, citizen_request, what="request"):
    """Write in the audit log that ``user`` read the personal data of a request."""
    log(citizen_request, READ_ACTION, user=user, data={"what": what})


def has_personal_data(citizen_request):
    return any(getattr(citizen_request, name) for name in PERSONAL_FIELDS) or (
        citizen_request.attachments.exists()
    )


def expired(now=None):
    """Closed requests past the retention period, not yet anonymised."""
    now = timezone.now() if now is None else now
    limit = now - timedelta(days=settings.REQUESTS_RETENTION_DAYS)
    return CitizenRequest.objects.filter(
        closed_at__isnull=False, closed_at__lt=limit, anonymised_at__isnull=True
    )


def erase(citizen_request):
    """Erase the identity, contact details and files of one request; keep the rest."""
    with transaction.atomic():
        for name in PERSONAL_FIELDS:
            setattr(citizen_request, name, "")
        citizen_request.anonymised_at = timezone.now()
        citizen_request.save(update_fields=[*PERSONAL_FIELDS, "anonymised_at"])
        files = [attachment.file for attachment in citizen_request.attachments.all()]
        citizen_request.attachments.all().delete()
        RequestEvent.objects.create(
            request=citizen_request,
            kind=RequestEvent.Kind.ANONYMISED,
            text=_("Retention period over: identity, contact details and files erased."),
        )
        log(citizen_request, ERASE_ACTION, data={"files": len(files)})
        transaction.on_commit(lambda: [stored.delete(save=False) for stored in files])


def expired_petitions(now=None):
    """Petitions decided and notified longer ago than the retention period."""
    now = timezone.localdate() if now is None else timezone.localdate(now)
    limit = now - timedelta(days=settings.REQUESTS_RETENTION_DAYS)
    return Petition.objects.filter(
        notified_on__isnull=False, notified_on__lt=limit, anonymised_at__isnull=True
    )


def erase_petition(petition):
    """Erase the representative's identity and the signatories; keep the petition and
    the count of its signatures."""
    with transaction.atomic():
        petition.representative_name = _("(erased)")
        petition.representative_national_id = ""
        petition.representative_phone = ""
        petition.representative_address = ""
        petition.anonymised_at = timezone.now()
        petition.save()
        petition.signatories.all().delete()
        PetitionEvent.objects.create(
            petition=petition,
            kind=PetitionEvent.Kind.ANONYMISED,
            text=_("Retention period over: the representative and the signatories erased."),
        )
        log(petition, ERASE_ACTION)


def erase_expired(now=None):
    """Anonymise every request and petition past its retention period; how many."""
    count = 0
    for citizen_request in expired(now).iterator():
        erase(citizen_request)
        count += 1
    for petition in expired_petitions(now).iterator():
        erase_petition(petition)
        count += 1
    return count
