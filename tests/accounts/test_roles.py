"""Each role may do its part, and nothing more."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupPagePermission
from wagtail.permissions import policy_registry

from intranet.accounts.roles import ROLES, apply_roles
from intranet.news.models import NewsIndexPage, NewsPage
from intranet.organisation.models import OrganisationChartPage, ServicePage

pytestmark = pytest.mark.django_db

document_policy = policy_registry.get_by_type(get_document_model())

ADMIN_USERS = ["cellule", "juriste", "formateur", "communication", "ipecag", "admin"]
NON_ADMIN_USERS = ["personnel", "accueil"]


def user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def test_each_role_is_a_group_and_the_only_other_groups_are_divisions_editors_or_teams():
    from intranet.library.models import DivisionCollection
    from intranet.organisation.models import ServicePage

    division_editors = set(DivisionCollection.objects.values_list("editors__name", flat=True))
    service_teams = set(ServicePage.objects.values_list("team__name", flat=True)) - {None}
    assert division_editors and service_teams
    groups = set(Group.objects.values_list("name", flat=True))
    assert groups - division_editors - service_teams == {role.name for role in ROLES}
    assert len(ROLES) == 10


def test_a_flushed_database_gets_no_roles_until_it_has_a_page_tree_again(monkeypatch):
    """``flush`` ends with post_migrate on a database without Wagtail's root page."""
    from wagtail.models import Page

    from intranet.accounts import apps as accounts_apps
    from intranet.accounts import roles

    applied = []
    monkeypatch.setattr(roles, "apply_roles", lambda: applied.append("applied"))
    monkeypatch.setattr(Page, "get_first_root_node", classmethod(lambda cls: None))
    accounts_apps._apply_roles_after_migrate()
    assert applied == []
    monkeypatch.undo()
    monkeypatch.setattr(roles, "apply_roles", lambda: applied.append("applied"))
    accounts_apps._apply_roles_after_migrate()
    assert applied == ["applied"]


def test_applying_the_roles_again_changes_nothing():
    def snapshot():
        return (
            sorted(
                Permission.objects.filter(group__isnull=False).values_list(
                    "group__name", "codename"
                )
            ),
            sorted(
                GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")
            ),
        )

    before = snapshot()
    apply_roles()
    apply_roles()
    assert snapshot() == before


@pytest.mark.parametrize("username", NON_ADMIN_USERS)
def test_staff_and_reception_agents_have_no_administration_and_are_told_why(client_for, username):
    response = client_for(username).get("/admin/", follow=True)
    assert response.request["PATH_INFO"] == "/fr/accounts/login/"
    assert "votre rôle ne donne pas accès" in unescape(response.content.decode())


def admin_menu(client):
    """The names of the items in the admin's sidebar, as Wagtail hands them to its script."""
    html = client.get("/admin/").content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.DOTALL)
    return set(re.findall(r'"name": "([a-z_-]+)"', props.group(1)))


def test_the_procedures_cell_sees_pages_documents_import_and_search_tuning_only(client_for):
    menu = admin_menu(client_for("cellule"))
    assert {"explorer", "documents", "promoted-search-results"} <= menu
    assert not menu & {"images", "organisation", "users", "groups", "sites", "locales"}


def test_the_communication_service_sees_pages_media_and_the_organisation(client_for):
    menu = admin_menu(client_for("communication"))
    assert {"explorer", "images", "documents", "organisation"} <= menu
    assert not menu & {"users", "groups", "settings", "sites", "locales"}


def test_administrators_see_accounts_and_settings(client_for):
    assert {"users", "groups", "settings", "locales"} <= admin_menu(client_for("admin"))


