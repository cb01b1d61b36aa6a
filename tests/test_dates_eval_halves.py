"""The dates scorer per half of the dev gold (tuning / check: md5 of the document id)."""

from __future__ import annotations

import pytest

from pipeline.evaluate.dates import score_halves
from pipeline.evaluate.dev_facts import half


def _doc(doc_id: str) -> dict:
    return {
        "doc_id": doc_id,
        "text": "It rained on Monday.",
        "timexes": [{"start": 13, "end": 19, "value": "2015-04-06", "type": "DATE", "text": "Monday"}],
    }


@pytest.mark.parametrize(
    "ids",
    [
        ["a", "b", "c", "d", "e", "f"],
        ["wsj_0001", "wsj_0002", "APW19980101.0001"],
    ],
)
def test_score_halves_splits_by_document_hash(ids):
    gold = [_doc(i) for i in ids]
    system = {i: [{"start": 13, "end": 19, "value": "2015-04-06", "type": "DATE"}] for i in ids if half(i) == "tuning"}
    reports = score_halves(gold, system)
    n_tuning = sum(half(i) == "tuning" for i in ids)
    assert reports["all"].n_docs == len(ids)
    assert reports["tuning"].n_docs == n_tuning
    assert reports["check"].n_docs == len(ids) - n_tuning
    if n_tuning:
        assert reports["tuning"].value_f1 == 1.0
    if len(ids) - n_tuning:
        assert reports["check"].relaxed["R"] == 0.0
