import pytest
from django.contrib.auth import get_user_model

from tests.organisation import factories as organisation

from . import factories


@pytest.fixture
def article():
    """An article of the test's own, built on first use: ``article()`` is the French
    one, ``article(language="ar")`` its Arabic version. It is kept by the test's own
    person and a service of its own, and concerns a service of its own."""
    built = {}

    def find(language="fr"):
        if not built:
            built["page"] = factories.article(
                title="Guide des essais",
                arabic_title="دليل التجارب",
                responsible_service=organisation.service(
                    slug="bureau-des-essais", title="Bureau des essais", arabic_title="مكتب التجارب"
                ),
            )
        page = built["page"]
        return page if language == "fr" else factories.in_arabic(page)

    return find


@pytest.fixture
def user():
    return lambda username: get_user_model().objects.get(username=username)
