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

NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}\S*)?")


def normalise_published(value: Any) -> str | None:
    """A publication date as ISO text, keeping partial precision ("2012-06"); None if unusable.

    Raises IngestError for a value that looks like a date but is impossible ("2012-02-30").
    """
    return read_published(value)[0]


def read_published(value: Any) -> tuple[str | None, str | None]:
    """(ISO date or None, a caveat about the reading or None), as ``normalise_published``.

    "12/06/2012" is read month-first, and the caveat says the order was a guess; "13/06/2012"
    can only be day-first and carries none.
    """
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    text = str(value).strip()
    if not text or text.lower() in {"nan", "none", "null", "nat"}:
        return None, None
    numeric = NUMERIC_DATE.fullmatch(text)
    if numeric:
        return _numeric_date(text, *(int(g) for g in numeric.groups()))
    return _normalise_text(text), None


def _numeric_date(text: str, first: int, second: int, year: int) -> tuple[str | None, str | None]:
    """A numeric date ("12/06/2012"): month-first unless only the day-first reading is a date."""
    readings = []
    for month, day in ((first, second), (second, first)):
        try:
            readings.append(dt.date(year, month, day).isoformat())
        except ValueError:
            continue
    if not readings:
        return None, None
    if len(set(readings)) > 1:
        return readings[0], f"ambiguous day/month order in {text!r}; read as month-first ({readings[0]})"
    return readings[0], None


def _normalise_text(text: str) -> str | None:
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
    if not re.search(r"\d{4}", text) or not re.search(r"\d{1,2}\D+\d{4}|\d{4}\D+\d{1,2}", text):
        return None
    import dateparser  # ~1.4 s to import: only for a text that may be a full date

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None


def find_dateline(text: str, body: Part | None = None) -> str | None:
    """A publication date stated in the first lines of the body ("Posted on June 12, 2012")."""
    return _find_dateline(text, body)[0]


def _find_dateline(text: str, body: Part | None) -> tuple[str | None, str | None]:
    head = text[: (body.start if body else 0) + 400]  # furniture above the body counts too
    for rx in _furniture()["datelines"]:
        m = rx.search(head)
        if m:
            try:
                found, caveat = read_published(m.group("date"))
            except IngestError:
                continue
            if found:
                return found, caveat
    return None, None


def _published(
    record_value: Any,
    manifest: ManifestEntry | None,
    text: str,
    parts: tuple[Part, ...],
    html_date: Any = None,
    *,
    searched: str = "the record, manifest or text",
) -> tuple[str | None, str | None, str | None]:
    """(published, source, note) in the documented order of precedence.

    An impossible record date raises IngestError (the record is refused); an impossible manifest
    or page date is passed over with a note (the article is kept; ``manifest_date_problem`` gives
    the manifest's errors row).
    """
    candidates = (
        ("record", record_value),
        ("manifest", manifest.published if manifest else None),
        ("html", html_date),
    )
    notes = []
    for source, value in candidates:
        if value is None:
            continue
        try:
            found, caveat = read_published(value)
        except IngestError as exc:
            if source == "record":
                raise
            notes.append(f"{source} value: {exc}")
            continue
        if found:
            return found, source, "; ".join([*notes, *([caveat] if caveat else [])]) or None
        if str(value).strip():
            notes.append(f"{source} value {str(value).strip()[:40]!r} is not a date")
    body = next((p for p in parts if p.name == "body"), None)
    found, caveat = _find_dateline(text, body)
    if found:
        return found, "dateline", "; ".join([*notes, *([caveat] if caveat else [])]) or None
    if notes:
        return None, None, "; ".join(notes) + "; no date in the text either"
    return None, None, f"no publication date in {searched}"


def manifest_date_problem(entry: ManifestEntry | None) -> str | None:
    """Why the manifest's date for a file cannot be used (an impossible date), else None."""
    if entry is None:
        return None
    try:
        read_published(entry.published)
    except IngestError as exc:
        return str(exc)
    return None
