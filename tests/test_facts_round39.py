"""Facts, issue 11 thirty-ninth round: a wire list whose lines each open with a company and a dash
("    Acme Corp <ACM> - Offering of 50 mln dlrs ... through Zentec Securities") gives each figure in
an item that company as subject (not the underwriter named last, not the story's country) and the
item's label as predicate; one such line alone, a dateline, or a name without a ticker or company
suffix is no list. Owners a wire line break hides ("X Corp's\nlong-term debt and commercial paper"), the
person "he" stands for ("The 52-year-old"), a dateline's region ("GREENWICH, Conn." is in the U.S.). A
dividend notice is a table (current and prior dividend, per share, no invented period); undated table rows
are not merged. A count before a superlative is a rank; a dummy "it" stands for no one. Invented cases,
one row per case.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.facts.items import list_items

SEC_LIST = (
    "WASHINGTON, April 1 - The following proposed securities\nofferings were filed recently with the Securities "
    "and Exchange\nCommission:\n    Northgate Banking Corp <NGB> - Offering of 40 mln dlrs of\nconvertible "
    "subordinated capital notes due 1999 through Hartwell\nFreres and Co.\n    Dunmore Mills Inc <DUN> - Offering "
    "of 90 mln dlrs\nof sinking fund debentures due 2017 through Kessler, Tabor and\nCo Inc and an offering of "
    "65 mln dlrs of convertible\nsubordinated debentures due 2012 through an underwriting group\nled by Kessler, "
    "Tabor.\n"
)
IPO_LIST = (
    "WASHINGTON, March 18 - The following proposed securities\nofferings were filed recently with the SEC:\n"
    "    Cardiomed Corp - Initial public offering of 1,250,000\nunits through Hobart Securities Inc.\n"
    "    Westfield Mortgage Co Inc - Initial public offering of\n2,400,000 shares of common stock at 11 dlrs a "
    "share through Baird\nand Lowe Inc.\n"
)

# (text, the amount, its subjects, its predicates)
CASES = [
    pytest.param(SEC_LIST, 40e6, ["Northgate Banking"], ["offering"], id="first_item"),
    pytest.param(SEC_LIST, 90e6, ["Dunmore Mills"], ["offering"], id="second_item"),
    pytest.param(SEC_LIST, 65e6, ["Dunmore Mills"], ["offering"], id="second_figure_of_an_item"),
    pytest.param(IPO_LIST, 1_250_000, ["Cardiomed Corp"], ["initial public offering"], id="no_ticker_suffix"),
    pytest.param(IPO_LIST, 2_400_000, ["Westfield Mortgage Co Inc"], ["initial public offering"], id="label_wraps"),
]


def test_label_names_only_its_own_amount(nlp):
    """ "Initial public offering of 2,400,000 shares ... at 11 dlrs a share": the price is no offering."""
    facts = facts_of(nlp, IPO_LIST, title="PROPOSED OFFERINGS RECENTLY FILED WITH THE SEC", published="1987-04-01")
    price = [f for f in facts if f.value == 11.0]
    assert price and all(f.predicate != "initial public offering" for f in price)


def test_prose_after_unindented_items_is_no_item():
    text = (
        "Acme Corp <ACM> - Offering of 50 mln dlrs of notes.\nOrbis Inc <ORB> - Offering of 30 mln dlrs of notes.\n"
        "Zentec Corp said sales rose 9 pct to 700 mln dlrs.\n"
    )
    items = list_items(text)
    assert [i.name for i in items] == ["Acme Corp", "Orbis Inc"]
    assert items[-1].end <= text.index("Zentec")


@pytest.mark.parametrize(("text", "value", "subjects", "predicates"), CASES)
def test_list_item_owner(nlp, text, value, subjects, predicates):
    facts = facts_of(nlp, text, title="PROPOSED OFFERINGS RECENTLY FILED WITH THE SEC", published="1987-04-01")
    found = [f for f in facts if f.value is not None and abs(f.value - value) < 1e-6 * value]
    assert subjects_of(found, value) == [s for s in subjects]
    assert [f.predicate for f in found] == predicates


# (text, the names of the items found): what opens an item
ITEMS = [
    pytest.param(SEC_LIST, ["Northgate Banking Corp", "Dunmore Mills Inc"], id="tickers"),
    pytest.param(IPO_LIST, ["Cardiomed Corp", "Westfield Mortgage Co Inc"], id="suffixes"),
    pytest.param(
        "    Zentec Corp <ZEN> - Offering of 40 mln dlrs of notes.\n    Mr Lee said the notes sold well.\n",
        [],
        id="one_item_is_no_list",
    ),
    pytest.param("    Alpha Mining - 40 mln tonnes.\n    Beta Metals - 30 mln tonnes.\n", [], id="no_ticker_no_suffix"),
    pytest.param(
        "    Hanford Power Co, subsidiary of Gale Co <GAL> -\nShelf offering of 200,000 shares.\n"
        "    Orbis Inc <ORB> - Offering of 30 mln dlrs of notes.\n",
        ["Hanford Power Co", "Orbis Inc"],
        id="parent_named_after_a_comma",
    ),
]


@pytest.mark.parametrize(("text", "names"), ITEMS)
def test_list_items(text, names):
    assert [i.name for i in list_items(text)] == names


def test_a_dateline_opens_no_item():
    text = "NEW YORK, March 2 - Zentec Corp <ZEN> said it sold 40 mln dlrs of notes.\n    Orbis Inc <ORB> - Offering.\n"
    assert [i.name for i in list_items(text, skip=[(0, 19)])] == []


# (text, the amount, headline, its subjects): owners a wire line break, a pronoun or a dateline's region decides
OWNERS = [
    # the parser hangs "Zentec Corp's\nlong-term debt" on "commercial paper": the debt is still Zentec's
    pytest.param(
        "Moody's Investors Service Inc said it\nlowered the ratings on about 240 mln dlrs of Zentec Corp's\n"
        "long-term debt and commercial paper.",
        240e6,
        None,
        ["Zentec"],
        id="issuer_of_joined_securities",
    ),
    # "The 52-year-old" after a sentence about "he": the person "he" stands for, not the story's main person
    pytest.param(
        "The reported feud between Alan Hart and Gordon Brown worried a donor. Mr Brown has denied it. Mr Brown "
        "is chancellor. Duncan Pryce also attacked the government. Mr Pryce has previously given Labour £50,000. "
        "He made his fortune from care homes.\n\nThe 52-year-old on Tuesday said he was reviewing his donations.",
        52.0,
        "Donor attacks Hart-Brown feud",
        ["Duncan Pryce"],
        id="age_of_the_person_he_stands_for",
    ),
    # a dateline's region decides its country ("Greenwich, Conn." is in the U.S., not England; "San Mateo, Calif."
    # not in the Philippines)
    pytest.param(
        "GREENWICH, Conn., March 2 - Retail sales rose 2.1 pct in February, the survey said.",
        2.1,
        "RETAIL SALES RISE",
        ["United States"],
        id="dateline_us_state_abbreviation",
    ),
    pytest.param(
        "CALGARY, Alberta, March 2 - Retail sales rose 2.4 pct in February, the survey said.",
        2.4,
        "RETAIL SALES RISE",
        ["Canada"],
        id="dateline_canadian_province",
    ),
]


@pytest.mark.parametrize(("text", "value", "title", "subjects"), OWNERS)
def test_owner(nlp, text, value, title, subjects):
    assert subjects_of(facts_of(nlp, text, title=title, published="1987-03-02"), value) == subjects


# (headline, text, the dividends' (value, time) rows): a dividend notice is a table of its own
NOTICES = [
    pytest.param(
        "ZENTEC CORP <ZEN> SETS QUARTERLY",
        "NEW YORK, March 2 - Qtly div 15 cts vs 15 cts prior\n    Pay April 1\n    Record March 15",
        [(0.15, None), (0.15, None)],
        id="current_and_prior_dividend",
    ),
    pytest.param(
        "<ORBIS TAX-FREE INCOME FUND> PAYOUT",
        "SAN MATEO, Calif., March 2 - Mthly div 7.3 cts vs 7.1 cts prior\n    Pay March 13\n    Record March Two",
        [(0.073, None), (0.071, None)],
        id="monthly_div_of_a_fund",
    ),
    pytest.param(
        "ZENTEC CORP <ZEN> 4TH QTR NET",
        "NEW YORK, March 2 - Shr 40 cts vs 35 cts\n    Net 4,100,000 vs 3,600,000\n    Qtly div 15 cts vs 12 cts prior",
        [(0.15, "1986-Q4"), (0.12, "1985-Q4")],
        id="dividend_in_a_results_table_keeps_its_period",
    ),
]


@pytest.mark.parametrize(("title", "text", "rows"), NOTICES)
def test_dividend_notice(nlp, title, text, rows):
    facts = [f for f in facts_of(nlp, text, title=title, published="1987-03-02") if "dividend" in f.predicate]
    assert [(pytest.approx(f.value), f.time_value) for f in facts] == rows
    assert {f.per for f in facts} == {"share"}
    assert {f.subject_source for f in facts} == {"table"}


def test_undated_table_rows_are_not_merged():
    """The current and the prior dividend of a notice share value and (no) time: still two rows."""
    from pipeline.extractors.facts.consolidate import consolidate
    from pipeline.records import Fact

    def row(start: int) -> Fact:
        return Fact(
            0,
            40,
            "Qtly div 15 cts vs 15 cts prior",
            "Zentec",
            "quarterly dividend per share",
            "quarterly_dividend_per_share",
            value=0.15,
            unit="USD",
            quantity_span=(start, start + 6),
            subject_source="table",
        )

    assert len(consolidate([row(9), row(23)])) == 2


# (text, the number, whether a fact states it): a count of the top of a ranking is a rank, as the guidelines'
# "the world's two biggest reinsurers"
RANKS = [
    pytest.param(
        "Shares in Zenre and Orbre - the world's two biggest reinsurers - both fell 1.7%.", 2.0, False, id="two_biggest"
    ),
    pytest.param(
        "No listed company can be more than 80% owned by its 10 largest shareholders.", 10.0, False, id="ten_largest"
    ),
    pytest.param("Zentec has two large plants in Ohio.", 2.0, True, id="plain_adjective"),
    pytest.param(
        "Truancy has been reduced by 5% at the 128 worst hit schools in Zentshire.", 128.0, True, id="worst_hit_group"
    ),
]


@pytest.mark.parametrize(("text", "value", "stated"), RANKS)
def test_superlative_count_is_a_rank(nlp, text, value, stated):
    assert bool(subjects_of(facts_of(nlp, text), value)) is stated


# (sentence, whether its "it" is a dummy subject standing for nothing)
DUMMY_IT = [
    pytest.param("It is thought that nearly 2,000 children skip school each day.", True, id="it_is_thought_that"),
    pytest.param("It is estimated 5,000 people died in the floods.", True, id="it_is_estimated"),
    pytest.param("It is likely that sales will rise 5%.", True, id="it_is_likely_that"),
    pytest.param("It said sales rose 7% in March.", False, id="it_said"),
    pytest.param("It was sold to Orbis for $5m.", False, id="it_was_sold"),
    pytest.param("It was told that 300 jobs would go.", False, id="it_was_told_that"),
]


@pytest.mark.parametrize(("text", "dummy"), DUMMY_IT)
def test_dummy_it(nlp, text, dummy):
    from pipeline.extractors.facts.context import _expletive

    doc = nlp(text)
    assert _expletive(doc[0]) is dummy


@pytest.mark.parametrize(
    ("dateline", "code"),
    [
        pytest.param("SAN MATEO, Calif., March 2 - ", "US", id="us_state"),
        pytest.param("CALGARY, Alberta, March 3 - ", "CA", id="province"),
        pytest.param("HANOVER, West Germany, March 3 - ", "DE", id="country_as_region"),
        pytest.param("TBILISI, Georgia, March 3 - ", "GE", id="georgia_is_the_country"),
        pytest.param("WASHINGTON, March 2 - ", None, id="no_region"),
    ],
)
def test_dateline_region_code(dateline, code):
    from pipeline.extractors.facts.gazetteer import dateline_region_code

    assert dateline_region_code(dateline, (0, len(dateline) - 1)) == code