@pytest.mark.parametrize("username", ADMIN_USERS)
def test_editing_roles_reach_the_administration(client_for, username):
    assert client_for(username).get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "username", ["personnel", "accueil", "cellule", "juriste", "formateur", "ipecag"]
)
def test_only_communication_and_administrators_edit_news_and_the_organisation(username):
    for page in [*NewsIndexPage.objects.all(), *OrganisationChartPage.objects.all()]:
        permissions = page.permissions_for_user(user(username))
        assert not permissions.can_edit(), (username, page)
        assert not permissions.can_add_subpage(), (username, page)
        assert not permissions.can_publish(), (username, page)


@pytest.mark.parametrize("username", ["communication", "admin"])
def test_communication_service_writes_and_publishes_news_and_attributions(username):
    for page in [
        *NewsPage.objects.all(),
        *ServicePage.objects.filter(locale__language_code="ar"),
        *ServicePage.objects.filter(locale__language_code="fr"),
    ]:
        permissions = page.permissions_for_user(user(username))
        assert permissions.can_edit() and permissions.can_publish(), (username, page)


def test_the_communication_service_cannot_edit_the_home_page():
    home = OrganisationChartPage.objects.first().get_parent()
    assert not home.permissions_for_user(user("communication")).can_edit()


def test_the_admin_page_editor_refuses_a_role_without_the_right(client_for):
    news = NewsPage.objects.first()
    assert client_for("communication").get(f"/admin/pages/{news.pk}/edit/").status_code == 200
    assert client_for("formateur").get(f"/admin/pages/{news.pk}/edit/").status_code in (302, 403)


@pytest.mark.parametrize(
    "username, collection, allowed",
    [
        ("cellule", "Procédures administratives", True),
        ("cellule", "Formation", False),
        ("juriste", "Textes juridiques", True),
        ("juriste", "IPECAG", False),
        ("formateur", "Formation", True),
        ("formateur", "Communication", False),
        ("communication", "Communication", True),
        ("ipecag", "IPECAG", True),
        ("ipecag", "Procédures administratives", False),
        ("personnel", "Formation", False),
        ("accueil", "Communication", False),
        ("admin", "IPECAG", True),
    ],
)
def test_each_role_uploads_documents_to_its_own_collection_only(username, collection, allowed):
    collections = document_policy.collections_user_has_permission_for(user(username), "add")
    assert collections.filter(name=collection).exists() is allowed


def test_a_trainer_cannot_edit_a_document_of_another_collection():
    document = get_document_model().objects.create(
        title="Plan de travail 2027", collection=Collection.objects.get(name="IPECAG")
    )
    assert document_policy.user_has_permission_for_instance(user("ipecag"), "change", document)
    assert not document_policy.user_has_permission_for_instance(
        user("formateur"), "change", document
    )


@pytest.mark.parametrize(
    "username", ["personnel", "cellule", "juriste", "formateur", "communication", "ipecag"]
)
def test_only_administrators_manage_accounts(client_for, username):
    assert client_for(username).get("/admin/users/").status_code in (302, 403)


def test_administrators_manage_accounts_and_roles(client_for):
    client = client_for("admin")
    assert client.get("/admin/users/").status_code == 200
    assert client.get("/admin/groups/").status_code == 200


@pytest.mark.parametrize(
    "username, allowed", [("communication", True), ("cellule", False), ("personnel", False)]
)
def test_arrondissements_are_kept_by_the_communication_service(client_for, username, allowed):
    response = client_for(username).get("/admin/snippets/organisation/arrondissement/")
    assert (response.status_code == 200) is allowed


def test_setup_roles_restores_a_role_an_administrator_broke():
    from django.core.management import call_command

    group = Group.objects.get(name="Service de la communication")
    group.permissions.clear()
    GroupPagePermission.objects.filter(group=group).delete()
    call_command("setup_roles", stdout=open("/dev/null", "w"))
    assert NewsIndexPage.objects.first().permissions_for_user(user("communication")).can_publish()


def test_pages_outside_the_approval_circuits_have_no_workflow_nobody_could_approve():
    from wagtail.models import Workflow

    from intranet.news.models import NewsPage

    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert NewsPage.objects.live().first().get_workflow() is None
