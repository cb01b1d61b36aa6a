"""Raw files and records -> Article records.

Why each step exists:
- text is kept verbatim (records) or rebuilt once (HTML), so every offset downstream indexes
  ``Article.text`` exactly;
- encodings are guessed with charset-normalizer only after UTF-8 and BOMs fail, so plain UTF-8
  is never "re-detected" as something else (a file cut inside its last character is still UTF-8,
  with an errors row);
- page furniture and reader comments are located as ``Part`` ranges (rules in
  ``rules/page_furniture.json``) instead of being deleted, so nothing is lost;
- the publication date comes from the record, then ``manifest.csv``, then the HTML page's
  metadata, then a dateline in the text — never from the file's mtime, which says when it was
  copied, nor from a date in an HTML page's body text or styles. A manifest date that is
  impossible is an errors row; the article is kept without it.
A file that cannot be read yields an ``ErrorRecord`` and the run goes on.

Modules (imports point one way): ``decode`` (bytes -> text), ``record_files`` (JSONL / CSV
lines), ``parts`` (title / body / comments / furniture ranges), ``metadata`` (manifest, field
cleaning, hash), ``published`` (publication dates), ``html_dates`` and ``html_comments`` (an HTML
page's dates and reader comments), ``html`` (HTML pages); this module reads folders and records
(txt, md, jsonl, csv) and re-exports the names callers use.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..records import Article, ErrorRecord, Part
from .decode import (
    CSV_SNIFF_BYTES,
    MAX_FILE_BYTES,
    WESTERN_ENCODINGS,
    decode_bytes,
    read_text,
    read_text_file,
)
from .html import article_from_html
from .metadata import MANIFEST_NAME, ManifestEntry, _clean, _sha256, read_manifest
from .parts import split_parts
from .published import _published, find_dateline, manifest_date_problem, normalise_published, read_published
from .record_files import MAX_TEXT_CHARS, iter_records

__all__ = [
    "CSV_SNIFF_BYTES",
    "FRONT_MATTER",
    "FRONT_MATTER_KEYS",
    "HTML_SUFFIXES",
    "MANIFEST_NAME",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "RECORD_SUFFIXES",
    "RECORD_TEXT_FIELDS",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "WESTERN_ENCODINGS",
    "IngestResult",
    "ManifestEntry",
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "decode_bytes",
    "find_dateline",
    "ingest",
    "iter_articles",
    "iter_input_files",
    "iter_records",
    "normalise_published",
    "read_front_matter",
    "read_manifest",
    "read_published",
    "read_records",
    "read_text_file",
    "split_parts",
]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
RECORD_TEXT_FIELDS = ("text", "body", "content")


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ingesting a folder produced: articles, per-file errors, and skipped files."""

    articles: list[Article]
    errors: list[ErrorRecord]
    skipped: list[str]


def article_from_record(
    record: Mapping[str, Any], *, source_path: str = "<record>", manifest: ManifestEntry | None = None
) -> Article:
    """An Article from a JSONL/CSV record (``id``, ``text``, optional title/published/url/source).

    ``text`` is kept character for character so offsets line up with the input.
    """
    doc_id = record.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        raise IngestError("record has no id")
    text = next((record[f] for f in RECORD_TEXT_FIELDS if isinstance(record.get(f), str)), None)
    if text is None:
        raise IngestError(f"record {doc_id!r} has no text field")
    if not text.strip():
        raise IngestError(f"record {doc_id!r} has empty text")
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(f"record {doc_id!r} text too long ({len(text):,} chars > {MAX_TEXT_CHARS:,})")
    title = _clean(record.get("title")) or (manifest.title if manifest else None)
    parts = split_parts(text, title=title)
    published, published_source, note = _published(record.get("published"), manifest, text, parts)
    return Article(
        doc_id=str(doc_id),
        source_path=source_path,
        text=text,
        title=title,
        published=published,
        published_source=published_source,
        parts=parts,
        text_sha256=_sha256(text),
        url=_clean(record.get("url")) or (manifest.url if manifest else None),
        source=_clean(record.get("source")),
        published_note=note,
    )


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FRONT_MATTER_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "url": "url",
    "link": "url",
    "source": "source",
}


