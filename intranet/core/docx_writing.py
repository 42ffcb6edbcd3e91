"""python-docx helpers for bilingual documents: Arabic paragraphs run right to left.

Word needs two marks for Arabic: ``w:bidi`` on the paragraph (its direction and
alignment) and ``w:rtl`` on each run (the order of the characters), plus a
complex-script font; python-docx has no API for them, so they are set here.
"""

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor

ARABIC_FONT = "Noto Naskh Arabic"
LATIN_FONT = "Noto Sans"


def is_rtl(language):
    return language == "ar"


def set_direction(paragraph, language):
    if not is_rtl(language):
        return paragraph
    properties = paragraph._p.get_or_add_pPr()
    if properties.find(qn("w:bidi")) is None:
        properties.insert(0, OxmlElement("w:bidi"))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in paragraph.runs:
        mark_run(run, language)
    return paragraph


def mark_run(run, language):
    properties = run._r.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:cs"), ARABIC_FONT)
    if is_rtl(language) and properties.find(qn("w:rtl")) is None:
        properties.append(OxmlElement("w:rtl"))
    return run


def add_text(container, text, language, style=None, bold=False, size=None, colour=None):
    """A paragraph in ``container`` (document or table cell), in the given language."""
    paragraph = container.add_paragraph(style=style)
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = size
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
    mark_run(run, language)
    return set_direction(paragraph, language)


def shade(cell, hex_colour):
    """Fill a table cell with a colour (the service's colour code)."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_colour.lstrip("#").upper())
    properties.append(shading)
