"""A knowledge article printed as a leaflet folded in three, in French and in Arabic."""

from dataclasses import dataclass

import pypdfium2 as pdfium
import pytest
from django.test import Client

from knowledge import leaflet
from tests.organisation import factories as organisation

from . import factories
from .reading import shown

pytestmark = pytest.mark.django_db

A4_LANDSCAPE = (841.89, 595.28)  # points
STAFF = ["personnel", "accueil", "juriste", "communication", "admin"]
# Latin letters only: they read the same in an Arabic line (no digit to reorder).
MARKS = ("QTZ", "QBZ")


def leaflet_of(client, page):
    response = client.get(f"{page.url}leaflet/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content


@dataclass
class Side:
    """One printed side of the sheet: its size, its text, and in which third of the
    sheet, as it lies on the table, each mark asked for is printed."""

    size: tuple
    text: str
    thirds: dict


def sides_of(pdf, marks=()):
    document = pdfium.PdfDocument(pdf)
    try:
        return [_side(document[index], marks) for index in range(len(document))]
    finally:
        document.close()


def _side(page, marks):
    textpage = page.get_textpage()
    thirds = {}
    for mark in marks:
        found = textpage.search(mark).get_next()
        if found:
            left = textpage.get_charbox(found[0])[0]
            thirds[mark] = ("left", "middle", "right")[int(3 * left / page.get_width())]
    # Line breaks and spacing evened out, so that a phrase is found across lines.
    side = Side(page.get_size(), " ".join(textpage.get_text_range().split()), thirds)
    textpage.close()
    page.close()
    return side


def marked_article():
    """An article whose title and first words carry Latin marks, to be found in either script."""
    return factories.article(
        title="Guide des essais QTZ",
        arabic_title="دليل التجارب QTZ",
        body=[factories.paragraph("<p>QBZ Premier paragraphe du guide des essais.</p>")],
        arabic_body=[factories.paragraph("<p>QBZ الفقرة الأولى من دليل التجارب.</p>")],
    )


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_an_article_prints_as_one_a4_landscape_sheet_printed_on_both_sides(
    staff_client, article, language
):
    sides = sides_of(leaflet_of(staff_client, article(language)))
    assert len(sides) == 2  # the outside and the inside of one sheet
    for side in sides:
        assert side.size == pytest.approx(A4_LANDSCAPE, abs=0.5)


def test_the_french_leaflet_is_in_french(staff_client, article):
    outside, inside = (side.text for side in sides_of(leaflet_of(staff_client, article("fr"))))
    assert "Guide des essais" in outside
    assert "Où s'adresser" in outside and "Bureau des essais" in outside
    assert "Texte de l'article." in inside
    assert "دليل التجارب" not in outside + inside


def test_the_arabic_leaflet_is_in_arabic(staff_client, article):
    outside, inside = (side.text for side in sides_of(leaflet_of(staff_client, article("ar"))))
    assert "دليل التجارب" in outside
    assert "أين تتوجهون" in outside and "مكتب التجارب" in outside
    assert "نص المقال" in inside
    assert "Guide des essais" not in outside + inside
    assert "Où s'adresser" not in outside


def test_the_arabic_leaflet_is_marked_right_to_left():
    html = leaflet.as_html(leaflet.build(factories.in_arabic(factories.article())))
    assert '<html lang="ar" dir="rtl">' in html


def test_the_french_leaflet_opens_like_a_french_book(staff_client):
    """The cover is the right-hand panel of the outside, so that the sheet opens to
    the left; inside, the text starts in the left-hand panel."""
    outside, inside = sides_of(leaflet_of(staff_client, marked_article()), MARKS)
    assert outside.thirds["QTZ"] == "right"
    assert inside.thirds["QBZ"] == "left"


def test_the_arabic_leaflet_opens_like_an_arabic_book(staff_client):
    """Mirrored: the cover is on the left, the sheet opens to the right, and the
    text starts in the right-hand panel."""
    outside, inside = sides_of(
        leaflet_of(staff_client, factories.in_arabic(marked_article())), MARKS
    )
    assert outside.thirds["QTZ"] == "left"
    assert inside.thirds["QBZ"] == "right"


def test_the_flap_says_where_to_go_and_which_procedures_to_follow(staff_client):
    office = organisation.service(
        slug="guichet-des-essais",
        title="Guichet des essais",
        arabic_title="شباك التجارب",
        office="12",
        opening_hours=[organisation.weekdays()],
    )
    page = factories.article(
        responsible_service=office, procedures=[factories.procedure(code="ESSAI-07")]
    )
    outside = sides_of(leaflet_of(staff_client, page))[0].text
    assert "Guichet des essais" in outside
    assert "Bureau 12" in outside
    assert "08:00 – 16:30" in outside
    assert "ESSAI-07 Procédure des essais" in outside


def test_a_long_article_goes_on_to_further_sheets_and_says_so(staff_client):
    words = "La réclamation est enregistrée, transmise au service et suivie jusqu'à la réponse. "
    body = [factories.paragraph(f"<p>Paragraphe {n}. {words * 4}</p>") for n in range(1, 121)]
    sides = sides_of(leaflet_of(staff_client, factories.article(body=body)))
    assert len(sides) > 2
    for side in sides:
        assert side.size == pytest.approx(A4_LANDSCAPE, abs=0.5)
    texts = [side.text for side in sides]
    everything = " ".join(texts)
    assert all(f"Paragraphe {n}." in everything for n in range(1, 121))  # nothing is cut
    assert "Suite sur le feuillet suivant" in texts[1]  # the first sheet's inside
    assert "Suite au verso" in texts[2]  # the second sheet's outside
    assert "Article des essais (suite)" in texts[2]
    assert "Suite" not in texts[-1].replace("(suite)", "")


def test_a_short_article_says_nothing_of_a_sequel(staff_client, article):
    for side in sides_of(leaflet_of(staff_client, article())):
        assert "Suite" not in side.text


@pytest.mark.parametrize("username", STAFF)
def test_every_member_of_staff_may_download_the_leaflet(client_for, article, username):
    response = client_for(username).get(f"{article().url}leaflet/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "depliant-article-des-essais-fr.pdf" in response["Content-Disposition"]


def test_anonymous_visitors_are_sent_to_sign_in(article):
    response = Client().get(f"{article().url}leaflet/")
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize(
    ("language", "link"), [("fr", "Dépliant à plier (PDF)"), ("ar", "مطوية للطي (PDF)")]
)
def test_the_article_page_links_to_its_leaflet(staff_client, article, language, link):
    page = article(language)
    response = staff_client.get(page.url)
    assert f'href="{page.url}leaflet/"' in shown(response)
    assert link in shown(response)
