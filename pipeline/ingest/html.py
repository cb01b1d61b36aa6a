"""HTML pages -> Article: trafilatura finds the main text, title, date and comments; the text is
rebuilt once (title, body, comments) so every ``Part`` indexes it exactly.
"""

from __future__ import annotations

from ..errors import IngestError
from ..records import Article, Part
from .metadata import ManifestEntry, _clean, _sha256
from .published import _published


def article_from_html(html: str, *, doc_id: str, source_path: str, manifest: ManifestEntry | None = None) -> Article:
    """An HTML page: trafilatura finds the main text, title, date and comments (scripts dropped)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=True)
    if extracted is None:
        raise IngestError("no article text found in the HTML page")
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = (meta.get("text") or "").strip()
    if not body:
        raise IngestError("no article text found in the HTML page")
    title = (manifest.title if manifest and manifest.title else None) or _clean(meta.get("title"))
    comments = (meta.get("comments") or "").strip()
    pieces, parts, pos = [], [], 0
    if title and not body.casefold().startswith(title.casefold()):
        pieces.append(title + "\n\n")
        parts.append(Part("title", 0, len(title)))
        pos = len(pieces[0])
    elif title:
        parts.append(Part("title", 0, len(title)))
        body_rest = body[len(title) :]
        pieces.append(body[: len(title)])
        pos = len(title)
        body = body_rest
    pieces.append(body)
    parts.append(Part("body", pos, pos + len(body)))
    pos += len(body)
    if comments:
        pieces.append("\n\n")
        pos += 2
        pieces.append(comments)
        parts.append(Part("comment", pos, pos + len(comments), 1))
    text = "".join(pieces)
    parts = tuple(p for p in parts if text[p.start : p.end].strip())
    published, published_source, note = _published(None, manifest, text, parts, html_date=meta.get("date"))
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
