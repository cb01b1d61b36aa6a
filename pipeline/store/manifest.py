"""The manifest ``_run.json``: what one published run wrote, and the check readers make against it.

A published output folder holds the tables of exactly one run plus ``_run.json`` naming them:
per table its layout (one file, or a folder of parts), its row count, and every file with its
size in bytes. ``published_files`` gives the Parquet files to read only when the folder agrees
with its manifest; a folder from before manifests existed is read as it is, with a warning.
"""

from __future__ import annotations

import hashlib
import json
import time
import warnings
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ..errors import RunMismatchError
from .tables import TABLE_NAMES, table_files

MANIFEST = "_run.json"
FORMAT = 1
STAGING_PREFIX = ".staging-"

Manifest = dict[str, Any]


class UnverifiedTablesWarning(UserWarning):
    """An output folder has tables but no ``_run.json`` (written before runs had manifests)."""


def table_entries(table: str) -> tuple[str, str, str]:
    """The names a table may have in a folder: single Parquet file, folder of parts, CSV copy."""
    return f"{table}.parquet", table, f"{table}.csv"


def describe(folder: Path) -> dict[str, Any]:
    """The ``tables`` part of a manifest for the tables in ``folder`` (a staging folder)."""
    tables: dict[str, Any] = {}
    for table in TABLE_NAMES:
        single, parts, csv = (folder / name for name in table_entries(table))
        if not single.is_file() and not parts.is_dir():
            continue
        parquet = [single] if single.is_file() else sorted(parts.rglob("*.parquet"))
        files = {p.relative_to(folder).as_posix(): p.stat().st_size for p in parquet}
        if csv.is_file():
            files[csv.name] = csv.stat().st_size
        tables[table] = {
            "layout": "file" if single.is_file() else "folder",
            "rows": sum(pq.ParquetFile(p).metadata.num_rows for p in parquet),
            "files": files,
        }
    return tables


def documents_fingerprint(folder: Path) -> str | None:
    """SHA-256 over the documents' ids and text hashes, in table order: which corpus the tables
    describe (equal for two runs on the same input). None without a documents table."""
    files = table_files(folder, "documents")
    if not files:
        return None
    digest = hashlib.sha256()
    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(columns=["doc_id", "text_sha256"], batch_size=4096):
            for doc_id, sha in zip(*(c.to_pylist() for c in batch.columns), strict=True):
                digest.update(f"{doc_id}\0{sha}\n".encode())
    return digest.hexdigest()


def entries(manifest: Manifest) -> list[str]:
    """The top-level names (files and folders) a manifest's run occupies, in table order."""
    names = []
    for table, info in manifest["tables"].items():
        single, parts, csv = table_entries(table)
        names.append(single if info["layout"] == "file" else parts)
        if csv in info["files"]:
            names.append(csv)
    return names


def read_manifest(folder: Path) -> Manifest | None:
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise RunMismatchError(f"{path}: unreadable manifest ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or "tables" not in manifest:
        raise RunMismatchError(f"{path}: not a manifest of format {FORMAT}")
    return manifest


def mismatch(folder: Path, manifest: Manifest) -> str | None:
    """The first way ``folder`` disagrees with ``manifest`` (a file missing, of another size,
    another row count, or a table the manifest does not list), else None."""
    for table in TABLE_NAMES:
        info = manifest["tables"].get(table)
        present = [name for name in table_entries(table) if (folder / name).exists()]
        if info is None:
            if present:
                return f"{present[0]} is not part of run {manifest['run_id']}"
            continue
        expected = set(entries({"tables": {table: info}}))
        if extra := sorted(set(present) - expected):
            return f"{extra[0]} is not part of run {manifest['run_id']}"
        for name, size in info["files"].items():
            path = folder / name
            if not path.is_file():
                return f"{name} is missing"
            if path.stat().st_size != size:
                return f"{name} has {path.stat().st_size} bytes, the manifest says {size}"
        parquet = [folder / name for name in info["files"] if name.endswith(".parquet")]
        if info["layout"] == "folder" and sorted((folder / table).rglob("*.parquet")) != sorted(parquet):
            return f"{table}/ holds parts the manifest does not list"
        rows = sum(pq.ParquetFile(p).metadata.num_rows for p in parquet)
        if rows != info["rows"]:
            return f"{table} has {rows} rows, the manifest says {info['rows']}"
    return None


def switching(folder: Path) -> bool:
    """Whether a finished run is being switched in (or was killed while it was)."""
    return any((p / MANIFEST).is_file() for p in Path(folder).glob(f"{STAGING_PREFIX}*"))


def published_files(folder: Path | str, *, attempts: int = 5, wait: float = 0.2) -> dict[str, list[Path]]:
    """The Parquet files of each table of the run published in ``folder``, after checking the
    folder against its manifest. While another process switches a run in, waits for it (up to
    about ``attempts * wait`` seconds); a folder that still disagrees raises RunMismatchError.
    A folder without a manifest gives what it holds, with an UnverifiedTablesWarning."""
    folder = Path(folder)
    for attempt in range(attempts):
        manifest = read_manifest(folder)
        if manifest is None:
            found = {t: table_files(folder, t) for t in TABLE_NAMES}
            if any(found.values()):
                warnings.warn(
                    f"{folder} has no {MANIFEST} (tables written by an older version): not checked for"
                    " consistency; run the pipeline again to write one",
                    UnverifiedTablesWarning,
                    stacklevel=3,
                )
            return found
        try:
            problem = mismatch(folder, manifest)
        except OSError as exc:  # a file switched away while it was being looked at
            problem = str(exc)
        if problem is None:
            return {t: _listed(folder, manifest, t) for t in TABLE_NAMES}
        half_switched = switching(folder)
        if attempt + 1 == attempts or not half_switched:
            why = (
                "an interrupted run left them half switched: the next pipeline command into this folder finishes it"
                if half_switched
                else "changed since that run was published: run `pipeline run` again"
            )
            raise RunMismatchError(f"{folder}: tables do not match {MANIFEST} ({problem}); {why}")
        time.sleep(wait)
    raise AssertionError("unreachable")


def _listed(folder: Path, manifest: Manifest, table: str) -> list[Path]:
    info = manifest["tables"].get(table)
    if info is None:
        return []
    return sorted(folder / name for name in info["files"] if name.endswith(".parquet"))


def current_run_id(folder: Path | str) -> str | None:
    manifest = read_manifest(Path(folder))
    return None if manifest is None else manifest["run_id"]
