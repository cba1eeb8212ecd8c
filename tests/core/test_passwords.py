"""Password rules (core/passwords.py) through Django's validate_password and the admin."""

import pytest
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils import translation

from core.passwords import smallest_period
from tests.admin_urls import admin_url

pytestmark = pytest.mark.django_db


def refusals(password: str, user=None) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        validate_password(password, user)
    return [error.code for error in raised.value.error_list]


@pytest.mark.parametrize("password", [" " * 12, "\u3000" * 12, " \t " * 4])
def test_password_blank_after_trimming_is_refused(password):
    assert refusals(password) == ["password_blank"]


@pytest.mark.parametrize(
    "password",
    [
        "aaaaaaaaaaaa",
        "kanto01kanto01",
        "abcabcabcabc",
        "Kr7#Kr7#Kr7#",
        "xy!xy!xy!xy!x",
        "東京東京東京東京東京東京",
    ],
)
def test_password_that_repeats_itself_is_refused(password):
    assert "password_repeated" in refusals(password)


@pytest.mark.parametrize(
    "password", ["kanto01kanto", "kR7#vQ2!mZp9", "abcabcXabcabc", "あいうえおかきくけこさし"]
)
def test_password_that_repeats_less_than_twice_over_is_accepted(password):
    assert validate_password(password) is None


def test_password_repeat_message_is_japanese():
    with pytest.raises(ValidationError) as raised:
        validate_password("kanto01kanto01")
    assert raised.value.messages == [
        "同じ文字や同じ文字列を繰り返しただけのパスワードは使えません。"
    ]


def test_password_containing_the_username_in_any_case_is_refused(django_user_model):
    user = django_user_model(username="kyushu01")
    assert refusals("Secure-KYUSHU01-pw", user) == ["password_contains_username"]


def test_password_may_contain_a_username_of_two_characters(django_user_model):
    user = django_user_model(username="ab")
    assert validate_password("ab-kR7#vQ2!mZp9", user) is None


def test_password_validators_help_texts_in_japanese_and_english():
    texts = password_validators_help_texts()
    assert "ユーザー名を含むパスワードは使えません。" in texts
    with translation.override("en"):
        assert (
            "A password containing the username cannot be used." in password_validators_help_texts()
        )


@pytest.mark.parametrize(
    ("text", "period"), [("", 0), ("a", 1), ("aaaa", 1), ("abab", 2), ("abcab", 3), ("abcd", 4)]
)
def test_smallest_period(text, period):
    assert smallest_period(text) == period


@pytest.mark.parametrize(
    ("password", "message"),
    [
        (" " * 12, "空白だけのパスワードは使えません。"),
        ("kanto01kanto01", "同じ文字や同じ文字列を繰り返しただけのパスワードは使えません。"),
        ("kR7#-kyushu01-vQ", "ユーザー名を含むパスワードは使えません。"),
    ],
)
def test_admin_password_change_refuses_with_the_japanese_message(
    admin_client, django_user_model, password, message
):
    user = django_user_model.objects.create_user("kyushu01", password="kR7#vQ2!mZp9-Lw")
    url = admin_url(django_user_model, "password_change", user.pk)

    response = admin_client.post(url, {"password1": password, "password2": password})

    assert response.status_code == 200
    assert message in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("kR7#vQ2!mZp9-Lw")


def test_admin_password_change_accepts_a_strong_password(admin_client, django_user_model):
    user = django_user_model.objects.create_user("kyushu01", password="kR7#vQ2!mZp9-Lw")
    url = admin_url(django_user_model, "password_change", user.pk)

    response = admin_client.post(
        url, {"password1": "vQ2!mZp9-Lw#kR7", "password2": "vQ2!mZp9-Lw#kR7"}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("vQ2!mZp9-Lw#kR7")
