from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self):
        from intranet.core import freshness

        from . import commune_data  # noqa: F401  (registers the knowledge base's parts)

        # A reader's vote: shown to that reader only (on the article, rendered at
        # each visit) and in the admin's report.
        freshness.not_content("knowledge.ArticleFeedback")
