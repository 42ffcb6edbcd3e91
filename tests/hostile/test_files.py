"""Hostile files through every door: extraction, library upload, manual and legal imports.

Each one is extracted, or refused / marked unreadable with a reason; never an
exception, never a hang, and a refused import saves nothing at all.
"""

import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from intranet.core import extraction
from intranet.core.extraction import ExtractionFailed, extract
from procedures_manual import importing, legal_import
from procedures_manual.importing import import_manual
from procedures_manual.legal_import import LegalImportRefused, import_legal_text
from search.documents import read
from search.models import DocumentText
from tests.library.factories import admin_add

from . import samples

pytestmark = pytest.mark.django_db

SECONDS = 30  # the slowest corpus file (a 40-page geology thesis) takes about 8
CORPUS = samples.corpus_pdfs()
needs_corpus = pytest.mark.skipif(
    not CORPUS,
    reason=f"the shared PDF corpus is not at {samples.CORPUS} (a clone outside this machine)",
)
corpus = pytest.mark.parametrize(
    "path", CORPUS or [None], ids=[path.name[:40] for path in CORPUS] or ["absent"]
)
BAD_PDFS = samples.bad_pdfs()
BAD_DOCX = samples.bad_docx()


def outcome(filename, content):
    """``("extracted", text)`` or ``("unreadable", reason)``: nothing else may happen."""
    try:
        return "extracted", extract(filename, io.BytesIO(content))
    except ExtractionFailed as failure:
        return "unreadable", str(failure)


def saved_state():
    return Page.objects.count(), Revision.objects.count(), get_document_model().objects.count()


# --- The shared corpus of real-world PDFs --------------------------------------------------


@needs_corpus
@corpus
def test_every_corpus_pdf_is_extracted_or_marked_unreadable_with_a_reason(path):
    started = time.monotonic()
    status, result = outcome(path.name, path.read_bytes())
    assert time.monotonic() - started < SECONDS
    assert result.strip(), "a text, or a reason a person can act on"


@needs_corpus
def test_the_corpus_readable_and_unreadable_files_are_told_apart():
    outcomes = {path.name: outcome(path.name, path.read_bytes()) for path in CORPUS[:6]}
    assert outcomes["001-trivial_minimal-document.pdf"][0] == "extracted"
    with translation.override("en"):
        status, reason = outcome(
            "x.pdf",
            (
                samples.CORPUS / "005-libreoffice-writer-password_libreoffice-writer-password.pdf"
            ).read_bytes(),
        )
    assert (status, "password" in reason) == ("unreadable", True)


@needs_corpus
@corpus
def test_every_corpus_pdf_uploads_to_the_library_and_gets_a_text_status(
    client_for, path, django_capture_on_commit_callbacks
):
    before = get_document_model().objects.count()
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):  # the text and preview tasks run
        response = admin_add(
            client_for("communication"), path.stem[:100], path.name, path.read_bytes()
        )
    assert response.status_code == 302
    assert time.monotonic() - started < SECONDS
    document = get_document_model().objects.latest("pk")
    assert get_document_model().objects.count() == before + 1
    record = DocumentText.objects.get(document=document)
    assert record.status in (DocumentText.Status.EXTRACTED, DocumentText.Status.FAILED)
    assert record.text.strip() if record.status == DocumentText.Status.EXTRACTED else record.reason


# --- Generated bad files -------------------------------------------------------------------


@pytest.mark.parametrize(
    "filename, content, what",
    BAD_PDFS + BAD_DOCX,
    ids=[f"{w} ({n})" for n, _c, w in BAD_PDFS + BAD_DOCX],
)
def test_a_bad_file_is_marked_unreadable_with_a_reason(filename, content, what):
    status, reason = outcome(filename, content)
    assert status == "unreadable" and reason


def test_a_malformed_word_body_is_called_damaged_not_a_crash():
    with translation.override("en"):
        status, reason = outcome("casse.docx", samples.docx_with_broken_xml())
    assert status == "unreadable" and "damaged" in reason


def test_a_docx_zip_bomb_is_refused_without_being_expanded(zip_bomb):
    assert len(zip_bomb) < 5 * 1024 * 1024  # a few MB on disk, 1.1 GB once expanded
    started = time.monotonic()
    with translation.override("en"):
        status, reason = outcome("bombe.docx", zip_bomb)
    assert time.monotonic() - started < 2
    assert status == "unreadable" and "200 MB" in reason


def test_a_word_body_too_big_to_parse_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_DOCX_BODY", 1024 * 1024)
    with translation.override("en"):
        status, reason = outcome("long.docx", samples.docx_with_big_body(expanded_mb=2))
    assert status == "unreadable" and "larger than 1 MB" in reason


