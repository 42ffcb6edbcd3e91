from django import forms
from django.utils.translation import gettext_lazy as _

from .blocks import Status


class ProgressForm(forms.Form):
    """Status, measured value and spending of every action, on one screen.

    ``seen_revision`` carries the revision the form was built from, so that the
    save applies what the user changed rather than every value the form holds,
    some of which someone else may have changed since (see ``updating``).
    """

    seen_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, plan, revision_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["seen_revision"].initial = revision_id
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

    @classmethod
    def data_for(cls, values, revision_id):
        """The data of a form showing ``values`` (``{action id: {field: value}}``) as typed,
        built from revision ``revision_id``: a refused update, shown again."""
        data = {
            f"{action_id}-{name}": "" if value is None else str(value)
            for action_id, fields in values.items()
            for name, value in fields.items()
        }
        data["seen_revision"] = str(revision_id)
        return data

    def changes(self):
        return {
            action.id: {name: self.cleaned_data[f"{action.id}-{name}"] for name in _NAMES}
            for action in self.plan.actions
        }


_NAMES = ("status", "measured", "spent")
