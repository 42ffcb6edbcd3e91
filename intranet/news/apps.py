from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "intranet.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from . import audit, commune_data  # noqa: F401  (registers news.yaml and council.yaml)

        audit.connect()
