"""The facts stage's model of a whole article: headline, dateline, topic company, story country,
results tables, document-level subject candidates, dated events (issue 11).

Texts are written for these tests (wire and BBC styles); none is copied from an article.
"""

from __future__ import annotations

import dataclasses

import pytest
from facts_helpers import facts_of
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extractors.facts.document import find_dateline, find_headline, headline_company
from pipeline.extractors.facts.tables import headline_period, read_tables


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("HEADLINE HERE\n\nWELLINGTON, March 3 - The bank said ...", "WELLINGTON, March 3 - "),
        ("HEADLINE\n\nTROY, MICH., March 12 - Shr 2.11 dlrs vs nine cts", "TROY, MICH., March 12 - "),
        ("HEADLINE\n\nCOLUMBUS, Ohio, March 13 - ChemLawn corp said", "COLUMBUS, Ohio, March 13 - "),
        ("HEADLINE\n\nSAN FRANCISCO (Reuters) - Apple said", "SAN FRANCISCO (Reuters) - "),
        ("HEADLINE\n\nOTTAWA, MARCH 23 - The minister said", "OTTAWA, MARCH 23 - "),  # the month in capitals
        ("HEADLINE\n\nLAGOS, APR 2 - Output rose", "LAGOS, APR 2 - "),
        ("Headline of a story\n\nThe bank said on March 3 it would ...", None),
        ("Headline\n\nMr Smith, 42, said he would go.", None),
    ],
)
def test_dateline(text, dateline):
    headline = find_headline(text)
    found = find_dateline(text, headline[1] if headline else 0)
    assert (text[found[0] : found[1]] if found else None) == dateline


@pytest.mark.parametrize(
    "headline, company",
    [
        ("ACME TOOLS CORP <ACT> 4TH QTR NET", "Acme Tools Corp"),
        ("ZENITH<ZEN> SETS REVERSE SPLIT", "Zenith"),
        ("ITALY'S BANCO <BNC> BUYS STAKE", "Banco"),
        ("<ZORBEX HOME CARE INC> 4TH QTR NET", "Zorbex Home Care Inc"),  # the name itself in brackets
        ("KELVIN'S INC <KLV> 4TH QTR NET", "Kelvin's Inc"),  # what is left after the possessive is no name
        ("MORLAND'S ENTERPRISES INC <MLE> 1ST QTR NET", "Morland's Enterprises Inc"),
        ("MORLAND'S DORVAN UNIT <DRV> SELLS NOTES", "Dorvan Unit"),  # a name of its own after the owner's
        ("Acme profits rise 5%", None),
    ],
)
def test_headline_company(headline, company):
    assert headline_company(headline) == company


@pytest.mark.parametrize(
    "headline, published, current, prior",
    [
        ("ACME <ACM> 4TH QTR NET", "1987-03-03", "1986-Q4", "1985-Q4"),  # the last quarter that ended
        ("ACME <ACM> 4TH QTR JAN 31 NET", "1987-03-12", "1987-Q4", "1986-Q4"),  # a fiscal quarter ending in January
        ("ACME <ACM> 1ST QTR NET", "1987-04-20", "1987-Q1", "1986-Q1"),
        ("ACME <ACM> YEAR NET", "1987-03-03", "1986", "1985"),
        # a 2nd quarter reported in March cannot be the calendar one: the fiscal quarter just ended
        ("ACME <ACM> 2ND QTR NET", "1987-03-10", "1987-Q2", "1986-Q2"),
        ("ACME <ACM> 3RD QTR NET", "1987-11-02", "1987-Q3", "1986-Q3"),  # calendar, five weeks after it ended
    ],
)
def test_results_table_periods(headline, published, current, prior):
    text = "\n\nDALLAS, March 3 - Shr 31 cts vs 50 cts\n    Net 5.6 mln vs 4.3 mln\n"
    facts, rows = read_tables(
        text, headline=headline, dateline=(2, text.index("Shr")), subject=None, published=published
    )
    assert [f.time_value for f in facts] == [current, prior, current, prior]
    assert [f.value for f in facts] == [pytest.approx(0.31), pytest.approx(0.5), 5.6e6, 4.3e6]
    assert [f.unit for f in facts] == ["USD"] * 4 and [f.per for f in facts] == ["share", "share", None, None]
    assert len(rows) == 2


