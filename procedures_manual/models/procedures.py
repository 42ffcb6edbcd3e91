"""Procedure pages: what a citizen must bring, pay, wait and where to go, and on what legal basis.

The fields follow the fiches of Service-Public.fr and what law 55-19 on the
simplification of administrative procedures requires an administration to
publish for each of its services.
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from intranet.core.downloads import download
from intranet.core.pages import SectionPage

from ..blocks import FormBlock, QuestionBlock, StepBlock
from ..forms import ProcedureForm


class Category(models.TextChoices):
    """The chapters of the manual, in the order they are printed."""

    CIVIL_STATUS = "civil_status", _("Civil status")
    LEGALISATION = "legalisation", _("Legalisation and certification")
    URBANISM = "urbanism", _("Urbanism")
    ECONOMIC = "economic", _("Economic activities")
    TAXATION = "taxation", _("Local taxation")
    HYGIENE = "hygiene", _("Hygiene and burials")
    ASSOCIATIONS = "associations", _("Associations and participation")
    CITIZEN_RELATIONS = "citizen_relations", _("Complaints and access to information")
    FACILITIES = "facilities", _("Communal facilities")


class ProcedureIndexPage(RoutablePageMixin, SectionPage):
    """The manual: every published procedure, chapter by chapter."""

    subpage_types = ["procedures_manual.ProcedurePage"]

    class Meta:
        verbose_name = _("procedures manual")

    def chapters(self):
        """``[(category label, [procedures])]`` in the manual's order, empty chapters left out."""
        procedures = (
            ProcedurePage.objects.child_of(self).live().select_related("service").order_by("code")
        )
        from intranet.core.locales import localized_all

        procedures = list(procedures)
        services = localized_all([procedure.service for procedure in procedures])
        by_category = {}
        for procedure in procedures:
            if procedure.service_id:
                procedure.where = services[procedure.service_id]  # one query for them all
            by_category.setdefault(procedure.category, []).append(procedure)
        return [
            (category.label, by_category[category.value])
            for category in Category
            if category.value in by_category
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Built only when the manual's contents are not in the cache already.
        context["chapters"] = SimpleLazyObject(self.chapters)
        return context

    @path("export/<str:file_format>/")
    def export(self, request, file_format):
        """The whole manual of this page's language, for any signed-in member of staff."""
        from ..exporting import UnknownFormat, export_manual

        try:
            content, content_type = export_manual(file_format, self.locale.language_code)
        except UnknownFormat as error:
            return HttpResponse(str(error), status=404, content_type="text/plain; charset=utf-8")
        filename = f"manuel-des-procedures-{self.locale.language_code}.{file_format}"
        return download(content, filename, content_type)


class ProcedurePage(RoutablePageMixin, Page):
    base_form_class = ProcedureForm
    # The forms a live procedure hands out change only through its approval: a new
    # version is a new document, chosen in a revision the legal advisor approves.
    locks_its_documents = True

    class DocumentForm(models.TextChoices):
        ORIGINAL = "original", _("Original")
        COPY = "copy", _("Copy")
        CERTIFIED_COPY = "certified_copy", _("Certified copy")
        ORIGINAL_AND_COPY = "original_and_copy", _("Original and copy")

    code = models.CharField(
        _("code"),
        max_length=20,
        help_text=_("Reference in the manual, for example EC-01."),
        # It names the fiche's files and stands in addresses: letters, digits, dashes.
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$",
                _("Letters, digits and dashes only, for example EC-01."),
            )
        ],
    )
    summary = models.TextField(_("summary"), max_length=600)
    category = models.CharField(_("category"), max_length=30, choices=Category)
    audience = models.TextField(_("who is concerned"))
    conditions = RichTextField(
        _("conditions"), blank=True, features=["bold", "italic", "ul", "link"]
    )
    fee_amount = models.DecimalField(
        _("fee (MAD)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty when the procedure is free."),
    )
    fee_note = models.CharField(
        _("fee details"),
        max_length=300,
        blank=True,
        help_text=_("What the fee depends on, and the text that sets it."),
    )
    max_delay_days = models.PositiveSmallIntegerField(
        _("maximum processing delay (days)"),
        null=True,
        blank=True,
        help_text=_("0 when the service is delivered at once; empty when no delay is set."),
    )
    delay_note = models.CharField(_("delay details"), max_length=300, blank=True)
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("steps"))
    service = models.ForeignKey(
        "organisation.ServicePage",
        verbose_name=_("responsible service"),
        null=True,
        on_delete=models.PROTECT,
        related_name="procedures",
    )
    arrondissements = ParentalManyToManyField(
        "organisation.Arrondissement",
        verbose_name=_("also handled in"),
        blank=True,
        related_name="procedures",
    )
    outcome = models.CharField(_("what the citizen receives"), max_length=300)
    validity = models.CharField(_("validity"), max_length=120, blank=True)
    forms = StreamField([("form", FormBlock())], blank=True, verbose_name=_("forms to download"))
    questions = StreamField(
        [("question", QuestionBlock())], blank=True, verbose_name=_("frequent questions")
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("code"), FieldPanel("category")]),
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("conditions"),
        InlinePanel("documents", heading=_("Documents to provide"), label=_("Document")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("fee_amount"), FieldPanel("fee_note")]),
                FieldRowPanel([FieldPanel("max_delay_days"), FieldPanel("delay_note")]),
            ],
            heading=_("Fee and delay"),
        ),
        FieldPanel("steps"),
        MultiFieldPanel(
            [
                PageChooserPanel("service", "organisation.ServicePage"),
                FieldPanel("arrondissements"),
            ],
            heading=_("Where to apply"),
        ),
        FieldRowPanel([FieldPanel("outcome"), FieldPanel("validity")]),
        FieldPanel("forms"),
        FieldPanel("questions"),
        InlinePanel("legal_references", heading=_("Legal references"), label=_("Reference")),
        FieldPanel("review_interval_months"),
        FieldPanel("change_significance"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("code", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("audience"),
        index.SearchField("conditions"),
        index.SearchField("outcome"),
        index.SearchField("steps"),
        index.SearchField("questions"),
        index.RelatedFields("documents", [index.SearchField("name")]),
        index.FilterField("category"),
    ]
    parent_page_types = ["procedures_manual.ProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")

    @path("fiche/")
    def fiche_print_view(self, request):
        from .. import fiche

        return TemplateResponse(
            request,
            "procedures_manual/fiche.html",
            {"fiche": fiche.build(self), "print_view": True},
        )

    @path("fiche/pdf/")
    def fiche_pdf(self, request):
        from .. import fiche

        return download(
            fiche.as_pdf(fiche.build(self)), f"fiche-{self.code}.pdf", "application/pdf"
        )

    @path("fiche/docx/")
    def fiche_docx(self, request):
        from .. import fiche

        return download(fiche.as_docx(fiche.build(self)), f"fiche-{self.code}.docx", DOCX_TYPE)

    def save(self, *args, **kwargs):
        """Every way of publishing ends in saving a new live revision: only an approved one passes.

        The page editor, bulk actions, scheduled publishing, the API and imports all
        publish through Wagtail's publish action, which saves the page with its new
        ``live_revision``; checking here leaves none of them a way around the circuit.
        """
        if self.live and self._goes_live_with_another_revision():
            from ..approval import ensure_legally_approved

            ensure_legally_approved(self.live_revision)
        return super().save(*args, **kwargs)

    def _goes_live_with_another_revision(self):
        if self.pk is None:
            return True
        stored = ProcedurePage.objects.filter(pk=self.pk).values("live", "live_revision_id").first()
        return (
            stored is None
            or not stored["live"]
            or stored["live_revision_id"] != self.live_revision_id
        )

    def copy(self, *args, **kwargs):
        """A copy is a new draft: it goes through approval like any other change.

        A copy that is a new procedure (not a translation, which keeps the code of
        the page it translates) gets a code of its own, so that the approval of
        the original never meets "another procedure already uses this code".
        """
        kwargs["keep_live"] = False
        if kwargs.get("reset_translation_key", True):
            update_attrs = dict(kwargs.get("update_attrs") or {})
            if update_attrs.get("code", self.code) == self.code:
                update_attrs["code"] = self.free_code()
            kwargs["update_attrs"] = update_attrs
        return super().copy(*args, **kwargs)

    def free_code(self):
        """This code with the first number no procedure of its language uses ("EC-01-2")."""
        taken = set(
            ProcedurePage.objects.filter(
                locale_id=self.locale_id, code__startswith=f"{self.code}-"
            ).values_list("code", flat=True)
        )
        number = 2
        while f"{self.code}-{number}" in taken:
            number += 1
        return f"{self.code}-{number}"

    def clean(self):
        super().clean()
        duplicate = (
            ProcedurePage.objects.filter(locale_id=self.locale_id, code=self.code)
            .exclude(pk=self.pk)
            .exclude(translation_key=self.translation_key)
        )
        if self.code and duplicate.exists():
            raise ValidationError({"code": _("Another procedure already uses this code.")})

    def search_facets(self):
        """How search groups and ranks a procedure: live procedures come first."""
        return {
            "service": self.where.title if self.where else "",
            "category": str(self.get_category_display()),
            "boost": 1.5,
        }

    @property
    def is_free(self):
        return self.fee_amount is None or self.fee_amount == 0

    @cached_property
    def where(self):
        """The responsible service in the reader's language (building, floor, office, colour)."""
        return self.service.localized if self.service_id else None

    @property
    def offered_in(self):
        return [arrondissement.localized for arrondissement in self.arrondissements.all()]

    @property
    def references(self):
        return [reference for reference in self.legal_references.all() if reference.legal_text_id]

    @classmethod
    def for_service(cls, service):
        """Live procedures a service is responsible for, in the service page's language."""
        return (
            cls.objects.live()
            .filter(locale_id=service.locale_id, service__translation_key=service.translation_key)
            .order_by("code")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["open_flags"] = self.review_flags.open()
        # Callables: the template asks only when the page's content is not in the cache.
        context["last_approval"] = self.last_legal_approval
        from knowledge.related import articles_for_procedure  # knowledge links to procedures

        context["related_articles"] = articles_for_procedure(self)
        return context

    def last_legal_approval(self):
        """Kept for the page's lifetime: the page and its review date both show it."""
        from ..approval import last_legal_approval

        if not hasattr(self, "_last_legal_approval"):
            self._last_legal_approval = last_legal_approval(self)
        return self._last_legal_approval

    def next_review_due(self):
        approval = self.last_legal_approval()
        start = (
            approval.finished_at.date()
            if approval
            else (self.first_published_at.date() if self.first_published_at else date.today())
        )
        return start + relativedelta(months=self.review_interval_months)


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class RequiredDocument(Orderable):
    procedure = ParentalKey(ProcedurePage, related_name="documents", on_delete=models.CASCADE)
    name = models.CharField(_("document"), max_length=300)
    form = models.CharField(
        _("form"),
        max_length=20,
        choices=ProcedurePage.DocumentForm,
        default=ProcedurePage.DocumentForm.ORIGINAL,
    )
    copies = models.PositiveSmallIntegerField(
        _("number of copies"), default=1, validators=[MinValueValidator(1)]
    )
    remark = models.CharField(_("remark"), max_length=300, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("form"), FieldPanel("copies")]),
        FieldPanel("remark"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("document to provide")
        verbose_name_plural = _("documents to provide")

    def __str__(self):
        return self.name


class ProcedureLegalReference(Orderable):
    """A procedure cites a text, and within it, some articles."""

    procedure = ParentalKey(
        ProcedurePage, related_name="legal_references", on_delete=models.CASCADE
    )
    legal_text = models.ForeignKey(
        "procedures_manual.LegalTextPage",
        verbose_name=_("legal text"),
        on_delete=models.PROTECT,
        related_name="citations",
    )
    articles = models.CharField(
        _("articles"),
        max_length=120,
        blank=True,
        help_text=_("Article numbers, separated by commas: 16, 17 bis."),
    )

    panels = [
        PageChooserPanel("legal_text", "procedures_manual.LegalTextPage"),
        FieldPanel("articles"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("legal reference")
        verbose_name_plural = _("legal references")

    @property
    def article_numbers(self):
        return [number.strip() for number in self.articles.split(",") if number.strip()]

    def clean(self):
        if not self.legal_text_id:
            return
        known = set(self.legal_text.articles.values_list("number", flat=True))
        unknown = [number for number in self.article_numbers if number not in known]
        if known and unknown:
            raise ValidationError(
                {
                    "articles": _("%(text)s has no article %(numbers)s.")
                    % {"text": self.legal_text.reference, "numbers": ", ".join(unknown)}
                }
            )

    @property
    def text(self):
        """The cited text in the reader's language."""
        return self.legal_text.localized

    def cited_articles(self):
        text = self.text
        return [
            article for article in text.articles.all() if article.number in self.article_numbers
        ]
