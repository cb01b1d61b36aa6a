"""Amounts -> value, unit, bound, change, rate (placeholder, replaced by issue 5)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .records import QuantityMention, RankMention


def find_quantities(doc: Doc, *, exclude: Sequence[tuple[int, int]] = ()) -> list[QuantityMention]:
    """Quantities in ``doc``; candidates overlapping an ``exclude`` span (a date) are dropped."""
    return []


def find_ranks(doc: Doc) -> list[RankMention]:
    """Ordinals and ranks, kept apart from amounts."""
    return []
