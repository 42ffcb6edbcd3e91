from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresManualConfig(AppConfig):
    name = "procedures_manual"
    label = "procedures_manual"
    verbose_name = _("Procedures manual")

    def ready(self):
        from intranet.core import freshness

        from . import commune_data, signals  # noqa: F401  (commune_data registers its parts)

        # Read when the revision is published, in the admin only until then.
        freshness.not_content("procedures_manual.RevisionSignificance")
