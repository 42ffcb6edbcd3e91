"""StreamField content as plain data, and back.

A stream is written as a list of ``{type: name, value: ...}``; struct blocks as
mappings, list blocks as lists, rich text as its HTML. What points elsewhere is
written by a stable key rather than a database id: a page by its path under
the home page of its language (``/procedures/ec-01-declaration-de-naissance/``),
a document by its title and its file copied into the folder. Block ids are
dropped unless a section needs them kept (IPECAG progress points at actions).
"""

import hashlib

from django.core.files.base import ContentFile
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.models import Collection, Page


def to_data(stream_value, exporting, *, keep_ids=False, document_folder="documents"):
    return [_child_to_data(child, exporting, keep_ids, document_folder) for child in stream_value]


def from_data(stream_block, items, loading, *, language="fr", collection=None):
    """The raw stream data (``[{type, value, id?}]``) to assign to a StreamField."""
    raw = []
    for item in items or []:
        block = stream_block.child_blocks[item["type"]]
        entry = {
            "type": item["type"],
            "value": block.get_prep_value(
                _value_from_data(block, item.get("value"), loading, language, collection)
            ),
        }
        if item.get("id"):
            entry["id"] = item["id"]
        raw.append(entry)
    return raw


def _child_to_data(child, exporting, keep_ids, document_folder):
    item = {"type": child.block_type}
    if keep_ids and child.id:
        item["id"] = child.id
    item["value"] = value_to_data(child.block, child.value, exporting, keep_ids, document_folder)
    return item


def value_to_data(block, value, exporting, keep_ids=False, document_folder="documents"):
    if isinstance(block, blocks.StreamBlock):
        return to_data(value, exporting, keep_ids=keep_ids, document_folder=document_folder)
    if isinstance(block, blocks.StructBlock):
        return {
            name: value_to_data(child, value.get(name), exporting, keep_ids, document_folder)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            value_to_data(block.child_block, item, exporting, keep_ids, document_folder)
            for item in value
        ]
    if isinstance(block, blocks.RichTextBlock):
        return value.source if value is not None else ""
    if isinstance(block, blocks.PageChooserBlock):
        return page_path(value)
    if isinstance(block, DocumentChooserBlock):
        if value is None:
            return None
        return {"title": value.title, "file": exporting.file(value.file, document_folder)}
    if isinstance(block, blocks.DateBlock):
        return exporting.date(value)
    if isinstance(block, blocks.TimeBlock):
        return exporting.time(value)
    if isinstance(block, blocks.DecimalBlock):
        return exporting.money(value)
    return block.get_prep_value(value)


def _value_from_data(block, data, loading, language, collection):
    if isinstance(block, blocks.StreamBlock):
        return block.to_python(
            from_data(block, data, loading, language=language, collection=collection)
        )
    if isinstance(block, blocks.StructBlock):
        data = data or {}
        return block.to_python(
            {
                name: child.get_prep_value(
                    _value_from_data(child, data.get(name), loading, language, collection)
                )
                for name, child in block.child_blocks.items()
            }
        )
    if isinstance(block, blocks.ListBlock):
        return [
            _value_from_data(block.child_block, item, loading, language, collection)
            for item in data or []
        ]
    if isinstance(block, blocks.RichTextBlock):
        return block.to_python(data or "")
    if isinstance(block, blocks.PageChooserBlock):
        return find_page(data, language)
    if isinstance(block, DocumentChooserBlock):
        if not data:
            return None
        return stored_document(
            data["title"], loading.read_file(data["file"]), data["file"], collection
        )
    if isinstance(block, blocks.DateBlock):
        return loading.date(data)
    if isinstance(block, blocks.TimeBlock):
        return loading.time(data)
    return block.to_python(data)


def page_path(page):
    """The page's path under the home page of its language: ``/procedures/ec-01/``."""
    if page is None:
        return None
    parts = page.url_path.strip("/").split("/")[1:]  # drop the home page's own slug
    return "/" + "".join(f"{part}/" for part in parts)


def find_page(path, language="fr"):
    """The page at ``path`` in this language, or in French when it has no translation."""
    if not path:
        return None
    for code in (language, "fr"):
        page = (
            Page.objects.filter(locale__language_code=code, depth__gte=2)
            .filter(url_path__endswith=path if path != "/" else "/")
            .order_by("depth")
        )
        for candidate in page:
            if page_path(candidate) == path:
                return candidate.specific
    return None


def stored_document(title, content, relative, collection=None):
    """The document with this content, found again by its hash, or stored now."""
    Document = get_document_model()
    digest = hashlib.sha1(content).hexdigest()
    existing = Document.objects.filter(file_hash=digest, title=title).first()
    if existing:
        return existing
    document = Document(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(relative.rsplit("/", 1)[-1], ContentFile(content), save=False)
    document.file_size = len(content)
    document.file_hash = digest
    document.save()
    return document
