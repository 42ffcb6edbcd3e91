"""Numbers read from a request: what counts as one, and what does not."""

import pytest

from intranet.core.parameters import whole_number


@pytest.mark.parametrize(
    "value, expected",
    [("2026", 2026), (" 12 ", 12), ("٢٠٢٦", 2026), ("0", 0), ("007", 7)],
)
def test_decimal_digits_are_a_whole_number(value, expected):
    assert whole_number(value) == expected


@pytest.mark.parametrize(
    "value", [None, "", "²", "¹²", "-1", "+1", "1.5", "1 2", "1" * 19, "1" * 5000, "x", "Ⅻ"]
)
def test_anything_else_is_none(value):
    assert whole_number(value) is None


def test_a_number_out_of_range_is_none():
    assert whole_number("13", 1, 12) is None and whole_number("12", 1, 12) == 12
    assert whole_number("1999", minimum=2000) is None
