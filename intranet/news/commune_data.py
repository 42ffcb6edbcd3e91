"""The news section's parts: news.yaml (the news page and the news) and council.yaml
(the council's decisions and the revues that gather news and decisions).

Every page is found again by its slug under its section, in French and in
Arabic (the Arabic page is the translation of the French one, with the same
slug). A news body is written per language as a list of blocks, each a mapping
with one key naming its kind: ``paragraph`` (HTML), ``quote``, ``document`` and
``image`` (a title and a file of the folder). A revue names its items by kind
and slug (``- decision: …`` or ``- news: …``), in the order it presents them.
Nothing absent from the files is deleted: deletion is an editor's act.
"""

import hashlib
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.models import Locale

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s
from intranet.core.commune_data import streams
from intranet.core.commune_data.pages import upsert_child, upsert_translation

from .models import (
    CouncilDecisionIndexPage,
    CouncilDecisionPage,
    NewsIndexPage,
    NewsPage,
    Outcome,
    RevueItem,
    RevuePage,
    SessionType,
)

LANGUAGES = ("fr", "ar")
NEWS_FOLDER, COUNCIL_FOLDER = "news", "council"
VOTES = {"for": "votes_for", "against": "votes_against", "abstentions": "abstentions"}
STORED_FILE = s.record({"title": s.NON_EMPTY_TEXT, "file": s.FILE}, required=("title", "file"))


def _one_of_kinds(**kinds):
    """A block: a mapping with a single key, the kind, whose value is the block's content."""
    return {"oneOf": [s.record({kind: schema}, required=(kind,)) for kind, schema in kinds.items()]}


NEWS_BLOCK = _one_of_kinds(
    paragraph=s.RICH_TEXT,
    quote=s.NON_EMPTY_TEXT,
    document=STORED_FILE,
    image=s.record(
        {
            "title": s.NON_EMPTY_TEXT,
            "file": s.FILE,
            "alt_text": s.TEXT,
            "decorative": {"type": "boolean"},
        },
        required=("title", "file"),
    ),
)
NEWS_SCHEMA = s.records(
    s.record(
        {
            "slug": s.SLUG,
            "date": s.DATE,
            "title": s.bilingual(),
            "introduction": s.bilingual({"type": "string", "minLength": 1, "maxLength": 400}),
            "body": s.record(
                {language: {"type": "array", "items": NEWS_BLOCK} for language in LANGUAGES},
                required=LANGUAGES,
            ),
        },
        required=("slug", "date", "title", "introduction"),
    ),
    description="The commune's internal news, newest first.",
)
COUNT = {"type": "integer", "minimum": 0}
DECISIONS_SCHEMA = s.records(
    s.record(
        {
            "slug": s.SLUG,
            "number": {"type": "integer", "minimum": 1},
            "session": s.record(
                {"date": s.DATE, "type": s.choice(SessionType.values)}, required=("date", "type")
            ),
            "votes": s.record({name: COUNT for name in VOTES}, required=tuple(VOTES)),
            "outcome": s.choice(Outcome.values),
            "title": s.bilingual(),
            "subject": s.bilingual({"type": "string", "minLength": 1, "maxLength": 500}),
            "text": s.bilingual(s.RICH_TEXT),
            "signed_document": STORED_FILE,
        },
        required=("slug", "number", "session", "votes", "outcome", "title", "subject", "text"),
    ),
    description=(
        "The council's decisions as the minutes record them: session, number in the year's "
        "register, votes, outcome, text and the signed PDF."
    ),
)
REVUES_SCHEMA = s.records(
    s.record(
        {
            "slug": s.SLUG,
            "title": s.bilingual(),
            "period": s.record({"start": s.DATE, "end": s.DATE}, required=("start", "end")),
            "introduction": s.bilingual(
                {**s.NON_EMPTY_TEXT, "description": "A blank line starts a paragraph."}
            ),
            "items": {
                "type": "array",
                "minItems": 1,
                "items": _one_of_kinds(decision=s.SLUG, news=s.SLUG),
                "description": "The news and decisions of the period, in the order presented.",
            },
        },
        required=("slug", "title", "period", "introduction", "items"),
    ),
    description="The revue: the period's council decisions and news, with an editorial.",
)


def _bilingual(page, arabic, name):
    return {"fr": getattr(page, name), "ar": getattr(arabic, name)}


def _upsert_both(loading, parent, model, record, french, arabic):
    """The French page under ``parent`` and its Arabic translation, with the same slug."""
    page = upsert_child(loading, parent, model, record["slug"], **french)
    upsert_translation(loading, page, loading.arabic, slug=record["slug"], **arabic)
    return page


def _require_section(checking, key, model):
    if not (checking.catalogue.keys(key) or model.objects.exists()):
        checking.problem(f"no {key} in the folder, and the intranet has none yet")


# News


def declare_news(value, checking):
    for index, record in enumerate(value):
        checking.offer_unique("news item", record["slug"], record=index, field="slug")


