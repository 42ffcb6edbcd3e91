"""What the audit log records of the roles: ``setup_roles`` applying the roles table, one
entry per group (see ``intranet.core.audit``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

ACTIONS = [
    ("intranet.roles.apply", _("Apply roles"), _("Role permissions applied")),
]


def log_roles_applied(user=None):
    """One entry per role group, after ``apply_roles()`` (the ``setup_roles`` command)."""
    from django.contrib.auth.models import Group

    # Found by their stable keys: an administrator may have renamed a role's group.
    for group in Group.objects.filter(role__isnull=False):
        log(group, "intranet.roles.apply", user=user)
