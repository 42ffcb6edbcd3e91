from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from intranet.core.stale_saves import person, saved_at

from . import progress, updating
from .forms import ProgressForm
from .models import WorkPlanPage


class UpdateProgressView(WagtailAdminTemplateMixin, FormView):
    """Record the status, measured value and spending of each action of a plan."""

    page_title = gettext_lazy("Update progress")
    header_icon = "tick-inverse"
    template_name = "ipecag/admin/update_progress.html"
    form_class = ProgressForm

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(WorkPlanPage, pk=kwargs["page_id"])
        self.source, latest = updating.editable_plan(page)
        if not self.source.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.revision_id = self.source.latest_revision_id
        shown = None
        if request.method == "POST":
            # Validate the form the user saw, even if the plan has changed since.
            seen = request.POST.get("seen_revision")
            shown = updating.plan_as_seen(self.source, seen)
            if shown is not None:
                self.revision_id = int(seen)
        self.plan = progress.build(shown or latest, language=request.LANGUAGE_CODE)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.source.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_explore", args=[self.source.get_parent().pk]),
                "label": self.source.get_parent().title,
            },
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.source.pk]),
                "label": self.source.title,
            },
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.plan, "revision_id": self.revision_id}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["source"] = self.source
        context["has_draft"] = self.source.has_unpublished_changes
        return context

    def form_invalid(self, form):
        messages.error(self.request, _("Nothing was saved: correct the values marked below."))
        return super().form_invalid(form)

    def form_valid(self, form):
        try:
            result = updating.update_progress(
                self.source,
                form.changes(),
                self.request.user,
                seen_revision=form.cleaned_data["seen_revision"],
            )
        except updating.PlanLocked as error:
            messages.error(self.request, str(error))
            return self.form_invalid(form)
        except updating.StaleProgress as stale:
            return self.refuse_stale(stale)
        if not result.changed:
            messages.info(self.request, _("Nothing had changed."))
        elif result.published:
            messages.success(self.request, _("Progress recorded and published."))
        else:
            messages.warning(
                self.request,
                _(
                    "Progress recorded in a draft: publish the plan from the editor "
                    "for everyone to see it."
                ),
            )
        return redirect("ipecag_update_progress", page_id=self.source.pk)

    def refuse_stale(self, stale):
        """Nothing saved; the plan as it stands now, with the user's values typed in again."""
        revision = stale.revision
        messages.error(
            self.request,
            _(
                "Nothing was saved: %(name)s recorded changes to this plan on %(when)s, after "
                "you opened this form, and changed values you changed too. Compare them below: "
                "your values are kept in the form, save again to record them over theirs."
            )
            % {
                "name": person(revision.user) or _("someone else"),
                "when": saved_at(revision.created_at),
            },
        )
        self.plan = progress.build(stale.plan, language=self.request.LANGUAGE_CODE)
        form = ProgressForm(
            data=ProgressForm.data_for(stale.values, revision.pk),
            plan=self.plan,
            revision_id=revision.pk,
        )
        context = self.get_context_data(form=form, conflicts=stale.conflicts, theirs=revision)
        return self.render_to_response(context, status=409)
