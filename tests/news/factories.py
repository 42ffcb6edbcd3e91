"""News, decisions and revues built for one test, through the same page tree as the demo.

They hang under the installation's news and council sections and are published
as the loader publishes them, in French and, when asked, in Arabic (the Arabic
page is the translation of the French one, with the same slug). Their dates fall
in 2030, a year the demo commune leaves empty, so that a listing filtered on it
shows only what the test built.
"""

from datetime import date

from wagtail.test.utils.form_data import nested_form_data, rich_text

from intranet.core.commune_data.pages import upsert_child, upsert_translation
from intranet.news.models import (
    CouncilDecisionIndexPage,
    CouncilDecisionPage,
    NewsIndexPage,
    NewsPage,
    RevueItem,
    RevuePage,
)
from tests.organisation.factories import arabic

YEAR = 2030


def news_index(language="fr"):
    return NewsIndexPage.objects.get(locale__language_code=language)


def decisions_index(language="fr"):
    return CouncilDecisionIndexPage.objects.get(locale__language_code=language)


def in_arabic(page):
    return page.get_translation(arabic()).specific


def decision(
    number,
    session_date,
    votes=(30, 10, 2),
    outcome="adopted",
    slug=None,
    arabic_fields=None,
    **fields,
):
    """A published French decision, and its Arabic version when ``arabic_fields`` (the
    Arabic title, subject, text...) are given: translations share number, date and votes."""
    votes_for, votes_against, abstentions = votes
    values = {
        "title": f"Décision de test {number}",
        "session_date": session_date,
        "session_type": "ordinary",
        "number": number,
        "subject": "Objet de la décision de test",
        "votes_for": votes_for,
        "votes_against": votes_against,
        "abstentions": abstentions,
        "outcome": outcome,
        "text": "<p>Texte.</p>",
        **fields,
    }
    slug = slug or f"test-{number}-{session_date:%Y}"
    page = upsert_child(None, decisions_index(), CouncilDecisionPage, slug, **values)
    if arabic_fields is not None:
        upsert_translation(None, page, arabic(), slug=slug, **arabic_fields)
    return page


def news(slug, day, title="Actualité de test", arabic_fields=None, **fields):
    """A published French news item, and its Arabic version when ``arabic_fields`` are given."""
    values = {"title": title, "date": day, "introduction": "Introduction.", **fields}
    page = upsert_child(None, news_index(), NewsPage, slug, **values)
    if arabic_fields is not None:
        upsert_translation(None, page, arabic(), slug=slug, **arabic_fields)
    return page


def revue(
    items,
    slug="revue-des-essais",
    title="Revue des essais",
    arabic_title="مجلة التجارب",
    period=(date(YEAR, 1, 1), date(YEAR, 12, 31)),
    introduction="Éditorial des essais.\n\nSecond paragraphe de l'éditorial.",
    arabic_introduction="افتتاحية التجارب.",
):
    """A published revue of ``items`` (French pages, in the order presented) and its
    Arabic version, whose items are their Arabic translations where they have one."""

    def chosen(language):
        pages = [
            page if language == "fr" else (page.get_translation_or_none(arabic()) or page)
            for page in items
        ]
        return [RevueItem(page=page, sort_order=order) for order, page in enumerate(pages)]

    start, end = period
    page = upsert_child(
        None,
        news_index(),
        RevuePage,
        slug,
        title=title,
        period_start=start,
        period_end=end,
        introduction=introduction,
        items=chosen("fr"),
    )
    upsert_translation(
        None,
        page,
        arabic(),
        slug=slug,
        title=arabic_title,
        introduction=arabic_introduction,
        items=chosen("ar"),
    )
    return page


def decision_form(**overrides):
    """The admin's form for a new decision, valid unless ``overrides`` spoil it."""
    values = {
        "title": "Gestion déléguée du marché de gros",
        "slug": "gestion-deleguee-marche-de-gros",
        "session_date": date(YEAR, 11, 24).isoformat(),
        "session_type": "extraordinary",
        "number": 49,
        "subject": "Approbation du cahier des charges de la gestion déléguée du marché de gros.",
        "votes_for": 30,
        "votes_against": 12,
        "abstentions": 3,
        "outcome": "adopted",
        "text": rich_text("<p>Le conseil approuve le cahier des charges.</p>"),
        "signed_document": "",
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
    }
    values.update(overrides)
    return nested_form_data(values)
