"""Uploaded files of a private collection reach only the users its restriction admits,
by every address: /media/, /documents/ and the library's version downloads."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction

from intranet.library.models import DocumentVersion
from tests.library.factories import make_document, pdf_bytes, png_bytes
from tests.library.test_versions import version_url

GROUP = "Documents — Direction générale des services"  # the communication service is in it


@pytest.fixture
def private_document(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document("Note confidentielle", "confidentiel.pdf", pdf_bytes("Secret"))
    restriction = CollectionViewRestriction.objects.create(
        collection=document.collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=GROUP)])
    return document


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_private_documents_file_is_refused_through_media_to_staff_outside_the_group(
    private_document, client_for
):
    url = f"/media/{private_document.file.name}"
    assert client_for("personnel").get(url).status_code == 403
    response = client_for("communication").get(url)
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF")


def test_a_private_documents_file_is_refused_through_wagtails_document_address(
    private_document, client_for
):
    url = private_document.url
    assert url.startswith("/documents/")
    refused = client_for("personnel").get(url)
    assert refused.status_code != 200
    assert b"%PDF" not in body(refused)
    response = client_for("communication").get(url)
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF")


def test_a_private_documents_versions_and_preview_are_refused_through_every_address(
    private_document, client_for
):
    version = DocumentVersion.objects.get(document=private_document, number=1)
    assert version.has_preview
    outsider, member = client_for("personnel"), client_for("communication")
    for url in (
        f"/media/{version.file.name}",
        f"/media/{version.preview.name}",
        version_url(private_document, 1),
    ):
        assert outsider.get(url).status_code == 403, url
        assert member.get(url).status_code == 200, url


def test_documents_of_open_collections_stay_readable_by_all_staff(client_for):
    document = make_document("Note de service", "note-ouverte.pdf", pdf_bytes("Ouverte"))
    assert client_for("personnel").get(f"/media/{document.file.name}").status_code == 200


def test_a_file_left_in_the_documents_folder_without_its_document_is_not_served(
    staff_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "orphelin.pdf").write_bytes(b"%PDF-1.4 orphelin")
    assert staff_client.get("/media/documents/orphelin.pdf").status_code == 404


def test_an_image_of_a_private_collection_is_refused_to_staff_outside_the_group(
    private_document, client_for
):
    image = get_image_model().objects.create(
        title="Plan confidentiel",
        collection=private_document.collection,
        file=ImageFile(io.BytesIO(png_bytes(40, 30)), name="plan-confidentiel.png"),
    )
    rendition = image.get_rendition("width-20")
    for url in (f"/media/{image.file.name}", f"/media/{rendition.file.name}"):
        assert client_for("personnel").get(url).status_code == 403, url
        assert client_for("communication").get(url).status_code == 200, url
