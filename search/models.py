"""The intranet's own search index, kept in the database.

Wagtail's database backend cannot fold Arabic spellings, tolerate typing
mistakes or apply the editors' synonyms, which a reception agent needs; so the
text of every published page is analysed by ``search.text`` and stored here as
terms. Elasticsearch, when configured, receives the same documents (see
``search.elastic``). Editors' pinned results use Wagtail's search promotions.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SynonymSet(index.Indexed, models.Model):
    """Words and phrases that mean the same thing to a visitor, in any language."""

    terms = models.TextField(
        _("equivalent terms"),
        help_text=_(
            "One word or phrase per line, in French or Arabic, for example "
            "“permis de construire”, “autorisation de construire”, “رخصة البناء”."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]
    search_fields = [index.SearchField("terms")]

    class Meta:
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")

    def __str__(self):
        return " = ".join(self.phrases()[:4])

    def phrases(self):
        return [line.strip() for line in self.terms.replace(",", "\n").splitlines() if line.strip()]


class LexiconEntry(index.Indexed, models.Model):
    """A visitor's word that the shipped Darija lexicon lacks, added by the procedures cell."""

    said = models.CharField(
        _("what the visitor says"),
        max_length=120,
        unique=True,
        help_text=_(
            "A word or a short phrase as visitors say it, in Arabic or Latin letters, "
            "for example “لاكارط” or “lakarta”."
        ),
    )
    means = models.TextField(
        _("what it means in the commune's words"),
        help_text=_(
            "One term per line, in Arabic or French, as the procedures write it, "
            "for example “البطاقة الوطنية” and “carte nationale”."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("said"), FieldPanel("means"), FieldPanel("note")]
    search_fields = [index.SearchField("said"), index.SearchField("means")]

    class Meta:
        verbose_name = _("visitors' word")
        verbose_name_plural = _("visitors' words")
        ordering = ["said"]

    def __str__(self):
        return f"{self.said} → {' | '.join(self.meaning_phrases()[:3])}"

    def meaning_phrases(self):
        return [
            part.strip()
            for line in self.means.splitlines()
            for part in line.split("|")
            if part.strip()
        ]

    def clean(self):
        from . import text

        errors = {}
        if not text.words(self.said or ""):
            errors["said"] = _("Write the word as the visitor says it, in letters.")
        if not any(text.words(phrase) for phrase in self.meaning_phrases()):
            errors["means"] = _("Write at least one term of the commune's procedures.")
        if errors:
            raise ValidationError(errors)


class SearchEntry(models.Model):
    """One searchable thing (a published page), with what the results page shows of it."""

    key = models.CharField(max_length=60, unique=True)  # "page:123"
    kind = models.CharField(max_length=40, db_index=True)
    language = models.CharField(max_length=8, db_index=True)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    service = models.CharField(max_length=255, blank=True, db_index=True)
    category = models.CharField(max_length=120, blank=True, db_index=True)
    # The same page in another language shares it (its translation key): results
    # show a page once, in the language that answers best.
    translation = models.CharField(max_length=40, blank=True)
    boost = models.FloatField(default=1.0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.title

    @property
    def page_id(self):
        return int(self.key.split(":", 1)[1]) if self.key.startswith("page:") else None

    @property
    def kind_label(self):
        return kind_label(self.kind)


def kind_label(kind):
    """The kind of thing found, in the reader's language ("procédure", "مسطرة")."""
    from wagtail.models import get_page_models

    if kind == "document":
        return _("document")
    for model in get_page_models():
        if model._meta.model_name == kind:
            return model._meta.verbose_name
    return kind


class SearchPosting(models.Model):
    """How much a term weighs in an entry: the inverted index, one row per entry and term.

    ``weight`` already folds in the fields the term appears in (title, summary,
    body), how often, and the entry's boost; so a query reads the heaviest
    entries for a term straight off the (term, language, weight) index instead
    of scoring every entry that mentions it. ``language`` repeats the entry's,
    for the same reason.
    """

    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="postings", db_index=False
    )
    term = models.CharField(max_length=60)
    language = models.CharField(max_length=8)
    weight = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "term"], name="search_posting_entry_term")
        ]
        indexes = [
            models.Index(fields=["term", "language", "-weight"], name="search_posting_heaviest")
        ]


class SearchTerm(models.Model):
    """How many entries hold a term: rare terms weigh more, and completions and
    corrections prefer the terms that find something."""

    term = models.CharField(max_length=60, unique=True)
    entry_count = models.PositiveIntegerField(default=0)


class SearchWord(models.Model):
    """Every word seen in the index with its term: the vocabulary that corrects typing
    mistakes, and that Darija typed in Latin letters is matched against.

    ``spelling`` is the word as the content writes it ("شهادة", "déclaration"),
    which "did you mean" proposes; ``skeleton`` its consonants, for Arabic words
    (see ``search.understanding.skeleton``).
    """

    word = models.CharField(max_length=60, unique=True)
    term = models.CharField(max_length=60)
    length = models.PositiveSmallIntegerField(db_index=True)
    spelling = models.CharField(max_length=60, blank=True)
    skeleton = models.CharField(max_length=60, blank=True, db_index=True)


class SearchQueryLog(models.Model):
    """Each search typed, with how many results it found: queries that found nothing
    become the procedures cell's to-do list."""

    class Source(models.TextChoices):
        SEARCH_PAGE = "page", _("Search page")
        RECEPTION_DESK = "desk", _("Reception desk")
        API = "api", _("API")

    query = models.CharField(_("query"), max_length=200)
    normalised = models.CharField(max_length=200, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    result_count = models.PositiveIntegerField(_("results"))
    # Only partial answers were found: no page held enough of the query's words.
    partial = models.BooleanField(_("partial answers only"), default=False)
    source = models.CharField(_("source"), max_length=8, choices=Source)
    searched_at = models.DateTimeField(_("searched at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("logged search")
        verbose_name_plural = _("logged searches")


class SearchFollowUp(models.Model):
    """What the procedures cell did about a search that found nothing.

    The searches of that normalised form made before the decision leave the
    to-do list; if visitors still ask it in vain afterwards, it comes back.
    """

    class Outcome(models.TextChoices):
        SYNONYM_ADDED = "synonym", _("Synonym added")
        CONTENT_WRITTEN = "content", _("Content written")
        NOT_OURS = "not_ours", _("Not ours / junk")

    normalised = models.CharField(max_length=200, unique=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        verbose_name = _("follow-up of a search that found nothing")
        verbose_name_plural = _("follow-ups of searches that found nothing")

    def __str__(self):
        return f"{self.normalised} → {self.get_outcome_display()}"


class DocumentText(models.Model):
    """The text found inside an uploaded document, or why none could be found."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be read")
        EXTRACTED = "extracted", _("Text extracted")
        FAILED = "failed", _("Unreadable")
        TOO_SLOW = "too_slow", _("Too slow to read")

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    text = models.TextField(blank=True)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    file_hash = models.CharField(max_length=40, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("document text")
