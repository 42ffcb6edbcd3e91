"""A citizen's request to the commune, the steps of its handling, and its files.

The kinds are those of the national complaints portal (decree 2-17-265): a
complaint, an observation, a suggestion. The citizen's identity and contact
details are personal data (law 09-08): ``privacy`` says who reads them and
erases them once the retention period has passed.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BoxOpening(models.Model):
    """One opening of the box, or one reading of the register, at the entrance: the
    day, and how many slips were in it. The office then types each slip as a request
    of that batch, and sees how many are left to type."""

    class Source(models.TextChoices):
        BOX = "box", _("Box at the entrance")
        REGISTER = "register", _("Register at the entrance")

    source = models.CharField(_("source"), max_length=10, choices=Source, default=Source.BOX)
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    slips = models.PositiveIntegerField(_("slips found"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("opening of the box or register")
        verbose_name_plural = _("openings of the box and register")
        ordering = ["-opened_on", "-pk"]

    def __str__(self):
        return f"{self.get_source_display()} {self.opened_on:%d/%m/%Y}"

    @property
    def typed(self):
        """Slips typed so far; counted by the list's query when it annotated them."""
        counted = getattr(self, "typed_count", None)
        return self.requests.count() if counted is None else counted

    @property
    def left_to_type(self):
        return max(self.slips - self.typed, 0)


