"""'Was this article helpful?': one vote per reader and article, posted by a plain form."""

import pytest
from django.test import Client

from knowledge.models import COMMENT_MAX_LENGTH, ArticleFeedback
from tests.demo import DEMO_PASSWORD

from . import factories
from .reading import shown

pytestmark = pytest.mark.django_db


def vote_url(page):
    return f"{page.url}vote/"


def votes_of(page, user):
    return ArticleFeedback.objects.filter(article=page, user=user)


def test_a_reader_records_a_vote_with_a_comment(client_for, article, user):
    page = article()
    response = client_for("cellule2").post(
        vote_url(page), {"helpful": "no", "comment": "Il manque l'adresse du bureau."}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}#feedback"
    vote = votes_of(page, user("cellule2")).get()
    assert vote.helpful is False
    assert vote.comment == "Il manque l'adresse du bureau."


def test_the_article_thanks_the_reader_and_remembers_the_answer(client_for, article):
    client = client_for("cellule2")
    response = client.post(vote_url(article()), {"helpful": "yes"}, follow=True)
    assert "Merci, votre réponse est enregistrée." in shown(response)
    assert "Vous avez répondu « Oui »." in shown(response)


def test_voting_again_updates_the_readers_vote_instead_of_adding_one(client_for, article, user):
    page = article()
    factories.vote(page, "accueil", helpful=True)
    client = client_for("accueil")
    client.post(vote_url(page), {"helpful": "no", "comment": "Finalement incomplet."})
    vote = votes_of(page, user("accueil")).get()
    assert (vote.helpful, vote.comment) == (False, "Finalement incomplet.")


def test_a_vote_in_one_language_is_separate_from_the_other(client_for, article, user):
    client = client_for("cellule2")
    client.post(vote_url(article(language="fr")), {"helpful": "yes"})
    client.post(vote_url(article(language="ar")), {"helpful": "no"})
    assert ArticleFeedback.objects.filter(user=user("cellule2")).count() == 2


def test_a_vote_without_yes_or_no_is_refused_with_a_message_and_keeps_the_comment(
    client_for, article, user
):
    page = article()
    response = client_for("cellule2").post(vote_url(page), {"comment": "Texte à garder"})
    assert response.status_code == 400
    assert "Choisissez « Oui » ou « Non »." in shown(response)
    assert "Texte à garder" in shown(response)  # nothing typed is lost
    assert not votes_of(page, user("cellule2")).exists()


def test_an_unknown_answer_is_refused(client_for, article, user):
    page = article()
    response = client_for("cellule2").post(vote_url(page), {"helpful": "maybe"})
    assert response.status_code == 400
    assert not votes_of(page, user("cellule2")).exists()


def test_an_overlong_comment_is_refused_with_a_message_and_stores_nothing(
    client_for, article, user
):
    page = article()
    response = client_for("cellule2").post(
        vote_url(page), {"helpful": "yes", "comment": "x" * (COMMENT_MAX_LENGTH + 1)}
    )
    assert response.status_code == 400
    assert f"Le commentaire ne doit pas dépasser {COMMENT_MAX_LENGTH} caractères" in shown(response)
    assert not votes_of(page, user("cellule2")).exists()


def test_a_refused_change_leaves_the_earlier_vote_as_it_was(client_for, article, user):
    page = article()
    factories.vote(page, "accueil", helpful=True, comment="Clair et complet.")
    before = votes_of(page, user("accueil")).get()
    client_for("accueil").post(vote_url(page), {"helpful": "no", "comment": "y" * 1000})
    after = votes_of(page, user("accueil")).get()
    assert (after.helpful, after.comment) == (before.helpful, before.comment)


def test_an_anonymous_visitor_cannot_vote(article):
    page = article()
    count = ArticleFeedback.objects.count()
    response = Client().post(vote_url(page), {"helpful": "yes"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert ArticleFeedback.objects.count() == count


def test_a_vote_without_its_csrf_token_is_refused(article, user):
    client = Client(enforce_csrf_checks=True)
    client.login(username="cellule2", password=DEMO_PASSWORD)
    response = client.post(vote_url(article()), {"helpful": "yes"})
    assert response.status_code == 403
    assert not votes_of(article(), user("cellule2")).exists()


def test_the_vote_form_carries_a_csrf_token(staff_client, article):
    response = staff_client.get(article().url)
    assert 'name="csrfmiddlewaretoken"' in shown(response)
    assert f'action="{vote_url(article())}"' in shown(response)


def test_voting_is_a_post_only(staff_client, article):
    assert staff_client.get(vote_url(article())).status_code == 405


def test_a_comment_is_kept_as_plain_text_and_shown_escaped(client_for, article):
    page = article()
    client_for("cellule2").post(
        vote_url(page), {"helpful": "no", "comment": "<script>alert(1)</script>"}
    )
    report = client_for("communication").get("/admin/knowledge/feedback/")
    assert "<script>alert(1)</script>" not in report.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report.content.decode()
