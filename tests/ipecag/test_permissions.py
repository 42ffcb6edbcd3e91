"""Who reads the IPECAG's work plans, and who may change them."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from .factories import action, in_arabic, measure, objective, plan_page, section

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
NOT_EDITORS = ("personnel", "cellule", "formateur", "communication")


def built_plan(language="fr"):
    """A published plan of the test's own, in French and Arabic."""
    deadline = date.today() + timedelta(days=20)
    page = plan_page(
        2035,
        [objective("Accueil", measure("Guichet", action("Comptoir installé", deadline)))],
        translate=True,
    )
    return page if language == "fr" else in_arabic(page)


def refused(response):
    """The admin refuses with a 403, by sending the user back to its home with a message,
    or, for staff without admin access, to the sign-in page."""
    return response.status_code == 403 or (
        response.status_code == 302
        and (response["Location"] == "/admin/" or "/accounts/login/" in response["Location"])
    )


def edit_form(page, title):
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "year": page.year,
            "introduction": rich_text(""),
            "objectives": streamfield([]),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )


@pytest.mark.parametrize("username", READERS)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_signed_in_member_of_staff_reads_the_plans_and_their_progress(
    client_for, username, language
):
    client = client_for(username)
    plan = built_plan(language=language)
    assert client.get(section(language).url).status_code == 200
    assert client.get(plan.url).status_code == 200
    assert client.get(plan.url + "progress/").status_code == 200
    assert client.get(plan.url + "export/docx/").status_code == 200


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_sign_in():
    plan = built_plan()
    for url in (section().url, plan.url, plan.url + "progress/", plan.url + "export/docx/"):
        response = Client().get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("username", ["ipecag", "admin"])
def test_ipecag_members_and_administrators_edit_and_publish_a_plan(client_for, username):
    plan = built_plan()
    user = get_user_model().objects.get(username=username)
    permissions = plan.permissions_for_user(user)
    assert permissions.can_edit() and permissions.can_publish()
    assert section().permissions_for_user(user).can_add_subpage()

    client = client_for(username)
    assert client.get(f"/admin/pages/{plan.pk}/edit/").status_code == 200
    response = client.post(
        f"/admin/pages/{plan.pk}/edit/",
        {**edit_form(plan, "Plan de travail révisé"), "action-publish": "action-publish"},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Plan de travail révisé" and plan.live


@pytest.mark.parametrize("username", NOT_EDITORS)
def test_other_roles_cannot_edit_or_publish_a_plan(client_for, username):
    client = client_for(username)
    for language in ("fr", "ar"):
        plan = built_plan(language=language)
        assert refused(client.get(f"/admin/pages/{plan.pk}/edit/"))
        response = client.post(
            f"/admin/pages/{plan.pk}/edit/",
            {**edit_form(plan, "Changé"), "action-publish": "action-publish"},
        )
        assert refused(response)
        plan.refresh_from_db()
        assert plan.title != "Changé"
        assert refused(client.get(f"/admin/ipecag/plans/{plan.pk}/progress/"))
        assert refused(client.get(f"/admin/pages/add/ipecag/workplanpage/{section(language).pk}/"))


def test_only_editors_see_the_update_progress_link(client_for):
    plan = built_plan()
    link = f"/admin/ipecag/plans/{plan.pk}/progress/"
    assert link in client_for("ipecag").get(plan.url).content.decode()
    assert link not in client_for("personnel").get(plan.url).content.decode()
