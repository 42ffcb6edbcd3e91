"""Admin actions on review flags."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from intranet.accounts.roles import has_role

from .importing import import_manual
from .models import ProcedureIndexPage, ReviewFlag


def _in_role(user, key):
    return user.is_superuser or has_role(user, key)


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


class ImportManualForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Manual in Word (.docx)"),
        help_text=gettext_lazy(
            "Heading 1 for each category, Heading 2 “CODE — Title” for "
            "each procedure, Heading 3 for its sections."
        ),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the file"), choices=settings.LANGUAGES
    )
    apply = forms.BooleanField(
        label=gettext_lazy("Create the drafts now (otherwise only check the file)"), required=False
    )


def may_import(user):
    """Those who may add procedures to the manual may import them."""
    manual = ProcedureIndexPage.objects.first()
    return manual is not None and manual.permissions_for_user(user).can_add_subpage()


class ImportManualView(WagtailAdminTemplateMixin, FormView):
    page_title = gettext_lazy("Import a manual")
    header_icon = "upload"
    template_name = "procedures_manual/admin/import_manual.html"
    form_class = ImportManualForm

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        report = import_manual(
            form.cleaned_data["file"],
            form.cleaned_data["language"],
            self.request.user,
            dry_run=not form.cleaned_data["apply"],
        )
        if report.applied:
            messages.success(
                self.request,
                _(
                    "%(created)s draft procedure(s) created and "
                    "%(updated)s updated; submit them for approval."
                )
                % {"created": len(report.created), "updated": len(report.updated)},
            )
        return self.render_to_response(self.get_context_data(form=self.form_class(), report=report))
