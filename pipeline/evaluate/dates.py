"""TempEval-3 Task A scoring of the ``dates`` table on character spans.

``score_timexes`` is the metric (strict / relaxed P R F1, value accuracy, value F1 = relaxed F1 x
value accuracy, per gold type), a pure function over gold and system spans. ``evaluate_dates``
runs a gold JSONL ({doc_id, dct, text, timexes}) through the same path as ``pipeline run``
(article_from_record, then extract_articles) and scores what lands in ``dates``.
``evaluate_dates_halves`` scores the same run on all documents, the tuning half and the check half
(the dev gold's one split, ``dev_facts.half``: md5 of the document id); errors are read on the
tuning half only.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..config import DEFAULT_MODEL
from .dev_facts import HALVES, half

# The targets of issue 4 on the development set.
# issue 13's dev targets (TempEval-3 training documents); SET keeps the earlier floor, the issue sets none
TARGETS = {"strict_F1": 0.90, "value_F1": 0.87, "DURATION_value_recall": 0.85, "SET_value_recall": 0.6}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> dict[str, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0}


@dataclass(frozen=True, slots=True)
class ScoreError:
    kind: str  # MISSED | VALUE | SPURIOUS | SPAN
    doc_id: str
    gold_text: str | None
    gold_value: str | None
    sys_text: str | None
    sys_value: str | None


@dataclass(frozen=True, slots=True)
class DateReport:
    """Scores of one run; ``render`` prints a table with the issue's targets."""

    n_docs: int
    n_gold: int
    n_sys: int
    strict: dict[str, float]
    relaxed: dict[str, float]
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    by_type: dict[str, dict[str, float]]
    errors: tuple[ScoreError, ...] = ()
    seconds: dict[str, float] = field(default_factory=dict)
    words: int = 0
    failed: tuple[str, ...] = ()  # doc_ids whose extraction failed (scored as finding nothing)

    def measures(self) -> dict[str, float]:
        out = {"strict_F1": self.strict["F1"], "value_F1": self.value_f1}
        for t, v in self.by_type.items():
            out[f"{t}_value_recall"] = v["value_recall"]
        return out

    def targets_met(self) -> dict[str, bool]:
        m = self.measures()
        return {k: m.get(k, 0.0) >= v for k, v in TARGETS.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "n_docs": self.n_docs,
            "n_gold": self.n_gold,
            "n_sys": self.n_sys,
            "strict": self.strict,
            "relaxed": self.relaxed,
            "value_accuracy": self.value_accuracy,
            "value_F1": self.value_f1,
            "type_accuracy": self.type_accuracy,
            "type_F1": self.relaxed["F1"] * self.type_accuracy,
            "by_gold_type": self.by_type,
            "targets": {k: {"target": v, "met": self.targets_met()[k]} for k, v in TARGETS.items()},
            "seconds": self.seconds,
            "words": self.words,
            "failed_docs": list(self.failed),
        }

    def render(self, errors: int = 0) -> str:
        lines = [f"TempEval-3 Task A: {self.n_docs} docs, gold={self.n_gold} system={self.n_sys}"]
        lines.append(f"{'':10s} {'P':>7s} {'R':>7s} {'F1':>7s}")
        for k, m in (("strict", self.strict), ("relaxed", self.relaxed)):
            lines.append(f"{k:10s} {m['P']:7.4f} {m['R']:7.4f} {m['F1']:7.4f}")
        lines.append(
            f"value accuracy {self.value_accuracy:.4f}   value F1 {self.value_f1:.4f}   "
            f"type accuracy {self.type_accuracy:.4f}"
        )
        lines.append(f"{'gold type':10s} {'n':>5s} {'relaxed R':>10s} {'value R':>8s}")
        for t, v in self.by_type.items():
            lines.append(f"{t:10s} {v['gold']:5.0f} {v['relaxed_recall']:10.3f} {v['value_recall']:8.3f}")
        lines.append("targets:")
        m, met = self.measures(), self.targets_met()
        for k, v in TARGETS.items():
            lines.append(f"  {k:24s} {m.get(k, 0.0):.4f} >= {v:.2f}  {'met' if met[k] else 'NOT MET'}")
        if self.seconds:
            parts = ", ".join(f"{k} {v:.2f}s" for k, v in self.seconds.items())
            lines.append(f"time: {parts} ({self.words} words)")
        if self.failed:
            lines.append(f"extraction failed on {len(self.failed)} docs: {', '.join(self.failed[:10])}")
        for e in self.errors[:errors]:
            lines.append(
                f"  {e.kind:8s} {e.doc_id}: gold {e.gold_text!r}={e.gold_value} sys {e.sys_text!r}={e.sys_value}"
            )
        return "\n".join(lines)


