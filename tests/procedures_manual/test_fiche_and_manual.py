"""Fiches for citizens and the whole manual, printable, in PDF and DOCX, in both languages."""

import io
from html import unescape

import pytest
from django.core.management import call_command
from docx import Document
from pypdf import PdfReader

from procedures_manual import exporting, fiche
from procedures_manual.models import Category, ProcedurePage
from tests.procedures_manual.factories import (
    ARABIC,
    FRENCH,
    building,
    form_document,
    legal_text,
    manual,
    procedure,
    responsible_service,
    translation_of,
)

pytestmark = pytest.mark.django_db


def demo_procedure(code):
    return ProcedurePage.objects.get(code=code, locale__language_code="fr")


def building_permit(**fields):
    """A live procedure in both languages, dealt with by a service in an annex."""
    service = responsible_service(building=building("Annexe des essais", "ملحقة التجارب"))
    return procedure(
        code="TS-01",
        category=Category.URBANISM,
        french={
            "title": "Permis d'essai",
            "documents": [("Certificat d'essai de moins de trois mois", "original", 1)],
        },
        arabic_words={"title": "رخصة التجربة"},
        service=service,
        references=[(legal_text(number="12-90"), "14")],
        **fields,
    )


def docx_text(content):
    document = Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += [p.text for p in cell.paragraphs]
    return "\n".join(paragraphs)


def test_the_fiche_print_view_carries_both_languages_and_the_orientation(staff_client):
    page = building_permit()
    response = staff_client.get(page.url + "fiche/")
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Permis d'essai" in html and "رخصة التجربة" in html
    assert 'lang="ar" dir="rtl"' in html
    assert "Annexe des essais" in html and "ملحقة التجارب" in html
    assert f"Badge {page.service.colour_label}" in html
    assert "Certificat d'essai de moins de trois mois" in html
    assert "<svg" in html  # the QR code


def test_the_fiche_pdf_is_one_a4_page_with_both_languages(staff_client):
    response = staff_client.get(building_permit().url + "fiche/pdf/")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join([response.content])))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert round(float(page.mediabox.width)) == 595 and round(float(page.mediabox.height)) == 842
    text = page.extract_text()
    assert "Permis d'essai" in text
    assert "TS-01" in text


@pytest.mark.parametrize("code", ["EC-01", "UR-01", "EE-02", "AS-02"])
def test_the_longest_fiches_of_the_demo_commune_fit_on_one_page(code):
    """Checks the demo commune: its longest real procedures still print on one A4 page."""
    reader = PdfReader(io.BytesIO(fiche.as_pdf(fiche.build(demo_procedure(code)))))
    assert len(reader.pages) == 1


def test_the_fiche_docx_opens_and_marks_arabic_right_to_left(staff_client):
    response = staff_client.get(procedure().url + "fiche/docx/")
    text = docx_text(response.content)
    assert FRENCH["title"] in text and ARABIC["title"] in text
    assert "☐ Plan des lieux" in text
    document = Document(io.BytesIO(response.content))
    xml = document.element.xml
    assert "<w:bidi/>" in xml and "<w:rtl/>" in xml


def test_the_fiche_links_to_the_procedure_on_the_intranet():
    french = procedure()
    built = fiche.build(translation_of(french))
    assert built.url.endswith(french.url)


def test_the_manual_pdf_holds_every_published_procedure_and_the_legal_index(tmp_path):
    procedure(code="TS-01", translate=False)
    output = tmp_path / "manuel.pdf"
    call_command("export_manual", "--format", "pdf", "--output", str(output), stdout=io.StringIO())
    text = "\n".join(page.extract_text() for page in PdfReader(output).pages)
    for code in (
        ProcedurePage.objects.live()
        .filter(locale__language_code="fr")
        .values_list("code", flat=True)
    ):
        assert code in text
    assert "TS-01" in text
    assert "Index des textes juridiques" in text


def test_the_manual_docx_opens_with_python_docx_and_holds_every_published_procedure(tmp_path):
    procedure(code="TS-01", translate=False)
    output = tmp_path / "manuel.docx"
    call_command("export_manual", "--format", "docx", "--output", str(output), stdout=io.StringIO())
    document = Document(output)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    live = ProcedurePage.objects.live().filter(locale__language_code="fr")
    assert len(headings) == live.count()
    assert f"TS-01 — {FRENCH['title']}" in headings
    chapters = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "1. État civil" in chapters and "Index des textes juridiques" in chapters


def test_the_manual_is_built_from_published_versions_only():
    draft = procedure(code="TS-01", translate=False)
    draft.title = "Brouillon jamais approuvé"
    draft.save_revision()
    unpublished = procedure(code="TS-02", translate=False)
    unpublished.unpublish()
    text = docx_text(exporting.export_manual("docx")[0])
    assert "Brouillon jamais approuvé" not in text
    assert FRENCH["title"] in text
    assert "TS-02" not in text


def test_the_arabic_manual_is_written_right_to_left():
    procedure()
    content, _ = exporting.export_manual("docx", "ar")
    document = Document(io.BytesIO(content))
    assert ARABIC["title"] in docx_text(content)
    assert "<w:bidi/>" in document.element.xml


def test_staff_download_the_manual_from_its_page(staff_client):
    response = staff_client.get(manual().url + "export/docx/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert staff_client.get(manual().url + "export/odt/").status_code == 404


def test_anonymous_visitors_cannot_download_fiches_or_the_manual(client):
    page = procedure(translate=False)
    for url in (manual().url + "export/pdf/", page.url + "fiche/pdf/"):
        assert client.get(url).status_code == 302


def test_an_unknown_export_format_is_refused_with_a_clear_message():
    with pytest.raises(exporting.UnknownFormat, match="pdf, docx"):
        exporting.export_manual("odt")


def test_a_procedure_offers_its_forms_to_signed_in_staff_only(staff_client, client):
    page = procedure(form=form_document(), translate=False)
    form = page.forms[0].value["document"]
    html = unescape(staff_client.get(page.url).content.decode())
    assert FRENCH["form_title"] in html
    assert staff_client.get(form.url).status_code == 200
    assert client.get(form.url).status_code == 302


def test_frequent_questions_are_shown_in_each_language(staff_client):
    page = procedure(
        french={"questions": [("Faut-il un architecte ?", "Au-delà de 150 m², oui.")]},
        arabic_words={"questions": [("هل يلزم مهندس معماري؟", "نعم، فوق 150 م².")]},
    )
    french = unescape(staff_client.get(page.url).content.decode())
    arabic = unescape(staff_client.get(translation_of(page).url).content.decode())
    assert "Faut-il un architecte ?" in french and "هل يلزم مهندس معماري؟" not in french
    assert "هل يلزم مهندس معماري؟" in arabic
