"""Faster drop-in versions of two rule components of a trained English pipeline, same annotations.

spaCy's ``attribute_ruler`` runs its whole Matcher (179 patterns in en_core_web_sm) at every token
and sets each match through a ``Span``; its ``lemmatizer`` (rule mode) tests a new word against the
``lemma_index`` lists with ``in``, a scan of up to 57,528 strings. Together they took a quarter of
the model pass (BBC articles: 2.3 + 1.9 of 16 CPU seconds per 150). Here:

- the ruler's single-token patterns are decided once per *token class*: the tuple of the token's
  values of the attributes they test, where a value none of the patterns names counts as "other"
  (and a REGEX contributes whether it matches). The first token of a class is matched by spaCy's
  own Matcher on that one token, so the semantics stay spaCy's; the merged attributes of the
  class (later rules win, as in ``AttributeRuler.set_annotations``) are then set with one
  ``Doc.from_array``. Multi-token patterns still go through a Matcher, and tokens they touch get
  every matching rule applied in rule order, as spaCy does.
- the lemmatizer's index lists become sets (a word it has not seen before is looked up in
  them; the answers are the same), and its answers are kept per (word, part of speech,
  morphology), spaCy's own cache key: a token whose key was seen before gets its lemma from one
  dict lookup over ``Doc.to_array`` columns, and the lemmas are written with one
  ``Doc.from_array``, instead of a ``Token`` object and a string set per token.

One deliberate difference: spaCy's rule lemmatizer puts the *last* rule's form first when two
forms are both words ("hoped": "hope" by "-ed" -> "e", "hop" by "-ed" -> ""), so "hoped", "hopes",
"hoping", "rated", "fined" came out "hop", "rat", "fin" and verb lists never matched them. English
spelling settles it (``spelled_lemma``): a stem of consonant-vowel-consonant doubles its last letter
before "-ed"/"-ing" ("hop" -> "hopped"), and "-es" follows only s, x, z, ch, sh or o; a verb form
that breaks the rule for the form without "e" is the form with it.

``speed_up(nlp)`` swaps the classes of the two components in place (names, config and rules
unchanged). A ruler with a rule out of reach (extension attributes, other operators or attributes,
a multi-token rule of no fixed length) stays spaCy's own: the fast path is exact or absent.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

# Token attributes a single-token pattern may test (read with Doc.to_array), and the ones a rule
# may set (written with Doc.from_array; each is an independent field of the token).
TESTED = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "POS": POS, "DEP": DEP}
FLAGS = {"IS_SPACE": IS_SPACE}
SET = (POS, TAG, MORPH, LEMMA, DEP)
OTHER = -1  # the class of a value that no pattern names
MAX_TESTED = 200_000  # values whose REGEX results are kept


def _literal(value: Any) -> int:
    return int(value) if isinstance(value, bool) else get_string_id(value)


class _Classes:
    """Token classes for one-token patterns: ``keys(doc)`` gives each token's class."""

    def __init__(self, patterns: list[dict[str, Any]]) -> None:
        literals: dict[str, set[int]] = {}
        regexes: dict[str, list[re.Pattern[str]]] = {}
        for token in patterns:
            for name, spec in token.items():
                seen = literals.setdefault(name, set())
                if isinstance(spec, dict):
                    for op, value in spec.items():
                        if op == "REGEX":
                            regexes.setdefault(name, []).append(re.compile(value))
                        else:
                            seen.update(_literal(v) for v in value)
                else:
                    seen.add(_literal(spec))
        self.names = sorted(literals)
        self.attrs = [TESTED.get(n, FLAGS.get(n)) for n in self.names]
        self.literals = [literals[n] for n in self.names]
        self.regexes = [regexes.get(n, []) for n in self.names]
        self.tested: list[dict[int, tuple[bool, ...]]] = [{} for _ in self.names]  # value -> REGEX results

    @staticmethod
    def supported(token: dict[str, Any]) -> bool:
        """A pattern token testing only values (==, IN, NOT_IN, REGEX) of the attributes above."""
        for name, spec in token.items():
            if name in FLAGS:
                if not isinstance(spec, bool):
                    return False
            elif name not in TESTED:
                return False
            elif isinstance(spec, dict):
                if not spec or not set(spec) <= {"IN", "NOT_IN", "REGEX"}:
                    return False
                for op, value in spec.items():
                    ok = isinstance(value, str) if op == "REGEX" else all(isinstance(v, str) for v in value)
                    if not ok:
                        return False
            elif not isinstance(spec, str):
                return False
        return True

    def keys(self, doc: Doc) -> list[tuple]:
        if not self.attrs:
            return [()] * len(doc)
        values = doc.to_array(self.attrs).reshape(len(doc), len(self.attrs)).T.tolist()
        strings = doc.vocab.strings
        columns = []
        for col, seen, regexes, tested in zip(values, self.literals, self.regexes, self.tested, strict=True):
            classed: list[Any] = [v if v in seen else OTHER for v in col]
            if regexes:
                if len(tested) > MAX_TESTED:
                    tested.clear()
                for v in set(col).difference(tested):
                    tested[v] = tuple(bool(r.search(strings[v])) for r in regexes)
                classed = [(c, tested[v]) for c, v in zip(classed, col, strict=True)]
            columns.append(classed)
        return list(zip(*columns, strict=True))


