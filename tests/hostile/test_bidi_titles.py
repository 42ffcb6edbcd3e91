"""Bidirectional controls typed or pasted into a title do not reach the screen.

A right-to-left override makes ``facture\\u202efdp.exe`` read ``factureexe.pdf``:
an editor could disguise a document in the library or a page in the menus.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model

from intranet.security.bidi import BIDI_CONTROLS
from tests.library.factories import admin_add, pdf_bytes

pytestmark = pytest.mark.django_db

WORDS = st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=10)
CONTROLS = st.sampled_from(BIDI_CONTROLS)
# At least one control, then words and controls in any order.
TITLES_WITH_CONTROLS = st.tuples(
    WORDS, CONTROLS, st.lists(st.one_of(CONTROLS, WORDS), max_size=8)
).map(lambda parts: parts[0] + parts[1] + "".join(parts[2]))

DISGUISES = {
    "override": "Facture\u202efdp.exe",
    "embedding": "\u202bAvis\u202c au public",
    "isolate": "\u2067قرار\u2069 12",
    "all of them": "".join(BIDI_CONTROLS) + "Note",
}


@pytest.mark.parametrize("title", DISGUISES.values(), ids=DISGUISES.keys())
def test_a_document_uploaded_through_the_admin_loses_its_disguise(title, client_for):
    response = admin_add(client_for("communication"), title, "note\u202efdp.pdf", pdf_bytes("N"))
    assert response.status_code == 302
    document = get_document_model().objects.latest("pk")
    assert not set(BIDI_CONTROLS) & set(document.title + document.file.name)
    assert document.title == "".join(c for c in title if c not in BIDI_CONTROLS)


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(TITLES_WITH_CONTROLS)
def test_any_title_is_kept_but_for_its_bidirectional_controls(title):
    document = get_document_model().objects.create(title=title)
    document.refresh_from_db()
    assert document.title == "".join(c for c in title if c not in BIDI_CONTROLS)
