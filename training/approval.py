"""The approval circuit of course material, set up in code.

Trainers may add courses (Wagtail's ``add`` permission: they create pages and
edit the ones they own) but not publish them: they submit, and a training
coordinator's approval makes the course live.

The workflow and its task are found by stable keys, so that an administrator may
rename them in the admin.
"""

from django.db import transaction
from wagtail.models import GroupApprovalTask, WorkflowPage, WorkflowTask

from intranet.accounts.keys import keyed_task, keyed_workflow
from intranet.accounts.roles import role_group

WORKFLOW_KEY = "training"
COORDINATOR_APPROVAL = "training_coordinator_approval"

# The names the workflow and its task are created with; the admin may rename them.
WORKFLOW_NAME = "Validation des formations"
COORDINATOR_APPROVAL_TASK = "Approbation par un coordinateur de formation"


@transaction.atomic
def setup_training_workflow():
    """Create or repair the workflow and attach it to every training catalogue page."""
    from .models import TrainingIndexPage

    task = keyed_task(COORDINATOR_APPROVAL, GroupApprovalTask, COORDINATOR_APPROVAL_TASK)
    # Administrators run every section: they may stand in for a coordinator.
    task.groups.set([role_group("training_coordinator"), role_group("administrator")])

    workflow = keyed_workflow(WORKFLOW_KEY, WORKFLOW_NAME)
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for catalogue in TrainingIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=catalogue, defaults={"workflow": workflow})
    return workflow
