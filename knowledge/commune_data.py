"""The knowledge base's parts of knowledge.yaml: its index page and its articles.

An article is found again by its slug, in French and in Arabic (the Arabic
article is the translation of the French one, with the same slug). Its body is
written per language as a list of blocks, each a mapping with one key naming
its kind: ``paragraph`` (HTML), ``question`` (question, answer), ``steps``
(heading, steps of title and detail) and ``document`` (title, the file if the
commune hands one out, who issues it, a note). The services and procedures an
article links to are named once, by slug and code; each language's article
links to the pages of its own language.

Readers' votes ("was this article helpful?") are kept with their article:
they are what the editors' report is made of, and a commune moving its
intranet keeps them. Loading records each reader's vote, replacing their
earlier one, as voting again does. Nothing absent from the file is deleted:
deletion is an editor's act.
"""

from django.contrib.auth import get_user_model
from wagtail.blocks import StreamValue
from wagtail.models import Locale

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s
from intranet.core.commune_data import streams
from intranet.core.commune_data.pages import upsert_child, upsert_translation

from .feedback import record_vote
from .models import (
    COMMENT_MAX_LENGTH,
    ArticleFeedback,
    ArticleProcedure,
    ArticleService,
    KnowledgeArticlePage,
    KnowledgeIndexPage,
    Topic,
)

FOLDER = "knowledge"
LANGUAGES = ("fr", "ar")
DEFAULT_REVIEW_INTERVAL = 12
USERNAME = {"type": "string", "minLength": 1, "maxLength": 150}


def _one_of_kinds(**kinds):
    """A block: a mapping with a single key, the kind, whose value is the block's content."""
    return {"oneOf": [s.record({kind: schema}, required=(kind,)) for kind, schema in kinds.items()]}


BLOCK = _one_of_kinds(
    paragraph=s.RICH_TEXT,
    question=s.record(
        {"question": {"type": "string", "minLength": 1, "maxLength": 300}, "answer": s.RICH_TEXT},
        required=("question", "answer"),
    ),
    steps=s.record(
        {
            "heading": {"type": "string", "maxLength": 200},
            "steps": {
                "type": "array",
                "minItems": 1,
                "items": s.record(
                    {
                        "title": {"type": "string", "minLength": 1, "maxLength": 200},
                        "detail": s.TEXT,
                    },
                    required=("title",),
                ),
            },
        },
        required=("steps",),
    ),
    document=s.record(
        {
            "title": {"type": "string", "minLength": 1, "maxLength": 200},
            "document": s.record(
                {"title": s.NON_EMPTY_TEXT, "file": s.FILE},
                required=("title", "file"),
                description="The file handed out, as the library stores it: its title and file.",
            ),
            "issued_by": {"type": "string", "maxLength": 200},
            "note": s.TEXT,
        },
        required=("title",),
    ),
)
VOTE = s.record(
    {
        "reader": USERNAME,
        "language": s.choice(LANGUAGES),
        "helpful": {"type": "boolean"},
        "comment": {"type": "string", "maxLength": COMMENT_MAX_LENGTH},
    },
    required=("reader", "language", "helpful"),
)
ARTICLES_SCHEMA = s.records(
    s.record(
        {
            "slug": s.SLUG,
            "title": s.bilingual(),
            "topic": s.choice(Topic.values),
            "summary": s.bilingual({"type": "string", "minLength": 1, "maxLength": 500}),
            "responsible": USERNAME,
            "responsible_service": s.SLUG,
            "services": {"type": "array", "items": s.SLUG, "uniqueItems": True},
            "procedures": {"type": "array", "items": s.NON_EMPTY_TEXT, "uniqueItems": True},
            "last_reviewed_on": s.DATE,
            "review_interval_months": {"type": "integer", "minimum": 1, "maximum": 60},
            "body": s.record(
                {language: {"type": "array", "items": BLOCK} for language in LANGUAGES},
                required=LANGUAGES,
            ),
            "votes": s.records(VOTE),
        },
        required=("slug", "title", "topic", "summary", "last_reviewed_on", "body"),
    ),
    description=(
        "Answers to frequent questions and staff guides: who keeps each one, when it was "
        "last checked, and what readers said of it."
    ),
)


