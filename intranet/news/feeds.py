"""The RSS feed of news and council decisions, in the language of its address.

Everything on the intranet needs a session, but a feed reader has none: the
feed also answers to a personal token carried in its address. The view is
exempt from ``LoginRequiredMiddleware`` and checks the two ways itself; an
unknown or revoked token gets a 404, never content.
"""

from datetime import datetime, time
from heapq import merge
from itertools import islice

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from intranet.core.models import current_commune

from .models import CouncilDecisionPage, FeedToken, NewsIndexPage, NewsPage
from .months import long_date

FEED_LENGTH = 30


def latest_items(locale, limit=FEED_LENGTH):
    """The newest live news and decisions of one language, newest first."""
    news = NewsPage.objects.live().filter(locale=locale).order_by("-date", "-pk")[:limit]
    decisions = (
        CouncilDecisionPage.objects.live()
        .filter(locale=locale)
        .order_by("-session_date", "-number")[:limit]
    )
    newest_first = merge(news, decisions, key=lambda page: page.date, reverse=True)
    return list(islice(newest_first, limit))


class NewsFeed(Feed):
    def title(self):
        return _("News and council decisions · %(commune)s") % {
            "commune": current_commune().formal_name
        }

    def description(self):
        return _("The internal news and the decisions of the communal council.")

    def link(self):
        index = NewsIndexPage.objects.live().filter(locale=Locale.get_active()).first()
        return index.url if index else "/"

    def items(self):
        return latest_items(Locale.get_active())

    def item_title(self, item):
        if isinstance(item, CouncilDecisionPage):
            return _("Council decision %(reference)s: %(title)s") % {
                "reference": item.reference(),
                "title": item.title,
            }
        return item.title

    def item_description(self, item):
        if isinstance(item, CouncilDecisionPage):
            return _("%(session)s of %(date)s. %(subject)s — %(outcome)s.") % {
                "session": item.get_session_type_display(),
                "date": long_date(item.session_date, get_language()),
                "subject": item.subject,
                "outcome": item.get_outcome_display(),
            }
        return item.introduction

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        return f"intranet-page-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        """The news' date or the session's, which is what readers sort by (not the publishing)."""
        return timezone.make_aware(datetime.combine(item.date, time(9)))

    def item_categories(self, item):
        if isinstance(item, CouncilDecisionPage):
            return [_("Council decisions")]
        return [_("News")]


news_feed = NewsFeed()


@login_not_required
def feed(request, token=None):
    """The feed for a signed-in reader, or for the owner of a valid token."""
    if token is not None:
        if FeedToken.owner_of(token) is None:
            raise Http404(_("This feed address is not valid (any more)."))
    elif not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    response = news_feed(request)
    response["Cache-Control"] = "private, no-store"
    return response