class FastAttributeRuler(AttributeRuler):
    """``AttributeRuler`` with one-token rules decided once per token class (see the module)."""

    _fast: dict[str, Any]

    def prepare(self) -> bool:
        """Split the rules; False (spaCy's own matching kept) when any rule is out of reach."""
        strings = self.vocab.strings
        single, multi = [], []
        for i, (attrs, index) in enumerate(zip(self.attrs, self.indices, strict=True)):
            if "_" in attrs or not set(attrs) <= set(SET):
                return False
            patterns = self.matcher.get(strings[str(i)])[1]
            one = index in (0, -1) and all(len(p) == 1 and _Classes.supported(p[0]) for p in patterns)
            (single if one else multi).append((i, patterns))
        if not all(all(_Classes.supported(p[0]) and not any("OP" in t for t in p) for p in ps) for _, ps in multi):
            return False  # a rule whose first token is out of reach, or of no fixed length
        ones, starts, rest = (Matcher(self.vocab, validate=False) for _ in range(3))
        for i, patterns in single:
            ones.add(strings[str(i)], patterns)
        for i, patterns in multi:
            rest.add(strings[str(i)], patterns)
            starts.add(strings[str(i)], [p[:1] for p in patterns])
        tokens = [p[0] for _, ps in single + multi for p in ps]
        self._fast = {
            "classes": _Classes(tokens),
            "ones": ones,
            "starts": starts if multi else None,
            "rest": rest,
            "width": max((len(p) for _, ps in multi for p in ps), default=0),
            "cols": [a for a in SET if any(a in attrs for attrs in self.attrs)],
            "index": {},  # class -> its row in the tables below
            "rules": [],  # per class: the one-token rules that match it, in order
            "starts_here": [],  # per class: may a multi-token rule start at such a token
            "merged": [],  # per class: {attr: value} after its rules (later rules win)
            "tables": None,
        }
        return True

    def _new_class(self, doc: Doc, i: int, key: tuple) -> int:
        """Match the first token of a new class with spaCy's Matcher; its row in the tables."""
        fast = self._fast
        strings = self.vocab.strings
        token = doc[i : i + 1]
        rules = sorted({int(strings[m]) for m, _, _ in fast["ones"](token, allow_missing=True, as_spans=False)})
        starts = fast["starts"] is not None and bool(fast["starts"](token, allow_missing=True, as_spans=False))
        fast["rules"].append(rules)
        fast["starts_here"].append(starts)
        fast["merged"].append(self._merge(rules))
        fast["tables"] = None
        fast["index"][key] = len(fast["rules"]) - 1
        return fast["index"][key]

    def _merge(self, rules: list[int]) -> dict[int, int]:
        merged: dict[int, int] = {}
        for r in rules:
            merged.update(self.attrs[r])
        return merged

    def _tables(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        fast = self._fast
        if fast["tables"] is None:
            cols, merged = fast["cols"], fast["merged"]
            values = np.array([[m.get(a, 0) for a in cols] for m in merged], dtype=np.uint64)
            mask = np.array([[a in m for a in cols] for m in merged], dtype=bool)
            fast["tables"] = (values, mask, np.array(fast["starts_here"], dtype=bool))
        return fast["tables"]

    def __call__(self, doc: Doc) -> Doc:
        if not hasattr(self, "_fast") or not len(doc):
            return super().__call__(doc)
        fast = self._fast
        index = fast["index"]
        ids = []
        for i, key in enumerate(fast["classes"].keys(doc)):
            k = index.get(key)
            ids.append(self._new_class(doc, i, key) if k is None else k)
        values, mask, starts_here = self._tables()
        rows = np.array(ids, dtype=np.intp)
        cols = fast["cols"]
        array = doc.to_array(cols).reshape(len(doc), len(cols))
        array = np.where(mask[rows], values[rows], array).astype(np.uint64)
        if fast["starts"] is not None:
            for i, rules in self._multi(doc, np.flatnonzero(starts_here[rows])).items():
                merged = self._merge(sorted(set(fast["rules"][ids[i]]) | rules))
                for j, attr in enumerate(cols):
                    if attr in merged:
                        array[i, j] = merged[attr]
        doc.from_array(cols, array)
        return doc

    def _multi(self, doc: Doc, starts: np.ndarray) -> dict[int, set[int]]:
        """{token: the multi-token rules that set it}, matched in a window at each possible start."""
        strings = self.vocab.strings
        width = self._fast["width"]
        found: dict[int, set[int]] = {}
        for start in starts.tolist():
            for m_id, s, e in self._fast["rest"](doc[start : start + width], allow_missing=True, as_spans=False):
                if s == 0:
                    rule = int(strings[m_id])
                    target = range(start, start + e)[self.indices[rule]]
                    found.setdefault(target, set()).add(rule)
        return found


class FastLemmatizer(Lemmatizer):
    """Rule ``Lemmatizer`` reading and writing whole columns (see the module)."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if not len(doc):
            return doc
        known: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_lemma_ids", {})
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = self.vocab.strings
        error_handler = self.get_error_handler()
        try:
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not self.overwrite:
                    continue
                key = (orth, pos, morph)
                found = known.get(key)
                if found is None:  # spaCy's own rule lemmatizer, once per key (it caches on the same key)
                    token = doc[i]
                    lemma = spelled_lemma(token.lower_, self.lemmatize(token)[0], token.pos_, self.lookups)
                    found = known[key] = strings.add(lemma)
                lemmas[i] = found
        except Exception as e:
            error_handler(self.name, self, [doc], e)
            return doc
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


_VOWELS = "aeiou"
_ES_AFTER = re.compile(r"(?:s|x|z|ch|sh|o)$")


def spelled_lemma(word: str, lemma: str, pos: str, lookups) -> str:
    """The verb's base form English spelling allows: "hoped", "hoping", "hopes" -> "hope" (not
    "hop": that would be "hopped", "hopping", "hops"); ``lemma`` unchanged otherwise."""
    if pos not in ("VERB", "AUX") or "lemma_index" not in lookups.tables:
        return lemma
    index = lookups.get_table("lemma_index").get("verb", ())
    for suffix in ("ed", "ing", "es"):
        if not (word.endswith(suffix) and lemma == word[: -len(suffix)] and lemma + "e" in index):
            continue
        if suffix == "es":
            return lemma if _ES_AFTER.search(lemma) else lemma + "e"
        cvc = len(lemma) >= 3 and lemma[-1] not in _VOWELS + "wxy" and lemma[-2] in _VOWELS
        return lemma + "e" if cvc and lemma[-3] not in _VOWELS else lemma
    return lemma


class FastEnglishLemmatizer(FastLemmatizer, EnglishLemmatizer):
    """English's rule lemmatizer (its own base-form test), reading and writing whole columns."""


_FAST_LEMMATIZERS = {Lemmatizer: FastLemmatizer, EnglishLemmatizer: FastEnglishLemmatizer}


def _index_sets(lemmatizer: Lemmatizer) -> None:
    """``lemma_index`` lists as sets: ``form in index`` without a scan (same answers)."""
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key in list(table.keys()):
        value = table[key]
        if isinstance(value, list):
            table[key] = frozenset(value)


def speed_up(nlp) -> list[str]:
    """Swap in the fast components where the pipeline has spaCy's; the names of those swapped."""
    swapped = []
    for name, proc in nlp.pipeline:
        if type(proc) is AttributeRuler:
            proc.__class__ = FastAttributeRuler
            if proc.prepare():
                swapped.append(name)
            else:
                proc.__class__ = AttributeRuler
        elif isinstance(proc, Lemmatizer) and proc.mode == "rule" and type(proc).__call__ is Lemmatizer.__call__:
            _index_sets(proc)
            proc.__class__ = _FAST_LEMMATIZERS.get(type(proc), type(proc))  # another subclass keeps its class
            swapped.append(name)
    return swapped


__all__ = ["FastAttributeRuler", "FastLemmatizer", "speed_up", "spelled_lemma"]
