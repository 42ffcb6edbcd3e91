"""Import an existing manual written in Word as draft procedures.

The expected layout is the one the exported manual uses: a Heading 1 per
category, a Heading 2 per procedure ("EC-01 — Déclaration de naissance"), and
Heading 3 sections (Pièces à fournir, Frais, Délai maximal...). French or
Arabic headings are both understood.

Nothing is ever published: each procedure becomes a draft that goes through the
approval circuit. A file with any problem imports nothing, and the report
lists every problem with where it was found.
"""

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from docx import Document
from docx.opc.exceptions import OpcError
from wagtail.models import Locale

from intranet.core.extraction import DAMAGED_ARCHIVE
from intranet.organisation.models import ServicePage

from .models import (
    Category,
    ChangeSignificance,
    LegalTextPage,
    ProcedureIndexPage,
    ProcedureLegalReference,
    ProcedurePage,
    RequiredDocument,
    RevisionSignificance,
)

MAX_FILE_SIZE = 20 * 1024 * 1024
MAX_UNCOMPRESSED_SIZE = 200 * 1024 * 1024  # a zip bomb stops here
MAX_BODY_SIZE = 40 * 1024 * 1024  # word/document.xml is parsed whole: no bigger than this


class ImportRefused(Exception):
    """The file cannot be read as a manual at all."""


def _key(text):
    """Headings compared without case, accents, punctuation or extra spaces."""
    text = unicodedata.normalize("NFKD", text.strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s:：.]+", " ", text).strip()


SECTIONS = {
    "summary": ["Résumé", "Summary", "ملخص"],
    "audience": ["Qui est concerné", "Personnes concernées", "Who is concerned", "الفئات المعنية"],
    "conditions": ["Conditions", "الشروط"],
    "documents": ["Pièces à fournir", "Documents to provide", "الوثائق المطلوبة"],
    "fee": ["Frais", "Fee", "الرسوم"],
    "delay": ["Délai maximal", "Délai", "Maximum delay", "الأجل الأقصى"],
    "steps": ["Étapes", "Steps", "المراحل"],
    "service": ["Où s'adresser", "Service responsable", "Where to apply", "أين تقدم الطلب"],
    "outcome": ["Vous recevez", "Ce que reçoit l'usager", "You receive", "تتسلمون"],
    "validity": ["Validité", "Validity", "الصلاحية"],
    "references": [
        "Références juridiques",
        "Base juridique",
        "Legal references",
        "المراجع القانونية",
    ],
}
SECTION_BY_KEY = {_key(label): name for name, labels in SECTIONS.items() for label in labels}

DOCUMENT_FORMS = {
    _key(label): value
    for value, labels in {
        "original": ["Original", "أصل"],
        "copy": ["Copie", "Copy", "نسخة"],
        "certified_copy": ["Copie certifiée conforme", "Certified copy", "نسخة مطابقة للأصل"],
        "original_and_copy": ["Original et copie", "Original and copy", "أصل ونسخة"],
    }.items()
    for label in labels
}
FREE = {_key(word) for word in ("Gratuit", "Free", "مجاني", "0")}
IMMEDIATE = {_key(word) for word in ("Immédiat", "Immediate", "فوري")}
ARABIC_DAY_WORDS = {_key("يوم واحد"): 1, _key("يومان"): 2}
NO_DELAY = {_key(word) for word in ("Non fixé", "Not set", "غير محدد")}
PROCEDURE_HEADING = re.compile(r"^\s*([A-Z]{2,4}-\d{1,3})\s*[—–-]\s*(.+)$")
DOCUMENT_LINE = re.compile(
    r"^[☐\-•\s]*(?P<name>.+?)\s*\((?P<form>[^,()]+)(?:,\s*[×x]\s*(?P<copies>\d+))?\)\s*(?:[—–-]\s*(?P<remark>.*))?$"
)
REFERENCE_LINE = re.compile(
    r"^[•\-\s]*(?P<kind>\D*?)\s*(?P<number>\d[\d/-]*\d|\d)\s*(?:,\s*(?:art\.?|articles?|المادة|المواد)\s*(?P<articles>.+))?$",
    re.IGNORECASE,
)
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


@dataclass
class Problem:
    where: str
    message: str

    def __str__(self):
        return f"{self.where}: {self.message}"


@dataclass
class ProcedureDraft:
    code: str
    title: str
    category: str
    heading_line: int
    sections: dict = field(default_factory=dict)


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self):
        return not self.problems


