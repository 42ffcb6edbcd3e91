"""The readers' votes, as the knowledge base's editors see them."""

from django.db.models import Count, Q

from .models import ArticleFeedback, KnowledgeArticlePage

REPORT_PERMISSION = "knowledge.view_articlefeedback"


def may_see_report(user):
    """The knowledge base's editors and the administrators (``intranet/accounts/roles.py``)."""
    return user.is_active and user.has_perm(REPORT_PERMISSION)


def article_rows(language=None):
    """Every article with its yes and no counts and helpful ratio, least helpful first."""
    articles = KnowledgeArticlePage.objects.select_related("locale").annotate(
        yes=Count("feedback", filter=Q(feedback__helpful=True)),
        no=Count("feedback", filter=Q(feedback__helpful=False)),
    )
    if language:
        articles = articles.filter(locale__language_code=language)
    rows = list(articles)
    for row in rows:
        row.votes = row.yes + row.no
        row.ratio = row.yes / row.votes if row.votes else None
    # Articles that disappoint most readers first; those without votes last.
    rows.sort(key=lambda row: (row.ratio is None, row.ratio or 0, -row.votes, row.title))
    return rows


def latest_comments(article=None, language=None, limit=30):
    comments = (
        ArticleFeedback.objects.exclude(comment="")
        .select_related("article", "article__locale")
        .order_by("-updated_at")
    )
    if article is not None:
        comments = comments.filter(article=article)
    if language:
        comments = comments.filter(article__locale__language_code=language)
    return comments[:limit]