def test_half_year_block_under_a_fiscal_quarter():
    text = "\n\nDALLAS, March 3 - Shr 31 cts vs 50 cts\n    Six mths\n    Shr 68 cts vs 58 cts\n"
    facts, _ = read_tables(
        text, headline="ACME <ACM> 2ND QTR NET", dateline=(2, text.index("Shr")), subject=None, published="1987-03-10"
    )
    assert [f.time_value for f in facts] == ["1987-Q2", "1986-Q2", "1987-H1", "1986-H1"]


def test_results_table_profit_labels():
    text = "Shr profit primary 91 cts vs loss 86 cts\n    Shr profit diluted 90 cts vs loss 86 cts\n"
    facts, _ = read_tables(text, headline="ACME <ACM> 4TH QTR NET", dateline=None, subject=None, published="1987-03-03")
    assert [(f.predicate, f.value) for f in facts] == [
        ("earnings per share", pytest.approx(0.91)),
        ("loss per share", pytest.approx(0.86)),
        ("diluted earnings per share", pytest.approx(0.90)),
        ("diluted loss per share", pytest.approx(0.86)),
    ]


@pytest.mark.parametrize("header", ["Year", "12 mths", "Twelve months"])
def test_results_table_year_block_and_losses(header):
    text = f"Shr loss six cts vs profit 19 cts\n    {header}\n    Net loss 391,000 vs profit 1,425,000\n"
    facts, _ = read_tables(
        text, headline="ACME <ACM> 4TH QTR LOSS", dateline=None, subject=None, published="1987-03-03"
    )
    assert [(f.predicate, f.value, f.time_value) for f in facts] == [
        ("loss per share", pytest.approx(0.06), "1986-Q4"),
        ("earnings per share", pytest.approx(0.19), "1985-Q4"),
        ("net loss", 391000.0, "1986"),
        ("net profit", 1425000.0, "1985"),
    ]


@pytest.mark.parametrize("line", ["Sales rose 5 pct to 3 mln dlrs", "Net income was higher", "Revs were flat"])
def test_a_sentence_starting_with_a_label_is_not_a_table_row(line):
    facts, rows = read_tables(line, headline="", dateline=None, subject=None, published="1987-03-03")
    assert facts == [] and rows == []


@pytest.mark.parametrize(
    "headline, period",
    [("4TH QTR JAN 28 NET", (4, 1, 28)), ("1ST QTR NET", (1, None, None)), ("NINE MTHS NET", (None, None, None))],
)
def test_headline_period(headline, period):
    p = headline_period(headline)
    assert (p.quarter, p.end.month if p.end else None, p.end.day if p.end else None) == period


def test_wire_results_story_end_to_end(nlp):
    title = "ACME TOOLS CORP <ACT> 4TH QTR NET"
    text = "DALLAS, March 3 - Shr 31 cts vs 50 cts\n    Net 5.6 mln vs 4.3 mln\n    Revs 20.1 mln vs 18.2 mln\n"
    facts = [f for f in facts_of(nlp, text, published="1987-03-03", title=title) if f.value is not None]
    assert {f.subject for f in facts} == {"Acme Tools Corp"}
    assert {f.subject_source for f in facts} == {"table"}
    assert sorted((f.property_key, f.value, f.time_value) for f in facts if f.time_value == "1986-Q4") == [
        ("earnings_per_share", pytest.approx(0.31), "1986-Q4"),
        ("net_profit", 5.6e6, "1986-Q4"),
        ("revenue", 20.1e6, "1986-Q4"),
    ]


