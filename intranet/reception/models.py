"""The reception register ("registre d'accueil") asked for by the 2017 diagnostic:
who came, for which service, and whether the desk could answer."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReceptionVisit(models.Model):
    class VisitorCategory(models.TextChoices):
        CITIZEN = "citizen", _("Resident citizen")
        ABROAD = "abroad", _("Moroccan living abroad")
        ASSOCIATION = "association", _("Association")
        BUSINESS = "business", _("Business or professional")
        ELECTED = "elected", _("Elected official")
        ADMINISTRATION = "administration", _("Other administration")
        OTHER = "other", _("Other")

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        UNSPECIFIED = "unspecified", _("Not specified")

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("Answered at the desk")
        REDIRECTED = "redirected", _("Sent to the service")

    recorded_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agent"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    service = models.ForeignKey(
        "organisation.ServicePage",
        verbose_name=_("service asked for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    procedure = models.ForeignKey(
        "procedures_manual.ProcedurePage",
        verbose_name=_("procedure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    visitor_category = models.CharField(
        _("visitor"), max_length=20, choices=VisitorCategory, default=VisitorCategory.CITIZEN
    )
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender, default=Gender.UNSPECIFIED
    )
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome, default=Outcome.ANSWERED
    )

    class Meta:
        verbose_name = _("reception visit")
        verbose_name_plural = _("reception register")
        ordering = ["-recorded_at"]

    def __str__(self):
        return f"{self.recorded_at:%Y-%m-%d %H:%M} {self.get_visitor_category_display()}"


class Referral(models.Model):
    """A visitor the desk sent on to a service ("suivi des dossiers des citoyens"):
    the slip the visitor carries, then the service's receipt and its answer."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent by the desk")
        RECEIVED = "received", _("Received by the service")
        DEALT_WITH = "dealt_with", _("Dealt with")

    visit = models.OneToOneField(
        ReceptionVisit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="referral"
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True, blank=True)
    service = models.ForeignKey(
        "organisation.ServicePage",
        verbose_name=_("service"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(
        _("what the visitor needs"),
        max_length=200,
        blank=True,
        help_text=_("A few words for the service, printed on the slip."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.SENT)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("received by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dealt_with_at = models.DateTimeField(_("dealt with at"), null=True, blank=True)
    dealt_with_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dealt with by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("referral to a service")
        verbose_name_plural = _("referrals to services")
        ordering = ["-sent_at"]

    def __str__(self):
        return self.reference
