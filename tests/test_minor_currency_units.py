"""Fractions of a currency ("5 pfennigs", "50 kopeks", "3 fen"): every unit name the currency rules
can give passes the export check, and a fact states the amount in the currency itself when only one
currency has that fraction.

Before this was fixed, the quantities rules gave "pfennig", "kopek", "satang", "CNY_fen" ... which the
export check refused, so a single Reuters article quoting the mark in pfennigs stopped a whole run.
"""

from __future__ import annotations

import re

import pytest
from facts_helpers import facts_of

from pipeline.extractors.quantities.tables import currencies
from pipeline.store.tables import CURRENCY_UNIT


def _rule_units() -> list[str]:
    """Every unit the currency rules map a written form to (the context settles "yen_yuan")."""
    rules = currencies()
    units: set[str] = set()
    for key in ("words", "suffix_symbols", "prefix_symbols", "ambiguous_symbols", "code_aliases"):
        for value in rules[key].values():
            units.update(value if isinstance(value, list) else [value])
    return sorted(units - {"yen_yuan"})


@pytest.mark.parametrize("unit", _rule_units())
def test_every_currency_unit_of_the_rules_passes_the_export_check(unit):
    assert re.fullmatch(CURRENCY_UNIT, unit), f"{unit!r} would fail the quantities.unit check"


FACTS = [
    pytest.param("The Bundesbank cut the price by 5 pfennigs.", 0.05, "DEM", id="pfennig"),
    pytest.param("Bread rose by 50 kopeks in the capital.", 0.5, "RUB", id="kopek"),
    pytest.param("The shop raised the price by 3 fen.", 0.03, "CNY", id="fen"),
    pytest.param("The stock rose 80 satang in Bangkok.", 0.8, "THB", id="satang"),
    pytest.param("Shares in the group rose 5 centimes.", 5.0, "centime", id="centime_kept_many_currencies"),
    pytest.param("Shares in the group rose 12 cts.", 0.12, "USD", id="cents_unchanged"),
]


@pytest.mark.parametrize(("text", "value", "unit"), FACTS)
def test_a_fraction_of_one_currency_is_stated_in_that_currency(nlp, text, value, unit):
    found = [(f.value, f.unit) for f in facts_of(nlp, text, published="1987-03-02") if f.value is not None]
    assert any(abs(v - value) < 1e-9 and u == unit for v, u in found), found
