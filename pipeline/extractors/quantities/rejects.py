"""Numbers that are not amounts: the rules that drop a piece before it becomes a quantity.

``_zones`` and ``_score_zones`` mark spans of digits with no amount (times, phone numbers,
versions, URLs, scores); ``_rejected`` drops a piece inside one, a number glued to letters (IDs,
model names, ordinals), years, labels ("page 3"), model names and versions (also a model number
after a count: "300 747 jets"), street numbers, the pronoun "one" and idioms, number words inside
names, and parts of dates.
"""

from __future__ import annotations

import functools
import re

from . import numbers
from .context import TextContext, _token_at, _word_before, top_is_a_verb
from .nouns import _counted_noun, _singular_noun_after
from .number_atoms import MODEL_NUMBER
from .pieces import _Piece
from .tables import MONTHS, _regexes, _time_units, cues, currencies


def _rejected(text: str, p: _Piece, zones: list[tuple[int, int]], ctx: TextContext) -> bool:
    """Numbers that are not amounts: IDs, model names, labels, years, scores, ordinals."""
    if _glued(text, p, zones) or _compound_ordinal(text, p) or _glued_b_code(text, p, ctx):
        return True
    if p.kind in ("number", "count") or p.unit in _time_units():
        return _label_or_name(text, p, ctx) or _code_date_or_idiom(text, p, ctx)
    return False


_ORDINAL_AFTER_TENS = re.compile(
    r"[-\u2010\u2011 ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.I
)


def _compound_ordinal(text: str, p: _Piece) -> bool:
    """A tens word that begins an ordinal ("twenty-first", "thirty second"): a rank, not an amount."""
    last = p.num.atoms[-1]
    return (
        last.kind == "word"
        and last.text.lower() in numbers.lexicon()["tens"]
        and _ORDINAL_AFTER_TENS.match(text, last.end) is not None
    )


def _glued(text: str, p: _Piece, zones: list[tuple[int, int]]) -> bool:
    """A number inside a zone, or glued to letters or digits: IDs, model names, codes."""
    num = p.num
    s, e = num.start, num.end
    if any(a < e and s < b for a, b in zones):
        return True
    before = text[max(0, s - 2) : s]
    after = text[e : e + 2]
    # letters glued to the number: IDs, model names, ordinals, decades ("A380", "5G", "4th", "1990s")
    if before[-1:].isalpha() and p.start == s:
        return True
    if before[-1:] in ("-", "\u2013") and before[:1].isalpha() and p.start == s:
        return True  # SCP-173, COVID-19, F-150
    if after[:1].isalpha() and p.end == e and num.has_digits and num.atoms[-1].kind != "word":
        return True
    if num.atoms[-1].text == "G" and p.start == s and text[e - 2 : e - 1].isdigit():
        nxt = re.match(r"\s+([A-Za-z]+)", text[e : e + 20])  # "2.5G technology", "2.5G and 3G": a generation
        if nxt is not None and nxt.group(1).lower() in cues()["generation_nouns"]:
            return True
    if re.match(r"\d", after[:1]) or (after[:1] in ".," and after[1:2].isdigit() and not _comma_list(text, e)):
        return True
    return bool(p.end == e and re.match(r"-[A-Za-z]+\d", text[e : e + 6]))  # 123-ABC4: a code


def _glued_b_code(text: str, p: _Piece, ctx: TextContext) -> bool:
    """ "an 802.11b wireless card", "a 1500b packet": a number glued to a lower-case "b" that modifies a noun
    after it names a standard or a code; as money ("$1.5b") or alone ("sales of 1.2b") it is a billion."""
    num = p.num
    if num.atoms[-1].text != "b" or p.kind == "currency" or not text[num.end - 2 : num.end - 1].isdigit():
        return False
    tok = _token_at(ctx.doc, num.start) if ctx.doc is not None else None
    return tok is not None and tok.head.i > tok.i


