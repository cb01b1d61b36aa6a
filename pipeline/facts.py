"""Facts: who, what, how much, when (placeholder, replaced by issue 6)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .records import DateMention, EntityMention, Fact, QuantityMention


def find_facts(
    doc: Doc,
    *,
    dates: Sequence[DateMention],
    quantities: Sequence[QuantityMention],
    entities: Sequence[EntityMention],
    doc_entities: Sequence[EntityMention],
    published: str | None,
) -> list[Fact]:
    """Facts stated in one part (offsets relative to ``doc``)."""
    return []


def consolidate(facts: Sequence[Fact]) -> list[Fact]:
    """One row per fact stated more than once in an article (sources merged)."""
    return list(facts)
