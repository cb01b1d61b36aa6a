"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

from pipeline.extractors.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp():
    """The pinned English pipeline, loaded once per test process (``load_nlp`` caches it)."""
    return load_nlp()


@pytest.fixture
def stand_in_scorer(tmp_path):
    """Make a dev folder whose ``score_facts.py`` is the given stand-in for the shared scorer (same command
    line: RUN --gold GOLD --json OUT), so scoring tests need no shared folder."""

    def make(source: str):
        folder = tmp_path / "dev"
        folder.mkdir(exist_ok=True)
        (folder / "score_facts.py").write_text(source, encoding="utf-8")
        return folder

    return make
