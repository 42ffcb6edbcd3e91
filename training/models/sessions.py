"""Sessions of a course, who enrols in them, and who came.

A session is one record whichever language its trainees read the course in: it
points at the course in the source language (French), and the course's
translations find it through their shared translation key.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def source_language():
    """Choices of translatable things (courses, arrondissements) in the source language only."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class TrainingSessionQuerySet(models.QuerySet):
    def with_counts(self):
        return self.annotate(
            enrolled_count=Count("enrolments", filter=Q(enrolments__status="enrolled")),
            waiting_count=Count("enrolments", filter=Q(enrolments__status="waiting")),
        )

    def for_course(self, course):
        return self.filter(course__translation_key=course.translation_key)

    def upcoming(self):
        return self.filter(starts_at__gt=timezone.now())


class TrainingSession(models.Model):
    course = models.ForeignKey(
        "training.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="training_sessions",
        limit_choices_to=source_language,
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.PROTECT,
        related_name="training_sessions_given",
    )
    arrondissement = models.ForeignKey(
        "organisation.Arrondissement",
        verbose_name=_("arrondissement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="training_sessions",
        limit_choices_to=source_language,
        help_text=_("Leave empty when the session is held at the headquarters."),
    )
    room = models.CharField(_("room"), max_length=120)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )

    objects = TrainingSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="training_session_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.course.title} · {timezone.localtime(self.starts_at):%d/%m/%Y %H:%M}"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    @property
    def is_over(self):
        return self.ends_at <= timezone.now()

    @property
    def same_day(self):
        return timezone.localdate(self.starts_at) == timezone.localdate(self.ends_at)

    @property
    def place(self):
        """Where the session is held, in the reader's language."""
        if self.arrondissement_id:
            return self.arrondissement.localized.name
        return str(_("Headquarters"))

    @property
    def localized_course(self):
        return self.course.localized

    def enrolled(self):
        return self.enrolments.filter(status=Enrolment.Status.ENROLLED).select_related("person")

    def waiting_list(self):
        return self.enrolments.filter(status=Enrolment.Status.WAITING).select_related("person")

    @property
    def places_left(self):
        count = getattr(self, "enrolled_count", None)
        if count is None:
            count = self.enrolled().count()
        return max(self.capacity - count, 0)


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        WAITING = "waiting", _("On the waiting list")

    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="training_enrolments",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status)
    # The waiting list is served in the order people asked for a place.
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"], name="training_one_enrolment_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.person} · {self.session}"

    @property
    def position(self):
        """Place on the waiting list, from 1; None when enrolled."""
        if self.status != self.Status.WAITING:
            return None
        ahead = self.session.enrolments.filter(status=self.Status.WAITING).filter(
            Q(requested_at__lt=self.requested_at)
            | Q(requested_at=self.requested_at, pk__lt=self.pk)
        )
        return ahead.count() + 1
