"""A form that a live procedure hands out changes only through the procedure's approval."""

from html import unescape

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.procedures_manual.factories import form_document, procedure, user
from training.material import permission_policy

pytestmark = pytest.mark.django_db

PROCEDURE_TITLE = "Demande d'accès à l'information"


@pytest.fixture
def information_form():
    """The form a live procedure, titled ``PROCEDURE_TITLE``, hands out."""
    document = form_document("Formulaire de demande d'accès à l'information")
    procedure(form=document, french={"title": PROCEDURE_TITLE}, translate=False)
    return get_document_model().objects.get(pk=document.pk)


@pytest.mark.parametrize("username", ["cellule", "cellule2", "juriste"])
def test_nobody_but_administrators_changes_or_deletes_a_live_procedures_form(
    username, information_form
):
    document = information_form
    for action in ("change", "delete"):
        assert not permission_policy.user_has_permission_for_instance(
            user(username), action, document
        )


def test_an_administrator_still_may(information_form):
    assert permission_policy.user_has_permission_for_instance(
        user("admin"), "change", information_form
    )


def test_the_cell_cannot_replace_the_file_readers_download(client_for, information_form):
    document = information_form
    before = document.file.read()
    response = client_for("cellule").post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": document.title,
            "collection": document.collection_id,
            "file": ContentFile(b"%PDF-1.4 forged", name="forged.pdf"),
        },
    )
    assert response.status_code == 403
    document.refresh_from_db()
    assert document.file.read() == before


def test_the_refusal_names_the_procedure_and_says_what_to_do(client_for, information_form):
    document = information_form
    page = unescape(
        client_for("cellule").get(f"/admin/documents/edit/{document.pk}/").content.decode()
    )
    assert PROCEDURE_TITLE in page
    assert "conseiller juridique" in page


def test_the_cell_still_uploads_a_new_version_as_a_new_document(client_for):
    from wagtail.models import Collection

    collection = Collection.objects.get(name="Procédures administratives")
    response = client_for("cellule").post(
        "/admin/documents/add/",
        {
            "title": "Formulaire de demande d'accès à l'information (2027)",
            "collection": collection.pk,
            "file": ContentFile(b"%PDF-1.4 new version", name="acces-information-2027.pdf"),
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title__endswith="(2027)").exists()


def test_the_multiple_upload_views_refuse_with_the_reason(client_for, information_form):
    document = information_form
    client = client_for("cellule")
    for url in (
        f"/admin/documents/multiple/{document.pk}/",
        f"/admin/documents/multiple/{document.pk}/delete/",
    ):
        response = client.post(url, {"doc-title": "Formulaire falsifié"})

        assert response.status_code == 403
        assert PROCEDURE_TITLE in response.json()["error_message"]
    assert get_document_model().objects.filter(pk=document.pk, title=document.title).exists()


@pytest.mark.parametrize("action", ["delete", "add_to_collection", "add_tags"])
def test_bulk_actions_leave_the_form_out_and_say_why(client_for, action, information_form):
    document = information_form
    client = client_for("cellule")
    url = f"/admin/bulk/wagtaildocs/document/{action}/?next=/admin/documents/&id={document.pk}"

    page = unescape(client.get(url).content.decode())
    assert PROCEDURE_TITLE in page
    assert "conseiller juridique" in page

    client.post(url, {"collection": document.collection_id, "tags": "falsifié"})
    assert get_document_model().objects.filter(pk=document.pk).exists()
    assert not get_document_model().objects.get(pk=document.pk).tags.exists()
