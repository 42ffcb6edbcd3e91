"""procedures.yaml: each procedure found again by its code, both languages in one
record, taken live through the approval circuit when it is new or changed."""

import hashlib

from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection

from intranet.accounts.roles import PROCEDURES_COLLECTION
from intranet.core.commune_data import schemas as s
from intranet.core.commune_data.pages import differs, in_order
from intranet.core.commune_data.streams import from_data, stored_document
from intranet.organisation.models import Arrondissement, ServicePage

from ..approval import approve_through_workflow
from ..models import (
    Category,
    LegalTextPage,
    ProcedureIndexPage,
    ProcedureLegalReference,
    ProcedurePage,
    RequiredDocument,
    ReviewFlag,
)
from .circuit import Circuit
from .legal_texts import TEXT_KEY, article_numbers, missing_articles
from .sections import arabic_locale, french_page, put_optional, require_section_page, side_by_side

FILE = "procedures"
FORMS_FOLDER = "forms"


def _text(max_length):
    return {"type": "string", "minLength": 1, "maxLength": max_length}


CODE = {
    "type": "string",
    "pattern": r"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$",
    "maxLength": 20,
    "description": "Reference of the procedure in the manual: letters, digits, dashes (EC-01).",
}
DOCUMENT = s.record(
    {
        "name": s.bilingual(_text(300)),
        "form": s.choice(ProcedurePage.DocumentForm.values, "Left out: original."),
        "copies": {"type": "integer", "minimum": 1, "description": "Left out: 1."},
        "remark": s.optional_bilingual({"type": "string", "maxLength": 300}),
    },
    required=("name",),
)
STEP = s.record(
    {"title": s.bilingual(_text(200)), "detail": s.optional_bilingual()}, required=("title",)
)
FORM = s.record(
    {
        "title": s.bilingual(_text(200)),
        "file": s.FILE,
        "document_title": dict(
            _text(255), description="Left out: the French title. Its name in the documents."
        ),
    },
    required=("title", "file"),
)
QUESTION = s.record(
    {"question": s.bilingual(_text(300)), "answer": s.bilingual()}, required=("question", "answer")
)
REFERENCE = s.record(
    {
        "text": dict(TEXT_KEY, description="Key of the legal text, in legal_texts.yaml."),
        "articles": {
            "type": ["string", "integer"],
            "maxLength": 120,
            "description": "Article numbers, separated by commas: 15, 16 bis.",
        },
    },
    required=("text",),
)
PROCEDURE = s.record(
    {
        "code": CODE,
        "slug": dict(s.SLUG, description="Left out: the code and the French title."),
        "title": s.bilingual(_text(255)),
        "category": s.choice(Category.values),
        "service": dict(s.SLUG, description="Slug of the responsible service."),
        "summary": s.bilingual(_text(600)),
        "audience": s.bilingual(),
        "conditions": s.optional_bilingual(s.RICH_TEXT),
        "documents": s.records(DOCUMENT, "What the citizen brings."),
        "fee": dict(s.MONEY, description="In dirhams; left out when the procedure is free."),
        "fee_note": s.optional_bilingual({"type": "string", "maxLength": 300}),
        "delay_days": {
            "type": "integer",
            "minimum": 0,
            "maximum": 32767,
            "description": "Maximum delay; 0 when delivered at once, left out when none is set.",
        },
        "delay_note": s.optional_bilingual({"type": "string", "maxLength": 300}),
        "steps": s.records(STEP),
        "outcome": s.bilingual(_text(300)),
        "validity": s.optional_bilingual({"type": "string", "maxLength": 120}),
        "arrondissements": s.records(
            {"type": "integer", "minimum": 0}, "Numbers of the arrondissements also handling it."
        ),
        "forms": s.records(FORM, "Forms to download, files under files/forms/."),
        "questions": s.records(QUESTION, "Frequent questions."),
        "legal_references": s.records(REFERENCE),
        "review_interval_months": {
            "type": "integer",
            "minimum": 1,
            "maximum": 60,
            "description": "Left out: 12.",
        },
    },
    required=("code", "title", "category", "summary", "audience", "outcome"),
)


