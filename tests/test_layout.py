"""The package's layout promises: rule files checked on load, a cache keyed on the extractors only,
a notebook import without spaCy, and the CLI's --version / schema commands (issue 10)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import Settings
from pipeline.engines.stages import run
from pipeline.errors import RulesError
from pipeline.extractors import check_rules
from pipeline.extractors.dates import schema as dates_schema
from pipeline.extractors.dates import timex
from pipeline.extractors.entities import schema as entities_schema
from pipeline.extractors.facts import schema as facts_schema
from pipeline.extractors.quantities import schema as quantities_schema
from pipeline.ingest import schema as ingest_schema
from pipeline.store import cache as cache_module

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "raw"
SCHEMAS = {
    "dates": dates_schema,
    "entities": entities_schema,
    "facts": facts_schema,
    "quantities": quantities_schema,
    "ingest": ingest_schema,
}
RULE_FILES = sorted(
    (folder, path.name) for folder, module in SCHEMAS.items() for path in module.RULES_DIR.glob("*.json*")
)


def _clear_caches() -> None:
    for module in (dates_schema, facts_schema, quantities_schema):
        module.load.cache_clear()
    entities_schema.load_fixes.cache_clear()
    entities_schema.load_names.cache_clear()
    ingest_schema.load_furniture.cache_clear()
    timex.patterns.cache_clear()


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    """Every rules folder copied to tmp_path and pointed at; caches cleared before and after."""
    for folder, module in SCHEMAS.items():
        shutil.copytree(module.RULES_DIR, tmp_path / folder)
        monkeypatch.setattr(module, "RULES_DIR", tmp_path / folder)
    _clear_caches()
    yield tmp_path
    _clear_caches()


def _load_everything() -> None:
    check_rules()
    ingest_schema.load_furniture()


def _corrupt(path: Path, how: str) -> str:
    """Remove the first checked key, or give it a value of the wrong type; returns the key."""
    if path.suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        row = json.loads(lines[0])
        key = "label"
        if how == "missing":
            del row[key]
        else:
            row[key] = 5
        path.write_text("\n".join([json.dumps(row), *lines[1:]]) + "\n", encoding="utf-8")
        return key
    data = json.loads(path.read_text(encoding="utf-8"))
    key = next(k for k in data if not k.startswith("_") and not k.endswith("_note"))
    if how == "missing":
        del data[key]
    else:
        data[key] = 5 if isinstance(data[key], (list, dict)) else []
    path.write_text(json.dumps(data), encoding="utf-8")
    return key


def test_every_rules_file_has_a_schema():
    declared = {folder: set(getattr(module, "FILES", ())) for folder, module in SCHEMAS.items()}
    declared["entities"] = {"entity_fixes.jsonl", "entity_names.json"}
    declared["ingest"] = {"page_furniture.json"}
    assert {folder: {name for f, name in RULE_FILES if f == folder} for folder in SCHEMAS} == declared


@pytest.mark.parametrize("how", ["missing", "wrong type"])
@pytest.mark.parametrize("folder, name", RULE_FILES)
def test_a_corrupt_rules_file_fails_loading_with_one_line_naming_file_and_key(rules_copy, folder, name, how):
    _load_everything()  # the copies as they are load fine
    _clear_caches()
    key = _corrupt(rules_copy / folder / name, how)
    with pytest.raises(RulesError) as info:
        _load_everything()
    message = str(info.value)
    assert name in message and key in message
    assert "\n" not in message


def test_edited_party_names_are_read_again(rules_copy):
    from pipeline.extractors.entities.find import party_forms

    assert "tory" in party_forms()  # built from the copy, then the copy is edited and loaded again
    names = rules_copy / "entities" / "entity_names.json"
    data = json.loads(names.read_text(encoding="utf-8"))
    data["political_parties"] = [["Kelvor Party", "Kelvorites"]]
    names.write_text(json.dumps(data), encoding="utf-8")
    _clear_caches()
    assert set(party_forms()) == {"kelvor party", "kelvorites"}


def test_an_unknown_key_and_broken_json_are_errors(rules_copy):
    path = rules_copy / "facts" / "facts_cues.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["modalty"] = {}
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RulesError, match="facts_cues.json.*modalty"):
        check_rules()
    _clear_caches()
    path.write_text("{", encoding="utf-8")
    with pytest.raises(RulesError, match="facts_cues.json: invalid JSON"):
        check_rules()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("kind", "no_such_resolver", "unknown kind"),
        ("regex", "<<NOSLOT>>", "unknown slot"),
        ("regex", "(", "bad regex"),
    ],
)
def test_a_date_pattern_that_could_never_match_is_an_error(rules_copy, field, value, message):
    path = rules_copy / "dates" / "dates_patterns.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["patterns"][0][field] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RulesError, match=f"dates_patterns.json: pattern '{data['patterns'][0]['name']}': {message}"):
        check_rules()


def test_a_corrupt_rules_file_stops_the_cli_with_exit_2_before_any_document(rules_copy, tmp_path):
    _corrupt(rules_copy / "facts" / "facts_cues.json", "missing")
    result = CliRunner().invoke(app, ["run", "--input", str(SEEDS), "--output", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "facts_cues.json" in lines[0] and "modality" in lines[0]
    assert not (tmp_path / "out" / "facts.parquet").exists()


# --------------------------------------------------------------------------- the cache


def test_the_cache_fingerprint_covers_extractors_and_rules_but_not_scorers_or_cli():
    files = {p.relative_to(ROOT / "pipeline").as_posix() for p in cache_module.fingerprinted_files()}
    assert "extractors/facts/rules/facts_cues.json" in files
    assert "extractors/quantities/find.py" in files and "store/rows.py" in files
    assert not any(f.startswith(("evaluate/", "engines/")) or f in ("cli.py", "config.py") for f in files)


@pytest.mark.parametrize("name", ["find.cpython-311.pyc", "find.cpython-311.pyc.140234", "stray.txt"])
def test_bytecode_and_its_temporary_files_do_not_key_the_cache(tmp_path, monkeypatch, name):
    # A fresh clone under pytest-xdist: one process compiles while another fingerprints the rules.
    package = tmp_path / "pipeline"
    (package / "extractors" / "__pycache__").mkdir(parents=True)
    (package / "extractors" / "find.py").write_text("x = 1\n")
    monkeypatch.setattr(cache_module, "_PACKAGE", package)
    monkeypatch.setattr(cache_module, "_FINGERPRINTED", ("extractors",))
    before = cache_module.fingerprinted_files()
    (package / "extractors" / "__pycache__" / name).write_bytes(b"\x00")
    assert cache_module.fingerprinted_files() == before


def test_the_cache_keeps_one_entry_per_document(tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(SEEDS, out, Settings())
    monkeypatch.setattr(cache_module, "rules_fingerprint", lambda: "edited rules")
    again = run(SEEDS, out, Settings())
    assert again.cached == 0
    entries = [p for p in (out / ".cache").rglob("*") if p.is_file()]
    assert len(entries) == again.documents == 2


# --------------------------------------------------------------------------- imports and CLI


def test_reading_tables_does_not_import_spacy():
    code = "import sys, pipeline; pipeline.load_tables; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_version_and_schema_commands():
    from pipeline import __version__
    from pipeline.store.tables import schema_markdown

    version = CliRunner().invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output.strip() == f"pipeline {__version__}"
    schema = CliRunner().invoke(app, ["schema"])
    assert schema.exit_code == 0 and schema_markdown().splitlines()[0] in schema.output


def test_shell_completion_is_offered():
    result = CliRunner().invoke(app, ["--help"])
    assert "--install-completion" in result.output