def test_the_dateline_is_neither_subject_nor_time(nlp):
    text = "NEW YORK, March 27 - Zenith Corp said its sales rose 12 pct.\n"
    (fact,) = [f for f in facts_of(nlp, text, published="1987-03-27", title="ZENITH <ZEN> SALES UP") if f.value]
    assert fact.subject == "Zenith" and fact.time_value is None  # not NEW YORK, not March 27


@pytest.mark.parametrize(
    "text, value, subject",
    [
        ("The Thai baht lost 0.3% against the dollar on Monday.", 0.3, "Thai baht"),
        ("Germany's benchmark Dax index closed 16 points lower.", 16, "benchmark Dax index"),
    ],
)
def test_markets_and_currencies_own_their_moves(nlp, text, value, subject):
    fact = next(f for f in facts_of(nlp, text) if f.value == value)
    assert fact.subject == subject and fact.subject_source == "market"


def test_macro_figures_belong_to_the_story_country(nlp):
    text = (
        "Japan's economy is slowing. Japanese exporters are worried.\n\n"
        "Industrial output grew 3.5% in the year to October, the statistics office said."
    )
    fact = next(f for f in facts_of(nlp, text) if f.value == 3.5)
    assert fact.subject == "Japan"


@pytest.mark.parametrize(
    "text, value, subject",
    [
        # a person forecasting the economy's figure speaks about it: the figure is the country's
        (
            "Brazil's economy grew last year. Brazilian exports rose.\n\n"
            "Economist John Walker expects consumer prices to rise about 4.5 pct this year.",
            4.5,
            "Brazil",
        ),
        # a company's own figure stays the company's
        ("Zentek expects sales to rise about 4.5 pct this year.", 4.5, "Zentek"),
    ],
)
def test_a_forecaster_does_not_own_the_economys_figure(nlp, text, value, subject):
    fact = next(f for f in facts_of(nlp, text) if f.value == value)
    assert fact.subject == subject


@pytest.mark.parametrize(
    "text, value, subject",
    [
        # no entity owns the amount: the clause's own subject noun phrase, with its modifiers
        ("The Chilean tablet market is expected to generate about $40m next year.", 4e7, "Chilean tablet market"),
        ("Junk mail rose by at least 70% last year.", 70, "Junk mail"),
        # nouns that name the figure, its change or who speaks are no subjects
        ("The figure rose to 45% last year.", 45, None),
        ("Dealers said the rise would reach 3%.", 3, None),
    ],
)
def test_the_clause_noun_phrase_is_the_last_resort(nlp, text, value, subject):
    fact = next(f for f in facts_of(nlp, text) if f.value == value)
    assert fact.subject == subject
    assert subject is None or fact.subject_source == "phrase"


def test_a_noun_phrase_subject_does_not_make_a_bare_number_a_fact(nlp):
    assert not [f for f in facts_of(nlp, "Trading stood at nil, dealers said.") if f.value == 0]


def test_what_figures_show_is_the_property(nlp):
    text = (
        "Japan's economy is slowing. Japanese exporters are worried.\n\n"
        "Figures released on Monday showed imports at a record high, up 12%."
    )
    fact = next(f for f in facts_of(nlp, text) if f.value == 12)
    assert (fact.subject, fact.predicate) == ("Japan", "imports")


def test_an_unowned_amount_goes_to_the_headline_company(nlp):
    title = "Zentek in $4bn plane deal"
    text = "Zentek has ordered 100 planes from Aircorp. Zentek said a package valued at $4bn would follow."
    fact = next(f for f in facts_of(nlp, text, title=title) if f.value == 4e9)
    assert fact.subject == "Zentek"
    assert fact.subject_source.startswith("candidate:") and "headline_topic" in fact.subject_source


def test_no_candidate_good_enough_leaves_the_subject_empty(nlp):
    text = "Acme and Zenith met. A figure of 45% was mentioned."
    fact = next((f for f in facts_of(nlp, text) if f.value == 45), None)
    assert fact is None or fact.subject is None


