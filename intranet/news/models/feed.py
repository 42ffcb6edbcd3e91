"""Personal tokens that let a feed reader fetch the news feed without a session.

A feed reader cannot sign in, so the feed's address carries a secret instead.
The token only opens the feed, of its owner only while the account is active;
regenerating it kills the old address at once.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_key():
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="feed_token",
    )
    key = models.CharField(_("token"), max_length=64, unique=True, default=new_key)
    created = models.DateTimeField(_("created"), default=timezone.now)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("feed token")
        verbose_name_plural = _("feed tokens")

    def __str__(self):
        return str(self.user)

    @classmethod
    def issue(cls, user):
        """A new token for ``user``, replacing (and so revoking) any previous one."""
        token, _created = cls.objects.update_or_create(
            user=user, defaults={"key": new_key(), "created": timezone.now(), "last_used": None}
        )
        return token

    @classmethod
    def owner_of(cls, key):
        """The active user whose token this is, or None (unknown, revoked, account closed)."""
        token = cls.objects.filter(key=key, user__is_active=True).select_related("user").first()
        if token is None:
            return None
        cls.objects.filter(pk=token.pk).update(last_used=timezone.now())
        return token.user
