"""The stable keys by which code finds the groups and workflow steps it set up.

An administrator may rename a group, a workflow or one of its tasks in the admin
(to fit the commune's words, or to correct a typo): the code that grants a role
its permissions, or that asks whether the legal advisor approved a change, must
not depend on those names. Each row here ties a key, chosen once and never shown,
to the object it names.

Django also sends this app's post_migrate signal only for apps with a models
module: the roles are granted their permissions from there (``apps.py``).
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class RoleGroup(models.Model):
    """The group that holds a role of ``roles.ROLES``, found by the role's key."""

    key = models.SlugField(_("role key"), max_length=50, unique=True)
    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="role", verbose_name=_("group")
    )

    class Meta:
        verbose_name = _("role group")
        verbose_name_plural = _("role groups")

    def __str__(self):
        return self.key


class KeyedWorkflow(models.Model):
    """A workflow that code sets up (an approval circuit), found by its key."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        on_delete=models.CASCADE,
        related_name="stable_key",
        verbose_name=_("workflow"),
    )

    class Meta:
        verbose_name = _("keyed workflow")
        verbose_name_plural = _("keyed workflows")

    def __str__(self):
        return self.key


class KeyedTask(models.Model):
    """A workflow task that code sets up and asks about, found by its key."""

    key = models.SlugField(_("key"), max_length=50, unique=True)
    task = models.OneToOneField(
        "wagtailcore.Task",
        on_delete=models.CASCADE,
        related_name="stable_key",
        verbose_name=_("task"),
    )

    class Meta:
        verbose_name = _("keyed task")
        verbose_name_plural = _("keyed tasks")

    def __str__(self):
        return self.key
