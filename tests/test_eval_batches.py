"""``pipeline evaluate batch``: annotated batches of your own, run and scored like the held-out sets."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate.batches import batch_files, evaluate_batches

ARTICLE = {
    "id": "x-1",
    "title": "ACME PROFIT UP",
    "text": "ACME PROFIT UP\n\nNEW YORK, March 3 - Acme Corp said its profit rose 5 pct to 12 mln dlrs in 1986.",
    "published": "1987-03-03",
}
GOLD = [
    {"doc_id": "x-1", "subject": "Acme Corp", "value": 5.0, "unit": "percent"},
    {"doc_id": "x-1", "subject": "Acme Corp", "value": 12e6, "unit": "USD"},
]

# A stand-in for the shared scorer with its command line (RUN --gold GOLD --json OUT): the share of gold
# values the run has, and of gold (value, subject word) pairs, so the test needs no shared folder.
SCORER = textwrap.dedent(
    """
    import json, sys
    run, gold, out = sys.argv[1], sys.argv[sys.argv.index("--gold") + 1], sys.argv[sys.argv.index("--json") + 1]
    facts = [f for line in open(run) for f in json.loads(line)["facts"] if f.get("value") is not None]
    golds = [json.loads(line) for line in open(gold) if line.strip()]
    values = sum(any(abs(f["value"] - g["value"]) < 1e-6 for f in facts) for g in golds) / len(golds)
    subjects = sum(
        any(abs(f["value"] - g["value"]) < 1e-6 and (f.get("subject") or "") in g["subject"] for f in facts)
        for g in golds
    ) / len(golds)
    scores = {"value": {"F1": values}, "value+subject": {"F1": subjects, "P": subjects, "R": subjects}}
    json.dump(scores, open(out, "w"))
    """
)


def _batch(folder, name="wire", gold=True):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"docs_{name}.jsonl").write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    if gold:
        (folder / f"{name}_gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    return folder


@pytest.fixture
def dev(stand_in_scorer):
    return stand_in_scorer(SCORER)


def test_a_batch_is_run_and_scored(tmp_path, dev):
    report = evaluate_batches([_batch(tmp_path / "blind7")], dev=dev)
    assert list(report.scores) == ["blind7/wire"]
    assert report.articles == {"blind7/wire": 1}
    assert report.scores["blind7/wire"]["value"]["F1"] == 1.0
    assert report.scores["blind7/wire"]["value+subject"]["F1"] == 1.0
    assert "blind7/wire" in report.render()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p: _batch(p, gold=False), "has no wire_gold.jsonl beside it", id="gold_missing"),
        pytest.param(lambda p: (p.mkdir(), p)[1], "no docs_*.jsonl in", id="no_docs"),
    ],
)
def test_a_batch_without_its_files_fails_with_their_names(tmp_path, make, message):
    folder = make(tmp_path / "blind8")
    with pytest.raises(FileNotFoundError, match=re.escape(message)):
        batch_files([folder])


def test_batch_files_pair_each_docs_file_with_its_gold(tmp_path):
    folder = _batch(_batch(tmp_path / "b", name="bbc"), name="reu")
    assert [(label, d.name, g.name) for label, d, g in batch_files([folder])] == [
        ("b/bbc", "docs_bbc.jsonl", "bbc_gold.jsonl"),
        ("b/reu", "docs_reu.jsonl", "reu_gold.jsonl"),
    ]


@pytest.mark.parametrize(
    ("folder", "with_scorer", "message"),
    [
        pytest.param("no-such-folder", True, "no such folder", id="folder"),
        pytest.param(".", False, "no scorer", id="scorer"),
    ],
)
def test_cli_wrong_command_line_is_one_line_and_exit_2(tmp_path, dev, folder, with_scorer, message):
    where = dev if with_scorer else tmp_path / "nowhere"
    result = CliRunner().invoke(app, ["evaluate", "batch", str(tmp_path / folder), "--dev", str(where)])
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
