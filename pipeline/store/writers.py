"""Writing tables in batches: row buffers, partitioned table sets, and the choice between layouts.

Single-file tables (``<table>.parquet``) come from ``store.tables.TableSet``; the Dask engine's
partitioned layout (``<table>/part-NNNNN.parquet``) from ``PartitionedTableSet``. Both commit all
their tables together or none of them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .tables import CommitOnExit, TableSet, arrow_schema, to_arrow

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


@contextlib.contextmanager
def output_lock(out_dir: Path):
    """Hold the output folder for one run: a second run into the same folder stops at once with
    ``OutputBusyError`` instead of mixing its tables with this one's (an advisory ``flock`` on
    ``.lock``, released when the run ends or its process dies)."""
    import fcntl

    from ..errors import OutputBusyError

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / ".lock").open("a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise OutputBusyError(f"{holder} is writing to {out_dir}: wait for it to finish") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pipeline run (pid {os.getpid()} on {socket.gethostname()})")  # who holds it, for the message
        fh.flush()
        held = (out_dir.resolve(), threading.get_ident())
        _HELD.add(held)
        try:
            yield
        finally:
            _HELD.discard(held)
            fcntl.flock(fh, fcntl.LOCK_UN)


# The output folders this process holds the lock of, with the thread that took it.
_HELD: set[tuple[Path, int]] = set()


@contextlib.contextmanager
def holding(out_dir: Path):
    """The output lock for one stage command: taken here, unless this thread already holds it
    (the CLI takes it before it calls a stage). ``run`` always takes it itself, so a second
    ``run`` into a folder in use stops, even in the same process."""
    if (Path(out_dir).resolve(), threading.get_ident()) in _HELD:
        yield
        return
    with output_lock(out_dir):
        yield
