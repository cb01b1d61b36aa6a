"""The extraction cache: one entry per document, keyed by content, rules, model and mode.

The key hashes the document (id, text, publication date, parts) with a salt made of
``PIPELINE_VERSION``, the fingerprint of the extraction code and rules (``extractors/**`` plus
the record and row definitions cached rows depend on), the installed model and the mode. Editing a
scorer, the CLI or an engine leaves the cache valid; editing a rule re-extracts every document.
Entries are files named by the document id, so a document has one entry; entries of documents no
longer in the input are pruned at the end of each extract stage.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from ..config import PIPELINE_VERSION
from ..records import Article

_PACKAGE = Path(__file__).resolve().parent.parent
# What cached rows depend on: the extractors (code and rules) and the records and row mapping.
_FINGERPRINTED = ("extractors", "records.py", "store/rows.py")


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def fingerprinted_files() -> list[Path]:
    """The files whose content keys the cache, in a fixed order."""
    files: list[Path] = []
    for name in _FINGERPRINTED:
        path = _PACKAGE / name
        files += [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file() and _is_source(p)]
    return sorted(files)


def _is_source(path: Path) -> bool:
    """Not bytecode: nothing under ``__pycache__``, where Python also leaves its temporary
    ``x.pyc.<number>`` files while another process compiles (a fresh clone under pytest-xdist)."""
    return "__pycache__" not in path.parts and path.suffix != ".pyc"


@functools.cache
def rules_fingerprint() -> str:
    """Hash of the extraction code and rule files (``extractors/**``, records and row mapping).

    Part of the cache key next to ``PIPELINE_VERSION``: an edited rule file or extractor
    re-extracts every document even when nobody remembered to bump the version. Scorers, the
    CLI, the engines and the benchmark are not part of it.
    """
    digest = hashlib.sha1()
    for path in fingerprinted_files():
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def extraction_salt(model: str, fast: bool) -> str:
    """What every document's rows depend on besides the document: ``PIPELINE_VERSION``, the rules
    fingerprint, the installed model's name and version, and the mode (full or fast)."""
    from ..extractors.nlp import model_fingerprint

    return _hash(PIPELINE_VERSION, rules_fingerprint(), model_fingerprint(model), "fast" if fast else "full")


class ExtractionCache:
    """Per-document rows, one file per document id, valid while its key matches.

    The key's salt holds ``PIPELINE_VERSION``, the rules fingerprint, the installed model's
    name and version and the mode (full or fast), so a changed rule set or model never reuses
    stale rows; entries are written atomically and overwritten in place, so each document has
    one entry. ``prune`` removes the entries of documents this run did not see.
    """

    def __init__(self, output_dir: Path, *, model: str, fast: bool) -> None:
        self.root = Path(output_dir) / ".cache" / "extract"
        self.salt = extraction_salt(model, fast)
        self.seen: set[Path] = set()

    def key(self, a: Article) -> str:
        parts = ";".join(f"{p.name}{p.index}:{p.start}-{p.end}" for p in a.parts)
        return _hash(self.salt, a.doc_id, a.text_sha256, str(a.published), parts)

    def _path(self, a: Article) -> Path:
        name = _hash(a.doc_id)
        path = self.root / name[:2] / f"{name}.pkl"
        self.seen.add(path)
        return path

    def get(self, a: Article) -> tuple[dict[str, list[dict[str, Any]]], int] | None:
        """The cached (rows, words) of ``a``, or None when absent or made under another key."""
        try:
            with self._path(a).open("rb") as fh:
                key, rows, words = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return None
        return (rows, words) if key == self.key(a) else None

    def put(self, a: Article, rows: dict[str, list[dict[str, Any]]], words: int) -> None:
        path = self._path(a)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((self.key(a), rows, words), fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)

    def prune(self) -> int:
        """Remove entries of documents not seen by this cache (and stray temporary files)."""
        removed = 0
        if not self.root.is_dir():
            return removed
        for path in self.root.rglob("*"):
            if path.is_file() and path not in self.seen:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
