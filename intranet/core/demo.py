"""The demonstration commune shipped with the product, and who may sign in to it.

It is a commune's folder like any other (``communes/beni-mellal``); what makes
it a demonstration is only its ``demo_password``, given to the accounts the
load creates. ``settings.DEMO_COMMUNE`` names another folder to demonstrate.
"""

from pathlib import Path

from django.conf import settings

from .commune_data import yaml_files


def demo_folder():
    return Path(settings.DEMO_COMMUNE)


def _accounts_file(folder):
    path = Path(folder) / "accounts.yaml"
    return yaml_files.read(path.read_text(encoding="utf-8")) if path.is_file() else {}


def demo_password(folder=None):
    """The password the folder gives its accounts, or None for a real commune's folder."""
    return _accounts_file(folder or demo_folder()).get("demo_password")


def demo_accounts(folder=None):
    """``[(username, [role keys])]`` of the folder's accounts."""
    accounts = _accounts_file(folder or demo_folder()).get("accounts", [])
    return [(account["username"], account.get("roles", [])) for account in accounts]
