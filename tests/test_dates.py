"""Tests for pipeline.timex (normaliser) and pipeline.dates (finding dates in a Doc)."""

from __future__ import annotations

import pytest

from pipeline.timex import resolve


@pytest.mark.parametrize(
    "text, published, value, typ",
    [
        ("June 12, 2012", "2015-04-06", "2012-06-12", "DATE"),
        ("yesterday", "2015-04-06", "2015-04-05", "DATE"),
        ("five years ago", "2015-04-06", "2010", "DATE"),
        ("April 6", None, "XXXX-04-06", "DATE"),
    ],
)
def test_resolve_value(text, published, value, typ):
    t = resolve(text, published=published)
    assert t is not None
    assert (t.value, t.type) == (value, typ)


def test_resolve_rejects_impossible_date():
    assert resolve("February 30", published="2015-04-06") is None
