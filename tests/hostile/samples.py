"""Hostile files, built in memory so that each test shows exactly what it feeds in.

The shared corpus of real-world PDFs lives outside the repository, at
``../shared/corpus/pdf`` from the project root; ``corpus_pdfs()`` lists it.
"""

import io
import random
import zipfile
from pathlib import Path

from docx import Document

from intranet.core.printing import html_to_pdf  # noqa: F401 (tests build PDFs with it)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
# Files built to hurt a pipeline (``README.md`` there says what each one does).
HOSTILE_CORPUS = ROOT.parent / "shared" / "corpus" / "hostile"
ENCRYPTED_PDF = ROOT / "tests" / "samples" / "encrypted.pdf"

PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 500
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def corpus_pdfs():
    return sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []


def valid_pdf(text="Arrêté municipal relatif à la propreté du souk hebdomadaire"):
    return html_to_pdf(f"<html><body><h1>{text}</h1><p>Article 1 {text}</p></body></html>")


def truncated_pdf():
    content = valid_pdf()
    return content[: len(content) // 2]


def pdf_header_then_garbage():
    return b"%PDF-1.7\n" + random.Random(7).randbytes(4000)


def random_bytes(size=4096, seed=1):
    return random.Random(seed).randbytes(size)


def many_pages_pdf(pages):
    """A small file with very many blank pages."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_with_control_characters(text=rb"Taxe\000 de\001 souk\014 hebdomadaire"):
    """A PDF whose text layer holds NUL and other control characters, as some producers write."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=400, height=200)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 20 100 Td (" + text + b") Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def valid_docx(*paragraphs):
    document = Document()
    for paragraph in paragraphs or ("Compte rendu de la réunion du conseil communal",):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression, compresslevel=9) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_without_document_xml():
    """A zip that claims to be Word (content types, a word/ folder) but has no body."""
    return _zip({"[Content_Types].xml": CONTENT_TYPES, "word/styles.xml": "<w:styles/>"})


def docx_with_broken_xml():
    """A real DOCX whose word/document.xml is cut in the middle of a tag."""
    source = zipfile.ZipFile(io.BytesIO(valid_docx()))
    entries = {item.filename: source.read(item.filename) for item in source.infolist()}
    entries["word/document.xml"] = entries["word/document.xml"][:300]
    return _zip(entries)


def docx_zip_bomb(expanded_mb=1100):
    """A few KB that expand to more than a gigabyte of XML in word/document.xml.

    Written by streaming into the archive, so that building it never holds the
    gigabyte in memory.
    """
    source = zipfile.ZipFile(io.BytesIO(valid_docx()))
    buffer = io.BytesIO()
    chunk = b"<w:p><w:r><w:t>bombe</w:t></w:r></w:p>" * 27_000  # about 1 MB
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                archive.writestr(item.filename, source.read(item.filename))
        with archive.open("word/document.xml", "w", force_zip64=True) as body:
            body.write(
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body>'
            )
            for _ in range(expanded_mb):
                body.write(chunk)
            body.write(b"</w:body></w:document>")
    return buffer.getvalue()


def docx_with_big_body(expanded_mb=40):
    """Under the archive's total limit, but a body too big to parse safely."""
    return docx_zip_bomb(expanded_mb)


# (file name, content, what it is): the same bad files for every import path.
def bad_pdfs():
    return [
        ("tronque.pdf", truncated_pdf(), "truncated"),
        ("protege.pdf", ENCRYPTED_PDF.read_bytes(), "encrypted"),
        ("vide.pdf", b"", "empty"),
        ("hasard.pdf", random_bytes(), "random bytes"),
        ("facture.pdf", PROGRAM, "program renamed .pdf"),
        ("entete.pdf", pdf_header_then_garbage(), "PDF header then garbage"),
        ("word.pdf", valid_docx(), "a DOCX renamed .pdf"),
    ]


def bad_docx():
    return [
        ("vide.docx", b"", "empty"),
        ("hasard.docx", random_bytes(seed=2), "random bytes"),
        ("programme.docx", PROGRAM, "program renamed .docx"),
        ("pdf.docx", valid_pdf(), "a PDF renamed .docx"),
        ("sans-corps.docx", docx_without_document_xml(), "zip without word/document.xml"),
        ("casse.docx", docx_with_broken_xml(), "malformed XML"),
        ("tronque.docx", valid_docx()[:2000], "truncated"),
    ]
