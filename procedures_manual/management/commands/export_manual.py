from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from procedures_manual.exporting import EXPORTERS, export_manual


class Command(BaseCommand):
    help = "Write the manual of procedures (published versions only) to a DOCX or PDF file."

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=sorted(EXPORTERS))
        parser.add_argument("--output", required=True, help="File to write.")
        parser.add_argument("--language", default="fr", choices=["fr", "ar"])

    def handle(self, *args, **options):
        output = Path(options["output"])
        if not output.parent.is_dir():
            raise CommandError(f"The folder {output.parent} does not exist.")
        content, _content_type = export_manual(options["format"], options["language"])
        output.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"Manual written to {output} ({len(content)} bytes)."))