_COMMA_LIST = re.compile(r"\d{1,2}(?:,\d{1,2}){2,}")


def _comma_list(text: str, end: int) -> bool:
    """The number ending at ``end`` is an item of a list written without spaces ("sizes 8,10,12"):
    three or more items of one or two digits, which no thousands grouping or decimal comma reads."""
    start = end
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] == ","):
        start -= 1
    stop = end
    while stop < len(text) and (text[stop].isdigit() or text[stop] == ","):
        stop += 1
    run = text[start:stop].strip(",")
    return _COMMA_LIST.fullmatch(run) is not None and not re.match(r"\.\d", text[stop : stop + 2])


def _label_or_name(text: str, p: _Piece, ctx: TextContext) -> bool:
    """A bare number that labels or names something: "page 3", "May 4", a year, "iPhone 5", "one-time"."""
    num = p.num
    e = num.end
    words = num.text.lower()
    wb = _word_before(text, p.start)
    if _label_before(text, p):
        return True
    if text[max(0, p.start - 2) : p.start].strip() == "#":
        return True
    if wb in MONTHS and num.plain_integer and num.value <= 31:
        return True  # "May 4": a date part
    lo, hi = cues()["year_range"]
    year_like = num.plain_integer and len(num.text) == 4 and lo <= num.value <= hi
    if year_like and not _regexes()["bound_before"].search(text[max(0, p.start - 25) : p.start]):
        return True  # a year ("more than 2000 people" keeps its bound, and its number)
    if num.plain_integer and _model_name_before(text, p.start, ctx):
        return True
    if words in ("one",) and _pronoun_one(text, p, ctx):
        return True
    idiom = re.match(r"-([a-z]+(?:-[a-z]+)*)", text[e : e + 20])
    if num.has_words and idiom and idiom.group(1) in cues()["hyphen_idioms"]:
        return True  # "one-time", "two-way", "four-star": adjectives, not amounts
    if idiom and idiom.group(1) in cues()["name_suffixes"]:
        return True  # "486-based machines": a model name
    if num.plain_integer and _street_address_after(text, e):
        return True  # "469 Vermont St."
    if _model_after_count(text, p):
        return True  # "300 747 jets", "two 747s": a model number after the count, not 747 jets
    if num.plain_integer and _model_series(text, p, ctx):
        return True  # "70 Boeing 737-800 planes", "the 737-800 had": a model and its series, no range
    if num.plain_integer and num.value >= 100 and _singular_noun_after(text, e, ctx):
        return True  # "the 486 chip", "a 747 jet": a model number, not 486 chips
    if num.plain_integer and _after_the(text, p.start, ctx) and _name_like_number(text, p, ctx):
        return True  # "the 486 is Intel's flagship", "the new 777 in Seattle": a model used as a name
    return _name_word_number(text, p, ctx)  # "Radio Five Live", "the Six Nations": a capitalised number word in a name


def _model_after_count(text: str, p: _Piece) -> bool:
    """A three-digit model number ("747", ``MODEL_NUMBER``) right after a count: "300 747 jets",
    and the series number glued to it ("800" in "10 737-800 planes")."""
    num = p.num
    if not (num.plain_integer and p.start == num.start and p.end == num.end):
        return False
    model = num.start
    if re.search(r"(?<![\w.,])\d{3}-$", text[max(0, model - 5) : model]):
        model -= 4  # "737-800": the series after the model number
    elif len(num.text) != 3:
        return False
    if not re.match(MODEL_NUMBER, text[model : model + 40]):
        return False
    count = re.search(r"(?:^|[^\w.,])(\d{1,3}|[A-Za-z]+(?:-[A-Za-z]+)?) $", text[max(0, model - 20) : model])
    return count is not None and numbers.parse_number(count.group(1)) is not None


