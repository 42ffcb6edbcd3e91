from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = "Rebuild the intranet's search index from every published page."

    def handle(self, *args, **options):
        count = indexing.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {count} entries."))
