"""Reader comments of an HTML page, one per reader where the markup allows: the comment section
is found by its id or class, each comment by its own id or class (else the section's list items),
and what is not a reader's words (reply links, forms, author and date lines) is left out. The
section's headings ("Comments (3)", "Leave a Reply") come back as furniture, never as comment
text. The names are data (``html_comment_*`` in ``rules/page_furniture.json``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .schema import load_furniture

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = HEADINGS | {"p", "div", "li", "br", "blockquote", "article", "section", "footer", "header", "ol", "ul", "tr"}


@dataclass(frozen=True, slots=True)
class Piece:
    """One piece of a comment section, in page order: ``comment`` or ``heading`` (furniture)."""

    kind: str
    text: str


@functools.cache
def _patterns() -> dict[str, Any]:
    rules = load_furniture()

    def whole(names: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{n})" for n in names), re.IGNORECASE)

    return {
        "section": whole(rules["html_comment_sections"]),
        "item": whole(rules["html_comment_items"]),
        "furniture": whole(rules["html_comment_furniture"]),
        "furniture_tags": frozenset(t.casefold() for t in rules["html_comment_furniture_elements"]),
    }


def _names(element: Any) -> list[str]:
    return [element.get("id", ""), *element.get("class", "").split()]


def _is(element: Any, kind: str) -> bool:
    if not isinstance(element.tag, str):
        return False
    if kind == "furniture" and element.tag.casefold() in _patterns()["furniture_tags"]:
        return True
    rx = _patterns()[kind]
    return any(rx.fullmatch(name) for name in _names(element) if name)


def take_comments(tree: Any) -> list[Piece]:
    """The page's reader comments and section headings, in page order; the sections found are
    removed from ``tree`` so the article text cannot take them in as well.
    """
    sections = [el for el in tree.iter() if _is(el, "section") and not el.xpath(".//h1")]
    outermost = [el for el in sections if not any(_is(a, "section") for a in el.iterancestors())]
    pieces: list[Piece] = []
    for section in outermost:
        pieces.extend(_read_section(section))
        section.drop_tree()
    return pieces


def _read_section(section: Any) -> list[Piece]:
    items = [el for el in section.iter() if el is not section and _is(el, "item")]
    if not items:  # no comment markup: each list item is a comment, else the whole section is one
        lists = section.xpath(".//ul|.//ol")
        items = [li for li in lists[0] if li.tag == "li"] if lists else []
    item_set = set(items)
    pieces: list[Piece] = []
    for el in section.iter():
        if el.tag in HEADINGS and not any(a in item_set for a in el.iterancestors()):
            pieces.append(Piece("heading", _text(el, set())))
        elif el in item_set and not _inside_furniture(el, section):
            pieces.append(Piece("comment", _text(el, item_set - {el})))
    if not items:
        pieces.append(Piece("comment", _text(section, set())))
    return [p for p in pieces if p.text]


def _inside_furniture(element: Any, section: Any) -> bool:
    for el in (element, *element.iterancestors()):
        if el is section:
            return False
        if _is(el, "furniture"):
            return True
    return False


def _text(element: Any, skip: set) -> str:
    """The element's words, one line per block, leaving out nested comments and furniture."""
    chunks: list[str] = []
    _collect(element, skip, chunks, top=True)
    lines = (" ".join(line.split()) for line in "".join(chunks).split("\n"))
    return "\n".join(line for line in lines if line)


def _collect(element: Any, skip: set, chunks: list[str], *, top: bool = False) -> None:
    skipped = not top and (element in skip or _is(element, "furniture") or element.tag in HEADINGS)
    if isinstance(element.tag, str) and not skipped:
        block = element.tag in BLOCKS
        chunks.append("\n" if block else "")
        chunks.append(element.text or "")
        for child in element:
            _collect(child, skip, chunks)
        chunks.append("\n" if block else "")
    if not top:
        chunks.append(element.tail or "")
