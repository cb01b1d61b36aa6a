"""The candidate-weight fitter: logistic regression and threshold comparison on labelled weighings."""

from __future__ import annotations

import pytest

from pipeline.evaluate.fit_subjects import Decision, compare, cross_validate, fit

# Synthetic weighings: "headline_topic" is usually right, "speaker" usually wrong.
DECISIONS = [
    Decision((frozenset({"headline_topic"}), frozenset({"speaker"})), (True, False)),
    Decision((frozenset({"headline_topic", "main_org"}), frozenset({"speaker"})), (True, False)),
    Decision((frozenset({"speaker"}),), (False,)),
    Decision((frozenset({"headline_topic"}),), (True,)),
    Decision((frozenset({"main_org"}), frozenset({"speaker"})), (False, True)),
] * 4


def test_fit_learns_which_features_are_right():
    w = fit(DECISIONS)
    assert w["headline_topic"] > w["speaker"]
    assert set(w) == {"headline_topic", "main_org", "speaker", "_empty"}


@pytest.mark.parametrize(
    "threshold, given, precision",
    [(0.0, 20, 0.6), (1.0, 12, 1.0), (3.0, 0, 0.0)],
)
def test_compare_counts_given_and_right_subjects(threshold, given, precision):
    weights = {"headline_topic": 1.0, "main_org": 0.5, "speaker": 0.0}
    (row,) = compare(DECISIONS, weights, [threshold])
    assert (row["given"], round(row["precision"], 3)) == (given, precision)


def test_cross_validation_reports_hand_and_fitted_models():
    docs = [Decision(d.features, d.right, f"doc-{i}") for i, d in enumerate(DECISIONS)]
    rows = cross_validate(docs, {"headline_topic": 1.0, "speaker": 0.5}, 1.0, folds=4)
    assert [r["model"] for r in rows] == ["hand", "fitted"]
    assert rows[0]["given"] == 12 and rows[0]["precision"] == 1.0
    assert rows[1]["given"] > 0 and 0.5 < rows[1]["precision"] <= 1.0


def test_recording_sees_the_pipelines_weighings_and_leaves_the_facts_alone():
    """The recorder wraps ``subjects.rank`` with whatever arguments the facts stage passes it (a
    wrapper that dropped ``threshold=`` once turned every article into an error row)."""
    from facts_helpers import facts_of

    from pipeline.evaluate.fit_subjects import _recording
    from pipeline.extractors.nlp import load_nlp

    nlp = load_nlp()
    text = "Acme Corp said its net profit rose 12 pct to 5.6 mln dlrs in 1986."
    plain = facts_of(nlp, text, published="1987-03-02")
    with _recording() as seen:
        recorded = facts_of(nlp, text, published="1987-03-02")
    assert seen and all(amount for _, amount, _ in seen)
    assert [(f.subject, f.value) for f in recorded] == [(f.subject, f.value) for f in plain]


def test_a_candidates_score_does_not_depend_on_the_order_of_its_features():
    """Features are a set, whose order follows string hashes, which differ between processes: the
    fitted weights' sums must come out the same in every process, or a subject (and its score in
    subject_source) would change from run to run."""
    import os
    import subprocess
    import sys

    script = (
        "from pipeline.extractors.facts.candidates import Candidate\n"
        "from pipeline.records import EntityMention\n"
        "w = {f'f{i}': 0.1 * (i % 7) + 0.001 * i for i in range(40)}\n"
        "c = Candidate(EntityMention(0, 1, 'A', 'ORG', 'A', 'ORG:a'), None, set(w))\n"
        "print(repr(c.score(w)))\n"
    )
    found = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(found) == 1, found
