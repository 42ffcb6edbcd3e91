from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "intranet.reception"
    label = "reception"
    verbose_name = _("Reception desk")

    def ready(self):
        from . import commune_data  # noqa: F401  (registers the part of reception.yaml)
