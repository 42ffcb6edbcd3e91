"""A visitor at the desk asks for a birth certificate: the agent answers and prints
the fiche, without touching the mouse."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import JOURNEY

pytestmark = JOURNEY

# window.print() would open the system dialog; the journey counts the calls instead.
COUNT_PRINTS = "window.print = () => { window.printed = (window.printed || 0) + 1; };"


def test_an_agent_finds_the_answer_and_prints_the_fiche_by_keyboard_alone(sign_in):
    page, keys = sign_in("accueil", next="/fr/reception/")
    expect(page.get_by_role("heading", name="Bureau d'accueil")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "desk-q"

    keys.type("acte de naissance")
    first = page.locator(".desk-results a").first
    expect(first).to_contain_text("Extrait ou copie intégrale")
    keys.tab_to(first)
    assert keys.focus_is_visible()
    with page.expect_navigation():
        keys.press("Enter")

    card = page.locator(".answer-card")
    expect(card.get_by_role("heading", level=2)).to_have_text(re.compile("acte de naissance"))
    expect(card).to_contain_text("Carte nationale d'identité électronique")
    expect(card).to_contain_text("Gratuit")
    print_button = card.get_by_role("link", name="Imprimer la fiche")
    expect(print_button).to_be_focused()

    page.context.add_init_script(COUNT_PRINTS)
    with page.context.expect_page() as opened:
        keys.press("Enter")
    fiche = opened.value
    fiche.wait_for_load_state()
    expect(fiche.locator("main.fiche")).to_contain_text("Carte nationale d'identité électronique")
    fiche_keys = type(keys)(fiche)
    fiche_keys.activate(fiche.get_by_role("button", name="Imprimer"))
    assert fiche.evaluate("window.printed") == 1

    fiche.emulate_media(media="print")
    expect(fiche.locator(".fiche-actions")).to_be_hidden()
    expect(fiche.locator("main.fiche")).to_be_visible()


def test_the_agent_records_the_visit_and_goes_back_to_the_question(sign_in):
    page, keys = sign_in("accueil", next="/fr/reception/?q=naissance")
    keys.tab_to(page.locator(".desk-results a").first)
    with page.expect_navigation():
        keys.press("Enter")
    record = page.get_by_role("button", name="Enregistrer la visite")
    keys.tab_to(record)
    with page.expect_navigation():
        keys.press("Enter")
    expect(page.locator(".messages, [role=status]").first).to_be_visible()
    expect(page.locator("text=Vos dernières visites")).to_be_visible()

    keys.press("/")
    assert page.evaluate("document.activeElement.id") == "desk-q"


@pytest.mark.parametrize("width", [390])
def test_the_desk_answers_on_a_phone_too(sign_in, width):
    page, keys = sign_in("accueil", next="/fr/reception/?q=permis+de+construire")
    page.set_viewport_size({"width": width, "height": 844})
    expect(page.locator(".desk-results a").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_visitor_sent_on_gets_a_slip_and_the_service_sees_them(sign_in):
    """The visitor speaks Darija; the agent sends them to the civil status service,
    prints the slip, and the service's officer marks them received."""
    page, keys = sign_in("accueil", next="/fr/reception/")
    keys.type("bghit nsjel weldi")
    first = page.locator(".desk-results a").first
    expect(first).to_contain_text("التسجيل المتأخر للولادة")
    expect(page.locator(".desk-results .glance").first).to_contain_text("Badge")
    keys.tab_to(first)
    with page.expect_navigation():
        keys.press("Enter")
    keys.tab_to(page.get_by_label("Renseigné à l'accueil"))  # a radio group: arrows choose
    keys.press("ArrowDown")
    expect(page.get_by_label("Orienté vers le service")).to_be_checked()
    note = page.get_by_label("Pour le service (imprimé sur le bon)")
    keys.tab_to(note)
    keys.type("Enfant de six ans jamais déclaré")
    page.context.add_init_script(COUNT_PRINTS)
    with page.expect_navigation():
        keys.activate(page.get_by_role("button", name="Enregistrer la visite"))
    expect(page.locator(".slip__reference")).to_contain_text(re.compile(r"ORI-\d{4}-\d{5}"))
    reference = page.locator(".slip__reference").inner_text().strip()
    expect(page.locator(".slip")).to_contain_text("Service de l'état civil")
    expect(page.locator(".slip")).to_contain_text("مصلحة الحالة المدنية")
    print_button = page.get_by_role("button", name="Imprimer le bon")
    expect(print_button).to_be_focused()
    keys.press("Enter")
    assert page.evaluate("window.printed") == 1

    service_page = "/fr/organigramme/division-etat-civil/service-etat-civil/"
    page, keys = sign_in("etatcivil", next=service_page)
    row = page.locator("#referrals tr", has_text=reference)
    expect(row).to_contain_text("Enfant de six ans jamais déclaré")
    with page.expect_navigation():
        keys.activate(row.get_by_role("button", name="Reçu"))
    expect(page.locator("#referrals tr", has_text=reference)).to_contain_text("Reçu par le service")
