"""Numbers written in digits, words or both -> floats (pure text functions, no spaCy).

``parse_number`` reads one whole expression ("seven million", "1.2bn", "two-thirds", "a quarter
of a million", "-4/5", "3 million and a half") and returns None for anything it cannot read
completely, so the scanner can take the *longest* prefix that parses: that is how "423 0000"
stays two numbers while "two thousand and two hundred" is one. Word lists live in
``data/quantities_numbers.json``; nothing here knows about units or context.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .schema import load


@functools.cache
def lexicon() -> dict:
    """The number-word tables (loaded once)."""
    return load("quantities_numbers.json")


@dataclass(frozen=True, slots=True)
class Atom:
    """One lexical piece of a number expression with its character offsets."""

    kind: str  # num | slash | ufrac | word | sym
    text: str
    start: int
    end: int
    value: float | None = None


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number found in running text: offsets, value and how it was written."""

    start: int
    end: int
    text: str
    value: float
    atoms: tuple[Atom, ...]

    @property
    def has_digits(self) -> bool:
        return any(a.kind in ("num", "slash") for a in self.atoms)

    @property
    def has_words(self) -> bool:
        return any(a.kind == "word" for a in self.atoms)

    @property
    def plain_integer(self) -> bool:
        """Digits only, no separators, no words: the shape of years, IDs and model numbers."""
        return len(self.atoms) == 1 and self.atoms[0].kind == "num" and self.atoms[0].text.isdigit()

    @property
    def scale(self) -> float | None:
        """The last scale word or suffix used ("million" in "3.2 million"), for range propagation."""
        for a in reversed(self.atoms):
            s = _scale_of(a, attached=True)
            if s:
                return s
        return None


_GROUP_SEP = "[,\u202f\u00a0\u2009 ]"
_NUM = (
    r"(?<![\d.,/])(?:"
    r"\d+ \. \d+(?![\d.,/])"  # 6 . 2: a decimal split by Penn Treebank tokenization (no prose spaces a point)
    r"|\d+/\d+(?![\d/])"  # slash fraction
    r"|\d+(?:\.\d+)?(?:\s?[x\u00d7]\s?10)?\^[+-]*\d+"  # 1.3x10^6, 2.5^-1
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"  # 1,234,567.89
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])"  # 12,34,567.89 (lakh grouping)
    r"|\d{1,3}(?:[\u202f\u00a0\u2009 ]\d{3})+(?:\.\d+)?(?![\d,]|\.\d)"  # 1 234 567
    r"|\d+(?:\.\d+)?(?:[eE][+-]?\d+(?![A-Za-z]))?"  # 12.5, 1e10
    r"|\.\d+"  # .25
    r")"
)
_ATOM_RE = re.compile(rf"(?P<num>{_NUM})|(?P<word>[A-Za-z]+)|(?P<sym>\S)")


def _literal_value(raw: str) -> float:
    """Digits to float: separators dropped; "a^b" and "a x 10^b" powers evaluated."""
    if "^" in raw:
        base, exp = raw.split("^")
        sign = -1 if exp.count("-") % 2 else 1
        e = sign * int(exp.lstrip("+-"))
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s?[x\u00d7]\s?10", base)
        if m:
            return float(m.group(1)) * 10.0**e
        return float(base) ** e
    return float(re.sub(_GROUP_SEP, "", raw))


def tokenize(text: str, offset: int = 0) -> list[Atom]:
    """Split text into number-relevant atoms (digits, words, single symbols) with offsets."""
    return [_atom(m, offset) for m in _ATOM_RE.finditer(text)]


