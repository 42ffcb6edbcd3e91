"""The catalogue, a course, one's training history and the yearly plan, in French and Arabic."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from search import indexing
from tests.organisation.factories import arrondissement
from training import enrolment
from training.models import CoursePage, TrainingIndexPage
from training.schedule import HEADQUARTERS

from .factories import (
    PersonFactory,
    SessionFactory,
    course,
    demo_course,
    in_arabic,
    module,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_catalogue_and_every_course_answer_in_both_languages(staff_client, language):
    built = course(title="Cours du catalogue", arabic_title="درس الفهرس")
    catalogue = TrainingIndexPage.objects.get(locale__language_code=language)
    response = staff_client.get(catalogue.url)
    assert response.status_code == 200
    courses = CoursePage.objects.child_of(catalogue).live()
    assert (built if language == "fr" else in_arabic(built)) in courses
    for page in courses:
        assert escape(page.title) in response.content.decode()
        assert staff_client.get(page.url).status_code == 200


def test_the_arabic_course_page_offers_the_same_sessions_as_the_french_one(staff_client):
    french = course()
    soon = SessionFactory(course=french, starts_at=timezone.now() + timedelta(days=2))
    later = SessionFactory(course=french, starts_at=timezone.now() + timedelta(days=9))
    sessions_fr = staff_client.get(french.url).context["upcoming_sessions"]
    sessions_ar = staff_client.get(in_arabic(french).url).context["upcoming_sessions"]
    assert [s.pk for s in sessions_fr] == [soon.pk, later.pk]
    assert [s.pk for s in sessions_ar] == [soon.pk, later.pk]


def test_the_demo_has_a_full_session_with_a_waiting_list():
    """A check of the demo commune: its reception course shows a waiting list."""
    full = [
        session
        for session in demo_course().sessions().with_counts().upcoming()
        if session.enrolled_count == session.capacity and session.waiting_count
    ]
    assert full


def test_the_demo_records_attendance_of_past_sessions():
    """A check of the demo commune: its past sessions have their attendance recorded."""
    past = demo_course().sessions().filter(ends_at__lt=timezone.now())
    assert past.exists()
    for session in past:
        assert not session.enrolled().filter(attended__isnull=True).exists()


def past_session_attended_by(person, came):
    """A session ``person`` enrolled in while it was to come, then attended or missed."""
    session = SessionFactory()
    enrolment.enrol(session.pk, person)
    session.starts_at = session.starts_at.replace(year=session.starts_at.year - 1)
    session.ends_at = session.ends_at.replace(year=session.ends_at.year - 1)
    session.save()
    enrolment.record_attendance(session.pk, {item.pk: came for item in session.enrolled()})
    return session


def history_of(person):
    client = Client()
    client.force_login(person)
    return client.get("/fr/training/mine/").context["history"]


def test_my_training_shows_upcoming_waiting_attended_and_missed():
    person = PersonFactory()
    upcoming = SessionFactory(room="Salle à venir")
    enrolment.enrol(upcoming.pk, person)
    full = SessionFactory(capacity=1, room="Salle pleine")
    enrolment.enrol(full.pk, PersonFactory())
    enrolment.enrol(full.pk, person)
    attended = past_session_attended_by(person, came=True)
    missed = past_session_attended_by(person, came=False)

    history = history_of(person)

    assert [item.session for item in history.upcoming] == [upcoming]
    assert [(item.session, item.position) for item in history.waiting] == [(full, 1)]
    assert [item.session for item in history.attended] == [attended]
    assert [item.session for item in history.missed] == [missed]


def test_my_training_is_only_ones_own():
    me, colleague = PersonFactory.create_batch(2)
    shared, theirs = SessionFactory(capacity=5), SessionFactory(capacity=5)
    for session, people in ((shared, (me, colleague)), (theirs, (colleague,))):
        for person in people:
            enrolment.enrol(session.pk, person)
    history = history_of(me)
    items = [
        item
        for group in (history.upcoming, history.waiting, history.attended, history.missed)
        for item in group
    ]
    assert {item.person for item in items} == {me}
    assert [item.session for item in items] == [shared]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_yearly_plan_lists_the_sessions_of_the_year_by_month(staff_client, language):
    year = timezone.localdate().year
    session = SessionFactory(starts_at=timezone.now() + timedelta(days=1), room="Salle du plan")
    response = staff_client.get(f"/{language}/training/plan/?year={session.starts_at.year}")
    assert response.status_code == 200
    months = response.context["months"]
    assert all(month.year == session.starts_at.year for month, _sessions in months)
    assert any(session in sessions for _month, sessions in months)
    assert "Salle du plan" in response.content.decode()
    assert response.context["year"] in (year, year + 1)


def test_the_plan_filters_by_arrondissement(staff_client):
    place = arrondissement()
    here = SessionFactory(arrondissement=place, room="Ici")
    elsewhere = SessionFactory(room="Au siège")
    year = here.starts_at.year
    response = staff_client.get(f"/fr/training/plan/?year={year}&place={place.pk}")
    listed = [s for _month, sessions in response.context["months"] for s in sessions]
    assert here in listed and elsewhere not in listed
    assert all(s.arrondissement_id == place.pk for s in listed)

    response = staff_client.get(f"/fr/training/plan/?year={year}&place={HEADQUARTERS}")
    listed = [s for _month, sessions in response.context["months"] for s in sessions]
    assert elsewhere in listed and here not in listed


@pytest.mark.parametrize("query", ["year=deux-mille", "year=1200", "place=999999"])
def test_the_plan_ignores_a_bad_year_or_place(staff_client, query):
    response = staff_client.get(f"/fr/training/plan/?{query}")
    assert response.status_code == 200
    assert response.context["year"] == timezone.localdate().year
    assert response.context["place"] == ""


def test_courses_are_found_by_their_modules_and_audience():
    page = course(
        modules=[module("Le registre des essais")],
        audience="Agents des bureaux de légalisation.",
    )
    document = indexing.document_for(page)
    text = " ".join(" ".join(parts) for parts in document["texts"].values())
    assert "Le registre des essais" in text  # a module title
    assert "bureaux de légalisation" in text  # the audience
    assert document["category"]


def test_the_pages_need_signing_in(client):
    for url in ("/fr/training/mine/", "/fr/training/plan/", course().url):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
