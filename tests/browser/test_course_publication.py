"""A trainer writes a course and submits it; the training coordinator approves it and
it appears in the catalogue. Both work by keyboard alone."""

from playwright.sync_api import expect

from training.models import CoursePage, TrainingIndexPage

from .conftest import JOURNEY

pytestmark = JOURNEY

TITLE = "Accueillir un usager en situation de handicap"
MODULE = "Le cadre légal : la loi-cadre 97-13"


def kept_by_the_form(page, field, text):
    """Wait until the rich text editor has written what was typed into the form's
    hidden input: it does so a moment after the last key, later on a busy machine,
    and a form sent before then arrives with the field empty."""
    page.wait_for_function(
        """([field, text]) => [...document.querySelectorAll(
            `[data-contentpath='${field}'] input[type=hidden]`
        )].some((input) => input.value.includes(text))""",
        arg=[field, text],
    )


def test_a_trainer_publishes_a_course_once_the_coordinator_approves(sign_in):
    catalogue = TrainingIndexPage.objects.get(locale__language_code="fr")
    page, keys = sign_in("formateur", next=f"/admin/pages/add/training/coursepage/{catalogue.pk}/")

    keys.tab_to(page.locator("#id_title"))
    keys.type(TITLE)
    expect(page.locator("#id_title")).to_have_value(TITLE)
    keys.tab_to(page.locator("#id_summary"))
    keys.type("Orienter et servir au guichet une personne à mobilité réduite, sourde ou aveugle.")
    keys.tab_to(page.locator("#id_audience"))
    keys.type("Agents d'accueil du siège et des huit arrondissements.")
    keys.tab_to(page.locator("#id_duration_hours"))
    keys.type("6")
    objectives = page.locator("[data-contentpath='objectives'] [contenteditable=true]")
    keys.tab_to(objectives)
    keys.type("Connaître les droits des personnes en situation de handicap.")
    expect(objectives).to_contain_text("Connaître les droits des personnes en situation")
    kept_by_the_form(page, "objectives", "Connaître les droits")
    keys.activate(page.locator("[data-contentpath='modules'] .c-sf-add-button").first)
    expect(page.locator("#modules-0-value-title")).to_be_focused()
    keys.type(MODULE)
    expect(page.locator("#modules-0-value-title")).to_have_value(MODULE)
    module_text = page.locator("[data-contentpath='modules'] [contenteditable=true]").first
    keys.tab_to(module_text)
    keys.type("Les droits reconnus et les obligations de l'administration.")
    expect(module_text).to_contain_text("Les droits reconnus et les obligations")
    kept_by_the_form(page, "modules", "Les droits reconnus")

    keys.activate(page.get_by_role("button", name="Plus d'actions"))
    keys.tab_to(page.get_by_role("button", name="Soumettre à Validation des formations"))
    with page.expect_navigation():
        keys.press("Enter")
    refused = page.locator(".w-field__errors:visible, .error-message:visible")
    assert not refused.count(), "the course was refused: " + " | ".join(refused.all_inner_texts())
    expect(page.locator(".messages")).to_contain_text("soumise pour modération")
    course = CoursePage.objects.get(title=TITLE, locale=catalogue.locale)
    assert not course.live

    coordinator, keys = sign_in("coordination", next="/admin/")
    keys.activate(coordinator.locator("tr", has_text=TITLE).get_by_role("button", name="Actions"))
    keys.tab_to(coordinator.get_by_role("button", name="Approuver", exact=True))
    with coordinator.expect_navigation():
        keys.press("Enter")
    course.refresh_from_db()
    assert course.live

    learner, keys = sign_in("personnel", next=catalogue.url)
    keys.activate(learner.get_by_role("link", name=TITLE))
    expect(learner.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(learner.locator("main")).to_contain_text(MODULE)
