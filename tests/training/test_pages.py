"""The catalogue, a course, one's training history and the yearly plan, in French and Arabic."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape

from intranet.organisation.models import Arrondissement
from search import indexing
from training import enrolment
from training.models import CoursePage, TrainingIndexPage
from training.schedule import HEADQUARTERS

from .factories import PersonFactory, SessionFactory, course, user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_catalogue_and_every_course_answer_in_both_languages(staff_client, language):
    catalogue = TrainingIndexPage.objects.get(locale__language_code=language)
    response = staff_client.get(catalogue.url)
    assert response.status_code == 200
    courses = CoursePage.objects.child_of(catalogue).live()
    assert courses.count() == 3
    for page in courses:
        assert escape(page.title) in response.content.decode()
        assert staff_client.get(page.url).status_code == 200


def test_the_arabic_course_page_offers_the_same_sessions_as_the_french_one(staff_client):
    french, arabic = course(language="fr"), course(language="ar")
    sessions_fr = staff_client.get(french.url).context["upcoming_sessions"]
    sessions_ar = staff_client.get(arabic.url).context["upcoming_sessions"]
    assert sessions_fr and [s.pk for s in sessions_fr] == [s.pk for s in sessions_ar]


def test_the_demo_has_a_full_session_with_a_waiting_list():
    full = [
        session
        for session in course().sessions().with_counts().upcoming()
        if session.enrolled_count == session.capacity and session.waiting_count
    ]
    assert full


def test_the_demo_records_attendance_of_past_sessions():
    past = course().sessions().filter(ends_at__lt=timezone.now())
    assert past.exists()
    for session in past:
        assert not session.enrolled().filter(attended__isnull=True).exists()


def test_my_training_shows_upcoming_waiting_attended_and_missed(client_for):
    person = user("personnel")
    full = SessionFactory(capacity=1, room="Salle pleine")
    enrolment.enrol(full.pk, PersonFactory())
    enrolment.enrol(full.pk, person)
    history = client_for("personnel").get("/fr/training/mine/").context["history"]
    assert [item.session for item in history.waiting if item.session == full] == [full]
    assert next(item for item in history.waiting if item.session == full).position == 1
    assert history.upcoming  # demo enrolments to come
    assert history.attended and all(item.attended for item in history.attended)
    assert history.missed and all(item.attended is False for item in history.missed)


def test_my_training_is_only_ones_own(client_for):
    response = client_for("accueil").get("/fr/training/mine/")
    history = response.context["history"]
    people = {
        item.person
        for group in (history.upcoming, history.waiting, history.attended, history.missed)
        for item in group
    }
    assert people == {user("accueil")}


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
    al_massira = Arrondissement.objects.get(
        locale__language_code="fr", kind="arrondissement", number=3
    )
    here = SessionFactory(arrondissement=al_massira, room="Ici")
    elsewhere = SessionFactory(room="Au siège")
    year = here.starts_at.year
    response = staff_client.get(f"/fr/training/plan/?year={year}&place={al_massira.pk}")
    listed = [s for _month, sessions in response.context["months"] for s in sessions]
    assert here in listed and elsewhere not in listed
    assert all(s.arrondissement_id == al_massira.pk for s in listed)

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
    page = course()
    document = indexing.document_for(page)
    text = " ".join(" ".join(parts) for parts in document["texts"].values())
    assert "Le registre d'accueil" in text  # a module title
    assert "état civil" in text  # the audience
    assert document["category"]


def test_the_pages_need_signing_in(client):
    for url in ("/fr/training/mine/", "/fr/training/plan/", course().url):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
