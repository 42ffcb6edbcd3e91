from wagtail import hooks

from . import previews


@hooks.register("recover_background_work")
def queue_previews_left_waiting():
    """A restore or a dead worker can leave previews that no task will draw."""
    return previews.queue_waiting()
