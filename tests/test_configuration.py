"""Configuration comes from the environment; production mode is safe by default."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "intranet.benimellal.ma",
}


def settings_in(environment, *names, module="intranet.settings.production"):
    """Read settings in a fresh interpreter, so that each environment is read from scratch."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: str(getattr(settings, n)) for n in {list(names)!r}}}))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DATABASE_URL", "ELASTICSEARCH_URL", "AWS_STORAGE_BUCKET_NAME", "TASKS_BACKEND"}
    }
    env.update(environment, DJANGO_SETTINGS_MODULE=module)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout)


def test_the_embedded_default_is_sqlite_with_database_search():
    found = settings_in(PRODUCTION_ENV, "DATABASES", "WAGTAILSEARCH_BACKENDS")
    assert "sqlite3" in found["DATABASES"]
    assert "wagtail.search.backends.database" in found["WAGTAILSEARCH_BACKENDS"]


def test_database_url_selects_postgresql():
    found = settings_in(
        {**PRODUCTION_ENV, "DATABASE_URL": "postgres://intranet:secret@db:5432/intranet"},
        "DATABASES",
    )
    assert "postgresql" in found["DATABASES"] and "'HOST': 'db'" in found["DATABASES"]


def test_elasticsearch_url_selects_the_elasticsearch_8_backend():
    found = settings_in(
        {**PRODUCTION_ENV, "ELASTICSEARCH_URL": "http://search:9200"}, "WAGTAILSEARCH_BACKENDS"
    )
    assert "elasticsearch8" in found["WAGTAILSEARCH_BACKENDS"]
    assert "http://search:9200" in found["WAGTAILSEARCH_BACKENDS"]


def test_production_queues_background_tasks_for_a_worker_and_development_runs_them_at_once():
    assert "django_tasks_db.DatabaseBackend" in settings_in(PRODUCTION_ENV, "TASKS")["TASKS"]
    found = settings_in({}, "TASKS", module="intranet.settings.dev")
    assert "ImmediateBackend" in found["TASKS"]
    found = settings_in({"TASKS_BACKEND": "database"}, "TASKS", module="intranet.settings.dev")
    assert "django_tasks_db.DatabaseBackend" in found["TASKS"]


def test_an_unknown_tasks_backend_is_refused_with_the_names_it_could_be():
    with pytest.raises(RuntimeError, match="TASKS_BACKEND='celery' is unknown: use one of"):
        settings_in({**PRODUCTION_ENV, "TASKS_BACKEND": "celery"}, "TASKS")


def test_a_bucket_name_sends_media_to_private_object_storage():
    found = settings_in({**PRODUCTION_ENV, "AWS_STORAGE_BUCKET_NAME": "intranet-media"}, "STORAGES")
    assert "storages.backends.s3.S3Storage" in found["STORAGES"]
    assert "'default_acl': 'private'" in found["STORAGES"]


def test_email_is_configured_by_url():
    found = settings_in(
        {**PRODUCTION_ENV, "EMAIL_URL": "smtp+tls://agent:secret@mail.benimellal.ma:587"},
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_USE_TLS",
    )
    assert found == {
        "EMAIL_HOST": "mail.benimellal.ma",
        "EMAIL_PORT": "587",
        "EMAIL_USE_TLS": "True",
    }


def test_production_refuses_to_start_without_a_real_secret_key():
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        settings_in({"SECRET_KEY": "short"}, "DEBUG")


def test_production_passes_the_deployment_checklist():
    env = {**os.environ, **PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "intranet.settings.production"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_default_compose_stack_searches_on_the_database_and_elasticsearch_is_opt_in():
    """Until a live Elasticsearch run is part of CI, the stack a commune starts by
    default uses the engine the tests prove; Elasticsearch is a profile."""
    compose = (ROOT / "docker-compose.yml").read_text()
    search_service = compose[compose.index("\n  search:") :]
    assert 'profiles: ["elasticsearch"]' in search_service.split("\nvolumes:")[0]
    assert "ELASTICSEARCH_URL: ${ELASTICSEARCH_URL:-}" in compose
    assert "ELASTICSEARCH_URL: http://search:9200" not in compose
    assert "condition: service_healthy\n      search:" not in compose.replace("\n\n", "\n")


def test_sqlite_holds_concurrent_writers_without_locking_errors(tmp_path):
    """Four writers that read then write at once: none is refused, none is lost."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'writers.sqlite3'}"}
    env.pop("ELASTICSEARCH_URL", None)
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "concurrent_writers.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "failures=0 total=100 mode=wal"


def test_a_redis_cache_url_shares_the_kept_pages_between_app_servers():
    found = settings_in(
        {**PRODUCTION_ENV, "CACHE_URL": "redis://cache:6379/0"},
        "CACHES",
        module="intranet.settings.production",
    )
    assert "django.core.cache.backends.redis.RedisCache" in found["CACHES"]
    assert "MAX_ENTRIES" not in found["CACHES"]  # an option of local memory, not of Redis
    assert "'KEY_PREFIX': 'content'" in found["CACHES"]
