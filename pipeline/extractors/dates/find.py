"""Temporal expressions of a Doc -> TIMEX3 values and calendar intervals (TempEval-3 style).

Candidates come from the grammar in ``grammar`` / ``timex`` (regexes over the text); the Doc adds
what text alone cannot tell: whether "May" is a verb, whether "2012" is part of an amount,
whether "a year" follows a price (a SET), and the tense that decides if a bare "Friday" or
"March" lies before or after the publication date. Overlaps keep the longest match.
The previous resolved date is carried along so "the next day" follows the narrative, and the
quarter just reported so "a year earlier" means that quarter a year before.
Speed: each pattern only runs within a short window around cue words of its anchor class
(a month name, a unit, a year-like number ...), so most of a text is never scanned.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...records import DateMention
from ..doccache import doc_text
from ..spans import TakenSpans
from . import timex
from .model import Pattern, ResolveContext, Timex
from .tense import clause_tense
from .timex import parse_published
from .words import lexicon
from .year_context import is_next_year, same_clause, shifted_value

RETRY_KINDS = ("set", "rel_unit", "offset", "rel_weekday", "rel_month", "year_span")
BASELINE_KINDS = ("unit_ago", "quarter_the", "offset", "rel_unit")  # may compare a figure with a year before
QUARTER_REACH = 1500  # characters after a quarter within which "a year earlier" means that quarter
AMOUNT_ENTS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
PREPOSITIONS_BEFORE_SEASON = {"in", "into", "during", "by", "since", "until", "through", "over", "for"}


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    priority: int
    pattern: Pattern
    match: re.Match[str]


TRIGGER_RADIUS = 70  # characters around a cue word within which the grammar is tried
STOPWORDS = {"a", "an", "the", "of", "at", "in", "so", "per", "each", "every", "this", "last", "day's"}


@functools.cache
def _trigger() -> tuple[re.Pattern[str], dict[str, frozenset[str]], re.Pattern[str]]:
    """Cue words by class (month, weekday, unit, season, part, holiday, set, cue) and the regex finding
    them with year-like numbers and clock times: every pattern contains one of its anchor classes.
    The third item is the same regex without the cue words (see ``_triggers``)."""
    lx = lexicon()
    classes: dict[str, set[str]] = {}

    def add(words, cls: str) -> None:
        for w in words:
            for part in re.findall(r"[a-z0-9]+", w.lower()):
                if part not in STOPWORDS and len(part) > 1:
                    classes.setdefault(part, set()).add(cls)

    add(lx["months"], "month")
    add(lx["weekdays"], "weekday")
    add(lx["units"], "unit")
    add(lx["seasons"], "season")
    add(lx["day_parts"], "part")
    # a holiday matches with its whole name, so the first word of each name is cue enough ("new" of
    # "new year's day"), not "day" or "year", which are everywhere and would widen its windows
    add([re.findall(r"[a-z0-9]+", h.lower())[0] for h in lx["holidays"]], "holiday")
    add([w for w in lx["sets"] if " " not in w] + [d + "s" for d in lx["weekdays"] if len(d) > 3], "set")
    add(list(lx["trigger_cues"]) + list(lx["deictic"]), "cue")
    body = "|".join(re.escape(w) for w in sorted(classes, key=len, reverse=True))
    head = rf"(?P<num>{lx['trigger_numbers']})|(?P<clock>{lx['trigger_clock']})"
    rx = re.compile(rf"(?<!\w)(?:{head}|(?P<word>(?i:{body})))(?!\w)")
    return rx, {k: frozenset(v) for k, v in classes.items()}, re.compile(rf"(?<!\w)(?:{head})(?!\w)")


_RUN = re.compile(r"\w+|['\u2019]")
_NUMBER_OR_CLOCK_START = "qQapo'\u2019"  # with digits: every first character of a number or clock cue


def _triggers(text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """(start, end, classes) of each cue: the matches of ``_trigger``'s regex, found faster.

    A match starts where no word character precedes, so only at the start of a run of word
    characters or at a quote. A cue word is a whole run (its letters are word characters and no
    word character may follow), so it is a dictionary look-up; numbers and clock times, tried
    first as in the regex, are matched by the smaller regex. Non-ASCII runs use the full regex.
    """
    rx, classes, number_or_clock = _trigger()
    end = 0
    for run in _RUN.finditer(text):
        pos = run.start()
        if pos < end:
            continue
        word = run.group()
        first = word[0]
        if first.isdigit() or first in _NUMBER_OR_CLOCK_START:
            m = number_or_clock.match(text, pos)
            if m is not None:
                end = m.end()
                yield pos, end, (m.lastgroup,)
                continue
        if not word.isascii():
            m = rx.match(text, pos)
            if m is not None:
                end = m.end()
                yield pos, end, (m.lastgroup,) if m.lastgroup != "word" else classes.get(m.group().lower(), ())
            continue
        kinds = classes.get(word.lower())
        if kinds is not None:
            end = run.end()
            yield pos, end, kinds


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per anchor class, the merged stretches of text around its cue words."""
    out: dict[str, list[list[int]]] = {}
    size = len(text)
    for start, end, kinds in _triggers(text):
        lo, hi = max(0, start - TRIGGER_RADIUS), min(size, end + TRIGGER_RADIUS)
        for k in kinds:
            spans = out.setdefault(k, [])
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
    return {k: [(a, b) for a, b in v] for k, v in out.items()}


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(a, b) for a, b in out]


