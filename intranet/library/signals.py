"""Every new file of a document becomes a version; a version's files go with it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.signals import page_published

from . import divisions, versions
from .models import DocumentVersion


@receiver(post_save, sender=get_document_model())
def document_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    versions.record_current_file(
        instance,
        uploaded_by=getattr(instance, "_library_uploaded_by", None),
        comment=getattr(instance, "_library_comment", ""),
    )


@receiver(post_delete, sender=DocumentVersion)
def version_deleted(sender, instance, **kwargs):
    versions.delete_files(instance)


@receiver(page_published)
def division_published(sender, instance, **kwargs):
    """A new or renamed division gets its collection and editors' group at once."""
    from intranet.organisation.models import DivisionPage

    if isinstance(instance, DivisionPage) and instance.locale_id == Locale.get_default().pk:
        transaction.on_commit(divisions.setup_library)
