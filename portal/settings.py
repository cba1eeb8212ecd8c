"""Settings for the 地域IoT実装推進 portal.

Every deploy-time value comes from the environment (or a `.env` file beside
`manage.py`) through django-environ, so one build runs on a laptop with
SQLite and in production with PostgreSQL and Redis.
"""

import datetime
from pathlib import Path

import environ
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
    "portal.apps.AxesConfig",
    "core.apps.CoreConfig",
    "networks",
    "threads",
    "briefings",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
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
MEDIA_ROOT = BASE_DIR / "media"
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

# --- Content-Security-Policy (django-csp) ------------------------------------
# One strict policy on every response, public pages and admin alike: only
# this origin's scripts, styles, images and fonts; no inline script or style,
# no eval; no plugins; never framed (the CSP form of X-Frame-Options DENY,
# which the clickjacking middleware keeps sending for older browsers).
# A script tag that must be inline carries the request's nonce:
# <script nonce="{{ CSP_NONCE }}">; the header names the nonce only on the
# pages that use it. Library markup that carried inline styles is replaced
# (templates/simple_history/, core.spreadsheets.resources.PreviewDiff) and its
# styles live in static/css/admin.css (README "Security").
from csp.constants import NONCE, NONE, SELF  # noqa: E402

INSTALLED_APPS += ["csp"]
# First: it wraps every other middleware, so the responses they answer
# themselves (the HTTPS redirect, WhiteNoise's files, axes' lockout page)
# carry the header too, and the nonce exists before any view runs.
MIDDLEWARE.insert(0, "csp.middleware.CSPMiddleware")
TEMPLATES[0]["OPTIONS"]["context_processors"].append("csp.context_processors.nonce")
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
# --- end of Content-Security-Policy -------------------------------------------

# --- Serving: stateless app processes behind a load balancer (issue 10) -------
# `make serve` runs gunicorn (gunicorn.conf.py: WEB_CONCURRENCY workers) with
# WhiteNoise serving the hashed, compressed files `collectstatic` wrote. Each
# process keeps nothing of its own: sessions live in the database (or the
# shared cache), uploads under MEDIA_ROOT (a volume every process mounts), so
# any number of processes can run against one PostgreSQL and one Redis.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(MEDIA_ROOT))
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
# The load balancer's probe (portal.health) is answered before the session,
# host and HTTPS machinery, right after the CSP header is set up.
MIDDLEWARE.insert(
    MIDDLEWARE.index("csp.middleware.CSPMiddleware") + 1, "portal.health.HealthCheckMiddleware"
)
# `make bench` only (bench/README.md): /bench/ok/, a view that answers "ok"
# through the same middleware, the yardstick every page is compared with.
# Never on in production.
BENCH_MODE = env.bool("BENCH_MODE", default=False)
# --- end of serving -------------------------------------------------------------
