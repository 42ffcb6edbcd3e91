from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "intranet.library"
    label = "library"
    verbose_name = _("Document library")

    def ready(self):
        from . import audit, commune_data, signals  # noqa: F401  (commune_data registers parts)

        audit.connect()
