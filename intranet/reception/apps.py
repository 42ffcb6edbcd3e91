from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "intranet.reception"
    label = "reception"
    verbose_name = _("Reception desk")

    def ready(self):
        from intranet.core import freshness

        from . import commune_data  # noqa: F401  (registers the part of reception.yaml)

        # The register, and referrals shown outside every kept page body, to the
        # service's own staff.
        freshness.not_content("reception.ReceptionVisit", "reception.Referral")
