"""A request typed in with a mistake is refused with the reason, keeping what was typed."""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intranet.requests_office.models import CitizenRequest

from .factories import days_ago, office_agent, signed_in

pytestmark = pytest.mark.django_db

GOOD = {
    "kind": "complaint",
    "channel": "desk",
    "received_on": days_ago(0).isoformat(),
    "language": "fr",
    "citizen_name": "Youssef Ait Lahcen",
    "gender": "man",
    "category": "citizen",
    "subject": "Chantier bruyant la nuit",
    "text": "Un chantier travaille la nuit rue Ibn Khaldoun.",
}


def post(data, files=None):
    client = signed_in(office_agent())
    return client.post("/fr/requests/new/", {**data, **(files or {})})


def refused_with(response, message):
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert message in html
    assert not CitizenRequest.objects.filter(subject=GOOD["subject"]).exists()
    return html


def test_a_good_request_is_recorded_with_its_file():
    scan = SimpleUploadedFile("lettre.pdf", b"%PDF-1.4\n% lettre scannee\n", "application/pdf")
    response = post(GOOD, {"attachments": [scan]})
    assert response.status_code == 302
    request = CitizenRequest.objects.get(subject=GOOD["subject"])
    assert [attachment.name for attachment in request.attachments.all()] == ["lettre.pdf"]


def test_an_anonymous_complaint_is_refused():
    html = refused_with(post({**GOOD, "anonymous": "on"}), "seules les observations")
    assert "Chantier bruyant la nuit" in html  # what was typed stays


def test_a_nameless_request_must_say_it_is_anonymous():
    refused_with(post({**GOOD, "citizen_name": ""}), "Écrivez le nom")


def test_a_request_from_the_national_portal_needs_its_case_number():
    refused_with(post({**GOOD, "channel": "national_portal"}), "numéro de dossier")


def test_a_request_received_tomorrow_is_refused():
    refused_with(post({**GOOD, "received_on": days_ago(-1).isoformat()}), "dans le futur")


def test_a_program_renamed_pdf_is_refused_and_nothing_is_recorded():
    program = SimpleUploadedFile("photo.pdf", b"MZ\x90\x00" + b"\x00" * 200, "application/pdf")
    refused_with(post(GOOD, {"attachments": [program]}), "ne correspond pas à son extension")


def test_a_file_the_intranet_does_not_take_is_refused():
    script = SimpleUploadedFile("plainte.exe", b"MZ\x90\x00", "application/octet-stream")
    refused_with(post(GOOD, {"attachments": [script]}), "plainte.exe")


def test_a_point_needs_both_coordinates():
    refused_with(post({**GOOD, "latitude": "32.33"}), "latitude et sa longitude")
