"""Decisions of the communal council, as the communication service publishes them.

Organic law 113-14 makes the council's decisions public; the 2017 diagnostic
found that staff learnt of them late, if at all. Each decision carries what the
minutes record: session, number, subject, votes, outcome, text and the signed copy.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from intranet.core.pages import SectionPage

DECISIONS_PER_PAGE = 20
NON_NEGATIVE = MinValueValidator(0, message=_("A number of votes cannot be negative."))


class SessionType(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary session")
    EXTRAORDINARY = "extraordinary", _("Extraordinary session")


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    REJECTED = "rejected", _("Rejected")


class CouncilDecisionIndexPage(SectionPage):
    """Every published decision, month by month, filtered by year, month, session and outcome."""

    subpage_types = ["news.CouncilDecisionPage"]

    class Meta:
        verbose_name = _("council decisions")

    def get_context(self, request, *args, **kwargs):
        from ..listing import DecisionFilters, listing_context, years_of

        context = super().get_context(request, *args, **kwargs)
        decisions = (
            CouncilDecisionPage.objects.child_of(self).live().order_by("-session_date", "-number")
        )
        form = DecisionFilters(request.GET, years=years_of(decisions, "session_date"))
        context.update(
            listing_context(request, decisions, form, "session_date", DECISIONS_PER_PAGE)
        )
        return context


class CouncilDecisionPage(Page):
    session_date = models.DateField(_("session date"))
    session_type = models.CharField(
        _("session"), max_length=20, choices=SessionType.choices, default=SessionType.ORDINARY
    )
    number = models.PositiveIntegerField(
        _("decision number"),
        validators=[MinValueValidator(1, message=_("A decision number starts at 1."))],
        help_text=_("Numbered from 1 each year, as in the register of decisions."),
    )
    subject = models.TextField(_("subject"), max_length=500)
    votes_for = models.IntegerField(_("votes for"), default=0, validators=[NON_NEGATIVE])
    votes_against = models.IntegerField(_("votes against"), default=0, validators=[NON_NEGATIVE])
    abstentions = models.IntegerField(_("abstentions"), default=0, validators=[NON_NEGATIVE])
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    text = RichTextField(
        _("text of the decision"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    signed_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed document (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("session_date"), FieldPanel("session_type")]),
                FieldPanel("number"),
            ],
            heading=_("Session"),
        ),
        FieldPanel("subject"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("votes_for"),
                        FieldPanel("votes_against"),
                        FieldPanel("abstentions"),
                    ]
                ),
                FieldPanel("outcome"),
            ],
            heading=_("Vote"),
        ),
        FieldPanel("text"),
        FieldPanel("signed_document"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("reference", boost=3),
        index.SearchField("subject", boost=2),
        index.SearchField("text"),
        index.FilterField("session_date"),
        index.FilterField("session_type"),
        index.FilterField("outcome"),
    ]
    parent_page_types = ["news.CouncilDecisionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("council decision")
        verbose_name_plural = _("council decisions")

    @property
    def date(self):
        """The day the decision was taken, so that decisions and news sort together."""
        return self.session_date

    def reference(self):
        """« 12/2026 »: the number in the year's register of decisions."""
        if not self.number or not self.session_date:
            return ""
        return f"{self.number}/{self.session_date.year}"

    @property
    def votes_cast(self):
        return (self.votes_for or 0) + (self.votes_against or 0) + (self.abstentions or 0)

    def vote_shares(self):
        """``[(key, label, count, percent)]`` for the vote bar, in a fixed order."""
        total = self.votes_cast or 1
        return [
            (key, label, count, round(100 * count / total))
            for key, label, count in (
                ("for", _("For"), self.votes_for),
                ("against", _("Against"), self.votes_against),
                ("abstention", _("Abstentions"), self.abstentions),
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        votes = (self.votes_for, self.votes_against, self.abstentions)
        if all(isinstance(count, int) and count >= 0 for count in votes):
            errors.update(self._vote_errors())
        if self.number and self.session_date and self._duplicate_number().exists():
            errors["number"] = _(
                "Decision %(reference)s already exists: a number is used once a year."
            ) % {"reference": self.reference()}
        if self.signed_document_id and not self.signed_document.filename.lower().endswith(".pdf"):
            errors["signed_document"] = _(
                "The signed document must be a PDF (the scanned, signed decision)."
            )
        if errors:
            raise ValidationError(errors)

    def _vote_errors(self):
        if self.votes_for + self.votes_against == 0:
            return {"votes_for": _("Record the votes: nobody voted for or against.")}
        counts = {"for": self.votes_for, "against": self.votes_against}
        # A tie is settled by the president's casting vote (organic law 113-14):
        # either outcome is then possible.
        if self.votes_for > self.votes_against and self.outcome == Outcome.REJECTED:
            return {
                "outcome": _(
                    "The outcome contradicts the votes: with %(for)s for and %(against)s "
                    "against, the decision is adopted. Correct the counts or the outcome."
                )
                % counts
            }
        if self.votes_against > self.votes_for and self.outcome == Outcome.ADOPTED:
            return {
                "outcome": _(
                    "The outcome contradicts the votes: with %(for)s for and %(against)s "
                    "against, the decision is rejected. Correct the counts or the outcome."
                )
                % counts
            }
        return {}

    def _duplicate_number(self):
        """Another decision of this year and language with this number (translations share it)."""
        return (
            CouncilDecisionPage.objects.filter(
                locale_id=self.locale_id,
                number=self.number,
                session_date__year=self.session_date.year,
            )
            .exclude(pk=self.pk)
            .exclude(translation_key=self.translation_key)
        )

    def search_facets(self):
        with translation.override(self.locale.language_code):
            return {
                "service": "",
                "category": str(_("Council decisions")),
            }
