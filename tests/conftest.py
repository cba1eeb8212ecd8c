import pytest


@pytest.fixture
def seeded(db):
    """The whole 2017 source document, loaded as `make run` loads it."""
    from django.core.management import call_command

    call_command("load_seed", verbosity=0)
