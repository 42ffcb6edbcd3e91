"""The first page of each PDF becomes a thumbnail; when it cannot, readers see "no preview"."""

import shutil
from pathlib import Path

import pytest
from PIL import Image

from intranet.library import previews
from intranet.library.models import DocumentVersion, LibraryPage

from .factories import docx_bytes, make_document, pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PNG = b"\x89PNG\r\n\x1a\n"


def drawn(content, filename, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document("Aperçu", filename, content)
    return document.versions.get()


def image_of(version):
    with version.preview.open("rb") as stream:
        data = stream.read()
    assert data.startswith(PNG)
    with version.preview.open("rb") as stream, Image.open(stream) as image:
        return image.size


def test_a_pdf_gets_a_picture_of_its_first_page_in_the_background(
    django_capture_on_commit_callbacks,
):
    version = drawn(pdf_bytes("Circulaire"), "circulaire.pdf", django_capture_on_commit_callbacks)
    assert version.preview_status == DocumentVersion.PreviewStatus.READY
    width, height = image_of(version)
    assert width == previews.WIDTH and height > width  # an A4 page, upright


def test_the_preview_waits_for_the_upload_to_be_committed():
    version = make_document("Note", "note.pdf", pdf_bytes("Note")).versions.get()
    assert version.preview_status == DocumentVersion.PreviewStatus.PENDING
    assert previews.build_missing() >= 1
    version.refresh_from_db()
    assert version.has_preview


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils is not installed")
def test_pdftoppm_draws_the_first_page_where_pypdfium2_is_missing():
    data = previews._render_pdf_with_pdftoppm(pdf_bytes("Circulaire"))
    assert data.startswith(PNG)


def test_without_any_pdf_renderer_a_pdf_shows_no_preview_with_the_reason(
    monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(previews, "pdf_renderer", lambda: None)
    version = drawn(pdf_bytes("Circulaire"), "circulaire.pdf", django_capture_on_commit_callbacks)
    assert version.preview_status == DocumentVersion.PreviewStatus.NONE
    assert version.preview_reason
    assert not version.has_preview


def test_a_password_protected_pdf_shows_no_preview_and_stays_downloadable(
    django_capture_on_commit_callbacks,
):
    content = (SAMPLES / "encrypted.pdf").read_bytes()
    version = drawn(content, "protege.pdf", django_capture_on_commit_callbacks)
    assert version.preview_status == DocumentVersion.PreviewStatus.NONE
    assert "mot de passe" in version.preview_reason or "password" in version.preview_reason
    with version.file.open("rb") as stream:
        assert stream.read() == content


def test_a_damaged_pdf_shows_no_preview():
    with pytest.raises(previews.PreviewUnavailable):
        previews.render_pdf(b"%PDF-1.7\nnot really a pdf")


def test_a_word_file_shows_no_preview(django_capture_on_commit_callbacks):
    version = drawn(docx_bytes("Formulaire"), "formulaire.docx", django_capture_on_commit_callbacks)
    assert version.preview_status == DocumentVersion.PreviewStatus.NONE


def test_an_image_gets_a_thumbnail(django_capture_on_commit_callbacks):
    version = drawn(png_bytes(1600, 1200), "scan.png", django_capture_on_commit_callbacks)
    assert image_of(version) == (previews.WIDTH, 360)


def test_the_preview_is_shown_to_readers_and_the_no_preview_state_is_said(
    client_for, django_capture_on_commit_callbacks
):
    pdf = drawn(pdf_bytes("Note"), "note.pdf", django_capture_on_commit_callbacks)
    word = drawn(docx_bytes("Formulaire"), "formulaire.docx", django_capture_on_commit_callbacks)
    library = LibraryPage.objects.get(locale__language_code="fr")
    reader = client_for("accueil")

    url = library.url + library.reverse_subpage("preview", args=(pdf.document_id, 1))
    response = reader.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert (
        reader.get(
            library.url + library.reverse_subpage("preview", args=(word.document_id, 1))
        ).status_code
        == 404
    )

    detail = reader.get(library.url + library.reverse_subpage("document", args=(word.document_id,)))
    assert 'class="doc-preview doc-preview--none"' in detail.content.decode()


CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pdf"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared PDF corpus is not beside this checkout")
@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else [], ids=lambda p: p.name
)
def test_every_real_world_pdf_is_drawn_or_refused_with_a_reason(path):
    try:
        data = previews.render_pdf(path.read_bytes())
    except previews.PreviewUnavailable as failure:
        assert str(failure)
    else:
        assert data.startswith(PNG)


def test_a_page_too_slow_to_draw_gets_no_preview_and_the_worker_goes_on(
    settings, monkeypatch, django_capture_on_commit_callbacks
):
    import time

    settings.DOCUMENT_READING_SECONDS = 1

    def endless(data):
        time.sleep(60)

    monkeypatch.setitem(previews.RENDERERS, "pdf", endless)
    version = drawn(pdf_bytes("Plan"), "plan.pdf", django_capture_on_commit_callbacks)

    assert version.preview_status == DocumentVersion.PreviewStatus.NONE
    assert version.preview_reason


def test_previews_left_waiting_by_a_restore_are_queued_again(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    version = make_document("Note", "note.pdf", pdf_bytes("Note")).versions.get()
    assert version.preview_status == DocumentVersion.PreviewStatus.PENDING

    assert previews.queue_waiting() == 1
    assert previews.queue_waiting() == 0  # already waiting for the worker
    task = DBTaskResult.objects.get(task_path="intranet.library.previews.make_preview")
    assert task.args_kwargs["args"] == [version.pk]
