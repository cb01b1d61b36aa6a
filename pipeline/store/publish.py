"""Publishing a run: every table staged in a private folder, then switched in together.

A command (``run``, ``ingest``, ``extract``, ``export``) writes all its tables, Parquet and CSV,
into ``OUT/.staging-<run_id>/``. ``seal`` fsyncs them and writes the manifest ``_run.json`` there
last (tmp + rename): from then on the staged run is complete. ``switch`` moves the previous
tables aside into ``OUT/.trash-<run_id>/``, renames the new ones to their usual names
(``OUT/facts.parquet``, ``OUT/facts.csv``, ``OUT/documents/`` for the Dask layout ...) and
``_run.json`` last, then deletes the old ones.

- A failure or kill before the switch (in any stage, on a full disk, in ``seal``) leaves the
  previous run published; the next command removes the staging folder.
- A failure during the switch moves everything back. A kill during it leaves a half-switched
  folder that ``load_tables`` refuses (the tables disagree with ``_run.json``) until the next
  command into the folder finishes the switch from the complete staging folder, under the lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import shutil
import sys
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..config import PIPELINE_VERSION
from .manifest import (
    FORMAT,
    MANIFEST,
    STAGING_PREFIX,
    Manifest,
    UnverifiedTablesWarning,
    describe,
    documents_fingerprint,
    entries,
    published_files,
    table_entries,
)
from .tables import TABLE_NAMES

TRASH_PREFIX = ".trash-"
PAUSE_ENV = "PIPELINE_TEST_PAUSE_AT"


def pause_point(name: str) -> None:
    """For tests only: with ``PIPELINE_TEST_PAUSE_AT=<name>`` the process says so on stderr and
    sleeps here, so a test can kill it at a known point (ingest, extract, export, publish, switch)."""
    if os.environ.get(PAUSE_ENV) == name:
        print(f"paused at {name}", file=sys.stderr, flush=True)
        time.sleep(600)


def new_run_id() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + secrets.token_hex(3)


@contextlib.contextmanager
def publishing(
    out_dir: Path, stages: Sequence[str], *, input_dir: Path | None = None, notes: dict[str, Any] | None = None
) -> Iterator[Path]:
    """A staging folder for one command's tables, published when the block ends normally.

    The caller holds the output lock. Leftovers of an interrupted command are dealt with first.
    ``notes`` (filled in by the block) go into the manifest: ``run`` records its ``inputs_key``.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out_dir)
    run_id = new_run_id()
    staging = out_dir / f"{STAGING_PREFIX}{run_id}"
    staging.mkdir()
    try:
        yield staging
        seal(staging, run_id=run_id, stages=stages, input_dir=input_dir, notes=notes)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    pause_point("publish")
    switch(staging, out_dir)


def carry(out_dir: Path, staging: Path, tables: Iterable[str]) -> None:
    """Put the published Parquet files of ``tables`` into the staging folder unchanged (hard
    links, else copies), so the new run holds them too. The folder is checked against its
    manifest first: a half-switched folder is never carried into a new run."""
    with warnings.catch_warnings():  # a folder from before manifests: this run writes one
        warnings.simplefilter("ignore", UnverifiedTablesWarning)
        files = published_files(out_dir)
    for table in tables:
        for path in files[table]:
            target = staging / path.relative_to(out_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, target)
            except OSError:
                shutil.copy2(path, target)
        if files[table] == [] and (out_dir / table).is_dir():  # a partitioned table without parts
            (staging / table).mkdir(exist_ok=True)


def seal(
    staging: Path,
    *,
    run_id: str,
    stages: Sequence[str],
    input_dir: Path | None = None,
    notes: dict[str, Any] | None = None,
) -> Manifest:
    """fsync every staged file, then write ``_run.json``: the staged run is complete."""
    for path in sorted(staging.rglob("*"), reverse=True):  # files before the folders holding them
        _fsync(path)
    manifest: Manifest = {
        "format": FORMAT,
        "run_id": run_id,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "stages": list(stages),
        "pipeline_version": PIPELINE_VERSION,
        "input": str(input_dir) if input_dir is not None else None,
        "documents_fingerprint": documents_fingerprint(staging),
        **(notes or {}),
        "tables": describe(staging),
    }
    tmp = staging / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    _fsync(tmp)
    tmp.replace(staging / MANIFEST)
    _fsync(staging)
    return manifest


def switch(staging: Path, out_dir: Path) -> None:
    """Move the previous tables aside, the staged ones in, ``_run.json`` last. Finishes a switch
    a killed process began (entries already moved in are left where they are); on an error moves
    everything back and drops the staged run."""
    manifest = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))
    trash = out_dir / f"{TRASH_PREFIX}{manifest['run_id']}"
    trash.mkdir(exist_ok=True)
    new = set(entries(manifest))
    moves: list[tuple[Path, Path]] = []

    def move(source: Path, target: Path) -> None:
        os.replace(source, target)
        moves.append((source, target))

    try:
        for name in (n for t in TABLE_NAMES for n in table_entries(t)):
            old = out_dir / name
            if (old.exists() or old.is_symlink()) and not (name in new and not (staging / name).exists()):
                move(old, trash / name)
        for name in entries(manifest):
            if (staging / name).exists():
                move(staging / name, out_dir / name)
        pause_point("switch")
        os.replace(staging / MANIFEST, out_dir / MANIFEST)
        _fsync(out_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            for source, target in reversed(moves):
                os.replace(target, source)
            shutil.rmtree(staging, ignore_errors=True)  # only once everything is back
        with contextlib.suppress(OSError):
            trash.rmdir()  # empty once everything is back
        raise
    shutil.rmtree(trash, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)


def remove_leftovers(out_dir: Path) -> int:
    """Deal with what an interrupted command left in the output folder; returns how many things.

    A complete staging folder (it has ``_run.json``) of a switch that was killed is switched in;
    incomplete staging folders, old tables set aside (``.trash-*``), temporary table files
    (``.<table>.*.tmp``) and partition staging folders (``.parts.*``) are removed. Call it with
    the output lock held.
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        return 0
    removed = 0
    for staging in sorted(out_dir.glob(f"{STAGING_PREFIX}*")):
        if (staging / MANIFEST).is_file():
            switch(staging, out_dir)
        else:
            shutil.rmtree(staging, ignore_errors=True)
        removed += 1
    for path in [*out_dir.glob(f"{TRASH_PREFIX}*"), *out_dir.glob(".parts.*")]:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    for path in out_dir.glob(".*.tmp"):
        if path.is_file():
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
