"""Readers find each division's documents, filter them and open their history (fr, ar)."""

import pytest
from django.test import Client

from intranet.library.listing import PER_PAGE
from intranet.library.models import LibraryPage

from .factories import (
    DGS,
    URBANISM,
    add_version,
    division_collection,
    docx_bytes,
    make_document,
    own_division,
    pdf_bytes,
    uploader,
)

pytestmark = pytest.mark.django_db
NOTE = "Note sur les horaires du guichet des essais"


@pytest.fixture
def note(django_capture_on_commit_callbacks):
    """A note of the general directorate's, in PDF, whose second version says who and
    why; its previews are drawn, as the worker draws them once the upload is committed."""
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(NOTE, "horaires.pdf", pdf_bytes("Horaires"), DGS)
    with django_capture_on_commit_callbacks(execute=True):
        return add_version(
            document,
            "horaires-v2.pdf",
            pdf_bytes("Horaires du vendredi"),
            uploaded_by=uploader(),
            comment="Horaires du vendredi ajoutés",
        )


def library(language="fr"):
    return LibraryPage.objects.get(locale__language_code=language)


def titles(response):
    return [document.title for document in response.context["documents_page"]]


@pytest.mark.parametrize(
    "username", ["personnel", "accueil", "cellule", "juriste", "formateur", "ipecag", "admin"]
)
def test_every_signed_in_member_of_staff_reads_the_library(client_for, note, username):
    response = client_for(username).get(library().url)
    assert response.status_code == 200
    assert NOTE in titles(response)


def test_anonymous_visitors_are_sent_to_sign_in():
    response = Client().get(library().url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_library_is_in_the_main_menu_of_both_languages(staff_client):
    for language in ("fr", "ar"):
        page = library(language)
        assert page.show_in_menus and page.live
        assert f'href="{page.url}"' in staff_client.get(f"/{language}/").content.decode()


def test_each_document_shows_title_division_type_size_date_versions_preview_and_download(
    staff_client, note
):
    response = staff_client.get(library().url)
    html = response.content.decode()
    note = next(d for d in response.context["documents_page"] if d.title == NOTE)
    assert note.division.label == division_collection(DGS).division.title
    assert len(note.version_list) == 2
    assert note.current.type_label == "PDF"
    assert note.url in html  # the download link
    assert library().reverse_subpage("preview", args=(note.pk, 2)) in html
    assert library().reverse_subpage("document", args=(note.pk,)) in html


def test_the_arabic_library_names_the_divisions_in_arabic(
    client_for, django_capture_on_commit_callbacks
):
    division = own_division(
        django_capture_on_commit_callbacks, title="Division des essais", arabic_title="قسم التجارب"
    )
    make_document("Plan des essais", "plan.pdf", pdf_bytes("Plan"), division.slug)
    response = client_for("personnel").get(library("ar").url)
    assert response.status_code == 200
    labels = [link.label for link in response.context["collections"]]
    assert "قسم التجارب" in labels and "Division des essais" not in labels
    assert 'dir="rtl"' in response.content.decode()


def test_readers_filter_by_division(staff_client, note):
    plan = make_document("Plan d'aménagement communal", "plan.pdf", pdf_bytes("Plan"), URBANISM)
    urbanism = division_collection(URBANISM).collection_id
    found = titles(staff_client.get(library().url, {"collection": urbanism}))
    assert plan.title in found
    assert NOTE not in found


def test_readers_filter_by_file_type(staff_client, note):
    form = make_document("Formulaire des essais", "formulaire.docx", docx_bytes("Formulaire"))
    found = titles(staff_client.get(library().url, {"type": "text"}))
    assert form.title in found
    assert NOTE not in found


def test_readers_search_titles(staff_client, note):
    make_document("Circulaire sur le jaugeage des barques", "jaugeage.pdf", pdf_bytes("Barques"))
    make_document("Note sur les barques", "barques.pdf", pdf_bytes("Barques"))
    assert titles(staff_client.get(library().url, {"q": "jaugeage"})) == [
        "Circulaire sur le jaugeage des barques"
    ]


def test_unknown_filters_are_ignored_rather_than_failing(staff_client):
    response = staff_client.get(library().url, {"collection": "abc", "type": "exe", "page": "x"})
    assert response.status_code == 200
    assert not response.context["filtered"]


def test_nothing_found_says_so(staff_client):
    response = staff_client.get(library().url, {"q": "introuvable"})
    assert response.context["documents_page"].paginator.count == 0
    assert 'class="empty"' in response.content.decode()


def test_the_list_is_paginated_and_keeps_the_filters(
    staff_client, django_capture_on_commit_callbacks
):
    division = own_division(django_capture_on_commit_callbacks)
    for number in range(PER_PAGE + 3):
        make_document(
            f"Compte rendu {number}", f"cr-{number}.docx", docx_bytes("CR"), division.slug
        )
    collection = division_collection(division.slug).collection_id
    first = staff_client.get(library().url, {"collection": collection})
    assert len(titles(first)) == PER_PAGE
    assert f"collection={collection}&amp;page=2" in first.content.decode()
    second = staff_client.get(library().url, {"collection": collection, "page": 2})
    assert len(titles(second)) == 3


def test_the_document_page_lists_the_versions_newest_first_with_who_and_why(client_for, note):
    for language in ("fr", "ar"):
        page = library(language)
        response = client_for("accueil").get(
            page.url + page.reverse_subpage("document", args=(note.pk,))
        )
        assert response.status_code == 200
        assert [v.number for v in response.context["versions"]] == [2, 1]
        html = response.content.decode()
        assert "Horaires du vendredi ajoutés" in html
        assert "Nadia Essaidi" in html


def test_only_editors_of_the_division_see_the_upload_link(client_for, note):
    url = library().url + library().reverse_subpage("document", args=(note.pk,))
    edit = f"/admin/documents/edit/{note.pk}/"
    assert edit in client_for("communication").get(url).content.decode()
    assert edit not in client_for("personnel").get(url).content.decode()


def test_an_unknown_document_is_not_found(staff_client):
    url = library().url + library().reverse_subpage("document", args=(999999,))
    assert staff_client.get(url).status_code == 404
