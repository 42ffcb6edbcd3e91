"""Recording visits and reading the register back as statistics."""

from collections import Counter
from datetime import timedelta

from django.db.models import Count
from django.utils import timezone

from .models import ReceptionVisit

OPENING_HOURS = range(8, 18)


def record_visit(*, agent, service=None, procedure=None, visitor_category, gender, outcome):
    """One click at the desk: the service comes from the procedure when one was shown."""
    if service is None and procedure is not None:
        service = procedure.service
    return ReceptionVisit.objects.create(
        recorded_by=agent,
        service=service,
        procedure=procedure,
        visitor_category=visitor_category,
        gender=gender,
        outcome=outcome,
    )


def visits_since(days):
    return ReceptionVisit.objects.filter(recorded_at__gte=timezone.now() - timedelta(days=days))


def _hours_shown(by_hour):
    """The opening hours, widened to any hour a visit was recorded outside them."""
    first = min([OPENING_HOURS.start, *by_hour])
    last = max([OPENING_HOURS.stop - 1, *by_hour])
    return range(first, last + 1)


def statistics(days=30):
    """Counts for the statistics page, computed in a few grouped queries."""
    visits = visits_since(days)
    local = [timezone.localtime(moment) for moment in visits.values_list("recorded_at", flat=True)]
    by_hour = Counter(moment.hour for moment in local)
    by_weekday = Counter(moment.weekday() for moment in local)
    services = (
        visits.exclude(service=None)
        .values("service__translation_key")
        .annotate(count=Count("id"))
        .order_by("-count")[:10]
    )
    by_category_gender = Counter(visits.values_list("visitor_category", "gender"))
    return {
        "total": len(local),
        "answered": visits.filter(outcome=ReceptionVisit.Outcome.ANSWERED).count(),
        "by_hour": [(hour, by_hour.get(hour, 0)) for hour in _hours_shown(by_hour)],
        # Monday to Saturday; Sunday too when someone was received on a Sunday.
        "by_weekday": [(day, by_weekday.get(day, 0)) for day in range(7 if by_weekday[6] else 6)],
        "services": list(services),
        "by_category_gender": by_category_gender,
        "by_gender": Counter(visits.values_list("gender", flat=True)),
    }
