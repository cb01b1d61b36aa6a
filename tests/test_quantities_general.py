"""Quantities, issue 13: general classes of news and measurement text (units after a space, digit
fractions of something, European decimals, "minus-3", "$A", money raised, radiation and data units)
and the quantulum3 scorer's reading of years and rate symbols. Invented sentences; rows are
(text, value, unit) or (text, value, unit, change)."""

from __future__ import annotations

import pytest

from pipeline.evaluate.quantities import quantulum_unit
from pipeline.extractors.quantities.find import find_quantities
from pipeline.records import QuantityMention


def rows(nlp, text):
    return [(q.text, pytest.approx(q.value), q.unit) for q in find_quantities(nlp(text))]


def rows_with_change(nlp, text):
    return [(q.text, pytest.approx(q.value), q.unit, q.change) for q in find_quantities(nlp(text))]


SPACED_SYMBOLS = [
    ("The smelter shipped 412,000 t of zinc.", [("412,000 t", 412000, "metric_ton")]),
    ("The quarry ships 9,000 t a week.", [("9,000 t", 9000, "metric_ton")]),
    ("Each bar has 32 g of fat.", [("32 g", 32, "gram")]),
    ("Output reached 80,000 t, the firm said.", [("80,000 t", 80000, "metric_ton")]),
    ("Stalls sold 4 t-shirts an hour.", [("4", 4, "t-shirt")]),  # no tonnage
]


@pytest.mark.parametrize("text, expected", SPACED_SYMBOLS)
def test_quantities_spaced_one_letter_symbols(nlp, text, expected):
    assert rows(nlp, text) == expected


FRACTIONS_OF = [
    ("The film is about 1/50 of the width of a hair.", [("1/50", 0.02, "dimensionless")]),
    ("The gap is 3/64 of an inch.", [("3/64", 3 / 64, "dimensionless")]),
    ("The shop is open 24/7 for customers.", []),  # not a fraction: no "of"
]


@pytest.mark.parametrize("text, expected", FRACTIONS_OF)
def test_quantities_digit_fraction_of_something(nlp, text, expected):
    assert rows(nlp, text) == expected


EUROPEAN = [
    ("The fine came to 2.345,50 euros.", [("2.345,50 euros", 2345.5, "EUR")]),
    ("Turnover was 12.400.000,5 euros.", [("12.400.000,5 euros", 12400000.5, "EUR")]),
    ("Readings of 1.482,07 were logged.", [("1.482,07", 1482.07, "dimensionless")]),
]


@pytest.mark.parametrize("text, expected", EUROPEAN)
def test_quantities_european_decimals_with_both_marks(nlp, text, expected):
    assert rows(nlp, text) == expected


SPLIT_HUNDREDS = [
    (
        "She counted 4 hundred and 6 hundred in all.",
        [("4 hundred", 400, "dimensionless"), ("6 hundred", 600, "dimensionless")],
    ),
    (
        "They hired three hundred and five hundred more later.",
        [("three hundred", 300, "dimensionless"), ("five hundred", 500, "dimensionless")],
    ),
    ("Some four hundred and nine runners started.", [("four hundred and nine", 409, "runner")]),
    # a larger scale after "and one" ends the first number: a range, not 700,000,001
    ("The gap will be between 600 mln and one billion dlrs.", [("between 600 mln and one billion dlrs", 6e8, "USD")]),
    ("It drew one hundred and one million viewers.", [("one hundred and one million", 1.01e8, "viewer")]),
]


@pytest.mark.parametrize("text, expected", SPLIT_HUNDREDS)
def test_quantities_hundreds_after_and_start_a_new_number(nlp, text, expected):
    assert rows(nlp, text) == expected


NEGATIVE = [
    ("The back finished on minus-4 yards.", [("minus-4 yards", -4, "yard")]),
    ("The wind chill hit minus-12.5 degrees.", [("minus-12.5 degrees", -12.5, "degree")]),
]


@pytest.mark.parametrize("text, expected", NEGATIVE)
def test_quantities_minus_joined_by_hyphen(nlp, text, expected):
    assert rows(nlp, text) == expected


DOLLAR_CODES = [
    ("The miner paid $A3.4m for the lease.", [("$A3.4m", 3.4e6, "AUD")]),
    ("The farm sold for $NZ900,000 last week.", [("$NZ900,000", 900000, "NZD")]),
    ("The tower cost $HK2bn to build.", [("$HK2bn", 2e9, "HKD")]),
    ("The fund put in $US5m ($A7.1m) this week.", [("$US5m", 5e6, "USD"), ("$A7.1m", 7.1e6, "AUD")]),
]


@pytest.mark.parametrize("text, expected", DOLLAR_CODES)
def test_quantities_dollar_then_country_letters(nlp, text, expected):
    assert rows(nlp, text) == expected


