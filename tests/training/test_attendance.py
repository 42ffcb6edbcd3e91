"""The trainer prints an attendance sheet, then records who came; nobody else does."""

import io

import pytest
from django.test import Client
from docx import Document

from training import enrolment

from .factories import PersonFactory, SessionFactory, in_arabic, user

pytestmark = pytest.mark.django_db

SHEET = "/{language}/training/sessions/{pk}/attendance-sheet.docx"
ATTENDANCE = "/fr/training/sessions/{pk}/attendance/"


def sheet_text(content):
    document = Document(io.BytesIO(content))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return document, "\n".join(paragraphs + cells)


def test_the_attendance_sheet_opens_in_word_and_lists_the_enrolled(client_for):
    session = SessionFactory(capacity=2)
    first, second, waiting = PersonFactory.create_batch(3)
    for person in (first, second, waiting):
        enrolment.enrol(session.pk, person)

    response = client_for("formateur").get(SHEET.format(language="fr", pk=session.pk))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document, text = sheet_text(response.content)
    assert session.course.title in text
    assert first.get_full_name() in text and second.get_full_name() in text
    assert waiting.get_full_name() not in text  # the waiting list does not sign
    table = document.tables[0]
    assert len(table.rows) == 1 + 2  # heading and one line per enrolled person
    assert len(table.columns) == 4  # number, name, email, signature


def test_the_arabic_attendance_sheet_runs_right_to_left(client_for):
    session = SessionFactory()
    enrolment.enrol(session.pk, PersonFactory())
    response = client_for("formateur").get(SHEET.format(language="ar", pk=session.pk))
    document, text = sheet_text(response.content)
    assert in_arabic(session.course).title in text  # the course's Arabic title
    xml = document.element.xml
    assert "w:bidiVisual" in xml and "w:rtl" in xml


@pytest.mark.parametrize("username", ["personnel", "accueil", "cellule"])
def test_only_the_trainer_and_coordinators_download_the_sheet(client_for, username):
    session = SessionFactory()
    response = client_for(username).get(SHEET.format(language="fr", pk=session.pk))
    assert response.status_code == 403


def record(client, session, presence):
    data = {f"enrolment_{item.pk}": value for item, value in presence.items()}
    return client.post(ATTENDANCE.format(pk=session.pk), data)


def past_session_with(people, trainer="formateur"):
    """A session whose people enrolled while it was still to come."""
    session = SessionFactory(trainer=user(trainer))
    for person in people:
        enrolment.enrol(session.pk, person)
    session.starts_at = session.starts_at.replace(year=session.starts_at.year - 1)
    session.ends_at = session.ends_at.replace(year=session.ends_at.year - 1)
    session.save()
    return session, list(session.enrolled())


@pytest.mark.parametrize("username", ["formateur", "coordination", "admin"])
def test_the_trainer_of_the_session_or_a_coordinator_records_attendance(client_for, username):
    session, (present, absent) = past_session_with(PersonFactory.create_batch(2))
    response = record(client_for(username), session, {present: "present", absent: "absent"})
    assert response.status_code == 302
    present.refresh_from_db()
    absent.refresh_from_db()
    assert (present.attended, absent.attended) == (True, False)


def test_another_trainer_cannot_record_attendance(client_for):
    other_trainer = PersonFactory(role="trainer")
    session, (trainee,) = past_session_with([PersonFactory()])
    client = Client()
    client.force_login(other_trainer)
    assert client.get(ATTENDANCE.format(pk=session.pk)).status_code == 403
    assert record(client, session, {trainee: "present"}).status_code == 403
    trainee.refresh_from_db()
    assert trainee.attended is None


@pytest.mark.parametrize("username", ["personnel", "accueil", "ipecag"])
def test_staff_cannot_record_attendance_even_their_own(client_for, username):
    session, (trainee,) = past_session_with([user(username)])
    assert record(client_for(username), session, {trainee: "present"}).status_code == 403
    trainee.refresh_from_db()
    assert trainee.attended is None


def test_attendance_waits_for_the_session_to_start(client_for):
    session = SessionFactory()
    enrolment.enrol(session.pk, PersonFactory())
    trainee = session.enrolled().get()
    response = record(client_for("formateur"), session, {trainee: "present"})
    assert response.status_code == 200
    trainee.refresh_from_db()
    assert trainee.attended is None


def test_a_person_left_unanswered_keeps_everything_typed_and_says_so(client_for):
    session, (first, second) = past_session_with(PersonFactory.create_batch(2))
    response = record(client_for("formateur"), session, {first: "present"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors and f"enrolment_{second.pk}" in form.errors
    assert form[f"enrolment_{first.pk}"].value() == "present"
    first.refresh_from_db()
    assert first.attended is None  # nothing is half recorded