def _atom(m: re.Match[str], offset: int) -> Atom:
    """The atom for one match of ``_ATOM_RE``."""
    s, e = m.start() + offset, m.end() + offset
    if m.lastgroup == "num":
        raw = m.group()
        if "/" in raw:
            a, b = raw.split("/")
            if int(b) in lexicon()["slash_denominators"] and 0 < int(a) < int(b):
                return Atom("slash", raw, s, e, int(a) / int(b))
            return Atom("sym", raw, s, e)  # 24/7, 9/11, 5/17: not a fraction
        try:
            value = _literal_value(raw)
        except OverflowError:  # "5^1000": not a number a float can hold
            return Atom("sym", raw, s, e)
        if not math.isfinite(value):
            return Atom("sym", raw, s, e)
        return Atom("num", raw, s, e, value)
    if m.lastgroup == "word":
        return Atom("word", m.group(), s, e)
    ch = m.group()
    ufrac = lexicon()["unicode_fractions"]
    if ch in ufrac:
        return Atom("ufrac", ch, s, e, ufrac[ch])
    return Atom("sym", ch, s, e)


def _lower(a: Atom) -> str:
    return a.text.lower() if a.kind == "word" else ""


def _scale_of(a: Atom | None, *, attached: bool) -> float | None:
    """Scale of a word ("million") or of a suffix after digits ("bn", "k", "M" when attached)."""
    if a is None or a.kind != "word":
        return None
    lex = lexicon()
    w = a.text.lower()
    if w in lex["scales"]:
        return float(lex["scales"][w])
    if w in lex["scale_suffixes"] and (len(w) > 1 or attached):
        return float(lex["scale_suffixes"][w])
    if a.text in lex["scale_suffix_case"] and (attached or len(a.text) > 1):
        return float(lex["scale_suffix_case"][a.text])
    return None


HYPHENS = ("-", "\u2013", "\u2010", "\u2011")


