"""The structure of a work plan: objectives, each with its measures, each with its actions.

A StreamField rather than nested inline models: Wagtail's editor nests blocks
(it does not nest inline panels), the whole plan is versioned in each revision,
and every action keeps a stable block id, by which the progress form, the
Arabic translation and the export find it again.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    LATE = "late", _("Behind schedule")
    BLOCKED = "blocked", _("Blocked")


class ActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("action"), max_length=400)
    service = blocks.PageChooserBlock(
        label=_("responsible service"), page_type="organisation.ServicePage", required=False
    )
    partners = blocks.CharBlock(label=_("partners"), max_length=300, required=False)
    deadline = blocks.DateBlock(label=_("deadline"))
    budget = blocks.DecimalBlock(
        label=_("budget (MAD)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
    )
    spent = blocks.DecimalBlock(
        label=_("spent so far (MAD)"), required=False, min_value=0, max_digits=12, decimal_places=2
    )
    status = blocks.ChoiceBlock(label=_("status"), choices=Status.choices, default=Status.PLANNED)
    indicator = blocks.CharBlock(
        label=_("indicator"),
        max_length=300,
        required=False,
        help_text=_("What is counted, with its unit: number of staff trained, signs installed..."),
    )
    target = blocks.DecimalBlock(
        label=_("target"), required=False, min_value=0, max_digits=12, decimal_places=2
    )
    measured = blocks.DecimalBlock(
        label=_("measured value"), required=False, min_value=0, max_digits=12, decimal_places=2
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Action")


class MeasureBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("measure"), max_length=400)
    actions = blocks.ListBlock(ActionBlock(), label=_("actions"), collapsed=True)

    class Meta:
        icon = "list-ul"
        label = _("Measure")


class ObjectiveBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("objective"), max_length=400)
    description = blocks.TextBlock(label=_("why"), required=False)
    measures = blocks.ListBlock(MeasureBlock(), label=_("measures"), collapsed=True)

    class Meta:
        icon = "pick"
        label = _("Objective")
