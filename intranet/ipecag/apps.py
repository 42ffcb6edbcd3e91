from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IpecagConfig(AppConfig):
    name = "intranet.ipecag"
    label = "ipecag"
    verbose_name = _("IPECAG work plans")

    def ready(self):
        from . import commune_data  # noqa: F401  (registers the parts of ipecag.yaml)
