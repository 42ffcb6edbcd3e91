"""The receipt a citizen leaves with: A5, French and Arabic on the same sheet.

It is the acknowledgment the decree asks for: reference, tracking code, what
was received and when, and the date the answer is due. The screen and the PDF
come from one template (``requests_office/receipt.html``).
"""

from django.template.loader import render_to_string
from django.utils import translation

from intranet.core.models import current_commune
from intranet.core.printing import html_to_pdf

SIDES = (("fr", "ltr"), ("ar", "rtl"))


def context(citizen_request, for_print=False):
    return {
        "citizen_request": citizen_request,
        "commune": current_commune(),
        "sides": SIDES,
        "for_print": for_print,
    }


def as_html(citizen_request, request=None):
    return render_to_string(
        "requests_office/receipt.html", context(citizen_request), request=request
    )


def as_pdf(citizen_request):
    # The sheet's own words switch language side by side; the page around them is French.
    with translation.override("fr"):
        html = render_to_string(
            "requests_office/receipt.html", context(citizen_request, for_print=True)
        )
    return html_to_pdf(html)
