from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .models.review import ChangeSignificance


class ProcedureForm(WagtailAdminPageForm):
    """The procedure editor asks, at every save, how significant the change is.

    The answer is kept with the revision (see ``wagtail_hooks``): a major change
    flags the other language's version as out of date once it is published.
    """

    change_significance = forms.ChoiceField(
        label=_("This change is"),
        choices=ChangeSignificance.choices,
        initial=ChangeSignificance.MINOR,
        widget=forms.RadioSelect,
    )
