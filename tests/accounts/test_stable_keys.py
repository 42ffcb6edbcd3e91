"""Roles and approval steps are found by stable keys, so that the admin may rename them.

A group, a workflow or a task gets its key when code first creates it; a database
made before the keys gets them from a migration, which recognises them by the
names they were created with. After that, names are the administrators' to change.
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Task, Workflow

from intranet.accounts.models import KeyedTask, KeyedWorkflow, RoleGroup
from intranet.accounts.roles import apply_roles, has_role, is_administrator, role_group
from training.approval import setup_training_workflow

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "intranet.accounts.migrations.0002_key_existing_groups_and_steps"
)


def user(username):
    return get_user_model().objects.get(username=username)


def rename(group_key, name):
    group = role_group(group_key)
    group.name = name
    group.save()
    return group


def test_a_database_made_before_the_keys_gets_them_from_the_names():
    RoleGroup.objects.all().delete()
    KeyedTask.objects.all().delete()
    KeyedWorkflow.objects.all().delete()

    migration.key_existing(apps, schema_editor=None)

    assert role_group("legal_advisor") == Group.objects.get(name="Conseiller juridique")
    assert KeyedTask.objects.get(key="procedures_legal_approval").task.name == (
        "Approbation par le conseiller juridique"
    )
    assert KeyedWorkflow.objects.get(key="training").workflow.name == "Validation des formations"


def test_a_renamed_group_keeps_its_members_roles_and_grants():
    rename("administrator", "Équipe informatique")
    legal = rename("legal_advisor", "Juristes")
    granted = set(legal.permissions.values_list("pk", flat=True))

    apply_roles()  # a deployment: before, it created a second "Conseiller juridique"

    assert not Group.objects.filter(name__in=["Conseiller juridique", "Administrateur"]).exists()
    assert set(role_group("legal_advisor").permissions.values_list("pk", flat=True)) == granted
    assert has_role(user("juriste"), "legal_advisor")
    assert is_administrator(user("admin"))


def test_setting_up_the_training_circuit_again_keeps_a_renamed_task_and_workflow():
    task = KeyedTask.objects.get(key="training_coordinator_approval").task
    Task.objects.filter(pk=task.pk).update(name="Visa du coordinateur")
    Workflow.objects.filter(name="Validation des formations").update(name="Circuit des cours")
    tasks, workflows = Task.objects.count(), Workflow.objects.count()

    workflow = setup_training_workflow()

    assert (Task.objects.count(), Workflow.objects.count()) == (tasks, workflows)
    assert workflow.name == "Circuit des cours"
    assert [step.name for step in workflow.tasks] == ["Visa du coordinateur"]
