"""The audit log: who published, approved, deleted or changed what, in Wagtail's site history."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import ModelLogEntry, PageLogEntry

from intranet.news.models import FeedToken, NewsPage
from tests.news import factories as news
from tests.procedures_manual import factories as procedures
from tests.training.factories import SessionFactory
from training import enrolment
from training.models import Enrolment

pytestmark = pytest.mark.django_db


def user(username):
    return get_user_model().objects.get(username=username)


def a_news_page():
    """A published French news item of the test's own."""
    return news.news("guichet-des-essais", date(news.YEAR, 4, 7), title="Guichet des essais")


def test_publishing_a_page_is_logged_with_the_publisher():
    article = a_news_page()
    article.title = "Guichet des essais (mise à jour)"
    article.save_revision(user=user("communication")).publish(user=user("communication"))
    entry = PageLogEntry.objects.filter(page=article, action="wagtail.publish").latest("timestamp")
    assert entry.user == user("communication")


def test_an_approval_in_the_procedures_circuit_is_logged_with_the_approver():
    procedure = procedures.procedure(code="TS-01")
    procedure.title = "Déclaration d'essai (mise à jour)"
    procedure.save_revision(user=user("cellule"))
    workflow_state = procedure.get_workflow().start(procedure, user("cellule"))
    task_state = workflow_state.current_task_state.specific
    task_state.task.specific.on_action(task_state, user("cellule2"), "approve")
    entry = PageLogEntry.objects.filter(page=procedure, action="wagtail.workflow.approve").latest(
        "timestamp", "pk"
    )
    assert entry.user == user("cellule2")
    assert entry.revision == workflow_state.current_task_state.revision


def test_deleting_a_page_in_the_admin_is_logged_with_who_deleted_it(client_for):
    article = a_news_page()
    response = client_for("admin").post(f"/admin/pages/{article.pk}/delete/")
    assert response.status_code == 302
    assert not NewsPage.objects.filter(pk=article.pk).exists()
    entry = PageLogEntry.objects.get(page_id=article.pk, action="wagtail.delete")
    assert entry.user == user("admin")
    assert entry.label == "Guichet des essais"


def test_renewing_and_revoking_a_feed_address_are_logged_with_the_owner(client_for):
    client = client_for("personnel")
    client.post("/fr/news/feed-address/", {"action": "renew"})
    client.post("/fr/news/feed-address/", {"action": "renew"})
    client.post("/fr/news/feed-address/", {"action": "revoke"})
    assert not FeedToken.objects.filter(user=user("personnel")).exists()
    actions = list(
        ModelLogEntry.objects.filter(action__startswith="intranet.feed_token")
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert actions == [
        ("intranet.feed_token.create", "personnel"),
        ("intranet.feed_token.renew", "personnel"),
        ("intranet.feed_token.revoke", "personnel"),
    ]


def test_enrolling_through_the_course_page_is_logged_with_the_person(client_for):
    session = SessionFactory(capacity=5)
    response = client_for("personnel").post(f"/fr/training/sessions/{session.pk}/enrol/")
    assert response.status_code == 302
    enrolled = Enrolment.objects.get(session=session, person=user("personnel"))
    entry = ModelLogEntry.objects.get(action="intranet.training.enrol", object_id=str(enrolled.pk))
    assert entry.user == user("personnel")
    assert entry.data == {"person": "personnel"}


def test_changes_made_by_no_one_in_particular_are_not_logged():
    session = SessionFactory(capacity=5)
    enrolment.enrol(session.pk, user("personnel"))  # a command or the demo: no user acts
    assert not ModelLogEntry.objects.filter(action__startswith="intranet.training").exists()


def test_the_intranet_actions_have_readable_labels_in_the_site_history(client_for):
    client = client_for("personnel")
    client.post("/fr/news/feed-address/", {"action": "renew"})
    response = client_for("admin").get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert "Adresse personnelle de flux créée" in response.content.decode()


def test_applying_the_roles_is_logged_once_per_role():
    call_command("setup_roles", stdout=open("/dev/null", "w"))
    entries = ModelLogEntry.objects.filter(action="intranet.roles.apply")
    assert entries.count() >= 8
