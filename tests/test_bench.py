"""The benchmark's behaviour (corpus sampling, ratios, verdicts, exponents, the report), never its timings."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from pipeline.evaluate.bench import (
    TARGETS,
    check_targets,
    compute_ratios,
    fit_exponent,
    met,
    prepare_corpus,
    prepare_long_article,
    ratio,
    render,
    run_bench,
    scaling_figures,
    verdict,
)

SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"


@pytest.fixture
def records(tmp_path) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": f"Article {i} says sales rose 5% in 2004."}) for i in range(10)]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return path


def _ids(folder: Path) -> list[str]:
    return [json.loads(line)["id"] for line in (folder / "records.jsonl").read_text().splitlines()]


# --------------------------------------------------------------------------- corpora


@pytest.mark.parametrize(
    "sample, expected",
    [(4, ["r0", "r2", "r5", "r8"]), (10, [f"r{i}" for i in range(10)]), (50, [f"r{i}" for i in range(10)])],
)
def test_sample_is_evenly_spread_through_the_corpus(records, tmp_path, sample, expected):
    assert _ids(prepare_corpus(records, sample=sample, work_dir=tmp_path / "work")) == expected


@pytest.mark.parametrize("sample, repeat, distinct", [(4, 2, 8), (2, 4, 8), (4, 4, 4), (1, 3, 3)])
def test_scaled_corpus_is_larger_with_unique_ids(records, tmp_path, sample, repeat, distinct):
    ids = _ids(prepare_corpus(records, sample=sample, work_dir=tmp_path / "work", repeat=repeat))
    assert len(ids) == sample * repeat and len(set(ids)) == len(ids)
    assert len({i.split("#")[0] for i in ids}) == distinct


def test_a_folder_is_used_as_it_is(tmp_path):
    assert prepare_corpus(SEEDS, sample=1, work_dir=tmp_path) == SEEDS


@pytest.mark.parametrize("chars", [50, 120, 1000])
def test_long_article_has_about_the_asked_length(records, tmp_path, chars):
    (record,) = [
        json.loads(line)
        for line in (prepare_long_article(records, chars=chars, work_dir=tmp_path) / "records.jsonl").open()
    ]
    assert chars // 2 < len(record["text"]) <= chars
    assert record["id"] == f"long-{chars}"


# --------------------------------------------------------------------------- the figures


@pytest.mark.parametrize(
    "a, b, expected",
    [(3.0, 4.0, 0.75), (4.0, 0.0, None), (None, 4.0, None), (4.0, None, None), (0.0, 2.0, 0.0)],
)
def test_ratio(a, b, expected):
    assert ratio(a, b) == expected


@pytest.mark.parametrize(
    "value, op, limit, expected, word",
    [
        (0.93, ">=", 0.92, True, "met"),
        (0.92, ">=", 0.92, True, "met"),
        (0.91, ">=", 0.92, False, "NOT met"),
        (1.05, "<=", 1.05, True, "met"),
        (1.2, "<=", 1.05, False, "NOT met"),
        (None, ">=", 0.9, None, "n/a"),
    ],
)
def test_met_and_verdict(value, op, limit, expected, word):
    assert met(value, op, limit) is expected
    assert verdict(value, op, limit) == word


@pytest.mark.parametrize(
    "sizes, seconds, expected",
    [
        ([1, 2, 4], [3, 6, 12], 1.0),  # linear
        ([1, 2, 4], [1, 4, 16], 2.0),  # quadratic
        ([50_000, 100_000, 200_000, 400_000], [5, 5, 5, 5], 0.0),  # constant
        ([1, 2, 4], [2, 2 * 2**1.05, 2 * 4**1.05], 1.05),
        ([1, 1, 1], [1, 2, 3], None),  # one size only: no slope
        ([1, 2], [0.0, 1.0], None),  # a zero time: no logarithm
        ([1], [1.0], None),
    ],
)
def test_fit_exponent(sizes, seconds, expected):
    got = fit_exponent(sizes, seconds)
    assert got == expected if expected is None else math.isclose(got, expected, abs_tol=1e-9)


def _run(words: float, seconds: float, **more) -> dict:
    return {"words": words, "seconds": seconds, **more}


@pytest.mark.parametrize(
    "runs, expected",
    [
        (  # single 920 words/s vs bare 1000: exactly on target; default 900 vs bare N 1000
            {
                "bare_1": _run(10_000, 10.0, run_cpu_seconds=10.0, work_seconds=8.0),
                "bare_n": _run(10_000, 10.0, run_cpu_seconds=20.0),
                "single": _run(10_000, 10_000 / 920, run_cpu_seconds=12.5, work_seconds=10.0),
                "default": _run(10_000, 10_000 / 900, run_cpu_seconds=25.0),
                "rerun": _run(10_000, 0.5),
                "edited": _run(10_000, 2.0),
                "dask": _run(10_000, 10_000 / 720),
            },
            {
                "single_vs_bare": 0.92,
                "default_vs_bare_n": 0.9,
                "rerun_vs_single": 0.5 / (10_000 / 920),
                "edited_vs_single": 2.0 / (10_000 / 920),
                "dask_vs_default": 0.8,
                "single_vs_bare_cpu": 0.8,
                "default_vs_bare_n_cpu": 0.8,
                "single_vs_bare_work": 0.8,
            },
        ),
        (  # runs missing: no ratio, no error
            {"single": _run(100, 1.0)},
            dict.fromkeys(
                (
                    "single_vs_bare",
                    "default_vs_bare_n",
                    "rerun_vs_single",
                    "edited_vs_single",
                    "dask_vs_default",
                    "single_vs_bare_cpu",
                    "default_vs_bare_n_cpu",
                    "single_vs_bare_work",
                )
            ),
        ),
    ],
)
def test_compute_ratios(runs, expected):
    got = compute_ratios(runs)
    assert got.keys() == expected.keys()
    for name, value in expected.items():
        assert got[name] == value if value is None else math.isclose(got[name], value), name


@pytest.mark.parametrize(
    "ratios, verdicts",
    [
        ({"single_vs_bare": 0.95, "default_vs_bare_n": 0.85}, {"single_vs_bare": True, "default_vs_bare_n": False}),
        ({"rerun_vs_single": 0.04, "corpus_exponent": 1.2}, {"rerun_vs_single": True, "corpus_exponent": False}),
        ({"article_exponent": None, "memory_4x_vs_1x": 1.1}, {"article_exponent": None, "memory_4x_vs_1x": True}),
        ({"dask_vs_default": 0.79}, {"dask_vs_default": False}),
        ({"single_vs_bare_cpu": 0.5}, {}),  # reference figures have no target
    ],
)
def test_check_targets(ratios, verdicts):
    got = check_targets(ratios)
    assert {name: t["met"] for name, t in got.items()} == verdicts
    for name, t in got.items():
        assert t["target"] == f"{TARGETS[name][0]} {TARGETS[name][1]}"


def test_scaling_figures_fit_work_seconds_and_compare_rss():
    corpus = [
        {"words": w, "work_seconds": w / 1000, "peak_rss_mb": rss}
        for w, rss in ((1000, 400.0), (2000, 420.0), (4000, 440.0))
    ]
    articles = [{"chars": c, "work_seconds": (c / 50_000) ** 1.5} for c in (50_000, 100_000, 200_000, 400_000)]
    got = scaling_figures(corpus, articles)
    assert math.isclose(got["corpus_exponent"], 1.0)
    assert math.isclose(got["article_exponent"], 1.5)
    assert math.isclose(got["memory_4x_vs_1x"], 1.1)
    assert scaling_figures([], []) == {}


# --------------------------------------------------------------------------- a whole (tiny) benchmark


@pytest.fixture(scope="module")
def bench_result(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    corpus = work / "seeds.jsonl"
    texts = sorted(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    corpus.write_text("".join(json.dumps({"id": f"s{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    result = run_bench(
        corpus,
        workers=2,
        scaling=True,
        scaling_sample=1,
        scaling_factors=(1, 2),
        article_chars=(1500, 3000),
        json_path=work / "bench.json",
        work_dir=work,
        log=lambda line: None,
    )
    return result, work


def test_bench_writes_every_figure_to_json(bench_result):
    _, work = bench_result
    written = json.loads((work / "bench.json").read_text())
    assert set(written["runs"]) == {"bare_1", "bare_n", "single", "default", "rerun", "edited", "dask"}
    for run in written["runs"].values():
        for key in (
            "docs",
            "words",
            "seconds",
            "startup_seconds",
            "words_per_second",
            "peak_rss_mb",
            "run_cpu_seconds",
        ):
            assert key in run
        assert run["docs"] == 2 and run["words"] > 0
    assert written["runs"]["bare_n"]["workers"] == 2
    assert written["runs"]["dask"]["workers"] == 2 and written["runs"]["dask"]["cached"] == 0
    assert written["notes"] == []
    assert written["runs"]["default"]["workers"] == 1  # two documents: no pool
    stages = written["runs"]["single"]["stage_seconds"]
    assert {"ingest", "rules", "load", "nlp", "facts", "write", "export"} <= set(stages)
    assert written["runs"]["rerun"]["cached"] == 2 and written["runs"]["rerun"]["workers"] == 0
    assert written["runs"]["rerun"]["unchanged"] and not written["runs"]["edited"]["unchanged"]
    assert written["runs"]["edited"]["cached"] == 1 and written["runs"]["edited"]["workers"] == 1
    assert set(written["startup"]["steps"]) >= {"model load", "rule files", "cache open (fingerprints)"}
    assert set(written["targets"]) == set(TARGETS)
    assert [r["factor"] for r in written["scaling"]["corpus"]] == [1, 2]
    assert [r["chars"] for r in written["scaling"]["articles"]] == [1500, 3000]
    assert "parser" in written["components"] and "ner" in written["components"]


def test_bench_report_shows_runs_stages_startup_and_verdicts(bench_result):
    text = render(bench_result[0])
    for label in ("bare nlp.pipe, 1 process", "bare nlp.pipe, 2 processes", "pipeline, 1 process"):
        assert label in text
    for part in ("pipeline, default options", "seconds per stage", "start-up, measured alone", "model load"):
        assert part in text
    for part in ("seconds ~ corpus words^k", "seconds ~ article chars^k", "peak RSS 4x / 1x corpus", "target >= 0.92"):
        assert part in text


def test_bench_report_names_the_dask_run_and_says_when_it_is_left_out(bench_result):
    result = bench_result[0]
    text = render(result)
    assert "pipeline on Dask, 2 workers" in text and "pipeline on Dask / pipeline default" in text
    without = {**result, "notes": ["Dask run left out: Dask not installed"]}
    assert "note: Dask run left out: Dask not installed" in render(without)