# "737-800", "747-400", "777-200LR": a three-digit model number and its series glued by a hyphen
_SERIES = re.compile(r"(?<![\w.,-])(\d{3})-(\d{3})(?:[A-Z]{1,3})?(?![\w-]|[.,]\d)")


def _model_series(text: str, p: _Piece, ctx: TextContext) -> bool:
    """Either number of a model number with its series ("737-800") that a name precedes ("Boeing 737-800
    planes") or that "the" makes a name of ("the 737-800 had", "the new 747-400."): neither is an amount,
    nor are the two a range ("70 Boeing 737-800 planes" counts 70 planes)."""
    m = _SERIES.match(text, p.num.start) or (_SERIES.match(text, p.num.start - 4) if p.num.start >= 4 else None)
    if m is None or p.num.start not in (m.start(1), m.start(2)):
        return False
    if _model_name_before(text, m.start(1), ctx):
        return True
    if not _after_the(text, m.start(1), ctx) or ctx.doc is None:
        return False
    span = ctx.doc.char_span(m.start(1), m.end(2), alignment_mode="expand")
    if span is None or span.end >= len(ctx.doc):
        return span is not None
    nxt = ctx.doc[span.end]
    return nxt.pos_ in ("VERB", "AUX") or (nxt.is_punct and nxt.text in ".;,") or nxt.tag_ == "POS"


def _clock_time(digits: str) -> bool:
    """Four digits that read as hours and minutes ("1315", "2359")."""
    return len(digits) == 4 and int(digits[:2]) <= 23 and int(digits[2:]) <= 59


# a time zone after a number (the dates lexicon's zones, written in capitals)
_ZONE_AFTER = re.compile(
    r"\s*(?:hrs\s+|hours\s+)?(?:E|C|M|P)[SD]T\b|\s*(?:hrs\s+|hours\s+)?(?:GMT|UTC|BST|CES?T|ET|PT)\b"
)


def _code_date_or_idiom(text: str, p: _Piece, ctx: TextContext) -> bool:
    """A bare number that is a code, a version, part of a date or an idiom: "0800", "Opera 8.0", "2003-04"."""
    num = p.num
    s, e = num.start, num.end
    words = num.text.lower()
    wb = _word_before(text, p.start)
    if num.plain_integer and p.end == e and text[e : e + 1] == ")" and text[:s].count("(") <= text[:s].count(")"):
        return True  # "1) If ...": a list marker, not an amount
    if num.plain_integer and len(num.text) >= 3 and num.text.startswith("0"):
        return True  # "050505", "0800": a code, not an amount
    if num.plain_integer and p.end == e and _clock_time(num.text) and _ZONE_AFTER.match(text, e):
        return True  # "from 0900 to 1315 CST": a time of day on a 24-hour clock
    if num.plain_integer and re.search(r"(?:^|\s)0\d{2,}(?: \d{2,})* $", text[max(0, s - 30) : s]):
        return True  # "0800 028 9276": the later groups of a phone number
    if wb in cues()["possessives"] and p.end == e and _counted_noun(text, p.end, ctx) is None:
        return True  # "got into their 22": a named area or shirt number, nothing counted
    if wb in ("a", "an") and p.end == e and _singular_noun_after(text, e, ctx):
        return True  # "a 6 figure salary", "an 18 certificate": the number describes the noun
    if not num.plain_integer and re.fullmatch(r"\d{1,2}\.\d", num.text) and _model_name_before(text, s, ctx):
        return True  # "Opera 8.0", "Windows 3.1": a version
    if num.plain_integer and p.end == e and re.match(r"['\u2019]s\b", text[e : e + 3]):
        return True  # "the 7610's functions", "2004's total": a name or a year owns something
    if num.has_words and not num.has_digits and re.match(r"-[a-z]+ed\b", text[e : e + 20]):
        return True  # "three-cornered", "two-pronged": an adjective, not an amount
    if text[max(0, s - 2) : s] == "&#":
        return True  # "&#227;": an HTML character reference
    two_digits = num.plain_integer and len(num.text) == 2
    if (
        num.plain_integer
        and len(num.text) <= 2
        and re.search(r"\b(?:1[89]|20)\d\d[-/\u2013]$", text[max(0, s - 5) : s])
    ):
        return True  # "2003-04": the second year of a span
    if two_digits and re.search(r"(?:^|\s|\b[A-Z][a-z]{2}\.?)['\u2019]$", text[max(0, s - 5) : s]):
        return True  # "class of '83", a table's "Feb'87" column: a year
    if wb == "last" and p.kind == "number" and _counted_noun(text, p.end, ctx) is None:
        return True  # "in the last four": a stage of a contest, not an amount
    if num.plain_integer and num.value <= 31 and _date_range_after(text, e):
        return True  # "from 6 to 9 January": the first day of a date range
    if words == "one" and _one_idiom(text, p, ctx):
        return True  # "one thing ... another", "One is a Jamaican": a pronoun or an idiom
    last = num.atoms[-1].text.lower()
    if last in ("half", "halves", "quarter", "quarters") and wb in cues()["fraction_not_after"]:
        return True  # "the first half of 2012", "the first two quarters": periods
    if re.fullmatch(r"(a|an|one)[\s-]+(third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|quarter)", words):
        nxt = re.match(r"\s+([A-Za-z]+)", text[e : e + 20])
        if nxt and nxt.group(1).lower() not in cues()["after_fraction_ok"]:
            return True  # "a third straight quarter", "a quarter century": an ordinal or a period
    return False


