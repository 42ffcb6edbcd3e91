from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .admin_views import UpdateProgressView
from .models import WorkPlanPage


@hooks.register("register_admin_urls")
def register_progress_urls():
    return [
        path(
            "ipecag/plans/<int:page_id>/progress/",
            UpdateProgressView.as_view(),
            name="ipecag_update_progress",
        )
    ]


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def update_progress_button(page, user, view_name=None, next_url=None):
    if page.specific_class is WorkPlanPage and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Update progress"),
            reverse("ipecag_update_progress", args=[page.pk]),
            icon_name="tick-inverse",
            priority=12,
        )
