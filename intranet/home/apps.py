from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "intranet.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self):
        from intranet.core import freshness  # noqa: F401  (connects the content version's receivers)

        from . import commune_data  # noqa: F401  (the ``home`` part of commune.yaml)
