"""Find, or create once, the workflows and tasks that code sets up, by a stable key.

The name given at creation is only the first name an administrator sees: they
may rename the workflow or a task later, and the next set-up (``load_demo``, a
deployment) finds it by its key, keeps the new name and repairs the rest.
"""

from wagtail.models import Workflow

from .models import KeyedTask, KeyedWorkflow


def keyed_workflow(key, name):
    """The active workflow known by ``key``; created under ``name`` the first time."""
    link = KeyedWorkflow.objects.select_related("workflow").filter(key=key).first()
    if link is None:
        workflow = Workflow.objects.create(name=name, active=True)
        KeyedWorkflow.objects.create(key=key, workflow=workflow)
        return workflow
    workflow = link.workflow
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    return workflow


def keyed_task(key, model, name, **settings):
    """The active task of ``model`` known by ``key``, with these settings; created under
    ``name`` the first time."""
    link = KeyedTask.objects.filter(key=key).first()
    if link is None:
        task = model.objects.create(name=name, active=True, **settings)
        KeyedTask.objects.create(key=key, task=task)
        return task
    task = model.objects.get(pk=link.task_id)
    changed = {field: value for field, value in settings.items() if getattr(task, field) != value}
    if not task.active:
        changed["active"] = True
    if changed:
        for field, value in changed.items():
            setattr(task, field, value)
        task.save(update_fields=list(changed))
    return task
