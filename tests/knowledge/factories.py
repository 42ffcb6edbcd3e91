"""Articles, the procedures they explain and readers' votes, built for one test.

Articles hang under the installation's knowledge base and go through the same page
tree and publishing path as the demo; each language's article links to the pages
of its own language, as the loader links them.
"""

import uuid
from datetime import date

from django.contrib.auth import get_user_model

from intranet.core.commune_data.pages import upsert_child, upsert_translation
from knowledge.feedback import record_vote
from knowledge.models import (
    ArticleProcedure,
    ArticleService,
    KnowledgeArticlePage,
    KnowledgeIndexPage,
)
from procedures_manual.approval import approve_through_workflow
from procedures_manual.models import ProcedureIndexPage, ProcedurePage
from tests.organisation import factories as organisation
from tests.organisation.factories import arabic


def user(username):
    return get_user_model().objects.get(username=username)


def keeper(first_name="Rachid", last_name="Gardien"):
    """A member of staff of the test's own, who keeps articles up to date."""
    return get_user_model().objects.get_or_create(
        username=f"{first_name}.{last_name}".lower(),
        defaults={"first_name": first_name, "last_name": last_name},
    )[0]


def knowledge_base(language="fr"):
    return KnowledgeIndexPage.objects.get(locale__language_code=language)


def paragraph(html):
    return {"type": "paragraph", "id": str(uuid.uuid4()), "value": html}


def question(text, answer_html):
    return {
        "type": "question",
        "id": str(uuid.uuid4()),
        "value": {"question": text, "answer": answer_html},
    }


def document(title, issued_by="", note=""):
    return {
        "type": "document",
        "id": str(uuid.uuid4()),
        "value": {"title": title, "document": None, "issued_by": issued_by, "note": note},
    }


def procedure(
    code="ESSAI-01", title="Procédure des essais", arabic_title="مسطرة التجارب", **fields
):
    """A live procedure and its Arabic version, taken through the approval circuit
    by the installation's procedures cell and legal advisor, the only way one goes
    live. Both versions name the French service, as the loader does."""
    manual = ProcedureIndexPage.objects.get(locale__language_code="fr", depth=3)
    if "service" not in fields:
        fields["service"] = organisation.service(slug=f"service-{code.lower()}")
    values = {
        "title": title,
        "slug": code.lower(),
        "code": code,
        "summary": "Résumé de la procédure des essais.",
        "category": "citizen_relations",
        "audience": "Tout citoyen.",
        "outcome": "Un récépissé.",
        **fields,
    }
    page = manual.add_child(instance=ProcedurePage(live=False, **values))
    circuit = user("cellule"), user("cellule2"), user("juriste")
    approve_through_workflow(page, *circuit)
    translation = page.copy_for_translation(arabic(), copy_parents=True).specific
    translation.title = arabic_title
    approve_through_workflow(translation, *circuit)
    return page


def _in(language, page):
    return page if language == "fr" else page.get_translation(arabic()).specific


def article(
    slug="article-des-essais",
    title="Article des essais",
    arabic_title="مقال التجارب",
    topic="complaints",
    responsible=None,
    responsible_service=None,
    services=(),
    procedures=(),
    body=(),
    arabic_body=(),
    translate=True,
    **fields,
):
    """A published French article (and its Arabic version unless ``translate`` is False),
    kept by ``responsible`` (a user, by default ``keeper()``) and/or
    ``responsible_service`` (a French service page), linked to ``services`` and
    ``procedures`` (French pages). ``responsible=False`` names no person."""

    def links(language):
        owner = responsible_service and _in(language, responsible_service)
        return {
            "responsible_service": owner or None,
            "service_links": [ArticleService(service=_in(language, page)) for page in services],
            "procedure_links": [
                ArticleProcedure(procedure=_in(language, page)) for page in procedures
            ],
        }

    common = {
        "topic": topic,
        "responsible": keeper() if responsible is None else responsible or None,
        "last_reviewed_on": date.today(),
        **fields,
    }
    page = upsert_child(
        None,
        knowledge_base(),
        KnowledgeArticlePage,
        slug,
        title=title,
        summary=f"Résumé de « {title} ».",
        body=list(body) or [paragraph("<p>Texte de l'article.</p>")],
        **common,
        **links("fr"),
    )
    if translate:
        upsert_translation(
            None,
            page,
            arabic(),
            slug=slug,
            title=arabic_title,
            summary=f"ملخص {arabic_title}",
            body=list(arabic_body) or [paragraph("<p>نص المقال.</p>")],
            **links("ar"),
        )
    return page


def in_arabic(page):
    return page.get_translation(arabic()).specific


def vote(page, username, helpful, comment=""):
    return record_vote(page, user(username), helpful, comment)[0]
