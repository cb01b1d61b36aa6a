"""Per-Doc values several extractors need, computed once per Doc instead of once per call.

``Doc.text`` joins every token's text (it creates a Token object per token), and dates,
quantities and ranks each read it for the same Doc. A scan of one attribute over every token
(the tags, the words, the space flags) reads the Doc's attribute array instead (``token_ids``:
one ``Doc.to_array`` call per Doc and attribute, kept), which is cheaper than a walk over
``doc[i]`` that tests several attributes of each token. The cache is keyed weakly by the Doc, so
an entry goes when its Doc does; Docs are never changed by the extractors, so entries stay valid.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TEXT: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_VALUES: weakref.WeakKeyDictionary[Doc, dict[object, object]] = weakref.WeakKeyDictionary()


def span_text(span: Span) -> str:
    """``span.text`` as a slice of the cached ``doc_text`` (a C copy, not a walk over the tokens)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    text = _TEXT.get(doc)
    if text is None:
        text = _TEXT[doc] = doc.text
    return text


def _cached(doc: Doc, key: object, build: Callable[[], object]):
    values = _VALUES.get(doc)
    if values is None:
        values = _VALUES[doc] = {}
    if key not in values:
        values[key] = build()
    return values[key]


def token_ids(doc: Doc, attr: str) -> list[int]:
    """``doc.to_array(attr)`` as a list of ints (a string attribute's hashes, a flag's 0/1),
    built once per Doc and attribute: ``token_ids(doc, "TAG")[i] == doc[i].tag``."""
    return _cached(doc, attr, lambda: doc.to_array(attr).tolist() if len(doc) else [])


def head_indices(doc: Doc) -> list[int]:
    """``[t.head.i for t in doc]``, built once per Doc from the HEAD array (relative offsets, stored
    unsigned: a negative one wraps around), with no Token created."""

    def build() -> list[int]:
        wrap = 1 << 64
        return [i + (h - wrap if h >= wrap >> 1 else h) for i, h in enumerate(token_ids(doc, "HEAD"))]

    return _cached(doc, "heads", build)


def _names(doc: Doc, attr: str) -> dict[int, str]:
    """{hash: string} of the distinct values of ``attr`` in the Doc."""

    def build() -> dict[int, str]:
        strings = doc.vocab.strings
        return {h: strings[h] for h in set(token_ids(doc, attr))}

    return _cached(doc, ("names", attr), build)


def token_indices_of(doc: Doc, attr: str, words: Collection[str]) -> list[int]:
    """Indices of the tokens whose ``attr`` ("ORTH", "LOWER") is one of ``words``: ``token_indices``
    with an exact-match test, done on the string hashes (no string looked up per distinct word)."""
    from spacy.strings import get_string_id  # here, not at the top: a cached re-run never imports spaCy

    good = {get_string_id(w) for w in words}
    return [i for i, h in enumerate(token_ids(doc, attr)) if h in good]


def blank_lines(doc: Doc) -> list[int]:
    """Indices of the white-space tokens that hold a blank line (two line breaks or more), in
    order, built once per Doc: where a paragraph ends, for every extractor."""
    return _cached(doc, "blank_lines", lambda: token_indices(doc, "ORTH", lambda w: w.isspace() and w.count("\n") >= 2))


def token_indices(doc: Doc, attr: str, keep: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens whose ``attr`` ("ORTH", "LEMMA", "LOWER") string passes ``keep``,
    found through the Doc's attribute array: one test per distinct string, no Token per word."""
    good = {h for h, name in _names(doc, attr).items() if keep(name)}
    return [i for i, h in enumerate(token_ids(doc, attr)) if h in good] if good else []
