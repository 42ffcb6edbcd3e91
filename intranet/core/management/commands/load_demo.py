from django.core.management import call_command
from django.core.management.base import BaseCommand

from intranet.core.demo import demo_accounts, demo_folder, demo_password


class Command(BaseCommand):
    help = (
        "Load (or bring up to date) the demonstration commune, Beni Mellal: "
        "load_commune of its folder, then the accounts to sign in with."
    )

    def handle(self, *args, **options):
        folder = demo_folder()
        call_command("load_commune", str(folder), verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Demo commune loaded from {folder.name}."))
        self.stdout.write(f"Demo accounts (password: {demo_password(folder)}):")
        for username, roles in demo_accounts(folder):
            self.stdout.write(f"  {username:<15} {', '.join(roles)}")
