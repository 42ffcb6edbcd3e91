"""The procedures cell works through the searches that found nothing, and keeps the
visitors' words in the admin: who may, and who may not."""

from html import unescape
from pathlib import Path

import pytest

from search import query_log
from search.models import LexiconEntry, SearchFollowUp, SearchQueryLog

pytestmark = pytest.mark.django_db

STATISTICS = "/fr/reception/statistics/"


def to_do(client):
    return [row["normalised"] for row in client.get(STATISTICS).context["unanswered"]]


def test_searches_are_grouped_by_what_they_asked_for_whatever_the_question_words():
    for query in ("carte grise", "combien coûte la carte grise", "Carte Grise ?"):
        query_log.record(query, "fr", 0, SearchQueryLog.Source.RECEPTION_DESK)
    row = next(row for row in query_log.unanswered() if row["normalised"] == "carte grise")
    assert row["count"] >= 3


@pytest.fixture
def asked_twice():
    """A question the desk could not answer, asked twice this week."""
    for query in ("carte grise", "la carte grise"):
        query_log.record(query, "fr", 0, SearchQueryLog.Source.RECEPTION_DESK)


def test_the_cell_marks_a_search_done_and_it_leaves_the_list(client_for, asked_twice):
    cell = client_for("cellule")
    assert "carte grise" in to_do(cell)
    response = cell.post(
        "/fr/search/unanswered/",
        {"normalised": "carte grise", "outcome": "not_ours", "next": STATISTICS},
        follow=True,
    )
    assert "carte grise" not in to_do(cell)
    assert "carte grise" in unescape(response.content.decode())  # the message names it
    decision = SearchFollowUp.objects.get(normalised="carte grise")
    assert decision.outcome == "not_ours" and decision.decided_by.username == "cellule"


def test_a_search_asked_again_after_the_decision_comes_back(client_for):
    cell = client_for("cellule")
    cell.post("/fr/search/unanswered/", {"normalised": "passeport", "outcome": "content"})
    assert "passeport" not in to_do(cell)
    query_log.record("passeport", "fr", 0, SearchQueryLog.Source.RECEPTION_DESK)
    assert "passeport" in to_do(cell)


@pytest.mark.parametrize("username", ["accueil", "personnel", "juriste", "ipecag"])
def test_only_the_cell_and_administrators_mark_searches(client_for, username):
    response = client_for(username).post(
        "/fr/search/unanswered/", {"normalised": "carte grise", "outcome": "not_ours"}
    )
    assert response.status_code == 403
    assert not SearchFollowUp.objects.filter(normalised="carte grise").exists()


def test_the_reception_agent_sees_the_list_without_the_buttons(client_for, asked_twice):
    page = unescape(client_for("accueil").get(STATISTICS).content.decode())
    assert "carte grise" in page and "/fr/search/unanswered/" not in page


@pytest.mark.parametrize(
    "data", [{}, {"normalised": "carte grise", "outcome": "deleted"}, {"outcome": "synonym"}]
)
def test_a_bad_follow_up_is_refused_with_a_message_and_changes_nothing(client_for, data):
    before = list(SearchFollowUp.objects.values_list("normalised", "outcome"))
    response = client_for("cellule").post("/fr/search/unanswered/", data, follow=True)
    assert response.status_code == 200
    assert list(SearchFollowUp.objects.values_list("normalised", "outcome")) == before
    assert "Choisissez une recherche" in unescape(response.content.decode())


def test_the_list_pages_and_long_searches_wrap(client_for):
    for number in range(25):
        query_log.record(f"recherche introuvable numéro {number} " + "x" * 150, "fr", 0, "desk")
    cell = client_for("cellule")
    first = cell.get(STATISTICS)
    assert len(first.context["unanswered"]) == 20 and first.context["unanswered"].has_next()
    assert len(cell.get(STATISTICS, {"page": 2}).context["unanswered"]) >= 5
    stylesheet = (Path(__file__).resolve().parents[2] / "static/css/intranet.css").read_text()
    assert ".table.unanswered th, .table.unanswered td { overflow-wrap: anywhere; }" in stylesheet


ADD_WORD = "/admin/snippets/search/lexiconentry/add/"


def test_the_cell_adds_a_visitors_word_in_the_admin(client_for):
    response = client_for("cellule").post(
        ADD_WORD, {"said": "لاپيرميسيون", "means": "رخصة\npermis", "note": ""}
    )
    assert response.status_code == 302
    assert LexiconEntry.objects.filter(said="لاپيرميسيون").exists()


@pytest.mark.parametrize("username", ["accueil", "personnel", "juriste"])
def test_others_may_not_change_the_visitors_words(client_for, username):
    response = client_for(username).post(ADD_WORD, {"said": "zzz", "means": "رخصة"})
    assert response.status_code in (302, 403)
    assert not LexiconEntry.objects.filter(said="zzz").exists()
