"""Quantities in news-agency wire style ("50.3 mln dlrs", "4.5 pct", "1.2 mln bpd") and line breaks.

Each row: (sentence, expected mentions as (text, value, value_max, unit, per, kind)).
"""

from __future__ import annotations

import pytest

from pipeline.extractors.quantities.find import extract, find_quantities


def rows(nlp, text):
    return [(q.text, pytest.approx(q.value), q.value_max, q.unit, q.per, q.kind) for q in find_quantities(nlp(text))]


# -- a unit after a line break -------------------------------------------------------------------

LINE_BREAKS = [
    # a unit across a single line break is still the unit (wire copy wraps lines mid-sentence)
    (
        "The company sold 750,000\ntonnes of sugar.",
        [("750,000\ntonnes", 750000, None, "metric_ton", None, "dimension")],
    ),
    ("Output rose to 1.2 mln\nbpd in March.", [("1.2 mln\nbpd", 1.2e6, None, "barrel", "day", "dimension")]),
    ("Net profit was 50.3 mln\ndlrs.", [("50.3 mln\ndlrs", 50.3e6, None, "USD", None, "currency")]),
    # across a paragraph break (a blank line) it is not, and nothing is counted there either
    ("Output was 750,000\n\ntonnes were shipped.", [("750,000", 750000, None, "dimensionless", None, "number")]),
    ("Exports reached 27,595\n\nDollars are scarce.", [("27,595", 27595, None, "dimensionless", None, "number")]),
]


@pytest.mark.parametrize("text, expected", LINE_BREAKS)
def test_unit_after_a_line_break(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Six\nmonth euromarks were quoted at 4.5 pct.", "750,000\ntonnes", "5 \n-tonnes", "20\n pct", "3 mln\r\ndlrs"],
)
def test_line_break_before_a_unit_never_crashes(text):
    """It used to raise KeyError(' month') in ``_physical_after``, which failed the whole document."""
    for q, _strong in extract(text):
        assert text[q.start : q.end] == q.text


# -- wire-style currencies, scales, cents, percent and rates -----------------------------------

