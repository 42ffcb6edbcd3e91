from wagtail import hooks

from intranet.core import audit as core_audit
from intranet.core.views import MEDIA_FOLDERS

from . import audit, previews, versions


@hooks.register("recover_background_work")
def queue_previews_left_waiting():
    """A restore or a dead worker can leave previews that no task will draw."""
    return previews.queue_waiting()


@hooks.register("register_log_actions")
def register_library_log_actions(actions):
    core_audit.register(actions, audit.ACTIONS)


@hooks.register(MEDIA_FOLDERS)
def version_and_preview_folders():
    """Each file a document has had, and the picture of its first page, are its collection's."""
    return {
        "document_versions": versions.collection_of_file,
        "document_previews": versions.collection_of_file,
    }
