from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Server operations run from a shell: backup and restore. No models, no web pages."""

    name = "intranet.operations"
    label = "operations"
    verbose_name = _("Operations")