@pytest.mark.parametrize(
    "text, subject, time",
    [
        ("Investors still remember the WorldCom collapse in 2002.", "WorldCom", "2002"),  # a happening noun
        ("General Motors was declared insolvent in December 2003.", "General Motors", "2003-12"),  # any verb
        ("Fiat emerged from bankruptcy protection in 2004.", "Fiat", "2004"),
    ],
)
def test_dated_events_beyond_a_verb_list(nlp, text, subject, time):
    events = [f for f in facts_of(nlp, text, published="2005-01-10") if f.value is None]
    assert (subject, time) in {(f.subject, f.time_value) for f in events}


@pytest.mark.parametrize(
    "text, event",
    [
        ("Zentek said on Monday that it was happy.", ("Zentek", "2005-01-10")),  # a dated statement
        ("Zentek thinks 2004 was a good year.", None),  # opinion
        ("The new orders are due for delivery in 2008.", ("orders", "2008")),  # scheduled, named by its noun
    ],
)
def test_which_dated_verbs_are_events(nlp, text, event):
    facts = facts_of(nlp, text, published="2005-01-10")
    events = {(f.subject.split()[-1], f.time_value) for f in facts if f.value is None}
    assert (event in events) if event else not events


@pytest.mark.parametrize(
    "text, subject, value",
    [
        ("Bernard Ebbers, 63, denied the charges.", "Bernard Ebbers", 63.0),
        ("Sales rose 5, 6 and 7 percent.", None, None),
    ],
)
def test_an_apposed_age_is_the_persons_age(nlp, text, subject, value):
    ages = [f for f in facts_of(nlp, text) if f.property_key == "age"]
    assert [(f.subject, f.value, f.unit) for f in ages] == ([(subject, value, "year")] if subject else [])


def test_each_figure_of_a_list_belongs_to_the_name_before_it(nlp):
    text = "Bankruptcies rose most in Texas, 57.4 pct, Oklahoma, 55.9 pct, and Colorado, 55.8 pct."
    owners = {f.value: f.subject for f in facts_of(nlp, text) if f.value is not None}
    assert owners == {57.4: "Texas", 55.9: "Oklahoma", 55.8: "Colorado"}


@pytest.mark.parametrize(
    "said, expected",
    [
        ("in the quarter", "1987-Q4"),
        ("the previous quarter", "1986-Q4"),
        ("for the year", "1987"),
        ("in 1985", "1985"),
        ("in quarter", "1987-Q4"),  # wire notes drop the article
        ("in year", "1987"),
    ],
)
def test_notes_below_a_results_table_use_its_fiscal_periods(said, expected):
    from pipeline.extractors.facts.find import _fiscal_periods, _in_fiscal_period
    from pipeline.records import Fact

    def row(value: str) -> Fact:
        return Fact(0, 1, "s", "K", "net profit", "net_profit", time_value=value)

    periods = _fiscal_periods([row("1987-Q4"), row("1986-Q4"), row("1987"), row("1986")])
    text = f"A gain of 5 mln dlrs {said}."
    start = text.index(said)
    fact = Fact(0, len(text), text, "K", "gain", "gain", value=5e6, time_value="1985" if "1985" in said else "1986-Q4")
    fact = _in_fiscal_period(_replace(fact, date_span=(start, start + len(said))), text, periods)
    assert fact.time_value == expected


@pytest.mark.parametrize(
    "amount, expected",
    [
        ("30.8 mln", "1987-Q4"),  # before "vs", closed by "in the quarter": the table's quarter
        ("238.9 mln", "1986-Q4"),  # after "vs": its prior quarter
        ("28.4 mln", "1987"),  # the next part is closed by "for the year"
        ("472.0 mln", "1986"),
    ],
)
def test_notes_figures_take_the_period_that_closes_their_part(amount, expected):
    from pipeline.extractors.facts.find import _fiscal_periods, _in_fiscal_period
    from pipeline.records import Fact

    def row(value: str) -> Fact:
        return Fact(0, 1, "s", "K", "net profit", "net_profit", time_value=value)

    periods = _fiscal_periods([row("1987-Q4"), row("1986-Q4"), row("1987"), row("1986")])
    text = (
        "Earnings include a gain of 30.8 mln dlrs vs a loss of 238.9 mln dlrs in quarter "
        "and a gain of 28.4 mln dlrs vs a gain of 472.0 mln dlrs in year."
    )
    start = text.index(amount)
    fact = Fact(0, len(text), text, "K", "gain", "gain", value=1.0, quantity_span=(start, start + len(amount) + 5))
    assert _in_fiscal_period(fact, text, periods).time_value == expected


