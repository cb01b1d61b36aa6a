"""The facts table scored on the independent dev gold, split into a tuning half and a check half.

The gold (``../shared/dev/facts_dev.jsonl``, BBC 2004-05; ``facts_dev_reuters.jsonl``, Reuters
1987) was written by people who never saw this code. Its articles are taken from the corpora
(``../shared/corpora/``), run through ``pipeline run`` exactly as held-out sets are run (records
with ``id``, ``text``, ``published``), and scored by the shared scorer ``score_facts.py`` on all
documents, the tuning half and the check half. A document belongs to the tuning half when
``int(md5(doc_id), 16) % 2 == 0``: errors are read on that half only, the check half is reported.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import PROJECT_ROOT

DEV_DIR = PROJECT_ROOT.parent / "shared" / "dev"
CORPORA = PROJECT_ROOT.parent / "shared" / "corpora"
SETS = {
    "bbc": ("facts_dev.jsonl", "facts_dev_docs.txt", "bbc_news.jsonl"),
    "reuters": ("facts_dev_reuters.jsonl", "facts_dev_reuters_docs.txt", "reuters21578_train.jsonl"),
}
HALVES = ("all", "tuning", "check")
# (criterion, figure): recall only where the scorer defines only recall (time on gold facts with a time)
SHOWN = (
    ("value", "F1"),
    ("value+subject", "P"),
    ("value+subject", "R"),
    ("value+subject", "F1"),
    ("value+subj+unit", "F1"),
    ("value+subj+time", "R"),
    ("event", "R"),
)


def shown_header(*labels: str) -> str:
    """The ``SHOWN`` figures' column heads after the row labels' own (already padded) heads."""
    return " ".join([*labels, *(f"{c + ' ' + f:>18s}" for c, f in SHOWN)])


def shown_cells(*labels: str, scores: dict[str, dict[str, float]]) -> str:
    """One row: the labels, then the ``SHOWN`` figures of one scorer result (0 where it has none)."""
    return " ".join([*labels, *(f"{scores.get(c, {}).get(f, 0.0):18.3f}" for c, f in SHOWN)])


def half(doc_id: str) -> str:
    """ "tuning" or "check": a fixed hash of the document id."""
    return "tuning" if int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "check"


@dataclass(frozen=True)
class DevScores:
    """Scorer figures per gold set and half: ``scores[set][half][criterion] = {P, R, F1, ...}``."""

    scores: dict[str, dict[str, dict[str, dict[str, float]]]]

    def render(self) -> str:
        lines = [shown_header(f"{'set':8s}", f"{'half':7s}")]
        for name, halves in self.scores.items():
            lines += [shown_cells(f"{name:8s}", f"{h:7s}", scores=crit) for h, crit in halves.items()]
        return "\n".join(lines)


def _records(gold_name: str, docs_name: str, corpus_name: str, dev: Path, corpora: Path) -> list[dict[str, Any]]:
    ids = set((dev / docs_name).read_text(encoding="utf-8").split())
    out = []
    with (corpora / corpus_name).open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in ids:
                out.append({"id": r["id"], "text": r["text"], "title": r.get("title"), "published": r.get("published")})
    return out


def _run_lines(out_dir: Path, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The facts table as the scorer's run lines (one per document)."""
    from ..store.tables import load_tables

    facts = load_tables(out_dir).facts
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for row in facts.to_dict("records"):
        item = {k: (None if _missing(row.get(k)) else row.get(k)) for k in ("subject", "property_key", "unit")}
        item["property"] = row.get("predicate")
        item["value"] = None if _missing(row.get("value")) else float(row["value"])
        item["time_value"] = None if _missing(row.get("time_value")) else str(row["time_value"])
        by_doc.setdefault(str(row["doc_id"]), []).append(item)
    return [{"doc_id": r["id"], "facts": by_doc.get(r["id"], [])} for r in records]


def _missing(value: Any) -> bool:
    try:
        return value is None or value != value  # NaN / NA
    except (TypeError, ValueError):  # pandas NA compares to NA
        return True


def _score(scorer: Path, gold: Path, run: list[dict[str, Any]], keep: str, work: Path) -> dict[str, Any]:
    gold_lines = [line for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [g for g in gold_lines if keep == "all" or half(json.loads(g)["doc_id"]) == keep]
    gold_path, run_path, json_path = (work / f"{keep}.{x}" for x in ("gold.jsonl", "run.jsonl", "json"))
    gold_path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    run_path.write_text(
        "".join(json.dumps(r, default=str) + "\n" for r in run if keep == "all" or half(r["doc_id"]) == keep),
        encoding="utf-8",
    )
    cmd = [sys.executable, str(scorer), str(run_path), "--gold", str(gold_path), "--json", str(json_path)]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(json_path.read_text(encoding="utf-8"))


def evaluate_dev_facts(
    *, dev: Path = DEV_DIR, corpora: Path = CORPORA, sets: tuple[str, ...] = tuple(SETS), settings=None
) -> DevScores:
    """Run the project on each dev gold set's articles and score all / tuning / check halves."""
    from ..engines.stages import run

    scores: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    with tempfile.TemporaryDirectory(prefix="dev-facts-") as tmp:
        work = Path(tmp)
        for name in sets:
            gold_name, docs_name, corpus_name = SETS[name]
            records = _records(gold_name, docs_name, corpus_name, dev, corpora)
            raw = work / name / "raw"
            raw.mkdir(parents=True)
            (raw / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
            run(raw, work / name / "out", settings, use_cache=False)
            lines = _run_lines(work / name / "out", records)
            scores[name] = {h: _score(dev / "score_facts.py", dev / gold_name, lines, h, work / name) for h in HALVES}
    return DevScores(scores)
