"""Settings for the 地域IoT実装推進 portal.

Every deploy-time value comes from the environment (or a `.env` file beside
`manage.py`) through django-environ, so one build runs on a laptop with
SQLite and in production with PostgreSQL and Redis.
"""

import datetime
import tempfile
from email.utils import getaddresses
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    HTTPS=(bool, None),
    STATIC_MANIFEST=(bool, None),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
)
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env("DEBUG")

# A development key is handed out only while DEBUG is on: a production
# process that forgot SECRET_KEY must refuse to start rather than sign
# sessions with a key published in the repository.
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "simple_history",
    "import_export",
    "rules",
    "csp",
    "portal.apps.AxesConfig",
    "core.apps.CoreConfig",
    "networks",
    "threads",
    "briefings",
    "portal",
]

MIDDLEWARE = [
    # First: it wraps every other middleware, so the responses they answer
    # themselves (the HTTPS redirect, WhiteNoise's files, axes' lockout page)
    # carry the Content-Security-Policy too, and the nonce exists before any
    # view runs.
    "csp.middleware.CSPMiddleware",
    # The load balancer's probe (/healthz) is answered before the session,
    # host and HTTPS machinery: no cookie, no session row, no redirect.
    "portal.health.HealthCheckMiddleware",
    # Every event logged while a request is served names its path and user.
    "core.logging.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # 400 for a control character (NUL …) in the path, a parameter, a cookie
    # or a header, before anything reads the request (core/middleware.py).
    "core.middleware.RefuseControlCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every change made in a request is recorded with its user.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Anonymous public pages from the cache (core/cache.py): after
    # AuthenticationMiddleware (it reads the user), inside the CSRF, session
    # and CSP middleware (it reads their marks before storing a page).
    "core.cache.PageCacheMiddleware",
    # Last, as django-axes requires: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Refuses a locked-out user/IP pair before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    # Object-level rules (a bureau's own block), see <app>/permissions.py.
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Django's form templates, with the <select> written in Python (core/widgets.py).
FORM_RENDERER = "core.widgets.FastSelectRenderer"

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
# Keep each worker's connection between requests: a new PostgreSQL
# connection forks a server process and plans every query on cold catalogue
# caches, which cost more than most pages' own queries. Checked before each
# request's first query (CONN_HEALTH_CHECKS), so a restarted database only
# costs a reconnect. 0 closes it after every request, as Django's default.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=600))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# The public page cache (core/cache.py). On by default with a shared cache
# (CACHE_URL=redis://…): a save in one app process must reach every
# process's pages, which a per-process local-memory cache cannot do, so there
# it is off unless PAGE_CACHE=on (one process, e.g. runserver).
PAGE_CACHE = env.bool(
    "PAGE_CACHE", default=not CACHES["default"]["BACKEND"].endswith("LocMemCache")
)
# How long a page may be kept at most; a data change drops it at once anyway.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60 * 60)
# The apps whose rows the public pages show: any write to one drops every page.
PAGE_CACHE_DATA_APPS = ("networks", "threads", "briefings")
# Addresses never cached (staff screens, the language switch, the bench's
# bare view; /healthz is answered before the cache).
PAGE_CACHE_SKIP_PREFIXES = ("/admin/", "/i18n/", "/bench/", "/healthz")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # What the four above let through (core/passwords.py).
    {"NAME": "core.passwords.NotBlankPasswordValidator"},
    {"NAME": "core.passwords.RepeatedPatternPasswordValidator"},
    {"NAME": "core.passwords.UsernameInPasswordValidator"},
]

LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Hashed, compressed static files need `collectstatic`; development and the
# test suite serve the source files directly.
STATIC_MANIFEST = env("STATIC_MANIFEST")
if STATIC_MANIFEST is None:
    STATIC_MANIFEST = not DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_URL = "media/"
