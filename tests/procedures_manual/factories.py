"""Procedures, legal texts and services for one test, built as the demo's loader builds them.

Pages go under the demo's section pages (the manual, the legal texts page, a
division of the organisation chart) through the same page tree and publishing
path; a procedure goes live in both languages only through the approval circuit,
taken by the demo's cell members and legal advisor.
"""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from intranet.accounts.roles import PROCEDURES_COLLECTION
from intranet.core.commune_data.pages import upsert_child, upsert_translation
from intranet.organisation.models import Building, DivisionPage, ServicePage
from procedures_manual.approval import approve_through_workflow
from procedures_manual.models import (
    Category,
    LegalArticle,
    LegalTextIndexPage,
    LegalTextPage,
    ProcedureIndexPage,
    ProcedureLegalReference,
    ProcedurePage,
    RequiredDocument,
)


def user(username):
    return get_user_model().objects.get(username=username)


def circuit():
    """Author, reviewer and legal advisor: the demo's accounts of the approval circuit."""
    return user("cellule"), user("cellule2"), user("juriste")


def arabic():
    return Locale.objects.get(language_code="ar")


def manual(language="fr"):
    return ProcedureIndexPage.objects.get(locale__language_code=language)


def legal_texts_index(language="fr"):
    return LegalTextIndexPage.objects.get(locale__language_code=language)


def building(name="Annexe des essais", name_ar="ملحقة التجارب"):
    """A building in French and Arabic."""
    french = Building.objects.create(
        locale=Locale.objects.get(language_code="fr"), name=name, address="1, rue des Essais"
    )
    translation = french.copy_for_translation(arabic())
    translation.name = name_ar
    translation.save()
    return french


def responsible_service(
    slug="service-des-essais",
    title="Service des essais",
    title_ar="مصلحة التجارب",
    **fields,
):
    """A live service under the first division of the organisation chart, in both
    languages; it wears its division's colour."""
    division = DivisionPage.objects.filter(locale__language_code="fr").order_by("path").first()
    french = upsert_child(None, division, ServicePage, slug, title=title, **fields)
    upsert_translation(None, french, arabic(), title=title_ar, slug=slug)
    return french


def legal_text(
    number="88-20",
    title="Loi n° 88-20 relative aux essais",
    title_ar="القانون رقم 88-20 المتعلق بالتجارب",
    articles=(("14", "Le délai est de deux jours."), ("15", "La déclaration est gratuite.")),
    kind=LegalTextPage.Kind.LAW,
    **fields,
):
    """A live legal text in force, in both languages, with ``articles`` as (number, text)."""
    slug = f"{kind}-{number}".lower()
    french = upsert_child(
        None,
        legal_texts_index(),
        LegalTextPage,
        slug,
        title=title,
        kind=kind,
        number=number,
        articles=[LegalArticle(number=n, text=text) for n, text in articles],
        **fields,
    )
    upsert_translation(
        None,
        french,
        arabic(),
        title=title_ar,
        slug=slug,
        articles=[LegalArticle(number=n, text=f"نص المادة {n}") for n, _text in articles],
    )
    return french


def form_document(title="Formulaire de déclaration d'essai", content=b"%PDF-1.4 formulaire"):
    """A form in the procedures' collection, as the demo stores those it hands out."""
    document = get_document_model().objects.create(
        title=title, collection=Collection.objects.get(name=PROCEDURES_COLLECTION)
    )
    document.file.save("formulaire-essai.pdf", ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


FRENCH = {
    "title": "Déclaration d'essai",
    "summary": "Déclarer un essai au bureau d'ordre de la commune.",
    "audience": "Toute personne qui mène un essai.",
    "outcome": "Récépissé de déclaration",
    "documents": [("Carte nationale d'identité", "original", 1), ("Plan des lieux", "copy", 2)],
    "steps": ["Déposer la déclaration au guichet", "Retirer le récépissé"],
    "questions": [("Faut-il un témoin ?", "Non, la déclaration suffit.")],
    "form_title": "Formulaire de déclaration",
}
ARABIC = {
    "title": "التصريح بالتجربة",
    "summary": "التصريح بتجربة لدى مكتب الضبط بالجماعة.",
    "audience": "كل شخص يجري تجربة.",
    "outcome": "وصل التصريح",
    "documents": [("البطاقة الوطنية للتعريف", "original", 1), ("تصميم الأماكن", "copy", 2)],
    "steps": ["إيداع التصريح بالشباك", "سحب الوصل"],
    "questions": [("هل يلزم شاهد؟", "لا، التصريح يكفي.")],
    "form_title": "مطبوع التصريح",
}


def procedure(
    code="TS-01",
    category=Category.CIVIL_STATUS,
    french=None,
    arabic_words=None,
    service=None,
    references=(),
    form=None,
    translate=True,
    **fields,
):
    """A procedure taken live through the approval circuit, in French and (unless
    ``translate`` is false) in Arabic, as the demo's loader takes its procedures.

    ``french`` and ``arabic_words`` override the words of ``FRENCH`` and ``ARABIC``;
    ``service`` is a page of ``responsible_service`` (the default one when left out),
    ``references`` are (legal text, articles); ``form`` a document it hands out.
    """
    words = {"fr": {**FRENCH, **(french or {})}, "ar": {**ARABIC, **(arabic_words or {})}}
    slug = f"{code.lower()}-procedure-de-test"
    common = {
        "code": code,
        "category": category,
        "service": service or responsible_service(),
        "fee_amount": None,
        "max_delay_days": 2,
        **fields,
    }
    page = manual().add_child(
        instance=ProcedurePage(live=False, slug=slug, **common, **_words(words["fr"], references))
    )
    _attach_form(page, words["fr"], form)
    approve_through_workflow(page, *circuit())
    if translate:
        translation = page.copy_for_translation(arabic(), copy_parents=True).specific
        for name, value in _words(words["ar"], references).items():
            setattr(translation, name, value)
        _attach_form(translation, words["ar"], form)
        approve_through_workflow(translation, *circuit())
    return ProcedurePage.objects.get(pk=page.pk)


def _words(words, references):
    return {
        "title": words["title"],
        "summary": words["summary"],
        "audience": words["audience"],
        "outcome": words["outcome"],
        "documents": [
            RequiredDocument(name=name, form=form, copies=copies)
            for name, form, copies in words["documents"]
        ],
        "steps": [("step", {"title": title, "detail": ""}) for title in words["steps"]],
        "questions": [
            ("question", {"question": question, "answer": answer})
            for question, answer in words["questions"]
        ],
        "legal_references": [
            ProcedureLegalReference(legal_text=text, articles=articles)
            for text, articles in references
        ],
    }


def _attach_form(page, words, document):
    if document is not None:
        page.forms = [("form", {"title": words["form_title"], "document": document})]


def translation_of(page, language="ar"):
    return ProcedurePage.objects.get(
        translation_key=page.translation_key, locale__language_code=language
    )
