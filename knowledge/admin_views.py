"""The vote report in the Wagtail admin (Reports → Knowledge base feedback)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from intranet.core.parameters import whole_number

from . import report
from .models import KnowledgeArticlePage


class FeedbackReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Knowledge base feedback")
    header_icon = "help"
    template_name = "knowledge/admin/feedback_report.html"

    def dispatch(self, request, *args, **kwargs):
        if not report.may_see_report(request.user):
            # A plain 403: the admin would turn PermissionDenied into a redirect home.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = dict(settings.LANGUAGES)
        language = self.request.GET.get("language")
        language = language if language in languages else None
        article = None
        article_id = whole_number(self.request.GET.get("article"))
        if article_id is not None:
            article = KnowledgeArticlePage.objects.filter(pk=article_id).first()
        context.update(
            languages=languages.items(),
            language=language,
            rows=report.article_rows(language),
            article=article,
            comments=report.latest_comments(article=article, language=language),
        )
        return context
