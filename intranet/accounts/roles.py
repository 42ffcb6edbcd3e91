"""The commune's roles, declared once and applied to the database idempotently.

A role is a Django group. What it may do is written here, in one table, and
``apply_roles()`` makes the database match it: the migration calls it when the
intranet is installed, ``setup_roles`` and ``load_demo`` call it again once the
sections exist, so that a section created later receives its grants.

Page grants name the *type* of a section page (its model label), not a page:
every page of that type, in every language tree, receives the grant and Wagtail
passes it down to the pages below.

A role's group is found by the role's key (``RoleGroup``), never by its name:
``name`` is only the name the group is created with, and an administrator may
rename it in the admin without taking anyone's permissions away.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _

ADMIN_ACCESS = "wagtailadmin.access_admin"

DOCUMENT_EDITING = ("add_document", "change_document", "choose_document", "delete_document")
IMAGE_EDITING = ("add_image", "change_image", "choose_image", "delete_image")
# Wagtail's "add" on a collection also lets one change and delete what one uploaded there.
OWN_DOCUMENTS = ("add_document", "choose_document")
OWN_IMAGES = ("add_image", "choose_image")
PAGE_EDITING = ("add_page", "change_page", "lock_page", "unlock_page")
PAGE_PUBLISHING = (*PAGE_EDITING, "publish_page")
SEARCH_TUNING = tuple(
    f"{app}.{action}_{model}"
    for app, model in (
        ("search", "synonymset"),
        ("search", "lexiconentry"),
        ("search", "searchfollowup"),
        ("wagtailsearchpromotions", "searchpromotion"),
    )
    for action in ("add", "change", "delete")
)


@dataclass(frozen=True)
class SectionGrant:
    """Page permissions on every section page of a given type."""

    page_model: str
    permissions: tuple[str, ...]


@dataclass(frozen=True)
class CollectionGrant:
    """Document and image permissions on a named collection (created if missing)."""

    collection: str
    permissions: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    description: str
    model_permissions: tuple[str, ...] = ()
    sections: tuple[SectionGrant, ...] = ()
    collections: tuple[CollectionGrant, ...] = ()
    everything: bool = False
    demo_profile: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def admin_access(self):
        return self.everything or ADMIN_ACCESS in self.model_permissions


# Collection names are stable identifiers shown in the admin.
PROCEDURES_COLLECTION = "Procédures administratives"
LEGAL_TEXTS_COLLECTION = "Textes juridiques"
TRAINING_COLLECTION = "Formation"
COMMUNICATION_COLLECTION = "Communication"
IPECAG_COLLECTION = "IPECAG"

ROLES = (
    Role(
        key="staff",
        name="Personnel",
        description=_("Every civil servant: reads the whole intranet, edits nothing."),
    ),
    Role(
        key="reception",
        name="Agent d'accueil",
        description=_("Answers visitors at the reception desk and keeps its register."),
        model_permissions=(
            "reception.add_receptionvisit",
            "reception.view_receptionvisit",
            # A visitor who wants to complain leaves with a receipt, in one step.
            "requests_office.record_citizenrequest",
        ),
    ),
    Role(
        key="requests_office",
        name="Bureau des réclamations",
        description=_(
            "Receives citizens' complaints, observations, suggestions and petitions, "
            "screens them, sends them to the services, approves the answers and "
            "closes them."
        ),
        model_permissions=("requests_office.record_citizenrequest",),
    ),
    Role(
        key="procedures_cell",
        name="Cellule des procédures",
        description=_(
            "Inter-service procedures cell: drafts procedures and uploads their forms; "
            "cannot publish."
        ),
        # The cell knows the words visitors use: it keeps synonyms and pinned results.
        model_permissions=(
            ADMIN_ACCESS,
            *SEARCH_TUNING,
            "reception.view_receptionvisit",
            "knowledge.view_articlefeedback",  # the knowledge base's vote report
        ),
        sections=(
            SectionGrant("procedures_manual.ProcedureIndexPage", PAGE_EDITING),
            SectionGrant("knowledge.KnowledgeIndexPage", PAGE_PUBLISHING),
        ),
        collections=(
            CollectionGrant(PROCEDURES_COLLECTION, DOCUMENT_EDITING),
            CollectionGrant(LEGAL_TEXTS_COLLECTION, ("choose_document",)),
        ),
    ),
    Role(
        key="legal_advisor",
        name="Conseiller juridique",
        description=_("Approves changes to procedures before they go live; keeps the legal texts."),
        model_permissions=(ADMIN_ACCESS,),
        sections=(
            SectionGrant("procedures_manual.LegalTextIndexPage", PAGE_PUBLISHING),
            # Publishing is what the approval does; the page model refuses any
            # revision the legal advisor has not approved in the workflow.
            SectionGrant("procedures_manual.ProcedureIndexPage", ("publish_page",)),
        ),
        collections=(
            CollectionGrant(LEGAL_TEXTS_COLLECTION, DOCUMENT_EDITING),
            CollectionGrant(PROCEDURES_COLLECTION, ("choose_document",)),
        ),
    ),
    Role(
        key="trainer",
        name="Formateur",
        description=_("Prepares training courses and their material."),
        # "add" on sessions, pages, documents and images: create them, and change
        # only one's own (sessions one gives, courses one wrote, files one uploaded);
        # a coordinator approves courses, and a document a live course hands out
        # stays as approved (training/material.py).
        model_permissions=(ADMIN_ACCESS, "training.add_trainingsession"),
        sections=(SectionGrant("training.TrainingIndexPage", ("add_page",)),),
        collections=(CollectionGrant(TRAINING_COLLECTION, OWN_DOCUMENTS + OWN_IMAGES),),
    ),
    Role(
        key="training_coordinator",
        name="Coordinateur de formation",
        description=_(
            "Approves and publishes training courses, schedules every session and "
            "records attendance."
        ),
        model_permissions=(
            ADMIN_ACCESS,
            *(
                f"training.{action}_trainingsession"
                for action in ("add", "change", "delete", "view")
            ),
        ),
        sections=(SectionGrant("training.TrainingIndexPage", PAGE_PUBLISHING),),
        collections=(CollectionGrant(TRAINING_COLLECTION, DOCUMENT_EDITING + IMAGE_EDITING),),
    ),
    Role(
        key="communication",
        name="Service de la communication",
        description=_(
            "Publishes internal news, council decisions and the revue, and keeps the "
            "organisation chart and the attributions of divisions and services up to date."
        ),
        model_permissions=(
            ADMIN_ACCESS,
            *(
                f"organisation.{action}_{model}"
                for model in ("arrondissement", "building")
                for action in ("add", "change", "delete")
            ),
            "knowledge.view_articlefeedback",  # the knowledge base's vote report
        ),
        sections=(
            SectionGrant("news.NewsIndexPage", PAGE_PUBLISHING),  # news and revues
            SectionGrant("news.CouncilDecisionIndexPage", PAGE_PUBLISHING),
            SectionGrant("organisation.OrganisationChartPage", PAGE_PUBLISHING),
            SectionGrant("knowledge.KnowledgeIndexPage", PAGE_PUBLISHING),
        ),
        collections=(CollectionGrant(COMMUNICATION_COLLECTION, DOCUMENT_EDITING + IMAGE_EDITING),),
    ),
    Role(
        key="ipecag",
        name="Membre de l'IPECAG",
        description=_(
            "Member of the body for parity, equal opportunity and gender: keeps its "
            "work plans and documents."
        ),
        # The register's figures by gender feed the IPECAG's work plans.
        model_permissions=(ADMIN_ACCESS, "reception.view_receptionvisit"),
        sections=(SectionGrant("ipecag.WorkPlanIndexPage", PAGE_PUBLISHING),),
        collections=(CollectionGrant(IPECAG_COLLECTION, DOCUMENT_EDITING + IMAGE_EDITING),),
    ),
    Role(
        key="administrator",
        name="Administrateur",
        description=_("Runs the intranet: accounts, roles, every section and setting."),
        everything=True,
    ),
)

ROLES_BY_KEY = {role.key: role for role in ROLES}


def role_group(key):
    """The group of a role, by its key (``"legal_advisor"``...)."""
    return Group.objects.get(role__key=ROLES_BY_KEY[key].key)


def has_role(user, key):
    """Whether the user belongs to the group of the role ``key``, whatever it is called now."""
    return user.is_authenticated and user.groups.filter(role__key=ROLES_BY_KEY[key].key).exists()


def members_filter(*keys):
    """Users who are members of these roles: ``User.objects.filter(members_filter(…))``."""
    from django.db.models import Q

    return Q(groups__role__key__in=[ROLES_BY_KEY[key].key for key in keys])


def is_administrator(user):
    """A superuser, or a member of the administrators' role."""
    return user.is_authenticated and (user.is_superuser or has_role(user, "administrator"))


