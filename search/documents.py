"""Make the text inside uploaded documents searchable, in the background."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django_tasks import task
from wagtail.documents import get_document_model

from . import indexing
from .extraction import ExtractionFailed, extract, readable_text
from .models import DocumentText


def read(document):
    """Extract (again, if the file changed) and store the text of one document."""
    record, _created = DocumentText.objects.get_or_create(document=document)
    if record.status != DocumentText.Status.PENDING and record.file_hash == document.file_hash:
        return record
    # Reasons are stored in the commune's default language, whoever triggered the reading.
    with translation.override(settings.LANGUAGE_CODE):
        try:
            with document.open_file() as stream:
                record.text, record.reason = extract(document.filename, stream), ""
            record.status = DocumentText.Status.EXTRACTED
        except (ExtractionFailed, OSError) as failure:  # OSError: the file is missing from storage
            record.text, record.reason = "", readable_text(str(failure))[:300]
            record.status = DocumentText.Status.FAILED
        record.file_hash = document.file_hash or ""
        record.extracted_at = timezone.now()
        record.save()
        indexing.index_document(document, record)
    return record


@task()
def read_document(document_id):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None:
        read(document)


def queue(document):
    """Called on upload: the upload returns at once, a worker reads the file."""
    DocumentText.objects.update_or_create(
        document=document, defaults={"status": DocumentText.Status.PENDING}
    )
    document_id = document.pk
    transaction.on_commit(lambda: read_document.enqueue(document_id))


def read_pending():
    """Read every document never read, or waiting; returns ``(read, failed)`` counts."""
    documents = get_document_model().objects.exclude(
        extracted_text__status__in=[DocumentText.Status.EXTRACTED, DocumentText.Status.FAILED]
    )
    read_count = failed = 0
    for document in documents.iterator():
        record = read(document)
        read_count += record.status == DocumentText.Status.EXTRACTED
        failed += record.status == DocumentText.Status.FAILED
    return read_count, failed
