from django.core.management.base import BaseCommand

from intranet.accounts.audit import log_roles_applied
from intranet.accounts.roles import ROLES, apply_roles


class Command(BaseCommand):
    help = "Create or update the commune's roles (groups) and their permissions."

    def handle(self, *args, **options):
        apply_roles()
        log_roles_applied()
        for role in ROLES:
            self.stdout.write(f"{role.name}: {role.description}")
