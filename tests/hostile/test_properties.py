"""Property-based tests: random input never makes analysis, search, extraction or import crash."""

import io

import pytest
from docx import Document
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from intranet.core.extraction import ExtractionFailed, extract
from procedures_manual.importing import ImportRefused, import_manual, read_outline
from search import text
from tests.procedures_manual import factories as procedures
from tests.search.asking import ask as search

from . import samples

pytestmark = pytest.mark.django_db

FEW = settings(
    max_examples=50,
    deadline=None,
    database=None,  # no example database left in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Text as people and machines type it: any character but lone surrogates.
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
STYLES = st.sampled_from(["Normal", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Title"])
HEADINGS = st.sampled_from(
    [
        "État civil",
        "Urbanisme",
        "TS-01 — Déclaration d'essai",
        "Pièces à fournir",
        "Frais",
        "Délai maximal",
        "Où s'adresser",
        "Références juridiques",
        "Acte de naissance (Original, ×2)",
        "Gratuit",
        "30 jours",
        "Loi 88-20, art. 14",
    ]
)


@FEW
@given(ANY_TEXT)
def test_text_analysis_takes_any_text(value):
    assert all(isinstance(term, str) for term in text.terms(value))
    assert all(isinstance(word, str) for word in text.words(value))


@FEW
@given(ANY_TEXT, st.sampled_from(["fr", "ar", None]))
@example("߀", "fr")  # an N'Ko digit: a "number" the index holds no term for
@example("٣ ߁ ༢", None)
def test_search_takes_any_query(value, language):
    results = search(value, language=language)
    assert len(results.query) <= 200 and "\x00" not in results.query


@FEW
@given(st.binary(max_size=4096), st.sampled_from([".pdf", ".docx", ".txt", ".csv", ".exe"]))
def test_extraction_of_random_bytes_gives_text_or_a_reason(content, extension):
    try:
        assert isinstance(extract(f"fichier{extension}", io.BytesIO(content)), str)
    except ExtractionFailed as failure:
        assert str(failure)


@FEW
@given(st.binary(max_size=2048))
def test_extraction_of_a_pdf_with_random_bytes_after_its_header(tail):
    try:
        extract("fichier.pdf", io.BytesIO(b"%PDF-1.7\n" + tail))
    except ExtractionFailed as failure:
        assert str(failure)


@FEW
@given(st.integers(min_value=0, max_value=6000), st.binary(min_size=1, max_size=64))
def test_extraction_of_a_damaged_pdf_gives_text_or_a_reason(position, garbage):
    content = bytearray(VALID_PDF)
    position %= len(content)
    content[position : position + len(garbage)] = garbage
    try:
        extract("fichier.pdf", io.BytesIO(bytes(content)))
    except ExtractionFailed as failure:
        assert str(failure)


VALID_PDF = samples.valid_pdf()


def docx_of(paragraphs):
    document = Document()
    for style, value in paragraphs:
        document.add_paragraph(value, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return buffer


@pytest.fixture
def manual_content():
    """The procedure and the law that ``HEADINGS`` name, built for the test: an outline
    can then update a procedure that exists and cite a legal text that exists."""
    law = procedures.legal_text(number="88-20")
    return procedures.procedure(code="TS-01", references=[(law, "14")])


def test_the_importer_finds_the_procedure_and_the_law_the_headings_name(manual_content):
    upload = docx_of(
        [
            ("Heading 1", "État civil"),
            ("Heading 2", "TS-01 — Déclaration d'essai"),
            ("Heading 3", "Références juridiques"),
            ("List Bullet", "Loi 88-20, art. 14"),
        ]
    )
    report = import_manual(upload, "fr", dry_run=True)
    assert report.updated == ["TS-01 — Déclaration d'essai"] and not report.created


@FEW
@given(st.lists(st.tuples(STYLES, st.one_of(HEADINGS, ANY_TEXT)), max_size=25))
@pytest.mark.usefixtures("manual_content")
def test_the_manual_importer_imports_or_reports_problems(paragraphs):
    # Characters XML cannot hold are refused by python-docx when the file is written.
    paragraphs = [
        (style, "".join(c for c in value if c in "\t\n" or ord(c) >= 32))
        for style, value in paragraphs
    ]
    upload = docx_of(paragraphs)
    try:
        read_outline(upload)
    except ImportRefused as refusal:
        assert str(refusal)
    upload.seek(0)
    report = import_manual(upload, "fr", dry_run=True)
    assert report.ok or all(str(problem) for problem in report.problems)
