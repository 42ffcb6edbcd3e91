"""A change to a procedure goes live only after a second member of the procedures
cell and the legal advisor approve it; each of them works by keyboard alone."""

import pytest
from playwright.sync_api import expect

from procedures_manual.approval import legal_approval_of
from procedures_manual.models import ProcedurePage

from .conftest import JOURNEY

pytestmark = JOURNEY

NEW_DELAY_NOTE = "Délivré sur place en moins de dix minutes, sur présentation du livret"


@pytest.fixture
def birth_certificate():
    return ProcedurePage.objects.get(code="EC-03", locale__language_code="fr")


def approve_from_the_dashboard(sign_in, username, title):
    page, keys = sign_in(username, next="/admin/")
    row = page.locator("tr", has_text=title)
    keys.activate(row.get_by_role("button", name="Actions"))
    keys.tab_to(page.get_by_role("button", name="Approuver", exact=True))
    with page.expect_navigation():
        keys.press("Enter")
    return page


def test_a_change_goes_live_after_the_cell_review_and_the_legal_approval(
    sign_in, birth_certificate
):
    title = birth_certificate.title
    page, keys = sign_in("cellule", next=f"/admin/pages/{birth_certificate.pk}/edit/")
    keys.tab_to(page.locator("#id_delay_note"))
    keys.press("Control+A")
    keys.type(NEW_DELAY_NOTE)
    keys.activate(page.get_by_role("button", name="Plus d'actions"))
    keys.tab_to(page.get_by_role("button", name="Soumettre à Validation des procédures"))
    with page.expect_navigation():
        keys.press("Enter")
    expect(page.locator(".messages")).to_contain_text("soumise pour modération")

    birth_certificate.refresh_from_db()
    assert birth_certificate.delay_note != NEW_DELAY_NOTE, "nothing is live before approval"

    # The author cannot review their own change: nothing waits for them.
    own, _keys = sign_in("cellule", next="/admin/")
    expect(own.get_by_text("En attente de votre vérification")).to_have_count(0)

    approve_from_the_dashboard(sign_in, "cellule2", title)
    birth_certificate.refresh_from_db()
    assert birth_certificate.delay_note != NEW_DELAY_NOTE, "the cell review alone publishes nothing"

    approve_from_the_dashboard(sign_in, "juriste", title)
    birth_certificate.refresh_from_db()
    assert birth_certificate.delay_note == NEW_DELAY_NOTE
    assert legal_approval_of(birth_certificate.live_revision).finished_by.username == "juriste"

    visitor, _keys = sign_in("personnel", next=birth_certificate.url)
    expect(visitor.locator("main")).to_contain_text(NEW_DELAY_NOTE)
