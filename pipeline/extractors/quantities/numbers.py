"""Numbers written in digits, words or both -> floats (pure text functions, no spaCy).

``parse_number`` reads one whole expression ("seven million", "1.2bn", "two-thirds", "a quarter
of a million", "-4/5", "3 million and a half") and returns None for anything it cannot read
completely, so the scanner can take the *longest* prefix that parses: that is how "423 0000"
stays two numbers while "two thousand and two hundred" is one. Word lists live in
``rules/quantities_numbers.json``; nothing here knows about units or context. This module holds
the scanner (``scan_numbers``) and ``to_words``; the atoms come from ``number_atoms`` and the
grammar that reads them from ``number_grammar``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .number_atoms import _NUM, HYPHENS, Atom, _atom, _lower, _scale_of, lexicon, tokenize
from .number_grammar import RATIO_WORDS, parse_atoms

__all__ = [
    "Atom",
    "NumberSpan",
    "lexicon",
    "parse_atoms",
    "parse_number",
    "scan_atoms",
    "scan_numbers",
    "tidy",
    "to_words",
    "tokenize",
]


def tidy(value: float) -> float:
    """ "4.1 million" is 4100000.0, not the float product 4099999.9999999995 (12 significant digits)."""
    return float(f"{value:.12g}")


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


def parse_number(text: str) -> float | None:
    """The value of ``text`` if all of it is one number ("3.2 billion", "a dozen"), else None."""
    return parse_atoms(tokenize(text.strip()))


_CONTINUE = {"and", "a", "an", "of", "point", "over", "out", "in", "first", "firsts", "second", "seconds"}


@functools.cache
def _word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(number words, words that may start a number, lower-case words that extend one, case-kept
    scale suffixes that extend one): the lexicon's tables as sets, built once."""
    lex = lexicon()
    tables = ("units", "tens", "hundred", "scales", "fractions", "dozen", "negative")
    number = frozenset(w for t in tables for w in lex[t])
    start = frozenset({"a", "an"} | {w for w in number if w not in lex["dozen"]})
    extend = number | _CONTINUE | frozenset(lex["scale_suffixes"])
    return number, start, extend, frozenset(lex["scale_suffix_case"])


def _extendable(a: Atom) -> bool:
    if a.kind in ("num", "slash", "ufrac"):
        return True
    if a.kind == "sym":
        return a.text in HYPHENS or a.text == "\u2212"
    _, _, extend, suffix_case = _word_sets()
    return a.text.lower() in extend or a.text in suffix_case


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
            and (nxt.start == a.end or prev is None and _text_start_gap(a, nxt))
            and (prev is None or prev.end < a.start or prev.kind == "sym" and prev.text in "([$")
            and (prev is None or prev.kind not in ("num", "slash"))  # "75 -300mm" is a range
        )
    w = a.text.lower()
    if w == "point":  # "point five"; the grammar reads it only before a digit word
        return i + 1 < len(atoms) and atoms[i + 1].kind == "word" and atoms[i + 1].start - a.end == 1
    return w in _word_sets()[1]


def _text_start_gap(sign: Atom, nxt: Atom) -> bool:
    """A minus sign and its number one space apart, the first thing in a text ("- 1 4/5")."""
    return nxt.start == sign.end + 1


MAX_ATOMS = 16


def _glued_code_after_scale(atoms: Sequence[Atom], j: int) -> bool:
    """Digits at ``j`` come after a spaced scale word and have letters glued on ("million 330ml")."""
    a, prev = atoms[j], atoms[j - 1]
    nxt = atoms[j + 1] if j + 1 < len(atoms) else None
    return (
        a.kind == "num"
        and prev.kind == "word"
        and prev.end < a.start
        and nxt is not None
        and nxt.kind == "word"
        and nxt.start == a.end
        and _scale_of(prev, attached=False) is not None
        and _scale_of(nxt, attached=True) is None
    )


def _label_letter(atoms: Sequence[Atom], j: int, text: str, offset: int) -> bool:
    """A one-letter word after a spaced number that starts a label: on the next line, or glued to a
    hyphen or a word ("T-bond", "M class")."""
    a, prev = atoms[j], atoms[j - 1]
    if a.kind != "word" or len(a.text) != 1 or a.start == prev.end:
        return False
    if "\n" in text[prev.end - offset : a.start - offset]:
        return True
    nxt = atoms[j + 1] if j + 1 < len(atoms) else None
    return nxt is not None and nxt.start == a.end and nxt.text in ("-", "\u2013")


