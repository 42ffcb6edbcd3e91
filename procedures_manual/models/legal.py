"""Legal texts as records: each text, its articles, its status and what replaced it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from intranet.core.locales import LocalizedFromCache
from intranet.core.pages import SectionPage


class LegalTextIndexPage(SectionPage):
    subpage_types = ["procedures_manual.LegalTextPage"]

    class Meta:
        verbose_name = _("legal texts index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["legal_texts"] = (
            LegalTextPage.objects.child_of(self).live().order_by("kind", "-enacted_on")
        )
        return context


class LegalTextPage(LocalizedFromCache, Page):
    """One legal text in one version. An amending text is a text of its own, linked here."""

    class Kind(models.TextChoices):
        DAHIR = "dahir", _("Dahir")
        ORGANIC_LAW = "organic_law", _("Organic law")
        LAW = "law", _("Law")
        DECREE = "decree", _("Decree")
        ORDER = "order", _("Order")
        CIRCULAR = "circular", _("Circular")
        COUNCIL_DECISION = "council_decision", _("Council decision")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("In force")
        AMENDED = "amended", _("Amended")
        REPEALED = "repealed", _("Repealed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    number = models.CharField(_("number"), max_length=40, help_text=_("For example 113-14."))
    enacted_on = models.DateField(_("date of the text"), null=True, blank=True)
    official_bulletin_number = models.CharField(
        _("Bulletin Officiel number"), max_length=20, blank=True
    )
    official_bulletin_date = models.DateField(_("Bulletin Officiel date"), null=True, blank=True)
    applies_from = models.DateField(
        _("applies from"),
        null=True,
        blank=True,
        help_text=_("Date from which this version applies."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.IN_FORCE)
    amended_by = models.ForeignKey(
        "self",
        verbose_name=_("amended or repealed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="amends",
    )
    summary = models.TextField(_("summary"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
                FieldRowPanel([FieldPanel("enacted_on"), FieldPanel("applies_from")]),
                FieldRowPanel(
                    [FieldPanel("official_bulletin_number"), FieldPanel("official_bulletin_date")]
                ),
            ],
            heading=_("Reference"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("amended_by")], heading=_("Status")),
        FieldPanel("summary"),
        InlinePanel("articles", heading=_("Articles"), label=_("Article")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("number", boost=3),
        index.SearchField("summary"),
        index.RelatedFields("articles", [index.SearchField("text")]),
        index.FilterField("kind"),
        index.FilterField("status"),
    ]
    parent_page_types = ["procedures_manual.LegalTextIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("legal text")
        verbose_name_plural = _("legal texts")

    @property
    def reference(self):
        """The usual way to cite the text: "Law 37-99"."""
        return f"{self.get_kind_display()} {self.number}"

    @property
    def is_in_force(self):
        return self.status == self.Status.IN_FORCE

    def article(self, number):
        return self.articles.filter(number=str(number).strip()).first()

    def citing_procedures(self):
        """Live procedures of this text's language that cite it, by title."""
        from .procedures import ProcedurePage

        return (
            ProcedurePage.objects.live()
            .filter(legal_references__legal_text__translation_key=self.translation_key)
            .filter(locale=self.locale)
            .distinct()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["citing_procedures"] = self.citing_procedures()
        return context


class LegalArticle(Orderable):
    legal_text = ParentalKey(LegalTextPage, related_name="articles", on_delete=models.CASCADE)
    number = models.CharField(
        _("article number"), max_length=20, help_text=_("For example 16 or 16 bis.")
    )
    text = models.TextField(_("text"))

    panels = [FieldPanel("number"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return f"{self.legal_text.reference}, art. {self.number}"

    @property
    def anchor(self):
        return f"article-{self.number}".replace(" ", "-")
