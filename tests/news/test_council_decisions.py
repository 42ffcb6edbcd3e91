"""Council decisions: what the editor may record, and what the form refuses and why."""

from datetime import date
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents.models import Document

from intranet.news.models import CouncilDecisionPage

from .factories import YEAR, decision, decision_form, decisions_index, in_arabic

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget():
    """The year's budget, adopted by 38 votes to 9 in October, in French and Arabic."""
    return decision(
        41,
        date(YEAR, 10, 8),
        votes=(38, 9, 3),
        title="Approbation du budget des essais",
        subject="Le budget des essais pour l'exercice suivant.",
        arabic_fields={
            "title": "المصادقة على ميزانية التجارب",
            "subject": "ميزانية التجارب للسنة الموالية.",
            "text": "<p>نص المقرر.</p>",
        },
    )


def errors_of(page):
    """The messages in the interface's source language; the catalogues translate them."""
    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            page.full_clean()
        return {
            field: [str(message) for message in messages]
            for field, messages in caught.value.message_dict.items()
        }


def test_a_decision_reads_its_number_in_the_year_register(budget):
    assert budget.reference() == "41/2030"
    assert in_arabic(budget).reference() == "41/2030"


def test_negative_votes_are_refused_with_a_clear_message(budget):
    page = budget
    page.votes_against = -3
    assert errors_of(page)["votes_against"] == ["A number of votes cannot be negative."]


def test_a_number_is_used_once_a_year(budget):
    decision(42, date(YEAR, 10, 8))  # the same session's next decision
    page = budget
    page.number = 42
    assert errors_of(page)["number"] == [
        "Decision 42/2030 already exists: a number is used once a year."
    ]


def test_the_same_number_may_come_back_the_next_year(budget):
    page = decision(41, date(YEAR + 1, 2, 2))
    page.full_clean()  # does not raise


def test_the_translation_shares_its_number_with_the_original(budget):
    in_arabic(budget).full_clean()  # does not raise


def test_an_outcome_that_contradicts_the_votes_is_refused(budget):
    page = budget
    page.outcome = "rejected"
    message = errors_of(page)["outcome"][0]
    assert "38 for and 9 against" in message and "adopted" in message

    page.votes_for, page.votes_against, page.outcome = 10, 30, "adopted"
    assert "rejected" in errors_of(page)["outcome"][0]


def test_a_tie_may_go_either_way_by_the_presidents_casting_vote(budget):
    page = budget
    page.votes_for = page.votes_against = 20
    for outcome in ("adopted", "rejected"):
        page.outcome = outcome
        page.full_clean()  # does not raise


def test_a_decision_needs_votes(budget):
    page = budget
    page.votes_for = page.votes_against = 0
    assert errors_of(page)["votes_for"] == ["Record the votes: nobody voted for or against."]


def test_the_signed_document_must_be_a_pdf(budget):
    page = budget
    page.signed_document = Document.objects.create(
        title="Décision signée", file=ContentFile(b"scan", name="decision-41.docx")
    )
    assert "must be a PDF" in errors_of(page)["signed_document"][0]
    page.signed_document = Document.objects.create(
        title="Décision signée", file=ContentFile(b"%PDF-1.4 scan", name="decision-41.pdf")
    )
    page.full_clean()


def test_the_communication_service_records_and_publishes_a_decision(client_for):
    index = decisions_index()
    response = client_for("communication").post(
        f"/admin/pages/add/news/councildecisionpage/{index.pk}/",
        {**decision_form(), "action-publish": "action-publish"},
    )
    assert response.status_code == 302
    created = CouncilDecisionPage.objects.get(
        slug="gestion-deleguee-marche-de-gros", locale__language_code="fr"
    )
    assert created.live and created.reference() == "49/2030"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"votes_for": -1}, "Un nombre de voix ne peut pas être négatif."),
        ({"number": 41}, "La décision 41/2030 existe déjà"),
        ({"outcome": "rejected"}, "La suite donnée contredit les votes"),
    ],
)
def test_the_editor_form_says_what_is_wrong_and_keeps_what_was_typed(
    client_for, budget, overrides, message
):
    index = decisions_index()
    response = client_for("communication").post(
        f"/admin/pages/add/news/councildecisionpage/{index.pk}/",
        {**decision_form(**overrides), "action-publish": "action-publish"},
    )
    assert response.status_code == 200
    content = unescape(response.content.decode())
    assert message in content
    assert "Approbation du cahier des charges de la gestion déléguée" in content
    assert not CouncilDecisionPage.objects.filter(slug="gestion-deleguee-marche-de-gros").exists()


def test_a_decision_page_shows_its_session_vote_and_outcome(staff_client, budget):
    content = staff_client.get(budget.url).content.decode()
    assert "41/2030" in content
    assert "8 octobre 2030" in content
    assert "outcome--adopted" in content
    assert "<bdi>38</bdi>" in content and "<bdi>9</bdi>" in content

    arabic = staff_client.get(in_arabic(budget).url).content.decode()
    assert "8 أكتوبر 2030" in arabic
