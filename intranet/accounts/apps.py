from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _apply_roles_after_migrate(**kwargs):
    """Grant each role its permissions, once the page tree and collections exist.

    ``flush`` also ends with post_migrate, on a database without even Wagtail's root
    page (only its migrations create one): there is nothing to grant on then.
    """
    from wagtail.models import Collection, Page

    from .roles import apply_roles

    if Page.get_first_root_node() and Collection.get_first_root_node():
        apply_roles()


class AccountsConfig(AppConfig):
    """Listed last in INSTALLED_APPS, so that its post_migrate runs once every
    permission it grants has been created."""

    name = "intranet.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        from . import commune_data  # noqa: F401  (registers the ``accounts`` part)

        post_migrate.connect(_apply_roles_after_migrate, sender=self)
