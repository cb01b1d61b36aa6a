"""A day range inside one month ("the February 21 to 28 period", "March 1-10"): its closing day is a date
of its own, not a number. Invented cases, one row each."""

from __future__ import annotations

import pytest

from pipeline.extractors.dates import find_dates
from pipeline.extractors.quantities import find_quantities


@pytest.mark.parametrize(
    "text, dates, numbers",
    [
        pytest.param(
            "Sales for the February 21 to 28 period fell 5 pct.",
            [("February 21", "1987-02-21"), ("28", "1987-02-28")],
            [5.0],
            id="to",
        ),
        pytest.param(
            "Sales for the March 1-10 period rose 5 pct.",
            [("March 1", "1987-03-01"), ("10", "1987-03-10")],
            [5.0],
            id="hyphen_before_period",
        ),
        pytest.param(
            "Output from March 2 through 9 was 40 mln tonnes.",
            [("March 2", "1987-03-02"), ("9", "1987-03-09")],
            [40e6],
            id="through",
        ),
        pytest.param("On March 3 and 4 mln shares traded.", [("March 3", "1987-03-03")], [4e6], id="amount_after_and"),
        pytest.param("On March 3 to 5 pct of voters.", [("March 3", "1987-03-03")], [5.0], id="percent_after_to"),
        pytest.param("On March 20 to 12 bidders.", [("March 20", "1987-03-20")], [12.0], id="day_not_after_start"),
    ],
)
def test_day_range_end(nlp, text, dates, numbers):
    doc = nlp(text)
    found = find_dates(doc, published="1987-03-04")
    assert [(d.text, d.value) for d in found] == dates
    quantities = find_quantities(doc, exclude=[(d.start, d.end) for d in found])
    assert [q.value for q in quantities] == numbers
