from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    label = "training"
    verbose_name = _("Training")

    def ready(self):
        from intranet.core import freshness

        from . import audit, commune_data  # noqa: F401  (commune_data registers training.yaml)

        audit.connect()
        # Places left and waiting lists are counted at each visit of the training
        # pages, none of which is kept.
        freshness.not_content("training.Enrolment")
