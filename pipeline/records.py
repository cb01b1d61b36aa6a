"""Typed records passed between the stages.

Every extractor returns these frozen dataclasses; nothing downstream sees a spaCy ``Doc``.
Character offsets in mention records are relative to the text the extractor was given
(one part of an article); ``pipeline.extractors`` shifts them into ``Article.text`` offsets.
This module imports nothing from the rest of the package.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

PART_NAMES = ("title", "body", "comment", "boilerplate")
EXTRACTED_PARTS = ("title", "body", "comment")
M = TypeVar("M")


@dataclass(frozen=True, slots=True)
class Part:
    """A character range of ``Article.text`` with its role on the page."""

    name: str  # one of PART_NAMES
    start: int
    end: int
    index: int = 0  # comment number within the article (0 for non-comments)


@dataclass(frozen=True, slots=True)
class Article:
    """One ingested document: verbatim text plus where each part of it lies."""

    doc_id: str
    source_path: str
    text: str
    title: str | None
    published: str | None  # ISO date, possibly partial: "2012-06-12", "2012-06", "2012"
    published_source: str | None  # record | manifest | html | dateline | None
    parts: tuple[Part, ...]
    text_sha256: str
    url: str | None = None
    source: str | None = None
    published_note: str | None = None  # why published is what it is (or why it is missing)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A TIMEX3-normalised temporal expression."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2012-06-12, 2012-W23, P5Y, PRESENT_REF, XXXX-04-06 ...
    mod: str | None = None  # START MID END APPROX BEFORE AFTER MORE_THAN LESS_THAN ...
    start_date: dt.date | None = None  # resolved calendar interval (inclusive), None if none
    end_date: dt.date | None = None
    anchor: str | None = None  # what a relative value was resolved against: published | previous | None
    quant: str | None = None  # TIMEX3 quant for SETs ("EVERY")
    freq: str | None = None  # TIMEX3 freq for SETs ("2X")


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """An amount an analyst can sum: value (or range), unit, bound, change and rate."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None  # upper end of a range, else None
    unit: str = "dimensionless"  # ISO 4217 code, "percent", pint unit name, or counted noun lemma
    unit_text: str | None = None  # the unit as written ("$", "NT$", "km", "units")
    bound: str = "="  # = ~ > < >= <=
    change: str | None = None  # up | down for "rose 20%", "fell by 3 million"
    per: str | None = None  # rate period: year | month | week | day | hour ...
    kind: str = "number"  # number | currency | percent | dimension | count
    currency_assumed: bool = False  # True when the currency came from context, not the text
    vague: bool = False  # "hundreds of", "dozens of"
    value_base: float | None = None  # a physical amount in pint's base units ("3 miles" -> 4828.032)
    unit_base: str | None = None  # those base units ("meter"), so amounts in km and miles can be summed


@dataclass(frozen=True, slots=True)
class RankMention:
    """Ordinals and ranks ("fifth", "No. 1", "top ten"): kept apart from amounts."""

    start: int
    end: int
    text: str
    rank: int
    kind: str = "ordinal"  # ordinal | rank | top


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named-entity mention; ``entity_key`` groups mentions of one entity in a document."""

    start: int
    end: int
    text: str
    label: str  # PERSON ORG GPE LOC PRODUCT NORP EVENT ...
    canonical_name: str
    entity_key: str  # document-independent key, e.g. "ORG:xiaomi"


@dataclass(frozen=True, slots=True)
class Fact:
    """A measured or dated statement: subject, predicate, amount, time, provenance."""

    sentence_start: int
    sentence_end: int
    sentence: str
    subject: str | None
    predicate: str  # governing verb lemma or property phrase
    property_key: str  # normalised predicate for grouping
    subject_key: str | None = None  # entity_key of the subject
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    bound: str | None = None
    per: str | None = None
    change: str | None = None
    time_value: str | None = None  # TIMEX3 value of the attached date
    time_mod: str | None = None
    time_role: str | None = None  # as_of | by | on | in | since | range | at | reported_on
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    modality: str = "reported"  # reported | forecast | plan | negated
    negated: bool = False
    attribution: str | None = None  # "according to reports", "Lei said"
    quantity_span: tuple[int, int] | None = None  # offsets of the quantity mention it came from
    date_span: tuple[int, int] | None = None
    subject_span: tuple[int, int] | None = None
    sources: tuple[tuple[int, int], ...] = field(default_factory=tuple)  # sentence spans stating it
    subject_source: str | None = None  # which rule or scored candidate gave the subject


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """Why one file, record or document could not be processed (a row of the errors table)."""

    doc_id: str | None
    path: str
    stage: str  # ingest | extract | export
    error_type: str  # empty | binary | encoding | too_large | bad_record | bad_date | ...
    message: str


@dataclass(frozen=True, slots=True)
class Found(Generic[M]):
    """A mention with its provenance: the part it came from and its sentence (article offsets)."""

    part: Part
    sentence: tuple[int, int]
    mention: M


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """Everything found in one article; offsets index ``article.text``."""

    article: Article
    dates: tuple[Found[DateMention], ...] = ()
    quantities: tuple[Found[QuantityMention], ...] = ()
    ranks: tuple[Found[RankMention], ...] = ()
    entities: tuple[Found[EntityMention], ...] = ()
    facts: tuple[Found[Fact], ...] = ()
    words: int = 0
