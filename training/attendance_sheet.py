"""The attendance sheet a trainer prints and passes round: session details, then one
line per enrolled person with room for a signature. In the reader's language;
in Arabic the whole sheet, table included, runs right to left."""

import io

from django.template.defaultfilters import floatformat
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from intranet.core import docx_writing

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def filename(session):
    return f"feuille-de-presence-{session.pk}-{timezone.localdate(session.starts_at):%Y-%m-%d}.docx"


def build(session, language=None):
    """The sheet as DOCX bytes."""
    language = language or translation.get_language() or "fr"
    with translation.override(language):
        return _build(session, language)


def _build(session, language):
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    document.styles["Normal"].font.name = docx_writing.LATIN_FONT
    document.styles["Normal"].font.size = Pt(10.5)

    course = session.course.localized
    docx_writing.add_text(document, _("Attendance sheet"), language, bold=True, size=Pt(16))
    docx_writing.add_text(document, course.title, language, bold=True, size=Pt(13))
    starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    when = f"{date_format(starts, 'l j F Y')}, {starts:%H:%M} – "
    when += f"{ends:%H:%M}" if session.same_day else f"{date_format(ends, 'l j F Y')}, {ends:%H:%M}"
    trainer = session.trainer.get_full_name() or session.trainer.get_username()
    for label, value in (
        (_("Date"), when),
        (_("Place"), session.place),
        (_("Room"), session.room),
        (_("Trainer"), trainer),
        (_("Duration"), _("%(hours)s hours") % {"hours": floatformat(course.duration_hours, -1)}),
    ):
        docx_writing.add_text(document, f"{label} : {value}", language)

    people = [enrolment.person for enrolment in session.enrolled()]
    headings = ("#", _("Name"), _("Email"), _("Signature"))
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    if docx_writing.is_rtl(language):
        _right_to_left(table)
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.paragraphs[0].text = ""
        run = cell.paragraphs[0].add_run(heading)
        run.bold = True
        docx_writing.mark_run(run, language)
        docx_writing.set_direction(cell.paragraphs[0], language)
        docx_writing.shade(cell, "#E6F2EC")
    for number, person in enumerate(people, start=1):
        row = table.add_row()
        values = (str(number), person.get_full_name() or person.get_username(), person.email, "")
        for cell, value in zip(row.cells, values, strict=True):
            run = cell.paragraphs[0].add_run(value)
            docx_writing.mark_run(run, language)
            docx_writing.set_direction(cell.paragraphs[0], language)
        row.height = Mm(11)
    for row in table.rows:
        for cell, width in zip(row.cells, (Mm(10), Mm(62), Mm(58), Mm(50)), strict=True):
            cell.width = width
    if not people:
        docx_writing.add_text(document, _("Nobody is enrolled yet."), language)
    docx_writing.add_text(
        document,
        _("%(count)s enrolled · capacity %(capacity)s")
        % {"count": len(people), "capacity": session.capacity},
        language,
        size=Pt(9),
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _right_to_left(table):
    """Columns from right to left (Word's ``bidiVisual``), for Arabic."""
    properties = table._tbl.tblPr
    if properties.find(qn("w:bidiVisual")) is None:
        properties.append(OxmlElement("w:bidiVisual"))
