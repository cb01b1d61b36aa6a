"""``pipeline evaluate agreement``: a second annotation scored against the reference as a system would be."""

from __future__ import annotations

import json
import textwrap

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate.agreement import as_run, evaluate_agreement, read_gold

REFERENCE = [
    {"doc_id": "a", "subject": "Acme Corp", "value": 5.0, "unit": "percent", "quote": "rose 5 pct"},
    {"doc_id": "a", "subject": "Acme Corp", "value": 12e6, "unit": "USD", "quote": "12 mln dlrs"},
    {"doc_id": "b", "subject": "Japan", "value": 2.1, "unit": "percent", "quote": "2.1 pct"},
    {"doc_id": "c", "subject": "Beta", "value": 7.0, "unit": "store", "quote": "seven stores"},
]

# A stand-in for the shared scorer with its command line (RUN --gold GOLD --json OUT): recall of gold
# values and of (value, subject) pairs, and the documents the run names, so no shared folder is needed.
SCORER = textwrap.dedent(
    """
    import json, sys
    run, gold, out = sys.argv[1], sys.argv[sys.argv.index("--gold") + 1], sys.argv[sys.argv.index("--json") + 1]
    lines = [json.loads(line) for line in open(run)]
    facts = [(r["doc_id"], f) for r in lines for f in r["facts"]]
    golds = [json.loads(line) for line in open(gold) if line.strip()]
    def hit(g, subject):
        return any(d == g["doc_id"] and f["value"] == g["value"] and (not subject or f["subject"] == g["subject"])
                   for d, f in facts)
    scores = {
        "value": {"R": sum(hit(g, False) for g in golds) / len(golds), "gold": len(golds), "system": len(facts)},
        "value+subject": {"R": sum(hit(g, True) for g in golds) / len(golds)},
        "docs": sorted(r["doc_id"] for r in lines),
    }
    json.dump(scores, open(out, "w"))
    """
)


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def dev(stand_in_scorer):
    return stand_in_scorer(SCORER)


@pytest.mark.parametrize(
    ("second", "value_r", "subject_r", "docs"),
    [
        pytest.param(REFERENCE, 1.0, 1.0, ["a", "b", "c"], id="identical"),
        pytest.param(REFERENCE[:2], 1.0, 1.0, ["a"], id="only the documents the second one covers"),
        pytest.param(
            [{**REFERENCE[0], "subject": "Acme shares"}, *REFERENCE[1:3]],
            1.0,
            2 / 3,
            ["a", "b"],
            id="a subject differs",
        ),
        pytest.param([REFERENCE[0], REFERENCE[2]], 2 / 3, 2 / 3, ["a", "b"], id="a fact left out"),
    ],
)
def test_second_annotation_scored_on_its_documents(tmp_path, dev, second, value_r, subject_r, docs):
    ref, other = _write(tmp_path / "ref.jsonl", REFERENCE), _write(tmp_path / "second.jsonl", second)
    report = evaluate_agreement(ref, other, dev=dev)
    assert report.scores["value"]["R"] == pytest.approx(value_r)
    assert report.scores["value+subject"]["R"] == pytest.approx(subject_r)
    assert report.scores["docs"] == docs
    assert report.documents == len(docs)


def test_swap_scores_the_reference_against_the_second(tmp_path, dev):
    ref, other = _write(tmp_path / "ref.jsonl", REFERENCE), _write(tmp_path / "second.jsonl", [REFERENCE[0]])
    plain = evaluate_agreement(ref, other, dev=dev).scores["value"]
    assert (plain["R"], plain["gold"], plain["system"]) == (0.5, 2, 1)  # document a's two reference facts are gold
    swapped = evaluate_agreement(ref, other, dev=dev, swap=True).scores["value"]
    assert (swapped["R"], swapped["gold"], swapped["system"]) == (1.0, 1, 2)  # the second one's fact is gold


def test_as_run_groups_rows_per_document_in_order():
    run = as_run(REFERENCE, ["b", "a"])
    assert [r["doc_id"] for r in run] == ["b", "a"]
    assert [f["value"] for f in run[1]["facts"]] == [5.0, 12e6]
    assert set(run[0]["facts"][0]) == {"subject", "property", "value", "unit", "time_value"}


def test_documents_missing_from_the_reference_fail_with_their_ids(tmp_path, dev):
    ref = _write(tmp_path / "ref.jsonl", REFERENCE)
    other = _write(tmp_path / "second.jsonl", [{**REFERENCE[0], "doc_id": "zzz"}])
    with pytest.raises(ValueError, match="no gold for 1 document.*zzz"):
        evaluate_agreement(ref, other, dev=dev)


def test_a_line_without_doc_id_fails_with_the_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(REFERENCE[0]) + "\n" + json.dumps({"subject": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: not a gold fact"):
        read_gold(path)


def test_cli_prints_the_scores_and_fails_cleanly_on_a_missing_file(tmp_path, dev):
    ref, other = _write(tmp_path / "ref.jsonl", REFERENCE), _write(tmp_path / "second.jsonl", REFERENCE[:2])
    result = CliRunner().invoke(app, ["evaluate", "agreement", str(ref), str(other), "--dev", str(dev)])
    assert result.exit_code == 0, result.output
    assert "reference rows 2, second annotation rows 2" in result.output
    missing = CliRunner().invoke(app, ["evaluate", "agreement", str(ref), str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2
    assert "no such file" in missing.output
