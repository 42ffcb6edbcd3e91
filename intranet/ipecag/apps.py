from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IpecagConfig(AppConfig):
    name = "intranet.ipecag"
    label = "ipecag"
    verbose_name = _("IPECAG work plans")