WIRE = [
    (
        "Net profit rose to 50.3 mln dlrs from 42 mln dlrs.",
        [
            ("50.3 mln dlrs", 50.3e6, None, "USD", None, "currency"),
            ("42 mln dlrs", 42e6, None, "USD", None, "currency"),
        ],
    ),
    ("The deal is worth 1.2 billion dlrs.", [("1.2 billion dlrs", 1.2e9, None, "USD", None, "currency")]),
    ("It raised two mln dlrs.", [("two mln dlrs", 2e6, None, "USD", None, "currency")]),
    ("It cost 5 dlr.", [("5 dlr", 5, None, "USD", None, "currency")]),
    ("It raised 300 mln U.S. dlrs.", [("300 mln U.S. dlrs", 300e6, None, "USD", None, "currency")]),
    ("It raised 300 mln Canadian dlrs.", [("300 mln Canadian dlrs", 300e6, None, "CAD", None, "currency")]),
    ("It raised 20 mln Australian dlrs.", [("20 mln Australian dlrs", 20e6, None, "AUD", None, "currency")]),
    ("It raised 30 mln N.Z. dlrs.", [("30 mln N.Z. dlrs", 30e6, None, "NZD", None, "currency")]),
    ("It raised 40 mln Hong Kong dlrs.", [("40 mln Hong Kong dlrs", 40e6, None, "HKD", None, "currency")]),
    ("It raised 5 mln Singapore dlrs.", [("5 mln Singapore dlrs", 5e6, None, "SGD", None, "currency")]),
    ("Profit was 12 mln stg.", [("12 mln stg", 12e6, None, "GBP", None, "currency")]),
    ("Sales were 4.5 bln yen.", [("4.5 bln yen", 4.5e9, None, "JPY", None, "currency")]),
    ("Profit was 12 mln marks.", [("12 mln marks", 12e6, None, "DEM", None, "currency")]),
    ("Profit was 3 mln West German marks.", [("3 mln West German marks", 3e6, None, "DEM", None, "currency")]),
    ("The bank lent nine billion marks.", [("nine billion marks", 9e9, None, "DEM", None, "currency")]),
    ("It cost 80 mln francs.", [("80 mln francs", 80e6, None, "FRF", None, "currency")]),
    ("It cost 20 mln Swiss francs.", [("20 mln Swiss francs", 20e6, None, "CHF", None, "currency")]),
    ("It cost 80 bln lire.", [("80 bln lire", 80e9, None, "ITL", None, "currency")]),
    ("It cost 20 mln guilders.", [("20 mln guilders", 20e6, None, "NLG", None, "currency")]),
    ("It cost 80 mln Swedish crowns.", [("80 mln Swedish crowns", 80e6, None, "SEK", None, "currency")]),
    ("It cost 20 mln Danish crowns.", [("20 mln Danish crowns", 20e6, None, "DKK", None, "currency")]),
    ("It cost 5 mln Norwegian crowns.", [("5 mln Norwegian crowns", 5e6, None, "NOK", None, "currency")]),
    # prenominal "dlr", and never the prefix of the next number
    ("It arranged a 200 mln dlr credit line.", [("200 mln dlr", 200e6, None, "USD", None, "currency")]),
    (
        "It sold a 250 mln dlr 12.75 pct debenture.",
        [("250 mln dlr", 250e6, None, "USD", None, "currency"), ("12.75 pct", 12.75, None, "percent", None, "percent")],
    ),
    # per share, as "per" reads it for any amount
    ("It earned 1.50 dlrs a share.", [("1.50 dlrs", 1.5, None, "USD", "share", "currency")]),
    # cents: the unit "45 cents" has, not a count of "ct"
    ("It paid 45 cents a share.", [("45 cents", 45, None, "cent", "share", "currency")]),
    ("It paid 45 cts a share.", [("45 cts", 45, None, "cent", "share", "currency")]),
    ("Shr loss six cts.", [("six cts", 6, None, "cent", None, "currency")]),
    ("Dividend of 10 ct per share.", [("10 ct", 10, None, "cent", "share", "currency")]),
    ("It paid 48 U.S. cents.", [("48 U.S. cents", 48, None, "cent", None, "currency")]),
    # percent and percentage points
    ("Rates rose to 7.5 pct.", [("7.5 pct", 7.5, None, "percent", None, "percent")]),
    ("Rates rose 1.5 pct points.", [("1.5 pct points", 1.5, None, "percentage_point", None, "percent")]),
    # barrels per day, however written
    ("Output is 1.2 mln bpd.", [("1.2 mln bpd", 1.2e6, None, "barrel", "day", "dimension")]),
    ("Output is 500,000 barrels per day.", [("500,000 barrels", 5e5, None, "barrel", "day", "dimension")]),
    ("Output is 500,000 barrels a day.", [("500,000 barrels", 5e5, None, "barrel", "day", "dimension")]),
    ("Output is 1.2 mln barrels a day.", [("1.2 mln barrels", 1.2e6, None, "barrel", "day", "dimension")]),
    ("Output is one mln bpd.", [("one mln bpd", 1e6, None, "barrel", "day", "dimension")]),
    # a number word with a scale suffix
    ("It issued two mln shares.", [("two mln", 2e6, None, "share", None, "count")]),
    ("It issued four mln.", [("four mln", 4e6, None, "dimensionless", None, "number")]),
    ("They shipped five mln tonnes.", [("five mln tonnes", 5e6, None, "metric_ton", None, "dimension")]),
    # a currency word before a number word is no amount ("floated the dollar two years ago"); with digits it is
    ("It floated the dollar two years ago.", []),
    ("It paid dlrs 500 for the stake.", [("dlrs 500", 500, None, "USD", None, "currency")]),
]