def read_front_matter(text: str) -> tuple[dict[str, str], int]:
    """Markdown front matter (``---`` / ``key: value`` lines / ``---``) and where the content starts."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    fields: dict[str, str] = {}
    for line in m.group("body").splitlines():
        key, sep, value = line.partition(":")
        name = FRONT_MATTER_KEYS.get(key.strip().lower())
        if sep and name and name not in fields:
            fields[name] = value.strip().strip("\"'")
    return fields, m.end()


def article_from_text(text: str, *, doc_id: str, source_path: str, manifest: ManifestEntry | None = None) -> Article:
    """A plain-text or Markdown article: front matter if any, else the first content line is the headline."""
    if not text.strip():
        raise IngestError("empty file")
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(f"text too long for one article ({len(text):,} chars > {MAX_TEXT_CHARS:,})")
    front, offset = read_front_matter(text)
    content = text[offset:]
    if not content.strip():
        raise IngestError("empty file (front matter only)")
    given_title = front.get("title") or (manifest.title if manifest else None)
    parts = split_parts(content, title=given_title, title_is_first_line=given_title is None)
    if given_title and not any(p.name == "title" for p in parts):
        parts = split_parts(content, title_is_first_line=not front.get("title"))
    if offset:
        parts = (
            Part("boilerplate", 0, offset),
            *(Part(p.name, p.start + offset, p.end + offset, p.index) for p in parts),
        )
    title_part = next((p for p in parts if p.name == "title"), None)
    title = given_title or (text[title_part.start : title_part.end].strip("#* \t") if title_part else None)
    published, published_source, note = _published(front.get("published"), manifest, text, parts)
    if published_source == "record":
        published_source = "front_matter"
    return Article(
        doc_id=doc_id,
        source_path=source_path,
        text=text,
        title=title,
        published=published,
        published_source=published_source,
        parts=parts,
        text_sha256=_sha256(text),
        url=front.get("url") or (manifest.url if manifest else None),
        source=front.get("source"),
        published_note=note,
    )


def iter_input_files(raw_dir: Path) -> Iterator[Path]:
    """Files under ``raw_dir`` in a stable order, hidden files and the manifest excluded."""
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts) or rel.as_posix() == MANIFEST_NAME:
            continue
        yield path


def _shown_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by the OS as surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def iter_articles(raw_dir: Path) -> Iterator[Article | ErrorRecord | str]:
    """Stream Articles, ErrorRecords (one per bad file or record) and skipped paths (str)."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise IngestError(f"input folder not found: {raw_dir}")
    try:
        manifest = read_manifest(raw_dir)
    except (IngestError, csv.Error) as exc:
        manifest = {}
        yield ErrorRecord(None, MANIFEST_NAME, "ingest", "bad_manifest", str(exc))
    seen: set[str] = set()
    root = raw_dir.resolve()
    files: set[str] = set()
    for path in iter_input_files(raw_dir):
        rel = _shown_name(path.relative_to(raw_dir).as_posix())
        files.add(rel)
        if not path.resolve().is_relative_to(root):
            message = "a link to a file outside the input folder: skipped"
            yield ErrorRecord(None, rel, "ingest", "outside_input", message)
            continue
        if rel != path.relative_to(raw_dir).as_posix():
            message = "the file name is not UTF-8: ids and paths show its bad bytes as U+FFFD"
            yield ErrorRecord(rel, rel, "ingest", "file_name", message)
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            yield rel
            continue
        entry = manifest.get(rel)
        if suffix in RECORD_SUFFIXES:
            yield from _records_file(path, rel, seen)
            continue
        try:
            text, problem = read_text(path)
            read = article_from_html if suffix in HTML_SUFFIXES else article_from_text
            article = read(text, doc_id=rel, source_path=rel, manifest=entry)
        except IngestError as exc:
            yield ErrorRecord(rel, rel, "ingest", _error_type(exc), str(exc))
            continue
        except (OSError, ValueError) as exc:
            yield ErrorRecord(rel, rel, "ingest", type(exc).__name__, str(exc))
            continue
        if problem:
            yield ErrorRecord(rel, rel, "ingest", "truncated", f"{problem}; the rest of the file is read")
        if bad_date := manifest_date_problem(entry):
            where = f"{MANIFEST_NAME}:{entry.line}" if entry.line else MANIFEST_NAME
            message = f"manifest row for {rel!r}: {bad_date}; the article is kept without a publication date"
            yield ErrorRecord(rel, where, "ingest", "bad_date", message)
        yield from _unique(article, seen, rel)
    yield from _unmatched_manifest_rows(manifest, files, root)


