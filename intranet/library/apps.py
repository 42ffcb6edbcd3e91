from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "intranet.library"
    label = "library"
    verbose_name = _("Document library")

    def ready(self):
        from . import audit, signals  # noqa: F401

        audit.connect()
