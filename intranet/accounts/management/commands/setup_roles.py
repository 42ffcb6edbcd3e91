from django.core.management.base import BaseCommand

from intranet.accounts.roles import ROLES, apply_roles


class Command(BaseCommand):
    help = "Create or update the commune's roles (groups) and their permissions."

    def handle(self, *args, **options):
        apply_roles()
        for role in ROLES:
            self.stdout.write(f"{role.name}: {role.description}")