class _Parser:
    """Recursive-descent reader over atoms; every method restores the cursor when it fails."""

    def __init__(self, atoms: Sequence[Atom]):
        # hyphens between two words ("twenty-one", "five - eighths") carry no meaning
        kept = []
        for i, a in enumerate(atoms):
            if (
                a.kind == "sym"
                and a.text in HYPHENS
                and 0 < i < len(atoms) - 1
                and atoms[i - 1].kind == "word"
                and atoms[i + 1].kind == "word"
            ):
                continue
            kept.append(a)
        self.atoms = kept
        self.i = 0
        lex = lexicon()
        self.units, self.tens = lex["units"], lex["tens"]
        self.fracs, self.dozen = lex["fractions"], set(lex["dozen"])

    # -- small helpers --------------------------------------------------------------
    def peek(self, k: int = 0) -> Atom | None:
        j = self.i + k
        return self.atoms[j] if j < len(self.atoms) else None

    def word(self, k: int = 0) -> str:
        a = self.peek(k)
        return _lower(a) if a else ""

    def done(self) -> bool:
        return self.i >= len(self.atoms)

    def is_a(self, k: int = 0) -> bool:
        return self.word(k) in ("a", "an")

    def scale(self) -> float | None:
        """One scale, or a product of stacked ones ("lakh crore")."""
        a = self.peek()
        if a is None:
            return None
        prev = self.atoms[self.i - 1] if self.i else None
        attached = prev is not None and prev.kind == "num" and prev.end == a.start
        after_digits = prev is not None and prev.kind == "num"
        s = _scale_of(a, attached=attached)
        nxt = self.peek(1)
        spaced_letter = (
            after_digits
            and a.text in ("k", "K")
            or (after_digits and a.text in ("M", "G", "B", "T") and re.search(r"[.,]", prev.text))
        )
        if s is None and spaced_letter and (nxt is None or nxt.kind != "word"):
            # spaced single-letter scales: "2.33 k", "1,674.5 G" (never before a word: "5 M shares")
            s = float({**lexicon()["scale_suffix_case"], "k": 1e3}[a.text])
        if s is None:
            return None
        if a.text.lower() not in lexicon()["scales"] and not after_digits:
            return None  # suffix forms ("bn", "k") only follow digits
        if (
            a.text in lexicon()["scale_suffix_case"]
            and prev is not None
            and prev.kind == "num"
            and s in (1e3, 1e9)
            and re.fullmatch(r"\d", prev.text)
        ):
            return None  # 5G, 4K: product names, not 5 billion
        self.i += 1
        while True:
            nxt = self.peek()
            s2 = _scale_of(nxt, attached=False) if nxt else None
            if s2 and s2 > s and nxt.text.lower() in lexicon()["scales"]:
                s *= s2
                self.i += 1
            else:
                return s

    def lt100_words(self) -> float | None:
        w = self.word()
        if w in self.tens:
            v = self.tens[w]
            self.i += 1
            u = self.word()
            if u in self.units and 0 < self.units[u] < 10:
                v += self.units[u]
                self.i += 1
            return float(v)
        if w in self.units:
            self.i += 1
            return float(self.units[w])
        return None

    def small_after_hundred(self) -> float | None:
        a = self.peek()
        if a is not None and a.kind == "num" and a.text.isdigit() and float(a.text) < 100:
            self.i += 1
            return float(a.value)
        return self.lt100_words()

    def frac_ahead(self, k: int = 0) -> bool:
        """A fraction word follows at k (optionally after a numerator word or "a")."""
        return self.word(k) in self.fracs

    def group(self) -> float | None:
        """A number below a thousand, or a digit literal (possibly decimal)."""
        start = self.i
        a = self.peek()
        if a is None:
            return None
        v: float | None
        if a.kind == "num":
            v = a.value
            self.i += 1
            nxt = self.peek()
            if nxt is not None and nxt.kind == "slash" and a.text.isdigit():
                self.i += 1  # 10 1/2
                return v + nxt.value
        elif self.is_a() and (self.word(1) in lexicon()["hundred"] or _scale_of(self.peek(1), attached=False)):
            v = 1.0
            self.i += 1
        elif self.word() == "hundred":
            v = 1.0
        else:
            v = self.lt100_words()
            if v is None:
                self.i = start
                return None
        if self.word() in ("hundred",) or (self.word() == "hundreds" and a.kind == "num"):
            if v >= 100 and a.kind != "num":
                return v
            v *= 100
            self.i += 1
            save = self.i
            had_and = self.word() == "and"
            if had_and:
                self.i += 1
            if not (self.is_a() and self.frac_ahead(1)):
                tail_start = self.i
                first = self.word()
                tail = self.small_after_hundred()
                if tail is not None and self.frac_ahead():
                    den = self.fracs[self.word()]
                    if had_and and tail < den:
                        tail = None  # "one hundred and three quarters": a mixed number, 100 + 3/4
                    elif not had_and and first in self.tens and self.i == tail_start + 1:
                        tail = None  # "one hundred thirty-fifths": the denominator is 35
                    # else "one hundred and thirty fifths": (100 + 30) / 5
                    if tail is None:
                        self.i = tail_start
                if tail is not None:
                    return v + tail
            self.i = save
        return v

    def cardinal(self) -> tuple[float, float | None] | None:
        """Groups joined by strictly decreasing scales; returns (value, last scale)."""
        total, last_scale, found = 0.0, None, False
        while True:
            save = self.i
            g = self.group()
            if g is None:
                self.i = save
                break
            s = self.scale()
            if s is None:
                if found and last_scale is not None and (g >= last_scale or g != int(g)):
                    self.i = save
                    break
                total += g
                found = True
                last_scale_out = last_scale
                return total, last_scale_out
            if last_scale is not None and s >= last_scale:
                self.i = save
                break
            total += g * s
            found, last_scale = True, s
            save_and = self.i
            if self.word() == "and":
                self.i += 1
                nxt = self.peek()
                if nxt is None or self.is_a() or self.frac_ahead(1) or self.frac_ahead():
                    self.i = save_and
                    break
                continue
        if not found:
            return None
        # drop a trailing "and" that led nowhere
        if self.i and self.atoms[self.i - 1].kind == "word" and self.word(-1) == "and":
            self.i -= 1
        return total, last_scale

    def fraction(self) -> float | None:
        """[numerator] fraction-word, e.g. "a half", "two thirds", "one-eighth", "half"."""
        start = self.i
        num: float | None = None
        if self.is_a():
            num = 1.0
            self.i += 1
        else:
            c = self.lt100_words()
            if c is None:
                a = self.peek()
                if a is not None and a.kind == "num" and a.text.isdigit():
                    c = a.value
                    self.i += 1
            num = c
        w = self.word()
        tens_den = 0
        if w in self.tens and num is not None:
            nxt = self.word(1)  # "one twenty-fifth", "three twenty-firsts"
            unit_den = {"first": 1, "firsts": 1, "second": 2, "seconds": 2}.get(nxt) or (
                self.fracs[nxt] if nxt in self.fracs and self.fracs[nxt] < 10 else 0
            )
            if unit_den:
                tens_den = self.tens[w] + unit_den
                self.i += 1
                w = nxt
        if w not in self.fracs and not tens_den:
            self.i = start
            return None
        plural = w.endswith("s") and w not in ("halves",)
        if tens_den:
            if num != 1 and not plural:
                self.i = start
                return None
            self.i += 1
            return num / tens_den
        if num is None:
            if w not in ("half", "quarter", "quarters"):
                self.i = start
                return None
            if w.startswith("quarter") and not (self.word(1) in ("of",) or _scale_of(self.peek(1), attached=False)):
                self.i = start  # "the quarter" is a period of time, not 1/4
                return None
            num = 1.0
        elif num != 1 and not plural and w != "half":
            self.i = start  # "two third" is not English; "one third" / "a fifth" are
            return None
        self.i += 1
        return num / float(self.fracs[w])

    def times_scale(self, v: float) -> float:
        """ "... of a million", "a million", "million", "a dozen" after a fraction."""
        save = self.i
        if self.word() == "of":
            self.i += 1
        if self.is_a():
            self.i += 1
        s = self.scale()
        if s is None and self.word() in self.dozen:
            self.i += 1
            s = 12.0
        if s is None:
            self.i = save
            return v
        return v * s

    def decimals(self) -> str | None:
        """Digits after "point": each word a digit ("zero three") or one number ("seventy-one")."""
        digits = ""
        while True:
            w = self.word()
            if w in self.units and self.units[w] < 10:
                digits += str(self.units[w])
                self.i += 1
            elif w in self.tens or w in self.units:
                v = self.lt100_words()
                digits += str(int(v))
            else:
                break
        return digits or None

    def expression(self) -> float | None:
        start = self.i
        if self.is_a() and self.word(1) in self.dozen:
            self.i += 2
            return 12.0
        # fraction first: "half a million", "a quarter of a million", "two thirds"
        f = self.fraction()
        if f is not None:
            return self.times_scale(f)
        self.i = start
        card = self.cardinal()
        if card is None:
            a = self.peek()
            if a is not None and a.kind in ("ufrac", "slash"):
                self.i += 1
                return a.value
            return None
        v, last_scale = card
        # "5 1/4" is handled in group(); "2 ½"
        a = self.peek()
        if a is not None and a.kind == "ufrac":
            self.i += 1
            return v + a.value
        w = self.word()
        if w == "point" and last_scale is None:
            self.i += 1
            digits = self.decimals()
            if digits is None:
                self.i -= 1
                return v
            return v + float("0." + digits)
        if w in self.dozen and last_scale is None:
            self.i += 1
            return v * 12
        if w in self.tens and self.word(1) in self.fracs and self.fracs[self.word(1)] < 10:
            den = self.tens[w] + self.fracs[self.word(1)]  # "one hundred thirty-fifths"
            self.i += 2
            return v / den
        plural_ok = w.endswith("s") or (v == 1 and last_scale is None)
        if w in self.fracs and plural_ok and w != "half" and (last_scale is None or w.endswith("s")):
            self.i += 1
            return self.times_scale(v / float(self.fracs[w]))
        digits_before = self.i > 0 and self.atoms[self.i - 1].kind == "num"
        if w == "and" and not (digits_before and self.word(1) not in ("a", "an", "one", "half")):
            # "3 and a half"; but "stages 2 and 3 and two-fifths of pupils" is a list, not 3.4
            save = self.i
            self.i += 1
            f = self.fraction()
            if f is not None:
                if last_scale is None:
                    s = self.scale()  # "five and a half million"
                    return (v + f) * s if s else v + f
                s = self.scale()  # "one billion and a half million"
                return v + f * (s if s else last_scale)
            self.i = save
        return v