def check_news(value, checking):
    if value:
        _require_section(checking, "news_index", NewsIndexPage)
    for index, record in enumerate(value):
        for language in LANGUAGES:
            for number, block in enumerate(record.get("body", {}).get(language, []), start=1):
                ((kind, content),) = block.items()
                if kind in ("document", "image"):
                    checking.require_file(
                        content["file"], record=index, field=f"body.{language} #{number}.file"
                    )


def load_news(value, loading):
    index = NewsIndexPage.objects.get(locale=loading.french)
    for record in value:
        fields = {
            language: {
                "title": record["title"][language],
                "date": loading.date(record["date"]),
                "introduction": record["introduction"][language],
                "body": _news_body(record.get("body", {}).get(language, []), loading),
            }
            for language in LANGUAGES
        }
        _upsert_both(loading, index, NewsPage, record, fields["fr"], fields["ar"])


def _news_body(blocks, loading):
    stream_block = NewsPage.body.field.stream_block
    raw = []
    for block in blocks:
        ((kind, content),) = block.items()
        if kind == "image":
            image = _stored_image(content["title"], loading.read_file(content["file"]), content)
            value = {
                "image": image.pk,
                "decorative": content.get("decorative", False),
                "alt_text": content.get("alt_text", ""),
            }
        elif kind == "document":
            raw += streams.from_data(stream_block, [{"type": kind, "value": content}], loading)
            continue
        else:
            value = content
        raw.append({"type": kind, "value": value})
    return StreamValue(stream_block, raw, is_lazy=True)


def _stored_image(title, content, block):
    """The image with this content, found again by its hash, or stored now."""
    Image = get_image_model()
    digest = hashlib.sha1(content).hexdigest()
    image = Image.objects.filter(file_hash=digest, title=title).first()
    if image is None:
        image = Image(title=title)
        image.file = ImageFile(ContentFile(content), name=Path(block["file"]).name)
        image.file_size = len(content)
        image.file_hash = digest
        image.save()
    return image


def export_news(exporting):
    index = NewsIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return None
    value = []
    for page in NewsPage.objects.child_of(index).order_by("-date", "path"):
        arabic = data.arabic_translation(page) or page
        record = {
            "slug": page.slug,
            "date": exporting.date(page.date),
            "title": _bilingual(page, arabic, "title"),
            "introduction": _bilingual(page, arabic, "introduction"),
        }
        body = {
            language: _export_news_body(article.body, exporting)
            for language, article in (("fr", page), ("ar", arabic))
        }
        if body["fr"] or body["ar"]:
            record["body"] = body
        value.append(record)
    return value or None


def _export_news_body(body, exporting):
    blocks = []
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            content = value.source
        elif block.block_type == "quote":
            content = value
        elif block.block_type == "document":
            content = _stored_file(value, exporting, NEWS_FOLDER)
        else:
            content = _stored_file(value, exporting, NEWS_FOLDER)
            if value.decorative:
                content["decorative"] = True
            elif value.contextual_alt_text:
                content["alt_text"] = value.contextual_alt_text
        blocks.append({block.block_type: content})
    return blocks


def _stored_file(stored, exporting, folder):
    """A document or an image as the folder holds it: its title and its file."""
    return {
        "title": stored.title,
        "file": exporting.file(stored.file, folder),
    }


# The council's decisions


def declare_decisions(value, checking):
    for index, record in enumerate(value):
        checking.offer_unique("council decision", record["slug"], record=index, field="slug")
        year = data.parse_date(record["session"]["date"]).year
        checking.offer_unique(
            "decision number",
            f"{record['number']}/{year}",
            record=index,
            field="number",
            what="decision",
        )


def check_decisions(value, checking):
    if value:
        _require_section(checking, "council", CouncilDecisionIndexPage)
    for index, record in enumerate(value):
        votes = record["votes"]
        if votes["for"] + votes["against"] == 0:
            checking.problem("nobody voted for or against", record=index, field="votes")
        elif (votes["for"] > votes["against"] and record["outcome"] == Outcome.REJECTED) or (
            votes["against"] > votes["for"] and record["outcome"] == Outcome.ADOPTED
        ):
            checking.problem(
                f"{record['outcome']} contradicts the votes: "
                f"{votes['for']} for and {votes['against']} against",
                record=index,
                field="outcome",
            )
        signed = record.get("signed_document")
        if signed:
            if not signed["file"].lower().endswith(".pdf"):
                checking.problem(
                    "the signed document must be a PDF", record=index, field="signed_document.file"
                )
            checking.require_file(signed["file"], record=index, field="signed_document.file")


