"""The reception desk: answer, print, record; and the register's statistics.

The procedure asked for and the service that handles it are the test's own; the
desk agent and the other staff are the installation's accounts.
"""

from datetime import timedelta
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from intranet.reception.models import ReceptionVisit
from search.models import SearchQueryLog
from tests.organisation import factories as organisation
from tests.procedures_manual import factories as procedures

pytestmark = pytest.mark.django_db


@pytest.fixture
def service():
    return organisation.service(
        slug="guichet-des-essais",
        title="Guichet des essais",
        arabic_title="شباك التجارب",
        office="12 bis",
    )


@pytest.fixture
def declaration(service, django_capture_on_commit_callbacks):
    """A free procedure answered at once, live and in the index."""
    with django_capture_on_commit_callbacks(execute=True):
        return procedures.procedure(
            code="TS-31",
            french={
                "title": "Déclaration de ruche",
                "documents": [("Attestation de l'apiculteur", "original", 1)],
            },
            service=service,
            fee_amount=None,
            max_delay_days=0,
        )


def test_the_desk_finds_and_shows_the_answer_card(client_for, declaration, service):
    html = unescape(
        client_for("accueil")
        .get("/fr/reception/", {"q": "ruche", "procedure": declaration.pk})
        .content.decode()
    )
    assert "Déclaration de ruche" in html
    assert "Attestation de l'apiculteur" in html
    assert "Gratuit" in html and "Immédiat" in html
    assert f"Badge {service.colour_label}" in html
    assert 'Bureau <bdi dir="ltr">12 bis</bdi>' in html
    assert declaration.url + "fiche/" in html


def test_the_desk_answers_as_the_agent_types(client_for, declaration):
    response = client_for("accueil").get(
        "/fr/reception/", {"q": "ruch", "partial": "1", "typing": "1"}
    )
    html = unescape(response.content.decode()).replace("<mark>", "").replace("</mark>", "")
    assert "Déclaration de ruche" in html
    assert "<html" not in html  # only the results, for the page to swap in
    assert not SearchQueryLog.objects.filter(query="ruch").exists()  # keystrokes are not logged


def _week_statistics(client):
    response = client.get("/fr/reception/statistics/", {"days": "7"})
    assert response.status_code == 200
    return response.context


def _bar(chart, label):
    return next((bar.value for bar in chart if bar.label == label), 0)


def test_one_click_records_the_visit_and_it_appears_in_the_statistics(
    client_for, declaration, service
):
    client = client_for("accueil")
    before = _week_statistics(client)
    hour = f"{timezone.localtime().hour}h"
    response = client.post(
        "/fr/reception/visits/",
        {
            "procedure": declaration.pk,
            "service": service.pk,
            "visitor_category": "abroad",
            "gender": "woman",
            "outcome": "redirected",
        },
    )
    assert response.status_code == 302
    visit = ReceptionVisit.objects.latest("recorded_at")
    assert (visit.visitor_category, visit.gender, visit.outcome) == (
        "abroad",
        "woman",
        "redirected",
    )
    assert visit.recorded_by.username == "accueil"

    after = _week_statistics(client)
    assert after["stats"]["total"] == before["stats"]["total"] + 1
    assert after["stats"]["answered"] == before["stats"]["answered"]
    assert _bar(after["services_chart"], service.title) == 1
    assert _bar(before["services_chart"], service.title) == 0
    assert _bar(after["hours_chart"], hour) == _bar(before["hours_chart"], hour) + 1
    # The category x gender table: one more woman among Moroccans living abroad.
    abroad = "Marocain résidant à l'étranger"
    women = 1 + ReceptionVisit.Gender.values.index("woman")
    row_before = next((r for r in before["category_rows"] if str(r[0]) == abroad), [0] * 5)
    row_after = next(row for row in after["category_rows"] if str(row[0]) == abroad)
    assert row_after[women] == row_before[women] + 1
    assert row_after[-1] == row_before[-1] + 1


def _last_sunday_evening():
    """The latest Sunday 21:30 already past: always inside the last seven days."""
    now = timezone.localtime()
    evening = now.replace(hour=21, minute=30, second=0, microsecond=0) - timedelta(
        days=(now.weekday() - 6) % 7
    )
    return evening if evening < now else evening - timedelta(days=7)


def test_a_visit_outside_opening_hours_or_on_sunday_still_shows_in_the_charts(client_for, service):
    sunday_night = _last_sunday_evening()
    visit = ReceptionVisit.objects.create(
        recorded_by=get_user_model().objects.get(username="accueil"),
        service=service,
        visitor_category="citizen",
        gender="man",
        outcome="answered",
    )
    ReceptionVisit.objects.filter(pk=visit.pk).update(recorded_at=sunday_night)

    context = _week_statistics(client_for("accueil"))

    assert _bar(context["hours_chart"], "21h") >= 1
    assert _bar(context["weekdays_chart"], "Dimanche") >= 1
    assert sum(bar.value for bar in context["hours_chart"]) == context["stats"]["total"]
    assert sum(bar.value for bar in context["weekdays_chart"]) == context["stats"]["total"]


def test_a_visit_without_a_service_is_refused_with_a_message(client_for):
    client = client_for("accueil")
    before = ReceptionVisit.objects.count()
    response = client.post(
        "/fr/reception/visits/",
        {"visitor_category": "citizen", "gender": "man", "outcome": "answered"},
        follow=True,
    )
    assert ReceptionVisit.objects.count() == before
    assert "Choisissez le service demandé" in unescape(response.content.decode())


def test_searches_that_found_nothing_become_the_cells_to_do_list(client_for):
    client_for("accueil").get("/fr/reception/", {"q": "permis de chasse au sanglier"})
    html = unescape(client_for("cellule").get("/fr/reception/statistics/").content.decode())
    assert "permis de chasse au sanglier" in html


@pytest.mark.parametrize(
    "username", ["personnel", "cellule", "juriste", "formateur", "communication", "ipecag"]
)
def test_only_reception_agents_and_administrators_use_the_desk(client_for, username):
    assert client_for(username).get("/fr/reception/").status_code == 403
    assert client_for(username).post("/fr/reception/visits/", {}).status_code == 403


@pytest.mark.parametrize(
    "username, allowed",
    [
        ("accueil", True),
        ("cellule", True),
        ("ipecag", True),
        ("admin", True),
        ("personnel", False),
        ("communication", False),
        ("formateur", False),
        ("juriste", False),
    ],
)
def test_who_may_read_the_register_statistics(client_for, username, allowed):
    status = client_for(username).get("/fr/reception/statistics/").status_code
    assert (status == 200) is allowed


def test_the_statistics_exist_in_arabic(client_for):
    html = unescape(client_for("accueil").get("/ar/reception/statistics/").content.decode())
    assert 'dir="rtl"' in html and "الخدمات الأكثر طلبا" in html
