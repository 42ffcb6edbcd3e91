"""The approval circuit finds its steps and the legal advisors by keys, not by names.

An administrator may rename the legal approval task, the workflow or the legal
advisors' group in the admin: publications go on, and setting the circuit up
again (a deployment, ``load_demo``) keeps the new names and creates nothing twice.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Task, Workflow

from intranet.accounts.roles import apply_roles, role_group
from procedures_manual.approval import setup_procedures_workflow
from procedures_manual.models import ProcedurePage
from tests.procedures_manual.factories import procedure as live_procedure
from tests.procedures_manual.factories import user

pytestmark = pytest.mark.django_db


def act(workflow_state, username):
    workflow_state.refresh_from_db()
    task_state = workflow_state.current_task_state.specific
    task_state.task.specific.on_action(task_state, user(username), "approve")


def rename_the_circuit():
    legal = user("juriste").groups.get()
    legal.name = "Juristes de la commune"
    legal.save()
    Task.objects.filter(name="Approbation par le conseiller juridique").update(
        name="Visa juridique"
    )
    Workflow.objects.filter(name="Validation des procédures").update(name="Circuit des fiches")


def test_a_change_still_goes_live_after_the_task_and_the_group_are_renamed():
    procedure = live_procedure(code="TS-01", translate=False)
    rename_the_circuit()
    procedure.title = "Déclaration d'essai (mise à jour)"
    procedure.save_revision(user=user("cellule"))
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))

    act(workflow_state, "cellule2")
    act(workflow_state, "juriste")  # before: "only after a legal advisor has approved it"

    live = ProcedurePage.objects.get(pk=procedure.pk)
    assert live.title == "Déclaration d'essai (mise à jour)"
    assert live.last_legal_approval().finished_by.username == "juriste"


def test_setting_the_circuit_up_again_keeps_the_new_names_and_creates_nothing():
    rename_the_circuit()
    groups, tasks, workflows = Group.objects.count(), Task.objects.count(), Workflow.objects.count()

    apply_roles()
    setup_procedures_workflow()

    assert (Group.objects.count(), Task.objects.count(), Workflow.objects.count()) == (
        groups,
        tasks,
        workflows,
    )
    assert role_group("legal_advisor").name == "Juristes de la commune"
    assert role_group("legal_advisor").permissions.exists()  # still granted its part
    workflow = Workflow.objects.get(name="Circuit des fiches")
    assert [task.name for task in workflow.tasks] == [
        "Relecture par un second membre de la cellule",
        "Visa juridique",
    ]
    procedure = live_procedure(code="TS-01", translate=False)
    assert procedure.get_workflow() == workflow
