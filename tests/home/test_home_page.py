"""The home page: news, recent changes, the user's pending tasks, a search box.

The home page and the accounts are the installation's; the news and pages it
shows are each test's own.
"""

from datetime import date
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from intranet.accounts.roles import role_group
from intranet.core.commune_data.pages import upsert_translation
from intranet.news.models import NewsPage
from tests.news.factories import news, news_index
from tests.organisation import factories as organisation

pytestmark = pytest.mark.django_db


def home(client, language="fr"):
    return unescape(client.get(f"/{language}/").content.decode())


def today_s_news(title="Actualité des essais", arabic_title="خبر التجارب"):
    """A news item of today (the latest), in French and Arabic."""
    page = news("actualite-des-essais", date.today(), title=title)
    upsert_translation(None, page, organisation.arabic(), slug=page.slug, title=arabic_title)
    return page


def test_the_home_page_shows_the_latest_news_of_its_language(staff_client):
    today_s_news(title="Actualité des essais", arabic_title="خبر التجارب")
    french, arabic = home(staff_client, "fr"), home(staff_client, "ar")
    assert "Actualité des essais" in french
    assert "خبر التجارب" in arabic
    assert "خبر التجارب" not in french


def test_the_home_page_lists_recently_updated_content(staff_client):
    organisation.service(title="Service tout juste publié")  # not news: only this list shows it
    html = home(staff_client)
    assert "Mis à jour récemment" in html
    assert "Service tout juste publié" in html


def test_the_home_page_has_a_search_box_leading_to_results(
    staff_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # indexed as publishing indexes it
        organisation.service(title="Service du jaugeage des barques")
    assert 'action="/fr/search/"' in home(staff_client)
    results = unescape(staff_client.get("/fr/search/", {"q": "jaugeage"}).content.decode())
    assert "Service du jaugeage des barques" in results


def test_a_draft_never_reaches_the_home_page(staff_client):
    page = today_s_news(title="Actualité publiée")
    page.title = "Brouillon non approuvé"
    page.save_revision()
    html = home(staff_client)
    assert "Actualité publiée" in html
    assert "Brouillon non approuvé" not in html


def test_the_home_page_shows_tasks_waiting_for_the_user_and_the_users_own_requests(client_for):
    workflow = Workflow.objects.create(name="Validation des actualités")
    task = GroupApprovalTask.objects.create(name="Validation par l'administrateur")
    task.groups.set([role_group("administrator")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=news_index())

    author = get_user_model().objects.get(username="communication")
    page = today_s_news()
    page.title = "Horaires du ramadan"
    page.save_revision(user=author)
    workflow.start(NewsPage.objects.get(pk=page.pk), author)

    reviewer_home = unescape(client_for("admin").get("/fr/").content.decode())
    assert "Horaires du ramadan" in reviewer_home
    assert "Validation par l'administrateur" in reviewer_home

    author_home = unescape(client_for("communication").get("/fr/").content.decode())
    assert "Vos modifications en cours d'approbation" in author_home
    assert "Horaires du ramadan" in author_home

    bystander_home = unescape(client_for("personnel").get("/fr/").content.decode())
    assert "Horaires du ramadan" not in bystander_home
    assert "Rien ne vous attend." in bystander_home
