"""Blocks of a course: its modules, and the material handed to trainees."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from intranet.accounts.roles import TRAINING_COLLECTION

MATERIAL_EXTENSIONS = {".pdf", ".ppt", ".pptx", ".odp", ".doc", ".docx", ".odt"}


class ModuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    content = blocks.RichTextBlock(
        label=_("Content"), features=["bold", "italic", "ol", "ul", "link"]
    )

    class Meta:
        icon = "list-ol"
        label = _("Module")


class TrainingDocumentChooserBlock(DocumentChooserBlock):
    """Slides, PDF or Word handouts kept in the training collection, nowhere else:
    the coordinators look after that collection and its access rights."""

    def clean(self, value):
        value = super().clean(value)
        if value is None:
            return value
        if value.collection.name != TRAINING_COLLECTION:
            raise ValidationError(
                _("Choose a document from the “%(collection)s” collection.")
                % {"collection": TRAINING_COLLECTION}
            )
        if PurePosixPath(value.file.name).suffix.lower() not in MATERIAL_EXTENSIONS:
            raise ValidationError(_("Training material must be slides, a PDF or a Word document."))
        return value


class DocumentMaterialBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    document = TrainingDocumentChooserBlock(label=_("Document"))

    class Meta:
        icon = "doc-full"
        label = _("Document")


class VideoLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address of the video"))

    class Meta:
        icon = "media"
        label = _("Video link")

    def clean(self, value):
        value = super().clean(value)
        if not value["url"].lower().startswith(("https://", "http://")):
            raise blocks.StructBlockValidationError(
                {"url": ValidationError(_("Enter a web address starting with https://."))}
            )
        return value