# The articles


def declare_articles(value, checking):
    for index, record in enumerate(value):
        checking.offer_unique("knowledge article", record["slug"], record=index, field="slug")


def check_articles(value, checking):
    if value and not (
        checking.catalogue.keys("knowledge base") or KnowledgeIndexPage.objects.exists()
    ):
        checking.problem("no knowledge_base in the folder, and the intranet has none yet")
    for index, record in enumerate(value):
        if not record.get("responsible") and not record.get("responsible_service"):
            checking.problem(
                "name who keeps the article up to date: responsible or responsible_service",
                record=index,
                field="responsible",
            )
        checking.require("account", record.get("responsible"), record=index, field="responsible")
        checking.require(
            "service", record.get("responsible_service"), record=index, field="responsible_service"
        )
        for slug in record.get("services", []):
            checking.require("service", slug, record=index, field="services")
        for code in record.get("procedures", []):
            checking.require("procedure", code, record=index, field="procedures")
        for language in LANGUAGES:
            for number, block in enumerate(record["body"][language], start=1):
                document = block.get("document", {}).get("document")
                if document:
                    checking.require_file(
                        document["file"],
                        record=index,
                        field=f"body.{language} #{number}.document.file",
                    )
        voters = set()
        for number, vote in enumerate(record.get("votes", []), start=1):
            field = f"votes #{number}.reader"
            checking.require("account", vote["reader"], record=index, field=field)
            if (vote["reader"], vote["language"]) in voters:
                checking.problem(
                    f"«{vote['reader']}» votes twice on the article in «{vote['language']}»: "
                    "a reader has one vote per language",
                    record=index,
                    field=field,
                )
            voters.add((vote["reader"], vote["language"]))


def load_articles(value, loading):
    index = KnowledgeIndexPage.objects.get(locale=loading.french)
    users = {user.username: user for user in get_user_model().objects.all()}
    for record in value:
        common = {
            "topic": record["topic"],
            "responsible": users.get(record.get("responsible")),
            "last_reviewed_on": loading.date(record["last_reviewed_on"]),
            "review_interval_months": record.get("review_interval_months", DEFAULT_REVIEW_INTERVAL),
        }
        pages = {}
        for language in LANGUAGES:
            fields = {
                **common,
                "title": record["title"][language],
                "summary": record["summary"][language],
                "body": _body(record["body"][language], loading, language),
                **_links(record, loading.locale(language)),
            }
            if language == "fr":
                pages[language] = upsert_child(
                    loading, index, KnowledgeArticlePage, record["slug"], **fields
                )
            else:
                pages[language] = upsert_translation(
                    loading, pages["fr"], loading.arabic, slug=record["slug"], **fields
                )
        for vote in record.get("votes", []):
            _load_vote(pages[vote["language"]], users[vote["reader"]], vote, loading)


def _links(record, locale):
    """Owner service and links, pointing at the pages of the article's own language."""
    language = locale.language_code
    return {
        "responsible_service": data.find("service", record.get("responsible_service"), language),
        "service_links": [
            ArticleService(service=data.find("service", slug, language))
            for slug in record.get("services", [])
        ],
        "procedure_links": [
            ArticleProcedure(procedure=data.find("procedure", code, language))
            for code in record.get("procedures", [])
        ],
    }


