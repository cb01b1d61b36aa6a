"""Dated events the lexicon and the clause rules find: nominal events, relative clauses, ranges,
spans ahead, decades, "when" clauses, phrasal and scheduled verbs (invented sentences)."""

from __future__ import annotations

import pytest

from pipeline.extractors import facts as F
from pipeline.extractors.entities.find import canonicalize, find_entities
from pipeline.records import DateMention


def _dates(text: str, spans: list[tuple[str, str, str]]) -> list[DateMention]:
    out = []
    for surface, value, kind in spans:
        start = text.index(surface)
        out.append(DateMention(start, start + len(surface), surface, kind, value))
    return out


def _events(nlp, text: str, spans) -> list[tuple[str | None, str | None]]:
    doc = nlp(text)
    ents = canonicalize(find_entities(doc))
    found = F.find_facts(
        doc, dates=_dates(text, spans), quantities=[], entities=ents, doc_entities=ents, published=None
    )
    return [(f.subject, f.time_value) for f in F.consolidate(found) if f.value is None]


CASES = [
    (  # a relative clause hung on a bracketed ticker: the name before it
        "Analysts likened the move to Northwind Bank AG <NWB.F>, which entered the Spanish market in March 1991.",
        [("March 1991", "1991-03", "DATE")],
        ("Northwind Bank", "1991-03"),
    ),
    (  # a range is one ISO 8601 interval
        "The new trains are due for delivery between 2009 and 2013.",
        [("2009", "2009", "DATE"), ("2013", "2013", "DATE")],
        ("new trains", "2009/2013"),
    ),
    (  # a participle on an event noun, and who takes part
        "Smith said the talks scheduled for June 1990 between Portugal and Brazil will be difficult.",
        [("June 1990", "1990-06", "DATE")],
        ("Portugal", "1990-06"),
    ),
    (  # a span ahead
        "Nortex Corp and Globex Inc are expected to release new printers in the next 18 months.",
        [("the next 18 months", "P18M", "DURATION")],
        ("Nortex", "P18M"),
    ),
    (  # a decade
        "Mr Brown set up the firm in the 1970s.",
        [("the 1970s", "197X", "DATE")],
        ("Brown", "197X"),
    ),
    (  # the date of a "when" clause
        "Rivals had the market to themselves until 1995 when Zentrix Corp was launched.",
        [("1995", "1995", "DATE")],
        ("Zentrix", "1995"),
    ),
    (  # "be out" with a date is a release
        "Trade Ministry March figures are out tomorrow.",
        [("March", "1990-03", "DATE"), ("tomorrow", "1990-04-04", "DATE")],
        ("Trade Ministry", "1990-04-04"),
    ),
    (  # a phrasal verb of a non-event verb, scheduled: the subject of the verb it completes
        "A working model of the Zephyr is due to be shown off in June 2006.",
        [("June 2006", "2006-06", "DATE")],
        ("Zephyr", "2006-06"),
    ),
    (  # the verb's own date, not the one on its object
        "Nortex Corp, which published the May sales figures on 3 June 1991, made no forecast.",
        [("May", "1991-05", "DATE"), ("3 June 1991", "1991-06-03", "DATE")],
        ("Nortex", "1991-06-03"),
    ),
]


@pytest.mark.parametrize("text, spans, expected", CASES)
def test_dated_event(nlp, text, spans, expected):
    subject, time = expected  # the subject as its first words: "Trade Ministry (March) figures"
    assert any(s is not None and s.startswith(subject) and t == time for s, t in _events(nlp, text, spans))


def test_coordinated_dates_are_two_events(nlp):
    text = "He predicted that oil prices would recover in 1988 or 1989."
    times = {t for _, t in _events(nlp, text, [("1988", "1988", "DATE"), ("1989", "1989", "DATE")])}
    assert {"1988", "1989"} <= times
