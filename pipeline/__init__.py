"""News fact extraction: articles in, tidy tables of entities, dates, quantities and facts out."""

__version__ = "0.1.0"
