"""What the home page shows a member of staff: their tasks, the sections' panels (news...)
and recent changes.

The sections contribute their panels through the ``intranet_dashboard_panels``
hook (``intranet.core.panels``): the home page imports none of them.
"""

from wagtail.models import Page, TaskState, WorkflowState

from intranet.core import freshness, panels

RECENT_CHANGES = 8


def recently_updated(home):
    """Live pages of the home page's language, most recently published first."""
    return (
        Page.objects.live()
        .descendant_of(home)
        .filter(last_published_at__isnull=False)
        .order_by("-last_published_at")
        .specific()[:RECENT_CHANGES]
    )


def tasks_to_review(user):
    """Workflow tasks waiting for this user's decision (approve or reject)."""
    return (
        TaskState.objects.reviewable_by(user)
        .select_related("revision", "workflow_state", "task")
        .order_by("-started_at")
    )


def own_requests(user):
    """Changes this user submitted that are still in moderation."""
    return (
        WorkflowState.objects.active()
        .filter(requested_by=user)
        .select_related("current_task_state__task")
        .order_by("-created_at")
    )


def for_user(user, home, request=None):
    """The home page's lists; with a request, the user's tasks are read once per change
    of content (a new task, a decision) rather than on every visit to the home page."""

    def kept(name, build):
        if request is None:
            return build()
        return freshness.cached(request, f"{name}:{user.pk}", build)

    return {
        "dashboard_panels": panels.collect(panels.DASHBOARD_PANELS, home, request),
        "recently_updated": recently_updated(home),
        "tasks_to_review": kept("home-tasks", lambda: list(tasks_to_review(user))),
        "own_requests": kept("home-requests", lambda: list(own_requests(user))),
    }
