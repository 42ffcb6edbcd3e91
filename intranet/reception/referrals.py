"""Sending a visitor on to a service, and the service's follow-up: received, dealt with.

The desk records the visit as "sent to the service" and prints a slip with a
reference; the service's staff (its ``team``) see the referral on the service's
page, mark it received when the visitor arrives, then dealt with. The register's
statistics read how long visitors waited at each step.
"""

from datetime import timedelta
from statistics import median

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Referral

REFERENCE_PREFIX = "ORI"  # "orientation", as the slip says in French


@transaction.atomic
def send_on(visit, note=""):
    """The referral of a visit sent to a service, with its reference (``ORI-2026-00042``)."""
    referral = Referral.objects.create(
        visit=visit, service=visit.service, note=note.strip()[:200], sent_at=visit.recorded_at
    )
    referral.reference = f"{REFERENCE_PREFIX}-{referral.sent_at:%Y}-{referral.pk:05d}"
    referral.save(update_fields=["reference"])
    return referral


def can_handle(user, referral):
    """The staff of the service it was sent to, in any language of the service's page,
    and administrators (who hold the change permission on every referral)."""
    return referral.service.is_team_member(user) or user.has_perm("reception.change_referral")


def incoming(service):
    """Referrals sent to a service (in any language of its page), still open first."""
    return (
        Referral.objects.filter(service__translation_key=service.translation_key)
        .select_related("visit", "visit__procedure", "received_by", "dealt_with_by")
        # Open ones (not dealt with) first on every database: PostgreSQL puts nulls last.
        .order_by(F("dealt_with_at").asc(nulls_first=True), "-sent_at")
    )


def mark(referral, user, status):
    """Move a referral on: sent → received → dealt with. A step is never undone."""
    if not can_handle(user, referral):
        raise PermissionDenied
    now = timezone.now()
    if status == Referral.Status.RECEIVED and referral.status == Referral.Status.SENT:
        referral.status, referral.received_at, referral.received_by = status, now, user
    elif status == Referral.Status.DEALT_WITH and referral.status != Referral.Status.DEALT_WITH:
        if referral.received_at is None:  # dealt with at once: received at the same moment
            referral.received_at, referral.received_by = now, user
        referral.status, referral.dealt_with_at, referral.dealt_with_by = status, now, user
    else:
        return False
    referral.save()
    return True


def statistics(days=30):
    """Per service: referrals sent, still open, and the median waits (in minutes)
    from the desk to the service's receipt and to its answer."""
    since = timezone.now() - timedelta(days=days)
    rows = {}
    referrals = Referral.objects.filter(sent_at__gte=since).select_related("service")
    for referral in referrals:
        row = rows.setdefault(
            referral.service.translation_key,
            {"service": referral.service, "sent": 0, "open": 0, "to_receive": [], "to_deal": []},
        )
        row["sent"] += 1
        if referral.status != Referral.Status.DEALT_WITH:
            row["open"] += 1
        if referral.received_at:
            row["to_receive"].append(_minutes(referral.received_at - referral.sent_at))
        if referral.dealt_with_at:
            row["to_deal"].append(_minutes(referral.dealt_with_at - referral.sent_at))
    return sorted(
        (
            {
                "service": row["service"],
                "sent": row["sent"],
                "open": row["open"],
                "minutes_to_receive": _median(row["to_receive"]),
                "minutes_to_deal": _median(row["to_deal"]),
            }
            for row in rows.values()
        ),
        key=lambda row: (-row["sent"], row["service"].title),
    )


def _median(values):
    return round(median(values)) if values else None


def _minutes(delta):
    return round(delta.total_seconds() / 60)
