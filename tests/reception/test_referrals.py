"""From the desk to the service: the slip, the service's follow-up, and who may see it.

The service the desk sends visitors to, and the officer of its team, are the test's
own; the desk agent, the other staff and the administrator are the installation's
accounts.
"""

from datetime import timedelta
from html import unescape

import pytest
from django.test import Client

from intranet.reception.models import ReceptionVisit, Referral
from tests.organisation import factories as organisation
from tests.organisation.factories import arabic
from tests.training.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return PersonFactory(username="agent-des-essais")


@pytest.fixture
def service(officer):
    """A service open to the public, with ``officer`` in its team."""
    return organisation.service(
        slug="guichet-des-essais",
        title="Guichet des essais",
        arabic_title="شباك التجارب",
        office="12 bis",
        members=[officer.username],
    )


@pytest.fixture
def officer_client(officer):
    client = Client()
    client.force_login(officer)
    return client


def in_language(service, language):
    return service if language == "fr" else service.get_translation(arabic())


def send_on(client, service, note="Erreur sur le prénom"):
    return client.post(
        "/fr/reception/visits/",
        {
            "service": service.pk,
            "visitor_category": "citizen",
            "gender": "woman",
            "outcome": "redirected",
            "note": note,
        },
    )


def test_sending_a_visitor_on_prints_a_slip_with_reference_service_office_and_badge(
    client_for, service
):
    client = client_for("accueil")
    response = send_on(client, service)
    referral = Referral.objects.latest("pk")
    assert response.status_code == 302 and referral.reference in response["Location"]
    assert referral.reference.startswith(f"ORI-{referral.sent_at:%Y}-")
    assert referral.visit.outcome == ReceptionVisit.Outcome.REDIRECTED
    slip = unescape(client.get(response["Location"]).content.decode())
    assert referral.reference in slip and "Erreur sur le prénom" in slip
    assert "Guichet des essais" in slip and "شباك التجارب" in slip
    assert "12 bis" in slip and "Badge" in slip
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


def test_the_services_staff_see_the_referral_on_its_page_in_either_language(
    client_for, service, officer_client
):
    send_on(client_for("accueil"), service, note="Copie intégrale pour le passeport")
    for language in ("fr", "ar"):
        url = in_language(service, language).url
        page = unescape(officer_client.get(url).content.decode())
        assert "Copie intégrale pour le passeport" in page
        assert Referral.objects.latest("pk").reference in page


@pytest.mark.parametrize("username", ["personnel", "accueil", "cellule", "juriste"])
def test_other_staff_do_not_see_the_services_referrals(client_for, service, username):
    send_on(client_for("accueil"), service, note="Copie intégrale pour le passeport")
    page = unescape(client_for(username).get(service.url).content.decode())
    assert "Copie intégrale pour le passeport" not in page
    assert Referral.objects.latest("pk").reference not in page


def test_the_service_marks_the_visitor_received_then_dealt_with(
    client_for, service, officer, officer_client
):
    send_on(client_for("accueil"), service)
    referral = Referral.objects.latest("pk")
    url = f"/fr/reception/referrals/{referral.reference}/"
    officer_client.post(url, {"status": "received"})
    referral.refresh_from_db()
    assert referral.status == Referral.Status.RECEIVED and referral.received_at
    assert referral.received_by == officer
    officer_client.post(url, {"status": "dealt_with"})
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DEALT_WITH
    assert referral.dealt_with_at >= referral.received_at >= referral.sent_at
    officer_client.post(url, {"status": "received"})  # a step is never undone
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DEALT_WITH


@pytest.mark.parametrize("username", ["personnel", "accueil", "cellule", "communication"])
def test_only_the_services_staff_may_mark_its_referrals(client_for, service, username):
    send_on(client_for("accueil"), service)
    referral = Referral.objects.latest("pk")
    response = client_for(username).post(
        f"/fr/reception/referrals/{referral.reference}/", {"status": "received"}
    )
    assert response.status_code == 403
    referral.refresh_from_db()
    assert referral.status == Referral.Status.SENT


def test_an_administrator_may_mark_any_referral(client_for, service):
    send_on(client_for("accueil"), service)
    referral = Referral.objects.latest("pk")
    client_for("admin").post(
        f"/fr/reception/referrals/{referral.reference}/", {"status": "dealt_with"}
    )
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DEALT_WITH


@pytest.mark.parametrize("username", ["personnel", "cellule", "the service's officer"])
def test_only_the_desk_prints_slips(client_for, service, officer_client, username):
    send_on(client_for("accueil"), service)
    reference = Referral.objects.latest("pk").reference
    client = officer_client if username == "the service's officer" else client_for(username)
    assert client.get(f"/fr/reception/referrals/{reference}/slip/").status_code == 403


def test_the_register_statistics_show_referrals_by_service_and_their_waits(
    client_for, service, officer_client
):
    send_on(client_for("accueil"), service)
    referral = Referral.objects.latest("pk")
    Referral.objects.filter(pk=referral.pk).update(sent_at=referral.sent_at - timedelta(minutes=25))
    officer_client.post(f"/fr/reception/referrals/{referral.reference}/", {"status": "received"})
    page = unescape(client_for("cellule").get("/fr/reception/statistics/").content.decode())
    assert "Guichet des essais" in page
    assert "25 minutes" in page  # from the desk to the service's receipt


def test_an_unknown_reference_is_a_404(officer_client, service):
    assert officer_client.post("/fr/reception/referrals/ORI-0-0/").status_code == 404
