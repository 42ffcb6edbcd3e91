"""Arabic is the equal of French: chosen by keyboard, read right to left, on screen and
on the printed fiche."""

from playwright.sync_api import expect

from .conftest import JOURNEY

pytestmark = JOURNEY

READS = "e => getComputedStyle(e).direction"


def test_an_agent_switches_to_arabic_and_the_desk_reads_right_to_left(sign_in):
    page, keys = sign_in("accueil", next="/fr/reception/")
    with page.expect_navigation():
        keys.activate(page.get_by_role("link", name="العربية"), backwards=True)
    assert page.url.endswith("/ar/reception/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    assert page.locator("main").evaluate(READS) == "rtl"

    # The layout is mirrored: the commune's name on the right, the languages on the left.
    width = page.viewport_size["width"]
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] > width / 2

    expect(page.locator("#desk-q")).to_be_focused()
    keys.type("رسم الولادة")
    first = page.locator(".desk-results a").first
    expect(first).to_be_visible()
    keys.tab_to(first)
    with page.expect_navigation():
        keys.press("Enter")
    card = page.locator(".answer-card")
    assert card.evaluate(READS) == "rtl"
    expect(card.locator(".code")).to_have_attribute("dir", "ltr")  # EC-03 stays EC-03

    with page.context.expect_page() as opened:
        keys.press("Enter")  # "Print the fiche" has the focus
    fiche = opened.value
    fiche.wait_for_load_state()
    fiche.emulate_media(media="print")
    expect(fiche.locator("html")).to_have_attribute("dir", "rtl")
    arabic, french = fiche.locator("section.side[lang=ar]"), fiche.locator("section.side[lang=fr]")
    assert arabic.evaluate(READS) == "rtl" and french.evaluate(READS) == "ltr"
    # A bilingual sheet, as the commune's forms: French on the left, Arabic on the right.
    assert arabic.bounding_box()["x"] > french.bounding_box()["x"]
    assert fiche.locator(".orientation__side[lang=ar]").evaluate(READS) == "rtl"


def test_an_arabic_procedure_page_reads_right_to_left_on_a_phone(sign_in):
    page, _keys = sign_in("personnel", next="/ar/")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
