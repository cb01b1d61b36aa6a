"""Fit the weights of the subject candidates' features on the tuning halves of the dev gold.

Every time the facts stage ranks the subject candidates of an amount (``facts.candidates.rank``:
what the parse rules propose, the article's candidates, the sentence's names), the sentence, the
amount and the candidates with their features are recorded; a candidate is labelled right when a
gold fact quoted with that amount names it (the shared scorer's subject test). A ranking model
(softmax over the candidates and "no subject", plain gradient descent, L2-regularised; no extra
dependency) gives one weight per feature. ``cross_validate`` compares the hand weights with weights
fitted on the other articles, and ``compare`` shows how precision and recall move with the
threshold. Only the tuning half is used; the check half stays for reporting.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .dev_facts import CORPORA, DEV_DIR, SETS, _records, half

_STOP = {"inc", "corp", "co", "ltd", "the", "of", "and", "plc", "group", "company", "corporation", "&", "llc", "lp"}


@dataclass(frozen=True)
class Decision:
    """One amount's candidates: their feature sets and whether the gold names each."""

    features: tuple[frozenset[str], ...]
    right: tuple[bool, ...]
    doc_id: str = ""  # the article, for cross-validation by article


def _words(name: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (name or "").casefold()) if w not in _STOP}


def _same_subject(gold: str | None, name: str) -> bool:
    a, b = re.sub(r"[^a-z0-9]", "", (gold or "").casefold()), re.sub(r"[^a-z0-9]", "", name.casefold())
    return bool(_words(gold) & _words(name)) or bool(a and b and (a in b or b in a) and min(len(a), len(b)) >= 4)


@contextmanager
def _recording() -> Iterator[list[tuple[str, str, list]]]:
    """Record (sentence, amount, candidates) for every weighing; restores the module afterwards."""
    from ..extractors.facts import subjects

    seen: list[tuple[str, str, list]] = []
    original = subjects.rank

    def spy(ctx, prop, proposed, **options):
        from ..extractors.facts.candidates import candidates

        sentence = ctx.piece.text if ctx.piece is not None else ""
        amount = ctx.amount.text if ctx.amount is not None else ""
        seen.append((sentence, amount, candidates(ctx, prop, proposed)))
        return original(ctx, prop, proposed, **options)

    subjects.rank = spy
    try:
        yield seen
    finally:
        subjects.rank = original


def collect(*, dev: Path = DEV_DIR, corpora: Path = CORPORA, keep: str = "tuning") -> list[Decision]:
    """Run the dev articles of one half and label every candidate weighing against the gold."""
    decisions: list[Decision] = []
    for gold_name, docs_name, corpus_name in SETS.values():
        records = [r for r in _records(gold_name, docs_name, corpus_name, dev, corpora) if half(r["id"]) == keep]
        decisions += label(records, (dev / gold_name).read_text(encoding="utf-8").splitlines())
    return decisions


def collect_batches(folders: list[Path]) -> list[Decision]:
    """Label the weighings of annotated batches of your own: each folder holds ``docs_<name>.jsonl``
    (records: id, title, text, published) beside ``<name>_gold.jsonl`` (gold in the dev format)."""
    from .batches import batch_files

    decisions: list[Decision] = []
    for _, path, gold in batch_files(folders):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        decisions += label(records, gold.read_text(encoding="utf-8").splitlines())
    return decisions