def _body(blocks, loading, language):
    """The stream of an article from its blocks; text fields left out are empty, as in the admin."""
    items = []
    for block in blocks:
        ((kind, content),) = block.items()
        if kind == "steps":
            content = {
                "heading": content.get("heading", ""),
                "steps": [
                    {"title": step["title"], "detail": step.get("detail", "")}
                    for step in content["steps"]
                ],
            }
        elif kind == "document":
            content = {"issued_by": "", "note": "", "document": None, **content}
        items.append({"type": kind, "value": content})
    stream_block = KnowledgeArticlePage.body.field.stream_block
    raw = streams.from_data(stream_block, items, loading, language=language)
    return StreamValue(stream_block, raw, is_lazy=True)


def _load_vote(page, reader, vote, loading):
    earlier = ArticleFeedback.objects.filter(article=page, user=reader).first()
    helpful, comment = vote["helpful"], vote.get("comment", "")
    if earlier and (earlier.helpful, earlier.comment) == (helpful, comment):
        outcome = "unchanged"
    else:
        record_vote(page, reader, helpful, comment)
        outcome = "updated" if earlier else "created"
    loading.counted(ArticleFeedback._meta.verbose_name, outcome)


def export_articles(exporting):
    index = KnowledgeIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return None
    value = []
    for page in KnowledgeArticlePage.objects.child_of(index).order_by("path"):
        value.append(_export_article(page, data.arabic_translation(page) or page, exporting))
    return value or None


def _export_article(page, arabic, exporting):
    record = {
        "slug": page.slug,
        "title": {"fr": page.title, "ar": arabic.title},
        "topic": page.topic,
        "summary": {"fr": page.summary, "ar": arabic.summary},
    }
    if page.responsible:
        record["responsible"] = page.responsible.username
    if page.responsible_service:
        record["responsible_service"] = page.responsible_service.slug
    services = [link.service.slug for link in page.service_links.all()]
    if services:
        record["services"] = services
    procedures = [link.procedure.code for link in page.procedure_links.all()]
    if procedures:
        record["procedures"] = procedures
    record["last_reviewed_on"] = exporting.date(page.last_reviewed_on)
    if page.review_interval_months != DEFAULT_REVIEW_INTERVAL:
        record["review_interval_months"] = page.review_interval_months
    record["body"] = {
        "fr": _export_body(page.body, exporting),
        "ar": _export_body(arabic.body, exporting) if arabic is not page else [],
    }
    votes = [
        {
            "reader": vote.user.username,
            "language": language,
            "helpful": vote.helpful,
            **({"comment": vote.comment} if vote.comment else {}),
        }
        for language, article in (("fr", page), ("ar", arabic))
        if language == "fr" or article is not page
        for vote in article.feedback.select_related("user").order_by("user__username")
    ]
    if votes:
        record["votes"] = votes
    return record


def _export_body(body, exporting):
    blocks = []
    for block in body:
        value = block.value
        if block.block_type == "paragraph":
            content = value.source
        elif block.block_type == "question":
            content = {"question": value["question"], "answer": value["answer"].source}
        elif block.block_type == "steps":
            content = {"heading": value["heading"]} if value["heading"] else {}
            content["steps"] = [
                {"title": step["title"], **({"detail": step["detail"]} if step["detail"] else {})}
                for step in value["steps"]
            ]
        else:
            content = {"title": value["title"]}
            document = value["document"]
            if document:
                content["document"] = {
                    "title": document.title,
                    "file": exporting.file(document.file, FOLDER),
                }
            content.update({name: value[name] for name in ("issued_by", "note") if value[name]})
        blocks.append({block.block_type: content})
    return blocks


data.reference("knowledge article", data.french_page_exists(KnowledgeArticlePage))

data.register(
    data.section_page_part(
        file="knowledge",
        key="knowledge_base",
        order=70,
        model=KnowledgeIndexPage,
        reference_kind="knowledge base",
        description="The knowledge base's index page, right under the home page.",
    )
)
data.register(
    data.Part(
        file="knowledge",
        key="knowledge_articles",
        order=71,
        schema=ARTICLES_SCHEMA,
        load=load_articles,
        export=export_articles,
        declare=declare_articles,
        check=check_articles,
    )
)
