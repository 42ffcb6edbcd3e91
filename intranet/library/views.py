"""The library's document page and the files of each version, for signed-in readers only.

Reached through ``LibraryPage``'s routes, so that they carry the reader's
language; ``access.can_read`` decides, for the page and the files alike.
"""

import mimetypes

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from intranet.core.access import can_read

from .listing import with_versions
from .models import DivisionCollection, DocumentVersion


def _readable_document(request, document_id):
    document = get_object_or_404(
        with_versions(get_document_model().objects.select_related("collection", "extracted_text")),
        pk=document_id,
    )
    if not can_read(request, document.collection):
        raise PermissionDenied
    return document


def document_detail(request, page, document_id):
    document = _readable_document(request, document_id)
    link = DivisionCollection.objects.filter(collection=document.collection).first()
    return TemplateResponse(
        request,
        "library/document_page.html",
        {
            "page": page,
            "self": page,
            "document": document,
            "versions": document.version_list,
            "current": document.version_list[0] if document.version_list else None,
            "collection_label": link.title_in(page.locale) if link else document.collection.name,
            "collection_link": link,
            "can_edit": policy_registry.get_by_type(
                get_document_model()
            ).user_has_permission_for_instance(request.user, "change", document),
        },
    )


def _version(request, document_id, number):
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document__collection"),
        document_id=document_id,
        number=number,
    )
    if not can_read(request, version.document.collection):
        raise PermissionDenied
    return version


def _file_response(field, filename, content_type, as_attachment):
    try:
        stream = field.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    response = FileResponse(
        stream, as_attachment=as_attachment, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def version_download(request, document_id, number):
    version = _version(request, document_id, number)
    content_type = mimetypes.guess_type(version.filename)[0] or "application/octet-stream"
    return _file_response(version.file, version.filename, content_type, as_attachment=True)


def version_preview(request, document_id, number):
    version = _version(request, document_id, number)
    if not version.has_preview:
        raise Http404
    return _file_response(version.preview, "preview.png", "image/png", as_attachment=False)
