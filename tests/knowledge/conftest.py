import pytest
from django.contrib.auth import get_user_model

from knowledge.models import KnowledgeArticlePage


@pytest.fixture
def article():
    """Build the lookup of a demo article by slug and language."""

    def find(slug="guide-depot-reclamation", language="fr"):
        return KnowledgeArticlePage.objects.get(slug=slug, locale__language_code=language)

    return find


@pytest.fixture
def user():
    return lambda username: get_user_model().objects.get(username=username)
