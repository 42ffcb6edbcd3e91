"""The revue: a periodic review of the council's decisions and the commune's activities.

The 2017 diagnostic asked for a regular review that every member of staff (and
the elected members) can read or print. The communication service writes an
editorial introduction and picks, in the order it wants, the news and decisions
of the period; the page, the PDF and the DOCX are built from the same entries.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from intranet.core.downloads import download

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class RevueEntry:
    """One chosen item, in the revue's language."""

    page: Page  # the specific NewsPage or CouncilDecisionPage

    @property
    def is_decision(self):
        return self.page._meta.model_name == "councildecisionpage"

    @property
    def date(self):
        return self.page.date

    @property
    def summary(self):
        return self.page.subject if self.is_decision else self.page.introduction


class RevuePage(RoutablePageMixin, Page):
    period_start = models.DateField(_("start of the period"))
    period_end = models.DateField(_("end of the period"))
    introduction = models.TextField(
        _("editorial"), help_text=_("The editorial introduction; a blank line starts a paragraph.")
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Period")),
        FieldPanel("introduction"),
        InlinePanel("items", heading=_("News and decisions, in order"), label=_("Item"), min_num=1),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.FilterField("period_end"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("revue")
        verbose_name_plural = _("revues")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    def paragraphs(self):
        return [part.strip() for part in self.introduction.split("\n\n") if part.strip()]

    def entries(self):
        """The chosen items that are live, each in the revue's language when translated."""
        entries = []
        for item in self.items.select_related("page"):
            page = item.page
            translated = page.get_translation_or_none(self.locale)
            if translated is not None:
                page = translated
            if page.live:
                entries.append(RevueEntry(page.specific))
        return entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = self.entries()
        return context

    @path("pdf/")
    def pdf(self, request):
        from .. import revue_export

        return download(revue_export.as_pdf(self), f"{self.slug}.pdf", "application/pdf")

    @path("docx/")
    def docx(self, request):
        from .. import revue_export

        return download(revue_export.as_docx(self), f"{self.slug}.docx", DOCX_TYPE)

    def search_facets(self):
        from django.utils import translation

        with translation.override(self.locale.language_code):
            return {"service": "", "category": str(_("Revue"))}


class RevueItem(Orderable):
    revue = ParentalKey(RevuePage, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("news or decision"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", ["news.NewsPage", "news.CouncilDecisionPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("revue item")
