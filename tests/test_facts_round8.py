"""Facts, issue 11 eighth round: general rules read off blind batch 16 and the dev tuning half,
each a table of invented cases (one row per case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of


def named(subject: str, subjects: list[str]) -> bool:
    return any(s and (s == subject or s in subject or subject in s) for s in subjects)


TABLE_PENCE = (
    "CORDLEY HOLDINGS PLC <CRDL.L> YEAR 1986\n\nLONDON, March 20 - Shr 12.4p vs 10.1p adjusted\n"
    "    Div 3.2p vs 2.9p\n    Pretax profit 21.50 mln stg vs 18.20 mln\n    Net 14.30 mln vs 12.10 mln\n"
    "    Interest payable 4.20 mln vs 3.75 mln\n    Turnover 410.6 mln stg vs 380.2 mln\n REUTER\n"
)
TABLE_FISCAL = (
    "MARLOWE DEVICES INC <MRLW> 3RD QTR FEB 28 NET\n\nDENTON, Texas, March 25 - Shr 14 cts vs 11 cts\n"
    "    Net 812,000 vs 640,000\n    Rev 9.4 mln vs 8.1 mln\n    Nine mths\n    Shr 41 cts vs 30 cts\n"
    "    Net 2,380,000 vs 1,750,000\n    Rev 27.2 mln vs 23.9 mln\n REUTER\n"
)
TABLE_HALF = (
    "PELLAM CORP <PLMC> 2ND QTR FEB 28 NET\n\nAKRON, Ohio, March 18 - Shr nine cts vs seven cts\n"
    "    Net 410,000 vs 322,000\n    Revs 6.1 mln vs 5.2 mln\n    Six mths\n    Shr 17 cts vs 12 cts\n"
    "    Net 780,000 vs 560,000\n    Revs 11.9 mln vs 10.3 mln\n REUTER\n"
)


TABLE_NOTES = (
    "HARLOW STEEL INC <HRLW> 4TH QTR NET\n\nTORONTO, March 4 - Oper shr 21 cts vs 19 cts\n"
    "    Oper net 5,120,000 vs 4,410,000\n    Avg shrs 22.5 mn vs 21.0 mln\n    Backlog 40.2 mln vs 38.7 mln\n"
    "    Year\n    Oper shr 88 cts vs 61 cts\n    Oper net 19,800,000 vs 13,200,000\n"
    "    Note: Qtr shr and net exclude tax gain of 3,210,000 dlrs or\n14 cts share, versus gain of 2,950,000 dlrs "
    "or 13 cts share\n REUTER\n"
)


@pytest.mark.parametrize(
    "text, published, value, prop, unit, time_value",
    [
        pytest.param(
            TABLE_NOTES, "1987-03-04", 22.5e6, "average_share_outstanding", "share", "1986-Q4", id="mn_is_millions"
        ),
        pytest.param(TABLE_NOTES, "1987-03-04", 38.7e6, "backlog", "USD", "1985-Q4", id="backlog_row"),
        pytest.param(TABLE_NOTES, "1987-03-04", 3.21e6, None, "USD", "1986-Q4", id="a_note_opened_by_qtr"),
        pytest.param(TABLE_NOTES, "1987-03-04", 2.95e6, None, "USD", "1985-Q4", id="versus_in_a_note_is_prior"),
        pytest.param(TABLE_PENCE, "1987-03-20", 0.124, "earnings_per_share", "GBP", "1986", id="pence_written_on"),
        pytest.param(TABLE_PENCE, "1987-03-20", 0.101, "earnings_per_share", "GBP", "1985", id="adjusted_prior"),
        pytest.param(TABLE_PENCE, "1987-03-20", 0.032, "dividend_share", "GBP", "1986", id="dividend_in_pence"),
        pytest.param(TABLE_PENCE, "1987-03-20", 4.2e6, "interest_payable", "GBP", "1986", id="millions_not_pence"),
        pytest.param(TABLE_PENCE, "1987-03-20", 3.75e6, "interest_payable", "GBP", "1985", id="millions_prior"),
        pytest.param(TABLE_FISCAL, "1987-03-25", 9.4e6, "revenue", "USD", "1987-Q3", id="rev_singular"),
        pytest.param(TABLE_FISCAL, "1987-03-25", 0.41, "earnings_per_share", "USD", "1987", id="nine_months_fiscal"),
        pytest.param(TABLE_FISCAL, "1987-03-25", 0.30, "earnings_per_share", "USD", "1986", id="nine_months_prior"),
        pytest.param(TABLE_HALF, "1987-03-18", 0.17, "earnings_per_share", "USD", "1987-H1", id="six_months_fiscal"),
        pytest.param(TABLE_HALF, "1987-03-18", 10.3e6, "revenue", "USD", "1986-H1", id="six_months_prior"),
    ],
)
def test_results_table_rows(nlp, text, published, value, prop, unit, time_value):
    title, body = text.split("\n\n", 1)
    rows = [
        (f.property_key, f.unit, f.time_value)
        for f in facts_of(nlp, body, published=published, title=title)
        if f.value is not None and abs(f.value - value) < 1e-6 * max(1.0, value)
    ]
    assert (prop, unit, time_value) in rows or prop is None and (unit, time_value) in [r[1:] for r in rows], rows


SUBJECTS = [
    pytest.param(
        "The OECD will lower its growth forecast for the Baltic economy from 3.1% to 2.4%, a report said.",
        2.4,
        "Baltic economy",
        id="a_revised_forecast_is_about_what_it_is_for",
    ),
    pytest.param(
        "The original size of Chile's copper fund was $400m, officials said.",
        400e6,
        "Chile",
        id="the_size_of_a_possessed_thing_is_the_possessors",
    ),
    pytest.param(
        "Brakeline Corp and its former chairman John Paxley were each fined $2m by the regulator.",
        2e6,
        "John Paxley",
        id="each_shares_the_amount_between_a_company_and_a_person",
    ),
    pytest.param(
        "Brakeline Corp and its former chairman John Paxley were each fined $2m by the regulator.",
        2e6,
        "Brakeline Corp",
        id="each_keeps_the_first_name",
    ),
    pytest.param(
        "Last May, Brakeline and its former chief executive John Paxley were each fined 2m euros ($2.6m) by AMX.",
        2.6e6,
        "John Paxley",
        id="each_shares_the_restated_amount_too",
    ),
    pytest.param(
        "The ruling sent Altvest shares up 3.5% and Corbin shares up 2.1%.",
        3.5,
        "Altvest",
        id="what_a_particle_sent_up_is_the_noun_before_it",
    ),
    pytest.param(
        "The ruling sent Altvest shares up 3.5% and Corbin shares up 2.1%.",
        2.1,
        "Corbin",
        id="what_a_particle_sent_up_is_the_noun_before_it_coordinated",
    ),
    pytest.param(
        "A five-judge appeal panel rejected the claim on Monday.",
        5.0,
        "appeal panel",
        id="a_hyphenated_count_describes_its_noun",
    ),
    pytest.param(
        "Ministers said Ruritania had broken two parts of a four-part trade accord.",
        4.0,
        "trade accord",
        id="a_hyphenated_count_describes_its_noun_as_object",
    ),
    pytest.param(
        "The Spanish government is to give its olive growers 40m euros in aid.",
        40e6,
        "Spanish government",
        id="a_national_government_is_named_as_such",
    ),
    pytest.param(
        "Welsh local authorities have spent more than £2bn on roads since 2001.",
        2e9,
        "Welsh local authorities",
        id="national_authorities_are_named_as_such",
    ),
    pytest.param(
        "Chile will raise state spending next year to create jobs.\n\nIt has set aside 50 trillion pesos "
        "for the first half of the year.",
        50e12,
        "Chile",
        id="it_after_a_country_subject_is_the_country",
    ),
    pytest.param(
        "Copper prices have hit records this year, topping $3,000 a tonne at one point.",
        3000.0,
        "Copper",
        id="a_subjectless_verb_moves_its_heads_market",
    ),
    pytest.param(
        "Ireland sold its stake in the airline last year. Ministers had hoped to get £500m from the EU fund.",
        500e6,
        "Ireland",
        id="ministers_are_the_government_of_the_country",
    ),
    pytest.param(
        "The trial resumes on Monday. Mr Dalby, 58, has always denied the charges.",
        58.0,
        "Dalby",
        id="a_title_makes_an_apposed_age_a_persons",
    ),
    pytest.param(
        "The average rent was £812 in England, £640 in Wales and £598 in Scotland, the survey found.",
        640.0,
        "Wales",
        id="a_list_of_figures_each_in_a_place",
    ),
    pytest.param(
        "The average rent was £812 in England, £640 in Wales and £598 in Scotland, the survey found.",
        598.0,
        "Scotland",
        id="a_list_of_figures_each_in_a_place_last",
    ),
    pytest.param(
        "More than 2.9 million Italians were out of work in March, the statistics office said.",
        2.9e6,
        "Italy",
        id="a_people_named_by_demonym_is_its_country",
    ),
    pytest.param(
        "Ann Corley ran the fund for ten years. The trader has lost her £4.5m ($8.7m) unfair dismissal claim "
        "against the bank.",
        4.5e6,
        "Ann Corley",
        id="a_possessive_the_parser_made_an_object_still_owns_the_noun",
    ),
]


@pytest.mark.parametrize("text, value, subject", SUBJECTS)
def test_who_owns_the_amount(nlp, text, value, subject):
    assert named(subject, subjects_of(facts_of(nlp, text), value))


@pytest.mark.parametrize(
    "text, symbol, kept",
    [
        ("Quillon sells a 40GB model for $199 and an 80GB model for $299.", "GB", False),
        ("It ships with a 2TB disk and a 256MB card.", "TB", False),
        ("The GB squad won the final.", "GB", True),  # a name, not written on a number
    ],
)
def test_a_unit_written_on_a_number_is_no_name(nlp, text, symbol, kept):
    """The model sometimes tags the unit as a place: set that tag by hand and see it dropped."""
    from spacy.tokens import Span

    from pipeline.extractors.entities import find_entities

    doc = nlp(text)
    doc.ents = [Span(doc, t.i, t.i + 1, label="GPE") for t in doc if t.text == symbol]
    assert (symbol in [e.text for e in find_entities(doc)]) is kept


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("A five-judge appeal panel rejected the claim on Monday.", 5.0, "judge"),
        ("Ministers said Ruritania had broken two parts of a four-part trade accord.", 4.0, "part"),
    ],
)
def test_a_hyphenated_count_counts_its_noun(nlp, text, value, unit):
    assert unit in [f.unit for f in facts_of(nlp, text) if f.value == value]


WIRE = (
    "CHILE WHOLESALE PRICES FALL\n\nSANTIAGO, March 20 - Chile's wholesale price index fell to 140.2 in "
    "February from 141.5 in January 1987, and compared with 133.9 a year ago, the statistics office said.\n"
    "    The consumer price index rose to 150.4 in February from 149.8 in January and compared with 144.1 in "
    "February 1986.\n REUTER\n"
)


@pytest.mark.parametrize(
    "value, subject, time_value",
    [
        pytest.param(133.9, "Chile", "1986", id="compared_with_a_year_ago"),
        pytest.param(144.1, "Chile", "1986-02", id="compared_with_a_dated_figure"),
        pytest.param(149.8, "Chile", "1987-01", id="a_month_right_after_the_baseline_is_its_own"),
        pytest.param(141.5, "Chile", "1987-01", id="a_dated_baseline"),
    ],
)
def test_compared_figures_keep_their_measure_and_date(nlp, value, subject, time_value):
    rows = [(f.subject, f.time_value) for f in wire_facts(nlp, WIRE, "1987-03-20", value)]
    assert any(named(subject, [s or ""]) and t == time_value for s, t in rows), rows


def wire_facts(nlp, text: str, published: str, value: float) -> list:
    """The facts of ``value`` in a wire story whose first paragraph is its headline."""
    title, body = text.split("\n\n", 1)
    return [f for f in facts_of(nlp, body, published=published, title=title) if f.value == value]


RESERVES = (
    "NORWAY FOREIGN RESERVES FALL\n\nOSLO, April 6 - Norway's foreign reserve holdings fell 410 mln U.S. dlrs in "
    "March to 12.3 billion dlrs, the central bank said.\n    Holdings in U.S. dlrs at the end of March against the "
    "end of February were as follows.\n    - U.S. dlrs 8.15 billion vs 8.40 billion,\n    - gold 912.5 mln vs "
    "905.1 mln,\n    - special drawing rights 214.6 mln vs 211.9 mln.\n REUTER\n"
)


@pytest.mark.parametrize(
    "value, subject, prop",
    [
        pytest.param(8.15e9, "Norway", "us", id="a_bulleted_row_is_the_header_subjects"),
        pytest.param(8.40e9, "Norway", "us", id="the_prior_figure_of_a_bulleted_row"),
        pytest.param(912.5e6, "Norway", "gold", id="the_row_label_is_the_property"),
        pytest.param(211.9e6, "Norway", "special_drawing_right", id="the_last_row"),
    ],
)
def test_bulleted_rows_belong_to_the_subject_above(nlp, value, subject, prop):
    rows = [(f.subject, f.property_key) for f in wire_facts(nlp, RESERVES, "1987-04-06", value)]
    assert (subject, prop) in rows, rows


@pytest.mark.parametrize(
    "text, value, subject",
    [
        pytest.param(
            "LAGOS, March 5 - The Ghanaian cedi firmed 2.6 pct against the dollar at this week's auction.",
            2.6,
            "Ghanaian cedi",
            id="a_currency_is_the_subject_of_its_move",
        ),
    ],
)
def test_currencies_move_themselves(nlp, text, value, subject):
    assert named(subject, subjects_of(facts_of(nlp, text, published="1987-03-05"), value))


@pytest.mark.parametrize(
    "headline, name",
    [
        ("THE NATIONAL BANK OF RURITANIA LTD <NBRL> YEAR NET", "National Bank of Ruritania Ltd"),
        ("BANK OF ZENDA <BZEN> 4TH QTR NET", "Bank of Zenda"),
        ("THE LIMITED INC <LTD> 2ND QTR NET", "The Limited Inc"),  # two words after "The": kept
    ],
)
def test_a_capitals_headline_name_is_written_as_a_name(headline, name):
    from pipeline.extractors.facts.document import headline_company

    assert headline_company(headline) == name


def test_a_name_with_shares_is_a_company_whatever_its_label():
    from pipeline.extractors.facts.context import _as_company, _traded_names
    from pipeline.records import EntityMention

    text = "Shares in Brambly Kreme sank 14%. Brambly Kreme shares fell again. Ann Lee shares her view."
    m1 = EntityMention(10, 23, "Brambly Kreme", "PERSON", "Brambly Kreme", "PERSON:brambly kreme")
    m2 = EntityMention(34, 47, "Brambly Kreme", "PERSON", "Brambly Kreme", "PERSON:brambly kreme")
    m3 = EntityMention(67, 74, "Ann Lee", "PERSON", "Ann Lee", "PERSON:ann lee")
    assert (
        text[m1.start : m1.end] == text[m2.start : m2.end] == "Brambly Kreme" and text[m3.start : m3.end] == "Ann Lee"
    )
    traded = _traded_names(text, [m1, m2, m3])
    assert traded == {"PERSON:brambly kreme"}  # "Ann Lee shares her view": the verb
    assert _as_company(m1, traded).label == "ORG" and _as_company(m1, traded).entity_key == "ORG:brambly kreme"


def test_the_eurozone_in_lower_case_is_a_place(nlp):
    text = "Inflation in the eurozone is estimated at about 2.1% in March, the statistics office said."
    assert any("eurozone" in s.lower() for s in subjects_of(facts_of(nlp, text), 2.1))


@pytest.mark.parametrize(
    "text, value",
    [
        ("Preliminary figures for the fourth quarter show a surplus of 1.8 billion stg.", "1986-Q4"),
        ("The fourth quarter figure was in line with projections.", "1986-Q4"),
        ("The plant will open in the fourth quarter, the company said.", "1987-Q4"),
    ],
)
def test_a_quarter_not_yet_begun_is_last_years_unless_the_text_looks_ahead(nlp, text, value):
    from pipeline.extractors.dates import find_dates

    assert [d.value for d in find_dates(nlp(text), published="1987-03-05")] == [value]


def test_a_lone_legal_form_takes_the_untagged_name_before_it(nlp):
    from spacy.tokens import Span

    from pipeline.extractors.entities import find_entities

    doc = nlp("BONN, March 11 - Hollen Drache AG, a unit of Mertz AG, said its profit rose.")
    ag = next(t.i for t in doc if t.text == "AG")  # the model tagging only the legal form, set by hand
    doc.ents = [Span(doc, ag, ag + 1, label="ORG")]
    assert "Hollen Drache AG" in [e.text for e in find_entities(doc)]


def test_a_headline_owners_subsidiary_is_the_topic():
    from pipeline.extractors.facts.document import _topic
    from pipeline.records import EntityMention

    headline = "MERTZ'S HOLLEN DRACHE RAISES 1986 PROFIT"
    body = [
        EntityMention(60, 76, "Hollen Drache AG", "ORG", "Hollen Drache", "ORG:hollen drache"),
        EntityMention(96, 103, "Mertz AG", "ORG", "Mertz", "ORG:mertz"),
    ]
    topic = _topic(headline, (0, len(headline)), body)
    assert topic is not None and topic.canonical_name == "Hollen Drache"


@pytest.mark.parametrize(
    "text, token, norm",
    [
        ("The state will hand its farmers 70m euros.", "m", "million"),
        ("Its debts were 7.5m pounds.", "m", "million"),
        ("The wall is 5 m high.", "m", "m"),  # spaced: five metres, left alone
        ("Sales were 5.6 mln dlrs.", "mln", "mln"),  # the wire's spaced scale is left alone
    ],
)
def test_a_scale_written_on_a_number_reads_as_its_word(nlp, text, token, norm):
    assert [t.norm_ for t in nlp(text) if t.text == token] == [norm]


def test_the_scale_norm_mends_the_clause(nlp):
    """ "hand its wine industry 70m euros": with "m" read as "million" the euros are the object."""
    doc = nlp("The government is to hand its wine industry 70m euros to help it.")
    euros = next(t for t in doc if t.text == "euros")
    assert euros.dep_ == "dobj" and euros.head.text == "hand"


def test_only_this_parts_names_are_read_for_shares(nlp):
    """A name of another part (its offsets count from that part's start) is not looked up in this
    part's text: here its offsets would land on "Brambly" after "Shares in"."""
    from pipeline.extractors.facts.context import _context
    from pipeline.records import EntityMention

    doc = nlp("Shares in Brambly rose 4% on Monday. Ann Lee said so.")
    here = [EntityMention(37, 44, "Ann Lee", "PERSON", "Ann Lee", "PERSON:ann lee")]
    elsewhere = EntityMention(10, 17, "Tod Marsh", "PERSON", "Tod Marsh", "PERSON:tod marsh")
    assert doc.text[10:17] == "Brambly" and doc.text[37:44] == "Ann Lee"
    ctx = _context(doc, here, [*here, elsewhere], None)
    assert ctx.main is None or ctx.main.entity_key != "ORG:tod marsh"
