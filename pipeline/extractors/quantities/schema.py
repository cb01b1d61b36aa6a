"""Schemas of the quantities rule files in ``rules/`` (checked when loaded; see ``pipeline.rules``)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Literal

from ...rules import Rules, load_json

RULES_DIR = Path(__file__).resolve().parent / "rules"


class Cues(Rules):
    """``quantities_cues.json``."""

    bound_before: dict[str, str]
    bound_after: dict[str, str]
    change_before: dict[str, str]
    change_skip: list[str]
    change_after: dict[str, str]
    rate_articles: list[str]
    rate_nouns: dict[str, str]
    rate_words: dict[str, str]
    rate_not_before: list[str]
    vague: dict[str, float]
    percent_after: dict[str, str]
    percent_of_before: list[str]
    label_words: list[str]
    score_context: list[str]
    not_one_before: list[str]
    year_range: list[int]
    rank_prefix: dict[str, str]
    ordinal_suffixes: list[str]
    currency_context: dict[str, Any]
    rank_not_before: list[str]
    fraction_not_after: list[str]
    change_before_not_money: dict[str, str]
    change_off_after: list[str]
    up_particle_verbs: list[str]
    hyphen_idioms: list[str]
    street_suffixes: list[str]
    not_counted: list[str]
    name_suffixes: list[str]
    after_fraction_ok: list[str]
    collective_nouns: list[str]
    market_words: list[str]
    range_from_before: list[str]
    possessives: list[str]
    ages_are_amounts: bool
    bare_scale_after: list[str]
    wire_style_words: list[str]
    wire_currency_default: dict[str, str]
    multiplier_words: list[str]
    change_after_plural: dict[str, str]
    margin_verbs: list[str]
    generation_nouns: list[str]


class Numbers(Rules):
    """``quantities_numbers.json``."""

    units: dict[str, int]
    tens: dict[str, int]
    hundred: list[str]
    scales: dict[str, float]
    scale_suffixes: dict[str, float]
    scale_suffix_case: dict[str, float]
    word_scale_suffixes: list[str]
    dozen: list[str]
    fractions: dict[str, float]
    unicode_fractions: dict[str, float]
    slash_denominators: list[int]
    negative: list[str]
    ordinals: dict[str, int]


class Currencies(Rules):
    """``units_currency.json``."""

    prefix_symbols: dict[str, str]
    ambiguous_symbols: dict[str, str]
    codes: list[str]
    code_aliases: dict[str, str]
    lowercase_codes_ok: list[str]
    suffix_symbols: dict[str, str]
    words: dict[str, str]
    ambiguous_words: list[str]
    needs_digits: list[str]
    scale_m_after: list[str]
    major_with_cents: list[str]
    scaled_codes: dict[str, list[Any]]
    attached_only: list[str]
    verb_homographs: dict[str, list[str]]
    prefix_words: dict[str, str]
    place_words_after: dict[str, list[str]]
    minor_units: dict[str, str]
    minor_unit_currencies: dict[str, str]
    video_lines: list[int]


class PhysicalUnits(Rules):
    """``units_physical.json``."""

    aliases: dict[str, str]
    case_sensitive: dict[str, str]
    needs_digits: list[str]
    ambiguous_with_currency: list[str]
    time_units: list[str]
    compounds: list[list[Any]]
    time_plurals: list[str]
    unit_rates: dict[str, str]
    inch_words: list[str]
    power_symbols: dict[str, str]
    spaced_symbols: list[str]


class TableLabel(Rules):
    """What one results-table line label means."""

    property: str
    loss_property: str | None = None
    kind: Literal["per_share", "money", "shares"]


class OpenLabels(Rules):
    """Words that keep a line of words and amounts with "vs" from being an unlisted table row."""

    not_first_words: list[str]
    not_last_words: list[str]
    qualifiers: list[str]


class Tables(Rules):
    """``results_tables.json`` (read by ``quantities.results`` and ``facts.tables``)."""

    labels: dict[str, TableLabel]
    periods: dict[str, Literal["quarter", "year", "nine", "six", "three", "half"]]
    scales: dict[str, float]
    currencies: dict[str, str]
    minor_units: dict[str, str]
    open_labels: OpenLabels


class PintNames(Rules):
    """``pint_names.json``."""

    names: dict[str, str]
    base: dict[str, list[float | str]]  # [factor, base unit]


FILES: dict[str, type[Rules]] = {
    "quantities_cues.json": Cues,
    "quantities_numbers.json": Numbers,
    "units_currency.json": Currencies,
    "units_physical.json": PhysicalUnits,
    "pint_names.json": PintNames,
    "results_tables.json": Tables,
}


@functools.cache
def load(name: str) -> dict[str, Any]:
    """A rule file of this folder, checked (loaded once)."""
    return load_json(RULES_DIR / name, FILES[name])
