"""Dates: what "a year earlier" and "the same period" count from in financial wire stories.

A comparison baseline ("a year ago", "a year earlier", "the year-ago period", "last year" after
"from") is not the anchor of the next "X earlier"; "the same period" with no quarter in sight is
not a quarter; "a year earlier" after "full-year" / "for the year" means the year of the
reported quarter, a year back, not that quarter.

Every sentence is invented.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.dates.find import find_dates


def _found(nlp, text, published):
    return [(m.text, m.value) for m in find_dates(nlp(text), published=published)]


def _contains(found, expected):
    missing = [e for e in expected if e not in found]
    assert not missing, f"missing {missing} in {found}"


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a weekly period then "the same period a year ago": no quarter appears anywhere
        (
            "Canadian gasoline demand fell 1.8 pct in the three weeks ended June 7 to 8.21 mln bpd "
            "from 8.36 mln in the same period a year ago. Jet fuel demand was down 0.7 pct in the "
            "period to 1.12 mln bpd from 1.13 mln a year earlier.",
            "1991-06-12",
            [("June 7", "1991-06-07"), ("the same period", "1990"), ("a year ago", "1990"), ("a year earlier", "1990")],
        ),
        (
            "Japanese crude imports rose 4.1 pct in the two weeks ended October 21 to 4.02 mln bpd "
            "from 3.86 mln in the same period a year earlier. Fuel oil imports eased 1.2 pct in the "
            "period to 0.61 mln bpd from 0.62 mln a year ago.",
            "1988-10-27",
            [("October 21", "1988-10-21"), ("the same period", "1987"), ("a year ago", "1987")],
        ),
        # "a year ago" is a baseline: the next "a year earlier" is not a year before it
        (
            "Brazilian coffee exports rose to 1.2 mln bags in May from 0.9 mln bags a year ago. "
            "Cocoa shipments climbed to 41,000 tonnes from 35,000 tonnes a year earlier.",
            "1992-06-10",
            [("May", "1992-05"), ("a year ago", "1991"), ("a year earlier", "1991")],
        ),
        # "last year" after "from" is a baseline too
        (
            "Dutch gas output rose to 6.4 billion cubic metres in July from 5.9 billion last year. "
            "Oil output slipped to 80,000 bpd from 82,000 bpd a year earlier.",
            "1990-08-14",
            [("July", "1990-07"), ("last year", "1989"), ("a year earlier", "1989")],
        ),
    ],
)
def test_baselines_do_not_anchor_the_next_offset(nlp, text, published, expected):
    found = _found(nlp, text, published)
    _contains(found, expected)
    assert not any(v.startswith(("1985", "1986")) and "Q" in v for _, v in found)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a quarter, its year-ago quarter, then the full year against the year before it
        (
            "Norcast earlier reported a fourth quarter profit of 412,000 dlrs. It lost 97,000 dlrs "
            "in the previous fourth quarter. Full-year profit totaled 1.4 mln dlrs against a "
            "year-earlier loss of 600,000 dlrs.",
            "1988-02-24",
            [("fourth quarter", "1987-Q4"), ("the previous fourth quarter", "1986-Q4"), ("year-earlier", "1986")],
        ),
        (
            "Halvorsen Mills said third quarter net income rose to 2.2 mln dlrs from 1.9 mln dlrs a "
            "year earlier. For the year, net income rose to 6.8 mln dlrs from 5.1 mln dlrs in the "
            "year-earlier period.",
            "1990-01-25",
            [("third quarter", "1989-Q3"), ("a year earlier", "1988-Q3"), ("the year-earlier period", "1988")],
        ),
        (
            "Tarrant Foods posted a fourth quarter loss of 3.3 mln dlrs. For the full year it earned "
            "11.5 mln dlrs, down from 12.9 mln dlrs a year ago.",
            "1992-02-20",
            [("fourth quarter", "1991-Q4"), ("the full year", "1991"), ("a year ago", "1990")],
        ),
    ],
)
def test_full_year_against_the_year_before(nlp, text, published, expected):
    found = _found(nlp, text, published)
    _contains(found, expected)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a quarter in the same sentence still makes "a year earlier" that quarter
        (
            "Profit rose 8 pct in the second quarter from 4.1 mln dlrs a year earlier.",
            "1990-07-19",
            [("the second quarter", "1990-Q2"), ("a year earlier", "1989-Q2")],
        ),
        (
            "Quarterly sales rose 3 pct in the third quarter from the same period a year ago.",
            "1989-10-26",
            [("the third quarter", "1989-Q3"), ("the same period", "1988-Q3"), ("a year ago", "1988-Q3")],
        ),
        # a narrative offset still counts from the date before it
        (
            "The mill was founded in 1962. Ten years earlier its owner had left Oslo.",
            "1990-03-01",
            [("1962", "1962"), ("Ten years earlier", "1952")],
        ),
        (
            "She joined the ministry last year. Two years earlier she had left the central bank.",
            "1991-05-02",
            [("last year", "1990"), ("Two years earlier", "1988")],
        ),
    ],
)
def test_unchanged_readings(nlp, text, published, expected):
    _contains(_found(nlp, text, published), expected)
