"""A request goes from the office to a service and back with an answer, each step
dated, by the people whose step it is."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from intranet.requests_office import handling
from intranet.requests_office.models import CitizenRequest, RequestEvent

from .factories import complaint, days_ago, office_agent, service_with_staff, signed_in

pytestmark = pytest.mark.django_db

Status = CitizenRequest.Status


@pytest.fixture
def office():
    return office_agent()


@pytest.fixture
def roads():
    return service_with_staff()


def test_a_request_gets_its_reference_tracking_code_and_deadlines_at_once():
    request = complaint(received_on=days_ago(2))
    assert re.fullmatch(rf"REC-{days_ago(2):%Y}-\d{{6}}", request.reference)
    assert re.fullmatch(f"[{handling.TRACKING_ALPHABET}]{{8}}", request.tracking_code)
    assert request.answer_due == days_ago(2) + timedelta(days=60)
    assert request.acknowledged_on == timezone.localdate()  # the desk hands the receipt
    assert [event.kind for event in request.events.all()] == ["received", "acknowledged"]


def test_a_letter_waits_for_its_acknowledgment_within_the_offices_delay(settings):
    settings.REQUESTS_ACKNOWLEDGMENT_DAYS = 5
    request = complaint(channel="letter", received_on=days_ago(1))
    assert request.acknowledged_on is None
    assert request.acknowledgment_due == days_ago(1) + timedelta(days=5)


def test_the_deadline_is_a_setting(settings):
    settings.REQUESTS_ANSWER_DAYS = 30
    assert complaint().answer_due == timezone.localdate() + timedelta(days=30)


def test_an_anonymous_observation_keeps_no_identity():
    request = complaint(kind="observation", anonymous=True)
    assert (request.citizen_name, request.national_id, request.phone, request.email) == (
        "",
        "",
        "",
        "",
    )


def test_a_complaint_cannot_be_anonymous():
    with pytest.raises(ValidationError, match="identité du citoyen"):
        complaint(anonymous=True)
    assert not CitizenRequest.objects.filter(subject="Fuite d'eau devant le n° 12").exists()


def test_the_whole_way_from_the_office_to_the_service_and_back(office, roads):
    service, member = roads
    request = complaint()
    handling.assign(request, office, service, "Voir avec l'équipe du quartier.")
    handling.ask_information(request, member, "Quel est le numéro exact de la maison ?")
    handling.give_information(request, office, "Le n° 12, face à l'école.")
    handling.add_note(request, member, "Équipe envoyée le lendemain.")
    handling.propose_answer(request, member, "La fuite a été réparée le 3 mars.")
    handling.return_answer(request, office, "Précisez qui a réparé.")
    handling.propose_answer(request, member, "La Régie a réparé la fuite le 3 mars.")
    handling.approve_answer(request, office)
    handling.close(request, office, "post", "satisfied")

    request.refresh_from_db()
    assert request.status == Status.CLOSED and request.satisfaction == "satisfied"
    assert request.answer == "La Régie a réparé la fuite le 3 mars."
    assert [event.kind for event in request.events.all()] == [
        "received",
        "acknowledged",
        "assigned",
        "information_requested",
        "information_given",
        "note",
        "answer_proposed",
        "answer_returned",
        "answer_proposed",
        "answer_approved",
        "closed",
    ]
    assert request.events.get(kind="note").by == member


def test_a_request_not_admissible_is_closed_with_its_reason(office):
    request = complaint()
    with pytest.raises(handling.StepRefused):
        handling.refuse(request, office, "   ")
    handling.refuse(request, office, "La rue relève de la province, non de la commune.")
    handling.close(request, office, "post")
    request.refresh_from_db()
    assert request.status == Status.INADMISSIBLE and request.closed_at is not None
    assert request.satisfaction == "unknown"


def test_each_step_belongs_to_its_people(office, roads):
    service, member = roads
    _other_service, stranger = service_with_staff(
        slug="service-eclairage-essais", title="Éclairage (essais)", member="agent-eclairage"
    )
    request = complaint()
    with pytest.raises(PermissionDenied):
        handling.assign(request, member, service)  # only the office screens
    handling.assign(request, office, service)
    with pytest.raises(PermissionDenied):
        handling.propose_answer(request, office, "Réponse du bureau")  # the service answers
    with pytest.raises(PermissionDenied):
        handling.propose_answer(request, stranger, "Réponse d'un autre service")
    handling.propose_answer(request, member, "Réparé.")
    with pytest.raises(PermissionDenied):
        handling.approve_answer(request, member)  # the office approves


def test_a_step_out_of_turn_is_refused_and_changes_nothing(office, roads):
    service, member = roads
    request = complaint()
    with pytest.raises(handling.StepRefused):
        handling.approve_answer(request, office)
    with pytest.raises(handling.StepRefused):
        handling.close(request, office, "post")
    request.refresh_from_db()
    assert request.status == Status.RECEIVED
    assert not request.events.filter(kind__in=["answer_approved", "closed"]).exists()


def test_a_late_request_is_late_until_it_is_closed(office, roads):
    service, _member = roads
    request = complaint(received_on=days_ago(61))
    assert request.is_late()
    handling.assign(request, office, service)
    assert request.is_late()
    request.status = Status.CLOSED
    assert not request.is_late()


def test_the_office_records_screens_and_closes_through_its_pages(office, roads):
    service, member = roads
    client = signed_in(office)
    response = client.post(
        "/fr/requests/new/",
        {
            "kind": "complaint",
            "channel": "letter",
            "received_on": days_ago(3).isoformat(),
            "language": "ar",
            "citizen_name": "فاطمة الزهراء بناني",
            "gender": "woman",
            "category": "citizen",
            "subject": "إنارة عمومية معطلة",
            "text": "الإنارة العمومية معطلة في زنقة الأطلس منذ شهر.",
        },
    )
    request = CitizenRequest.objects.get(subject="إنارة عمومية معطلة")
    assert response.status_code == 302 and response["Location"].endswith(
        f"/requests/{request.reference}/receipt/"
    )
    step = f"/fr/requests/{request.reference}/"
    client.post(step + "assign/", {"service": service.pk, "note": ""})
    signed_in(member).post(step + "propose_answer/", {"text": "تم إصلاح الإنارة."})
    client.post(step + "approve_answer/", {"text": ""})
    client.post(step + "close/", {"sent_by": "post", "satisfaction": "unknown"})
    request.refresh_from_db()
    assert request.status == Status.CLOSED and request.answer == "تم إصلاح الإنارة."
    assert request.events.filter(kind=RequestEvent.Kind.CLOSED, by=office).exists()


def test_a_refused_step_says_why_and_the_page_stays(office):
    request = complaint()
    response = signed_in(office).post(
        f"/fr/requests/{request.reference}/refuse/", {"text": ""}, follow=True
    )
    assert "Dites pourquoi" in unescape(response.content.decode())
    request.refresh_from_db()
    assert request.status == Status.RECEIVED


def test_an_unknown_step_is_not_found(office):
    request = complaint()
    assert signed_in(office).post(f"/fr/requests/{request.reference}/erase/").status_code == 404
