"""A coordinator and a trainer change the same session, or tick the same attendance list,
at the same time: neither silently undoes the other.

A value only one of them changed is kept whoever saves last; a value both changed
differently is refused to the second, with the first one's value shown and the
second one's input kept.
"""

from html import unescape

import pytest
from django.contrib.auth import get_user_model

from tests.permissions.test_matrix import form_data
from training import enrolment

from .factories import PersonFactory, SessionFactory, user

pytestmark = pytest.mark.django_db

EDIT = "/admin/training_sessions/edit/{pk}/"
ATTENDANCE = "/fr/training/sessions/{pk}/attendance/"


def open_form(client, url):
    """GIVEN someone opens the form: what their browser will post if they save."""
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response.context["form"])


def test_the_session_form_carries_what_it_showed(client_for):
    session = SessionFactory(trainer=user("formateur"))
    html = client_for("formateur").get(EDIT.format(pk=session.pk)).content.decode()
    assert 'type="hidden" name="shown_values"' in html


def full_name(username):
    return get_user_model().objects.get(username=username).get_full_name()


# --- The session itself, in the admin ------------------------------------------------------


def test_two_people_changing_different_things_of_a_session_both_keep_their_change(client_for):
    session = SessionFactory(trainer=user("formateur"), capacity=10, room="Salle 1")
    url = EDIT.format(pk=session.pk)
    coordinator, trainer = client_for("coordination"), client_for("formateur")
    seen_by_coordinator, seen_by_trainer = open_form(coordinator, url), open_form(trainer, url)

    # WHEN the coordinator moves the session, then the trainer raises its capacity
    assert coordinator.post(url, {**seen_by_coordinator, "room": "Salle 2"}).status_code == 302
    assert trainer.post(url, {**seen_by_trainer, "capacity": "12"}).status_code == 302

    # THEN the trainer's form, opened in "Salle 1", did not move the session back
    session.refresh_from_db()
    assert (session.room, session.capacity) == ("Salle 2", 12)


def test_the_same_field_changed_by_both_is_refused_to_the_second(client_for):
    session = SessionFactory(trainer=user("formateur"), capacity=10, room="Salle 1")
    url = EDIT.format(pk=session.pk)
    coordinator, trainer = client_for("coordination"), client_for("formateur")
    seen_by_coordinator, seen_by_trainer = open_form(coordinator, url), open_form(trainer, url)
    coordinator.post(url, {**seen_by_coordinator, "room": "Salle 2"})

    response = trainer.post(url, {**seen_by_trainer, "room": "Salle 3", "capacity": "12"})

    assert response.status_code == 200  # the form again, with the refusal
    session.refresh_from_db()
    assert (session.room, session.capacity) == ("Salle 2", 10)  # nothing of it saved
    form = response.context["form"]
    assert form["room"].value() == "Salle 3" and form["capacity"].value() == "12"
    html = unescape(response.content.decode())
    assert "Salle 2" in " ".join(form.errors["room"])
    assert full_name("coordination") in html

    # Saving again, once the difference is seen, is a deliberate choice.
    assert trainer.post(url, form_data(form)).status_code == 302
    session.refresh_from_db()
    assert (session.room, session.capacity) == ("Salle 3", 12)


# --- Attendance, on the intranet -----------------------------------------------------------


def past_session(count=2, everyone_came=False):
    session = SessionFactory(trainer=user("formateur"), capacity=count)
    for person in PersonFactory.create_batch(count):
        enrolment.enrol(session.pk, person)
    session.starts_at = session.starts_at.replace(year=session.starts_at.year - 1)
    session.ends_at = session.ends_at.replace(year=session.ends_at.year - 1)
    session.save()
    people = list(session.enrolled())
    if everyone_came:
        enrolment.record_attendance(session.pk, {item.pk: True for item in people})
    return session, people


def test_attendance_ticked_by_two_people_keeps_both_ticks(client_for):
    session, (first, second) = past_session(everyone_came=True)
    url = ATTENDANCE.format(pk=session.pk)
    coordinator, trainer = client_for("coordination"), client_for("formateur")
    seen_by_coordinator, seen_by_trainer = open_form(coordinator, url), open_form(trainer, url)

    response = coordinator.post(url, {**seen_by_coordinator, f"enrolment_{first.pk}": "absent"})
    assert response.status_code == 302
    response = trainer.post(url, {**seen_by_trainer, f"enrolment_{second.pk}": "absent"})
    assert response.status_code == 302

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.attended, second.attended) == (False, False)


def test_one_person_ticked_differently_by_both_is_refused_to_the_second(client_for):
    session, (first, second) = past_session()
    url = ATTENDANCE.format(pk=session.pk)
    coordinator, trainer = client_for("coordination"), client_for("formateur")
    assert 'name="shown_values"' in trainer.get(url).content.decode()  # the page carries it
    seen_by_coordinator, seen_by_trainer = open_form(coordinator, url), open_form(trainer, url)
    coordinator.post(
        url,
        {
            **seen_by_coordinator,
            f"enrolment_{first.pk}": "absent",
            f"enrolment_{second.pk}": "present",
        },
    )

    response = trainer.post(
        url,
        {
            **seen_by_trainer,
            f"enrolment_{first.pk}": "present",
            f"enrolment_{second.pk}": "present",
        },
    )

    assert response.status_code == 200
    first.refresh_from_db()
    assert first.attended is False
    form = response.context["form"]
    assert form[f"enrolment_{first.pk}"].value() == "present"  # the trainer's tick, kept
    assert "Absent" in " ".join(form.errors[f"enrolment_{first.pk}"])
    # The refusal says what happened, not "say for each person whether they came".
    assert "Indiquez pour chaque personne" not in unescape(response.content.decode())
