"""Facts, issue 11 fortieth round: in a story without a wire dateline, when no name in the sentence owns
an amount, the clause's own subject noun phrase ("Earlier schemes brought 30,000 pupils back", "discs will
cost $15") beats a company or party that stands only for the article (headline topic, main company); not a
phrase that points back ("the device", "its notes"), not in a wire story (its figures are its headline
company's), not over the story's country (macro figures are the country's); a parse rule still wins, and
so does a results table's company below the table. "The move by Acme ... and the firm will pay" is Acme's,
not the headline's target. A price something sells for in listed places is the thing's, not each place's.
Invented cases, one row per case.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

ZARVO = (
    "Zarvo launches handheld film player\n\nElectronics group Zarvo has unveiled its handheld film player. "
    "The player goes on sale in March. Older titles will be released on the new format, and discs will cost "
    "between $15 and $25 each. Zarvo said demand was strong.\n"
)
TRUANCY = (
    "Labour unveils truancy crackdown\n\nThe Labour government has set out new plans to cut truancy. "
    "Earlier schemes brought 30,000 pupils back to lessons since 1999, officials said. The Labour plans "
    "will be debated next week.\n"
)
GAME = (
    "Quintek shows new console\n\nQuintek has shown its new console to developers. A bundle with two games "
    "and a controller is expected to cost about $240 when it reaches shops.\n"
)
NAMED = (
    "Quintek shows new console\n\nQuintek has shown its new console to developers. Hexacom Corp's new games "
    "will cost about $40.\n"
)
AGENT = (
    "Orvane agrees to takeover\n\nMedical firm Orvane has agreed to be bought. The move by Selden Health has "
    "been widely expected and the firm will pay $54 for each Orvane share.\n"
)
PLACES = (
    "Zarvo unveils cheap computer\n\nZarvo has unveiled a small desktop computer. Zarvo expects the Zarvo Cube "
    "to sell for £299 in the UK and $449 in the US.\n"
)
WIRE = (
    "ORVALE AIRLINES <ORV> FEBRUARY TRAFFIC UP\n\nDALLAS, March 9 - Orvale Airlines Inc said its February "
    "traffic rose.\n    Available seat miles grew 6.7 pct in February to 2.9 billion.\n"
)
MACRO = (
    "Kenyan exports climb\n\nKenya's exports rose strongly last year, the central bank said. Coffee sales "
    "abroad were the biggest earner. Remittances grew 24% last year, the bank added.\n"
)
RATES = (
    "Jobless rates compared\n\nA new report compares jobless rates. Unemployment stood at 9.5% in France and "
    "7.1% in Germany last year.\n"
)

# (text, the amount, its subjects)
CASES = [
    pytest.param(ZARVO, 15.0, ["discs"], id="priced_thing_over_headline_company"),
    pytest.param(TRUANCY, 30000.0, ["Earlier schemes"], id="clause_subject_over_headline_party"),
    pytest.param(GAME, 240.0, ["bundle"], id="raised_subject_over_main_company"),
    pytest.param(AGENT, 54.0, ["Selden Health"], id="the_firm_is_the_agent_of_the_move"),
    pytest.param(PLACES, 299.0, ["Zarvo Cube"], id="selling_price_is_the_things"),
    pytest.param(WIRE, 6.7, ["Orvale Airlines"], id="a_wire_storys_figures_are_its_companys"),
    pytest.param(MACRO, 24.0, ["Kenya"], id="a_macro_figure_stays_the_countrys"),
    pytest.param(RATES, 9.5, ["France"], id="a_rate_in_a_place_is_the_places"),
]


def _story(title: str, body: str) -> str:
    return f"{title}\n\n{body}\n"


# the clause's phrase does not own the amount: the article's company or party stays
NOT_THE_PHRASE = [
    pytest.param(
        _story("Kestrel Air traffic soars", "Kestrel Air has reported strong traffic. Passengers grew 12% last year."),
        12.0,
        ["Kestrel Air"],
        id="the_phrase_is_the_changing_figure",
    ),
    pytest.param(
        _story(
            "Borvik presses on with Arctic plan",
            "Borvik is pressing on with its plan. Criticism by Greenpeace has not stopped the company investing "
            "$5bn in the region.",
        ),
        5e9,
        ["Borvik"],
        id="a_by_names_the_phrases_doer",
    ),
    pytest.param(
        _story(
            "Tories unveil spending plan",
            "The Conservatives have unveiled their plan. Savings of £4bn would be made from waste, the party said.",
        ),
        4e9,
        ["Conservatives"],
        id="the_amount_is_inside_the_phrase",
    ),
    pytest.param(
        _story(
            "Quintek profits soar",
            "Quintek has reported record profits. Advertisers spent $1bn on its search ads in the quarter.",
        ),
        1e9,
        ["Quintek"],
        id="its_names_the_company_in_the_clause",
    ),
    pytest.param(
        _story("Camtek unveils music player", "Camtek Inc has launched a new player. The device will cost $199."),
        199.0,
        ["Camtek"],
        id="a_definite_phrase_points_back",
    ),
    pytest.param(
        _story(
            "Microsoft loses appeal",
            "Microsoft has lost its appeal. The ruling by the European Commission means the firm must pay 497m euros.",
        ),
        497e6,
        ["Microsoft"],
        id="a_regulators_ruling_is_no_deal",
    ),
    pytest.param(
        _story("Ticket prices rise", "Tickets go for £50 in London and £35 in Manchester."),
        50.0,
        ["London"],
        id="an_unnamed_thing_sold_leaves_the_place_list",
    ),
]


def _subjects(nlp, story: str, value: float) -> list[str]:
    """The subjects of ``value`` in a story written as "headline\n\nbody"."""
    title, body = story.split("\n\n", 1)
    return subjects_of(facts_of(nlp, body, title=title), value)


# the phrase where it owns the amount, and the article's company or party where it does not
@pytest.mark.parametrize(("text", "value", "subjects"), CASES + NOT_THE_PHRASE)
def test_subject(nlp, text, value, subjects):
    assert _subjects(nlp, text, value) == subjects


def test_a_parse_rule_still_wins(nlp):
    """ "Hexacom Corp's new games will cost about $40": a parse rule names the owner, so the clause's noun
    phrase is not asked."""
    assert _subjects(nlp, NAMED, 40.0) == ["Hexacom"]


BELOW_TABLE = (
    "Costwell Stores Inc 2nd qtr net\n\n    Shr three cts vs two cts\n    Net 676,000 vs 599,000\n"
    "    Revs 210.5 mln vs 180.2 mln\n    NOTE: Operating net excludes gains of 412,000 dlrs, or\ntwo cts a "
    "share, vs 380 dlrs, or one ct a share, in quarter\nfrom tax loss carryforwards.\n"
)


def test_table_company_owns_a_note_below_the_table(nlp):
    facts = facts_of(
        nlp, BELOW_TABLE.split("\n\n", 1)[1], title="COSTWELL STORES INC <CWS> 2ND QTR NET", published="1987-04-01"
    )
    assert subjects_of(facts, 412000.0) == ["Costwell Stores Inc"]


def test_it_at_a_level_is_the_figure_not_the_reporter(nlp):
    """ "It was at a peak of 7.4 pct last winter" after the jobless rate the Labour Department reported:
    "it" is the figure, so the rate stays the country's."""
    text = (
        "WELLINGTON, March 9 - Unemployment in New Zealand fell to 6.1 pct in February, the Labour Department "
        "said.\n    It was at a peak of 7.4 pct last winter.\n"
    )
    facts = facts_of(nlp, text, title="NEW ZEALAND UNEMPLOYMENT FALLS", published="1987-03-09")
    assert subjects_of(facts, 7.4) == ["New Zealand"]


# a bare level after a change in hundredths is in the currency itself, not in hundredths nor in the things moved
LEVELS = [
    ("FRANKFURT, April 7 - The 5-3/4 pct 1997 bond eased five pfennigs to 101.25.", 101.25, "DEM"),
    # not right before "to": the property noun is the hundredths word (``find._counted_property``)
    ("FRANKFURT, April 7 - The bond eased five pfennigs in quiet trade to 101.25.", 101.25, "DEM"),
    ("NEW YORK, April 7 - Shares of Acme Corp rose 12 cents to 4.50.", 4.5, "USD"),
    ("LONDON, April 7 - Gilts fell 10 pence to 98.50 in thin trade.", 98.5, "GBP"),
]


@pytest.mark.parametrize(("text", "value", "unit"), LEVELS)
def test_level_after_a_change_in_hundredths(nlp, text, value, unit):
    facts = [f for f in facts_of(nlp, text, published="1987-04-07") if f.value == value]
    assert [f.unit for f in facts] == [unit]