def parse_atoms(atoms: Sequence[Atom], *, ratios: bool = True) -> float | None:
    """Value of a whole atom sequence, or None when it is not exactly one number."""
    if not atoms:
        return None
    neg = False
    body = list(atoms)
    first = body[0]
    if first.kind == "word" and first.text.lower() in lexicon()["negative"]:
        neg, body = True, body[1:]
    elif first.kind == "sym" and first.text in ("-", "\u2212") and len(body) > 1 and body[1].kind in ("num", "slash"):
        if body[1].start != first.end:
            return None
        neg, body = True, body[1:]
    p = _Parser(body)
    v = p.expression()
    if v is not None and not p.done() and ratios:
        v = _ratio(p, v)
    if v is None or not p.done() or math.isinf(v) or math.isnan(v):
        return None
    return -v if neg else v


RATIO_WORDS = {("over",): "over", ("out", "of"): "out of", ("in",): "in"}


def _ratio(p: _Parser, numerator: float) -> float | None:
    """ "one over three", "two out of five hundred", "1 in twenty-one": a proportion.

    Only a smaller plain numerator over a larger denominator, and "in" only after one, so
    "12 out of 10", "$1 billion over five years" and "12 in six boxes" stay apart.
    """
    if any(a.kind == "word" and _scale_of(a, attached=True) for a in p.atoms[: p.i]):
        return None
    for words, name in RATIO_WORDS.items():
        if tuple(p.word(k) for k in range(len(words))) == words:
            p.i += len(words)
            if p.done():
                return None
            first = p.i
            den = p.expression()
            if den is None or not numerator < den or (name == "in" and numerator != 1):
                return None
            digits = p.atoms[0].kind == "num" and p.atoms[first].kind == "num"
            if digits and den > 20 and den % 100:
                return None  # "13 out of 659 MPs": two counts; "1 in 100", "3 out of 10" stay proportions
            return numerator / den
    return None


