"""Review flags and reminders: what the cell and the legal advisor must look at again."""

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import override

from .approval import legal_approval_of
from .models import ChangeSignificance, LegalTextPage, ProcedurePage, ReviewFlag


def significance_of(revision):
    """A revision saved without saying counts as major: a needless check beats a stale fiche."""
    recorded = getattr(revision, "significance", None) if revision else None
    return recorded.significance if recorded else ChangeSignificance.MAJOR


@transaction.atomic
def after_procedure_published(procedure, revision):
    open_flags = ReviewFlag.objects.open().filter(procedure=procedure)
    approval = legal_approval_of(revision)
    reviewer = approval.finished_by if approval else None
    # A legal approval is a legal review; publishing this language brings it up to date.
    for flag in open_flags:
        flag.resolve(reviewer)
    # A first publication creates a version; only a change to one can leave the other behind.
    first_publication = procedure.first_published_at == procedure.last_published_at
    if significance_of(revision) == ChangeSignificance.MAJOR and not first_publication:
        for translation in ProcedurePage.objects.filter(
            translation_key=procedure.translation_key
        ).exclude(pk=procedure.pk):
            ReviewFlag.objects.create(
                procedure=translation,
                kind=ReviewFlag.Kind.TRANSLATION_OUTDATED,
                reason=_("The %(language)s version changed significantly on %(date)s.")
                % {
                    "language": procedure.locale.get_display_name(),
                    "date": date.today().isoformat(),
                },
            )


@transaction.atomic
def after_legal_text_published(legal_text):
    """A text marked amended or repealed sends every procedure citing it back for legal review."""
    if legal_text.status == LegalTextPage.Status.IN_FORCE:
        return
    citing = ProcedurePage.objects.filter(
        legal_references__legal_text__translation_key=legal_text.translation_key
    ).distinct()
    for procedure in citing:
        already = ReviewFlag.objects.open().filter(
            procedure=procedure,
            kind=ReviewFlag.Kind.LEGAL_REVIEW,
            legal_text__translation_key=legal_text.translation_key,
        )
        if not already.exists():
            ReviewFlag.objects.create(
                procedure=procedure,
                kind=ReviewFlag.Kind.LEGAL_REVIEW,
                legal_text=legal_text,
                reason=_("%(text)s is now %(status)s.")
                % {"text": legal_text.reference, "status": legal_text.get_status_display().lower()},
            )


def procedures_needing_legal_review():
    return (
        ReviewFlag.objects.open()
        .filter(kind=ReviewFlag.Kind.LEGAL_REVIEW)
        .select_related("procedure", "legal_text")
    )


def procedures_past_review(today=None):
    """Live procedures whose review interval has run out since their last legal review."""
    today = today or date.today()
    return [
        procedure
        for procedure in ProcedurePage.objects.live().select_related("owner").order_by("code")
        if procedure.next_review_due() < today
    ]


def remind_owners(today=None):
    """Email each owner their procedures past review; returns the number of emails sent."""
    by_owner = {}
    for procedure in procedures_past_review(today):
        if procedure.owner and procedure.owner.email:
            by_owner.setdefault(procedure.owner, []).append(procedure)
    for owner, procedures in by_owner.items():
        with override(settings.LANGUAGE_CODE):
            lines = "\n".join(
                f"- {p.code} {p.title} ({_('due')} {p.next_review_due().isoformat()})"
                for p in procedures
            )
            send_mail(
                _("Procedures to review"),
                _("Hello,\n\nThese procedures have passed their review date:\n\n%(list)s\n")
                % {"list": lines},
                None,
                [owner.email],
            )
    return len(by_owner)


def translations_out_of_date():
    return (
        ReviewFlag.objects.open()
        .filter(kind=ReviewFlag.Kind.TRANSLATION_OUTDATED)
        .select_related("procedure")
    )
