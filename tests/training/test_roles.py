"""Trainers write courses, a coordinator publishes them; each keeps to their own part."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, TaskState, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from intranet.accounts.roles import (
    COMMUNICATION_COLLECTION,
    IPECAG_COLLECTION,
    LEGAL_TEXTS_COLLECTION,
    PROCEDURES_COLLECTION,
)
from training.approval import WORKFLOW_NAME
from training.models import CoursePage, TrainingIndexPage, TrainingSession

from .factories import PersonFactory, SessionFactory, course, in_arabic, user

pytestmark = pytest.mark.django_db


def catalogue(language="fr"):
    return TrainingIndexPage.objects.get(locale__language_code=language)


def course_form(title="Rédiger la réponse à une réclamation", slug="reponse-reclamation"):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Répondre par écrit, dans les délais, à une réclamation d'usager.",
            "audience": "Chefs de service et leurs adjoints.",
            "duration_hours": "3",
            "objectives": rich_text("<p>Connaître les délais de réponse.</p>"),
            "modules": streamfield(
                [
                    (
                        "module",
                        {"title": "Le délai légal", "content": rich_text("<p>Soixante jours.</p>")},
                    )
                ]
            ),
            "materials": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def add_course(client, action, **fields):
    return client.post(
        f"/admin/pages/add/training/coursepage/{catalogue().pk}/",
        {**course_form(**fields), action: action},
    )


def new_course():
    return CoursePage.objects.filter(slug="reponse-reclamation", locale__language_code="fr").first()


def refused(response):
    """The admin answers a refusal with a 403, or by sending the user back to its home."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def approve(page, username):
    state = WorkflowState.objects.get(
        base_content_type=page.get_base_content_type(),
        object_id=str(page.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    task_state = state.current_task_state.specific
    task_state.task.specific.on_action(task_state, user(username), "approve")


def test_the_training_catalogues_carry_the_approval_workflow():
    for page in TrainingIndexPage.objects.all():
        assert page.get_workflow().name == WORKFLOW_NAME


def test_a_trainer_creates_a_course_and_submits_it_but_it_is_not_live(client_for):
    response = add_course(client_for("formateur"), "action-submit")
    assert response.status_code == 302
    page = new_course()
    assert not page.live
    assert page.owner == user("formateur")
    assert page.workflow_in_progress


def test_a_trainer_cannot_publish_a_course(client_for):
    add_course(client_for("formateur"), "action-publish")
    page = new_course()
    assert page is None or not page.live
    assert not catalogue().permissions_for_user(user("formateur")).can_publish_subpage()


def test_the_coordinator_approves_and_the_course_goes_live(client_for):
    add_course(client_for("formateur"), "action-submit")
    page = new_course()
    approve(page, "coordination")
    page.refresh_from_db()
    assert page.live
    assert client_for("personnel").get(page.url).status_code == 200


@pytest.mark.parametrize("username", ["formateur", "personnel", "juriste"])
def test_only_a_coordinator_gives_the_approval(client_for, username):
    from django.core.exceptions import PermissionDenied

    add_course(client_for("formateur"), "action-submit")
    page = new_course()
    with pytest.raises(PermissionDenied):
        approve(page, username)
    page.refresh_from_db()
    assert not page.live


def test_the_coordinator_is_asked_for_the_approval(client_for):
    add_course(client_for("formateur"), "action-submit")
    page = new_course()
    assert (
        TaskState.objects.reviewable_by(user("coordination"))
        .filter(revision__object_id=str(page.pk))
        .exists()
    )


def test_a_trainer_edits_their_own_course(client_for):
    page = course(owner="formateur")
    assert client_for("formateur").get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_a_trainer_cannot_edit_another_trainers_course(client_for):
    other = PersonFactory(role="trainer")
    client = Client()
    client.force_login(other)
    french = course(owner="formateur")
    for page in (french, in_arabic(french)):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert refused(response)
        response = client.post(f"/admin/pages/{page.pk}/edit/", course_form(title="Changé"))
        assert refused(response)
        assert Page.objects.get(pk=page.pk).title != "Changé"


def test_a_trainer_cannot_edit_the_coordinators_course(client_for):
    page = course(owner="coordination")
    response = client_for("formateur").get(f"/admin/pages/{page.pk}/edit/")
    assert refused(response)


def test_a_trainer_cannot_edit_the_training_catalogue_itself(client_for):
    response = client_for("formateur").get(f"/admin/pages/{catalogue().pk}/edit/")
    assert refused(response)


@dataclass(frozen=True)
class Section:
    """A part of the intranet that is not training: its pages, document collections and
    admin screens (URL names, with the arguments they need)."""

    pages: tuple[str, ...] = ()
    collections: Callable[[], list] = list
    screens: tuple[tuple[str, Callable[[], tuple]], ...] = ()


def _collections(*names):
    return lambda: list(Collection.objects.filter(name__in=names))


def _division_collections():
    from intranet.library.models import DivisionCollection

    return [link.collection for link in DivisionCollection.objects.select_related("collection")]


def _first_plan():
    from intranet.ipecag.models import WorkPlanPage

    return (WorkPlanPage.objects.first().pk,)


def _first(model_label):
    def args():
        from django.apps import apps

        return (apps.get_model(model_label).objects.first().pk,)

    return args


OTHER_SECTIONS = {
    "home": Section(pages=("home.HomePage",)),
    "procedures": Section(
        pages=("procedures_manual.ProcedureIndexPage", "procedures_manual.ProcedurePage"),
        collections=_collections(PROCEDURES_COLLECTION),
        screens=(("procedures_import_manual", tuple),),
    ),
    "legal texts": Section(
        pages=("procedures_manual.LegalTextIndexPage", "procedures_manual.LegalTextPage"),
        collections=_collections(LEGAL_TEXTS_COLLECTION),
    ),
    "news and revues": Section(
        pages=("news.NewsIndexPage", "news.NewsPage", "news.RevuePage"),
        collections=_collections(COMMUNICATION_COLLECTION),
    ),
    "council decisions": Section(
        pages=("news.CouncilDecisionIndexPage", "news.CouncilDecisionPage"),
    ),
    "organisation": Section(
        pages=(
            "organisation.OrganisationChartPage",
            "organisation.DivisionPage",
            "organisation.ServicePage",
        ),
        screens=(
            ("wagtailsnippets_organisation_arrondissement:list", tuple),
            ("wagtailsnippets_organisation_arrondissement:add", tuple),
            (
                "wagtailsnippets_organisation_arrondissement:edit",
                _first("organisation.Arrondissement"),
            ),
            ("wagtailsnippets_organisation_building:list", tuple),
            ("wagtailsnippets_organisation_building:edit", _first("organisation.Building")),
        ),
    ),
    "knowledge base": Section(
        pages=("knowledge.KnowledgeIndexPage", "knowledge.KnowledgeArticlePage"),
        screens=(("knowledge_feedback_report", tuple),),
    ),
    "IPECAG work plans": Section(
        pages=("ipecag.WorkPlanIndexPage", "ipecag.WorkPlanPage"),
        collections=_collections(IPECAG_COLLECTION),
        screens=(("ipecag_update_progress", _first_plan),),
    ),
    "document library": Section(pages=("library.LibraryPage",), collections=_division_collections),
    "search tuning": Section(
        screens=(
            ("wagtailsnippets_search_synonymset:list", tuple),
            ("wagtailsnippets_search_synonymset:add", tuple),
            ("wagtailsnippets_search_synonymset:edit", _first("search.SynonymSet")),
            ("wagtailsnippets_search_synonymset:delete", _first("search.SynonymSet")),
            ("wagtailsearchpromotions:index", tuple),
            ("wagtailsearchpromotions:add", tuple),
        ),
    ),
    "administration": Section(
        screens=(
            ("wagtailusers_users:index", tuple),
            ("wagtailusers_groups:index", tuple),
            ("wagtailadmin_workflows:index", tuple),
            ("wagtailadmin_collections:index", tuple),
            ("wagtailsites:index", tuple),
            ("wagtaillocales:index", tuple),
        ),
    ),
}


def _pages_of(model_label):
    """The first page of that type in each language, wherever it comes from: this
    check walks the installation's content (the demo commune), end to end."""
    from django.apps import apps

    model = apps.get_model(model_label)
    pages = [model.objects.filter(locale__language_code=code).first() for code in ("fr", "ar")]
    pages = [page for page in pages if page is not None]
    assert pages, f"the demo has no {model_label}"
    return pages


@pytest.mark.parametrize("section", OTHER_SECTIONS.values(), ids=OTHER_SECTIONS.keys())
def test_a_trainer_cannot_touch_other_sections(client_for, section):
    client = client_for("formateur")
    trainer = user("formateur")

    for model_label in section.pages:
        for page in _pages_of(model_label):
            permissions = page.permissions_for_user(trainer)
            assert not permissions.can_edit(), page
            assert not permissions.can_add_subpage(), page
            assert not permissions.can_publish(), page
            assert not permissions.can_unpublish(), page
            assert not permissions.can_delete(), page
            assert refused(client.get(f"/admin/pages/{page.pk}/edit/")), page
            assert refused(client.post(f"/admin/pages/{page.pk}/edit/", {"title": "Changé"}))
            assert refused(client.get(f"/admin/pages/{page.pk}/add_subpage/")), page
            assert refused(client.post(f"/admin/pages/{page.pk}/delete/")), page
            if page.live:
                assert refused(client.post(f"/admin/pages/{page.pk}/unpublish/")), page
            after = Page.objects.get(pk=page.pk)
            assert (after.title, after.live) == (page.title, page.live)

    for collection in section.collections():
        document = get_document_model().objects.create(
            title="Document de la section", collection=collection
        )
        assert refused(client.get(reverse("wagtaildocs:edit", args=(document.pk,))))
        assert refused(client.post(reverse("wagtaildocs:delete", args=(document.pk,))))
        assert get_document_model().objects.filter(pk=document.pk).exists()
        policy = policy_registry.get_by_type(get_document_model())
        assert collection not in policy.collections_user_has_permission_for(trainer, "add")

    for url_name, arguments in section.screens:
        url = reverse(url_name, args=arguments())
        assert refused(client.get(url)), url
        assert refused(client.post(url, {})), url


def test_the_coordinator_edits_and_publishes_any_course():
    course("cours-du-formateur", owner="formateur")
    course("cours-d-un-collegue", owner=PersonFactory(role="trainer").username)
    course("cours-sans-auteur", owner=None)
    for page in CoursePage.objects.all():
        permissions = page.permissions_for_user(user("coordination"))
        assert permissions.can_edit() and permissions.can_publish(), page


# Sessions in the admin

SESSIONS_URL = "/admin/training_sessions/"


def test_a_trainer_lists_only_their_own_sessions(client_for):
    own = SessionFactory(trainer=user("formateur"), room="Salle A-own")
    other = SessionFactory(trainer=user("coordination"), room="Salle B-other")
    response = client_for("formateur").get(SESSIONS_URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert own.room in content
    assert other.room not in content


def test_a_trainer_cannot_edit_or_delete_another_trainers_session(client_for):
    other = SessionFactory(trainer=user("coordination"))
    client = client_for("formateur")
    for response in (
        client.get(f"{SESSIONS_URL}edit/{other.pk}/"),
        client.post(f"{SESSIONS_URL}edit/{other.pk}/", session_form(other, room="Pris")),
        client.post(f"{SESSIONS_URL}delete/{other.pk}/"),
    ):
        assert refused(response)
    other.refresh_from_db()
    assert other.room != "Pris"
    assert TrainingSession.objects.filter(pk=other.pk).exists()


def session_form(session, **changes):
    data = {
        "course": session.course_id,
        "trainer": session.trainer_id,
        "arrondissement": "",
        "room": session.room,
        "starts_at": session.starts_at.strftime("%Y-%m-%d %H:%M"),
        "ends_at": session.ends_at.strftime("%Y-%m-%d %H:%M"),
        "capacity": session.capacity,
    }
    return {**data, **changes}


def test_a_trainer_schedules_a_session_only_for_themselves(client_for):
    template = SessionFactory.build()
    client = client_for("formateur")
    response = client.post(
        f"{SESSIONS_URL}new/", session_form(template, trainer=user("coordination").pk, room="Z9")
    )
    assert response.status_code == 200  # the form refuses another trainer
    assert not TrainingSession.objects.filter(room="Z9").exists()
    response = client.post(f"{SESSIONS_URL}new/", session_form(template, room="Z9"))
    assert response.status_code == 302
    assert TrainingSession.objects.get(room="Z9").trainer == user("formateur")


def test_the_coordinator_edits_any_session(client_for):
    session = SessionFactory(trainer=user("formateur"))
    response = client_for("coordination").post(
        f"{SESSIONS_URL}edit/{session.pk}/", session_form(session, room="Salle du conseil")
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.room == "Salle du conseil"


def test_the_capacity_cannot_drop_below_the_people_enrolled(client_for):
    from training import enrolment

    session = SessionFactory(capacity=3)
    for person in PersonFactory.create_batch(3):
        enrolment.enrol(session.pk, person)
    response = client_for("coordination").post(
        f"{SESSIONS_URL}edit/{session.pk}/", session_form(session, capacity=2)
    )
    assert response.status_code == 200
    session.refresh_from_db()
    assert session.capacity == 3


@pytest.mark.parametrize("username", ["personnel", "accueil"])
def test_staff_do_not_reach_the_sessions_admin(client_for, username):
    response = client_for(username).get(SESSIONS_URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("username", ["cellule", "juriste", "communication"])
def test_other_editors_do_not_manage_sessions(client_for, username):
    assert refused(client_for(username).get(SESSIONS_URL))


def test_a_session_picked_on_the_arabic_course_belongs_to_the_french_one(client_for):
    from intranet.organisation.models import Arrondissement
    from tests.organisation.factories import arrondissement

    french_course = course()
    template = SessionFactory.build(course=french_course)
    place = arrondissement()
    arabic_place = Arrondissement.objects.get(
        translation_key=place.translation_key, locale__language_code="ar"
    )
    response = client_for("coordination").post(
        f"{SESSIONS_URL}new/",
        session_form(
            template,
            course=in_arabic(french_course).pk,
            arrondissement=arabic_place.pk,
            room="Z8",
        ),
    )
    assert response.status_code == 302
    session = TrainingSession.objects.get(room="Z8")
    assert session.course == french_course
    assert session.arrondissement == place
