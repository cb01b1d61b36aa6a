"""The number grammar: a recursive-descent reader from atoms to one value.

``_Parser`` reads cardinals ("two thousand and five"), scales ("1.2bn", "lakh crore"), fractions
("a quarter of a million", "two-thirds"), decimals in words ("three point two") and mixed
numbers ("3 and a half"); ``parse_atoms`` accepts a sequence only when all of it is one number,
also as a ratio ("one in five", "two out of three").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from .number_atoms import HYPHENS, Atom, _lower, _scale_of, lexicon


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
        after_word = prev is not None and prev.kind == "word" and prev.end < a.start and _lower(prev) not in ("a", "an")
        word_suffix = after_word and a.text.lower() in lexicon()["word_scale_suffixes"]  # "two mln"
        if a.text.lower() not in lexicon()["scales"] and not after_digits and not word_suffix:
            return None  # suffix forms ("bn", "k") only follow digits; "mln", "bln" also a number word
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
            after = self.peek(1)
            if (  # "12-3/8", "5-1/2 pct": a wire-style mixed number, the hyphen glued on both sides
                nxt is not None
                and after is not None
                and nxt.kind == "sym"
                and nxt.text in HYPHENS
                and after.kind == "slash"
                and a.text.isdigit()
                and nxt.start == a.end
                and after.start == nxt.end
            ):
                self.i += 2
                return v + after.value
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
        total, last_scale, found, digits = 0.0, None, False, False
        while True:
            save = self.i
            a = self.peek()
            was_digits, digits = digits, a is not None and a.kind == "num"
            g = self.group()
            if g is None:
                self.i = save
                break
            s = self.scale()
            if s is None:
                # "1.4 mln 60 kilo bags": a bare digit literal after digits and a million or more is another
                # amount, never 1,400,060 ("4 thousand 3 hundred and 21" still joins)
                alone = was_digits and digits and self.i == save + 1 and (last_scale or 0) >= 1e6
                if found and (last_scale is not None and (g >= last_scale or g != int(g)) or alone):
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
                if digits and nxt.kind == "num":
                    self.i = save_and  # "1.3bn and 200 million users": two amounts written in digits, never a sum
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
        if self.word() == "point" and self.word(1) in self.units and self.units[self.word(1)] < 10:
            self.i += 1  # "point five": a decimal with no whole part
            return float("0." + (self.decimals() or "0"))
        card = self.cardinal()
        if card is None:
            a = self.peek()
            if a is not None and a.kind in ("ufrac", "slash"):
                self.i += 1
                return self.times_scale(a.value)  # "1/2 million", "\u00bd a dozen"
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
        # "44 million and half lives below ...": a bare "half" after a scale starts the next phrase
        bare_half = last_scale is not None and self.word(1) == "half"
        if w == "and" and not bare_half and not (digits_before and self.word(1) not in ("a", "an", "one", "half")):
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
        if len(body) > 1 and body[0].text in HYPHENS and first.end == body[0].start == body[1].start - 1:
            body = body[1:]  # "minus-3 yards": the hyphen only joins the sign to its number
    elif first.kind == "sym" and first.text in ("-", "\u2212") and len(body) > 1 and body[1].kind in ("num", "slash"):
        if body[1].start > first.end + 1:
            return None  # "-5"; "- 5" only where the scanner allows it (a sign at the start of a text)
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
            in_words = all(a.kind == "word" for a in p.atoms)  # "twenty one over four" is 5.25
            if den is None or not (numerator < den or name == "over" and in_words) or (name == "in" and numerator != 1):
                return None
            digits = p.atoms[0].kind == "num" and p.atoms[first].kind == "num"
            if digits and den > 20 and den % 100:
                return None  # "13 out of 659 MPs": two counts; "1 in 100", "3 out of 10" stay proportions
            return numerator / den
    return None
