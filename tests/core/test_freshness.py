"""Pages kept in the cache are forgotten as soon as the content changes.

The content version (``intranet.core.freshness``) is a token that every write to
the content replaces; cached fragments, routes and permissions are kept under it.
The test settings keep nothing in the cache (tests roll their writes back); the
tests here switch a real cache on.
"""

import os
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import caches

from intranet.core import freshness
from intranet.news.models import NewsPage
from intranet.reception.models import ReceptionVisit
from search.models import SearchQueryLog
from tests.news import factories as news
from tests.organisation import factories as organisation

pytestmark = pytest.mark.django_db


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def redis_answers():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except Exception:  # no server, or none reachable: the Redis run is skipped
        return False


KEPT_IN = {
    "local memory": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"},
    # Several app servers share one Redis (CACHE_URL=redis://…): the same checks hold.
    "redis": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "freshness-test",
    },
}


@pytest.fixture(params=list(KEPT_IN))
def kept_pages(request, settings):
    if request.param == "redis" and not redis_answers():
        pytest.skip(f"no Redis answers at {REDIS_URL} (TEST_REDIS_URL names another)")
    settings.CACHES = {**settings.CACHES, "content": KEPT_IN[request.param]}
    caches["content"].clear()
    yield
    caches["content"].clear()


def a_news_page():
    """A live French news item of the test's own, dated in a year the demo leaves empty."""
    return news.news(
        "accueil-des-essais", date(news.YEAR, 3, 2), title="Ouverture de l'espace des essais"
    )


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()


def test_a_published_change_gives_the_content_a_new_version():
    page = a_news_page()
    before = freshness.current()
    publish_title(page, "Ouverture de l'espace des essais (mise à jour)")
    assert freshness.current() != before


def test_sessions_and_the_search_log_leave_the_version_alone(staff_client):
    before = freshness.current()
    session = SessionStore()
    session["language"] = "ar"
    session.save()
    logged = SearchQueryLog.objects.count()
    staff_client.get("/fr/search/", {"q": "naissance"})
    assert SearchQueryLog.objects.count() == logged + 1
    assert freshness.current() == before


def test_a_visitor_sent_on_and_followed_up_leaves_the_version_alone(client_for):
    service = organisation.service()
    desk, cell = client_for("accueil"), client_for("cellule")
    before = freshness.current()
    desk.post(
        "/fr/reception/visits/",
        {
            "service": service.pk,
            "visitor_category": "citizen",
            "gender": "man",
            "outcome": "redirected",
        },
    )
    cell.post("/fr/search/unanswered/", {"normalised": "carte grise", "outcome": "not_ours"})
    assert ReceptionVisit.objects.filter(service=service, outcome="redirected").exists()
    assert freshness.current() == before


def test_signing_in_leaves_the_version_alone(client_for):
    before = freshness.current()
    client_for("personnel")  # Django records the time of the sign-in on the user
    assert freshness.current() == before


def test_a_change_to_a_user_still_gives_a_new_version(client_for):
    from django.contrib.auth import get_user_model

    before = freshness.current()
    user = get_user_model().objects.get(username="personnel")
    user.is_active = False
    user.save()
    assert freshness.current() != before


def test_rows_loaded_by_a_restore_keep_the_version_they_carry():
    page = a_news_page()
    before = freshness.current()
    freshness._saved_or_deleted(sender=NewsPage, instance=page, raw=True)
    assert freshness.current() == before


def test_a_page_read_again_after_a_publication_shows_the_new_text(kept_pages, staff_client):
    page = a_news_page()
    first = staff_client.get(page.url).content.decode()
    assert "Ouverture de l&#x27;espace des essais" in first

    publish_title(page, "Nouvel horaire du guichet unique")
    assert "Nouvel horaire du guichet unique" in staff_client.get(page.url).content.decode()


def test_a_page_is_served_from_the_cache_while_nothing_changes(
    kept_pages, staff_client, django_assert_max_num_queries
):
    service = organisation.service()
    staff_client.get(service.url)
    # Session, user, content version, then Wagtail's view restrictions: the service's
    # procedures, location and colour come from the cache.
    with django_assert_max_num_queries(8):
        response = staff_client.get(service.url)
    assert response.status_code == 200 and "Service des essais" in response.content.decode()


def test_an_unpublished_page_stops_being_served_at_once(kept_pages, staff_client):
    page = a_news_page()
    assert staff_client.get(page.url).status_code == 200
    page.unpublish()
    assert staff_client.get(page.url).status_code == 404


def test_a_moved_page_is_found_at_its_new_address_only(kept_pages, staff_client):
    page = a_news_page()
    old_url = page.url
    assert staff_client.get(old_url).status_code == 200
    page.slug = "espace-des-essais-nouvelle-adresse"
    page.save_revision().publish()
    page.refresh_from_db()
    assert staff_client.get(page.url).status_code == 200
    assert staff_client.get(old_url).status_code == 404


def test_permissions_kept_for_a_reader_follow_their_groups(kept_pages, client_for):
    reader = client_for("personnel")
    desk_link = 'href="/fr/reception/"'
    assert desk_link not in reader.get("/fr/").content.decode()
    assert reader.get("/fr/reception/").status_code == 403

    user = get_user_model().objects.get(username="personnel")
    user.groups.add(Group.objects.get(name="Agent d'accueil"))

    assert desk_link in reader.get("/fr/").content.decode()
    assert reader.get("/fr/reception/").status_code == 200
