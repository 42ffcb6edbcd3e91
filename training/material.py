"""Course material: who may change or delete a document once a live course hands it out.

The roles (``intranet/accounts/roles.py``) give trainers Wagtail's "add"
permission on the training collection: they upload documents there and change
or delete the ones they uploaded, never a colleague's. Coordinators hold
"change" and "delete": they manage all the material.

Ownership alone would still let a trainer replace the file of a handout that a
live course gives to readers, and the new file would reach them without the
coordinator's approval that the course itself needs. Hence one more rule: whoever
may change a document only because they uploaded it may neither change nor
delete it while a live page uses it. They upload the new version as a new
document and choose it in the course; that change goes through the course's
approval workflow, and once it is live the old document is free again.

The forms a live procedure hands out are locked harder: for everyone but
administrators, the procedures cell included, since a new form must reach
readers through the procedure's approval by the legal advisor.

``CourseMaterialPermissionPolicy`` applies the rules wherever Wagtail asks about a
document (edit and delete views, multiple upload, bulk actions); the admin views
in ``admin_views.py`` call ``locking_pages`` first, to explain the refusal and
what to do instead (``why_locked`` in a sentence, where a page cannot).
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import ngettext, pgettext
from wagtail.documents import get_document_model_string
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from intranet.accounts.roles import is_administrator

CHANGING = frozenset({"change", "delete"})


def live_pages_using(document):
    """The live pages whose published content refers to ``document``.

    Wagtail's reference index follows a page's database row, which holds its
    published content once it is live: a draft waiting for approval that picks
    a document does not count, the live version that hands it out does.
    """
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().filter(pk__in=[int(pk) for pk in page_ids]).order_by("title")


class CourseMaterialPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for documents, plus the rule above for change and delete."""

    def may_manage_all(self, user, document):
        """True for those whose grant covers every document of its collection (coordinators)."""
        return self._check_perm(user, ["change"], collection=document.collection)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not super().user_has_any_permission_for_instance(user, actions, instance):
            return False
        if not CHANGING & set(actions):
            return True
        others = set(actions) - CHANGING
        if others and super().user_has_any_permission_for_instance(user, others, instance):
            return True
        return not locking_pages(user, instance)


permission_policy = CourseMaterialPermissionPolicy(
    get_document_model_string(),
    auth_model="wagtaildocs.Document",
    owner_field_name="uploaded_by_user",
)


def locking_pages(user, document):
    """The live pages that keep ``user`` from changing or deleting a document.

    A page type that declares ``locks_its_documents`` (a procedure: its forms
    reach readers only through the legal advisor's approval) locks the
    documents its live version hands out for everyone but administrators,
    whatever their rights on the collection. Otherwise the lock holds for the
    uploader only: empty when the user did not upload it (Wagtail's permissions
    alone decide then), or when their grant covers the whole collection (a
    coordinator approves their own changes).
    """
    if not user.is_authenticated:
        return []
    pages = list(live_pages_using(document))
    locked_for_all = [
        page for page in pages if getattr(page.specific_class, "locks_its_documents", False)
    ]
    if locked_for_all and not is_administrator(user):
        return locked_for_all
    if document.uploaded_by_user_id != user.pk or permission_policy.may_manage_all(user, document):
        return []
    return pages


def why_locked(document, pages):
    """One sentence for a refusal shown where a whole page cannot be (bulk and upload views)."""
    # Quoted the reader's way, each title isolated (FSI … PDI): an Arabic title
    # inside a French sentence keeps its order.
    titles = ", ".join(
        pgettext("a title quoted in a sentence", "“%(title)s”")
        % {"title": f"\u2068{page.title}\u2069"}
        for page in pages
    )
    if any(getattr(page.specific_class, "locks_its_documents", False) for page in pages):
        message = ngettext(
            "“%(document)s” is handed out by the published procedure %(pages)s: upload the new "
            "version as a new document and choose it in the procedure, which reaches readers "
            "once the legal advisor approves it.",
            "“%(document)s” is handed out by the published procedures %(pages)s: upload the new "
            "version as a new document and choose it in each procedure, which reaches readers "
            "once the legal advisor approves it.",
            len(pages),
        )
    else:
        message = ngettext(
            "“%(document)s” is handed out by the published page %(pages)s: upload the new "
            "version as a new document and choose it in the page, which reaches readers once "
            "a training coordinator approves it.",
            "“%(document)s” is handed out by the published pages %(pages)s: upload the new "
            "version as a new document and choose it in each page, which reaches readers once "
            "a training coordinator approves it.",
            len(pages),
        )
    return message % {"document": document.title, "pages": titles}