def read_outline(uploaded):
    """The procedures of a DOCX file, as drafts with their raw sections, plus problems."""
    document = _open_docx(uploaded)
    categories = {}
    for category in Category:
        for language in ("fr", "ar", "en"):
            from django.utils import translation

            with translation.override(language):
                categories[_key(str(category.label))] = category.value
    drafts, problems = [], []
    category, current, section = None, None, None
    for number, paragraph in enumerate(document.paragraphs, start=1):
        text = paragraph.text.strip()
        if not text:
            continue
        style = paragraph.style.name if paragraph.style is not None else ""
        where = _("paragraph %(number)s") % {"number": number}
        if style == "Heading 1":
            label = re.sub(r"^\d+\.\s*", "", text)
            category = categories.get(_key(label))
            current = section = None
            if category is None and _key(label) not in _ignored_chapters():
                problems.append(
                    Problem(
                        where, _("“%(text)s” is not a category of the manual.") % {"text": text}
                    )
                )
        elif style == "Heading 2":
            match = PROCEDURE_HEADING.match(text)
            section = "summary"  # the text right under the title is the summary
            if not match:
                current = None
                problems.append(
                    Problem(
                        where,
                        _(
                            "“%(text)s” should read “CODE — Title”, for example "
                            "“EC-01 — Déclaration de naissance”."
                        )
                        % {"text": text},
                    )
                )
            elif category is None:
                current = None
                problems.append(
                    Problem(
                        where,
                        _("The procedure %(code)s comes before any category heading.")
                        % {"code": match.group(1)},
                    )
                )
            else:
                current = ProcedureDraft(match.group(1), match.group(2).strip(), category, number)
                drafts.append(current)
        elif style == "Heading 3":
            section = SECTION_BY_KEY.get(_key(text))
            if current is not None and section is None:
                problems.append(Problem(where, _("Unknown section “%(text)s”.") % {"text": text}))
        elif current is not None and section is not None:
            current.sections.setdefault(section, []).append((number, text))
    seen = {}
    for draft in drafts:
        if draft.code in seen:
            problems.append(
                Problem(
                    _("paragraph %(number)s") % {"number": draft.heading_line},
                    _("The code %(code)s is used twice in the file.") % {"code": draft.code},
                )
            )
        seen[draft.code] = draft
    if not drafts and not problems:
        problems.append(
            Problem(
                _("file"),
                _(
                    "No procedure found: use Heading 2 for each "
                    "procedure, under a Heading 1 category."
                ),
            )
        )
    return drafts, problems


def _ignored_chapters():
    return {
        _key(label)
        for label in (
            "Sommaire",
            "Contents",
            "الفهرس",
            "Index des textes juridiques",
            "Index of legal texts",
            "فهرس النصوص القانونية",
        )
    }


