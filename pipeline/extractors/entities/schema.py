"""Schemas of the entity rule files in ``rules/`` (checked when loaded; see ``pipeline.rules``)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ...rules import Rules, load_json, load_jsonl

RULES_DIR = Path(__file__).resolve().parent / "rules"


class Fix(Rules):
    """One line of ``entity_fixes.jsonl``."""

    label: str
    pattern: Any
    id: str | None = None


class Names(Rules):
    """``entity_names.json``."""

    unit_words: list[str]
    generic_words: list[str]
    institution_words: list[str]
    company_appositives: list[str]
    people_trades: list[str]
    name_opening_nouns: list[str]
    body_appositives: list[str]
    person_appositives: list[str]
    person_appositive_modifiers: list[str]
    company_suffixes: list[str]
    company_heads: list[str]
    trade_words: list[str]
    measure_symbols: list[str]
    indicator_names: list[str]
    benchmark_rates: list[str]
    law_heads: list[str]
    political_parties: list[list[str]]


@functools.cache
def load_fixes() -> tuple[dict[str, Any], ...]:
    """``entity_fixes.jsonl``: spaCy span patterns with the label they assign, checked."""
    return tuple(load_jsonl(RULES_DIR / "entity_fixes.jsonl", Fix))


@functools.cache
def load_names() -> dict[str, Any]:
    """``entity_names.json``, checked."""
    return load_json(RULES_DIR / "entity_names.json", Names)
