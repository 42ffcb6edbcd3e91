"""Sections contribute panels to other sections' pages through hooks, in their own order."""

import copy
from types import SimpleNamespace

import pytest
from wagtail import hooks

from intranet.core import panels
from intranet.core.panels import DASHBOARD_PANELS, Panel


def test_a_section_returning_nothing_adds_no_panel_and_the_order_decides_the_place():
    def late(home, request):
        return Panel("late.html")

    def early(home, request):
        return Panel("early.html", {"news": []})

    def silent(home, request):
        return None

    home = SimpleNamespace(locale=None)  # what the sections' own panels read of it
    with (
        hooks.register_temporarily(DASHBOARD_PANELS, late, order=900),
        hooks.register_temporarily(DASHBOARD_PANELS, early, order=-900),
        hooks.register_temporarily(DASHBOARD_PANELS, silent),
    ):
        collected = panels.collect(DASHBOARD_PANELS, home, None)
    assert None not in collected
    assert collected[0].template == "early.html"
    assert collected[-1].template == "late.html"


@pytest.mark.django_db
def test_the_home_page_shows_a_panel_a_section_contributes(staff_client, tmp_path, settings):
    (tmp_path / "notice.html").write_text('<section class="panel">Avis de coupure d’eau</section>')
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates  # a new setting: Django builds its template engines again

    def notice(home, request):
        return Panel("notice.html")

    with hooks.register_temporarily(DASHBOARD_PANELS, notice):
        html = staff_client.get("/fr/").content.decode()
    assert "Avis de coupure d’eau" in html
