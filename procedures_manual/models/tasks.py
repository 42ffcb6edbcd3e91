"""The review steps of the procedures workflow."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


class ProcedureReviewTask(AbstractGroupApprovalTask):
    """A group approval that can require another person than the author, and keep
    reviewers out of the editor.

    The procedures cell reviews each other's drafts, never their own; the legal
    advisor approves or sends back with a comment, but does not rewrite the text.
    """

    reviewer_must_differ_from_author = models.BooleanField(
        _("the reviewer must not be the person who submitted"), default=False
    )
    reviewers_may_edit = models.BooleanField(_("reviewers may edit the draft"), default=True)

    admin_form_fields = [
        *AbstractGroupApprovalTask.admin_form_fields,
        "reviewer_must_differ_from_author",
        "reviewers_may_edit",
    ]

    class Meta:
        verbose_name = _("procedure review task")
        verbose_name_plural = _("procedure review tasks")

    def _is_author(self, workflow_state, user):
        return self.reviewer_must_differ_from_author and workflow_state.requested_by_id == user.pk

    def user_can_access_editor(self, obj, user):
        return self.reviewers_may_edit and super().user_can_access_editor(obj, user)

    def get_actions(self, obj, user):
        workflow_state = obj.current_workflow_state
        if workflow_state is not None and self._is_author(workflow_state, user):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if self.reviewer_must_differ_from_author:
            states = states.exclude(workflow_state__requested_by=user)
        return states

    def on_action(self, task_state, user, action_name, **kwargs):
        """Refuse an action the user is not offered, whatever path calls it; and when the
        approved revision cannot be published (its address or code taken since it was
        submitted, a field an older revision left empty), undo the whole approval and
        say why, rather than answer with a server error."""
        from ..approval import ApprovalImpossible

        obj = task_state.revision.content_object
        offered = {name for name, _label, _needs_form in self.get_actions(obj, user)}
        if action_name not in offered:
            raise PermissionDenied(_("You may not review this change."))
        try:
            with transaction.atomic():
                return super().on_action(task_state, user, action_name, **kwargs)
        except (ValidationError, IntegrityError) as error:
            raise ApprovalImpossible.because(error) from error
