"""Every cell of the permissions table (``matrix.py``), checked through the real pages.

Each test signs in as one demo account (or nobody, for "anonymous"), tries one
action on one piece of demo content through the intranet's own URLs, and says
whether the intranet let it happen. A refusal is a 403, Wagtail's redirect to
the administration's home with a permission message, or the sign-in page; a
refused POST must also leave the database as it was. An allowed action must
answer 200 (or redirect elsewhere) and make the change.

An end-to-end check, like the browser journeys: it runs on the demo commune as a
whole (its accounts, roles and content), the golden set the other tests do not
lean on.
"""

from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.forms import CheckboxInput, CheckboxSelectMultiple, SelectMultiple
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail import blocks
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex, TaskState, WorkflowState

from tests.demo import DEMO_PASSWORD

from . import matrix

# Cells where the code does not do what the table says: findings for the lead.
# Cells the code gets wrong, each with why, until it is fixed: (content, action, role) -> reason.
KNOWN_HOLES = {}

CHANGED = " (modifié pour le test)"


# --- Reading the answers -------------------------------------------------------------------


def refused(response):
    if response.status_code == 403:
        return True
    if response.status_code in (301, 302):
        path = urlparse(response["Location"]).path
        return path == reverse("wagtailadmin_home") or path.rstrip("/").endswith("/login")
    return False


def allowed(response, what):
    """True if allowed, False if refused; anything else (404, 500, 400) fails the test."""
    if refused(response):
        return False
    assert response.status_code in (200, 302), f"{what}: unexpected {response.status_code}"
    return True


def agree(first, second, what):
    assert first == second, f"{what}: the two steps disagree ({first} then {second})"
    return first


# --- Form data as the browser would post it -----------------------------------------------


def form_data(form):
    """The data a browser would post for this bound form, unchanged, formsets included."""
    data = {}
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        widget = field.widget
        if hasattr(field, "block"):
            _block_data(data, field.block, value, bound.html_name)
        elif isinstance(widget, BaseChooser):
            data[bound.html_name] = getattr(value, "pk", value) or ""
        elif isinstance(widget, CheckboxInput):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(widget, (SelectMultiple, CheckboxSelectMultiple)):
            data[bound.html_name] = [str(v) for v in value or ()]
        else:
            formatted = widget.format_value(value)
            data[bound.html_name] = "" if formatted is None else formatted
    for formset in getattr(form, "formsets", {}).values():
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = management[name].value()
        for child in formset.forms:
            data.update(form_data(child))
    return data


def _block_data(data, block, value, prefix):
    if isinstance(block, blocks.StreamBlock):
        children = list(value or ())
        data[f"{prefix}-count"] = len(children)
        for i, child in enumerate(children):
            data[f"{prefix}-{i}-type"] = child.block_type
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = i
            data[f"{prefix}-{i}-id"] = child.id or ""
            _block_data(data, child.block, child.value, f"{prefix}-{i}-value")
    elif isinstance(block, blocks.ListBlock):
        children = list(value.bound_blocks) if value is not None else []
        data[f"{prefix}-count"] = len(children)
        for i, child in enumerate(children):
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = i
            data[f"{prefix}-{i}-id"] = child.id or ""
            _block_data(data, block.child_block, child.value, f"{prefix}-{i}-value")
    elif isinstance(block, blocks.StructBlock):
        if value is not None and not hasattr(value, "get"):  # ImageBlock holds an image
            value = block._image_to_struct_value(value)
        for name, child in block.child_blocks.items():
            _block_data(data, child, value.get(name) if value else None, f"{prefix}-{name}")
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    elif isinstance(block, blocks.FieldBlock):
        form_value = block.value_for_form(value) if value is not None else None
        widget = block.field.widget
        if isinstance(widget, BaseChooser):
            data[prefix] = getattr(form_value, "pk", form_value) or ""
        elif isinstance(widget, (SelectMultiple, CheckboxSelectMultiple)):
            data[prefix] = [str(v) for v in form_value or ()]
        else:
            formatted = widget.format_value(form_value)
            data[prefix] = "" if formatted is None else formatted


