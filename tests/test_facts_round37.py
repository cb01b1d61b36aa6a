"""Facts, issue 11 thirty-seventh round: read off the dev tuning half and blind batches 94-98 (tuning).
Durations that measure a thing (the guidelines' "stays on the finger for at least 72 hours"): how long
a thing lasts, a sentence's length, hours spent or worked per period, an "N-hour week"; a span of no
one named is no fact. A share of a group is named with what singles the group out after its noun
("40% of homes with broadband"). Invented cases, one row per case, the id naming the rule.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of, units_of

# (text, the amount, its subjects, its unit): a duration that measures a thing is a fact in its time unit
MEASURED = [
    pytest.param(
        "The Zorvax vaccine remains stable for at least 48 hours.", 48.0, ["Zorvax"], "hour", id="remains_for"
    ),
    pytest.param("The Hartley strike lasted for nine days.", 9.0, ["Hartley"], "day", id="lasted_for"),
    pytest.param("Mr Hill was jailed for six years in 2003.", 6.0, ["Hill"], "year", id="jailed_for"),
    pytest.param("Ms Grey was sentenced to 30 months for fraud.", 30.0, ["Grey"], "month", id="sentenced_to"),
    pytest.param("If convicted, Mr Dunn could face up to 14 years in prison.", 14.0, ["Dunn"], "year", id="in_prison"),
    pytest.param("Ms Grant trains for six hours a day.", 6.0, ["Grant"], "hour", id="hours_a_day"),
    pytest.param("Mr Dale spends about 20 hours a week online.", 20.0, ["Dale"], "hour", id="hours_a_week"),
    pytest.param("Mr Hill spent 14 hours negotiating with the union.", 14.0, ["Hill"], "hour", id="spent_hours"),
    pytest.param("Nurses at Lowbridge Trust work a 37 hour week.", 37.0, ["Lowbridge Trust"], "hour", id="hour_week"),
    pytest.param("Finco began a three-year-long inquiry.", 3.0, ["Finco"], "year", id="long_adjective"),
    pytest.param(
        "The longest jail sentence - 46 months - was handed down to Mr Sharp.",
        46.0,
        ["longest jail sentence"],
        "month",
        id="set_off",
    ),
    # a place the scorer falls back on owns no span: the clause's noun phrase does (round 42; was no fact)
    pytest.param("Staff are paid for a 39 hour week in Ruritania.", 39.0, ["Staff"], "hour", id="not_the_places"),
]


@pytest.mark.parametrize(("text", "value", "subjects", "unit"), MEASURED)
def test_measured_durations(nlp, text, value, subjects, unit):
    facts = [f for f in facts_of(nlp, text) if f.value is not None and abs(f.value - value) < 1e-9]
    assert sorted(f.subject or "" for f in facts) == subjects
    assert [f.unit for f in facts] == [unit] * len(subjects)


def test_hours_per_period_is_a_rate(nlp):
    (fact,) = [f for f in facts_of(nlp, "Ms Grant trains for six hours a day.") if f.value == 6.0]
    assert fact.per == "day"


# spans of someone's activity, and spans no one named owns, stay times
SPANS = [
    pytest.param("Mr Lee worked at the Bixby bank for three years.", 3.0, id="worked_for"),
    pytest.param("Mr Lee spent three years at the Bixby bank.", 3.0, id="spent_years"),
    pytest.param("The Bixby bank kept its rates on hold for three months.", 3.0, id="kept_for"),
    pytest.param("I spend about five hours a day online, one reader wrote.", 5.0, id="nobody_named"),
    pytest.param(
        "Average rates of city banks\n    Less than 60 days          4.33 pct (4.32)", 60.0, id="table_row_label"
    ),
]


@pytest.mark.parametrize(("text", "value"), SPANS)
def test_spans_are_no_facts(nlp, text, value):
    assert subjects_of(facts_of(nlp, text), value) == []


# (text, the share, its subjects): a group singled out after its noun is named with that phrase
GROUPS = [
    pytest.param(
        "According to Pollco, 40% of homes with broadband say it helps them.",
        40.0,
        ["homes with broadband"],
        id="with_phrase",
    ),
    pytest.param(
        "Sixteen percent of parents living with children under 18 have tablets.",
        16.0,
        ["parents living with children under 18"],
        id="participle",
    ),
    pytest.param(
        "Some 35% of small firms that sell abroad plan to hire staff.",
        35.0,
        ["small firms that sell abroad"],
        id="relative",
    ),
    pytest.param("About 40% of young Canadians own a tablet.", 40.0, ["young Canadians"], id="demonym_group"),
    pytest.param(
        "Some 30% of those with children said they would buy one.", 30.0, ["those with children"], id="those_with"
    ),
    pytest.param(
        "Some 30% of those who own a car said they would buy one.", 30.0, ["those who own a car"], id="those_who"
    ),
    # the people a survey asked are its sample; a people named by its demonym alone is a group too (round 46)
    pytest.param("Some 30% of those questioned said they would buy one.", 30.0, [""], id="those_questioned"),
    pytest.param("About 40% of Canadians own a tablet.", 40.0, ["Canadians"], id="bare_demonym"),
    # a place, a name or an amount after the noun: the group as before
    pytest.param(
        "Some 40% of small firms in Wales plan to hire staff, according to Pollco.",
        40.0,
        ["small firms"],
        id="place_after",
    ),
    # a bare noun with nothing after it names no group
    pytest.param("Some 40% of people log on daily, according to Pollco.", 40.0, ["Pollco"], id="bare_noun"),
]


# "which" never stands for a person: the firm set off right before ", which" owns the clause's figure,
# wherever the parser hung the clause
WHICH = [
    pytest.param(
        "Hans Berg, chairman of Delta Graan Bv (DGB), which handles 60 pct of the grain passing through the "
        "port, said the strike was over.",
        60.0,
        ["Delta Graan Bv"],
        id="firm_before_which",
    ),
    pytest.param(
        "Ann Lee, chief executive of Tarvo Corp, which employs 4,000 people, said sales rose.",
        4000.0,
        ["Tarvo"],
        id="parsed_right",
    ),
    pytest.param("Jan Vos, who owns 40 pct of Elevco, said the terminal was shut.", 40.0, ["Jan Vos"], id="who"),
]


# a noun with both a name as modifier and a name in apposition is the apposition's: it names the noun itself
APPOSED = [
    pytest.param(
        "The Marcon unit, Baywater Shipbuilding Co, asked the Navy for reimbursement of 894 mln dlrs.",
        8.94e8,
        ["Baywater Shipbuilding"],
        id="unit_named_after",
    ),
    pytest.param("Chinese smartphone maker Xiaomi sold 20 mln phones.", 2e7, ["Xiaomi"], id="name_as_modifier"),
]


# the count of a company's outstanding shares is the issuer's, whoever holds or buys them
OUTSTANDING = [
    pytest.param(
        "After the offer, Zentec will retain about 82 pct of the 11 mln outstanding common shares of Norvale Corp.",
        1.1e7,
        ["Norvale"],
        id="outstanding_of",
    ),
    pytest.param(
        "After the offer, Zentec will retain about 82 pct of the 11 mln outstanding common shares of Norvale Corp.",
        82.0,
        ["Zentec"],
        id="the_stake_is_the_holders",
    ),
    pytest.param("Zentec bought 500,000 shares of Norvale Corp.", 5e5, ["Zentec"], id="shares_bought"),
]


# an award or a grant is the recipient's (the indirect object), not the court's or the state's
AWARDS = [
    pytest.param(
        "The Ruritania government granted Zentec Corp a 5 mln dlr loan.", 5e6, ["Zentec"], id="granted_a_loan"
    ),
    pytest.param(
        "Norvale Corp said it would grant Zentec Corp an option to buy about 3,600,000 shares.",
        3.6e6,
        ["Zentec"],
        id="granted_an_option",
    ),
    # the direct object is no recipient
    pytest.param(
        "Design engineer Takuo Hara will be awarded an Oscar and 20,000 dlrs.", 20000.0, ["Takuo Hara"], id="passive"
    ),
]


# what a verb of leaving leaves its object with is the object's
LEFT_WITH = [
    pytest.param(
        "The Greens will take three seats from the Conservatives, leaving the Conservatives with just 163 seats.",
        163.0,
        ["Conservatives"],
        id="leaving_party_with",
    ),
    pytest.param("The merger left Zentec Corp with debts of 2 bln dlrs.", 2e9, ["Zentec"], id="left_company_with"),
    # the object is no name: the subject's, as before
    pytest.param("Zentec Corp left the talks with 20 pct of the shares.", 20.0, ["Zentec"], id="left_a_thing"),
]


# an amount written with "at" and an organisation is that organisation's, each conjunct its own
AMOUNT_AT = [
    pytest.param(
        "The cuts include 500 jobs at Zentec Corp and 300 jobs at Norvale Corp.", 300.0, ["Norvale"], id="second_at"
    ),
    pytest.param(
        "Savings of £153m at the Foreign Office and £336m at the Department for Culture Media and Sport were "
        "identified.",
        336e6,
        ["Department for Culture Media"],
        id="conjunct_at",
    ),
    pytest.param(
        "After the cuts there were 80 workers at Siemens headquarters in Munich, with 17 at its Osram offices in "
        "Berlin, and 22 at the Bosch base in Stuttgart.",
        17.0,
        ["Osram"],
        id="named_on_the_place",
    ),
    # the doer named as the verb's subject keeps it
    pytest.param("Zentec Corp won three contracts at the Norvale Trade Fair.", 3.0, ["Zentec"], id="named_doer"),
]


# (text, the amount, its subjects): every rule of this round that names an owner, one table each above
@pytest.mark.parametrize(
    ("text", "value", "subjects"), GROUPS + WHICH + APPOSED + OUTSTANDING + AWARDS + LEFT_WITH + AMOUNT_AT
)
def test_subject(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


@pytest.mark.parametrize(
    ("text", "value", "found"),
    [
        pytest.param("The cuts include 500 jobs at Zentec Corp.", 500.0, "Zentec", id="a_firm"),
        pytest.param("A novel won the $10,000 prize at the Norvale Book Awards.", 10000.0, None, id="an_event"),
    ],
)
def test_amount_at_names_no_event(nlp, monkeypatch, text, value, found):
    """The rule itself: an event or a venue ("... Awards", "... Festival") is where an amount was won, not whose."""
    from pipeline.extractors.facts import subjects

    seen = []
    original = subjects._amount_at

    def spy(ctx):
        answer = original(ctx)
        if ctx.amount_value == value:
            seen.append(answer[1].canonical_name if answer else None)
        return answer

    monkeypatch.setattr(subjects, "_amount_at", spy)
    monkeypatch.setattr(
        subjects,
        "_RULES",
        tuple((n, (lambda c, p, v, m: spy(c)) if n == "amount_at" else f) for n, f in subjects._RULES),
    )
    facts_of(nlp, text)
    assert seen[:1] == [found]


# a national body's acronym starts with its country's letters: "USDA" is "the U.S. Agriculture Department"
@pytest.mark.parametrize(
    ("text", "acronym", "name"),
    [
        pytest.param(
            "The U.S. Agriculture Department said it will pay farmers. USDA officials said 300 mln dlrs will be "
            "mailed to farmers.",
            "USDA",
            "U.S. Agriculture Department",
            id="country_in_the_name",
        ),
        pytest.param(
            "The Agriculture Department said it will pay farmers. USDA officials said 300 mln dlrs will be mailed.",
            "USDA",
            "Agriculture Department",
            id="country_left_out",
        ),
        pytest.param(
            "Officials at the U.S. Securities and Exchange Commission said the SEC will act.",
            "SEC",
            "U.S. Securities and Exchange Commission",
            id="country_not_spelled",
        ),
    ],
)
def test_national_acronyms(nlp, text, acronym, name):
    from pipeline.extractors import entities as E

    found = E.canonicalize(E.find_entities(nlp(text), None))
    assert {e.canonical_name for e in found if e.text == acronym} == {name}


# a grain report whose text first writes the commodity as its values ("Physical barley values recovered")
# is a market report: the headline commodity owns the prices nothing closer owns
def test_grain_values_make_a_market_report(nlp):
    title = "LONDON GRAINS SEES BARLEY RECOVER FROM LOWS"
    text = (
        "LONDON, April 3 - U.K. Physical barley values recovered from initial losses of one to two stg per tonne.\n"
        "    The market for malting barley in Hull held steady.\n"
        "    April deliveries made 127.50 and June 129.50 stg per tonne, basis Hull.\n"
    )
    facts = facts_of(nlp, text, published="1987-04-03", title=title)
    assert subjects_of(facts, 127.5) == subjects_of(facts, 129.5) == ["U.K. Physical barley"]


# a bare number after a verb whose subject is a count of people or "the number of" things counts them; the
# dead are people; pint's units in words
@pytest.mark.parametrize(
    ("text", "value", "units"),
    [
        pytest.param(
            "By 2007, Ruritania's population is expected to peak at 127 million.", 1.27e8, ["person"], id="population"
        ),
        pytest.param(
            "Employment in manufacturing fell 380,000 from a year earlier to 14.30 mln.",
            3.8e5,
            ["person"],
            id="employment",
        ),
        pytest.param("The number of active rotary rigs fell by 38 to a total of 801.", 801.0, ["rig"], id="number_of"),
        pytest.param(
            "Fans were blamed for the 1989 stadium disaster in which 96 died.", 96.0, ["person"], id="the_dead"
        ),
        pytest.param("Profits at Zentec rose to 5 mln.", 5e6, [None], id="not_a_count"),
        # a physical unit in words, without pint's underscores (the quantities table keeps pint's names)
        pytest.param("The notes will yield 25 basis points above Treasury bills.", 25.0, ["basis point"], id="bp"),
        pytest.param("Hydro-Quebec will sell 70 terawatt hours of power.", 70.0, ["terawatt hour"], id="twh"),
    ],
)
def test_units(nlp, text, value, units):
    assert units_of(facts_of(nlp, text, published="1987-03-02"), value) == units


# of two subjects the parser gave one verb, an aside set off by dashes is not the clause's subject
@pytest.mark.parametrize(
    ("text", "value", "subjects"),
    [
        pytest.param(
            "In contrast to Japan - and of course the European Union - the US population is expected to increase "
            "by 46% by 2050.",
            46.0,
            ["US"],
            id="aside_in_dashes",
        ),
        pytest.param("Apple co-founder Steve Jobs said sales rose 5%.", 5.0, ["Apple"], id="one_subject"),
    ],
)
def test_aside_is_no_subject(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="2005-01-01"), value) == subjects
