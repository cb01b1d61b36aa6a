"""Records files (JSONL, CSV) -> (line number, record or the error for that line), streamed so a
file may be larger than memory. Encodings: JSONL is UTF-8 line by line, or, with a UTF-16/32 BOM,
decoded as one stream and then split; CSV is judged on its first megabyte (``decode``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import IngestError
from .decode import _csv_encoding

MAX_TEXT_CHARS = 1_000_000  # spaCy's max_length: longer texts are not articles


def iter_records(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | IngestError]]:
    """(line or row number, record or the error for that line) from a JSONL or CSV file.

    Both are streamed, so a records file may be larger than memory. A JSONL file with a UTF-16 or
    UTF-32 BOM is decoded as one stream and then split into lines (its line breaks are two or four
    bytes, so splitting the bytes first would cut every character in half).
    """
    if path.suffix.lower() == ".csv":
        yield from _iter_csv(path)
        return
    codec = _jsonl_wide_codec(path)
    if codec:
        yield from _iter_wide_jsonl(path, codec)
        return
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield n, IngestError(f"line {n} is not valid JSON: {exc}")
                continue
            yield n, _json_record(text, n)


def _jsonl_wide_codec(path: Path) -> str | None:
    """``utf-32`` / ``utf-16`` when the file starts with that BOM, else None (UTF-8 lines)."""
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def _iter_wide_jsonl(path: Path, codec: str) -> Iterator[tuple[int, Mapping[str, Any] | IngestError]]:
    n = 0
    try:
        with path.open(encoding=codec, newline="") as fh:
            for n, line in enumerate(fh, start=1):
                if line.strip():
                    yield n, _json_record(line, n)
    except UnicodeDecodeError as exc:
        yield n + 1, IngestError(f"lines after line {n} are not valid {codec} text: {exc.reason}")


def _json_record(text: str, n: int) -> Mapping[str, Any] | IngestError:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return IngestError(f"line {n} is not valid JSON: {exc}")
    if not isinstance(record, dict):
        return IngestError(f"line {n} is not a JSON object")
    return record


def _iter_csv(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | IngestError]]:
    csv.field_size_limit(max(csv.field_size_limit(), 4 * MAX_TEXT_CHARS))  # article texts exceed 128 kB
    encoding = _csv_encoding(path)
    n = 1
    try:
        with path.open(encoding=encoding, newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                n = reader.line_num
                if None in row:  # more fields than the header names
                    yield n, IngestError(f"row ending at line {n} has more fields than the header")
                    continue
                yield n, row
    except UnicodeDecodeError as exc:
        yield n, IngestError(f"rows after line {n} are not valid {encoding} text: {exc.reason}")
    except csv.Error as exc:
        yield n, IngestError(f"CSV error after line {n}: {exc}")
