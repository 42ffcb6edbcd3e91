from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intranet.core.commune_data import export_folder, write_schemas


class Command(BaseCommand):
    help = (
        "Write the live content of the intranet as a commune's folder of YAML files, "
        "which load_commune reads back on another installation."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="an empty or new folder")
        parser.add_argument(
            "--schemas",
            action="store_true",
            help="write the JSON Schemas of the files instead of the content",
        )

    def handle(self, folder, schemas=False, **options):
        target = Path(folder)
        if schemas:
            write_schemas(target)
            self.stdout.write(self.style.SUCCESS(f"Schemas written to {target}."))
            return
        if target.exists() and any(target.iterdir()):
            raise CommandError(f"{target} is not empty: export into a new or empty folder.")
        written = export_folder(target)
        self.stdout.write(self.style.SUCCESS(f"{len(written)} file(s) written to {target}."))
