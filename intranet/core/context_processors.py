"""What every template may need, computed only if it is used."""

from django.utils.functional import SimpleLazyObject

from .models import current_commune


def commune(request):
    """``{{ commune.formal_name }}``: the commune's name in the language of the page."""
    return {"commune": SimpleLazyObject(current_commune)}