# --- Who ----------------------------------------------------------------------------------


def user(username):
    return get_user_model().objects.get(username=username)


def client_as(role):
    client = Client()
    if role != "anonymous":
        assert client.login(username=role, password=DEMO_PASSWORD)
    return client


# --- What: the demo content each row acts on ----------------------------------------------


def _live_french(model, deletable=False, **filters):
    pages = model.objects.live().filter(locale__language_code="fr", **filters).order_by("path")
    if deletable:  # nothing protects it from deletion (a procedure citing a legal text...)
        pages = [
            page
            for page in pages
            if not ReferenceIndex.get_references_to(page).group_by_source_object().is_protected
        ]
    found = next(iter(pages), None)
    assert found is not None, f"the demo has no live French {model.__name__}"
    return found


def _page_target(content, action):
    from intranet.ipecag.models import WorkPlanPage
    from intranet.news.models.council import CouncilDecisionPage
    from intranet.news.models.news import NewsPage
    from intranet.news.models.revue import RevuePage
    from intranet.organisation.models import ServicePage
    from knowledge.models import KnowledgeArticlePage
    from procedures_manual.models import ProcedurePage
    from procedures_manual.models.legal import LegalTextPage
    from training.models.courses import CoursePage

    models = {
        "procedure": ProcedurePage,
        "procedure (second reading)": ProcedurePage,
        "procedure manual": ProcedurePage,
        "legal text": LegalTextPage,
        "organisation": ServicePage,
        "news item": NewsPage,
        "council decision": CouncilDecisionPage,
        "revue": RevuePage,
        "knowledge article": KnowledgeArticlePage,
        "training course": CoursePage,
        "ipecag work plan": WorkPlanPage,
    }
    deletable = action == "delete" and content != "training course"
    page = _live_french(models[content], deletable=deletable)
    if content == "training course" and action == "delete":
        from training.models import TrainingSession

        # Its sessions protect a course from deletion: take them away first.
        TrainingSession.objects.filter(course__translation_key=page.translation_key).delete()
    if content == "training course":
        # The trainer's own course: trainers change only the courses they wrote.
        Page.objects.filter(pk=page.pk).update(owner=user("formateur"))
        page.refresh_from_db()
    return page


