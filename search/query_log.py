"""Remember what people searched for, to learn which answers the intranet lacks."""

from datetime import timedelta

from django.db.models import Count, F, Max, OuterRef, Q, Subquery
from django.utils import timezone

from . import text
from .models import SearchFollowUp, SearchQueryLog
from .understanding import understand


def normalised_form(query, asked=""):
    """What a search asked for, the same however it was put: its content words,
    normalised, without the question words and fillers ("bghit", "combien").
    ``asked`` is that, when the search already read it."""
    return (asked or understand(query).asked or " ".join(text.words(query)))[:200]


def record(query, language, result_count, source, partial=False, asked=""):
    if not query:
        return None
    return SearchQueryLog.objects.create(
        query=query[:200],
        normalised=normalised_form(query, asked),
        language=language or "",
        result_count=result_count,
        partial=partial,
        source=source,
    )


def record_results(results, source):
    """Log a search as it was answered (``search.results.Results``). It is the cell's
    to-do too when only partial answers were found, or when some of its words are
    nowhere in the intranet ("permis de chasse au sanglier")."""
    return record(
        results.query,
        ",".join(results.languages),
        len(results.hits),
        source,
        partial=results.partial or bool(results.unknown_words),
        asked=results.asked,
    )


def unanswered(days=30):
    """Searches that found nothing or only partial answers, grouped by normalised form,
    most frequent first, without those the cell followed up since they were last made.

    Rows: ``normalised``, ``count``, ``last`` (time), ``example`` (one query as typed).
    """
    since = timezone.now() - timedelta(days=days)
    decided = SearchFollowUp.objects.filter(normalised=OuterRef("normalised")).values("decided_at")[
        :1
    ]
    return (
        SearchQueryLog.objects.filter(searched_at__gte=since)
        .filter(Q(result_count=0) | Q(partial=True))
        .values("normalised")
        .annotate(
            count=Count("id"),
            last=Max("searched_at"),
            example=Max("query"),
            decided=Subquery(decided),
        )
        .filter(Q(decided__isnull=True) | Q(last__gt=F("decided")))
        .order_by("-count", "-last", "normalised")
    )


def follow_up(normalised, outcome, user):
    """The cell's decision on a normalised search: it leaves the to-do list."""
    return SearchFollowUp.objects.update_or_create(
        normalised=normalised[:200],
        defaults={"outcome": outcome, "decided_by": user, "decided_at": timezone.now()},
    )[0]
