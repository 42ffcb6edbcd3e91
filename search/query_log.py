"""Remember what people searched for, to learn which answers the intranet lacks."""

from datetime import timedelta

from django.db.models import Count, Max
from django.utils import timezone

from . import text
from .models import SearchQueryLog


def record(query, language, result_count, source):
    if not query:
        return None
    return SearchQueryLog.objects.create(
        query=query[:200],
        normalised=" ".join(text.words(query))[:200],
        language=language or "",
        result_count=result_count,
        source=source,
    )


def unanswered(days=30, limit=30):
    """Searches that found nothing, most frequent first (normalised text, count, last, example)."""
    since = timezone.now() - timedelta(days=days)
    return list(
        SearchQueryLog.objects.filter(searched_at__gte=since, result_count=0)
        .values("normalised")
        .annotate(count=Count("id"), last=Max("searched_at"), example=Max("query"))
        .order_by("-count", "-last")[:limit]
    )
