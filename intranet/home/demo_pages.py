"""Create or update demo pages idempotently, in French and in Arabic.

Demo content is built through the same models and publishing path as real
content: each page is saved as a revision and published, so it has a history.
Inline children (``opening_hours=[...]``) and parental many-to-many fields are
assigned like any field: modelcluster keeps them in the revision until publishing.
"""

from wagtail.models import Locale


def french():
    return Locale.objects.get(language_code="fr")


def arabic():
    return Locale.objects.get_or_create(language_code="ar")[0]


def upsert_child(parent, model, slug, **fields):
    """The child page of ``parent`` with this slug, created or updated, then published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, **fields))
    return _apply_and_publish(page, fields)


def upsert_translation(page, locale, **fields):
    """The translation of ``page`` in ``locale``, created or updated, then published."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    return _apply_and_publish(translation.specific, fields)


def _apply_and_publish(page, fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(log_action=False).publish(log_action=False)
    page.refresh_from_db()
    return page


def upsert_snippet(model, key, french_fields, arabic_fields):
    """A translatable snippet in French and Arabic, found again by ``key`` fields."""
    original = model.objects.filter(locale=french(), **key).first()
    if original is None:
        original = model(locale=french(), **key)
    for name, value in french_fields.items():
        setattr(original, name, value)
    original.save()
    translation = original.get_translation_or_none(arabic())
    if translation is None:
        translation = original.copy_for_translation(arabic())
    for name, value in arabic_fields.items():
        setattr(translation, name, value)
    translation.save()
    return original
