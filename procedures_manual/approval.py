"""The approval circuit of the procedures manual, set up in code, and its guard.

A procedures cell member drafts and submits; a second member of the cell
reviews; a legal advisor approves, and only that approval makes a change live.
``ProcedurePage.save`` calls ``ensure_legally_approved`` whenever a page is
saved live with a new revision, which every path that publishes does (page
editor, bulk actions, scheduled publishing, API, import, a script), so that
none of them can skip the circuit.

The workflow, its tasks and the legal advisors' group are found by stable keys
(``intranet.accounts.keys``), never by their names: an administrator may rename
any of them in the admin without blocking a single publication.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import TaskState, WorkflowPage, WorkflowTask

from intranet.accounts.keys import keyed_task, keyed_workflow
from intranet.accounts.roles import role_group

WORKFLOW_KEY = "procedures_manual"
CELL_REVIEW = "procedures_cell_review"
LEGAL_APPROVAL = "procedures_legal_approval"

# The names the workflow and its tasks are created with; the admin may rename them.
WORKFLOW_NAME = "Validation des procédures"
CELL_REVIEW_TASK = "Relecture par un second membre de la cellule"
LEGAL_APPROVAL_TASK = "Approbation par le conseiller juridique"

# (task key, first name, role of its reviewers, reviewer must not be the author,
# reviewers may edit)
REVIEW_STEPS = (
    (CELL_REVIEW, CELL_REVIEW_TASK, "procedures_cell", True, True),
    (LEGAL_APPROVAL, LEGAL_APPROVAL_TASK, "legal_advisor", False, False),
)


@transaction.atomic
def setup_procedures_workflow():
    """Create or repair the workflow and attach it to every procedures manual page."""
    from .models import ProcedureIndexPage, ProcedureReviewTask

    tasks = []
    for key, name, role, must_differ, may_edit in REVIEW_STEPS:
        task = keyed_task(
            key,
            ProcedureReviewTask,
            name,
            reviewer_must_differ_from_author=must_differ,
            reviewers_may_edit=may_edit,
        )
        task.groups.set([role_group(role)])
        tasks.append(task)

    workflow = keyed_workflow(WORKFLOW_KEY, WORKFLOW_NAME)
    WorkflowTask.objects.filter(workflow=workflow).exclude(task__in=tasks).delete()
    for order, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    for manual in ProcedureIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=manual, defaults={"workflow": workflow})
    return workflow


def legal_approval_of(revision):
    """The legal advisor's approval of this revision, or None."""
    return (
        TaskState.objects.filter(
            revision=revision,
            status=TaskState.STATUS_APPROVED,
            task__stable_key__key=LEGAL_APPROVAL,
            finished_by__groups__role__key="legal_advisor",
        )
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )


def last_legal_approval(procedure):
    """The most recent legal approval of any revision of this procedure: the last legal review."""
    return (
        TaskState.objects.filter(
            revision__object_id=str(procedure.pk),
            revision__base_content_type=procedure.get_base_content_type(),
            status=TaskState.STATUS_APPROVED,
            task__stable_key__key=LEGAL_APPROVAL,
        )
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )


def ensure_legally_approved(revision):
    """Refuse to make a procedure revision live without a legal advisor's approval."""
    if revision is None or legal_approval_of(revision) is None:
        raise PermissionDenied(
            _("A procedure goes live only after a legal advisor has approved it.")
        )


def refuse_unapproved_schedule(revision):
    """Scheduling a procedure revision is refused when it is asked for, not when
    ``publish_scheduled`` comes to it: only an approved revision may wait to go live."""
    if revision.approved_go_live_at is not None:
        ensure_legally_approved(revision)


def unschedule_unapproved(now):
    """The procedure revisions due to go live without a legal approval, taken off the
    schedule (with a line in the page's history): ``publish_scheduled`` publishes the
    others, and never stops at one of these. Returns them."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.log_actions import log
    from wagtail.models import Revision

    from .models import ProcedurePage

    due = Revision.objects.filter(
        approved_go_live_at__lt=now,
        content_type=ContentType.objects.get_for_model(ProcedurePage),
    )
    refused = [revision for revision in due if legal_approval_of(revision) is None]
    for revision in refused:
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        page = revision.content_object
        if page is not None:
            log(instance=page, action="wagtail.schedule.cancel", revision=revision, user=None)
    return refused


class ApprovalImpossible(Exception):
    """The approved change cannot go live: the message tells the approver why.

    Raised by the review task once everything the approval did is rolled back, so
    that the task is still waiting for a decision and nothing is half-published.
    """

    @classmethod
    def because(cls, error):
        if isinstance(error, ValidationError):
            reasons = " ".join(dict.fromkeys(error.messages))
        else:  # a constraint of the database: two pages at one address, one code twice...
            reasons = _("Another page already holds what this change needs (its address or code).")
        return cls(
            _(
                "This change was not approved and nothing was published: %(reasons)s "
                "The task is still waiting: send the change back for correction."
            )
            % {"reasons": reasons}
        )


def approve_through_workflow(page, author, reviewer, legal_advisor):
    """Submit the page as it stands and take it through both reviews, as the admin's
    buttons would: the only way a procedure goes live, for loaded content too."""
    from .models import ChangeSignificance, RevisionSignificance

    revision = page.save_revision(user=author)
    RevisionSignificance.objects.update_or_create(
        revision=revision, defaults={"significance": ChangeSignificance.MAJOR}
    )
    workflow_state = page.get_workflow().start(page, author)
    for person in (reviewer, legal_advisor):
        workflow_state.refresh_from_db()
        task_state = workflow_state.current_task_state.specific
        task_state.task.specific.on_action(task_state, person, "approve")
    page.refresh_from_db()
    return page


def circuit_of(revision):
    """``(author, reviewer, legal advisor)`` who took this revision live, or None."""
    approval = legal_approval_of(revision)
    if approval is None:
        return None
    review = (
        TaskState.objects.filter(
            workflow_state_id=approval.workflow_state_id,
            status=TaskState.STATUS_APPROVED,
            task__stable_key__key=CELL_REVIEW,
        )
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    return (
        approval.workflow_state.requested_by,
        review.finished_by if review else None,
        approval.finished_by,
    )
