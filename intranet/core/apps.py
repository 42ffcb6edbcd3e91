from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "intranet.core"
    label = "core"
    verbose_name = _("Commune")

    def ready(self):
        from . import commune  # noqa: F401  (registers the ``commune`` part)
