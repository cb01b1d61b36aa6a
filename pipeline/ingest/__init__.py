"""Raw files and records -> Article records.

Why each step exists:
- text is kept verbatim (records) or rebuilt once (HTML), so every offset downstream indexes
  ``Article.text`` exactly;
- encodings are guessed with charset-normalizer only after UTF-8 and BOMs fail, so plain UTF-8
  is never "re-detected" as something else;
- page furniture and reader comments are located as ``Part`` ranges (rules in
  ``data/page_furniture.json``) instead of being deleted, so nothing is lost;
- the publication date comes from the record, then ``manifest.csv``, then a dateline in the
  text — never from the file's mtime, which says when it was copied, not published.
A file that cannot be read yields an ``ErrorRecord`` and the run goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..records import Article, ErrorRecord, Part
from .schema import load_furniture

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
MANIFEST_NAME = "manifest.csv"
MAX_FILE_BYTES = 10_000_000  # one article file; record files are streamed and have no limit
MAX_TEXT_CHARS = 1_000_000  # spaCy's max_length: longer texts are not articles
RECORD_TEXT_FIELDS = ("text", "body", "content")
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One row of ``manifest.csv``: metadata for a file that does not carry its own."""

    published: str | None
    title: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ingesting a folder produced: articles, per-file errors, and skipped files."""

    articles: list[Article]
    errors: list[ErrorRecord]
    skipped: list[str]


# --------------------------------------------------------------------------- rules


@functools.cache
def _furniture() -> dict[str, Any]:
    rules = load_furniture()
    flags = re.IGNORECASE | re.MULTILINE
    return {
        "boilerplate": [re.compile(r"^[ \t]*(?:" + p + r")", flags) for p in rules["boilerplate"]],
        "comment_headers": [re.compile(r"^[ \t]*(?:" + p + r")", flags) for p in rules["comment_headers"]],
        "comment_item": re.compile(rules["comment_item"], re.MULTILINE),
        "datelines": [re.compile(p, flags) for p in rules["datelines"]],
    }


# --------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes) -> str:
    """Bytes -> str: UTF-8 (BOM or not), UTF-16/32 by BOM, else charset-normalizer's best guess.

    Raises IngestError for empty or binary content.
    """
    if not data.strip():
        raise IngestError("empty file")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {codec} text: {exc.reason}") from exc
    if _looks_binary(data):
        raise IngestError("binary content, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(_guess_legacy_encoding(data))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        # UTF-16 without a BOM has NULs in every other byte of ASCII text
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        return not (max(even, odd) > len(sample) // 4 and min(even, odd) == 0)
    control = sum(b < 9 or 13 < b < 32 for b in sample)
    return control > len(sample) * 0.05


def _decode_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even > len(sample) // 4 and odd == 0:
        return data.decode("utf-16-be", errors="strict")
    if odd > len(sample) // 4 and even == 0:
        return data.decode("utf-16-le", errors="strict")
    return None


def read_text_file(path: Path) -> str:
    """Decode a text file, refusing files too large to be one article."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(f"file too large for one article ({size:,} bytes > {MAX_FILE_BYTES:,})")
    data = path.read_bytes()
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = _decode_utf16_without_bom(data)
        except UnicodeDecodeError:
            text = None
        if text is None:
            raise IngestError("binary content, not text")
        return text
    return decode_bytes(data)


# --------------------------------------------------------------------------- dates


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


# --------------------------------------------------------------------------- parts


