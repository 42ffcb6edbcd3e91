from django.core.management.base import BaseCommand

from intranet.library import divisions, previews


class Command(BaseCommand):
    help = (
        "Give every division of the organisation chart its document collection and editors' "
        "group, keep a first version of every document, and draw the missing previews."
    )

    def handle(self, *args, **options):
        links = divisions.setup_library()
        kept = divisions.keep_every_file()
        drawn = previews.build_missing()
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(links)} division collections; {kept} documents given a first version; "
                f"{drawn} previews drawn."
            )
        )
