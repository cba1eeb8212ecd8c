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
