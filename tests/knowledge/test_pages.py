"""The knowledge base and its articles, read in French and Arabic."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from knowledge.models import KnowledgeArticlePage
from knowledge.related import articles_for_procedure, articles_for_service
from tests.organisation import factories as organisation

from . import factories
from .reading import shown

pytestmark = pytest.mark.django_db


def knowledge_base_url(language="fr"):
    return factories.knowledge_base(language).url


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_knowledge_base_lists_its_articles_in_each_language(staff_client, article, language):
    page = article(language=language)
    response = staff_client.get(knowledge_base_url(language))
    assert response.status_code == 200
    assert page.title in shown(response)


def test_the_arabic_knowledge_base_reads_right_to_left(staff_client, article):
    article()
    response = staff_client.get(knowledge_base_url("ar"))
    assert 'dir="rtl"' in shown(response)
    assert "دليل التجارب" in shown(response)
    assert "Guide des essais" not in shown(response)


def two_articles_of_two_topics():
    factories.article(slug="accueil-des-essais", title="Accueil des essais", topic="reception")
    factories.article(slug="plainte-des-essais", title="Plainte des essais", topic="complaints")


def test_the_topic_filter_keeps_only_that_topics_articles(staff_client):
    two_articles_of_two_topics()
    response = staff_client.get(f"{knowledge_base_url()}?topic=reception")
    assert "Accueil des essais" in shown(response)
    assert "Plainte des essais" not in shown(response)


def test_an_unknown_topic_shows_every_article(staff_client):
    two_articles_of_two_topics()
    response = staff_client.get(f"{knowledge_base_url()}?topic=<script>")
    assert response.status_code == 200
    assert "Accueil des essais" in shown(response)
    assert "Plainte des essais" in shown(response)
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize(
    ("language", "service", "procedure", "owner_service"),
    [
        ("fr", "Guichet concerné", "Procédure expliquée", "Bureau gardien"),
        ("ar", "الشباك المعني", "المسطرة المشروحة", "المكتب الحارس"),
    ],
)
def test_an_article_shows_its_owner_review_date_services_and_procedures(
    staff_client, language, service, procedure, owner_service
):
    page = factories.article(
        last_reviewed_on=date(2026, 9, 14),
        responsible=factories.keeper("Rachid", "Gardien"),
        responsible_service=organisation.service(
            slug="bureau-gardien", title="Bureau gardien", arabic_title="المكتب الحارس"
        ),
        services=[
            organisation.service(
                slug="guichet-concerne", title="Guichet concerné", arabic_title="الشباك المعني"
            )
        ],
        procedures=[
            factories.procedure(title="Procédure expliquée", arabic_title="المسطرة المشروحة")
        ],
    )
    page = page if language == "fr" else factories.in_arabic(page)
    response = staff_client.get(page.url)
    assert response.status_code == 200
    assert 'datetime="2026-09-14"' in shown(response)  # last review
    assert "Rachid Gardien" in shown(response)  # the person who keeps it
    assert owner_service in shown(response)
    assert service in shown(response)
    assert procedure in shown(response)


def test_an_article_body_shows_its_questions_steps_and_documents(staff_client):
    page = factories.article(
        body=[
            factories.question("Où obtenir la pièce ?", "<p>Au bureau voisin.</p>"),
            factories.document("Pièce d'identité d'essai", issued_by="Administration voisine"),
        ]
    )
    response = staff_client.get(page.url)
    assert "Où obtenir la pièce ?" in shown(response)
    assert "Administration voisine" in shown(response)
    assert "<details" in shown(response)  # question and answer


def test_an_overdue_review_is_shown_to_editors_and_not_to_readers(client_for):
    page = factories.article(
        last_reviewed_on=date.today() - timedelta(days=400), review_interval_months=12
    )
    assert page.is_review_overdue()
    assert "Révision en retard" in client_for("cellule").get(page.url).content.decode()
    assert "Révision en retard" not in client_for("personnel").get(page.url).content.decode()


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
    procedure = factories.procedure()
    factories.article(
        slug="explique-la-procedure",
        title="Explique la procédure",
        arabic_title="يشرح المسطرة",
        procedures=[procedure],
    )
    factories.article(slug="sans-rapport", title="Sans rapport", arabic_title="لا علاقة")
    for language, title in (("fr", "Explique la procédure"), ("ar", "يشرح المسطرة")):
        in_language = procedure if language == "fr" else factories.in_arabic(procedure)
        assert [page.title for page in articles_for_procedure(in_language)] == [title]


def test_a_service_finds_the_articles_it_keeps_or_is_concerned_by():
    service = organisation.service(slug="service-gardien")
    other = organisation.service(organisation.division(slug="autre-division"), slug="autre-service")
    kept = factories.article(slug="tenu", title="Tenu", responsible_service=service)
    concerning = factories.article(slug="concerne", title="Concerne", services=[service])
    elsewhere = factories.article(slug="ailleurs", title="Ailleurs", responsible_service=other)
    found = list(articles_for_service(service))
    assert kept in found and concerning in found
    assert elsewhere not in found


def test_an_unpublished_article_leaves_the_list(staff_client):
    page = factories.article(slug="retire", title="Article retiré")
    page.unpublish()
    response = staff_client.get(knowledge_base_url())
    assert "Article retiré" not in shown(response)
    assert KnowledgeArticlePage.objects.filter(slug="retire").exists()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_procedure_page_shows_the_articles_that_explain_it(staff_client, language):
    procedure = factories.procedure()
    article = factories.article(procedures=[procedure])
    if language == "ar":
        procedure, article = factories.in_arabic(procedure), factories.in_arabic(article)
    assert article.title in shown(staff_client.get(procedure.url))
