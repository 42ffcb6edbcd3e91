"""Sign-in throttling: five failures lock an account out from that computer for a while."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.demo import DEMO_PASSWORD

LOCKED_MESSAGE = "Trop de tentatives de connexion échouées"


@pytest.fixture(autouse=True)
def throttling_on(settings, db):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


def sign_in(client, login, password, address="10.0.0.7"):
    with translation.override("fr"):
        url = reverse("login")
    return client.post(url, {"username": login, "password": password}, REMOTE_ADDR=address)


def fail(client, login, times, address="10.0.0.7"):
    for _ in range(times):
        response = sign_in(client, login, "mauvais-mot-de-passe", address)
        assert response.status_code in (200, 429)
    return response


def test_four_failures_still_let_the_right_password_in(client):
    fail(client, "personnel", 4)
    assert sign_in(client, "personnel", DEMO_PASSWORD).status_code == 302


def test_five_failures_lock_the_account_and_refuse_the_right_password_with_a_message(client):
    fail(client, "personnel", 5)
    response = sign_in(client, "personnel", DEMO_PASSWORD)
    assert response.status_code == 429
    assert LOCKED_MESSAGE in response.content.decode()
    assert "15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/fr/").status_code == 302  # still signed out


def test_the_lock_applies_whether_the_username_or_the_email_address_is_typed(client):
    email = get_user_model().objects.get(username="personnel").email
    fail(client, "personnel", 3)
    fail(client, email.upper(), 2)
    response = sign_in(client, email, DEMO_PASSWORD)
    assert response.status_code == 429
    assert LOCKED_MESSAGE in response.content.decode()


def test_another_account_on_the_same_computer_is_not_affected(client):
    fail(client, "personnel", 5)
    assert sign_in(Client(), "accueil", DEMO_PASSWORD).status_code == 302


def test_the_same_account_from_another_computer_is_not_affected(client):
    fail(client, "personnel", 5)
    assert sign_in(Client(), "personnel", DEMO_PASSWORD, address="10.0.0.8").status_code == 302


def test_a_success_resets_the_count_of_failures(client):
    fail(client, "personnel", 4)
    assert sign_in(client, "personnel", DEMO_PASSWORD).status_code == 302
    other = Client()
    fail(other, "personnel", 4)
    assert sign_in(other, "personnel", DEMO_PASSWORD).status_code == 302


def test_an_administrator_unlocks_an_account_at_once(client):
    fail(client, "personnel", 5)
    assert sign_in(client, "personnel", DEMO_PASSWORD).status_code == 429
    call_command("axes_reset_username", "personnel", stdout=open("/dev/null", "w"))
    assert sign_in(client, "personnel", DEMO_PASSWORD).status_code == 302


def test_the_lockout_page_answers_in_arabic_too(client):
    fail(client, "personnel", 5)
    response = client.post(
        "/ar/accounts/login/",
        {"username": "personnel", "password": DEMO_PASSWORD},
        REMOTE_ADDR="10.0.0.7",
    )
    assert response.status_code == 429
    assert 'lang="ar"' in response.content.decode()


def test_password_reset_requests_are_limited_per_computer(client, settings):
    settings.PASSWORD_RESET_LIMIT = 2
    email = get_user_model().objects.get(username="personnel").email
    with translation.override("fr"):
        url = reverse("password_reset")
    for _ in range(2):
        response = client.post(url, {"email": email}, REMOTE_ADDR="10.0.0.9")
        assert response.status_code == 302
    response = client.post(url, {"email": email}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 200
    assert "Trop de demandes de réinitialisation du mot de passe" in response.content.decode()
    assert len(mail.outbox) == 2
