"""The candidate-weight fitter: logistic regression and threshold comparison on labelled weighings."""

from __future__ import annotations

import pytest

from pipeline.evaluate.fit_subjects import Decision, compare, fit

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
    assert w["headline_topic"] > 0 > w["speaker"]
    assert set(w) == {"headline_topic", "main_org", "speaker", "_bias"}


@pytest.mark.parametrize(
    "threshold, given, precision",
    [(0.0, 20, 0.6), (1.0, 12, 1.0), (3.0, 0, 0.0)],
)
def test_compare_counts_given_and_right_subjects(threshold, given, precision):
    weights = {"headline_topic": 1.0, "main_org": 0.5, "speaker": 0.0}
    (row,) = compare(DECISIONS, weights, [threshold])
    assert (row["given"], round(row["precision"], 3)) == (given, precision)
