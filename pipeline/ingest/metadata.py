"""Metadata the article readers share: ``manifest.csv`` entries (for files that carry none of
their own), field values cleaned of blanks and "nan", and the text's SHA-256.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .decode import decode_bytes

MANIFEST_NAME = "manifest.csv"


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One row of ``manifest.csv``: metadata for a file that does not carry its own."""

    published: str | None
    title: str | None
    url: str | None
    line: int | None = None  # where the row ends in manifest.csv, for errors rows


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return None if not text or text.lower() == "nan" else text


def read_manifest(raw_dir: Path) -> dict[str, ManifestEntry]:
    """``manifest.csv`` (path, published, title, url; '#' lines are comments), keyed by path."""
    path = raw_dir / MANIFEST_NAME
    if not path.exists():
        return {}
    numbered = [(n, line) for n, line in enumerate(decode_bytes(path.read_bytes()).splitlines(), 1)]
    kept = [(n, line) for n, line in numbered if not line.startswith("#")]
    entries = {}
    reader = csv.DictReader(io.StringIO("\n".join(line for _, line in kept)))
    for row in reader:
        key = (row.get("path") or "").strip()
        if key:
            entries[key] = ManifestEntry(
                published=_clean(row.get("published")),
                title=_clean(row.get("title")),
                url=_clean(row.get("url")),
                line=kept[reader.line_num - 1][0] if 0 < reader.line_num <= len(kept) else None,
            )
    return entries
