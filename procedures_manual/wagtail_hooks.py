from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from intranet.core.panels import SERVICE_SECTIONS, Panel

from . import admin_views, page_views, review, withdrawal
from .models import ProcedurePage, RevisionSignificance
from .review import ChangeSignificance


@hooks.register("describe_search_results")
def procedures_at_a_glance(hits):
    from . import glance

    glance.describe(hits)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def record_change_significance(request, page):
    """Keep with the new revision whether the author called the change minor or major."""
    if not isinstance(page.specific, ProcedurePage) or page.latest_revision is None:
        return
    significance = request.POST.get("change_significance")
    if significance not in ChangeSignificance.values:
        significance = ChangeSignificance.MAJOR
    RevisionSignificance.objects.update_or_create(
        revision=page.latest_revision, defaults={"significance": significance}
    )


class ProceduresToReviewPanel(Component):
    """On the admin home: what the legal advisor and the cell must look at again."""

    name = "procedures_to_review"
    template_name = "procedures_manual/admin/procedures_to_review_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["legal_flags"] = list(review.procedures_needing_legal_review())
        context["translation_flags"] = list(review.translations_out_of_date())
        context["past_review"] = review.procedures_past_review()
        context["may_resolve"] = admin_views.may_resolve_legal_flags(self.user)
        context["request"] = parent_context["request"]
        context["csrf_token"] = parent_context.get("csrf_token")
        return context

    def render_html(self, parent_context):
        context = self.get_context_data(parent_context)
        if not (context["legal_flags"] or context["translation_flags"] or context["past_review"]):
            return ""
        return super().render_html(parent_context)


@hooks.register("construct_homepage_panels")
def add_procedures_to_review_panel(request, panels):
    if admin_views.may_see_review_flags(request.user):
        panels.append(ProceduresToReviewPanel(request.user))


@hooks.register("register_admin_urls")
def register_procedures_urls():
    return [
        path(
            "procedures/flags/<int:flag_id>/resolve/",
            admin_views.resolve_flag,
            name="procedures_resolve_flag",
        ),
        path(
            "procedures/import/",
            admin_views.ImportManualView.as_view(),
            name="procedures_import_manual",
        ),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import a manual"), reverse("procedures_import_manual"), icon_name="upload", order=250
    )


@hooks.register("register_admin_viewset")
def register_procedure_page_views():
    """Unpublishing asks why; an approval that cannot go live says why (``page_views``)."""
    return [
        page_views.ProcedurePageViewSet("procedure_pages"),
        page_views.ProcedureIndexPageViewSet("procedure_index_pages"),
    ]


# After Wagtail's own (order 0), which this one replaces.
hooks.register("register_bulk_action", page_views.UnpublishWithReasonBulkAction, order=1)


@hooks.register("register_log_actions")
def register_unpublish_with_reason(actions):
    actions.register_action(withdrawal.UNPUBLISH_WITH_REASON)(withdrawal.UnpublishedWithReason)


@hooks.register(SERVICE_SECTIONS, order=10)
def procedures_of_the_service(service):
    """On a service's page, the live procedures it is responsible for."""
    return Panel(
        "procedures_manual/includes/service_procedures.html",
        {"procedures": ProcedurePage.for_service(service)},
    )