def test_a_pdf_with_very_many_pages_is_read_only_up_to_the_page_limit(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_PAGES", 3)
    pages = "".join(
        f'<p style="page-break-after: always">Feuillet numéro {n}</p>' for n in range(1, 7)
    )
    content = samples.html_to_pdf(f"<html><body>{pages}</body></html>")
    status, text = outcome("registre.pdf", content)
    assert status == "extracted"
    assert "numéro 3" in text and "numéro 4" not in text


def test_five_thousand_blank_pages_end_quickly_as_unreadable():
    started = time.monotonic()
    status, _reason = outcome("blanc.pdf", samples.many_pages_pdf(5000))
    assert status == "unreadable" and time.monotonic() - started < SECONDS


def test_a_parser_failure_nobody_foresaw_still_becomes_a_reason(monkeypatch):
    def explode(stream):
        raise AssertionError("unexpected structure")

    monkeypatch.setitem(extraction.EXTRACTORS, ".pdf", explode)
    status, reason = outcome("etrange.pdf", samples.valid_pdf())
    assert status == "unreadable" and "AssertionError" in reason


def test_a_stored_document_that_cannot_be_read_keeps_its_reason():
    from tests.library.factories import make_document

    document = make_document(
        "Corps manquant", "sans-corps.docx", samples.docx_without_document_xml()
    )
    record = read(document)
    assert record.status == DocumentText.Status.FAILED and record.reason


def test_control_characters_in_a_text_layer_are_dropped_and_page_breaks_kept_as_lines():
    status, text = outcome("souk.pdf", samples.pdf_with_control_characters())
    assert status == "extracted"
    assert text == "Taxe de souk\n hebdomadaire"


def test_a_document_whose_text_layer_holds_nul_characters_is_stored_and_found():
    """PostgreSQL refuses NUL in a text column: it must never reach one."""
    from tests.library.factories import make_document

    document = make_document("Taxe de souk", "souk.pdf", samples.pdf_with_control_characters())
    record = read(document)
    record.refresh_from_db()
    assert record.status == DocumentText.Status.EXTRACTED
    assert "\x00" not in record.text and "hebdomadaire" in record.text


# --- The library upload form ---------------------------------------------------------------


@pytest.mark.parametrize(
    "filename, content",
    [
        ("vide.pdf", b""),
        ("hasard.pdf", samples.random_bytes()),
        ("facture.pdf", samples.PROGRAM),
        ("hasard.docx", samples.random_bytes(seed=2)),
        ("pdf.docx", samples.valid_pdf()),
        ("word.pdf", samples.valid_docx()),
    ],
)
def test_the_library_refuses_a_file_whose_extension_lies_and_saves_nothing(
    client_for, filename, content
):
    before = saved_state()
    response = admin_add(client_for("communication"), "Suspect", filename, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert saved_state() == before


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=4 * 1024)
def test_the_library_refuses_an_oversized_file_and_saves_nothing(client_for):
    before = saved_state()
    response = admin_add(
        client_for("communication"), "Gros", "gros.pdf", samples.valid_pdf() + b" " * 8192
    )
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert saved_state() == before


@pytest.mark.parametrize(
    "filename, content",
    [
        ("tronque.pdf", samples.truncated_pdf()),
        ("protege.pdf", samples.ENCRYPTED_PDF.read_bytes()),
        ("casse.docx", samples.docx_with_broken_xml()),
        ("sans-corps.docx", samples.docx_without_document_xml()),
    ],
)
def test_a_damaged_file_of_the_right_type_is_kept_and_marked_unreadable(
    client_for, filename, content, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_add(client_for("communication"), "Abîmé", filename, content)
    assert response.status_code == 302
    record = DocumentText.objects.get(document=get_document_model().objects.latest("pk"))
    assert record.status == DocumentText.Status.FAILED and record.reason


def test_the_library_takes_the_zip_bomb_but_never_expands_it(
    client_for, zip_bomb, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_add(client_for("communication"), "Bombe", "bombe.docx", zip_bomb)
    assert response.status_code == 302
    record = DocumentText.objects.get(document=get_document_model().objects.latest("pk"))
    assert record.status == DocumentText.Status.FAILED and "200" in record.reason


# --- The manual import (DOCX) --------------------------------------------------------------

MANUAL_BAD = [(n, c) for n, c, _w in BAD_DOCX] + [
    ("protege.pdf", samples.ENCRYPTED_PDF.read_bytes()),
    ("tronque.pdf", samples.truncated_pdf()),
]


@pytest.mark.parametrize("filename, content", MANUAL_BAD, ids=[n for n, _c in MANUAL_BAD])
def test_the_manual_import_refuses_a_bad_file_with_a_message_and_saves_nothing(filename, content):
    before = saved_state()
    report = import_manual(io.BytesIO(content), "fr")
    assert not report.ok and not report.applied
    assert str(report.problems[0]).strip()
    assert saved_state() == before


def test_the_manual_import_refuses_the_zip_bomb(zip_bomb):
    before = saved_state()
    with translation.override("en"):
        report = import_manual(io.BytesIO(zip_bomb), "fr")
    assert "200 MB" in str(report.problems[0])
    assert saved_state() == before


def test_the_manual_import_refuses_a_body_too_big_to_parse(monkeypatch):
    monkeypatch.setattr(importing, "MAX_BODY_SIZE", 1024 * 1024)
    with translation.override("en"):
        report = import_manual(io.BytesIO(samples.docx_with_big_body(expanded_mb=2)), "fr")
    assert "larger than 1 MB" in str(report.problems[0])


def test_the_manual_import_refuses_an_oversized_file(monkeypatch):
    monkeypatch.setattr(importing, "MAX_FILE_SIZE", 1024)
    upload = SimpleUploadedFile("manuel.docx", samples.valid_docx())
    with translation.override("en"):
        report = import_manual(upload, "fr")
    assert "larger than" in str(report.problems[0])


@pytest.mark.parametrize("filename, content", MANUAL_BAD[:6], ids=[n for n, _c in MANUAL_BAD[:6]])
def test_the_admin_import_screen_shows_the_problem_and_saves_nothing(client_for, filename, content):
    before = saved_state()
    response = client_for("cellule").post(
        "/admin/procedures/import/",
        {"file": SimpleUploadedFile(filename, content), "language": "fr", "apply": "on"},
    )
    assert response.status_code == 200
    report = response.context.get("report")
    form = response.context["form"]
    assert (report is not None and report.problems) or form.errors
    assert saved_state() == before


def test_the_import_manual_command_refuses_the_zip_bomb(tmp_path, zip_bomb):
    path = tmp_path / "bombe.docx"
    path.write_bytes(zip_bomb)
    before = saved_state()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_manual", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert saved_state() == before


# --- The legal text import (PDF) -----------------------------------------------------------

LEGAL_BAD = [(n, c) for n, c, _w in BAD_PDFS] + [("casse.docx", samples.docx_with_broken_xml())]


@pytest.mark.parametrize("filename, content", LEGAL_BAD, ids=[n for n, _c in LEGAL_BAD])
def test_the_legal_import_refuses_a_bad_file_with_a_message_and_saves_nothing(filename, content):
    before = saved_state()
    with pytest.raises(LegalImportRefused) as refusal:
        import_legal_text(io.BytesIO(content), kind="law", number="99-99", title="Loi hostile")
    assert str(refusal.value).strip()
    assert saved_state() == before


def test_the_legal_import_refuses_a_file_over_its_page_limit(monkeypatch):
    monkeypatch.setattr(legal_import, "MAX_PAGES", 10)
    with translation.override("en"), pytest.raises(LegalImportRefused, match="more than 10 pages"):
        import_legal_text(
            io.BytesIO(samples.many_pages_pdf(11)), kind="law", number="99-99", title="Registre"
        )


def test_the_legal_import_refuses_an_oversized_file(monkeypatch):
    monkeypatch.setattr(legal_import, "MAX_FILE_SIZE", 1024)
    upload = SimpleUploadedFile("loi.pdf", samples.valid_pdf())
    with pytest.raises(LegalImportRefused):
        import_legal_text(upload, kind="law", number="99-99", title="Loi")


def test_the_legal_import_drops_control_characters_from_the_text_layer():
    content = samples.pdf_with_control_characters(rb"Article 1 Le droit\000 de place\001 est du.")
    _page, draft = import_legal_text(
        io.BytesIO(content), kind="law", number="99-99", title="Loi", dry_run=True
    )
    assert draft.articles == [("1", "Le droit de place est du.")]


SMALL_CORPUS = [path for path in CORPUS if path.stat().st_size < 1024 * 1024]  # the big ones: above


@needs_corpus
@pytest.mark.parametrize(
    "path", SMALL_CORPUS or [None], ids=[p.name[:40] for p in SMALL_CORPUS] or ["absent"]
)
def test_every_corpus_pdf_imports_as_a_legal_text_or_is_refused_with_a_message(path):
    before = saved_state()
    try:
        page, draft = import_legal_text(
            path.open("rb"), kind="law", number="99-99", title="Corpus", dry_run=True
        )
    except LegalImportRefused as refusal:
        assert str(refusal).strip()
    else:
        assert page is None and draft.articles
    assert saved_state() == before


@pytest.mark.parametrize("filename, content", LEGAL_BAD[:5], ids=[n for n, _c in LEGAL_BAD[:5]])
def test_the_import_legal_text_command_refuses_a_bad_file(tmp_path, filename, content):
    path = tmp_path / filename
    path.write_bytes(content)
    before = saved_state()
    with pytest.raises(CommandError):
        call_command(
            "import_legal_text",
            str(path),
            "--kind",
            "law",
            "--number",
            "99-99",
            "--title",
            "Loi",
            stdout=io.StringIO(),
        )
    assert saved_state() == before
