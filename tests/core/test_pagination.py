import pytest

from core.pagination import capped
from networks.models import Organization
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_capped_keeps_limit_and_says_there_are_more():
    OrganizationFactory.create_batch(3)

    result = capped(Organization.objects.all(), limit=2)

    assert len(result) == 2
    assert result.has_more is True


def test_capped_exactly_limit_has_no_more():
    OrganizationFactory.create_batch(2)

    result = capped(Organization.objects.all(), limit=2)

    assert len(result) == 2
    assert result.has_more is False
