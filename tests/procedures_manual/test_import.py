"""An existing manual in Word becomes draft procedures; a legal text in PDF becomes articles."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from docx import Document

from intranet.core.printing import html_to_pdf
from procedures_manual import exporting
from procedures_manual.importing import import_manual
from procedures_manual.legal_import import LegalImportRefused, import_legal_text
from procedures_manual.models import LegalTextPage, ProcedurePage
from tests.procedures_manual.factories import (
    legal_text,
    procedure,
    responsible_service,
    translation_of,
)

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture
def where_and_why():
    """The service and the law that ``COPY_OF_RECORD`` names, both in the intranet."""
    return (
        responsible_service(slug="service-des-copies", title="Service des copies d'essai"),
        legal_text(number="77-20", articles=(("14", "La copie est délivrée en deux jours."),)),
    )


def manual_docx(*procedures, category="État civil"):
    """A Word manual written as the commune's staff would: headings and lines."""
    document = Document()
    document.add_heading(category, level=1)
    for code, title, sections in procedures:
        document.add_heading(f"{code} — {title}", level=2)
        for heading, lines in sections:
            document.add_heading(heading, level=3)
            for line in lines:
                document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return buffer


COPY_OF_RECORD = (
    "TS-10",
    "Copie d'acte de mariage",
    [
        ("Résumé", ["Obtenir une copie d'un acte de mariage transcrit dans la commune."]),
        ("Qui est concerné", ["Les époux et leurs ascendants ou descendants."]),
        (
            "Pièces à fournir",
            [
                "☐ Carte nationale d'identité (Original, × 1)",
                "☐ Livret de famille (Copie, × 2) — page du mariage",
            ],
        ),
        ("Frais", ["Gratuit"]),
        ("Délai maximal", ["2 jours"]),
        ("Étapes", ["1. Présenter la demande au guichet", "2. Retirer la copie"]),
        ("Où s'adresser", ["Service des copies d'essai"]),
        ("Vous recevez", ["Copie de l'acte de mariage"]),
        ("Références juridiques", ["Loi 77-20, art. 14"]),
    ],
)


def test_a_word_manual_becomes_draft_procedures_never_published(where_and_why):
    service, law = where_and_why
    report = import_manual(manual_docx(COPY_OF_RECORD), "fr")
    assert report.ok, report.problems
    procedure = ProcedurePage.objects.get(code="TS-10")
    assert not procedure.live
    draft = procedure.get_latest_revision_as_object()
    assert draft.title == "Copie d'acte de mariage"
    assert [d.name for d in draft.documents.all()] == [
        "Carte nationale d'identité",
        "Livret de famille",
    ]
    assert draft.documents.all()[1].form == "copy" and draft.documents.all()[1].copies == 2
    assert draft.max_delay_days == 2 and draft.is_free
    assert draft.service == service
    assert draft.legal_references.all()[0].legal_text == law
    assert draft.legal_references.all()[0].articles == "14"


def test_importing_the_same_file_twice_updates_instead_of_duplicating(where_and_why):
    import_manual(manual_docx(COPY_OF_RECORD), "fr")
    report = import_manual(manual_docx(COPY_OF_RECORD), "fr")
    assert report.updated == ["TS-10 — Copie d'acte de mariage"] and report.created == []
    assert ProcedurePage.objects.filter(code="TS-10").count() == 1


def test_an_import_of_a_published_procedure_leaves_the_live_version_untouched(where_and_why):
    procedure(code="TS-01", french={"title": "Déclaration d'essai"}, translate=False)
    changed = ("TS-01", "Déclaration d'essai (révisée)", COPY_OF_RECORD[2])
    report = import_manual(manual_docx(changed), "fr")
    assert report.ok, report.problems
    live = ProcedurePage.objects.get(code="TS-01", locale__language_code="fr")
    assert live.title == "Déclaration d'essai"
    assert live.get_latest_revision_as_object().title == "Déclaration d'essai (révisée)"


def test_a_dry_run_reports_the_plan_and_saves_nothing(where_and_why):
    report = import_manual(manual_docx(COPY_OF_RECORD), "fr", dry_run=True)
    assert report.created == ["TS-10 — Copie d'acte de mariage"]
    assert not ProcedurePage.objects.filter(code="TS-10").exists()


def test_a_file_with_one_bad_procedure_imports_nothing_and_says_where(where_and_why):
    broken = (
        "TS-11",
        "Procédure mal décrite",
        [
            ("Résumé", ["…"]),
            ("Qui est concerné", ["Tous."]),
            ("Frais", ["beaucoup"]),
            ("Où s'adresser", ["Service inexistant"]),
            ("Vous recevez", ["Rien."]),
            ("Références juridiques", ["Loi 99-99, art. 1"]),
        ],
    )
    report = import_manual(manual_docx(COPY_OF_RECORD, broken), "fr")
    messages = " | ".join(str(problem) for problem in report.problems)
    assert "TS-11" in messages
    assert "beaucoup" in messages and "Service inexistant" in messages and "99-99" in messages
    assert not ProcedurePage.objects.filter(code__in=["TS-10", "TS-11"]).exists()


def test_a_citation_of_an_article_the_text_lacks_is_a_problem(where_and_why):
    wrong_article = (
        "TS-12",
        "Article manquant",
        [*COPY_OF_RECORD[2][:-1], ("Références juridiques", ["Loi 77-20, art. 999"])],
    )
    report = import_manual(manual_docx(wrong_article), "fr")
    assert any("999" in str(problem) for problem in report.problems)