RAISED = [
    ("The start-up raised $8m from backers.", [("$8m", 8e6, "USD", None)]),
    ("The charity is raising \u00a32m for the hospital.", [("\u00a32m", 2e6, "GBP", None)]),
    ("The board raised the payout by 4 cents.", [("4 cents", 4, "cent", "up")]),
    ("The town is raising parking fees by 15%.", [("15%", 15, "percent", "up")]),
]


@pytest.mark.parametrize("text, expected", RAISED)
def test_quantities_money_raised_is_no_change(nlp, text, expected):
    assert rows_with_change(nlp, text) == expected


MORE_UNITS = [
    ("The archive holds 12 exabytes of video.", [("12 exabytes", 12, "exabyte")]),
    ("Traffic may reach 2 ZB a year.", [("2 ZB", 2, "zettabyte")]),
    ("A chest scan gives about 7 mSv.", [("7 mSv", 7, "millisievert")]),
    ("Staff received 250 millisieverts in a day.", [("250 millisieverts", 250, "millisievert")]),
    ("The patient got 2 Gy per session.", [("2 Gy", 2, "gray")]),
    ("Levels reached 3.2 \u03bcSv an hour.", [("3.2 \u03bcSv", 3.2, "microsievert")]),
    ("The crew saw two gray whales.", [("two", 2, "whale")]),  # the colour, not the unit
]


@pytest.mark.parametrize("text, expected", MORE_UNITS)
def test_quantities_radiation_and_data_units(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    "mention, name",
    [
        (
            QuantityMention(0, 9, "4,500 tpd", 4500.0, unit="metric_ton", unit_text="tpd", per="day", kind="dimension"),
            "ton per day",
        ),
        (
            QuantityMention(
                0, 9, "40 tonnes", 40.0, unit="metric_ton", unit_text="tonnes", per="day", kind="dimension"
            ),
            "tonne",
        ),
        (QuantityMention(0, 4, "90\u00b0", 90.0, unit="degree", unit_text="\u00b0", kind="dimension"), "degree angle"),
        (
            QuantityMention(0, 8, "4,000 mAh", 4000.0, unit="milliampere_hour", unit_text="mAh", kind="dimension"),
            "milliampere-hour",
        ),
    ],
)
def test_quantities_quantulum3_unit_names(mention, name):
    assert quantulum_unit(mention) == name


CONVERSIONS = [
    # a bare "$" in brackets right after an amount in another currency is a US dollar conversion
    (
        "The Canadian miner, listed in Toronto by Canadian investors, rose to 97p ($1.87).",
        [("97p", "penny"), ("$1.87", "USD")],
    ),
    (
        "The Canadian firm, run by Canadian managers, paid 1.5bn euros ($2bn; £1.1bn).",
        [("1.5bn euros", "EUR"), ("$2bn", "USD"), ("£1.1bn", "GBP")],
    ),
    # elsewhere the story's dollar stands
    ("The Canadian miner, listed in Toronto by Canadian investors, is worth $500m.", [("$500m", "CAD")]),
]


@pytest.mark.parametrize("text, expected", CONVERSIONS)
def test_quantities_bracketed_dollar_conversion_is_usd(nlp, text, expected):
    assert [(q.text, q.unit) for q in find_quantities(nlp(text))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "There were ſeveral hundred people.",  # the long s: a case-blind regex reads it as "s"
        "They paid fİve mİllion dollars.",  # the dotted capital I
    ],
)
def test_letters_a_case_blind_regex_folds_never_crash(nlp, text):
    find_quantities(nlp(text))  # no KeyError from a table keyed by lower()


# "won" is the Korean currency after a number, and the past of "win": after a name with a number
# ("Halo 2", "Burnout 3") and before an object it is the verb; a scale word or a rate keeps it money.
WON = [
    ("Halo 2 won the best console game award.", "Halo 2 won", None),
    ("Burnout 3 won three awards on the night.", "Burnout 3 won", None),
    ("Team 7 won their final match.", "Team 7 won", None),
    ("Exports were worth 3 billion won last year.", "3 billion won", "KRW"),
    ("The board set a dividend of 300 won a share.", "300 won", "KRW"),
    ("The dollar closed at 861.40 won in Seoul.", "861.40 won", "KRW"),
    ("The ticket costs 5,000 won.", "5,000 won", "KRW"),
]


@pytest.mark.parametrize("text, surface, unit", WON)
def test_quantities_won_verb_or_currency(nlp, text, surface, unit):
    found = {q.text: q.unit for q in find_quantities(nlp(text))}
    if unit is None:
        assert "KRW" not in found.values()
    else:
        assert found.get(surface) == unit


