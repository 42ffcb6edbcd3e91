"""The home page: news, recent changes, the user's pending tasks, a search box."""

from html import unescape

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from intranet.accounts.roles import role_group
from intranet.news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_latest_news_of_its_language(staff_client):
    french = unescape(staff_client.get("/fr/").content.decode())
    arabic = unescape(staff_client.get("/ar/").content.decode())
    assert "Ouverture de l'espace d'accueil et d'orientation" in french
    assert "افتتاح فضاء الاستقبال والتوجيه" in arabic
    assert "افتتاح فضاء الاستقبال والتوجيه" not in french


def test_the_home_page_lists_recently_updated_content(staff_client):
    latest = (
        NewsPage.objects.filter(locale__language_code="fr").order_by("-last_published_at").first()
    )
    html = unescape(staff_client.get("/fr/").content.decode())
    assert "Mis à jour récemment" in html
    assert latest.title in html


def test_the_home_page_has_a_search_box_leading_to_results(staff_client):
    html = unescape(staff_client.get("/fr/").content.decode())
    assert 'action="/fr/search/"' in html
    results = unescape(staff_client.get("/fr/search/", {"q": "état civil"}).content.decode())
    assert "Service de l'état civil" in results


def test_a_draft_never_reaches_the_home_page(staff_client):
    news = NewsPage.objects.filter(locale__language_code="fr").first()
    news.title = "Brouillon non approuvé"
    news.save_revision()
    assert "Brouillon non approuvé" not in unescape(staff_client.get("/fr/").content.decode())


def test_the_home_page_shows_tasks_waiting_for_the_user_and_the_users_own_requests(client_for):
    workflow = Workflow.objects.create(name="Validation des actualités")
    task = GroupApprovalTask.objects.create(name="Validation par l'administrateur")
    task.groups.set([role_group("administrator")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    index = NewsIndexPage.objects.get(locale__language_code="fr")
    WorkflowPage.objects.create(workflow=workflow, page=index)

    author = get_user_model().objects.get(username="communication")
    news = NewsPage.objects.child_of(index).first()
    news.title = "Horaires du ramadan"
    news.save_revision(user=author)
    workflow.start(NewsPage.objects.get(pk=news.pk), author)

    reviewer_home = unescape(client_for("admin").get("/fr/").content.decode())
    assert "Horaires du ramadan" in reviewer_home
    assert "Validation par l'administrateur" in reviewer_home

    author_home = unescape(client_for("communication").get("/fr/").content.decode())
    assert "Vos modifications en cours d'approbation" in author_home
    assert "Horaires du ramadan" in author_home

    bystander_home = unescape(client_for("personnel").get("/fr/").content.decode())
    assert "Horaires du ramadan" not in bystander_home
    assert "Rien ne vous attend." in bystander_home
