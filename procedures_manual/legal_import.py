"""Import a legal text from its PDF (Bulletin Officiel or ministry copy) as a draft.

The text is split into articles on "Article N" (French) or "المادة N" (Arabic);
the legal advisor checks the draft and publishes it. An encrypted, damaged or
scanned PDF (no text layer) is refused with a message that says which.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from intranet.core.extraction import DAMAGED_PDF, readable_text

from .models import LegalArticle, LegalTextIndexPage, LegalTextPage

MAX_FILE_SIZE = 30 * 1024 * 1024
MAX_PAGES = 1000  # a longer file is not one legal text
MAX_TEXT = 5_000_000  # characters
ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
ARTICLE_HEADING = re.compile(
    r"(?m)^\s*(?:Article|ARTICLE|Art\.)\s+(?P<fr>\d+(?:\s*(?:bis|ter|quater))?|premier|1er)\b\s*[.:\-–—]?"
    r"|^\s*(?:ال)?مادة\s+(?P<ar>[\d٠-٩]+(?:\s*(?:مكررة|مكرر))?|الأولى)\s*[.:\-–—]?"
    # Text extracted from right-to-left PDFs often puts the number first: "15 المادة".
    r"|^\s*(?P<ar_reversed>[\d٠-٩]+)\s+(?:ال)?مادة\s*$"
)


class LegalImportRefused(Exception):
    pass


@dataclass
class LegalTextDraft:
    articles: list = field(default_factory=list)  # [(number, text)]
    preamble: str = ""


def extract_text(uploaded):
    size = getattr(uploaded, "size", None)
    if size is not None and size > MAX_FILE_SIZE:
        raise LegalImportRefused(
            _("The file is larger than %(size)s MB.") % {"size": MAX_FILE_SIZE // (1024 * 1024)}
        )
    uploaded.seek(0)
    if not uploaded.read(5).startswith(b"%PDF"):
        raise LegalImportRefused(_("This is not a PDF file."))
    uploaded.seek(0)
    try:
        reader = PdfReader(uploaded)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LegalImportRefused(
                _("This PDF is protected by a password: ask for an unprotected copy.")
            )
        if len(reader.pages) > MAX_PAGES:
            raise LegalImportRefused(
                _("This PDF has more than %(pages)s pages: import each text on its own.")
                % {"pages": MAX_PAGES}
            )
        parts, size = [], 0
        for page in reader.pages:
            parts.append(page.extract_text() or "")
            size += len(parts[-1])
            if size > MAX_TEXT:
                raise LegalImportRefused(
                    _("This PDF holds more text than one legal text: import each text on its own.")
                )
        text = readable_text("\n".join(parts))
    except LegalImportRefused:
        raise
    except (PyPdfError, *DAMAGED_PDF) as error:
        raise LegalImportRefused(
            _("This PDF is damaged and cannot be read (%(error)s).") % {"error": error}
        ) from error
    if not text.strip():
        raise LegalImportRefused(
            _("This PDF has no text layer (a scan?): it must be typed or recognised first.")
        )
    return text


def split_articles(text):
    matches = list(ARTICLE_HEADING.finditer(text))
    if not matches:
        raise LegalImportRefused(_("No “Article N” or “المادة N” heading was found in the text."))
    draft = LegalTextDraft(preamble=text[: matches[0].start()].strip())
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        found = match.group("fr") or match.group("ar") or match.group("ar_reversed") or ""
        number = found.translate(ARABIC_DIGITS).strip()
        number = {"premier": "1", "1er": "1", "الأولى": "1"}.get(number, number)
        body = text[match.end() : following.start() if following else len(text)].strip()
        draft.articles.append((re.sub(r"\s+", " ", number), re.sub(r"[ \t]+", " ", body)))
    return draft


@transaction.atomic
def import_legal_text(uploaded, *, kind, number, title, language="fr", user=None, dry_run=False):
    """Create (or update) a draft legal text with its articles; returns (page or None, draft)."""
    draft = split_articles(extract_text(uploaded))
    if kind not in LegalTextPage.Kind.values:
        raise LegalImportRefused(_("Unknown kind of text “%(kind)s”.") % {"kind": kind})
    if dry_run:
        return None, draft
    index = LegalTextIndexPage.objects.filter(locale__language_code=language).first()
    if index is None:
        raise LegalImportRefused(_("There is no legal texts section in this language yet."))
    articles = [LegalArticle(number=n[:20], text=t) for n, t in draft.articles]
    page = LegalTextPage.objects.child_of(index).filter(number=number, kind=kind).first()
    if page is None:
        page = index.add_child(
            instance=LegalTextPage(
                title=title,
                slug=slugify(f"{kind}-{number}") or kind,
                kind=kind,
                number=number,
                live=False,
                owner=user,
                summary=draft.preamble[:2000],
                articles=articles,
            )
        )
    else:
        page = page.specific
        page.articles = articles
    page.save_revision(user=user, log_action=True)
    return page, draft
