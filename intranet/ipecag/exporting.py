"""A work plan as a Word document: objectives, measures, and a table of actions
with every field and its progress, in the plan's language (Arabic right to left)."""

import io

from django.utils import formats, translation
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from intranet.core import docx_writing

OVERDUE_COLOUR = "#FBEAEA"
HEADER_COLOUR = "#E6F2EC"


def as_docx(plan):
    language = plan.language
    with translation.override(language):
        document = Document()
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(12))
        document.styles["Normal"].font.size = Pt(9)
        document.styles["Normal"].font.name = docx_writing.LATIN_FONT

        docx_writing.add_text(document, plan.page.title, language, bold=True, size=Pt(18))
        docx_writing.add_text(document, _summary(plan), language)
        for objective in plan.objectives:
            docx_writing.add_text(document, objective.title, language, bold=True, size=Pt(14))
            if objective.description:
                docx_writing.add_text(document, objective.description, language)
            docx_writing.add_text(document, _objective_progress(objective), language)
            for measure in objective.measures:
                docx_writing.add_text(document, measure.title, language, bold=True, size=Pt(11))
                _actions_table(document, measure.actions, language)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()


def columns():
    return [
        _("Action"),
        _("Responsible service"),
        _("Partners"),
        _("Deadline"),
        _("Budget (MAD)"),
        _("Spent (MAD)"),
        _("Status"),
        _("Indicator"),
        _("Target"),
        _("Measured"),
        _("Achievement"),
    ]


def action_cells(action):
    """The row of an action, as text, in the active language."""
    return [
        action.title,
        action.service.title if action.service else "",
        action.partners,
        formats.date_format(action.deadline, "SHORT_DATE_FORMAT") if action.deadline else "",
        money(action.budget),
        money(action.spent),
        str(action.status_label) + (f" ({_('overdue')})" if action.overdue else ""),
        action.indicator,
        number(action.target),
        number(action.measured),
        f"{action.achievement} %" if action.achievement is not None else "",
    ]


def money(value):
    return "" if value is None else formats.number_format(value, 0, force_grouping=True)


def number(value):
    if value is None:
        return ""
    return formats.number_format(value, 0 if value == int(value) else 2)


def _summary(plan):
    return _(
        "%(done)s of %(total)s actions done (%(percent)s %%); budget %(budget)s MAD, "
        "spent %(spent)s MAD; %(overdue)s overdue."
    ) % {
        "done": plan.done_count,
        "total": len(plan.actions),
        "percent": plan.done_percent,
        "budget": money(plan.budget),
        "spent": money(plan.spent),
        "overdue": len(plan.overdue),
    }


def _objective_progress(objective):
    text = _("%(done)s of %(total)s actions done") % {
        "done": objective.done_count,
        "total": len(objective.actions),
    }
    if objective.achievement is not None:
        text += " · " + _("indicators achieved: %(percent)s %%") % {
            "percent": objective.achievement
        }
    return text


def _actions_table(document, actions, language):
    table = document.add_table(rows=1, cols=len(columns()))
    table.style = "Table Grid"
    if docx_writing.is_rtl(language):
        _right_to_left(table)
    for cell, heading in zip(table.rows[0].cells, columns(), strict=True):
        cell.paragraphs[0].text = ""
        docx_writing.shade(cell, HEADER_COLOUR)
        _fill(cell, heading, language, bold=True)
    for action in actions:
        row = table.add_row()
        for cell, text in zip(row.cells, action_cells(action), strict=True):
            _fill(cell, text, language)
            if action.overdue:
                docx_writing.shade(cell, OVERDUE_COLOUR)


def _fill(cell, text, language, bold=False):
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    docx_writing.mark_run(run, language)
    docx_writing.set_direction(paragraph, language)


def _right_to_left(table):
    """Columns laid out from the right, as an Arabic reader expects."""
    properties = table._tbl.tblPr
    if properties.find(qn("w:bidiVisual")) is None:
        properties.append(OxmlElement("w:bidiVisual"))
