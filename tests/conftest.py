import pytest


@pytest.fixture
def seeded(db):
    """The whole 2017 source document, loaded as `make run` loads it."""
    from django.core.management import call_command

    call_command("load_seed", verbosity=0)


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The suite runs with DEBUG off, as production does, but over plain HTTP:
    production's HTTPS redirect and secure cookies are tested on their own."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture(autouse=True)
def _japanese():
    """Start every test in Japanese: a request to /en/ leaves English active
    in the test thread, and later tests would build /en/ addresses."""
    from django.utils import translation

    with translation.override("ja"):
        yield


@pytest.fixture(autouse=True)
def import_preview_dir(settings, tmp_path):
    """Each test's import previews wait in a folder of its own (parallel runs
    and other tests' files never meet; a test can list what is left)."""
    settings.IMPORT_PREVIEW_DIR = tmp_path / "import-previews"
    return settings.IMPORT_PREVIEW_DIR
