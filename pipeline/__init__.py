"""News fact extraction: articles in, tidy tables of entities, dates, quantities and facts out.

Notebook use::

    from pipeline import load_tables
    t = load_tables("data/processed")
    t.facts.head()

Layout (imports point down): ``cli`` -> ``engines`` (stage wiring, local and Dask backends) ->
``store`` (schemas, writers, rows, cache), ``extractors`` (model and rules), ``ingest`` ->
``records`` / ``config`` / ``rules``; ``evaluate`` (scorers, benchmark) uses the extractors.
``load_tables`` reads Parquet only: importing it does not import spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import Settings
from .store.tables import Tables, load_tables

if TYPE_CHECKING:
    from .engines.stages import run

__version__ = "0.1.0"
__all__ = ["Settings", "Tables", "load_tables", "run", "__version__"]


def __getattr__(name: str) -> Any:
    """``pipeline.run`` is imported on first use: it brings in spaCy, which a notebook reading
    tables does not need."""
    if name == "run":
        from .engines.stages import run

        return run
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
