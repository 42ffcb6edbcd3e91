from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "intranet.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self):
        # The ``home`` part of commune.yaml; the content version's receivers.
        from . import commune_data, freshness  # noqa: F401
