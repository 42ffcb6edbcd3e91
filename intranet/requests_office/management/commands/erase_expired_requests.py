"""Run daily: erase the personal data of requests closed longer ago than the
retention period (``REQUESTS_RETENTION_DAYS``, law 09-08)."""

from django.core.management.base import BaseCommand

from intranet.requests_office import privacy


class Command(BaseCommand):
    help = "Erase the citizens' personal data of requests past their retention period."

    def handle(self, *args, **options):
        count = privacy.erase_expired()
        self.stdout.write(f"{count} request(s) anonymised.")
