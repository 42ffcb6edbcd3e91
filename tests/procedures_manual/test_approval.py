"""Draft, second cell review, legal approval, and only then live — whatever the path."""

from datetime import date, timedelta
from html import unescape

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from intranet.news.models import NewsPage
from procedures_manual.approval import LEGAL_APPROVAL_TASK
from procedures_manual.models import ProcedurePage
from tests.news.factories import news as news_page
from tests.procedures_manual.factories import procedure as live_procedure
from tests.procedures_manual.factories import user

pytestmark = pytest.mark.django_db

TITLE = "Déclaration d'essai"


def birth_declaration():
    """A live procedure, approved through the circuit, titled ``TITLE``."""
    return live_procedure(code="TS-01", french={"title": TITLE}, translate=False)


def a_news_page():
    return news_page("horaires-de-test", date(2026, 6, 1))


def draft_change(procedure, author="cellule", title=f"{TITLE} (mise à jour)"):
    procedure.title = title
    return procedure.save_revision(user=user(author))


def act(workflow_state, username, action="approve", **kwargs):
    workflow_state.refresh_from_db()
    task_state = workflow_state.current_task_state.specific
    task_state.task.specific.on_action(task_state, user(username), action, **kwargs)


def live_title(procedure):
    return ProcedurePage.objects.get(pk=procedure.pk).title


def test_a_change_goes_live_after_a_second_cell_member_and_the_legal_advisor_approve():
    procedure = birth_declaration()
    draft_change(procedure)
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))

    act(workflow_state, "cellule2")
    assert live_title(procedure) == TITLE  # still waiting for the lawyer

    act(workflow_state, "juriste")
    assert live_title(procedure) == f"{TITLE} (mise à jour)"
    approval = ProcedurePage.objects.get(pk=procedure.pk).last_legal_approval()
    assert approval.finished_by.username == "juriste"


def test_the_author_cannot_review_their_own_change():
    procedure = birth_declaration()
    draft_change(procedure, author="cellule")
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))
    with pytest.raises(PermissionDenied):
        act(workflow_state, "cellule")
    assert (
        not TaskState.objects.reviewable_by(user("cellule"))
        .filter(workflow_state=workflow_state)
        .exists()
    )
    assert (
        TaskState.objects.reviewable_by(user("cellule2"))
        .filter(workflow_state=workflow_state)
        .exists()
    )


@pytest.mark.parametrize(
    "username", ["personnel", "accueil", "communication", "formateur", "juriste"]
)
def test_nobody_outside_the_cell_can_pass_the_cell_review(username):
    procedure = birth_declaration()
    draft_change(procedure)
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))
    with pytest.raises(PermissionDenied):
        act(workflow_state, username)


@pytest.mark.parametrize("username", ["cellule2", "communication", "personnel"])
def test_only_a_legal_advisor_gives_the_legal_approval(username):
    procedure = birth_declaration()
    draft_change(procedure)
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))
    act(workflow_state, "cellule2")
    with pytest.raises(PermissionDenied):
        act(workflow_state, username)
    assert live_title(procedure) == TITLE


def test_a_rejection_with_a_comment_goes_back_to_the_author():
    procedure = birth_declaration()
    draft_change(procedure)
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))
    act(workflow_state, "cellule2")
    act(
        workflow_state,
        "juriste",
        action="reject",
        comment="L'article 15 fixe trente jours, pas quinze.",
    )

    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejection = TaskState.objects.get(workflow_state=workflow_state, task__name=LEGAL_APPROVAL_TASK)
    assert rejection.get_comment() == "L'article 15 fixe trente jours, pas quinze."
    assert live_title(procedure) == TITLE
    assert any(user("cellule").email in message.to for message in mail.outbox)


def test_the_reviewers_are_told_by_email_when_a_change_waits_for_them():
    procedure = birth_declaration()
    draft_change(procedure)
    mail.outbox.clear()
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))
    assert any(user("cellule2").email in message.to for message in mail.outbox)
    mail.outbox.clear()
    act(workflow_state, "cellule2")
    assert any(user("juriste").email in message.to for message in mail.outbox)


@pytest.mark.parametrize("username", ["admin", "juriste", "cellule"])
def test_publishing_a_revision_directly_is_refused_even_to_those_who_may_publish(username):
    procedure = birth_declaration()
    revision = draft_change(procedure)
    with pytest.raises(PermissionDenied):
        revision.publish(user=user(username))
    assert live_title(procedure) == TITLE


def test_publishing_without_any_user_is_refused_too():
    procedure = birth_declaration()
    revision = draft_change(procedure)
    with pytest.raises(PermissionDenied):
        revision.publish(skip_permission_checks=True)


def test_scheduling_an_unapproved_revision_is_refused_when_it_is_asked_for():
    procedure = birth_declaration()
    revision = draft_change(procedure)
    revision.approved_go_live_at = timezone.now() + timedelta(days=1)
    with pytest.raises(PermissionDenied):
        revision.save()
    assert not Revision.objects.filter(pk=revision.pk, approved_go_live_at__isnull=False)


def test_an_approved_revision_may_wait_to_go_live():
    procedure = birth_declaration()
    procedure.go_live_at = timezone.now() + timedelta(days=1)
    draft_change(procedure)
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))
    act(workflow_state, "cellule2")
    act(workflow_state, "juriste")
    scheduled = Revision.objects.get(pk=procedure.latest_revision_id)
    assert scheduled.approved_go_live_at is not None
    assert live_title(procedure) == TITLE  # not before its day


