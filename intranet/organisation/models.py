"""The commune's organisation: divisions, services, where they sit and who to call.

Divisions and services are pages, so that they have an address on the intranet,
revisions, a French and an Arabic version, and a place in search. Buildings and
arrondissements are snippets shared by many services.
"""

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks, hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from intranet.core import panels
from intranet.core.locales import LocalizedFromCache
from intranet.core.pages import SectionPage

from .colours import ColourCode, swatch

phone_extension_validator = RegexValidator(
    r"^[0-9 +().-]{2,20}$", _("Enter digits only, for example 214 or 0523 48 22 14.")
)


class Building(LocalizedFromCache, TranslatableMixin, models.Model):
    """A place where the commune receives the public: its headquarters, an annex..."""

    name = models.CharField(_("name"), max_length=120)
    address = models.CharField(_("address"), max_length=255)

    panels = [FieldPanel("name"), FieldPanel("address")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("building")
        verbose_name_plural = _("buildings")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Arrondissement(LocalizedFromCache, TranslatableMixin, index.Indexed, models.Model):
    """One of the commune's arrondissements or administrative annexes, where some
    services are also offered close to where citizens live."""

    class Kind(models.TextChoices):
        ARRONDISSEMENT = "arrondissement", _("Arrondissement")
        ANNEX = "annex", _("Administrative annex")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ARRONDISSEMENT)
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=255)
    phone = models.CharField(
        _("phone"), max_length=20, blank=True, validators=[phone_extension_validator]
    )
    head_name = models.CharField(_("head"), max_length=120, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number")]),
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("head_name")]),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("address")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("arrondissement or annex")
        verbose_name_plural = _("arrondissements and annexes")
        # Arrondissements ("arrondissement" sorts after "annex") before annexes. Plain
        # field names only: modelcluster sorts unsaved relations by this list in Python.
        ordering = ["-kind", "number", "name"]

    def __str__(self):
        return self.name


class Floor(models.IntegerChoices):
    BASEMENT = -1, _("Basement")
    GROUND = 0, _("Ground floor")
    FIRST = 1, _("1st floor")
    SECOND = 2, _("2nd floor")
    THIRD = 3, _("3rd floor")
    FOURTH = 4, _("4th floor")


class AttributionsBlock(blocks.StreamBlock):
    mission = blocks.CharBlock(label=_("Mission"), max_length=500)

    class Meta:
        icon = "list-ul"


