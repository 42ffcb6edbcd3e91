"""Course material: trainers keep their own uploads, and what a live course hands out changes
only through the course's approval.

GIVEN the demo commune, where the trainer "formateur" may upload to the training collection
and the coordinator "coordination" manages all of it.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from intranet.accounts.roles import TRAINING_COLLECTION
from training import material as course_material
from training.models import CoursePage

from .factories import (
    course,
    docx_bytes,
    hand_out,
    image,
    material,
    training_collection,
    user,
)
from .test_roles import approve, refused

pytestmark = pytest.mark.django_db

Document = get_document_model()


def policy():
    return policy_registry.get_by_type(Document)


def edit(client, document, title=None, new_file=None):
    data = {"title": title or document.title, "collection": document.collection_id}
    if new_file is not None:
        data["file"] = SimpleUploadedFile("nouvelle-version.docx", new_file)
    return client.post(reverse("wagtaildocs:edit", args=(document.pk,)), data)


def delete(client, document):
    return client.post(reverse("wagtaildocs:delete", args=(document.pk,)))


def stored(document):
    """The document as the database has it now (None once deleted)."""
    return Document.objects.filter(pk=document.pk).first()


def file_text(document):
    """The text of the document's current file: which version readers download."""
    from docx import Document as WordDocument

    with stored(document).file.open("rb") as handle:
        return "\n".join(paragraph.text for paragraph in WordDocument(handle).paragraphs)


# Uploading and keeping one's own material


