"""Admin actions on review flags."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from intranet.accounts.roles import ROLES_BY_KEY

from .models import ReviewFlag


def _in_role(user, key):
    return user.is_superuser or user.groups.filter(name=ROLES_BY_KEY[key].name).exists()


def may_resolve_legal_flags(user):
    """Only a legal advisor declares a procedure legally reviewed."""
    return _in_role(user, "legal_advisor")


def may_see_review_flags(user):
    return may_resolve_legal_flags(user) or _in_role(user, "procedures_cell")


@require_POST
def resolve_flag(request, flag_id):
    flag = get_object_or_404(
        ReviewFlag.objects.open(), pk=flag_id, kind=ReviewFlag.Kind.LEGAL_REVIEW
    )
    if not may_resolve_legal_flags(request.user):
        raise PermissionDenied
    flag.resolve(request.user)
    messages.success(
        request, _("“%(title)s” is marked as legally reviewed.") % {"title": flag.procedure.title}
    )
    return redirect("wagtailadmin_home")
