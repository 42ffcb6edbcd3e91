from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    label = "training"
    verbose_name = _("Training")

    def ready(self):
        from . import commune_data  # noqa: F401  (registers the parts of training.yaml)
