"""Settings of the Chỉ đạo web application: one module, every value from the environment.

SQLite in ``CHIDAO_DATA_DIR`` (default ``./var`` under the current directory) out of the box;
``DATABASE_URL=postgres://...`` selects PostgreSQL (psycopg 3).

Reading this module writes nothing, with one documented exception: without
``CHIDAO_SECRET_KEY``, a generated key is kept in ``<data dir>/secret_key`` (mode 0600, the
directory 0700). The data directory, the SQLite database (0600: it holds password hashes and
sessions) and the uploads directory (0700, files 0600) are created when Django starts
(``chidao.web.apps.WebConfig.ready`` → :func:`chidao.web.storage.prepare_data_dir`).
Boolean variables accept 1/true/yes/on and 0/false/no/off; anything else is an error naming
the variable.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent  # src/chidao


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})


def env_bool(name: str, default: bool = False) -> bool:
    """A boolean variable: 1/true/yes/on or 0/false/no/off (any case); unset or empty is
    ``default``; any other value raises ImproperlyConfigured naming the variable."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/true/yes/on or 0/false/no/off, got {value!r}"
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return int(value)
    except ValueError as e:
        raise RuntimeError(f"{name} must be a whole number, got {value!r}") from e


DATA_DIR = Path(env_str("CHIDAO_DATA_DIR", str(Path.cwd() / "var"))).resolve()

DEBUG = env_bool("CHIDAO_DEBUG", False)
SECRET_KEY = env_str("CHIDAO_SECRET_KEY")
# the file holding the generated key (``chidao backup`` archives it, ``chidao restore`` puts it
# back); None when CHIDAO_SECRET_KEY sets the key: it is external, kept by whoever set it
SECRET_KEY_FILE: Path | None = None
if not SECRET_KEY:
    # a per-installation key kept in the data directory, so that a demo needs no set-up
    key_file = SECRET_KEY_FILE = DATA_DIR / "secret_key"
    if not key_file.exists():
        from django.utils.crypto import get_random_string

        DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(get_random_string(64))
    SECRET_KEY = key_file.read_text().strip()

ALLOWED_HOSTS = [
    h for h in env_str("CHIDAO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [o for o in env_str("CHIDAO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
# proxies whose X-Forwarded-For names the client (login throttling and the audit trail)
CHIDAO_TRUSTED_PROXIES = [
    a.strip() for a in env_str("CHIDAO_TRUSTED_PROXIES", "127.0.0.1,::1").split(",") if a.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "ninja",  # serves the API docs page's assets locally (no CDN)
    "chidao.web",
    "chidao.organisation",
    "chidao.meetings",
    "chidao.tasks",
    "chidao.workflow",
    "chidao.search",
    "chidao.insight",
    "chidao.notifications",
    "chidao.themes",
    "chidao.documents",
    "chidao.api",
    "chidao.demo",
    "chidao.audit",
    "chidao.backup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files from the app server itself
    "chidao.web.security.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "chidao.web.middleware.VietnameseFirstLocaleMiddleware",  # vi unless the user chose en
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "chidao.web.limits.RequestBodyLimitMiddleware",  # before anything reads the body
    "chidao.web.limits.DatabaseBusyMiddleware",  # "database is locked" → 503, never 500
    "chidao.audit.middleware.CurrentRequestMiddleware",  # who acted, for the audit trail
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "chidao.web.middleware.HtmxLoginRedirectMiddleware",
    "chidao.web.middleware.ForcePasswordChangeMiddleware",
]

ROOT_URLCONF = "chidao.web.urls"
WSGI_APPLICATION = "chidao.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "chidao.web.context.navigation",
            ],
        },
    }
]

