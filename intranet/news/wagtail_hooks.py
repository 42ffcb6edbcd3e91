from wagtail import hooks

from intranet.core import audit as core_audit
from intranet.core.panels import DASHBOARD_PANELS, Panel

from . import audit
from .models import latest_news


@hooks.register(DASHBOARD_PANELS, order=10)
def latest_news_panel(home, request):
    """The latest news of the home page's language, first of the home page's panels."""
    return Panel("news/includes/latest_news_panel.html", {"news": latest_news(home.locale)})


@hooks.register("register_log_actions")
def register_news_log_actions(actions):
    core_audit.register(actions, audit.ACTIONS)
