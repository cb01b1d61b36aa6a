"""Facts, issue 11 sixth round: general attachment rules, each a table of invented cases.

- "the country" / "the government" is the country named last (this sentence or the one before),
  before the country the article is about;
- names joined by "and" to an amount's subject own the amount too ("Shares in A and B both fell");
- a stock index is never the company "it", "its revenue" or "jobs" stand for;
- "16-year-old Ann Lee" and a lone "the 16-year-old" are ages of a person.

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors import entities as E


@pytest.mark.parametrize(
    "text, value, subject",
    [
        (
            "Floods hit Kenya and Uganda.\n\nKenya lost crops in the north. Officials in Uganda said roads "
            "were closed. The country relies on coffee for 17% of its exports.",
            17.0,
            "Uganda",
        ),
        (
            "Brazil growth slows\n\nBrazil grew fast last year and Brazil expects more. Analysts in Chile "
            "disagreed. Brazil's central bank spoke on Monday. The government expects growth of 3.5% next year.",
            3.5,
            "Brazil",
        ),
        (
            "Thai baht weakens\n\nThailand's baht fell against the US dollar. The country earns 6% of its "
            "income from tourism.",
            6.0,
            "Thailand",
        ),
    ],
)
def test_the_country_is_the_country_named_last(nlp, text, value, subject):
    assert subject in subjects_of(facts_of(nlp, text), value)


@pytest.mark.parametrize(
    "text, value, subjects",
    [
        (
            "Shares in Lufthansa and Air France both fell 2.4% on Monday.",
            2.4,
            ["Air France", "Lufthansa"],
        ),
        ("Tesco and Sainsbury raised prices by 5% last year.", 5.0, ["Sainsbury", "Tesco"]),
        ("Profits at Shell and BP rose 12% in 2004.", 12.0, ["BP", "Shell"]),
        # two amounts: who had which is not said by "and" alone
        ("Shares in Lufthansa and Air France fell 2.4% and 3.1%.", 2.4, ["Lufthansa"]),
        # "respectively" pairs them
        ("Lufthansa and Air France fell 2.4% respectively.", 2.4, ["Lufthansa"]),
    ],
)
def test_names_joined_by_and_share_the_amount(nlp, text, value, subjects):
    got = subjects_of(facts_of(nlp, text), value)
    assert got == subjects or (len(subjects) == 1 and len(got) == 1)


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "Wall Street gains\n\nThe Dow Jones closed higher on Friday. The Dow Jones rose after the "
            "report. Two million jobs were created in the past year, the report said.",
            2_000_000.0,
        ),
        (
            "Nikkei slips\n\nThe Nikkei fell on Tuesday. The Nikkei lost ground. Profits at listed firms "
            "will rise. Sales of cars grew 4% last year, the report said.",
            4.0,
        ),
    ],
)
def test_a_stock_index_is_no_company(nlp, text, value):
    facts = [f for f in facts_of(nlp, text) if f.value == value]
    assert facts and all("Dow" not in (f.subject or "") and "Nikkei" not in (f.subject or "") for f in facts)


def test_a_stock_index_still_owns_its_shares_moves(nlp):
    text = "Nikkei slips\n\nThe Nikkei fell on Tuesday. The Nikkei lost ground in Tokyo. Shares fell 0.4%."
    assert subjects_of(facts_of(nlp, text), 0.4) == ["Nikkei"]


@pytest.mark.parametrize(
    "text, value, subject",
    [
        ("Police said 19-year-old Peter Wilson was arrested in Leeds.", 19.0, "Peter Wilson"),
        ("Peter Wilson was arrested in Leeds on Monday. The 19-year-old was released later.", 19.0, "Peter Wilson"),
        ("A 19-year-old man was arrested in Leeds.", 19.0, None),  # nobody named: no fact
    ],
)
def test_year_old_is_a_persons_age(nlp, text, value, subject):
    ages = [f for f in facts_of(nlp, text) if f.property_key == "age" and f.value == value]
    if subject is None:
        assert ages == []
    else:
        assert [f.subject for f in ages] == [subject] and ages[0].unit == "year"


@pytest.mark.parametrize(
    "text, value, subject",
    [
        (
            "Games makers struggle\n\nJason Kingsley, chief executive of Rebellion, said the move was hard. "
            'He added: "We have been through five technology transitions and survived."',
            5.0,
            "Rebellion",
        ),
        (
            "Banks cut jobs\n\nHSBC said profits rose. Ann Lee, an analyst at Barclays, was cautious. "
            '"We have hired 300 traders this year," she said.',
            300.0,
            "Barclays",
        ),
        (
            "Brown upbeat\n\nGordon Brown said the economy would grow. Gordon Brown spoke in London. "
            'Ann Lee, of Investec, said: "His forecast that he will meet the rule with a margin of '
            '\u00a38bn is too optimistic."',
            8e9,
            "Gordon Brown",
        ),
    ],
)
def test_a_quoted_we_is_the_speakers_organisation_and_he_is_not_the_speaker(nlp, text, value, subject):
    assert subject in subjects_of(facts_of(nlp, text), value)


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "Travel firms fell\n\nAnn Smith spoke on Monday. Travel companies took a hit, with Kinki Nippon "
            "sliding 1.5% and HIS dropping 3.3%.",
            3.3,
        ),
        ("Spending plans\n\nAnn Smith spoke on Monday. IT spending rose 7% last year.", 7.0),
    ],
)
def test_capitals_in_mixed_case_text_are_no_pronoun(nlp, text, value):
    assert "Ann Smith" not in subjects_of(facts_of(nlp, text), value)


@pytest.mark.parametrize(
    "text, value, subject",
    [
        (
            "Oil climbs\n\nA barrel of US crude oil closed up $2.80 to $51.15 on Tuesday, traders said.",
            51.15,
            "US crude oil",
        ),
        ("Metals\n\nGold fell $3 to $420 an ounce in London on Monday.", 420.0, "Gold"),
        ("Coffee\n\nLondon coffee prices closed at 1,276 stg a tonne today, traders said.", 1276.0, "London coffee"),
        (
            "Printers\n\nThe price of inkjet printers has come down to as little as \u00a334, HP said.",
            34.0,
            "inkjet printers",
        ),
        ("Brazil\n\nBrazil's sugar exports rose to 2.5 mln tonnes of sugar in 1986.", 2_500_000.0, "Brazil"),
    ],
)
def test_a_commodity_or_product_is_the_subject_of_its_price(nlp, text, value, subject):
    assert subject in subjects_of(facts_of(nlp, text), value)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Mines\n\nNewmont Gold, 95 pct owned by Newmont Mining, said sales would rise.", 95.0),  # a name
        ("Mines\n\nThe drill found 4.5 pct nickel over a section of 13 feet.", 13.0),  # an amount of the metal
        ("Grain\n\nMadagascar exported 2,189 tonnes of cocoa, up from 1,624 in 1985.", 1624.0),  # not a price
    ],
)
def test_a_commodity_does_not_own_amounts_that_are_no_price(nlp, text, value):
    got = [s for s in subjects_of(facts_of(nlp, text), value) if s != "Newmont Gold"]
    assert not any(w in s.casefold() for s in got for w in ("gold", "nickel", "cocoa"))


@pytest.mark.parametrize(
    "text, value, subject, target",
    [
        (
            "Deutsche Boerse set to woo rival\n\nBosses of Deutsche Boerse and the London Stock Exchange are to "
            "meet amid talk that a takeover bid for the LSE will be raised to \u00a31.5bn.",
            1.5e9,
            "Deutsche Boerse",
            "London Stock Exchange",
        ),
        (
            "Acme bids for Apex\n\nAcme Corp said on Monday it was bidding for Apex Inc. Acme Corp made an offer "
            "for Apex of 40 dlrs a share.",
            40.0,
            "Acme Corp",
            "Apex Inc",
        ),
    ],
)
def test_a_bid_for_a_company_is_not_the_targets(nlp, text, value, subject, target):
    got = subjects_of(facts_of(nlp, text), value)
    assert target not in got and "LSE" not in got


@pytest.mark.parametrize(
    "line, end",
    [
        (" January 31 end\n    Shr 16 cts", (1, 31)),
        (" Qtr ends Feb 28\n Shr", (2, 28)),
        (" Period ended March 31", (3, 31)),
        (" Shr 10 cts vs 5 cts", None),
        (" March 3 - Shr", None),  # a date, not a period's end
    ],
)
def test_a_period_end_stated_after_the_dateline(line, end):
    from pipeline.extractors.facts.tables import stated_end

    got = stated_end(line)
    assert (got and (got.month, got.day)) == end if end else got is None


def test_a_results_table_with_its_end_after_the_dateline_is_the_fiscal_period(nlp):
    text = (
        "ACME STORES INC <ACME> 4TH QTR NET\n\nDALLAS, April 2 - January 31 end\n"
        "    Shr profit 16 cts vs loss six cts\n    Revs 41.9 mln vs 24.1 mln\n    Year\n"
        "    Shr profit 49 cts vs profit 18 cts\n"
    )
    facts = facts_of(nlp, text, published="1987-04-02")
    times = {f.value: f.time_value for f in facts}
    assert times[41.9e6] == "1987-Q4" and times[24.1e6] == "1986-Q4" and times[0.49] == "1987" and times[0.18] == "1986"


def test_an_apposed_age_is_not_shared_with_the_next_name(nlp):
    facts = facts_of(
        nlp, 'She said she was "horrified" by the deaths of Charlene Ellis, 18, and Letisha Shakespeare, 17.'
    )
    assert [f.subject for f in facts if f.value == 18.0] == ["Charlene Ellis"]


@pytest.mark.parametrize(
    "text, value, subject",
    [
        (
            "Civil service cuts\n\nGordon Brown spoke on Monday. Gordon Brown wants savings. At the Department for "
            "Work and Pensions, 30,000 jobs are to go, the minister said.",
            30000.0,
            "Department for Work and Pensions",
        ),
        (
            "Survey\n\nThe UK economy is strong. The BDO index rose in May, implying GDP growth at 2.9% in the "
            "second quarter of 2005, said the UK firm.",
            2.9,
            "UK",
        ),
    ],
)
def test_a_fronted_organisation_frames_the_clause_and_evidence_owns_no_macro_figure(nlp, text, value, subject):
    assert subjects_of(facts_of(nlp, text), value) == [subject]


@pytest.mark.parametrize(
    "text, value, subject",
    [
        (
            "YUGOSLAV RETAIL PRICES UP 7.0 PCT IN MARCH\n\nBELGRADE, April 1 - Yugoslav retail prices in March "
            "rose 7.0 pct from February, official figures show.",
            7.0,
            "Yugoslavia",
        ),
        (
            "KUWAITI OUTPUT FALLS\n\nKUWAIT, April 1 - Kuwaiti oil output fell 4.5 pct in March, official "
            "figures show.",
            4.5,
            "Kuwait",
        ),
    ],
)
def test_a_demonym_of_any_country_names_the_story_country(nlp, text, value, subject):
    assert subjects_of(facts_of(nlp, text), value) == [subject]


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("MONEY MARKET\n\nLONDON, March 3 - The Bank of England said it provided help.", "Bank of England", "ORG"),
        ("AMEX\n\nNEW YORK, March 2 - American Express Co said profit rose.", "American Express Co", "ORG"),
        ("TRADE\n\nPEKING, March 1 - China said exports rose.", "China", "GPE"),
    ],
)
def test_the_dateline_date_ends_at_its_dash(nlp, text, name, label):
    ents = E.find_entities(nlp(text))
    assert (name, label) in {(e.text, e.label) for e in ents}
    assert not any(e.label == "DATE" and "-" in e.text for e in ents)


def test_dividend_payment_and_record_dates_are_the_companys_events(nlp):
    text = (
        "ACME SETS DIVIDEND\n\nNEW YORK, March 11 - Acme Corp said its board declared a quarterly dividend of "
        "10 cts per share payable April 3 to shareholders of record as of March 23. Acme Corp makes tools."
    )
    facts = facts_of(nlp, text, published="1987-03-11")
    events = {(f.property_key, f.time_value) for f in facts if f.value is None}
    assert {("payment_date", "1987-04-03"), ("record_date", "1987-03-23")} <= events
    assert [f.time_value for f in facts if f.value == 0.10] == [None]  # not the record date


@pytest.mark.parametrize(
    "text, value, subject",
    [
        ("STAKE\n\nAcme Corp and Apex Inc said they raised their stake in Beta Corp to 8.1 pct.", 8.1, "Acme"),
        (
            "STAKE\n\nWASHINGTON, March 10 - Investor George Soros and his Soros Fund Management said they raised "
            "their stake in King World Productions Inc to 2,485,510 shares.",
            2_485_510.0,
            "George Soros",
        ),
    ],
)
def test_a_stake_in_a_company_is_its_holders_and_they_is_the_first_name_joined(nlp, text, value, subject):
    got = subjects_of(facts_of(nlp, text), value)
    assert got == [subject]


@pytest.mark.parametrize(
    "text, value, subject",
    [
        (
            "BEET CROP\n\nBONN, March 19 - The Agriculture Ministry said West Germany harvested more beet. West "
            "Germany grows sugar in the north. The Agriculture Ministry said deliveries totalled 20.22 mln tonnes.",
            20_220_000.0,
            "West Germany",
        ),
    ],
)
def test_a_government_body_reports_the_countrys_output_it_does_not_own_it(nlp, text, value, subject):
    assert subjects_of(facts_of(nlp, text), value) == [subject]


def test_a_month_that_owns_the_figure_is_its_time_even_in_a_forecast(nlp):
    text = (
        "JAPAN JOBLESS SEEN RISING\n\nTOKYO, March 3 - Japan's unemployment rate is expected to continue to climb "
        "to about 3.5 pct within the next year from January's three pct record, the agency said."
    )
    facts = facts_of(nlp, text, published="1987-03-03")
    assert [f.time_value for f in facts if f.value == 3.0] == ["1987-01"]


def test_a_person_named_before_a_company_figure_is_who_speaks_not_the_owner(nlp):
    text = (
        "Roy Burry of Kidder Peabody reiterated a buy on Pepsico Inc.\n    Burry forecast earnings of 2.00 dlrs "
        "per share in 1987 and\n2.30 dlrs in 1988."
    )
    owners = [f for f in facts_of(nlp, text, published="1987-03-05") if f.value == 2.0 and f.subject_source == "owner"]
    assert [f.subject for f in owners] != ["Roy Burry"]  # "Burry forecast earnings": not Burry's earnings
