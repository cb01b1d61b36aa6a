"""What runs inside one measuring child process of the benchmark, and how the parent starts it.

Every measurement is a fresh interpreter, so model loads, caches and peak RSS never leak from one
into the next, and every clock starts at the child's first statement: "start-up included" means
the same thing for the bare model and for the pipeline.

- ``bare``: a stand-alone spaCy script (``BARE_SCRIPT``; it imports nothing of ours): import spaCy,
  load the model with exactly the pipeline's components, ``nlp.pipe`` over the part texts the
  extractors see, on 1 or N processes (``n_process``).
- ``run``: ``pipeline run`` end to end (imports, rules, model, ingest, extract, export) with
  ``workers`` processes, or the CLI's default (``"auto"``). spaCy and the extractors are imported
  as a run imports them: when the first document not in the cache needs the model (the stage
  ``imports``), so a fully cached re-run never imports spaCy; ``spacy_imported`` says whether it did.
  With ``engine`` "dask", the same through ``engines.dask.run_dask`` on a LocalCluster of
  ``workers`` worker processes (cluster start and stop included).
- ``startup``: the pipeline's start-up costs one by one: imports, model load, rule files, the cache.

A child prints one line, ``BENCH-RESULT {json}``, on stdout.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

RESULT_PREFIX = "BENCH-RESULT "

# The bare baseline: what a user would write with spaCy alone, over the same texts and components.
BARE_SCRIPT = """\
import time
t0 = time.perf_counter()
import json, os, resource, sys
spec = json.loads(sys.argv[1])
import spacy
t1 = time.perf_counter()
nlp = spacy.load(spec["model"], exclude=spec["exclude"])
if spec["sentencizer"]:
    nlp.add_pipe("sentencizer", first=True)
t2 = time.perf_counter()
def usage():
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime, me.ru_maxrss / 1024, kids.ru_maxrss / 1024
cpu2 = usage()[0]
with open(spec["texts"], encoding="utf-8") as fh:
    texts = [json.loads(line) for line in fh]
load0 = os.getloadavg()[0]
cpu3 = usage()[0]
t3 = time.perf_counter()  # reading the texts is not the model's work: left out of every figure
words = 0
for doc in nlp.pipe(texts, batch_size=spec["batch_size"], n_process=spec["n_process"]):
    words += sum(1 for tok in doc if not tok.is_space and not tok.is_punct)
t4 = time.perf_counter()
cpu, rss, rss_workers = usage()
print("BENCH-RESULT " + json.dumps({
    "docs": spec["docs"], "words": words, "parts": len(texts), "workers": spec["n_process"],
    "imports_seconds": t1 - t0, "load_seconds": t2 - t1, "startup_seconds": t2 - t0,
    "work_seconds": t4 - t3, "seconds": (t2 - t0) + (t4 - t3),
    "run_cpu_seconds": cpu - (cpu3 - cpu2), "pipe_cpu_seconds": cpu - cpu3,
    "peak_rss_mb": rss, "peak_rss_workers_mb": rss_workers,
    "components": list(nlp.pipe_names), "loadavg_1min": [load0, os.getloadavg()[0]],
}))
"""


def rusage() -> dict[str, float]:
    """CPU seconds (this process and its finished children) and peak RSS, in MB."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "cpu_main_seconds": me.ru_utime + me.ru_stime,
        "cpu_workers_seconds": kids.ru_utime + kids.ru_stime,
        "peak_rss_mb": me.ru_maxrss / 1024,  # Linux reports KiB
        "peak_rss_workers_mb": kids.ru_maxrss / 1024,
    }


