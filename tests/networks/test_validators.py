import csv
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from networks.validators import check_digit, validate_lg_code

SHARED_CSV = Path(settings.BASE_DIR).parent / "shared/data/municipalities.csv"
needs_shared_csv = pytest.mark.skipif(
    not SHARED_CSV.exists(),
    reason=f"the shared municipality list is not checked out at {SHARED_CSV}",
)


def shared_codes() -> list[str]:
    with SHARED_CSV.open(encoding="utf-8-sig", newline="") as f:
        return [row["code"] for row in csv.DictReader(f)]


@needs_shared_csv
def test_check_digit_every_shared_code_passes():
    codes = shared_codes()

    assert len(codes) == 1916
    assert [code for code in codes if check_digit(code[:5]) != int(code[5])] == []
    for code in codes:
        validate_lg_code(code)


@needs_shared_csv
def test_validate_lg_code_every_shared_code_with_another_last_digit_fails():
    accepted = []
    for code in shared_codes():
        for digit in "0123456789":
            if digit == code[5]:
                continue
            try:
                validate_lg_code(code[:5] + digit)
            except ValidationError:
                continue
            accepted.append(code[:5] + digit)

    assert accepted == []


@pytest.mark.parametrize(
    ("first_five", "expected"),
    [
        # 1·6 + 3·5 + 1·4 + 0·3 + 1·2 = 27; 27 mod 11 = 5; 11 − 5 = 6
        ("13101", 6),  # 千代田区 131016
        # 0·6 + 1·5 + 1·4 + 0·3 + 0·2 = 9; 9 mod 11 = 9; 11 − 9 = 2
        ("01100", 2),  # 札幌市 011002
        # 4·6 + 7·5 + 2·4 + 0·3 + 1·2 = 69; 69 mod 11 = 3; 11 − 3 = 8
        ("47201", 8),  # 那覇市 472018
        # 0·6 + 1·5 + 2·4 + 1·3 + 3·2 = 22; 22 mod 11 = 0; 11 − 0 = 11, last digit 1
        ("01213", 1),  # 苫小牧市 012131
        # 0·6 + 1·5 + 1·4 + 1·3 + 0·2 = 12; 12 mod 11 = 1; 11 − 1 = 10, last digit 0
        ("01110", 0),  # 札幌市清田区 011100
    ],
)
def test_check_digit_hand_computed(first_five, expected):
    assert check_digit(first_five) == expected
    validate_lg_code(f"{first_five}{expected}")


def test_validate_lg_code_wrong_check_digit():
    with pytest.raises(ValidationError) as exc:
        validate_lg_code("131017")

    assert exc.value.code == "check_digit"
    assert exc.value.messages == ["団体コード 131017 の検査数字が正しくありません。"]


@pytest.mark.parametrize(
    "value",
    [
        "",
        "13101",  # leading zero or check digit missing
        "1310160",
        "13101a",
        "13-101",
        "１３１０１６",  # full-width digits pass str.isdigit()
        "١٣١٠١٦",  # so do Arabic-Indic digits
    ],
)
def test_validate_lg_code_not_six_ascii_digits(value):
    with pytest.raises(ValidationError) as exc:
        validate_lg_code(value)

    assert exc.value.code == "format"
    assert exc.value.messages == [f"団体コードは6桁の数字です（{value}）。"]
