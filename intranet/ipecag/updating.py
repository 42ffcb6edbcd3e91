"""Recording progress on a plan's actions without opening the whole plan in the editor.

The update is a new revision of the French plan (the one whose figures count),
so that it has an author, a date and a place in the page's history, and can be
compared with or reverted to like any other edit.
"""

from dataclasses import dataclass

from . import progress

PROGRESS_FIELDS = ("status", "measured", "spent")


class PlanLocked(Exception):
    pass


@dataclass
class UpdateResult:
    changed: int
    published: bool


def editable_plan(page):
    """The latest version (draft included) of the plan whose figures count."""
    source = progress.figures_page(page)
    return source, source.get_latest_revision_as_object()


def update_progress(page, changes, user):
    """Apply ``{action id: {"status": ..., "measured": ..., "spent": ...}}`` to the plan.

    Publishes the new revision when the user may publish and the plan had no
    other unpublished change; otherwise the update waits as a draft, so that
    nobody publishes someone else's unfinished edit by recording a status.
    """
    source, latest = editable_plan(page)
    lock = source.get_lock()
    if lock and lock.for_user(user):
        raise PlanLocked(lock.get_message(user))
    values = progress.action_values(latest)
    changed = 0
    for action_id, fields in changes.items():
        action = values.get(action_id)
        if action is None:
            continue
        for name in PROGRESS_FIELDS:
            if name in fields and action[name] != fields[name]:
                action[name] = fields[name]
                changed += 1
    if not changed:
        return UpdateResult(0, False)
    had_draft = source.has_unpublished_changes
    revision = latest.save_revision(user=user, log_action=True)
    may_publish = source.permissions_for_user(user).can_publish()
    if may_publish and not had_draft:
        revision.publish(user=user)
        return UpdateResult(changed, True)
    return UpdateResult(changed, False)
