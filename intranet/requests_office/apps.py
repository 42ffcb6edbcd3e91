from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequestsOfficeConfig(AppConfig):
    name = "intranet.requests_office"
    label = "requests_office"
    verbose_name = _("Citizens' requests office")

    def ready(self):
        from intranet.core import freshness

        from . import commune_data  # noqa: F401  (registers the part of requests.yaml)

        # Requests are case files, read per person: never part of a kept page body.
        freshness.not_content(
            "requests_office.CitizenRequest",
            "requests_office.RequestEvent",
            "requests_office.RequestAttachment",
        )