def _latest(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def _live_title(page):
    return Page.objects.get(pk=page.pk).title


# --- How: one function per kind of action -------------------------------------------------


def _page_form_data(page, client, role, response=None):
    """The editing form as the acting user sees it, or as the administrator does."""
    response = response or client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    if response.status_code != 200:
        response = client_as("admin").get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    data = form_data(response.context["form"])
    data["title"] = page.title + CHANGED
    return data


def page_view(page, client, role):
    return allowed(client.get(page.url), f"view {page.url}")


def page_edit(page, client, role):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    form_page = client.get(url)
    shown = allowed(form_page, f"GET {url}")
    revisions = page.revisions.count()
    data = _page_form_data(page, client, role, form_page)
    response = client.post(url, data)
    saved = allowed(response, f"POST {url}")
    if saved:
        assert response.status_code == 302, response.context["form"].errors
        assert _latest(page).title == page.title + CHANGED
    else:
        assert page.revisions.count() == revisions
        assert _latest(page).title == page.title
    return agree(shown, saved, url)


def page_submit(page, client, role):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = _page_form_data(page, client, role)
    data["action-submit"] = "submit"
    response = client.post(url, data)
    done = allowed(response, f"POST {url} (submit)")
    in_workflow = WorkflowState.objects.active().filter(object_id=str(page.pk)).exists()
    if done:
        assert response.status_code == 302, response.context["form"].errors
    assert in_workflow == done
    return done


def page_publish(page, client, role):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    live_revision = page.live_revision_id
    data = _page_form_data(page, client, role)
    data["action-publish"] = "publish"
    response = client.post(url, data)
    answered = allowed(response, f"POST {url} (publish)")
    # Wagtail may answer a publish request from someone who may only save drafts by
    # saving a draft: what counts is whether the change went live.
    done = _live_title(page) == page.title + CHANGED
    if not done:
        assert Page.objects.get(pk=page.pk).live_revision_id == live_revision
    if answered and not done:
        assert response.status_code in (200, 302)
    if done:
        assert answered
    return done


def page_delete(page, client, role):
    url = reverse("wagtailadmin_pages:delete", args=(page.pk,))
    response = client.post(url)
    done = allowed(response, f"POST {url}")
    assert Page.objects.filter(pk=page.pk).exists() != done
    return done


def _in_workflow(page, author, approved_steps=0):
    """A change of ``page`` submitted by ``author``, its first steps already approved."""
    page = page.specific
    page.title += CHANGED
    revision = page.save_revision(user=author)
    workflow = page.get_workflow()
    workflow.start(page, author)
    for _step in range(approved_steps):
        state = page.current_workflow_task_state
        reviewer = get_user_model().objects.filter(groups__in=state.task.specific.groups.all())
        reviewer = reviewer.exclude(pk=author.pk).first()
        state.task.specific.on_action(state, reviewer, "approve")
    page.refresh_from_db()
    return revision, page.current_workflow_task_state


def page_approve(page, client, role, author="formateur", approved_steps=0):
    revision, task_state = _in_workflow(page, user(author), approved_steps)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": ""})
    done = allowed(response, f"POST {url}")
    task_state.refresh_from_db()
    assert (task_state.status == TaskState.STATUS_APPROVED) == done, (
        f"POST {url} answered {response.status_code} but the task is {task_state.status}"
    )
    return done


def procedure_approve(page, client, role):
    done = page_approve(page, client, role, author="cellule", approved_steps=1)
    assert (_live_title(page) == page.title + CHANGED) == done  # the approval publishes
    return done


def procedure_second_reading(page, client, role):
    return page_approve(page, client, role, author="cellule2")


def course_approve(page, client, role):
    done = page_approve(page, client, role, author="formateur")
    assert (_live_title(page) == page.title + CHANGED) == done
    return done


def download(url, content_type):
    def check(page, client, role):
        target = url(page)
        response = client.get(target)
        done = allowed(response, f"GET {target}")
        if done:
            assert response.status_code == 200
            assert response["Content-Type"].startswith(content_type)
        return done

    return check


PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def procedure_export(page, client, role):
    pdf = download(lambda p: p.url + "fiche/pdf/", PDF)(page, client, role)
    docx = download(lambda p: p.url + "fiche/docx/", DOCX)(page, client, role)
    return agree(pdf, docx, "fiche PDF and DOCX")


def manual_export(page, client, role):
    manual = page.get_parent().specific
    return download(lambda p: manual.url + "export/docx/", DOCX)(page, client, role)


def revue_export(page, client, role):
    pdf = download(lambda p: p.url + "pdf/", PDF)(page, client, role)
    docx = download(lambda p: p.url + "docx/", DOCX)(page, client, role)
    return agree(pdf, docx, "revue PDF and DOCX")


PAGE_ACTIONS = {
    "view": page_view,
    "edit": page_edit,
    "submit": page_submit,
    "approve": course_approve,
    "publish": page_publish,
    "delete": page_delete,
}
SPECIAL = {
    ("procedure", "approve"): procedure_approve,
    ("procedure", "export"): procedure_export,
    ("procedure manual", "export"): manual_export,
    ("procedure (second reading)", "approve"): procedure_second_reading,
    ("revue", "export"): revue_export,
    ("ipecag work plan", "export"): download(lambda p: p.url + "export/docx/", DOCX),
    ("knowledge article", "export"): download(lambda p: p.url + "leaflet/", PDF),
}


# --- Content that is not a page -----------------------------------------------------------


GENERAL_DIRECTORATE = "direction-generale-des-services"


def _library_document(content):
    """A document of the general directorate's collection (whose editors include the
    communication service in the demo), or of another division's."""
    from intranet.library.models import DivisionCollection, LibraryPage

    links = DivisionCollection.objects.select_related("division", "collection")
    if content == "library document (DGS)":
        links = links.filter(division__slug=GENERAL_DIRECTORATE)
    else:
        links = links.exclude(division__slug=GENERAL_DIRECTORATE)
    document = (
        get_document_model()
        .objects.filter(collection__in=[link.collection for link in links])
        .order_by("pk")
        .first()
    )
    assert document is not None, f"the demo library has no {content}"
    library = LibraryPage.objects.live().filter(locale__language_code="fr").first()
    return document, library


TRAINING_MATERIAL = ("training material", "training material (own)", "training material (live)")


def _training_material(content):
    """The demo course's handout, or a document the trainer uploaded (handed out by a live
    course for "training material (live)")."""
    from tests.training.factories import demo_course, hand_out, material

    if content == "training material":
        handout = demo_course().materials[0].value["document"]
        assert handout.uploaded_by_user is None, "the demo handout has an uploader"
        return handout
    document = material(title="Support du formateur", uploaded_by="formateur")
    if content == "training material (live)":
        hand_out(document)
    return document


def _document(content):
    if content == "procedure form":
        return get_document_model().objects.get(
            title="Formulaire de demande d'accès à l'information"
        )
    if content.startswith("training material"):
        return _training_material(content)
    return _library_document(content)[0]


def document_view(client, role, content):
    document, library = _library_document(content)
    return allowed(client.get(f"{library.url}document/{document.pk}/"), "library document")


def material_view(client, role, content):
    document = _training_material(content)
    return allowed(client.get(document.url), f"GET {document.url}")


def material_upload(client, role, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.training.factories import docx_bytes, training_collection

    title = "Support téléversé" + CHANGED
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "collection": training_collection().pk,
            "file": SimpleUploadedFile("support.docx", docx_bytes(title)),
        },
    )
    created = (
        get_document_model().objects.filter(title=title, collection=training_collection()).exists()
    )
    if created:
        assert response.status_code == 302, response.context["form"].errors
    else:
        # Refused; or the form does not offer the training collection, and Wagtail puts the
        # upload of someone who may add to a single collection into that one.
        assert response.status_code in (200, 302, 403)
    return created


