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

import contextlib
import functools
import hashlib
import itertools
import multiprocessing as mp
import os
import pickle
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .config import PIPELINE_VERSION, Settings
from .extract import STAGES, ArticleExtraction, StageTimer, extract_articles
from .ingest import iter_articles
from .records import Article, ErrorRecord, Part
from .tables import CommitOnExit, TableSet, arrow_schema, check_tables, sort_rows, table_files, to_arrow

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


def ingest_stage(
    input_dir: Path, output_dir: Path, *, progress: Progress | None = None, part_docs: int | None = None
) -> StageSummary:
    """Raw folder -> documents, parts, errors (ingest rows only).

    ``part_docs`` writes partitioned tables (``<table>/part-NNNNN.parquet``, that many documents
    a part) instead of one file per table: the layout of the Dask engine.
    """
    t0 = time.perf_counter()
    summary = StageSummary()
    with open_tables(("documents", "parts", "errors"), output_dir, part_docs=part_docs) as ts:
        buffer = RowBuffer(ts, docs_per_flush=part_docs or INGEST_FLUSH_DOCS)
        for item in iter_articles(Path(input_dir)):
            if isinstance(item, Article):
                buffer.add({"documents": [document_row(item)], "parts": part_rows(item)}, documents=1)
                summary.documents += 1
                if progress:
                    progress(1)
            elif isinstance(item, ErrorRecord):
                buffer.add({"errors": [error_row(item)]}, documents=0)
                summary.errors += 1
            else:
                summary.skipped.append(item)
                error = ErrorRecord(None, item, "ingest", "unsupported", "unsupported file type, skipped")
                buffer.add({"errors": [error_row(error)]}, documents=0)
        buffer.flush()
        summary.rows = ts.counts()
    summary.seconds = time.perf_counter() - t0
    summary.stage_seconds = {"ingest": summary.seconds}
    return summary


# --------------------------------------------------------------------------- writing in batches

INGEST_FLUSH_DOCS = 256  # documents per Parquet row group in ingest
EXTRACT_FLUSH_DOCS = 64  # documents per row group in extract: bounded memory, few row groups
FLUSH_ROWS = 20_000  # or sooner, when this many rows are waiting


class RowBuffer:
    """Collects rows of whole documents and writes them in batches (one row group per batch).

    Writing each document on its own made one tiny row group per document and table, slow to
    write and slower to read back; a batch keeps memory bounded all the same. With a
    partitioned table set, each flush closes a part file, so parts hold whole documents.
    """

    def __init__(self, ts: TableSet | PartitionedTableSet, *, docs_per_flush: int) -> None:
        self.ts = ts
        self.docs_per_flush = docs_per_flush
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.documents = 0
        self.pending_rows = 0

    def add(self, rows: dict[str, list[dict[str, Any]]], *, documents: int = 1) -> None:
        for table, table_rows in rows.items():
            if table_rows:
                self.rows.setdefault(table, []).extend(table_rows)
                self.pending_rows += len(table_rows)
        self.documents += documents
        if self.documents >= self.docs_per_flush or (
            self.pending_rows >= FLUSH_ROWS and not isinstance(self.ts, PartitionedTableSet)
        ):
            self.flush()

    def flush(self) -> None:
        for table, rows in self.rows.items():
            self.ts.write(table, rows)
        if isinstance(self.ts, PartitionedTableSet) and (self.documents or self.pending_rows):
            self.ts.next_part()
        self.rows, self.documents, self.pending_rows = {}, 0, 0


