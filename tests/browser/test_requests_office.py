"""A citizen's complaint, from the letter to the closing, by keyboard alone: the office
records and screens it, the roads and lighting service proposes the answer, the
office approves it and closes the request."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from intranet.organisation.models import ServicePage
from intranet.requests_office import handling
from intranet.requests_office.models import CitizenRequest

from .conftest import JOURNEY

pytestmark = JOURNEY

ROADS_AND_LIGHTING = "Service des travaux, de la voirie et de l'éclairage public"
READS = "e => getComputedStyle(e).direction"


@pytest.fixture
def pothole_complaint():
    """A complaint by letter, which the office has screened and sent to the roads and
    lighting service."""
    office = get_user_model().objects.get(username="reclamations")
    complaint = handling.receive(
        recorded_by=office,
        kind=CitizenRequest.Kind.COMPLAINT,
        channel=CitizenRequest.Channel.LETTER,
        citizen_name="Khadija Amrani",
        postal_address="7, rue Ibn Sina, Beni Mellal",
        subject="Nid-de-poule devant l'école Ibn Sina",
        text="Un trou profond s'est ouvert devant l'entrée de l'école ; un enfant y est tombé.",
        place="Rue Ibn Sina, devant l'école",
    )
    roads = ServicePage.objects.get(slug="service-travaux-eclairage", locale__language_code="fr")
    handling.assign(complaint, office, roads, "À combler avant la rentrée.")
    return complaint


def choose(keys, select, option):
    """Tab to a closed drop-down list and pick an option by typing its first words."""
    keys.tab_to(select)
    assert keys.focus_is_visible()
    keys.type(option)
    expect(select.locator("option:checked")).to_have_text(option)


def fill(keys, field, text):
    keys.tab_to(field)
    assert keys.focus_is_visible()
    keys.type(text)


def press(keys, control):
    """Tab to a link or a button and press Enter on it: the next page opens."""
    keys.tab_to(control)
    assert keys.focus_is_visible()
    with keys.page.expect_navigation():
        keys.press("Enter")


def test_the_office_records_a_letter_and_sends_it_to_the_roads_and_lighting_service(sign_in):
    page, keys = sign_in("reclamations", next="/fr/requests/new/")
    expect(page.get_by_role("heading", name="Enregistrer une demande")).to_be_visible()

    # Each group of choices is named, so that a choice is heard with its question.
    kind = page.get_by_role("group", name="Type")
    keys.tab_to(kind.get_by_label("Réclamation"))
    assert keys.focus_is_visible()
    expect(kind.get_by_label("Réclamation")).to_be_checked()
    choose(keys, page.get_by_label("Reçue", exact=True), "Par courrier")
    fill(keys, page.get_by_label("Objet"), "Lampadaires éteints avenue Hassan II")
    fill(
        keys,
        page.get_by_label("Demande", exact=True),
        "Les lampadaires de l'avenue Hassan II, près du souk, sont éteints depuis dix jours.",
    )
    language = page.get_by_role("group", name="Langue du citoyen")
    expect(language.get_by_label("Français")).to_be_checked()
    fill(keys, page.get_by_label("Nom complet"), "Mohamed Bennani")
    fill(keys, page.get_by_label("Adresse postale"), "23, avenue Hassan II, Beni Mellal")
    sex = page.get_by_role("group", name="Sexe")
    keys.tab_to(sex.get_by_label("Non précisé"))  # a group of radios: the arrows choose
    keys.press("ArrowUp")
    expect(sex.get_by_label("Homme")).to_be_checked()
    fill(keys, page.get_by_label("Lieu"), "Avenue Hassan II, près du souk")
    press(keys, page.get_by_role("button", name="Enregistrer et imprimer le récépissé"))

    reference = re.search(r"/requests/(REC-\d{4}-\d{6})/receipt/", page.url).group(1)
    receipt = page.locator("section.receipt__side[lang=fr]")
    expect(receipt).to_contain_text(reference)
    expect(receipt).to_contain_text("Mohamed Bennani")
    expect(receipt).to_contain_text("Par courrier")
    expect(page.get_by_role("button", name="Imprimer le récépissé")).to_be_focused()
    assert keys.focus_is_visible()
    press(keys, page.get_by_role("link", name="Retour"))

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Lampadaires éteints avenue Hassan II"
    )
    expect(page.locator(".status")).to_have_text("À examiner")
    choose(keys, page.get_by_label("Service qui répond"), ROADS_AND_LIGHTING)
    fill(keys, page.get_by_label("Pour le service"), "Dix lampadaires, à vérifier de nuit.")
    press(keys, page.get_by_role("button", name="Transmettre au service"))

    expect(page.locator(".messages")).to_contain_text(f"{reference} : fait.")
    expect(page.locator(".status")).to_have_text("Au service")
    step = page.locator(".request-history li").last
    expect(step).to_contain_text(f"Nadia Chraibi Transmise à un service · {ROADS_AND_LIGHTING}")
    expect(step).to_contain_text("Dix lampadaires, à vérifier de nuit.")


def test_the_service_proposes_the_answer_and_the_office_approves_and_closes_it(
    sign_in, pothole_complaint
):
    reference = pothole_complaint.reference
    page, keys = sign_in("travaux", next="/fr/")
    press(keys, page.get_by_role("link", name="Demandes des citoyens"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Demandes pour mon service")
    press(keys, page.get_by_role("link", name=reference))
    expect(page.get_by_role("heading", level=1)).to_have_text(pothole_complaint.subject)
    expect(page.locator(".request-history")).to_contain_text("À combler avant la rentrée.")
    fill(
        keys,
        page.get_by_label("Réponse au citoyen, en Français"),
        "Le trou devant l'école Ibn Sina a été comblé et la chaussée refaite le 3 du mois.",
    )
    press(keys, page.get_by_role("button", name="Proposer au bureau"))
    expect(page.locator(".status")).to_have_text("Réponse à approuver")

    page, keys = sign_in("reclamations", next=f"/fr/requests/{reference}/")
    expect(page.get_by_role("region", name="Réponse proposée")).to_contain_text("comblé")
    press(keys, page.get_by_role("button", name="Approuver", exact=True))
    expect(page.locator(".status")).to_have_text("Réponse à envoyer")

    choose(keys, page.get_by_label("Réponse envoyée"), "Par courrier postal")
    satisfied = page.get_by_role("group", name="Le citoyen est-il satisfait ?")
    keys.tab_to(satisfied.get_by_label("Inconnu"))  # "not known" until the citizen says
    assert keys.focus_is_visible()
    keys.press("ArrowUp")
    keys.press("ArrowUp")
    expect(satisfied.get_by_label("Satisfait", exact=True)).to_be_checked()
    press(keys, page.get_by_role("button", name="Clore"))
    expect(page.locator(".status")).to_have_text("Clôturée")
    expect(page.locator(".request-history li").last).to_contain_text(
        "Clôturée · Par courrier postal · Satisfait"
    )

    # The same request in Arabic reads right to left; its reference and the French
    # answer keep their own direction.
    press(keys, page.get_by_role("link", name="العربية"))
    assert page.url.endswith(f"/ar/requests/{reference}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.locator("main").evaluate(READS) == "rtl"
    expect(page.locator(".status")).to_have_text("مغلق")
    expect(page.locator(".code bdi")).to_have_attribute("dir", "ltr")
    answer = page.get_by_role("region", name="الجواب المصادق عليه").locator("div[lang=fr]")
    assert answer.evaluate(READS) == "ltr"
