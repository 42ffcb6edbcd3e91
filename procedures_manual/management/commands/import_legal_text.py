from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from procedures_manual.legal_import import LegalImportRefused, import_legal_text
from procedures_manual.models import LegalTextPage


class Command(BaseCommand):
    help = "Import a legal text from a PDF as a draft, split into articles."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--kind", required=True, choices=LegalTextPage.Kind.values)
        parser.add_argument("--number", required=True, help="For example 37-99.")
        parser.add_argument("--title", required=True)
        parser.add_argument("--language", default="fr", choices=["fr", "ar"])
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        try:
            with path.open("rb") as uploaded:
                page, draft = import_legal_text(
                    uploaded,
                    kind=options["kind"],
                    number=options["number"],
                    title=options["title"],
                    language=options["language"],
                    dry_run=options["dry_run"],
                )
        except LegalImportRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        for number, text in draft.articles:
            self.stdout.write(f"  Article {number}: {text[:70]}")
        done = "Would import" if page is None else "Imported as a draft:"
        self.stdout.write(self.style.SUCCESS(f"{done} {len(draft.articles)} article(s)."))
