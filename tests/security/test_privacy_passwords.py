"""Privacy passwords of pages and document collections are throttled like sign-in:
five wrong passwords for one restriction from one computer, and that computer is
refused that restriction for a while, even with the right password."""

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from intranet.security.throttling import privacy_password_lockout_message
from tests.library.factories import make_document, pdf_bytes

PASSWORD = "Conseil-2025"
WRONG = "mauvais-mot-de-passe"


@pytest.fixture(autouse=True)
def fresh_counts(db, settings):
    """Counts live in the cache, which a rolled-back test does not empty, and restriction
    ids come back after a rollback: each test starts with none."""
    settings.PRIVACY_PASSWORD_FAILURE_LIMIT = 5
    settings.PRIVACY_PASSWORD_COOLOFF_TIME = timedelta(minutes=15)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def private_page(db):
    page = Page.objects.live().filter(depth=3, locale__language_code="fr").first().specific
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page


@pytest.fixture
def private_document(db):
    document = make_document("Procès-verbal à huis clos", "huis-clos.pdf", pdf_bytes("Huis clos"))
    CollectionViewRestriction.objects.create(
        collection=document.collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    return document


def page_password(client, page, password, address="10.0.0.7"):
    restriction = PageViewRestriction.objects.get(page=page)
    with translation.override("fr"):
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
        return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


def document_password(client, document, password, address="10.0.0.7"):
    restriction = CollectionViewRestriction.objects.get(collection=document.collection)
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.id])
    return client.post(url, {"password": password, "return_url": document.url}, REMOTE_ADDR=address)


def fail(send, client, target, times, address="10.0.0.7"):
    for _ in range(times):
        response = send(client, target, WRONG, address)
    return response


def says_locked(response):
    with translation.override("fr"):
        message = privacy_password_lockout_message()
    return response.status_code == 429 and message in response.content.decode()


def test_four_wrong_page_passwords_still_let_the_right_one_in(private_page, client_for):
    client = client_for("personnel")
    assert fail(page_password, client, private_page, 4).status_code == 200
    assert page_password(client, private_page, PASSWORD).status_code == 302
    assert client.get(private_page.url).status_code == 200


def test_the_fifth_wrong_page_password_locks_and_says_so(private_page, client_for):
    client = client_for("personnel")
    assert says_locked(fail(page_password, client, private_page, 5))


def test_after_five_wrong_page_passwords_the_right_one_is_refused_with_the_form_again(
    private_page, client_for
):
    client = client_for("personnel")
    fail(page_password, client, private_page, 5)
    refused = page_password(client, private_page, PASSWORD)
    assert says_locked(refused)
    assert 'name="password"' in refused.content.decode()
    assert 'name="password"' in client.get(private_page.url).content.decode()  # still closed


def test_after_five_wrong_document_passwords_the_right_one_is_refused(private_document, client_for):
    client = client_for("personnel")
    assert says_locked(fail(document_password, client, private_document, 5))
    refused = document_password(client, private_document, PASSWORD)
    assert says_locked(refused)
    assert 'name="password"' in refused.content.decode()
    assert 'name="password"' in client.get(private_document.url).content.decode()  # still closed


def test_four_wrong_document_passwords_still_let_the_right_one_in(private_document, client_for):
    client = client_for("personnel")
    fail(document_password, client, private_document, 4)
    assert document_password(client, private_document, PASSWORD).status_code == 302
    assert client.get(private_document.url).status_code == 200


def test_the_same_restriction_from_another_computer_is_not_affected(private_page, client_for):
    fail(page_password, client_for("personnel"), private_page, 5)
    other = client_for("personnel")
    assert page_password(other, private_page, PASSWORD, address="10.0.0.8").status_code == 302


def test_another_restriction_from_the_same_computer_is_not_affected(
    private_page, private_document, client_for
):
    client = client_for("personnel")
    fail(page_password, client, private_page, 5)
    assert document_password(client, private_document, PASSWORD).status_code == 302


def test_a_right_password_starts_the_count_again(private_page, client_for):
    client = client_for("personnel")
    fail(page_password, client, private_page, 4)
    assert page_password(client, private_page, PASSWORD).status_code == 302
    assert fail(page_password, client, private_page, 4).status_code == 200


def test_the_lock_ends_after_the_cool_off_period(private_page, client_for, settings):
    settings.PRIVACY_PASSWORD_COOLOFF_TIME = timedelta(seconds=1)
    client = client_for("personnel")
    fail(page_password, client, private_page, 5)
    assert page_password(client, private_page, PASSWORD).status_code == 429
    time.sleep(1.1)
    assert page_password(client, private_page, PASSWORD).status_code == 302


def test_the_number_of_tries_is_a_setting(private_page, client_for, settings):
    settings.PRIVACY_PASSWORD_FAILURE_LIMIT = 2
    client = client_for("personnel")
    assert says_locked(fail(page_password, client, private_page, 2))


def test_the_refusal_answers_in_arabic_too(private_page, client_for):
    client = client_for("personnel")
    fail(page_password, client, private_page, 5)
    restriction = PageViewRestriction.objects.get(page=private_page)
    with translation.override("ar"):
        url = reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.id, private_page.id]
        )
        message = privacy_password_lockout_message()
    response = client.post(
        url, {"password": PASSWORD, "return_url": "/ar/"}, REMOTE_ADDR="10.0.0.7"
    )
    assert response.status_code == 429
    assert 'lang="ar"' in response.content.decode()
    assert message in response.content.decode()
