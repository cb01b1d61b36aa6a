"""SQL over the tables (`pipeline sql`, `Tables.sql`), `pipeline tables`, and --help examples."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from pipeline import Settings, load_tables, run
from pipeline.cli import app, main
from pipeline.store.manifest import MANIFEST, describe
from pipeline.store.sql import SqlError
from pipeline.store.tables import TABLE_NAMES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
QUERIES_FILE = ROOT / "examples" / "queries.sql"


def example_queries() -> dict[str, str]:
    """examples/queries.sql as {first words of its comment: query without the semicolon}."""
    queries = {}
    for block in QUERIES_FILE.read_text(encoding="utf-8").split(";\n"):
        lines = block.strip().splitlines()
        comments = [line for line in lines if line.startswith("--")]
        body = "\n".join(line for line in lines if not line.startswith("--")).strip()
        if body:
            queries[comments[-1].removeprefix("-- ").split(":")[0]] = body.removesuffix(";")
    return queries


QUERIES = example_queries()


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample corpus (data/raw) plus an empty file (an errors row), run into a fresh folder."""
    base = tmp_path_factory.mktemp("sql")
    shutil.copytree(ROOT / "data" / "raw", base / "raw")
    (base / "raw" / "empty.txt").write_text("", encoding="utf-8")
    run(base / "raw", base / "out", Settings())
    return base / "out"


def sql(*args: str) -> typer.testing.Result:
    return CliRunner().invoke(app, ["sql", *args])


