"""Dates, issue 13: decades counted from the narrative, SETs, clock times with zones, the tense of a
weekday in a report, and TimeML extents ("weeks or months", "the next year or so").

Every sentence is invented; each case failed before the change it covers.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.dates.find import find_dates

MONDAY = "2015-04-06"
WEDNESDAY = "2015-04-08"
SATURDAY = "2015-04-11"


def _found(nlp, text, published):
    return [(m.text, m.value) for m in find_dates(nlp(text), published=published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the following decade" counts from the story's last date, a year or a decade
        (
            "The war ended in 1945. The following decade brought rapid growth.",
            [("1945", "1945"), ("The following decade", "195")],
        ),
        (
            "Crime rose in the 1980s and fell in the following decade.",
            [("the 1980s", "198"), ("the following decade", "199")],
        ),
        (
            "Trade grew in 1962. In the previous decade it had collapsed.",
            [("1962", "1962"), ("the previous decade", "195")],
        ),
        (
            "Art flourished in the 15th century. The following century was darker.",
            [("the 15th century", "14"), ("The following century", "15")],
        ),
    ],
)
def test_narrative_decades_and_centuries(nlp, text, expected):
    assert _found(nlp, text, MONDAY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Prices are reviewed annually.", [("annually", "P1Y")]),
        ("The orchestra tours Asia each season.", [("each season", "P1Y")]),
        ("He scored ten goals every season.", [("every season", "P1Y")]),
    ],
)
def test_sets(nlp, text, expected):
    assert _found(nlp, text, MONDAY) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a 24-hour clock with a zone needs no "at", and takes the day that follows it
        ("The polls closed at 15:00 GMT Saturday.", MONDAY, [("15:00 GMT Saturday", "2015-04-04T15:00")]),
        ("Voting ended 20:30 GMT on Sunday.", MONDAY, [("20:30 GMT on Sunday", "2015-04-05T20:30")]),
        (
            "The blast struck at 08:15 local time yesterday.",
            MONDAY,
            [("08:15 local time yesterday", "2015-04-05T08:15")],
        ),
        ("The truce took effect at midnight GMT Sunday.", MONDAY, [("midnight GMT Sunday", "2015-04-05T24:00")]),
        # a simple present dated directly is a schedule: the day ahead
        ("Trading resumes at 15:00 GMT on Saturday.", WEDNESDAY, [("15:00 GMT on Saturday", "2015-04-11T15:00")]),
        ("The talks begin Tuesday in Geneva.", WEDNESDAY, [("Tuesday", "2015-04-14")]),
        # wire copy writes the clock without a colon: "1700 GMT" is a time of day, not the year 1700
        ("By 1600 GMT the shares had fallen.", MONDAY, [("1600 GMT", "2015-04-06T16:00")]),
        ("Offers are due by 1700 EST on April 9.", MONDAY, [("1700 EST on April 9", "2015-04-09T17:00")]),
    ],
)
def test_clock_times_with_zones_and_schedules(nlp, text, published, expected):
    assert _found(nlp, text, published) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # the tagger reads "protested" as a participle; with no auxiliary it is still the past
        ("Hundreds of people protested in the capital on Sunday night.", SATURDAY, [("Sunday night", "2015-04-05TNI")]),
        ("Farmers blocked roads and protested outside parliament on Monday.", SATURDAY, [("Monday", "2015-04-06")]),
    ],
)
def test_weekday_in_a_past_report(nlp, text, published, expected):
    assert _found(nlp, text, published) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He probably died within weeks or months of his capture.", [("weeks or months", "PXW")]),
        ("The mill will close over the next year or so.", [("the next year or so", "2016")]),
    ],
)
def test_timeml_extents(nlp, text, expected):
    assert _found(nlp, text, MONDAY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a year number before "year" labels that year, it does not count 1985 years
        ("1984 year net excludes a 20,000 dlr gain.", [("1984 year", "1984")]),
        ("The 2003 year was the worst on record.", [("The 2003 year", "2003")]),
        # a plural, or a number that is no year, is still a duration
        ("The oaks have stood for 1,200 years.", [("1,200 years", "P1200Y")]),
        ("The loan runs for 30 years.", [("30 years", "P30Y")]),
    ],
)
def test_a_year_number_before_year_is_that_year(nlp, text, expected):
    assert _found(nlp, text, MONDAY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "year-end 1986" is that year's last day, as both dev golds (TempEval-3, the facts gold) write it
        ("Capital was 24.5 mln dlrs at year-end 1986.", [("year-end 1986", "1986-12-31")]),
        ("Reserves stood at 3.1 billion dlrs at year end 1985.", [("year end 1985", "1985-12-31")]),
    ],
)
def test_year_end_of_a_named_year_is_its_last_day(nlp, text, expected):
    assert _found(nlp, text, "1987-03-02") == expected


def test_a_figures_month_is_not_pushed_into_the_next_year(nlp):
    text = "The rate will climb to 3.5 pct within the next year from January's three pct record."
    assert ("January", "1987-01") in _found(nlp, text, "1987-03-03")
