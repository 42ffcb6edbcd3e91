"""Create or update pages and snippets idempotently, in French and in Arabic.

Loaded content goes through the same models and publishing path as content
typed in the admin: each page is saved as a revision and published, so that it
has a history. A page whose fields already hold the loaded values is left
alone, so that loading the same folder twice adds no revision. Inline children
(``opening_hours=[...]``) and parental many-to-many fields are assigned like
any field: modelcluster keeps them in the revision until publishing.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.fields import StreamValue


def in_order(fields):
    """Inline children numbered in the order the folder gives them.

    Children assigned as a list keep no ``sort_order`` of their own, and a
    database other than SQLite gives ties back in any order: the documents of a
    procedure would be listed differently from one request to the next.
    """
    for value in fields.values():
        if isinstance(value, list):
            for position, child in enumerate(value):
                if isinstance(child, models.Model) and hasattr(child, "sort_order"):
                    child.sort_order = position
    return fields


def upsert_child(loading, parent, model, slug, **fields):
    """The child page of ``parent`` with this slug, created or updated, then published."""
    in_order(fields)
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, **fields))
        return _publish(loading, page, "created")
    return _apply_and_publish(loading, page, fields)


def upsert_translation(loading, page, locale, **fields):
    """The translation of ``page`` in ``locale``, created or updated, then published."""
    in_order(fields)
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True).specific
        for name, value in fields.items():
            setattr(translation, name, value)
        return _publish(loading, translation, "created")
    return _apply_and_publish(loading, translation.specific, fields)


def _apply_and_publish(loading, page, fields):
    if not page.live or page.has_unpublished_changes or differs(page, fields):
        for name, value in fields.items():
            setattr(page, name, value)
        return _publish(loading, page, "updated")
    _count(loading, page, "unchanged")
    return page


def _publish(loading, page, outcome):
    page.save_revision(log_action=False).publish(log_action=False)
    page.refresh_from_db()
    _count(loading, page, outcome)
    return page


def _count(loading, instance, outcome):
    """``loading`` is None when a test builds a page outside any load."""
    if loading is not None:
        loading.counted(instance._meta.verbose_name, outcome)


def upsert_snippet(loading, model, key, french_fields, arabic_fields):
    """A translatable snippet in French and Arabic, found again by ``key`` fields."""
    original = model.objects.filter(locale=loading.french, **key).first()
    outcome = "created" if original is None else "updated"
    if original is None:
        original = model(locale=loading.french, **key)
    elif not differs(original, french_fields):
        outcome = "unchanged"
    if outcome != "unchanged":
        _assign(original, french_fields)
        original.save()
    translation = original.get_translation_or_none(loading.arabic)
    if translation is None:
        translation = original.copy_for_translation(loading.arabic)
        _assign(translation, arabic_fields)
        translation.save()
    elif differs(translation, arabic_fields):
        _assign(translation, arabic_fields)
        translation.save()
        outcome = "updated" if outcome == "unchanged" else outcome
    loading.counted(model._meta.verbose_name, outcome)
    return original


def _assign(instance, fields):
    for name, value in in_order(fields).items():
        setattr(instance, name, value)


def differs(instance, fields):
    """Whether assigning ``fields`` would change ``instance``."""
    return any(
        comparable(getattr(instance, name, None)) != comparable(value)
        for name, value in fields.items()
    )


def comparable(value):
    """A value reduced to what its content is: streams without block ids, inline
    children and related objects by their fields, not their database ids."""
    if isinstance(value, StreamValue):
        value = value.get_prep_value()
        return json.loads(json.dumps(_without_ids(value), cls=DjangoJSONEncoder))
    if _is_raw_stream(value):
        return json.loads(json.dumps(_without_ids(value), cls=DjangoJSONEncoder))
    if isinstance(value, models.Manager):
        value = list(value.all())
    if isinstance(value, list | tuple):
        items = [comparable(item) for item in value]
        if value and all(_is_related(item) for item in value):
            # Many-to-many: a set, which the database may give back in any order.
            return sorted(items, key=repr)
        return items
    if isinstance(value, models.Model):
        if value.pk is not None and not _is_inline(value):
            return (type(value).__name__, value.pk)
        return tuple(
            (field.attname, comparable(getattr(value, field.attname)))
            for field in value._meta.concrete_fields
            if not (
                field.primary_key or isinstance(field, ParentalKey) or field.name == "sort_order"
            )
        )
    return value


def _is_raw_stream(value):
    """Stream data as ``streams.from_data`` gives it: ``[{"type": …, "value": …}]``."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) and {"type", "value"} <= set(item) for item in value)
    )


def _is_related(item):
    return isinstance(item, models.Model) and item.pk is not None and not _is_inline(item)


def _is_inline(instance):
    return any(isinstance(field, ParentalKey) for field in instance._meta.concrete_fields)


def _without_ids(data):
    if isinstance(data, dict):
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data