@pytest.mark.parametrize("text, expected", WIRE)
def test_wire_style(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    "text, unit, assumed",
    [
        ("It cost 80 million francs.", "CHF", False),  # outside wire copy the table's default stands
        ("It cost 80 mln francs.", "FRF", False),  # in wire copy a bare "francs" is French, as written
        ("Zurich: the Swiss group lost 80 mln francs, the Swiss bank said.", "CHF", True),  # country cues
    ],
)
def test_francs_in_wire_copy(nlp, text, unit, assumed):
    (q,) = find_quantities(nlp(text))
    assert (q.unit, q.currency_assumed) == (unit, assumed)


# -- counts before model numbers ------------------------------------------------------------------

MODELS = [
    ("It ordered 300 747 jets.", [("300", 300, None, "jet", None, "count")]),
    ("It ordered 200 A320 jets.", [("200", 200, None, "jet", None, "count")]),
    ("It ordered two 747 jets.", [("two", 2, None, "jet", None, "count")]),
    ("It agreed the sale of 10 737-800 planes.", [("10", 10, None, "plane", None, "count")]),
    ("It bought 12 MD-80 jets.", [("12", 12, None, "jet", None, "count")]),
    # a model number and its series after a maker's name, or used as a name: neither is an amount nor a range
    ("Ryanair ordered 70 Boeing 737-800 planes.", [("70", 70, None, "plane", None, "count")]),
    ("The chairman said the 737-800 had cut costs.", []),
    ("The 777-200LR will fly 11,000 miles.", [("11,000 miles", 11000, None, "mile", None, "dimension")]),
    ("The firm will cut 100-150 jobs.", [("100-150", 100, 150, "job", None, "count")]),
    ("Sales rose to 400-500 units.", [("400-500", 400, 500, "unit", None, "count")]),
    # a capital E between integers names a model (Boeing's 7E7), not 7 x 10^7
    ("The 7E7 will carry 200 passengers.", [("200", 200, None, "passenger", None, "count")]),
    ("Orders for the 7E7 reached 52.", [("52", 52, None, "dimensionless", None, "number")]),
    ("A mole holds 6.02E23 atoms.", [("6.02E23", 6.02e23, None, "atom", None, "count")]),
    ("The error was 1E-3 at most.", [("1E-3", 1e-3, None, "dimensionless", None, "number")]),
    # a round group after a space still groups thousands; so do two groups and typographic spaces
    ("The town has 12 500 residents.", [("12 500", 12500, None, "resident", None, "count")]),
    ("The town has 1 234 567 residents.", [("1 234 567", 1234567, None, "resident", None, "count")]),
    ("The town has 12\u00a0345 residents.", [("12\u00a0345", 12345, None, "resident", None, "count")]),
    ("The total was 12 345 in all.", [("12 345", 12345, None, "dimensionless", None, "number")]),
]


@pytest.mark.parametrize("text, expected", MODELS)
def test_count_before_a_model_number(nlp, text, expected):
    assert rows(nlp, text) == expected


# -- ranges that share one scale ---------------------------------------------------------------

RANGES = [
    ("It will cost $20-30 billion.", [("$20-30 billion", 20e9, 30e9, "USD", None, "currency")]),
    ("It will cost 20-30 bln dlrs.", [("20-30 bln dlrs", 20e9, 30e9, "USD", None, "currency")]),
    ("It will cost £2-3bn.", [("£2-3bn", 2e9, 3e9, "GBP", None, "currency")]),
    ("It will cost $20 to 30 million.", [("$20 to 30 million", 20e6, 30e6, "USD", None, "currency")]),
    # the unit written once after the range: the first end takes the scale as well as the unit
    (
        "Trade will stay between two and three billion dlrs a year.",
        [("between two and three billion dlrs", 2e9, 3e9, "USD", "year", "currency")],
    ),
    (
        "It will cost between 20 and 30 million euros.",
        [("between 20 and 30 million euros", 20e6, 30e6, "EUR", None, "currency")],
    ),
]


