"""News fact extraction: articles in, tidy tables of entities, dates, quantities and facts out.

Notebook use::

    from pipeline import load_tables
    t = load_tables("data/processed")
    t.facts.head()

Layout (imports point down): ``cli`` -> ``engines`` (stage wiring, local and Dask backends) ->
``store`` (schemas, writers, rows, cache), ``extractors`` (model and rules), ``ingest`` ->
``records`` / ``config`` / ``rules``; ``evaluate`` (scorers, benchmark) uses the extractors.
``load_tables`` reads Parquet only: importing it does not import spaCy. Importing ``pipeline``
itself imports neither pandas nor spaCy (the ``pipeline`` command's start-up): ``load_tables``,
``Tables`` and ``run`` are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import Settings

if TYPE_CHECKING:
    from .engines.stages import run
    from .store.tables import Tables, load_tables

__version__ = "0.1.0"
__all__ = ["Settings", "Tables", "load_tables", "run", "__version__"]


def __getattr__(name: str) -> Any:
    """``pipeline.load_tables`` and ``pipeline.Tables`` bring in pandas and pyarrow, ``pipeline.run``
    also spaCy (when a document needs the model): each is imported on first use."""
    if name in ("load_tables", "Tables"):
        from .store import tables

        return getattr(tables, name)
    if name == "run":
        from .engines.stages import run

        return run
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
