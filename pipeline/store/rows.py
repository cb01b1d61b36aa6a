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

from ..records import Article, ArticleExtraction, ErrorRecord, Part
from .tables import sort_rows, table_files

MENTION_TABLES = ("entities", "dates", "quantities", "ranks", "facts")


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
        "doc_id": a.doc_id,
        "source_path": a.source_path,
        "title": a.title,
        "published": a.published,
        "published_precision": _precision(a.published),
        "published_date": _published_date(a.published),
        "published_source": a.published_source,
        "published_note": a.published_note,
        "url": a.url,
        "source": a.source,
        "text": a.text,
        "text_sha256": a.text_sha256,
        "n_chars": len(a.text),
    }


def part_rows(a: Article) -> list[dict[str, Any]]:
    return [
        {"doc_id": a.doc_id, "part": p.name, "part_index": p.index, "start": p.start, "end": p.end} for p in a.parts
    ]


def error_row(e: ErrorRecord) -> dict[str, Any]:
    return {
        "doc_id": e.doc_id,
        "path": e.path,
        "stage": e.stage,
        "error_type": e.error_type,
        "message": e.message,
    }


def article_rows(x: ArticleExtraction) -> dict[str, list[dict[str, Any]]]:
    """One article's extraction as table rows (deterministic order)."""
    doc_id, text = x.article.doc_id, x.article.text

    def prov(f) -> dict[str, Any]:
        return {
            "doc_id": doc_id,
            "part": f.part.name,
            "part_index": f.part.index,
            "sentence_start": f.sentence[0],
            "sentence_end": f.sentence[1],
        }

    def mention(f) -> dict[str, Any]:
        m = f.mention
        return {**prov(f), "start": m.start, "end": m.end, "text": m.text}

    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in MENTION_TABLES}
    for f in x.entities:
        m = f.mention
        rows["entities"].append(
            {
                **mention(f),
                "label": m.label,
                "entity_id": entity_id(m.entity_key),
                "canonical_name": m.canonical_name,
                "entity_key": m.entity_key,
            }
        )
    for f in x.dates:
        m = f.mention
        rows["dates"].append(
            {
                **mention(f),
                "type": m.type,
                "value": m.value,
                "mod": m.mod,
                "start_date": m.start_date,
                "end_date": m.end_date,
                "anchor": m.anchor,
                "quant": m.quant,
                "freq": m.freq,
                "sentence": text[f.sentence[0] : f.sentence[1]],
            }
        )
    for f in x.quantities:
        m = f.mention
        rows["quantities"].append(
            {
                **mention(f),
                "value": m.value,
                "value_max": m.value_max,
                "unit": m.unit,
                "unit_text": m.unit_text,
                "bound": m.bound,
                "change": m.change,
                "per": m.per,
                "kind": m.kind,
                "currency_assumed": m.currency_assumed,
                "vague": m.vague,
                "sentence": text[f.sentence[0] : f.sentence[1]],
            }
        )
    for f in x.ranks:
        rows["ranks"].append({**mention(f), "rank": f.mention.rank, "kind": f.mention.kind})
    for f in x.facts:
        m = f.mention
        spans = m.sources or ((m.sentence_start, m.sentence_end),)
        rows["facts"].append(
            {
                "fact_id": fact_id(doc_id, m),
                "doc_id": doc_id,
                "subject": m.subject,
                "subject_id": entity_id(m.subject_key) if m.subject_key else None,
                "predicate": m.predicate,
                "property_key": m.property_key,
                "value": m.value,
                "value_max": m.value_max,
                "unit": m.unit,
                "bound": m.bound,
                "per": m.per,
                "change": m.change,
                "time_value": m.time_value,
                "time_mod": m.time_mod,
                "time_role": m.time_role,
                "start_date": m.start_date,
                "end_date": m.end_date,
                "modality": m.modality,
                "negated": m.negated,
                "attribution": m.attribution,
                "sentence": m.sentence,
                "sentence_start": m.sentence_start,
                "sentence_end": m.sentence_end,
                "quantity_start": m.quantity_span[0] if m.quantity_span else None,
                "quantity_end": m.quantity_span[1] if m.quantity_span else None,
                "date_start": m.date_span[0] if m.date_span else None,
                "date_end": m.date_span[1] if m.date_span else None,
                "subject_start": m.subject_span[0] if m.subject_span else None,
                "subject_end": m.subject_span[1] if m.subject_span else None,
                "n_sources": len(spans),
                "source_spans": ";".join(f"{s}:{e}" for s, e in spans),
                "part": f.part.name,
                "part_index": f.part.index,
            }
        )
    return {t: sort_rows(t, r) for t, r in rows.items()}


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
