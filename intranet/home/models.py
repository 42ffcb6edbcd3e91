"""The page a signed-in member of staff lands on."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from . import dashboard


class HomePage(Page):
    welcome = RichTextField(_("welcome text"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("welcome")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(dashboard.for_user(request.user, self, request=request))
        return context


class ContentVersion(models.Model):
    """One row whose token changes with every change of content (see ``freshness``).

    Pages rendered from the database are kept in the cache under the current
    token: a publication, a new legal text status or a moved service changes the
    token, and every web server process stops reading what it kept before.
    """

    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("content version")
