"""Project-wide views that belong to no section."""

import mimetypes
import posixpath

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Q
from django.http import FileResponse, Http404, JsonResponse
from django.views.decorators.cache import never_cache
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from intranet.core.access import can_read


def private_media(request, path):
    """Serve an uploaded file to signed-in users only, and only those its collection lets read it.

    Media are never handed to the web server as public files: the sign-in
    middleware has already turned anonymous requests away before this runs.
    A document's file, each of its library versions and previews, and an
    image with its renditions, belong to a collection: when that collection
    is private (a Wagtail view restriction), only the users it admits get
    the file, here as through /documents/ and the library's pages.
    """
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or not default_storage.exists(path):
        raise Http404
    top = path.split("/", 1)[0]
    if top in GUARDED_FOLDERS:
        collection = _collection_of(top, path)
        if collection is None:
            raise Http404  # a file no document or image owns any more is nobody's to read
        if not can_read(request, collection):
            raise PermissionDenied
    content_type, _encoding = mimetypes.guess_type(path)
    response = FileResponse(
        default_storage.open(path), content_type=content_type or "application/octet-stream"
    )
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


GUARDED_FOLDERS = {
    "documents",  # Wagtail documents
    "document_versions",  # the library's copy of each file a document has had
    "document_previews",  # and the picture of its first page
    "original_images",  # Wagtail images
    "images",  # their renditions
}


def _collection_of(folder, path):
    """The collection of the document or image that owns the file at ``path``, or None."""
    if folder == "documents":
        owner = get_document_model().objects.filter(file=path).first()
        return owner.collection if owner else None
    if folder in ("document_versions", "document_previews"):
        from intranet.library.models import DocumentVersion

        version = (
            DocumentVersion.objects.filter(Q(file=path) | Q(preview=path))
            .select_related("document__collection")
            .first()
        )
        return version.document.collection if version else None
    images = get_image_model()
    if folder == "original_images":
        owner = images.objects.filter(file=path).first()
        return owner.collection if owner else None
    rendition = (
        images.get_rendition_model()
        .objects.filter(file=path)
        .select_related("image__collection")
        .first()
    )
    return rendition.image.collection if rendition else None


@login_not_required
@never_cache
def health(request):
    """For the load balancer and docker-compose: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