class OrganisationUnit(LocalizedFromCache, models.Model):
    """What divisions and services share: who leads them, what they do, where they sit."""

    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    head_name = models.CharField(_("head"), max_length=120, blank=True)
    head_title = models.CharField(_("head's title"), max_length=120, blank=True)
    attributions = StreamField(
        AttributionsBlock(),
        blank=True,
        verbose_name=_("attributions"),
        help_text=_("One mission per line, as the commune's organisation decision states it."),
    )
    building = models.ForeignKey(
        Building,
        verbose_name=_("building"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    floor = models.SmallIntegerField(_("floor"), choices=Floor, null=True, blank=True)
    office = models.CharField(_("office"), max_length=40, blank=True)
    phone_extension = models.CharField(
        _("phone extension"), max_length=20, blank=True, validators=[phone_extension_validator]
    )
    email = models.EmailField(_("email"), blank=True)

    unit_panels = [
        MultiFieldPanel(
            [
                FieldPanel("acronym"),
                FieldRowPanel([FieldPanel("head_name"), FieldPanel("head_title")]),
            ],
            heading=_("Identity"),
        ),
        FieldPanel("attributions"),
        MultiFieldPanel(
            [
                FieldPanel("building"),
                FieldRowPanel([FieldPanel("floor"), FieldPanel("office")]),
                FieldRowPanel([FieldPanel("phone_extension"), FieldPanel("email")]),
            ],
            heading=_("Location and contact"),
        ),
    ]
    unit_search_fields = [
        index.SearchField("acronym"),
        index.SearchField("attributions"),
        index.SearchField("head_name"),
        index.SearchField("office"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        """A badge colour leads a visitor to one place: no two units may wear it."""
        super().clean()
        colour = getattr(self, "colour", "")
        holder = colour and badge_colour_holder(colour, self)
        if holder:
            raise ValidationError(
                {
                    "colour": _(
                        "%(colour)s is already the badge colour of %(unit)s: "
                        "each colour leads visitors to one place."
                    )
                    % {"colour": ColourCode(colour).label, "unit": holder.title}
                }
            )

    @property
    def missions(self):
        return [block.value for block in self.attributions if block.block_type == "mission"]

    @property
    def location(self):
        """The building in the reader's language, or None."""
        return self.building.localized if self.building_id else None


class OrganisationChartPage(SectionPage):
    """The commune's organisation chart: the printable "fiche technique de l'organigramme"
    the 2017 diagnostic asked to post at the headquarters' entrance."""

    subpage_types = ["organisation.DivisionPage"]

    class Meta:
        verbose_name = _("organisation chart")

    def divisions(self):
        """Live divisions with their live services, fetched in two queries."""
        divisions = list(DivisionPage.objects.child_of(self).live().select_related("building"))
        services = ServicePage.objects.live().select_related("building").order_by("path")
        by_parent = {}
        for service in services.filter(path__startswith=self.path):
            by_parent.setdefault(service.path[: -service.steplen], []).append(service)
        for division in divisions:
            division.live_services = by_parent.get(division.path, [])
        return divisions

    def arrondissements(self):
        return Arrondissement.objects.filter(locale=self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["divisions"] = self.divisions()
        context["arrondissements"] = self.arrondissements()
        return context


class DivisionPage(OrganisationUnit, Page):
    colour = models.CharField(_("colour code"), max_length=10, choices=ColourCode)

    content_panels = [*Page.content_panels, FieldPanel("colour"), *OrganisationUnit.unit_panels]
    search_fields = [*Page.search_fields, *OrganisationUnit.unit_search_fields]
    parent_page_types = ["organisation.OrganisationChartPage"]
    subpage_types = ["organisation.ServicePage"]

    class Meta:
        verbose_name = _("division")
        verbose_name_plural = _("divisions")

    @property
    def effective_colour(self):
        return self.colour

    @property
    def colour_label(self):
        return ColourCode(self.effective_colour).label

    @property
    def swatch(self):
        return swatch(self.colour)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = ServicePage.objects.child_of(self).live().select_related("building")
        return context


class ServicePage(OrganisationUnit, Page):
    colour = models.CharField(
        _("colour code"),
        max_length=10,
        choices=ColourCode,
        blank=True,
        help_text=_("Leave empty to use the division's colour."),
    )
    open_to_public = models.BooleanField(
        _("open to the public"),
        default=True,
        help_text=_("Services that receive citizens appear at the reception desk."),
    )
    arrondissements = ParentalManyToManyField(
        Arrondissement,
        verbose_name=_("also offered in"),
        blank=True,
        related_name="services",
    )
    team = models.ForeignKey(
        Group,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The group of the service's staff: they see, on this page, the visitors "
            "the reception desk sends them."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("colour"), FieldPanel("open_to_public")]),
        FieldPanel("team"),
        *OrganisationUnit.unit_panels,
        InlinePanel("opening_hours", heading=_("Opening hours"), label=_("Opening hours")),
        FieldPanel("arrondissements", widget=forms.CheckboxSelectMultiple),
        InlinePanel("staff_contacts", heading=_("Staff contacts"), label=_("Contact")),
    ]
    search_fields = [*Page.search_fields, *OrganisationUnit.unit_search_fields]
    parent_page_types = ["organisation.DivisionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    @cached_property
    def division(self):
        # The parent division in one query, where get_parent().specific takes two.
        parent = DivisionPage.objects.filter(path=self.path[: -self.steplen]).first()
        return parent or self.get_parent().specific

    @property
    def effective_colour(self):
        return self.colour or self.division.colour

    @property
    def colour_label(self):
        return ColourCode(self.effective_colour).label

    @property
    def swatch(self):
        return swatch(self.effective_colour)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # In the cached body: what other sections list for the service (its procedures).
        context["service_sections"] = panels.collect(panels.SERVICE_SECTIONS, self)
        # Per reader, outside the cached body: what other sections show the service's
        # own staff here (the visitors the reception desk sent them).
        context["service_panels"] = [
            panel
            for panel in (render(request, self) for render in hooks.get_hooks("service_panels"))
            if panel
        ]
        return context

    def is_team_member(self, user):
        """Whether ``user`` is of this service's staff, in any language of its page."""
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        teams = ServicePage.objects.filter(
            translation_key=self.translation_key, team__isnull=False
        ).values("team_id")
        return user.groups.filter(pk__in=teams).exists()

    def search_facets(self):
        return {"service": self.title, "boost": 1.2}

    @property
    def offered_in(self):
        """Arrondissements and annexes in the reader's language."""
        return [arrondissement.localized for arrondissement in self.arrondissements.all()]

    def is_open(self, moment=None):
        """Whether the service receives visitors at ``moment`` (now, in the commune's
        time zone); None when its opening hours are not recorded."""
        hours = list(self.opening_hours.all())
        if not hours:
            return None
        moment = timezone.localtime(moment)
        return any(slot.covers(moment) for slot in hours)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(Orderable):
    service = ParentalKey(ServicePage, related_name="opening_hours", on_delete=models.CASCADE)
    first_day = models.PositiveSmallIntegerField(_("from"), choices=Weekday)
    last_day = models.PositiveSmallIntegerField(_("to"), choices=Weekday)
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))

    panels = [
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        errors = {}
        if (
            self.first_day is not None
            and self.last_day is not None
            and self.last_day < self.first_day
        ):
            errors["last_day"] = _("The last day must come after the first day.")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Closing time must be after opening time.")
        if errors:
            raise ValidationError(errors)

    def covers(self, moment):
        return (
            self.first_day <= moment.weekday() <= self.last_day
            and self.opens_at <= moment.time() < self.closes_at
        )

    @property
    def days(self):
        first, last = Weekday(self.first_day).label, Weekday(self.last_day).label
        return first if self.first_day == self.last_day else f"{first} – {last}"


class StaffContact(Orderable):
    """A person of the service whom colleagues can call."""

    service = ParentalKey(ServicePage, related_name="staff_contacts", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=120)
    job_title = models.CharField(_("job title"), max_length=120)
    phone_extension = models.CharField(
        _("phone extension"), max_length=20, blank=True, validators=[phone_extension_validator]
    )
    email = models.EmailField(_("email"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("job_title")]),
        FieldRowPanel([FieldPanel("phone_extension"), FieldPanel("email")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("staff contact")
        verbose_name_plural = _("staff contacts")

    def __str__(self):
        return self.name


def badge_colour_holder(colour, unit):
    """The division or service of ``unit``'s language that wears ``colour``, other than it."""
    for model in (DivisionPage, ServicePage):
        holders = model.objects.filter(colour=colour, locale_id=unit.locale_id)
        if unit.translation_key:
            holders = holders.exclude(translation_key=unit.translation_key)
        holder = holders.first()
        if holder is not None:
            return holder
    return None
