from django import forms
from django.utils.translation import gettext_lazy as _

from intranet.organisation.models import ServicePage
from procedures_manual.models import ProcedurePage

from .models import ReceptionVisit


class VisitForm(forms.Form):
    """What the agent records in one click after answering a visitor."""

    procedure = forms.ModelChoiceField(
        queryset=ProcedurePage.objects.live(), required=False, widget=forms.HiddenInput
    )
    service = forms.ModelChoiceField(
        label=_("Service asked for"), queryset=ServicePage.objects.live(), required=False
    )
    visitor_category = forms.ChoiceField(
        label=_("Visitor"),
        choices=ReceptionVisit.VisitorCategory.choices,
        initial=ReceptionVisit.VisitorCategory.CITIZEN,
    )
    gender = forms.ChoiceField(
        label=_("Gender"),
        choices=ReceptionVisit.Gender.choices,
        widget=forms.RadioSelect,
        initial=ReceptionVisit.Gender.UNSPECIFIED,
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=ReceptionVisit.Outcome.choices,
        widget=forms.RadioSelect,
        initial=ReceptionVisit.Outcome.ANSWERED,
    )
    note = forms.CharField(
        label=_("For the service (printed on the slip)"),
        max_length=200,
        required=False,
        help_text=_("When the visitor is sent to the service: what they need, in a few words."),
    )

    def __init__(self, *args, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        if language:
            self.fields["service"].queryset = (
                ServicePage.objects.live()
                .filter(locale__language_code=language, open_to_public=True)
                .order_by("title")
                .only("id", "title")  # a choice shows the title: no need for the rest
            )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("service") and not cleaned.get("procedure"):
            raise forms.ValidationError(_("Choose the service the visitor asked for."))
        if (
            cleaned.get("outcome") == ReceptionVisit.Outcome.REDIRECTED
            and not cleaned.get("service")
            and not (cleaned.get("procedure") and cleaned["procedure"].service_id)
        ):
            raise forms.ValidationError(_("Choose the service the visitor is sent to."))
        return cleaned
