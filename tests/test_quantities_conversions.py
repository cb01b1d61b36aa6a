"""Quantities: bracketed conversions (the BBC's "3.1bn Australian dollars ($2.3bn; £1.8bn)").

after an amount that names its own dollar, a bare "$" in the brackets is the US dollar, even in a
story whose bare "$" is that country's.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.quantities import find_quantities


@pytest.mark.parametrize(
    "text, surface, unit",
    [
        (
            "Winemaker Vinterra rejected an offer worth 2.4bn Australian dollars ($1.8bn; £0.9bn). Sydney and "
            "Melbourne analysts in Australia were surprised, Australian brokers said.",
            "$1.8bn",
            "USD",
        ),
        ("Air Kiwi rose to 1.2bn New Zealand dollars ($0.8bn) in Auckland, New Zealand.", "$0.8bn", "USD"),
    ],
)
def test_a_bare_dollar_converting_a_named_one_is_the_us_dollar(nlp, text, surface, unit):
    found = {q.text: q.unit for q in find_quantities(nlp(text))}
    assert found.get(surface) == unit, found


# A writer who converts a bare "$" into sterling means the US dollar: every bare "$" of that text is
# USD, even in a story full of another dollar country's cues. Without the conversion the cues decide.
STERLING = [
    pytest.param(
        "Singapore fuel trader Orvane lost $550m (£290m). In Singapore, the Singapore regulator said "
        "Orvane's Singapore parent would pay $100m now.",
        {"$550m": "USD", "$100m": "USD"},
        id="sterling_conversion_makes_every_bare_dollar_us",
    ),
    pytest.param(
        "Singapore fuel trader Orvane lost S$550m (£190m). In Singapore, the Singapore regulator said "
        "Orvane's Singapore parent would pay $100m now.",
        {"$100m": "SGD"},
        id="a_prefixed_local_dollar_converted_decides_nothing",
    ),
    pytest.param(
        "Singapore fuel trader Orvane lost $550m. In Singapore, the Singapore regulator said "
        "Orvane's Singapore parent would pay $100m now.",
        {"$550m": "SGD", "$100m": "SGD"},
        id="no_conversion_the_country_cues_decide",
    ),
]


@pytest.mark.parametrize(("text", "units"), STERLING)
def test_a_dollar_converted_into_sterling_is_the_us_dollar(nlp, text, units):
    found = {q.text: q.unit for q in find_quantities(nlp(text))}
    assert {k: found.get(k) for k in units} == units, found
