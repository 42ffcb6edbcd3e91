from django.core.management.base import BaseCommand

from search import documents


class Command(BaseCommand):
    help = "Read the text of every uploaded document not read yet, and make it searchable."

    def handle(self, *args, **options):
        read, failed = documents.read_pending()
        self.stdout.write(self.style.SUCCESS(f"{read} document(s) read, {failed} unreadable."))
