"""Knowledge articles: answers to frequent questions and staff guides, and readers' votes.

An article names who keeps it (a person and/or a service) and when it was last
checked; past its review interval it is flagged to those who may edit it.
Each reader may say once whether an article helped (changing their mind
updates their vote), so the editors know which answers to rewrite.
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from intranet.core.downloads import download
from intranet.core.pages import SectionPage

from .blocks import BODY_BLOCKS

COMMENT_MAX_LENGTH = 500


class Topic(models.TextChoices):
    """The shelves of the knowledge base, in the order the index shows them."""

    CITIZEN_GUIDES = "citizen_guides", _("Guides for citizens")
    OTHER_ADMINISTRATIONS = "other_administrations", _("Documents from other administrations")
    RECEPTION = "reception", _("Reception and orientation")
    COMPLAINTS = "complaints", _("Complaints and access to information")
    STAFF = "staff", _("Staff guides")


class KnowledgeIndexPage(SectionPage):
    """The knowledge base: every published article, filtered by topic."""

    subpage_types = ["knowledge.KnowledgeArticlePage"]

    class Meta:
        verbose_name = _("knowledge base")

    def articles(self, topic=None):
        articles = KnowledgeArticlePage.objects.child_of(self).live().order_by("title")
        return articles.filter(topic=topic) if topic else articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An unknown topic in the address shows every article rather than an error.
        topic = request.GET.get("topic")
        topic = topic if topic in Topic.values else None
        articles = list(self.articles(topic))
        counts = {}
        for value in self.articles().values_list("topic", flat=True):
            counts[value] = counts.get(value, 0) + 1
        context.update(
            topic=topic,
            topics=[
                (choice.value, choice.label, counts[choice.value])
                for choice in Topic
                if choice.value in counts
            ],
            shelves=[
                (choice.label, [a for a in articles if a.topic == choice.value])
                for choice in Topic
                if any(a.topic == choice.value for a in articles)
            ],
            article_count=len(articles),
            may_edit=self.permissions_for_user(request.user).can_add_subpage(),
        )
        return context


class KnowledgeArticlePage(RoutablePageMixin, Page):
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("The answer in one or two sentences.")
    )
    topic = models.CharField(_("topic"), max_length=30, choices=Topic)
    body = StreamField(BODY_BLOCKS, verbose_name=_("body"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responsible_service = models.ForeignKey(
        "organisation.ServicePage",
        verbose_name=_("responsible service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_reviewed_on = models.DateField(_("last reviewed on"), default=date.today)
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("service_links", heading=_("Services concerned"), label=_("Service")),
        InlinePanel("procedure_links", heading=_("Related procedures"), label=_("Procedure")),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("responsible"),
                        PageChooserPanel("responsible_service", "organisation.ServicePage"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("last_reviewed_on"), FieldPanel("review_interval_months")]
                ),
            ],
            heading=_("Owner and review"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("topic"),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("knowledge article")
        verbose_name_plural = _("knowledge articles")

    def clean(self):
        super().clean()
        if not self.responsible_id and not self.responsible_service_id:
            raise ValidationError(
                {
                    "responsible": _(
                        "Name the person or the service who keeps this article up to date."
                    )
                }
            )

    def search_facets(self):
        service = self.owner_service or next(iter(self.services), None)
        with translation.override(self.locale.language_code):
            topic = str(self.get_topic_display())
        return {"service": service.title if service else "", "category": topic}

    def _in_my_language(self, page):
        """A linked page in the article's language (not the reader's: search indexes both)."""
        if page.locale_id == self.locale_id:
            return page
        return page.get_translation_or_none(self.locale) or page

    @cached_property
    def owner_service(self):
        if not self.responsible_service_id:
            return None
        return self._in_my_language(self.responsible_service)

    @cached_property
    def services(self):
        linked = (link.service for link in self.service_links.select_related("service"))
        return [page for page in map(self._in_my_language, linked) if page.live]

    @cached_property
    def procedures(self):
        linked = (link.procedure for link in self.procedure_links.select_related("procedure"))
        return [page for page in map(self._in_my_language, linked) if page.live]

    def next_review_due(self):
        return self.last_reviewed_on + relativedelta(months=self.review_interval_months)

    def is_review_overdue(self, today=None):
        return self.next_review_due() < (today or date.today())

    def get_context(self, request, *args, **kwargs):
        from .feedback import VoteForm, vote_of

        context = super().get_context(request, *args, **kwargs)
        vote = vote_of(self, request.user)
        context.setdefault("vote", vote)
        context.setdefault("vote_form", VoteForm(instance=vote))
        context["may_edit"] = self.permissions_for_user(request.user).can_edit()
        return context

    @path("vote/")
    def vote(self, request):
        from .feedback import receive_vote

        return receive_vote(self, request)

    @path("leaflet/")
    def leaflet(self, request):
        """The article as a folded leaflet (PDF), for any signed-in member of staff."""
        from .leaflet import as_pdf, filename

        return download(as_pdf(self), filename(self), "application/pdf")


class ArticleService(Orderable):
    article = ParentalKey(
        KnowledgeArticlePage, on_delete=models.CASCADE, related_name="service_links"
    )
    service = models.ForeignKey(
        "organisation.ServicePage",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("service", "organisation.ServicePage")]


class ArticleProcedure(Orderable):
    article = ParentalKey(
        KnowledgeArticlePage, on_delete=models.CASCADE, related_name="procedure_links"
    )
    procedure = models.ForeignKey(
        "procedures_manual.ProcedurePage",
        verbose_name=_("procedure"),
        on_delete=models.CASCADE,
        related_name="knowledge_links",
    )

    panels = [PageChooserPanel("procedure", "procedures_manual.ProcedurePage")]


class ArticleFeedback(models.Model):
    """One reader's answer to "was this article helpful?", with an optional comment."""

    article = models.ForeignKey(
        KnowledgeArticlePage,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reader"),
        on_delete=models.CASCADE,
        related_name="knowledge_feedback",
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("given at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("article feedback")
        verbose_name_plural = _("article feedback")
        # Readers vote; editors only read the report: no one edits a vote by hand.
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"], name="knowledge_one_vote_per_reader"
            )
        ]

    def __str__(self):
        return f"{self.article} — {self.user}"
