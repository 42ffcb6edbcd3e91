"""The revue: chosen news and decisions, in order, on screen, in Word and in PDF."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from . import factories
from .factories import YEAR, decision, in_arabic, news

pytestmark = pytest.mark.django_db

ITEMS_FR = (
    "Approbation du budget des essais pour l'exercice suivant",
    "Adoption du règlement intérieur des essais",
    "Le guichet des essais est ouvert",
)


@pytest.fixture
def revue():
    """A revue of two decisions and a news item, in this order, in French and Arabic:
    ``revue()`` is the French one, ``revue("ar")`` its Arabic version."""
    budget = decision(
        41,
        date(YEAR, 10, 8),
        title=ITEMS_FR[0],
        subject="Le budget des essais.",
        arabic_fields={"title": "المصادقة على ميزانية التجارب", "subject": "ميزانية التجارب."},
    )
    rules = decision(
        43,
        date(YEAR, 11, 24),
        session_type="extraordinary",
        title=ITEMS_FR[1],
        arabic_fields={"title": "اعتماد النظام الداخلي للتجارب"},
    )
    counter = news(
        "guichet-des-essais",
        date(YEAR, 11, 2),
        title=ITEMS_FR[2],
        arabic_fields={"title": "شباك التجارب مفتوح", "introduction": "مقدمة."},
    )
    page = factories.revue(
        [budget, rules, counter],
        introduction="Voici le premier numéro des essais.\n\nBonne lecture.",
    )
    return lambda language="fr": page if language == "fr" else in_arabic(page)


def test_the_revue_shows_its_editorial_and_the_chosen_items_in_order(staff_client, revue):
    response = staff_client.get(revue().url)
    content = response.content.decode().replace("&#x27;", "'")
    positions = [content.index(title) for title in ITEMS_FR]
    assert positions == sorted(positions)
    assert "Voici le premier numéro des essais." in content
    assert "pdf/" in content and "docx/" in content


def test_the_arabic_revue_shows_the_arabic_versions(staff_client, revue):
    content = staff_client.get(revue("ar").url).content.decode()
    assert "المصادقة على ميزانية التجارب" in content
    assert "Approbation du budget" not in content


def test_the_revue_downloads_as_a_word_document_with_the_chosen_titles(staff_client, revue):
    response = staff_client.get(revue().url + "docx/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = "\n".join(
        paragraph.text for paragraph in Document(io.BytesIO(response.content)).paragraphs
    )
    for title in (revue().title, *ITEMS_FR):
        assert title in text


def test_the_arabic_word_document_runs_right_to_left(staff_client, revue):
    response = staff_client.get(revue("ar").url + "docx/")
    document = Document(io.BytesIO(response.content))
    title = next(p for p in document.paragraphs if p.text == revue("ar").title)
    assert title._p.pPr.find(qn("w:bidi")) is not None
    assert "اعتماد النظام الداخلي للتجارب" in "\n".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_revue_downloads_as_a_pdf_with_text(staff_client, revue, language):
    response = staff_client.get(revue(language).url + "pdf/")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "41/2030" in text
    if language == "fr":
        assert "budget des essais" in text


def test_a_period_cannot_end_before_it_starts(revue):
    revue = revue()
    revue.period_end = date(YEAR - 1, 8, 1)
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            revue.full_clean()
        messages = [str(message) for message in caught.value.message_dict["period_end"]]
    assert messages == ["The period cannot end before it starts."]


def test_an_unpublished_item_is_left_out_of_the_revue(revue):
    from wagtail.models import Page

    revue = revue()
    first = revue.entries()[0].page
    assert first.title == ITEMS_FR[0]
    Page.objects.filter(pk=first.pk).update(live=False)
    assert first.title not in [entry.page.title for entry in revue.entries()]


def test_the_news_index_points_to_the_revue(staff_client, revue):
    content = staff_client.get(factories.news_index().url).content.decode()
    assert revue().url in content
