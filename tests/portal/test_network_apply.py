"""The national network's public application form: /network/apply/."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from networks.models import NetworkApplication, NetworkMembership
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/network/apply/"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    # The rate limit counts in the cache, which outlives a test.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def municipality_data(**overrides):
    data = {
        "applicant_kind": "municipality",
        "municipality_code": "431001",
        "contact_name": "佐藤花子",
        "email": "sato@example.lg.jp",
        "interests": ["education", "disaster"],
        "website": "",
    }
    data.update(overrides)
    return data


def company_data(**overrides):
    data = {
        "applicant_kind": "organization",
        "organization_name": "株式会社IoTラボ",
        "organization_kind": "company",
        "prefecture": "13",
        "contact_name": "鈴木一郎",
        "email": "suzuki@example.co.jp",
        "website": "",
    }
    data.update(overrides)
    return data


def errors_of(response) -> str:
    form = response.context["form"]
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def test_the_form_page_answers_and_carries_a_csrf_token(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    content = response.content.decode()
    assert "全国地方公共団体コード" in content
    assert 'name="interests" value="education"' in content
    assert '<div class="hp" aria-hidden="true">' in content


def test_a_post_without_the_csrf_token_is_refused(django_user_model):
    from django.test import Client

    factories.MunicipalityFactory()
    response = Client(enforce_csrf_checks=True).post(URL, municipality_data())
    assert response.status_code == 403
    assert not NetworkApplication.objects.exists()


def test_a_municipality_applies_and_sees_the_confirmation(
    client, django_capture_on_commit_callbacks
):
    factories.MunicipalityFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, municipality_data())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("membership:apply_done"))
    application = NetworkApplication.objects.get()
    assert application.municipality.code == "431001"
    assert sorted(f.slug for f in application.fields.all()) == ["disaster", "education"]
    assert mail.outbox[0].to == ["sato@example.lg.jp"]
    done = client.get(response["Location"])
    assert f"受付番号：{application.pk}" in done.content.decode()
    # Nothing is published before approval.
    assert not NetworkMembership.objects.exists()
    assert "熊本市" not in client.get("/network/members/").content.decode()


def test_a_company_applies(client):
    response = client.post(URL, company_data())
    assert response.status_code == 302
    application = NetworkApplication.objects.get()
    assert application.organization_name == "株式会社IoTラボ"
    assert application.prefecture.code == "13"


def test_a_forged_receipt_shows_no_number(client):
    response = client.get(reverse("membership:apply_done") + "?receipt=12")
    assert response.status_code == 200
    assert "受付番号" not in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (municipality_data(municipality_code="431002"), "検査数字が正しくありません"),
        (municipality_data(municipality_code="4310"), "6桁の数字"),
        (municipality_data(municipality_code="012335"), "見つかりません"),
        (municipality_data(municipality_code=""), "団体コードを入力してください"),
        (municipality_data(email="sato@"), "メールアドレスの形式が正しくありません"),
        (municipality_data(email=""), "メールアドレスを入力してください"),
        (municipality_data(contact_name=""), "担当者名を入力してください"),
        (municipality_data(applicant_kind=""), "申込者の種別を選んでください"),
        (company_data(organization_name=" "), "企業・団体名を入力してください"),
        (company_data(organization_kind=""), "企業・団体の種別を選んでください"),
        (company_data(organization_kind="local_government"), "一覧から選んでください"),
        (company_data(prefecture=""), "都道府県を選んでください"),
        (company_data(prefecture="99"), "都道府県を一覧から選んでください"),
        (municipality_data(interests=["nope"]), "分野を一覧から選んでください"),
    ],
)
def test_bad_input_is_refused_in_japanese_and_nothing_is_stored(client, data, message):
    factories.MunicipalityFactory()
    response = client.post(URL, data)
    assert response.status_code == 200
    assert message in errors_of(response)
    assert message in response.content.decode()
    assert not NetworkApplication.objects.exists()
    assert not mail.outbox


def test_a_full_width_code_is_read_as_digits(client):
    factories.MunicipalityFactory()
    response = client.post(URL, municipality_data(municipality_code="４３１００１"))
    assert response.status_code == 302


def test_a_name_in_the_code_box_lists_the_codes_of_that_name(client):
    factories.MunicipalityFactory(
        code="012335", prefecture=factories.prefecture("01"), name="伊達市"
    )
    factories.MunicipalityFactory(
        code="072095", prefecture=factories.prefecture("07"), name="伊達市"
    )
    response = client.post(URL, municipality_data(municipality_code="伊達市"))
    errors = errors_of(response)
    assert "012335（北海道伊達市）" in errors
    assert "072095（福島県伊達市）" in errors
    assert not NetworkApplication.objects.exists()


def test_a_duplicate_is_refused_with_the_reason(client):
    factories.MunicipalityFactory()
    client.post(URL, municipality_data())
    response = client.post(URL, municipality_data(email="other@example.lg.jp"))
    assert response.status_code == 200
    assert "審査中" in errors_of(response)
    assert NetworkApplication.objects.count() == 1


def test_the_honeypot_drops_the_application_quietly(client):
    factories.MunicipalityFactory()
    response = client.post(URL, municipality_data(website="http://spam.example/"))
    assert response.status_code == 302
    assert not NetworkApplication.objects.exists()
    assert not mail.outbox


def test_one_address_may_send_a_limited_number_per_hour(client, settings):
    settings.NETWORK_APPLY_RATE_LIMIT = 2
    for n in range(2):
        assert client.post(URL, company_data(organization_name=f"企業{n}")).status_code == 302
    response = client.post(URL, company_data(organization_name="企業3"))
    assert response.status_code == 429
    assert "送信が多すぎる" in response.content.decode()
    assert NetworkApplication.objects.count() == 2
    # Another address is not held back.
    other = client.post(URL, company_data(organization_name="企業4"), REMOTE_ADDR="192.0.2.55")
    assert other.status_code == 302


def test_the_page_answers_in_english(client):
    response = client.get("/en/network/apply/")
    assert response.status_code == 200


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


def test_a_mail_server_down_still_records_the_application(
    client, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailServer"
    factories.MunicipalityFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, municipality_data())
    assert response.status_code == 302
    assert NetworkApplication.objects.count() == 1
    assert "the mails were not sent" in caplog.text


def test_behind_a_balancer_the_limit_counts_per_forwarded_address(client, settings):
    settings.NETWORK_APPLY_RATE_LIMIT = 1
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    first = client.post(
        URL, company_data(organization_name="企業A"), HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1"
    )
    assert first.status_code == 302
    # Another visitor through the same balancer is not held back …
    other = client.post(
        URL, company_data(organization_name="企業B"), HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert other.status_code == 302
    # … but the first one is, whatever it puts in front of the list.
    again = client.post(
        URL, company_data(organization_name="企業C"), HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.1"
    )
    assert again.status_code == 429


def test_the_form_and_the_confirmation_have_a_fixed_query_count(client, django_assert_num_queries):
    # The form's prefecture and field choices; the confirmation reads nothing.
    with django_assert_num_queries(2):
        client.get(URL)
    with django_assert_num_queries(0):
        client.get(reverse("membership:apply_done"))
