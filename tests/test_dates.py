"""Tests for the dates normaliser (extractors.dates.timex) and finding dates in a Doc (extractors.dates.find)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors.dates.find import find_dates
from pipeline.extractors.dates.timex import Timex, interval, parse_published, resolve

D = dt.date
PUB = "2015-04-06"  # a Monday


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


# --------------------------------------------------------------------------- resolve: one row per rule

RESOLVE_CASES = [
    # absolute dates
    ("June 12, 2012", PUB, None, "DATE", "2012-06-12", D(2012, 6, 12), D(2012, 6, 12)),
    ("12 June 2012", PUB, None, "DATE", "2012-06-12", D(2012, 6, 12), D(2012, 6, 12)),
    ("Thursday, April 6, 2000", PUB, None, "DATE", "2000-04-06", D(2000, 4, 6), D(2000, 4, 6)),
    ("2012-06-12", None, None, "DATE", "2012-06-12", D(2012, 6, 12), D(2012, 6, 12)),
    ("August 1988", PUB, None, "DATE", "1988-08", D(1988, 8, 1), D(1988, 8, 31)),
    ("2012", PUB, None, "DATE", "2012", D(2012, 1, 1), D(2012, 12, 31)),
    ("nineteen ninety-six", PUB, None, "DATE", "1996", D(1996, 1, 1), D(1996, 12, 31)),
    ("the 1990s", PUB, None, "DATE", "199", D(1990, 1, 1), D(1999, 12, 31)),
    ("the 20th century", PUB, None, "DATE", "19", D(1900, 1, 1), D(1999, 12, 31)),
    ("the third quarter of 2012", PUB, None, "DATE", "2012-Q3", D(2012, 7, 1), D(2012, 9, 30)),
    ("summer 2012", PUB, None, "DATE", "2012-SU", D(2012, 6, 1), D(2012, 8, 31)),
    ("the week of March 6, 2000", PUB, None, "DATE", "2000-W10", D(2000, 3, 6), D(2000, 3, 12)),
    # deictic words, relative to the publication date
    ("today", PUB, None, "DATE", "2015-04-06", D(2015, 4, 6), D(2015, 4, 6)),
    ("yesterday", PUB, None, "DATE", "2015-04-05", D(2015, 4, 5), D(2015, 4, 5)),
    ("tomorrow", PUB, None, "DATE", "2015-04-07", D(2015, 4, 7), D(2015, 4, 7)),
    ("this morning", PUB, None, "TIME", "2015-04-06TMO", D(2015, 4, 6), D(2015, 4, 6)),
    ("now", PUB, None, "DATE", "PRESENT_REF", D(2015, 4, 6), D(2015, 4, 6)),
    ("recently", PUB, None, "DATE", "PAST_REF", None, None),
    ("the future", PUB, None, "DATE", "FUTURE_REF", None, None),
    ("now", None, None, "DATE", "PRESENT_REF", None, None),
    # last / next / this + unit
    ("last week", PUB, None, "DATE", "2015-W14", D(2015, 3, 30), D(2015, 4, 5)),
    ("next week", PUB, None, "DATE", "2015-W16", D(2015, 4, 13), D(2015, 4, 19)),
    ("this week", PUB, None, "DATE", "2015-W15", D(2015, 4, 6), D(2015, 4, 12)),
    ("last month", PUB, None, "DATE", "2015-03", D(2015, 3, 1), D(2015, 3, 31)),
    ("next month", PUB, None, "DATE", "2015-05", D(2015, 5, 1), D(2015, 5, 31)),
    ("last year", PUB, None, "DATE", "2014", D(2014, 1, 1), D(2014, 12, 31)),
    ("next year", PUB, None, "DATE", "2016", D(2016, 1, 1), D(2016, 12, 31)),
    ("this year", PUB, None, "DATE", "2015", D(2015, 1, 1), D(2015, 12, 31)),
    ("last quarter", PUB, None, "DATE", "2015-Q1", D(2015, 1, 1), D(2015, 3, 31)),
    ("last fall", PUB, None, "DATE", "2014-FA", D(2014, 9, 1), D(2014, 11, 30)),
    ("last November", PUB, None, "DATE", "2014-11", D(2014, 11, 1), D(2014, 11, 30)),
    ("June last year", PUB, None, "DATE", "2014-06", D(2014, 6, 1), D(2014, 6, 30)),
    # offsets
    ("five years ago", PUB, None, "DATE", "2010", D(2010, 1, 1), D(2010, 12, 31)),
    ("two months ago", PUB, None, "DATE", "2015-02", D(2015, 2, 1), D(2015, 2, 28)),
    ("three days ago", PUB, None, "DATE", "2015-04-03", D(2015, 4, 3), D(2015, 4, 3)),
    ("a year earlier", PUB, None, "DATE", "2014", D(2014, 1, 1), D(2014, 12, 31)),
    ("two weeks later", PUB, None, "DATE", "2015-W17", D(2015, 4, 20), D(2015, 4, 26)),
    ("a few years ago", PUB, None, "DATE", "PAST_REF", None, None),
    # modifiers narrow the interval
    ("the end of 2012", PUB, None, "DATE", "2012", D(2012, 9, 1), D(2012, 12, 31)),
    ("early 2012", PUB, None, "DATE", "2012", D(2012, 1, 1), D(2012, 5, 1)),
    ("mid-2012", PUB, None, "DATE", "2012", D(2012, 5, 2), D(2012, 8, 31)),
    ("early next year", PUB, None, "DATE", "2016", D(2016, 1, 1), D(2016, 5, 1)),
    # weekdays: the tense decides; the publication weekday is that very day
    ("Friday", PUB, "past", "DATE", "2015-04-03", D(2015, 4, 3), D(2015, 4, 3)),
    ("Friday", PUB, "future", "DATE", "2015-04-10", D(2015, 4, 10), D(2015, 4, 10)),
    ("Friday", PUB, None, "DATE", "2015-04-03", D(2015, 4, 3), D(2015, 4, 3)),
    ("Monday", PUB, "past", "DATE", "2015-04-06", D(2015, 4, 6), D(2015, 4, 6)),
    ("Monday", PUB, "future", "DATE", "2015-04-06", D(2015, 4, 6), D(2015, 4, 6)),
    ("last Friday", PUB, None, "DATE", "2015-04-03", D(2015, 4, 3), D(2015, 4, 3)),
    ("next Friday", PUB, None, "DATE", "2015-04-10", D(2015, 4, 10), D(2015, 4, 10)),
    ("Friday night", PUB, "past", "TIME", "2015-04-03TNI", D(2015, 4, 3), D(2015, 4, 3)),
    # month names without a year: tense, else the closest
    ("March", PUB, "past", "DATE", "2015-03", D(2015, 3, 1), D(2015, 3, 31)),
    ("March", PUB, "future", "DATE", "2016-03", D(2016, 3, 1), D(2016, 3, 31)),
    ("December", PUB, "past", "DATE", "2014-12", D(2014, 12, 1), D(2014, 12, 31)),
    ("December", PUB, "future", "DATE", "2015-12", D(2015, 12, 1), D(2015, 12, 31)),
    ("December 20", "2015-01-05", None, "DATE", "2014-12-20", D(2014, 12, 20), D(2014, 12, 20)),
    ("January 10", "2014-12-20", None, "DATE", "2015-01-10", D(2015, 1, 10), D(2015, 1, 10)),
    ("April 6", PUB, None, "DATE", "2015-04-06", D(2015, 4, 6), D(2015, 4, 6)),
    # no publication date: underspecified values, never an invented year
    ("April 6", None, None, "DATE", "XXXX-04-06", None, None),
    ("April", None, None, "DATE", "XXXX-04", None, None),
    ("Friday", None, None, "DATE", "XXXX-WXX-5", None, None),
    ("yesterday", None, None, "DATE", "XXXX-XX-XX", None, None),
    ("last year", None, None, "DATE", "XXXX", None, None),
    # a partial publication date
    ("April 6", "2015", None, "DATE", "2015-04-06", D(2015, 4, 6), D(2015, 4, 6)),
    ("last year", "2015-04", None, "DATE", "2014", D(2014, 1, 1), D(2014, 12, 31)),
    # times
    ("10 p.m.", PUB, None, "TIME", "2015-04-06T22:00", D(2015, 4, 6), D(2015, 4, 6)),
    ("10:35 a.m.", PUB, None, "TIME", "2015-04-06T10:35", D(2015, 4, 6), D(2015, 4, 6)),
    ("noon Saturday", PUB, "past", "TIME", "2015-04-04T12:00", D(2015, 4, 4), D(2015, 4, 4)),
    # durations
    ("the past three months", PUB, None, "DURATION", "P3M", D(2015, 1, 6), D(2015, 4, 6)),
    ("the next two weeks", PUB, None, "DURATION", "P2W", D(2015, 4, 6), D(2015, 4, 20)),
    ("five years", PUB, None, "DURATION", "P5Y", None, None),
    ("24 hours", PUB, None, "DURATION", "PT24H", None, None),
    ("10-year", PUB, None, "DURATION", "P10Y", None, None),
    ("half a century", PUB, None, "DURATION", "P50Y", None, None),
    ("two and a half", PUB, None, None, None, None, None),
    ("two and a half years", PUB, None, "DURATION", "P2Y6M", None, None),
    ("five-and-a-half years", PUB, None, "DURATION", "P5Y6M", None, None),
    ("two-and-a-half-hour", PUB, None, "DURATION", "PT2H30M", None, None),
    # a wire's mixed fraction is one number
    ("7-1/2 years", PUB, None, "DURATION", "P7Y6M", None, None),
    ("12 1/2 year", PUB, None, "DURATION", "P12Y6M", None, None),
    ("1-1/2 hours", PUB, None, "DURATION", "PT1H30M", None, None),
    ("1 and a half years later", PUB, None, "DATE", "2016", D(2016, 1, 1), D(2016, 12, 31)),
    ("several years", PUB, None, "DURATION", "PXY", None, None),
    ("the first nine months", PUB, None, "DURATION", "P9M", None, None),
    # sets
    ("every week", PUB, None, "SET", "P1W", None, None),
    ("daily", PUB, None, "SET", "P1D", None, None),
    ("each Thursday", PUB, None, "SET", "XXXX-WXX-4", None, None),
    ("each July", PUB, None, "SET", "XXXX-07", None, None),
    # holidays
    ("Christmas", "2015-12-28", "past", "DATE", "2015-12-25", D(2015, 12, 25), D(2015, 12, 25)),
    ("Thanksgiving Day", "1999-12-01", "past", "DATE", "1999-11-25", D(1999, 11, 25), D(1999, 11, 25)),
    # impossible or not dates
    ("February 30", PUB, None, None, None, None, None),
    ("February 29, 2015", PUB, None, None, None, None, None),
    ("Mi 2", PUB, None, None, None, None, None),
    ("5G", PUB, None, None, None, None, None),
    ("3-2", PUB, None, None, None, None, None),
]


@pytest.mark.parametrize("text, published, tense, typ, value, start, end", RESOLVE_CASES)
def test_resolve(text, published, tense, typ, value, start, end):
    t = resolve(text, published=published, tense=tense)
    if typ is None:
        assert t is None
        return
    assert t is not None, text
    assert (t.type, t.value, t.start_date, t.end_date) == (typ, value, start, end)


@pytest.mark.parametrize(
    "text, previous, value, anchor",
    [
        ("the next day", "2014-10-23", "2014-10-24", "previous"),
        ("the following day", "2014-10-23", "2014-10-24", "previous"),
        ("the day before", "2014-10-23", "2014-10-22", "previous"),
        ("that day", "2014-10-23", "2014-10-23", "previous"),
        ("the following month", "2014-10-23", "2014-11", "previous"),
        ("two weeks later", "2014-10-23", "2014-W45", "previous"),
        ("the next day", None, "2015-04-07", "published"),
    ],
)
def test_resolve_narrative(text, previous, value, anchor):
    prev = None
    if previous:
        d = dt.date.fromisoformat(previous)
        prev = Timex("DATE", previous, start_date=d, end_date=d, anchor=None)
    t = resolve(text, published=PUB, previous=prev)
    assert t is not None
    assert (t.value, t.anchor) == (value, anchor)


@pytest.mark.parametrize(
    "value, mod, start, end",
    [
        ("2012-W23", None, D(2012, 6, 4), D(2012, 6, 10)),
        ("2012-W23-WE", None, D(2012, 6, 9), D(2012, 6, 10)),
        ("2012-H2", None, D(2012, 7, 1), D(2012, 12, 31)),
        ("2012-WI", None, D(2012, 12, 1), D(2013, 2, 28)),
        ("2012-06-12T06:00", None, D(2012, 6, 12), D(2012, 6, 12)),
        ("2012", "END", D(2012, 9, 1), D(2012, 12, 31)),
        ("PAST_REF", None, None, None),
        ("XXXX-04-06", None, None, None),
        ("2012-13", None, None, None),
    ],
)
def test_interval(value, mod, start, end):
    assert interval(value, mod) == (start, end)


@pytest.mark.parametrize(
    "published, granularity",
    [("2012-06-12", "day"), ("2012-06", "month"), ("2012", "year"), ("2012-06-12T10:00:00Z", "day")],
)
def test_parse_published(published, granularity):
    assert parse_published(published).granularity == granularity


@pytest.mark.parametrize("published", [None, "", "soon", "2012-02-30", "12/06/2012"])
def test_parse_published_rejects(published):
    assert parse_published(published) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.one_of(st.none(), st.text(max_size=12), st.dates().map(str)))
def test_resolve_never_crashes(text, published):
    t = resolve(text, published=published)
    assert t is None or isinstance(t.value, str)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "May",
                "March",
                "Friday",
                "2012",
                "February",
                "30",
                "31",
                ",",
                "last",
                "next",
                "the",
                "day",
                "week",
                "$",
                "ago",
                "5G",
                "Mi",
                "2",
                "p.m.",
                "10",
                "every",
                "a",
                "year",
                "-",
                "early",
                "of",
                "1990s",
                "quarter",
                "third",
                "fiscal",
                "Christmas",
                "tonight",
                "two",
                "weeks",
                "later",
            ]
        ),
        max_size=12,
    ),
    st.sampled_from([None, "2012", "2012-06", "2012-06-12"]),
)
def test_find_dates_never_crashes(blank, words, published):
    doc = blank(" ".join(words))
    for m in find_dates(doc, published=published):
        assert 0 <= m.start < m.end <= len(doc.text)
        assert doc.text[m.start : m.end] == m.text


# --------------------------------------------------------------------------- find_dates over parsed text


def _found(nlp, text, published=PUB):
    return [(m.text, m.value) for m in find_dates(nlp(text), published=published)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The deal closed by June 12, 2012.", [("June 12, 2012", "2012-06-12")]),
        ("Sales rose in the third quarter.", [("the third quarter", "2014-Q3")]),
        ("Sales will rise in the third quarter.", [("the third quarter", "2015-Q3")]),
        ("The company will report results on Friday.", [("Friday", "2015-04-10")]),
        ("The company reported results on Friday.", [("Friday", "2015-04-03")]),
        ("Prices rose over the last two weeks.", [("the last two weeks", "P2W")]),
        ("He spent about five hours there.", [("five hours", "PT5H")]),
        ("It costs $5 a year.", [("a year", "P1Y")]),
        ("Earlier Friday, police said the suspect fled.", [("Friday", "2015-04-03")]),
        ("The 30-day warrant expired.", [("30-day", "P30D")]),
    ],
)
def test_find_dates_spans_and_values(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She may come back, and they may march again.",
        "Xiaomi launched the Mi 2 with 5G support.",
        "The team won 3-2 at home.",
        "The company earned $2012 million.",
        "About 2012 people attended.",
        "The meeting is on February 30.",
        "The index closed at 2082.1 points.",
        "Thousands joined the annual March for Life in Washington.",
        "The quarter-to-quarter comparison was weak.",
        "The case is for today's youth what the revolution was for their parents.",
    ],
)
def test_find_dates_rejects_non_dates(nlp, text):
    assert _found(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("For the year ended Sept. 30, net income rose.", [("the year", "P1Y"), ("Sept. 30", "2014-09-30")]),
        ("Loans fell in the week ended March 18.", [("the week", "P1W"), ("March 18", "2015-03-18")]),
        ("Sales rose in the month ending March 31.", [("the month", "P1M"), ("March 31", "2015-03-31")]),
        ("It hopes to earn more this calendar year.", [("this calendar year", "2015")]),
        ("The project took 2 1/2 years.", [("2 1/2 years", "P2Y6M")]),
        (
            "He met them Tuesday and may meet them again Thursday.",
            [("Tuesday", "2015-04-07"), ("Thursday", "2015-04-09")],
        ),
        ("The father could arrive as early as Friday.", [("Friday", "2015-04-10")]),
        ("The talks are scheduled for Friday.", [("Friday", "2015-04-10")]),
    ],
)
def test_find_dates_tense_and_periods(nlp, text, expected):
    assert _found(nlp, text, "2015-04-08") == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # a deferral "until"/"through" points forward even in a past clause (issue 4)
        ("Officials postponed until Tuesday morning any action.", "2000-03-30", [("Tuesday morning", "2000-04-04TMO")]),
        ("INS extended its deadline until 9 a.m. Tuesday.", "2000-04-03", [("9 a.m. Tuesday", "2000-04-04T09:00")]),
        ("The banks extended loans through January.", "1989-10-30", [("January", "1990-01")]),
        # "effective" dates lie ahead
        ("The company created a new office, effective Feb. 1.", "1989-10-26", [("Feb. 1", "1990-02-01")]),
        # a plan made before and maybe overtaken: the nearest day
        ("It had been due to expire at midnight Friday.", "1989-10-30", [("midnight Friday", "1989-10-27T24:00")]),
        ("A service planned for Saturday was canceled.", "1999-10-24", [("Saturday", "1999-10-23")]),
        # "is to" + verb is a plan
        ("The stock is to resume trading in Paris Tuesday.", "1989-10-27", [("Tuesday", "1989-10-31")]),
        # perfect progressive: the date lies behind
        ("Police have been searching for him since the Oct. 23 slaying.", "1999-05-06", [("Oct. 23", "1998-10-23")]),
        # a figure's month in a forecast is the month just reported, not the next one of that name
        ("Sales will exceed the January level of 40 tonnes.", "1991-03-20", [("January", "1991-01")]),
        ("The deficit for February is expected to narrow.", "1991-03-20", [("February", "1991-02")]),
        ("The fair will be held in January.", "1991-03-20", [("January", "1992-01")]),
        # a year after "year-end" is that year's end
        ("It had capital of $5m at year-end 1990.", "1991-03-20", [("year-end 1990", "1990-12-31")]),
        # "the previous fourth quarter" after the fourth quarter just reported is the one before it
        (
            "It lost $9m in the fourth quarter. It earned $5m in the previous fourth quarter.",
            "1991-03-05",
            [("the fourth quarter", "1990-Q4"), ("the previous fourth quarter", "1989-Q4")],
        ),
    ],
)
def test_find_dates_tense_cues(nlp, text, published, expected):
    assert _found(nlp, text, published) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # approximators stay inside "ago" expressions and "nearly" inside amounts (TimeBank extents)
        ("He was killed almost two years ago.", [("almost two years ago", "2013")]),
        ("The strike lasted nearly two months.", [("nearly two months", "P2M")]),
        ("The strike lasted about two months.", [("two months", "P2M")]),
        # "over" after a verb is the preposition "during"; after "last" it means "more than"
        ("Cuts will be phased in over seven months.", [("seven months", "P7M")]),
        ("The system has evolved over several years.", [("several years", "PXY")]),
        ("The tour will last over a week.", [("over a week", "P1W")]),
        # "last" as a verb is no relative word
        ("Voting could last several days.", [("several days", "PXD")]),
    ],
)
def test_find_dates_approximator_extents(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Funds may sell bonds in the weeks ahead.", [("the weeks ahead", "PXW")]),
        ("Over the years many more patients survived.", [("the years", "PXY")]),
        ("You save fewer lives in the early years.", [("the early years", "PXY")]),
        ("In the years that followed, the party grew.", [("the years", "PXY")]),
        ("In the days of the empire, taxes were high.", []),
        ("Prices rose over the past century.", [("the past century", "P100Y")]),
        ("Growth slowed in the last decade.", [("the last decade", "200")]),
        ("He was shot last Oct. 23 in his home.", [("Oct. 23", "2014-10-23")]),
        ("The talks broke down a week or so ago.", [("a week or so ago", "2015-W14")]),
        ("He was last seen Nov. 3, the day before authorities issued a warrant.", [("Nov. 3", "2014-11-03")]),
        # parts of the day without a weekday: the narrative's day (else the publication day)
        ("By mid afternoon, officials had left.", [("mid afternoon", "2015-04-06TAF")]),
        (
            "Stocks fell Friday. Dealers placed orders in the morning.",
            [("Friday", "2015-04-03"), ("the morning", "2015-04-03TMO")],
        ),
    ],
)
def test_find_dates_spans_and_periods_more(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "the quarter ended July 31" is the three months up to then (May-July: mostly Q2)
        ("In the quarter ended July 31, sales rose.", [("the quarter", "1989-Q2"), ("July 31", "1989-07-31")]),
        # a bare "the quarter" is the quarter just named
        (
            "Sales rose in the second quarter. In the quarter, costs fell.",
            [("the second quarter", "1989-Q2"), ("the quarter", "1989-Q2")],
        ),
    ],
)
def test_find_dates_quarter_anaphora(nlp, text, expected):
    assert _found(nlp, text, "1989-10-26") == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Flights leave on Tuesday nights.", "1998-02-13", [("Tuesday nights", "XXXX-WXX-2TNI")]),
        ("He works on weekends.", "1998-02-13", [("weekends", "XXXX-WXX-WE")]),
        (
            "Results for the quarter ending in March come in May.",
            "2013-03-06",
            [("the quarter", "2013-Q1"), ("March", "2013-03"), ("May", "2013-05")],
        ),
        ("The vote is on Election Day.", "1998-10-26", [("Election Day", "1998-11-03")]),
        ("The plan will be announced at a later date.", "1998-10-26", [("a later date", "FUTURE_REF")]),
        # the holiday a few days off beats a tense guess a year away
        ("Pilgrims came for Easter.", "2000-04-17", [("Easter", "2000-04-23")]),
        # "the 1800s" is a century; "the 2000s" a decade
        ("The firm was founded in the late 1800s.", "2013-03-06", [("the late 1800s", "18")]),
        ("Prices rose in the 2000s.", "2013-03-06", [("the 2000s", "200")]),
        # "two days later" counts from the story's last date, even one whose year was inferred
        (
            "He was arrested on Feb. 12 and released two days later.",
            "2013-03-06",
            [("Feb. 12", "2013-02-12"), ("two days later", "2013-02-14")],
        ),
    ],
)
def test_find_dates_sets_holidays_refs(nlp, text, published, expected):
    assert _found(nlp, text, published) == expected


def test_find_dates_follows_the_narrative(nlp):
    found = _found(nlp, "The attack happened on Oct. 23, 1998. The next day, police arrested a man.")
    assert found == [("Oct. 23, 1998", "1998-10-23"), ("The next day", "1998-10-24")]


def test_find_dates_year_ago_means_the_quarter(nlp):
    text = "Net income rose 5% in the third quarter from $10 million a year earlier."
    assert _found(nlp, text, "1989-10-26") == [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_find_dates_without_published_keeps_underspecified(nlp):
    assert _found(nlp, "The summit opens on April 6.", None) == [("April 6", "XXXX-04-06")]


def test_find_dates_without_parser(blank):
    doc = blank("Shares fell 5% yesterday and on Friday, June 12, 2012.")
    values = [m.value for m in find_dates(doc, published=PUB)]
    assert values == ["2015-04-05", "2012-06-12"]
