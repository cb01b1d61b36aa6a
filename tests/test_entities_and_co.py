"""Entities: a name joined by "and" to "Co" / "Company" is one company ("Merrill Lynch and Co Inc"), where the
model gives two spans, the first often a person ("Frank B. Hall" PERSON, "Co Inc" ORG). Invented and wire-style
cases, one row per case."""

from __future__ import annotations

import pytest

from pipeline.extractors import entities as E

CASES = [
    pytest.param("Merrill Lynch and Co Inc said it would buy the unit.", ("Merrill Lynch and Co Inc", "ORG"), id="inc"),
    pytest.param(
        "Moody's may downgrade 65 mln dlrs of Frank B. Hall and Co Inc's notes.",
        ("Frank B. Hall and Co Inc", "ORG"),
        id="person_and_co",
    ),
    pytest.param("Johnson and Johnson said sales rose.", ("Johnson", "PERSON"), id="no_co"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_and_co_is_one_company(nlp, text, expected):
    found = [(e.text, e.label) for e in E.canonicalize(E.find_entities(nlp(text), None))]
    assert expected in found
    assert all(name not in ("Co", "Co Inc") for name, _ in found)
