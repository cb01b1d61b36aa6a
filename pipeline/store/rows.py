"""Records to table rows: one dict per row, in each table's deterministic order, and back.

``article_rows`` turns one article's extraction into rows of the mention tables and ``facts``;
``read_articles`` streams the ingested documents back as ``Article`` records for extraction.
Ids (``entity_id``, ``fact_id``) are hashes of content, so they are stable across runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ..records import Article, ArticleExtraction, ErrorRecord, Fact, Found, Part
from .tables import column_names, sort_rows, table_files

MENTION_TABLES = ("entities", "dates", "quantities", "ranks", "facts")


def _record_fields(table: str, record: Any) -> dict[str, Any]:
    """The table's columns that are fields of the record, by name (the schema is the one list)."""
    return {name: getattr(record, name) for name in column_names(table) if hasattr(record, name)}


def _precision(published: str | None) -> str | None:
    if not published:
        return None
    return {4: "year", 7: "month"}.get(len(published), "day")


def _published_date(published: str | None):

    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def document_row(a: Article) -> dict[str, Any]:
    return {
        **_record_fields("documents", a),
        "published_precision": _precision(a.published),
        "published_date": _published_date(a.published),
        "n_chars": len(a.text),
    }


def part_rows(a: Article) -> list[dict[str, Any]]:
    return [
        {"doc_id": a.doc_id, "part": p.name, "part_index": p.index, "start": p.start, "end": p.end} for p in a.parts
    ]


def error_row(e: ErrorRecord) -> dict[str, Any]:
    return _record_fields("errors", e)


def _provenance(doc_id: str, found: Found) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "part": found.part.name,
        "part_index": found.part.index,
        "sentence_start": found.sentence[0],
        "sentence_end": found.sentence[1],
    }


def _mention_row(table: str, doc_id: str, text: str, found: Found) -> dict[str, Any]:
    """A row of a mention table: the record's fields, its provenance, and computed columns."""
    row = {**_record_fields(table, found.mention), **_provenance(doc_id, found)}
    if table == "entities":
        row["entity_id"] = entity_id(found.mention.entity_key)
    if "sentence" in column_names(table):
        row["sentence"] = text[found.sentence[0] : found.sentence[1]]
    return row


def _span(span: tuple[int, int] | None, i: int) -> int | None:
    return span[i] if span else None


def _fact_row(doc_id: str, found: Found[Fact]) -> dict[str, Any]:
    m = found.mention
    spans = m.sources or ((m.sentence_start, m.sentence_end),)
    return {
        **_record_fields("facts", m),
        "fact_id": fact_id(doc_id, m),
        "doc_id": doc_id,
        "subject_id": entity_id(m.subject_key) if m.subject_key else None,
        "quantity_start": _span(m.quantity_span, 0),
        "quantity_end": _span(m.quantity_span, 1),
        "date_start": _span(m.date_span, 0),
        "date_end": _span(m.date_span, 1),
        "subject_start": _span(m.subject_span, 0),
        "subject_end": _span(m.subject_span, 1),
        "n_sources": len(spans),
        "source_spans": ";".join(f"{s}:{e}" for s, e in spans),
        "part": found.part.name,
        "part_index": found.part.index,
    }


def article_rows(x: ArticleExtraction) -> dict[str, list[dict[str, Any]]]:
    """One article's extraction as table rows (deterministic order)."""
    doc_id, text = x.article.doc_id, x.article.text
    found = {"entities": x.entities, "dates": x.dates, "quantities": x.quantities, "ranks": x.ranks}
    rows = {table: [_mention_row(table, doc_id, text, f) for f in items] for table, items in found.items()}
    rows["facts"] = [_fact_row(doc_id, f) for f in x.facts]
    return {t: sort_rows(t, rows[t]) for t in MENTION_TABLES}


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def entity_id(entity_key: str) -> str:
    """Corpus-stable id of an entity: the same key gives the same id in every run."""
    return "E" + _hash(entity_key)[:12]


def fact_id(doc_id: str, fact) -> str:
    return (
        "F"
        + _hash(
            doc_id,
            str(fact.sentence_start),
            str(fact.quantity_span),
            str(fact.date_span),
            fact.property_key,
            str(fact.subject_key),
        )[:12]
    )


_DOC_COLUMNS = ["doc_id", "source_path", "text", "title", "published", "published_source", "text_sha256", "url"]

_DOC_COLUMNS += ["source", "published_note"]

_PART_COLUMNS = ["doc_id", "part", "part_index", "start", "end"]


def read_articles(output_dir: Path, *, batch_rows: int = 256) -> Iterator[Article]:
    """Stream the Articles written by ``ingest_stage`` (parts re-attached), in table order.

    ``ingest_stage`` writes an article's parts right after its document row, so both tables are
    read in step, a batch at a time: memory stays flat however large the corpus.
    """
    output_dir = Path(output_dir)
    parts_rows = iter_table_rows(output_dir, "parts", columns=_PART_COLUMNS, batch_rows=4 * batch_rows)
    waiting = next(parts_rows, None)
    for row in iter_table_rows(output_dir, "documents", columns=_DOC_COLUMNS, batch_rows=batch_rows):
        parts = []
        while waiting is not None and waiting["doc_id"] == row["doc_id"]:
            parts.append(Part(waiting["part"], waiting["start"], waiting["end"], waiting["part_index"]))
            waiting = next(parts_rows, None)
        yield Article(
            doc_id=row["doc_id"],
            source_path=row["source_path"],
            text=row["text"],
            title=row["title"],
            published=row["published"],
            published_source=row["published_source"],
            parts=tuple(parts),
            text_sha256=row["text_sha256"],
            url=row["url"],
            source=row["source"],
            published_note=row["published_note"],
        )


def iter_table_rows(
    output_dir: Path, table: str, *, columns: list[str] | None = None, batch_rows: int = 256
) -> Iterator[dict[str, Any]]:
    """Stream a table's rows as dicts, a batch at a time."""
    for path in table_files(output_dir, table):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows, columns=columns):
            yield from batch.to_pylist()


def count_documents(output_dir: Path) -> int:
    """Rows of the documents table, from the Parquet footers (nothing else is read)."""
    return sum(pq.ParquetFile(f).metadata.num_rows for f in table_files(output_dir, "documents"))
