"""The box and the register at the entrance: each opening is recorded with its count of
slips, then its slips are typed one by one, so that the statistics count them all."""

from html import unescape

import pytest

from intranet.requests_office.models import BoxOpening, CitizenRequest

from .factories import days_ago, office_agent, person, signed_in

pytestmark = pytest.mark.django_db

SLIP = {
    "kind": "observation",
    "language": "ar",
    "anonymous": "on",
    "gender": "unspecified",
    "category": "citizen",
    "subject": "غياب الكراسي في قاعة الانتظار",
    "text": "لا توجد كراسي كافية في قاعة انتظار الحالة المدنية.",
    # What the form shows for the channel and the day is the opening's, whatever is sent.
    "channel": "desk",
    "received_on": days_ago(0).isoformat(),
}


def test_an_opening_leads_to_typing_its_slips_one_after_the_other():
    client = signed_in(office_agent())
    response = client.post(
        "/fr/requests/openings/",
        {"source": "box", "opened_on": days_ago(2).isoformat(), "slips": "2", "note": ""},
    )
    opening = BoxOpening.objects.get()
    assert response["Location"].endswith(f"/requests/new/?opening={opening.pk}")
    form_page = unescape(client.get(response["Location"]).content.decode())
    assert "2 sur 2 à saisir" in form_page

    first = client.post("/fr/requests/new/", {**SLIP, "opening": opening.pk})
    assert first["Location"].endswith(f"?opening={opening.pk}")  # the next slip
    client.post("/fr/requests/new/", {**SLIP, "opening": opening.pk, "subject": "شكر"})
    typed = CitizenRequest.objects.filter(opening=opening)
    assert typed.count() == 2 and opening.left_to_type == 0
    assert {(r.channel, r.received_on) for r in typed} == {("box", days_ago(2))}
    assert all(r.acknowledged_on is None for r in typed)  # nobody was there to take a receipt


def test_a_bad_opening_is_refused_with_its_reason():
    client = signed_in(office_agent())
    response = client.post(
        "/fr/requests/openings/",
        {"source": "box", "opened_on": days_ago(-3).isoformat(), "slips": "0"},
    )
    html = unescape(response.content.decode())
    assert "dans le futur" in html and "aucun bulletin" in html
    assert not BoxOpening.objects.exists()


@pytest.mark.parametrize("role", ["reception", "staff", "administrator"])
def test_only_the_office_opens_the_box(role):
    client = signed_in(person(f"autre-{role}", role=role))
    assert client.get("/fr/requests/openings/").status_code == 403
    assert client.post("/fr/requests/openings/", {"source": "box", "slips": "3"}).status_code == 403
    assert not BoxOpening.objects.exists()