@pytest.mark.parametrize(
    "amount, expected",
    [("3.1 mln", "1987-Q4"), ("2.0 mln", "1986-Q4"), ("9.8 mln", "1987"), ("5.7 mln", "1986")],
)
def test_notes_figures_take_the_period_that_opens_their_part(amount, expected):
    from pipeline.extractors.facts.find import _fiscal_periods, _in_fiscal_period
    from pipeline.records import Fact

    def row(value: str) -> Fact:
        return Fact(0, 1, "s", "K", "net profit", "net_profit", time_value=value)

    periods = _fiscal_periods([row("1987-Q4"), row("1986-Q4"), row("1987"), row("1986")])
    text = "Revs for qtr include capital gains of 3.1 mln vs 2.0 mln, and for year of 9.8 mln vs 5.7 mln."
    start = text.index(amount)
    fact = Fact(0, len(text), text, "K", "gain", "gain", value=1.0, quantity_span=(start, start + len(amount)))
    assert _in_fiscal_period(fact, text, periods).time_value == expected


def test_a_table_line_above_a_note_does_not_take_the_notes_period():
    from pipeline.extractors.facts.find import _fiscal_periods, _in_fiscal_period
    from pipeline.records import Fact

    def row(value: str) -> Fact:
        return Fact(0, 1, "s", "K", "net profit", "net_profit", time_value=value)

    periods = _fiscal_periods([row("1987"), row("1986")])
    text = "Current 24.06 billion vs 23.76 billion\n    NOTE - Company forecast for current year net 8 billion."
    start = text.index("23.76 billion")
    fact = Fact(0, len(text), text, "K", "current", "current", value=1.0, quantity_span=(start, start + 13))
    assert _in_fiscal_period(fact, text, periods).time_value is None


def _replace(fact, **changes):
    import dataclasses

    return dataclasses.replace(fact, **changes)


def test_a_share_of_something_belongs_to_its_owner(nlp):
    text = "About 5% of Singapore's annual gross domestic product comes from tourism."
    fact = next(f for f in facts_of(nlp, text) if f.value == 5)
    assert (fact.subject, fact.subject_source) == ("Singapore", "partitive")


def test_a_ticker_headline_names_the_company_the_text_names_not_its_first_words():
    from pipeline.extractors.facts.document import _topic
    from pipeline.records import EntityMention

    headline = "INVESTMENT GROUP RAISES HARLOW <HRLW> STAKE"
    body = EntityMention(60, 80, "Harlow Industries Corp", "ORG", "Harlow Industries Corp", "ORG:harlow industries")
    topic = _topic(headline, (0, len(headline)), [body])
    assert topic is not None and topic.canonical_name == "Harlow Industries Corp"


@pytest.mark.parametrize(
    "text, label, kept",
    [
        ("U.S.", "GPE", True),  # a place the NER tags once stands for itself where it missed it
        ("Citadel", "ORG", True),
        ("Lee", "PERSON", True),
        ("Americans", "NORP", False),
    ],
)
def test_one_word_names_found_elsewhere_are_known(text, label, kept):
    from pipeline.extractors.facts.context import _short_names
    from pipeline.records import EntityMention

    e = EntityMention(0, len(text), text, label, text, f"{label}:{text.lower()}")
    assert (text in _short_names([e])) is kept


