from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from procedures_manual.importing import import_manual


class Command(BaseCommand):
    help = (
        "Import a manual of procedures from a DOCX file as draft procedures "
        "(never published: each goes through the approval circuit)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Only show what would change.")
        parser.add_argument("--language", default="fr", choices=["fr", "ar"])
        parser.add_argument("--user", help="Username recorded as the author of the drafts.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user called {options['user']}.")
        with path.open("rb") as uploaded:
            report = import_manual(uploaded, options["language"], user, dry_run=options["dry_run"])
        for line in report.created:
            self.stdout.write(f"  + {line}")
        for line in report.updated:
            self.stdout.write(f"  ~ {line}")
        if report.problems:
            for problem in report.problems:
                self.stderr.write(f"  ! {problem}")
            raise CommandError(f"{len(report.problems)} problem(s) found: nothing was imported.")
        verb = "Would create" if options["dry_run"] else "Created"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {len(report.created)} and "
                f"{'would update' if options['dry_run'] else 'updated'} {len(report.updated)} "
                "draft procedure(s)."
            )
        )