@pytest.mark.parametrize("text, expected", RANGES)
def test_range_shares_one_scale(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "X or Y cts" in results tables is the amount and its per-share figure, not a list of cents
        (
            "Results exclude credits of 2,227,000 or four cts.",
            [
                ("2,227,000", 2227000, None, "dimensionless", None, "number"),
                ("four cts", 4, None, "cent", None, "currency"),
            ],
        ),
        # "by half to": a share of change, then a level, not a range
        (
            "Debt was cut by half to 66.2 billion taiwan dlrs.",
            [
                ("half", 0.5, None, "dimensionless", None, "number"),
                ("66.2 billion taiwan dlrs", 66.2e9, None, "TWD", None, "currency"),
            ],
        ),
    ],
)
def test_wire_lists_and_changes(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Fiat is to get 1bn euros now, with another 550m to follow within 90 days.", 550e6, "dimensionless"),
        ("He ran the 100m in 10 seconds.", 100.0, "meter"),
    ],
)
def test_an_m_before_a_function_word_is_million_in_a_text_of_millions(text, value, unit):
    found = [(q.value, q.unit) for q, _ in extract(text)]
    assert (value, unit) in found


# -- wire tables: row labels and column headers are not amounts ---------------------------------

TABLE_LABELS = [
    # a one-letter word after a number that starts the next row's label is no scale ("T" trillion)
    ("Short sterling  94,720   67,640\n T-bond          84,694", [94720.0, 67640.0, 84694.0]),
    ("Volume was 4.5 T-bond contracts.", [4.5]),
    # ... while a spaced scale letter on the same line still is one
    ("Output was 1,674.5 G last year.", [1674.5e9]),
    # a column header "Feb'87" names a month of 1987, not the number 87
    (
        "                 Feb'87   Jan'87    Feb'86\n Long gilt      424,865  525,354   134,420",
        [424865.0, 525354.0, 134420.0],
    ),
    ("the class of '83 met", []),
]


@pytest.mark.parametrize("text, values", TABLE_LABELS)
def test_table_labels_and_headers_are_not_amounts(nlp, text, values):
    assert [q.value for q in find_quantities(nlp(text))] == pytest.approx(values)


# -- money-market quotes: a bid and an offered rate, written with one space ---------------------

QUOTES = [
    ("Call money rose to 7-7/8 eight pct.", [(7.875, 8.0, "percent")]),
    ("Call money eased from 7-3/4 7/8 pct.", [(7.75, 7.875, "percent")]),
    ("Six month funds were 7-15/16 8-1/16 pct.", [(7.9375, 8.0625, "percent")]),
    # not quotes: a change then a level (a share price in eighths: dollars), a count after a price
    ("The stock rose 1-1/2 to 32-1/4.", [(1.5, None, "USD"), (32.25, None, "USD")]),
    ("Rates were 7-3/4 pct and 8-1/8 pct.", [(7.75, None, "percent"), (8.125, None, "percent")]),
]


@pytest.mark.parametrize("text, expected", QUOTES)
def test_a_bid_and_offer_quote_is_one_range(nlp, text, expected):
    got = [(q.value, q.value_max, q.unit) for q in find_quantities(nlp(text))]
    assert got == [(pytest.approx(v), None if m is None else pytest.approx(m), u) for v, m, u in expected]


# A scaled amount followed by the size of each thing counted is two amounts, never one number
# ("1.4 mln 60 kilo bags" is 1,400,000 bags of 60 kg each, not 1,400,060 kilograms; blind batch 71).
@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "The institute registered 1.4 mln 60 kilo bags of coffee.",
            [(1_400_000.0, "bag"), (60.0, "kilogram")],
            id="wire_bags",
        ),
        pytest.param("They shipped 2.5 mln 50 kg sacks.", [(2_500_000.0, "sack"), (50.0, "kilogram")], id="kg_sacks"),
        pytest.param("It costs 2 million 500 thousand dollars.", [(2.5e6, "USD")], id="digit_scales_still_join"),
        pytest.param("one million two hundred thousand people", [(1_200_000.0, "people")], id="words_still_join"),
    ],
)
def test_scaled_amount_then_size(nlp, text, expected):
    assert [(q.value, q.unit) for q in find_quantities(nlp(text))] == expected


