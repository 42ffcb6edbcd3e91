"""Wagtail's document edit and delete views, explaining why one's own handout is locked.

The permission policy in ``material.py`` already refuses; without these views
the trainer would be sent to the admin's home with "you do not have permission",
not knowing that the document is locked because a live course uses it, nor what
to do instead.
"""

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.documents import get_document_model
from wagtail.documents.views import documents

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
    """Wagtail's own paths for editing and deleting a document, served by the views above."""
    return [
        path("documents/edit/<int:document_id>/", DocumentEditView.as_view()),
        path("documents/delete/<int:document_id>/", DocumentDeleteView.as_view()),
    ]
