"""The document library: one Wagtail collection per division, every file a document ever had.

Documents stay Wagtail's own (``wagtaildocs.Document``), so that choosers, the
admin, search and the procedures' forms keep working on them; this app adds
what a library needs around them: which division owns a collection, the
earlier versions of each file, and a picture of each PDF's first page.
"""

import posixpath

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Collection

from intranet.core import file_types
from intranet.core.pages import SectionPage


class DivisionCollection(models.Model):
    """The collection of one division of the organisation chart, and the group that keeps it."""

    division = models.OneToOneField(
        "organisation.DivisionPage",
        verbose_name=_("division"),
        null=True,  # a deleted division leaves its documents where they are
        on_delete=models.SET_NULL,
        related_name="library_collection",
    )
    collection = models.OneToOneField(
        Collection, on_delete=models.CASCADE, related_name="division_library"
    )
    editors = models.OneToOneField(
        Group, null=True, on_delete=models.SET_NULL, related_name="division_library"
    )

    class Meta:
        verbose_name = _("division collection")
        verbose_name_plural = _("division collections")

    def __str__(self):
        return self.collection.name

    def title_in(self, locale):
        """The division's name in the reader's language, or the collection's name."""
        if self.division is None:
            return self.collection.name
        translation = self.division.get_translation_or_none(locale)
        return (translation or self.division).title


def version_path(version, filename):
    return f"document_versions/{version.document_id}/v{version.number}/{filename}"


def preview_path(version, filename):
    return f"document_previews/{version.document_id}/v{version.number}.png"


class DocumentVersion(models.Model):
    """One file a document has had, kept in its own storage path.

    Every file gets a version when it arrives, the current one included, so
    that Wagtail deleting the replaced file (which its edit form does) loses
    nothing: the copy here is the library's and only goes with its document.
    """

    class PreviewStatus(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        NONE = "none", _("No preview")

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_path, max_length=255)
    filename = models.CharField(_("file name"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("size"))
    file_hash = models.CharField(_("SHA-1"), max_length=40)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    preview = models.FileField(upload_to=preview_path, max_length=255, blank=True)
    preview_status = models.CharField(
        _("preview"), max_length=10, choices=PreviewStatus, default=PreviewStatus.PENDING
    )
    preview_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="library_version_number_per_document"
            )
        ]

    def __str__(self):
        return f"{self.document} (v{self.number})"

    @property
    def extension(self):
        return posixpath.splitext(self.filename)[1].lstrip(".").lower()

    @property
    def type_label(self):
        return file_types.label_of(self.extension)

    @property
    def has_preview(self):
        return self.preview_status == self.PreviewStatus.READY and bool(self.preview)


class LibraryPage(RoutablePageMixin, SectionPage):
    """The readers' library: each division's documents, their versions and previews."""

    subpage_types = []

    class Meta:
        verbose_name = _("document library")

    def get_context(self, request, *args, **kwargs):
        from .listing import library_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(library_listing(request, self.locale))
        return context

    @path("document/<int:document_id>/", name="document")
    def document(self, request, document_id):
        from .views import document_detail

        return document_detail(request, self, document_id)

    @path("document/<int:document_id>/version/<int:number>/", name="version")
    def version_file(self, request, document_id, number):
        from .views import version_download

        return version_download(request, document_id, number)

    @path("document/<int:document_id>/version/<int:number>/preview/", name="preview")
    def version_preview(self, request, document_id, number):
        from .views import version_preview

        return version_preview(request, document_id, number)