def test_one_unapproved_scheduled_revision_never_stops_the_others():
    """A revision scheduled before the guard (or written straight into the table)."""
    procedure = birth_declaration()
    unapproved = draft_change(procedure)
    Revision.objects.filter(pk=unapproved.pk).update(
        approved_go_live_at=timezone.now() - timedelta(minutes=2)
    )
    news = a_news_page()
    news.title = "Horaires d'été de l'accueil"
    news_revision = news.save_revision(user=user("communication"))
    Revision.objects.filter(pk=news_revision.pk).update(
        approved_go_live_at=timezone.now() - timedelta(minutes=1)
    )
    call_command("publish_scheduled", stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))
    assert live_title(procedure) == TITLE
    assert NewsPage.objects.get(pk=news.pk).title == "Horaires d'été de l'accueil"
    assert Revision.objects.get(pk=unapproved.pk).approved_go_live_at is None


def test_the_admin_publish_button_cannot_skip_the_circuit(client_for):
    procedure = birth_declaration()
    data = nested_form_data(
        {
            "title": "Publiée sans approbation",
            "slug": procedure.slug,
            "code": procedure.code,
            "category": procedure.category,
            "summary": procedure.summary,
            "audience": procedure.audience,
            "conditions": rich_text(""),
            "documents": inline_formset([]),
            "steps": streamfield([]),
            "service": procedure.service_id,
            "outcome": procedure.outcome,
            "forms": streamfield([]),
            "questions": streamfield([]),
            "legal_references": inline_formset([]),
            "review_interval_months": 12,
            "change_significance": "minor",
            "comments": inline_formset([]),
        }
    )
    response = client_for("admin").post(
        f"/admin/pages/{procedure.pk}/edit/", {**data, "action-publish": "action-publish"}
    )
    # The form was valid and its draft saved; publishing it was refused.
    assert response["Location"] == "/admin/"
    assert procedure.revisions.latest("created_at").content["title"] == "Publiée sans approbation"
    assert live_title(procedure) == TITLE


def test_the_bulk_publish_action_cannot_skip_the_circuit(client_for):
    client = client_for("admin")
    news = a_news_page()
    news.title = "Publiée en masse"
    news.save_revision(user=user("admin"))
    procedure = birth_declaration()
    draft_change(procedure, title="Publiée en masse")

    for page in (news, procedure):
        client.post(
            f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}", {"include_descendants": "False"}
        )
    assert NewsPage.objects.get(pk=news.pk).title == "Publiée en masse"  # the action works...
    assert live_title(procedure) == TITLE  # ...but not for a procedure


def test_the_admin_api_publish_action_cannot_skip_the_circuit(client_for):
    client = client_for("admin")
    news = a_news_page()
    news.title = "Publiée par l'API"
    news.save_revision(user=user("admin"))
    procedure = birth_declaration()
    draft_change(procedure, title="Publiée par l'API")

    news_response = client.post(f"/admin/api/main/pages/{news.pk}/action/publish/")
    procedure_response = client.post(f"/admin/api/main/pages/{procedure.pk}/action/publish/")
    assert news_response.status_code == 200  # the action works...
    assert procedure_response.status_code == 403  # ...but not for a procedure
    assert live_title(procedure) == TITLE


def test_a_copy_of_a_live_procedure_starts_as_a_draft():
    procedure = birth_declaration()
    copy = procedure.copy(
        update_attrs={"slug": "copie-declaration", "title": "Copie"},
        keep_live=True,
        user=user("admin"),
    )
    assert not copy.live


def test_a_copy_gets_a_code_of_its_own_and_the_original_is_still_approved():
    procedure = birth_declaration()
    copies = [
        procedure.copy(update_attrs={"slug": f"copie-{n}", "title": "Copie"}, user=user("admin"))
        for n in (1, 2)
    ]
    assert [copy.code for copy in copies] == ["TS-01-2", "TS-01-3"]
    assert copies[0].get_latest_revision_as_object().code == "TS-01-2"
    draft_change(procedure)
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))
    act(workflow_state, "cellule2")
    act(workflow_state, "juriste")  # before: "another procedure already uses this code"
    assert live_title(procedure) == f"{TITLE} (mise à jour)"


def test_a_translation_keeps_the_code_of_the_page_it_translates():
    from wagtail.models import Locale

    procedure = live_procedure(code="TS-07", translate=False)
    translation = procedure.copy_for_translation(Locale.objects.get(language_code="ar"))
    assert translation.code == "TS-07"


def test_cell_members_edit_procedures_but_cannot_publish_them():
    procedure = birth_declaration()
    permissions = procedure.permissions_for_user(user("cellule"))
    assert permissions.can_edit()
    assert not permissions.can_publish()


@pytest.mark.parametrize(
    "username", ["personnel", "accueil", "communication", "formateur", "ipecag", "juriste"]
)
def test_nobody_outside_the_cell_edits_procedures(username):
    assert not birth_declaration().permissions_for_user(user(username)).can_edit()


def test_each_published_version_shows_who_approved_it_and_when(staff_client):
    html = unescape(staff_client.get(birth_declaration().url).content.decode())
    assert f"Approuvé par {user('juriste').get_full_name()} le" in html


def test_the_history_shows_the_differences_between_versions(client_for):
    procedure = birth_declaration()
    revisions = list(procedure.revisions.order_by("created_at"))
    draft_change(procedure)
    newest = procedure.revisions.order_by("-created_at").first()
    response = client_for("cellule").get(
        f"/admin/pages/{procedure.pk}/revisions/compare/{revisions[-1].pk}...{newest.pk}/"
    )
    assert response.status_code == 200
    assert "mise à jour" in unescape(response.content.decode())
