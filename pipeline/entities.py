"""Named entities with aliases merged (placeholder, replaced by issue 6)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .records import EntityMention

LABELS = ("PERSON", "ORG", "GPE", "LOC", "PRODUCT", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW")


def find_entities(doc: Doc) -> list[EntityMention]:
    """Entity mentions of one part; canonical names are provisional until ``canonicalize``."""
    return [
        EntityMention(e.start_char, e.end_char, e.text, e.label_, e.text, f"{e.label_}:{e.text.casefold()}")
        for e in doc.ents
        if e.label_ in LABELS
    ]


def canonicalize(mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """Merge aliases across all parts of one article; same order and length as ``mentions``."""
    return list(mentions)
