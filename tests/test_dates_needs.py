"""The ``needs`` of a dates pattern: strings one of which every match holds, so a window without any
is skipped before the regex runs. Each case is a match that must hold one (sentences invented)."""

from __future__ import annotations

import pytest

from pipeline.extractors.dates.timex import patterns


def _pattern(name):
    return next(p for p in patterns() if p.name == name)


@pytest.mark.parametrize(
    "name, text",
    [
        ("time_named", "noon on Friday"),
        ("century", "the 19th century"),
        ("quarter", "the second fiscal quarter of 2015"),
        ("half", "the first half of next year"),
        ("year_end", "the turn of the year"),
        ("duration_long", "week-long"),
        ("duration_period", "a five-year term"),
        ("duration_fraction", "two years and a half"),
        ("offset", "three weeks from now"),
        ("unit_ago_adj", "the year-ago quarter"),
    ],
)
def test_every_match_holds_one_of_its_needs(name, text):
    p = _pattern(name)
    m = p.regex.fullmatch(text)
    assert m is not None and p.needs
    assert any(n in m.group(0).lower() for n in p.needs)


def test_needs_are_lower_case():
    assert all(n == n.lower() for p in patterns() for n in p.needs)
