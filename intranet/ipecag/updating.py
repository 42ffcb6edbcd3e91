"""Recording progress on a plan's actions without opening the whole plan in the editor.

The update is a new revision of the French plan (the one whose figures count),
so that it has an author, a date and a place in the page's history, and can be
compared with or reverted to like any other edit.

Two people may have the form open at once. The form carries the revision it was
built from, and only what the user changed in it is applied, on top of the
latest revision: a value someone else recorded meanwhile is kept, unless the
user changed the same value too, in which case nothing is saved and both values
are shown (``StaleProgress``).
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from . import progress
from .blocks import Status

PROGRESS_FIELDS = ("status", "measured", "spent")
FIELD_LABELS = {
    "status": _("Status"),
    "measured": _("Measured value"),
    "spent": _("Spent so far (MAD)"),
}


class PlanLocked(Exception):
    pass


@dataclass
class UpdateResult:
    changed: int
    published: bool


@dataclass
class Conflict:
    """A value the user changed that someone else changed differently since the form was built."""

    action_id: str
    title: str
    field: str
    theirs: object
    yours: object
    removed: bool = False  # the action itself was taken out of the plan meanwhile

    @property
    def label(self):
        return FIELD_LABELS[self.field]

    @property
    def theirs_display(self):
        return _("(action removed)") if self.removed else _display(self.field, self.theirs)

    @property
    def yours_display(self):
        return _display(self.field, self.yours)


class StaleProgress(Exception):
    """Refusal of an update made from a form built before someone else's change.

    ``revision`` is the latest revision (its author and date are shown), ``plan``
    the plan as it stands, and ``values`` what the form should show again: the
    latest values, with every value the user changed in place of theirs.
    """

    def __init__(self, conflicts, revision, plan, values):
        super().__init__(f"{len(conflicts)} conflicting values")
        self.conflicts = conflicts
        self.revision = revision
        self.plan = plan
        self.values = values


def editable_plan(page):
    """The latest version (draft included) of the plan whose figures count."""
    source = progress.figures_page(page)
    return source, source.get_latest_revision_as_object()


def plan_as_seen(source, revision_id):
    """The plan as it was in ``revision_id``, or None when that is not one of its revisions."""
    if not str(revision_id or "").isdigit():
        return None
    revision = source.revisions.filter(pk=revision_id).first()
    return revision.as_object() if revision else None


def update_progress(page, changes, user, seen_revision=None):
    """Apply ``{action id: {"status": ..., "measured": ..., "spent": ...}}`` to the plan.

    ``seen_revision`` is the id of the revision the form showed; without it the
    changes are read against the latest revision. Raises ``StaleProgress`` when
    a value the user changed was changed differently by someone else since.

    Publishes the new revision when the user may publish and the plan had no
    other unpublished change; otherwise the update waits as a draft, so that
    nobody publishes someone else's unfinished edit by recording a status.
    """
    source = progress.figures_page(page)
    with transaction.atomic():
        # Compare and write under the page's lock (a write lock on SQLite, whose
        # transactions begin immediately): two saves never read the same revision.
        Page.objects.select_for_update().filter(pk=source.pk).first()
        source = Page.objects.get(pk=source.pk).specific
        latest = source.get_latest_revision_as_object()
        lock = source.get_lock()
        if lock and lock.for_user(user):
            raise PlanLocked(lock.get_message(user))
        values = progress.action_values(latest)
        if seen_revision is None or str(seen_revision) == str(source.latest_revision_id):
            seen = values
        else:
            shown = plan_as_seen(source, seen_revision)
            seen = progress.action_values(shown) if shown else None
        edits = _edits(seen, changes)
        conflicts = _conflicts(seen, values, edits)
        if conflicts:
            raise StaleProgress(conflicts, source.latest_revision, latest, _merged(values, edits))
        changed = 0
        for (action_id, name), value in edits.items():
            action = values.get(action_id)
            if action is not None and action[name] != value:
                action[name] = value
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


def _edits(seen, changes):
    """``{(action id, field): value}`` for what the user changed in the form.

    When the revision the form showed is unknown (purged from the history),
    every value sent counts as changed, so that none silently replaces another's.
    """
    edits = {}
    for action_id, fields in changes.items():
        before = seen.get(action_id) if seen is not None else None
        if seen is not None and before is None:
            continue  # not an action of the plan the form showed
        for name in PROGRESS_FIELDS:
            if name in fields and (before is None or before[name] != fields[name]):
                edits[action_id, name] = fields[name]
    return edits


def _conflicts(seen, values, edits):
    conflicts = []
    for (action_id, name), yours in edits.items():
        now = values.get(action_id)
        title = _title(now, seen, action_id)
        if now is None:
            conflicts.append(Conflict(action_id, title, name, None, yours, removed=True))
            continue
        before = seen.get(action_id) if seen is not None else None
        changed_by_them = before is None or before[name] != now[name]
        if changed_by_them and now[name] != yours:
            conflicts.append(Conflict(action_id, title, name, now[name], yours))
    return conflicts


def _title(now, seen, action_id):
    if now is not None:
        return now["title"]
    return seen[action_id]["title"] if seen and action_id in seen else ""


def _merged(values, edits):
    merged = {
        action_id: {name: action[name] for name in PROGRESS_FIELDS}
        for action_id, action in values.items()
    }
    for (action_id, name), value in edits.items():
        if action_id in merged:
            merged[action_id][name] = value
    return merged


def _display(name, value):
    if value is None or value == "":
        return "—"
    if name == "status":
        return Status(value).label if value in Status.values else value
    return f"{value.normalize():f}" if hasattr(value, "normalize") else str(value)
