"""Raw files and records -> Article records (placeholder; the full reader lands with issue 3)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from .records import Article, Part


def article_from_record(record: Mapping[str, Any], *, source_path: str = "<record>") -> Article:
    """An Article from a JSONL/CSV record with ``id``, ``text`` and optional title/published/url/source."""
    text = str(record.get("text") or "")
    published = record.get("published") or None
    return Article(
        doc_id=str(record["id"]),
        source_path=source_path,
        text=text,
        title=record.get("title") or None,
        published=str(published) if published else None,
        published_source="record" if published else None,
        parts=(Part("body", 0, len(text)),),
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        url=record.get("url") or None,
        source=record.get("source") or None,
    )
