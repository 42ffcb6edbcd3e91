"""The receipt the citizen leaves with, and the lists the office and the services work from."""

import io
from html import unescape

import pytest
from pypdf import PdfReader

from intranet.requests_office import handling

from .factories import complaint, days_ago, office_agent, person, service_with_staff, signed_in

pytestmark = pytest.mark.django_db


def test_the_receipt_is_one_a5_sheet_in_french_and_arabic():
    office = office_agent()
    request = complaint()
    response = signed_in(office).get(f"/fr/requests/{request.reference}/receipt.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)  # A5
    text = reader.pages[0].extract_text()
    assert request.reference in text and request.tracking_code in text
    assert "Récépissé" in text and "2-17-265" in text


def test_the_desk_agent_who_recorded_it_prints_the_receipt_and_reads_nothing_else():
    agent = person("guichet", role="reception")
    client = signed_in(agent)
    response = client.post(
        "/fr/requests/new/",
        {
            "kind": "suggestion",
            "channel": "desk",
            "received_on": days_ago(0).isoformat(),
            "language": "ar",
            "anonymous": "on",
            "gender": "woman",
            "category": "citizen",
            "subject": "ملعب للأطفال في حي الأطلس",
            "text": "نقترح تهيئة ملعب للأطفال قرب المدرسة.",
        },
    )
    assert response.status_code == 302
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200 and "ملعب للأطفال" in unescape(receipt.content.decode())
    reference = response["Location"].split("/")[-3]
    assert client.get(f"/fr/requests/{reference}/").status_code == 403
    assert client.get("/fr/requests/").status_code == 403


@pytest.mark.parametrize("role", ["staff", "procedures_cell", "trainer", "communication"])
def test_who_may_not_record_a_request(role):
    client = signed_in(person(f"sans-droit-{role}", role=role))
    assert client.get("/fr/requests/new/").status_code == 403
    assert client.post("/fr/requests/new/", {"subject": "x"}).status_code == 403


def test_the_office_sees_open_requests_by_service_with_the_late_ones():
    office = office_agent()
    service, member = service_with_staff()
    late = complaint(received_on=days_ago(70), subject="Fuite ancienne")
    handling.assign(late, office, service)
    complaint(subject="Lampadaire éteint")  # not screened yet
    response = signed_in(office).get("/fr/requests/")
    rows = {
        (row["service"].title if row["service"] else None): (row["open"], row["late"])
        for row in response.context["by_service"]
    }
    assert rows[service.title] == (1, 1)
    assert rows[None][0] >= 1
    late_only = signed_in(office).get("/fr/requests/", {"late": "1", "service": service.pk})
    assert [item.reference for item in late_only.context["page"]] == [late.reference]


def test_a_service_lists_only_its_own_requests():
    office = office_agent()
    service, member = service_with_staff()
    ours = complaint(subject="Fuite rue Oum Errabia")
    handling.assign(ours, office, service)
    complaint(subject="Bruit de chantier")
    html = unescape(signed_in(member).get("/fr/requests/").content.decode())
    assert "Fuite rue Oum Errabia" in html and "Bruit de chantier" not in html


def test_the_office_pages_exist_in_arabic():
    office = office_agent()
    request = complaint()
    html = unescape(signed_in(office).get(f"/ar/requests/{request.reference}/").content.decode())
    assert 'dir="rtl"' in html and "الخطوة التالية" in html


def test_bad_filters_still_list():
    response = signed_in(office_agent()).get(
        "/fr/requests/", {"status": "zzz", "kind": "<b>", "service": "abc", "page": "-3"}
    )
    assert response.status_code == 200
