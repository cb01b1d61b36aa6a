"""Publication dates: a record, manifest or HTML value normalised to ISO text (keeping partial
precision), a dateline found in the first lines of the text, and the order of precedence between
them. Never the file's mtime.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import IngestError
from ..records import Part
from .metadata import ManifestEntry
from .parts import _furniture


def normalise_published(value: Any) -> str | None:
    """A publication date as ISO text, keeping partial precision ("2012-06"); None if unusable.

    Raises IngestError for a value that looks like a date but is impossible ("2012-02-30").
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text or text.lower() in {"nan", "none", "null", "nat"}:
        return None
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)  # ISO 8601 basic format: 20120612
    if compact:
        try:
            return dt.date(*(int(g) for g in compact.groups())).isoformat()
        except ValueError as exc:
            raise IngestError(f"impossible publication date {text!r}: {exc}") from exc
    if re.fullmatch(r"\d{9,10}|\d{12,13}", text):  # a Unix timestamp, in seconds or milliseconds
        seconds = int(text) / (1000 if len(text) > 10 else 1)
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date().isoformat()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.+\-Z]*)?", text)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3)
        try:
            if day:
                return dt.date(int(year), int(month), int(day)).isoformat()
            if month:
                dt.date(int(year), int(month), 1)
                return f"{year}-{int(month):02d}"
        except ValueError as exc:
            raise IngestError(f"impossible publication date {text!r}: {exc}") from exc
        return year
    return _parse_date_phrase(text)


def _parse_date_phrase(text: str) -> str | None:
    """Full dates written out ("June 12, 2012", "12 June 2012"); None when not a full date."""
    import dateparser

    if not re.search(r"\d{4}", text) or not re.search(r"\d{1,2}\D+\d{4}|\d{4}\D+\d{1,2}", text):
        return None
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None


def find_dateline(text: str, body: Part | None = None) -> str | None:
    """A publication date stated in the first lines of the body ("Posted on June 12, 2012")."""
    head = text[: (body.start if body else 0) + 400]  # furniture above the body counts too
    for rx in _furniture()["datelines"]:
        m = rx.search(head)
        if m:
            try:
                found = normalise_published(m.group("date"))
            except IngestError:
                continue
            if found:
                return found
    return None


def _published(
    record_value: Any,
    manifest: ManifestEntry | None,
    text: str,
    parts: tuple[Part, ...],
    html_date: Any = None,
) -> tuple[str | None, str | None, str | None]:
    """(published, source, note) in the documented order of precedence."""
    candidates = (
        ("record", record_value),
        ("manifest", manifest.published if manifest else None),
        ("html", html_date),
    )
    unusable = []
    for source, value in candidates:
        if value is None:
            continue
        found = normalise_published(value)  # IngestError for impossible dates
        if found:
            return found, source, None
        if str(value).strip():
            unusable.append(f"{source} value {str(value).strip()[:40]!r} is not a date")
    body = next((p for p in parts if p.name == "body"), None)
    found = find_dateline(text, body)
    if found:
        return found, "dateline", "; ".join(unusable) or None
    if unusable:
        return None, None, "; ".join(unusable) + "; no date in the text either"
    return None, None, "no publication date in the record, manifest or text"
