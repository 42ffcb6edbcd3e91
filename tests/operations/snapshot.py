"""A comparable picture of what a backup must keep, taken the same way on both sides.

Run inside the test process (the demo database) and inside the restored instance
(through ``manage.py shell``), so that the two pictures can be compared as JSON.
"""

import hashlib
import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    TaskState,
    WorkflowState,
)

from intranet.reception.models import ReceptionVisit


def _sha256(field_file):
    with field_file.open("rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


def snapshot():
    return json.loads(
        json.dumps(
            {
                "pages": [
                    [
                        p.pk,
                        p.title,
                        p.url_path,
                        p.path,
                        p.live,
                        p.locale.language_code,
                        p.content_type.model,
                        p.translation_key,
                    ]
                    for p in Page.objects.select_related("locale", "content_type").order_by("pk")
                ],
                "revisions": [
                    [
                        r.pk,
                        r.content_type.model,
                        r.object_id,
                        r.created_at,
                        r.user_id,
                        hashlib.sha256(json.dumps(r.content, sort_keys=True).encode()).hexdigest(),
                    ]
                    for r in Revision.objects.select_related("content_type").order_by("pk")
                ],
                "documents": [
                    [d.pk, d.title, d.file.name, d.collection.name, _sha256(d.file)]
                    for d in get_document_model()
                    .objects.select_related("collection")
                    .order_by("pk")
                ],
                "users": [
                    [
                        u.username,
                        u.email,
                        u.password,
                        u.is_active,
                        u.is_staff,
                        u.is_superuser,
                        sorted(u.groups.values_list("name", flat=True)),
                    ]
                    for u in get_user_model().objects.order_by("username")
                ],
                "groups": {
                    group.name: sorted(
                        f"{p.content_type.app_label}.{p.codename}"
                        for p in group.permissions.select_related("content_type")
                    )
                    for group in Group.objects.all()
                },
                "page_permissions": sorted(
                    [g.group.name, g.page_id, g.permission.codename]
                    for g in GroupPagePermission.objects.select_related("group", "permission")
                ),
                "collection_permissions": sorted(
                    [g.group.name, g.collection.name, g.permission.codename]
                    for g in GroupCollectionPermission.objects.select_related(
                        "group", "collection", "permission"
                    )
                ),
                "workflow_states": list(
                    WorkflowState.objects.order_by("pk").values_list(
                        "pk", "object_id", "status", "current_task_state_id", "requested_by_id"
                    )
                ),
                "task_states": list(
                    TaskState.objects.order_by("pk").values_list(
                        "pk", "workflow_state_id", "status", "finished_by_id", "comment"
                    )
                ),
                "reception_visits": [
                    list(row) for row in ReceptionVisit.objects.order_by("pk").values_list()
                ],
            },
            default=str,
        )
    )
