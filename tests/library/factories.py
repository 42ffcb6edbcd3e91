"""Real small files and uploads through the admin, as the divisions' editors make them."""

import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument
from wagtail.documents import get_document_model

from intranet.core.printing import html_to_pdf
from intranet.library.models import DivisionCollection

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


def make_document(title, filename, content, division=DGS):
    """A document stored the way the demo and the importers store one."""
    documents = get_document_model().objects
    document = documents.create(title=title, collection=division_collection(division).collection)
    document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


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