def score_timexes(
    gold_docs: Sequence[Mapping[str, Any]], system: Mapping[str, Sequence[Mapping[str, Any]]]
) -> DateReport:
    """Score system timexes ({start, end, value, type}) per doc_id against gold docs."""
    c: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[ScoreError] = []
    for doc in gold_docs:
        text = doc["text"]
        gold = [(_trim(text, g["start"], g["end"]), g) for g in doc["timexes"]]
        pred = [(_trim(text, s["start"], s["end"]), s) for s in system.get(doc["doc_id"], [])]
        c["gold"] += len(gold)
        c["sys"] += len(pred)

        def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
            return a[0] < b[1] and b[0] < a[1]

        for span, s in pred:
            c["strict_p"] += any(span == gs for gs, _ in gold)
            hit = any(overlap(span, gs) for gs, _ in gold)
            c["relaxed_p"] += hit
            if not hit:
                errors.append(
                    ScoreError("SPURIOUS", doc["doc_id"], None, None, text[span[0] : span[1]], s.get("value"))
                )
        for gspan, g in gold:
            t = by_type[g.get("type") or "?"]
            t["gold"] += 1
            cands = [(span, s) for span, s in pred if overlap(span, gspan)]
            if not cands:
                errors.append(ScoreError("MISSED", doc["doc_id"], g["text"], g["value"], None, None))
                continue
            bspan, best = max(
                cands,
                key=lambda x: (x[0] == gspan, min(x[0][1], gspan[1]) - max(x[0][0], gspan[0])),
            )
            c["relaxed_r"] += 1
            t["relaxed"] += 1
            c["strict_r"] += bspan == gspan
            ok = str(best.get("value")) == str(g["value"])
            c["value"] += ok
            t["value"] += ok
            c["type"] += best.get("type") == g.get("type")
            if not ok:
                errors.append(
                    ScoreError(
                        "VALUE", doc["doc_id"], g["text"], g["value"], text[bspan[0] : bspan[1]], best.get("value")
                    )
                )
            elif bspan != gspan:
                errors.append(
                    ScoreError(
                        "SPAN", doc["doc_id"], g["text"], g["value"], text[bspan[0] : bspan[1]], best.get("value")
                    )
                )
    vacc = c["value"] / c["relaxed_r"] if c["relaxed_r"] else 0.0
    tacc = c["type"] / c["relaxed_r"] if c["relaxed_r"] else 0.0
    relaxed = _prf(c["relaxed_p"], c["sys"], c["relaxed_r"], c["gold"])
    types = {
        k: {"gold": v["gold"], "relaxed_recall": v["relaxed"] / v["gold"], "value_recall": v["value"] / v["gold"]}
        for k, v in sorted(by_type.items())
    }
    return DateReport(
        n_docs=len(gold_docs),
        n_gold=c["gold"],
        n_sys=c["sys"],
        strict=_prf(c["strict_p"], c["sys"], c["strict_r"], c["gold"]),
        relaxed=relaxed,
        value_accuracy=vacc,
        value_f1=relaxed["F1"] * vacc,
        type_accuracy=tacc,
        by_type=types,
        errors=tuple(errors),
    )


def load_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Gold documents of a temporal JSONL ({doc_id, dct, text, timexes})."""
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
            if limit is not None and len(docs) >= limit:
                break
    return docs


class SystemRun(NamedTuple):
    timexes: dict[str, list[dict[str, Any]]]  # per doc_id: {start, end, text, value, type}
    words: int
    failed: tuple[str, ...]  # doc_ids the pipeline turned into error rows


def system_timexes(
    gold_docs: Iterable[Mapping[str, Any]], *, model: str = DEFAULT_MODEL, fast: bool = False, timer: Any = None
) -> SystemRun:
    """Run the gold texts through the pipeline the way ``pipeline run`` does; timexes per doc_id."""
    from ..extractors import StageTimer, extract_articles
    from ..extractors.nlp import load_nlp
    from ..ingest import article_from_record

    nlp = load_nlp(model, fast=fast)
    timer = timer or StageTimer()
    articles = [
        article_from_record({"id": d["doc_id"], "text": d["text"], "published": d.get("dct")}) for d in gold_docs
    ]
    out: dict[str, list[dict[str, Any]]] = {}
    words = 0
    failed: list[str] = []
    for ex in extract_articles(articles, nlp, timer=timer):
        if not hasattr(ex, "dates"):  # an error row: that document gets no system timexes
            failed.append(str(ex.doc_id))
            continue
        words += ex.words
        mentions = [getattr(item, "mention", None) or item[1] for item in ex.dates]
        out[ex.article.doc_id] = [
            {"start": m.start, "end": m.end, "text": m.text, "value": m.value, "type": m.type} for m in mentions
        ]
    return SystemRun(out, words, tuple(failed))


def evaluate_dates(
    gold_path: str | Path, *, model: str = DEFAULT_MODEL, fast: bool = False, limit: int | None = None
) -> DateReport:
    """Score the pipeline's ``dates`` on a gold temporal JSONL (TempEval-3 Task A on character spans)."""
    from ..extractors import StageTimer

    gold = load_gold(gold_path, limit)
    timer = StageTimer()
    t0 = time.perf_counter()
    run = system_timexes(gold, model=model, fast=fast, timer=timer)
    report = score_timexes(gold, run.timexes)
    seconds = {k: round(v, 3) for k, v in timer.seconds.items() if k in ("nlp", "dates")}
    seconds["total"] = round(time.perf_counter() - t0, 3)
    return DateReport(
        **{
            **{f: getattr(report, f) for f in report.__dataclass_fields__},
            "seconds": seconds,
            "words": run.words,
            "failed": run.failed,
        }
    )


def score_halves(
    gold_docs: Sequence[Mapping[str, Any]], system: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, DateReport]:
    """``score_timexes`` on all documents, the tuning half and the check half (``dev_facts.half``)."""
    return {
        h: score_timexes([d for d in gold_docs if h == "all" or half(str(d["doc_id"])) == h], system) for h in HALVES
    }


def evaluate_dates_halves(
    gold_path: str | Path, *, model: str = DEFAULT_MODEL, fast: bool = False
) -> dict[str, DateReport]:
    """One pipeline run over a gold temporal JSONL, scored per half: {"all", "tuning", "check"}."""
    gold = load_gold(gold_path)
    return score_halves(gold, system_timexes(gold, model=model, fast=fast).timexes)
