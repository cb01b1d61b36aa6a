"""Per-Doc values several extractors need, computed once per Doc instead of once per call.

``Doc.text`` joins every token's text (it creates a Token object per token), and dates,
quantities and ranks each read it for the same Doc. The cache is keyed weakly by the Doc, so an
entry goes when its Doc does; Docs are never changed by the extractors, so entries stay valid.
"""

from __future__ import annotations

import weakref
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
