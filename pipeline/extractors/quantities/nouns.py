"""The noun a bare number counts ("14 people" -> people), read from the spaCy parse.

``_counted_noun`` walks from the number over modifiers to the noun it counts (a plural or a
collective noun) and returns its lemma, or None without a parse (``TextContext.doc`` is None); the
small helpers say whether a plural or a singular noun follows a number ("1.2m workers", "the 486
chip").
"""

from __future__ import annotations

import re

from ..tokens import glued_hyphen
from . import numbers
from .context import TextContext, _token_at
from .number_atoms import MODEL_NUMBER
from .tables import cues, physical


def _plural_noun_after(text: str, pos: int, ctx: TextContext) -> bool:
    m = re.match(r" ([A-Za-z]+)", text[pos : pos + 30])
    if not m:
        return False
    if ctx.doc is not None:
        tok = _token_at(ctx.doc, pos + 1)
        return tok is not None and tok.tag_ in ("NNS", "NNPS")
    return m.group(1).endswith("s") and m.group(1).islower()


def _singular_noun_after(text: str, end: int, ctx: TextContext) -> bool:
    if ctx.doc is None or not re.match(r" [a-z]", text[end : end + 2]):
        return False
    tok = _token_at(ctx.doc, end + 1)
    if tok is None or tok.tag_ != "NN" or tok.idx != end + 1:
        return False
    # "230 telephone exchanges", "500 phone lines": the noun names what a plural noun after it is
    nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    return not (tok.dep_ == "compound" and nxt is not None and nxt.tag_ == "NNS" and tok.head == nxt)


def _is_one(text: str, pos: int) -> bool:
    m = re.search(r"(\S+)\s*$", text[max(0, pos - 30) : pos])
    return bool(m) and numbers.parse_number(m.group(1)) == 1


def _measure_at(doc, start: int) -> bool:
    """Digits at ``start`` followed by a physical unit word and then a noun ("60 kilo bags", "50 kg sacks"):
    the size of each thing counted, not the count."""
    tok = _token_at(doc, start) if doc is not None else None
    if tok is None or tok.idx != start or not tok.like_num or not tok.text[:1].isdigit() or tok.i + 2 >= len(doc):
        return False
    unit, noun = doc[tok.i + 1], doc[tok.i + 2]
    phy = physical()
    return unit.lower_ in phy["aliases"] and unit.lower_ not in phy["time_units"] and noun.pos_ == "NOUN"


def _plural_as_verb(t) -> bool:
    """ "5 million of its new Nintendo DS handheld consoles by March": a plural noun at the end of a noun phrase
    the tagger took for a verb ("consoles" as VBZ), after the phrase's modifiers and before a preposition or the
    sentence's end."""
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    return (
        t.tag_ == "VBZ"
        and t.dep_ in ("pobj", "dobj", "conj", "appos")  # a noun's place in the parse, not "3,000 staff works"
        and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in t.children)
        and t.i > 0
        and t.is_lower
        and t.text.endswith("s")
        and doc[t.i - 1].pos_ in ("NOUN", "ADJ", "PROPN")
        and (nxt is None or nxt.pos_ in ("ADP", "PUNCT"))
    )