def default_slug(record):
    """The address the demo gave procedures: code and French title, cut at 80."""
    return slugify(f"{record['code']}-{record['title']['fr']}")[:80]


def declare(value, checking):
    for index, record in enumerate(value):
        checking.offer_unique("procedure", record["code"], index, "code", what="the code")
        slug = record.get("slug") or default_slug(record)
        checking.offer_unique("procedure page", slug, index, "slug", what="the address")


def check(value, checking):
    require_section_page(checking, "procedures manual", FILE)
    for index, record in enumerate(value):
        checking.require("service", record.get("service"), index, "service")
        for number in record.get("arrondissements", []):
            checking.require("arrondissement", number, index, "arrondissements")
        for position, form in enumerate(record.get("forms", []), start=1):
            checking.require_file(form["file"], index, f"forms #{position}.file")
        for position, reference in enumerate(record.get("legal_references", []), start=1):
            field = f"legal_references #{position}"
            text = reference["text"]
            if not checking.require("legal text", text, index, f"{field}.text"):
                continue
            numbers = article_numbers(reference.get("articles"))
            for number in missing_articles(checking, text, numbers):
                checking.problem(f"article {number} is not in {text}", index, f"{field}.articles")


def load(value, loading):
    manual = french_page(ProcedureIndexPage, depth=3)
    circuit = Circuit(loading)
    forms = FormDocuments(loading)
    for record in value:
        _load_procedure(loading, manual, record, circuit, forms)


def _load_procedure(loading, manual, record, circuit, forms):
    slug = record.get("slug") or default_slug(record)
    french_fields = in_order(dict(_fields(record, "fr", loading, forms), slug=slug))
    arabic_fields = in_order(dict(_fields(record, "ar", loading, forms), slug=slug))
    last_flag = ReviewFlag.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    published = []
    french = ProcedurePage.objects.child_of(manual).filter(code=record["code"]).first()
    if french is None:
        french = manual.add_child(instance=ProcedurePage(live=False, **french_fields))
        _go_live(loading, french, circuit, "created", published)
    else:
        french = _go_live_if_changed(loading, french, french_fields, circuit, published)
    arabic = french.get_translation_or_none(loading.arabic)
    if arabic is None:
        arabic = french.copy_for_translation(loading.arabic, copy_parents=True).specific
        _assign(arabic, arabic_fields)
        _go_live(loading, arabic, circuit, "created", published)
    else:
        _go_live_if_changed(loading, arabic.specific, arabic_fields, circuit, published)
    # Both versions come from one record: the one published first is not behind the
    # other. A version the folder left as it was keeps its flag: it may well be.
    for flag in ReviewFlag.objects.open().filter(
        pk__gt=last_flag, kind=ReviewFlag.Kind.TRANSLATION_OUTDATED, procedure__in=published
    ):
        flag.resolve(circuit.people[2])


def _go_live_if_changed(loading, page, fields, circuit, published):
    if page.live and not page.has_unpublished_changes and not differs(page, fields):
        loading.counted(page._meta.verbose_name, "unchanged")
        return page
    pending = page.current_workflow_state
    if pending is not None:  # the folder's content replaces what was submitted
        pending.cancel(user=circuit.people[0])
    _assign(page, fields)
    return _go_live(loading, page, circuit, "updated", published)


def _go_live(loading, page, circuit, outcome, published):
    approve_through_workflow(page, *circuit.people)
    loading.counted(page._meta.verbose_name, outcome)
    published.append(page)
    return page


def _assign(page, fields):
    for name, value in in_order(fields).items():
        setattr(page, name, value)