def _name_like_number(text: str, p: _Piece, ctx: TextContext) -> bool:
    """A bare number after "the" followed by a verb or the end of a clause, with nothing counted."""
    if ctx.doc is None or p.num.value < 100:
        return False
    span = ctx.doc.char_span(p.num.start, p.num.end, alignment_mode="expand")
    if span is None or span.end >= len(ctx.doc):
        return False
    nxt = ctx.doc[span.end]
    return (
        nxt.pos_ in ("VERB", "AUX")
        or (nxt.is_punct and nxt.text in ".;")
        or (nxt.pos_ == "ADP" and nxt.lower_ not in ("of", "than"))
    )


def _after_the(text: str, pos: int, ctx: TextContext) -> bool:
    """ "the 486", "the new 777": the definite article, perhaps with one adjective, names the number."""
    if _word_before(text, pos) == "the":
        return True
    if ctx.doc is None:
        return False
    tok = _token_at(ctx.doc, pos)
    return (
        tok is not None
        and tok.i >= 2
        and ctx.doc[tok.i - 1].pos_ == "ADJ"
        and ctx.doc[tok.i - 2].lower_ == "the"
        and ctx.doc[tok.i - 1].lower_ not in cues()["bound_before"]
    )


# "MOSCOW, March 16 -", "LAS VEGAS, Nev., March 17 -", "TOKYO (Reuters) -": a wire dateline, after which
# the first sentence starts
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Z.'/ -]*[A-Z.](?:,[^\n\u2013\u2014-]{0,40})?"
    r"\s*(?:\([A-Za-z .&'-]{2,30}\))?\s*[-\u2013\u2014]+$"
)


def _sentence_start(text: str, pos: int, ctx: TextContext) -> bool:
    left = text[:pos].rstrip(" \u00a0\"'\u201c\u2018(")
    if not left or left[-1] in ".!?:;\n":
        return True
    if left[-1] in "-\u2013\u2014" and _DATELINE_BEFORE.search(left[-90:]):
        return True  # "MOSCOW, March 16 - Seventeen people were killed"
    tok = _token_at(ctx.doc, pos) if ctx.doc is not None else None
    return tok is not None and tok.is_sent_start


