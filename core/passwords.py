"""Password rules Django's own validators miss (AUTH_PASSWORD_VALIDATORS).

Twelve spaces, `aaaaaaaaaaaa` and `kanto01kanto01` passed the minimum
length, the common-password list and the similarity check. These refuse:

- a password that is blank once surrounding spaces (全角 too) are trimmed;
- one character or one short string repeated (`aaaaaaaaaaaa`,
  `abcabcabcabc`, `kanto01kanto01`): a password that repeats itself at
  least twice over is as strong as its first half;
- a password containing the username (any case), for usernames of three
  characters or more: Django's similarity check compares the whole
  password with the username and lets `kanto01-secret` through.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

MIN_USERNAME_LENGTH = 3


def smallest_period(text: str) -> int:
    """The smallest p such that text[i] == text[i + p] everywhere (len(text) if none)."""
    # Knuth–Morris–Pratt failure function: the longest proper border gives the period.
    border = [0] * len(text)
    k = 0
    for i in range(1, len(text)):
        while k and text[i] != text[k]:
            k = border[k - 1]
        if text[i] == text[k]:
            k += 1
        border[i] = k
    return len(text) - (border[-1] if text else 0)


class NotBlankPasswordValidator:
    def validate(self, password: str, user=None) -> None:
        if not password.strip():
            raise ValidationError(
                gettext("空白だけのパスワードは使えません。"), code="password_blank"
            )

    def get_help_text(self) -> str:
        return gettext("空白だけのパスワードは使えません。")


class RepeatedPatternPasswordValidator:
    def validate(self, password: str, user=None) -> None:
        if not password.strip():
            return  # NotBlankPasswordValidator says why
        if smallest_period(password) * 2 <= len(password):
            raise ValidationError(
                gettext("同じ文字や同じ文字列を繰り返しただけのパスワードは使えません。"),
                code="password_repeated",
            )

    def get_help_text(self) -> str:
        return gettext("同じ文字や同じ文字列の繰り返し（aaaa…、abcabc… など）は使えません。")


class UsernameInPasswordValidator:
    def validate(self, password: str, user=None) -> None:
        username = user.get_username() if user is not None else ""
        if len(username) < MIN_USERNAME_LENGTH:
            return
        if username.casefold() in password.casefold():
            raise ValidationError(
                gettext("ユーザー名を含むパスワードは使えません。"),
                code="password_contains_username",
            )

    def get_help_text(self) -> str:
        return gettext("ユーザー名を含むパスワードは使えません。")
