"""Bad uploads are refused with a message in the admin form, and nothing is lost."""

import io
import zipfile

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.documents import get_document_model

from intranet.core import file_types

from .factories import admin_add, admin_replace, docx_bytes, make_document, pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db

PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def open_document_bytes(mimetype):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def file_errors(response):
    """The file field's errors, as (code, message) pairs: codes do not depend on the language."""
    assert response.status_code == 200, "the form should be shown again"
    errors = response.context["form"].errors.as_data().get("file", [])
    return [(error.code, " ".join(error.messages)) for error in errors]


def messages(errors):
    return " ".join(message for _code, message in errors)


def count():
    return get_document_model().objects.count()


def test_every_allowed_extension_has_a_content_check():
    assert set(settings.WAGTAILDOCS_EXTENSIONS) == set(file_types.CHECKS)


def test_the_size_limit_comes_from_library_max_upload_mb():
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == settings.LIBRARY_MAX_UPLOAD_MB * 1024 * 1024


@pytest.mark.parametrize(
    "filename, content",
    [
        ("note.pdf", pdf_bytes("Note")),
        ("formulaire.docx", docx_bytes("Formulaire")),
        ("scan.png", png_bytes()),
        ("tableau.csv", "Service;Visites\nÉtat civil;120\n".encode()),
        ("compte-rendu.odt", open_document_bytes("application/vnd.oasis.opendocument.text")),
    ],
)
def test_a_file_of_an_allowed_type_is_accepted(client_for, filename, content):
    before = count()
    assert admin_add(client_for("communication"), filename, filename, content).status_code == 302
    assert count() == before + 1


def test_a_file_of_a_refused_type_gets_a_message_naming_the_allowed_ones(client_for):
    before = count()
    errors = file_errors(admin_add(client_for("communication"), "Outil", "outil.exe", PROGRAM))
    assert len(errors) == 1  # Wagtail's message, which names the extension and the allowed ones
    assert "exe" in messages(errors) and "pdf, docx" in messages(errors)
    assert count() == before


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=10 * 1024)
def test_a_file_over_the_size_limit_is_refused_with_both_sizes(client_for):
    before = count()
    errors = file_errors(
        admin_add(client_for("communication"), "Gros", "gros.pdf", b"%PDF-1.7\n" + b"0" * 20_000)
    )
    assert [code for code, _message in errors] == ["file_too_large"]
    assert "10,0" in messages(errors) or "10.0" in messages(errors)
    assert count() == before


def test_an_empty_file_is_refused(client_for):
    before = count()
    errors = file_errors(admin_add(client_for("communication"), "Vide", "vide.pdf", b""))
    assert [code for code, _message in errors] == ["empty"]
    assert count() == before


@pytest.mark.parametrize(
    "filename, content, found",
    [
        ("facture.pdf", PROGRAM, "program"),
        ("formulaire.docx", pdf_bytes("En réalité un PDF"), "pdf"),
        ("tableau.xlsx", docx_bytes("En réalité un Word"), "archive"),
        ("photo.jpg", png_bytes(), "image"),
        ("notes.txt", PROGRAM, "program"),
        ("ancien.doc", b"PK\x03\x04" + b"\x00" * 100, "archive"),
        ("compte-rendu.odt", open_document_bytes("application/zip"), "archive"),
    ],
)
def test_a_file_whose_content_does_not_match_its_extension_is_refused(
    client_for, filename, content, found
):
    before = count()
    errors = file_errors(admin_add(client_for("communication"), "Suspect", filename, content))
    assert [code for code, _message in errors] == ["content_mismatch"]
    assert filename in messages(errors)
    assert file_types.identify(content[: file_types.HEAD_BYTES]) == found
    assert count() == before


def test_a_refused_replacement_leaves_the_document_and_its_versions_as_they_were(client_for):
    original = pdf_bytes("Version en vigueur")
    document = make_document("Circulaire", "circulaire.pdf", original)
    errors = file_errors(
        admin_replace(client_for("communication"), document, "circulaire.pdf", PROGRAM)
    )
    assert [code for code, _message in errors] == ["content_mismatch"]
    document.refresh_from_db()
    with document.open_file() as stream:
        assert stream.read() == original
    assert document.versions.count() == 1


def test_the_multiple_uploader_refuses_a_disguised_program(client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories import division_collection

    before = count()
    response = client_for("communication").post(
        "/admin/documents/multiple/add/",
        {
            "files[]": SimpleUploadedFile("facture.pdf", PROGRAM),
            "collection": division_collection("direction-generale-des-services").collection_id,
        },
    )
    assert response.json()["success"] is False
    assert "facture.pdf" in response.json()["error_message"]
    assert count() == before
