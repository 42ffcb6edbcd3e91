from django import forms
from django.utils.translation import gettext_lazy as _

from .blocks import Status


class ProgressForm(forms.Form):
    """Status, measured value and spending of every action, on one screen."""

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        for action in plan.actions:
            self.fields[f"{action.id}-status"] = forms.ChoiceField(
                label=_("Status"), choices=Status.choices, initial=action.status
            )
            self.fields[f"{action.id}-measured"] = forms.DecimalField(
                label=_("Measured value"),
                required=False,
                min_value=0,
                max_digits=12,
                decimal_places=2,
                initial=action.measured,
            )
            self.fields[f"{action.id}-spent"] = forms.DecimalField(
                label=_("Spent so far (MAD)"),
                required=False,
                min_value=0,
                max_digits=12,
                decimal_places=2,
                initial=action.spent,
            )
            for name in _NAMES:
                field = self.fields[f"{action.id}-{name}"]
                field.widget.attrs["aria-label"] = f"{field.label}: {action.title}"

    def rows(self):
        """``[(objective, [(measure, [(action, status, measured, spent)])])]`` for the template."""
        return [
            (
                objective,
                [
                    (
                        measure,
                        [
                            (action, *(self[f"{action.id}-{name}"] for name in _NAMES))
                            for action in measure.actions
                        ],
                    )
                    for measure in objective.measures
                ],
            )
            for objective in self.plan.objectives
        ]

    def changes(self):
        return {
            action.id: {name: self.cleaned_data[f"{action.id}-{name}"] for name in _NAMES}
            for action in self.plan.actions
        }


_NAMES = ("status", "measured", "spent")
