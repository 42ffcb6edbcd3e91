"""Run daily: remind the services of the requests they must answer soon, or late."""

from django.core.management.base import BaseCommand

from intranet.requests_office import reminders


class Command(BaseCommand):
    help = "Email the services (and, when long late, their divisions) about requests to answer."

    def handle(self, *args, **options):
        sent = reminders.send_due()
        self.stdout.write(f"{sent} reminder(s) sent.")
