import os

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Property-based tests (tests/core/test_no_server_error*.py): no example
# database on disk, no deadline (a page on PostgreSQL may take a while), the
# same examples on every CI run. The fixtures they use (the database, a
# logged-in client) are meant to be shared by all examples of one test.
# HYPOTHESIS_PROFILE=thorough runs many more examples, locally.
hypothesis_settings.register_profile(
    "portal",
    max_examples=25,
    deadline=None,
    database=None,
    derandomize=bool(os.environ.get("CI")),
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "thorough", parent=hypothesis_settings.get_profile("portal"), max_examples=3000
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "portal"))


@pytest.fixture
def seeded(db):
    """The whole 2017 source document, loaded as `make run` loads it."""
    from django.core.management import call_command

    call_command("load_seed", verbosity=0)


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker):
    """The 2017 source document loaded once for a whole module whose tests
    only read it: in a transaction rolled back after the module's last test
    (each test's own transaction nests inside it, as a savepoint, so what a
    test writes is undone as usual). Request `seeded_module_db` in tests."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
        call_command("load_seed", verbosity=0)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transaction.__exit__(None, None, None)


@pytest.fixture
def seeded_module_db(seeded_module, db):
    """A test's database with the module's seed (`seeded_module`) in it."""


@pytest.fixture
def editor(db):
    """An editor (総務省): changes every row."""
    from core.access import EDITOR
    from tests.factories import staff_user

    return staff_user(EDITOR, username="editor")


@pytest.fixture
def viewer(db):
    """A viewer (監査): reads every row, changes none."""
    from core.access import VIEWER
    from tests.factories import staff_user

    return staff_user(VIEWER, username="auditor")


@pytest.fixture
def kyushu_bureau(db):
    """The 九州 bureau (総合通信局): changes its block's rows only."""
    from core.access import BUREAU
    from tests.factories import staff_user

    return staff_user(BUREAU, "kyushu", username="kyushu")


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The suite runs with DEBUG off, as production does, but over plain HTTP:
    production's HTTPS redirect and secure cookies are tested on their own."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Every test hashes passwords with MD5: creating and logging in users
    stays quick. Production keeps Django's default hashers."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test's uploaded files (handouts) go to a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def today(stand_on):
    """Stand at noon in Japan on `tests.factories.TODAY` and return that date:
    for a test whose rows are dated from today (`today - timedelta(days=90)`)."""
    from tests.factories import TODAY

    stand_on(TODAY)
    return TODAY


@pytest.fixture
def stand_on(time_machine):
    """Stand at noon in Japan on a date: `stand_on(datetime.date(2017, 2, 24))`
    (the 2017 record's date, when its March sessions were still to come)."""
    import datetime
    from zoneinfo import ZoneInfo

    def stand(date: datetime.date) -> None:
        noon = datetime.datetime.combine(date, datetime.time(12), tzinfo=ZoneInfo("Asia/Tokyo"))
        time_machine.move_to(noon, tick=False)

    return stand