# A number glued to a capital G before a network noun is a mobile generation ("2.5G technology"),
# no amount; alone or as money it keeps the giga scale.
GENERATIONS = [
    ("Phones moved from 2.5G technology to faster links.", []),
    ("Operators will build 5G networks next year.", []),
    ("It sat between 2.5G and 3G in speed.", []),
    ("The link ran at 10G.", [("10G", 10e9, "dimensionless")]),
    ("The firm raised $1.5G last year.", [("$1.5G", 1.5e9, "USD")]),
]


@pytest.mark.parametrize("text, expected", GENERATIONS)
def test_quantities_mobile_generations_are_no_amounts(nlp, text, expected):
    assert rows(nlp, text) == expected


# A number glued to a lower-case "b" that modifies a noun after it is a standard's or a product's code
# ("802.11b", "a 64b bus"), no amount; as money ("$1.5b") or alone it is a billion.
GLUED_B = [
    ("The laptop has an 802.11b wireless card.", []),
    ("The chip uses a 64b data bus.", []),
    ("The firm raised $1.5b last year.", [("$1.5b", 1.5e9, "USD")]),
    ("The bank lent £2.5b to builders.", [("£2.5b", 2.5e9, "GBP")]),
    ("It raised 2.5bn yen.", [("2.5bn yen", 2.5e9, "JPY")]),
    ("Its sales reached 3.2b last year.", [("3.2b", 3.2e9, "dimensionless")]),
]


@pytest.mark.parametrize("text, expected", GLUED_B)
def test_quantities_glued_b_is_a_billion_only_in_money(nlp, text, expected):
    assert rows(nlp, text) == expected


# A bare million/billion figure later in a sentence that stated money in millions or billions is in that
# money, whatever joins them ("down from", "along with"); a counted noun, a bracketed conversion or a new
# sentence keeps its own reading, and a plain number without a scale word is not touched.
LATER_SCALED_MONEY = [
    (
        "The fund said 3.1 billion dlrs of the total was held in bonds, down from 3.4 billion a year earlier.",
        [("3.1 billion dlrs", 3.1e9, "USD"), ("3.4 billion", 3.4e9, "USD")],
    ),
    (
        "He wants 12 billion dlrs of new taxes, along with seven billion in defence cuts.",
        [("12 billion dlrs", 12e9, "USD"), ("seven billion", 7e9, "USD")],
    ),
    (
        "Sales rose to 2.5 billion dlrs, with 400 mln from exports.",
        [("2.5 billion dlrs", 2.5e9, "USD"), ("400 mln", 400e6, "USD")],
    ),
    (
        "The deal is worth 2 billion dlrs and will serve 3 million customers.",
        [("2 billion dlrs", 2e9, "USD"), ("3 million", 3e6, "customer")],
    ),
    ("It paid 5 mln dlrs. Output was 2 mln.", [("5 mln dlrs", 5e6, "USD"), ("2 mln", 2e6, "dimensionless")]),
    (
        "It sold a 150 mln dlr issue of 4.5 mln class A shares.",
        [("150 mln dlr", 150e6, "USD"), ("4.5 mln", 4.5e6, "share")],
    ),
    (  # a name after the figure, and no "and" / "or" / "vs" between: left as it was
        "The 40 mln dlr loan follows a 25 mln Navy contract.",
        [("40 mln dlr", 40e6, "USD"), ("25 mln", 25e6, "dimensionless")],
    ),
    (
        "It paid 5 mln dlrs for 40 pct, held by 12 investors.",
        [("5 mln dlrs", 5e6, "USD"), ("40 pct", 40, "percent"), ("12", 12, "investor")],
    ),
]


