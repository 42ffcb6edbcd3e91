from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "intranet.security"
    label = "intranet_security"
    verbose_name = _("Security")

    def ready(self):
        from . import bidi

        bidi.connect()
