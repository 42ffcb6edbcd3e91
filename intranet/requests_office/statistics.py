"""The office's figures for a period: how many requests came in, of which kind, by
which channel, for which service, from which arrondissement and from whom; how
many were answered, how many within the deadline, and how fast.

Counted, never named (law 09-08): every figure here is a count or an average
over requests. No name, identity card number, phone, email, address, subject or
text leaves this module, so the statistics page and its export may be read by
those who may not read a request.

"What the requests are about" is told by the service concerned and the
arrondissement, not by the words of the subjects. The office sets the service
when it screens a request, so it says what the request is about in the
commune's own divisions of work, whatever language the citizen wrote in; a
count of subject words would split one matter between French and Arabic
spellings ("fuite", "تسرب"), weigh a long subject more than a short one, and,
over the few requests of a month or an arrondissement, print the street or the
family name a subject holds.

A request belongs to the period it was received in. Its answer is the office's
approval of the service's answer, or its closing (a request found not
admissible is answered by the letter that says why); it came within the
deadline when that day is not after ``answer_due``.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import Coalesce, TruncDate, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from intranet.accounts.roles import has_role, is_administrator
from intranet.core.locales import locale_for, localized_all
from intranet.core.parameters import whole_number
from intranet.organisation.models import Arrondissement, ServicePage

from . import access
from .models import CitizenRequest

LAST_DAYS = (30, 90, 365)
DEFAULT_DAYS = 365


def may_read(user):
    """The office, the administrators who answer for the commune to the council, and
    the IPECAG, which follows women's access to the commune's services: counts only,
    so none of them need be allowed to read a single request."""
    return access.is_office(user) or is_administrator(user) or has_role(user, "ipecag")


@dataclass(frozen=True)
class Period:
    """The last ``days`` days up to today, or the calendar year ``year``."""

    first_day: date
    last_day: date
    days: int | None = None
    year: int | None = None

    @property
    def key(self):
        return str(self.days or self.year)


def periods(today=None):
    """The periods offered: the last 30, 90 and 365 days, then this year and each
    earlier year that holds a request (a council reads its figures by year)."""
    today = today or timezone.localdate()
    offered = [Period(today - timedelta(days=days - 1), today, days=days) for days in LAST_DAYS]
    years = {today.year} | {
        day.year for day in CitizenRequest.objects.dates("received_on", "year") if day <= today
    }
    for year in sorted(years, reverse=True):
        offered.append(Period(date(year, 1, 1), min(date(year, 12, 31), today), year=year))
    return offered


def period_from(value, offered):
    """The offered period whose key ``value`` is; the last 365 days when it names none."""
    number = whole_number(value)
    by_key = {period.key: period for period in offered}
    default = by_key[str(DEFAULT_DAYS)]
    return by_key.get(str(number), default) if number is not None else default


def received_in(period):
    return CitizenRequest.objects.filter(
        received_on__gte=period.first_day, received_on__lte=period.last_day
    )


def _with_answer_day(requests):
    """``answered_on``: the local day of the approval, or of the closing, or None."""
    return requests.annotate(
        answered_on=TruncDate(
            Coalesce("answer_approved_at", "closed_at"), tzinfo=timezone.get_current_timezone()
        )
    )


def _deadline_counts(today):
    """The aggregates shared by the whole period and each service's row."""
    answered = Q(answered_on__isnull=False)
    return {
        "received": Count("pk"),
        "answered": Count("pk", filter=answered),
        "on_time": Count("pk", filter=answered & Q(answered_on__lte=F("answer_due"))),
        "late_unanswered": Count("pk", filter=Q(answered_on__isnull=True, answer_due__lt=today)),
        "average": Avg(
            ExpressionWrapper(F("answered_on") - F("received_on"), output_field=DurationField()),
            filter=answered,
        ),
    }


def _deadline_figures(row):
    """Shares and averages from the counts: ``due`` is what the deadline judges, the
    requests answered and those whose deadline passed without an answer. Those still
    within their delay count for neither side."""
    due = row["answered"] + row["late_unanswered"]
    average = row.pop("average")
    return {
        **row,
        "due": due,
        "within_delay": row["received"] - due,
        "answered_late": row["answered"] - row["on_time"],
        "on_time_percent": round(100 * row["on_time"] / due) if due else None,
        "average_days": round(average / timedelta(days=1), 1) if average is not None else None,
    }


def summary(requests, today):
    row = _with_answer_day(requests).aggregate(
        **_deadline_counts(today),
        open=Count("pk", filter=Q(status__in=CitizenRequest.OPEN)),
        inadmissible=Count("pk", filter=Q(status=CitizenRequest.Status.INADMISSIBLE)),
    )
    return _deadline_figures(row)


def by_choice(requests, field, choices):
    """``[(value, label, count)]`` for every choice, in the order of the choices: a
    choice nobody used shows 0, and two periods read side by side."""
    found = dict(requests.values_list(field).annotate(count=Count("pk")).order_by())
    return [(value, label, found.get(value, 0)) for value, label in choices]


