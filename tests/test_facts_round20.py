"""Facts, issue 11 twentieth round: read off blind batch 64 after its first look; each a table of invented
cases (one row per case, its id naming the rule). No sentence is copied from an article.
"""

from __future__ import annotations

import pytest
from facts_helpers import facts_of, subjects_of

from pipeline.extractors.entities import canonicalize, find_entities
from pipeline.extractors.facts.subjects import _is_speaker


# A company reporting a figure of its own ("It reported pretax profit of ...") owns it: the subject of "report"
# is no speaker when the verb's object is a company figure; it still is for a clause or any other object.
@pytest.mark.parametrize(
    "text, speaker",
    [
        pytest.param("It reported pretax profit of 10.5 mln dlrs in the half-year.", False, id="profit"),
        pytest.param("Zentek reported a net loss of 4.2 mln dlrs for the year.", False, id="loss"),
        pytest.param("Dravo reported net income of 3 mln dlrs.", False, id="income"),
        pytest.param("The agency reported a trade deficit of 3.1 billion dlrs.", True, id="macro_figure"),
        pytest.param("The agency reported that sales rose 5 pct.", True, id="clause"),
        pytest.param("Analysts reported heavy buying in the afternoon.", True, id="other_object"),
    ],
)
def test_the_subject_of_report_with_a_company_figure_is_no_speaker(nlp, text, speaker):
    doc = nlp(text)
    subject = next(t for t in doc if t.dep_ == "nsubj" and t.head.lemma_ == "report")
    assert _is_speaker(subject) is speaker


# "It" opening the sentence after a wire paragraph break (a line break and an indent) continues with the
# company the sentence before was about.
def test_it_after_a_wire_indent_is_the_company_before(nlp):
    text = "Dravo Inc said its chairman resigned in May.\n    It cut 400 jobs in the year."
    assert subjects_of(facts_of(nlp, text, published="1987-03-06"), 400.0) == ["Dravo"]


# A money supply aggregate with a letter ("M-2A", "M1b") is a figure of the country's economy, not a name.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "ROME, March 18 - Italian M-2 money supply rose 2.8 pct, the Bank of Italy said.\n"
            "    The bank said M-2A totalled 583,806 billion lire at end January.",
            583806e9,
            ["Italy"],
            id="m2a",
        ),
        pytest.param(
            "TAIPEI, March 18 - Taiwan's M-1b money supply rose 4.1 pct in February, the central bank said.\n"
            "    M1b totalled 2,154 billion dlrs at the end of the month.",
            2154e9,
            ["Taiwan"],
            id="m1b",
        ),
    ],
)
def test_a_lettered_money_aggregate_is_the_countrys(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text, published="1987-03-18"), value) == subjects


# "the <nationality> group" is the company named last, but capitals in brackets after lower-case words
# abbreviate a term ("liquid natural gas (LNG)"), whatever the model tagged them.
@pytest.mark.parametrize(
    "text, value, subjects",
    [
        pytest.param(
            "Zentek has signed a $4bn deal with Qatar to supply liquefied natural gas (LNG) to Asia.\n\n"
            "The Anglo-Dutch group will own 30% of the project.",
            30.0,
            ["Zentek"],
            id="term_in_brackets",
        ),
        pytest.param(
            "Zentek has agreed to buy Dravo Corp for $4bn.\n\nThe British company will keep 30% of its staff.",
            30.0,
            ["Dravo"],
            id="national_company_still_named_last",
        ),
    ],
)
def test_a_bracketed_term_is_no_company(nlp, text, value, subjects):
    assert subjects_of(facts_of(nlp, text), value) == subjects


# An acronym in brackets after a name with a legal form spells the name without it.
@pytest.mark.parametrize(
    "text, full, short",
    [
        pytest.param(
            "The government deposited funds with <Cooperative Central Bank Bhd> (CCB) in October. CCB said"
            " it was solvent.",
            "Cooperative Central Bank Bhd",
            "CCB",
            id="bhd",
        ),
        pytest.param(
            "Shares of Pacific Western Mining Ltd (PWM) rose. PWM said output was up.",
            "Pacific Western Mining Ltd",
            "PWM",
            id="ltd",
        ),
    ],
)
def test_an_acronym_spells_a_name_without_its_legal_form(nlp, text, full, short):
    mentions = canonicalize(find_entities(nlp(text)))
    keys = {m.text: m.entity_key for m in mentions}
    assert keys[short] == keys[full]


# The only company of an article, named once after the lead and not in the headline, is named in passing:
# it is no fallback owner for the article's amounts; named in the lead (or twice) it still is.
_FILLER = " ".join(["Officials said the inquiry would continue for some months."] * 14)


@pytest.mark.parametrize(
    "text, subjects",
    [
        pytest.param(
            "Pay scandal in Ruritania\n\nAbout 500 officials are accused of claiming salaries for absent workers. "
            + _FILLER
            + " A report by the watchdog Clearwater Trust in 2003 called graft pervasive.",
            [""],
            id="once_after_the_lead",
        ),
        pytest.param(
            "Pay rise at Clearwater Trust\n\nClearwater Trust said about 500 officials are accused of claiming"
            " salaries for absent workers. " + _FILLER,
            ["Clearwater Trust"],
            id="named_in_the_lead",
        ),
    ],
)
def test_a_company_named_once_in_passing_owns_nothing(nlp, text, subjects):
    assert subjects_of(facts_of(nlp, text), 500.0) == subjects