# the non-ASCII letters that a case-insensitive regex matches to an ASCII one ("K" is "k")
_ASCII_FOLDS = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def _folded(text: str) -> str | None:
    """``text`` in lower case, offsets kept, for the ``needs`` check; None when lowering moves them."""
    low = text.lower() if text.isascii() else text.translate(_ASCII_FOLDS).lower()
    return low if len(low) == len(text) else None


def _candidates(text: str) -> Iterator[Candidate]:
    windows = _windows(text)
    folded = _folded(text)
    stretches: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # per anchor set: patterns share them
    for priority, pattern in enumerate(timex.patterns()):
        spans = stretches.get(pattern.anchors)
        if spans is None:
            spans = [w for a in pattern.anchors for w in windows.get(a, ())]
            spans = stretches[pattern.anchors] = _merge(spans) if len(pattern.anchors) > 1 else spans
        needs = pattern.needs if folded is not None else ()
        for lo, hi in spans:
            if needs and not any(folded.find(n, lo, hi) >= 0 for n in needs):
                continue  # every match holds one of these: a string search rules the window out
            for m in pattern.regex.finditer(text, lo, hi):
                if m.end() == hi < len(text):  # cut by the window's end: match again without it
                    m = pattern.regex.match(text, m.start(), min(len(text), hi + TRIGGER_RADIUS))
                if m is not None and m.end() > m.start():
                    yield Candidate(m.start(), m.end(), priority, pattern, m)


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _prev_token(doc: Doc, toks: list[Token]) -> Token | None:
    return doc[toks[0].i - 1] if toks and toks[0].i > 0 else None


def _next_token(doc: Doc, toks: list[Token]) -> Token | None:
    return doc[toks[-1].i + 1] if toks and toks[-1].i + 1 < len(doc) else None


def _is_amountish(tok: Token | None) -> bool:
    if tok is None:
        return False
    return tok.like_num or tok.is_currency or tok.ent_type_ in AMOUNT_ENTS or tok.lower_ in ("%", "percent")


@dataclass(frozen=True, slots=True)
class Seen:
    """A candidate with the tokens around it: what the rejection rules look at."""

    doc: Doc
    cand: Candidate
    groups: dict[str, str]
    toks: list[Token]
    prev: Token | None
    nxt: Token | None
    text: str


def _month_is_word(s: Seen) -> bool:
    """ "she may", "they march", "Smith March", "the annual March for Life"."""
    if s.cand.pattern.name != "date_month" or len(s.toks) > 2:
        return False
    tok, prev, nxt = s.toks[-1], s.prev, s.nxt
    if tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX") or tok.ent_type_ in ("PERSON", "ORG"):
        return True
    if tok.lower_ in lexicon()["months_that_are_words"] and prev is not None and prev.pos_ in ("PRON", "PROPN"):
        return True
    return prev is not None and prev.lower_ in ("the", "a", "an", "annual") and nxt is not None and nxt.pos_ == "ADP"


