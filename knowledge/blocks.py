"""What an article is made of: text, questions and answers, steps, and documents."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "ul", "link"])

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "knowledge/blocks/question_answer.html"


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200, required=False)
    steps = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("title", blocks.CharBlock(label=_("Step"), max_length=200)),
                ("detail", blocks.TextBlock(label=_("Detail"), required=False)),
            ],
            label=_("Step"),
        ),
        label=_("Steps"),
        min_num=1,
    )

    class Meta:
        icon = "list-ol"
        label = _("Steps")
        template = "knowledge/blocks/steps.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A document to read or hand out: a file of the library, or one issued elsewhere.

    The commune is asked every day for papers it does not deliver (identity card,
    criminal record, passport): ``issued_by`` says who delivers them instead.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    document = DocumentChooserBlock(label=_("File"), required=False)
    issued_by = blocks.CharBlock(
        label=_("Issued by"),
        max_length=200,
        required=False,
        help_text=_("The administration that delivers it, when it is not the commune."),
    )
    note = blocks.TextBlock(label=_("Note"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "knowledge/blocks/document_link.html"


BODY_BLOCKS = [
    (
        "paragraph",
        blocks.RichTextBlock(
            label=_("Paragraph"), features=["h3", "bold", "italic", "ol", "ul", "link"]
        ),
    ),
    ("question", QuestionAnswerBlock()),
    ("steps", StepsBlock()),
    ("document", DocumentLinkBlock()),
]
