"""A new file keeps the earlier ones: every version stays downloadable, in order."""

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from intranet.library.models import DocumentVersion, LibraryPage
from search.models import DocumentText
from tests.search.asking import ask as search

from .factories import (
    DGS,
    admin_add,
    admin_replace,
    division_collection,
    docx_bytes,
    make_document,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


def library():
    return LibraryPage.objects.get(locale__language_code="fr")


def version_url(document, number):
    page = library()
    return page.url + page.reverse_subpage("version", args=(document.pk, number))


def detail_url(document, page=None):
    page = page or library()
    return page.url + page.reverse_subpage("document", args=(document.pk,))


def test_replacing_a_file_in_the_admin_keeps_both_versions_downloadable_in_order(
    client_for, django_capture_on_commit_callbacks
):
    editor = client_for("communication")
    first, second = docx_bytes("Horaires : 8 h 30 à 16 h 30"), docx_bytes("Horaires : 9 h à 15 h")
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_add(editor, "Horaires d'été", "horaires.docx", first).status_code == 302
        document = get_document_model().objects.get(title="Horaires d'été")
        response = admin_replace(
            editor, document, "horaires.docx", second, comment="Horaires d'été"
        )
    assert response.status_code == 302

    versions = list(document.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[1].comment == "Horaires d'été"
    assert versions[1].uploaded_by.username == "communication"
    assert versions[0].file.name != versions[1].file.name

    reader = client_for("personnel")
    for number, content in ((1, first), (2, second)):
        response = reader.get(version_url(document, number))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == content
        assert "attachment" in response["Content-Disposition"]

    page = reader.get(detail_url(document)).content.decode()
    assert page.index(version_url(document, 2)) < page.index(version_url(document, 1))
    assert "Horaires d&#x27;été" in page


def test_saving_a_document_without_a_new_file_adds_no_version(client_for):
    editor = client_for("communication")
    document = make_document("Circulaire", "circulaire.pdf", pdf_bytes("Circulaire"))
    response = editor.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": "Circulaire n° 4", "collection": document.collection_id},
    )
    assert response.status_code == 302
    assert document.versions.count() == 1


def test_uploading_the_same_content_again_adds_no_version(client_for):
    content = pdf_bytes("Même contenu")
    document = make_document("Note", "note.pdf", content)
    admin_replace(client_for("communication"), document, "note.pdf", content)
    assert document.versions.count() == 1


def test_a_document_from_before_the_library_keeps_its_first_file_when_replaced(client_for):
    original = docx_bytes("Version d'origine")
    document = make_document("Ancien formulaire", "ancien.docx", original)
    document.versions.all().delete()  # as if uploaded before the library existed

    admin_replace(client_for("communication"), document, "nouveau.docx", docx_bytes("Nouveau"))

    first = document.versions.get(number=1)
    assert first.filename == "ancien.docx"
    with first.file.open("rb") as stream:
        assert stream.read() == original
    assert document.versions.get(number=2).filename == "nouveau.docx"


def test_a_new_version_is_read_again_for_search(client_for, django_capture_on_commit_callbacks):
    editor = client_for("communication")
    with django_capture_on_commit_callbacks(execute=True):
        admin_add(editor, "Note piscine", "piscine.docx", docx_bytes("fermeture du hammam"))
        document = get_document_model().objects.get(title="Note piscine")
    assert "hammam" in DocumentText.objects.get(document=document).text

    with django_capture_on_commit_callbacks(execute=True):
        admin_replace(editor, document, "piscine.docx", docx_bytes("ouverture de la piscine"))
    record = DocumentText.objects.get(document=document)
    document.refresh_from_db()
    assert record.file_hash == document.file_hash
    assert "piscine" in record.text and "hammam" not in record.text
    assert search("ouverture piscine", language="fr").hits[0].entry.title == "Note piscine"


def test_deleting_a_document_deletes_its_version_files(
    client_for, django_capture_on_commit_callbacks
):
    document = make_document("Brouillon", "brouillon.pdf", pdf_bytes("Brouillon"))
    names = [document.versions.get().file.name]
    assert default_storage.exists(names[0])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("communication").post(f"/admin/documents/delete/{document.pk}/")
    assert response.status_code == 302
    assert not DocumentVersion.objects.filter(document_id=document.pk).exists()
    assert not default_storage.exists(names[0])


def test_version_files_are_refused_to_anonymous_visitors():
    document = make_document("Note", "note.pdf", pdf_bytes("Note"))
    response = Client().get(version_url(document, 1))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_private_collection_keeps_its_versions_from_readers_outside_it(client_for):
    document = make_document("Note confidentielle", "note.pdf", pdf_bytes("Secret"))
    restriction = CollectionViewRestriction.objects.create(
        collection=document.collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([division_collection(DGS).editors])

    assert client_for("personnel").get(version_url(document, 1)).status_code == 403
    assert client_for("personnel").get(detail_url(document)).status_code == 403
    assert client_for("communication").get(version_url(document, 1)).status_code == 200


def test_the_demo_note_on_opening_hours_has_two_versions():
    """A check of the demo commune's loader: a document's history loads as its versions,
    with their comments and days, and every file kept."""
    document = get_document_model().objects.get(
        title="Note de service relative aux horaires d'accueil"
    )
    versions = list(document.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[1].comment == "Horaires du mois de Ramadan ajoutés"
    assert versions[0].uploaded_at < versions[1].uploaded_at
    for version in versions:
        assert default_storage.exists(version.file.name)


def test_the_document_page_says_whether_search_could_read_the_file(client_for):
    document = make_document("Plan scanné", "plan.pdf", pdf_bytes("Plan"))
    record, _created = DocumentText.objects.update_or_create(
        document=document,
        defaults={"status": DocumentText.Status.FAILED, "reason": "Le PDF ne contient aucun texte"},
    )
    reader = client_for("personnel")

    page = reader.get(detail_url(document)).content.decode()
    assert "Unreadable" not in page  # the interface speaks French here
    assert "Illisible" in page and "Le PDF ne contient aucun texte" in page
    assert reader.get(library().url).content.decode().count("Le PDF ne contient aucun texte") == 1

    record.status, record.reason = DocumentText.Status.EXTRACTED, ""
    record.save()
    assert "Illisible" not in reader.get(detail_url(document)).content.decode()
    assert "Le PDF ne contient aucun texte" not in reader.get(library().url).content.decode()
