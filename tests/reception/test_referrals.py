"""From the desk to the service: the slip, the service's follow-up, and who may see it."""

from html import unescape

import pytest

from intranet.organisation.models import ServicePage
from intranet.reception.models import ReceptionVisit, Referral

pytestmark = pytest.mark.django_db


def civil_status(language="fr"):
    return ServicePage.objects.get(slug="service-etat-civil", locale__language_code=language)


def send_on(client, note="Erreur sur le prénom"):
    return client.post(
        "/fr/reception/visits/",
        {
            "service": civil_status().pk,
            "visitor_category": "citizen",
            "gender": "woman",
            "outcome": "redirected",
            "note": note,
        },
    )


def test_sending_a_visitor_on_prints_a_slip_with_reference_service_office_and_badge(client_for):
    client = client_for("accueil")
    response = send_on(client)
    referral = Referral.objects.latest("pk")
    assert response.status_code == 302 and referral.reference in response["Location"]
    assert referral.reference.startswith(f"ORI-{referral.sent_at:%Y}-")
    assert referral.visit.outcome == ReceptionVisit.Outcome.REDIRECTED
    slip = unescape(client.get(response["Location"]).content.decode())
    service_fr, service_ar = civil_status("fr"), civil_status("ar")
    assert referral.reference in slip and "Erreur sur le prénom" in slip
    assert service_fr.title in slip and service_ar.title in slip
    assert service_fr.office in slip and "Badge" in slip
    assert 'lang="ar" dir="rtl"' in slip


def test_sending_on_without_naming_a_service_is_refused_and_nothing_is_recorded(client_for):
    before = (ReceptionVisit.objects.count(), Referral.objects.count())
    response = client_for("accueil").post(
        "/fr/reception/visits/",
        {"visitor_category": "citizen", "gender": "man", "outcome": "redirected"},
        follow=True,
    )
    assert (ReceptionVisit.objects.count(), Referral.objects.count()) == before
    assert response.status_code == 200


def test_the_services_staff_see_the_referral_on_its_page_in_either_language(client_for):
    send_on(client_for("accueil"), note="Copie intégrale pour le passeport")
    officer = client_for("etatcivil")
    for language in ("fr", "ar"):
        page = unescape(officer.get(civil_status(language).url).content.decode())
        assert "Copie intégrale pour le passeport" in page
        assert Referral.objects.latest("pk").reference in page


@pytest.mark.parametrize("username", ["personnel", "accueil", "cellule", "juriste"])
def test_other_staff_do_not_see_the_services_referrals(client_for, username):
    send_on(client_for("accueil"), note="Copie intégrale pour le passeport")
    page = unescape(client_for(username).get(civil_status().url).content.decode())
    assert "Copie intégrale pour le passeport" not in page
    assert Referral.objects.latest("pk").reference not in page


def test_the_service_marks_the_visitor_received_then_dealt_with(client_for):
    send_on(client_for("accueil"))
    referral = Referral.objects.latest("pk")
    officer = client_for("etatcivil")
    url = f"/fr/reception/referrals/{referral.reference}/"
    officer.post(url, {"status": "received"})
    referral.refresh_from_db()
    assert referral.status == Referral.Status.RECEIVED and referral.received_at
    assert referral.received_by.username == "etatcivil"
    officer.post(url, {"status": "dealt_with"})
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DEALT_WITH
    assert referral.dealt_with_at >= referral.received_at >= referral.sent_at
    officer.post(url, {"status": "received"})  # a step is never undone
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DEALT_WITH


@pytest.mark.parametrize("username", ["personnel", "accueil", "cellule", "communication"])
def test_only_the_services_staff_may_mark_its_referrals(client_for, username):
    send_on(client_for("accueil"))
    referral = Referral.objects.latest("pk")
    response = client_for(username).post(
        f"/fr/reception/referrals/{referral.reference}/", {"status": "received"}
    )
    assert response.status_code == 403
    referral.refresh_from_db()
    assert referral.status == Referral.Status.SENT


def test_an_administrator_may_mark_any_referral(client_for):
    send_on(client_for("accueil"))
    referral = Referral.objects.latest("pk")
    client_for("admin").post(
        f"/fr/reception/referrals/{referral.reference}/", {"status": "dealt_with"}
    )
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DEALT_WITH


@pytest.mark.parametrize("username", ["personnel", "cellule", "etatcivil"])
def test_only_the_desk_prints_slips(client_for, username):
    send_on(client_for("accueil"))
    reference = Referral.objects.latest("pk").reference
    assert client_for(username).get(f"/fr/reception/referrals/{reference}/slip/").status_code == 403


def test_the_register_statistics_show_referrals_by_service_and_their_waits(client_for):
    page = unescape(client_for("cellule").get("/fr/reception/statistics/").content.decode())
    assert civil_status().title in page
    assert "minutes" in page  # the demo's referrals were received and dealt with


def test_an_unknown_reference_is_a_404(client_for):
    assert client_for("etatcivil").post("/fr/reception/referrals/ORI-0-0/").status_code == 404