def _permission(label):
    app_label, codename = label.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _collection(name):
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _page_permissions(codenames):
    return Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)


def _collection_permissions(codenames):
    return Permission.objects.filter(
        content_type__app_label__in=("wagtaildocs", "wagtailimages"), codename__in=codenames
    )


@transaction.atomic
def apply_roles():
    """Create or update every role's group so that it grants exactly what ``ROLES`` says."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    for role in ROLES:
        group = _group_of(role)
        if role.everything:
            group.permissions.set(Permission.objects.all())
            page_grants = [
                (
                    Page.get_first_root_node(),
                    _page_permissions(PAGE_PUBLISHING + ("bulk_delete_page",)),
                )
            ]
            collection_grants = [
                (
                    Collection.get_first_root_node(),
                    _collection_permissions(DOCUMENT_EDITING + IMAGE_EDITING),
                )
            ]
        else:
            group.permissions.set([_permission(label) for label in role.model_permissions])
            page_grants = [
                (page, _page_permissions(grant.permissions))
                for grant in role.sections
                for page in _section_pages(grant.page_model)
            ]
            collection_grants = [
                (_collection(grant.collection), _collection_permissions(grant.permissions))
                for grant in role.collections
            ]

        GroupPagePermission.objects.filter(group=group).delete()
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=page, permission=permission)
            for page, permissions in page_grants
            for permission in permissions
        )
        GroupCollectionPermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(group=group, collection=collection, permission=permission)
            for collection, permissions in collection_grants
            for permission in permissions
        )


def _group_of(role):
    """The role's group, found by its key; the first time, the group of the role's
    name (made by an earlier version, or by hand) is adopted, or created."""
    from .models import RoleGroup

    link = RoleGroup.objects.select_related("group").filter(key=role.key).first()
    if link is not None:
        return link.group
    group, _created = Group.objects.get_or_create(name=role.name)
    RoleGroup.objects.create(key=role.key, group=group)
    return group


def _section_pages(page_model):
    model = apps.get_model(page_model)
    return model.objects.all()