def test_a_trainer_uploads_a_document_to_the_training_collection(client_for):
    response = client_for("formateur").post(
        reverse("wagtaildocs:add"),
        {
            "title": "Fiche réflexe accueil",
            "collection": training_collection().pk,
            "file": SimpleUploadedFile("fiche-reflexe.docx", docx_bytes("Accueillir")),
        },
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Fiche réflexe accueil")
    assert document.collection.name == TRAINING_COLLECTION
    assert document.uploaded_by_user == user("formateur")


def test_a_trainer_uploads_to_no_other_collection():
    collections = policy().collections_user_has_permission_for(user("formateur"), "add")
    assert [collection.name for collection in collections] == [TRAINING_COLLECTION]


def test_a_trainer_changes_and_deletes_a_document_they_uploaded_that_no_live_page_uses(
    client_for,
):
    document = material(uploaded_by="formateur")
    client = client_for("formateur")
    assert client.get(reverse("wagtaildocs:edit", args=(document.pk,))).status_code == 200
    response = edit(client, document, title="Support corrigé", new_file=docx_bytes("Version 2"))
    assert response.status_code == 302
    assert stored(document).title == "Support corrigé"
    assert delete(client, document).status_code == 302
    assert stored(document) is None


def test_a_draft_course_does_not_lock_the_material_it_uses(client_for):
    """A course waiting for approval is not read yet: its author may still fix its handout."""
    document = material(uploaded_by="formateur")
    page = course().specific
    page.materials = [("document", {"title": document.title, "document": document})]
    page.save_revision(user=user("formateur"))  # a draft of the live course, not published
    assert course_material.live_pages_using(document).count() == 0
    response = edit(client_for("formateur"), document, new_file=docx_bytes("Version 2"))
    assert response.status_code == 302


# Other people's material


@pytest.mark.parametrize("uploaded_by", ["coordination", None], ids=["coordinator", "no-uploader"])
def test_a_trainer_cannot_change_or_delete_material_someone_else_uploaded(client_for, uploaded_by):
    document = material(uploaded_by=uploaded_by, text="Version du coordinateur")
    client = client_for("formateur")
    assert refused(client.get(reverse("wagtaildocs:edit", args=(document.pk,))))
    assert refused(edit(client, document, title="Pris", new_file=docx_bytes("Remplacé")))
    assert refused(delete(client, document))
    assert stored(document).title == document.title
    assert file_text(document) == "Version du coordinateur"


def test_a_trainer_cannot_delete_a_handout_loaded_with_the_commune(client_for):
    """Material loaded from the commune's folder has no uploader, and a live course uses it."""
    handout = material(uploaded_by=None)
    hand_out(handout, course(owner="formateur"))
    assert refused(delete(client_for("formateur"), handout))
    assert stored(handout) is not None


def test_another_trainer_cannot_touch_the_material_of_the_demo_trainer(client_for):
    from .factories import PersonFactory

    document = material(uploaded_by="formateur")
    colleague = PersonFactory(role="trainer")
    assert not policy().user_has_permission_for_instance(colleague, "change", document)
    assert not policy().user_has_permission_for_instance(colleague, "delete", document)
    assert policy().user_has_permission_for_instance(colleague, "choose", document)


def test_a_trainer_changes_only_the_images_they_uploaded():
    from wagtail.images import get_image_model

    images = policy_registry.get_by_type(get_image_model())
    trainer = user("formateur")
    own, coordinators = image(uploaded_by="formateur"), image(uploaded_by="coordination")
    assert images.user_has_permission_for_instance(trainer, "change", own)
    assert images.user_has_permission_for_instance(trainer, "delete", own)
    assert not images.user_has_permission_for_instance(trainer, "change", coordinators)
    assert not images.user_has_permission_for_instance(trainer, "delete", coordinators)
    assert images.user_has_permission_for_instance(user("coordination"), "delete", own)


# Material that a live course hands out


def test_a_trainer_cannot_replace_the_file_of_their_handout_while_a_live_course_uses_it(
    client_for,
):
    document = material(uploaded_by="formateur", text="Version approuvée")
    live_course = hand_out(document)
    client = client_for("formateur")

    response = edit(client, document, new_file=docx_bytes("Version non approuvée"))

    assert response.status_code == 403
    assert file_text(document) == "Version approuvée"
    page = response.content.decode()
    assert live_course.title in page  # the page says which course, and what to do instead
    assert reverse("wagtaildocs:add") in page


def test_a_trainer_cannot_delete_their_handout_while_a_live_course_uses_it(client_for):
    document = material(uploaded_by="formateur")
    hand_out(document)
    client = client_for("formateur")
    assert client.get(reverse("wagtaildocs:delete", args=(document.pk,))).status_code == 403
    assert delete(client, document).status_code == 403
    assert stored(document) is not None


def test_the_lock_holds_on_every_path_of_the_admin(client_for):
    """The multiple uploader's edit and delete, and the bulk delete, ask the same policy."""
    document = material(uploaded_by="formateur")
    hand_out(document)
    client = client_for("formateur")
    client.post(
        reverse("wagtaildocs:edit_multiple", args=(document.pk,)),
        {
            f"doc-{document.pk}-title": "Pris",
            f"doc-{document.pk}-collection": document.collection_id,
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    client.post(
        reverse("wagtaildocs:delete_multiple", args=(document.pk,)),
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    client.post(
        reverse("wagtail_bulk_action", args=("wagtaildocs", "document", "delete"))
        + f"?id={document.pk}"
    )
    assert stored(document).title == document.title
    assert not policy().user_has_permission_for_instance(user("formateur"), "change", document)
    assert not policy().user_has_permission_for_instance(user("formateur"), "delete", document)
    assert policy().user_has_permission_for_instance(user("formateur"), "choose", document)


def test_a_trainer_still_finds_their_locked_handout_in_the_documents_listing(client_for):
    document = material(title="Support verrouillé", uploaded_by="formateur")
    hand_out(document)
    response = client_for("formateur").get(reverse("wagtaildocs:index"))
    assert "Support verrouillé" in response.content.decode()


def test_a_new_version_goes_live_through_the_courses_approval_and_frees_the_old_one(client_for):
    old = material(title="Support 2025", uploaded_by="formateur")
    page = hand_out(old)
    client = client_for("formateur")
    new = material(title="Support 2026", uploaded_by="formateur")

    # The trainer swaps the documents in the course and submits it.
    draft = CoursePage.objects.get(pk=page.pk)
    draft.materials = [
        (block.block_type, block.value)
        for block in draft.materials
        if block.block_type != "document" or block.value["document"] != old
    ] + [("document", {"title": new.title, "document": new})]
    draft.save_revision(user=user("formateur"))
    draft.get_workflow().start(draft, user("formateur"))

    # Until a coordinator approves, readers get the old one, and it stays locked.
    assert refused(delete(client, old))
    assert [p.pk for p in course_material.live_pages_using(old)] == [page.pk]

    approve(CoursePage.objects.get(pk=page.pk), "coordination")

    assert course_material.live_pages_using(old).count() == 0
    assert [p.pk for p in course_material.live_pages_using(new)] == [page.pk]
    assert delete(client, old).status_code == 302
    assert stored(old) is None


# The coordinator


@pytest.mark.parametrize("uploaded_by", ["formateur", "coordination", None])
def test_the_coordinator_changes_and_deletes_any_training_material_even_in_a_live_course(
    client_for, uploaded_by
):
    document = material(uploaded_by=uploaded_by)
    hand_out(document)
    client = client_for("coordination")
    response = edit(client, document, title="Support revu", new_file=docx_bytes("Version 2"))
    assert response.status_code == 302
    assert file_text(document) == "Version 2"
    assert delete(client, document).status_code == 302
    assert stored(document) is None
