"""Internal news published by the communication service."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.search import index

NEWS_PER_PAGE = 12


class NewsBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    image = ImageBlock(label=_("Image"))
    document = DocumentChooserBlock(label=_("Document"))
    quote = blocks.BlockQuoteBlock(label=_("Quote"))


class NewsIndexPage(Page):
    """The news, month by month, and the revues that gather news and council decisions."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage", "news.RevuePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        from ..listing import MonthFilters, listing_context, years_of
        from .revue import RevuePage

        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.child_of(self).live().order_by("-date", "-pk")
        form = MonthFilters(request.GET, years=years_of(news, "date"))
        context.update(listing_context(request, news, form, "date", NEWS_PER_PAGE))
        context["revues"] = RevuePage.objects.child_of(self).live().order_by("-period_end")[:4]
        return context


class NewsPage(Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    introduction = models.TextField(_("introduction"), max_length=400)
    body = StreamField(NewsBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")


def latest_news(locale, limit=5):
    """The most recent live news of one language, for the home page."""
    return NewsPage.objects.live().filter(locale=locale).order_by("-date", "-pk")[:limit]
