"""Dates, issue 13 (second round): TimeML extents and values of ranges, coordinated quarters,
"pre-/post-" years, names that contain "Today", vague and counted durations, holiday weeks.

Every sentence is invented; each case failed before the change it covers. TimeML references are to
the TimeML Annotation Guidelines 1.2.1 (Saurí et al. 2006), section 2.2 (TIMEX3).
"""

from __future__ import annotations

import pytest

from pipeline.extractors.dates.find import find_dates

MONDAY = "2015-04-06"
WEDNESDAY = "2015-04-08"


def _found(nlp, text, published=MONDAY):
    return [(m.text, m.value) for m in find_dates(nlp(text), published=published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a range of durations is two TIMEX3s, one per end point, each with its own value
        ("Patients wait two to six days for a bed.", [("two", "P2D"), ("six days", "P6D")]),
        ("The repairs take between three and five weeks.", [("three", "P3W"), ("five weeks", "P5W")]),
        ("Sentences range from 10 to 15 years.", [("10", "P10Y"), ("15 years", "P15Y")]),
        # "or" is one vague amount, not a range: left whole
        ("Repairs took two or three weeks.", [("two or three weeks", "P2W")]),
    ],
)
def test_duration_ranges_split(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # coordinated ordinals share "quarters": each quarter is its own TIMEX3
        (
            "Output fell in the first and second quarters of 2013.",
            [("first", "2013-Q1"), ("second quarters of 2013", "2013-Q2")],
        ),
        # a habit in the present tense: quarters of any year
        (
            "Most toy sales happen in the third and fourth quarters.",
            [("third", "XXXX-Q3"), ("fourth quarters", "XXXX-Q4")],
        ),
    ],
)
def test_coordinated_quarters(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an approximator the extent drops ("at least") does not make a shorter reading win
        (
            "Weak demand will last through at least the first two quarters of 2016.",
            [("the first two quarters of 2016", "2016-H1")],
        ),
    ],
)
def test_longest_by_final_extent(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The post-1990 reforms reshaped the army.", [("post-1990", "1990")]),
        ("Many pre-2008 mortgages were risky.", [("pre-2008", "2008")]),
        ("The pre-war years were hard.", []),
    ],
)
def test_pre_and_post_years(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Today" after a capitalised name is a title (a newspaper, a programme), not the day
        ("She told USA Today that she would run.", []),
        ("You are listening to Radio Today on our network.", []),
        ("Today the council meets again.", [("Today", "2015-04-06")]),
        ("The council said today it would meet.", [("today", "2015-04-06")]),
    ],
)
def test_today_in_a_name(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a vague stretch of time (TimeML: value with X)
        ("The reactor was offline for a rather lengthy period.", [("a rather lengthy period", "PXX")]),
        ("Shares were suspended for a brief period.", [("a brief period", "PXX")]),
        # counted quarters with "straight"/"consecutive" are a duration
        ("The firm lost money for eight straight quarters.", [("eight straight quarters", "P8Q")]),
        ("Sales grew for three consecutive quarters.", [("three consecutive quarters", "P3Q")]),
        # "a quarter century": 25 years
        ("Prices have risen for a quarter century.", [("a quarter century", "P25Y")]),
        ("The dam stood for a quarter-century.", [("a quarter-century", "P25Y")]),
    ],
)
def test_durations(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # "<holiday> week": the (ISO) week holding the holiday
        ("Shops were busy during Easter week.", "2015-04-10", [("Easter week", "2015-W14")]),
        ("Traffic peaked in Christmas week.", "2014-12-30", [("Christmas week", "2014-W52")]),
    ],
)
def test_holiday_week(nlp, text, published, expected):
    assert _found(nlp, text, published) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a day of the month written as an ordinal word
        ("The vote was held on March the eighth.", [("March the eighth", "2015-03-08")]),
        ("The fair opens on the twenty-first of June.", [("the twenty-first of June", "2015-06-21")]),
        ("The vote is set for Sunday, April nineteenth.", [("Sunday, April nineteenth", "2015-04-19")]),
        # "this coming": the next one
        ("The team plays this coming Saturday.", [("this coming Saturday", "2015-04-11")]),
    ],
)
def test_day_words_and_this_coming(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the year-earlier nine months" is a reporting period: a duration (TimeML: P9M)
        ("Profit fell 4% from the year-earlier nine months.", [("the year-earlier nine months", "P9M")]),
        ("Sales rose from the year-ago six months.", [("the year-ago six months", "P6M")]),
    ],
)
def test_year_earlier_months(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "one day" between a modal or the subject and its verb: some time to come (FUTURE_REF)
        ("The village will one day be a busy town.", [("one day", "FUTURE_REF")]),
        ("Investors may one day regret the deal.", [("one day", "FUTURE_REF")]),
        ("She hopes she one day wins the title.", [("one day", "FUTURE_REF")]),
        # a day's length stays a duration
        ("Only one day remains before the vote.", [("one day", "P1D")]),
        ("He was jailed for one day and fined.", [("one day", "P1D")]),
    ],
)
def test_one_day_as_someday(nlp, text, expected):
    assert _found(nlp, text) == expected
