"""The colour codes of the visitor badges and the signage.

The 2017 diagnostic asked for visitor badges "organised by a colour code that
identifies and directs visitors according to the service they ask for". A code
is chosen from a fixed palette, so that the same name ("badge vert") means the
same colour on a badge, a sign and a screen, and text drawn on it stays legible
(every pair below has a contrast ratio of at least 4.5:1).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ColourCode(models.TextChoices):
    GREEN = "green", _("Green")
    BLUE = "blue", _("Blue")
    ORANGE = "orange", _("Orange")
    RED = "red", _("Red")
    PURPLE = "purple", _("Purple")
    TEAL = "teal", _("Teal")
    BROWN = "brown", _("Brown")
    YELLOW = "yellow", _("Yellow")
    PINK = "pink", _("Pink")
    GREY = "grey", _("Grey")


# code: (background, text drawn on it)
SWATCHES = {
    ColourCode.GREEN: ("#1b7a3d", "#ffffff"),
    ColourCode.BLUE: ("#1f5fa8", "#ffffff"),
    ColourCode.ORANGE: ("#f08c1a", "#1a1a1a"),
    ColourCode.RED: ("#b3261e", "#ffffff"),
    ColourCode.PURPLE: ("#6a3d9a", "#ffffff"),
    ColourCode.TEAL: ("#00796b", "#ffffff"),
    ColourCode.BROWN: ("#7b4a24", "#ffffff"),
    ColourCode.YELLOW: ("#f5d10a", "#1a1a1a"),
    ColourCode.PINK: ("#c2185b", "#ffffff"),
    ColourCode.GREY: ("#5f6368", "#ffffff"),
}


def swatch(code):
    """Background and text colours of a code, as CSS hex strings."""
    return SWATCHES[ColourCode(code)]
