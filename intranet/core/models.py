"""The commune the intranet serves: its names and addresses, loaded as data."""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

CACHE_KEY = "core:commune"


@register_setting(icon="site")
class Commune(BaseGenericSetting):
    """Who this installation belongs to; every page, fiche and printout names it from here."""

    name_fr = models.CharField(_("name in French"), max_length=120, help_text="Beni Mellal")
    name_ar = models.CharField(_("name in Arabic"), max_length=120, help_text="بني ملال")
    formal_name_fr = models.CharField(
        _("formal name in French"), max_length=160, help_text="Commune de Beni Mellal"
    )
    formal_name_ar = models.CharField(
        _("formal name in Arabic"), max_length=160, help_text="جماعة بني ملال"
    )
    email_domain = models.CharField(
        _("email domain"), max_length=120, blank=True, help_text="benimellal.ma"
    )
    website = models.URLField(_("public website"), blank=True)
    phone = models.CharField(_("switchboard"), max_length=40, blank=True)
    address_fr = models.CharField(_("address in French"), max_length=255, blank=True)
    address_ar = models.CharField(_("address in Arabic"), max_length=255, blank=True)
    map_outlines = models.JSONField(
        _("outlines of the arrondissements"),
        default=dict,
        blank=True,
        help_text=_("GeoJSON, loaded from the commune's folder: drawn on the office's maps."),
    )

    class Meta:
        verbose_name = _("commune")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        cache.delete(CACHE_KEY)

    def in_language(self, field, language=None):
        language = (language or get_language() or "fr")[:2]
        value = getattr(self, f"{field}_{'ar' if language == 'ar' else 'fr'}")
        value = value or getattr(self, f"{field}_fr")
        if not value and field in ("name", "formal_name"):
            return settings.WAGTAIL_SITE_NAME  # before any commune.yaml was loaded
        return value

    @property
    def name(self):
        return self.in_language("name")

    @property
    def formal_name(self):
        return self.in_language("formal_name")

    @property
    def address(self):
        return self.in_language("address")

    def __str__(self):
        return self.formal_name_fr or self.name_fr


def current_commune():
    """The commune's record, read once and kept in the cache until it is saved."""
    commune = cache.get(CACHE_KEY)
    if commune is None:
        commune = Commune.objects.first() or Commune()
        cache.set(CACHE_KEY, commune, 3600)
    return commune
