"""Project-wide views that belong to no section."""

import mimetypes
import posixpath

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import connection
from django.http import FileResponse, Http404, JsonResponse
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .access import can_read

# The hook through which a section declares the media folders it keeps files in: its
# function returns ``{folder: function(path) -> the collection owning the file, or None}``.
# A file of a folder nobody declares is served to every signed-in user.
MEDIA_FOLDERS = "intranet_media_folders"


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
    owners = guarded_folders()
    top = path.split("/", 1)[0]
    if top in owners:
        collection = owners[top](path)
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


def guarded_folders():
    """``{folder: function(path) -> the collection owning the file, or None}``: Wagtail's
    documents and images, and the folders the sections declare (``intranet_media_folders``)."""
    owners = {
        "documents": _document_collection,  # Wagtail documents
        "original_images": _image_collection,  # Wagtail images
        "images": _rendition_collection,  # their renditions
    }
    for declare in hooks.get_hooks(MEDIA_FOLDERS):
        owners.update(declare())
    return owners


def _document_collection(path):
    owner = get_document_model().objects.filter(file=path).first()
    return owner.collection if owner else None


def _image_collection(path):
    owner = get_image_model().objects.filter(file=path).first()
    return owner.collection if owner else None


def _rendition_collection(path):
    rendition = (
        get_image_model()
        .get_rendition_model()
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