def _unmatched_manifest_rows(manifest: dict, files: set[str], root: Path) -> Iterator[ErrorRecord]:
    """A manifest row that names no file of the input folder is an errors row, not a silent no-op."""
    for key in sorted(set(manifest) - files):
        outside = not (root / key).resolve().is_relative_to(root)
        why = "is outside the input folder" if outside else "names no file of the input folder"
        yield ErrorRecord(None, MANIFEST_NAME, "ingest", "manifest_path", f"manifest row {key!r} {why}: ignored")


def _records_file(path: Path, rel: str, seen: set[str]) -> Iterator[Article | ErrorRecord]:
    try:
        for n, record in iter_records(path):
            where = f"{rel}:{n}"
            if isinstance(record, IngestError):
                yield ErrorRecord(None, where, "ingest", "bad_record", str(record))
                continue
            try:
                article = article_from_record(record, source_path=where)
            except IngestError as exc:
                yield ErrorRecord(_clean(record.get("id")), where, "ingest", _error_type(exc), str(exc))
                continue
            yield from _unique(article, seen, where)
    except (IngestError, OSError, csv.Error, ValueError) as exc:
        yield ErrorRecord(None, rel, "ingest", _error_type(exc), str(exc))


def _unique(article: Article, seen: set[str], where: str) -> Iterator[Article | ErrorRecord]:
    if article.doc_id in seen:
        yield ErrorRecord(article.doc_id, where, "ingest", "duplicate_id", f"doc_id {article.doc_id!r} seen before")
        return
    seen.add(article.doc_id)
    yield article


def _error_type(exc: Exception) -> str:
    message = str(exc)
    for key, kind in (
        ("empty", "empty"),
        ("binary", "binary"),
        ("too large", "too_large"),
        ("too long", "too_large"),
        ("encoding", "encoding"),
        ("impossible", "bad_date"),
        ("JSON", "bad_record"),
        ("no id", "bad_record"),
        ("no text", "bad_record"),
        ("HTML", "no_text"),
    ):
        if key in message:
            return kind
    return type(exc).__name__


def ingest(raw_dir: Path | str) -> IngestResult:
    """Read a whole folder (small corpora, tests); large runs stream ``iter_articles`` instead."""
    articles, errors, skipped = [], [], []
    for item in iter_articles(Path(raw_dir)):
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, ErrorRecord):
            errors.append(item)
        else:
            skipped.append(item)
    return IngestResult(articles, errors, skipped)


def read_records(records: Iterable[Mapping[str, Any]]) -> Iterator[Article | ErrorRecord]:
    """Articles from in-memory records (notebooks, evaluators), errors as ErrorRecords."""
    for n, record in enumerate(records):
        try:
            yield article_from_record(record, source_path=f"<records>:{n}")
        except IngestError as exc:
            yield ErrorRecord(_clean(record.get("id")), f"<records>:{n}", "ingest", _error_type(exc), str(exc))
