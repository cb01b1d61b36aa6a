"""The stages wired together once: ingest -> extract -> export, streaming, cached, and atomic.

- ``ingest_stage`` reads the raw folder and writes ``documents``, ``parts`` and ingest ``errors``.
- ``extract_stage`` streams ``documents`` in batches through the model and the extractors and
  writes the mention tables and ``facts``; a document whose text, publication date, pipeline
  version and model are unchanged is taken from the cache instead of being re-processed.
- ``export_stage`` checks every table against its schema and writes the CSV copies.
- ``run`` does all three into one staging folder, or nothing when the published tables were made
  from the same inputs and code (``inputs_key``).

Each command writes every table it produces into a staging folder and publishes them together
at its end (``store.publish``): a run interrupted anywhere leaves the previous run's tables, all
of them, and a published folder always holds one run's tables and its manifest ``_run.json``.
``extract`` and ``export`` on their own carry the published tables they do not rewrite into the
new run. ``run`` is the one place the sequence is written, into one staging folder; where the
model runs is a ``Backend`` (``engines.local``: this process or a pool; ``engines.dask``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.parquet as pq

from ..config import Settings
from ..errors import RunMismatchError, SchemaError
from ..ingest import iter_articles
from ..ingest.schema import load_furniture
from ..records import Article, ErrorRecord
from ..store.cache import ExtractionCache
from ..store.manifest import mismatch, read_manifest
from ..store.publish import carry, pause_point, publishing
from ..store.rows import MENTION_TABLES, document_row, error_row, iter_table_rows, part_rows, read_articles
from ..store.tables import TABLE_NAMES, arrow_schema, check_tables, csv_safe, table_files
from ..store.writers import EXTRACT_FLUSH_DOCS, INGEST_FLUSH_DOCS, RowBuffer, holding, open_tables, output_lock
from .local import Backend, local_backend, pool_backend

if TYPE_CHECKING:
    from ..extractors import StageTimer

# Nothing here imports spaCy at module level: ``extract_into`` imports it (with the extractors and
# their rule files) when the first document that is not in the cache needs the model. `pipeline
# export`, the commands that only read tables, and a re-run with every document cached never do.

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
    workers: int = 0  # processes that ran the model (0: every document came from the cache)
    unchanged: bool = False  # ``run`` found the published tables made from the same inputs: nothing written

    def line(self) -> str:
        rows = ", ".join(f"{t} {n}" for t, n in self.rows.items() if t not in ("errors",))
        extra = f", {self.cached} cached" if self.cached else ""
        extra += " (tables up to date, left as they were)" if self.unchanged else ""
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        workers = f" ({self.workers} worker processes)" if self.workers > 1 else ""
        return (
            f"{self.documents} documents{extra}{skipped}; rows: {rows}; errors {self.errors}; "
            f"{self.seconds:.1f} s{workers}"
        )


def ingest_stage(
    input_dir: Path, output_dir: Path, *, progress: Progress | None = None, part_docs: int | None = None
) -> StageSummary:
    """Raw folder -> documents, parts, errors (ingest rows only), published as a new run.

    The previous run's other tables are not carried: they describe other documents. ``part_docs``
    writes partitioned tables (``<table>/part-NNNNN.parquet``, that many documents a part)
    instead of one file per table: the layout of the Dask engine.
    """
    with holding(output_dir), publishing(output_dir, ["ingest"], input_dir=Path(input_dir)) as staging:
        return ingest_into(input_dir, staging, progress=progress, part_docs=part_docs)


def ingest_into(
    input_dir: Path, staging: Path, *, progress: Progress | None = None, part_docs: int | None = None
) -> StageSummary:
    """The ingest stage's work, into a staging folder."""
    t0 = time.perf_counter()
    summary = StageSummary()
    load_furniture()  # a broken rule file stops here, before any table is touched
    with open_tables(("documents", "parts", "errors"), staging, part_docs=part_docs) as ts:
        buffer = RowBuffer(ts, docs_per_flush=part_docs or INGEST_FLUSH_DOCS)
        for item in iter_articles(Path(input_dir)):
            if isinstance(item, Article):
                buffer.add({"documents": [document_row(item)], "parts": part_rows(item)}, documents=1)
                summary.documents += 1
                if progress:
                    progress(1)
                if summary.documents == 1:
                    pause_point("ingest")
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


def extract_stage(
    output_dir: Path,
    settings: Settings,
    *,
    progress: Progress | None = None,
    use_cache: bool = True,
    backend: Backend | None = None,
    part_docs: int | None = None,
) -> StageSummary:
    """Published documents + parts -> entities, dates, quantities, ranks, facts (+ extract errors),
    published as a new run that carries ``documents`` and ``parts`` unchanged."""
    output_dir = Path(output_dir)
    with holding(output_dir), publishing(output_dir, ["extract"]) as staging:
        carry(output_dir, staging, ("documents", "parts"))
        return extract_into(
            staging,
            output_dir,
            settings,
            progress=progress,
            use_cache=use_cache,
            backend=backend,
            part_docs=part_docs,
            errors_from=output_dir,
        )


