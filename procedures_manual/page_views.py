"""The admin's page views for procedures, where the manual asks more than Wagtail does.

Wagtail routes each page URL of its admin (unpublish, workflow action, edit) to the
viewset registered for the page's type; these views extend its own:

- unpublishing a procedure, or a manual, asks why and keeps the reason in the
  history of every page it unpublishes (``withdrawal``);
- an approval that cannot go live (``approval.ApprovalImpossible``) tells the
  approver why and leaves the task waiting, instead of a server error.
"""

from django import forms
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import DefaultPageForm
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.unpublish import UnpublishView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet

from . import withdrawal
from .approval import ApprovalImpossible
from .models import ProcedureIndexPage, ProcedurePage


def _may_unpublish(user):
    return lambda page: page.permissions_for_user(user).can_unpublish()


class UnpublishWithReasonView(UnpublishView):
    template_name = "procedures_manual/admin/confirm_unpublish.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", withdrawal.UnpublishReasonForm())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = withdrawal.UnpublishReasonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        self.reason = form.cleaned_data["reason"]
        return super().post(request, *args, **kwargs)

    def unpublish(self):
        """Wagtail's unpublishing of the page and its translations, with the reason."""
        hook_response = self.run_hook("before_unpublish_page", self.request, self.object)
        if hook_response is not None:
            return hook_response
        withdrawal.unpublish(
            self.objects_to_unpublish,
            self.request.user,
            self.reason,
            include_descendants=bool(self.request.POST.get("include_descendants")),
            may_unpublish=_may_unpublish(self.request.user),
        )
        return self.run_hook("after_unpublish_page", self.request, self.object)


class ApprovalSaysWhyMixin:
    """Turn an approval that cannot complete into a message for the approver."""

    def refused(self, refusal, redirect_url):
        messages.error(self.request, str(refusal))
        if self.request.headers.get("x-requested-with") == "XMLHttpRequest":
            return self.render_modal_json(
                self.request, {"step": "success", "redirect": redirect_url}
            )
        return redirect(redirect_url)


class ProcedureWorkflowActionView(ApprovalSaysWhyMixin, WorkflowActionView):
    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ApprovalImpossible as refusal:
            return self.refused(refusal, self.redirect_url)


class ProcedureEditView(EditView):
    def perform_workflow_action(self):
        """Approving from the editor: the edit is kept as a draft, the approval is not."""
        try:
            return super().perform_workflow_action()
        except ApprovalImpossible as refusal:
            messages.error(self.request, str(refusal))
            return redirect(self.get_edit_url())


class ProcedurePageViewSet(PageViewSet):
    model = ProcedurePage
    edit_view_class = ProcedureEditView
    unpublish_view_class = UnpublishWithReasonView
    workflow_action_view_class = ProcedureWorkflowActionView


class ProcedureIndexPageViewSet(PageViewSet):
    model = ProcedureIndexPage
    unpublish_view_class = UnpublishWithReasonView


class BulkUnpublishForm(DefaultPageForm):
    reason = forms.CharField(
        label=withdrawal.UnpublishReasonForm.base_fields["reason"].label,
        help_text=withdrawal.UnpublishReasonForm.base_fields["reason"].help_text,
        max_length=withdrawal.REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class UnpublishWithReasonBulkAction(UnpublishBulkAction):
    """Wagtail's bulk unpublish, which asks why when procedures are among the pages."""

    template_name = "procedures_manual/admin/confirm_bulk_unpublish.html"
    form_class = BulkUnpublishForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reason_needed"] = any(
            withdrawal.needs_reason(item["item"]) for item in context["items"]
        )
        return context

    def form_valid(self, form):
        objects, _without_access = self.get_actionable_objects()
        if not form.cleaned_data["reason"] and any(
            withdrawal.needs_reason(page) for page in objects
        ):
            form.add_error(
                "reason", _("Say why these procedures are unpublished: the reason is kept.")
            )
            return self.form_invalid(form)
        return super().form_valid(form)

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "reason": self.cleaned_form.cleaned_data["reason"],
        }

    @classmethod
    def execute_action(
        cls,
        objects,
        include_descendants=False,
        user=None,
        permission_checker=None,
        reason="",
        **kwargs,
    ):
        if not reason:
            return super().execute_action(
                objects, include_descendants, user, permission_checker, **kwargs
            )
        return withdrawal.unpublish(
            objects,
            user,
            reason,
            include_descendants=include_descendants,
            may_unpublish=permission_checker if user is not None else None,
        )