def by_month(requests, period):
    """``[(first day of the month, count)]`` for every month of the period."""
    found = dict(
        requests.annotate(month=TruncMonth("received_on"))
        .values_list("month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    months = []
    month = period.first_day.replace(day=1)
    while month <= period.last_day:
        months.append((month, found.get(month, 0)))
        month = (month + timedelta(days=31)).replace(day=1)
    return months


def by_category_and_gender(requests):
    """``[(category label, women, men, not specified, total)]``, categories with requests."""
    found = dict(
        ((category, gender), count)
        for category, gender, count in requests.values_list("category", "gender")
        .annotate(count=Count("pk"))
        .order_by()
    )
    rows = []
    for category, label in CitizenRequest.Category.choices:
        counts = [found.get((category, gender), 0) for gender in CitizenRequest.Gender.values]
        if sum(counts):
            rows.append((label, *counts, sum(counts)))
    return rows


def by_service(requests, today, language=None):
    """One row per service a request was sent to, in the reader's language, most
    requests first: received, answered, within the deadline, average days, late
    unanswered. A service's French and Arabic pages make one row."""
    rows = list(
        _with_answer_day(requests.exclude(service=None))
        .values("service__translation_key")
        .annotate(**_deadline_counts(today))
        .order_by()
    )
    keys = [row.pop("service__translation_key") for row in rows]
    names = _service_names(keys, language)
    table = [
        {"service": names.get(key, "?"), **_deadline_figures(row)}
        for key, row in zip(keys, rows, strict=True)
    ]
    return sorted(table, key=lambda row: (-row["received"], row["service"]))


def _service_names(keys, language):
    pages = {}
    for page in ServicePage.objects.filter(translation_key__in=keys).order_by("pk"):
        pages.setdefault(page.translation_key, page)
    shown = localized_all(list(pages.values()), language)
    return {key: shown[page.pk].title for key, page in pages.items()}


def by_arrondissement(requests, language=None):
    """``[(name in the reader's language, count)]``, most requests first."""
    found = dict(
        requests.exclude(arrondissement=None)
        .values_list("arrondissement__translation_key")
        .annotate(count=Count("pk"))
        .order_by()
    )
    locale = locale_for(language)
    versions = Arrondissement.objects.filter(translation_key__in=found)
    names = {version.translation_key: version.name for version in versions}
    # The reader's language wins over whichever version came last.
    names.update(
        {v.translation_key: v.name for v in versions if locale and v.locale_id == locale.pk}
    )
    rows = [(names.get(key, "?"), count) for key, count in found.items()]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def figures(period, today=None, language=None):
    """Every figure of the statistics page, in a dozen grouped queries."""
    today = today or timezone.localdate()
    requests = received_in(period)
    closed = requests.exclude(closed_at=None)
    return {
        "summary": summary(requests, today),
        "kinds": by_choice(requests, "kind", CitizenRequest.Kind.choices),
        "channels": by_choice(requests, "channel", CitizenRequest.Channel.choices),
        "genders": by_choice(requests, "gender", CitizenRequest.Gender.choices),
        "categories": by_choice(requests, "category", CitizenRequest.Category.choices),
        "satisfaction": by_choice(closed, "satisfaction", CitizenRequest.Satisfaction.choices),
        "months": by_month(requests, period),
        "category_gender": by_category_and_gender(requests),
        "services": by_service(requests, today, language),
        "not_assigned": requests.filter(service=None).count(),
        "arrondissements": by_arrondissement(requests, language),
        "no_arrondissement": requests.filter(arrondissement=None).count(),
    }


def count_rows(found):
    """``(dimension, value, count)`` rows of the figures, counts only, for the export."""
    summary_labels = (
        ("received", _("Requests received")),
        ("answered", _("Answered")),
        ("on_time", _("Answered within the deadline")),
        ("answered_late", _("Answered after the deadline")),
        ("late_unanswered", _("Deadline passed, not answered")),
        ("open", _("Open")),
        ("inadmissible", _("Not admissible")),
    )
    for name, label in summary_labels:
        yield _("Total"), label, found["summary"][name]
    for dimension, name in (
        (_("Kind"), "kinds"),
        (_("Channel"), "channels"),
        (_("Gender"), "genders"),
        (_("Category"), "categories"),
        (_("Citizens' satisfaction"), "satisfaction"),
    ):
        for _value, label, count in found[name]:
            yield dimension, str(label), count
    for month, count in found["months"]:
        yield _("Month received"), f"{month:%Y-%m}", count
    for row in found["services"]:
        yield _("Service"), row["service"], row["received"]
    yield _("Service"), _("Not sent to a service"), found["not_assigned"]
    for name, count in found["arrondissements"]:
        yield _("Arrondissement"), name, count
    yield _("Arrondissement"), _("No arrondissement given"), found["no_arrondissement"]