_database_url = env_str("DATABASE_URL")
# seconds a worker keeps its database connection between requests (0: one a request); a
# PostgreSQL connection is checked before a request reuses it (the server may have closed it)
CONN_MAX_AGE = env_int("CHIDAO_CONN_MAX_AGE", 60)
if _database_url:
    import dj_database_url

    DATABASES = {
        "default": dj_database_url.parse(
            _database_url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
        )
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # no JIT compilation: it pays off for queries of seconds, and the pages' queries take
        # milliseconds, but a plan estimated costly (a count over a busy commune's tasks)
        # compiled for 20 to 80 ms before running for 20 (the server's setting elsewhere)
        _options = DATABASES["default"].setdefault("OPTIONS", {})
        _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "chidao.sqlite3"),
            # kept too: no new connection, functions and PRAGMAs a request
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "OPTIONS": {
                # WAL: readers never wait for the writer; IMMEDIATE: writers queue instead of failing
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                # seconds a writer waits for the one before it; past that, 503 + Retry-After
                "timeout": env_int("CHIDAO_SQLITE_TIMEOUT", 20),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": max(10, env_int("CHIDAO_PASSWORD_MIN_LENGTH", 10))},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "chidao.web.passwords.LocalWordsValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# failed logins allowed per username within the window, then refused until it passes
LOGIN_THROTTLE_ATTEMPTS = env_int("CHIDAO_LOGIN_THROTTLE_ATTEMPTS", 5)
LOGIN_THROTTLE_SECONDS = env_int("CHIDAO_LOGIN_THROTTLE_SECONDS", 15 * 60)
# failures allowed from one address whatever the username (higher: an office shares one address)
LOGIN_THROTTLE_ADDRESS_ATTEMPTS = env_int(
    "CHIDAO_LOGIN_THROTTLE_ADDRESS_ATTEMPTS", 4 * LOGIN_THROTTLE_ATTEMPTS
)

# days the audit trail keeps its events (``chidao purge_audit`` deletes older ones daily)
CHIDAO_AUDIT_RETENTION_DAYS = env_int("CHIDAO_AUDIT_RETENTION_DAYS", 730)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "chidao_cache",
    }
}

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# dd/mm/yyyy everywhere; Vietnamese numbers "1.234,5" where a template groups them (|intcomma).
# USE_THOUSAND_SEPARATOR stays off: ids and offsets written into forms must never be grouped.
FORMAT_MODULE_PATH = ["chidao.web.formats"]
TIME_ZONE = env_str("CHIDAO_TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# whitenoise serves the files collected into STATIC_ROOT (`chidao serve` collects them),
# compressed, and the apps' files directly when they have not been collected (tests, demo)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_MAX_AGE = env_int("CHIDAO_STATIC_MAX_AGE", 3600)
MEDIA_ROOT = DATA_DIR / "uploads"
MEDIA_URL = "/uploads/"  # never served directly: downloads go through a permission-checked view
FILE_UPLOAD_PERMISSIONS = 0o600  # reports and evidence: readable by the service only
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
CHIDAO_MAX_UPLOAD_BYTES = env_int("CHIDAO_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# a request body larger than these is refused (413) before it is read: signed-in users
# (several files of an ingest or a report) and anyone else (a login form)
CHIDAO_MAX_REQUEST_BYTES = env_int("CHIDAO_MAX_REQUEST_BYTES", 100 * 1024 * 1024)
CHIDAO_MAX_ANONYMOUS_REQUEST_BYTES = env_int("CHIDAO_MAX_ANONYMOUS_REQUEST_BYTES", 64 * 1024)

# the province this installation serves (name as in vietnam-provinces)
CHIDAO_PROVINCE = env_str("CHIDAO_PROVINCE", "Thanh Hóa")

# Working days (conclusion notices are due 5 working days after the session): Vietnamese public
# holidays from the ``holidays`` package, Saturdays and Sundays, and the government's yearly
# compensating days: extra days off and Saturdays worked instead, ISO dates comma-separated.
CHIDAO_EXTRA_DAYS_OFF = env_str("CHIDAO_EXTRA_DAYS_OFF", "")
CHIDAO_EXTRA_WORKING_DAYS = env_str("CHIDAO_EXTRA_WORKING_DAYS", "")
CHIDAO_NOTICE_WORKING_DAYS = env_int("CHIDAO_NOTICE_WORKING_DAYS", 5)
# requests a minute allowed per API token (beyond: 429)
CHIDAO_API_RATE_PER_MINUTE = env_int("CHIDAO_API_RATE_PER_MINUTE", 120)
# LibreOffice's converter for the PDF of notices and reports (scripts/ensure-libreoffice.sh)
CHIDAO_SOFFICE = env_str("CHIDAO_SOFFICE", "soffice")

# Notifications by e-mail (Django's e-mail settings): the console backend prints them unless
# an SMTP server is configured (CHIDAO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend)
EMAIL_BACKEND = env_str("CHIDAO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("CHIDAO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("CHIDAO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("CHIDAO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("CHIDAO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("CHIDAO_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("CHIDAO_EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("CHIDAO_EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("CHIDAO_EMAIL_FROM", "chidao@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# the address the links of e-mails start with (the site as users reach it)
CHIDAO_BASE_URL = env_str("CHIDAO_BASE_URL", "http://127.0.0.1:8000")
# `chidao remind`: tasks due within this many days are reminded
CHIDAO_REMIND_DAYS = env_int("CHIDAO_REMIND_DAYS", 3)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads it to send X-CSRFToken
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Behind HTTPS (a TLS-terminating proxy, see docs/nginx-chidao.conf): secure cookies, HSTS and
# the redirect to https, each tunable.  `chidao check --deploy --fail-level WARNING` then
# reports nothing once CHIDAO_SECRET_KEY and CHIDAO_ALLOWED_HOSTS are set too.
HTTPS = env_bool("CHIDAO_HTTPS", False)
if HTTPS:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("CHIDAO_SSL_REDIRECT", True)
    # paths answered over plain http too (a load balancer's health check)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int("CHIDAO_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("CHIDAO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("CHIDAO_HSTS_PRELOAD", True)
    SILENCED_SYSTEM_CHECKS = [
        check
        for check, chosen in (
            ("security.W008", not SECURE_SSL_REDIRECT),  # the proxy redirects instead
            ("security.W004", not SECURE_HSTS_SECONDS),
            ("security.W005", not SECURE_HSTS_INCLUDE_SUBDOMAINS),
            ("security.W021", not SECURE_HSTS_PRELOAD),
        )
        if chosen  # an explicit choice of the operator is not a warning any more
    ]

# Content-Security-Policy: no inline script or style anywhere (templates use static files)
CHIDAO_CSP = env_str(
    "CHIDAO_CSP",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("CHIDAO_LOG_LEVEL", "WARNING")},
}
