"""A month without a year in a clause about next year: "Next year's show will be held in March" means
March of next year, not the coming March of this one.

Only a month whose clause (the verb it hangs on) is the clause of the "next year" expression counts:
"Sales rose in March and it expects growth next year" keeps this year's March.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .words import _key, lexicon

_CLAUSE_POS = ("VERB", "AUX")
_MODIFIER_DEPS = ("amod", "appos", "acl", "relcl")  # "the model, due next year, ...": a clause of its own


def is_next_year(groups: dict[str, str]) -> bool:
    """The groups of a relative year one ahead ("next year", "Next year's")."""
    rel, unit = groups.get("rel"), groups.get("unit")
    return rel is not None and unit is not None and _key(unit) == "year" and lexicon()["relatives"].get(_key(rel)) == 1


def clause_verb(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (the sentence root when none is above it); an adjective
    modifying a noun ("due next year") heads a clause of its own."""
    seen = 0
    while tok.pos_ not in _CLAUSE_POS and tok.head.i != tok.i and seen < 40:
        if tok.pos_ == "ADJ" and tok.dep_ in _MODIFIER_DEPS:
            break
        tok = tok.head
        seen += 1
    return tok


def same_clause(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether the character spans ``a`` and ``b`` hang on the same verb of one sentence."""
    sa = doc.char_span(*a, alignment_mode="expand")
    sb = doc.char_span(*b, alignment_mode="expand")
    if sa is None or sb is None or sa.root.sent.start != sb.root.sent.start:
        return False
    return clause_verb(sa.root).i == clause_verb(sb.root).i


_YEAR_MONTH = re.compile(r"(\d{4})(-\d\d(?:-\d\d)?)")


def shifted_value(value: str, year: int) -> str | None:
    """``value`` ("1987-03", "1987-03-08") moved into ``year``; None when it is no month or day."""
    m = _YEAR_MONTH.fullmatch(value)
    return None if m is None else f"{year:04d}{m.group(2)}"
