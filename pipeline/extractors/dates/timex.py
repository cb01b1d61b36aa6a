"""TIMEX3 normaliser: text of a temporal expression -> value, mod and calendar interval.

Pure functions with the reference date passed in explicitly. The grammar (regex templates with
named slots) lives in ``rules/dates_patterns.json`` and every word list in ``rules/dates_lexicon.json``;
``grammar`` fills the slots and compiles the patterns, the ``resolvers_*`` modules turn the named
groups into TIMEX3 values, and this module ties them together (``resolve``, ``resolve_match``).
``find`` runs the same compiled patterns over a spaCy Doc and adds context (tense, part of
speech, the previous date of the narrative).

Module layering (imports point down only): model <- words <- calendar_math <- values <-
resolvers_* <- resolvers <- grammar <- timex <- find. The names below are re-exported so callers
keep importing them from here.
"""

from __future__ import annotations

import datetime as dt
import re

from .calendar_math import interval
from .grammar import PATTERNS_PATH, groups_of, patterns
from .model import REFS, Pattern, Ref, ResolveContext, Timex
from .resolvers import RESOLVERS
from .values import duration_value
from .words import _key as _key  # re-exported: find.py reads ``timex._key``
from .words import lexicon, parse_number

__all__ = [
    "PATTERNS_PATH",
    "REFS",
    "RESOLVERS",
    "ResolveContext",
    "Pattern",
    "Ref",
    "Timex",
    "duration_value",
    "groups_of",
    "interval",
    "lexicon",
    "parse_number",
    "parse_published",
    "patterns",
    "resolve",
    "resolve_groups",
    "resolve_match",
]


def parse_published(published: str | None) -> Ref | None:
    """``2012-06-12`` / ``2012-06`` / ``2012`` (or a longer ISO timestamp) -> Ref; else None."""
    if not published:
        return None
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(published))
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            return Ref(dt.date(int(y), int(mo), int(d)), "day")
        if mo:
            return Ref(dt.date(int(y), int(mo), 1), "month")
        return Ref(dt.date(int(y), 1, 1), "year")
    except ValueError:
        return None


def resolve_match(pattern: Pattern, m: re.Match[str], context: ResolveContext) -> Timex | None:
    """Normalise one grammar match; None when it is not a valid temporal expression."""
    return resolve_groups(pattern, groups_of(m), context)


def resolve_groups(pattern: Pattern, groups: dict[str, str], context: ResolveContext) -> Timex | None:
    """Normalise the named groups of a match (maybe edited: one end of a range); None if invalid."""
    resolver = RESOLVERS[pattern.kind]  # every kind checked when the patterns were loaded
    try:
        return resolver(pattern, groups, context)
    except (KeyError, ValueError, IndexError, OverflowError):
        return None  # a slot value the word lists do not know, or an impossible date


def resolve(
    text: str,
    *,
    published: str | None,
    tense: str | None = None,
    previous: Timex | None = None,
) -> Timex | None:
    """Normalise a whole temporal expression (``text`` must match the grammar entirely).

    ``published`` is the reference date (ISO, maybe partial); ``tense`` (past | present |
    future) picks the direction of bare weekdays and months; ``previous`` is the narrative's
    last date, the anchor of "the next day" or "two weeks later".
    """
    context = ResolveContext(parse_published(published), tense, previous)
    text = text.strip()
    for pattern in patterns():
        m = pattern.regex.fullmatch(text)
        if m is None:
            continue
        found = resolve_match(pattern, m, context)
        if found is not None:
            return found
    return None
