"""Score the facts table against a hand-written gold file: precision and recall of
(subject, value, unit, time_value) tuples, matched one-to-one within each document.

``mentions="real"`` (the default, and the number to report) runs the gold texts through the
real path, ``article_from_record`` + ``extract_articles``, so every extractor's mistakes count.
``mentions="gold"`` builds the date and quantity mentions from the gold facts' evidence
surfaces instead, which isolates the facts stage (it sees no distractor mentions, so its
precision is optimistic). Gold format: one JSON record a line with ``id``, ``text``,
``published`` and ``facts`` [{subject, predicate, value, unit, bound, per, time_value,
time_mod, time_role, modality, quantity (surface), date (surface)}].
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..config import DEFAULT_MODEL
from ..records import DateMention, Fact, QuantityMention

# Unit spellings that mean the same thing for scoring (the project's own names on the right).
UNIT_ALIASES = {
    "person": "people",
    "%": "percent",
    "pct": "percent",
    "$": "USD",
    "us$": "USD",
    "dollar": "USD",
    "euro": "EUR",
    "€": "EUR",
    "yuan": "CNY",
    "rmb": "CNY",
    "renminbi": "CNY",
    "pound": "GBP",
    "£": "GBP",
    "penny": "GBX",
    "pence": "GBX",
    "dimensionless": "",
    "km": "kilometer",
    "tonne": "metric_ton",
    "ton": "metric_ton",
    "kilometre": "kilometer",
}

Key = tuple[str, float | None, str, str]


def norm_subject(subject: str | None) -> str:
    return re.sub(r"\s+", " ", (subject or "").casefold()).strip()


def norm_unit(unit: str | None) -> str:
    """Case-folded, singular last word, aliases applied ("personal computers" -> "computer")."""
    if not unit:
        return ""
    word = unit.strip().split()[-1] if unit.strip() else ""
    low = word.casefold()
    if low in UNIT_ALIASES:
        return UNIT_ALIASES[low].casefold()
    if len(low) > 3 and low.endswith("ies"):
        low = low[:-3] + "y"
    elif len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us")):
        low = low[:-1]
    return UNIT_ALIASES.get(low, low).casefold()


def norm_value(value) -> float | None:
    if value is None:
        return None
    return float(f"{float(value):.6g}")


def fact_key(subject, value, unit, time_value) -> Key:
    return (norm_subject(subject), norm_value(value), norm_unit(unit), str(time_value or ""))


@dataclass(frozen=True)
class FactReport:
    """Precision/recall of fact tuples, with the misses and the spurious rows for reading."""

    mode: str
    documents: int
    gold: int
    predicted: int
    matched: int
    misses: tuple[tuple[str, Key], ...] = field(default=())
    spurious: tuple[tuple[str, Key], ...] = field(default=())

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        d = asdict(self)
        d.update(precision=round(self.precision, 4), recall=round(self.recall, 4), f1=round(self.f1, 4))
        d["misses"] = [[doc, list(k)] for doc, k in self.misses]
        d["spurious"] = [[doc, list(k)] for doc, k in self.spurious]
        return d

    def render(self, *, errors: int = 15) -> str:
        lines = [
            f"facts ({self.mode} mentions): {self.documents} documents, {self.gold} gold, "
            f"{self.predicted} predicted, {self.matched} matched",
            f"  precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}"
            "  (subject, value, unit, time_value)",
        ]
        for title, rows in (("missed", self.misses), ("spurious", self.spurious)):
            if rows and errors:
                lines.append(f"  {title}:")
                lines += [f"    {doc}: {key}" for doc, key in rows[:errors]]
                if len(rows) > errors:
                    lines.append(f"    ... {len(rows) - errors} more")
        return "\n".join(lines)


def load_gold(path: str | Path) -> list[dict]:
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(gold: Sequence[dict], predicted: dict[str, list[Key]], *, mode: str) -> FactReport:
    """One-to-one matching of key multisets per document."""
    matched, n_gold, n_pred = 0, 0, 0
    misses, spurious = [], []
    for record in gold:
        doc_id = str(record["id"])
        want = Counter(fact_key(f["subject"], f["value"], f["unit"], f["time_value"]) for f in record["facts"])
        got = Counter(predicted.get(doc_id, []))
        both = want & got
        matched += sum(both.values())
        n_gold += sum(want.values())
        n_pred += sum(got.values())
        misses += [(doc_id, k) for k in (want - both).elements()]
        spurious += [(doc_id, k) for k in (got - both).elements()]
    return FactReport(mode, len(gold), n_gold, n_pred, matched, tuple(misses), tuple(spurious))


def _facts_of(extraction) -> Iterable[Fact]:
    for row in extraction.facts:  # rows are Found(part, sentence, mention) or (part, fact) pairs
        yield row.mention if hasattr(row, "mention") else row[1]


def predict_real(gold: Sequence[dict], nlp) -> dict[str, list[Key]]:
    """Facts through the real path: ingest record -> every extractor -> consolidated facts."""
    from ..extractors import extract_articles
    from ..ingest import article_from_record

    # a record's title (when the gold gives one) is a part of its own, as in `pipeline run`
    keep = ("id", "text", "published", "title")
    articles = [article_from_record({k: r.get(k) for k in keep if k in r or k == "published"}) for r in gold]
    out: dict[str, list[Key]] = {}
    for ex in extract_articles(articles, nlp):
        if not hasattr(ex, "facts"):  # an error row: the document predicted nothing
            continue
        out[ex.article.doc_id] = [fact_key(f.subject, f.value, f.unit, f.time_value) for f in _facts_of(ex)]
    return out


def gold_mentions(record: dict) -> tuple[list[DateMention], list[QuantityMention]]:
    """Date and quantity mentions built from the gold facts' evidence surfaces (first occurrence)."""
    text = record["text"]
    dates: dict[tuple[int, int], DateMention] = {}
    qs: dict[tuple[int, int], QuantityMention] = {}
    for f in record["facts"]:
        if f.get("date"):
            start = text.find(f["date"])
            dates[(start, start + len(f["date"]))] = DateMention(
                start, start + len(f["date"]), f["date"], "DATE", f["time_value"], f.get("time_mod")
            )
        if f.get("quantity"):
            start = text.find(f["quantity"])
            currency = re.fullmatch(r"[A-Z]{3}", f["unit"] or "") is not None  # ISO 4217 codes (GBX too)
            kind = {"percent": "percent"}.get(f["unit"], "currency" if currency else "count")
            qs[(start, start + len(f["quantity"]))] = QuantityMention(
                start,
                start + len(f["quantity"]),
                f["quantity"],
                float(f["value"]),
                unit=f["unit"] or "dimensionless",
                bound=f.get("bound") or "=",
                per=f.get("per"),
                kind=kind,
            )
        if f.get("per") and f.get("quantity"):
            m = re.search(r"\b(each|every|per|a) (year|month|week|day)\b", text)
            if m:
                value = {"year": "P1Y", "month": "P1M", "week": "P1W", "day": "P1D"}[m.group(2)]
                dates[(m.start(), m.end())] = DateMention(m.start(), m.end(), m.group(0), "SET", value)
    return sorted(dates.values(), key=lambda d: d.start), sorted(qs.values(), key=lambda q: q.start)


