"""Bad input never reaches the tables as it is (issue 12, first slices): file names that are not
UTF-8, links out of the input folder, spreadsheet formulas in the CSV copies."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from pipeline.engines.stages import run
from pipeline.ingest import iter_articles
from pipeline.records import Article, ErrorRecord
from pipeline.store.tables import check_tables, load_tables

TEXT = "Acme Corp said on Monday that its sales rose 5% to $3m in 2004.\n"


def test_a_file_name_that_is_not_utf8_is_ingested_with_an_error_row(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    bad = os.path.join(os.fsencode(raw), b"caf\xe9-report.txt")
    with open(bad, "wb") as fh:
        fh.write(TEXT.encode())
    items = list(iter_articles(raw))
    (article,) = [i for i in items if isinstance(i, Article)]
    (error,) = [i for i in items if isinstance(i, ErrorRecord)]
    assert article.doc_id == "caf\ufffd-report.txt" and error.error_type == "file_name"
    summary = run(raw, tmp_path / "out", use_cache=False)  # the tables can be written (it crashed before)
    assert summary.documents == 1 and check_tables(tmp_path / "out")["documents"] == 1


@pytest.mark.parametrize("target", ["outside.txt", "../outside.txt"])
def test_a_link_out_of_the_input_folder_is_skipped_with_an_error_row(tmp_path, target):
    raw = tmp_path / "raw"
    raw.mkdir()
    (tmp_path / "outside.txt").write_text("secret: 1234\n", encoding="utf-8")
    (raw / "inside.txt").write_text(TEXT, encoding="utf-8")
    (raw / "link.txt").symlink_to(tmp_path / "outside.txt" if target == "outside.txt" else Path(target))
    items = list(iter_articles(raw))
    assert [i.doc_id for i in items if isinstance(i, Article)] == ["inside.txt"]
    assert [(e.path, e.error_type) for e in items if isinstance(e, ErrorRecord)] == [("link.txt", "outside_input")]


def test_a_link_inside_the_input_folder_is_read(tmp_path):
    raw = tmp_path / "raw"
    (raw / "sub").mkdir(parents=True)
    (raw / "sub" / "a.txt").write_text(TEXT, encoding="utf-8")
    (raw / "b.txt").symlink_to(raw / "sub" / "a.txt")
    assert sorted(i.doc_id for i in iter_articles(raw) if isinstance(i, Article)) == ["b.txt", "sub/a.txt"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_copies_never_start_a_cell_with_a_formula(tmp_path, start):
    raw = tmp_path / "raw"
    raw.mkdir()
    record = {"id": f"{start}HYPERLINK(1)", "title": f"{start}cmd|' /C calc'!A0", "text": TEXT}
    (raw / "records.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run(raw, out, use_cache=False)
    with (out / "documents.csv").open(encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["doc_id"] == f"'{start}HYPERLINK(1)" and row["title"].startswith(f"'{start}cmd")
    assert load_tables(out).documents.doc_id.iloc[0] == f"{start}HYPERLINK(1)"  # Parquet keeps the text


@pytest.mark.parametrize(
    "published, expected, note",
    [
        ("20120612", "2012-06-12", None),  # ISO 8601 basic format
        ("1339459200", "2012-06-12", None),  # a Unix timestamp
        ("1339459200000", "2012-06-12", None),  # in milliseconds
        ("2012-06", "2012-06", None),
        ("yesterday", None, "record value 'yesterday' is not a date"),
        ("99999", None, "record value '99999' is not a date"),
    ],
)
def test_publication_dates_in_records(published, expected, note):
    from pipeline.ingest import article_from_record

    article = article_from_record({"id": "a", "text": "Acme said sales rose.", "published": published})
    assert article.published == expected
    assert (note in (article.published_note or "")) if note else article.published_note is None


def test_a_run_removes_what_an_interrupted_run_left(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    out.mkdir()
    (out / ".facts.x1y2.parquet.tmp").write_bytes(b"half a table")
    (out / ".parts.abc").mkdir()
    (out / ".parts.abc" / "part-00000.parquet").write_bytes(b"x")
    run(raw, out, use_cache=False)
    assert not list(out.glob(".*.tmp")) and not list(out.glob(".parts.*"))
    assert check_tables(out)["documents"] == 1


@pytest.mark.parametrize(
    "path, why",
    [("../outside.txt", "is outside the input folder"), ("missing.txt", "names no file of the input folder")],
)
def test_a_manifest_row_for_no_file_is_an_error_row(tmp_path, path, why):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    (raw / "manifest.csv").write_text(f"path,published\na.txt,2004-05-01\n{path},2004-05-02\n", encoding="utf-8")
    items = list(iter_articles(raw))
    assert [i.published for i in items if isinstance(i, Article)] == ["2004-05-01"]
    (error,) = [i for i in items if isinstance(i, ErrorRecord)]
    assert error.error_type == "manifest_path" and why in error.message


def test_a_second_run_into_the_same_folder_stops_with_one_line(tmp_path):
    from pipeline.errors import OutputBusyError
    from pipeline.store.writers import output_lock

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    holder = rf"pipeline run \(pid {os.getpid()} on .+\) is writing to"
    with output_lock(out), pytest.raises(OutputBusyError, match=holder):
        run(raw, out, use_cache=False)
    assert run(raw, out, use_cache=False).documents == 1  # free again once the first run ended


def test_the_cli_refuses_a_busy_output_folder(tmp_path):
    import subprocess
    import sys

    from pipeline.store.writers import output_lock

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    with output_lock(out):
        cmd = [sys.executable, "-m", "pipeline", "ingest", "--input", str(raw), "--output", str(out)]
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 2 and f"(pid {os.getpid()} on " in result.stderr and "is writing to" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_full_disk_is_one_line_and_the_previous_tables_stay(tmp_path, monkeypatch):
    import errno

    from typer.testing import CliRunner

    from pipeline.cli import app
    from pipeline.store import tables

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    run(raw, out, use_cache=False)
    before = (out / "facts.parquet").read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(out))

    monkeypatch.setattr(tables.TableWriter, "write_arrow", full)
    result = CliRunner().invoke(app, ["run", "--input", str(raw), "--output", str(out), "--quiet", "--no-cache"])
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert (out / "facts.parquet").read_bytes() == before and not list(out.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("table", "column", "bad"),
    [
        pytest.param("quantities", "unit", "dollars", id="currency_unit"),
        pytest.param("facts", "time_value", "next Tuesday", id="timex_value"),
        pytest.param("quantities", "value_max", -1.0, id="range_backwards"),
    ],
)
def test_a_row_the_value_checks_refuse_is_set_aside_not_the_run(tmp_path, monkeypatch, table, column, bad):
    """An extractor bug (a row the export would refuse) costs that row, with an errors row naming it;
    the run, the document's other rows and every other document are kept (before, one such row
    stopped the whole run at the export check)."""
    import pipeline.engines.local as local

    real = local.article_rows

    def buggy(result):
        rows = real(result)
        target = next((r for r in rows[table] if table != "facts" or r.get("value") is not None), None)
        if target is not None and result.article.doc_id.startswith("a"):
            target[column] = bad
            if column == "unit":
                target["kind"] = "currency"
        return rows

    monkeypatch.setattr(local, "article_rows", buggy)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TEXT, encoding="utf-8")
    (raw / "b.txt").write_text(TEXT, encoding="utf-8")
    summary = run(raw, tmp_path / "out", use_cache=False)
    tables = load_tables(tmp_path / "out")
    errors = tables["errors"]
    (message,) = errors.loc[errors["error_type"] == "invalid_value", "message"]
    assert message.count(table) == 1 and column in message and errors["doc_id"].tolist() == ["a.txt"]
    assert summary.documents == 2 and check_tables(tmp_path / "out")["documents"] == 2
    rows = tables[table]
    assert len(rows[rows["doc_id"] == "a.txt"]) == len(rows[rows["doc_id"] == "b.txt"]) - 1