def _fields(record, language, loading, forms):
    """A version's fields; the service and legal texts are the French pages in both,
    each shown in the reader's language (``localized``)."""
    texts = {name: record.get(name, {}).get(language, "") for name in BILINGUAL_FIELDS}
    service = record.get("service")
    numbers = record.get("arrondissements", [])
    return {
        **texts,
        "code": record["code"],
        "category": record["category"],
        "fee_amount": loading.money(record.get("fee")),
        "max_delay_days": record.get("delay_days"),
        "review_interval_months": record.get("review_interval_months", 12),
        "service": service and ServicePage.objects.get(slug=service, locale__language_code="fr"),
        "arrondissements": list(
            Arrondissement.objects.filter(locale__language_code="fr", number__in=numbers)
        ),
        "documents": [
            RequiredDocument(
                name=document["name"][language],
                form=document.get("form", ProcedurePage.DocumentForm.ORIGINAL),
                copies=document.get("copies", 1),
                remark=document.get("remark", {}).get(language, ""),
            )
            for document in record.get("documents", [])
        ],
        "steps": _stream(
            "steps",
            [
                {
                    "title": step["title"][language],
                    "detail": step.get("detail", {}).get(language, ""),
                }
                for step in record.get("steps", [])
            ],
            loading,
        ),
        "questions": _stream(
            "questions",
            [
                {"question": pair["question"][language], "answer": pair["answer"][language]}
                for pair in record.get("questions", [])
            ],
            loading,
        ),
        "forms": _stream(
            "forms",
            [
                {"title": form["title"][language], "document": forms.document(form)}
                for form in record.get("forms", [])
            ],
            loading,
            raw=True,
        ),
        "legal_references": [
            ProcedureLegalReference(
                legal_text=french_page(LegalTextPage, slug=reference["text"]),
                articles=str(reference.get("articles", "")),
            )
            for reference in record.get("legal_references", [])
        ],
    }


BILINGUAL_FIELDS = (
    "title",
    "summary",
    "audience",
    "conditions",
    "fee_note",
    "delay_note",
    "outcome",
    "validity",
)
STREAM_BLOCKS = {"steps": "step", "questions": "question", "forms": "form"}


def _stream(name, values, loading, raw=False):
    """A StreamField's value: compared with the page's by ``differs`` as content."""
    field = ProcedurePage._meta.get_field(name)
    block = STREAM_BLOCKS[name]
    if raw:  # values already hold what the database keeps (a document's id)
        stream = [{"type": block, "value": value} for value in values]
    else:
        items = [{"type": block, "value": value} for value in values]
        stream = from_data(field.stream_block, items, loading)
    return field.to_python(stream)


class FormDocuments:
    """The documents of the forms, stored once in the procedures' collection and found
    again by their title and content, whatever their stored file is called."""

    def __init__(self, loading):
        self.loading = loading
        self._by_file = {}

    def document(self, form):
        relative = form["file"]
        title = form.get("document_title") or form["title"]["fr"]
        if (relative, title) not in self._by_file:
            content = self.loading.read_file(relative)
            self._by_file[(relative, title)] = (
                _document_with(title, content)
                or stored_document(title, content, relative, _procedures_collection())
            ).pk
        return self._by_file[(relative, title)]


def _document_with(title, content):
    digest = hashlib.sha1(content).hexdigest()
    for document in get_document_model().objects.filter(title=title):
        if (document.file_hash or _hash_of(document)) == digest:
            return document
    return None


def _hash_of(document):
    try:
        with document.file.open("rb") as stored:
            return hashlib.sha1(stored.read()).hexdigest()
    except (FileNotFoundError, ValueError):
        return ""


def _procedures_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=PROCEDURES_COLLECTION).first() or root.add_child(
        name=PROCEDURES_COLLECTION
    )


def export(exporting):
    arabic = arabic_locale()
    procedures = (
        ProcedurePage.objects.filter(locale__language_code="fr")
        .live()
        .select_related("service")
        .order_by("path")
    )
    return [_export_procedure(exporting, p, arabic) for p in procedures] or None


