"""Ranks and ordinals ("fifth", "3rd", "No. 1", "top ten"), kept apart from amounts.

``find_ranks`` matches the rank grammar built from the number lexicon's ordinal and tens words,
skipping dates ("May 4th", "the third quarter"), fractions ("two thirds") and "second" as a unit
of time; each match becomes a ``RankMention`` with its number and kind (ordinal, rank or top).
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc

from ...records import RankMention
from ..doccache import doc_text
from . import numbers
from .context import _word_before, top_is_a_verb
from .tables import MONTHS, cues


@functools.cache
def _rank_regexes() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """The rank grammar, the date words that may not follow a rank, and the words a rank may start with."""
    lex = numbers.lexicon()
    ords = lex["ordinals"]
    word_ord = "|".join(sorted(ords, key=len, reverse=True))
    tens = "|".join(lex["tens"])
    pat = re.compile(
        rf"(?P<top>\btop[\s-]+(?P<topn>\d+|[a-z]+(?:-[a-z]+)?)\b)"
        rf"|(?P<no>(?:\bNo\.?|\bnumber|#)\s?(?P<non>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
        rf"|(?P<dig>(?<![\w.,])(?P<d>\d+)(?:st|nd|rd|th)\b)"
        rf"|(?P<wrd>\b(?:(?P<wt>{tens})[\s-])?(?P<w>{word_ord})\b)",
        re.I,
    )
    not_before = re.compile(r"[\s-]+(of\s+)?(" + "|".join(MONTHS + cues()["rank_not_before"]) + r")\b", re.I)
    first_words = frozenset(w.lower() for w in [*ords, *lex["tens"]])
    return pat, not_before, first_words


_RANK_START = re.compile(r"\w+|#")


def _rank_matches(text: str):
    """The matches of the rank grammar (as ``finditer`` gives them), trying only where one may start.

    Every alternative starts at a word boundary before a word character, or at "#", so only at
    the start of a run of word characters: one starting with a digit, "top", "no" or "number",
    or one that is a tens or ordinal word (the words are letters, so a whole run). Non-ASCII
    runs are always tried (case-insensitive matching folds some non-ASCII letters).
    """
    pat, _, first_words = _rank_regexes()
    end = 0
    for run in _RANK_START.finditer(text):
        pos = run.start()
        if pos < end:
            continue
        word = run.group()
        low = word.lower()
        maybe = word[0].isdigit() or low.startswith(("top", "no", "number", "#")) or low in first_words
        if not (maybe or not word.isascii()):
            continue
        m = pat.match(text, pos)
        if m is not None:
            end = m.end()
            yield m


def find_ranks(doc: Doc) -> list[RankMention]:
    """Ordinals and ranks ("fifth", "3rd", "No. 1", "top ten"), kept apart from amounts."""
    text = doc_text(doc)
    lex = numbers.lexicon()
    ords = lex["ordinals"]
    out: list[RankMention] = []
    not_before = _rank_regexes()[1]
    for m in _rank_matches(text):
        if m.group("top"):
            n = numbers.parse_number(m.group("topn"))
            if n is None or n != int(n) or n <= 0:
                continue
            if top_is_a_verb(text, m.start(), m.end()):
                continue  # "expects sales to top 500,000": an amount reached, no rank
            out.append(RankMention(m.start(), m.end(), m.group(), int(n), "top"))
        elif m.group("no"):
            if m.group().lower().startswith("number") and not m.group("non").isdigit():
                continue
            n = numbers.parse_number(m.group("non"))
            if n is None or (m.group().startswith("no") and not m.group().startswith("No")):
                continue
            out.append(RankMention(m.start(), m.end(), m.group(), int(n), "rank"))
        elif m.group("dig"):
            if _word_before(text, m.start()) in MONTHS or not_before.match(text[m.end() : m.end() + 15]):
                continue  # "May 4th", "4th of July", "the 3rd quarter": dates
            out.append(RankMention(m.start(), m.end(), m.group(), int(m.group("d")), "ordinal"))
        else:
            w = m.group("w").lower()
            pm = re.search(r"([A-Za-z]+)[ -]$", text[max(0, m.start() - 20) : m.start()])
            before = pm.group(1).lower() if pm else ""
            if w in lex["fractions"] and (before in ("a", "an", "one") or numbers.parse_number(before) is not None):
                continue  # "a fifth", "two thirds": fractions
            if w == "second" and (
                before in ("per", "one", "each", "every", "a", "split")
                or re.match(r"\s+(ago|later|earlier)\b", text[m.end() : m.end() + 10], re.I)
            ):
                continue  # the unit of time
            if not_before.match(text[m.end() : m.end() + 15]):
                continue  # "the second quarter", "the fourth of July": dates, not ranks
            if w not in ords or (m.group("wt") and m.group("wt").lower() not in lex["tens"]):
                continue  # a case-folding look-alike ("firſt" matches the pattern, not the word list)
            n = ords[w] + (lex["tens"][m.group("wt").lower()] if m.group("wt") else 0)
            out.append(RankMention(m.start(), m.end(), m.group(), int(n), "ordinal"))
    return out
