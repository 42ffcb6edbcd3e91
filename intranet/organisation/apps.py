from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "intranet.organisation"
    label = "organisation"
    verbose_name = _("Organisation")

    def ready(self):
        from . import commune_data  # noqa: F401  (registers the organisation's parts)
