"""Everyone reads the news, the decisions and the revue; only the communication
service and the administrators write and publish them."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from .factories import YEAR, decision, decisions_index, in_arabic, news_index, revue

READERS = (
    "personnel",
    "accueil",
    "cellule",
    "juriste",
    "formateur",
    "communication",
    "ipecag",
    "admin",
)
PUBLISHERS = ("communication", "admin")
NOT_PUBLISHERS = ("personnel", "formateur", "cellule", "juriste", "ipecag")


def refused(response):
    """The admin refuses with a 403, by sending the user back to its home with a message,
    or, for staff without admin access, to the sign-in page."""
    return response.status_code == 403 or (
        response.status_code == 302
        and (response["Location"] == "/admin/" or "/accounts/login/" in response["Location"])
    )


def user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def pages(db):
    """A decision and the revue that presents it, in French and in Arabic:
    ``pages("ar")`` is the pair in Arabic."""
    french = decision(7, date(YEAR, 3, 3), arabic_fields={"title": "مقرر التجارب"})
    french_revue = revue([french])

    def in_language(language="fr"):
        if language == "fr":
            return french, french_revue
        return in_arabic(french), in_arabic(french_revue)

    return in_language


@pytest.mark.parametrize("username", READERS)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_member_of_staff_reads_decisions_and_revues(client_for, pages, username, language):
    client = client_for(username)
    decision, revue = pages(language)
    for url in (
        decisions_index(language).url,
        decision.url,
        revue.url,
        revue.url + "docx/",
        f"/{language}/news/feed/",
    ):
        assert client.get(url).status_code == 200, url


def test_an_anonymous_visitor_is_sent_to_sign_in(pages):
    decision, revue = pages()
    for url in (decisions_index().url, decision.url, revue.url + "pdf/"):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("username", PUBLISHERS)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_communication_service_and_administrators_write_and_publish(
    client_for, pages, username, language
):
    person = user(username)
    for section in (decisions_index(language), news_index(language)):
        assert section.permissions_for_user(person).can_add_subpage()
    for page in pages(language):
        permissions = page.permissions_for_user(person)
        assert permissions.can_edit() and permissions.can_publish()

    client = client_for(username)
    add_decision = f"/admin/pages/add/news/councildecisionpage/{decisions_index(language).pk}/"
    add_revue = f"/admin/pages/add/news/revuepage/{news_index(language).pk}/"
    assert client.get(add_decision).status_code == 200
    assert client.get(add_revue).status_code == 200
    assert client.get(f"/admin/pages/{pages(language)[0].pk}/edit/").status_code == 200


@pytest.mark.parametrize("username", NOT_PUBLISHERS)
def test_other_roles_cannot_add_edit_or_publish(client_for, pages, username):
    client = client_for(username)
    for language in ("fr", "ar"):
        decision, revue = pages(language)
        for page in (decision, revue):
            permissions = page.permissions_for_user(user(username))
            assert not permissions.can_edit() and not permissions.can_publish()
            assert refused(client.get(f"/admin/pages/{page.pk}/edit/"))
        assert refused(
            client.get(f"/admin/pages/add/news/councildecisionpage/{decisions_index(language).pk}/")
        )
        assert refused(client.get(f"/admin/pages/add/news/revuepage/{news_index(language).pk}/"))
        response = client.post(
            f"/admin/pages/{decision.pk}/edit/",
            {"title": "Changé", "action-publish": "action-publish"},
        )
        assert refused(response)
        decision.refresh_from_db()
        assert decision.title != "Changé"


@pytest.mark.django_db
def test_the_decisions_section_is_in_the_main_menu(staff_client):
    for language in ("fr", "ar"):
        content = staff_client.get(f"/{language}/").content.decode()
        assert f'href="{decisions_index(language).url}"' in content
