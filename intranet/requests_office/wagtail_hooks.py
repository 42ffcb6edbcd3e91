from wagtail import hooks

from intranet.core import audit as core_audit
from intranet.core.views import MEDIA_FOLDERS

from . import audit


@hooks.register("register_log_actions")
def register_requests_log_actions(actions):
    core_audit.register(actions, audit.ACTIONS)


@hooks.register(MEDIA_FOLDERS)
def attachments_are_never_media():
    """A citizen's files are served only through the request they belong to, to its
    readers (``views.attachment``): never as media, to anyone signed in."""
    return {"requests": lambda path: None}