def test_the_exported_manual_imports_back_cleanly_in_both_languages(where_and_why):
    """Every live procedure goes out and back: the demo commune's and one built here
    with each part a procedure may have (documents, steps, a legal reference)."""
    service, law = where_and_why
    french = procedure(code="TS-01", service=service, references=[(law, "14")])
    for page in (french, translation_of(french)):
        language = page.locale.language_code
        content, _ = exporting.export_manual("docx", language)
        report = import_manual(io.BytesIO(content), language, dry_run=True)
        assert report.ok, (language, report.problems[:3])
        live = ProcedurePage.objects.live().filter(locale__language_code=language)
        assert len(report.updated) == live.count()
        assert f"TS-01 — {page.title}" in report.updated


@pytest.mark.parametrize(
    "content, message",
    [
        (b"Ceci n'est pas un document Word.", "not a Word .docx file"),
        (b"PK\x03\x04 truncated", "damaged"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "encrypted"),
    ],
)
def test_an_unreadable_file_gets_a_clear_message(content, message, settings):
    settings.LANGUAGE_CODE = "en"
    from django.utils import translation

    with translation.override("en"):
        report = import_manual(io.BytesIO(content), "fr")
    assert not report.ok
    assert message in str(report.problems[0])


def test_a_zip_bomb_is_refused_before_it_is_opened():
    from django.utils import translation

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (210 * 1024 * 1024))
    buffer.seek(0)
    with translation.override("en"):
        report = import_manual(buffer, "fr")
    assert "200 MB" in str(report.problems[0])


def test_the_import_command_refuses_a_broken_file_and_saves_nothing(tmp_path):
    broken = tmp_path / "manuel.docx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_manual", str(broken), stdout=io.StringIO(), stderr=io.StringIO())


def test_the_import_command_creates_drafts(tmp_path, where_and_why):
    path = tmp_path / "manuel.docx"
    path.write_bytes(manual_docx(COPY_OF_RECORD).getvalue())
    output = io.StringIO()
    call_command("import_manual", str(path), "--user", "cellule", stdout=output)
    assert "Created 1" in output.getvalue()
    assert ProcedurePage.objects.get(code="TS-10").owner.username == "cellule"


def test_the_procedures_cell_imports_through_the_admin_screen(client_for, where_and_why):
    client = client_for("cellule")
    upload = SimpleUploadedFile("manuel.docx", manual_docx(COPY_OF_RECORD).getvalue())
    response = client.post("/admin/procedures/import/", {"file": upload, "language": "fr"})
    assert response.status_code == 200
    assert "TS-10" in response.content.decode()
    assert not ProcedurePage.objects.filter(code="TS-10").exists()  # only checked

    upload = SimpleUploadedFile("manuel.docx", manual_docx(COPY_OF_RECORD).getvalue())
    client.post("/admin/procedures/import/", {"file": upload, "language": "fr", "apply": "on"})
    assert ProcedurePage.objects.filter(code="TS-10", live=False).exists()


@pytest.mark.parametrize("username", ["communication", "formateur", "juriste"])
def test_those_outside_the_cell_cannot_import(client_for, username):
    response = client_for(username).get("/admin/procedures/import/")
    assert response.status_code in (302, 403)


def legal_pdf(body_html, language="fr"):
    direction = "rtl" if language == "ar" else "ltr"
    return io.BytesIO(
        html_to_pdf(f'<html lang="{language}" dir="{direction}"><body>{body_html}</body></html>')
    )


def test_a_legal_text_in_pdf_is_split_into_articles_as_a_draft():
    pdf = legal_pdf(
        "<p>Dahir portant promulgation de la loi n° 88-20</p>"
        "<p>Article premier</p><p>Les communes publient leurs procédures.</p>"
        "<p>Article 2</p><p>Le délai de réponse est de trente jours.</p>"
        "<p>Article 2 bis</p><p>Le récépissé est délivré sur-le-champ.</p>"
    )
    page, draft = import_legal_text(
        pdf, kind="law", number="88-20", title="Loi relative aux fiches"
    )
    assert [number for number, _text in draft.articles] == ["1", "2", "2 bis"]
    assert not page.live
    assert (
        page.get_latest_revision_as_object()
        .articles.all()[1]
        .text.startswith("Le délai de réponse")
    )


def test_an_arabic_legal_text_is_split_on_almadda():
    pdf = legal_pdf(
        "<p>المادة 1</p><p>تنشر الجماعات مساطرها.</p><p>المادة 2</p><p>أجل الجواب ثلاثون يوما.</p>",
        "ar",
    )
    _page, draft = import_legal_text(
        pdf, kind="law", number="88-20", title="قانون", language="ar", dry_run=True
    )
    assert [number for number, _text in draft.articles] == ["1", "2"]


@pytest.mark.parametrize(
    "content, message",
    [
        ((SAMPLES / "encrypted.pdf").read_bytes(), "password"),
        (b"%PDF-1.7\n garbage", "damaged"),
        (b"<html>pas un PDF</html>", "not a PDF"),
    ],
)
def test_an_unreadable_legal_pdf_is_refused_with_a_clear_message(content, message):
    from django.utils import translation

    with translation.override("en"), pytest.raises(LegalImportRefused, match=message):
        import_legal_text(io.BytesIO(content), kind="law", number="1-1", title="x")
    assert not LegalTextPage.objects.filter(number="1-1").exists()


def test_a_pdf_without_articles_is_refused():
    from django.utils import translation

    with translation.override("en"), pytest.raises(LegalImportRefused, match="No “Article N”"):
        import_legal_text(
            legal_pdf("<p>Note de service sans articles.</p>"),
            kind="circular",
            number="3/2026",
            title="Note",
        )
