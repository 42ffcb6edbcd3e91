"""The IPECAG's yearly work plans (Instance de la parité, de l'égalité des chances
et de l'approche genre, article 120 of organic law 113-14)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from intranet.core.downloads import download
from intranet.core.pages import SectionPage

from .blocks import ObjectiveBlock

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class WorkPlanIndexPage(SectionPage):
    """The IPECAG's section: its work plans, the latest year first."""

    subpage_types = ["ipecag.WorkPlanPage"]

    class Meta:
        verbose_name = _("IPECAG work plans")

    def plans(self):
        return WorkPlanPage.objects.child_of(self).live().order_by("-year")

    def get_context(self, request, *args, **kwargs):
        from . import progress

        context = super().get_context(request, *args, **kwargs)
        context["plans"] = [progress.build(plan) for plan in self.plans()]
        return context


class WorkPlanPage(RoutablePageMixin, Page):
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2015), MaxValueValidator(2100)]
    )
    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "ul", "link"]
    )
    objectives = StreamField(
        [("objective", ObjectiveBlock())],
        blank=True,
        verbose_name=_("objectives, measures and actions"),
        help_text=_(
            "The Arabic plan takes its figures (service, deadline, budget, status, target and "
            "measured value) from the French plan: translate only the wording."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("year"),
        FieldPanel("introduction"),
        FieldPanel("objectives"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("plan_text"),
        index.FilterField("year"),
    ]
    parent_page_types = ["ipecag.WorkPlanIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("IPECAG work plan")
        verbose_name_plural = _("IPECAG work plans")

    def clean(self):
        super().clean()
        if self.year and self.locale_id:
            others = WorkPlanPage.objects.filter(locale_id=self.locale_id, year=self.year)
            if others.exclude(pk=self.pk).exists():
                raise ValidationError({"year": _("There is already a work plan for this year.")})

    def plan_text(self):
        """The words of every objective, measure and action, so that search finds the plan."""
        parts = []
        for objective in self.objectives:
            parts += [objective.value["title"], objective.value["description"]]
            for measure in objective.value["measures"]:
                parts.append(measure["title"])
                for action in measure["actions"]:
                    parts += [action["title"], action["partners"], action["indicator"]]
        return "\n".join(part for part in parts if part)

    def search_facets(self):
        return {"service": "IPECAG", "category": str(_("IPECAG work plan"))}

    def get_context(self, request, *args, **kwargs):
        from . import progress

        context = super().get_context(request, *args, **kwargs)
        context["plan"] = progress.build(self)
        context["can_update"] = self.permissions_for_user(request.user).can_edit()
        return context

    @path("progress/")
    def progress_view(self, request):
        from . import progress, reception_figures

        plan = progress.build(self)
        return TemplateResponse(
            request,
            "ipecag/work_plan_progress.html",
            {
                "page": self,
                "plan": plan,
                "budget_rows": progress.budget_rows(plan),
                "reception": reception_figures.for_year(self.year),
                "can_update": self.permissions_for_user(request.user).can_edit(),
            },
        )

    @path("export/docx/")
    def export_docx(self, request):
        from . import exporting, progress

        content = exporting.as_docx(progress.build(self))
        filename = f"plan-ipecag-{self.year}-{self.locale.language_code}.docx"
        return download(content, filename, DOCX_TYPE)
