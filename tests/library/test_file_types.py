"""What the library's content check makes of a file, whatever its name claims.

The cases where ``filetype`` alone would answer otherwise come first: they are why
``file_types`` keeps a check of its own on top of it.
"""

import io
import random
import zipfile

import pytest

from intranet.core import file_types

from .factories import docx_bytes, pdf_bytes, png_bytes

RELS = "<Relationships/>"


def zipped(*entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def accepts(extension, content):
    return file_types.matches_extension(extension, io.BytesIO(content))


def test_a_word_file_whose_word_entries_come_after_a_thumbnail_is_a_docx():
    content = zipped(
        ("docProps/thumbnail.jpeg", random.Random(3).randbytes(9000)),
        ("[Content_Types].xml", RELS),
        ("_rels/.rels", RELS),
        *[(f"customXml/item{n}.xml", RELS) for n in range(4)],
        ("word/document.xml", "<w:document/>"),
    )
    assert accepts("docx", content)
    assert not accepts("xlsx", content)


def test_a_zip_with_word_entries_but_no_content_types_is_not_a_docx():
    assert not accepts("docx", zipped(("word/document.xml", "<w:document/>")))


def test_an_open_document_whose_mimetype_entry_is_compressed_is_accepted():
    content = zipped(
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", RELS)
    )
    assert accepts("ods", content)
    assert not accepts("odt", content)


def test_a_pdf_header_after_a_short_preamble_is_a_pdf_but_not_after_a_long_one():
    assert accepts("pdf", b"\r\n" * 20 + b"%PDF-1.4\n%%EOF\n")
    assert not accepts("pdf", b" " * 1024 + b"%PDF-1.4\n%%EOF\n")


@pytest.mark.parametrize("extension", ["doc", "xls"])
def test_any_old_format_office_file_is_accepted_as_doc_or_xls(extension):
    content = file_types.OLE2 + bytes(4088)
    assert accepts(extension, content)
    assert file_types.identify(content) == "ole2"


def test_a_csv_that_begins_like_a_bitmap_is_plain_text():
    content = "BMCE;3\nÉtat civil;120\n".encode()
    assert accepts("csv", content)
    assert file_types.identify(content) == "text"


def test_an_empty_zip_archive_is_called_an_archive():
    assert file_types.identify(b"PK\x05\x06" + bytes(18)) == "archive"


def test_a_docx_renamed_pdf_is_a_docx_and_not_a_pdf():
    content = docx_bytes("Compte rendu")
    assert accepts("docx", content)
    assert not accepts("pdf", content)
    assert file_types.identify(content) == "archive"


def test_a_pdf_renamed_docx_is_a_pdf_and_not_a_docx():
    content = pdf_bytes("Arrêté")
    assert accepts("pdf", content) and not accepts("docx", content)
    assert file_types.identify(content) == "pdf"


@pytest.mark.parametrize(
    "content",
    [b"MZ\x90\x00\x03" + bytes(500), b"\x7fELF\x02\x01\x01" + bytes(500)],
    ids=["windows", "linux"],
)
def test_a_program_is_refused_under_every_extension(content):
    assert file_types.identify(content) == "program"
    assert not any(accepts(extension, content) for extension in file_types.CHECKS)


def test_a_png_is_an_image_but_not_a_jpeg():
    content = png_bytes(20, 20)
    assert accepts("png", content) and not accepts("jpg", content)
    assert file_types.identify(content) == "image"