class PartitionedTableSet(CommitOnExit):
    """Tables written as folders of part files (``<table>/part-00000.parquet``), committed together.

    The parts are staged in hidden folders and swapped in at ``commit``; the table's single-file
    form and any older folder are removed then, so ``load_tables`` sees exactly one version.
    """

    def __init__(self, tables: Iterable[str], out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.tables = tuple(tables)
        self.staging = Path(tempfile.mkdtemp(prefix=".parts.", dir=self.out_dir))
        self.part = 0
        self.rows_written = dict.fromkeys(self.tables, 0)
        self._writers: dict[str, pq.ParquetWriter] = {}

    def _writer(self, table: str) -> pq.ParquetWriter:
        if table not in self._writers:
            folder = self.staging / table
            folder.mkdir(exist_ok=True)
            path = folder / f"part-{self.part:05d}.parquet"
            self._writers[table] = pq.ParquetWriter(path, arrow_schema(table), compression="zstd")
        return self._writers[table]

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            self._writer(table).write_table(to_arrow(table, rows))
            self.rows_written[table] += len(rows)

    def next_part(self) -> None:
        for writer in self._writers.values():
            writer.close()
        self._writers = {}
        self.part += 1

    def counts(self) -> dict[str, int]:
        return dict(self.rows_written)

    def commit(self) -> None:
        self.next_part()
        for table in self.tables:
            staged = self.staging / table
            staged.mkdir(exist_ok=True)  # an empty table is an empty folder
            remove_table(self.out_dir, table)
            staged.rename(self.out_dir / table)
        shutil.rmtree(self.staging, ignore_errors=True)

    def abort(self) -> None:
        for writer in self._writers.values():
            with contextlib.suppress(OSError, pa.ArrowException):
                writer.close()
        shutil.rmtree(self.staging, ignore_errors=True)


def remove_table(out_dir: Path, table: str) -> None:
    """Drop both on-disk forms of a table (single file and partitioned folder) and its CSV."""
    out_dir = Path(out_dir)
    for path in (out_dir / f"{table}.parquet", out_dir / f"{table}.csv"):
        path.unlink(missing_ok=True)
    if (out_dir / table).is_dir():
        shutil.rmtree(out_dir / table)


class _SingleFileTables(TableSet):
    """TableSet that also removes a partitioned folder of the same table when it commits."""

    def commit(self) -> None:
        for table in self.writers:
            if (self.writers[table].out_dir / table).is_dir():
                shutil.rmtree(self.writers[table].out_dir / table)
        super().commit()


def open_tables(tables: Iterable[str], out_dir: Path, *, part_docs: int | None = None):
    """Single-file tables (``part_docs=None``) or partitioned ones; both commit all-or-nothing."""
    if part_docs:
        return PartitionedTableSet(tables, out_dir)
    return _SingleFileTables(tables, out_dir, csv=False)


def iter_table_rows(
    output_dir: Path, table: str, *, columns: list[str] | None = None, batch_rows: int = 256
) -> Iterator[dict[str, Any]]:
    """Stream a table's rows as dicts, a batch at a time."""
    for path in table_files(output_dir, table):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows, columns=columns):
            yield from batch.to_pylist()


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


def count_documents(output_dir: Path) -> int:
    """Rows of the documents table, from the Parquet footers (nothing else is read)."""
    return sum(pq.ParquetFile(f).metadata.num_rows for f in table_files(output_dir, "documents"))


# --------------------------------------------------------------------------- cache

_PACKAGE = Path(__file__).resolve().parent
_NOT_RULES = {"cli.py", "bench.py", "engine_dask.py", "__main__.py"}


@functools.cache
def rules_fingerprint() -> str:
    """Hash of the extraction code and rule files (``pipeline/*.py``, ``pipeline/data/*``).

    Part of the cache key next to ``PIPELINE_VERSION``: an edited rule file or extractor
    re-extracts every document even when nobody remembered to bump the version.
    """
    digest = hashlib.sha1()
    files = [p for p in _PACKAGE.glob("*.py") if p.name not in _NOT_RULES]
    files += [p for p in (_PACKAGE / "data").rglob("*") if p.is_file()]
    for path in sorted(files):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class ExtractionCache:
    """Per-document rows keyed by content, publication date, parts, rules, model and mode.

    The key's salt holds ``PIPELINE_VERSION``, the rules fingerprint, the installed model's
    name and version and the mode (full or fast), so a changed rule set or model never reuses
    stale rows; entries are written atomically.
    """

    def __init__(self, output_dir: Path, *, model: str, fast: bool) -> None:
        from .nlp import model_fingerprint

        self.root = Path(output_dir) / ".cache" / "extract"
        self.salt = _hash(PIPELINE_VERSION, rules_fingerprint(), model_fingerprint(model), "fast" if fast else "full")

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
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((rows, words), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)


# --------------------------------------------------------------------------- extraction backends

# (article, its rows by table or the ErrorRecord it became, words), in input order.
Extracted = tuple[Article, "dict[str, list[dict[str, Any]]] | ErrorRecord", int]
# A backend turns a stream of articles into a stream of Extracted, in the same order.
Backend = Callable[[Iterable[Article], Settings, StageTimer], Iterator[Extracted]]
WORKER_CHUNK = 16  # articles per task: small enough that no worker idles long at the end


BATCH_CHARS = 150_000  # characters per nlp.pipe batch: about 64 average news articles