def _count_after_month(s: Seen) -> bool:
    """ "In April eight people died", "March three of them": a number word after a month is its day
    only when it counts nothing ("of record April eight", "on March nine") and the month is no verb."""
    if s.cand.pattern.name != "date_daycard":
        return False
    day = next((t for t in s.toks if t.idx >= s.cand.match.start("dayc")), None)
    month = s.toks[0] if s.cand.match.start("month") == s.cand.start else None
    if month is not None and (month.tag_ == "MD" or month.pos_ in ("VERB", "AUX")):
        return True
    if day is not None and day.dep_ == "nummod" and day.head.i > day.i:
        return True
    nxt = s.nxt  # "April eight people", "March three of the directors"
    return nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.like_num or nxt.lower_ == "of")


def _year_in_amount(s: Seen) -> bool:
    """ "$2012 million", "2012 people", "2,012", "3 2012": a number, not a year."""
    g = s.groups
    if s.cand.pattern.name != "date_year" or "fiscal" in g or "pre" in g or s.text.lower().startswith("the"):
        return False
    lx, prev, nxt = lexicon(), s.prev, s.nxt
    if prev is not None and (prev.text in lx["currency_marks"] or prev.is_currency or prev.like_num):
        return True
    if s.toks[-1].ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return True
    if nxt is not None and (nxt.lower_ in ("%", "percent") or nxt.lower_ in lx["year_noun_blockers"]):
        return True
    if prev is not None and (prev.tag_ in ("POS", "PRP$") or prev.lower_ == "the"):
        return False  # "the company's 2012 results", "its 2013 forecasts": a year that dates a noun
    if nxt is not None and nxt.lower_ in lx["year_dated_nouns"] and re.fullmatch(r"(?:19|20)\d\d", s.text):
        return False  # "the estimated 1986 results", "expects 1987 earnings to rise": dated, not counted
    return nxt is not None and nxt.tag_ == "NNS" and (prev is None or prev.pos_ != "ADP")


def _bare_season(s: Seen) -> bool:
    """ "fall" and "the spring" only count with a year, "last"/"this", or "in the"."""
    if s.cand.pattern.name != "season" or {"rel", "year", "pre"} & s.groups.keys():
        return False
    after_prep = s.prev is not None and s.prev.lower_ in PREPOSITIONS_BEFORE_SEASON
    return not (s.text.lower().startswith("the") and after_prep)


def _generic_deictic(s: Seen) -> bool:
    if s.cand.pattern.name != "deictic":
        return False
    if "deictic" in s.groups and timex._key(s.groups["deictic"]) in lexicon()["deictic_needs_context"]:
        return True
    return _generic(s.doc, s.toks, s.text)


def _not_a_rate(s: Seen) -> bool:
    """ "a year" is a SET only after an amount ("$5 a year", "four flights a week") or with "per"."""
    g = s.groups
    if s.cand.pattern.name != "set_freq" or "freq" in g or timex._key(g["per"]) == "per":
        return False
    return not (_is_amountish(s.prev) or (s.prev is not None and s.prev.tag_ == "NNS"))


def _title_case_unit(s: Seen) -> bool:
    """ "This Week", "Next Year", "60 Minutes": titles of shows and reports."""
    if "unit" not in s.groups or not s.groups["unit"][:1].isupper():
        return False
    if s.cand.pattern.kind == "rel_unit":
        return True
    return s.cand.pattern.kind == "duration" and not s.toks[0].is_sent_start


def _set_word_in_a_name(s: Seen) -> bool:
    """ "People's Daily", "the Daily Telegraph", "Business Weekly": a capitalised frequency word inside
    a name (mid-sentence, or before another capitalised name word) is a title, not a SET."""
    if s.cand.pattern.name != "set_word" or not s.text[:1].isupper():
        return False
    if not s.toks[0].is_sent_start:
        return True
    return s.nxt is not None and s.nxt.pos_ == "PROPN" and s.nxt.text[:1].isupper()


def _head_modifies_a_noun(s: Seen) -> bool:
    """ "a five-year term loan", "a 30-day period limit": the head noun ("term", "period") of an
    amount of time is itself a modifier, so only the amount ("five-year") is a TIMEX3."""
    if "durhead" not in s.groups or s.nxt is None:
        return False
    return s.nxt.pos_ in ("NOUN", "PROPN") and s.nxt.dep_ != "appos"


