"""Real small files, documents and their versions, and uploads through the admin, as the
divisions' editors make them.

Documents are the test's own, stored in a division's collection the way the demo
loader and the importers store them; a division of the test's own gets its
collection as a published division does.
"""

import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument
from wagtail.documents import get_document_model

from intranet.core.printing import html_to_pdf
from intranet.library.models import DivisionCollection
from tests.organisation import factories as organisation

DGS = "direction-generale-des-services"
URBANISM = "division-urbanisme"


def pdf_bytes(text):
    return html_to_pdf(f"<html><body><h1>{text}</h1><p>{text}</p></body></html>")


def docx_bytes(text):
    document = WordDocument()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def png_bytes(width=800, height=600):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#0b5d3b").save(buffer, format="PNG")
    return buffer.getvalue()


def division_collection(slug):
    return DivisionCollection.objects.get(division__slug=slug, division__locale__language_code="fr")


def uploader(first_name="Nadia", last_name="Essaidi"):
    """A member of staff of the test's own, who uploads files."""
    return get_user_model().objects.get_or_create(
        username=f"{first_name}.{last_name}".lower(),
        defaults={"first_name": first_name, "last_name": last_name},
    )[0]


def own_division(django_capture_on_commit_callbacks, slug="division-des-essais", **fields):
    """A published division of the test's own, and its collection (``division_collection``)."""
    with django_capture_on_commit_callbacks(execute=True):
        return organisation.division(slug=slug, **fields)


def make_document(title, filename, content, division=DGS, uploaded_by=None, comment=""):
    """A document stored the way the demo and the importers store one: its first version."""
    documents = get_document_model().objects
    document = documents.create(title=title, collection=division_collection(division).collection)
    _store(document, filename, content, uploaded_by, comment)
    return document


def add_version(document, filename, content, uploaded_by=None, comment=""):
    """A new file for ``document``, as the admin's edit form and the loader save it."""
    document.file.storage.delete(document.file.name)
    _store(document, filename, content, uploaded_by, comment)
    return document


def _store(document, filename, content, uploaded_by, comment):
    document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document._library_uploaded_by = uploaded_by  # read by the signal that keeps the version
    document._library_comment = comment
    document.save()


def admin_add(client, title, filename, content, division=DGS, **extra):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "collection": division_collection(division).collection_id,
            "file": SimpleUploadedFile(filename, content),
            **extra,
        },
    )


def admin_replace(client, document, filename, content, comment=""):
    return client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": document.title,
            "collection": document.collection_id,
            "file": SimpleUploadedFile(filename, content),
            "version_comment": comment,
        },
    )
