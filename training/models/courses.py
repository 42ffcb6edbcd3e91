"""Courses are pages: drafted by trainers, approved by a coordinator, in French and Arabic."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from intranet.core.locales import LocalizedFromCache
from intranet.core.pages import SectionPage

from ..blocks import DocumentMaterialBlock, ModuleBlock, VideoLinkBlock


class TrainingIndexPage(SectionPage):
    """The training catalogue: every published course, with links to the plan and one's history."""

    subpage_types = ["training.CoursePage"]

    class Meta:
        verbose_name = _("training catalogue")

    def courses(self):
        return CoursePage.objects.child_of(self).live().order_by("title")

    def get_context(self, request, *args, **kwargs):
        from ..schedule import upcoming_sessions

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = self.courses()
        context["upcoming"] = upcoming_sessions()[:6]
        return context


class CoursePage(LocalizedFromCache, Page):
    summary = models.TextField(_("summary"), max_length=400)
    audience = models.TextField(
        _("audience"), help_text=_("Who the course is for: posts, services, prerequisites.")
    )
    objectives = RichTextField(_("objectives"), features=["bold", "italic", "ol", "ul"])
    duration_hours = models.DecimalField(
        _("duration (hours)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0.5), MaxValueValidator(500)],
    )
    modules = StreamField([("module", ModuleBlock())], verbose_name=_("modules"))
    materials = StreamField(
        [("document", DocumentMaterialBlock()), ("video", VideoLinkBlock())],
        blank=True,
        verbose_name=_("material"),
        help_text=_(
            "Slides, PDF and Word documents from the training collection, and links to videos."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("duration_hours")]),
        FieldPanel("objectives"),
        FieldPanel("modules"),
        FieldPanel("materials"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("audience"),
        index.SearchField("objectives"),
        index.SearchField("modules"),
    ]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def search_facets(self):
        return {"service": "", "category": str(_("Training"))}

    def sessions(self):
        from .sessions import TrainingSession

        return TrainingSession.objects.for_course(self)

    def get_context(self, request, *args, **kwargs):
        from ..schedule import sessions_for_person

        context = super().get_context(request, *args, **kwargs)
        context.update(sessions_for_person(self, request.user))
        return context
