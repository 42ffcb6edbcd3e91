"""The admin's document form, for every upload path (add, multiple upload, chooser, edit).

Set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE``: Wagtail builds each of its document
forms on it, so the same checks hold wherever a file comes in. The extension
and size limits are Wagtail's own (``WAGTAILDOCS_EXTENSIONS``,
``WAGTAILDOCS_MAX_UPLOAD_SIZE``); this form adds the content check and the
version comment, and keeps a document's first file before Wagtail deletes it.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from intranet.core import uploads

from . import versions


class LibraryDocumentForm(BaseDocumentForm):
    version_comment = forms.CharField(
        label=_("What changed in this version"),
        max_length=300,
        required=False,
        help_text=_("Optional, shown in the version history when you upload a new file."),
    )

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")  # the base form takes it without keeping it
        super().__init__(*args, **kwargs)
        if "file" not in self.fields:  # the multiple uploader's edit form: no file, no version
            del self.fields["version_comment"]

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or "file" not in self.changed_data:
            return uploaded
        if uploads.extension_of(uploaded.name) not in settings.WAGTAILDOCS_EXTENSIONS:
            return uploaded  # Wagtail's own check names the allowed extensions
        uploads.check_content(uploaded)
        return uploaded

    def add_error(self, field, error):
        # When the file was refused, the document model's own extension check
        # then runs on no file at all and adds a confusing "extension “” is not
        # allowed": one reason per refused file is enough.
        if field is None and hasattr(error, "error_dict") and self._errors.get("file"):
            error.error_dict.pop("file", None)
            if not error.error_dict:
                return
        super().add_error(field, error)

    def save(self, commit=True):
        document = self.instance
        if "file" in self.changed_data:
            document._library_uploaded_by = self.user
            document._library_comment = self.cleaned_data.get("version_comment", "")
            if commit and document.pk and self.original_file:
                # Wagtail deletes the replaced file before saving the new one: a
                # document that came before the library gets its first file kept now.
                versions.keep_first_file(document, self.original_file)
        return super().save(commit=commit)
