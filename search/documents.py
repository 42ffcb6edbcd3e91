"""Make the text inside uploaded documents searchable, in the background."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.documents import get_document_model

from intranet.core.extraction import (
    ExtractionFailed,
    TooSlowToRead,
    extract_within_limits,
    readable_text,
)

from . import indexing
from .models import DocumentText

FINISHED = (
    DocumentText.Status.EXTRACTED,
    DocumentText.Status.FAILED,
    DocumentText.Status.TOO_SLOW,
)


def read(document, again=False):
    """Extract (again, if the file changed or ``again``) and store the text of one document."""
    record, _created = DocumentText.objects.get_or_create(document=document)
    unchanged = record.file_hash == document.file_hash
    if record.status != DocumentText.Status.PENDING and unchanged and not again:
        return record
    # Reasons are stored in the commune's default language, whoever triggered the reading.
    with translation.override(settings.LANGUAGE_CODE):
        try:
            with document.open_file() as stream:
                record.text = extract_within_limits(document.filename, stream)
            record.reason, record.status = "", DocumentText.Status.EXTRACTED
        except TooSlowToRead as failure:
            reason = _(
                "Reading took longer than %(seconds)s seconds and was stopped; "
                "the file is found by its title."
            ) % {"seconds": f"{failure.seconds:g}"}
            record.text, record.reason = "", str(reason)[:300]
            record.status = DocumentText.Status.TOO_SLOW
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


def queue_waiting():
    """Queue the documents waiting to be read that no task will read; returns how many.

    What a restored database or a worker that died before committing leaves
    behind. A document whose reading task failed (its worker kept dying under
    it) is marked unreadable with the reason, rather than queued for ever.
    """
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    tasks = DBTaskResult.objects.filter(
        task_path=read_document.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.FAILED],
    ).values_list("args_kwargs", "status")
    awaited, given_up = set(), set()
    for args_kwargs, status in tasks:
        document_id = (args_kwargs.get("args") or [None])[0]
        (given_up if status == TaskResultStatus.FAILED else awaited).add(document_id)
    waiting = get_document_model().objects.exclude(extracted_text__status__in=FINISHED)
    queued = 0
    for document_id in waiting.exclude(pk__in=awaited).values_list("pk", flat=True):
        if document_id in given_up:
            with translation.override(settings.LANGUAGE_CODE):
                reason = str(
                    _("Reading stopped its worker several times; run index_documents --again.")
                )
            DocumentText.objects.update_or_create(
                document_id=document_id,
                defaults={"status": DocumentText.Status.FAILED, "reason": reason},
            )
        else:
            read_document.enqueue(document_id)
            queued += 1
    return queued


def read_pending(again=()):
    """Read every document never read or waiting, and those whose status is in ``again``.

    ``again`` serves after a limit was raised: the documents once too slow to
    read are tried under the new one. Returns ``(read, not read)`` counts.
    """
    finished = [status for status in FINISHED if status not in again]
    documents = get_document_model().objects.exclude(extracted_text__status__in=finished)
    read_count = not_read = 0
    for document in documents.iterator():
        record = read(document, again=True)
        read_count += record.status == DocumentText.Status.EXTRACTED
        not_read += record.status != DocumentText.Status.EXTRACTED
    return read_count, not_read
