"""What a section shows on another section's page, without either importing the other.

A page that takes contributions asks a Wagtail hook for them; each section
registers a function in its own ``wagtail_hooks.py`` that returns a ``Panel``
(a template and what it shows) or None. Removing a section removes its panels
and breaks nothing else. Hooks run in their ``order`` (``hooks.register(name,
fn, order=...)``), so that a section decides where its panel stands.

- ``intranet_dashboard_panels`` (``fn(home, request)``): the home page's panels
  of content, kept in the cache with the page until the content changes; a
  panel must show the same to every reader of a language.
- ``intranet_service_sections`` (``fn(service)``): sections of a service's page,
  kept in the cache with its body on the same terms.
"""

from dataclasses import dataclass, field

from wagtail import hooks

DASHBOARD_PANELS = "intranet_dashboard_panels"
SERVICE_SECTIONS = "intranet_service_sections"


@dataclass(frozen=True)
class Panel:
    """A template, included in the page with ``panel`` set to ``context``.

    Build querysets, not lists: a panel whose rendering is in the cache must
    cost no query.
    """

    template: str
    context: dict = field(default_factory=dict)


def collect(hook_name, *args):
    """The panels the registered sections return for ``args``, in the hooks' order."""
    return [
        panel
        for panel in (contribute(*args) for contribute in hooks.get_hooks(hook_name))
        if panel is not None
    ]
