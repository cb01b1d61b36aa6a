"""Throughput benchmark: how close the whole pipeline comes to the bare spaCy pass underneath.

``pipeline bench`` (``make bench``) runs, each in a fresh child process (``bench_child``) whose
clock starts at its first statement, so start-up is included on both sides:

- ``bare 1``: a stand-alone spaCy script: load the model with exactly the pipeline's components,
  ``nlp.pipe`` over the part texts the extractors see, one process. These are spaCy's own
  components: the pipeline runs faster equivalents of two of them (``extractors.fastpipes``: same
  annotations), and that gain counts for the pipeline, as any other of its own speed-ups does;
- ``bare N``: the same with ``nlp.pipe(n_process=N)``, N = the CPUs this process may use;
- ``single``: ``pipeline run`` end to end (ingest, extract, export) into a fresh folder, one process;
- ``default``: the same with the CLI's default options (one worker per CPU, see
  ``engines.local.default_workers``);
- ``rerun``: ``single`` again on the unchanged corpus: the published tables were made from the same
  inputs, code and model (``engines.stages.inputs_key``), so the run checks them and leaves them;
- ``edited``: ``single`` again with one document's text edited: that document goes through the
  model, every other one comes from the cache, and every table is written again (no target: the
  cost of the incremental path, start-up and model load included);
- ``dask``: ``pipeline run --engine dask`` on a LocalCluster of N single-threaded worker processes
  (cluster start-up included), compared with ``default``; left out when Dask is not installed;
- ``startup``: the pipeline's start-up costs measured one by one (imports, model, rules, cache).

A cached re-run imports neither spaCy nor the extractors (the report says whether it did): its
start-up is Python, pandas, pyarrow, pandera and the CLI, which the ``startup`` figures show.

It prints words/s, CPU seconds and peak RSS of each, seconds per stage, and the ratios against
the targets in ``TARGETS``. ``scaling=True`` adds runs on 1x/2x/4x the corpus and on single
articles of 50k-400k characters, and fits how seconds grow with size (the exponent of a
power law; 1 is linear) and how peak RSS does.

The machine may be shared: each run records the load average and its CPU seconds next to the
wall-clock seconds, so a figure bent by contention can be told apart. Not a timed test.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..config import PROJECT_ROOT, Settings
from ..store.cache import rules_fingerprint
from .bench_child import in_child

DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "bbc_news.jsonl"
FALLBACK_CORPUS = PROJECT_ROOT / "data" / "raw"
DEFAULT_JSON = Path(".bench") / "bench.json"
DEFAULT_SAMPLE = 500
SCALING_FACTORS = (1, 2, 4)  # corpus sizes, in multiples of the scaling sample
SCALING_SAMPLE = 100  # articles in the 1x corpus of the scaling runs
ARTICLE_CHARS = (50_000, 100_000, 200_000, 400_000)  # single long articles of the scaling runs
# "imports": spaCy and the extractors, imported when the first document not in the cache needs them.
STAGE_NAMES = (
    "ingest", "imports", "rules", "cache", "load", "nlp", "dates", "quantities", "entities", "facts", "write",
    "export",
)  # fmt: skip
# The targets, checked in the report (never asserted: timings are not tests).
TARGETS: dict[str, tuple[str, float]] = {
    "single_vs_bare": (">=", 0.92),  # words/s of the pipeline on 1 process over bare nlp.pipe on 1
    "default_vs_bare_n": (">=", 0.90),  # words/s with default options over bare nlp.pipe(n_process=N)
    "rerun_vs_single": ("<=", 0.05),  # seconds of the cached re-run over the first run
    "corpus_exponent": ("<=", 1.05),  # seconds ~ words**k over 1x/2x/4x corpora
    "article_exponent": ("<=", 1.05),  # seconds ~ characters**k over 50k-400k character articles
    "memory_4x_vs_1x": ("<=", 1.3),  # peak RSS on the 4x corpus over the 1x corpus
    "dask_vs_default": (">=", 0.8),  # words/s on a LocalCluster of N workers over the default local run
}
LABELS = {
    "single_vs_bare": "pipeline 1 proc / bare 1 proc (words/s)",
    "default_vs_bare_n": "pipeline default / bare N proc (words/s)",
    "rerun_vs_single": "cached re-run / first run (seconds)",
    "corpus_exponent": "seconds ~ corpus words^k",
    "article_exponent": "seconds ~ article chars^k",
    "memory_4x_vs_1x": "peak RSS 4x / 1x corpus",
    "dask_vs_default": "pipeline on Dask / pipeline default (words/s)",
}


# --------------------------------------------------------------------------- corpus


def prepare_corpus(corpus: Path | None, *, sample: int | None, work_dir: Path, repeat: int = 1) -> Path:
    """A raw-input folder for the runs: a folder is used as it is; a records JSONL file is sampled.

    The sample takes ``sample`` records evenly spaced through the file (all sections of a
    sorted corpus), written under ``work_dir`` (ignored by git), never into the project.
    ``repeat`` (the scaling runs) takes that many times more records when the file has them,
    else copies every record that many times under new ids.
    """
    corpus = Path(corpus) if corpus else (DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else FALLBACK_CORPUS)
    if corpus.is_dir():
        if repeat == 1:
            return corpus
        raise ValueError("the scaling runs need a records JSONL corpus")
    if not corpus.is_file():
        raise FileNotFoundError(f"corpus not found: {corpus}")
    with corpus.open("rb") as fh:
        total = sum(1 for line in fh if line.strip())
    n = min(sample or total, total)
    if repeat > 1 and n * repeat <= total:  # enough records: 4x the corpus is 4x as many *different* articles
        n, repeat = n * repeat, 1
    picked = {round(i * total / n) for i in range(n)}
    dest = Path(work_dir) / f"corpus-{corpus.stem}-{n}x{repeat}"
    if (dest / "records.jsonl").exists():
        return dest
    dest.mkdir(parents=True, exist_ok=True)
    tmp = dest / "records.jsonl.tmp"
    with tmp.open("w", encoding="utf-8") as out:
        for copy in range(repeat):
            with corpus.open("rb") as src:
                for i, raw in enumerate(line for line in src if line.strip()):
                    if i not in picked:
                        continue
                    record = json.loads(raw)
                    if copy:
                        record["id"] = f"{record.get('id', i)}#{copy}"
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(dest / "records.jsonl")
    return dest


def prepare_long_article(corpus: Path, *, chars: int, work_dir: Path) -> Path:
    """A raw-input folder holding one article of about ``chars`` characters (the scaling runs).

    Consecutive records of ``corpus`` (a records JSONL file) are joined paragraph by paragraph,
    and the text is cut at the last paragraph break before ``chars`` (or at ``chars`` exactly).
    """
    corpus = Path(corpus)
    if not corpus.is_file():
        raise ValueError("the scaling runs need a records JSONL corpus")
    dest = Path(work_dir) / f"long-{corpus.stem}-{chars}"
    if (dest / "records.jsonl").exists():
        return dest
    pieces: list[str] = []
    size = 0
    with corpus.open("rb") as src:
        for raw in src:
            if raw.strip():
                text = json.loads(raw)["text"].strip()
                pieces.append(text)
                size += len(text) + 2
                if size > chars:
                    break
    text = "\n\n".join(pieces)
    if len(text) < chars:
        text = (text + "\n\n") * (chars // (len(text) + 2) + 1)  # a small corpus: repeat it
    cut = text.rfind("\n\n", 0, chars + 1)
    text = text[: cut if cut > chars // 2 else chars]
    dest.mkdir(parents=True, exist_ok=True)
    tmp = dest / "records.jsonl.tmp"
    record = {"id": f"long-{chars}", "title": f"{chars:,} characters", "text": text}
    tmp.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(dest / "records.jsonl")
    return dest


# --------------------------------------------------------------------------- the figures


def ratio(a: float | None, b: float | None) -> float | None:
    """a / b, or None when either is missing or b is zero."""
    if a is None or b is None or not b:
        return None
    return a / b


def met(value: float | None, op: str, limit: float) -> bool | None:
    """Whether ``value op limit`` holds; None when there is no value."""
    if value is None:
        return None
    return value >= limit if op == ">=" else value <= limit


def verdict(value: float | None, op: str, limit: float) -> str:
    return {True: "met", False: "NOT met", None: "n/a"}[met(value, op, limit)]


def fit_exponent(sizes: Sequence[float], seconds: Sequence[float]) -> float | None:
    """k of the power law seconds ~ size**k, least squares on logarithms (1.0: linear).

    None with fewer than two distinct positive sizes, or any non-positive figure.
    """
    points = [(math.log(x), math.log(y)) for x, y in zip(sizes, seconds, strict=True) if x > 0 and y > 0]
    if len(points) < len(sizes) or len({x for x, _ in points}) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx


def words_per_second(run: dict[str, Any]) -> float | None:
    return ratio(run.get("words"), run.get("seconds"))


def compute_ratios(runs: dict[str, dict[str, Any]]) -> dict[str, float | None]:
    """The targets' ratios from whichever runs are there (a missing run gives None)."""
    wps = {key: words_per_second(run) for key, run in runs.items()}
    get = runs.get
    out: dict[str, float | None] = {
        "single_vs_bare": ratio(wps.get("single"), wps.get("bare_1")),
        "default_vs_bare_n": ratio(wps.get("default"), wps.get("bare_n")),
        "rerun_vs_single": ratio((get("rerun") or {}).get("seconds"), (get("single") or {}).get("seconds")),
        "edited_vs_single": ratio((get("edited") or {}).get("seconds"), (get("single") or {}).get("seconds")),
        "dask_vs_default": ratio(wps.get("dask"), wps.get("default")),
        # The same comparison on CPU seconds, less bent by other work on a shared machine.
        "single_vs_bare_cpu": ratio(
            (get("bare_1") or {}).get("run_cpu_seconds"), (get("single") or {}).get("run_cpu_seconds")
        ),
        "default_vs_bare_n_cpu": ratio(
            (get("bare_n") or {}).get("run_cpu_seconds"), (get("default") or {}).get("run_cpu_seconds")
        ),
        # Without start-up on either side: the model pass plus what the pipeline adds per document.
        "single_vs_bare_work": ratio(
            (get("bare_1") or {}).get("work_seconds"), (get("single") or {}).get("work_seconds")
        ),
    }
    return out