def _model_edit(client, url, change, unchanged, changed):
    response = client.get(url)
    shown = allowed(response, f"GET {url}")
    if not shown:
        response = client_as("admin").get(url)
    data = form_data(response.context["form"])
    change(data)
    response = client.post(url, data)
    saved = allowed(response, f"POST {url}")
    if saved:
        assert response.status_code == 302, response.context["form"].errors
        assert changed()
    else:
        assert unchanged()
    return agree(shown, saved, url)


def document_edit(client, role, content):
    document = _document(content)
    url = reverse("wagtaildocs:edit", args=(document.pk,))
    model = get_document_model()

    def change(data):
        data["title"] = document.title + CHANGED

    return _model_edit(
        client,
        url,
        change,
        lambda: model.objects.get(pk=document.pk).title == document.title,
        lambda: model.objects.get(pk=document.pk).title == document.title + CHANGED,
    )


def document_delete(client, role, content):
    document = _document(content)
    url = reverse("wagtaildocs:delete", args=(document.pk,))
    done = allowed(client.post(url), f"POST {url}")
    assert get_document_model().objects.filter(pk=document.pk).exists() != done
    return done


def _synonyms():
    from search.models import SynonymSet

    synonyms = SynonymSet.objects.order_by("pk").first()
    assert synonyms is not None, "the demo has no synonyms"
    return SynonymSet, synonyms


def synonyms_view(client, role):
    url = reverse("wagtailsnippets_search_synonymset:list")
    return allowed(client.get(url), f"GET {url}")


