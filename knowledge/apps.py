from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self):
        from . import commune_data  # noqa: F401  (registers the knowledge base's parts)
