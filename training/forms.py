from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from intranet.accounts import roles
from intranet.core.stale_saves import StaleSaveGuard, StaleSaveModelGuard
from intranet.organisation.models import Arrondissement

from .models import CoursePage

TRAINER_ROLES = ("trainer", "training_coordinator")


class TrainingSessionForm(StaleSaveModelGuard, WagtailAdminModelForm):
    """Coordinators schedule sessions for any trainer; a trainer schedules their own.

    A coordinator and the trainer may change the same session at once (a room, a
    time): a save never puts back what the other changed after the form was opened.
    """

    guarded_fields = (
        "course",
        "trainer",
        "arrondissement",
        "room",
        "starts_at",
        "ends_at",
        "capacity",
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        trainer = self.fields["trainer"]
        if for_user is not None and not _may_change_every_session(for_user):
            trainer.queryset = get_user_model().objects.filter(pk=for_user.pk)
            trainer.initial = for_user.pk
            trainer.empty_label = None
        else:
            trainer.queryset = (
                get_user_model()
                .objects.filter(is_active=True)
                .filter(roles.members_filter(*TRAINER_ROLES))
                .distinct()
                .order_by("last_name", "first_name")
            )
        for name, model in (("course", CoursePage), ("arrondissement", Arrondissement)):
            self.fields[name].queryset = model.objects.all()
        trainer.label_from_instance = lambda user: user.get_full_name() or user.get_username()

    # The choosers offer courses and arrondissements in every language; a session
    # belongs to the source-language version, whichever one was picked.
    def clean_course(self):
        return _in_source_language(self.cleaned_data["course"])

    def clean_arrondissement(self):
        return _in_source_language(self.cleaned_data["arrondissement"])

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk:
            enrolled = self.instance.enrolled().count()
            if capacity < enrolled:
                raise forms.ValidationError(
                    _(
                        "%(count)s people are already enrolled: the capacity cannot be lower. "
                        "Ask some of them to cancel first."
                    )
                    % {"count": enrolled}
                )
        return capacity


def _in_source_language(item):
    if item is None:
        return None
    return item.get_translation_or_none(Locale.get_default()) or item


def _may_change_every_session(user):
    # Under the ownership policy, "change" is the right to change every session;
    # "add" alone lets a trainer create sessions and change their own.
    return user.has_perm("training.change_trainingsession")


class AttendanceForm(StaleSaveGuard):
    """One present/absent choice per enrolled person.

    The trainer and a coordinator may both tick the same list: a tick one of them
    changed after the other opened the page is kept, or the save refused when both
    ticked the same person differently.
    """

    CHOICES = (("present", _("Present")), ("absent", _("Absent")))

    def __init__(self, *args, enrolments, **kwargs):
        self.enrolments = list(enrolments)
        super().__init__(*args, **kwargs)
        for enrolment in self.enrolments:
            person = enrolment.person
            initial = {True: "present", False: "absent"}.get(enrolment.attended)
            self.fields[self.field_name(enrolment)] = forms.ChoiceField(
                label=person.get_full_name() or person.get_username(),
                choices=self.CHOICES,
                widget=forms.RadioSelect,
                initial=initial,
                error_messages={"required": _("Say whether this person was present or absent.")},
            )

    def stored_values(self):
        return {
            self.field_name(enrolment): {True: "present", False: "absent"}.get(enrolment.attended)
            for enrolment in self.enrolments
        }

    @staticmethod
    def field_name(enrolment):
        return f"enrolment_{enrolment.pk}"

    def rows(self):
        return [(enrolment, self[self.field_name(enrolment)]) for enrolment in self.enrolments]

    def presence(self):
        return {
            enrolment.pk: self.cleaned_data[self.field_name(enrolment)] == "present"
            for enrolment in self.enrolments
        }
