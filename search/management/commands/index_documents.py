from django.core.management.base import BaseCommand

from search import documents
from search.models import DocumentText


class Command(BaseCommand):
    help = (
        "Read the text of every uploaded document not read yet, and make it searchable; "
        "--again reads once more those that were too slow or unreadable (after raising "
        "DOCUMENT_READING_SECONDS or DOCUMENT_READING_MEMORY_MB)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--again",
            action="store_true",
            help="Also read the documents once too slow to read or unreadable.",
        )

    def handle(self, *args, again=False, **options):
        statuses = (DocumentText.Status.TOO_SLOW, DocumentText.Status.FAILED) if again else ()
        read, not_read = documents.read_pending(again=statuses)
        self.stdout.write(self.style.SUCCESS(f"{read} document(s) read, {not_read} not read."))
