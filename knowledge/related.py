"""What other apps may ask of the knowledge base, without reaching into its models."""

from django.db.models import Q

from .models import KnowledgeArticlePage


def articles_for_procedure(procedure):
    """Live articles linked to a procedure (any translation of it), in the procedure's language.

    ``procedures_manual`` may show them on a procedure page::

        context["related_articles"] = articles_for_procedure(self)
        {% include "knowledge/includes/related_articles.html" with articles=related_articles %}
    """
    return (
        KnowledgeArticlePage.objects.live()
        .filter(
            locale_id=procedure.locale_id,
            procedure_links__procedure__translation_key=procedure.translation_key,
        )
        .distinct()
        .order_by("title")
    )


def articles_for_service(service):
    """Live articles a service keeps or is concerned by, in the service page's language."""
    key = service.translation_key
    return (
        KnowledgeArticlePage.objects.live()
        .filter(locale_id=service.locale_id)
        .filter(
            Q(responsible_service__translation_key=key)
            | Q(service_links__service__translation_key=key)
        )
        .distinct()
        .order_by("title")
    )
