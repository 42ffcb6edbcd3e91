"""The forms of the office and the services; each says what is wrong in the
citizen's and the agent's words, and a refused form keeps what was typed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intranet.core import uploads
from intranet.organisation.models import Arrondissement, ServicePage

from .models import BoxOpening, CitizenRequest

MAX_ATTACHMENTS = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, each checked by the intranet's upload rule."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                _("At most %(count)s files per request.") % {"count": MAX_ATTACHMENTS}
            )
        cleaned, errors = [], []
        for uploaded in files:
            uploaded = super().clean(uploaded, initial)
            try:
                uploads.check_upload(uploaded)
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                cleaned.append(uploaded)
        if errors:
            raise ValidationError(errors)
        return cleaned


def services_in(language):
    return (
        ServicePage.objects.live()
        .filter(locale__language_code=language)
        .order_by("title")
        .only("id", "title")
    )


def arrondissements_in(language):
    return Arrondissement.objects.filter(locale__language_code=language)


class RequestForm(forms.ModelForm):
    """A request as the office, the desk or a letter brings it."""

    attachments = MultipleFileField(
        label=_("Files handed in"),
        required=False,
        help_text=_("A photo, a scan of a letter, a copy of a document: up to 5 files."),
    )

    class Meta:
        model = CitizenRequest
        fields = [
            "opening",
            "kind",
            "channel",
            "national_portal_number",
            "received_on",
            "language",
            "anonymous",
            "citizen_name",
            "national_id",
            "phone",
            "email",
            "postal_address",
            "gender",
            "category",
            "subject",
            "text",
            "service",
            "arrondissement",
            "place",
            "latitude",
            "longitude",
        ]
        widgets = {
            "received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 6}),
            "kind": forms.RadioSelect,
            "gender": forms.RadioSelect,
            "language": forms.RadioSelect,
            "latitude": forms.NumberInput(attrs={"step": "0.000001"}),
            "longitude": forms.NumberInput(attrs={"step": "0.000001"}),
            "opening": forms.HiddenInput,
        }

    def __init__(self, *args, language="fr", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services_in(language)
        self.fields["arrondissement"].queryset = arrondissements_in(language)
        self.fields["service"].required = False
        self.fields["opening"].queryset = BoxOpening.objects.all()
        # No channel is taken for granted: a letter saved as "at the desk" would count as
        # acknowledged. The desk's own form comes with its channel chosen.
        self.fields["channel"].choices = [("", "---------"), *CitizenRequest.Channel.choices]

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise ValidationError(_("A request cannot be received in the future."))
        return received_on

    def clean(self):
        cleaned = super().clean()
        opening = cleaned.get("opening")
        if opening is not None:
            cleaned["channel"], cleaned["received_on"] = opening.source, opening.opened_on
        kind, anonymous = cleaned.get("kind"), cleaned.get("anonymous")
        if anonymous and kind == CitizenRequest.Kind.COMPLAINT:
            self.add_error(
                "anonymous",
                _(
                    "A complaint needs the citizen's identity: only observations and "
                    "suggestions may be anonymous."
                ),
            )
        if not anonymous and not cleaned.get("citizen_name", "").strip():
            self.add_error(
                "citizen_name",
                _(
                    "Write the citizen's name, or tick “anonymous” for an observation "
                    "or a suggestion."
                ),
            )
        if (
            cleaned.get("channel") == CitizenRequest.Channel.NATIONAL_PORTAL
            and not cleaned.get("national_portal_number", "").strip()
        ):
            self.add_error(
                "national_portal_number", _("Copy the case number the national portal gave.")
            )
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None):
            self.add_error(
                "longitude", _("A point on the map needs both its latitude and longitude.")
            )
        if latitude is not None and not -90 <= latitude <= 90:
            self.add_error("latitude", _("A latitude lies between -90 and 90."))
        if longitude is not None and not -180 <= longitude <= 180:
            self.add_error("longitude", _("A longitude lies between -180 and 180."))
        return cleaned

    def _post_clean(self):
        # The model's own checks run once the reference exists (``handling.receive``).
        pass


class AssignForm(forms.Form):
    service = forms.ModelChoiceField(
        label=_("Service that answers"), queryset=ServicePage.objects.none()
    )
    note = forms.CharField(
        label=_("For the service"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, language="fr", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services_in(language)


class CloseForm(forms.Form):
    sent_by = forms.ChoiceField(label=_("Answer sent"), choices=CitizenRequest.SentBy.choices)
    satisfaction = forms.ChoiceField(
        label=_("Was the citizen satisfied?"),
        choices=CitizenRequest.Satisfaction.choices,
        initial=CitizenRequest.Satisfaction.UNKNOWN,
        widget=forms.RadioSelect,
    )


class BoxOpeningForm(forms.ModelForm):
    class Meta:
        model = BoxOpening
        fields = ["source", "opened_on", "slips", "note"]
        widgets = {
            "opened_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "source": forms.RadioSelect,
        }

    def clean_opened_on(self):
        opened_on = self.cleaned_data["opened_on"]
        if opened_on > timezone.localdate():
            raise ValidationError(_("The box cannot be opened in the future."))
        return opened_on

    def clean_slips(self):
        slips = self.cleaned_data["slips"]
        if slips < 1:
            raise ValidationError(_("An opening with no slip needs no record."))
        return slips
