"""What the audit log records of the library: every new version of a document's file
(see ``intranet.core.audit``)."""

from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from intranet.core.audit import log_if_someone_acts

ACTIONS = [
    ("intranet.library.version", _("Keep a version"), _("New file version kept")),
]


def _version_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        log_if_someone_acts(
            instance,
            "intranet.library.version",
            document=instance.document_id,
            number=instance.number,
        )


def connect():
    from .models import DocumentVersion

    post_save.connect(_version_saved, sender=DocumentVersion, dispatch_uid="intranet-audit-version")
