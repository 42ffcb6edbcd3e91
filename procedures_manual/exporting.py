"""The whole manual as one document, in PDF or DOCX, from published procedures only.

One module, one entry point (``export_manual``) for the command, the download
button and the tests; a format is one function in ``EXPORTERS``.
"""

import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt
from wagtail.models import Locale

from intranet.core import docx_writing
from intranet.core.models import current_commune
from intranet.core.printing import html_to_pdf

from .fiche import citation_text, delay_text, fee_text
from .models import Category, LegalTextPage, ProcedurePage


class UnknownFormat(ValueError):
    pass


@dataclass
class Chapter:
    title: str
    procedures: list


@dataclass
class Manual:
    language: str
    title: str
    chapters: list
    legal_index: list  # [(legal text, [procedures citing it])]
    generated_at: object

    @property
    def direction(self):
        return "rtl" if self.language == "ar" else "ltr"

    @property
    def procedure_count(self):
        return sum(len(chapter.procedures) for chapter in self.chapters)


def build_manual(language="fr"):
    """Gather the live procedures of one language, chapter by chapter, and the texts they cite."""
    locale = Locale.objects.get(language_code=language)
    procedures = list(
        ProcedurePage.objects.live()
        .filter(locale=locale)
        .select_related("service")
        .prefetch_related("documents", "legal_references__legal_text")
        .order_by("code")
    )
    with translation.override(language):
        chapters = [
            Chapter(str(category.label), [p for p in procedures if p.category == category.value])
            for category in Category
        ]
        chapters = [chapter for chapter in chapters if chapter.procedures]
        citing = {}
        for procedure in procedures:
            for reference in procedure.references:
                citing.setdefault(reference.legal_text.translation_key, []).append(procedure)
        texts = LegalTextPage.objects.filter(translation_key__in=citing).select_related("locale")
        by_key = {}
        for text in texts:
            if text.translation_key not in by_key or text.locale_id == locale.pk:
                by_key[text.translation_key] = text
        legal_index = sorted(
            (
                (by_key[key], sorted(set(found), key=lambda p: p.code))
                for key, found in citing.items()
            ),
            key=lambda item: (item[0].kind, item[0].number),
        )
        return Manual(
            language=language,
            title=_("Manual of administrative procedures"),
            chapters=chapters,
            legal_index=legal_index,
            generated_at=timezone.localtime(),
        )


def manual_pdf(manual):
    with translation.override(manual.language):
        return html_to_pdf(
            render_to_string(
                "procedures_manual/manual.html",
                {"manual": manual, "commune": current_commune()},
            )
        )


def manual_docx(manual):
    language = manual.language
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    document.styles["Normal"].font.name = docx_writing.LATIN_FONT
    document.styles["Normal"].font.size = Pt(10)

    def text(value, style=None, **kwargs):
        return docx_writing.add_text(document, value, language, style=style, **kwargs)

    def page_break():
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    with translation.override(language):
        text(current_commune().formal_name, style="Title")
        text(manual.title, style="Subtitle")
        text(
            ngettext(
                "Edition of %(date)s — %(counter)s procedure",
                "Edition of %(date)s — %(counter)s procedures",
                manual.procedure_count,
            )
            % {"date": date_format(manual.generated_at, "j F Y"), "counter": manual.procedure_count}
        )
        page_break()

        text(_("Contents"), style="Heading 1")
        for number, chapter in enumerate(manual.chapters, start=1):
            text(f"{number}. {chapter.title}", bold=True)
            for procedure in chapter.procedures:
                text(f"    {procedure.code} — {procedure.title}")
        text(_("Index of legal texts"), bold=True)
        page_break()

        for number, chapter in enumerate(manual.chapters, start=1):
            text(f"{number}. {chapter.title}", style="Heading 1")
            for procedure in chapter.procedures:
                _write_procedure(document, procedure, language)

        page_break()
        text(_("Index of legal texts"), style="Heading 1")
        for legal_text, procedures in manual.legal_index:
            text(
                f"{legal_text.get_kind_display()} {legal_text.number} — {legal_text.title}",
                bold=True,
            )
            text(", ".join(f"{p.code} {p.title}" for p in procedures))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _write_procedure(document, procedure, language):
    def text(value, style=None, **kwargs):
        return docx_writing.add_text(document, value, language, style=style, **kwargs)

    text(f"{procedure.code} — {procedure.title}", style="Heading 2")
    text(procedure.summary)
    text(_("Who is concerned"), style="Heading 3")
    text(procedure.audience)
    text(_("Documents to provide"), style="Heading 3")
    for required in procedure.documents.all():
        text(f"☐ {required.name} ({required.get_form_display()}, × {required.copies})")
    text(_("Fee"), style="Heading 3")
    text(fee_text(procedure))
    text(_("Maximum delay"), style="Heading 3")
    text(delay_text(procedure))
    if procedure.steps:
        text(_("Steps"), style="Heading 3")
        for number, step in enumerate(procedure.steps, start=1):
            text(f"{number}. {step.value['title']}")
    if procedure.service_id:
        text(_("Where to apply"), style="Heading 3")
        text(procedure.where.title)
    text(_("You receive"), style="Heading 3")
    text(procedure.outcome + (f" — {procedure.validity}" if procedure.validity else ""))
    if procedure.references:
        text(_("Legal references"), style="Heading 3")
        for reference in procedure.references:
            text(citation_text(reference))


EXPORTERS = {
    "pdf": (manual_pdf, "application/pdf"),
    "docx": (
        manual_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


def export_manual(file_format, language="fr"):
    """``(content bytes, content type)`` of the manual in a format of ``EXPORTERS``."""
    if file_format not in EXPORTERS:
        raise UnknownFormat(
            _("Unknown format “%(format)s”: choose %(choices)s.")
            % {"format": file_format, "choices": ", ".join(EXPORTERS)}
        )
    exporter, content_type = EXPORTERS[file_format]
    return exporter(build_manual(language)), content_type
