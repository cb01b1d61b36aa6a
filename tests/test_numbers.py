"""Number parser: table of written forms, scanner behaviour, and round trips (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extractors.quantities.numbers import parse_number, scan_numbers, to_words

CASES = [
    ("1,999", 1999),
    ("3.2", 3.2),
    (".25", 0.25),
    ("4.800", 4.8),
    ("1e10", 1e10),
    ("-12e-1", -1.2),
    ("-1", -1),
    ("-4/5", -0.8),
    ("3/4", 0.75),
    ("2 1/4", 2.25),
    ("½", 0.5),
    ("3m", None),  # metre or million: decided by quantities, not by the number parser
    ("10k", 10_000),
    ("1.2bn", 1.2e9),
    ("10M", 1e7),
    ("2mil", 2e6),
    ("10 bln", 1e10),
    ("13 lakh", 1.3e6),
    ("three lakh crore", 3e12),
    ("1 234 567", 1_234_567),
    ("seven", 7),
    ("fifty-two", 52),
    ("fifty   two", 52),
    ("seven million", 7e6),
    ("3.2 billion", 3.2e9),
    ("322 hundred", 32_200),
    ("one hundred and sixty-one", 161),
    ("Three hundred  and  thirty one", 331),
    ("two hundred and two thousand", 202_000),
    ("two  thousand  and  two hundred", 2200),
    ("twenty-one trillion three hundred", 21_000_000_000_300),
    ("4 thousand 3 hundred and 21", 4321),
    ("a dozen", 12),
    ("half a  dozen", 6),
    ("three dozens", 36),
    ("a half", 0.5),
    ("two-thirds", 2 / 3),
    ("two thirds", 2 / 3),
    ("one eighth", 0.125),
    ("three quarters", 0.75),
    ("one and a half", 1.5),
    ("five and a quarter", 5.25),
    ("twenty and three fifths", 20.6),
    ("half a million", 5e5),
    ("a quarter of a million", 2.5e5),
    ("quarter million", 2.5e5),
    ("two thirds of a million", 2e6 / 3),
    ("five and a half million", 5.5e6),
    ("3 million and a half", 3.5e6),
    ("one billion and a half million", 1_000_500_000),
    ("two hundred point zero three", 200.03),
    ("nine point nought four", 9.04),
    ("minus five point five", -5.5),
    ("negative one", -1),
    ("a", None),
    ("the", None),
    ("third", None),
    ("quarter", None),
    ("5G", None),
    ("3 and 5", None),
]


@pytest.mark.parametrize("text, value", CASES)
def test_parse_number_table(text, value):
    got = parse_number(text)
    if value is None:
        assert got is None
    else:
        assert got == pytest.approx(value)


@pytest.mark.parametrize(
    "text, spans",
    [
        ("423 0000 will be two numbers", [("423", 423), ("0000", 0), ("two", 2)]),
        ("between 3 and 5 million", [("3", 3), ("5 million", 5e6)]),
        ("3-5%", [("3", 3), ("5", 5)]),
        ("ef 75 -300mm", [("75", 75), ("300", 300)]),
        ("sold seven million units", [("seven million", 7e6)]),
        ("$1.2bn deal", [("1.2bn", 1.2e9)]),
        ("the third quarter", []),
        ("revenue rose 4 . 8 % to $ 13.18 billion", [("4 . 8", 4.8), ("13.18 billion", 13.18e9)]),  # PTB split
        ("1 . 8500 marks , up 0 . 0085 .", [("1 . 8500", 1.85), ("0 . 0085", 0.0085)]),
        ("He scored 3. Then 5 more.", [("3", 3), ("5", 5)]),  # prose never spaces a decimal point
    ],
)
def test_scan_numbers(text, spans):
    assert [(s.text, pytest.approx(s.value)) for s in scan_numbers(text)] == spans


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=9999))
def test_ptb_split_decimal_round_trip(whole, frac):
    """A decimal written Penn-Treebank style ("6 . 25") reads as the same number as "6.25"."""
    digits = f"{frac:04d}"
    (span,) = scan_numbers(f"rose {whole} . {digits} %")
    assert span.value == pytest.approx(float(f"{whole}.{digits}"))


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_words_round_trip(n):
    assert parse_number(to_words(n)) == n


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_separators_round_trip(n):
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million", "billion"]))
def test_digits_and_scale_words(n, scale):
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    assert parse_number(f"{n} {scale}") == pytest.approx(n * factor)


@given(st.integers(min_value=-(10**9), max_value=-1))
def test_negative_round_trip(n):
    assert parse_number(f"{n:,}") == n