def load_decisions(value, loading):
    index = CouncilDecisionIndexPage.objects.get(locale=loading.french)
    for record in value:
        signed = record.get("signed_document")
        shared = {
            "number": record["number"],
            "session_date": loading.date(record["session"]["date"]),
            "session_type": record["session"]["type"],
            "outcome": record["outcome"],
            "signed_document": (
                streams.stored_document(
                    signed["title"], loading.read_file(signed["file"]), signed["file"]
                )
                if signed
                else None
            ),
            **{field: record["votes"][name] for name, field in VOTES.items()},
        }
        fields = {
            language: {
                **shared,
                "title": record["title"][language],
                "subject": record["subject"][language],
                "text": record["text"][language],
            }
            for language in LANGUAGES
        }
        _upsert_both(loading, index, CouncilDecisionPage, record, fields["fr"], fields["ar"])


def export_decisions(exporting):
    index = CouncilDecisionIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return None
    value = []
    decisions = CouncilDecisionPage.objects.child_of(index).order_by("session_date", "number")
    for page in decisions:
        arabic = data.arabic_translation(page) or page
        record = {
            "slug": page.slug,
            "number": page.number,
            "session": {"date": exporting.date(page.session_date), "type": page.session_type},
            "votes": {name: getattr(page, field) for name, field in VOTES.items()},
            "outcome": page.outcome,
            "title": _bilingual(page, arabic, "title"),
            "subject": _bilingual(page, arabic, "subject"),
            "text": _bilingual(page, arabic, "text"),
        }
        if page.signed_document:
            record["signed_document"] = _stored_file(
                page.signed_document, exporting, COUNCIL_FOLDER
            )
        value.append(record)
    return value or None


# The revues


def declare_revues(value, checking):
    for index, record in enumerate(value):
        checking.offer_unique("revue", record["slug"], record=index, field="slug")


def check_revues(value, checking):
    if value:
        _require_section(checking, "news_index", NewsIndexPage)
    for index, record in enumerate(value):
        start, end = (data.parse_date(record["period"][name]) for name in ("start", "end"))
        if end < start:
            checking.problem("the period ends before it starts", record=index, field="period.end")
        for number, item in enumerate(record["items"], start=1):
            ((kind, slug),) = item.items()
            checking.require(
                "council decision" if kind == "decision" else "news item",
                slug,
                record=index,
                field=f"items #{number}",
            )


def load_revues(value, loading):
    index = NewsIndexPage.objects.get(locale=loading.french)
    for record in value:
        items = [_revue_item_page(item) for item in record["items"]]
        fields = {
            language: {
                "title": record["title"][language],
                "period_start": loading.date(record["period"]["start"]),
                "period_end": loading.date(record["period"]["end"]),
                "introduction": record["introduction"][language],
                "items": [
                    RevueItem(page=_in_language(page, loading.locale(language)), sort_order=order)
                    for order, page in enumerate(items)
                ],
            }
            for language in LANGUAGES
        }
        _upsert_both(loading, index, RevuePage, record, fields["fr"], fields["ar"])


def _revue_item_page(item):
    ((kind, slug),) = item.items()
    model = CouncilDecisionPage if kind == "decision" else NewsPage
    return model.objects.get(slug=slug, locale=Locale.get_default()).page_ptr


def _in_language(page, locale):
    translation = page.get_translation_or_none(locale)
    return translation or page


def export_revues(exporting):
    index = NewsIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return None
    value = []
    for page in RevuePage.objects.child_of(index).order_by("period_start", "path"):
        arabic = data.arabic_translation(page) or page
        items = []
        for item in page.items.select_related("page__content_type").order_by("sort_order"):
            kind = {"councildecisionpage": "decision", "newspage": "news"}.get(
                item.page.content_type.model
            )
            if kind:
                items.append({kind: item.page.slug})
        value.append(
            {
                "slug": page.slug,
                "title": _bilingual(page, arabic, "title"),
                "period": {
                    "start": exporting.date(page.period_start),
                    "end": exporting.date(page.period_end),
                },
                "introduction": _bilingual(page, arabic, "introduction"),
                "items": items,
            }
        )
    return value or None


data.reference("news item", data.french_page_exists(NewsPage))
data.reference("council decision", data.french_page_exists(CouncilDecisionPage))

data.register(
    data.section_page_part(
        file="news",
        key="news_index",
        order=80,
        model=NewsIndexPage,
        reference_kind="news_index",
        description="The news page, right under the home page.",
        introduction=False,
    )
)
data.register(
    data.Part(
        file="news",
        key="news",
        order=81,
        schema=NEWS_SCHEMA,
        load=load_news,
        export=export_news,
        declare=declare_news,
        check=check_news,
    )
)
data.register(
    data.section_page_part(
        file="council",
        key="council",
        order=85,
        model=CouncilDecisionIndexPage,
        reference_kind="council",
        description="The page of the council's decisions, right under the home page.",
    )
)
data.register(
    data.Part(
        file="council",
        key="council_decisions",
        order=86,
        schema=DECISIONS_SCHEMA,
        load=load_decisions,
        export=export_decisions,
        declare=declare_decisions,
        check=check_decisions,
    )
)
data.register(
    data.Part(
        file="council",
        key="revues",
        order=87,
        schema=REVUES_SCHEMA,
        load=load_revues,
        export=export_revues,
        declare=declare_revues,
        check=check_revues,
    )
)