def parse_number(text: str) -> float | None:
    """The value of ``text`` if all of it is one number ("3.2 billion", "a dozen"), else None."""
    return parse_atoms(tokenize(text.strip()))


_CONTINUE = {"and", "a", "an", "of", "point", "over", "out", "in", "first", "firsts", "second", "seconds"}


def _number_word(a: Atom) -> bool:
    lex = lexicon()
    w = a.text.lower()
    return (
        w in lex["units"]
        or w in lex["tens"]
        or w in lex["hundred"]
        or w in lex["scales"]
        or w in lex["fractions"]
        or w in lex["dozen"]
        or w in lex["negative"]
    )


def _extendable(a: Atom) -> bool:
    if a.kind in ("num", "slash", "ufrac"):
        return True
    if a.kind == "sym":
        return a.text in HYPHENS or a.text == "\u2212"
    w = a.text.lower()
    return (
        _number_word(a)
        or w in _CONTINUE
        or w in lexicon()["scale_suffixes"]
        or a.text in lexicon()["scale_suffix_case"]
    )


def _can_start(atoms: Sequence[Atom], i: int) -> bool:
    a = atoms[i]
    if a.kind in ("num", "slash", "ufrac"):
        return True
    if a.kind == "sym":
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        prev = atoms[i - 1] if i else None
        return (
            a.text in ("-", "\u2212")
            and nxt is not None
            and nxt.kind in ("num", "slash")
            and nxt.start == a.end
            and (prev is None or prev.end < a.start or prev.kind == "sym" and prev.text in "([$")
            and (prev is None or prev.kind not in ("num", "slash"))  # "75 -300mm" is a range
        )
    w = a.text.lower()
    if w in ("a", "an"):
        return True
    return _number_word(a) and w not in lexicon()["dozen"]


MAX_ATOMS = 16


