"""legal_texts.yaml: each text found again by its key, the address of its page
(``law-37-99``), with its articles by number, in French and Arabic."""

from collections import Counter

from intranet.core.commune_data import schemas as s
from intranet.core.commune_data.pages import upsert_child, upsert_translation

from ..models import LegalArticle, LegalTextIndexPage, LegalTextPage
from .sections import arabic_locale, french_page, put_optional, require_section_page, side_by_side

FILE = "legal_texts"


def _number(max_length, example):
    """A number as people write it: 15, «16 bis», «2-99-665»."""
    return {
        "type": ["string", "integer"],
        "minLength": 1,
        "maxLength": max_length,
        "description": f"As it is cited, for example {example}.",
    }


TEXT_KEY = {
    "type": "string",
    "pattern": r"^[a-z0-9]+([_-][a-z0-9]+)*$",
    "maxLength": 255,
    "description": "The address of the text's page, which others cite it by: law-37-99.",
}
LEGAL_TEXT = s.record(
    {
        "key": TEXT_KEY,
        "kind": s.choice(LegalTextPage.Kind.values),
        "number": _number(40, "37-99"),
        "title": s.bilingual(),
        "enacted_on": s.DATE,
        "official_bulletin": s.record(
            {"number": _number(20, "5054"), "date": s.DATE},
            description="Where the Bulletin Officiel published the text.",
        ),
        "applies_from": dict(
            s.DATE,
            type=["string", "null"],
            description="Left out: from the Bulletin Officiel's date, else the text's date.",
        ),
        "status": s.choice(LegalTextPage.Status.values, "Left out: in_force."),
        "amended_by": dict(TEXT_KEY, description="Key of the text that amends or repeals it."),
        "summary": s.optional_bilingual(),
        "articles": s.records(
            s.record(
                {"number": _number(20, "16 bis"), "text": s.bilingual()},
                required=("number", "text"),
            )
        ),
    },
    required=("key", "kind", "number", "title"),
)


def number_text(value):
    return str(value).strip()


def article_numbers(articles):
    """«15, 16 bis» as the model reads it: ["15", "16 bis"]."""
    return [number.strip() for number in str(articles or "").split(",") if number.strip()]


def declare(value, checking):
    for index, text in enumerate(value):
        key = text["key"]
        checking.offer_unique("legal text", key, record=index, field="key", what="the key")
        checking.offer_unique(
            "legal text number",
            f"{text['kind']} {number_text(text['number'])}",
            record=index,
            field="number",
            what="the kind and number",
        )
        for article in text.get("articles", []):
            checking.offer("legal article", f"{key}#{number_text(article['number'])}", index)


def check(value, checking):
    require_section_page(checking, "legal texts page", FILE)
    amending = {text["key"]: text.get("amended_by") for text in value}
    for index, text in enumerate(value):
        seen = Counter(number_text(article["number"]) for article in text.get("articles", []))
        for number, times in seen.items():
            if times > 1:
                checking.problem(
                    f"article {number} is given {times} times", index, field="articles"
                )
        if text.get("amended_by") == text["key"]:
            checking.problem("a text cannot amend itself", index, field="amended_by")
        elif checking.require("legal text", text.get("amended_by"), index, field="amended_by"):
            if _in_a_cycle(text["key"], amending):
                checking.problem("these texts amend each other in a circle", index, "amended_by")


def _in_a_cycle(key, amending):
    seen, current = set(), amending.get(key)
    while current and current not in seen:
        if current == key:
            return True
        seen.add(current)
        current = amending.get(current)
    return False


def _amending_first(texts):
    """The texts in the folder's order, except that an amending text comes before
    the texts it amends, so that those can point at it as they are loaded."""
    by_key = {text["key"]: text for text in texts}
    ordered, placed = [], set()

    def place(text, path=()):
        if text["key"] in placed or text["key"] in path:
            return
        amending = by_key.get(text.get("amended_by"))
        if amending is not None:
            place(amending, (*path, text["key"]))
        placed.add(text["key"])
        ordered.append(text)

    for text in texts:
        place(text)
    return ordered


def load(value, loading):
    index = french_page(LegalTextIndexPage, depth=3)
    for text in _amending_first(value):
        _load_legal_text(loading, index, text)


