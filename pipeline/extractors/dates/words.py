"""The word lists of ``rules/dates_lexicon.json`` and the small parsers of words that use them:
the lookup key of a matched phrase, number words ("twenty-four") and years in words ("nineteen
eighty-four").
"""

from __future__ import annotations

import functools
import re

from ..quantities import numbers
from .schema import load


@functools.cache
def lexicon() -> dict:
    """The word lists (loaded once)."""
    return load("dates_lexicon.json")


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def parse_number(text: str) -> float | None:
    """'twenty-four' -> 24, '1,000' -> 1000, 'half a' -> 0.5, 'a couple of' -> 2; None if vague.

    The date grammar's own number words ("a couple of", "half a", "a") come from the lexicon; every
    other number is read by the one number parser of the package (``quantities.numbers``).
    """
    t = _key(text).replace("-", " ")
    if not t:
        return None
    half = re.fullmatch(r"(.+?)\s+and\s+a\s+half", t)
    if half:
        head = parse_number(half.group(1))
        return None if head is None else head + 0.5
    lx = lexicon()
    if t in lx["numbers"]:
        return float(lx["numbers"][t])
    if re.fullmatch(r"\d+,\d+", t) and not re.fullmatch(r"\d{1,3}(,\d{3})+", t):  # European decimal comma
        return float(t.replace(",", "."))
    value = numbers.parse_number(t)
    return value or None


def _year_from_words(text: str) -> int | None:
    t = _key(text).replace("-", " ").split()
    lx = lexicon()["numbers"]
    if t[:2] == ["two", "thousand"]:
        rest = [w for w in t[2:] if w != "and"]
        return 2000 + int(sum(lx.get(w, 0) for w in rest))
    head = lx.get(t[0])
    if head is None:
        return None
    rest = [w for w in t[1:] if w not in ("hundred", "and", "oh")]
    return int(head) * 100 + int(sum(lx.get(w, 0) for w in rest))