def _open_docx(uploaded):
    size = getattr(uploaded, "size", None)
    if size is not None and size > MAX_FILE_SIZE:
        raise ImportRefused(
            _("The file is larger than %(size)s MB.") % {"size": MAX_FILE_SIZE // (1024 * 1024)}
        )
    if hasattr(uploaded, "seek"):
        uploaded.seek(0)
    header = uploaded.read(8)
    uploaded.seek(0)
    if header.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRefused(
            _(
                "This file is encrypted with a password or is an old .doc file: "
                "save it as an unprotected .docx and try again."
            )
        )
    if not header.startswith(b"PK"):
        raise ImportRefused(_("This is not a Word .docx file."))
    try:
        with zipfile.ZipFile(uploaded) as archive:
            if sum(item.file_size for item in archive.infolist()) > MAX_UNCOMPRESSED_SIZE:
                raise ImportRefused(
                    _("This file expands to more than 200 MB once opened; it is refused.")
                )
            body = next(
                (item for item in archive.infolist() if item.filename == "word/document.xml"), None
            )
            if body is not None and body.file_size > MAX_BODY_SIZE:
                raise ImportRefused(
                    _("The text of this file is larger than %(size)s MB; it is refused.")
                    % {"size": MAX_BODY_SIZE // (1024 * 1024)}
                )
        uploaded.seek(0)
        return Document(uploaded)
    except ImportRefused:
        raise
    except (OpcError, *DAMAGED_ARCHIVE) as error:
        raise ImportRefused(
            _("This Word file is damaged and cannot be read (%(error)s).") % {"error": error}
        ) from error


def _parse(draft, language, problems):
    """Model fields for a draft, or None; each problem found is added to ``problems``."""
    locale = Locale.objects.get(language_code=language)
    where = f"{draft.code}"

    def one(name, required=False):
        lines = draft.sections.get(name, [])
        if required and not lines:
            problems.append(
                Problem(
                    where,
                    _("the section “%(section)s” is missing.")
                    % {"section": SECTIONS[name][0 if language == "fr" else -1]},
                )
            )
        return "\n".join(text for _number, text in lines)

    fields = {
        "title": draft.title,
        "code": draft.code,
        "category": draft.category,
        "summary": one("summary", required=True),
        "audience": one("audience", required=True),
        "outcome": one("outcome", required=True),
        "validity": one("validity")[:120],
    }
    conditions = one("conditions")
    fields["conditions"] = "".join(f"<p>{line}</p>" for line in conditions.splitlines())

    fee = one("fee", required=True)
    if fee:
        first_word = _key(fee.split()[0]) if fee.split() else ""
        if _key(fee) in FREE or first_word in FREE:
            fields["fee_amount"] = None
        else:
            amount = re.search(
                r"\d+(?:[.,]\d{1,2})?", fee.translate(ARABIC_DIGITS).replace(" ", "")
            )
            try:
                fields["fee_amount"] = (
                    Decimal(amount.group(0).replace(",", ".")) if amount else None
                )
            except InvalidOperation:
                amount = None
            if amount is None:
                problems.append(
                    Problem(
                        where,
                        _("the fee “%(fee)s” is neither an amount nor “Gratuit”.") % {"fee": fee},
                    )
                )

    delay = one("delay")
    if delay:
        days = re.search(r"\d+", delay.translate(ARABIC_DIGITS))
        if _key(delay) in IMMEDIATE:
            fields["max_delay_days"] = 0
        elif _key(delay) in ARABIC_DAY_WORDS:
            fields["max_delay_days"] = ARABIC_DAY_WORDS[_key(delay)]
        elif _key(delay) in NO_DELAY:
            fields["max_delay_days"] = None
        elif days:
            fields["max_delay_days"] = int(days.group(0))
        else:
            problems.append(
                Problem(
                    where, _("the delay “%(delay)s” is not a number of days.") % {"delay": delay}
                )
            )

    fields["steps"] = [
        ("step", {"title": re.sub(r"^\s*\d+[.)]\s*", "", text)[:200], "detail": ""})
        for _n, text in draft.sections.get("steps", [])
    ]

    documents = []
    for number, text in draft.sections.get("documents", []):
        match = DOCUMENT_LINE.match(text)
        form = DOCUMENT_FORMS.get(_key(match.group("form"))) if match else None
        if match and form:
            documents.append(
                RequiredDocument(
                    name=match.group("name")[:300],
                    form=form,
                    copies=int(match.group("copies") or 1),
                    remark=(match.group("remark") or "")[:300],
                )
            )
        elif match is None or "(" not in text:
            documents.append(RequiredDocument(name=text.lstrip("☐-• ")[:300]))
        else:
            problems.append(
                Problem(
                    f"{where}, {_('paragraph %(number)s') % {'number': number}}",
                    _(
                        "unknown form “%(form)s” (Original, Copie, Copie "
                        "certifiée conforme, Original et copie)."
                    )
                    % {"form": match.group("form")},
                )
            )
    fields["documents"] = documents

    service_lines = one("service", required=True).splitlines()
    service_name = service_lines[0].split(" — ")[0].strip() if service_lines else ""
    if service_name:
        service = ServicePage.objects.filter(locale=locale, title__iexact=service_name).first()
        if service is None:
            problems.append(
                Problem(where, _("no service is called “%(name)s”.") % {"name": service_name})
            )
        fields["service"] = service

    references = []
    for number, text in draft.sections.get("references", []):
        match = REFERENCE_LINE.match(text.translate(ARABIC_DIGITS))
        legal_text = (
            (
                LegalTextPage.objects.filter(number=match.group("number"), locale=locale).first()
                or LegalTextPage.objects.filter(number=match.group("number")).first()
            )
            if match
            else None
        )
        if legal_text is None:
            problems.append(
                Problem(
                    f"{where}, {_('paragraph %(number)s') % {'number': number}}",
                    _("no legal text matches “%(text)s”; add it to the legal texts first.")
                    % {"text": text},
                )
            )
            continue
        reference = ProcedureLegalReference(
            legal_text=legal_text, articles=(match.group("articles") or "").strip(" .")[:120]
        )
        try:
            reference.clean()
        except Exception as error:  # a ValidationError naming the missing articles
            problems.append(Problem(where, " ".join(getattr(error, "messages", [str(error)]))))
            continue
        references.append(reference)
    fields["legal_references"] = references
    return fields


def import_manual(uploaded, language="fr", user=None, dry_run=False):
    """Read a DOCX manual and create or update draft procedures; all or nothing."""
    report = ImportReport()
    try:
        drafts, report.problems = read_outline(uploaded)
    except ImportRefused as refusal:
        report.problems.append(Problem(_("file"), str(refusal)))
        return report
    manual = ProcedureIndexPage.objects.filter(locale__language_code=language).first()
    if manual is None:
        report.problems.append(
            Problem(_("file"), _("There is no procedures manual in this language yet."))
        )
        return report

    parsed = [(draft, _parse(draft, language, report.problems)) for draft in drafts]
    for draft, _fields in parsed:
        existing = ProcedurePage.objects.child_of(manual).filter(code=draft.code).exists()
        (report.updated if existing else report.created).append(f"{draft.code} — {draft.title}")
    if report.problems or dry_run:
        return report

    with transaction.atomic():
        for _draft, fields in parsed:
            _save_draft(manual, fields, user)
    report.applied = True
    return report


def _save_draft(manual, fields, user):
    page = ProcedurePage.objects.child_of(manual).filter(code=fields["code"]).first()
    if page is None:
        slug = slugify(f"{fields['code']}-{fields['title']}")[:80] or fields["code"].lower()
        page = manual.add_child(instance=ProcedurePage(slug=slug, live=False, owner=user, **fields))
    else:
        page = page.specific
        for name, value in fields.items():
            setattr(page, name, value)
    revision = page.save_revision(user=user, log_action=True)
    RevisionSignificance.objects.update_or_create(
        revision=revision, defaults={"significance": ChangeSignificance.MAJOR}
    )
    return page
