"""Dates classes found in a review of the facts table's times: a day written as a number word after a
month ("of record April eight"), a month in a clause about next year, and a reporting year named by
its end ("the year to March 31", TimeML: a DURATION, as "the year ended March 31").

Every sentence is invented; each case failed before the change it covers.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.dates.find import find_dates

MAY = "1987-05-10"
FEBRUARY = "1987-02-10"


def _found(nlp, text, published):
    return [(m.text, m.value) for m in find_dates(nlp(text), published=published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The dividend is payable to holders of record April eight.", [("April eight", "1987-04-08")]),
        ("The company said on March nine that it would sell the unit.", [("March nine", "1987-03-09")]),
        ("Payment is due June thirty, 1988, the bank said.", [("June thirty, 1988", "1988-06-30")]),
        ("Trading resumed on May twenty-one after the holiday.", [("May twenty-one", "1987-05-21")]),
    ],
)
def test_number_word_after_a_month_is_its_day(nlp, text, expected):
    assert _found(nlp, text, MAY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In April eight people died in the floods.", [("April", "1987-04")]),
        ("In March three of the directors resigned.", [("March", "1987-03")]),
        ("In May one analyst said prices would fall.", [("May", "1987-05")]),
    ],
)
def test_number_word_that_counts_stays_out(nlp, text, expected):
    assert _found(nlp, text, MAY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Next year's show will be held in March in Paris.",
            [("Next year", "1988"), ("March", "1988-03")],
        ),
        (
            "The company plans to open the plant next year, probably in March.",
            [("next year", "1988"), ("March", "1988-03")],
        ),
    ],
)
def test_month_in_a_clause_about_next_year(nlp, text, expected):
    assert _found(nlp, text, FEBRUARY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # another clause, or a past event: the month nearest the publication date
        (
            "Sales rose in March, the company said, and it expects growth next year.",
            [("March", "1987-03"), ("next year", "1988")],
        ),
        ("Next year's show was announced in January.", [("Next year", "1988"), ("January", "1987-01")]),
        (
            "The new model, due next year, will be unveiled on March 5.",
            [("next year", "1988"), ("March 5", "1987-03-05")],
        ),
    ],
)
def test_month_outside_the_next_year_clause(nlp, text, expected):
    assert _found(nlp, text, FEBRUARY) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Profit in the year to March 31 was 5 mln dlrs.", [("the year", "P1Y"), ("March 31", "1987-03-31")]),
        ("The index rose 5 pct in the year to April.", [("the year", "P1Y"), ("April", "1987-04")]),
    ],
)
def test_year_to_a_date_is_a_reporting_year(nlp, text, expected):
    assert _found(nlp, text, MAY) == expected
