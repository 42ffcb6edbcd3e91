"""The library's parts of library.yaml: its page, who keeps each division's
collection, and the divisions' documents with every version of their files.

A document is found again by its division and its title. Its ``versions`` are
its history, oldest first: loading adds the versions the library does not keep
yet, as the admin's edit form would, and never rewrites or deletes one it
keeps (a file already kept under that number stays as it is; its uploader,
date and comment follow the folder). Nothing absent from the file is deleted:
deletion is an administrator's act. Documents outside the divisions'
collections (a procedure's forms, a course's handouts) belong to the sections
that use them.
"""

from datetime import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s
from intranet.core.commune_data.context import folder_name

from .divisions import division_group, setup_library
from .models import DivisionCollection, DocumentVersion, LibraryPage

FOLDER = "library"
USERNAME = {"type": "string", "minLength": 1, "maxLength": 150}

COLLECTIONS_SCHEMA = s.records(
    s.record(
        {
            "division": s.SLUG,
            "editors": {"type": "array", "items": USERNAME, "uniqueItems": True},
        },
        required=("division", "editors"),
    ),
    description=(
        "Who keeps each division's collection, besides the division's own staff: "
        "usernames added to the collection's editors. Every division has its collection."
    ),
)
VERSION = s.record(
    {
        "file": s.FILE,
        "uploaded_by": USERNAME,
        "uploaded_on": s.DATE,
        "comment": {"type": "string", "maxLength": 300},
    },
    required=("file",),
)
DOCUMENTS_SCHEMA = s.records(
    s.record(
        {
            "title": {"type": "string", "minLength": 1, "maxLength": 255},
            "division": s.SLUG,
            "versions": {"type": "array", "items": VERSION, "minItems": 1},
        },
        required=("title", "division", "versions"),
    ),
    description="The divisions' notes, circulars and forms; each file it has had, oldest first.",
)


# Who keeps each collection


def _collection(division_slug):
    return DivisionCollection.objects.get(
        division__slug=division_slug, division__locale=Locale.get_default()
    )


def declare_collections(value, checking):
    for index, record in enumerate(value):
        checking.offer_unique(
            "collection editors", record["division"], record=index, field="division"
        )


def check_collections(value, checking):
    for index, record in enumerate(value):
        checking.require("division", record["division"], record=index, field="division")
        for username in record["editors"]:
            checking.require("account", username, record=index, field="editors")


def load_collections(value, loading):
    setup_library()
    users = get_user_model().objects
    for record in value:
        group = division_group(record["division"])
        missing = users.filter(username__in=record["editors"]).exclude(groups=group)
        outcome = "updated" if missing.exists() else "unchanged"
        group.user_set.add(*missing)
        loading.counted(DivisionCollection._meta.verbose_name, outcome)


def export_collections(exporting):
    value = []
    links = DivisionCollection.objects.filter(
        division__locale=Locale.get_default(), editors__isnull=False
    ).order_by("division__path")
    for link in links:
        editors = sorted(link.editors.user_set.values_list("username", flat=True))
        if editors:
            value.append({"division": link.division.slug, "editors": editors})
    return value or None


# The documents and their versions


def declare_documents(value, checking):
    for index, record in enumerate(value):
        checking.offer_unique(
            "library document",
            f"{record['division']} · {record['title']}",
            record=index,
            field="title",
            what="document",
        )


def check_documents(value, checking):
    for index, record in enumerate(value):
        checking.require("division", record["division"], record=index, field="division")
        for number, version in enumerate(record["versions"], start=1):
            field = f"versions #{number}"
            checking.require_file(version["file"], record=index, field=f"{field}.file")
            checking.require(
                "account", version.get("uploaded_by"), record=index, field=f"{field}.uploaded_by"
            )


def load_documents(value, loading):
    setup_library()
    users = {user.username: user for user in get_user_model().objects.all()}
    for record in value:
        _load_document(record, loading, users)