def _lower_holiday(s: Seen) -> bool:
    return s.cand.pattern.name == "holiday" and not s.groups["holiday"][:1].isupper()


def _odd_duration(s: Seen) -> bool:
    """ "a second attack", "three-quarters of", "years" with nothing around it."""
    g = s.groups
    if s.cand.pattern.kind == "duration" and "num" in g and "unit" in g:
        unit = timex._key(g["unit"])
        if unit in ("second", "sec", "min", "mo") and timex._key(g["num"]) in ("a", "an", "one"):
            return True
        if lexicon()["units"].get(unit) == "Q" and "drel" not in g and "uadj" not in g:
            return True  # "three quarters of", but "eight straight quarters" is a duration
    after_prep = s.prev is not None and s.prev.lower_ in ("for", "over", "within", "in", "after")
    return s.cand.pattern.name == "duration_bare" and "drel" not in g and not after_prep


def _weekday_name(s: Seen) -> bool:
    """ "Joe Friday": a weekday inside a person's name."""
    tok = s.toks[-1]
    return (
        s.cand.pattern.name == "weekday"
        and len(s.toks) == 1
        and tok.ent_type_ == "PERSON"
        and s.prev is not None
        and s.prev.pos_ == "PROPN"
    )


def _deictic_in_a_name(s: Seen) -> bool:
    """ "USA Today", "Radio Today": a capitalised "Today" right after a name, mid-sentence, is a title."""
    if s.cand.pattern.name != "deictic" or len(s.toks) != 1 or not s.text[:1].isupper():
        return False
    prev = s.prev
    return not s.toks[0].is_sent_start and prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper()


def _before_a_clause(s: Seen) -> bool:
    """ "the day before authorities issued a warrant": "before" opens a clause, not a narrative offset."""
    if s.cand.pattern.name != "narrative" or s.nxt is None:
        return False
    if not timex._key(s.groups.get("nrel", "")).endswith((" before", " after")):
        return False
    after = []
    for t in s.doc[s.nxt.i : s.nxt.i + 4]:
        if t.is_punct:
            break
        after.append(t)
    subject = any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") for t in after)
    return s.nxt.tag_ == "VBG" or subject


REJECT = (
    _month_is_word,
    _count_after_month,
    _before_a_clause,
    _year_in_amount,
    _bare_season,
    _generic_deictic,
    _not_a_rate,
    _title_case_unit,
    _set_word_in_a_name,
    _head_modifies_a_noun,
    _lower_holiday,
    _odd_duration,
    _weekday_name,
    _deictic_in_a_name,
)


def _valid(doc: Doc, c: Candidate) -> bool:
    """ResolveContext checks the grammar cannot make (each rule in REJECT says why a match is no date)."""
    toks = _tokens(doc, c.start, c.end)
    if not toks:
        return False
    seen = Seen(
        doc, c, timex.groups_of(c.match), toks, _prev_token(doc, toks), _next_token(doc, toks), c.match.group(0)
    )
    return not any(rule(seen) for rule in REJECT)


def _generic(doc: Doc, toks: list[Token], text: str) -> bool:
    """ "today's youth", "the future of our peoples": generic, not a point in time."""
    after = doc[toks[-1].i + 1 : toks[-1].i + 4]
    if text.lower() == "the future" and len(after) and after[0].lower_ == "of":
        return True
    if len(after) and after[0].tag_ == "POS":
        nouns = [t for t in after[1:] if t.pos_ in ("NOUN", "PROPN")]
        generic = set(lexicon()["generic_after_possessive"])
        return bool(nouns) and (nouns[0].tag_ == "NNS" or nouns[0].lemma_.lower() in generic)
    return False


