"""Staff enrol themselves in one click; a full session keeps a waiting list, served in order."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.demo import DEMO_PASSWORD
from training import enrolment
from training.enrolment import EnrolmentRefused
from training.models import Enrolment
from training.models.sessions import TrainingSessionQuerySet

from .factories import PersonFactory, SessionFactory, user

pytestmark = pytest.mark.django_db


def status_of(session, person):
    found = Enrolment.objects.filter(session=session, person=person).first()
    return found.status if found else None


def test_people_beyond_the_capacity_go_on_the_waiting_list_in_order():
    session = SessionFactory(capacity=2)
    first, second, third, fourth = PersonFactory.create_batch(4)
    for person in (first, second, third, fourth):
        enrolment.enrol(session.pk, person)

    assert [status_of(session, p) for p in (first, second, third, fourth)] == [
        "enrolled",
        "enrolled",
        "waiting",
        "waiting",
    ]
    assert Enrolment.objects.get(session=session, person=third).position == 1
    assert Enrolment.objects.get(session=session, person=fourth).position == 2
    session.refresh_from_db()
    assert session.places_left == 0


def test_a_cancellation_promotes_the_first_person_waiting_and_emails_them(
    django_capture_on_commit_callbacks,
):
    session = SessionFactory(capacity=1)
    holder, first_waiting, second_waiting = PersonFactory.create_batch(3)
    for person in (holder, first_waiting, second_waiting):
        enrolment.enrol(session.pk, person)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        enrolment.cancel(session.pk, holder)

    assert status_of(session, holder) is None
    assert status_of(session, first_waiting) == "enrolled"
    assert status_of(session, second_waiting) == "waiting"
    assert Enrolment.objects.get(session=session, person=second_waiting).position == 1
    assert [message.to for message in mail.outbox] == [[first_waiting.email]]
    assert session.course.title in mail.outbox[0].subject
    assert "Salle de formation" in mail.outbox[0].body


def test_leaving_the_waiting_list_promotes_nobody(django_capture_on_commit_callbacks):
    session = SessionFactory(capacity=1)
    holder, waiting = PersonFactory.create_batch(2)
    enrolment.enrol(session.pk, holder)
    enrolment.enrol(session.pk, waiting)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment.cancel(session.pk, waiting)
    assert status_of(session, holder) == "enrolled"
    assert mail.outbox == []


def test_enrolling_twice_is_refused():
    session = SessionFactory(capacity=5)
    person = PersonFactory()
    enrolment.enrol(session.pk, person)
    with translation.override("en"), pytest.raises(EnrolmentRefused, match="already enrolled"):
        enrolment.enrol(session.pk, person)
    assert Enrolment.objects.filter(session=session, person=person).count() == 1


def test_enrolling_again_from_the_waiting_list_is_refused():
    session = SessionFactory(capacity=1)
    enrolment.enrol(session.pk, PersonFactory())
    person = PersonFactory()
    enrolment.enrol(session.pk, person)
    with translation.override("en"), pytest.raises(EnrolmentRefused, match="waiting list"):
        enrolment.enrol(session.pk, person)


@pytest.mark.parametrize(
    "starts_in", [timedelta(days=-3), timedelta(minutes=-5)], ids=["past", "started"]
)
def test_nobody_enrols_in_a_past_or_started_session(starts_in):
    session = SessionFactory(starts_at=timezone.now() + starts_in)
    with translation.override("en"), pytest.raises(EnrolmentRefused, match="already started"):
        enrolment.enrol(session.pk, PersonFactory())
    assert not session.enrolments.exists()


def test_enrolment_locks_the_session_row_before_counting_places():
    session = SessionFactory()
    original = TrainingSessionQuerySet.select_for_update
    with mock.patch.object(
        TrainingSessionQuerySet, "select_for_update", autospec=True, side_effect=original
    ) as lock:
        enrolment.enrol(session.pk, PersonFactory())
    assert lock.called


def test_raising_the_capacity_moves_the_waiting_list_up():
    session = SessionFactory(capacity=1)
    holder, waiting = PersonFactory.create_batch(2)
    enrolment.enrol(session.pk, holder)
    enrolment.enrol(session.pk, waiting)
    session.capacity = 2
    session.save()
    enrolment.places_changed(session.pk)
    assert status_of(session, waiting) == "enrolled"


# Through the course page


def french(text):
    with translation.override("fr"):
        return gettext(text)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def signed_in(username, csrf=False):
    client = Client(enforce_csrf_checks=csrf)
    assert client.login(username=username, password=DEMO_PASSWORD)
    return client


def test_one_click_on_the_course_page_enrols_the_reader(client_for):
    session = SessionFactory(capacity=3)
    client = client_for("accueil")
    page = client.get(session.course.url)
    assert f"/fr/training/sessions/{session.pk}/enrol/" in page.content.decode()

    response = client.post(f"/fr/training/sessions/{session.pk}/enrol/", follow=True)
    assert status_of(session, user("accueil")) == "enrolled"
    assert french("You are enrolled. See you at the session!") in messages_of(response)
    assert f"/fr/training/sessions/{session.pk}/cancel/" in response.content.decode()


def test_the_course_page_shows_the_position_on_the_waiting_list(client_for):
    session = SessionFactory(capacity=1)
    enrolment.enrol(session.pk, PersonFactory())
    enrolment.enrol(session.pk, PersonFactory())
    client = client_for("accueil")
    client.post(f"/fr/training/sessions/{session.pk}/enrol/")
    assert Enrolment.objects.get(session=session, person=user("accueil")).position == 2
    response = client.get(session.course.url)
    assert response.context["upcoming_sessions"]
    mine = next(s for s in response.context["upcoming_sessions"] if s.pk == session.pk)
    assert mine.my_enrolment.position == 2


def test_enrolling_without_the_csrf_token_is_refused():
    session = SessionFactory()
    response = signed_in("accueil", csrf=True).post(f"/fr/training/sessions/{session.pk}/enrol/")
    assert response.status_code == 403
    assert not session.enrolments.exists()


def test_enrolment_is_a_post_only(client_for):
    session = SessionFactory()
    response = client_for("accueil").get(f"/fr/training/sessions/{session.pk}/enrol/")
    assert response.status_code == 405
    assert not session.enrolments.exists()


def test_staff_cannot_enrol_someone_else(client_for):
    session = SessionFactory()
    other = PersonFactory()
    client_for("personnel").post(
        f"/fr/training/sessions/{session.pk}/enrol/", {"person": other.pk, "user": other.pk}
    )
    assert status_of(session, other) is None
    assert status_of(session, user("personnel")) == "enrolled"


def test_staff_cannot_cancel_someone_else(client_for):
    session = SessionFactory()
    other = PersonFactory()
    enrolment.enrol(session.pk, other)
    client_for("personnel").post(
        f"/fr/training/sessions/{session.pk}/cancel/", {"person": other.pk}
    )
    assert status_of(session, other) == "enrolled"


def test_a_refused_enrolment_says_why(client_for):
    session = SessionFactory(past=True)
    response = client_for("accueil").post(f"/fr/training/sessions/{session.pk}/enrol/", follow=True)
    assert messages_of(response) == [
        french("This session has already started: enrolment is closed.")
    ]
    assert not session.enrolments.exists()


def test_cancelling_from_the_course_page_frees_the_place(client_for):
    session = SessionFactory(capacity=1)
    client = client_for("accueil")
    client.post(f"/fr/training/sessions/{session.pk}/enrol/")
    waiting = PersonFactory()
    enrolment.enrol(session.pk, waiting)
    client.post(f"/fr/training/sessions/{session.pk}/cancel/")
    assert status_of(session, user("accueil")) is None
    assert status_of(session, waiting) == "enrolled"