@pytest.mark.parametrize(
    "text, value, subject, predicate",
    [
        # the parse hangs the sentence's subject on the dateline: the piece's own noun is what rose,
        # and a country's name the NER missed owns it
        (
            "WASHINGTON, March 18 - U.S. oil demand as measured by products supplied rose 2.3 pct in the "
            "four weeks ended March 13, the agency said.",
            2.3,
            "U.S.",
            "oil demand",
        ),
        # the dateline's date is never part of the property
        (
            "OTTAWA, March 4 - U.S. steel output as measured by mills rose 4.1 pct in February, the institute said.",
            4.1,
            None,
            "steel output",
        ),
    ],
)
def test_a_subject_hung_on_the_dateline_is_read_from_the_sentence(nlp, text, value, subject, predicate):
    fact = next(f for f in facts_of(nlp, text, published="1987-03-18") if f.value == value)
    assert fact.predicate == predicate
    if subject is not None:
        assert fact.subject == subject


@pytest.mark.parametrize(
    "start, subject, expected",
    [
        (50, None, "Zorbex"),  # below the table, naming no one: the table company's
        (50, "Acme", "Acme"),  # naming someone: theirs
        (0, None, None),  # above the table: left alone
    ],
)
def test_notes_below_a_results_table_are_the_table_companys(start, subject, expected):
    from pipeline.extractors.facts.find import _table_company
    from pipeline.records import Fact

    table = Fact(10, 20, "Net 5 vs 4", "Zorbex", "net profit", "net_profit", value=5.0, subject_source="table")
    note = Fact(start, start + 10, "NOTE: ...", subject, "gain", "gain", value=2.0)
    assert _table_company(note, [table], [(10, 20)]).subject == expected


@pytest.mark.parametrize(
    "said, table_unit, expected",
    [
        ("Excludes loss 293,000.", "USD", "USD"),  # digits alone below a table: the table's money
        ("Excludes loss 293,000.", "CAD", "CAD"),  # whatever currency the table is in
        ("Excludes 4,000 shares.", "USD", "share"),  # a unit of its own stays
        ("Excludes loss 293.", "USD", None),  # too small to be a sum of money left bare
    ],
)
def test_a_bare_figure_below_a_results_table_is_in_its_currency(said, table_unit, expected):
    import re

    from pipeline.extractors.facts.find import _table_company
    from pipeline.records import Fact

    table = Fact(10, 20, "Net 5 vs 4", "Zorbex", "net profit", "net_profit", value=5.0, unit=table_unit)
    table = dataclasses.replace(table, subject_source="table")
    m = re.search(r"\d[\d,]*", said)
    value = float(m.group().replace(",", ""))
    unit = "share" if "shares" in said else None
    note = Fact(
        50,
        50 + len(said),
        said,
        None,
        "loss",
        "loss",
        value=value,
        unit=unit,
        quantity_span=(50 + m.start(), 50 + m.end()),
    )
    assert _table_company(note, [table], [(10, 20)]).unit == expected


@pytest.mark.parametrize(
    "note, value, expected",
    [
        ("1985 year net excludes 304,000 dlr tax credit.", 304000, "1985"),  # the year it names
        ("1986 qtr excludes 159,000 dlr extraordinary loss.", 159000, "1986-Q4"),  # that year's table quarter
        ("Prior qtr excludes loss of 229,000 dlrs.", 229000, "1985-Q4"),  # the table's prior quarter
    ],
)
def test_a_note_line_opening_with_its_period_takes_it(nlp, note, value, expected):
    text = (
        "ZORBEX CORP <ZBX> 4TH QTR\n\nDALLAS, March 2 - Shr 17 cts vs 19 cts\n    Net 636,000 vs 358,000\n"
        "    Year\n    Shr 73 cts vs 65 cts\n    Net 2,467,000 vs 1,199,000\n    NOTE: Share adjusted for a split.\n"
        f"    {note}\n"
    )
    fact = next(f for f in facts_of(nlp, text, published="1987-03-02") if f.value == value)
    assert (fact.time_value, fact.subject) == (expected, "Zorbex Corp")


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Zentek raised its dividend by 25% to 40 euro cents.", 0.4, "EUR"),  # the currency of the cents
        ("Zentek shares rose 12 cents to 3.40 dlrs.", 0.12, "USD"),  # plain cents stay dollars
    ],
)
def test_minor_units_take_the_currency_written_with_them(nlp, text, value, unit):
    fact = next(f for f in facts_of(nlp, text) if f.value == pytest.approx(value))
    assert fact.unit == unit