def scan_atoms(atoms: Sequence[Atom], text: str, offset: int = 0) -> list[NumberSpan]:
    """Longest parseable runs of atoms, left to right, never overlapping."""
    out = []
    i = 0
    starts = _word_sets()[1]
    while i < len(atoms):
        a = atoms[i]
        if a.kind == "word" and a.text.lower() not in starts and a.text.lower() != "point" or not _can_start(atoms, i):
            i += 1  # the first test is a quick no for most words (the others reach ``_can_start``)
            continue
        best, best_j = None, i
        j = i
        while j < len(atoms) and j - i < MAX_ATOMS and _extendable(atoms[j]):
            if j > i and atoms[j].start - atoms[j - 1].end > 3:
                break  # a gap wider than a few spaces ends a number
            if j > i and _glued_code_after_scale(atoms, j):
                break  # "six million 330ml cans", "two million 5G phones": the code starts a new thing
            if j > i and _label_letter(atoms, j, text, offset):
                break  # "67,640\n T-bond": a row label on the next line, not a trillion
            v = _one_value(a.kind, a.text, a.value) if j == i else parse_atoms(atoms[i : j + 1])
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
        if nxt is not None and (_lower(nxt) == "hundred" or nxt.kind == "word" and _scale_of(nxt, attached=False)):
            # "3 hundred and 2 hundred", "between 700 mln and one billion": the scale that could not
            # join says the number after the last "and" is a second one
            best, best_j = _before_last_and(atoms, i, best, best_j)
        span = tuple(atoms[i : best_j + 1])
        s, e = span[0].start, span[-1].end
        out.append(NumberSpan(s, e, text[s - offset : e - offset], best, span))
        i = best_j + 1
    return out


@functools.lru_cache(maxsize=4096)
def _one_value(kind: str, text: str, value: float | None) -> float | None:
    """``parse_atoms`` of one atom, which reads only its kind, text and value (not its offsets)."""
    return parse_atoms((Atom(kind, text, 0, len(text), value),))


def _before_last_and(atoms: Sequence[Atom], i: int, best: float, best_j: int) -> tuple[float, int]:
    """The longest reading from ``i`` that ends before the last "and" of ``atoms[i : best_j + 1]``
    (the number after that "and" starts the next number), else (``best``, ``best_j``)."""
    ands = [k for k in range(i + 1, best_j + 1) if _lower(atoms[k]) == "and"]
    if not ands:
        return best, best_j
    for j in range(ands[-1] - 1, i - 1, -1):
        v = parse_atoms(atoms[i : j + 1])
        if v is not None:
            return v, j
    return best, best_j


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


@functools.cache
def _scan_regex() -> re.Pattern:
    """``_ATOM_RE`` with the words split in two: a number-vocabulary word, or a run of other words.

    A run is other words with only spaces between them (``(?P<first>...)`` is its first word). A
    letter is reached only at the start of a ``[A-Za-z]+`` word, as in ``_ATOM_RE``, and digits
    and letters start different alternatives, so the atoms are those of ``tokenize`` with each
    run of other words merged into one. The vocabulary is a trie of ``[aA]`` classes (ASCII case
    only, as ``str.lower`` of an ASCII word), so a word is tried letter by letter, not word by word.
    """
    # only letters: a vocabulary entry with anything else never equals an [A-Za-z]+ word
    vocabulary = _trie_pattern(sorted(w for w in _number_vocabulary() if w.isascii() and w.isalpha()))
    other = rf"(?!{vocabulary}(?![A-Za-z]))[A-Za-z]+"
    return re.compile(
        rf"(?P<word>{vocabulary})(?![A-Za-z])|(?P<run>(?P<first>{other})(?:\s+{other})*)"
        rf"|(?P<num>{_NUM})|(?P<sym>\S)"
    )


def _trie_pattern(words: Sequence[str]) -> str:
    """One regex for lower-case ASCII ``words`` in either case, branching on one letter at a time."""
    heads: dict[str, list[str]] = {}
    for w in words:
        heads.setdefault(w[:1], []).append(w[1:])
    branches = []
    for head, tails in heads.items():
        if not head:
            continue
        rest = [t for t in tails if t]
        tail = _trie_pattern(rest) if rest else ""
        if rest and "" in tails:
            tail = f"(?:{tail})?"
        branches.append(f"[{head}{head.upper()}]{tail}")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _scan_tokens(text: str) -> list[Atom]:
    """``tokenize`` for the scanner: a run of words outside the number vocabulary becomes one atom.

    Such words never start, extend or belong to a number, so the scanner treats a run of them like
    one of them (the atom keeps the first word's text and spans the run); most of a text is words
    like these, and one regex match per run saves a match and an atom per word.
    """
    atoms: list[Atom] = []
    for m in _scan_regex().finditer(text):
        kind = m.lastgroup
        if kind == "run":
            atoms.append(Atom("word", m.group("first"), m.start(), m.end()))
        elif kind == "word":
            atoms.append(Atom("word", m.group(), m.start(), m.end()))
        else:
            atoms.append(_atom(m, 0))
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
