from django.core.management.base import BaseCommand, CommandError

from intranet.core.commune_data import CommuneDataInvalid, load_folder


class Command(BaseCommand):
    help = (
        "Check a commune's folder of YAML files and load it: everything or nothing. "
        "Loading the same folder again updates what changed and nothing else."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="folder holding commune.yaml, organisation.yaml, …")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check and go through the whole load, then undo it",
        )

    def handle(self, folder, dry_run=False, **options):
        try:
            loading = load_folder(folder, dry_run=dry_run)
        except CommuneDataInvalid as refusal:
            for problem in refusal.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(refusal.problems)} problem(s) in {folder}: nothing was loaded."
            ) from None
        if options["verbosity"] > 0:
            self.report(loading, dry_run)

    def report(self, loading, dry_run):
        totals = {}
        for (what, outcome), count in sorted(loading.counts.items(), key=lambda item: str(item[0])):
            totals.setdefault(str(what), {})[outcome] = count
        for what, outcomes in totals.items():
            figures = ", ".join(f"{count} {outcome}" for outcome, count in outcomes.items())
            self.stdout.write(f"  {what}: {figures}")
        if dry_run:
            self.stdout.write(self.style.WARNING("Dry run: the folder is valid; nothing was kept."))
        else:
            self.stdout.write(self.style.SUCCESS("Commune loaded."))