def _load_legal_text(loading, index, text):
    bulletin = text.get("official_bulletin", {})
    enacted_on = loading.date(text.get("enacted_on"))
    bulletin_date = loading.date(bulletin.get("date"))
    applies_from = (
        loading.date(text["applies_from"])
        if "applies_from" in text
        else (bulletin_date or enacted_on)
    )
    common = {
        "kind": text["kind"],
        "number": number_text(text["number"]),
        "enacted_on": enacted_on,
        "official_bulletin_number": number_text(bulletin.get("number", "")),
        "official_bulletin_date": bulletin_date,
        "applies_from": applies_from,
        "status": text.get("status", LegalTextPage.Status.IN_FORCE),
    }
    amending = text.get("amended_by") and french_page(LegalTextPage, slug=text["amended_by"])
    summary = text.get("summary", {})
    articles = text.get("articles", [])
    french = upsert_child(
        loading,
        index,
        LegalTextPage,
        text["key"],
        title=text["title"]["fr"],
        summary=summary.get("fr", ""),
        amended_by=amending,
        articles=[
            LegalArticle(number=number_text(a["number"]), text=a["text"]["fr"]) for a in articles
        ],
        **common,
    )
    upsert_translation(
        loading,
        french,
        loading.arabic,
        title=text["title"]["ar"],
        slug=french.slug,
        summary=summary.get("ar", ""),
        amended_by=amending and (amending.get_translation_or_none(loading.arabic) or amending),
        articles=[
            LegalArticle(number=number_text(a["number"]), text=a["text"]["ar"]) for a in articles
        ],
        **common,
    )
    return french


def export(exporting):
    texts = LegalTextPage.objects.filter(locale__language_code="fr").live().order_by("path")
    arabic = arabic_locale()
    return [_export_legal_text(exporting, text, arabic) for text in texts] or None


def _export_legal_text(exporting, french, arabic_language):
    arabic = french.get_translation_or_none(arabic_language) if arabic_language else None
    arabic = arabic or french
    value = {
        "key": french.slug,
        "kind": french.kind,
        "number": french.number,
        "title": side_by_side(french.title, arabic.title),
    }
    if french.enacted_on:
        value["enacted_on"] = exporting.date(french.enacted_on)
    bulletin = {}
    if french.official_bulletin_number:
        bulletin["number"] = french.official_bulletin_number
    if french.official_bulletin_date:
        bulletin["date"] = exporting.date(french.official_bulletin_date)
    if bulletin:
        value["official_bulletin"] = bulletin
    if french.applies_from != (french.official_bulletin_date or french.enacted_on):
        value["applies_from"] = exporting.date(french.applies_from)
    if french.status != LegalTextPage.Status.IN_FORCE:
        value["status"] = french.status
    if french.amended_by_id:
        amending = french.amended_by
        amending = amending.get_translation_or_none(french.locale) or amending
        value["amended_by"] = amending.slug
    put_optional(value, french.summary, arabic.summary, "summary")
    arabic_articles = {article.number: article.text for article in arabic.articles.all()}
    articles = [
        {"number": a.number, "text": side_by_side(a.text, arabic_articles.get(a.number))}
        for a in french.articles.all()
    ]
    if articles:
        value["articles"] = articles
    return value


def text_exists(key):
    return LegalTextPage.objects.filter(locale__language_code="fr", slug=key).exists()


def article_exists(key):
    text, _hash, number = key.partition("#")
    return LegalTextPage.objects.filter(
        locale__language_code="fr", slug=text, articles__number=number
    ).exists()


def missing_articles(checking, text, numbers):
    """Of these article numbers, those the text does not have: its articles in the
    folder if the folder gives the text, else in the intranet. A text whose articles
    nobody typed in accepts any, as the admin does: none can be checked."""
    if text in checking.catalogue.keys("legal text"):
        prefix = f"{text}#"
        known = {
            key.removeprefix(prefix)
            for key in checking.catalogue.keys("legal article")
            if key.startswith(prefix)
        }
    else:
        known = set(
            LegalArticle.objects.filter(
                legal_text__locale__language_code="fr", legal_text__slug=text
            ).values_list("number", flat=True)
        )
    return [number for number in numbers if known and number not in known]
