"""Temporal expressions -> TIMEX3 values and calendar intervals (placeholder, replaced by issue 4)."""

from __future__ import annotations

from spacy.tokens import Doc

from .records import DateMention


def find_dates(doc: Doc, *, published: str | None) -> list[DateMention]:
    """Date/time/duration/set mentions of ``doc``, resolved against ``published`` (ISO, maybe partial)."""
    return []