def scaling_figures(corpus_runs: Sequence[dict[str, Any]], article_runs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Exponents of seconds (start-up left out) over words and characters, and the RSS ratio."""
    figures: dict[str, Any] = {}
    if corpus_runs:
        figures["corpus_exponent"] = fit_exponent(
            [r["words"] for r in corpus_runs], [r["work_seconds"] for r in corpus_runs]
        )
        figures["memory_4x_vs_1x"] = ratio(corpus_runs[-1]["peak_rss_mb"], corpus_runs[0]["peak_rss_mb"])
    if article_runs:
        figures["article_exponent"] = fit_exponent(
            [r["chars"] for r in article_runs], [r["work_seconds"] for r in article_runs]
        )
    return figures


def check_targets(ratios: dict[str, float | None]) -> dict[str, dict[str, Any]]:
    """Each target with its value and verdict (only those whose ratio was measured)."""
    return {
        name: {"target": f"{op} {limit}", "value": ratios[name], "met": met(ratios[name], op, limit)}
        for name, (op, limit) in TARGETS.items()
        if name in ratios
    }


# --------------------------------------------------------------------------- the runs


def _spec(mode: str, settings: Settings, **fields: Any) -> dict[str, Any]:
    return {"mode": mode, "model": settings.model, "fast": settings.fast, "use_cache": True, **fields}


def _bare_texts(raw: Path, work: Path) -> tuple[Path, int]:
    """The part texts the extractors would see, one JSON string a line (ingested once, untimed)."""
    from ..engines.stages import ingest_stage
    from ..extractors import extracted_parts
    from ..store.rows import read_articles

    ingest_stage(raw, work / "ingested")
    path, docs = work / "texts.jsonl", 0
    with path.open("w", encoding="utf-8") as fh:
        for article in read_articles(work / "ingested"):
            docs += 1
            for part in extracted_parts(article):
                fh.write(json.dumps(article.text[part.start : part.end]) + "\n")
    shutil.rmtree(work / "ingested", ignore_errors=True)
    return path, docs


def _bare_spec(settings: Settings, texts: Path, docs: int, n_process: int) -> dict[str, Any]:
    from ..extractors.nlp import FAST_COMPONENTS, FULL_COMPONENTS, _pipe_names

    wanted = FAST_COMPONENTS if settings.fast else FULL_COMPONENTS
    exclude = [name for name in _pipe_names(settings.model) if name not in wanted and name != "transformer"]
    return _spec(
        "bare",
        settings,
        texts=str(texts),
        docs=docs,
        exclude=exclude,
        sentencizer=settings.fast,
        batch_size=settings.batch_size,
        n_process=n_process,
    )


def dask_installed() -> bool:
    """Whether the Dask engine can run here (``distributed`` is an optional dependency)."""
    import importlib.util

    return importlib.util.find_spec("distributed") is not None


def run_bench(
    corpus: Path | None = None,
    *,
    sample: int | None = DEFAULT_SAMPLE,
    settings: Settings | None = None,
    workers: int | None = None,
    scaling: bool = False,
    scaling_sample: int = SCALING_SAMPLE,
    scaling_factors: Sequence[int] = SCALING_FACTORS,
    article_chars: Sequence[int] = ARTICLE_CHARS,
    json_path: Path | None = DEFAULT_JSON,
    work_dir: Path = Path(".bench"),
    repeat: int = 1,
    dask: bool = True,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Run every measurement (and the scaling runs) and return the figures, also written to ``json_path``.

    ``workers`` is N for the bare N-process run (default: the CPUs this process may use); the
    pipeline's ``default`` run chooses its own workers as the CLI does. ``repeat`` runs each
    measurement that many times and keeps the fastest (all are in the JSON). ``dask`` adds the
    run on a LocalCluster of N workers when Dask is installed (a note says when it is left out).
    """
    from ..engines.local import available_cpus

    settings = settings or Settings()
    cpus = available_cpus()
    n = workers or cpus
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    raw = prepare_corpus(corpus, sample=sample, work_dir=work_dir)
    tmp = Path(tempfile.mkdtemp(prefix="runs-", dir=work_dir))
    fingerprint = rules_fingerprint()
    try:
        texts, docs = _bare_texts(raw, tmp)

        def run_spec(out: Path, workers: int | str, engine: str = "local", source: Path = raw) -> dict[str, Any]:
            return _spec(
                "run", settings, raw=str(source), out=str(out), workers=workers, engine=engine,
                rules_fingerprint=fingerprint,
            )  # fmt: skip

        def edited_spec(out: Path) -> dict[str, Any]:
            return run_spec(out, 1, source=edited_copy(raw, tmp / "edited-input"))

        plan = [
            ("bare_1", "bare nlp.pipe, 1 process", lambda _: _bare_spec(settings, texts, docs, 1)),
            ("bare_n", f"bare nlp.pipe, {n} processes", lambda _: _bare_spec(settings, texts, docs, n)),
            ("single", "pipeline, 1 process", lambda i: run_spec(tmp / f"single-{i}", 1)),
            ("default", "pipeline, default options", lambda i: run_spec(tmp / f"default-{i}", "auto")),
            ("rerun", "pipeline re-run, all cached", lambda _: run_spec(tmp / "single-0", 1)),
            ("edited", "re-run, 1 document edited", lambda _: edited_spec(tmp / "single-0")),
        ]
        notes = []
        if dask and dask_installed():
            label = f"pipeline on Dask, {n} workers"
            plan.append(("dask", label, lambda i: run_spec(tmp / f"dask-{i}", n, engine="dask")))
        elif dask:
            notes.append("Dask run left out: Dask not installed (pip install 'distributed')")
        tries: dict[str, list[dict[str, Any]]] = {key: [] for key, *_ in plan}
        for attempt in range(repeat):
            for key, label, spec in plan:
                log(f"{label} ..." + (f" (try {attempt + 1} of {repeat})" if repeat > 1 else ""))
                tries[key].append({"label": label, **in_child(spec(attempt))})
        # The fastest try of each: the one least slowed by other work on the machine.
        runs = {key: min(found, key=lambda r: r["seconds"]) for key, found in tries.items()}
        for run in runs.values():
            run["words_per_second"] = words_per_second(run) or 0.0
        log("start-up costs ...")
        startup = in_child(_spec("startup", settings))
        result: dict[str, Any] = {
            "corpus": str(corpus or raw),
            "input": str(raw),
            "sample": sample,
            "model": settings.model,
            "fast": settings.fast,
            "cpus": cpus,
            "bare_processes": n,
            "components": runs["bare_1"].get("components", []),
            "repeat": repeat,
            "runs": runs,
            "startup": startup,
            "tries": {key: [r["seconds"] for r in found] for key, found in tries.items()},
            "ratios": compute_ratios(runs),
            "notes": notes,
        }
        if scaling:
            result["scaling"] = run_scaling(
                corpus,
                settings,
                work_dir=work_dir,
                tmp=tmp,
                sample=scaling_sample,
                factors=scaling_factors,
                article_chars=article_chars,
                log=log,
            )
            result["ratios"].update(scaling_figures(result["scaling"]["corpus"], result["scaling"]["articles"]))
        result["targets"] = check_targets(result["ratios"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if json_path:
        Path(json_path).parent.mkdir(parents=True, exist_ok=True)
        Path(json_path).write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    return result


def run_scaling(
    corpus: Path | None,
    settings: Settings,
    *,
    work_dir: Path,
    tmp: Path,
    sample: int,
    factors: Sequence[int],
    article_chars: Sequence[int],
    log: Callable[[str], None],
) -> dict[str, list[dict[str, Any]]]:
    """One-process runs (no cache) on corpora ``factors`` times ``sample`` articles and on single
    articles of ``article_chars`` characters: seconds, words/s and peak RSS per size."""

    def measure(raw: Path, name: str) -> dict[str, Any]:
        spec = _spec("run", settings, raw=str(raw), out=str(tmp / name), workers=1, use_cache=False)
        found = in_child(spec)
        shutil.rmtree(tmp / name, ignore_errors=True)
        found["words_per_second"] = words_per_second(found) or 0.0
        return found

    corpus_runs, article_runs = [], []
    for factor in factors:
        log(f"scaling: {factor}x {sample} articles ...")
        raw = prepare_corpus(corpus, sample=sample, work_dir=work_dir, repeat=factor)
        corpus_runs.append({"size": f"{factor}x", "factor": factor, **measure(raw, f"scale-{factor}")})
    sources = Path(corpus) if corpus else DEFAULT_CORPUS
    for chars in article_chars:
        log(f"scaling: one article of {chars:,} characters ...")
        raw = prepare_long_article(sources, chars=chars, work_dir=work_dir)
        article_runs.append({"size": f"{chars // 1000}k chars", "chars": chars, **measure(raw, f"long-{chars}")})
    return {"corpus": corpus_runs, "articles": article_runs}


def edited_copy(raw: Path, dest: Path) -> Path:
    """A copy of the input folder ``raw`` in which one document's text has one more sentence: the
    first record of ``records.jsonl`` when there is one, else the first ``.txt`` file."""
    if dest.exists():
        return dest
    shutil.copytree(raw, dest)
    extra = " The figures were revised on Friday."
    records = dest / "records.jsonl"
    if records.is_file():
        lines = records.read_text(encoding="utf-8").splitlines()
        first = next(i for i, line in enumerate(lines) if line.strip())
        record = json.loads(lines[first])
        record["text"] = str(record.get("text", "")) + extra
        lines[first] = json.dumps(record, ensure_ascii=False)
        records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        first_txt = min(dest.rglob("*.txt"), default=None)
        if first_txt is not None:
            first_txt.write_text(first_txt.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return dest


# --------------------------------------------------------------------------- the report


def _run_line(label: str, run: dict[str, Any]) -> str:
    rss = f"{run['peak_rss_mb']:.0f}"
    if run.get("workers", 1) > 1 and run.get("peak_rss_workers_mb"):  # the largest worker
        rss += f"/{run['peak_rss_workers_mb']:.0f}w"
    load = "-".join(f"{x:.1f}" for x in run["loadavg_1min"])
    return (
        f"{label:<32}{run['docs']:>6}{run['words']:>9}{run['seconds']:>9.1f}{run.get('startup_seconds', 0.0):>9.1f}"
        f"{run['words_per_second']:>9.0f}{run['run_cpu_seconds']:>8.1f}{rss:>13}{run.get('workers', 1):>5}"
        f"{run.get('cached', 0):>7}{load:>11}"
    )


def _header() -> str:
    return (
        f"{'run':<32}{'docs':>6}{'words':>9}{'seconds':>9}{'start-up':>9}{'words/s':>9}{'cpu s':>8}"
        f"{'peak RSS MB':>13}{'proc':>5}{'cached':>7}{'load avg':>11}"
    )


def _stage_lines(runs: dict[str, dict[str, Any]]) -> list[str]:
    names = [*STAGE_NAMES, "other"]
    lines = [f"{'seconds per stage':<32}" + "".join(f"{s[:9]:>10}" for s in names)]
    for key in ("single", "default", "rerun", "edited", "dask"):
        if key not in runs:
            continue
        run = runs[key]
        stages = run["stage_seconds"]
        # What no stage timer saw: imports (spaCy among them), publishing, a pool's start and stop.
        other = run["seconds"] - sum(stages.values()) if run.get("workers", 1) <= 1 else None
        cells = [stages.get(s, 0.0) for s in STAGE_NAMES] + [other]
        lines.append(f"{run['label']:<32}" + "".join("         -" if c is None else f"{c:>10.2f}" for c in cells))
    lines.append(
        "(other: imports, the output lock, publishing; with worker processes, load, nlp and the extractors "
        "are summed over the workers)"
    )
    return lines


def _import_lines(result: dict[str, Any]) -> list[str]:
    """Whether each pipeline run imported spaCy, and how many modules it had loaded at its end."""
    runs = [
        run
        for key, run in result["runs"].items()
        if key in ("single", "default", "rerun", "edited") and "modules" in run
    ]
    if not runs:
        return []
    shown = "; ".join(
        f"{run['label']}: {'yes' if run['spacy_imported'] else 'no'} ({run['modules']} modules)" for run in runs
    )
    return [f"spaCy imported by {shown}"]


def render(result: dict[str, Any]) -> str:
    """The report printed by ``pipeline bench``."""
    runs = result["runs"]
    lines = [
        f"corpus {result['input']}  model {result['model']}{' (fast)' if result['fast'] else ''}  "
        f"components {', '.join(result['components'])}  cpus {result['cpus']}",
        "",
        _header(),
        *(_run_line(run["label"], run) for run in runs.values()),
        "(seconds and cpu s include start-up: imports and model load; the bare runs leave out reading their texts)",
        "",
        *_stage_lines(runs),
        "",
        f"start-up, measured alone ({result['startup']['seconds']:.2f} s):",
        *(f"  {name:<36}{seconds:>7.2f} s" for name, seconds in result["startup"]["steps"].items()),
        *_import_lines(result),
    ]
    if "scaling" in result:
        lines += ["", "scaling (one process, no cache; start-up left out of 'work s'):", _header() + f"{'work s':>9}"]
        for run in (*result["scaling"]["corpus"], *result["scaling"]["articles"]):
            lines.append(_run_line(run["size"], run) + f"{run['work_seconds']:>9.1f}")
    busiest = max(max(run["loadavg_1min"]) for run in runs.values())
    if busiest > (result["cpus"] or 1):
        lines += [
            "",
            f"note: load average up to {busiest:.1f} on {result['cpus']} CPUs: other work shared the machine, "
            "so wall-clock ratios are unreliable; see the CPU-second figures",
        ]
    lines += ["", *(f"note: {note}" for note in result.get("notes", ()))]
    for name, target in result["targets"].items():
        value = target["value"]
        shown = "n/a" if value is None else f"{value:.3f}"
        lines.append(f"{LABELS[name]:<42}{shown:>8}   target {target['target']:<8} {verdict(value, *TARGETS[name])}")
    notes = {
        "single_vs_bare_cpu": "pipeline 1 proc / bare 1 proc (CPU s)",
        "default_vs_bare_n_cpu": "pipeline default / bare N proc (CPU s)",
        "single_vs_bare_work": "same, start-up left out on both sides",
        "edited_vs_single": "re-run, 1 document edited / first run (s)",
    }
    for name, label in notes.items():
        value = result["ratios"].get(name)
        if value is not None:
            lines.append(f"{label:<42}{value:>8.3f}   (for reference)")
    return "\n".join(lines)


__all__ = [
    "run_bench",
    "render",
    "prepare_corpus",
    "prepare_long_article",
    "compute_ratios",
    "check_targets",
    "dask_installed",
    "fit_exponent",
    "scaling_figures",
    "TARGETS",
]
