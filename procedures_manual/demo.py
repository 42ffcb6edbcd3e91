"""Demo manual of procedures and legal texts, in French and Arabic.

Procedures go live the way real ones do: a cell member submits, a second member
reviews, the legal advisor approves. The demo therefore shows who approved each
version, and proves the circuit on every fresh install.
"""

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from intranet.accounts.roles import apply_roles
from intranet.home.demo_pages import arabic, upsert_child, upsert_translation
from intranet.organisation.models import ServicePage

from .approval import setup_procedures_workflow
from .demo_forms import forms_block, questions_block
from .demo_legal import LEGAL_TEXTS
from .demo_procedures import PROCEDURES
from .models import (
    ChangeSignificance,
    LegalArticle,
    LegalTextIndexPage,
    LegalTextPage,
    ProcedureIndexPage,
    ProcedureLegalReference,
    ProcedurePage,
    RequiredDocument,
    RevisionSignificance,
)


def load():
    from intranet.home.models import HomePage

    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    legal_index = upsert_child(
        home,
        LegalTextIndexPage,
        "textes-juridiques",
        title="Textes juridiques",
        show_in_menus=True,
        introduction="<p>Les lois, décrets et décisions sur lesquels reposent les procédures de la commune.</p>",
    )
    upsert_translation(
        legal_index,
        arabic(),
        title="النصوص القانونية",
        slug="textes-juridiques",
        introduction="<p>القوانين والمراسيم والمقررات التي تستند إليها مساطر الجماعة.</p>",
    )
    legal_texts = {
        key: _load_legal_text(legal_index, key, data) for key, data in LEGAL_TEXTS.items()
    }

    manual = upsert_child(
        home,
        ProcedureIndexPage,
        "procedures",
        title="Manuel des procédures",
        show_in_menus=True,
        introduction=(
            "<p>Le manuel unifié des procédures administratives de la commune : pour chaque "
            "prestation, les pièces à fournir, les frais, les délais, le service responsable et "
            "les références juridiques.</p>"
        ),
    )
    upsert_translation(
        manual,
        arabic(),
        title="دليل المساطر",
        slug="procedures",
        introduction=(
            "<p>الدليل الموحد للمساطر الإدارية للجماعة: لكل خدمة الوثائق المطلوبة والرسوم "
            "والآجال والمصلحة المسؤولة والمراجع القانونية.</p>"
        ),
    )
    apply_roles()  # the legal advisor's approval publishes: the grant must exist first
    setup_procedures_workflow()

    users = get_user_model().objects
    circuit = (
        users.get(username="cellule"),
        users.get(username="cellule2"),
        users.get(username="juriste"),
    )
    for data in PROCEDURES:
        _load_procedure(manual, data, legal_texts, circuit)
    return manual


def _load_legal_text(index, key, data):
    kind, number, enacted_on, bo_number, bo_date, (title_fr, title_ar), articles = data
    common = {
        "kind": kind,
        "number": number,
        "enacted_on": enacted_on,
        "official_bulletin_number": bo_number,
        "official_bulletin_date": bo_date,
        "applies_from": bo_date or enacted_on,
    }
    french = upsert_child(
        index,
        LegalTextPage,
        slugify(f"{kind}-{number}"),
        title=title_fr,
        **common,
        articles=[LegalArticle(number=n, text=fr) for n, fr, _ar in articles],
    )
    upsert_translation(
        french,
        arabic(),
        title=title_ar,
        slug=french.slug,
        **common,
        articles=[LegalArticle(number=n, text=ar) for n, _fr, ar in articles],
    )
    return french


def _load_procedure(manual, data, legal_texts, circuit):
    slug = slugify(f"{data['code']}-{data['fr']['title']}")[:80]
    french = ProcedurePage.objects.child_of(manual).filter(slug=slug).first()
    service = ServicePage.objects.get(slug=data["service"], locale__language_code="fr")
    if french is None:
        french = manual.add_child(
            instance=ProcedurePage(
                slug=slug, live=False, **_fields(data, "fr", service, legal_texts, 0)
            )
        )
        approve_through_workflow(french, *circuit)
    if french.get_translation_or_none(arabic()) is None:
        translation = french.copy_for_translation(arabic(), copy_parents=True).specific
        for name, value in _fields(data, "ar", service, legal_texts, 1).items():
            setattr(translation, name, value)
        approve_through_workflow(translation, *circuit)


def _fields(data, language, service, legal_texts, column):
    texts = data[language]
    return {
        "title": texts["title"],
        "code": data["code"],
        "summary": texts["summary"],
        "category": data["category"],
        "audience": texts["audience"],
        "outcome": texts["outcome"],
        "validity": texts["validity"],
        "fee_amount": data["fee"],
        "max_delay_days": data["delay"],
        "service": service,
        "documents": [
            RequiredDocument(name=doc[column], form=doc[2], copies=doc[3]) for doc in data["docs"]
        ],
        "steps": [("step", {"title": step[column], "detail": ""}) for step in data["steps"]],
        "forms": forms_block(data["code"], language),
        "questions": questions_block(data["code"], language),
        "legal_references": [
            ProcedureLegalReference(legal_text=legal_texts[key], articles=articles)
            for key, articles in data["refs"]
        ],
    }


def approve_through_workflow(page, author, peer, legal_advisor):
    """Submit a draft and take it through both reviews, as the admin's buttons would."""
    revision = page.save_revision(user=author)
    RevisionSignificance.objects.update_or_create(
        revision=revision, defaults={"significance": ChangeSignificance.MAJOR}
    )
    workflow_state = page.get_workflow().start(page, author)
    for reviewer in (peer, legal_advisor):
        workflow_state.refresh_from_db()
        task_state = workflow_state.current_task_state.specific
        task_state.task.specific.on_action(task_state, reviewer, "approve")
    page.refresh_from_db()
    return page
