"""The document library as data: library.yaml, its page, its collections' editors and
the divisions' documents with every version of their files.

The test database holds the Beni Mellal demo, so a small folder may name its
divisions and accounts without declaring them.
"""

import copy
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.documents import get_document_model

from intranet.core import commune_data
from intranet.core.commune_data import Exporting, yaml_files
from intranet.library import commune_data as library_data
from intranet.library.divisions import division_group

pytestmark = pytest.mark.django_db

DOCUMENT = {
    "title": "Note sur le plan de classement des archives",
    "division": "division-affaires-administratives",
    "versions": [
        {
            "file": "files/library/plan-de-classement.txt",
            "uploaded_by": "admin",
            "uploaded_on": "today-30",
        },
        {
            "file": "files/library/plan-de-classement-2.txt",
            "uploaded_by": "personnel",
            "comment": "Série des marchés publics ajoutée",
        },
    ],
}


def library(*documents, **parts):
    return {"library": {"format": 1, "library_documents": copy.deepcopy(list(documents)), **parts}}


def with_document(**changes):
    return copy.deepcopy(DOCUMENT) | changes


def write_files(folder):
    (folder / "files/library").mkdir(parents=True, exist_ok=True)
    (folder / "files/library/plan-de-classement.txt").write_text("Séries A à F.\n")
    (folder / "files/library/plan-de-classement-2.txt").write_text("Séries A à G.\n")
    return folder


def problems(tmp_path, contents):
    return [str(problem) for problem in commune_data.check(write_files(tmp_path), contents)]


def load(tmp_path, contents):
    write_files(tmp_path)
    for stem, content in contents.items():
        (tmp_path / f"{stem}.yaml").write_text(yaml_files.write(content), encoding="utf-8")
    return commune_data.load_folder(tmp_path)


def the_document():
    return get_document_model().objects.get(title=DOCUMENT["title"])


# Checking


def test_a_document_may_name_what_the_intranet_has(tmp_path):
    assert problems(tmp_path, library(DOCUMENT)) == []


def test_a_document_of_a_division_nobody_declared_is_refused(tmp_path):
    found = problems(tmp_path, library(with_document(division="division-des-archives")))
    assert found == [
        "library.yaml · library_documents #1 (Note sur le plan de classement des archives) · "
        "division: no division «division-des-archives» in the folder"
    ]


def test_a_version_whose_file_is_missing_or_whose_uploader_is_unknown_is_refused(tmp_path):
    versions = copy.deepcopy(DOCUMENT["versions"])
    versions[1].update(file="files/library/absent.pdf", uploaded_by="inconnu")
    found = problems(tmp_path, library(with_document(versions=versions)))
    where = "library.yaml · library_documents #1 (Note sur le plan de classement des archives)"
    assert found == [
        f"{where} · versions #2.file: "
        "the file «files/library/absent.pdf» is missing from the folder",
        f"{where} · versions #2.uploaded_by: no account «inconnu» in the folder",
    ]


def test_a_division_may_not_hold_two_documents_of_the_same_title(tmp_path):
    (found,) = problems(tmp_path, library(DOCUMENT, DOCUMENT))
    assert found.startswith("library.yaml · library_documents #2")
    assert "is already used by library_documents #1" in found


def test_collection_editors_need_accounts(tmp_path):
    editors = [{"division": "division-etat-civil", "editors": ["inconnu"]}]
    assert problems(tmp_path, library(library_collections=editors)) == [
        "library.yaml · library_collections #1 (division-etat-civil) · editors: "
        "no account «inconnu» in the folder"
    ]


# Loading


def test_a_document_loads_with_its_history_in_its_divisions_collection(tmp_path):
    load(tmp_path, library(DOCUMENT))
    document = the_document()
    assert document.collection.division_library.division.slug == DOCUMENT["division"]
    first, second = document.versions.order_by("number")
    assert first.uploaded_by.username == "admin"
    assert timezone.localdate(first.uploaded_at) == timezone.localdate() - timedelta(days=30)
    assert (second.uploaded_by.username, second.comment) == (
        "personnel",
        "Série des marchés publics ajoutée",
    )
    with document.open_file() as current:
        assert current.read().decode() == "Séries A à G.\n"


def test_loading_again_keeps_the_history_and_adds_only_new_versions(tmp_path):
    load(tmp_path, library(with_document(versions=DOCUMENT["versions"][:1])))
    assert the_document().versions.count() == 1
    load(tmp_path, library(DOCUMENT))
    assert the_document().versions.count() == 2
    again = load(tmp_path, library(DOCUMENT))
    assert {outcome for (what, outcome) in again.counts} == {"unchanged"}
    assert the_document().versions.count() == 2


def test_editors_are_added_to_the_collections_keepers(tmp_path):
    editors = [{"division": "division-etat-civil", "editors": ["personnel"]}]
    load(tmp_path, library(library_collections=editors))
    assert division_group("division-etat-civil").user_set.filter(username="personnel").exists()


def test_the_demo_library_is_exported_with_every_version(tmp_path):
    exported = library_data.export_documents(Exporting(tmp_path))
    (note,) = [item for item in exported if item["title"].startswith("Note de service relative")]
    assert [version["file"] for version in note["versions"]] == [
        "files/library/note-horaires-accueil.pdf",
        "files/library/note-horaires-accueil-v2.pdf",
    ]
    assert note["versions"][1]["comment"] == "Horaires du mois de Ramadan ajoutés"
    assert all((tmp_path / version["file"]).is_file() for version in note["versions"])
    assert library_data.export_collections(Exporting(tmp_path)) == [
        {"division": "direction-generale-des-services", "editors": ["communication"]}
    ]


def test_an_exported_document_reads_as_the_file_that_loaded_it(tmp_path):
    load(tmp_path, library(DOCUMENT))
    exported = library_data.export_documents(Exporting(tmp_path / "out"))
    (document,) = [item for item in exported if item["title"] == DOCUMENT["title"]]
    today = timezone.localdate()
    assert document["versions"] == [
        {
            "file": "files/library/plan-de-classement.txt",
            "uploaded_by": "admin",
            "uploaded_on": (today - timedelta(days=30)).isoformat(),
        },
        {
            "file": "files/library/plan-de-classement-2.txt",
            "uploaded_by": "personnel",
            "uploaded_on": today.isoformat(),
            "comment": "Série des marchés publics ajoutée",
        },
    ]


def test_a_name_the_storage_made_unique_is_written_as_given():
    assert library_data.folder_name("documents/note_AbC12x9.pdf") == "note.pdf"
    assert library_data.folder_name("documents/plan_de_classement.pdf") == (
        "plan_de_classement.pdf"
    )
