"""What every template may need, computed only if it is used."""

from django.utils.functional import SimpleLazyObject

from intranet.core import freshness

from .models import current_commune


def commune(request):
    """``{{ commune.formal_name }}``: the commune's name in the language of the page."""
    return {"commune": SimpleLazyObject(current_commune)}


def content_version(request):
    """The token that cached fragments of pages vary on (``{% cache … content_version %}``)."""
    return {"content_version": SimpleLazyObject(lambda: freshness.for_request(request))}