# Blind news-quantities batch 3 (session 34): rules read off it after its first look, with invented sentences.
# A counted noun written with hyphens is one word ("e-mails", the tokenizer's "e", "-", "mails"); a figure
# compared with a counted one repeats its noun; "was off 11 pct" is a fall (not "reel off seven games");
# four digits on a 24-hour clock before a time zone are a time; a lost set between won ones is a score; a
# currency word that begins a place's name is no money; cents after "and" add to dollars, not to millions.
BATCH_Q3 = [
    ("The filter caught 273 phishing e-mails.", [("273", 273, "e-mail")]),
    ("The shop sold 40 e-books and 12 T-shirts.", [("40", 40, "e-book"), ("12", 12, "t-shirt")]),
    ("The plant had 300 co-workers.", [("300", 300, "co-worker")]),
    (
        "Truck sales were 95,694 vehicles against last year's 94,715.",
        [("95,694", 95694, "vehicle"), ("94,715", 94715, "vehicle")],
    ),
    (
        "The firm employs 5,200 workers, compared with 4,900 a year earlier.",
        [("5,200", 5200, "worker"), ("4,900", 4900, "worker")],
    ),
    (
        "Some 24 million people use the service, up from 14 million a year ago.",
        [("24 million", 24e6, "people"), ("14 million", 14e6, "people")],
    ),
    (  # no comparison: the second figure names its own thing
        "It has 40 million subscribers and plans to reach 50 million by 2006.",
        [("40 million", 40e6, "subscriber"), ("50 million", 50e6, "dimensionless")],
    ),
    ("The contract would trade from 0900 to 1315 CST.", []),
    ("The meeting starts at 1400 GMT.", []),
    ("It had 1315 employees.", [("1315", 1315, "employee")]),
    # a lost set between won ones is a score too, not a range; a list of ranges stays ranges
    ("The Spaniard came through 6-3 3-6 6-3 in Rome.", []),
    (
        "Children aged 3-6, 4-7 and 8-11 attend.",
        [("3-6", 3, "year"), ("4-7", 4, "dimensionless"), ("8-11", 8, "dimensionless")],
    ),
    ("The bank bought bills in band two at 9-13/16 pct.", [("9-13/16 pct", 9.8125, "percent")]),
    # a currency word that begins a place's name is no money
    ("The 12 euro zone countries grew.", [("12", 12, "country")]),
    ("The 12 Euro zone countries grew.", [("12", 12, "country")]),
    ("Prices in the euro area rose.", []),
    ("It paid 12 euro for it.", [("12 euro", 12, "EUR")]),
    # cents after "and" add to dollars, not to millions
    ("It paid 5 dollars and 50 cents.", [("5 dollars and 50 cents", 5.5, "USD")]),
    ("The firm paid $5m and 30 cents a share.", [("$5m", 5e6, "USD"), ("30 cents", 30, "cent")]),
]


@pytest.mark.parametrize("text, expected", LATER_SCALED_MONEY + BATCH_Q3)
def test_quantities_read_off_the_blind_news_batches(nlp, text, expected):
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    "text, change",
    [
        ("Gas output was off 11 pct from February levels.", "down"),
        ("Shares closed off 5 cents at 23 dlrs.", "down"),
        ("The player reeled off seven games in a row.", None),
        ("He unveiled a one-off 200 dlr refund.", None),
        ("Ministers backed plans to write off 100 pct of the debts.", None),
    ],
)
def test_quantities_off_is_a_fall_only_after_be_or_a_market_verb(nlp, text, change):
    assert [q.change for q in find_quantities(nlp(text))][:1] == [change]


@pytest.mark.parametrize(
    "text, change",
    [
        ("Services now make up roughly 40% of the economy.", None),
        ("With Germany making up a third of the eurozone's economy, growth is slow.", None),
        ("The fine was made up of $250m in repayments and $125m in penalties.", None),
        ("Zentel signed up 300,000 new customers in the quarter.", None),
        ("Rent is taking up 30% of household budgets.", None),
        ("Shares ended up 5 points at 230.", "up"),
        ("Sales were up 12% in March.", "up"),
    ],
)
def test_quantities_up_after_a_phrasal_verb_is_no_rise(nlp, text, change):
    assert [q.change for q in find_quantities(nlp(text))][:1] == [change]


# a two-way quote written as the wires do, the second side as the first's last digits: a range, low to high
# (the facts guidelines' "1.8135/45 marks" -> 1.8135 to 1.8145); one decimal is no quote ("1.5/2 billion")
QUOTE_PAIRS = [
    ("Three-month deposits closed at 6.45/35 pct.", [("6.45/35 pct", 6.35, 6.45, "percent")]),
    ("The dollar ended at 1.7235/45 marks.", [("1.7235/45 marks", 1.7235, 1.7245, "DEM")]),
    ("Sterling was quoted at 1.5860/70 dlrs.", [("1.5860/70 dlrs", 1.586, 1.587, "USD")]),
    ("Exports were 1.5/2 billion.", [("1.5", 1.5, None, "dimensionless")]),
]


@pytest.mark.parametrize("text, expected", QUOTE_PAIRS)
def test_quantities_two_way_quote_as_last_digits(nlp, text, expected):
    found = [(q.text, pytest.approx(q.value), q.value_max, q.unit) for q in find_quantities(nlp(text))]
    assert [(t, v, pytest.approx(m) if m is not None else None, u) for t, v, m, u in expected] == found


# "in" after a number is an inch only before a word of size, not in "in thin trade"
INCH_OR_IN = [
    ("The board is 2 in thick.", [("2 in", 2, "inch")]),
    ("The index fell to 98.50 in thin trade.", [("98.50", 98.5, "dimensionless")]),
]


@pytest.mark.parametrize("text, expected", INCH_OR_IN)
def test_quantities_in_after_a_number(nlp, text, expected):
    assert rows(nlp, text) == expected
