"""The lists of requests: filters read from the address, and the office's count of
open requests by service, with those late."""

from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.utils import timezone

from intranet.core.locales import localized_all
from intranet.core.parameters import whole_number
from intranet.organisation.models import ServicePage

from .forms import services_in
from .models import CitizenRequest

OPEN = "open"
ALL = "all"


@dataclass(frozen=True)
class Filters:
    status: str = OPEN
    kind: str = ""
    service: int | None = None
    late: bool = False

    @classmethod
    def from_query(cls, query):
        """Unknown values are ignored rather than refused: a stale link still lists."""
        status = query.get("status", OPEN)
        if status not in (OPEN, ALL, *CitizenRequest.Status.values):
            status = OPEN
        kind = query.get("kind", "")
        if kind not in CitizenRequest.Kind.values:
            kind = ""
        return cls(
            status=status,
            kind=kind,
            service=whole_number(query.get("service")),
            late=query.get("late") == "1",
        )

    def apply(self, requests):
        if self.status == OPEN:
            requests = requests.filter(status__in=CitizenRequest.OPEN)
        elif self.status != ALL:
            requests = requests.filter(status=self.status)
        if self.kind:
            requests = requests.filter(kind=self.kind)
        if self.service is not None:
            key = ServicePage.objects.filter(pk=self.service).values("translation_key")
            requests = requests.filter(service__translation_key__in=key)
        if self.late:
            requests = requests.filter(
                status__in=CitizenRequest.OPEN, answer_due__lt=timezone.localdate()
            )
        # The oldest deadline first: what is due soonest is dealt with first.
        return requests.order_by("answer_due", "pk") if self.status == OPEN else requests


def choices(language):
    return {
        "statuses": [(OPEN, None), (ALL, None), *CitizenRequest.Status.choices],
        "kinds": CitizenRequest.Kind.choices,
        "services": list(services_in(language)),
    }


def open_by_service(today=None):
    """Rows of (service in the reader's language, open, late), most late first. A
    service's French and Arabic pages make one row, whichever the office chose."""
    today = today or timezone.localdate()
    rows = (
        CitizenRequest.objects.filter(status__in=CitizenRequest.OPEN)
        .values("service__translation_key")
        .annotate(
            open=Count("pk"),
            late=Count("pk", filter=Q(answer_due__lt=today)),
            any_page=Min("service"),
        )
        .order_by()
    )
    pages = ServicePage.objects.in_bulk([row["any_page"] for row in rows if row["any_page"]])
    shown = localized_all(list(pages.values()))
    table = [
        {
            "service": shown[row["any_page"]] if row["any_page"] else None,
            "open": row["open"],
            "late": row["late"],
        }
        for row in rows
    ]
    return sorted(table, key=lambda row: (-row["late"], -row["open"]))
