"""How far two people's gold facts for the same articles agree: the ceiling a system is measured under.

A second annotator writes gold for articles a reference gold already covers (the dev gold's tuning
half, say) from the guidelines alone, never seeing the reference. ``evaluate_agreement`` scores the
second annotation exactly as a system's facts table is scored (the shared ``score_facts.py``: value,
value+subject, +unit, +time, events), against the reference, on the articles the second annotation
covers. Read the other way round (``swap``) the precision and recall trade places; the F1 figures
barely move (the scorer's matching is greedy and its subject test caps the system side's length).

Where two careful annotators agree on value+subject at 0.75, a system's 0.75 is human level: that is
what the figure is for.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dev_facts import DEV_DIR, _score, shown_cells, shown_header

# The gold fields a system's run line carries (the scorer reads no others).
RUN_FIELDS = ("subject", "property", "value", "unit", "time_value")


@dataclass(frozen=True)
class AgreementScores:
    """Scorer figures of the second annotation against the reference, on the documents both cover."""

    scores: dict[str, dict[str, float]]
    documents: int
    reference_rows: int
    second_rows: int

    def render(self) -> str:
        return "\n".join(
            [
                shown_header("docs".rjust(5)),
                shown_cells(f"{self.documents:5d}", scores=self.scores),
                f"(reference rows {self.reference_rows}, second annotation rows {self.second_rows}, same documents)",
            ]
        )


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Gold fact rows of a JSONL file; a line that is no fact with a ``doc_id`` fails with the file's name."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            row["doc_id"] = str(row["doc_id"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{n}: not a gold fact with a 'doc_id' ({exc})") from exc
        rows.append(row)
    return rows


def as_run(rows: list[dict[str, Any]], doc_ids: list[str]) -> list[dict[str, Any]]:
    """Gold rows as the scorer's run lines: one line per document, its facts in file order."""
    by_doc: dict[str, list[dict[str, Any]]] = {d: [] for d in doc_ids}
    for row in rows:
        if row["doc_id"] in by_doc:
            by_doc[row["doc_id"]].append({k: row.get(k) for k in RUN_FIELDS})
    return [{"doc_id": d, "facts": facts} for d, facts in by_doc.items()]


def evaluate_agreement(reference: Path, second: Path, *, dev: Path = DEV_DIR, swap: bool = False) -> AgreementScores:
    """Score ``second`` (as if it were a system) against ``reference`` on the documents ``second`` covers;
    ``swap=True`` scores the reference against the second annotation instead."""
    scorer = dev / "score_facts.py"
    if not scorer.is_file():
        raise FileNotFoundError(f"no scorer: {scorer} not found")
    ref_rows, second_rows = read_gold(reference), read_gold(second)
    doc_ids = list(dict.fromkeys(r["doc_id"] for r in second_rows))
    missing = sorted(set(doc_ids) - {r["doc_id"] for r in ref_rows})
    if missing:
        raise ValueError(f"{reference} has no gold for {len(missing)} document(s) of {second}: {', '.join(missing)}")
    ref_rows = [r for r in ref_rows if r["doc_id"] in set(doc_ids)]
    gold_rows, run_rows = (second_rows, ref_rows) if swap else (ref_rows, second_rows)
    with tempfile.TemporaryDirectory(prefix="agreement-") as tmp:
        work = Path(tmp)
        gold = work / "gold.jsonl"
        gold.write_text("".join(json.dumps(r) + "\n" for r in gold_rows), encoding="utf-8")
        scores = _score(scorer, gold, as_run(run_rows, doc_ids), "all", work)
    return AgreementScores(scores, len(doc_ids), len(ref_rows), len(second_rows))