def label(records: list[dict], gold_lines: list[str]) -> list[Decision]:
    """Run the pipeline on ``records`` and label each weighing of an amount's candidates: a candidate
    is right when a gold fact quoted with that amount names it."""
    from ..engines.stages import run

    gold: dict[str, list[dict]] = {}
    for line in gold_lines:
        g = json.loads(line) if line.strip() else {}
        if g.get("value") is not None:
            gold.setdefault(g["doc_id"], []).append(g)
    decisions: list[Decision] = []
    with tempfile.TemporaryDirectory() as tmp, _recording() as seen:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        (raw / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        with contextlib.redirect_stdout(io.StringIO()):
            run(raw, Path(tmp) / "out", use_cache=False)
    quoted = [g for r in records for g in gold.get(r["id"], [])]
    for sentence, amount, cands in seen:
        flat = " ".join(sentence.split())
        golds = [g for g in quoted if " ".join(g["quote"].split()) in flat]
        # the gold facts of this amount: quoted with it, when any is
        golds = [g for g in golds if amount and amount in g["quote"]] or golds
        if not golds or not cands:
            continue
        right = tuple(any(_same_subject(g["subject"], c.entity.canonical_name) for g in golds) for c in cands)
        decisions.append(Decision(tuple(frozenset(c.features) for c in cands), right, golds[0]["doc_id"]))
    return decisions


def write_weights(weights: dict[str, float], *, note: str, margin: float = 0.0, path: Path | None = None) -> Path:
    """Put fitted weights into ``facts_scoring.json`` as the amounts' weights and bar (the fitted
    score of "no subject" plus ``margin``); the hand weights for dated events stay as they are."""
    from ..extractors.facts.schema import RULES_DIR

    path = path or RULES_DIR / "facts_scoring.json"
    rules = json.loads(path.read_text(encoding="utf-8"))
    fitted = dict(weights)
    rules["amount_weights_note"] = note
    rules["amount_threshold"] = round(fitted.pop("_empty", 0.0) + margin, 3)
    rules["amount_weights"] = {k: v for k, v in sorted(fitted.items()) if v}
    path.write_text(json.dumps(rules, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


SETTLED = 50.0  # a fixed weight this large decides the ranking on its own
# Weights the fit keeps as given: a parse rule's choice stands; a company never owns a country's
# macro figure ("Lloyds said prices rose 2%"), as the guidelines say.
FIXED = {"first_rule": 100.0, "company_macro_property": -1.0, "instrument_market": 1.0}


def fit(
    decisions: list[Decision],
    *,
    epochs: int = 300,
    rate: float = 0.5,
    l2: float = 0.05,
    fixed: dict[str, float] | None = None,
) -> dict[str, float]:
    """A ranking model: softmax over one amount's candidates and "no subject" (whose score is
    ``_empty``), one weight per feature, L2-regularised, fitted by gradient descent. ``fixed``
    weights are not fitted (``{"first_rule": 100.0}``: a parse rule's choice stands, and the fit
    decides among the article's candidates and whether to leave the subject empty)."""
    fixed = dict(fixed or {})
    # a ranking with a dominant fixed feature is settled by it (a parse rule's choice): left out
    settled = {f for f, v in fixed.items() if v >= SETTLED}
    decisions = [d for d in decisions if not any(f in settled for fs in d.features for f in fs)]
    names = sorted({f for d in decisions for fs in d.features for f in fs} - set(fixed))
    w = {**dict.fromkeys(names, 0.0), **fixed}
    empty = 0.0
    for _ in range(epochs):
        grad = dict.fromkeys(names, 0.0)
        g_empty = 0.0
        for d in decisions:
            scores = [sum(w[f] for f in fs) for fs in d.features] + [empty]
            top = max(scores)
            exp = [math.exp(x - top) for x in scores]
            total = sum(exp)
            n_right = sum(d.right)
            target = [y / n_right for y in d.right] + [0.0] if n_right else [0.0] * len(d.right) + [1.0]
            for fs, e, t in zip(d.features, exp, target, strict=False):
                for f in fs:
                    if f in grad:
                        grad[f] += e / total - t
            g_empty += exp[-1] / total - target[-1]
        n = max(1, len(decisions))
        for f in names:
            w[f] -= rate * (grad[f] / n + l2 * w[f])
        empty -= rate * g_empty / n
    return {**{f: round(v, 3) for f, v in w.items()}, "_empty": round(empty, 3)}  # fixed ones as given


def cross_validate(
    decisions: list[Decision],
    hand: dict[str, float],
    threshold: float,
    *,
    folds: int = 6,
    margins=(0.0,),
    l2: float = 0.05,
    fixed: dict[str, float] | None = None,
) -> list[dict[str, float]]:
    """Hand weights against weights fitted on the other articles (``folds`` groups of articles):
    for each, how many amounts get a subject and how many of those are right."""
    docs = sorted({d.doc_id for d in decisions})
    fold = {doc: i % folds for i, doc in enumerate(docs)}
    rows = [{"model": "hand", **compare(decisions, hand, [threshold])[0]}]
    for margin in margins:
        given = right = 0
        for k in range(folds):
            weights = fit([d for d in decisions if fold[d.doc_id] != k], l2=l2, fixed=fixed)
            (row,) = compare([d for d in decisions if fold[d.doc_id] == k], weights, [margin])
            given += row["given"]
            right += round(row["precision"] * row["given"])
        any_right = sum(any(d.right) for d in decisions)
        rows.append(
            {
                "model": "fitted",
                "threshold": margin,
                "given": given,
                "precision": right / given if given else 0.0,
                "recall": right / any_right if any_right else 0.0,
            }
        )
    return rows


def compare(decisions: list[Decision], weights: dict[str, float], thresholds: list[float]) -> list[dict[str, float]]:
    """For each threshold: how many amounts get a subject, and how often it is right (a fitted
    model's threshold counts from the score of leaving the subject empty)."""
    out = []
    for t in thresholds:
        given = right = 0
        for d in decisions:
            scores = [sum(weights.get(f, 0.0) for f in fs) for fs in d.features]
            best = max(range(len(scores)), key=lambda i: scores[i])
            tie = sorted(scores)[-2:] == [scores[best]] * 2 if len(scores) > 1 else False
            if scores[best] >= t + weights.get("_empty", 0.0) and not tie:
                given += 1
                right += d.right[best]
        any_right = sum(any(d.right) for d in decisions)
        out.append(
            {
                "threshold": t,
                "given": given,
                "precision": right / given if given else 0.0,
                "recall": right / any_right if any_right else 0.0,
            }
        )
    return out
