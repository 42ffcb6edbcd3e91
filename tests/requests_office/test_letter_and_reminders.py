"""The letter that answers the citizen, and the reminders that keep services on time."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from docx import Document
from pypdf import PdfReader

from intranet.requests_office import handling, letter, reminders

from .factories import complaint, days_ago, office_agent, person, service_with_staff, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return office_agent()


@pytest.fixture
def roads():
    return service_with_staff()


def answered(office, service, member, **fields):
    request = complaint(**fields)
    handling.assign(request, office, service)
    handling.propose_answer(request, member, fields.pop("answer", "La fuite a été réparée."))
    handling.approve_answer(request, office)
    return request


def docx_text(content):
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def test_the_letter_answers_in_french_with_the_reference(office, roads):
    service, member = roads
    request = answered(office, service, member)
    client = signed_in(office)
    pdf = client.get(f"/fr/requests/{request.reference}/letter.pdf")
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert request.reference in text and "La fuite a été réparée." in text
    assert "Youssef Ait Lahcen" in text and "Madame, Monsieur" in text
    word = client.get(f"/fr/requests/{request.reference}/letter.docx")
    assert "La fuite a été réparée." in docx_text(word.content)


def test_a_citizen_who_wrote_in_arabic_is_answered_in_arabic_right_to_left(office, roads):
    service, member = roads
    request = complaint(language="ar", citizen_name="فاطمة الزهراء بناني", subject="إنارة")
    handling.assign(request, office, service)
    handling.propose_answer(request, member, "تم إصلاح الإنارة العمومية.")
    handling.approve_answer(request, office)
    built = letter.build(request)
    assert built.direction == "rtl" and built.body[-1] == "تم إصلاح الإنارة العمومية."
    content = letter.as_docx(built)
    xml = Document(io.BytesIO(content)).element.xml
    assert "<w:bidi/>" in xml and "<w:rtl/>" in xml
    assert "المرجع" in docx_text(content)
    html = letter.as_pdf(built)
    assert html.startswith(b"%PDF")


def test_a_request_not_admissible_gets_a_letter_with_the_reason(office):
    request = complaint()
    handling.refuse(request, office, "La route nationale relève du ministère de l'Équipement.")
    assert "ministère de l'Équipement" in " ".join(letter.build(request).body)


def test_no_letter_before_the_answer_is_approved(office, roads):
    service, member = roads
    request = complaint()
    handling.assign(request, office, service)
    response = signed_in(office).get(f"/fr/requests/{request.reference}/letter.pdf")
    assert response.status_code == 302  # back to the request, with a message
    with pytest.raises(letter.NoLetterYet):
        letter.build(request)


def test_only_readers_get_the_letter(office, roads):
    service, member = roads
    request = answered(office, service, member)
    url = f"/fr/requests/{request.reference}/letter.docx"
    assert signed_in(member).get(url).status_code == 200
    assert signed_in(person("lecteur")).get(url).status_code == 403
    assert signed_in(office).get(f"/fr/requests/{request.reference}/letter.exe").status_code == 404


def test_a_service_is_reminded_before_the_deadline_when_late_and_then_its_division(
    office, settings
):
    settings.REQUESTS_REMINDER_DAYS_BEFORE = 10
    settings.REQUESTS_ESCALATION_DAYS = 7
    service, member = service_with_staff()
    division = service.division
    division.email = "division-essais@commune.test"
    division.save()
    request = complaint(received_on=days_ago(55))  # due in 5 days
    handling.assign(request, office, service)

    assert reminders.send_due() == 1
    assert sorted(mail.outbox[0].to) == sorted([member.email, service.email])
    assert request.reference in mail.outbox[0].subject
    assert "Youssef" not in mail.outbox[0].body  # never the citizen's name
    assert reminders.send_due() == 0  # once per stage

    assert reminders.send_due(today=request.answer_due + timedelta(days=1)) == 1
    assert "retard" in mail.outbox[-1].subject.lower()
    assert reminders.send_due(today=request.answer_due + timedelta(days=8)) == 1
    assert "division-essais@commune.test" in mail.outbox[-1].to
    assert request.events.filter(kind="reminder").count() == 3


def test_an_answered_request_gets_no_reminder(office, roads):
    service, member = roads
    request = answered(office, service, member, received_on=days_ago(70))
    call_command("send_request_reminders", stdout=io.StringIO())
    assert mail.outbox == [] and not request.events.filter(kind="reminder").exists()