def _extent(c: Candidate) -> int:
    """The length of the mention a candidate makes: its match less what ``_tight`` drops ("at least")."""
    start, end = _tight(c)
    return end - start


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Longest mention first, then grammar order; drop anything overlapping a kept span."""
    kept: list[Candidate] = []
    taken = TakenSpans()
    for c in sorted(cands, key=lambda c: (-_extent(c), c.priority, c.start)):
        if taken.hit(c.start, c.end):
            continue
        kept.append(c)
        taken.add(c.start, c.end)
    return sorted(kept, key=lambda c: c.start)


def _names_a_period(doc: Doc, c: Candidate) -> bool:
    """A month without a day that modifies a noun ("January's rate", "the January level", "the
    deficit for February") names the period a figure covers: a forecast about that figure does not
    put the month in the future; the month nearest the publication date is meant."""
    g = c.match.groupdict()
    if not g.get("month") or g.get("day") or g.get("dd"):
        return False
    toks = _tokens(doc, c.start, c.end)
    if not toks:
        return False
    root = toks[0].doc[toks[0].i : toks[-1].i + 1].root
    if root.dep_ in ("poss", "compound", "nmod") and root.head.pos_ == "NOUN":
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("for", "of") and root.head.head.pos_ == "NOUN"


def _needs_tense(c: Candidate) -> bool:
    g = c.match.groupdict()
    if c.pattern.kind in ("date", "time", "holiday", "quarter", "season"):
        return not (g.get("year") or g.get("yy") or g.get("yearw"))
    return False


_HYPHEN_ADJ = re.compile(r"(?i)(the|that|its)\s+(?:fiscal\s+)?[\w.]+-[a-z]+$")
# "the 11 September attacks": the article belongs to the noun after the date ("the 5th of May", "the
# 12th March" keep it)
_THE_BEFORE_DAY = re.compile(r"(?i:the)\s+(?=\d{1,2}\s+(?!(?i:of)\b))")


@functools.cache
def _leading_preposition() -> re.Pattern[str]:
    """ "at present", "at the moment": a preposition is a TimeML SIGNAL, never inside a TIMEX3."""
    words = "|".join(re.escape(w) for w in lexicon()["prepositions_outside_span"])
    return re.compile(rf"(?i:{words})\s+")


def _tight(c: Candidate) -> tuple[int, int]:
    """TempEval-3 extents: no "about"/"nearly" before an amount of time, no preposition ("over",
    "at present"), no determiner before a hyphenated adjective ("the 30-day", "the third-quarter")
    or before a day of the month that is not "the 5th of" ("the 11 September attacks")."""
    start, end = c.start, c.end
    m = c.match
    approx = m.groupdict().get("approx")
    # "about two years ago" stays whole: the approximator belongs to the point in time
    if approx is not None and m.start("approx") == start and c.pattern.kind != "offset":
        rest = m.string[m.end("approx") : end].lstrip()
        word = timex._key(approx)
        if word in lexicon()["approx_outside_span"] or re.match(r"(?i)the\s", rest):
            start = end - len(rest)
    text = m.string[start:end]
    if c.pattern.kind not in ("decade", "century") and "-" in text:
        h = _HYPHEN_ADJ.match(text)
        if h:
            start += _past_spaces(text, h.end(1))
    lead = _THE_BEFORE_DAY.match(m.string, start, end)
    if c.pattern.kind == "deictic":  # "at present", but "at least two weeks" keeps its modifier
        lead = _leading_preposition().match(m.string, start, end)
    if lead is not None and lead.end() < end:
        start = lead.end()
    return start, end


def _mention(c: Candidate, t: Timex, text: str) -> DateMention:
    start, end = _tight(c)
    return _timex_mention(text, start, end, t)


def _timex_mention(text: str, start: int, end: int, t: Timex) -> DateMention:
    """The mention of ``text[start:end]`` with the TIMEX3 ``t``."""
    return DateMention(
        start=start,
        end=end,
        text=text[start:end],
        type=t.type,
        value=t.value,
        mod=t.mod,
        start_date=t.start_date,
        end_date=t.end_date,
        anchor=t.anchor,
        quant=t.quant,
        freq=t.freq,
    )


def _range_ends(c: Candidate) -> tuple[str, str] | None:
    """The two named groups that end the halves of a range or coordination ("two to six days",
    "between three and five weeks", "the first and second quarters"), or None."""
    m = c.match
    g = m.groupdict()
    if g.get("qord2") is not None:
        return "qord", "qord2"
    if g.get("num2") is None or g.get("num") is None:
        return None
    joint = timex._key(m.string[m.end("num") : m.start("num2")])
    if joint == "to" or (joint == "and" and re.search(r"(?i)\bbetween\s+$", m.string[max(0, c.start - 10) : c.start])):
        return "num", "num2"
    return None  # "two or three weeks", "2-3 weeks": one vague amount


def _split(c: Candidate, mention: DateMention, context: ResolveContext) -> list[DateMention] | None:
    """TimeML gives each end of a range and each of two coordinated quarters a TIMEX3 of its own
    (TimeML Annotation Guidelines 1.2.1, 2.2: a range is two TIMEX3s joined by a TLINK, not one):
    "two to six days" -> "two" (P2D) and "six days" (P6D); "the first and second quarters of 2013"
    -> "first" (2013-Q1) and "second quarters of 2013" (2013-Q2). None when ``c`` is no such thing."""
    ends = _range_ends(c)
    if ends is None:
        return None
    head, tail = ends
    m = c.match
    g = timex.groups_of(m)
    tail_groups = {k: v for k, v in g.items() if k not in ("approx", "drel")}
    tail_groups[head] = g[tail]
    second = timex.resolve_groups(c.pattern, tail_groups, context)
    if second is None:
        return None
    text = m.string
    first_start = mention.start if head == "num" else m.start(head)
    first = dataclasses.replace(mention, start=first_start, end=m.end(head), text=text[first_start : m.end(head)])
    start, end = m.start(tail), mention.end
    return [first, _timex_mention(text, start, end, second)]


def _someday(doc: Doc, c: Candidate) -> bool:
    """ "Islam will one day be ...", "he hoped he one day wins ...": "one day" between the subject or a
    modal and its verb means some time to come (TimeML: FUTURE_REF), not a duration of a day."""
    if c.pattern.kind != "duration" or timex._key(c.match.group(0)) != "one day":
        return False
    toks = _tokens(doc, c.start, c.end)
    prev, nxt = _prev_token(doc, toks), _next_token(doc, toks)
    if prev is None or nxt is None:
        return False
    if prev.tag_ == "MD":
        return nxt.pos_ in ("VERB", "AUX") or nxt.tag_ == "RB"
    subject = prev.pos_ in ("PRON", "PROPN", "NOUN") and prev.dep_ in ("nsubj", "nsubjpass")
    return subject and nxt.tag_ in ("VB", "VBP", "VBZ")


def _past_spaces(text: str, i: int) -> int:
    """The offset of the first character at or after ``i`` that is not white space."""
    return i + len(text[i:]) - len(text[i:].lstrip())


def _last_is_a_verb(doc: Doc, c: Candidate) -> bool:
    """ "The hearings will probably last two or three days": a duration read with the verb "last" in
    front ("last two days" as "the last two days") starts after it."""
    if c.match.group(0)[:5].lower() != "last ":
        return False
    toks = _tokens(doc, c.start, c.end)
    return bool(toks) and toks[0].lower_ == "last" and toks[0].pos_ == "VERB"


def _over_is_a_preposition(doc: Doc, c: Candidate) -> bool:
    """ "evolved over several years", "phased in over seven months": "over" means during, not more than."""
    m = c.match
    approx = m.groupdict().get("approx")
    if approx is None or m.start("approx") != c.start or timex._key(approx) != "over":
        return False
    if "vague" in m.groupdict() and m.group("vague") is not None:
        return True  # "over several years" cannot be "more than several years"
    toks = _tokens(doc, c.start, c.end)
    prev = _prev_token(doc, toks)
    return (
        prev is not None
        and (prev.pos_ in ("VERB", "ADV", "PART") or prev.dep_ == "prt")
        and prev.lemma_.lower() not in lexicon()["over_means_more_after"]
    )


def _moves_narrative(t: Timex) -> bool:
    """Dates precise to a day (or month) become the anchor of "the next day" and its kind."""
    if t.type not in ("DATE", "TIME") or t.start_date is None or t.end_date is None or t.value in timex.REFS:
        return False
    return (t.end_date - t.start_date).days <= 366


def _current_quarter(t: Timex, ref) -> bool:
    """A quarter of the publication year (or the one just reported): what "a year earlier" compares to."""
    m = re.fullmatch(r"(\d{4})-Q[1-4]", t.value)
    if m is None or t.anchor == "previous":
        return False
    return ref is None or int(m.group(1)) in (ref.date.year, ref.date.year - 1 if ref.date.month <= 3 else -1)


COMPARISON_REACH = 80  # characters before "a year ago" within which "from"/"against" makes it a baseline


@functools.cache
def _scope_rx() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Cue phrases of a whole year ("full-year"), of a quarter, and of a comparison ("from", "against")."""
    lx = lexicon()

    def rx(words: list[str]) -> re.Pattern[str]:
        alts = (re.sub(r"(?:\\ |\\-)+", r"[\\s-]+", re.escape(w)) for w in sorted(words, key=len, reverse=True))
        return re.compile(r"(?i)(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")

    return rx(lx["year_scope_cues"]), rx(lx["quarter_scope_cues"]), rx(lx["comparison_cues"])


def _sentence_before(doc: Doc, text: str, start: int) -> str:
    """The text of the sentence around ``start`` up to it (without a parse: from the last full stop)."""
    toks = _tokens(doc, start, start + 1)
    if toks and doc.has_annotation("SENT_START"):
        return text[toks[0].sent.start_char : start]
    lo = max(0, start - 400)
    ends = list(re.finditer(r"[.!?]\s+(?=[A-Z\"'])", text[lo:start]))
    return text[lo + ends[-1].end() if ends else lo : start]


def _year_scope(before: str) -> bool:
    """ "Full-year profit rose ... from a year earlier", "For the year, ...": the sentence is about a
    whole year, not the quarter just reported (the nearest of the two cues before the date decides)."""
    year_rx, quarter_rx, _ = _scope_rx()
    years = [m.end() for m in year_rx.finditer(before)]
    quarters = [m.end() for m in quarter_rx.finditer(before)]
    return bool(years) and (not quarters or years[-1] > quarters[-1])


def _baseline(c: Candidate, before: str) -> bool:
    """A comparison baseline ("year-ago", "the same period", "from 3 mln a year earlier", "from 5 mln
    last year"): the figure it dates is compared against, so it is no anchor for the next "X earlier"."""
    kind, g = c.pattern.kind, c.match.groupdict()
    if kind == "unit_ago":
        return True
    if kind == "quarter_the":
        adj = timex._key(g.get("qadj") or "")
        return "year" in adj or adj in ("comparable", "same")
    lx = lexicon()
    if kind == "offset" and g.get("num") and g.get("dir"):
        back = lx["offset_directions"].get(timex._key(g["dir"]), 0) < 0
        one_back = back and timex._key(g["num"]) in ("a", "an", "one")
    elif kind == "rel_unit" and g.get("rel"):
        one_back = lx["relatives"].get(timex._key(g["rel"])) == -1
    else:
        return False
    return one_back and _scope_rx()[2].search(before[-COMPARISON_REACH:]) is not None


def _in_next_year(doc: Doc, c: Candidate, next_years: list[tuple[int, int]], ref) -> bool:
    """A month without a year ("in March") in the clause of a "next year" ("Next year's show will be
    held in March"): it is that year's month."""
    if ref is None or not next_years or c.pattern.kind != "date" or not c.match.groupdict().get("month"):
        return False
    return any(same_clause(doc, (c.start, c.end), span) for span in next_years)


def _into_next_year(t: Timex, ref) -> Timex:
    """``t`` (a month or day resolved into the publication year) moved into the next one."""
    if t.start_date is None or t.start_date.year != ref.date.year:
        return t
    value = shifted_value(t.value, ref.date.year + 1)
    if value is None:
        return t
    try:
        start, end = t.start_date.replace(year=ref.date.year + 1), t.end_date.replace(year=ref.date.year + 1)
    except ValueError:  # 29 February
        return t
    return dataclasses.replace(t, value=value, start_date=start, end_date=end)


def find_dates(doc: Doc, *, published: str | None) -> list[DateMention]:
    """Date/time/duration/set mentions of ``doc``, resolved against ``published`` (ISO, maybe partial)."""
    text = doc_text(doc)
    ref = parse_published(published)
    cands = [c for c in _candidates(text) if _valid(doc, c)]
    parsed = doc.has_annotation("DEP")
    out: list[DateMention] = []
    previous: Timex | None = None
    latest: Timex | None = None
    quarter: Timex | None = None
    quarter_end = -1
    by_start: dict[int, list[Candidate]] = {}
    for c in cands:
        by_start.setdefault(c.start, []).append(c)
    selected = _select(cands)
    next_years = [
        (c.start, c.end) for c in selected if c.pattern.kind == "rel_unit" and is_next_year(c.match.groupdict())
    ]
    for c in selected:
        # a schedule names a day or a time; "sales peak in the fourth quarter" states a habit
        schedule = c.pattern.kind != "quarter"
        tense = None
        if _needs_tense(c):
            toks = _tokens(doc, c.start, c.end)
            tense = clause_tense(doc, toks, c.start, parsed=parsed, text=text, schedule=schedule)
        period = tense != "past" and parsed and _names_a_period(doc, c)
        if period and tense == "future":
            tense = None  # "the January level is expected to ...": a figure's month, the closest one
        # "climb within the next year from January's record": a figure's month is not the next year's
        next_year = tense != "past" and parsed and not period and _in_next_year(doc, c, next_years, ref)
        near_quarter = quarter if quarter is not None and c.start - quarter_end < QUARTER_REACH else None
        before = _sentence_before(doc, text, c.start) if c.pattern.kind in BASELINE_KINDS else ""
        year_scope = near_quarter is not None and _year_scope(before)
        context = ResolveContext(ref, tense, previous, near_quarter, latest, year_scope)
        found = timex.resolve_match(c.pattern, c.match, context)
        if found is None and c.pattern.kind in RETRY_KINDS:  # another reading here ("a year": set -> duration)
            for alt in sorted(by_start[c.start], key=lambda a: (-(a.end - a.start), a.priority)):
                if alt is c or alt.end > c.end:
                    continue
                found = timex.resolve_match(alt.pattern, alt.match, context)
                if found is not None:
                    c = alt
                    break
        if found is None:
            continue
        if next_year:
            found = _into_next_year(found, ref)
        if _someday(doc, c):
            found = Timex("DATE", "FUTURE_REF", None, anchor=found.anchor)
        mention = _mention(c, found, text)
        if found.type == "DURATION" and _last_is_a_verb(doc, c):  # "will probably last two or three days"
            start = _past_spaces(text, c.start + 4)
            mention = dataclasses.replace(mention, start=start, text=text[start : mention.end])
        if _over_is_a_preposition(doc, c):
            start = _past_spaces(text, c.match.end("approx"))
            mention = dataclasses.replace(mention, start=start, text=text[start : mention.end], mod=None)
        out.extend(_split(c, mention, context) or (mention,))
        if _current_quarter(found, ref) and c.pattern.kind != "unit_ago":
            quarter = found
            quarter_end = c.end
        if _moves_narrative(found) and not _baseline(c, before):
            previous = found
        if found.type == "DATE" and found.start_date is not None and found.value not in timex.REFS:
            latest = found
    return out + _range_end_days(text, out)


# "the February 21 to 28 period", "March 1-10": the day that closes a range of days in one month
_RANGE_END = re.compile(
    r"(?:\s*[-\u2013]\s*|\s+(?:to|through|until|and)\s+)(\d{1,2})\b(?![.,]?\d|\s*(?:%|pct\b|per\b|percent\b|mln\b|bln\b|million\b|billion\b))"
)
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _range_end_days(text: str, found: list[DateMention]) -> list[DateMention]:
    """The closing day of a day range after a full date, as a date of its own (in the same month)."""
    out = []
    for m in found:
        if m.type != "DATE" or m.start_date is None or not _FULL_DAY.fullmatch(m.value) or not m.text[-1:].isdigit():
            continue
        match = _RANGE_END.match(text, m.end)
        day = int(match.group(1)) if match else 0
        if not m.start_date.day < day <= 31:
            continue
        try:
            end = m.start_date.replace(day=day)
        except ValueError:
            continue
        a, b = match.span(1)
        out.append(DateMention(a, b, text[a:b], "DATE", end.isoformat(), None, end, end, m.anchor))
    return out
