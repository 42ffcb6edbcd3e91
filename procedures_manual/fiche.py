"""The citizen's fiche: one A4 page, French and Arabic side by side.

The 2017 diagnostic asked for printed fiches that carry an orientation
indicator, explain the procedure and list what to bring. The same data feeds
the print view, the PDF and the DOCX, so the three never disagree.
"""

import io
from dataclasses import dataclass, field

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt

from intranet.core import docx_writing
from intranet.core.models import current_commune
from intranet.core.printing import html_to_pdf

LANGUAGES = ("fr", "ar")


@dataclass
class FicheSide:
    """One language's half of the fiche."""

    language: str
    procedure: object
    documents: list = field(default_factory=list)
    references: list = field(default_factory=list)

    @property
    def direction(self):
        return "rtl" if self.language == "ar" else "ltr"


@dataclass
class Fiche:
    code: str
    url: str
    sides: list
    service: object  # the responsible service, French version (colours and location are shared)

    @property
    def qr_svg(self):
        return segno.make(self.url, error="m").svg_inline(scale=3, border=1, dark="#1c1f1e")

    def qr_png(self):
        buffer = io.BytesIO()
        segno.make(self.url, error="m").save(buffer, kind="png", scale=6, border=1)
        buffer.seek(0)
        return buffer

    def side(self, language):
        return next((side for side in self.sides if side.language == language), None)


def build(procedure):
    """The fiche of a procedure, from the live versions of each language."""
    from .models import ProcedurePage

    versions = {
        version.locale.language_code: version
        for version in ProcedurePage.objects.live()
        .filter(translation_key=procedure.translation_key)
        .select_related("locale", "service")
    }
    sides = [
        FicheSide(
            language=language,
            procedure=versions[language],
            documents=list(versions[language].documents.all()),
            references=versions[language].references,
        )
        for language in LANGUAGES
        if language in versions
    ]
    french = versions.get("fr", procedure)
    return Fiche(
        code=procedure.code,
        url=settings.WAGTAILADMIN_BASE_URL.rstrip("/") + french.url,
        sides=sides,
        service=french.service,
    )


def as_html(fiche, for_print_view=False):
    return render_to_string(
        "procedures_manual/fiche.html",
        # Rendered without a request (PDF, DOCX): no context processor names the commune.
        {"fiche": fiche, "print_view": for_print_view, "commune": current_commune()},
    )


def as_pdf(fiche):
    return html_to_pdf(as_html(fiche))


def as_docx(fiche):
    """The fiche as a Word document: a header band, then French and Arabic columns."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(12))
    document.styles["Normal"].font.size = Pt(9.5)
    document.styles["Normal"].font.name = docx_writing.LATIN_FONT

    service = fiche.service.localized if fiche.service else None
    band = document.add_table(rows=1, cols=2)
    if service:
        background, ink = service.swatch
        for language, cell in zip(LANGUAGES, band.rows[0].cells, strict=True):
            docx_writing.shade(cell, background)
            cell.paragraphs[0].text = ""
            with translation.override(language):
                localized = fiche.service.localized
                docx_writing.add_text(
                    cell, localized.title, language, bold=True, size=Pt(12), colour=ink
                )
                docx_writing.add_text(cell, _orientation_line(localized), language, colour=ink)

    columns = document.add_table(rows=1, cols=len(fiche.sides))
    for side, cell in zip(fiche.sides, columns.rows[0].cells, strict=True):
        _write_side(cell, side)

    footer = document.add_table(rows=1, cols=2)
    footer.rows[0].cells[0].paragraphs[0].add_run().add_picture(fiche.qr_png(), width=Mm(28))
    docx_writing.add_text(footer.rows[0].cells[1], f"{fiche.code} · {fiche.url}", "fr", size=Pt(8))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _orientation_line(service):
    from django.utils.translation import gettext as _

    parts = []
    if service.location:
        parts.append(service.location.name)
    if service.floor is not None:
        parts.append(service.get_floor_display())
    if service.office:
        parts.append(f"{_('Office')} {service.office}")
    parts.append(_("Badge %(colour)s") % {"colour": service.colour_label})
    return " · ".join(str(part) for part in parts)


def _write_side(cell, side):
    from django.utils.translation import gettext as _

    procedure, language = side.procedure, side.language
    cell.paragraphs[0].text = ""
    with translation.override(language):
        docx_writing.add_text(cell, procedure.title, language, bold=True, size=Pt(13))
        docx_writing.add_text(cell, procedure.summary, language)
        docx_writing.add_text(cell, _("Documents to provide"), language, bold=True, size=Pt(11))
        for document in side.documents:
            details = f"{document.get_form_display()}, × {document.copies}"
            docx_writing.add_text(cell, f"☐ {document.name} ({details})", language)
        docx_writing.add_text(cell, _("Fee"), language, bold=True, size=Pt(11))
        docx_writing.add_text(cell, fee_text(procedure), language)
        docx_writing.add_text(cell, _("Maximum delay"), language, bold=True, size=Pt(11))
        docx_writing.add_text(cell, delay_text(procedure), language)
        docx_writing.add_text(cell, _("You receive"), language, bold=True, size=Pt(11))
        docx_writing.add_text(cell, procedure.outcome, language)
        if side.references:
            docx_writing.add_text(cell, _("Legal basis"), language, bold=True, size=Pt(11))
            for reference in side.references:
                docx_writing.add_text(cell, citation_text(reference), language)


def fee_text(procedure):
    from django.utils.formats import number_format
    from django.utils.translation import gettext as _

    if procedure.is_free:
        return _("Free")
    amount = procedure.fee_amount
    decimals = 0 if amount == int(amount) else 2
    return f"{number_format(amount, decimal_pos=decimals)} {_('MAD')}"


def delay_text(procedure):
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    if procedure.max_delay_days is None:
        return _("Not set")
    if procedure.max_delay_days == 0:
        return _("Immediate")
    return ngettext("%(days)s day", "%(days)s days", procedure.max_delay_days) % {
        "days": procedure.max_delay_days
    }


def citation_text(reference):
    from django.utils.translation import gettext as _

    text = reference.text
    articles = ", ".join(reference.article_numbers)
    citation = f"{text.get_kind_display()} {text.number}"
    if articles:
        citation += f", {_('art.')} {articles}"
    return citation
