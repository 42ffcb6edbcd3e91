"""The RSS feed: with a session, or with a personal token for a feed reader; never otherwise."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from intranet.news.models import FeedToken

from .factories import YEAR, decision, in_arabic, news

pytestmark = pytest.mark.django_db


@pytest.fixture
def latest():
    """A decision of November and a news item, the newest of all, in French and Arabic."""
    return {
        "decision": decision(
            44,
            date(YEAR, 11, 26),
            title="Dénomination des allées du parc des essais",
            arabic_fields={"title": "تسمية ممرات حديقة التجارب"},
        ),
        "news": news(
            "ouverture-du-guichet-des-essais",
            date(YEAR, 11, 20),
            title="Le guichet des essais ouvre ses portes",
            arabic_fields={"title": "شباك التجارب يفتح أبوابه", "introduction": "مقدمة."},
        ),
    }


def token_for(username):
    return FeedToken.issue(get_user_model().objects.get(username=username))


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_signed_in_reader_gets_the_feed_of_news_and_decisions_in_their_language(
    staff_client, latest, language
):
    response = staff_client.get(f"/{language}/news/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    content = response.content.decode()
    assert f"<language>{language}</language>" in content
    if language == "ar":
        assert in_arabic(latest["decision"]).title in content
        assert in_arabic(latest["news"]).title in content
        assert "نونبر" in content  # the decisions' dates, in Moroccan month names
        assert latest["decision"].title not in content
    else:
        assert latest["decision"].title in content
        assert latest["news"].title in content


def test_a_feed_reader_gets_the_feed_with_a_valid_token_and_no_session(latest):
    token = token_for("personnel")
    response = Client().get(f"/ar/news/feed/{token.key}/")
    assert response.status_code == 200
    assert in_arabic(latest["decision"]).title in response.content.decode()
    token.refresh_from_db()
    assert token.last_used is not None


def test_without_session_or_token_the_feed_sends_to_sign_in():
    response = Client().get("/fr/news/feed/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_unknown_token_gets_nothing():
    response = Client().get("/fr/news/feed/not-a-real-token/")
    assert response.status_code == 404
    assert b"<rss" not in response.content


def test_a_renewed_token_revokes_the_old_address():
    old = token_for("personnel").key
    new = token_for("personnel").key
    assert old != new
    assert Client().get(f"/fr/news/feed/{old}/").status_code == 404
    assert Client().get(f"/fr/news/feed/{new}/").status_code == 200


def test_the_token_of_a_closed_account_gets_nothing():
    token = token_for("formateur")
    get_user_model().objects.filter(username="formateur").update(is_active=False)
    assert Client().get(f"/fr/news/feed/{token.key}/").status_code == 404


def test_a_token_opens_the_feed_only_not_the_intranet(latest):
    token = token_for("personnel")
    response = Client().get(f"{latest['decision'].url}?token={token.key}")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_unpublished_decision_stays_out_of_the_feed(staff_client, latest):
    decision = latest["decision"]
    assert decision.title in staff_client.get("/fr/news/feed/").content.decode()
    Page.objects.filter(pk=decision.pk).update(live=False)
    assert decision.title not in staff_client.get("/fr/news/feed/").content.decode()


def test_a_member_of_staff_creates_renews_and_revokes_their_feed_address(client_for):
    client = client_for("accueil")
    page = client.get("/fr/news/feed-address/")
    assert page.status_code == 200 and page.context["token"] is None

    client.post("/fr/news/feed-address/", {"action": "create"})
    first = FeedToken.objects.get(user__username="accueil").key
    content = client.get("/fr/news/feed-address/").content.decode()
    assert f"/fr/news/feed/{first}/" in content

    client.post("/fr/news/feed-address/", {"action": "renew"})
    assert FeedToken.objects.get(user__username="accueil").key != first

    client.post("/fr/news/feed-address/", {"action": "revoke"})
    assert not FeedToken.objects.filter(user__username="accueil").exists()


def test_one_sees_only_ones_own_feed_address(client_for):
    mine = token_for("personnel")
    content = client_for("accueil").get("/fr/news/feed-address/").content.decode()
    assert mine.key not in content


def test_the_feed_address_page_needs_a_session():
    response = Client().get("/fr/news/feed-address/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