def scan_atoms(atoms: Sequence[Atom], text: str, offset: int = 0) -> list[NumberSpan]:
    """Longest parseable runs of atoms, left to right, never overlapping."""
    out = []
    i = 0
    while i < len(atoms):
        if not _can_start(atoms, i):
            i += 1
            continue
        best, best_j = None, i
        j = i
        while j < len(atoms) and j - i < MAX_ATOMS and _extendable(atoms[j]):
            if j > i and atoms[j].start - atoms[j - 1].end > 3:
                break  # a gap wider than a few spaces ends a number
            v = parse_atoms(atoms[i : j + 1])
            if v is not None:
                best, best_j = v, j
            j += 1
        if best is None:
            i += 1
            continue
        nxt = atoms[best_j + 1] if best_j + 1 < len(atoms) else None
        if nxt is not None and nxt.kind == "word" and any(_lower(a) == "over" for a in atoms[i : best_j + 1]):
            # "$1 billion over five years": a period, not a fraction; take the longest plain reading
            best, best_j = None, i
            for j in range(i, min(len(atoms), i + MAX_ATOMS)):
                v = parse_atoms(atoms[i : j + 1], ratios=False)
                if v is not None:
                    best, best_j = v, j
            if best is None:
                i += 1
                continue
        span = tuple(atoms[i : best_j + 1])
        s, e = span[0].start, span[-1].end
        out.append(NumberSpan(s, e, text[s - offset : e - offset], best, span))
        i = best_j + 1
    return out


@functools.cache
def _number_vocabulary() -> frozenset[str]:
    """Every word (lower case) the number grammar may read: table words, joiners and the literals it
    compares against. Any other word can neither start, extend nor be part of a number."""
    lex = lexicon()
    words = set(_CONTINUE) | {w for ws in RATIO_WORDS for w in ws}
    words |= {"a", "an", "and", "of", "point", "one", "zero", "s", "half", "halves", "quarter", "quarters"}
    words |= {"hundred", "hundreds", "k", "m", "mm", "g", "b", "t"}
    for table in ("units", "tens", "hundred", "scales", "scale_suffixes", "scale_suffix_case", "dozen"):
        words |= {w.lower() for w in lex[table]}
    for table in ("fractions", "negative", "ordinals"):
        words |= {w.lower() for w in lex[table]}
    return frozenset(words)


def _scan_tokens(text: str) -> list[Atom]:
    """``tokenize`` for the scanner: a run of words outside the number vocabulary becomes one atom.

    Such words never start, extend or belong to a number, so the scanner treats a run of them like
    one of them (the atom keeps the first word's text and spans the run); most of a text is words
    like these, and one atom per run saves building an atom per word.
    """
    vocabulary = _number_vocabulary()
    atoms: list[Atom] = []
    run: list = []  # [text, start, end] of the current run of other words

    def flush() -> None:
        atoms.append(Atom("word", run[0], run[1], run[2]))
        run.clear()

    for m in _ATOM_RE.finditer(text):
        if m.lastgroup == "word":
            word = m.group()
            if word.lower() not in vocabulary:
                if run:
                    run[2] = m.end()
                else:
                    run.extend((word, m.start(), m.end()))
                continue
        if run:
            flush()
        atoms.append(_atom(m, 0))
    if run:
        flush()
    return atoms


@functools.lru_cache(maxsize=8)
def scan_numbers(text: str) -> tuple[NumberSpan, ...]:
    """Every number in ``text`` (longest reading wins), with offsets into ``text`` (cached)."""
    return tuple(scan_atoms(_scan_tokens(text), text))


# -- writing numbers (used by tests and for round trips) ------------------------------

_SMALL = [
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
    "fifteen sixteen seventeen eighteen nineteen",
]


def to_words(n: int) -> str:
    """English words for a non-negative integer below 10**15 ("one hundred and five")."""
    small = " ".join(_SMALL).split()
    tens = {v: k for k, v in lexicon()["tens"].items() if k != "fourty"}
    if n < 20:
        return small[n]
    if n < 100:
        t, u = divmod(n, 10)
        return tens[t * 10] + (f"-{small[u]}" if u else "")
    if n < 1000:
        h, r = divmod(n, 100)
        return f"{small[h]} hundred" + (f" and {to_words(r)}" if r else "")
    for scale, name in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            q, r = divmod(n, scale)
            rest = "" if not r else (f" and {to_words(r)}" if r < 100 else f" {to_words(r)}")
            return f"{to_words(q)} {name}{rest}"
    raise ValueError(n)
