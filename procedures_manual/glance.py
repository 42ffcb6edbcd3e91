"""A procedure at a glance, under its search result: what the agent tells the visitor
most often (fee, delay, where, whether the service is open now) without opening it."""

from .models import ProcedurePage

TEMPLATE = "procedures_manual/includes/glance.html"


def describe(hits, moment=None):
    """Give each procedure among the hits its ``details``: three queries for any number."""
    ids = [hit.entry.page_id for hit in hits if hit.entry.kind == "procedurepage"]
    if not ids:
        return
    procedures = ProcedurePage.objects.filter(pk__in=ids).select_related("service")
    by_id = {
        procedure.pk: procedure
        for procedure in procedures.prefetch_related("service__opening_hours")
    }
    for hit in hits:
        procedure = by_id.get(hit.entry.page_id) if hit.entry.kind == "procedurepage" else None
        if procedure is None:
            continue
        hit.details = {
            "template": TEMPLATE,
            "procedure": procedure,
            "service": procedure.where,
            "open_now": procedure.service.is_open(moment) if procedure.service_id else None,
        }
