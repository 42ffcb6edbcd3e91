"""Text extraction from uploaded files, one function per format, within time and memory limits.

A small registry keyed by file type, shared by search (the background task and
the ``index_documents`` command), the imports of the procedures manual and the
tests. A file that cannot be read raises ``ExtractionFailed`` with a reason a
person can act on; the file itself stays downloadable.
"""

import logging
import re
import zipfile
import zlib
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from intranet.core import bounded

MAX_TEXT = 2_000_000  # characters kept from one file
MAX_PAGES = 2000  # pages of a PDF read; a file claiming more is read no further
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
# The body of a Word file is parsed whole, as a tree many times its size: a body
# bigger than this (a thousand pages of text is about 10 MB) is not parsed.
MAX_DOCX_BODY = 40 * 1024 * 1024
# What a hostile or corrupt archive or XML part can raise while being read.
DAMAGED_ARCHIVE = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    ValueError,
    RuntimeError,  # an entry encrypted with a password
    NotImplementedError,  # an unknown compression method
    SyntaxError,  # lxml's XMLSyntaxError: a malformed XML part
    OSError,
)
# What pypdf can raise on a damaged or hostile PDF, beyond its own errors.
DAMAGED_PDF = (
    ValueError,
    TypeError,
    KeyError,
    AttributeError,
    OSError,
    RecursionError,
    IndexError,
    ZeroDivisionError,
    zlib.error,
)

logger = logging.getLogger(__name__)

# Control characters some PDF producers leave in their text layer: PostgreSQL
# refuses NUL in a text column, and none of them means anything to a reader.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def readable_text(text):
    """``text`` without control characters; page breaks become line breaks."""
    return CONTROL_CHARACTERS.sub("", text.replace("\x0c", "\n"))


class ExtractionFailed(Exception):
    pass


class TooSlowToRead(ExtractionFailed):
    """Reading outlasted its time limit: the file may be valid, only too costly to read.

    ``seconds`` is the limit, for a caller that says what follows (search finds
    the file by its title).
    """

    def __init__(self, seconds):
        self.seconds = seconds
        super().__init__(
            _("Reading took longer than %(seconds)s seconds and was stopped.")
            % {"seconds": f"{seconds:g}"}
        )

    def __reduce__(self):  # rebuilt from its limit when it crosses a process boundary
        return type(self), (self.seconds,)


def extract_pdf(stream):
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    header = stream.read(1024)
    stream.seek(0)
    if b"%PDF" not in header:
        raise ExtractionFailed(_("The file is not a PDF despite its name."))
    try:
        reader = PdfReader(stream)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionFailed(_("The PDF is protected by a password."))
        parts, size = [], 0
        for number, page in enumerate(reader.pages):
            if number >= MAX_PAGES:
                break
            content = page.extract_text() or ""
            parts.append(content)
            size += len(content)
            if size > MAX_TEXT:
                break
    except ExtractionFailed:
        raise
    except (PyPdfError, *DAMAGED_PDF) as error:
        raise ExtractionFailed(
            _("The PDF is damaged: %(error)s") % {"error": readable_text(str(error)[:200])}
        ) from error
    text = "\n".join(parts)
    if not text.strip():
        raise ExtractionFailed(_("The PDF has no text layer (a scanned document?)."))
    return text[:MAX_TEXT]


def extract_docx(stream):
    from docx import Document
    from docx.opc.exceptions import OpcError

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
            body = next(
                (item for item in archive.infolist() if item.filename == "word/document.xml"), None
            )
            if body is not None and body.file_size > MAX_DOCX_BODY:
                raise ExtractionFailed(
                    _("The text of the Word file is larger than %(size)s MB; it was not read.")
                    % {"size": MAX_DOCX_BODY // (1024 * 1024)}
                )
        stream.seek(0)
        document = Document(stream)
        parts = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.append(" ".join(cell.text for cell in row.cells))
    except ExtractionFailed:
        raise
    except (OpcError, *DAMAGED_ARCHIVE) as error:
        raise ExtractionFailed(
            _("The Word file is damaged: %(error)s") % {"error": str(error)[:200]}
        ) from error
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
    try:
        return readable_text(extractor(stream))
    except (ExtractionFailed, MemoryError):
        raise
    except Exception as error:  # a file is untrusted input: no parser failure may escape
        logger.warning("Unexpected failure reading %s", filename, exc_info=True)
        raise ExtractionFailed(
            _("The file could not be read (%(error)s).")
            % {"error": f"{type(error).__name__}: {error}"[:200]}
        ) from error


def reading_limits():
    return bounded.Limits(
        seconds=settings.DOCUMENT_READING_SECONDS, megabytes=settings.DOCUMENT_READING_MEMORY_MB
    )


def extract_within_limits(filename, stream, limits=None):
    """``extract``, in a child process stopped past the configured time and memory."""
    limits = limits or reading_limits()
    try:
        return bounded.run(extract, filename, stream, limits=limits)
    except bounded.LimitReached as reached:
        if reached.kind == "time":
            raise TooSlowToRead(reached.limit) from None
        raise ExtractionFailed(
            _("Reading needed more than %(megabytes)s MB of memory and was stopped.")
            % {"megabytes": reached.limit}
        ) from None
    except bounded.ChildFailed as failure:
        raise ExtractionFailed(
            _("Reading stopped unexpectedly (%(reason)s).") % {"reason": failure}
        ) from None
