"""Tables -> the report's data: one JSON-ready dict, built once and embedded once in the page.

Everything the page shows is prepared here, as plain values (str, int, float, bool, None), so the
browser only pages, filters and draws. Offsets stay offsets into ``documents.text``; the page
slices the text itself, so no sentence or mention text is stored twice.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
import pyarrow as pa

from ..store.tables import Tables

# Highlight kinds: the code the page uses (CSS class m-<code>) and the table each comes from.
MARK_KINDS = {"ent": "entities", "date": "dates", "qty": "quantities", "subj": "facts (subject)"}
FACT_COLUMNS = (
    "doc",
    "subject",
    "predicate",
    "property_key",
    "value",
    "value_max",
    "unit",
    "bound",
    "per",
    "change",
    "time_value",
    "time_mod",
    "time_role",
    "start_date",
    "end_date",
    "modality",
    "negated",
    "attribution",
    "sentence_start",
    "sentence_end",
    "part",
    "part_index",
    "n_sources",
)
ERROR_COLUMNS = ("doc_id", "path", "stage", "error_type", "message")
PART_LABELS = {"title": "Title", "body": "Body", "comment": "Reader comment", "boilerplate": "Page furniture"}

Row = dict[str, Any]


def records(frame: pd.DataFrame, columns: Sequence[str]) -> list[Row]:
    """Rows as dicts of plain Python values: None for nulls, ISO strings for dates (date32 or
    datetime64 columns alike)."""
    if frame.empty:
        return []
    rows = pa.Table.from_pandas(frame[list(columns)], preserve_index=False).to_pylist()
    for row in rows:
        for key, value in row.items():
            if isinstance(value, dt.datetime):  # load_tables may give dates as datetime64
                row[key] = value.date().isoformat()
            elif isinstance(value, dt.date):
                row[key] = value.isoformat()
            elif isinstance(value, float) and math.isnan(value):
                row[key] = None
    return rows


def by_doc(rows: Iterable[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["doc_id"]].append(row)
    return grouped


def number(value: float | None) -> str:
    """3000000.0 -> '3,000,000'; 0.125 -> '0.125'; None -> ''."""
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def amount(value: float | None, value_max: float | None = None, bound: str | None = "=") -> str:
    """'> 3,000,000', '2 – 5', '~ 1.5'; the bound only when it is not '='."""
    text = number(value)
    if value_max is not None:
        text = f"{text} – {number(value_max)}"
    return f"{bound} {text}" if bound and bound != "=" else text


def entity_tip(row: Row) -> str:
    return f"{row['label']} · {row['canonical_name']}"


def date_tip(row: Row) -> str:
    parts = [f"{row['type']} · TIMEX3 {row['value']}"]
    if row.get("mod"):
        parts.append(f"mod {row['mod']}")
    if row.get("start_date"):
        span = row["start_date"] if row["start_date"] == row["end_date"] else f"{row['start_date']} – {row['end_date']}"
        parts.append(span)
    if row.get("quant") or row.get("freq"):
        parts.append(" ".join(x for x in (row.get("quant"), row.get("freq")) if x))
    if row.get("anchor"):
        parts.append(f"resolved against {row['anchor']}")
    return " · ".join(parts)


def quantity_tip(row: Row) -> str:
    head = f"{amount(row['value'], row.get('value_max'), row.get('bound'))} {row['unit']}"
    if row.get("per"):
        head += f" per {row['per']}"
    parts = [head, row["kind"]]
    if row.get("change"):
        parts.append(f"change {row['change']}")
    if row.get("unit_text") and row["unit_text"] != row["unit"]:
        parts.append(f"unit as written: {row['unit_text']}")
    if row.get("currency_assumed"):
        parts.append("currency assumed from context")
    if row.get("vague"):
        parts.append("vague")
    return " · ".join(parts)


def subject_marks(facts: Sequence[Row]) -> list[list[Any]]:
    """One mark per distinct subject span of a document's facts, its tip naming those facts."""
    spans: dict[tuple[int, int], list[Row]] = defaultdict(list)
    for fact in facts:
        if fact["subject_start"] is not None and fact["subject_end"] is not None:
            spans[(fact["subject_start"], fact["subject_end"])].append(fact)
    marks = []
    for (start, end), stated in sorted(spans.items()):
        keys = ", ".join(dict.fromkeys(f["property_key"] for f in stated))
        subject = stated[0]["subject"] or "?"
        marks.append([start, end, "subj", f"fact subject: {subject} · {len(stated)} fact(s): {keys}"])
    return marks


