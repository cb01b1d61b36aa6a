"""Shared by the facts tests: the facts of one invented text, as the pipeline's stages find them."""

from __future__ import annotations

from pipeline.extractors import entities as E
from pipeline.extractors.dates import find_dates
from pipeline.extractors.facts import find_facts
from pipeline.extractors.quantities import find_quantities


def facts_of(nlp, text: str, *, published: str | None = None, title: str | None = None):
    doc = nlp(text)
    dates = find_dates(doc, published=published)
    quantities = find_quantities(doc, exclude=[(d.start, d.end) for d in dates])
    # the title part, as extract_from_docs passes it: a wire headline's first word names its company
    headline = nlp(title) if title else None
    ents = E.canonicalize(E.find_entities(doc, headline))
    return find_facts(
        doc, dates=dates, quantities=quantities, entities=ents, doc_entities=ents, published=published, title=title
    )


def subjects_of(facts, value: float) -> list[str]:
    """The subjects (empty as "") of the facts with this value, sorted; values compared to 1e-9."""
    return sorted(
        (f.subject or "") for f in facts if f.value is not None and abs(f.value - value) < 1e-9 * max(1, value)
    )


def _with_value(facts, value: float) -> list:
    return [f for f in facts if f.value is not None and abs(f.value - value) < 1e-6 * value]


def units_of(facts, value: float) -> list[str | None]:
    """The units of the facts with this value, in order; values compared to 1e-6."""
    return [f.unit for f in _with_value(facts, value)]


def times_of(facts, value: float) -> list[str | None]:
    """The times of the facts with this value, in order; values compared to 1e-6."""
    return [f.time_value for f in _with_value(facts, value)]


def doc_with_entity(nlp, text: str, name: str, label: str):
    """``text`` parsed, with ``name`` (its first occurrence) as the only model entity, labelled ``label``:
    what the small model sometimes says, for rules that correct it."""
    doc = nlp(text)
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label=label)]
    return doc
