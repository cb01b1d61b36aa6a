"""Facts, issue 11 eighteenth round: read off blind batch 59 after its first look (and the tuning halves);
each a table of invented cases (one row per case, its id naming the rule).

No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

# A wire headline's bracketed ticker is not a place: "<UK>" is a company's ticker, so the story's country is
# where it was filed (the dateline); and a company whose name starts with a public-body word ("Union",
# "Reserve", "Fund") is a company, not the body that reports a country's figures.
TICKERS = [
    pytest.param(
        "ACME HOLDINGS <UK> SEES INFLATION AT 5 PCT\n\nNEW YORK, March 19 - Acme Holdings Corp said inflation "
        "would rise to 5 pct this year.",
        5.0,
        ["United States"],
        id="country_ticker",
    ),
    pytest.param(
        "UNION WIDGET <UWG> SELLS DEBENTURES\n\nNEW YORK, March 19 - Union Widget Corp is raising 90 mln dlrs "
        "through an offering of debentures, said manager Smith Barney.\n    The debentures have an 8-1/2 pct "
        "coupon and were priced at par to yield 150 basis points more than Treasury paper.",
        8.5,
        ["Union Widget"],
        id="union_company",
    ),
    pytest.param(
        "JAPAN <JPN> TRADE DATA\n\nTOKYO, March 19 - The Finance Ministry said the trade surplus rose to 8.1 "
        "billion dlrs in February. Japan's exports rose 5.4 pct.",
        8.1e9,
        ["Japan"],
        id="country_still_named",
    ),
]


# In an absolute "with" phrase, or a list that follows one, the name, market or commodity written right
# before "up"/"down"/"off" or a change verb in -ing owns its amount, not the main clause's subject; a
# measure there ("with sales up 5%") is left to the other rules.
WITH_MOVERS = [
    pytest.param("Steel shares fell, with Acme Steel down 3.4%.", 3.4, ["Acme Steel"], id="name_down"),
    pytest.param(
        "Bolt Motors lost 2.5% to 270 yen, with closest rival Acme Motors down 3.1%.",
        3.1,
        ["Acme Motors"],
        id="rival_not_main_subject",
    ),
    pytest.param(
        "Tobacco shares closed higher, with Acme Tobacco rising 5.2% after the ruling.",
        5.2,
        ["Acme Tobacco"],
        id="name_rising",
    ),
    pytest.param(
        "Truck sales were strong with Acme up 10.9 pct, Bolt up 48 pct and Zenith gaining 46 pct.",
        48.0,
        ["Bolt"],
        id="list_after_with",
    ),
    pytest.param(
        "Tin prices rose 21% during the year, with copper up 36%.", 36.0, ["copper"], id="commodity_after_with"
    ),
    pytest.param("Tin prices rose 21% during the year, with copper up 36%.", 21.0, ["Tin"], id="main_clause_kept"),
    pytest.param("Acme Corp said sales rose 5%, with store sales up 9%.", 9.0, ["Acme"], id="measure_left"),
]


# A relative clause on a nation's economy gives it the growth whatever change verb it uses ("expanded",
# "contracted" as "grew" already did).
RELATIVE_CHANGES = [
    pytest.param("Brazil's booming economy, which expanded more than 4% in each of the past two years.", id="expanded"),
    pytest.param(
        "Brazil's shrinking economy, which contracted more than 4% in each of the past two years.", id="contracted"
    ),
    pytest.param("Brazil's booming economy, which grew more than 4% in each of the past two years.", id="grew"),
]


@pytest.mark.parametrize("clause", RELATIVE_CHANGES)
def test_a_relative_clause_change_verb_is_its_antecedents(nlp, clause):
    text = "Acme profits rise\n\nAcme Corp said profits rose 9%. Its sales were driven by " + clause
    assert subjects_of(facts_of(nlp, text, published="2005-01-20"), 4.0) == ["Brazil"]


# "it" with "be", a complement and a clause put after it stands for nothing ("it's not a sustainable
# situation to expect ...", "It is unlikely that ..."), so the figure in its sentence is not the company's.
EXPLETIVES = [
    pytest.param(
        "The Carers Association backed the plan. \"With a shortage of over 8,000 foster carers in Wales, it's not "
        'a sustainable situation to expect carers to pay," he said.',
        8000.0,
        ["Wales"],
        id="extraposed_to",
    ),
    pytest.param(
        "Acme Corp backed the plan. It is hard to sell 500 cars a month.", 500.0, ["Acme"], id="main_org_kept"
    ),
    pytest.param(
        "Acme Corp backed the plan. It is a company that earned $5m this year.", 5e6, ["Acme"], id="referring"
    ),
]


# Money that names a class of a company's securities ("4.75 dlr preference shares of Acme") is the issuer's,
# whoever bought them; the count of shares bought stays the buyer's.
SECURITY_RATES = [
    pytest.param(
        "Bolt Holdings bought 50,275 of the 4.75 dlr convertible preference shares of Acme Industries Inc.",
        4.75,
        ["Acme Industries"],
        id="preference_rate",
    ),
    pytest.param(
        "Bolt Holdings bought 50,275 of the 4.75 dlr convertible preference shares of Acme Industries Inc.",
        50275.0,
        ["Bolt"],
        id="count_is_buyers",
    ),
]


# Traded commodities beyond the metals, grains and fuels: a futures report's moves are the commodity's.
COMMODITIES = [
    pytest.param(
        "WINNIPEG, April 7 - Oilseed futures closed higher, with canola gaining 2.10 to 2.50 dlrs a tonne.",
        2.1,
        ["canola"],
        id="canola_with",
    ),
    pytest.param("CHICAGO, April 7 - Lumber futures closed 3.10 dlrs lower.", 3.1, ["Lumber"], id="lumber_futures"),
    pytest.param(
        "CHICAGO, April 7 - Soybean futures closed higher, with soyoil up 0.13 cent.", 0.0013, ["soyoil"], id="soyoil"
    ),
]


# A market report's headline commodity (no company in the story) owns the prices and moves nothing closer owns,
# named as the text first writes it; not a story about a country's output or a deal in the commodity.
MARKET_REPORTS = [
    pytest.param(
        "ZINC MIDSESSION SEES WIDER SPREAD",
        "LONDON, April 7 - Zinc prices eased this morning, dealers said.\n    Three months ended official dealings "
        "at 405.50 stg, down 2.50 stg from yesterday.",
        405.5,
        ["Zinc"],
        id="metal_report",
    ),
    pytest.param(
        "LONDON COCOA FUTURES OPEN QUIETLY",
        "LONDON, April 7 - London cocoa futures opened quietly.\n    May was trading at 1,257 stg after a call of "
        "38 lots.",
        1257.0,
        ["London cocoa"],
        id="futures_report",
    ),
    pytest.param(
        "NIGERIA TO BOOST COCOA OUTPUT",
        "LAGOS, April 7 - Nigeria plans to triple cocoa production.\n    Officials said 91 mln naira had been "
        "earmarked for the project.",
        9.1e7,
        ["Nigeria"],
        id="not_a_market_report",
    ),
]


@pytest.mark.parametrize("title, text, value, subjects", MARKET_REPORTS)
def test_a_market_reports_commodity_owns_its_prices(nlp, title, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-04-07", title=title), value) == subjects


# A paragraph whose main clause turned to another company goes on about it: its company figures with no owner
# written ("total sales increased 4%") are that company's, not the article's main one, until the main company
# is named again or a new paragraph starts; a speaker ("unions said") or a regulator does not turn it.
BREWERS = (
    "Brewers' profits fall\n\nHopfield Breweries and Maltby Group have reported falling profits. Hopfield "
    "Breweries saw profits drop 33%. Hopfield's net income fell to 537m euros.\n\n"
)
MALTBY = "Maltby Group, the world's fifth-largest brewer, saw annual profits fall to 3.4bn euros."
PARAGRAPH_FOCUS = [
    pytest.param(
        BREWERS + MALTBY + " Its beer sales have been hurt by smoking bans. Nevertheless, total sales increased 4% "
        "to 36bn euros.",
        4.0,
        ["Maltby"],
        id="paragraph_turns",
    ),
    pytest.param(
        BREWERS + MALTBY + "\n\nTotal sales increased 4% to 36bn euros.",
        4.0,
        ["Hopfield Breweries"],
        id="new_paragraph",
    ),
    pytest.param(
        BREWERS + MALTBY + " Hopfield Breweries warned costs would rise. Total sales increased 4% to 36bn euros.",
        4.0,
        ["Hopfield Breweries"],
        id="main_named_again",
    ),
]


# A currency written with its amount ("10bn euros, up 8.1%") is money, not a currency market moving; "one
# pound buying $1.91" and "the Australian dollar, which touched 69 US cents" are still the currency's.
CURRENCY_MARKETS = [
    pytest.param(
        "Acme's total revenue for the year was 10bn euros, up 8.1% from 9.26bn euros in 2003.",
        8.1,
        ["Acme"],
        id="amount_not_market",
    ),
    pytest.param(
        "The dollar edged higher, with one euro worth $1.3218, and one pound buying $1.9094.",
        1.9094,
        ["pound"],
        id="one_pound",
    ),
]


# A headline that writes one company's name whole and starts another's only by the same first word is about
# the one written whole ("HOPFIELD RESOURCES ISSUE ..." with Hopfield Holdings in the text), unless the other
# is that name run on ("HOPFIELD UNIT'S ..." with Hopfield Mortgage Assets).
HEADLINE_NAMES = [
    pytest.param(
        "HOPFIELD RESOURCES ISSUE TO RAISE 161 MLN DLRS\n\nMELBOURNE, March 27 - <Hopfield Resources Ltd> said its\n"
        "two-for-seven notes issue will raise 161.32 mln dlrs for expansion.\n    The 46.99 pct-owned Hopfield IXL "
        "Ltd <HIXL.S> offshoot\nannounced the issue at 2.50 dlrs each with its results.\n    The group lifted net "
        "earnings to 16.93 mln dlrs.",
        2.5,
        ["Hopfield Resources"],
        id="whole_name",
    ),
]


def _dated(cases: list, published: str) -> list:
    """The (text, value, subjects) cases of one table, with the publication date their texts assume."""
    return [pytest.param(p.values[0], published, *p.values[1:], id=p.id) for p in cases]


SUBJECT_CASES = (
    _dated(TICKERS, "1987-03-19")
    + _dated(WITH_MOVERS, "2005-01-20")
    + _dated(EXPLETIVES, "2005-01-20")
    + _dated(SECURITY_RATES, "1987-03-17")
    + _dated(COMMODITIES, "1987-04-07")
    + _dated(PARAGRAPH_FOCUS, "2005-02-20")
    + _dated(CURRENCY_MARKETS, "2005-02-20")
    + _dated(HEADLINE_NAMES, "1987-03-27")
)


@pytest.mark.parametrize("text, published, value, subjects", SUBJECT_CASES)
def test_the_amounts_subject(nlp, text, published, value, subjects):
    assert subjects_of(facts_of(nlp, text, published=published), value) == subjects


# Provenance: a fact's sentence is the text its offsets give, also when white space (a no-break space) ends it.
SENTENCE_TEXTS = [
    pytest.param("Acme Corp said sales rose 5% last year.\u00a0 Bolt Inc said profit fell 3%.", id="no_break_space"),
    pytest.param("  Acme Corp said sales rose 5% last year.\n\nBolt Inc said profit fell 3%.  ", id="spaces"),
]


@pytest.mark.parametrize("text", SENTENCE_TEXTS)
def test_a_facts_sentence_is_the_text_its_offsets_give(nlp, text):
    facts = facts_of(nlp, text, published="2005-01-20")
    assert facts and all(text[f.sentence_start : f.sentence_end] == f.sentence for f in facts)