def sql_json(out: Path, query: str) -> list[dict]:
    result = sql(query, "--output", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- the README's queries


def test_the_examples_file_has_the_three_readme_questions():
    assert list(QUERIES) == ["Facts by subject over time", "Amounts by unit", "Documents with errors"]


@pytest.mark.parametrize("name", list(QUERIES))
def test_the_readme_shows_each_example_query(name):
    assert f'pipeline sql "{QUERIES[name]}"' in README, f"README's SQL section lacks {name!r} (examples/queries.sql)"


@pytest.mark.parametrize(
    "name, expected_row",
    [
        ("Facts by subject over time", {"subject": "Xiaomi", "year": 2012}),
        ("Amounts by unit", {"unit": "people", "kind": "count", "amounts": 1, "total": 14.0}),
        ("Documents with errors", {"path": "empty.txt", "stage": "ingest", "error_type": "empty"}),
    ],
)
def test_pipeline_sql_answers_each_example_query_on_the_sample_tables(sample, name, expected_row):
    rows = sql_json(sample, QUERIES[name])
    assert any(expected_row.items() <= row.items() for row in rows), rows


@pytest.mark.parametrize("name", list(QUERIES))
def test_tables_sql_gives_what_pipeline_sql_gives(sample, name):
    frame = load_tables(sample).sql(QUERIES[name])
    rows = sql_json(sample, QUERIES[name])
    assert rows, "every example query has an answer on the sample tables"
    assert [{k: _plain(v) for k, v in row.items()} for row in frame.astype(object).to_dict("records")] == rows


def _plain(value: object) -> object:
    """A DataFrame cell as the JSON output writes it (dates as ISO days, null as None)."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return None if pd.isna(value) else value


# --------------------------------------------------------------------------- output and dates


@pytest.mark.parametrize(
    "fmt, expected",
    [
        ("table", ["subject  start_date  value", "Xiaomi   2010-04-06   14.0", "(1 row)"]),
        ("csv", ['"subject","start_date","value"', '"Xiaomi",2010-04-06,14']),
        ("json", ['"subject": "Xiaomi"', '"start_date": "2010-04-06"', '"value": 14.0']),
    ],
)
def test_output_formats_with_a_date_compared_to_a_string(sample, fmt, expected):
    query = "SELECT subject, start_date, value FROM facts WHERE start_date < '2011-01-01' AND value = 14"
    result = sql(query, "--output", str(sample), "--format", fmt)
    assert result.exit_code == 0, result.output
    for line in expected:
        assert line in result.stdout


def test_csv_output_keeps_formula_like_cells_harmless(sample):
    result = sql("SELECT '=1+1' AS cell", "--output", str(sample), "--format", "csv")
    assert result.stdout.splitlines() == ['"cell"', '"\'=1+1"']


@pytest.mark.parametrize(
    "args, message",
    [
        (["SELEC 1"], "Parser Error"),
        (["SELECT * FROM no_such_table"], "no_such_table"),
        (["SELECT no_such_column FROM facts"], "no_such_column"),
        (["SELECT CAST('x' AS INTEGER)"], "Conversion Error"),
        (["SELECT 1", "--format", "xml"], "--format"),
        (["SELECT 1", "--output", "no/such/folder"], "no processed tables in no/such/folder"),
    ],
)
def test_sql_errors_are_one_line_and_exit_2(sample, args, message, monkeypatch, capsys):
    argv = ["pipeline", "sql", *args] + ([] if "--output" in args else ["--output", str(sample)])
    monkeypatch.setattr(sys, "argv", argv)
    with pytest.raises(SystemExit) as exit_info:
        main()
    stderr = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert message in stderr and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def test_tables_sql_raises_one_line_sql_errors(sample):
    with pytest.raises(SqlError, match="no_such_column") as info:
        load_tables(sample).sql("SELECT no_such_column FROM facts")
    assert "\n" not in str(info.value)


# --------------------------------------------------------------------------- reading exactly the published run


def _partition(folder: Path, table: str, parts: int) -> None:
    """Rewrite ``table`` as a Dask-style folder of parts and the manifest to match."""
    data = pq.read_table(folder / f"{table}.parquet")
    (folder / f"{table}.parquet").unlink()
    (folder / table).mkdir()
    size = -(-data.num_rows // parts)
    for i in range(parts):
        pq.write_table(data.slice(i * size, size), folder / table / f"part-{i:05d}.parquet")
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["tables"] = describe(folder)
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def partitioned(sample, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(sample, out)
    _partition(out, "facts", 3)
    return out


@pytest.mark.parametrize(
    "query",
    [
        "SELECT count(*) AS n FROM facts",
        "SELECT subject, count(*) AS n FROM facts GROUP BY subject ORDER BY subject",
        "SELECT fact_id FROM facts ORDER BY fact_id",
    ],
)
def test_a_folder_of_parts_is_one_view(sample, partitioned, query):
    assert (partitioned / "facts").is_dir() and not (partitioned / "facts.parquet").exists()
    assert sql_json(partitioned, query) == sql_json(sample, query)


def test_a_part_the_manifest_does_not_list_is_refused(partitioned):
    shutil.copy(partitioned / "facts" / "part-00000.parquet", partitioned / "facts" / "part-00009.parquet")
    result = sql("SELECT count(*) FROM facts", "--output", str(partitioned))
    assert result.exit_code == 2
    assert "holds parts the manifest does not list" in result.stderr


def test_a_folder_without_a_manifest_is_read_with_a_one_line_warning(sample, tmp_path):
    out = tmp_path / "old"
    shutil.copytree(sample, out)
    (out / MANIFEST).unlink()
    result = sql("SELECT count(*) AS n FROM documents", "--output", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": len(load_tables(sample).documents)}]
    assert result.stderr.count("\n") == 1 and "no _run.json" in result.stderr


# --------------------------------------------------------------------------- pipeline tables


def test_tables_lists_every_table_with_rows_and_columns(sample):
    result = CliRunner().invoke(app, ["tables", "--output", str(sample), "--types"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["table", "rows", "columns"]
    loaded = load_tables(sample)
    for table, line in zip(TABLE_NAMES, lines[1:], strict=True):
        name, rows, *columns = line.split(maxsplit=2)
        assert (name, int(rows)) == (table, len(loaded[table]))
        assert columns[0].startswith(f"{loaded[table].columns[0]} VARCHAR")


@pytest.mark.parametrize("command", [["sql", "SELECT count(*) FROM facts"], ["tables"]])
def test_sql_and_tables_do_not_import_spacy(sample, command):
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pipeline", *command, "--output", str(sample)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")
    }
    assert "duckdb" in imported  # the check sees the imports at all
    assert not {name for name in imported if name.split(".")[0] in ("spacy", "thinc")}


# --------------------------------------------------------------------------- --help examples


def _commands(group, path=("pipeline",)):
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name), command


COMMANDS = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize("path, command", COMMANDS, ids=[" ".join(p[1:]) for p, _ in COMMANDS])
def test_every_command_has_help_examples_of_itself(path, command):
    epilog = command.epilog or ""
    assert epilog.startswith("Examples:"), f"{' '.join(path)} has no examples in --help"
    examples = [line for line in epilog.splitlines()[1:] if line.strip()]
    assert examples and all(line.startswith(" ".join(path)) for line in examples), examples
    result = CliRunner().invoke(app, [*path[1:], "--help"])
    assert result.exit_code == 0 and "Examples:" in result.output
