"""Taking a procedure off the manual, with the reason written in its history.

A procedure that disappears from the manual leaves the reception desk without an
answer: whoever unpublishes it (a legal advisor, usually) says why, and the reason
is kept in the page's history, on each translation unpublished with it and on
each procedure unpublished below a manual. The admin's unpublish page and its
bulk action both come here (``page_views``).
"""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import LogContext, LogFormatter, log

from .models import ProcedureIndexPage, ProcedurePage

UNPUBLISH_WITH_REASON = "procedures_manual.unpublish"
REASON_MAX_LENGTH = 500


class UnpublishReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it unpublished?"),
        help_text=_(
            "Kept in the page's history, and in its translations' histories: "
            "for example, the text it rests on was repealed."
        ),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why it is unpublished: the reason is kept.")},
    )


def needs_reason(page):
    """A procedure, or a manual (which takes its procedures with it when unpublished)."""
    return issubclass(page.specific_class or object, (ProcedurePage, ProcedureIndexPage))


class UnpublishedWithReason(LogFormatter):
    label = _("Unpublish, with a reason")
    message = _("Unpublished")

    def format_comment(self, log_entry):
        return log_entry.data.get("reason", "")


@transaction.atomic
def unpublish(pages, user, reason, include_descendants=False, may_unpublish=None):
    """Unpublish the pages (and, if asked, their live descendants that ``may_unpublish``
    allows), recording the reason on each. Returns ``(pages, descendants)`` unpublished."""
    parents = children = 0
    for page in pages:
        parents += _unpublish(page.specific, user, reason)
        if include_descendants:
            for descendant in page.get_descendants().live().specific().iterator():
                if may_unpublish is None or may_unpublish(descendant):
                    children += _unpublish(descendant, user, reason)
    return parents, children


def _unpublish(page, user, reason):
    if not page.live:
        return 0
    UnpublishPageAction(page, user=user, log_action=False).execute(skip_permission_checks=True)
    # A history keeps one entry per (user action, action name) across all pages: under the
    # request's single log context, only the last translation's history would show this one.
    with LogContext(user=user):
        log(instance=page, action=UNPUBLISH_WITH_REASON, user=user, data={"reason": reason})
    return 1
