"""Text extraction from uploaded files, one function per format.

A small registry keyed by file type, shared by the background task, the
``index_documents`` command and the tests. A file that cannot be read raises
``ExtractionFailed`` with a reason a person can act on; the file itself stays
downloadable.
"""

import zipfile
from pathlib import Path

from django.utils.translation import gettext_lazy as _

MAX_TEXT = 2_000_000  # characters kept from one file
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024


class ExtractionFailed(Exception):
    pass


def extract_pdf(stream):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    header = stream.read(1024)
    stream.seek(0)
    if b"%PDF" not in header:
        raise ExtractionFailed(_("The file is not a PDF despite its name."))
    try:
        reader = PdfReader(stream)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionFailed(_("The PDF is protected by a password."))
        parts, size = [], 0
        for page in reader.pages:
            content = page.extract_text() or ""
            parts.append(content)
            size += len(content)
            if size > MAX_TEXT:
                break
    except ExtractionFailed:
        raise
    except (
        PdfReadError,
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        OSError,
        RecursionError,
    ) as error:
        raise ExtractionFailed(
            _("The PDF is damaged: %(error)s") % {"error": str(error)[:200]}
        ) from error
    text = "\n".join(parts)
    if not text.strip():
        raise ExtractionFailed(_("The PDF has no text layer (a scanned document?)."))
    return text[:MAX_TEXT]


def extract_docx(stream):
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    header = stream.read(4)
    stream.seek(0)
    if header.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExtractionFailed(
            _("The Word file is protected by a password or in the old .doc format.")
        )
    try:
        with zipfile.ZipFile(stream) as archive:
            if sum(item.file_size for item in archive.infolist()) > MAX_DOCX_UNCOMPRESSED:
                raise ExtractionFailed(
                    _("The Word file expands to more than 200 MB; it was not read.")
                )
        stream.seek(0)
        document = Document(stream)
    except ExtractionFailed:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise ExtractionFailed(
            _("The Word file is damaged: %(error)s") % {"error": str(error)[:200]}
        ) from error
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)[:MAX_TEXT]


def extract_plain(stream):
    return stream.read(MAX_TEXT).decode("utf-8", errors="replace")


EXTRACTORS = {
    ".pdf": extract_pdf,
    ".docx": extract_docx,
    ".txt": extract_plain,
    ".csv": extract_plain,
}


def extract(filename, stream):
    """The text of a file, chosen by its extension; ``ExtractionFailed`` if it cannot be read."""
    extractor = EXTRACTORS.get(Path(filename).suffix.lower())
    if extractor is None:
        raise ExtractionFailed(_("Text is not extracted from this type of file."))
    return extractor(stream)
