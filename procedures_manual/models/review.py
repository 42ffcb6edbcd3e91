"""What needs a second look: procedures whose legal basis changed, translations left behind.

Flags live beside the pages, not in their revisions: raising or clearing one is
not a change of the procedure's content and needs no approval.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ChangeSignificance(models.TextChoices):
    MINOR = "minor", _("Minor: wording, typo, layout")
    MAJOR = "major", _("Major: documents, fee, delay, steps or legal basis change")


class RevisionSignificance(models.Model):
    """Whether a saved revision of a procedure is a minor or a major change."""

    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="significance"
    )
    significance = models.CharField(max_length=10, choices=ChangeSignificance)

    class Meta:
        verbose_name = _("change significance")


class ReviewFlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class ReviewFlag(models.Model):
    class Kind(models.TextChoices):
        LEGAL_REVIEW = "legal_review", _("Legal review needed")
        TRANSLATION_OUTDATED = "translation_outdated", _("Translation out of date")

    procedure = models.ForeignKey(
        "procedures_manual.ProcedurePage", on_delete=models.CASCADE, related_name="review_flags"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    reason = models.CharField(_("reason"), max_length=300)
    legal_text = models.ForeignKey(
        "procedures_manual.LegalTextPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    raised_at = models.DateTimeField(_("raised at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ReviewFlagQuerySet.as_manager()

    class Meta:
        verbose_name = _("review flag")
        verbose_name_plural = _("review flags")
        ordering = ["raised_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.procedure.title}"

    def resolve(self, user):
        self.resolved_at = timezone.now()
        self.resolved_by = user
        self.save(update_fields=["resolved_at", "resolved_by"])
