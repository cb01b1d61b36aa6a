"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

from pipeline.extractors.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp():
    """The pinned English pipeline, loaded once per test process (``load_nlp`` caches it)."""
    return load_nlp()
