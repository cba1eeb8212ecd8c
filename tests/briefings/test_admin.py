import pytest

from briefings.models import Briefing, ProgressReport
from tests import factories
from tests.admin_urls import admin_url

pytestmark = pytest.mark.django_db


def test_briefing_change_form_with_host_and_members_opens(admin_client):
    chair = factories.MemberFactory(name="須藤")
    briefing = factories.BriefingFactory(
        host=factories.OrganizationFactory(name="九州総合通信局"), thread=factories.ThreadFactory()
    )
    briefing.members.set([chair])

    response = admin_client.get(admin_url(Briefing, "change", briefing.pk))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<option value="{chair.pk}" selected>須藤構成員</option>' in html


@pytest.mark.parametrize(
    ("query", "field"),
    [
        pytest.param("説明会", "title", id="title"),
        pytest.param("全国市長会", "location_text", id="location_text"),
        pytest.param("太田総務大臣補佐官", "notes", id="notes"),
        pytest.param("熊本県", "prefecture", id="prefecture_name"),
    ],
)
def test_briefing_changelist_search_japanese(admin_client, query, field):
    briefing = factories.BriefingFactory(
        title="地方自治体向け説明会",
        location_text="全国市長会",
        notes="※太田総務大臣補佐官説明",
        prefecture=factories.prefecture("43"),
    )
    factories.BriefingFactory(
        title="地域ICT利活用セミナー",
        kind=Briefing.Kind.SEMINAR,
        location_text="福岡市",
        notes="",
        prefecture=factories.prefecture("40"),
    )

    response = admin_client.get(admin_url(Briefing, "changelist"), {"q": query})

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [briefing]


def test_briefing_changelist_filter_block(admin_client):
    kumamoto = factories.BriefingFactory(prefecture=factories.prefecture("43"))
    factories.BriefingFactory(prefecture=factories.prefecture("13"))

    response = admin_client.get(
        admin_url(Briefing, "changelist"), {"block__id__exact": factories.block("kyushu").pk}
    )

    assert list(response.context["cl"].result_list) == [kumamoto]


@pytest.mark.parametrize("count", [1, 3])
def test_briefing_changelist_query_count_fixed(admin_client, django_assert_num_queries, count):
    """The same 12 queries for any number of rows.

    Session and user (2); the block and thread sidebar filters (2); the
    filtered count with the date hierarchy's range and years, in one query
    (core.admin.changelist), and the months of the one year shown (2); the
    full count (1);
    the count of overdue sessions (要更新), shared by its filter's label and
    the warning above the list (1); the rows, joined to prefecture, block and
    host, with the overdue flag computed in the same query (1). Members are
    not a column, so they cost nothing. Saving the session on every request,
    for the 8-hour idle timeout, adds a savepoint, an update and its release (3).
    """
    for code in ["43", "40", "13"][:count]:
        briefing = factories.BriefingFactory(
            prefecture=factories.prefecture(code),
            host=factories.OrganizationFactory(),
            thread=factories.ThreadFactory(),
        )
        briefing.members.set(factories.MemberFactory.create_batch(2))

    with django_assert_num_queries(12):
        response = admin_client.get(admin_url(Briefing, "changelist"))

    assert response.context["cl"].result_count == count


@pytest.mark.parametrize("count", [1, 3])
def test_progress_report_changelist_query_count_fixed(
    admin_client, django_assert_num_queries, count
):
    """Session and user; the filtered rows' count, date range and years in one
    scan (core.admin.changelist.OneScanChangeList); the unfiltered total; the
    rows; the date hierarchy's days; the source filter; and the session's save
    (savepoint, update, release)."""
    factories.ProgressReportFactory.create_batch(count)

    with django_assert_num_queries(10):
        response = admin_client.get(admin_url(ProgressReport, "changelist"))

    assert response.context["cl"].result_count == count
