"""'Was this article helpful?': one vote per reader and article, with an optional comment.

The vote is a plain form posted to the article's ``vote/`` address, so it works
without JavaScript. A second vote by the same reader replaces the first.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import COMMENT_MAX_LENGTH, ArticleFeedback

YES, NO = "yes", "no"


class VoteForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=gettext_lazy("Was this article helpful?"),
        choices=[(YES, gettext_lazy("Yes")), (NO, gettext_lazy("No"))],
        coerce=lambda value: value == YES,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose “Yes” or “No”.")},
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment (optional)"),
        help_text=gettext_lazy(
            "What was missing or unclear? The editors read comments without your name."
        ),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": gettext_lazy(
                "Keep the comment under %(limit_value)d characters (it has %(show_value)d)."
            )
        },
    )

    def __init__(self, *args, instance=None, **kwargs):
        if instance is not None and not args and "data" not in kwargs:
            kwargs["initial"] = {
                "helpful": YES if instance.helpful else NO,
                "comment": instance.comment,
            }
        super().__init__(*args, **kwargs)


def vote_of(article, user):
    """The reader's current vote on the article, or None."""
    if not user.is_authenticated:
        return None
    return ArticleFeedback.objects.filter(article=article, user=user).first()


def record_vote(article, user, helpful, comment=""):
    """Store the reader's vote, replacing any earlier one; returns ``(vote, created)``."""
    return ArticleFeedback.objects.update_or_create(
        article=article, user=user, defaults={"helpful": helpful, "comment": comment}
    )


def receive_vote(article, request):
    """The ``vote/`` route: record a valid vote, or show the article again with the errors."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        raise PermissionDenied
    form = VoteForm(request.POST)
    if not form.is_valid():
        # The reader's comment stays in the form so that nothing typed is lost.
        response = article.render(request, context_overrides={"vote_form": form})
        response.status_code = 400
        return response
    _vote, created = record_vote(
        article, request.user, form.cleaned_data["helpful"], form.cleaned_data["comment"]
    )
    messages.success(
        request,
        _("Thank you, your answer is recorded.") if created else _("Your answer is updated."),
    )
    return redirect(f"{article.url}#feedback")
