"""Index pages when they are published, leave the index when they are not.

Work is queued with ``transaction.on_commit``, so that a rolled-back publication
never reaches the index.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import documents, indexing


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(
        lambda: (
            indexing.index_page(Page.objects.get(pk=page_id).specific)
            if Page.objects.filter(pk=page_id).exists()
            else indexing.remove_page(page_id)
        )
    )


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_id = instance.pk
        transaction.on_commit(lambda: indexing.remove_page(page_id))


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    """A move changes the addresses of a page and everything below it."""
    page_ids = list(
        Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True)
    )
    transaction.on_commit(
        lambda: [
            indexing.index_page(page.specific) for page in Page.objects.filter(pk__in=page_ids)
        ]
    )


@receiver(post_save, sender=get_document_model())
def document_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    """A new or replaced file is read again; a renamed document is reindexed by its title.

    Rows loaded from a fixture or a backup (``raw``) are left alone: whoever
    loads them rebuilds the index once everything is in place.
    """
    from .models import DocumentText

    if raw:
        return

    extracted = DocumentText.objects.filter(document=instance).first()
    if created or extracted is None or extracted.file_hash != (instance.file_hash or ""):
        documents.queue(instance)
    else:
        document_id = instance.pk
        transaction.on_commit(
            lambda: indexing.index_document(
                sender.objects.get(pk=document_id),
                DocumentText.objects.get(document_id=document_id),
            )
        )


@receiver(post_delete, sender=get_document_model())
def document_deleted(sender, instance, **kwargs):
    document_id = instance.pk
    transaction.on_commit(lambda: indexing.remove_document(document_id))
