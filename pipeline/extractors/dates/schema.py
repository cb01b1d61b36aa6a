"""Schemas of the dates rule files in ``rules/`` (checked when loaded; see ``pipeline.rules``)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Literal

from ...rules import Rules, load_json

RULES_DIR = Path(__file__).resolve().parent / "rules"


class Lexicon(Rules):
    """``dates_lexicon.json``."""

    months: dict[str, int]
    months_that_are_words: list[str]
    weekdays: dict[str, int]
    weekday_abbreviations_need_dot: list[str]
    numbers: dict[str, float]
    vague_numbers: list[str]
    units: dict[str, str]
    duration_units: dict[str, str]
    seasons: dict[str, str]
    season_months: dict[str, list[int]]
    day_parts: dict[str, str]
    deictic: dict[str, list[str]]
    deictic_needs_context: list[Any]
    sets: dict[str, str]
    set_adjectives_need_context: list[str]
    premods: dict[str, str]
    approx: dict[str, str]
    relatives: dict[str, int]
    offset_directions: dict[str, int]
    holidays: dict[str, Any]
    time_zones: list[str]
    hour_words: dict[str, int]
    decade_words: dict[str, int]
    ordinal_words: dict[str, int]
    day_ordinal_words: dict[str, int]
    day_cardinal_words: dict[str, int]
    year_dated_nouns: list[str]
    year_noun_blockers: list[str]
    currency_marks: list[str]
    approx_outside_span: list[str]
    future_aux: list[str]
    plan_lemmas: list[str]
    past_span_relatives: list[str]
    over_means_more_after: list[str]
    deferral_lemmas: list[str]
    deferral_phrases: list[str]
    reporting_lemmas: list[str]
    future_phrases: list[str]
    future_phrases_unless_past: list[str]
    unit_adjectives: list[str]
    generic_after_possessive: list[str]
    trigger_numbers: str
    trigger_clock: str
    trigger_cues: list[str]
    comparison_cues: list[str]
    year_scope_cues: list[str]
    quarter_scope_cues: list[str]
    duration_head_nouns: list[str]
    prepositions_outside_span: list[str]


class Pattern(Rules):
    """One pattern of the grammar in ``dates_patterns.json``."""

    name: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    kind: str
    regex: str
    anchors: list[str] = []
    needs: list[str] = []  # lower-case; "@name": the first words of the lexicon list ``name``


class Patterns(Rules):
    """``dates_patterns.json``."""

    patterns: list[Pattern]


FILES: dict[str, type[Rules]] = {"dates_lexicon.json": Lexicon, "dates_patterns.json": Patterns}


@functools.cache
def load(name: str) -> dict[str, Any]:
    """A rule file of this folder, checked (loaded once)."""
    return load_json(RULES_DIR / name, FILES[name])
