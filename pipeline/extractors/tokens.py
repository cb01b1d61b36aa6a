"""Token tests several extractors share."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def glued_hyphen(doc: Doc, h: int) -> bool:
    """Token ``h`` is a hyphen written with no space on either side ("ASLK-CGER", "e-mails")."""
    return h > 0 and doc[h].text == "-" and not doc[h - 1].whitespace_ and not doc[h].whitespace_
