"""A procedure at a glance, under its search result: what the agent tells the visitor
most often (fee, delay, where, whether the service is open now) without opening it."""

from intranet.core.locales import localized_all

from .models import ProcedurePage

TEMPLATE = "procedures_manual/includes/glance.html"


def describe(hits, moment=None):
    """Give each procedure among the hits its ``details``, in a few queries for any number
    of them (and one more per service shown, for its division's colour)."""
    ids = [hit.entry.page_id for hit in hits if hit.entry.kind == "procedurepage"]
    if not ids:
        return
    procedures = ProcedurePage.objects.filter(pk__in=ids).select_related("service")
    by_id = {
        procedure.pk: procedure
        for procedure in procedures.prefetch_related("service__opening_hours")
    }
    # Procedures of one service share it, in the reader's language: read once each.
    services = {p.service_id: p.service for p in by_id.values() if p.service_id}
    shown = localized_all(list(services.values()))
    for hit in hits:
        procedure = by_id.get(hit.entry.page_id) if hit.entry.kind == "procedurepage" else None
        if procedure is None:
            continue
        service = services.get(procedure.service_id)
        hit.details = {
            "template": TEMPLATE,
            "procedure": procedure,
            "service": shown.get(service.pk) if service else None,
            "open_now": service.is_open(moment) if service else None,
        }
