"""The benchmark's behaviour (corpus sampling, the report and its JSON), never its timings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate.bench import TARGETS, prepare_corpus, render, run_bench

SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"


@pytest.fixture
def records(tmp_path) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": f"Article {i} says sales rose 5% in 2004."}) for i in range(10)]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return path


def _ids(folder: Path) -> list[str]:
    return [json.loads(line)["id"] for line in (folder / "records.jsonl").read_text().splitlines()]


@pytest.mark.parametrize(
    "sample, expected",
    [(4, ["r0", "r2", "r5", "r8"]), (10, [f"r{i}" for i in range(10)]), (50, [f"r{i}" for i in range(10)])],
)
def test_sample_is_evenly_spread_through_the_corpus(records, tmp_path, sample, expected):
    assert _ids(prepare_corpus(records, sample=sample, work_dir=tmp_path / "work")) == expected


@pytest.mark.parametrize("sample, repeat, distinct", [(4, 4, 4), (2, 4, 8), (1, 3, 3)])
def test_memory_corpus_is_larger_with_unique_ids(records, tmp_path, sample, repeat, distinct):
    ids = _ids(prepare_corpus(records, sample=sample, work_dir=tmp_path / "work", repeat=repeat))
    assert len(ids) == sample * repeat and len(set(ids)) == len(ids)
    assert len({i.split("#")[0] for i in ids}) == distinct


def test_a_folder_is_used_as_it_is(tmp_path):
    assert prepare_corpus(SEEDS, sample=1, work_dir=tmp_path) == SEEDS


@pytest.fixture(scope="module")
def bench_result(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    return run_bench(SEEDS, workers=2, json_path=work / "bench.json", work_dir=work, log=lambda line: None), work


def test_bench_writes_every_figure_to_json(bench_result):
    result, work = bench_result
    written = json.loads((work / "bench.json").read_text())
    assert set(written["runs"]) == {"bare", "single", "workers", "rerun"}
    for run in written["runs"].values():
        for key in ("docs", "words", "seconds", "words_per_second", "peak_rss_mb", "cpu_seconds", "cpu_main_seconds"):
            assert key in run
        assert run["docs"] == 2 and run["words"] > 0
    stages = written["runs"]["single"]["stage_seconds"]
    assert list(stages) == ["ingest", "nlp", "dates", "quantities", "entities", "facts", "export"]
    assert set(written["ratios"]) >= {"single_vs_bare", "workers_vs_single", "rerun_vs_single"}
    assert set(written["targets"]) == set(TARGETS) - {"memory_4x_vs_1x"}
    assert written["runs"]["rerun"]["cached"] == 2
    assert {key: len(seconds) for key, seconds in written["tries"].items()} == dict.fromkeys(written["runs"], 1)
    assert "parser" in written["components"] and "ner" in written["components"]


def test_bench_report_shows_runs_and_ratios(bench_result):
    text = render(bench_result[0])
    for label in ("(a) bare nlp.pipe", "(b) pipeline, 1 process", "(c) pipeline, --workers 2", "(d) re-run"):
        assert label in text
    assert "(b)/(a) words/s" in text and "(d)/(b) seconds" in text
