"""One collection per division, kept by that division's editors and nobody else's."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import GroupCollectionPermission
from wagtail.permissions import policy_registry

from intranet.library.divisions import setup_library
from intranet.library.models import DivisionCollection
from intranet.organisation.models import DivisionPage
from tests.organisation.factories import free_colour

from .factories import (
    DGS,
    URBANISM,
    admin_add,
    division_collection,
    make_document,
    own_division,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


def test_every_division_of_the_chart_has_its_own_collection_and_editors_group(
    django_capture_on_commit_callbacks,
):
    own = own_division(django_capture_on_commit_callbacks, title="Division des essais")
    divisions = DivisionPage.objects.filter(locale__language_code="fr")
    assert own in divisions
    for division in divisions:
        link = DivisionCollection.objects.get(division=division)
        assert link.collection.name == division.title
        assert link.editors.name == f"Documents — {division.title}"
        granted = set(
            GroupCollectionPermission.objects.filter(group=link.editors).values_list(
                "collection_id", "permission__codename"
            )
        )
        assert granted == {
            (link.collection_id, codename)
            for codename in (
                "add_document",
                "change_document",
                "delete_document",
                "choose_document",
            )
        }


def test_setting_up_the_library_again_changes_nothing():
    before = list(DivisionCollection.objects.values_list("division", "collection", "editors"))
    permissions = GroupCollectionPermission.objects.count()
    groups = Group.objects.count()
    setup_library()
    setup_library()
    assert (
        list(DivisionCollection.objects.values_list("division", "collection", "editors")) == before
    )
    assert GroupCollectionPermission.objects.count() == permissions
    assert Group.objects.count() == groups


def test_renaming_a_division_renames_its_collection_and_group_and_keeps_the_documents(
    django_capture_on_commit_callbacks,
):
    division = own_division(django_capture_on_commit_callbacks, title="Division des essais")
    link = division_collection(division.slug)
    document = make_document("Plan d'aménagement", "plan.pdf", pdf_bytes("Plan"), division.slug)
    division.title = "Division des essais et mesures"
    division.save_revision().publish()
    setup_library()
    link.refresh_from_db()
    assert link.collection.name == "Division des essais et mesures"
    assert link.editors.name == "Documents — Division des essais et mesures"
    document.refresh_from_db()
    assert document.collection_id == link.collection_id


def test_a_new_division_gets_its_collection_when_published(django_capture_on_commit_callbacks):
    chart = DivisionPage.objects.get(slug=DGS, locale__language_code="fr").get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        division = chart.add_child(
            instance=DivisionPage(
                title="Division du patrimoine", slug="patrimoine", colour=free_colour()
            )
        )
        division.save_revision().publish()
    link = DivisionCollection.objects.get(division=division)
    assert link.editors.name == "Documents — Division du patrimoine"


def test_the_setup_library_command_says_what_it_did(django_capture_on_commit_callbacks):
    own_division(django_capture_on_commit_callbacks)
    divisions = DivisionPage.objects.filter(locale__language_code="fr").count()
    out = io.StringIO()
    call_command("setup_library", stdout=out)
    assert f"{divisions} division collections" in out.getvalue()


def test_a_division_editor_may_change_documents_of_their_division_only(django_user_model):
    user = django_user_model.objects.get(username="communication")
    assert user.groups.filter(pk=division_collection(DGS).editors_id).exists()
    own = make_document("Note interne", "note.pdf", pdf_bytes("Note"), DGS)
    other = make_document("Plan", "plan.pdf", pdf_bytes("Plan"), URBANISM)
    assert policy_registry.get_by_type(get_document_model()).user_has_permission_for_instance(
        user, "change", own
    )
    assert policy_registry.get_by_type(get_document_model()).user_has_permission_for_instance(
        user, "delete", own
    )
    assert not policy_registry.get_by_type(get_document_model()).user_has_permission_for_instance(
        user, "change", other
    )
    assert not policy_registry.get_by_type(get_document_model()).user_has_permission_for_instance(
        user, "delete", other
    )


def test_a_division_editor_adds_a_document_to_their_division_through_the_admin(client_for):
    response = admin_add(client_for("communication"), "Note du DGS", "dgs.pdf", pdf_bytes("DGS"))
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Note du DGS")
    assert document.collection == division_collection(DGS).collection


def test_a_division_editor_cannot_add_a_document_to_another_divisions_collection(client_for):
    response = admin_add(
        client_for("communication"), "Intrus", "intrus.pdf", pdf_bytes("Intrus"), URBANISM
    )
    assert response.status_code == 200
    assert "collection" in response.context["form"].errors
    assert not get_document_model().objects.filter(title="Intrus").exists()


def test_a_division_editor_cannot_open_another_divisions_document_in_the_admin(client_for):
    other = make_document("Plan", "plan.pdf", pdf_bytes("Plan"), URBANISM)
    response = client_for("communication").get(f"/admin/documents/edit/{other.pk}/")
    assert response.status_code in (302, 403)


def test_staff_outside_every_division_group_cannot_upload(client_for):
    client = client_for("personnel")
    response = admin_add(client, "Pas permis", "x.pdf", pdf_bytes("x"))
    assert response.status_code in (302, 403)
    assert not get_document_model().objects.filter(title="Pas permis").exists()
