"""Dates, issue 13 (third round): TIMEX3 extents (strict spans) by the TimeML conventions.

Every sentence is invented; each case failed before the change it covers. References are to the
TimeML Annotation Guidelines 1.2.1 (Saurí et al. 2006), section 2.2 (TIMEX3): a TIMEX3 is the whole
noun phrase of a temporal expression, and prepositions are SIGNALs, never inside it.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.dates.find import find_dates

WEDNESDAY = "2013-03-20"


def _found(nlp, text, published=WEDNESDAY):
    return [(m.text, m.value) for m in find_dates(nlp(text), published=published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an amount of time with its head noun is one noun phrase, article included
        ("The siege lasted for a three-year period.", [("a three-year period", "P3Y")]),
        ("Prices were frozen for a 90-day period, officials said.", [("a 90-day period", "P90D")]),
        ("She served a one-year term as chair.", [("a one-year term", "P1Y")]),
        ("Her four-year term ends in 2016.", [("four-year term", "P4Y"), ("2016", "2016")]),
        ("The 12-month span saw record rain.", [("The 12-month span", "P12M")]),
        # ... unless the head noun modifies another noun: then only the amount is a TIMEX3
        ("The bank offered a five-year term loan.", [("five-year", "P5Y")]),
    ],
)
def test_duration_with_head_noun(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "just", "only" are focus adverbs, not TimeML modifiers (no mod value): outside the extent
        ("The plant closed just two years ago.", [("two years ago", "2011")]),
        ("The firm was sold only a month ago.", [("a month ago", "2013-02")]),
    ],
)
def test_focus_adverbs_outside_offsets(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a preposition is a SIGNAL: "at" stays outside
        ("The economy at present is weak.", [("present", "PRESENT_REF")]),
        ("There are no talks at the moment.", [("the moment", "PRESENT_REF")]),
        # the modifier "at least" is no preposition
        ("The ban lasts at least two weeks.", [("at least two weeks", "P2W")]),
    ],
)
def test_prepositions_outside_deictic_extents(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the article of "the 11 September attacks" belongs to "attacks"
        ("The launch was delayed by the 11 September attacks.", [("11 September", "2012-09-11")]),
        ("Rail fares rise after the 2 January price review.", [("2 January", "2013-01-02")]),
        # "the 5th of May" is one noun phrase with its article
        ("The deadline is the 5th of May.", [("the 5th of May", "2013-05-05")]),
    ],
)
def test_article_before_day_of_month(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a capitalised frequency word inside a title is a name, not a SET
        ("The People's Daily reported the news.", []),
        ("According to the Daily Telegraph, he resigned.", []),
        ("Daily Mail reporters were there.", []),
        ("He writes for Business Weekly in Tokyo.", []),
        # at the start of a sentence, before a common noun, it is still a frequency
        ("Daily sales rose sharply.", [("Daily", "P1D")]),
        ("Patients take the pill daily.", [("daily", "P1D")]),
    ],
)
def test_frequency_words_in_names(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # after a possessive or "the", a year-like number before a plural noun dates that noun
        ("The company's 2012 results were weak.", [("2012", "2012")]),
        ("Its 2013 forecasts were cut.", [("2013", "2013")]),
        ("Analysts revised the 2014 estimates.", [("2014", "2014")]),
        # after a quantifier it is an amount, and a listed counted noun stays an amount
        ("Some 2000 workers lost their jobs.", []),
        ("The 2000 people at the rally cheered.", []),
    ],
)
def test_year_before_plural_noun(nlp, text, expected):
    assert _found(nlp, text) == expected
