"""The audit log of the intranet's own changes, in Wagtail's log (Reports › Site history).

Wagtail already logs what is done to pages (create, edit, publish, approve or
reject in a workflow, delete...), documents and images through its admin. The
intranet's own changes are logged here, through ``wagtail.log_actions.log``,
under the user that ``AuditLogContextMiddleware`` puts in the log context:

- training: enrolment, waiting list, promotion from it, withdrawal, attendance;
- library: every new version of a document's file;
- news: a personal feed address created, renewed or revoked (never its secret);
- roles: ``setup_roles`` applying the roles table (one entry per group).

Not logged: reception visits (the register itself says who recorded each
visit and when, and visits are not edited afterwards), knowledge votes
(opinions, not changes of content) and changes made by commands and the demo
without a user, except ``setup_roles``. IPECAG progress updates are page
revisions, which Wagtail logs itself.
"""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import get_active_log_context, log

ACTIONS = [
    ("intranet.training.enrol", _("Enrol"), _("Enrolled in a training session")),
    ("intranet.training.waitlist", _("Join waiting list"), _("Put on a session's waiting list")),
    ("intranet.training.promote", _("Promote"), _("Given a place from the waiting list")),
    ("intranet.training.withdraw", _("Withdraw"), _("Enrolment cancelled")),
    ("intranet.training.attendance", _("Record attendance"), _("Attendance recorded")),
    ("intranet.library.version", _("Keep a version"), _("New file version kept")),
    ("intranet.feed_token.create", _("Create feed address"), _("Personal feed address created")),
    ("intranet.feed_token.renew", _("Renew feed address"), _("Personal feed address renewed")),
    ("intranet.feed_token.revoke", _("Revoke feed address"), _("Personal feed address revoked")),
    ("intranet.roles.apply", _("Apply roles"), _("Role permissions applied")),
]


def register(actions):
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


def _acting_user():
    return get_active_log_context().user


def _log_if_someone_acts(instance, action, **data):
    if _acting_user() is not None:
        log(instance, action, data=data or None)


def _enrolment_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:  # a row loaded from a fixture or a backup: history, not an event
        return
    person = instance.person.get_username()
    if created:
        waiting = instance.status == sender.Status.WAITING
        action = "intranet.training.waitlist" if waiting else "intranet.training.enrol"
        _log_if_someone_acts(instance, action, person=person)
    elif update_fields and "attended" in update_fields:
        _log_if_someone_acts(
            instance, "intranet.training.attendance", person=person, attended=instance.attended
        )
    elif update_fields and "status" in update_fields and instance.status == sender.Status.ENROLLED:
        _log_if_someone_acts(instance, "intranet.training.promote", person=person)


def _enrolment_deleted(sender, instance, **kwargs):
    _log_if_someone_acts(
        instance, "intranet.training.withdraw", person=instance.person.get_username()
    )


def _version_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        _log_if_someone_acts(
            instance,
            "intranet.library.version",
            document=instance.document_id,
            number=instance.number,
        )


def _feed_token_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if update_fields and "key" not in update_fields:  # last_used: not a change of the address
        return
    action = "intranet.feed_token.create" if created else "intranet.feed_token.renew"
    _log_if_someone_acts(instance, action)


def _feed_token_deleted(sender, instance, **kwargs):
    _log_if_someone_acts(instance, "intranet.feed_token.revoke")


def log_roles_applied(user=None):
    """One entry per role group, after ``apply_roles()`` (the ``setup_roles`` command)."""
    from django.contrib.auth.models import Group

    # Found by their stable keys: an administrator may have renamed a role's group.
    for group in Group.objects.filter(role__isnull=False):
        log(group, "intranet.roles.apply", user=user)


def connect():
    from intranet.library.models import DocumentVersion
    from intranet.news.models.feed import FeedToken
    from training.models.sessions import Enrolment

    uid = "intranet-audit"
    post_save.connect(_enrolment_saved, sender=Enrolment, dispatch_uid=f"{uid}-enrolment")
    post_delete.connect(_enrolment_deleted, sender=Enrolment, dispatch_uid=f"{uid}-enrolment")
    post_save.connect(_version_saved, sender=DocumentVersion, dispatch_uid=f"{uid}-version")
    post_save.connect(_feed_token_saved, sender=FeedToken, dispatch_uid=f"{uid}-feed")
    post_delete.connect(_feed_token_deleted, sender=FeedToken, dispatch_uid=f"{uid}-feed")
