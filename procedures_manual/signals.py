"""Keep review flags in step with what gets published, and schedule only approved
procedure revisions."""

from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.models import Revision
from wagtail.signals import page_published

from . import approval, review
from .models import LegalTextPage, ProcedurePage


@receiver(page_published, sender=ProcedurePage)
def procedure_published(sender, instance, revision, **kwargs):
    review.after_procedure_published(instance, revision)


@receiver(page_published, sender=LegalTextPage)
def legal_text_published(sender, instance, revision, **kwargs):
    review.after_legal_text_published(instance)


@receiver(pre_save, sender=Revision)
def procedure_revision_scheduled(sender, instance, raw=False, **kwargs):
    if raw or instance.approved_go_live_at is None:
        return
    if issubclass(instance.content_type.model_class() or object, ProcedurePage):
        approval.refuse_unapproved_schedule(instance)