def synonyms_edit(client, role):
    model, synonyms = _synonyms()
    url = reverse("wagtailsnippets_search_synonymset:edit", args=(synonyms.pk,))

    def change(data):
        data["note"] = (synonyms.note or "") + CHANGED

    return _model_edit(
        client,
        url,
        change,
        lambda: model.objects.get(pk=synonyms.pk).note == synonyms.note,
        lambda: model.objects.get(pk=synonyms.pk).note == (synonyms.note or "") + CHANGED,
    )


def synonyms_delete(client, role):
    model, synonyms = _synonyms()
    url = reverse("wagtailsnippets_search_synonymset:delete", args=(synonyms.pk,))
    done = allowed(client.post(url), f"POST {url}")
    assert model.objects.filter(pk=synonyms.pk).exists() != done
    return done


def _session():
    from training.models import TrainingSession

    session = (
        TrainingSession.objects.filter(trainer__username="formateur", starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    assert session is not None, "the demo has no coming session given by the trainer"
    return TrainingSession, session


def session_view(client, role):
    return allowed(client.get(reverse("training:plan")), "training plan")


def session_edit(client, role):
    model, session = _session()
    url = reverse("training_sessions:edit", args=(session.pk,))

    def change(data):
        data["capacity"] = session.capacity + 5
        data["ends_at"] = timezone.localtime(session.ends_at + timedelta(minutes=30)).strftime(
            "%Y-%m-%d %H:%M"
        )

    return _model_edit(
        client,
        url,
        change,
        lambda: model.objects.get(pk=session.pk).capacity == session.capacity,
        lambda: model.objects.get(pk=session.pk).capacity == session.capacity + 5,
    )


def session_delete(client, role):
    model, session = _session()
    url = reverse("training_sessions:delete", args=(session.pk,))
    done = allowed(client.post(url), f"POST {url}")
    assert model.objects.filter(pk=session.pk).exists() != done
    return done


def session_export(client, role):
    _model, session = _session()
    return download(lambda p: reverse("training:attendance_sheet", args=(session.pk,)), DOCX)(
        None, client, role
    )


def register_view(client, role):
    return allowed(client.get(reverse("reception_statistics")), "reception statistics")


def register_edit(client, role):
    from intranet.organisation.models import ServicePage
    from intranet.reception.models import ReceptionVisit

    shown = allowed(client.get(reverse("reception_desk")), "reception desk")
    service = _live_french(ServicePage, open_to_public=True)
    before = ReceptionVisit.objects.count()
    response = client.post(
        reverse("reception_record_visit"),
        {
            "service": service.pk,
            "visitor_category": ReceptionVisit.VisitorCategory.values[0],
            "gender": ReceptionVisit.Gender.values[0],
            "outcome": ReceptionVisit.Outcome.values[0],
        },
    )
    recorded = allowed(response, "record a visit")
    assert ReceptionVisit.objects.count() == before + (1 if recorded else 0)
    return agree(shown, recorded, "reception desk")


def _citizen_request(answer_proposed=False):
    """A complaint the office sent to the civil status service, built the office's way."""
    from intranet.organisation.models import ServicePage
    from intranet.requests_office import handling

    office = user("reclamations")
    request = handling.receive(
        kind="complaint",
        citizen_name="Mustapha Zaoui",
        national_id="I654321",
        subject="Erreur sur un acte de naissance",
        text="Mon prénom est mal écrit sur l'acte.",
    )
    service = ServicePage.objects.get(slug="service-etat-civil", locale__language_code="fr")
    handling.assign(request, office, service)
    if answer_proposed:
        handling.propose_answer(request, user("etatcivil"), "Rectification faite le 2 mars.")
    return request


def citizen_request_view(client, role):
    request = _citizen_request()
    response = client.get(reverse("requests_detail", args=(request.reference,)))
    shown = allowed(response, "a citizen's request")
    if shown:
        assert "I654321" in response.content.decode()  # with the citizen's identity
    return shown


def citizen_request_edit(client, role):
    request = _citizen_request()
    response = client.post(
        reverse("requests_step", args=(request.reference, "note")), {"text": "Appelé le citoyen."}
    )
    noted = request.events.filter(kind="note").exists()
    if not noted:
        assert refused(response)
    return noted


def citizen_request_approve(client, role):
    request = _citizen_request(answer_proposed=True)
    response = client.post(
        reverse("requests_step", args=(request.reference, "approve_answer")), {"text": ""}
    )
    request.refresh_from_db()
    approved = request.status == "answer_approved"
    if not approved:
        assert refused(response)
    return approved


def citizen_request_export(client, role):
    request = _citizen_request()
    return download(lambda p: reverse("requests_receipt_pdf", args=(request.reference,)), PDF)(
        None, client, role
    )


def citizen_request_upload(client, role):
    from intranet.requests_office.models import CitizenRequest

    response = client.post(
        reverse("requests_new"),
        {
            "kind": "suggestion",
            "channel": "desk",
            "received_on": timezone.localdate().isoformat(),
            "language": "fr",
            "anonymous": "on",
            "gender": "unspecified",
            "category": "citizen",
            "subject": "Bancs dans le jardin public",
            "text": "Installer des bancs à l'ombre.",
        },
    )
    recorded = CitizenRequest.objects.filter(subject="Bancs dans le jardin public").exists()
    if not recorded:
        assert refused(response)
    return recorded


OTHER = (
    {
        (library, action): check
        for library in ("library document", "library document (DGS)")
        for action, check in (
            ("view", document_view),
            ("edit", document_edit),
            ("delete", document_delete),
        )
    }
    | {
        (material, action): check
        for material in (*TRAINING_MATERIAL, "procedure form")
        for action, check in (("edit", document_edit), ("delete", document_delete))
    }
    | {
        ("training material", "view"): material_view,
        ("training material", "upload"): material_upload,
        ("search synonyms", "view"): synonyms_view,
        ("search synonyms", "edit"): synonyms_edit,
        ("search synonyms", "delete"): synonyms_delete,
        ("training session", "view"): session_view,
        ("training session", "edit"): session_edit,
        ("training session", "delete"): session_delete,
        ("training session", "export"): session_export,
        ("reception register", "view"): register_view,
        ("reception register", "edit"): register_edit,
        ("citizen request", "view"): citizen_request_view,
        ("citizen request", "edit"): citizen_request_edit,
        ("citizen request", "approve"): citizen_request_approve,
        ("citizen request", "export"): citizen_request_export,
        ("citizen request", "upload"): citizen_request_upload,
    }
)


# --- The test -----------------------------------------------------------------------------


def _params():
    params = []
    for content, action, role, expected in matrix.cells():
        marks = ()
        if (content, action, role) in KNOWN_HOLES:
            marks = pytest.mark.xfail(strict=True, reason=KNOWN_HOLES[content, action, role])
        params.append(
            pytest.param(
                content, action, role, expected, marks=marks, id=f"{content}-{action}-{role}"
            )
        )
    return params


def test_every_cell_of_the_table_has_a_check():
    for content, action, _role, _expected in matrix.cells():
        assert (
            (content, action) in OTHER or (content, action) in SPECIAL or (action in PAGE_ACTIONS)
        ), (content, action)


@pytest.mark.parametrize(("content", "action", "role", "expected"), _params())
def test_matrix(db, content, action, role, expected):
    client = client_as(role)
    if (content, action) in OTHER:
        check = OTHER[content, action]
        if check in (document_view, document_edit, document_delete, material_view, material_upload):
            done = check(client, role, content)
        else:
            done = check(client, role)
    else:
        check = SPECIAL.get((content, action)) or PAGE_ACTIONS[action]
        done = check(_page_target(content, action), client, role)
    assert done == expected, f"{role} {'may' if done else 'may not'} {action} a {content}"
