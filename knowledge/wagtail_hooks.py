from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import report
from .admin_views import FeedbackReportView


@hooks.register("register_admin_urls")
def register_knowledge_urls():
    return [
        path(
            "knowledge/feedback/",
            FeedbackReportView.as_view(),
            name="knowledge_feedback_report",
        )
    ]


class FeedbackReportMenuItem(MenuItem):
    def is_shown(self, request):
        return report.may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackReportMenuItem(
        _("Knowledge base feedback"),
        reverse("knowledge_feedback_report"),
        name="knowledge-feedback",
        icon_name="help",
        order=900,
    )
