"""News, decisions and revues for tests, built through the same page tree as the demo."""

from datetime import date

from wagtail.test.utils.form_data import nested_form_data, rich_text

from intranet.core.commune_data.pages import upsert_child
from intranet.news.models import (
    CouncilDecisionIndexPage,
    CouncilDecisionPage,
    NewsIndexPage,
    NewsPage,
    RevuePage,
)


def news_index(language="fr"):
    return NewsIndexPage.objects.get(locale__language_code=language)


def decisions_index(language="fr"):
    return CouncilDecisionIndexPage.objects.get(locale__language_code=language)


def demo_decision(slug="decision-2026-41-budget-2027", language="fr"):
    return CouncilDecisionPage.objects.get(slug=slug, locale__language_code=language)


def demo_revue(language="fr"):
    return RevuePage.objects.get(slug="revue-automne-2026", locale__language_code=language)


def decision(number, session_date, votes=(30, 10, 2), outcome="adopted", **fields):
    """A published French decision (no translation)."""
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
    return upsert_child(
        None, decisions_index(), CouncilDecisionPage, f"test-{number}-{session_date:%Y}", **values
    )


def news(slug, day, title="Actualité de test"):
    return upsert_child(
        None, news_index(), NewsPage, slug, title=title, date=day, introduction="Introduction."
    )


def decision_form(**overrides):
    """The admin's form for a new decision, valid unless ``overrides`` spoil it."""
    values = {
        "title": "Gestion déléguée du marché de gros",
        "slug": "gestion-deleguee-marche-de-gros",
        "session_date": date(2026, 11, 24).isoformat(),
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