def split_parts(text: str, *, title: str | None = None, title_is_first_line: bool = False) -> tuple[Part, ...]:
    """Locate title, body, reader comments and boilerplate in ``text`` (which is not changed).

    ``title_is_first_line``: the first non-furniture line is the headline (plain-text articles).
    """
    rules = _furniture()
    spans: list[Part] = []
    # furniture phrases, each matched at a line start
    for rx in rules["boilerplate"]:
        for m in rx.finditer(text):
            if m.end() > m.start() and text[m.start() : m.end()].strip():
                spans.append(Part("boilerplate", m.start(), m.end()))
    spans = _drop_overlaps(spans)
    comments_start, comment_parts = _find_comments(text, spans)
    body_end = comments_start if comments_start is not None else len(text)
    # title: given title found at the top, or the first content line of a plain-text article
    title_part = _find_title(text, spans, body_end, title, title_is_first_line)
    taken = sorted(spans + comment_parts + ([title_part] if title_part else []), key=lambda p: p.start)
    # everything not taken before the comments is body
    parts: list[Part] = []
    cursor = 0
    for p in taken:
        if p.start > cursor and p.start <= body_end:
            parts.extend(_body_pieces(text, cursor, min(p.start, body_end)))
        parts.append(p)
        cursor = max(cursor, p.end)
    if cursor < body_end:
        parts.extend(_body_pieces(text, cursor, body_end))
    return tuple(sorted(parts, key=lambda p: (p.start, p.end)))


def _drop_overlaps(spans: list[Part]) -> list[Part]:
    kept: list[Part] = []
    for p in sorted(spans, key=lambda p: (p.start, -(p.end - p.start))):
        if not kept or p.start >= kept[-1].end:
            kept.append(p)
    return kept


def _body_pieces(text: str, start: int, end: int) -> list[Part]:
    return [Part("body", start, end)] if text[start:end].strip() else []


def _find_title(text: str, furniture: list[Part], body_end: int, title: str | None, first_line: bool) -> Part | None:
    pos = 0
    furniture_ends = {p.start: p.end for p in furniture}
    for line in re.finditer(r"[^\n]*\n?", text[:body_end]):
        start, content = line.start(), line.group().strip()
        if (
            not content
            or start in furniture_ends
            and furniture_ends[start] >= line.start() + len(line.group().rstrip())
        ):
            continue
        pos = start + (len(line.group()) - len(line.group().lstrip()))
        end = start + len(line.group().rstrip())
        if title:
            if content.casefold() == title.strip().casefold():
                return Part("title", pos, end)
            return None
        # a headline is one short line without closing punctuation; a lead sentence is body
        if first_line and len(content) <= 200 and content[-1] not in ".!?\"'”" and "\n" in text[end : end + 1]:
            return Part("title", pos, end)
        return None
    return None


def _find_comments(text: str, furniture: list[Part]) -> tuple[int | None, list[Part]]:
    """Reader comments: after a comments header, or a trailing run of numbered, indented posts.

    A numbered list inside an article is not a comment section: numbered posts count only when
    they run to the end of the text (furniture aside) and are set off by a blank line or two.
    """
    rules = _furniture()
    header_at = None
    for rx in rules["comment_headers"]:
        m = rx.search(text)
        if m and (header_at is None or m.start() < header_at[0]):
            header_at = (m.start(), m.end())
    items = list(rules["comment_item"].finditer(text))
    start_index = None
    for i, m in enumerate(items):
        if m.group(1) != "1":
            continue
        gap = text[max(0, m.start() - 3) : m.start()]
        indented = text[m.start()] in " \t"
        header_before = header_at is not None and header_at[1] <= m.start()
        numbered_run = all(int(items[j].group(1)) == j - i + 1 for j in range(i, len(items)))
        if numbered_run and (header_before or (gap.endswith("\n\n") and indented)):
            start_index = i
            break
    parts: list[Part] = []
    if start_index is None:
        if header_at is None:
            return None, []
        end = _content_end(text, furniture, header_at[1])
        parts.append(Part("boilerplate", header_at[0], header_at[1]))
        if text[header_at[1] : end].strip():
            parts.append(Part("comment", header_at[1], end, 1))
        return header_at[0], parts
    first = items[start_index].start()
    if header_at is not None and header_at[1] <= first:
        parts.append(Part("boilerplate", header_at[0], header_at[1]))
        first = header_at[0]
    posts = items[start_index:]
    limit = _content_end(text, furniture, posts[-1].start())
    for k, m in enumerate(posts):
        end = posts[k + 1].start() if k + 1 < len(posts) else limit
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        parts.append(Part("comment", m.start(), end, k + 1))
    return first, parts


