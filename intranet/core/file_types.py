"""The kinds of file the intranet accepts, how to recognise each, and how readers filter them.

One registry keyed by extension: the admin's upload check, the readers'
"type" filter and the labels shown beside each document all read it. A file
is accepted when its extension is allowed (``WAGTAILDOCS_EXTENSIONS``) *and*
its first bytes are those of that format, so that a program renamed ``.pdf``
never reaches a colleague's computer.

Magic numbers are read by ``filetype`` (which Wagtail's Willow depends on
already). Four checks stay here because filetype cannot make them as the
library needs: PDF, the zipped Office formats, the 97-2003 Office formats and
plain text; each says why.
"""

import zipfile

import filetype
from django.utils.translation import gettext_lazy as _

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, Excel 97-2003, PowerPoint 97-2003
HEAD_BYTES = 64 * 1024

_PROGRAMS = (filetype.get_type(ext="exe"), filetype.get_type(ext="elf"))
_ZIP = filetype.get_type(ext="zip")
_PNG = filetype.get_type(ext="png")
_JPEG = filetype.get_type(ext="jpg")


def _pdf(head, stream=None):
    """The header may follow up to 1,024 bytes of anything, as PDF readers allow;
    filetype looks for it at the very first byte only."""
    return b"%PDF-" in head[:1024]


def _ole2(head, stream):
    """Any compound file. filetype tells Word or Excel 97-2003 only by bytes that some
    writers put at the start of the second sector, which others lay out differently."""
    return head.startswith(OLE2)


def _office_open_xml(folder):
    """Word, Excel or PowerPoint 2007+, from the archive's table of contents.

    filetype reads the first five entries' local headers in the first 6 KB: an archive
    whose ``word/`` entries come later (a thumbnail first, say) is "a zip" to it, and
    one whose first entry is ``word/…`` passes without ``[Content_Types].xml``.
    """

    def check(head, stream):
        names = _zip_names(head, stream)
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)

    return check


def _open_document(mimetype):
    """An OpenDocument file, by its ``mimetype`` entry wherever it is: filetype finds it
    only as the first entry, stored uncompressed, as the standard asks of writers."""

    def check(head, stream):
        if "mimetype" not in _zip_names(head, stream):
            return False
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            return archive.read("mimetype").strip() == mimetype.encode()

    return check


def _png(head, stream=None):
    return _PNG.match(head)


def _jpeg(head, stream=None):
    return _JPEG.match(head)


def _plain_text(head, stream=None):
    """Text and CSV have no magic number (filetype knows neither): no NUL byte is the test."""
    return b"\x00" not in head


def _zip_names(head, stream):
    if not _ZIP.match(head):
        return set()
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


# family key: (label shown to readers, {extension: content check})
FAMILIES = {
    "pdf": (_("PDF"), {"pdf": _pdf}),
    "text": (
        _("Text document"),
        {
            "docx": _office_open_xml("word/"),
            "doc": _ole2,
            "odt": _open_document("application/vnd.oasis.opendocument.text"),
            "txt": _plain_text,
        },
    ),
    "spreadsheet": (
        _("Spreadsheet"),
        {
            "xlsx": _office_open_xml("xl/"),
            "xls": _ole2,
            "ods": _open_document("application/vnd.oasis.opendocument.spreadsheet"),
            "csv": _plain_text,
        },
    ),
    "presentation": (
        _("Presentation"),
        {
            "pptx": _office_open_xml("ppt/"),
            "odp": _open_document("application/vnd.oasis.opendocument.presentation"),
        },
    ),
    "image": (_("Image"), {"png": _png, "jpg": _jpeg, "jpeg": _jpeg}),
}

CHECKS = {ext: check for _label, checks in FAMILIES.values() for ext, check in checks.items()}
EXTENSIONS = list(CHECKS)


def family_of(extension):
    for key, (_label, checks) in FAMILIES.items():
        if extension.lower() in checks:
            return key
    return None


def label_of(extension):
    family = family_of(extension)
    return FAMILIES[family][0] if family else extension.upper()


def extensions_of(family):
    return list(FAMILIES[family][1]) if family in FAMILIES else []


FOUND = {
    "program": _("a program"),
    "pdf": _("a PDF document"),
    "archive": _("a compressed archive"),
    "ole2": _("an old-format Office file"),
    "image": _("an image"),
    "text": _("plain text"),
    "unknown": _("a file of unknown format"),
}


def identify(head):
    """What a file's first bytes say it is: a key of ``FOUND``."""
    if any(program.match(head) for program in _PROGRAMS):
        return "program"
    if _pdf(head):
        return "pdf"
    if _ZIP.match(head):
        return "archive"
    if head.startswith(OLE2):
        return "ole2"
    if _png(head) or _jpeg(head):
        return "image"
    if _plain_text(head):
        return "text"
    return "unknown"


def looks_like(head):
    """What a file's first bytes say it is, in words, for the refusal message."""
    return FOUND[identify(head)]


def matches_extension(extension, stream):
    """True when the file's content is of the format its extension claims.

    Extensions the registry does not know are left to the allowed-extension
    check; programs are refused whatever their name.
    """
    check = CHECKS.get(extension.lower())
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if identify(head) == "program":
        return False
    if check is None:
        return True
    try:
        return check(head, stream)
    finally:
        stream.seek(0)
