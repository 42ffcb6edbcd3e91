"""Keep every file a document has had, as numbered versions in their own storage path."""

import posixpath

from django.core.files.base import File
from django.db import transaction
from django.db.models import Q
from wagtail.utils.file import hash_filelike

from .models import DocumentVersion


def record_current_file(document, uploaded_by=None, comment=""):
    """Keep a copy of the document's current file as its next version, once.

    Called after every save of a document: a save that did not change the
    file (same content) adds nothing. Returns the new version, or None.
    """
    if not document.file:
        return None
    try:
        with document.open_file() as stream:
            file_hash = hash_filelike(stream)
            latest = document.versions.order_by("-number").first()
            if latest is not None and latest.file_hash == file_hash:
                return None
            stream.seek(0)
            return _keep(
                document,
                stream,
                file_hash,
                number=(latest.number if latest else 0) + 1,
                uploaded_by=uploaded_by or document.uploaded_by_user,
                comment=comment,
            )
    except FileNotFoundError:  # a document whose file was lost: nothing to keep
        return None


def keep_first_file(document, original_file):
    """Keep the file a document had before the library existed, before Wagtail deletes it."""
    if document.versions.exists():
        return None
    storage = original_file.storage
    if not storage.exists(original_file.name):
        return None
    with storage.open(original_file.name, "rb") as stream:
        file_hash = hash_filelike(stream)
        stream.seek(0)
        return _keep(
            document,
            stream,
            file_hash,
            number=1,
            uploaded_by=document.uploaded_by_user,
            comment="",
            uploaded_at=document.created_at,
            filename=posixpath.basename(original_file.name),
        )


def _keep(document, stream, file_hash, number, uploaded_by, comment, **extra):
    from . import previews

    filename = extra.pop("filename", None) or document.filename
    version = DocumentVersion(
        document=document,
        number=number,
        filename=filename,
        file_hash=file_hash,
        uploaded_by=uploaded_by,
        comment=comment or "",
        **extra,
    )
    version.file.save(filename, File(stream, name=filename), save=False)
    version.file_size = version.file.size
    version.save()
    previews.queue(version)
    return version


def delete_files(version):
    """Remove a version's file and preview from storage, once the deletion is committed."""
    names = [(field.storage, field.name) for field in (version.file, version.preview) if field]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names])


def history(document):
    """The document's versions, newest first."""
    return document.versions.select_related("uploaded_by").order_by("-number")


def collection_of_file(path):
    """The collection of the document that owns a kept file or its preview, or None."""
    version = (
        DocumentVersion.objects.filter(Q(file=path) | Q(preview=path))
        .select_related("document__collection")
        .first()
    )
    return version.document.collection if version else None