def _export_procedure(exporting, french, arabic_language):
    arabic = french.get_translation_or_none(arabic_language) if arabic_language else None
    arabic = arabic.specific if arabic else french
    both = {
        name: side_by_side(getattr(french, name), getattr(arabic, name))
        for name in BILINGUAL_FIELDS
    }
    value = {"code": french.code}
    record = {"code": french.code, "title": both["title"]}
    if french.slug != default_slug(record):
        value["slug"] = french.slug
    value["title"] = both["title"]
    value["category"] = french.category
    if french.service_id:
        service = french.service
        value["service"] = (service.get_translation_or_none(french.locale) or service).slug
    value["summary"] = both["summary"]
    value["audience"] = both["audience"]
    put_optional(value, french.conditions, arabic.conditions, "conditions")
    documents = _pairs(french.documents.all(), arabic.documents.all())
    if documents:
        value["documents"] = [_export_document(fr, ar) for fr, ar in documents]
    if french.fee_amount is not None:
        value["fee"] = exporting.money(french.fee_amount)
    put_optional(value, french.fee_note, arabic.fee_note, "fee_note")
    if french.max_delay_days is not None:
        value["delay_days"] = french.max_delay_days
    put_optional(value, french.delay_note, arabic.delay_note, "delay_note")
    steps = _pairs(french.steps, arabic.steps)
    if steps:
        value["steps"] = [_export_step(fr, ar) for fr, ar in steps]
    value["outcome"] = both["outcome"]
    put_optional(value, french.validity, arabic.validity, "validity")
    numbers = sorted(a.number for a in french.arrondissements.all() if a.number is not None)
    if numbers:
        value["arrondissements"] = numbers
    forms = _pairs(
        [form for form in french.forms if form.value["document"]],
        [form for form in arabic.forms if form.value["document"]],
    )
    if forms:
        value["forms"] = [_export_form(exporting, fr, ar) for fr, ar in forms]
    questions = _pairs(french.questions, arabic.questions)
    if questions:
        value["questions"] = [
            {
                "question": side_by_side(fr and fr.value["question"], ar and ar.value["question"]),
                "answer": side_by_side(fr and fr.value["answer"], ar and ar.value["answer"]),
            }
            for fr, ar in questions
        ]
    references = [_export_reference(r) for r in french.legal_references.all() if r.legal_text_id]
    if references:
        value["legal_references"] = references
    if french.review_interval_months != 12:
        value["review_interval_months"] = french.review_interval_months
    return value


def _pairs(french, arabic):
    """French and Arabic items side by side by position; a missing one is None."""
    french, arabic = list(french), list(arabic)
    length = max(len(french), len(arabic))
    french += [None] * (length - len(french))
    arabic += [None] * (length - len(arabic))
    return list(zip(french, arabic, strict=True))


def _export_document(french, arabic):
    source = french or arabic
    value = {
        "name": side_by_side(french and french.name, arabic and arabic.name),
        "form": source.form,
    }
    if source.copies != 1:
        value["copies"] = source.copies
    put_optional(value, french and french.remark, arabic and arabic.remark, "remark")
    return value


def _export_step(french, arabic):
    title = side_by_side(french and french.value["title"], arabic and arabic.value["title"])
    value = {"title": title}
    put_optional(
        value, french and french.value["detail"], arabic and arabic.value["detail"], "detail"
    )
    return value


def _export_form(exporting, french, arabic):
    document = (french or arabic).value["document"]
    title = side_by_side(french and french.value["title"], arabic and arabic.value["title"])
    # Named after its title, not its stored file, whose name storage may have suffixed.
    suffix = document.file.name.rpartition(".")[2].lower()
    name = f"{slugify(document.title)[:80] or 'formulaire'}.{suffix}"
    value = {"title": title, "file": exporting.file(document.file, FORMS_FOLDER, name=name)}
    if document.title != title["fr"]:
        value["document_title"] = document.title
    return value


def _export_reference(reference):
    text = reference.legal_text
    text = text.get_translation_or_none(reference.procedure.locale) or text
    value = {"text": text.slug}
    if reference.articles:
        value["articles"] = reference.articles
    return value


def procedure_exists(code):
    return ProcedurePage.objects.filter(locale__language_code="fr", code=code).exists()


def find_procedure(code, language):
    """The procedure with this code in ``language``, or the French one if untranslated."""
    french = ProcedurePage.objects.filter(locale__language_code="fr", code=code).first()
    if french is None or language == "fr":
        return french
    return (
        ProcedurePage.objects.filter(
            translation_key=french.translation_key, locale__language_code=language
        ).first()
        or french
    )
