"""The analyst's notebook: examples/analyst.ipynb runs on the sample tables; dates compare like
pandas dates; load_tables finds the tables from a subfolder or $PIPELINE_OUTPUT; the Makefile's
notebook group survives later syncs and `make clean` removes Dask's table folders."""

from __future__ import annotations

import operator
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from pipeline import Settings, load_tables, run
from pipeline.store.locate import OUTPUT_ENV_VAR, default_output
from pipeline.store.tables import SCHEMAS, TABLE_NAMES, check_tables

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "analyst.ipynb"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("notebook") / "out"
    run(ROOT / "data" / "raw", out, Settings())
    return out


# --------------------------------------------------------------------------- the notebook


def test_the_analyst_notebook_runs_on_the_sample_tables(sample, monkeypatch):
    monkeypatch.setenv(OUTPUT_ENV_VAR, str(sample))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells), "commit the notebook without outputs"
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}})
    client.execute()  # a cell error raises CellExecutionError
    text = "\n".join(
        str(output.get("text") or output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells
        for output in cell.get("outputs", [])
    )
    for expected in ("facts", "property_key", "plotted", "Xiaomi", "mentions"):
        assert expected in text
    assert "Warning" not in text  # a manifest-checked folder, read without complaint


# --------------------------------------------------------------------------- dates compare like pandas dates

OPERATORS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le, "==": operator.eq}
DATE_COLUMNS = [(t, c.name) for t in TABLE_NAMES for c in SCHEMAS[t] if str(c.type).startswith("date32")]


def test_every_date_column_is_a_datetime_in_load_tables(sample):
    tables = load_tables(sample)
    assert DATE_COLUMNS == [
        ("documents", "published_date"),
        ("dates", "start_date"),
        ("dates", "end_date"),
        ("facts", "start_date"),
        ("facts", "end_date"),
    ]
    for table, column in DATE_COLUMNS:
        assert tables[table][column].dtype == "datetime64[s]", (table, column)


@pytest.mark.parametrize(
    "table, column, op, value",
    [
        ("facts", "start_date", ">", "2004-06-01"),
        ("facts", "start_date", ">", pd.Timestamp("2012-01-01")),
        ("facts", "end_date", "<=", "2012-06-12"),
        ("dates", "start_date", ">=", "2012-06-12"),
        ("dates", "end_date", "<", pd.Timestamp("2011-01-01")),
        ("documents", "published_date", "==", "2015-04-06"),
    ],
)
def test_date_columns_compare_with_strings_and_timestamps(sample, table, column, op, value):
    tables = load_tables(sample)
    matches = OPERATORS[op](tables[table][column], value)
    day = pd.Timestamp(value).date().isoformat()
    sql_op = "=" if op == "==" else op
    (expected,) = tables.sql(f"SELECT count(*) AS n FROM {table} WHERE {column} {sql_op} '{day}'").n
    assert int(matches.sum()) == expected > 0


def test_the_schema_check_still_reads_dates_as_parquet_date32(sample):
    counts = check_tables(sample)  # pipeline export's check, on the files themselves
    assert counts["facts"] == len(load_tables(sample).facts) > 0


# --------------------------------------------------------------------------- finding the tables


@pytest.fixture
def project(tmp_path, sample):
    """A project folder: pyproject.toml, data/processed (the sample tables), notebooks/."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    shutil.copytree(sample, tmp_path / "data" / "processed")
    (tmp_path / "notebooks" / "deep").mkdir(parents=True)
    return tmp_path


@pytest.mark.parametrize(
    "cwd, env, expected",
    [
        (".", None, "data/processed"),
        ("notebooks", None, "data/processed"),
        ("notebooks/deep", None, "data/processed"),
        ("data/processed", None, "data/processed"),
        ("notebooks", "elsewhere", "elsewhere"),
    ],
)
def test_load_tables_finds_the_projects_tables(project, monkeypatch, cwd, env, expected):
    monkeypatch.chdir(project / cwd)
    if env is None:
        monkeypatch.delenv(OUTPUT_ENV_VAR, raising=False)
    else:
        monkeypatch.setenv(OUTPUT_ENV_VAR, str(project / env))
    assert default_output() == project / expected
    if env is None:
        assert len(load_tables().facts) == len(load_tables(project / "data" / "processed").facts) > 0
    else:
        with pytest.raises(
            FileNotFoundError, match=f"no processed tables in {re.escape(str(project / env))}.*{OUTPUT_ENV_VAR}"
        ):
            load_tables()


# --------------------------------------------------------------------------- Makefile: notebook group, clean


@pytest.mark.parametrize(
    "variables, stamp, with_group",
    [
        ([], None, False),
        (["NOTEBOOK=1"], None, True),
        ([], ".synced-notebook", True),  # chosen once, kept by every later sync
        (["NOTEBOOK="], ".synced-notebook", False),  # dropped on purpose
    ],
)
def test_setup_keeps_the_notebook_group_once_chosen(tmp_path, variables, stamp, with_group):
    venv = tmp_path / "venv"
    venv.mkdir()
    if stamp:
        (venv / stamp).touch()
    dry_run = ["make", "-n", "-B", "-C", str(ROOT), "setup", f"VENV={venv}", *variables]
    commands = subprocess.run(dry_run, capture_output=True, text=True, check=True).stdout
    (sync,) = [line for line in commands.splitlines() if " sync " in line]
    assert ("--group notebook" in sync) == with_group
    assert f"touch {venv}/.synced{'-notebook' if with_group else ''}" in commands


def test_make_clean_removes_dask_table_folders(tmp_path):
    out = tmp_path / "processed"
    for table in TABLE_NAMES:
        (out / table).mkdir(parents=True)
        (out / table / "part-00000.parquet").write_bytes(b"")
    (out / "facts.parquet").write_bytes(b"")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    # run from tmp_path: clean also removes .pytest_cache/.ruff_cache of the folder it runs in
    subprocess.run(["make", "-f", str(ROOT / "Makefile"), "clean", f"OUTPUT={out}"], cwd=tmp_path, check=True)
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