def predict_gold_mentions(gold: Sequence[dict], nlp) -> dict[str, list[Key]]:
    """Facts from the real parse and entities, with date/quantity mentions taken from the gold."""
    from ..extractors import entities, facts

    out: dict[str, list[Key]] = {}
    for record in gold:
        doc = nlp(record["text"])
        dates, qs = gold_mentions(record)
        ents = entities.canonicalize(entities.find_entities(doc))
        found = facts.find_facts(
            doc, dates=dates, quantities=qs, entities=ents, doc_entities=ents, published=record.get("published")
        )
        out[str(record["id"])] = [fact_key(f.subject, f.value, f.unit, f.time_value) for f in facts.consolidate(found)]
    return out


def evaluate_facts(
    gold_path: str | Path, *, model: str = DEFAULT_MODEL, fast: bool = False, mentions: str = "real"
) -> FactReport:
    """Run the gold texts through the pipeline and score the facts (``mentions``: real | gold)."""
    from ..extractors.nlp import load_nlp

    gold = load_gold(gold_path)
    nlp = load_nlp(model, fast=fast)
    if mentions == "gold":
        predicted = predict_gold_mentions(gold, nlp)
    elif mentions == "real":
        predicted = predict_real(gold, nlp)
    else:
        raise ValueError(f"mentions must be 'real' or 'gold', not {mentions!r}")
    return score(gold, predicted, mode=mentions + (", fast" if fast else ""))


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Score extracted facts against a gold JSONL file.")
    ap.add_argument(
        "gold", nargs="?", default=str(Path(__file__).resolve().parent.parent / "tests/data/facts_gold.jsonl")
    )
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--fast", action="store_true")
    ap.add_argument("--mentions", choices=("real", "gold"), default="real")
    ap.add_argument("--errors", type=int, default=15)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    report = evaluate_facts(a.gold, model=a.model, fast=a.fast, mentions=a.mentions)
    print(json.dumps(report.to_dict(), indent=1) if a.json else report.render(errors=a.errors))


if __name__ == "__main__":
    main()
