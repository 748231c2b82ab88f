"""Django settings. Every value that differs between deployments comes from the environment.

See README.md ("Configuration") for the variables; tests/core/test_settings_documented.py fails
when a variable read here is not documented there.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from stdlink.env import REPO_ROOT, ConfigError, env_bool, env_int, env_list, env_str
from stdlink.jobs.pg import connect as pg_connect

BASE_DIR = REPO_ROOT
PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env_str("STDLINK_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("STDLINK_DEBUG", False)
SECRET_KEY = env_str("STDLINK_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and env_bool("STDLINK_REQUIRE_SECRET", False):
        raise ConfigError("STDLINK_SECRET_KEY must be set in production")
    # A development key: fine for `make run` on a laptop, never for a public deployment.
    SECRET_KEY = "dev-insecure-stdlink-key-change-me"
ALLOWED_HOSTS = env_list("STDLINK_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("STDLINK_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_htmx",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tables2",
    "axes",
    "huey.contrib.djhuey",
    "stdlink.core",
    "stdlink.jobs",
    "stdlink.notify",
    "stdlink.catalog",
    "stdlink.search",
    "stdlink.semantic",
    "stdlink.programme",
    "stdlink.ledger",
    "stdlink.tracking",
    "stdlink.tbt",
    "stdlink.compare",
    "stdlink.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "stdlink.core.middleware.BodySizeLimitMiddleware",
    "stdlink.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "stdlink.urls"
WSGI_APPLICATION = "stdlink.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stdlink.core.context_processors.site",
                "stdlink.core.context_processors.identity",
                "stdlink.notify.context_processors.inbox",
            ],
        },
    },
]

# --- Database: SQLite (WAL) under var/ by default, PostgreSQL when DATABASE_URL is set.
DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "stdlink.sqlite3",
            "OPTIONS": {
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA busy_timeout=10000; PRAGMA cache_size=-64000; "
                    "PRAGMA temp_store=MEMORY;"
                ),
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "stdlink",
    }
}
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
    }

# --- Task queue (Huey, decision 0009): the queue lives where the data lives, zero set-up.
# SQLite default: a queue file beside the database; PostgreSQL (DATABASE_URL): tables huey_* in the
# same database, shared by any number of workers on any number of machines; REDIS_URL (with
# STDLINK_QUEUE=redis): Redis. STDLINK_QUEUE=immediate runs every job in the calling process.
QUEUE_KIND = env_str("STDLINK_QUEUE", "")
if not QUEUE_KIND:
    QUEUE_KIND = "postgres" if DATABASE_URL.startswith("postgres") else "sqlite"
if QUEUE_KIND not in {"sqlite", "postgres", "redis", "immediate"}:
    raise ConfigError(f"STDLINK_QUEUE={QUEUE_KIND!r}: sqlite, postgres, redis or immediate")
HUEY = {
    "name": env_str("STDLINK_QUEUE_NAME", "stdlink"),
    "results": False,  # results and progress live in jobs.Job, not in the queue
    "immediate": QUEUE_KIND == "immediate",
    "consumer": {"workers": 1, "worker_type": "thread", "initial_delay": 0.05, "max_delay": 1.0},
}
if QUEUE_KIND == "sqlite":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    HUEY |= {
        "huey_class": "stdlink.jobs.backends.WalSqliteHuey",
        "filename": str(VAR_DIR / "queue.sqlite3"),
    }
elif QUEUE_KIND == "postgres":
    # A connection factory, not a DSN: it follows Django's database settings at connect time
    # (the test database during tests).
    # Its tables (huey_*) are made by `stdlink migrate` (jobs migration 0002), not at import.
    HUEY |= {
        "huey_class": "huey.PostgresHuey",
        "connection": {"connection": pg_connect, "create_tables": False},
    }
elif QUEUE_KIND == "redis":
    if not REDIS_URL:
        raise ConfigError("STDLINK_QUEUE=redis needs REDIS_URL")
    HUEY |= {"huey_class": "huey.RedisHuey", "connection": {"url": REDIS_URL}}
JOBS_PERIODIC = env_bool("STDLINK_JOBS_PERIODIC", True)

# --- Semantic search: the meaning channel of /search (title vectors, stdlink.semantic).
SEMANTIC_SEARCH = env_bool("STDLINK_SEMANTIC_SEARCH", True)

# --- E-mail: written to var/mail/ by default (one file per message); SMTP when configured.
EMAIL_KIND = env_str("STDLINK_EMAIL", "file")
if EMAIL_KIND == "smtp":
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("STDLINK_EMAIL_HOST", "localhost")
    EMAIL_PORT = env_int("STDLINK_EMAIL_PORT", 25)
    EMAIL_HOST_USER = env_str("STDLINK_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = env_str("STDLINK_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("STDLINK_EMAIL_TLS", False)
    EMAIL_USE_SSL = env_bool("STDLINK_EMAIL_SSL", False)
    EMAIL_TIMEOUT = 20
elif EMAIL_KIND == "console":
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
elif EMAIL_KIND == "file":
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
else:
    raise ConfigError(f"STDLINK_EMAIL={EMAIL_KIND!r}: file, console or smtp")
DEFAULT_FROM_EMAIL = env_str("STDLINK_EMAIL_FROM", "StdLink 标准联通 <noreply@localhost>")
# Public base URL used in e-mails, feeds and webhooks (links must be absolute there).
SITE_URL = env_str("STDLINK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Authentication and the log-in lock-out policy (django-axes; decision 0007, core/lockout.py):
# a user name is locked at one address, an address is throttled after many failures of any names.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("STDLINK_LOGIN_FAILURE_LIMIT", 5)
STDLINK_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("STDLINK_LOGIN_ADDRESS_FAILURE_LIMIT", 50)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]  # the pair, never the address alone
AXES_RESET_ON_SUCCESS = True  # resets the successful pair only
AXES_LOCKOUT_CALLABLE = "stdlink.core.lockout.lockout_response"
LOGIN_URL = "login"
# After login everyone lands on the workbench made for their role (ADR 0012).
LOGIN_REDIRECT_URL = "accounts:workbench"
LOGOUT_REDIRECT_URL = "home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# --- Internationalisation: zh-Hans first, English second.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# Digit grouping (187,000) in both languages: counts go through |intcomma, and zh-Hans gets a
# separator from stdlink/formats (Django's zh_Hans has none). Not USE_THOUSAND_SEPARATOR: that
# would also group years and ids ("2,015").
FORMAT_MODULE_PATH = ["stdlink.formats"]

# --- Static files: served by WhiteNoise; vendored packages come from node_modules (npm ci).
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/chartjs", BASE_DIR / "node_modules" / "chart.js" / "dist"),
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/swagger-ui", BASE_DIR / "node_modules" / "swagger-ui-dist"),
]
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"

# --- Design system (decision 0011): Bootstrap 5 forms through crispy, tables through django-tables2.
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "components/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-sm table-hover align-middle"}

# --- Uploads: size-limited everywhere; each upload form validates its own type too.
STDLINK_MAX_UPLOAD_BYTES = env_int("STDLINK_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
# Bodies over the limit are refused before they are read: by Content-Length in
# core.middleware.BodySizeLimitMiddleware (413), while streaming by LimitedUploadHandler (400);
# non-file form data by Django's own DATA_UPLOAD_MAX_MEMORY_SIZE.
DATA_UPLOAD_MAX_MEMORY_SIZE = STDLINK_MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = STDLINK_MAX_UPLOAD_BYTES
FILE_UPLOAD_HANDLERS = [
    "stdlink.core.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# --- Content-Security-Policy (django-csp; decision 0008): scripts only from this site or with the
# per-request nonce ({{ request.csp_nonce }}), nothing from another host. Inline styles stay allowed
# (style attributes in templates, htmx's indicator style); they cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Security defaults.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less header set in base.html
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("STDLINK_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

NINJA_PAGINATION_PER_PAGE = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("STDLINK_LOG_LEVEL", "WARNING")},
    # The queue worker says what it runs (one line per job start/finish).
    "loggers": {"huey": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}