def extract_into(
    staging: Path,
    output_dir: Path,
    settings: Settings,
    *,
    progress: Progress | None = None,
    use_cache: bool = True,
    backend: Backend | None = None,
    part_docs: int | None = None,
    errors_from: Path | None = None,
) -> StageSummary:
    """The extract stage's work in a staging folder: its documents and parts in, its mention tables
    and errors out; the cache is kept in ``output_dir``, the ingest errors are carried over from
    the errors table in ``errors_from`` (default: the staging folder's).

    Streams: documents are read a batch at a time, cached ones are taken from the cache, the
    rest go through ``backend`` (this process, a process pool, or Dask workers), and rows are
    written in batches. spaCy, the extractors and their rule files are imported and checked when
    the first document not in the cache needs them (before it reaches the backend: a bad rule file
    still stops the run before any document is extracted); the model is loaded by the backend.
    """
    from ..extractors import StageTimer
    from ..extractors.nlp import check_model  # no spaCy: reads the installed packages' metadata

    t0 = time.perf_counter()
    summary = StageSummary()
    timer = StageTimer()
    check_model(settings.model)  # fail fast, with one clear line, before any work
    timer.add("rules", t0)
    backend = backend or default_backend(settings)
    t = time.perf_counter()
    cache = ExtractionCache(output_dir, model=settings.model, fast=settings.fast) if use_cache else None
    timer.add("cache", t)
    previous_errors = _ingest_errors(errors_from or staging)
    # Input order is kept: cached rows wait in ``queue`` behind documents still being extracted.
    queue: deque[tuple[Article, Any, int] | None] = deque()  # None marks a document in flight

    with open_tables((*MENTION_TABLES, "errors"), staging, part_docs=part_docs) as ts:
        buffer = RowBuffer(ts, docs_per_flush=part_docs or EXTRACT_FLUSH_DOCS)
        buffer.add({"errors": previous_errors}, documents=0)
        summary.errors += len(previous_errors)

        def emit(article: Article, rows: Any, words: int, *, fresh: bool) -> None:
            summary.documents += 1
            t = time.perf_counter()
            if isinstance(rows, ErrorRecord):
                buffer.add({"errors": [error_row(rows)]})
                summary.errors += 1
            else:
                buffer.add(rows)  # with an errors row when the value checks set rows aside
                summary.errors += len(rows.get("errors", ()))
                summary.words += words
                if fresh and cache is not None:
                    t = timer.add("write", t)
                    cache.put(article, rows, words)
                    t = timer.add("cache", t)
            timer.add("write", t)
            if progress:
                progress(1)
            if summary.documents == 1:
                pause_point("extract")

        def flush_cached() -> None:
            while queue and queue[0] is not None:
                a, rows, words = queue.popleft()
                emit(a, rows, words, fresh=False)

        prepared: list[bool] = []

        def uncached() -> Iterator[Article]:
            for a in read_articles(staging):
                t = time.perf_counter()
                hit = cache.get(a) if cache else None
                timer.add("cache", t)
                if hit is None:
                    if not prepared:  # the first document that needs the model
                        prepare_extractors(timer)
                        prepared.append(True)
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
        t = time.perf_counter()
        buffer.flush()
        summary.rows = ts.counts()
    t = timer.add("write", t)  # the last row group, and closing the Parquet files
    if cache is not None:
        cache.prune()
        timer.add("cache", t)
    if summary.documents > summary.cached:
        summary.workers = getattr(backend, "workers", None) or settings.workers
    summary.seconds = time.perf_counter() - t0
    summary.stage_seconds = dict(timer.seconds)  # imports, rules, load (the model), the extractors' stages
    return summary


def prepare_extractors(timer: StageTimer) -> None:
    """Import spaCy and the extractors (timed as ``imports``), then load and check every rule file
    (``rules``; a bad one raises ``RulesError``). Called once, before the first document goes to
    the model; a run with every document cached skips both."""
    from ..extractors import check_rules, import_extractors

    t = time.perf_counter()
    import_extractors()
    t = timer.add("imports", t)
    check_rules()
    timer.add("rules", t)


def _ingest_errors(output_dir: Path) -> list[dict[str, Any]]:
    return [r for r in iter_table_rows(output_dir, "errors") if r["stage"] == "ingest"]


def export_stage(output_dir: Path) -> StageSummary:
    """Check every published table against its schema and publish them again with CSV copies."""
    output_dir = Path(output_dir)
    with holding(output_dir), publishing(output_dir, ["export"]) as staging:
        carry(output_dir, staging, TABLE_NAMES)
        return export_into(staging)


