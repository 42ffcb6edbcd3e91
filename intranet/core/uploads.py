"""One rule for every file that comes in, whichever section takes it.

The extensions and the size limit are Wagtail's document settings
(``WAGTAILDOCS_EXTENSIONS``, ``WAGTAILDOCS_MAX_UPLOAD_SIZE``); the content must
be that of its extension (``file_types``), so that a program renamed ``.pdf``
never reaches a colleague's computer.
"""

import posixpath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from . import file_types


def extension_of(name):
    return posixpath.splitext(name)[1].lstrip(".").lower()


def check_extension_and_size(uploaded):
    """Raise a ValidationError naming the file when its extension or size is refused."""
    extension = extension_of(uploaded.name)
    if extension not in settings.WAGTAILDOCS_EXTENSIONS:
        raise ValidationError(
            _("“%(name)s” is not a file the intranet accepts: send %(allowed)s."),
            code="extension",
            params={
                "name": uploaded.name,
                "allowed": ", ".join(f".{ext}" for ext in settings.WAGTAILDOCS_EXTENSIONS),
            },
        )
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if limit and uploaded.size > limit:
        raise ValidationError(
            _("“%(name)s” weighs %(size)s: the limit is %(limit)s."),
            code="size",
            params={
                "name": uploaded.name,
                "size": filesizeformat(uploaded.size),
                "limit": filesizeformat(limit),
            },
        )


def check_content(uploaded):
    """Raise a ValidationError when the file's first bytes are not those of its extension."""
    extension = extension_of(uploaded.name)
    if file_types.matches_extension(extension, uploaded):
        return
    uploaded.seek(0)
    found = file_types.looks_like(uploaded.read(file_types.HEAD_BYTES))
    uploaded.seek(0)
    raise ValidationError(
        _(
            "The content of “%(name)s” does not match its extension “.%(extension)s”: "
            "it looks like %(found)s. Save it again in the right format, or give it "
            "the extension of its real format."
        ),
        code="content_mismatch",
        params={"name": uploaded.name, "extension": extension, "found": found},
    )


def check_upload(uploaded):
    """Every rule, in the order a person fixes them: kind of file, size, content."""
    check_extension_and_size(uploaded)
    check_content(uploaded)
    uploaded.seek(0)
