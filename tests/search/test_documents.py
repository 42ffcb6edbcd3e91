"""The text inside uploaded PDF and DOCX files is searchable; unreadable files say why."""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from docx import Document as WordDocument
from wagtail.documents import get_document_model
from wagtail.models import Collection

from intranet.core import extraction
from intranet.core.printing import html_to_pdf
from search.models import DocumentText, SearchEntry
from tests.search.asking import ask as search

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def word_file(*paragraphs):
    document = WordDocument()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_file(body):
    return html_to_pdf(f"<html><body>{body}</body></html>")


def upload(title, filename, content, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = get_document_model().objects.create(
            title=title, collection=Collection.objects.get(name="Procédures administratives")
        )
        document.file.save(filename, ContentFile(content), save=True)
    return document


def test_an_upload_waits_for_no_reading_and_index_documents_makes_it_findable(
    settings, django_capture_on_commit_callbacks
):
    # A queue that keeps tasks for a worker, as in production: nobody reads them here.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    document = upload(
        "Note de service 12/2026",
        "note.pdf",
        pdf_file(
            "<p>Les guichets ouvriront exceptionnellement le samedi "
            "pendant la campagne de recensement.</p>"
        ),
        django_capture_on_commit_callbacks,
    )
    assert DocumentText.objects.get(document=document).status == DocumentText.Status.PENDING
    found_before = search("campagne de recensement", language="fr").hits
    assert f"document:{document.pk}" not in [hit.entry.key for hit in found_before]

    report = io.StringIO()
    call_command("index_documents", stdout=report)

    assert "1 document(s) read, 0 not read" in report.getvalue()
    hits = search("campagne de recensement", language="fr").hits
    assert hits and hits[0].entry.key == f"document:{document.pk}"
    # Documents belong to no language tree: an Arabic-speaking agent finds them too.
    assert search("recensement", language="ar").hits[0].entry.title == "Note de service 12/2026"


def test_a_phrase_inside_an_uploaded_docx_finds_it(django_capture_on_commit_callbacks):
    upload(
        "Charte d'accueil",
        "charte.docx",
        word_file(
            "Charte de l'accueil", "L'agent accueille chaque usager avec courtoisie et ponctualité."
        ),
        django_capture_on_commit_callbacks,
    )
    hits = search("courtoisie ponctualite", language="fr").hits
    assert hits[0].entry.title == "Charte d'accueil"


def test_arabic_text_inside_a_docx_is_searchable(django_capture_on_commit_callbacks):
    document = upload(
        "ميثاق الاستقبال",
        "mithaq.docx",
        word_file("يستقبل العون كل مرتفق بلباقة واحترام المواعيد."),
        django_capture_on_commit_callbacks,
    )
    found = [hit.entry.key for hit in search("بلباقة واحترام المواعيد", language="ar").hits[:3]]
    assert f"document:{document.pk}" in found


def test_an_encrypted_pdf_is_marked_unreadable_with_its_reason_and_stays_downloadable(
    django_capture_on_commit_callbacks, staff_client
):
    document = upload(
        "Document protégé",
        "protege.pdf",
        (SAMPLES / "encrypted.pdf").read_bytes(),
        django_capture_on_commit_callbacks,
    )
    record = DocumentText.objects.get(document=document)
    assert record.status == DocumentText.Status.FAILED
    assert "password" in record.reason or "mot de passe" in record.reason
    assert staff_client.get(document.url).status_code == 200
    assert search("Document protégé", language="fr").hits[0].entry.title == "Document protégé"


@pytest.mark.parametrize(
    "filename, content, reason",
    [
        ("faux.pdf", b"<html>pas un pdf</html>", "not a PDF"),
        ("casse.pdf", b"%PDF-1.4\n1 0 obj garbage", "damaged"),
        ("casse.docx", b"PK\x03\x04 truncated", "damaged"),
        ("ancien.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "password"),
        ("image.png", b"\x89PNG\r\n", "not extracted"),
    ],
)
def test_unreadable_files_raise_a_clear_reason(filename, content, reason):
    from django.utils import translation

    with translation.override("en"), pytest.raises(extraction.ExtractionFailed, match=reason):
        extraction.extract(filename, io.BytesIO(content))


def test_a_scanned_pdf_without_text_is_reported_as_such():
    from django.utils import translation

    with (
        translation.override("en"),
        pytest.raises(extraction.ExtractionFailed, match="no text layer"),
    ):
        extraction.extract("scan.pdf", io.BytesIO(html_to_pdf("<html><body></body></html>")))


def test_deleting_a_document_removes_it_from_search(django_capture_on_commit_callbacks):
    document = upload(
        "Circulaire à retirer",
        "circulaire.docx",
        word_file("Texte obsolète."),
        django_capture_on_commit_callbacks,
    )
    key = f"document:{document.pk}"
    assert SearchEntry.objects.filter(key=key).exists()
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert not SearchEntry.objects.filter(key=key).exists()


def test_a_document_uploaded_in_the_admin_becomes_searchable(
    client_for, django_capture_on_commit_callbacks
):
    client = client_for("cellule")
    collection = Collection.objects.get(name="Procédures administratives")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/documents/add/",
            {
                "title": "Formulaire de réclamation",
                "collection": collection.pk,
                "file": SimpleUploadedFile(
                    "reclamation.docx", word_file("Objet de la réclamation : nuisances sonores.")
                ),
            },
        )
    assert response.status_code == 302
    assert (
        search("nuisances sonores", language="fr").hits[0].entry.title
        == "Formulaire de réclamation"
    )


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pdf"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared PDF corpus is not beside this checkout")
@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else [], ids=lambda p: p.name
)
def test_every_real_world_pdf_is_read_or_refused_with_a_reason(path):
    with path.open("rb") as stream:
        try:
            text = extraction.extract(path.name, stream)
        except extraction.ExtractionFailed as failure:
            assert str(failure)
        else:
            assert isinstance(text, str)