def extract_chunk(
    articles: list[Article], nlp: Any, settings: Settings, timer: StageTimer | None = None
) -> tuple[list[tuple[Any, int]], dict[str, float]]:
    """Rows and words for each article of a chunk, in order: the unit of work everywhere.

    Runs inside ``nlp.memory_zone()``: the strings and caches the model adds for these documents
    are freed afterwards, so a long run does not grow; only plain rows (dicts) leave the zone,
    never Docs, so they pickle small and fast back from a pool or Dask worker.
    """
    timer = timer or StageTimer()
    out: list[tuple[Any, int]] = []
    zone = nlp.memory_zone() if hasattr(nlp, "memory_zone") else contextlib.nullcontext()
    with zone:
        for result in extract_articles(articles, nlp, batch_size=settings.batch_size, timer=timer):
            if isinstance(result, ErrorRecord):
                out.append((result, 0))
            else:
                out.append((article_rows(result), result.words))
    return out, timer.seconds


def text_batches(items: Iterable[Article], *, max_docs: int, max_chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Articles in chunks of at most ``max_docs`` articles and about ``max_chars`` characters.

    The model's working memory grows with the text in a batch, not with the number of documents:
    bounding the characters keeps the peak flat even when a few very long articles come together.
    """
    chunk: list[Article] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += len(item.text)
        if len(chunk) >= max_docs or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _peek(items: Iterable[Article]) -> Iterator[Article] | None:
    """The same stream, or None when it is empty (so no model is loaded for nothing)."""
    it = iter(items)
    first = next(it, None)
    return None if first is None else itertools.chain([first], it)


def local_backend(articles: Iterable[Article], settings: Settings, timer: StageTimer) -> Iterator[Extracted]:
    """In this process: batches of articles through ``nlp.pipe`` and the extractors."""
    from .nlp import load_nlp

    stream = _peek(articles)
    if stream is None:
        return
    nlp = load_nlp(settings.model, fast=settings.fast)
    for chunk in text_batches(stream, max_docs=settings.batch_size):
        results, _ = extract_chunk(chunk, nlp, settings, timer)
        for article, (rows, words) in zip(chunk, results, strict=True):
            yield article, rows, words


_WORKER: dict[str, Any] = {}


def _worker_init(settings: Settings) -> None:
    from .nlp import load_nlp

    _WORKER["nlp"] = load_nlp(settings.model, fast=settings.fast)
    _WORKER["settings"] = settings


def _worker_run(articles: list[Article]) -> tuple[list[tuple[Any, int]], dict[str, float]]:
    return extract_chunk(articles, _WORKER["nlp"], _WORKER["settings"])


def ordered_tasks(
    chunks: Iterable[list[Article]], submit: Callable[[list[Article]], Any], result: Callable[[Any], Any], window: int
) -> Iterator[tuple[list[Article], Any]]:
    """Submit chunks, at most ``window`` in flight, and yield (chunk, result) in submission order.

    The window is what keeps a worker pool streaming: an unbounded ``imap`` would read the whole
    corpus into its task queue as fast as it can.
    """
    pending: deque[tuple[list[Article], Any]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            done, handle = pending.popleft()
            yield done, result(handle)
    while pending:
        done, handle = pending.popleft()
        yield done, result(handle)


def merge_chunk(chunk: list[Article], outcome, timer: StageTimer) -> Iterator[Extracted]:
    """A finished task's (rows, seconds) back into Extracted, adding its stage seconds."""
    results, seconds = outcome
    for stage, s in seconds.items():
        timer.seconds[stage] = timer.seconds.get(stage, 0.0) + s
    for article, (rows, words) in zip(chunk, results, strict=True):
        yield article, rows, words


def pool_backend(articles: Iterable[Article], settings: Settings, timer: StageTimer) -> Iterator[Extracted]:
    """A process pool: the model loaded once per worker, chunks of articles in, rows out."""
    stream = _peek(articles)
    if stream is None:
        return
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    with ctx.Pool(settings.workers, initializer=_worker_init, initargs=(settings,)) as pool:
        tasks = ordered_tasks(
            text_batches(stream, max_docs=WORKER_CHUNK),
            lambda chunk: pool.apply_async(_worker_run, (chunk,)),
            lambda handle: handle.get(),
            window=2 * settings.workers,
        )
        for chunk, outcome in tasks:
            yield from merge_chunk(chunk, outcome, timer)


# --------------------------------------------------------------------------- extract stage


def extract_stage(
    output_dir: Path,
    settings: Settings,
    *,
    progress: Progress | None = None,
    use_cache: bool = True,
    backend: Backend | None = None,
    part_docs: int | None = None,
) -> StageSummary:
    """documents + parts -> entities, dates, quantities, ranks, facts (+ extract errors).

    Streams: documents are read a batch at a time, cached ones are taken from the cache, the
    rest go through ``backend`` (this process, a process pool, or Dask workers), and rows are
    written in batches. The model is loaded only when a document actually needs it.
    """
    from .nlp import check_model

    output_dir = Path(output_dir)
    t0 = time.perf_counter()
    summary = StageSummary()
    timer = StageTimer()
    check_model(settings.model)  # fail fast, with one clear line, before any work
    backend = backend or (pool_backend if settings.workers > 1 else local_backend)
    cache = ExtractionCache(output_dir, model=settings.model, fast=settings.fast) if use_cache else None
    previous_errors = _ingest_errors(output_dir)
    # Input order is kept: cached rows wait in ``queue`` behind documents still being extracted.
    queue: deque[tuple[Article, Any, int] | None] = deque()  # None marks a document in flight

    with open_tables((*MENTION_TABLES, "errors"), output_dir, part_docs=part_docs) as ts:
        buffer = RowBuffer(ts, docs_per_flush=part_docs or EXTRACT_FLUSH_DOCS)
        buffer.add({"errors": previous_errors}, documents=0)
        summary.errors += len(previous_errors)

        def emit(article: Article, rows: Any, words: int, *, fresh: bool) -> None:
            summary.documents += 1
            if isinstance(rows, ErrorRecord):
                buffer.add({"errors": [error_row(rows)]})
                summary.errors += 1
            else:
                buffer.add(rows)
                summary.words += words
                if fresh and cache is not None:
                    cache.put(article, rows, words)
            if progress:
                progress(1)

        def flush_cached() -> None:
            while queue and queue[0] is not None:
                a, rows, words = queue.popleft()
                emit(a, rows, words, fresh=False)

        def uncached() -> Iterator[Article]:
            for a in read_articles(output_dir):
                hit = cache.get(a) if cache else None
                if hit is None:
                    queue.append(None)
                    yield a
                    continue
                summary.cached += 1
                queue.append((a, hit[0], hit[1]))
                flush_cached()

        for article, rows, words in backend(uncached(), settings, timer):
            flush_cached()
            queue.popleft()  # this document's place in the queue
            emit(article, rows, words, fresh=True)
            flush_cached()
        flush_cached()
        buffer.flush()
        summary.rows = ts.counts()
    summary.seconds = time.perf_counter() - t0
    summary.stage_seconds = {s: timer.seconds.get(s, 0.0) for s in STAGES}
    return summary


def _ingest_errors(output_dir: Path) -> list[dict[str, Any]]:
    return [r for r in iter_table_rows(output_dir, "errors") if r["stage"] == "ingest"]


# --------------------------------------------------------------------------- export


def export_stage(output_dir: Path) -> StageSummary:
    """Check every table against its schema, then write the CSV copies (atomically, streamed)."""
    import pyarrow.csv as pacsv

    t0 = time.perf_counter()
    output_dir = Path(output_dir)
    counts = check_tables(output_dir)
    for table in counts:
        tmp = output_dir / f".{table}.csv.tmp"
        with pacsv.CSVWriter(tmp, arrow_schema(table)) as writer:
            for path in table_files(output_dir, table):
                for batch in pq.ParquetFile(path).iter_batches(batch_size=4096):
                    writer.write_batch(batch.cast(arrow_schema(table)))
        tmp.replace(output_dir / f"{table}.csv")
    seconds = time.perf_counter() - t0
    return StageSummary(
        documents=counts.get("documents", 0),
        rows=counts,
        errors=counts.get("errors", 0),
        seconds=seconds,
        stage_seconds={"export": seconds},
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
    return combine(ingested, extracted, exported, seconds=time.perf_counter() - t0)


def combine(ingested: StageSummary, extracted: StageSummary, exported: StageSummary, *, seconds: float) -> StageSummary:
    """One summary for a whole run (counts from export, which re-read the tables)."""
    return StageSummary(
        documents=ingested.documents,
        rows=exported.rows,
        errors=exported.rows.get("errors", 0),
        skipped=ingested.skipped,
        cached=extracted.cached,
        words=extracted.words,
        seconds=seconds,
        stage_seconds={**ingested.stage_seconds, **extracted.stage_seconds, **exported.stage_seconds},
    )


__all__ = [
    "run",
    "ingest_stage",
    "extract_stage",
    "export_stage",
    "read_articles",
    "StageSummary",
    "ExtractionCache",
    "local_backend",
    "pool_backend",
    "to_arrow",
]
