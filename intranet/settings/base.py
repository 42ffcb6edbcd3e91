"""Settings shared by every mode, read from the environment.

Every value that differs between a laptop, CI and the commune's servers comes
from an environment variable (or a ``.env`` file beside ``manage.py``), so that
no secret lives in the repository. The defaults give the embedded setup:
SQLite and Wagtail's database search backend.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "intranet"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "intranet.core",
    "intranet.home",
    "intranet.organisation",
    "intranet.news",
    "intranet.reception",
    "intranet.requests_office",
    "leaflet",  # Leaflet's files, served by the intranet itself: maps work with no internet
    "procedures_manual",
    "training",
    "intranet.library",
    "knowledge",
    "intranet.ipecag",
    "intranet.security",
    "intranet.operations",
    "search",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.locales",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Last: its post_migrate hook grants permissions that every other app creates.
    "intranet.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy header; the Wagtail admin gets its own allowances.
    "intranet.security.middleware.IntranetCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Everything is private: only views marked @login_not_required answer anonymously.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Pages' routes, the site and each reader's permissions, kept until content changes.
    "intranet.core.middleware.KnownRoutesMiddleware",
    # Changes logged in the audit log during a request name the signed-in user.
    "intranet.security.middleware.AuditLogContextMiddleware",
    # Wrong privacy passwords of pages and documents are counted; too many lock them.
    "intranet.security.middleware.PrivacyPasswordThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a locked-out sign-in into the sign-in page saying so.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "intranet.urls"
WSGI_APPLICATION = "intranet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "intranet.core.context_processors.commune",
                "intranet.core.context_processors.content_version",
                "intranet.requests_office.context_processors.requests_link",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a web server's database: readers never wait for the writer
    # (write-ahead log), a writer waits its turn instead of failing ("database is
    # locked"), and a transaction takes the write lock when it begins, so that one
    # that read first never fails when it comes to write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless a shared one is configured (several app servers).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Rendered pages and search results, kept until the content changes
# (intranet/core/freshness.py): the same server as the default cache.
CACHES["content"] = {**CACHES["default"], "KEY_PREFIX": "content"}
# The one row whose token changes with every change of content.
CONTENT_VERSION_MODEL = "home.ContentVersion"
# The page every section hangs under (intranet/core/pages.py).
HOME_PAGE_MODEL = "home.HomePage"
if CACHES["content"]["BACKEND"].endswith("LocMemCache"):
    # Each process keeps its own; Redis (CACHE_URL=redis://…) is shared by all
    # the app servers and evicts by itself.
    CACHES["content"]["LOCATION"] = "content"
    CACHES["content"]["OPTIONS"] = {**CACHES["default"].get("OPTIONS", {}), "MAX_ENTRIES": 3000}

# --- Authentication -----------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of a locked-out account before a password is checked.
    "axes.backends.AxesStandaloneBackend",
    "intranet.accounts.backends.UsernameOrEmailBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"
WAGTAILADMIN_LOGIN_URL = "login"
WAGTAIL_PASSWORD_RESET_ENABLED = True
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 10)  # a working day

# --- Security -----------------------------------------------------------------

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failures for one
# account from one address, that account is refused from that address for
# AXES_COOLOFF_MINUTES, even with the right password; a success resets the count.
# An administrator unlocks at once with `manage.py axes_reset_username <username>`.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "intranet.security.throttling.account_username"
AXES_CLIENT_IP_CALLABLE = "intranet.security.throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "intranet.accounts.views.lockout_response"
AXES_VERBOSE = False
# How many reverse proxies stand in front of the application: only then is
# X-Forwarded-For believed for the client's address (0: the connection's).
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
# Password reset emails per address per cool-off period.
PASSWORD_RESET_LIMIT = env.int("PASSWORD_RESET_LIMIT", default=5)
# Privacy passwords of pages and document collections (Wagtail's password
# restrictions): after PRIVACY_PASSWORD_FAILURE_LIMIT wrong passwords for one
# restriction from one address, that address is refused for that restriction for
# PRIVACY_PASSWORD_COOLOFF_MINUTES, even with the right password.
PRIVACY_PASSWORD_FAILURE_LIMIT = env.int("PRIVACY_PASSWORD_FAILURE_LIMIT", default=5)
PRIVACY_PASSWORD_COOLOFF_TIME = timedelta(
    minutes=env.int("PRIVACY_PASSWORD_COOLOFF_MINUTES", default=15)
)
# Backups (backup_intranet) are encrypted with this key when it is set: 32 random
# bytes in URL-safe base64, made by `manage.py backup_intranet --generate-key`.
# Keep it apart from the backups: without it they cannot be restored.
BACKUP_ENCRYPTION_KEY = env("BACKUP_ENCRYPTION_KEY", default="")

# Content security policy (django-csp): only the intranet's own files run or load.
# Inline style *attributes* are allowed (style-src-attr): the templates set colour
# codes and chart bar lengths as CSS custom properties in style="--unit-colour: ..."
# from the database; an attribute style cannot run code, whereas inline <script>
# and on* attributes, which could, stay forbidden everywhere outside the admin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's admin writes inline scripts (date widgets, inline panels) and
# styles (rich text editor), previews uploads from blob: addresses and shows
# the page preview in an iframe of itself: see IntranetCSPMiddleware.
CSP_ADMIN_PREFIX = "/admin/"
CSP_ADMIN_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],
}
# No page may be framed by another site (and CSP frame-ancestors says the same
# to current browsers). Wagtail's preview views set SAMEORIGIN on their own
# responses, which is all the admin's preview iframe needs.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# --- Languages: French first, Arabic its equal --------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("ar", "العربية")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", default="Africa/Casablanca")
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True

# --- Static files and media ---------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))

# Media go to S3-compatible object storage when a bucket is named, so that
# several app servers share one store. Files stay private: links are signed
# and expire, and are only ever handed to signed-in users.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- The commune -----------------------------------------------------------------

# The folder that ``load_demo`` loads (``dev.py serve`` runs it): any commune's folder.
DEMO_COMMUNE = env.path("DEMO_COMMUNE", default=BASE_DIR / "communes" / "beni-mellal")

# --- The citizens' requests office ---------------------------------------------

# Decree 2-17-265 (23 June 2017): the administration answers a complaint within 60
# days. The acknowledgment delay is the office's own commitment for what comes by
# letter, the box or the register (the desk and the portals hand a receipt at once).
REQUESTS_ANSWER_DAYS = env.int("REQUESTS_ANSWER_DAYS", default=60)
REQUESTS_ACKNOWLEDGMENT_DAYS = env.int("REQUESTS_ACKNOWLEDGMENT_DAYS", default=3)
# The service is reminded this many days before its answer is due, then every
# day once it is late; past REQUESTS_ESCALATION_DAYS of lateness its division is too.
REQUESTS_REMINDER_DAYS_BEFORE = env.int("REQUESTS_REMINDER_DAYS_BEFORE", default=10)
REQUESTS_ESCALATION_DAYS = env.int("REQUESTS_ESCALATION_DAYS", default=7)
# Law 09-08: personal data kept no longer than needed. Past this many days after a
# request is closed, the citizen's identity and contact details are erased.
REQUESTS_RETENTION_DAYS = env.int("REQUESTS_RETENTION_DAYS", default=730)
# Organic law 113-14, article 123: a citizens' petition carries at least 100 signatures
# in a commune of under 35,000 inhabitants, 200 in the others, 400 in a commune with
# arrondissements; article 125: the bureau answers within three months.
PETITION_MIN_SIGNATURES = env.int("PETITION_MIN_SIGNATURES", default=200)
PETITION_DECISION_MONTHS = env.int("PETITION_DECISION_MONTHS", default=3)
# The office's maps draw the arrondissements (commune.yaml's GeoJSON) on a blank
# background; with a tile server of the commune's network they draw its streets too:
# MAP_TILES_URL=https://tiles.example.ma/{z}/{x}/{y}.png
MAP_TILES_URL = env("MAP_TILES_URL", default="")
MAP_TILES_ATTRIBUTION = env("MAP_TILES_ATTRIBUTION", default="")
if MAP_TILES_URL:
    # The tile server is the only other origin a page may load images from.
    _tiles = urlsplit(MAP_TILES_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_tiles.scheme}://{_tiles.netloc}")

# --- Email --------------------------------------------------------------------

# EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.ma:587; console by default.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
# The commune's own address (intranet@<its domain>) in production; its names come from commune.yaml.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="intranet@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ------------------------------------------------------------------

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="Intranet communal")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # documents pass through Django's permission checks
# The library checks that a file's content matches its extension (intranet/core/uploads.py).
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "docx", "doc", "odt", "txt",  # texts
    "xlsx", "xls", "ods", "csv",  # spreadsheets
    "pptx", "odp",  # presentations
    "png", "jpg", "jpeg",  # scans and photos
]  # fmt: skip
LIBRARY_MAX_UPLOAD_MB = env.int("LIBRARY_MAX_UPLOAD_MB", default=25)
WAGTAILDOCS_MAX_UPLOAD_SIZE = LIBRARY_MAX_UPLOAD_MB * 1024 * 1024
# Each uploaded file is read in a child process, stopped past these limits so
# that one costly file never holds the worker: the file is then marked "too slow
# to read" (or unreadable, past the memory), stays downloadable and is found by
# its title.
DOCUMENT_READING_SECONDS = env.float("DOCUMENT_READING_SECONDS", default=120)
DOCUMENT_READING_MEMORY_MB = env.int("DOCUMENT_READING_MEMORY_MB", default=512)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "intranet.library.forms.LibraryDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# The commune's network may have no internet: no avatar, update check or
# release banner that would call an outside server from the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": env("ELASTICSEARCH_INDEX", default="intranet"),
            "TIMEOUT": 5,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Background tasks (reading uploaded documents, drawing PDF previews). "database"
# queues them for `manage.py run_worker` (`dev.py serve` and docker-compose run one),
# so that an upload never waits; "immediate" runs them inside the request that
# asked (tests, benchmarks, a one-off command).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def background_tasks(name):
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND={name!r} is unknown: use one of {', '.join(TASK_BACKENDS)}."
        )
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = background_tasks(env("TASKS_BACKEND", default="immediate"))
# The worker puts back in the queue the tasks whose worker died: at once when it
# ran on the same machine, after TASK_ABANDONED_AFTER_MINUTES wherever it ran
# (every task is bounded far below it), at most TASK_MAX_ATTEMPTS times. It
# checks on start and every TASK_RECOVERY_MINUTES.
TASK_ABANDONED_AFTER = timedelta(minutes=env.int("TASK_ABANDONED_AFTER_MINUTES", default=60))
TASK_MAX_ATTEMPTS = env.int("TASK_MAX_ATTEMPTS", default=3)
TASK_RECOVERY_MINUTES = env.float("TASK_RECOVERY_MINUTES", default=5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # One line per background task and per publication would drown real messages.
        "django_tasks": {"level": "WARNING"},
        # Failed sign-ins are counted quietly; lockouts are still reported (WARNING).
        "axes": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
