"""Keep review flags in step with what gets published."""

from django.dispatch import receiver
from wagtail.signals import page_published

from . import review
from .models import LegalTextPage, ProcedurePage


@receiver(page_published, sender=ProcedurePage)
def procedure_published(sender, instance, revision, **kwargs):
    review.after_procedure_published(instance, revision)


@receiver(page_published, sender=LegalTextPage)
def legal_text_published(sender, instance, revision, **kwargs):
    review.after_legal_text_published(instance)
