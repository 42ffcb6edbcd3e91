from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _apply_roles_after_migrate(**kwargs):
    from .roles import apply_roles

    apply_roles()


class AccountsConfig(AppConfig):
    """Listed last in INSTALLED_APPS, so that its post_migrate runs once every
    permission it grants has been created."""

    name = "intranet.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        post_migrate.connect(_apply_roles_after_migrate, sender=self)
