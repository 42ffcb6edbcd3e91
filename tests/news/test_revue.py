"""The revue: chosen news and decisions, in order, on screen, in Word and in PDF."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from .factories import demo_revue

pytestmark = pytest.mark.django_db

FIRST_ITEMS_FR = (
    "Approbation du budget de la commune pour l'exercice 2027",
    "Adoption du manuel unifié des procédures administratives",
    "Le manuel unifié des procédures est en ligne",
)


def test_the_revue_shows_its_editorial_and_the_chosen_items_in_order(staff_client):
    revue = demo_revue()
    response = staff_client.get(revue.url)
    content = response.content.decode().replace("&#x27;", "'")
    positions = [content.index(title) for title in FIRST_ITEMS_FR]
    assert positions == sorted(positions)
    assert "Voici son premier numéro." in content
    assert "pdf/" in content and "docx/" in content


def test_the_arabic_revue_shows_the_arabic_versions(staff_client):
    content = staff_client.get(demo_revue("ar").url).content.decode()
    assert "المصادقة على ميزانية الجماعة برسم سنة 2027" in content
    assert "Approbation du budget" not in content


def test_the_revue_downloads_as_a_word_document_with_the_chosen_titles(staff_client):
    response = staff_client.get(demo_revue().url + "docx/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = "\n".join(
        paragraph.text for paragraph in Document(io.BytesIO(response.content)).paragraphs
    )
    for title in (demo_revue().title, *FIRST_ITEMS_FR):
        assert title in text


def test_the_arabic_word_document_runs_right_to_left(staff_client):
    response = staff_client.get(demo_revue("ar").url + "docx/")
    document = Document(io.BytesIO(response.content))
    title = next(p for p in document.paragraphs if p.text == demo_revue("ar").title)
    assert title._p.pPr.find(qn("w:bidi")) is not None
    assert "اعتماد الدليل الموحد للمساطر الإدارية" in "\n".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_revue_downloads_as_a_pdf_with_text(staff_client, language):
    response = staff_client.get(demo_revue(language).url + "pdf/")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "41/2026" in text
    if language == "fr":
        assert "budget de la commune" in text


def test_a_period_cannot_end_before_it_starts():
    revue = demo_revue()
    revue.period_end = date(2026, 8, 1)
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            revue.full_clean()
        messages = [str(message) for message in caught.value.message_dict["period_end"]]
    assert messages == ["The period cannot end before it starts."]


def test_an_unpublished_item_is_left_out_of_the_revue():
    from wagtail.models import Page

    revue = demo_revue()
    first = revue.entries()[0].page
    Page.objects.filter(pk=first.pk).update(live=False)
    assert first.title not in [entry.page.title for entry in revue.entries()]


def test_the_news_index_points_to_the_revue(staff_client):
    from .factories import news_index

    content = staff_client.get(news_index().url).content.decode()
    assert demo_revue().url in content
