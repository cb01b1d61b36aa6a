"""Tables: declared schemas, atomic writes, load_tables dtypes, schema checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import SchemaError
from pipeline.store.tables import (
    SCHEMAS,
    TABLE_NAMES,
    TableSet,
    load_tables,
    read_table,
    schema_markdown,
    to_arrow,
    write_table,
)

README = Path(__file__).resolve().parent.parent / "README.md"


def test_required_columns_are_declared():
    required = {
        "documents": ["doc_id", "source_path", "title", "published", "published_source", "text", "text_sha256"],
        "entities": ["doc_id", "start", "end", "text", "label", "entity_id", "canonical_name", "part"],
        "dates": ["doc_id", "start", "end", "text", "type", "value", "start_date", "end_date", "part"],
        "quantities": ["doc_id", "start", "end", "text", "value", "value_max", "unit", "bound", "per", "part"],
        "facts": ["fact_id", "doc_id", "sentence", "subject", "predicate", "value", "unit", "time_value"],
        "errors": ["doc_id", "path", "stage", "error_type", "message"],
    }
    for table, columns in required.items():
        declared = [c.name for c in SCHEMAS[table]]
        assert set(columns) <= set(declared), table
    assert {"time_role", "modality", "part"} <= {c.name for c in SCHEMAS["facts"]}


def test_readme_documents_every_column():
    readme = README.read_text(encoding="utf-8")
    assert schema_markdown() in readme, "README schema section is stale: regenerate it from pipeline.store.tables"


def test_rows_outside_the_schema_are_rejected():
    with pytest.raises(SchemaError):
        to_arrow("errors", [{"doc_id": None, "path": None, "stage": "x", "error_type": "y", "message": "z"}])


def test_write_and_load_round_trip_with_arrow_dtypes(tmp_path):
    row = {"doc_id": "d", "start": 0, "end": 4, "text": "2012", "type": "DATE", "value": "2012"}
    row |= {"start_date": dt.date(2012, 1, 1), "end_date": dt.date(2012, 12, 31), "part": "body", "part_index": 0}
    write_table("dates", [row], tmp_path)
    frame = read_table(tmp_path, "dates")
    assert list(frame.columns) == [c.name for c in SCHEMAS["dates"]]
    assert all(isinstance(t, pd.ArrowDtype) for t in frame.dtypes)
    assert frame.loc[0, "end_date"] == dt.date(2012, 12, 31)
    assert (tmp_path / "dates.csv").exists()


def test_failed_write_leaves_previous_tables_intact(tmp_path):
    good = [{"doc_id": "a", "path": "a.txt", "stage": "ingest", "error_type": "empty", "message": "empty file"}]
    write_table("errors", good, tmp_path)
    before = (tmp_path / "errors.parquet").read_bytes()
    with pytest.raises(RuntimeError), TableSet(["errors"], tmp_path) as ts:
        ts.write("errors", good * 3)
        raise RuntimeError("interrupted")
    assert (tmp_path / "errors.parquet").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # temp files removed


def test_load_tables_gives_every_table_even_when_empty(tmp_path):
    tables = load_tables(tmp_path)
    for name in TABLE_NAMES:
        assert list(tables[name].columns) == [c.name for c in SCHEMAS[name]]


def test_load_tables_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="make extract"):
        load_tables(tmp_path / "missing")


def _seed_tables(tmp_path):
    doc = {"doc_id": "d", "source_path": "d.txt", "text": "Xiaomi shipped 3m units.", "text_sha256": "x", "n_chars": 24}
    write_table("documents", [doc], tmp_path)
    for table in TABLE_NAMES:
        if table != "documents":
            write_table(table, [], tmp_path)


def test_check_tables_accepts_good_offsets_and_rejects_bad_ones(tmp_path):
    from pipeline.store.tables import check_tables

    _seed_tables(tmp_path)
    good = {"doc_id": "d", "start": 0, "end": 6, "text": "Xiaomi", "label": "ORG", "entity_id": "E1"}
    good |= {"canonical_name": "Xiaomi", "entity_key": "ORG:xiaomi", "part": "body", "part_index": 0}
    write_table("entities", [good], tmp_path)
    assert check_tables(tmp_path)["entities"] == 1
    write_table("entities", [good | {"start": 1, "end": 7}], tmp_path)
    with pytest.raises(SchemaError, match="offsets"):
        check_tables(tmp_path)


def test_check_tables_rejects_missing_tables(tmp_path):
    from pipeline.store.tables import check_tables

    _seed_tables(tmp_path)
    (tmp_path / "facts.parquet").unlink()
    with pytest.raises(SchemaError, match="facts: missing"):
        check_tables(tmp_path)


DATE_ROW = {"doc_id": "d", "start": 15, "end": 17, "text": "3m", "part": "body", "part_index": 0}
DATE_ROW |= {"type": "DATE", "value": "2012-06", "sentence": "Xiaomi shipped 3m units."}
FACT_ROW = {"fact_id": "F1", "doc_id": "d", "predicate": "ship", "property_key": "ship", "modality": "reported"}
FACT_ROW |= {"negated": False, "sentence": "s", "n_sources": 1, "source_spans": "0:1", "part": "body", "part_index": 0}
FACT_ROW |= {"sentence_start": 0, "sentence_end": 24}


@pytest.mark.parametrize(
    "table, row, message",
    [
        ("facts", FACT_ROW | {"modality": "maybe"}, "facts.modality: isin"),
        ("facts", FACT_ROW | {"time_value": "not-a-timex"}, "facts.time_value: str_matches"),
        ("facts", FACT_ROW | {"value": 5.0, "value_max": 3.0}, "value <= value_max"),
        ("dates", DATE_ROW | {"value": "sometime"}, "dates.value: str_matches"),
        ("dates", DATE_ROW | {"type": "DAY"}, "dates.type: isin"),
        ("dates", DATE_ROW | {"start": 17, "end": 15}, "start <= end"),
    ],
)
def test_check_tables_checks_values_with_one_line_per_violation(tmp_path, table, row, message):
    from pipeline.store.tables import check_tables

    _seed_tables(tmp_path)
    write_table(table, [row], tmp_path)
    with pytest.raises(SchemaError, match=message) as info:
        check_tables(tmp_path)
    assert all(line.startswith(f"{table}.") for line in str(info.value).splitlines())


@pytest.mark.parametrize(
    "value",
    [
        "2012",
        "2012-06-12",
        "2012-Q3",
        "2012-W23",
        "XXXX-04-06",
        "P5Y",
        "P2Y6M",
        "PXX",
        "1987-03-17TNI",
        "198X",
        "2008/2012",
        "2004-01/2009-07",
        "PRESENT_REF",
        "XXXX-WXX-WE",
        "2006-FA",
        "T14:00",
    ],
)
def test_timex3_values_the_extractors_write_pass_the_check(value):
    import re

    from pipeline.store.tables import TIMEX3_VALUE

    assert re.match(TIMEX3_VALUE, value)


def test_a_currency_amount_needs_an_iso_code(tmp_path):
    from pipeline.store.tables import check_tables

    row = {"doc_id": "d", "start": 15, "end": 17, "text": "3m", "part": "body", "part_index": 0, "value": 3e6}
    row |= {"bound": "=", "kind": "currency", "currency_assumed": False, "vague": False, "sentence": "s"}
    _seed_tables(tmp_path)
    write_table("quantities", [row | {"unit": "USD"}], tmp_path)
    assert check_tables(tmp_path)["quantities"] == 1
    write_table("quantities", [row | {"unit": "dollars"}], tmp_path)
    with pytest.raises(SchemaError, match="currency unit is an ISO 4217 code fails for unit='dollars'"):
        check_tables(tmp_path)


@pytest.mark.parametrize(
    "part_docs, batch_rows, sizes",
    [
        (None, 50_000, [5]),
        (1, 50_000, [5]),  # five one-row parts: one frame, as one file gives
        (2, 2, [2, 2, 1]),
        (1, 3, [3, 2]),
    ],
)
def test_iter_frames_reads_the_parts_of_a_table_as_one_stream(tmp_path, part_docs, batch_rows, sizes):
    from pipeline.store.tables import iter_frames
    from pipeline.store.writers import RowBuffer, open_tables

    rows = [
        {"doc_id": f"d{i}", "path": "p", "stage": "ingest", "error_type": "x", "message": f"m{i}"} for i in range(5)
    ]
    with open_tables(["errors"], tmp_path, part_docs=part_docs) as ts:
        buffer = RowBuffer(ts, docs_per_flush=part_docs or 64)
        for row in rows:
            buffer.add({"errors": [row]})
        buffer.flush()
    frames = list(iter_frames(tmp_path, "errors", batch_rows=batch_rows))
    assert [len(f) for f in frames] == sizes
    assert pd.concat(frames)["doc_id"].tolist() == [r["doc_id"] for r in rows]
