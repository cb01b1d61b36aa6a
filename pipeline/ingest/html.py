"""HTML pages -> Article. The page is read once with lxml: the publication date comes from its
metadata only (``html_dates``), script and frame fallbacks (``<noscript>``, ``<iframe>``) are
removed, reader comments are taken out one per reader (``html_comments``); trafilatura then finds
the main text of what is left, without comments, so asking for comments cannot change the body.
The page-furniture rules used for plain text run on that body too. The text is rebuilt once
(title, body, comment section) so every ``Part`` indexes it exactly.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import IngestError
from ..records import Article, Part
from .html_comments import Piece, take_comments
from .html_dates import page_date
from .metadata import ManifestEntry, _clean, _sha256
from .parts import split_parts
from .published import _published
from .schema import load_furniture

XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
SEARCHED = "the page's metadata (meta tags, JSON-LD, <time>), the manifest or a dateline; body text is not searched"


def article_from_html(html: str, *, doc_id: str, source_path: str, manifest: ManifestEntry | None = None) -> Article:
    """An HTML page: main text, title and reader comments; the date from the page's metadata."""
    import lxml.html
    import trafilatura

    try:  # lxml refuses str input that declares its encoding, and it is decoded already
        tree = lxml.html.document_fromstring(XML_DECLARATION.sub("", html, count=1))
    except (ValueError, lxml.etree.ParserError) as exc:
        raise IngestError(f"no article text found in the HTML page ({exc})") from exc
    _strip_fallbacks(tree)
    comments = take_comments(tree)
    html_date = page_date(tree)  # after the comments are out: a reader's post has dates too
    cleaned = lxml.html.tostring(tree, encoding="unicode")
    extracted = trafilatura.bare_extraction(cleaned, with_metadata=True, include_comments=False)
    if not any(piece.kind == "comment" for piece in comments):
        comments += _trafilatura_comments(cleaned)
    meta = {} if extracted is None else extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = (meta.get("text") or "").strip()
    if not body:
        raise IngestError("no article text found in the HTML page")
    title = (manifest.title if manifest and manifest.title else None) or _clean(meta.get("title"))
    text, parts = _assemble(title, body, comments)
    published, published_source, note = _published(None, manifest, text, parts, html_date=html_date, searched=SEARCHED)
    return Article(
        doc_id=doc_id,
        source_path=source_path,
        text=text,
        title=title,
        published=published,
        published_source=published_source,
        parts=parts,
        text_sha256=_sha256(text),
        url=(manifest.url if manifest else None) or _clean(meta.get("url")),
        source=_clean(meta.get("sitename")),
        published_note=note,
    )


def _trafilatura_comments(html: str) -> list[Piece]:
    """Comments trafilatura finds where ``html_comments`` found no comment section: one piece per
    numbered post or per section (the markup does not say where one reader stops), headings as
    furniture. Only the comments are kept from this run; the body comes from the run without them.
    """
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=True)
    meta = {} if extracted is None else extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = (meta.get("comments") or "").strip()
    kinds = {"boilerplate": "heading", "title": "heading"}
    return [Piece(kinds.get(p.name, "comment"), text[p.start : p.end].strip()) for p in split_parts(text)]


def _strip_fallbacks(tree: Any) -> None:
    """Remove ``<noscript>``, ``<iframe>`` and the like with their content (their tails stay)."""
    names = {name.casefold() for name in load_furniture()["html_strip_elements"]}
    for element in [el for el in tree.iter() if isinstance(el.tag, str) and el.tag.casefold() in names]:
        if element.getparent() is not None:
            element.drop_tree()


def _assemble(title: str | None, body: str, comments: list[Piece]) -> tuple[str, tuple[Part, ...]]:
    """The article text (title, body, comment section, blank lines between) and its parts."""
    blocks: list[tuple[str, tuple[Part, ...]]] = []
    if title and body.casefold().startswith(title.casefold()):
        blocks.append((body[: len(title)], (Part("title", 0, len(title)),)))
        body = body[len(title) :].strip()
    elif title:
        blocks.append((title, (Part("title", 0, len(title)),)))
    if body:
        blocks.append((body, split_parts(body)))
    number = sum(p.name == "comment" for _, ps in blocks for p in ps)
    for piece in comments:
        if piece.kind == "comment":
            number += 1
            blocks.append((piece.text, (Part("comment", 0, len(piece.text), number),)))
        else:
            blocks.append((piece.text, (Part("boilerplate", 0, len(piece.text)),)))
    pieces, parts, pos = [], [], 0
    for block, block_parts in blocks:
        if pieces:
            pieces.append("\n\n")
            pos += 2
        pieces.append(block)
        parts.extend(Part(p.name, p.start + pos, p.end + pos, p.index) for p in block_parts)
        pos += len(block)
    text = "".join(pieces)
    return text, tuple(p for p in parts if text[p.start : p.end].strip())
