from wagtail import hooks

from intranet.core import audit as core_audit

from . import audit, previews


@hooks.register("recover_background_work")
def queue_previews_left_waiting():
    """A restore or a dead worker can leave previews that no task will draw."""
    return previews.queue_waiting()


@hooks.register("register_log_actions")
def register_library_log_actions(actions):
    core_audit.register(actions, audit.ACTIONS)
