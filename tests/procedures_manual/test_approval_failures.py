"""An approval that cannot go live says why to the approver, and leaves nothing half-done.

Between submission and the legal approval, the world may move: another procedure
takes the code the change gives itself, a sibling takes its address, an old
revision lacks a field the page now requires. The approval then fails as a whole
(no approval recorded, nothing published), the task waits for a decision, and
the approver reads why, never a server error.
"""

from html import unescape

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Revision, TaskState, WorkflowState

from procedures_manual.approval import ApprovalImpossible
from procedures_manual.models import ProcedurePage
from tests.procedures_manual.factories import procedure as live_procedure
from tests.procedures_manual.factories import user

pytestmark = pytest.mark.django_db

TITLE = "Déclaration d'essai"


def birth_declaration():
    return live_procedure(code="TS-01", french={"title": TITLE}, translate=False)


def submitted_and_reviewed(procedure, **changes):
    """A change submitted by the cell, reviewed by its second member: the lawyer's turn."""
    for field, value in changes.items():
        setattr(procedure, field, value)
    procedure.save_revision(user=user("cellule"))
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))
    task_state = workflow_state.current_task_state.specific
    task_state.task.specific.on_action(task_state, user("cellule2"), "approve")
    workflow_state.refresh_from_db()
    return workflow_state


def another_procedure():
    return live_procedure(code="TS-02", french={"title": "Autre essai"}, translate=False)


def assert_still_waiting(workflow_state, procedure, live_title=TITLE):
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert workflow_state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not TaskState.objects.filter(
        workflow_state=workflow_state,
        status=TaskState.STATUS_APPROVED,
        finished_by__username="juriste",
    ).exists()
    live = ProcedurePage.objects.get(pk=procedure.pk)
    assert live.title == live_title
    assert live.live_revision_id != live.latest_revision_id


def test_approving_a_code_taken_since_submission_says_why_in_the_admin(client_for):
    procedure = birth_declaration()
    workflow_state = submitted_and_reviewed(
        procedure, title=f"{TITLE} (nouveau code)", code="TS-77"
    )
    ProcedurePage.objects.filter(pk=another_procedure().pk).update(code="TS-77")
    task_state = workflow_state.current_task_state

    response = client_for("juriste").post(
        f"/admin/pages/workflow/action/{procedure.pk}/approve/{task_state.pk}/",
        {"comment": "Conforme au décret."},
    )

    assert response.status_code == 302  # before: a server error
    told = unescape(" ".join(str(message) for message in get_messages(response.wsgi_request)))
    with translation.override("fr"):  # the lawyer's admin speaks French
        taken = translation.gettext("Another procedure already uses this code.")
        assert str(ApprovalImpossible.because(ValidationError(taken))) in told
    assert_still_waiting(workflow_state, procedure)


def test_approving_in_the_modal_answers_with_the_message_too(client_for):
    procedure = birth_declaration()
    workflow_state = submitted_and_reviewed(procedure, code="TS-77")
    ProcedurePage.objects.filter(pk=another_procedure().pk).update(code="TS-77")

    response = client_for("juriste").post(
        f"/admin/pages/workflow/action/{procedure.pk}/approve/"
        f"{workflow_state.current_task_state.pk}/",
        {"comment": ""},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 200
    assert response.json()["step"] == "success"  # the modal closes on the page, with the message
    told = unescape(" ".join(str(message) for message in get_messages(response.wsgi_request)))
    with translation.override("fr"):
        assert translation.gettext("Another procedure already uses this code.") in told
    assert_still_waiting(workflow_state, procedure)


def test_an_address_taken_by_a_sibling_since_submission_stops_the_approval():
    procedure = birth_declaration()
    workflow_state = submitted_and_reviewed(
        procedure, title=f"{TITLE} (nouvelle adresse)", slug="essai"
    )
    ProcedurePage.objects.filter(pk=another_procedure().pk).update(slug="essai")
    task_state = workflow_state.current_task_state.specific

    with pytest.raises(ApprovalImpossible, match="rien n'a été publié"):
        task_state.task.specific.on_action(task_state, user("juriste"), "approve")

    assert_still_waiting(workflow_state, procedure)


def test_an_old_revision_missing_a_required_field_stops_the_approval():
    procedure = birth_declaration()
    workflow_state = submitted_and_reviewed(procedure, title=f"{TITLE} (ancienne)")
    revision = Revision.objects.get(pk=workflow_state.current_task_state.revision_id)
    content = {**revision.content, "title": ""}
    Revision.objects.filter(pk=revision.pk).update(content=content)
    task_state = workflow_state.current_task_state.specific

    with pytest.raises(ApprovalImpossible):
        task_state.task.specific.on_action(task_state, user("juriste"), "approve")

    assert_still_waiting(workflow_state, procedure)
