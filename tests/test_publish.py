"""A run publishes all its tables together (issue 12 item 1): killed anywhere, the output folder
still loads as the previous run; the manifest ``_run.json`` catches a folder that disagrees."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import Settings
from pipeline.engines.stages import extract_stage, ingest_stage, run
from pipeline.errors import RunMismatchError
from pipeline.store.manifest import MANIFEST, UnverifiedTablesWarning, published_files
from pipeline.store.publish import PAUSE_ENV, remove_leftovers
from pipeline.store.tables import TABLE_NAMES, Tables, load_tables
from pipeline.store.writers import output_lock

ROOT = Path(__file__).resolve().parent.parent
A = "Acme Corp said on Monday that its sales rose 5% to $3m in 2004. Chief executive Jane Smith was pleased.\n"
B = "Globex shipped over 3,000,000 units as of June 12, 2012, the company said in Berlin.\n"
C = "Initech will open 12 stores in France by the end of 2013, Bill Lumbergh said on Tuesday.\n"
PREFIX = "Updated story. Analysts at Umbrella Ltd expect 7% growth in 2014.\n"


def write_corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def frames(out: Path) -> dict[str, pd.DataFrame]:
    return {name: frame.copy() for name, frame in load_tables(out).items()}


def assert_same(got: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame]) -> None:
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)


def inconsistencies(t: Tables | dict[str, pd.DataFrame]) -> list[str]:
    """Rows whose doc_id is not a document, or whose offsets do not lie in (or give) its text."""
    texts = dict(zip(t["documents"]["doc_id"], t["documents"]["text"], strict=True))
    bad = []
    for name in ("entities", "dates", "quantities", "ranks"):
        for row in t[name].itertuples(index=False):
            if row.doc_id not in texts or texts[row.doc_id][row.start : row.end] != row.text:
                bad.append(f"{name} {row.doc_id} {row.start}:{row.end}")
    for name, start, end in (("parts", "start", "end"), ("facts", "sentence_start", "sentence_end")):
        for row in t[name].itertuples(index=False):
            lo, hi = getattr(row, start), getattr(row, end)
            if row.doc_id not in texts or not 0 <= lo <= hi <= len(texts[row.doc_id]):
                bad.append(f"{name} {row.doc_id} {lo}:{hi}")
    return bad


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    """The previous run (a, b) and a changed input: b gains a first line (its offsets move), c is new."""
    base = tmp_path_factory.mktemp("publish")
    old_raw = write_corpus(base / "old_raw", {"a.txt": A, "b.txt": B})
    new_raw = write_corpus(base / "new_raw", {"a.txt": A, "b.txt": PREFIX + B, "c.txt": C})
    previous = base / "previous"
    run(old_raw, previous, Settings())
    clean = base / "clean"
    run(new_raw, clean, Settings())  # its cache lets the killed runs below skip loading the model
    return new_raw, previous, frames(previous), frames(clean), clean


def test_the_corpus_would_show_a_mix(corpora):
    _, _, before, after, _ = corpora
    assert not inconsistencies(before) and not inconsistencies(after)
    mixed = {**before, "documents": after["documents"]}  # new documents beside the old mentions
    assert inconsistencies(mixed)


def start_paused(new_raw: Path, out: Path, point: str, clean: Path) -> subprocess.Popen:
    """`pipeline run` in a child process, stopped at ``point`` (it says so on stderr). The clean
    run's cache is put beside the previous run's tables first, so the child needs no model."""
    shutil.copytree(clean / ".cache", out / ".cache", dirs_exist_ok=True)
    cmd = [sys.executable, "-m", "pipeline", "run", "--input", str(new_raw), "--output", str(out), "--quiet"]
    env = {**os.environ, PAUSE_ENV: point}
    child = subprocess.Popen(cmd, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline, seen = time.monotonic() + 120, ""
    while f"paused at {point}" not in seen:
        assert child.poll() is None, f"the run ended before {point}: {seen}"
        assert time.monotonic() < deadline, f"never paused at {point}: {seen}"
        if select.select([child.stderr], [], [], 1.0)[0]:
            seen += child.stderr.readline()
    return child


def kill(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stderr.close()


@pytest.mark.parametrize("point", ["ingest", "extract", "export", "publish"])
def test_a_run_killed_before_its_switch_leaves_the_previous_run(corpora, tmp_path, point):
    new_raw, previous, before, after, clean = corpora
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    kill(start_paused(new_raw, out, point, clean))
    assert list(out.glob(".staging-*"))  # what the killed run had written is staged, not published
    loaded = frames(out)
    assert_same(loaded, before)
    assert not inconsistencies(loaded)
    assert sorted(p.name for p in out.glob("*.csv")) == sorted(f"{t}.csv" for t in TABLE_NAMES)
    run(new_raw, out, Settings())  # the rerun clears what was left and equals a clean run
    assert_same(frames(out), after)
    assert not list(out.glob(".staging-*")) and not list(out.glob(".trash-*"))


def test_a_run_killed_during_its_switch_is_refused_then_finished(corpora, tmp_path):
    new_raw, previous, _, after, clean = corpora
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    kill(start_paused(new_raw, out, "switch", clean))  # every new table in place, the old _run.json still there
    with pytest.raises(RunMismatchError, match="do not match _run.json"):
        published_files(out, attempts=2, wait=0.01)
    with output_lock(out):
        assert remove_leftovers(out) == 1  # the complete staged run is switched in
    assert_same(frames(out), after)
    assert not list(out.glob(".staging-*")) and not list(out.glob(".trash-*"))


# --------------------------------------------------------------------------- the manifest


def test_the_manifest_names_every_table_file(corpora):
    _, previous, before, _, _ = corpora
    manifest = json.loads((previous / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["stages"] == ["ingest", "extract", "export"] and manifest["documents_fingerprint"]
    for table in TABLE_NAMES:
        info = manifest["tables"][table]
        assert info["rows"] == len(before[table])
        assert info["files"] == {n: (previous / n).stat().st_size for n in (f"{table}.parquet", f"{table}.csv")}


@pytest.mark.parametrize(
    "tamper, message",
    [
        (lambda out, old: shutil.copy(old / "facts.parquet", out / "facts.parquet"), "facts.parquet has"),
        (lambda out, old: (out / "ranks.csv").unlink(), "ranks.csv is missing"),
        (lambda out, old: (out / "entities.csv").write_text("doc_id\n"), "entities.csv has"),
    ],
)
def test_load_tables_refuses_tables_that_disagree_with_the_manifest(corpora, tmp_path, tamper, message):
    _, previous, _, _, _ = corpora
    out, old = tmp_path / "out", tmp_path / "old"
    shutil.copytree(previous, out)
    write_corpus(tmp_path / "raw", {"a.txt": A})
    run(tmp_path / "raw", old, Settings())  # another run's tables, to copy one in by hand
    tamper(out, old)
    with pytest.raises(RunMismatchError, match=message) as caught:
        load_tables(out)
    assert len(str(caught.value).splitlines()) == 1


def test_a_folder_without_a_manifest_loads_with_a_warning(corpora, tmp_path):
    _, previous, before, _, _ = corpora
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    (out / MANIFEST).unlink()
    with pytest.warns(UnverifiedTablesWarning, match="no _run.json"):
        assert_same(frames(out), before)


def test_ingest_then_extract_publish_consistent_sets(corpora, tmp_path):
    new_raw, previous, _, after, _ = corpora
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    ingest_stage(new_raw, out)  # new documents: the old mentions and CSV copies go with the old run
    ingested = load_tables(out)
    assert len(ingested.documents) == 3 and ingested.facts.empty and not list(out.glob("*.csv"))
    assert json.loads((out / MANIFEST).read_text())["stages"] == ["ingest"]
    extract_stage(out, Settings())
    extracted = frames(out)
    assert_same(extracted, after)
    assert not inconsistencies(extracted)


# --------------------------------------------------------------------------- leftovers and errors


def test_leftovers_are_removed_at_the_next_start(corpora, tmp_path):
    new_raw, previous, _, after, _ = corpora
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    (out / ".staging-x" / "documents").mkdir(parents=True)  # a run killed before it was complete
    (out / ".staging-x" / "facts.parquet").write_bytes(b"half a table")
    (out / ".trash-y").mkdir()
    (out / ".trash-y" / "facts.parquet").write_bytes(b"an old table")
    (out / ".facts.abc.parquet.tmp").write_bytes(b"x")
    run(new_raw, out, Settings())
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".cache", ".lock"]
    assert_same(frames(out), after)


def test_a_failing_switch_puts_the_previous_run_back(corpora, tmp_path, monkeypatch):
    import errno

    from pipeline.store import publish

    new_raw, previous, before, _, _ = corpora
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    real = os.replace

    def replace(source, target):
        if Path(target) == out / MANIFEST:
            raise OSError(errno.EACCES, "Permission denied", str(target))
        real(source, target)

    monkeypatch.setattr(publish.os, "replace", replace)
    with pytest.raises(PermissionError):
        run(new_raw, out, Settings())
    monkeypatch.undo()
    assert_same(frames(out), before)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".cache", ".lock"]


def test_a_half_done_switch_is_finished_at_the_next_start(corpora, tmp_path):
    """Killed after one old table went aside and one new one came in: the next start does the rest."""
    _, previous, _, after, clean = corpora
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    staging = out / ".staging-z"
    shutil.copytree(clean, staging, ignore=shutil.ignore_patterns(".*"))
    run_id = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))["run_id"]
    (out / f".trash-{run_id}").mkdir()
    (out / "facts.parquet").rename(out / f".trash-{run_id}" / "facts.parquet")
    (staging / "facts.parquet").rename(out / "facts.parquet")
    with pytest.raises(RunMismatchError):
        load_tables(out)
    with output_lock(out):
        assert remove_leftovers(out) == 1  # the staged run switched in (its set-aside tables with it)
    assert_same(frames(out), after)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".cache", ".lock"]


def test_export_refuses_a_folder_that_disagrees_with_its_manifest(corpora, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    _, previous, _, _, _ = corpora
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    with (out / "facts.csv").open("a", encoding="utf-8") as fh:
        fh.write("edited by hand\n")
    result = CliRunner().invoke(app, ["export", "--output", str(out)])
    assert result.exit_code == 2 and "facts.csv has" in result.output and "run `pipeline run` again" in result.output
    assert len(result.output.strip().splitlines()) == 1
