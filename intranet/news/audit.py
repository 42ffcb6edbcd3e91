"""What the audit log records of the news: a personal feed address created, renewed or
revoked, never its secret (see ``intranet.core.audit``)."""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from intranet.core.audit import log_if_someone_acts

ACTIONS = [
    ("intranet.feed_token.create", _("Create feed address"), _("Personal feed address created")),
    ("intranet.feed_token.renew", _("Renew feed address"), _("Personal feed address renewed")),
    ("intranet.feed_token.revoke", _("Revoke feed address"), _("Personal feed address revoked")),
]


def _feed_token_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if update_fields and "key" not in update_fields:  # last_used: not a change of the address
        return
    action = "intranet.feed_token.create" if created else "intranet.feed_token.renew"
    log_if_someone_acts(instance, action)


def _feed_token_deleted(sender, instance, **kwargs):
    log_if_someone_acts(instance, "intranet.feed_token.revoke")


def connect():
    from .models.feed import FeedToken

    uid = "intranet-audit-feed"
    post_save.connect(_feed_token_saved, sender=FeedToken, dispatch_uid=uid)
    post_delete.connect(_feed_token_deleted, sender=FeedToken, dispatch_uid=uid)