# -- results-table rows: a bare prior figure in the row's scale ----------------------------------
PRIOR_SCALES = [
    # "15.08 mln vs 10.52": the prior figure is in millions too
    (
        "ACME PLC YEAR\n\nLONDON, March 16 - Shr 25.7p vs 21.5p\n    Div 6p vs 4p\n"
        "    Net after tax 15.08 mln vs 10.52\n",
        [25.7, 21.5, 6.0, 4.0, 15.08e6, 10.52e6],
    ),
    # a figure written out in full keeps its own size
    (
        "ACME CORP YEAR\n\nNEW YORK, March 16 - Shr 1.10 dlrs vs 90 cts\n    Net 16.1 mln vs 3,971,000\n",
        [1.10, 90.0, 16.1e6, 3971000.0],
    ),
]


@pytest.mark.parametrize("text, values", PRIOR_SCALES)
def test_a_bare_prior_figure_takes_the_rows_scale(nlp, text, values):
    got = [q.value for q in find_quantities(nlp(text))]
    assert got == values  # exact: no float noise either


# -- share prices in eighths: a move and the level it led to are money --------------------------
SHARE_PRICES = [
    ("ChemLawn rose 1-7/8 to 36 in over-the-counter trading.", [(1.875, "USD", "up"), (36.0, "USD", None)]),
    ("Pepsico climbed 7/8 to 34-3/4 by midmorning.", [(0.875, "USD", "up"), (34.75, "USD", None)]),
    # no eighths: a count moves ("the rig count was up 14 to 164")
    ("In Canada, the rig count was up 14 to 164.", [(14.0, "dimensionless", "up"), (164.0, "dimensionless", None)]),
    # a bond, a rate or deposits quoted in fractions are no share price
    (
        "The Treasury's 30-year bond rose 5/32 to 96-31/32.",
        [(0.15625, "dimensionless", "up"), (96.96875, "dimensionless", None)],
    ),
    ("The yield on the bond rose 1/8 to 7-5/8.", [(0.125, "dimensionless", "up"), (7.625, "dimensionless", None)]),
    # a percentage of the move beside it does not make it a rate
    (
        "In active trading, Acme was off 3/8 to 3-1/2, a 9.7 pct decline.",
        [(0.375, "USD", "down"), (3.5, "USD", None), (9.7, "percent", "down")],
    ),
    # filed from Toronto: Canadian dollars
    ("TORONTO, March 3 - Inco Ltd shares rose 1/8 to 22-3/4.", [(0.125, "CAD", "up"), (22.75, "CAD", None)]),
]


@pytest.mark.parametrize("text, expected", SHARE_PRICES)
def test_share_price_moves_in_eighths_are_money(nlp, text, expected):
    assert [(q.value, q.unit, q.change) for q in find_quantities(nlp(text))] == expected


# -- "from A to B <unit>": the bare first number is in the level's unit (and scale) -------------------------

FROM_LEVEL = [
    # the scale after the level is shared when it makes the two alike
    ("Payments were lowered from 3.450 to 1.350 billion dlrs.", [(3.45e9, "USD"), (1.35e9, "USD")]),
    ("Profit rose from 5.2 to 7.1 mln dlrs.", [(5.2e6, "USD"), (7.1e6, "USD")]),
    # a first number with its own scale takes only the unit
    ("Debt grew from 1.2 bln to 1.5 bln dlrs.", [(1.2e9, "USD"), (1.5e9, "USD")]),
    ("Its share rose from 12 to 14 pct.", [(12, "percent"), (14, "percent")]),
    ("Output fell from 300 to 250 tonnes.", [(300, "metric_ton"), (250, "metric_ton")]),
    # the scale would make them 400 times apart: the number is left as written, with no unit
    ("Costs went from 500 to 1.2 billion dlrs.", [(500, "dimensionless"), (1.2e9, "USD")]),
    ("Losses narrowed from 15 to 1.2 mln dlrs.", [(15e6, "USD"), (1.2e6, "USD")]),  # 12.5 times apart: alike
    # a range is still a range, and "to" without "from" is still a change then a level
    ("It cut the range from 3 to 5 mln dlrs.", [(3e6, "USD"), (5e6, "USD")]),
]


