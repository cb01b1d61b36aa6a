"""Per-Doc values several extractors need, computed once per Doc instead of once per call.

``Doc.text`` joins every token's text (it creates a Token object per token), and dates,
quantities and ranks each read it for the same Doc. The cache is keyed weakly by the Doc, so an
entry goes when its Doc does; Docs are never changed by the extractors, so entries stay valid.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_TEXT: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def span_text(span: Span) -> str:
    """``span.text`` as a slice of the cached ``doc_text`` (a C copy, not a walk over the tokens)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    text = _TEXT.get(doc)
    if text is None:
        text = _TEXT[doc] = doc.text
    return text


def token_indices(doc: Doc, attr: str, keep: Callable[[str], bool]) -> list[int]:
    """Indices of the tokens whose ``attr`` ("ORTH", "LEMMA", "LOWER") string passes ``keep``,
    found through the Doc's attribute array: one test per distinct string, no Token per word."""
    from spacy.attrs import IDS

    if not len(doc):
        return []
    values = doc.to_array(IDS[attr])
    strings = doc.vocab.strings
    good = {int(h) for h in set(values.tolist()) if keep(strings[int(h)])}
    return [i for i, h in enumerate(values.tolist()) if h in good] if good else []
