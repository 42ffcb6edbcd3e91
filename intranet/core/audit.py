"""The audit log of the intranet's own changes, in Wagtail's log (Reports › Site history).

Wagtail already logs what is done to pages (create, edit, publish, approve or
reject in a workflow, delete...), documents and images through its admin. The
intranet's own changes are logged by the section that makes them, through
``wagtail.log_actions.log``, under the user that ``AuditLogContextMiddleware``
(``intranet.security``) puts in the log context. Each section keeps its
actions and receivers in its own ``audit.py``: it registers the actions with
Wagtail's ``register_log_actions`` hook and connects the receivers from its
``AppConfig.ready``.

Not logged: changes made by commands and the demo without a user, unless the
section says otherwise (``setup_roles`` does), and rows loaded from a fixture
or a backup, which are history rather than events.
"""

from wagtail.log_actions import get_active_log_context, log


def acting_user():
    """The user the current request or command acts as, or None."""
    return get_active_log_context().user


def log_if_someone_acts(instance, action, **data):
    """Log ``action`` on ``instance`` when a person is acting, with ``data`` if any."""
    if acting_user() is not None:
        log(instance, action, data=data or None)


def register(actions, entries):
    """Register ``(action, label, message)`` entries with Wagtail's log actions."""
    for action, label, message in entries:
        actions.register_action(action, label, message)
