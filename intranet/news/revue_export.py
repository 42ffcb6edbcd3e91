"""The revue as a PDF (WeasyPrint) and as a Word document (python-docx).

Both are built from ``RevuePage.entries()``, the same list the page shows, and
in the revue's own language: an Arabic revue reads right to left in both.
"""

import io

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Mm, Pt

from intranet.core import docx_writing
from intranet.core.models import current_commune
from intranet.core.printing import html_to_pdf

from .months import long_date


def _language(revue):
    return revue.locale.language_code


def as_html(revue):
    language = _language(revue)
    with translation.override(language):
        return render_to_string(
            "news/revue_print.html",
            {
                "page": revue,
                "commune": current_commune(),
                "entries": revue.entries(),
                "language": language,
                "direction": "rtl" if docx_writing.is_rtl(language) else "ltr",
            },
        )


def as_pdf(revue):
    return html_to_pdf(as_html(revue))


def period_text(revue, language):
    return f"{long_date(revue.period_start, language)} – {long_date(revue.period_end, language)}"


def vote_text(decision):
    return _("%(outcome)s: %(for)s for, %(against)s against, %(abstentions)s abstentions") % {
        "outcome": decision.get_outcome_display(),
        "for": decision.votes_for,
        "against": decision.votes_against,
        "abstentions": decision.abstentions,
    }


def as_docx(revue):
    language = _language(revue)
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Mm(20))
    document.styles["Normal"].font.name = docx_writing.LATIN_FONT
    document.styles["Normal"].font.size = Pt(10.5)

    def write(text, **style):
        return docx_writing.add_text(document, text, language, **style)

    with translation.override(language):
        write(
            _("%(commune)s · The revue") % {"commune": current_commune().formal_name},
            size=Pt(9),
            colour="#5b6b66",
        )
        write(revue.title, bold=True, size=Pt(20))
        write(period_text(revue, language), size=Pt(11), colour="#5b6b66")
        for paragraph in revue.paragraphs():
            write(paragraph)
        for entry in revue.entries():
            page = entry.page
            if entry.is_decision:
                kind = _("Council decision %(reference)s") % {"reference": page.reference()}
            else:
                kind = _("News")
            write(f"{kind} · {long_date(entry.date, language)}", size=Pt(9), colour="#0b6e4f")
            write(page.title, bold=True, size=Pt(13))
            write(entry.summary)
            if entry.is_decision:
                write(f"{page.get_session_type_display()} · {vote_text(page)}", size=Pt(9.5))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