def sentence_spans(facts: Sequence[Row]) -> list[list[int]]:
    """Every sentence stating a fact (its own sentence and every source span), once, in order."""
    spans = set()
    for fact in facts:
        spans.add((fact["sentence_start"], fact["sentence_end"]))
        for span in filter(None, (fact.get("source_spans") or "").split(";")):
            start, _, end = span.partition(":")
            spans.add((int(start), int(end)))
    return [list(span) for span in sorted(spans)]


def document_marks(doc_id: str, mentions: Mapping[str, Mapping[str, list[Row]]]) -> list[list[Any]]:
    """[start, end, kind, tip] for every entity, date, quantity and fact subject of one document."""
    marks = [[r["start"], r["end"], "ent", entity_tip(r)] for r in mentions["entities"].get(doc_id, ())]
    marks += [[r["start"], r["end"], "date", date_tip(r)] for r in mentions["dates"].get(doc_id, ())]
    marks += [[r["start"], r["end"], "qty", quantity_tip(r)] for r in mentions["quantities"].get(doc_id, ())]
    marks += subject_marks(mentions["facts"].get(doc_id, ()))
    return sorted(marks, key=lambda m: (m[0], -m[1]))


def chart_series(facts: Sequence[Row], published: Sequence[str | None]) -> dict[str, list[Row]]:
    """Each subject's numeric facts over time, one series per (property_key, unit).

    A point is [date, value, value_max, fact index, dated]; ``dated`` is 'fact' when the fact
    has its own date (its start_date) and 'published' when the document's date stands in.
    Facts with neither, or without a subject or a value, are left out.
    """
    series: dict[str, dict[tuple[str, str], list[list[Any]]]] = defaultdict(lambda: defaultdict(list))
    for index, fact in enumerate(facts):
        if fact["subject"] is None or fact["value"] is None:
            continue
        date, dated = fact["start_date"], "fact"
        if date is None and fact["doc"] is not None:
            date, dated = published[fact["doc"]], "published"
        if date is None:
            continue
        key = (fact["property_key"], fact["unit"] or "")
        series[fact["subject"]][key].append([date, fact["value"], fact["value_max"], index, dated])
    return {
        subject: [
            {"key": key, "unit": unit, "points": sorted(points, key=lambda p: (p[0], p[3]))}
            for (key, unit), points in sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ]
        for subject, by_key in sorted(series.items())
    }


def build_payload(tables: Tables, *, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The report's data from the tables: documents with marks, facts, chart series, errors."""
    documents = records(tables.documents, ("doc_id", "title", "published", "published_date", "url", "source", "text"))
    doc_index = {d["doc_id"]: i for i, d in enumerate(documents)}
    facts = records(tables.facts, tables.facts.columns)
    fact_ids: dict[str, list[int]] = defaultdict(list)
    for i, fact in enumerate(facts):
        fact["doc"] = doc_index.get(fact["doc_id"])
        fact_ids[fact["doc_id"]].append(i)
    mentions = {
        "entities": by_doc(records(tables.entities, ("doc_id", "start", "end", "label", "canonical_name"))),
        "dates": by_doc(records(tables.dates, tables.dates.columns)),
        "quantities": by_doc(records(tables.quantities, tables.quantities.columns)),
        "facts": by_doc(facts),
    }
    parts = by_doc(records(tables.parts, tables.parts.columns))
    docs = [
        {
            "id": d["doc_id"],
            "title": d["title"],
            "published": d["published"],
            "url": d["url"],
            "source": d["source"],
            "text": d["text"],
            "parts": [[p["part"], p["part_index"], p["start"], p["end"]] for p in parts.get(d["doc_id"], ())],
            "marks": document_marks(d["doc_id"], mentions),
            "sents": sentence_spans(mentions["facts"].get(d["doc_id"], ())),
            "facts": fact_ids.get(d["doc_id"], []),
        }
        for d in documents
    ]
    counts = {name: len(frame) for name, frame in tables.items()}
    return {
        "meta": {**(meta or {}), "counts": counts, "kinds": MARK_KINDS, "part_labels": PART_LABELS},
        "docs": docs,
        "facts": {"cols": list(FACT_COLUMNS), "rows": [[f[c] for c in FACT_COLUMNS] for f in facts]},
        "chart": chart_series(facts, [d["published_date"] for d in documents]),
        "errors": {
            "cols": list(ERROR_COLUMNS),
            "rows": [list(e.values()) for e in records(tables.errors, ERROR_COLUMNS)],
        },
    }