def export_into(staging: Path) -> StageSummary:
    """Check every table in the staging folder against its schema, then write the CSV copies there."""
    import pyarrow.csv as pacsv

    t0 = time.perf_counter()
    try:
        counts = check_tables(staging)
    except SchemaError as exc:  # name the output folder the user knows, not the staging folder in it
        raise SchemaError(str(exc).replace(str(staging), str(staging.parent))) from None
    for table in counts:
        with pacsv.CSVWriter(staging / f"{table}.csv", arrow_schema(table)) as writer:
            for path in table_files(staging, table):
                for batch in pq.ParquetFile(path).iter_batches(batch_size=4096):
                    writer.write_batch(csv_safe(batch.cast(arrow_schema(table))))
        pause_point("export")
    seconds = time.perf_counter() - t0
    return StageSummary(
        documents=counts.get("documents", 0),
        rows=counts,
        errors=counts.get("errors", 0),
        seconds=seconds,
        stage_seconds={"export": seconds},
    )


def default_backend(settings: Settings) -> Backend:
    """This process for one worker, a process pool for more."""
    return pool_backend if settings.workers > 1 else local_backend


def run(
    input_dir: Path | str,
    output_dir: Path | str,
    settings: Settings | None = None,
    *,
    progress: Progress | None = None,
    use_cache: bool = True,
    backend: Backend | None = None,
    part_docs: int | None = None,
    on_ingested: Callable[[StageSummary], None] | None = None,
) -> StageSummary:
    """All stages; the library call behind `pipeline run`, `make extract` and the Dask engine.

    ``backend`` runs the model (default: ``default_backend(settings)``); ``part_docs`` writes
    partitioned tables; ``on_ingested`` is told the ingest summary before extraction starts (the
    CLI sizes its progress bar with it). When the published run was made from the same inputs,
    code, rules, model and layout (``inputs_key``, kept in its ``_run.json``) and its tables still
    agree with that manifest, nothing is written: the summary says ``unchanged`` (unless
    ``use_cache`` is False, which always runs every stage).
    """
    settings = settings or Settings()
    t0 = time.perf_counter()
    out = Path(output_dir)
    notes: dict[str, Any] = {}
    with output_lock(out):
        try:
            with publishing(out, RUN_STAGES, input_dir=Path(input_dir), notes=notes) as staging:
                ingested = ingest_into(Path(input_dir), staging, part_docs=part_docs)
                if on_ingested:
                    on_ingested(ingested)
                t = time.perf_counter()
                notes["inputs_key"] = inputs_key(staging, settings, part_docs)
                published = _published_from(out, notes["inputs_key"]) if use_cache else None
                if published is not None:
                    raise _Unchanged(_unchanged_summary(ingested, published, time.perf_counter() - t))
                extracted = extract_into(
                    staging, out, settings, progress=progress, use_cache=use_cache, backend=backend, part_docs=part_docs
                )
                notes["words"] = extracted.words
                exported = export_into(staging)
        except _Unchanged as done:  # the staging folder is gone; the published run stays as it was
            if progress and done.summary.documents:
                progress(done.summary.documents)
            return dataclasses.replace(done.summary, seconds=time.perf_counter() - t0)
    return combine(ingested, extracted, exported, seconds=time.perf_counter() - t0)


RUN_STAGES = ("ingest", "extract", "export")


class _Unchanged(Exception):
    """Raised inside ``publishing`` to drop the staged run: the published one is the same."""

    def __init__(self, summary: StageSummary) -> None:
        super().__init__("published tables are up to date")
        self.summary = summary


def inputs_key(staging: Path, settings: Settings, part_docs: int | None) -> str:
    """SHA-256 of everything a run's tables depend on: the ingested tables (documents, parts and
    ingest errors, byte for byte: Parquet written from the same rows is the same file), the
    extraction code, rules and model (``extraction_salt``) and the table layout. Two runs with the
    same key write the same tables."""
    from ..store.cache import extraction_salt

    digest = hashlib.sha256(f"{extraction_salt(settings.model, settings.fast)}\0{part_docs}\0".encode())
    for table in ("documents", "parts", "errors"):
        for path in table_files(staging, table):
            digest.update(f"{path.relative_to(staging).as_posix()}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _published_from(out: Path, key: str) -> dict[str, Any] | None:
    """The manifest of the run published in ``out`` when a whole run made it from inputs with this
    key and every table still agrees with it (present, same sizes and row counts); else None."""
    try:
        manifest = read_manifest(out)
        if manifest is None or manifest.get("inputs_key") != key or tuple(manifest["stages"]) != RUN_STAGES:
            return None
        return manifest if mismatch(out, manifest) is None else None
    except (OSError, RunMismatchError, KeyError, TypeError):
        return None


def _unchanged_summary(ingested: StageSummary, manifest: dict[str, Any], seconds: float) -> StageSummary:
    rows = {table: info["rows"] for table, info in manifest["tables"].items()}
    return StageSummary(
        documents=ingested.documents,
        rows=rows,
        errors=rows.get("errors", 0),
        skipped=ingested.skipped,
        cached=ingested.documents,
        words=int(manifest.get("words") or 0),
        stage_seconds={**ingested.stage_seconds, "cache": seconds},
        unchanged=True,
    )


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
        workers=extracted.workers,
    )


__all__ = [
    "run",
    "ingest_stage",
    "extract_stage",
    "export_stage",
    "default_backend",
    "StageSummary",
]