@pytest.mark.parametrize(("text", "expected"), FROM_LEVEL)
def test_from_a_bare_number_to_a_level_shares_its_unit(nlp, text, expected):
    found = find_quantities(nlp(text))
    got = [(round(q.value, 3), q.unit) for q in found]
    got += [(round(q.value_max, 3), q.unit) for q in found if q.value_max is not None]
    assert sorted(got) == sorted((round(v, 3), u) for v, u in expected)


def test_rose_a_bare_number_to_a_level_is_not_from(nlp):
    # "rose 5 to 7 pct" is read elsewhere (a change then a level); no "from", nothing shared here
    found = find_quantities(nlp("Costs went up 2 to 1.2 billion dlrs."))
    assert [q.value for q in found][0] == pytest.approx(2)


# -- a wire's bare "dlrs" in a story that gives its amounts in one other dollar ----------------------------

WIRE_DOLLAR = [
    ("WELLINGTON, Feb 27 - M-3 rose to 30.07\nbillion N.Z. Dlrs.\n    M-1 grew to 5.03 billion dlrs.", "NZD"),
    ("MELBOURNE, March 13 - Shares were offered at 1.20 Australian dlrs each, against 6.06 dlrs a share.", "AUD"),
    # a U.S. dollar named anywhere keeps the wire's convention
    ("NEW YORK, March 9 - It paid 5 Canadian dlrs and 50 U.S. dlrs, then 20 mln dlrs.", "USD"),
    # talk of another dollar with no amount in it changes nothing
    ("TORONTO, March 9 - The Canadian dollar fell. Profit was 50 mln dlrs.", "USD"),
    # amounts in two other dollars: no one of them is the story's
    ("SYDNEY, March 9 - It paid 5 Canadian dlrs and 8 Australian dlrs, then 20 mln dlrs.", "USD"),
    # a U.S. dollar written with a hyphen is one too
    ("SYDNEY, March 9 - It issued 70 mln U.S.-dollar bonds, 100 mln Australian dlrs of notes, then 2 mln dlrs.", "USD"),
    # a commodity's price per its unit is in dollars the world over
    ("SYDNEY, March 9 - It issued 100 mln Australian dlrs of bonds. Gold closed at 405 dlrs", "AUD"),
]


@pytest.mark.parametrize(("text", "unit"), WIRE_DOLLAR)
def test_bare_dlrs_in_a_story_of_one_other_dollar(nlp, text, unit):
    last = find_quantities(nlp(text))[-1]
    assert last.text.endswith("dlrs") and last.unit == unit


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # a bare amount before the named one stays the wire's dollar
        ("NEW YORK, March 9 - It paid 200 mln dlrs for a unit with sales of 30 mln Canadian dlrs.", ["USD", "CAD"]),
        (
            "SYDNEY, March 9 - It issued 100 mln Australian dlrs of bonds. Gold closed at 405 dlrs an ounce.",
            ["AUD", "USD"],
        ),
        # filed from that dollar's country: its bare dollars before the named one are its too
        (
            "WELLINGTON, Feb 27 - M-1 grew to 5.03 billion dlrs.\n    M-3 rose to 30.07 billion N.Z. Dlrs.",
            ["NZD", "NZD"],
        ),
        # a tonne's price is the story's dollar; only gold's ounce and oil's barrel are U.S. dollars everywhere
        ("SYDNEY, March 9 - Wool rose to 150 Australian dlrs a tonne, up from 140 dlrs a tonne.", ["AUD", "AUD"]),
    ],
)
def test_bare_dlrs_before_the_named_dollar_or_for_a_commodity_stay_usd(nlp, text, units):
    assert [q.unit for q in find_quantities(nlp(text)) if q.kind == "currency"] == units
