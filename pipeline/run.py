"""The stages wired together: ingest -> extract -> export, streaming, cached, and atomic.

- ``ingest_stage`` reads the raw folder and writes ``documents``, ``parts`` and ingest ``errors``.
- ``extract_stage`` streams ``documents`` in batches through the model and the extractors and
  writes the mention tables and ``facts``; a document whose text, publication date, pipeline
  version and model are unchanged is taken from the cache instead of being re-processed.
- ``export_stage`` checks every table against its schema and writes the CSV copies.
Every table is written under a temporary name and renamed when complete, so an interrupted run
leaves the previous tables as they were.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import pickle
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from .config import PIPELINE_VERSION, Settings
from .extract import STAGES, ArticleExtraction, StageTimer, extract_articles
from .ingest import iter_articles
from .records import Article, ErrorRecord, Part
from .tables import TableSet, arrow_schema, check_tables, sort_rows, to_arrow

MENTION_TABLES = ("entities", "dates", "quantities", "ranks", "facts")
INGEST_TABLES = ("documents", "parts")
Progress = Callable[[int], None]  # called with the number of documents just finished


@dataclass
class StageSummary:
    """What a stage did: counts for the one-line summary and the benchmark."""

    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    skipped: list[str] = field(default_factory=list)
    cached: int = 0
    words: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def line(self) -> str:
        rows = ", ".join(f"{t} {n}" for t, n in self.rows.items() if t not in ("errors",))
        extra = f", {self.cached} cached" if self.cached else ""
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        return f"{self.documents} documents{extra}{skipped}; rows: {rows}; errors {self.errors}; {self.seconds:.1f} s"


# --------------------------------------------------------------------------- ingest


def _precision(published: str | None) -> str | None:
    if not published:
        return None
    return {4: "year", 7: "month"}.get(len(published), "day")


def _published_date(published: str | None):
    import datetime as dt

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


def ingest_stage(input_dir: Path, output_dir: Path, *, progress: Progress | None = None) -> StageSummary:
    """Raw folder -> documents, parts, errors (ingest rows only)."""
    t0 = time.perf_counter()
    summary = StageSummary()
    batch: dict[str, list[dict[str, Any]]] = {"documents": [], "parts": [], "errors": []}
    with TableSet(("documents", "parts", "errors"), output_dir, csv=False) as ts:
        for item in iter_articles(Path(input_dir)):
            if isinstance(item, Article):
                batch["documents"].append(document_row(item))
                batch["parts"].extend(part_rows(item))
                summary.documents += 1
                if progress:
                    progress(1)
            elif isinstance(item, ErrorRecord):
                batch["errors"].append(error_row(item))
                summary.errors += 1
            else:
                summary.skipped.append(item)
                batch["errors"].append(
                    error_row(ErrorRecord(None, item, "ingest", "unsupported", "unsupported file type, skipped"))
                )
            if len(batch["documents"]) >= 256:
                _flush(ts, batch)
        _flush(ts, batch)
        summary.rows = ts.counts()
    summary.seconds = time.perf_counter() - t0
    summary.stage_seconds = {"ingest": summary.seconds}
    return summary


def _flush(ts: TableSet, batch: dict[str, list[dict[str, Any]]]) -> None:
    for table, rows in batch.items():
        ts.write(table, rows)
        rows.clear()


# --------------------------------------------------------------------------- extract


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


# ----------------------------------------------------------------- reading documents back


def read_articles(output_dir: Path, *, batch_rows: int = 256) -> Iterator[Article]:
    """Stream the Articles written by ``ingest_stage`` (parts re-attached), in table order."""
    output_dir = Path(output_dir)
    parts: dict[str, list[Part]] = {}
    parts_file = output_dir / "parts.parquet"
    if parts_file.exists():
        table = pq.read_table(parts_file)
        for doc_id, name, index, start, end in zip(
            *(table.column(c).to_pylist() for c in ("doc_id", "part", "part_index", "start", "end")),
            strict=True,
        ):
            parts.setdefault(doc_id, []).append(Part(name, start, end, index))
    docs = pq.ParquetFile(output_dir / "documents.parquet")
    cols = ["doc_id", "source_path", "text", "title", "published", "published_source", "text_sha256", "url"]
    cols += ["source", "published_note"]
    for batch in docs.iter_batches(batch_size=batch_rows, columns=cols):
        for row in batch.to_pylist():
            yield Article(
                doc_id=row["doc_id"],
                source_path=row["source_path"],
                text=row["text"],
                title=row["title"],
                published=row["published"],
                published_source=row["published_source"],
                parts=tuple(parts.get(row["doc_id"], ())),
                text_sha256=row["text_sha256"],
                url=row["url"],
                source=row["source"],
                published_note=row["published_note"],
            )


# --------------------------------------------------------------------------- cache


class ExtractionCache:
    """Per-document rows keyed by content, publication date, parts, pipeline version and model.

    A changed rule set (``PIPELINE_VERSION``), model, or mode gives new keys, so stale rows are
    never reused; entries are written atomically.
    """

    def __init__(self, output_dir: Path, *, model: str, fast: bool) -> None:
        self.root = Path(output_dir) / ".cache" / "extract"
        self.salt = _hash(PIPELINE_VERSION, model, "fast" if fast else "full")

    def key(self, a: Article) -> str:
        parts = ";".join(f"{p.name}{p.index}:{p.start}-{p.end}" for p in a.parts)
        return _hash(self.salt, a.doc_id, a.text_sha256, str(a.published), parts)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pkl"

    def get(self, a: Article) -> tuple[dict[str, list[dict[str, Any]]], int] | None:
        path = self._path(self.key(a))
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError):
            return None

    def put(self, a: Article, rows: dict[str, list[dict[str, Any]]], words: int) -> None:
        path = self._path(self.key(a))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump((rows, words), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)


# --------------------------------------------------------------------------- workers

_WORKER: dict[str, Any] = {}


def _worker_init(settings: Settings) -> None:
    from .nlp import load_nlp

    _WORKER["nlp"] = load_nlp(settings.model, fast=settings.fast)
    _WORKER["settings"] = settings


def _worker_run(articles: list[Article]) -> tuple[list[tuple[str, Any, int]], dict[str, float]]:
    """Extract a chunk of articles in a worker; returns picklable rows, not Docs."""
    timer = StageTimer()
    out = []
    for result in extract_articles(articles, _WORKER["nlp"], batch_size=_WORKER["settings"].batch_size, timer=timer):
        if isinstance(result, ErrorRecord):
            out.append((result.doc_id, result, 0))
        else:
            out.append((result.article.doc_id, article_rows(result), result.words))
    return out, timer.seconds


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _extract_rows(
    articles: Iterable[Article], settings: Settings, timer: StageTimer
) -> Iterator[tuple[Article | None, Any, int]]:
    """(article, rows or ErrorRecord, words) for each article, in input order."""
    if settings.workers <= 1:
        from .nlp import load_nlp

        nlp = load_nlp(settings.model, fast=settings.fast)
        for result in extract_articles(articles, nlp, batch_size=settings.batch_size, timer=timer):
            if isinstance(result, ErrorRecord):
                yield None, result, 0
            else:
                yield result.article, article_rows(result), result.words
        return
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    by_id: dict[str, Article] = {}

    def remember(chunk: list[Article]) -> list[Article]:
        by_id.update((a.doc_id, a) for a in chunk)
        return chunk

    chunks = (remember(c) for c in _chunks(articles, settings.batch_size))
    with ctx.Pool(settings.workers, initializer=_worker_init, initargs=(settings,)) as pool:
        for results, seconds in pool.imap(_worker_run, chunks):
            for stage, s in seconds.items():
                timer.seconds[stage] = timer.seconds.get(stage, 0.0) + s
            for doc_id, rows, words in results:
                article = by_id.pop(doc_id, None)
                yield (None if isinstance(rows, ErrorRecord) else article), rows, words


def extract_stage(
    output_dir: Path,
    settings: Settings,
    *,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> StageSummary:
    """documents + parts -> entities, dates, quantities, ranks, facts (+ extract errors)."""
    from .nlp import load_nlp

    output_dir = Path(output_dir)
    t0 = time.perf_counter()
    summary = StageSummary()
    timer = StageTimer()
    load_nlp(settings.model, fast=settings.fast)  # fail fast, with one clear line, before any work
    cache = ExtractionCache(output_dir, model=settings.model, fast=settings.fast) if use_cache else None
    previous_errors = _ingest_errors(output_dir)
    # Input order is kept: cached rows wait in ``queue`` behind documents still being extracted.
    queue: deque[tuple[Article, Any, int] | None] = deque()  # None marks a document in flight
    in_flight = 0

    with TableSet((*MENTION_TABLES, "errors"), output_dir, csv=False) as ts:
        ts.write("errors", previous_errors)
        summary.errors += len(previous_errors)

        def emit(article: Article | None, rows: Any, words: int, *, fresh: bool) -> None:
            summary.documents += 1
            if isinstance(rows, ErrorRecord):
                ts.write("errors", [error_row(rows)])
                summary.errors += 1
            else:
                for table, table_rows in rows.items():
                    ts.write(table, table_rows)
                summary.words += words
                if fresh and cache is not None and article is not None:
                    cache.put(article, rows, words)
            if progress:
                progress(1)

        def flush_cached() -> None:
            while queue and queue[0] is not None:
                a, rows, words = queue.popleft()
                emit(a, rows, words, fresh=False)

        def uncached() -> Iterator[Article]:
            nonlocal in_flight
            for a in read_articles(output_dir):
                hit = cache.get(a) if cache else None
                if hit is None:
                    queue.append(None)
                    in_flight += 1
                    yield a
                    continue
                summary.cached += 1
                queue.append((a, hit[0], hit[1]))
                if not in_flight:
                    flush_cached()

        for article, rows, words in _extract_rows(uncached(), settings, timer):
            flush_cached()
            queue.popleft()  # this document's place in the queue
            in_flight -= 1
            emit(article, rows, words, fresh=True)
            flush_cached()
        flush_cached()
        summary.rows = ts.counts()
    summary.seconds = time.perf_counter() - t0
    summary.stage_seconds = {s: timer.seconds.get(s, 0.0) for s in STAGES}
    return summary


def _ingest_errors(output_dir: Path) -> list[dict[str, Any]]:
    path = Path(output_dir) / "errors.parquet"
    if not path.exists():
        return []
    return [r for r in pq.read_table(path).to_pylist() if r["stage"] == "ingest"]


# --------------------------------------------------------------------------- export


def export_stage(output_dir: Path) -> StageSummary:
    """Check every table against its schema, then write the CSV copies (atomically)."""
    import pyarrow.csv as pacsv

    t0 = time.perf_counter()
    output_dir = Path(output_dir)
    counts = check_tables(output_dir)
    for table in counts:
        data = pq.read_table(output_dir / f"{table}.parquet", schema=arrow_schema(table))
        tmp = output_dir / f".{table}.csv.tmp"
        pacsv.write_csv(data, tmp)
        tmp.replace(output_dir / f"{table}.csv")
    return StageSummary(
        documents=counts.get("documents", 0),
        rows=counts,
        errors=counts.get("errors", 0),
        seconds=time.perf_counter() - t0,
        stage_seconds={"export": time.perf_counter() - t0},
    )


# --------------------------------------------------------------------------- all stages


def run(
    input_dir: Path | str,
    output_dir: Path | str,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    use_cache: bool = True,
) -> StageSummary:
    """All stages; the library call behind `pipeline run` and `make extract`."""
    settings = settings or Settings()
    t0 = time.perf_counter()
    ingested = ingest_stage(Path(input_dir), Path(output_dir))
    extracted = extract_stage(Path(output_dir), settings, progress=progress, use_cache=use_cache)
    exported = export_stage(Path(output_dir))
    return StageSummary(
        documents=ingested.documents,
        rows=exported.rows,
        errors=exported.rows.get("errors", 0),
        skipped=ingested.skipped,
        cached=extracted.cached,
        words=extracted.words,
        seconds=time.perf_counter() - t0,
        stage_seconds={**ingested.stage_seconds, **extracted.stage_seconds, **exported.stage_seconds},
    )


__all__ = ["run", "ingest_stage", "extract_stage", "export_stage", "StageSummary", "to_arrow"]
