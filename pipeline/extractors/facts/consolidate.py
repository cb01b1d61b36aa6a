"""Merging facts stated more than once in an article into one row with every source span."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ...records import Fact


def _identity(f: Fact) -> tuple:
    """What makes two rows one fact. A large amount with its unit, subject and time is distinctive
    enough on its own ("shipped 3 million units" / "shipments of 3 million units"); a percentage or
    a small number also needs the same property ("revenue rose 5%" is not "profit rose 5%"), and a bare
    comparison ("compared with 5.1 pct") the same sentence."""
    distinctive = f.value is not None and abs(f.value) >= 1000 and f.unit not in (None, "percent")
    prop = None if distinctive else f.property_key
    # "compared with 5.1 pct in 1985" says nothing of what is compared: in two sentences, two figures
    # (GNP's and GDP's growth), not one stated twice
    where = f.sentence_start if f.property_key == "compare" else None
    if f.subject_source == "table" and f.time_value is None:
        # "Qtly div 15 cts vs 15 cts prior" in a dividend notice (no period stated): the current and the prior
        # dividend are two rows, though they share value and time
        where = f.quantity_span
    return (f.subject_key or f.subject, prop, f.value, f.value_max, f.unit, f.time_value, f.modality, where)


def consolidate(facts: Sequence[Fact]) -> list[Fact]:
    """One row per fact stated more than once in an article (sources merged), in first-seen order."""
    merged: dict[tuple, Fact] = {}
    for f in facts:
        key = _identity(f)
        first = merged.get(key)
        if first is not None and _other_table_line(first, f):
            key = (*key, f.property_key)  # "Net loss 2.4 mln" and "Revs 2.4 mln": two figures of one table
            first = merged.get(key)
        if first is None:
            merged[key] = f
            continue
        sources = tuple(dict.fromkeys(first.sources + f.sources))
        merged[key] = dataclasses.replace(first, sources=sources, attribution=first.attribution or f.attribution)
    return list(merged.values())


def _other_table_line(first: Fact, f: Fact) -> bool:
    """Two lines of a results table with one value and different labels, not one figure stated twice (a
    sentence that repeats a table's figure still merges with it)."""
    return first.subject_source == f.subject_source == "table" and first.property_key != f.property_key
