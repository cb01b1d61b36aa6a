"""Cue words of the facts rules (``rules/facts_*.json``) as one typed, cached object, and dependency-label sets."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..quantities.tables import currencies
from .schema import load as _read

# Dependency labels that start a new clause; acl and xcomp stay in their head's clause
# ("a company founded with 14 people", "plans to launch").
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "csubj", "csubjpass", "parataxis", "conj"})

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})

PROPERTY_PREPS = frozenset({"of", "for", "in", "at", "from", "on"})

_STOP = frozenset({"the", "a", "an", "its", "their", "our", "his", "her", "this", "that", "these", "those"})

_NON_WORD = re.compile(r"[^\w\s-]|_")


@dataclass(frozen=True)
class Cues:
    """Every word list the rules use, read once from the data files."""

    forecast_aux: frozenset[str]
    forecast_verbs: frozenset[str]
    plan_verbs: frozenset[str]
    forecast_nouns: frozenset[str]
    plan_nouns: frozenset[str]
    negation: frozenset[str]
    attribution_verbs: frozenset[str]
    speaker_verbs: frozenset[str]  # speakers for the subject rules only: "He cited ..."
    time_roles: tuple[tuple[str, str], ...]
    role_day: str
    role_other: str
    role_by_reported: str
    vague_times: frozenset[str]
    underspecified: re.Pattern[str]
    set_per: dict[str, str]
    company_nouns: frozenset[str]
    member_nouns: frozenset[str]
    implicit_owner: frozenset[str]
    time_nouns: frozenset[str]
    rank_cues: frozenset[str]
    dateline: re.Pattern[str]
    baseline: re.Pattern[str]
    baseline_cue: re.Pattern[str]
    baseline_change_on: re.Pattern[str]
    baseline_compared_period: re.Pattern[str]
    third_person: frozenset[str]
    person_pronouns: frozenset[str]
    passing_preps: frozenset[str]
    object_subject_verbs: frozenset[str]
    recipient_verbs: frozenset[str]
    gathering_names: frozenset[str]
    object_control_verbs: frozenset[str]
    pronoun_place_labels: frozenset[str]
    country_owner: frozenset[str]
    measure_nouns: frozenset[str]
    of_owner_nouns: frozenset[str]
    share_verbs: frozenset[str]
    honorifics: frozenset[str]
    index_names: frozenset[str]
    index_properties: frozenset[str]
    commodity_nouns: frozenset[str]
    instrument_nouns: frozenset[str]
    instrument_price_nouns: frozenset[str]
    other_market_nouns: frozenset[str]
    price_nouns: frozenset[str]
    bid_nouns: frozenset[str]
    pricing_verbs: frozenset[str]
    response_verbs: frozenset[str]
    count_one_cues: frozenset[str]
    stake_nouns: frozenset[str]
    stake_buying_verbs: frozenset[str]
    share_deal_nouns: frozenset[str]
    deal_nouns: frozenset[str]  # the share deals included
    antecedent_nouns: frozenset[str]
    deal_making_verbs: frozenset[str]
    state_body_words: frozenset[str]
    legislature_words: frozenset[str]
    legislature_modifiers: frozenset[str]
    central_banks: tuple[str, ...]
    policy_rate_words: frozenset[str]
    rating_agency_words: tuple[str, ...]
    public_body_words: frozenset[str]
    regions: frozenset[str]
    region_demonyms: dict[str, str]
    company_figures: frozenset[str]
    national_modifiers: frozenset[str]
    country_nouns: frozenset[str]
    governing_state: dict[str, str]  # "England" -> "UK": whose government "the government" is
    product_nouns: frozenset[str]
    survey_nouns: frozenset[str]
    research_nouns: frozenset[str]
    respondent_nouns: frozenset[str]
    generic_subject_nouns: frozenset[str]
    spokesperson_nouns: frozenset[str]
    commentator_nouns: frozenset[str]
    issued_nouns: frozenset[str]
    dummy_it_passives: frozenset[str]
    selling_verbs: frozenset[str]
    selling_preps: frozenset[str]
    agent_action_nouns: frozenset[str]
    pointing_back_determiners: frozenset[str]
    person_role_nouns: frozenset[str]
    not_personal_surnames: frozenset[str]
    public_role_nouns: frozenset[str]
    survey_verbs: frozenset[str]
    opinion_verbs: frozenset[str]
    demonyms: dict[str, str]
    people_demonyms: dict[str, str]
    government_verbs: frozenset[str]
    market_move_verbs: frozenset[str]
    age_at_verbs: frozenset[str]
    age_at_range: tuple[int, int]
    relation_nouns: frozenset[str]
    group_nouns: frozenset[str]
    group_trade_verbs: frozenset[str]
    pointing_determiners: frozenset[str]
    manner_count_nouns: frozenset[str]
    money_market_nouns: frozenset[str]  # a money market report's "shortage", "surplus": the market's
    policy_nouns: frozenset[str]  # "the minimum wage is set at £4.85": a tax, benefit or limit owns its level
    claim_modifiers: frozenset[str]  # "a tax demand": a claim, no economy's demand
    death_verbs: frozenset[str]  # "died", "were killed": a toll is the place's or event's where they died
    demonym_folds: dict[str, str]  # {casefolded demonym: country}, the first spelling of a fold winning
    demonym_last_words: frozenset[str]  # "Lankan" of "Sri Lankan": a word that only ends a demonym
    state_nouns: frozenset[str]
    country_min: int
    place_preps: frozenset[str]
    world_words: frozenset[str]
    nation_words: frozenset[str]
    news_words: frozenset[str]
    partner_preps: frozenset[str]
    age_cues: frozenset[str]
    change_verbs: frozenset[str]
    age_pattern: re.Pattern[str]
    first_person: frozenset[str]
    first_person_min: int
    dominant_min: int
    subject_labels: frozenset[str]
    event_verbs: frozenset[str]
    event_needs_object: frozenset[str]
    count_units: frozenset[str]
    inherited_measures: frozenset[str]
    number_nouns: frozenset[str]
    uncounted_nouns: frozenset[str]
    people_properties: dict[str, str]
    unit_words: frozenset[str]
    inherit_sentences: int
    duration_verbs: frozenset[str]
    duration_change_verbs: frozenset[str]
    duration_nouns_not: frozenset[str]
    duration_lasting_verbs: frozenset[str]
    duration_spending_verbs: frozenset[str]
    duration_custody_verbs: frozenset[str]
    duration_custody_nouns: frozenset[str]
    duration_rate_nouns: frozenset[str]
    min_bare_value: float
    headline_max_words: int
    wire_dateline: re.Pattern[str]
    ticker_headline: re.Pattern[str]
    bracketed_headline: re.Pattern[str]
    name_stopwords: frozenset[str]
    generic_name_words: frozenset[str]
    company_suffix: re.Pattern[str]
    headline_verbs: frozenset[str]
    country_short_names: dict[str, tuple[str, ...]]
    dateline_regions: dict[str, str]  # case-folded region without its final period -> ISO code
    event_nouns: frozenset[str]
    due_words: frozenset[str]
    scaled_amount: re.Pattern[str]
    unit_names: dict[str, str]
    non_event_verbs: frozenset[str]
    security_dates: dict[str, str]
    minor_units: dict[str, str]
    per_share_after: re.Pattern[str]
    security_nouns: frozenset[str]
    debt_issue_words: frozenset[str]
    market_nouns: frozenset[str]
    object_property_preps: frozenset[str]


def _folds(demonyms: dict[str, str]) -> dict[str, str]:
    folded: dict[str, str] = {}
    for k, v in demonyms.items():
        folded.setdefault(k.casefold(), v)
    return folded


@functools.cache
def cues() -> Cues:
    """The cue words, loaded lazily once."""
    c, s, e = _read("facts_cues.json"), _read("facts_subjects.json"), _read("facts_events.json")
    d = _read("facts_document.json")
    money = currencies()
    m = c["modality"]
    return Cues(
        forecast_aux=frozenset(m["forecast_aux"]),
        forecast_verbs=frozenset(m["forecast_verbs"]),
        plan_verbs=frozenset(m["plan_verbs"]),
        forecast_nouns=frozenset(m["forecast_nouns"]),
        plan_nouns=frozenset(m["plan_nouns"]),
        negation=frozenset(m["negation_words"]),
        attribution_verbs=frozenset(c["attribution"]["verbs"]),
        speaker_verbs=frozenset(c["speaker_verbs"]),
        time_roles=tuple((cue, role) for cue, role in sorted(c["time_roles"], key=lambda r: -len(r[0]))),
        role_day=c["time_role_default"]["day"],
        role_other=c["time_role_default"]["other"],
        role_by_reported=c["time_role_default"]["by_when_reported"],
        vague_times=frozenset(c["vague_time_values"]),
        underspecified=re.compile(c["underspecified_time_pattern"]),
        set_per=dict(c["set_per"]),
        company_nouns=frozenset(s["company_nouns"]),
        member_nouns=frozenset(s["member_nouns"]),
        implicit_owner=frozenset(s["implicit_owner_nouns"]),
        time_nouns=frozenset(c["time_nouns"]),
        rank_cues=frozenset(c["rank_cues"]),
        dateline=re.compile(c["dateline_pattern"]),
        baseline=re.compile(c["baseline_before"]),
        baseline_cue=re.compile(c["baseline_between"], re.IGNORECASE),
        baseline_change_on=re.compile(c["baseline_change_on"]),
        baseline_compared_period=re.compile(c["baseline_compared_period"]),
        third_person=frozenset(s["third_person"]),
        person_pronouns=frozenset(s["person_pronouns"]),
        passing_preps=frozenset(s["passing_prepositions"]),
        object_subject_verbs=frozenset(s["object_subject_verbs"]),
        recipient_verbs=frozenset(s["recipient_verbs"]),
        gathering_names=frozenset(s["gathering_names"]),
        object_control_verbs=frozenset(s["object_control_verbs"]),
        pronoun_place_labels=frozenset(s["pronoun_place_labels"]),
        country_owner=frozenset(s["country_owner_nouns"]),
        measure_nouns=frozenset(s["measure_nouns"]),
        of_owner_nouns=frozenset(s["of_owner_nouns"]),
        share_verbs=frozenset(s["share_verbs"]),
        honorifics=frozenset(s["honorifics"]),
        index_names=frozenset(s["index_names"]),
        index_properties=frozenset(s["index_properties"]),
        commodity_nouns=frozenset(s["commodity_nouns"]),
        instrument_nouns=frozenset(s["instrument_nouns"]),
        instrument_price_nouns=frozenset(s["instrument_price_nouns"]),
        other_market_nouns=frozenset(s["other_market_nouns"]),
        price_nouns=frozenset(s["price_nouns"]),
        bid_nouns=frozenset(s["bid_nouns"]),
        pricing_verbs=frozenset(s["pricing_verbs"]),
        response_verbs=frozenset(s["response_verbs"]),
        count_one_cues=frozenset(s["count_one_cues"]),
        stake_nouns=frozenset(s["stake_nouns"]),
        stake_buying_verbs=frozenset(s["stake_buying_verbs"]),
        share_deal_nouns=frozenset(s["share_deal_nouns"]),
        deal_nouns=frozenset(s["share_deal_nouns"]) | frozenset(s["deal_nouns"]),
        antecedent_nouns=frozenset(s["antecedent_nouns"]),
        deal_making_verbs=frozenset(s["deal_making_verbs"]),
        state_body_words=frozenset(s["state_body_words"]),
        legislature_words=frozenset(s["legislature_words"]),
        legislature_modifiers=frozenset(s["legislature_modifiers"]),
        central_banks=tuple(s["central_banks"]),
        policy_rate_words=frozenset(s["policy_rate_words"]),
        rating_agency_words=tuple(s["rating_agency_words"]),
        public_body_words=frozenset(s["public_body_words"]),
        regions=frozenset(s["regions"]),
        region_demonyms=dict(s["region_demonyms"]),
        company_figures=frozenset(s["company_figures"]),
        national_modifiers=frozenset(s["national_modifiers"]),
        country_nouns=frozenset(s["country_nouns"]),
        governing_state=dict(s["governing_state"]),
        product_nouns=frozenset(s["product_nouns"]),
        survey_nouns=frozenset(s["survey_nouns"]),
        research_nouns=frozenset(s["research_nouns"]),
        respondent_nouns=frozenset(s["respondent_nouns"]),
        generic_subject_nouns=frozenset(s["generic_subject_nouns"]),
        spokesperson_nouns=frozenset(s["spokesperson_nouns"]),
        commentator_nouns=frozenset(s["commentator_nouns"]),
        issued_nouns=frozenset(s["issued_nouns"]),
        dummy_it_passives=frozenset(s["dummy_it_passives"]),
        selling_verbs=frozenset(s["selling_verbs"]),
        selling_preps=frozenset(s["selling_preps"]),
        agent_action_nouns=frozenset(s["agent_action_nouns"]),
        pointing_back_determiners=frozenset(s["pointing_back_determiners"]),
        person_role_nouns=frozenset(s["person_role_nouns"]),
        not_personal_surnames=frozenset(s["not_personal_surnames"]),
        public_role_nouns=frozenset(s["public_role_nouns"]),
        survey_verbs=frozenset(s["survey_verbs"]),
        opinion_verbs=frozenset(s["opinion_verbs"]),
        demonyms=dict(s["demonyms"]),
        people_demonyms=dict(s["people_demonyms"]),
        government_verbs=frozenset(s["government_verbs"]),
        market_move_verbs=frozenset(s["market_move_verbs"]),
        age_at_verbs=frozenset(s["age_at_verbs"]),
        age_at_range=tuple(s["age_at_range"]),
        relation_nouns=frozenset(s["relation_nouns"]),
        group_nouns=frozenset(s["group_nouns"]),
        group_trade_verbs=frozenset(s["group_trade_verbs"]),
        pointing_determiners=frozenset(s["pointing_determiners"]),
        manner_count_nouns=frozenset(s["manner_count_nouns"]),
        policy_nouns=frozenset(s["policy_nouns"]),
        claim_modifiers=frozenset(s["claim_modifiers"]),
        money_market_nouns=frozenset(s["money_market_nouns"]),
        death_verbs=frozenset(s["death_verbs"]),
        demonym_folds=_folds(s["demonyms"]),
        demonym_last_words=frozenset(k.split()[-1] for k in s["demonyms"] if " " in k) - set(s["demonyms"]),
        state_nouns=frozenset(s["state_nouns"]),
        country_min=int(s["country_owner_min_mentions"]),
        place_preps=frozenset(s["place_prepositions"]),
        world_words=frozenset(s["world_words"]),
        nation_words=frozenset(s["nation_words"]),
        news_words=frozenset(s["news_words"]),
        partner_preps=frozenset(s["partner_prepositions"]),
        age_cues=frozenset(e["age_cues"]),
        change_verbs=frozenset(c["change_verbs"]),
        age_pattern=re.compile(e["age_pattern"]),
        first_person=frozenset(s["first_person"]),
        first_person_min=int(s["first_person_min"]),
        dominant_min=int(s["dominant_min_mentions"]),
        subject_labels=frozenset(s["subject_labels"]),
        event_verbs=frozenset(e["event_verbs"]),
        event_needs_object=frozenset(e["event_requires_object_or_particle"]),
        count_units=frozenset(e["count_units"]),
        inherited_measures=frozenset(e["inherited_measures"]),
        number_nouns=frozenset(e["number_nouns"]),
        uncounted_nouns=frozenset(e["uncounted_nouns"]),
        people_properties=dict(e["people_properties"]),
        unit_words=frozenset(e["unit_words"]),
        inherit_sentences=int(e["unit_inherit_sentences"]),
        duration_verbs=frozenset(e["duration_verbs"]),
        duration_change_verbs=frozenset(e["duration_change_verbs"]),
        duration_nouns_not=frozenset(e["duration_nouns_not"]),
        duration_lasting_verbs=frozenset(e["duration_lasting_verbs"]),
        duration_spending_verbs=frozenset(e["duration_spending_verbs"]),
        duration_custody_verbs=frozenset(e["duration_custody_verbs"]),
        duration_custody_nouns=frozenset(e["duration_custody_nouns"]),
        duration_rate_nouns=frozenset(e["duration_rate_nouns"]),
        min_bare_value=float(e["min_bare_value"]),
        headline_max_words=int(d["headline_max_words"]),
        wire_dateline=re.compile(d["wire_dateline"]),
        ticker_headline=re.compile(d["ticker_headline"]),
        bracketed_headline=re.compile(d["bracketed_headline"]),
        name_stopwords=frozenset(d["name_stopwords"]),
        generic_name_words=frozenset(d["generic_name_words"]),
        company_suffix=re.compile(d["company_suffix"]),
        headline_verbs=frozenset(d["headline_verbs"]),
        country_short_names={k: tuple(v) for k, v in d["country_short_names"].items()},
        dateline_regions={r.casefold().rstrip("."): code for code, rs in d["dateline_regions"].items() for r in rs},
        event_nouns=frozenset(e["event_nouns"]),
        due_words=frozenset(e["due_words"]),
        scaled_amount=re.compile(e["scaled_amount"]),
        unit_names=dict(e["unit_names"]),
        non_event_verbs=frozenset(e["non_event_verbs"]),
        security_dates=dict(e["security_dates"]),
        minor_units=dict(money["minor_units"]),  # the quantities' rule file: one list of hundredths
        per_share_after=re.compile(c["per_share_after"], re.IGNORECASE),
        market_nouns=frozenset(s["market_nouns"]),
        security_nouns=frozenset(s["security_nouns"]),
        debt_issue_words=frozenset(s["debt_issue_words"]),
        object_property_preps=frozenset(s["object_property_preps"]),
    )
