"""Bidirectional control characters are taken out of titles and file names when they are saved.

The embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder
the characters that follow them on screen: ``facture\\u202efdp.exe`` is shown as
``factureexe.pdf``, and a title can be made to read as another one in a menu,
a search result or the admin's listings. Nobody needs them in a title: the
marks U+200E and U+200F (LRM, RLM), which Arabic text mixed with Latin words
and figures does use, are left alone.

One receiver, on ``pre_save``, covers every way a title is written (admin,
import, demo, API): pages (title, draft title, SEO title) and their revisions,
documents and images (title and the name of a newly uploaded file), and the
``name`` or ``title`` of every snippet. Rows loaded from a backup or a fixture
(``raw``) are kept as they were. Search queries are cleaned by search itself.
"""

import functools

from django.db import models
from django.db.models.signals import pre_save
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Revision
from wagtail.snippets.models import get_snippet_models

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_REMOVE = dict.fromkeys(map(ord, BIDI_CONTROLS))

PAGE_FIELDS = ("title", "draft_title", "seo_title")
FILE_FIELDS = ("file",)
SNIPPET_FIELDS = ("name", "title")


def strip_bidi_controls(text):
    """The text without embeddings, overrides or isolates; anything not a string as it is."""
    return text.translate(_REMOVE) if isinstance(text, str) else text


@functools.cache
def _fields(model):
    """(text fields, file fields) of a model whose names must not hold bidi controls."""
    if issubclass(model, Page):
        return PAGE_FIELDS, ()
    if issubclass(model, AbstractDocument | AbstractImage):
        return ("title",), FILE_FIELDS
    return (), ()


def _snippet_fields(model):
    # Not cached with the rest: snippets may be registered after the first save.
    if model not in get_snippet_models():
        return ()
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if field.name in SNIPPET_FIELDS and isinstance(field, models.CharField)
    )


def strip_titles(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, Revision):
        _strip_revision(instance)
        return
    text_fields, file_fields = _fields(sender)
    for name in text_fields or _snippet_fields(sender):
        setattr(instance, name, strip_bidi_controls(getattr(instance, name)))
    for name in file_fields:
        file = getattr(instance, name)
        # Only a file about to be stored: renaming a stored one would lose it.
        if file and not file._committed:
            file.name = strip_bidi_controls(file.name)


def _strip_revision(revision):
    """A revision keeps the title it was saved with, shown in the history and the
    moderation lists, and given back to the page when it is published."""
    revision.object_str = strip_bidi_controls(revision.object_str)
    if isinstance(revision.content, dict):
        for key in (*PAGE_FIELDS, *SNIPPET_FIELDS):
            if key in revision.content:
                revision.content[key] = strip_bidi_controls(revision.content[key])


def connect():
    pre_save.connect(strip_titles, dispatch_uid="intranet-bidi-titles")
