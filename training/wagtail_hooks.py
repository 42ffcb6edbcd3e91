"""Sessions in the admin: coordinators manage all of them, a trainer only their own.

The ownership policy reads ``add`` as "create sessions and change the ones where
I am the trainer" and ``change`` as "change every session"; the views below
apply it to each session, which Wagtail's generic edit view does not do itself.

Course material (documents) follows the same reading, plus the rule of
``material.py``: its policy replaces Wagtail's for documents, and the admin's
document edit and delete paths explain a refusal that rule makes.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.documents import get_document_model
from wagtail.permission_policies import OwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy

from intranet.core import audit as core_audit

from . import admin_views, audit, enrolment, material
from .forms import TrainingSessionForm
from .models import TrainingSession

register_permission_policy(
    TrainingSession, OwnershipPermissionPolicy(TrainingSession, owner_field_name="trainer")
)
# exact_class: wins over the policy wagtail.documents registers in its ready(), whichever
# of the two runs last.
register_permission_policy(get_document_model(), material.permission_policy, exact_class=True)


class SessionIndexView(IndexView):
    def get_base_queryset(self):
        return (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .with_counts()
            .select_related("course", "trainer", "arrondissement")
            .order_by("-starts_at")
        )


class OwnSessionMixin:
    def get_object(self, queryset=None):
        session = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", session
        ):
            raise PermissionDenied
        return session


class SessionCreateView(CreateView):
    def save_instance(self):
        session = super().save_instance()
        enrolment.places_changed(session.pk)
        return session


class SessionEditView(OwnSessionMixin, EditView):
    def save_instance(self):
        session = super().save_instance()
        enrolment.places_changed(session.pk)  # more places: the waiting list moves up
        return session


class SessionDeleteView(OwnSessionMixin, DeleteView):
    pass


class TrainingSessionViewSet(ModelViewSet):
    model = TrainingSession
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldPanel("trainer"),
            FieldRowPanel([FieldPanel("arrondissement"), FieldPanel("room")], heading=_("Place")),
            FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
            FieldPanel("capacity"),
        ],
        base_form_class=TrainingSessionForm,
    )
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    icon = "date"
    menu_label = _("Training sessions")
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        "course",
        Column("starts_at", label=_("Starts at"), sort_key="starts_at"),
        Column("place", label=_("Place")),
        "room",
        "trainer",
        "capacity",
        Column("enrolled_count", label=_("Enrolled")),
        Column("waiting_count", label=_("Waiting")),
    ]
    search_fields = ["course__title", "room"]


@hooks.register("register_admin_viewset")
def register_training_sessions():
    return TrainingSessionViewSet("training_sessions")


# Before wagtail.documents' own paths (order 0), so that these views answer them.
@hooks.register("register_admin_urls", order=-1)
def register_document_views():
    return admin_views.document_urls()


# order=1: registered after Wagtail's own document actions, which these replace.
for bulk_action in admin_views.BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=1)


@hooks.register("register_log_actions")
def register_training_log_actions(actions):
    core_audit.register(actions, audit.ACTIONS)