def _counted_noun(text: str, pos: int, ctx: TextContext) -> tuple[str, int, str] | None:
    """Lemma of the noun a bare number counts ("14 people" -> people) and where it ends."""
    doc = ctx.doc
    if doc is None:
        return None
    m = re.match(r"[\s-]{0,2}", text[pos:])
    if m.group().count("\n") > 1:
        return None  # nothing is counted across a paragraph break
    start = pos + m.end()
    if m.end() and text[start : start + 1] in ('"', "\u201c") and text[start + 1 : start + 2].isalpha():
        start += 1  # 178 "sound recordings": a quoted noun phrase is still what is counted
    # "1.4 mln 60 kilo bags": the bags' size, then the bags (the token is looked up only after a digit)
    measure = text[start : start + 1].isdigit() and _measure_at(ctx.doc, start)
    if start >= len(text) or not (
        text[start].isalpha() or measure or re.match(r"\d+[A-Za-z]+\b|" + MODEL_NUMBER, text[start : start + 40])
    ):
        return None  # a word, or a code that modifies the noun ("five 2D side-scrolling levels", "300 747 jets",
        # "six million 330ml cans")
    tok = _token_at(doc, start)
    if tok is None or tok.idx != start:
        return None
    if tok.lower_ in cues()["multiplier_words"]:
        return None  # "9 times earnings": a multiple, nothing counted
    best = None
    compound_start: dict[int, int] = {}  # a counted noun written with hyphens: where its first part starts
    i = tok.i
    while i < len(doc) and i < tok.i + 6:
        t = doc[i]
        last = _glued_compound_end(doc, i)
        if (
            last > i and doc[last].pos_ == "NOUN"
        ):  # "phishing e-mails", "300 co-workers": one word, its last part counts
            compound_start[last] = t.idx
            i = last
            t = doc[i]
        if (
            ((t.pos_ == "NOUN" or t.tag_ == "NNPS") and t.is_alpha)
            or _acronym_plural(t)
            or (t.i > tok.i and _plural_as_verb(t))
        ):
            best = t  # "14 people", "12 Americans", "14 Liberal MPs", "40 A300s"
        elif (
            (t.pos_ in ("ADJ", "PROPN", "VERB") and t.tag_ in ("JJ", "NNP", "NNPS", "VBN", "VBG", "JJR", "JJS"))
            or (t.pos_ == "ADV" and t.tag_ == "RB" and t.i + 1 < len(doc) and doc[t.i + 1].pos_ in ("ADJ", "VERB"))
            or (t.pos_ == "NUM" and t.i > tok.i and doc[t.i - 1].pos_ == "PROPN")  # "PlayStation 5 consoles"
            or (t.i > tok.i + 1 and _model_series_part(t))  # "70 Boeing 737-800 planes"
            or (t.i == tok.i and _model_code(t, text))  # "200 A320 jets", "300 747 jets"
            or (t.i == tok.i and re.fullmatch(r"\d+[A-Za-z]+", t.text))  # "six million 330ml cans"
            or (measure and t.i in (tok.i, tok.i + 1))  # "1.4 mln 60 kilo bags"
            or (  # "10 737-800 planes": the rest of the model code, glued to it
                t.i > tok.i and _model_code(tok, text) and t.idx == doc[t.i - 1].idx + len(doc[t.i - 1].text)
            )
            or (  # "three top-class players": a hyphen inside a compound modifier
                t.tag_ == "HYPH"
                and t.i > tok.i
                and t.idx == doc[t.i - 1].idx + len(doc[t.i - 1].text)
                and t.i + 1 < len(doc)
                and doc[t.i + 1].idx == t.idx + 1
                and doc[t.i + 1].is_alpha
            )
            or (  # "240 civil and military aerospace firms"
                t.pos_ == "CCONJ"
                and t.i > tok.i
                and doc[t.i - 1].tag_ in ("JJ", "NN")  # "council and housing association tenants"
                and t.i + 1 < len(doc)
                and doc[t.i + 1].pos_ in ("ADJ", "NOUN", "PROPN")
            )
        ):
            if best is not None and _common_plural(best):
                break
        else:
            break
        i += 1
        # a singular noun ("monetizable daily active users") or a proper plural ("Dataproducts common
        # shares") may only modify the noun that is counted
        nxt = doc[i] if i < len(doc) else None
        if best is not None and _common_plural(best) and (nxt is None or nxt.pos_ != "NOUN"):
            break
        if best is not None and best.tag_ == "NNPS" and (nxt is None or nxt.pos_ not in ("NOUN", "ADJ", "PROPN")):
            break
    if best is None:
        return None
    lemma = best.text[:-1].lower() if _acronym_plural(best) else best.lemma_.lower()
    if best.tag_ == "NNPS" and lemma == best.lower_ and lemma.endswith("ies"):
        lemma = lemma[:-3] + "y"  # "Subsidiaries" -> "subsidiary"
    elif best.tag_ == "NNPS" and lemma == best.lower_ and lemma.endswith("s"):
        lemma = lemma[:-1]  # the lemmatizer leaves proper plurals alone: "Americans" -> "american"
    if lemma in cues()["not_counted"]:
        return None
    if (
        not (_common_plural(best) or best.tag_ == "NNPS")
        and lemma not in cues()["collective_nouns"]
        and not _is_one(text, pos)
    ):
        return None  # "a magnitude 6.1 earthquake": a singular noun is described, not counted
    if lemma in cues()["rate_nouns"] and lemma in ("year", "month", "week", "day", "hour", "minute", "second"):
        return None
    first = compound_start.get(best.i, best.idx)
    end = best.idx + len(best.text)
    return text[first : best.idx].lower() + lemma, end, text[first:end]


def _model_series_part(t) -> bool:
    """The hyphen or the series of a model number after a name, glued together: "-" or "800" of "Boeing
    737-800"."""
    doc = t.doc
    if t.i < 2 or t.idx != doc[t.i - 1].idx + len(doc[t.i - 1].text):
        return False
    if t.tag_ == "HYPH":
        return doc[t.i - 1].pos_ == "NUM" and doc[t.i - 2].pos_ == "PROPN"
    return t.pos_ == "NUM" and doc[t.i - 1].tag_ == "HYPH" and t.i >= 3 and doc[t.i - 3].pos_ == "PROPN"


def _glued_compound_end(doc, i: int) -> int:
    """The last token of a word written with hyphens and no spaces that starts at token ``i``
    ("e-mails" is "e", "-", "mails" to the tokenizer; "T-shirts"), else ``i``."""
    j = i
    while j + 2 < len(doc) and doc[j].is_alpha and glued_hyphen(doc, j + 1) and doc[j + 2].is_alpha:
        j += 2
    return j


def _model_code(t, text: str) -> bool:
    """ "A320", "747", "MD-80": a model code (capitals and digits, or three digits) naming what is counted."""
    code = re.fullmatch(r"[A-Z]{1,3}-?\d{2,4}[A-Z]{0,2}", t.text)
    return bool(code or re.match(MODEL_NUMBER, text[t.idx : t.idx + 40]))


def _acronym_plural(t) -> bool:
    """ "MPs", "PCs", "A300s": the small tagger often calls an acronym's plural a singular noun."""
    return bool(re.fullmatch(r"[A-Z][A-Z0-9-]*[A-Z0-9]s", t.text))


def _common_plural(t) -> bool:
    return t.tag_ == "NNS" or _acronym_plural(t) or _plural_as_verb(t)
