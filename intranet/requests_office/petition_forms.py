"""The forms of the petitions' screens."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from intranet.news.models import CouncilDecisionPage

from .models import Petition

YES_NO = [("yes", _("yes")), ("no", _("no"))]


class PetitionForm(forms.ModelForm):
    class Meta:
        model = Petition
        fields = [
            "petitioner",
            "association_name",
            "received_on",
            "language",
            "representative_name",
            "representative_national_id",
            "representative_phone",
            "representative_address",
            "subject",
            "text",
        ]
        widgets = {
            "received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 6}),
            "petitioner": forms.RadioSelect,
            "language": forms.RadioSelect,
        }

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise ValidationError(_("A petition cannot be received in the future."))
        return received_on

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("petitioner") == Petition.Petitioner.ASSOCIATION
            and not cleaned.get("association_name", "").strip()
        ):
            self.add_error("association_name", _("Name the association that petitions."))
        return cleaned

    def _post_clean(self):
        pass  # the model's checks run once the reference exists (``petitions.receive``)


class SignatoriesForm(forms.Form):
    lines = forms.CharField(
        label=_("Signatories, one per line"),
        help_text=_(
            "Name ; identity card number ; address in the commune ; on the electoral lists "
            "(oui/non). A column copied from a spreadsheet works too."
        ),
        widget=forms.Textarea(attrs={"rows": 8, "dir": "auto"}),
    )


class CheckForm(forms.Form):
    residents_and_voters = forms.ChoiceField(
        label=_("The signatories live in the commune and are on the electoral lists"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    within_powers = forms.ChoiceField(
        label=_("The point lies within the commune's powers"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    not_already_decided = forms.ChoiceField(
        label=_("The council has not already decided the point"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for the bureau"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class BureauDecisionForm(forms.Form):
    admitted = forms.ChoiceField(
        label=_("The bureau"),
        choices=[("yes", _("admits the petition")), ("no", _("refuses the petition"))],
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(
        label=_("Decided on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    session = forms.CharField(
        label=_("Session whose agenda holds the point (if admitted)"), required=False
    )
    reasons = forms.CharField(
        label=_("Reasons (required for a refusal)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NotifyForm(forms.Form):
    notified_on = forms.DateField(
        label=_("Representative told on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class CouncilDecisionForm(forms.Form):
    decision = forms.ModelChoiceField(
        label=_("Council decision"), queryset=CouncilDecisionPage.objects.none()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = (
            CouncilDecisionPage.objects.live()
            .filter(locale__language_code=(get_language() or "fr")[:2])
            .order_by("-session_date", "-number")
        )
