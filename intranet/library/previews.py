"""A picture of the first page of each PDF (and a thumbnail of each image), made in the background.

Renderers are kept in a small registry keyed by extension, like the text
extractors of ``intranet.core.extraction``. PDFs are drawn with pypdfium2 (PDFium in
a PyPI wheel, nothing to install on the server); where that is missing,
poppler's ``pdftoppm`` is used if present. A file that cannot be drawn gets
"no preview" and the reason, and stays downloadable. Drawing runs in a child
process under the same limits as reading a file's text, so that a hostile page
never holds the worker.
"""

import io
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from intranet.core import bounded

from .models import DocumentVersion

WIDTH = 480  # pixels: sharp at the library's 240 px on high-density screens
MAX_HEIGHT = 960
RENDER_TIMEOUT = 60  # seconds, for pdftoppm

_pdfium_lock = threading.Lock()  # PDFium is not thread-safe


class PreviewUnavailable(Exception):
    pass


def _scale(width, height):
    if width <= 0 or height <= 0:
        raise PreviewUnavailable(_("The first page has no size."))
    return min(WIDTH / width, MAX_HEIGHT / height)


def _png(image):
    image.thumbnail((WIDTH, MAX_HEIGHT))
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _render_pdf_with_pdfium(data):
    import pypdfium2 as pdfium

    with _pdfium_lock:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            if getattr(error, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
                raise PreviewUnavailable(_("The PDF is protected by a password.")) from error
            raise PreviewUnavailable(_("The PDF is damaged and cannot be drawn.")) from error
        try:
            if len(pdf) == 0:
                raise PreviewUnavailable(_("The PDF has no page."))
            page = pdf[0]
            width, height = page.get_size()
            image = page.render(scale=_scale(width, height)).to_pil()
            return _png(image)
        except pdfium.PdfiumError as error:
            raise PreviewUnavailable(_("The PDF is damaged and cannot be drawn.")) from error
        finally:
            pdf.close()


def _render_pdf_with_pdftoppm(data):
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "source.pdf"
        source.write_bytes(data)
        command = ["pdftoppm", "-png", "-f", "1", "-l", "1", "-singlefile"]
        command += ["-scale-to-x", str(WIDTH), "-scale-to-y", "-1", str(source), f"{folder}/page"]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=RENDER_TIMEOUT)
        except subprocess.TimeoutExpired as error:
            raise PreviewUnavailable(_("The first page took too long to draw.")) from error
        except subprocess.CalledProcessError as error:
            raise PreviewUnavailable(_("The PDF is damaged or protected by a password.")) from error
        with Image.open(Path(folder) / "page.png") as image:
            return _png(image)


def pdf_renderer():
    """The way this server draws PDFs, or None: pypdfium2 first, then pdftoppm."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return _render_pdf_with_pdftoppm if shutil.which("pdftoppm") else None
    return _render_pdf_with_pdfium


def render_pdf(data):
    renderer = pdf_renderer()
    if renderer is None:
        raise PreviewUnavailable(_("This server has no way to draw PDF pages."))
    return renderer(data)


def render_image(data):
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            return _png(image)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError) as error:
        raise PreviewUnavailable(_("The image is damaged or too large to draw.")) from error


RENDERERS = {"pdf": render_pdf, "png": render_image, "jpg": render_image, "jpeg": render_image}


def build(version):
    """Draw one version's preview, or record why there is none."""
    renderer = RENDERERS.get(version.extension)
    # Reasons are stored in the commune's language, whoever triggered the drawing.
    with translation.override(settings.LANGUAGE_CODE):
        try:
            if renderer is None:
                raise PreviewUnavailable(_("No preview for this type of file."))
            try:
                with version.file.open("rb") as stream:
                    data = stream.read()
            except OSError as error:
                raise PreviewUnavailable(_("The file is missing from storage.")) from error
            png = draw_within_limits(renderer, data)
        except PreviewUnavailable as failure:
            version.preview_status = DocumentVersion.PreviewStatus.NONE
            version.preview_reason = str(failure)[:300]
        else:
            if version.preview:
                version.preview.delete(save=False)
            version.preview.save("preview.png", ContentFile(png), save=False)
            version.preview_status = DocumentVersion.PreviewStatus.READY
            version.preview_reason = ""
    version.save(update_fields=["preview", "preview_status", "preview_reason"])
    return version


def draw_within_limits(renderer, data):
    limits = bounded.Limits(
        seconds=min(RENDER_TIMEOUT, settings.DOCUMENT_READING_SECONDS),
        megabytes=settings.DOCUMENT_READING_MEMORY_MB,
    )
    try:
        return bounded.run(renderer, data, limits=limits)
    except bounded.LimitReached as reached:
        if reached.kind == "time":
            raise PreviewUnavailable(_("The first page took too long to draw.")) from None
        raise PreviewUnavailable(_("The first page needs too much memory to draw.")) from None
    except bounded.ChildFailed as failure:
        raise PreviewUnavailable(
            _("Drawing stopped unexpectedly (%(reason)s).") % {"reason": failure}
        ) from None


@task()
def make_preview(version_id):
    version = DocumentVersion.objects.filter(pk=version_id).first()
    if version is not None:
        build(version)


def queue(version):
    """Called when a version is kept: the upload returns at once, a worker draws the page."""
    version_id = version.pk
    transaction.on_commit(lambda: make_preview.enqueue(version_id))


def queue_waiting():
    """Queue the previews waiting with no task to draw them; returns how many.

    What a restored database or a worker that died leaves behind. A preview
    whose task failed (its worker kept dying under it) gets "no preview" and
    the reason, rather than a place in the queue for ever.
    """
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    tasks = DBTaskResult.objects.filter(
        task_path=make_preview.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.FAILED],
    ).values_list("args_kwargs", "status")
    awaited, given_up = set(), set()
    for args_kwargs, status in tasks:
        version_id = (args_kwargs.get("args") or [None])[0]
        (given_up if status == TaskResultStatus.FAILED else awaited).add(version_id)
    pending = DocumentVersion.objects.filter(
        preview_status=DocumentVersion.PreviewStatus.PENDING
    ).exclude(pk__in=awaited)
    queued = 0
    for version_id in pending.values_list("pk", flat=True):
        if version_id in given_up:
            with translation.override(settings.LANGUAGE_CODE):
                reason = str(_("Drawing stopped its worker several times."))
            DocumentVersion.objects.filter(pk=version_id).update(
                preview_status=DocumentVersion.PreviewStatus.NONE, preview_reason=reason
            )
        else:
            make_preview.enqueue(version_id)
            queued += 1
    return queued


def build_missing():
    """Draw every preview still pending (after an outage of the worker); returns the count."""
    pending = DocumentVersion.objects.filter(preview_status=DocumentVersion.PreviewStatus.PENDING)
    count = 0
    for version in pending.iterator():
        build(version)
        count += 1
    return count
