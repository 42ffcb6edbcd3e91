"""The knowledge base and its articles, read in French and Arabic."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from knowledge.models import KnowledgeArticlePage
from knowledge.related import articles_for_procedure, articles_for_service
from procedures_manual.models import ProcedurePage

from .reading import shown

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/fr/base-de-connaissances/", "Guide de dépôt d'une réclamation"),
        ("/ar/base-de-connaissances/", "دليل إيداع شكاية"),
    ],
)
def test_the_knowledge_base_lists_its_articles_in_each_language(staff_client, url, expected):
    response = staff_client.get(url)
    assert response.status_code == 200
    assert expected in shown(response)


def test_the_arabic_knowledge_base_reads_right_to_left(staff_client):
    response = staff_client.get("/ar/base-de-connaissances/")
    assert 'dir="rtl"' in shown(response)
    assert "Guide de dépôt" not in shown(response)


def test_the_topic_filter_keeps_only_that_topics_articles(staff_client):
    response = staff_client.get("/fr/base-de-connaissances/?topic=reception")
    assert "Charte de l'accueil" in shown(response)
    assert "Guide de dépôt d'une réclamation" not in shown(response)


def test_an_unknown_topic_shows_every_article(staff_client):
    response = staff_client.get("/fr/base-de-connaissances/?topic=<script>")
    assert response.status_code == 200
    assert "Charte de l'accueil" in shown(response)
    assert "Guide de dépôt d'une réclamation" in shown(response)
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize(
    ("language", "service", "procedure", "owner_service"),
    [
        (
            "fr",
            "Bureau d'accueil et d'orientation",
            "Plainte ou réclamation",
            "Bureau des plaintes",
        ),
        ("ar", "مكتب الاستقبال والتوجيه", "شكاية أو تظلم", "مكتب الشكايات"),
    ],
)
def test_an_article_shows_its_owner_review_date_services_and_procedures(
    staff_client, article, language, service, procedure, owner_service
):
    page = article(language=language)
    response = staff_client.get(page.url)
    assert response.status_code == 200
    assert 'datetime="2026-09-14"' in shown(response)  # last review
    assert "Omar Benali" in shown(response)  # the person who keeps it
    assert owner_service in shown(response)
    assert service in shown(response)
    assert procedure in shown(response)


def test_an_article_body_shows_its_questions_steps_and_documents(staff_client, article):
    response = staff_client.get(article("documents-non-delivres-par-la-commune").url)
    assert "Direction générale de la sûreté nationale (DGSN)" in shown(response)
    assert "Tribunal de première instance du lieu de naissance" in shown(response)
    assert "<details" in shown(response)  # question and answer


def test_an_overdue_review_is_shown_to_editors_and_not_to_readers(client_for, article):
    charter = article("charte-de-l-accueil")
    assert charter.is_review_overdue()
    assert "Révision en retard" in client_for("cellule").get(charter.url).content.decode()
    assert "Révision en retard" not in client_for("personnel").get(charter.url).content.decode()


def test_a_review_falls_due_after_its_interval(article):
    page = article()
    page.last_reviewed_on, page.review_interval_months = date(2025, 1, 31), 1
    assert page.next_review_due() == date(2025, 2, 28)
    assert not page.is_review_overdue(today=date(2025, 2, 28))
    assert page.is_review_overdue(today=date(2025, 3, 1))


def test_an_article_must_name_who_keeps_it(article):
    page = article()
    page.responsible = None
    page.responsible_service = None
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "responsible" in error.value.message_dict


def test_a_procedure_finds_its_related_articles_in_its_own_language():
    for language, title in (
        ("fr", "Guide de dépôt d'une réclamation"),
        ("ar", "دليل إيداع شكاية"),
    ):
        procedure = ProcedurePage.objects.get(code="RC-01", locale__language_code=language)
        assert [page.title for page in articles_for_procedure(procedure)] == [title]


def test_a_service_finds_the_articles_it_keeps_or_is_concerned_by(article):
    complaints = article().owner_service
    assert article() in articles_for_service(complaints)
    assert article("legalisation-questions-frequentes") not in articles_for_service(complaints)


def test_an_unpublished_article_leaves_the_list(staff_client, article):
    article("charte-de-l-accueil").unpublish()
    response = staff_client.get("/fr/base-de-connaissances/")
    assert "Charte de l'accueil" not in shown(response)
    assert KnowledgeArticlePage.objects.filter(slug="charte-de-l-accueil").exists()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_procedure_page_shows_the_articles_that_explain_it(staff_client, language):
    article = next(
        article
        for article in KnowledgeArticlePage.objects.live().filter(locale__language_code=language)
        if article.procedures
    )
    procedure = article.procedures[0]
    assert article.title in shown(staff_client.get(procedure.url))
