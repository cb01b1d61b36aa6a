"""Schemas of the facts rule files in ``rules/`` (checked when loaded; see ``pipeline.rules``)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ...rules import Rules, load_json

RULES_DIR = Path(__file__).resolve().parent / "rules"


class Cues(Rules):
    """``facts_cues.json``."""

    modality: dict[str, list[str]]
    attribution: dict[str, list[str]]
    speaker_verbs: list[str]
    time_roles: list[list[str]]
    time_role_default: dict[str, str]
    underspecified_time_pattern: str
    vague_time_values: list[str]
    set_per: dict[str, str]
    time_nouns: list[str]
    rank_cues: list[str]
    dateline_pattern: str
    baseline_before: str
    baseline_between: str
    baseline_change_on: str
    baseline_compared_period: str
    change_verbs: list[str]
    per_share_after: str


class Events(Rules):
    """``facts_events.json``."""

    event_verbs: list[str]
    event_requires_object_or_particle: list[str]
    count_units: list[str]
    inherited_measures: list[str]
    number_nouns: list[str]
    uncounted_nouns: list[str]
    people_properties: dict[str, str]
    unit_inherit_sentences: int
    min_bare_value: int
    unit_words: list[str]
    age_cues: list[str]
    age_pattern: str
    event_nouns: list[str]
    due_words: list[str]
    scaled_amount: str
    unit_names: dict[str, str]
    non_event_verbs: list[str]
    security_dates: dict[str, str]
    duration_verbs: list[str]
    duration_change_verbs: list[str]
    duration_nouns_not: list[str]
    duration_lasting_verbs: list[str]
    duration_spending_verbs: list[str]
    duration_custody_verbs: list[str]
    duration_custody_nouns: list[str]
    duration_rate_nouns: list[str]


class Subjects(Rules):
    """``facts_subjects.json``."""

    company_nouns: list[str]
    member_nouns: list[str]
    third_person: list[str]
    first_person: list[str]
    first_person_min: int
    dominant_min_mentions: int
    subject_labels: list[str]
    noun_subject_labels: list[str]
    implicit_owner_nouns: list[str]
    person_pronouns: list[str]
    passing_prepositions: list[str]
    object_subject_verbs: list[str]
    recipient_verbs: list[str]
    gathering_names: list[str]
    object_control_verbs: list[str]
    pronoun_place_labels: list[str]
    place_prepositions: list[str]
    world_words: list[str]
    nation_words: list[str]
    news_words: list[str]
    partner_prepositions: list[str]
    country_owner_nouns: list[str]
    measure_nouns: list[str]
    of_owner_nouns: list[str]
    share_verbs: list[str]
    honorifics: list[str]
    index_names: list[str]
    index_properties: list[str]
    commodity_nouns: list[str]
    instrument_nouns: list[str]
    instrument_price_nouns: list[str]
    other_market_nouns: list[str]
    price_nouns: list[str]
    bid_nouns: list[str]
    pricing_verbs: list[str]
    response_verbs: list[str]
    count_one_cues: list[str]
    stake_nouns: list[str]
    stake_buying_verbs: list[str]
    share_deal_nouns: list[str]
    deal_nouns: list[str]
    antecedent_nouns: list[str]
    deal_making_verbs: list[str]
    state_body_words: list[str]
    legislature_words: list[str]
    legislature_modifiers: list[str]
    central_banks: list[str]
    policy_rate_words: list[str]
    rating_agency_words: list[str]
    public_body_words: list[str]
    regions: list[str]
    region_demonyms: dict[str, str]
    company_figures: list[str]
    national_modifiers: list[str]
    country_owner_min_mentions: int
    country_nouns: list[str]
    governing_state: dict[str, str]
    demonyms: dict[str, str]
    people_demonyms: dict[str, str]
    government_verbs: list[str]
    market_move_verbs: list[str]
    age_at_verbs: list[str]
    age_at_range: list[int]
    relation_nouns: list[str]
    group_nouns: list[str]
    group_trade_verbs: list[str]
    pointing_determiners: list[str]
    manner_count_nouns: list[str]
    policy_nouns: list[str]
    claim_modifiers: list[str]
    money_market_nouns: list[str]
    death_verbs: list[str]
    state_nouns: list[str]
    market_nouns: list[str]
    security_nouns: list[str]
    debt_issue_words: list[str]
    product_nouns: list[str]
    survey_nouns: list[str]
    research_nouns: list[str]
    respondent_nouns: list[str]
    generic_subject_nouns: list[str]
    spokesperson_nouns: list[str]
    commentator_nouns: list[str]
    issued_nouns: list[str]
    dummy_it_passives: list[str]
    selling_verbs: list[str]
    selling_preps: list[str]
    agent_action_nouns: list[str]
    pointing_back_determiners: list[str]
    person_role_nouns: list[str]
    not_personal_surnames: list[str]
    public_role_nouns: list[str]
    survey_verbs: list[str]
    opinion_verbs: list[str]
    object_property_preps: list[str]


class Document(Rules):
    """``facts_document.json``."""

    headline_max_words: int
    wire_dateline: str
    ticker_headline: str
    bracketed_headline: str
    name_stopwords: list[str]
    generic_name_words: list[str]
    company_suffix: str
    headline_verbs: list[str]
    country_short_names: dict[str, list[str]]
    dateline_regions: dict[str, list[str]]


class Scoring(Rules):
    """``facts_scoring.json``."""

    weights: dict[str, float]
    threshold: float
    amount_weights: dict[str, float]
    amount_threshold: float


class Properties(Rules):
    """``facts_properties.json``."""

    drop_words: list[str]
    edge_words: list[str]
    empty_key: str
    synonyms: dict[str, str]


FILES: dict[str, type[Rules]] = {
    "facts_cues.json": Cues,
    "facts_document.json": Document,
    "facts_events.json": Events,
    "facts_properties.json": Properties,
    "facts_scoring.json": Scoring,
    "facts_subjects.json": Subjects,
}


@functools.cache
def load(name: str) -> dict[str, Any]:
    """A rule file of this folder, checked (loaded once)."""
    return load_json(RULES_DIR / name, FILES[name])
