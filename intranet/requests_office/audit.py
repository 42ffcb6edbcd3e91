"""What the audit log records of the requests office (see ``intranet.core.audit``)."""

from django.utils.translation import gettext_lazy as _

from .privacy import ERASE_ACTION, READ_ACTION

ACTIONS = [
    (READ_ACTION, _("Read personal data"), _("Citizen's personal data read")),
    (ERASE_ACTION, _("Erase personal data"), _("Citizen's personal data erased")),
]
