"""Wagtail's document views, explaining why a handout in live use is locked.

The permission policy in ``material.py`` already refuses; without these views
the trainer or the procedures cell would be sent to the admin's home with "you
do not have permission", not knowing that the document is locked because a live
course or procedure uses it, nor what to do instead. The edit and delete views
answer with a page, the multiple-upload views (called by script) with the
reason in their JSON, and the bulk actions name the reason beside each document
they leave out.
"""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.documents import get_document_model
from wagtail.documents.views import documents, multiple
from wagtail.documents.views.bulk_actions import add_tags, add_to_collection, delete

from . import material


class MaterialInLiveUseMixin:
    def dispatch(self, request, *args, **kwargs):
        document = get_object_or_404(get_document_model(), pk=kwargs["document_id"])
        pages = material.locking_pages(request.user, document)
        if pages:
            return LockedMaterialView.as_view(document=document, pages=pages)(request)
        return super().dispatch(request, *args, **kwargs)


class DocumentEditView(MaterialInLiveUseMixin, documents.EditView):
    pass


class DocumentDeleteView(MaterialInLiveUseMixin, documents.DeleteView):
    pass


class MaterialInLiveUseJsonMixin:
    """The multiple-upload page edits and deletes by script: the reason goes in the JSON."""

    def dispatch(self, request, *args, **kwargs):
        document = get_object_or_404(get_document_model(), pk=kwargs["doc_id"])
        pages = material.locking_pages(request.user, document)
        if pages:
            return JsonResponse(
                {"success": False, "error_message": material.why_locked(document, pages)},
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)


class MultipleDocumentEditView(MaterialInLiveUseJsonMixin, multiple.EditView):
    pass


class MultipleDocumentDeleteView(MaterialInLiveUseJsonMixin, multiple.DeleteView):
    pass


class MaterialInLiveUseBulkMixin:
    """Beside each document a bulk action leaves out, why (when a live page locks it)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for entry in context["items_with_no_access"]:
            pages = material.locking_pages(self.request.user, entry["item"])
            entry["locked_because"] = material.why_locked(entry["item"], pages) if pages else ""
        return context


class DeleteDocumentsBulkAction(MaterialInLiveUseBulkMixin, delete.DeleteBulkAction):
    pass


class AddDocumentsToCollectionBulkAction(
    MaterialInLiveUseBulkMixin, add_to_collection.AddToCollectionBulkAction
):
    pass


class TagDocumentsBulkAction(MaterialInLiveUseBulkMixin, add_tags.AddTagsBulkAction):
    pass


BULK_ACTIONS = (
    DeleteDocumentsBulkAction,
    AddDocumentsToCollectionBulkAction,
    TagDocumentsBulkAction,
)


class LockedMaterialView(WagtailAdminTemplateMixin, TemplateView):
    """A 403 that names the live pages using the document and says what to do instead."""

    template_name = "training/admin/material_locked.html"
    page_title = _("This document is in use")
    header_icon = "lock"
    document = None
    pages = ()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtaildocs:index"), "label": _("Documents")},
            {"url": "", "label": self.document.title},
        ]

    def get_context_data(self, **kwargs):
        by_procedure = any(
            getattr(page.specific_class, "locks_its_documents", False) for page in self.pages
        )
        return super().get_context_data(
            document=self.document, pages=self.pages, by_procedure=by_procedure, **kwargs
        )

    def render_to_response(self, context, **response_kwargs):
        return super().render_to_response(context, status=403, **response_kwargs)

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)


def document_urls():
    """Wagtail's own paths for changing and deleting a document, served by the views above."""
    return [
        path("documents/edit/<int:document_id>/", DocumentEditView.as_view()),
        path("documents/delete/<int:document_id>/", DocumentDeleteView.as_view()),
        path("documents/multiple/<int:doc_id>/", MultipleDocumentEditView.as_view()),
        path("documents/multiple/<int:doc_id>/delete/", MultipleDocumentDeleteView.as_view()),
    ]