# Uploads live under MEDIA_ROOT: a volume every app process mounts.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Uploaded handouts are never served from MEDIA_URL: briefings:material_file
# serves them as downloads (core.uploads.attachment_response).
# The largest handout staff may upload, in bytes (core.uploads.UploadValidator).
MATERIAL_MAX_UPLOAD_BYTES = env.int("MATERIAL_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
if MATERIAL_MAX_UPLOAD_BYTES < 1:
    raise ImproperlyConfigured("MATERIAL_MAX_UPLOAD_BYTES must be a positive number of bytes.")

LOGIN_URL = "admin:login"

# Staff sessions end after 8 hours without a request.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Production is served over HTTPS only (the admin above all); development
# and the test suite speak plain HTTP.
HTTPS = env("HTTPS")
if HTTPS is None:
    HTTPS = not DEBUG
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
# HSTS for every subdomain, and eligible for the browsers' preload list (`manage.py check --deploy` is clean). Turn either off with
# HSTS_INCLUDE_SUBDOMAINS=off / HSTS_PRELOAD=off if a subdomain of the
# portal's domain must still speak plain HTTP: a preloaded domain is hard to
# take off the list.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env.bool("HSTS_PRELOAD", default=HTTPS)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Login protection: 5 failures for one user from one address lock that
# pair for 30 minutes (`manage.py unlock_login USER` unlocks).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"

# Importing and exporting are permissions of their own (e.g. briefings.import_briefing).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "import"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "export"
# An import writes all its rows in one transaction, or none of them.
IMPORT_EXPORT_USE_TRANSACTIONS = True
# Imports are refused, with the limit named, past these (core.spreadsheets.limits):
# the uploaded file's size in bytes, and the rows below the header.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=5000)
if IMPORT_MAX_BYTES < 1 or IMPORT_MAX_ROWS < 1:
    raise ImproperlyConfigured("IMPORT_MAX_BYTES and IMPORT_MAX_ROWS must be positive numbers.")
# Where an uploaded file waits between the import's preview and its
# confirmation (core.spreadsheets.previews); `manage.py clean_import_files`
# removes what is left there after a day.
IMPORT_PREVIEW_DIR = Path(
    env("IMPORT_PREVIEW_DIR", default=str(Path(tempfile.gettempdir()) / "iot-portal-imports"))
)

# Content-Security-Policy (django-csp; the middleware is first in MIDDLEWARE).
# One strict policy on every response, public pages and admin alike: only
# this origin's scripts, styles, images and fonts; no inline script or style,
# no eval; no plugins; never framed (the CSP form of X-Frame-Options DENY,
# which the clickjacking middleware keeps sending for older browsers).
# A script tag that must be inline carries the request's nonce:
# <script nonce="{{ CSP_NONCE }}">; the header names the nonce only on the
# pages that use it. Library markup that carried inline styles is replaced
# (templates/simple_history/, core.spreadsheets.resources.PreviewDiff) and its
# styles live in static/css/admin.css (README "Security").
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Logging: one line per event on standard error, with the request path and the user id
# (core/logging.py): server errors with their traceback (on the lines that
# follow), and on `security` refused requests, uploads and imports and
# login lockouts (core/security_log.py). 404s and other 4xx answers are not
# events. django-axes' own warnings are left out: they carry the username as
# typed, which is sometimes a password typed into the wrong box; the lockout
# line names the account by id instead.
#
# ADMINS="Name <a@example.jp>, Other <b@example.jp>" also mails each server
# error to them (through EMAIL_URL, e.g. smtp://user:pass@mail.example.jp:587).


def parse_admins(value: str) -> list[tuple[str, str]]:
    """`Name <a@b>, c@d` → [("Name", "a@b"), ("", "c@d")]; refuses what is not an address."""
    admins = [(name, address) for name, address in getaddresses([value]) if name or address]
    for name, address in admins:
        if "@" not in address:
            raise ImproperlyConfigured(f"ADMINS: {name or address!r} has no e-mail address.")
    return admins


ADMINS = parse_admins(env("ADMINS", default=""))
SERVER_EMAIL = env("SERVER_EMAIL", default="root@localhost")
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
elif DEBUG:
    # Development: mails (an application's receipt …) are printed, not sent.
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="webmaster@localhost")

# The national network's application form (portal/membership): who else hears
# of a new application besides the active editors with an address, and how
# many applications one address may send per hour (the cache counts them).
NETWORK_NOTIFY_EMAILS = [a for _n, a in parse_admins(env("NETWORK_NOTIFY_EMAILS", default=""))]
NETWORK_APPLY_RATE_LIMIT = env.int("NETWORK_APPLY_RATE_LIMIT", default=5)
NETWORK_APPLY_RATE_WINDOW = 60 * 60
# The header a trusted balancer puts the client's address in (e.g.
# X-Forwarded-For), for the rate limit; empty: REMOTE_ADDR.
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"one_line": {"()": "core.logging.OneLineFormatter"}},
    "handlers": {
        "stderr": {"class": "core.logging.StderrHandler", "formatter": "one_line"},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        # Propagates to the root's handler; replaces Django's default handlers
        # (console only with DEBUG on, mail with DEBUG off).
        "django": {"handlers": [], "level": "WARNING"},
        "django.request": {"handlers": ["mail_admins"] if ADMINS else [], "level": "ERROR"},
        "security": {"handlers": [], "level": "INFO"},
        "axes": {"handlers": [], "level": "ERROR"},
    },
}

# Serving: stateless app processes behind a load balancer. `make serve` runs gunicorn (gunicorn.conf.py: WEB_CONCURRENCY workers) with
# WhiteNoise serving the hashed, compressed files `collectstatic` wrote. Each
# process keeps nothing of its own: sessions live in the database (or the
# shared cache), uploads under MEDIA_ROOT (a volume every process mounts), so
# any number of processes can run against one PostgreSQL and one Redis.
SESSION_ENGINES = {
    "db": "django.contrib.sessions.backends.db",
    "cache": "django.contrib.sessions.backends.cache",
    "cached_db": "django.contrib.sessions.backends.cached_db",
}
SESSION_ENGINE = env("SESSION_ENGINE", default="db")
SESSION_ENGINE = SESSION_ENGINES.get(SESSION_ENGINE, SESSION_ENGINE)
if SESSION_ENGINE not in SESSION_ENGINES.values():
    raise ImproperlyConfigured("SESSION_ENGINE must be one of: db, cache, cached_db.")
if (
    not DEBUG
    and SESSION_ENGINES["db"] != SESSION_ENGINE
    and CACHES["default"]["BACKEND"].endswith("LocMemCache")
):
    # A per-process cache would log staff out whenever the balancer switches process.
    raise ImproperlyConfigured(
        "SESSION_ENGINE=cache or cached_db needs a shared cache: set CACHE_URL=redis://…"
    )
# `make bench` only (bench/README.md): /bench/ok/, a view that answers "ok"
# through the same middleware, the yardstick every page is compared with.
# Never on in production.
BENCH_MODE = env.bool("BENCH_MODE", default=False)