def test_times_is_a_multiplier_not_a_count(nlp):
    facts = facts_of(nlp, "Zentek said its new chip is up to 10 times faster than the old one.")
    assert all(f.unit != "time" for f in facts)


@pytest.mark.parametrize(
    "text",
    [
        "Shipping slowed in March. Vrachtgoed Haven Mij said its balance rose to 136,000 tonnes.",
        "STOCKHOLM, March 9 - Norrlands Trav AB said its balance rose to 136,000 tonnes.",
        "SYDNEY, March 9 - Kestrel Downs Pty said its balance rose to 136,000 tonnes.",
    ],
)
def test_a_name_ending_in_a_foreign_legal_form_is_a_company(nlp, text):
    fact = next(f for f in facts_of(nlp, text, published="1987-03-09") if f.value == 136000)
    assert fact.subject is not None and fact.subject.split()[-1] in ("Mij", "AB", "Pty")


@pytest.mark.parametrize(
    "text, value, unit",
    [
        # the figure a level is compared with is the same measure, scaled or not
        ("Zentek said its stocks rose to 136,000 tonnes on March 7 from 31,000 a week earlier.", 31000, "tonne"),
        ("Zentek output was 8.36 mln bpd, down 8.1 pct from 9.10 mln a year ago.", 9.1e6, "barrel"),
        ("The jobless rate in Chile rose to 5 pct from 4 in May.", 4, "percent"),
        # a bare number stating employment counts people
        ("Seasonally adjusted employment in Chile was 1,777,000 in February.", 1777000, "person"),
        ("Zentek said its workforce fell to 20,000 last year.", 20000, "employee"),
        # square units are named as the facts guidelines write them
        ("The Zentek field covers 44,913 sq km.", 44913, "square kilometre"),
    ],
)
def test_units_of_compared_and_people_figures(nlp, text, value, unit):
    fact = next(f for f in facts_of(nlp, text, published="1987-03-09") if f.value == pytest.approx(value))
    assert fact.unit == unit


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("The Dow Jones index had risen 20.54 points, or 0.2%, to 10,847.66 by noon.", 10847.66, "point"),
        ("The Nasdaq rose 0.9% to 2,004 as investors bought shares.", 2004, "point"),  # an index level
        ("The Nasdaq rose 0.9% to 2,004. Investors bought shares.", 2004, "point"),  # not the next sentence's noun
        ("The central bank raised rates by 0.27 percentage points.", 0.27, "percentage point"),
        # what the compound counts, not an earlier sentence's money
        ("Zentek earned $3bn last year. Zentek aims to raise vehicle sales to four million by 2008.", 4e6, "vehicle"),
    ],
)
def test_index_levels_points_and_counted_sales(nlp, text, value, unit):
    fact = next(f for f in facts_of(nlp, text, published="2004-12-28") if f.value == pytest.approx(value))
    assert fact.unit == unit


@given(
    needle=st.text(alphabet="ab .&-_1é", min_size=1, max_size=3),
    text=st.text(alphabet="ab .&-_1é", max_size=12),
)
def test_whole_word_search_matches_the_regex(needle, text):
    import re

    from pipeline.extractors.facts.document import _word_in

    assert _word_in(needle, text) == bool(re.search(rf"\b{re.escape(needle)}\b", text))


@pytest.mark.parametrize(
    "text, value, time",
    [
        # a range of years is one ISO 8601 interval, on amounts as on events
        ("Zentek will invest $300m between 2009 and 2011.", 3e8, "2009/2011"),
        ("Zentek will invest $300m in 2009.", 3e8, "2009"),
    ],
)
def test_a_range_of_years_is_one_interval(nlp, text, value, time):
    fact = next(f for f in facts_of(nlp, text, published="2008-05-01") if f.value == value)
    assert fact.time_value == time
