from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from intranet.operations.archive import write_backup


class Command(BaseCommand):
    help = (
        "Write the database and every media file to one .tar.gz archive, "
        "with a manifest of checksums (restore it with restore_intranet)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive to write (default: intranet-backup-YYYYmmdd-HHMMSS.tar.gz here).",
        )

    def handle(self, *args, output=None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = Path(output or f"intranet-backup-{stamp}.tar.gz")
        manifest = write_backup(path)
        media = sum(1 for name in manifest["members"] if name.startswith("media/"))
        self.stdout.write(f"Database: {manifest['database_vendor']}, Wagtail {manifest['wagtail']}")
        for name, count in manifest["counts"].items():
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write(f"  media files: {media}")
        self.stdout.write(
            self.style.SUCCESS(f"Backup written: {path.resolve()} ({path.stat().st_size} bytes)")
        )
