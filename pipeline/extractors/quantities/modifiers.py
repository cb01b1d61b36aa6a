"""What the words around an amount say about it: its bound, its change and its rate.

``_bound`` reads a cue such as "more than" or "or more" (">", ">=", "~"; "=" when there is none),
``_change`` a verb before the amount or a noun after it ("rose 20%", "a 3% rise", "20 pct increases";
not a margin: "lost by two points") and
``_change_from_parse`` the verb governing the amount in the parse; ``_per`` reads a rate after it
("a year", "per head", "annually") and ``_unit_rate`` the rate a unit carries ("bpd": a day).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .tables import _key, _match_after, _regexes, cues, physical, pint_name


def _bound(text: str, start: int, end: int) -> tuple[str, int, int]:
    """(bound, start, end) with the cue's extent; "=" when there is none."""
    rx = _regexes()
    left = text[max(0, start - 25) : start]
    m = rx["bound_before"].search(left)
    if m:
        cue = re.sub(r"[\s-]+", " ", m.group().strip().lower())
        return cues()["bound_before"][cue], start - (len(left) - m.start()), end
    m = rx["bound_after"].match(text[end : end + 15])
    if m:
        cue = re.sub(r"[\s-]+", " ", m.group().strip().lower())
        if cue == "+" and m.start() != 0:
            return "=", start, end
        return cues()["bound_after"][cue], start, end + m.end()
    return "=", start, end


def _change(text: str, start: int, end: int, kind: str) -> str | None:
    """up/down from a verb just before ("rose 20%", "fell by about 3m") or a noun just after."""
    c = cues()
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 60) : start])
    by = False
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        lw = words[k].lower()
        if lw == "off" and k and words[k - 1].lower() in c["change_off_after"]:
            return "down"  # wire copy: "production was off 11 pct"
        if by and lw in c["margin_verbs"]:
            return None  # "lost by two points", "won by three goals": a margin, not a change
        if lw == "up" and k and words[k - 1].lower() in c["up_particle_verbs"]:
            return None  # "make up one in 13 pupils", "signed up 300,000 customers": a phrasal verb's particle
        if lw in c["change_before"]:
            return c["change_before"][lw]
        if (kind != "currency" or by) and lw in c["change_before_not_money"]:
            return c["change_before_not_money"][lw]  # "lost 5%" is a change, "lost $5m" a loss
        if lw not in c["change_skip"]:
            break
        by = by or lw == "by"
    m = re.match(r"\s*([A-Za-z]+)", text[end : end + 20])
    if m and m.group(1).lower() in c["change_after"]:
        return c["change_after"][m.group(1).lower()]
    if m and kind in ("percent", "currency", "dimension") and m.group(1).lower() in c["change_after_plural"]:
        return c["change_after_plural"][m.group(1).lower()]  # "20 pct increases"; "three rises" counts events
    return None


def _change_from_parse(doc: Doc | None, start: int, end: int, kind: str) -> str | None:
    """The verb governing the amount directly or through "by": "cut its rate by 0.25 points"."""
    if doc is None or not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    c = cues()
    by = False
    for _ in range(3):
        head = tok.head
        if head == tok:
            return None
        if tok.dep_ == "pobj" and head.lower_ != "by":
            return None  # "rose to 10%", "from $3": levels, not changes
        by = by or (tok.dep_ == "pobj" and head.lower_ == "by")
        if by and head.lower_ in c["margin_verbs"]:
            return None  # "lose by only two points": a margin
        if tok.dep_ not in ("dobj", "npadvmod", "advmod", "pobj", "prep", "nummod", "quantmod", "compound"):
            return None  # "2,000 protesters rallied": the subject is not the change
        if head.pos_ in ("VERB", "AUX"):
            lemma = head.lower_
            money_changed = kind != "currency" or by  # "raised $2m" is money raised; "raised it by 5 cents" a change
            table = {**c["change_before"], **(c["change_before_not_money"] if money_changed else {})}
            return table.get(lemma)
        tok = head
    return None


def _per(text: str, end: int) -> str | None:
    c = cues()
    rest = text[end : end + 40]
    m = re.match(r"\s*(?:-|\s)?((?:an|a|per|each|every)(?![A-Za-z])|/)[\s-]*([A-Za-z]+)(?:\s+([A-Za-z]+))?", rest, re.I)
    if m:
        noun = m.group(2).lower()
        nxt = (m.group(3) or "").lower()
        base = noun[:-1] if noun.endswith("s") and noun[:-1] in c["rate_nouns"] else noun
        if base in c["rate_nouns"] and nxt not in c["rate_not_before"]:
            return c["rate_nouns"][base]
        unit = _per_unit(rest[m.start(2) :], m.group(1).lower() in ("a", "an"))
        if unit is not None:
            return unit  # "$12 per sq m", "$85/barrel", "$450 a square foot": the rate's base is a unit
        if m.group(1).lower() == "per" and base.isalpha() and base not in ("cent",):
            return base
    m = re.match(r"\s*(annually|yearly|per annum|monthly|weekly|daily|hourly|nightly)\b", rest, re.I)
    if m:
        return c["rate_words"][m.group(1).lower()]
    return None


def _per_unit(rest: str, after_article: bool) -> str | None:
    """pint's name of a physical unit at the start of ``rest`` (the base of a rate), or None.

    Time units are left to the rate nouns ("a year" is the period ``year``); after "a"/"an" a bare
    symbol such as "ft" or "mi" is too weak to be a unit.
    """
    phy = physical()
    m = _match_after("unit_ci", rest)
    if not m or m.start() != 0 or rest[:1].isspace():
        return None
    key = _key(phy["aliases"], m.group().strip().strip("-").strip())
    expr = phy["aliases"].get(key)
    if expr is None or expr in phy["time_units"] or (after_article and key in phy["needs_digits"]):
        return None
    return pint_name(expr)


def _unit_rate(unit_text: str | None) -> str | None:
    """The rate a unit abbreviation carries: "1.2 mln bpd" is barrels per day, as "barrels a day" is."""
    return physical()["unit_rates"].get((unit_text or "").lower())
