"""The values the dates code passes around: ``Timex`` (a resolved expression), ``Ref`` (the
reference date), ``Pattern`` (one compiled grammar rule) and ``ResolveContext`` (what a resolver may know
beyond the text). Every other dates module imports these; this one imports none of them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised temporal expression (no offsets): what ``resolve`` returns."""

    type: str
    value: str
    mod: str | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    anchor: str | None = None  # published | previous | None (absolute or duration)
    quant: str | None = None
    freq: str | None = None


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference date and how much of it is known (``published`` may be partial)."""

    date: dt.date
    granularity: str  # day | month | year


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    type: str
    kind: str
    regex: re.Pattern[str]
    anchors: tuple[str, ...] = ()  # cue classes one of which every match contains (see extractors.dates.find)
    needs: tuple[str, ...] = ()  # lower-case strings one of which every match contains (a quick check first)


@dataclass(frozen=True, slots=True)
class ResolveContext:
    """What the resolver may know beyond the text: reference, tense, the narrative's last date."""

    ref: Ref | None
    tense: str | None = None  # past | present | future | None
    previous: Timex | None = None
    quarter: Timex | None = None  # a quarter just mentioned: "a year earlier" then means that quarter
    latest: Timex | None = None  # the last calendar date of any size (a decade too): "the following decade"
    year_scope: bool = False  # the sentence is about a whole year ("full-year", "for the year"), not the
    # quarter just reported: "a year earlier" is then that quarter's year, a year back
