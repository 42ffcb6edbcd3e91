"""Tests: fast hashing, local-memory cache, emails kept in memory."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Tests change content in transactions rolled back at their end: rendered pages are
    # kept only by the tests of that cache (tests/core/test_freshness.py).
    "content": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Uploaded files written by the tests (demo forms...) go to a throwaway folder,
# or to MEDIA_ROOT when several processes of one test share theirs.
MEDIA_ROOT = Path(
    env("MEDIA_ROOT", default="")  # noqa: F405
    or tempfile.mkdtemp(prefix="intranet-test-media-")
)

# Django's test client signs in without a request, which django-axes refuses:
# throttling is switched on only by the tests of it (tests/security).
AXES_ENABLED = False
