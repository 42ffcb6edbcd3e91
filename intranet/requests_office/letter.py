"""The letter that answers the citizen, in the language the citizen wrote in.

On the commune's letterhead (its formal name and address from ``commune.yaml``),
with the reference, the date, the citizen's name and address, the subject and
the approved answer, or the reason the request is not admissible. The same
words make the PDF (from ``requests_office/letter.html``) and the DOCX the
office can still touch up before signing; Arabic runs right to left in both.
"""

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Mm, Pt

from intranet.core import docx_writing
from intranet.core.models import current_commune
from intranet.core.printing import html_to_pdf

from .models import CitizenRequest


class NoLetterYet(Exception):
    """Only an approved answer, or a request found not admissible, makes a letter."""


@dataclass(frozen=True)
class Letter:
    language: str
    commune_name: str
    commune_address: str
    office: str
    reference_line: str
    date_line: str
    to_lines: list
    subject_line: str
    salutation: str
    body: list
    closing: str
    signature: str

    @property
    def direction(self):
        return "rtl" if self.language == "ar" else "ltr"


def build(citizen_request, today=None):
    if citizen_request.status not in (
        CitizenRequest.Status.ANSWER_APPROVED,
        CitizenRequest.Status.CLOSED,
        CitizenRequest.Status.INADMISSIBLE,
    ):
        raise NoLetterYet
    language = citizen_request.language
    # Dated the day the answer was approved (or the request closed), however late it is printed.
    moment = citizen_request.answer_approved_at or citizen_request.closed_at
    today = today or (timezone.localdate(moment) if moment else timezone.localdate())
    with translation.override(language):
        commune = current_commune()
        if citizen_request.status == CitizenRequest.Status.INADMISSIBLE:
            body = [
                _(
                    "Your request was examined. It cannot be dealt with by the commune, "
                    "for this reason:"
                ),
                citizen_request.inadmissibility_reason,
            ]
        else:
            body = [_("In answer to your request, we inform you that:"), citizen_request.answer]
        to_lines = (
            [citizen_request.citizen_name, citizen_request.postal_address]
            if not citizen_request.anonymous
            else []
        )
        return Letter(
            language=language,
            commune_name=commune.formal_name,
            commune_address=commune.address,
            office=_("Citizens' requests office"),
            reference_line=_("Reference: %(reference)s") % {"reference": citizen_request.reference},
            date_line=date_format(today, "j F Y"),
            to_lines=[line for line in to_lines if line],
            subject_line=_("Subject: %(subject)s") % {"subject": citizen_request.subject},
            salutation=_("Dear Sir or Madam,"),
            body=[
                paragraph for text in body for paragraph in text.splitlines() if paragraph.strip()
            ],
            closing=_("Please accept the assurance of our best regards."),
            signature=_("The President of the Communal Council"),
        )


def as_pdf(letter):
    html = render_to_string("requests_office/letter.html", {"letter": letter})
    return html_to_pdf(html)


def as_docx(letter):
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Mm(20))
    language = letter.language

    def line(text, **style):
        return docx_writing.add_text(document, text, language, **style)

    line(letter.commune_name, bold=True, size=Pt(13), colour="#0b5d3b")
    if letter.commune_address:
        line(letter.commune_address, size=Pt(9))
    line(letter.office, size=Pt(9))
    line("")
    line(letter.reference_line, bold=True)
    line(letter.date_line)
    line("")
    for to in letter.to_lines:
        line(to)
    line("")
    line(letter.subject_line, bold=True)
    line("")
    line(letter.salutation)
    for paragraph in letter.body:
        line(paragraph)
    line("")
    line(letter.closing)
    line("")
    line(letter.signature, bold=True)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()
