"""A Doc's words as the entity rules read them: from its attribute arrays, without a Token per word.

``doc[i]`` builds a Token object, and ``doc[a:b].text`` a Span and a Token per word; the entity
rules look at a few words around each of many names, so they read the Doc's cached arrays
(``doccache.token_ids``) through one ``DocWords`` per call instead. Each array is fetched on first
use and kept for the call, so a rule pays one attribute look-up, not a cache look-up per word.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from ..doccache import doc_text, token_ids


class DocWords:
    """The words of ``doc`` and its per-token values, by token index."""

    __slots__ = ("_annotated", "_arrays", "doc", "orth", "strings")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.strings = doc.vocab.strings
        self.orth = token_ids(doc, "ORTH")
        self._arrays: dict[str, list[int]] = {}
        self._annotated: dict[str, bool] = {}

    def has(self, attr: str) -> bool:
        """``doc.has_annotation(attr)``, asked once per DocWords."""
        known = self._annotated.get(attr)
        if known is None:
            known = self._annotated[attr] = self.doc.has_annotation(attr)
        return known

    def __len__(self) -> int:
        return len(self.orth)

    def ids(self, attr: str) -> list[int]:
        """``doccache.token_ids(doc, attr)``, fetched once per DocWords."""
        values = self._arrays.get(attr)
        if values is None:
            values = self._arrays[attr] = token_ids(self.doc, attr)
        return values

    def text(self, i: int) -> str:
        """``doc[i].text``."""
        return self.strings[self.orth[i]]

    def lower(self, i: int) -> str:
        """``doc[i].lower_``."""
        return self.strings[self.ids("LOWER")[i]]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` for ``start < end``: the Doc's text from the first word to the end of the last."""
        idx = self.ids("IDX")
        return doc_text(self.doc)[idx[start] : idx[end - 1] + len(self.text(end - 1))]


def positions(values: list[int], value: int) -> Iterator[int]:
    """The indices ``i`` with ``values[i] == value``, in order (found by ``list.index``, in C)."""
    i = -1
    while True:
        try:
            i = values.index(value, i + 1)
        except ValueError:
            return
        yield i
