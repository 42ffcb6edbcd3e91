"""The kinds of file the library accepts, how to recognise each, and how readers filter them.

One registry keyed by extension: the admin's upload check, the readers'
"type" filter and the labels shown beside each document all read it. A file
is accepted when its extension is allowed (``WAGTAILDOCS_EXTENSIONS``) *and*
its first bytes are those of that format, so that a program renamed ``.pdf``
never reaches a colleague's computer.
"""

import zipfile

from django.utils.translation import gettext_lazy as _

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003, Excel 97-2003, PowerPoint 97-2003
ZIP = b"PK\x03\x04"
HEAD_BYTES = 64 * 1024


def _pdf(head, stream):
    return b"%PDF-" in head[:1024]


def _ole2(head, stream):
    return head.startswith(OLE2)


def _office_open_xml(folder):
    def check(head, stream):
        names = _zip_names(head, stream)
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)

    return check


def _open_document(mimetype):
    def check(head, stream):
        if "mimetype" not in _zip_names(head, stream):
            return False
        stream.seek(0)
        with zipfile.ZipFile(stream) as archive:
            return archive.read("mimetype").strip() == mimetype.encode()

    return check


def _png(head, stream):
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _jpeg(head, stream):
    return head.startswith(b"\xff\xd8\xff")


def _plain_text(head, stream):
    return b"\x00" not in head


def _zip_names(head, stream):
    if not head.startswith(ZIP):
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
    if head.startswith(b"MZ") or head.startswith(b"\x7fELF"):
        return "program"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(ZIP):
        return "archive"
    if head.startswith(OLE2):
        return "ole2"
    if _png(head, None) or _jpeg(head, None):
        return "image"
    if b"\x00" not in head:
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
