"""The intranet's own search index, kept in the database.

Wagtail's database backend cannot fold Arabic spellings, tolerate typing
mistakes or apply the editors' synonyms, which a reception agent needs; so the
text of every published page is analysed by ``search.text`` and stored here as
terms. Elasticsearch, when configured, receives the same documents (see
``search.elastic``). Editors' pinned results use Wagtail's search promotions.
"""

from django.db import models
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
    """Every word seen in the index with its term: the vocabulary that corrects typing mistakes."""

    word = models.CharField(max_length=60, unique=True)
    term = models.CharField(max_length=60)
    length = models.PositiveSmallIntegerField(db_index=True)


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
    source = models.CharField(_("source"), max_length=8, choices=Source)
    searched_at = models.DateTimeField(_("searched at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("logged search")
        verbose_name_plural = _("logged searches")


class DocumentText(models.Model):
    """The text found inside an uploaded document, or why none could be found."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be read")
        EXTRACTED = "extracted", _("Text extracted")
        FAILED = "failed", _("Unreadable")

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