class CitizenRequest(models.Model):
    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Complaint")
        OBSERVATION = "observation", _("Observation")
        SUGGESTION = "suggestion", _("Suggestion")

    class Channel(models.TextChoices):
        DESK = "desk", _("At the desk")
        PHONE = "phone", _("By phone")
        LETTER = "letter", _("By letter")
        REGISTER = "register", _("Register at the entrance")
        BOX = "box", _("Box at the entrance")
        NATIONAL_PORTAL = "national_portal", _("National portal chikaya.ma")
        PUBLIC_PORTAL = "public_portal", _("The commune's public portal")

    class Status(models.TextChoices):
        RECEIVED = "received", _("To screen")
        ASSIGNED = "assigned", _("With the service")
        INFORMATION_REQUESTED = "information_requested", _("Information asked of the office")
        ANSWER_PROPOSED = "answer_proposed", _("Answer to approve")
        ANSWER_APPROVED = "answer_approved", _("Answer to send")
        CLOSED = "closed", _("Closed")
        INADMISSIBLE = "inadmissible", _("Not admissible")

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        UNSPECIFIED = "unspecified", _("Not specified")

    class Category(models.TextChoices):
        CITIZEN = "citizen", _("Resident citizen")
        ABROAD = "abroad", _("Moroccan living abroad")
        ASSOCIATION = "association", _("Association")
        BUSINESS = "business", _("Business or professional")
        OTHER = "other", _("Other")

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        ARABIC = "ar", _("Arabic")

    class SentBy(models.TextChoices):
        POST = "post", _("By post")
        EMAIL = "email", _("By email")
        HAND = "hand", _("Handed over at the office")
        PHONE = "phone", _("Told by phone")
        NATIONAL_PORTAL = "national_portal", _("On the national portal")

    class Satisfaction(models.TextChoices):
        SATISFIED = "satisfied", _("Satisfied")
        NOT_SATISFIED = "not_satisfied", _("Not satisfied")
        UNKNOWN = "unknown", _("Not known")

    OPEN = (
        Status.RECEIVED,
        Status.ASSIGNED,
        Status.INFORMATION_REQUESTED,
        Status.ANSWER_PROPOSED,
        Status.ANSWER_APPROVED,
    )

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    tracking_code = models.CharField(_("tracking code"), max_length=12, editable=False)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.COMPLAINT)
    channel = models.CharField(_("received"), max_length=16, choices=Channel, default=Channel.DESK)
    national_portal_number = models.CharField(
        _("national portal case number"), max_length=40, blank=True
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate, db_index=True)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opening = models.ForeignKey(
        BoxOpening,
        verbose_name=_("box or register opening"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    language = models.CharField(
        _("language of the citizen"), max_length=2, choices=Language, default=Language.FRENCH
    )

    # The citizen: personal data, read only by the office and the assigned service.
    anonymous = models.BooleanField(_("anonymous"), default=False)
    citizen_name = models.CharField(_("full name"), max_length=160, blank=True)
    national_id = models.CharField(_("national identity card number"), max_length=20, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    postal_address = models.CharField(_("postal address"), max_length=255, blank=True)
    # Counted, never named: the statistics and the IPECAG's figures.
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender, default=Gender.UNSPECIFIED
    )
    category = models.CharField(
        _("category"), max_length=12, choices=Category, default=Category.CITIZEN
    )

    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("request"))
    service = models.ForeignKey(
        "organisation.ServicePage",
        verbose_name=_("service concerned"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    arrondissement = models.ForeignKey(
        "organisation.Arrondissement",
        verbose_name=_("arrondissement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(
        _("where"),
        max_length=255,
        blank=True,
        help_text=_("The address or place the request is about (a street, a park…)."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    status = models.CharField(
        _("status"), max_length=24, choices=Status, default=Status.RECEIVED, db_index=True
    )
    acknowledgment_due = models.DateField(_("acknowledgment due"), null=True, blank=True)
    acknowledged_on = models.DateField(_("acknowledged on"), null=True, blank=True)
    answer_due = models.DateField(_("answer due"), null=True, blank=True, db_index=True)
    inadmissibility_reason = models.TextField(_("why it is not admissible"), blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answer_approved_at = models.DateTimeField(_("answer approved at"), null=True, blank=True)
    sent_by = models.CharField(_("answer sent"), max_length=16, choices=SentBy, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    satisfaction = models.CharField(
        _("citizen satisfied"), max_length=16, choices=Satisfaction, blank=True
    )
    anonymised_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)
    # How far the reminders went (``reminders``): due soon, late, the division told.
    reminder_stage = models.PositiveSmallIntegerField(_("reminders sent"), default=0)

    class Meta:
        verbose_name = _("citizen's request")
        verbose_name_plural = _("citizens' requests")
        ordering = ["-received_on", "-pk"]
        permissions = [
            ("record_citizenrequest", _("Record a citizen's request and print its receipt")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="complaint", anonymous=True),
                name="complaint_not_anonymous",
                violation_error_message=_(
                    "A complaint needs the citizen's identity: only observations and "
                    "suggestions may be anonymous."
                ),
            ),
        ]

    def __str__(self):
        # The reference only: the audit log keeps this label, and a subject may name someone.
        return self.reference

    @property
    def is_open(self):
        return self.status in self.OPEN

    def is_late(self, today=None):
        today = today or timezone.localdate()
        return self.is_open and self.answer_due is not None and self.answer_due < today

    def days_left(self, today=None):
        if self.answer_due is None:
            return None
        return (self.answer_due - (today or timezone.localdate())).days


class Step(models.Model):
    """A dated step in a history: when, who, and what they wrote."""

    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("text"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]


class RequestEvent(Step):
    """One dated step of a request's handling, in the history the office reads in full."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        ASSIGNED = "assigned", _("Assigned to a service")
        INADMISSIBLE = "inadmissible", _("Found not admissible")
        NOTE = "note", _("Internal note")
        INFORMATION_REQUESTED = "information_requested", _("Information asked of the office")
        INFORMATION_GIVEN = "information_given", _("Information given by the office")
        ANSWER_PROPOSED = "answer_proposed", _("Answer proposed")
        ANSWER_RETURNED = "answer_returned", _("Answer sent back to the service")
        ANSWER_APPROVED = "answer_approved", _("Answer approved")
        CLOSED = "closed", _("Closed")
        REMINDER = "reminder", _("Reminder sent")
        ANONYMISED = "anonymised", _("Personal data erased")

    request = models.ForeignKey(
        CitizenRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("step"), max_length=24, choices=Kind)
    service = models.ForeignKey(
        "organisation.ServicePage",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("step of a request")
        verbose_name_plural = _("steps of requests")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.request.reference} {self.get_kind_display()}"


def attachment_path(attachment, filename):
    return f"requests/{attachment.request.reference}/{filename}"


class RequestAttachment(models.Model):
    """A file the citizen handed in, kept outside the public media: served only to
    those who may read the request."""

    request = models.ForeignKey(
        CitizenRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    name = models.CharField(_("name"), max_length=255)
    size = models.PositiveIntegerField(_("size"), default=0)
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["added_at", "pk"]

    def __str__(self):
        return self.name


class Petition(models.Model):
    """A petition asking the council to put a point on its agenda (organic law 113-14,
    articles 121 to 125, and decree 2-16-403 on the form of petitions).

    The office records it with its signatories, checks the conditions, passes it to
    the bureau of the council, records the bureau's decision and its notification to
    the representative, and links the council's decision when one follows.
    """

    class Petitioner(models.TextChoices):
        CITIZENS = "citizens", _("Citizens")
        ASSOCIATION = "association", _("An association")

    class Status(models.TextChoices):
        RECEIVED = "received", _("To check")
        WITH_THE_BUREAU = "with_the_bureau", _("With the bureau of the council")
        ADMITTED = "admitted", _("Admitted: on the council's agenda")
        REFUSED = "refused", _("Refused by the bureau")

    OPEN = (Status.RECEIVED, Status.WITH_THE_BUREAU)

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    tracking_code = models.CharField(_("tracking code"), max_length=12, editable=False)
    petitioner = models.CharField(
        _("petitioners"), max_length=12, choices=Petitioner, default=Petitioner.CITIZENS
    )
    association_name = models.CharField(_("association"), max_length=200, blank=True)
    received_on = models.DateField(_("received on"), default=timezone.localdate, db_index=True)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("language of the petition"),
        max_length=2,
        choices=CitizenRequest.Language,
        default=CitizenRequest.Language.FRENCH,
    )
    # The representative ("وكيل"): personal data, like the signatories'.
    representative_name = models.CharField(_("representative"), max_length=160)
    representative_national_id = models.CharField(
        _("representative's identity card number"), max_length=20, blank=True
    )
    representative_phone = models.CharField(_("representative's phone"), max_length=30, blank=True)
    representative_address = models.CharField(
        _("representative's address"), max_length=255, blank=True
    )
    subject = models.CharField(_("point asked for the agenda"), max_length=255)
    text = models.TextField(_("petition"))

    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.RECEIVED, db_index=True
    )
    # The office's check of the conditions (articles 121 to 123), each with its answer.
    residents_and_voters = models.BooleanField(
        _("signatories live in the commune and are on the electoral lists"), null=True, blank=True
    )
    within_powers = models.BooleanField(
        _("the point lies within the commune's powers"), null=True, blank=True
    )
    not_already_decided = models.BooleanField(
        _("the council has not already decided the point"), null=True, blank=True
    )
    check_note = models.TextField(_("the office's note on the conditions"), blank=True)
    # Kept when the conditions are checked: the count outlives the erased signatories.
    signatures_counted = models.PositiveIntegerField(_("signatures counted"), default=0)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    decision_due = models.DateField(_("bureau's answer due"), null=True, blank=True)
    bureau_decided_on = models.DateField(_("bureau's decision on"), null=True, blank=True)
    bureau_reasons = models.TextField(_("reasons of the bureau's decision"), blank=True)
    agenda_session = models.CharField(
        _("session whose agenda holds the point"), max_length=120, blank=True
    )
    notified_on = models.DateField(_("representative notified on"), null=True, blank=True)
    council_decision = models.ForeignKey(
        "news.CouncilDecisionPage",
        verbose_name=_("council decision that followed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    anonymised_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(petitioner="association", association_name=""),
                name="association_petition_names_it",
                violation_error_message=_("Name the association that petitions."),
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_open(self):
        return self.status in self.OPEN

    def is_late(self, today=None):
        """The bureau's answer is late once the legal three months have passed."""
        today = today or timezone.localdate()
        return self.is_open and self.decision_due is not None and self.decision_due < today


class Signatory(models.Model):
    """One signature of a petition: personal data, read by the office only."""

    petition = models.ForeignKey(
        Petition, verbose_name=_("petition"), on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("full name"), max_length=160)
    national_id = models.CharField(_("national identity card number"), max_length=20)
    address = models.CharField(_("address in the commune"), max_length=255)
    on_electoral_lists = models.BooleanField(_("on the electoral lists"), default=False)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "national_id"],
                name="one_signature_per_person",
                violation_error_message=_("This identity card number already signed the petition."),
            )
        ]

    def __str__(self):
        return self.name


class PetitionEvent(Step):
    """One dated step of a petition, as for a request."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        SIGNATORIES = "signatories", _("Signatories recorded")
        CHECKED = "checked", _("Conditions checked")
        BUREAU_DECISION = "bureau_decision", _("Decision of the bureau")
        NOTIFIED = "notified", _("Representative notified")
        COUNCIL_DECISION = "council_decision", _("Council decision linked")
        NOTE = "note", _("Internal note")
        ANONYMISED = "anonymised", _("Personal data erased")

    petition = models.ForeignKey(
        Petition, verbose_name=_("petition"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("step"), max_length=20, choices=Kind)

    class Meta:
        verbose_name = _("step of a petition")
        verbose_name_plural = _("steps of petitions")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.petition.reference} {self.get_kind_display()}"
