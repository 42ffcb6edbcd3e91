"""Who keeps the knowledge base, and who reads its vote report."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from knowledge.models import KnowledgeArticlePage, KnowledgeIndexPage

from . import factories
from .reading import shown

pytestmark = pytest.mark.django_db

EDITORS = ["cellule", "communication", "admin"]
READERS = ["personnel", "accueil", "formateur", "juriste", "ipecag"]
REPORT = "/admin/knowledge/feedback/"


@pytest.mark.parametrize("username", EDITORS)
def test_the_procedures_cell_communication_and_administrators_edit_and_publish_articles(
    client_for, article, user, username
):
    page = article()
    assert client_for(username).get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    permissions = page.permissions_for_user(user(username))
    assert permissions.can_publish()
    assert page.get_parent().permissions_for_user(user(username)).can_add_subpage()


@pytest.mark.parametrize("username", READERS)
def test_other_roles_cannot_open_an_article_in_the_editor(client_for, article, user, username):
    page = article()
    response = client_for(username).get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code in (302, 403)  # the admin sends them away
    assert not page.permissions_for_user(user(username)).can_edit()


@pytest.mark.parametrize("username", ["formateur", "juriste"])
def test_other_roles_cannot_change_an_article_by_posting_to_the_editor(
    client_for, article, username
):
    page = article()
    title = page.title
    client_for(username).post(
        f"/admin/pages/{page.pk}/edit/", {"title": "Changé", "slug": page.slug}
    )
    page.refresh_from_db()
    assert page.title == title != "Changé"
    assert page.latest_revision.user is None or page.latest_revision.user.username != username


def test_the_knowledge_base_editors_do_not_gain_other_sections(user):
    procedure = factories.procedure()
    assert not procedure.permissions_for_user(user("communication")).can_edit()


@pytest.fixture
def commented(article):
    """The test's article, with a reader's comment the report should show."""
    page = article()
    factories.vote(page, "personnel", helpful=False, comment="Il manque le certificat de jaugeage")
    return page


@pytest.mark.parametrize("username", EDITORS)
def test_editors_and_administrators_read_the_vote_report(client_for, commented, username):
    response = client_for(username).get(REPORT)
    assert response.status_code == 200
    assert commented.title in shown(response)
    assert "Il manque le certificat de jaugeage" in shown(response)


@pytest.mark.parametrize("username", ["formateur", "juriste", "ipecag"])
def test_other_admin_users_get_403_on_the_vote_report(client_for, username):
    assert client_for(username).get(REPORT).status_code == 403


@pytest.mark.parametrize("username", ["personnel", "accueil"])
def test_staff_without_admin_access_cannot_reach_the_vote_report(client_for, commented, username):
    response = client_for(username).get(REPORT)
    assert response.status_code in (302, 403)
    assert "certificat de jaugeage" not in shown(response)


def test_anonymous_visitors_cannot_reach_the_vote_report():
    response = Client().get(REPORT)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_report_appears_in_the_admin_menu_only_for_those_who_may_read_it(client_for):
    assert REPORT in client_for("communication").get("/admin/").content.decode()
    assert REPORT not in client_for("formateur").get("/admin/").content.decode()


def test_the_report_counts_yes_and_no_per_article_with_the_helpful_ratio(client_for, article):
    from knowledge.report import article_rows

    page = article()
    for username, helpful in (("personnel", True), ("accueil", True), ("cellule2", False)):
        factories.vote(page, username, helpful)
    row = next(row for row in article_rows("fr") if row.pk == page.pk)
    assert (row.yes, row.no) == (2, 1)
    assert row.ratio == pytest.approx(2 / 3)
    response = client_for("cellule").get(f"{REPORT}?language=fr")
    row_html = shown(response).split(f"/admin/pages/{page.pk}/edit/", 1)[1].split("</tr>")[0]
    assert "67 %" in row_html


def test_the_report_lists_the_least_helpful_first_and_articles_without_votes_last():
    from knowledge.report import article_rows

    disappointing, helpful, unread = (
        factories.in_arabic(factories.article(slug=slug, title=slug)).pk
        for slug in ("decevant", "utile", "non-lu")
    )
    factories.vote(KnowledgeArticlePage.objects.get(pk=disappointing), "personnel", False)
    factories.vote(KnowledgeArticlePage.objects.get(pk=helpful), "personnel", True)
    rows = article_rows("ar")
    assert len(rows) == KnowledgeArticlePage.objects.filter(locale__language_code="ar").count()
    assert rows[0].ratio == 0
    order = [row.pk for row in rows]
    assert order.index(disappointing) < order.index(helpful) < order.index(unread)
    ratios = [row.ratio for row in rows if row.ratio is not None]
    assert ratios == sorted(ratios)
    voted = [row.votes > 0 for row in rows]
    assert voted == sorted(voted, reverse=True)


def test_the_report_shows_the_comments_of_one_article(client_for, commented):
    other = factories.article(slug="autre-article", title="Autre article")
    factories.vote(other, "accueil", helpful=True, comment="Tout y est, merci")
    response = client_for("communication").get(f"{REPORT}?article={other.pk}")
    assert "Tout y est, merci" in shown(response)
    assert "certificat de jaugeage" not in shown(response)


def new_article_form(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "horaires-ramadan",
            "topic": "reception",
            "summary": "Pendant le Ramadan, les services reçoivent le public de 9 h à 15 h.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Les horaires sont affichés à l'accueil.</p>"))]
            ),
            "service_links": inline_formset([]),
            "procedure_links": inline_formset([]),
            "responsible": "",
            "responsible_service": "",
            "last_reviewed_on": "2026-11-01",
            "review_interval_months": "12",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


def test_an_editor_publishes_a_new_article_from_the_admin(client_for, user):
    index = KnowledgeIndexPage.objects.get(locale__language_code="fr")
    form = new_article_form("Horaires pendant le Ramadan")
    form["responsible"] = str(user("communication").pk)
    response = client_for("communication").post(
        f"/admin/pages/add/knowledge/knowledgearticlepage/{index.pk}/", form
    )
    assert response.status_code == 302
    page = KnowledgeArticlePage.objects.get(slug="horaires-ramadan", locale__language_code="fr")
    assert page.live


def test_an_article_without_an_owner_is_refused_in_the_admin(client_for):
    index = KnowledgeIndexPage.objects.get(locale__language_code="fr")
    response = client_for("communication").post(
        f"/admin/pages/add/knowledge/knowledgearticlepage/{index.pk}/",
        new_article_form("Horaires pendant le Ramadan"),
    )
    assert response.status_code == 200
    assert "Indiquez la personne ou le service qui tient cet article à jour." in shown(response)
    assert not KnowledgeArticlePage.objects.filter(slug="horaires-ramadan").exists()


@pytest.mark.parametrize("username", ["formateur", "juriste", "accueil"])
def test_other_roles_cannot_add_an_article(client_for, user, username):
    index = KnowledgeIndexPage.objects.get(locale__language_code="fr")
    form = new_article_form("Horaires pendant le Ramadan")
    form["responsible"] = str(user(username).pk)
    client_for(username).post(f"/admin/pages/add/knowledge/knowledgearticlepage/{index.pk}/", form)
    assert not KnowledgeArticlePage.objects.filter(slug="horaires-ramadan").exists()
