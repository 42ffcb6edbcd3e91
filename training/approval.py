"""The approval circuit of course material, set up in code.

Trainers may add courses (Wagtail's ``add`` permission: they create pages and
edit the ones they own) but not publish them: they submit, and a training
coordinator's approval makes the course live.
"""

from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from intranet.accounts.roles import role_group

WORKFLOW_NAME = "Validation des formations"
COORDINATOR_APPROVAL_TASK = "Approbation par un coordinateur de formation"


@transaction.atomic
def setup_training_workflow():
    """Create or repair the workflow and attach it to every training catalogue page."""
    from .models import TrainingIndexPage

    task, _created = GroupApprovalTask.objects.get_or_create(name=COORDINATOR_APPROVAL_TASK)
    if not task.active:
        task.active = True
        task.save(update_fields=["active"])
    # Administrators run every section: they may stand in for a coordinator.
    task.groups.set([role_group("training_coordinator"), role_group("administrator")])

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for catalogue in TrainingIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=catalogue, defaults={"workflow": workflow})
    return workflow
