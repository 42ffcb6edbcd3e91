"""Keep rendered content in the cache for as long as nothing has changed.

A busy desk asks for the same procedures, services and searches all day, and
each costs a dozen queries and a template to build. What the intranet shows
depends only on what is in the database, so it is kept in the cache under a
*content version*: a random token in one row (``ContentVersion``) that every
write to the content replaces, in the same transaction as the write. A reader
first reads the token (one small query per request), then finds what was built
under that token, or builds it. A change therefore reaches every web server
process at its next request, whatever cache each one keeps; a rolled-back
change takes its token back with it.

Writes that are not content (sessions, the search log, the reception register,
sign-in attempts, background task results, Wagtail's reference index, readers'
votes and enrolments, drafts and their histories) leave the token alone, so that
a busy morning of sign-ins, votes, enrolments and editing keeps the cache warm.
A write is "not content" when no kept answer shows it: a reader's own vote and
the places left in a session are read on every visit, outside any kept fragment;
a draft is seen only in the admin, which keeps nothing, and publishing it saves
the page and sends ``page_published``. Writes that bypass model signals
(``QuerySet.update``, the search index's bulk writes) call ``changed()`` themselves.
"""

import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections, router
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE = "content"
TIMEOUT = 60 * 60 * 24
_ROW = 1

# "app_label.ModelName" of the writes that do not change what readers see. Sections add
# their own models with ``not_content()`` from their ``AppConfig.ready``.
NOT_CONTENT = {
    "sessions.Session",
    "axes.AccessAttempt",
    "axes.AccessLog",
    "axes.AccessFailureLog",
    "django_tasks_db.DBTaskResult",
    "wagtailcore.ReferenceIndex",
    "admin.LogEntry",
    # Drafts and what editing writes beside them, all seen in the admin only.
    "wagtailcore.Revision",
    "wagtailcore.PageLogEntry",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.Comment",
    "wagtailcore.CommentReply",
    "wagtailcore.PageSubscription",
    "wagtailadmin.EditingSession",  # the editor's ping, every few seconds
}


def not_content(*labels):
    """Declare models (``"app_label.ModelName"``) whose writes no kept answer shows."""
    NOT_CONTENT.update(labels)


def _model():
    # The token's row belongs to the project, not to this layer: a setting names
    # its model, as AUTH_USER_MODEL names the user's.
    return apps.get_model(settings.CONTENT_VERSION_MODEL)


def current(using=DEFAULT_DB_ALIAS):
    """The token of the content as this transaction sees it."""
    token = _model().objects.using(using).filter(pk=_ROW).values_list("token", flat=True).first()
    return token or "none"


def for_request(request):
    """The token, read once per request."""
    if not hasattr(request, "_content_version"):
        request._content_version = current()
    return request._content_version


_ready = set()  # the databases whose migrations have created the token's table


def _migrated(using):
    if using not in _ready:
        if _model()._meta.db_table not in connections[using].introspection.table_names():
            return False  # a migration writing before this app's own have run
        _ready.add(using)
    return True


def changed(using=DEFAULT_DB_ALIAS):
    """Give the content a new token: everything kept under the old one is forgotten."""
    if not _migrated(using):
        return
    token = uuid.uuid4().hex
    versions = _model().objects.using(using)
    if not versions.filter(pk=_ROW).update(token=token):
        versions.update_or_create(pk=_ROW, defaults={"token": token})


def cached(request, key, build, timeout=TIMEOUT):
    """What ``build()`` returns, kept under ``key`` until the content changes."""
    cache = caches[CACHE]
    full_key = f"{for_request(request)}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value


def _is_content(model):
    # Models of a migration's history ("__fake__") run before this table may exist.
    label = f"{model._meta.app_label}.{model.__name__}"
    return (
        model.__module__ != "__fake__"
        and label not in NOT_CONTENT
        and label.lower() != settings.CONTENT_VERSION_MODEL.lower()
    )


# Saves that touch only these fields change nothing readers see: signing in
# records the time of the last sign-in, and a morning of sign-ins would keep
# every kept page cold; saving a draft (``save_revision``) points the page row at
# its new latest revision and nothing else, the live fields stay as published;
# locking a page for editing changes nothing readers see either.
NOT_CONTENT_FIELDS = frozenset(
    {
        "last_login",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def _saved_or_deleted(sender, raw=False, using=None, update_fields=None, **kwargs):
    if raw or not _is_content(sender):
        return  # rows loaded by a restore carry their own token
    if update_fields and frozenset(update_fields) <= NOT_CONTENT_FIELDS:
        return
    changed(using or router.db_for_write(sender))


def _relations_changed(sender, action, using=None, **kwargs):
    if action.startswith("post_") and _is_content(sender):
        changed(using or DEFAULT_DB_ALIAS)


def _page_changed(sender, instance, **kwargs):
    changed(router.db_for_write(type(instance)))


post_save.connect(_saved_or_deleted, dispatch_uid="intranet-content-saved")
post_delete.connect(_saved_or_deleted, dispatch_uid="intranet-content-deleted")
m2m_changed.connect(_relations_changed, dispatch_uid="intranet-content-relations")
page_published.connect(_page_changed, dispatch_uid="intranet-content-published")
page_unpublished.connect(_page_changed, dispatch_uid="intranet-content-unpublished")
post_page_move.connect(_page_changed, dispatch_uid="intranet-content-moved")
