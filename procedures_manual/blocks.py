from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    detail = blocks.TextBlock(label=_("Detail"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.TextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Frequent question")


class FormBlock(blocks.StructBlock):
    """A form the citizen fills in, downloadable from the procedure."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    document = DocumentChooserBlock(label=_("File"))

    class Meta:
        icon = "doc-full"
        label = _("Form")
