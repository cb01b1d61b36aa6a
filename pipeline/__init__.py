"""News fact extraction: articles in, tidy tables of entities, dates, quantities and facts out.

Notebook use::

    from pipeline import load_tables
    t = load_tables("data/processed")
    t.facts.head()
"""

from .config import Settings
from .run import run
from .tables import Tables, load_tables

__version__ = "0.1.0"
__all__ = ["Settings", "Tables", "load_tables", "run", "__version__"]
