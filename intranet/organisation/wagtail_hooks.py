from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Arrondissement, Building


class ArrondissementViewSet(SnippetViewSet):
    model = Arrondissement
    icon = "site"
    list_display = ["name", "kind", "number", "address", "phone"]
    list_filter = ["kind", "locale"]
    search_fields = ["name", "address"]


class BuildingViewSet(SnippetViewSet):
    model = Building
    icon = "home"
    list_display = ["name", "address"]
    list_filter = ["locale"]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Organisation")
    menu_icon = "group"
    items = (ArrondissementViewSet, BuildingViewSet)


register_snippet(OrganisationViewSetGroup)
