"""One collection per division, each kept by its own group of document editors.

``setup_library()`` makes the database match the organisation chart: it is
run by ``load_demo``, by ``manage.py setup_library`` and whenever a division is
published, and may run any number of times. Renaming a division renames its
collection and group; deleting one leaves its documents in place.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission, Locale

from .models import DivisionCollection

LIBRARY_COLLECTION = "Bibliothèque des divisions"
EDITORS_GROUP = "Documents — {division}"
EDITOR_PERMISSIONS = ("add_document", "change_document", "delete_document", "choose_document")


def editors_group_name(division):
    return EDITORS_GROUP.format(division=division.title)[:150]


def library_root():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=LIBRARY_COLLECTION).first() or root.add_child(
        name=LIBRARY_COLLECTION
    )


@transaction.atomic
def setup_library():
    """Create or update every division's collection and editors' group; returns the links."""
    from intranet.organisation.models import DivisionPage

    parent = library_root()
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    editing = list(
        Permission.objects.filter(
            content_type__app_label="wagtaildocs", codename__in=EDITOR_PERMISSIONS
        )
    )
    links = []
    divisions = DivisionPage.objects.filter(locale=Locale.get_default()).order_by("path")
    for division in divisions:
        link = DivisionCollection.objects.filter(division=division).first()
        if link is None:
            link = DivisionCollection.objects.create(
                division=division, collection=parent.add_child(name=division.title)
            )
        elif link.collection.name != division.title:
            link.collection.name = division.title
            link.collection.save(update_fields=["name"])
        link.editors = _editors_group(link, editors_group_name(division))
        link.save(update_fields=["editors"])

        link.editors.permissions.set([admin_access])
        GroupCollectionPermission.objects.filter(group=link.editors).delete()
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(
                group=link.editors, collection=link.collection, permission=permission
            )
            for permission in editing
        )
        links.append(link)
    return links


def _editors_group(link, name):
    if link.editors is None:
        return Group.objects.get_or_create(name=name)[0]
    if link.editors.name != name:
        link.editors.name = name
        link.editors.save(update_fields=["name"])
    return link.editors


def keep_every_file():
    """Give a first version to every document that has none (documents from before the library)."""
    from . import versions

    kept = 0
    for document in get_document_model().objects.filter(versions__isnull=True).iterator():
        kept += versions.record_current_file(document) is not None
    return kept


def division_group(division_slug):
    """The editors' group of a division, by the French division's slug."""
    return DivisionCollection.objects.get(
        division__slug=division_slug, division__locale=Locale.get_default()
    ).editors
