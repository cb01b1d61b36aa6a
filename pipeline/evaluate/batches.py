"""The facts table scored on annotated batches of your own, the way the held-out sets are scored.

A batch folder holds ``docs_<name>.jsonl`` (records: ``id``, ``title``, ``text``, ``published``) beside
``<name>_gold.jsonl`` (gold facts in the dev format, ``facts_guidelines.md``): the layout
``pipeline evaluate fit-subjects --batch`` reads. Each pair is run through ``pipeline run`` (records in,
facts table out, no cache) and scored by the shared scorer ``score_facts.py`` (value, value+subject,
+unit, +time, events), so a blind batch's first look and its later scores come from one command.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import IngestError
from .dev_facts import DEV_DIR, _run_lines, _score, shown_cells, shown_header


@dataclass(frozen=True)
class BatchScores:
    """Scorer figures per batch file: ``scores["<folder>/<name>"][criterion] = {P, R, F1, ...}``."""

    scores: dict[str, dict[str, dict[str, float]]]
    articles: dict[str, int]

    def render(self) -> str:
        width = max([len("batch"), *(len(k) for k in self.scores)])
        lines = [shown_header(f"{'batch':{width}s}", f"{'docs':>5s}")]
        for name, crit in self.scores.items():
            lines.append(shown_cells(f"{name:{width}s}", f"{self.articles[name]:5d}", scores=crit))
        return "\n".join(lines)


def batch_files(folders: list[Path]) -> list[tuple[str, Path, Path]]:
    """(label, docs file, gold file) for every ``docs_<name>.jsonl`` of the folders, in order; a docs file
    without its gold beside it, or a folder without docs, fails with the file's name."""
    found: list[tuple[str, Path, Path]] = []
    for folder in folders:
        docs = sorted(Path(folder).glob("docs_*.jsonl"))
        if not docs:
            raise FileNotFoundError(f"no docs_*.jsonl in {folder}")
        for path in docs:
            name = path.stem.removeprefix("docs_")
            gold = path.with_name(f"{name}_gold.jsonl")
            if not gold.is_file():
                raise FileNotFoundError(f"{path} has no {gold.name} beside it")
            found.append((f"{Path(folder).name}/{name}", path, gold))
    return found


def _read_records(path: Path) -> list[dict[str, Any]]:
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            records.append({"id": r["id"], "text": r["text"], "title": r.get("title"), "published": r.get("published")})
        except (ValueError, KeyError, TypeError) as exc:
            raise IngestError(f"{path}:{n}: not a record with 'id' and 'text' ({exc})") from exc
    return records


def evaluate_batches(folders: list[Path], *, dev: Path = DEV_DIR, settings=None) -> BatchScores:
    """Run the project on each batch file's articles and score its facts against the gold beside it."""
    from ..engines.stages import run

    scorer = dev / "score_facts.py"
    if not scorer.is_file():
        raise FileNotFoundError(f"no scorer: {scorer} not found")
    scores: dict[str, dict[str, dict[str, float]]] = {}
    articles: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="batch-facts-") as tmp:
        for k, (label, docs, gold) in enumerate(batch_files(folders)):
            records = _read_records(docs)
            work = Path(tmp) / str(k)
            raw = work / "raw"
            raw.mkdir(parents=True)
            (raw / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            run(raw, work / "out", settings, use_cache=False)
            scores[label] = _score(scorer, gold, _run_lines(work / "out", records), "all", work)
            articles[label] = len(records)
    return BatchScores(scores, articles)
