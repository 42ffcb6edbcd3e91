"""Everything is behind sign-in; staff sign in with a username or an email address.

The member of staff who signs in is the test's own; the walk over every page
covers whatever the installation holds.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from tests.training.factories import PersonFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Ain-Asserdoun-1957"


@pytest.fixture
def nadia():
    person = PersonFactory(username="nadia", email="nadia.bennani@commune.test")
    person.set_password(PASSWORD)
    person.save()
    return person


def signed_in(client, username, password=PASSWORD):
    response = client.post("/fr/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302 and client.get("/fr/").status_code == 200


def private_urls():
    pages = [page.url for page in Page.objects.live().exclude(depth=1).specific()]
    return pages + [
        "/fr/",
        "/admin/",
        "/admin/pages/",
        "/admin/documents/",
        "/documents/1/report.pdf",
        "/media/original_images/photo.jpg",
        "/jsi18n/",
        reverse("search") + "?q=naissance",
        reverse("password_change"),
    ]


def test_every_page_and_file_turns_anonymous_visitors_to_the_sign_in_page(client):
    urls = private_urls()
    assert len(urls) > 60  # every page of the installation, in French and Arabic
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"], url


def test_the_address_of_the_intranet_leads_anonymous_visitors_to_sign_in(client):
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/fr/accounts/login/")


def test_the_sign_in_page_static_files_and_health_check_answer_anonymously(client):
    assert client.get("/fr/accounts/login/").status_code == 200
    assert client.get("/ar/accounts/login/").status_code == 200
    assert client.get(reverse("password_reset")).status_code == 200
    assert client.get("/healthz").json() == {"status": "ok"}


def test_staff_sign_in_with_their_username(client, nadia):
    assert signed_in(client, "nadia")


def test_staff_sign_in_with_their_email_address_in_any_case(client, nadia):
    assert signed_in(client, "Nadia.Bennani@Commune.TEST")


def test_a_wrong_password_is_refused_with_a_clear_message(client, nadia):
    response = client.post("/fr/accounts/login/", {"username": "nadia", "password": "x"})
    assert response.status_code == 200
    assert "ne correspond pas au mot de passe" in response.content.decode()
    assert client.get("/fr/").status_code == 302


def test_an_email_address_shared_by_two_accounts_signs_in_neither(client, nadia):
    PersonFactory(username="nadia2", email="nadia.bennani@commune.test")
    assert not signed_in(client, "nadia.bennani@commune.test")
    assert client.get("/fr/").status_code == 302


def test_an_inactive_account_cannot_sign_in(client, nadia):
    nadia.is_active = False
    nadia.save()
    assert not signed_in(client, "nadia")
    assert client.get("/fr/").status_code == 302


def test_signing_out_ends_the_session(client, nadia):
    assert signed_in(client, "nadia")
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get("/fr/").status_code == 302


def test_staff_change_their_password(client, nadia):
    assert signed_in(client, "nadia")
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Tadla-Azilal-1957",
            "new_password2": "Tadla-Azilal-1957",
        },
    )
    assert response.status_code == 302
    assert Client().login(username="nadia", password="Tadla-Azilal-1957")


def test_a_forgotten_password_is_reset_through_a_link_sent_by_email(client, nadia):
    response = client.post(reverse("password_reset"), {"email": "nadia.bennani@commune.test"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nadia.bennani@commune.test"]
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)

    form_url = client.get(link)["Location"]  # Django swaps the token for a session key
    response = client.post(
        form_url, {"new_password1": "Oum-Errabia-2026", "new_password2": "Oum-Errabia-2026"}
    )
    assert response.status_code == 302
    assert Client().login(username="nadia", password="Oum-Errabia-2026")


def test_a_reset_request_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "inconnu@example.ma"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_uploaded_files_are_served_to_signed_in_staff_only(
    staff_client, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "note.txt").write_text("Note de service")
    assert client.get("/media/note.txt").status_code == 302
    response = staff_client.get("/media/note.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Note de service"
    assert staff_client.get("/media/../settings.py").status_code == 404
