"""What the audit log records of training: enrolment, waiting list, promotion from it,
withdrawal, attendance (see ``intranet.core.audit``)."""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from intranet.core.audit import log_if_someone_acts

ACTIONS = [
    ("intranet.training.enrol", _("Enrol"), _("Enrolled in a training session")),
    ("intranet.training.waitlist", _("Join waiting list"), _("Put on a session's waiting list")),
    ("intranet.training.promote", _("Promote"), _("Given a place from the waiting list")),
    ("intranet.training.withdraw", _("Withdraw"), _("Enrolment cancelled")),
    ("intranet.training.attendance", _("Record attendance"), _("Attendance recorded")),
]


def _enrolment_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:  # a row loaded from a fixture or a backup: history, not an event
        return
    person = instance.person.get_username()
    if created:
        waiting = instance.status == sender.Status.WAITING
        action = "intranet.training.waitlist" if waiting else "intranet.training.enrol"
        log_if_someone_acts(instance, action, person=person)
    elif update_fields and "attended" in update_fields:
        log_if_someone_acts(
            instance, "intranet.training.attendance", person=person, attended=instance.attended
        )
    elif update_fields and "status" in update_fields and instance.status == sender.Status.ENROLLED:
        log_if_someone_acts(instance, "intranet.training.promote", person=person)


def _enrolment_deleted(sender, instance, **kwargs):
    log_if_someone_acts(
        instance, "intranet.training.withdraw", person=instance.person.get_username()
    )


def connect():
    from .models.sessions import Enrolment

    uid = "intranet-audit-enrolment"
    post_save.connect(_enrolment_saved, sender=Enrolment, dispatch_uid=uid)
    post_delete.connect(_enrolment_deleted, sender=Enrolment, dispatch_uid=uid)