def _name_word_number(text: str, p: _Piece, ctx: TextContext) -> bool:
    """A capitalised number word mid-sentence (BBC headlines are in sentence case) is part of a name."""
    num = p.num
    if num.has_digits or not num.text[:1].isupper() or p.start != num.start or p.end != num.end:
        return False
    # mid-sentence, only a name capitalises a number word ("Sport on Five", "Radio Five Live")
    return not _sentence_start(text, num.start, ctx)


def _date_range_after(text: str, end: int) -> bool:
    months = "|".join(MONTHS)
    rx = rf"\s*(?:-|\u2013|to|and|or|until|till|through)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{months})\b"
    return bool(re.match(rx, text[end : end + 30], re.I))


def _one_idiom(text: str, p: _Piece, ctx: TextContext) -> bool:
    """ "one thing", "one way" (nouns that are not counted), or "one" as the subject of a verb."""
    nxt = re.match(r"\s+([A-Za-z]+)", text[p.end : p.end + 20])
    if nxt and nxt.group(1).lower() in cues()["not_counted"]:
        return True
    clause = re.match(r"[^.;!?]*", text[p.end : p.end + 200]).group()
    if re.search(r"\b(?:another|the other|the next)\b", clause, re.I):
        return True  # "one after another", "rain one moment and sunshine the next": a contrast
    if ctx.doc is None:
        return False
    tok = _token_at(ctx.doc, p.num.start)
    if tok is None:
        return False
    nxt_tok = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    prev = ctx.doc[tok.i - 1] if tok.i > 0 else None
    if (
        p.end == p.num.end
        and prev is not None
        and prev.tag_ in ("VB", "VBP", "VBZ", "VBD", "VBG", "VBN")
        and (nxt_tok is None or nxt_tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"))
    ):
        return True  # "you need an iPod to create one or ...": the object pronoun
    return nxt_tok is not None and nxt_tok.tag_ in ("VBZ", "VBD", "MD") and nxt_tok.lower_ not in ("'s",)


def _label_before(text: str, p: _Piece) -> bool:
    """ "page 3", "junctions 10 and 11": a label word names the number (and the list after it)."""
    if p.num.scale is not None or re.search(r"[,;:)]\s*$", text[max(0, p.start - 3) : p.start]):
        return False  # "that year, 4.1 million robots": a comma or a scale word ends the label
    wb = _word_before(text, p.start)
    if wb == "top" and top_is_a_verb(text, text.rfind("top", max(0, p.start - 12), p.start), p.num.end):
        return False  # "expects sales to top 500,000": the verb, no label
    return wb in cues()["label_words"] or wb.rstrip(".") in cues()["label_words"]


@functools.cache
def _street_regex() -> re.Pattern:
    suffixes = "|".join(re.escape(x) for x in cues()["street_suffixes"])
    return re.compile(rf" (?:[A-Z][a-z]+ ){{1,3}}(?:{suffixes})(?![A-Za-z])")


def _street_address_after(text: str, end: int) -> bool:
    return bool(_street_regex().match(text[end : end + 50]))


def _model_name_before(text: str, pos: int, ctx: TextContext) -> bool:
    """ "iPhone 5", "Mi 2", "Windows 10": a capitalised name right before a bare number."""
    m = re.search(r"([A-Za-z][A-Za-z0-9]*)[ \u00a0]$", text[max(0, pos - 25) : pos])
    if not m:
        return False
    w = m.group(1)
    if (
        w.lower() in MONTHS
        or w.lower() in cues()["bound_before"]
        or w.isupper()
        and len(w) <= 4
        and w in (currencies()["codes"])
    ):
        return False
    if not (w[0].isupper() or any(c.isupper() for c in w[1:])):
        return False
    wstart = pos - len(m.group())
    if ctx.doc is not None:
        tok = _token_at(ctx.doc, wstart)
        return not (tok is not None and (tok.is_sent_start or tok.pos_ not in ("PROPN", "NOUN", "X")))
    line_start = text.rfind(".", 0, wstart)
    return text[line_start + 1 : wstart].strip() != ""


def _pronoun_one(text: str, p: _Piece, ctx: TextContext) -> bool:
    wb = _word_before(text, p.start)
    if wb in cues()["not_one_before"]:
        return True
    if re.match(r"\s+(of|another|by)\b", text[p.end : p.end + 10], re.I):
        return True
    if ctx.doc is not None:
        tok = _token_at(ctx.doc, p.num.start)
        if tok is not None and tok.pos_ not in ("NUM",):
            return True
        if tok is not None and tok.i > 0 and ctx.doc[tok.i - 1].pos_ in ("ADJ", "DET"):
            return True  # "the black one"
    return False


_ZONE_START = re.compile(r"(?m:^)|(?<!\w)(?=\d)|(?=[(+])")


def _zones(text: str) -> list[tuple[int, int]]:
    """Spans of the "zones" regex (as ``finditer`` finds them), tried only where a zone may start.

    Apart from URLs and e-mail addresses, every zone starts at a digit after a non-word
    character, at "(" or "+", or at the start of a line; a text with no "@", "http" or "www."
    has no URL or address, so only those places are tried.
    """
    rx = _regexes()["zones"]
    low = text.lower()
    if "@" in text or "http" in low or "www." in low:
        return [(m.start(), m.end()) for m in rx.finditer(text) if not _wire_fraction(m.group())]
    out = []
    end = 0
    for c in _ZONE_START.finditer(text):
        pos = c.start()
        if pos < end:
            continue
        m = rx.match(text, pos)
        if m is not None:
            end = m.end()
            if not _wire_fraction(m.group()):
                out.append((pos, end))
    return out


_WIRE_FRACTION = re.compile(r"\d{1,2}-(\d{1,2})/(2|4|8|16|32|64)")


def _wire_fraction(zone: str) -> bool:
    """ "10-15/16", "10-13/16": a whole number and a fraction in eighths, sixteenths ..., as the wires
    write rates and prices, not a code or a date like "10-15-16"."""
    m = _WIRE_FRACTION.fullmatch(zone)
    return m is not None and int(m.group(1)) < int(m.group(2))


def _won_set(pair: re.Match) -> bool:
    """ "6-3", "7-5": a set won, six or seven games to fewer."""
    won, lost = int(pair.group(1)), int(pair.group(2))
    return won in (6, 7) and lost < won


def _score_zones(text: str) -> list[tuple[int, int]]:
    """ "won 3-1", "a 2-0 victory": small number pairs in a sentence that talks about a match."""
    out = []
    ctx_words = set(cues()["score_context"])
    # "12-3/8" is a wire-style mixed number, not a score ("(?!/\d)")
    rx = r"(?<![\d.,$£€])(\d{1,3})\s?[-\u2013](\d{1,3})(?![\d%A-Za-z/]|[.,]\d|\s?(?:%|per\b|percent))"
    pairs = list(re.finditer(rx, text))
    for i, m in enumerate(pairs):
        a, b = int(m.group(1)), int(m.group(2))
        window = re.findall(r"[a-z-]+", text[max(0, m.start() - 80) : m.end() + 40].lower())
        if a < b:
            # "3-5" reads as a range; a score or a vote puts the larger side first, except in a
            # run of set scores in match copy ("lost 1-6, 4-6", "won 3-6 6-2")
            beside = [
                pairs[j]
                for j in (i - 1, i + 1)
                if 0 <= j < len(pairs)
                and re.fullmatch(r"[\s,()]{0,3}", text[min(m.end(), pairs[j].end()) : max(m.start(), pairs[j].start())])
            ]
            # "came through 6-3 3-6 6-3": a lost set next to a won one (not a list of ranges, "3-6, 4-7")
            set_score = b in (6, 7) and any(_won_set(n) for n in beside)
            if beside and (set_score or ctx_words.intersection(window)):
                out.append((m.start(), m.end()))
            continue
        out.append((m.start(), m.end()))
    return out
