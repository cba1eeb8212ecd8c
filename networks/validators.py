"""全国地方公共団体コード (JIS X 0402) validation."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WEIGHTS = (6, 5, 4, 3, 2)


def check_digit(first_five: str) -> int:
    """The sixth digit of a local government code.

    Weights 6..2 over the first five digits; the check digit is
    11 minus the remainder mod 11, keeping only its last digit.
    """
    total = sum(int(d) * w for d, w in zip(first_five, _WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def validate_lg_code(value: str) -> None:
    if len(value) != 6 or not value.isascii() or not value.isdigit():
        raise ValidationError(
            _("団体コードは6桁の数字です（%(value)s）。"), code="format", params={"value": value}
        )
    if check_digit(value[:5]) != int(value[5]):
        raise ValidationError(
            _("団体コード %(value)s の検査数字が正しくありません。"),
            code="check_digit",
            params={"value": value},
        )