def _load_document(record, loading, users):
    Document = get_document_model()
    collection = _collection(record["division"]).collection
    document = Document.objects.filter(title=record["title"], collection=collection).first()
    outcome = "unchanged"
    for number, version in enumerate(record["versions"], start=1):
        content = loading.read_file(version["file"])
        uploader = users.get(version.get("uploaded_by"))
        name = Path(version["file"]).name
        if document is None:
            document = Document(
                title=record["title"], collection=collection, uploaded_by_user=uploader
            )
            _store(document, name, content, uploader, version.get("comment", ""))
            outcome = "created"
        elif not document.versions.filter(number=number).exists():
            # A new file for an existing document, as the admin's edit form saves
            # it: Wagtail deletes the replaced file, the library keeps its copy.
            document.file.storage.delete(document.file.name)
            _store(document, name, content, uploader, version.get("comment", ""))
            outcome = "updated" if outcome == "unchanged" else outcome
        kept = document.versions.filter(number=number).first()
        if kept and _follow(kept, version, uploader, loading) and outcome == "unchanged":
            outcome = "updated"
    loading.counted(Document._meta.verbose_name, outcome)


def _store(document, name, content, uploader, comment):
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document._library_uploaded_by = uploader  # read by the signal that keeps the version
    document._library_comment = comment
    document.save()


def _follow(kept, version, uploader, loading):
    """Give a kept version the folder's uploader, day and comment; True if it changed."""
    fields = {"uploaded_by": uploader, "comment": version.get("comment", "")}
    day = loading.date(version.get("uploaded_on"))
    if day and timezone.localdate(kept.uploaded_at) != day:
        # The day is what the history shows; the hour of the load is as good as any.
        fields["uploaded_at"] = timezone.make_aware(
            datetime.combine(day, timezone.localtime().time())
        )
    changed = {name: field for name, field in fields.items() if getattr(kept, name) != field}
    if changed:
        DocumentVersion.objects.filter(pk=kept.pk).update(**changed)
    return bool(changed)


def export_documents(exporting):
    Document = get_document_model()
    value = []
    links = DivisionCollection.objects.filter(division__locale=Locale.get_default()).order_by(
        "division__path"
    )
    for link in links:
        for document in Document.objects.filter(collection=link.collection).order_by("title"):
            versions = [
                _export_version(version, exporting)
                for version in document.versions.select_related("uploaded_by").order_by("number")
            ]
            if versions:
                value.append(
                    {"title": document.title, "division": link.division.slug, "versions": versions}
                )
    return value or None


def _export_version(version, exporting):
    name = folder_name(version.filename)
    if version.number > 1 and any(
        folder_name(earlier) == name
        for earlier in version.document.versions.filter(number__lt=version.number).values_list(
            "filename", flat=True
        )
    ):
        stem, dot, suffix = name.rpartition(".")
        name = f"{stem}-v{version.number}.{suffix}" if dot else f"{name}-v{version.number}"
    value = {"file": exporting.file(version.file, FOLDER, name=name)}
    if version.uploaded_by:
        value["uploaded_by"] = version.uploaded_by.username
    value["uploaded_on"] = exporting.date(timezone.localdate(version.uploaded_at))
    if version.comment:
        value["comment"] = version.comment
    return value


def _collection_exists(division_slug):
    """Every division has its collection, made when the library loads if it has none yet."""
    from intranet.organisation.models import DivisionPage

    return DivisionPage.objects.filter(slug=division_slug, locale=Locale.get_default()).exists()


data.reference("collection", _collection_exists)

data.register(
    data.section_page_part(
        file="library",
        key="library",
        order=60,
        model=LibraryPage,
        description="The readers' library page, right under the home page.",
    )
)
data.register(
    data.Part(
        file="library",
        key="library_collections",
        order=60,
        schema=COLLECTIONS_SCHEMA,
        load=load_collections,
        export=export_collections,
        declare=declare_collections,
        check=check_collections,
        record_keys=("division",),
    )
)
data.register(
    data.Part(
        file="library",
        key="library_documents",
        order=60,
        schema=DOCUMENTS_SCHEMA,
        load=load_documents,
        export=export_documents,
        declare=declare_documents,
        check=check_documents,
        record_keys=("title",),
    )
)