def measure_run(spec: dict[str, Any], t0: float) -> dict[str, Any]:
    """``pipeline run`` end to end; ``seconds`` counts from the child's first statement."""
    from ..config import Settings
    from ..engines.local import AutoBackend
    from ..engines.stages import run

    if spec.get("rules_fingerprint"):
        # Every run of one benchmark keys its cache alike, even if a rule file is edited meanwhile:
        # the re-run measures the cache, not a colleague's edit.
        from ..store import cache as cache_module

        cache_module.rules_fingerprint = lambda: spec["rules_fingerprint"]
    auto = spec["workers"] == "auto"
    settings = Settings(model=spec["model"], workers=1 if auto else int(spec["workers"]), fast=spec["fast"])
    backend = AutoBackend() if auto else None
    imports = time.perf_counter() - t0
    if spec.get("engine") == "dask":
        from ..engines.dask import run_dask

        summary = run_dask(Path(spec["raw"]), Path(spec["out"]), settings, use_cache=spec["use_cache"])
    else:
        summary = run(Path(spec["raw"]), Path(spec["out"]), settings, use_cache=spec["use_cache"], backend=backend)
    seconds = time.perf_counter() - t0
    stages = dict(summary.stage_seconds)
    startup = imports + sum(stages.get(name, 0.0) for name in ("imports", "rules", "load"))
    return {
        "docs": summary.documents,
        "words": summary.words,
        "cached": summary.cached,
        "unchanged": summary.unchanged,
        "workers": summary.workers,
        "seconds": seconds,
        "imports_seconds": imports,
        "startup_seconds": startup,
        "work_seconds": seconds - startup,
        "run_cpu_seconds": rusage()["cpu_seconds"],  # from the first statement, like the wall clock
        "stage_seconds": stages,
        "rows": summary.rows,
        "errors": summary.errors,
        "spacy_imported": "spacy" in sys.modules,
        "modules": len(sys.modules),
    }


def measure_startup(spec: dict[str, Any], t0: float) -> dict[str, Any]:
    """The pipeline's start-up costs, one after the other, as a run pays them."""
    steps: dict[str, float] = {}
    t = t0
    from ..engines import stages  # noqa: F401  (pandas, pyarrow, the store, the ingest code)

    steps["imports: pipeline, pandas, pyarrow"] = -t + (t := time.perf_counter())
    from .. import cli  # noqa: F401  (typer, rich)

    steps["imports: the CLI (typer, rich)"] = -t + (t := time.perf_counter())
    from ..store.tables import _pandera

    _pandera()
    steps["imports: pandera (the export check)"] = -t + (t := time.perf_counter())
    modules = len(sys.modules)  # what a fully cached re-run imports before the cache
    from ..extractors import import_extractors

    import_extractors()
    steps["imports: spaCy, extractors"] = -t + (t := time.perf_counter())
    from ..extractors import check_rules
    from ..extractors.nlp import load_nlp

    load_nlp(spec["model"], fast=spec["fast"])
    steps["model load"] = -t + (t := time.perf_counter())
    check_rules()
    steps["rule files"] = -t + (t := time.perf_counter())
    from ..store.cache import ExtractionCache

    with tempfile.TemporaryDirectory() as tmp:
        ExtractionCache(Path(tmp), model=spec["model"], fast=spec["fast"])
    steps["cache open (fingerprints)"] = -t + (t := time.perf_counter())
    return {"steps": steps, "seconds": t - t0, "modules_without_spacy": modules, "modules": len(sys.modules)}


def child_main(spec_json: str, t0: float | None = None) -> None:
    """Entry point of a measuring child: one measurement, its figures as JSON on stdout."""
    t0 = time.perf_counter() if t0 is None else t0
    spec = json.loads(spec_json)
    load0 = os.getloadavg()[0]
    result = measure_startup(spec, t0) if spec["mode"] == "startup" else measure_run(spec, t0)
    result.update(rusage())
    result["loadavg_1min"] = [load0, os.getloadavg()[0]]
    print(RESULT_PREFIX + json.dumps(result, default=str), flush=True)


def in_child(spec: dict[str, Any]) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter and return its figures."""
    # Either way the clock starts at the child's first statement, before anything else is imported.
    code = (
        BARE_SCRIPT
        if spec["mode"] == "bare"
        else (
            "import time; t0 = time.perf_counter(); import sys; "
            "from pipeline.evaluate.bench_child import child_main; child_main(sys.argv[1], t0)"
        )
    )
    package_root = str(Path(__file__).resolve().parent.parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "-c", code, json.dumps(spec)], capture_output=True, text=True, env=env)
    lines = [line for line in proc.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    if proc.returncode or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        raise RuntimeError(f"benchmark run {spec['mode']!r} failed: " + " | ".join(tail))
    return json.loads(lines[-1].removeprefix(RESULT_PREFIX))
