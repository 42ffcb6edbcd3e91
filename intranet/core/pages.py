"""The kinds of page every section builds on."""

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class SectionPage(Page):
    """A top-level section of the intranet (organisation, manual, legal texts...):
    one per language tree, right under the home page, with a short introduction.

    The home page's model is named by the ``HOME_PAGE_MODEL`` setting, so that
    this layer knows no section.
    """

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = [settings.HOME_PAGE_MODEL]
    max_count_per_parent = 1

    class Meta:
        abstract = True


def home_page(language="fr"):
    """The home page of a language's tree, under which every section page sits."""
    model = apps.get_model(settings.HOME_PAGE_MODEL)
    return model.objects.filter(locale__language_code=language, depth=2).first()