def _content_end(text: str, furniture: list[Part], after: int) -> int:
    """Where content ends: the first furniture span after ``after`` that only furniture follows."""
    trailing = [p for p in furniture if p.start >= after]
    end = len(text)
    for p in sorted(trailing, key=lambda p: p.start, reverse=True):
        if not text[p.end : end].strip():
            end = p.start
    return end


# --------------------------------------------------------------------------- articles


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    for source, value in candidates:
        if value is None:
            continue
        found = normalise_published(value)  # IngestError for impossible dates
        if found:
            return found, source, None
    body = next((p for p in parts if p.name == "body"), None)
    found = find_dateline(text, body)
    if found:
        return found, "dateline", None
    return None, None, "no publication date in the record, manifest or text"


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


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return None if not text or text.lower() == "nan" else text


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


# --------------------------------------------------------------------------- folders


def read_manifest(raw_dir: Path) -> dict[str, ManifestEntry]:
    """``manifest.csv`` (path, published, title, url; '#' lines are comments), keyed by path."""
    path = raw_dir / MANIFEST_NAME
    if not path.exists():
        return {}
    lines = [line for line in decode_bytes(path.read_bytes()).splitlines() if not line.startswith("#")]
    entries = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        key = (row.get("path") or "").strip()
        if key:
            entries[key] = ManifestEntry(
                published=_clean(row.get("published")),
                title=_clean(row.get("title")),
                url=_clean(row.get("url")),
            )
    return entries


CSV_SNIFF_BYTES = 1 << 20  # enough of a CSV file to tell its encoding


def _csv_encoding(path: Path) -> str:
    """The encoding of a CSV records file, judged on its first megabyte (the file is streamed)."""
    with path.open("rb") as fh:
        head = fh.read(CSV_SNIFF_BYTES)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the sample's end
            return "utf-8"
    return _guess_legacy_encoding(head)


def _guess_legacy_encoding(data: bytes) -> str:
    """charset-normalizer's reading, preferring Windows-1252 / Latin-1 among equally clean ones.

    English news that is not UTF-8 is nearly always one of those; among equally clean readings
    charset-normalizer's ranking is arbitrary (cp775 for "Zürich").
    """
    from charset_normalizer import from_bytes

    if _looks_binary(data):
        raise IngestError("binary content, not text")
    matches = list(from_bytes(data))
    if not matches:
        raise IngestError("unknown text encoding")
    least_chaos = min(m.chaos for m in matches)
    clean = [m for m in matches if m.chaos <= least_chaos + 0.05]
    preferred = next((m for enc in WESTERN_ENCODINGS for m in clean if m.encoding == enc), None)
    return (preferred or matches[0]).encoding


def iter_records(path: Path) -> Iterator[tuple[int, Mapping[str, Any] | IngestError]]:
    """(line or row number, record or the error for that line) from a JSONL or CSV file.

    Both are streamed, so a records file may be larger than memory.
    """
    if path.suffix.lower() == ".csv":
        yield from _iter_csv(path)
        return
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                yield n, IngestError(f"line {n} is not valid JSON: {exc}")
                continue
            if not isinstance(record, dict):
                yield n, IngestError(f"line {n} is not a JSON object")
                continue
            yield n, record


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


def iter_input_files(raw_dir: Path) -> Iterator[Path]:
    """Files under ``raw_dir`` in a stable order, hidden files and the manifest excluded."""
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts) or rel.as_posix() == MANIFEST_NAME:
            continue
        yield path


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
    for path in iter_input_files(raw_dir):
        rel = path.relative_to(raw_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            yield rel
            continue
        entry = manifest.get(rel)
        if suffix in RECORD_SUFFIXES:
            yield from _records_file(path, rel, seen)
            continue
        try:
            if suffix in HTML_SUFFIXES:
                article = article_from_html(read_text_file(path), doc_id=rel, source_path=rel, manifest=entry)
            else:
                article = article_from_text(read_text_file(path), doc_id=rel, source_path=rel, manifest=entry)
        except IngestError as exc:
            yield ErrorRecord(rel, rel, "ingest", _error_type(exc), str(exc))
            continue
        except (OSError, ValueError) as exc:
            yield ErrorRecord(rel, rel, "ingest", type(exc).__name__, str(exc))
            continue
        yield from _unique(article, seen, rel)


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
