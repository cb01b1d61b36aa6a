"""Quantities: numbers (``numbers``), amounts with unit/bound/range/rate (``find``), and ranks (``ranks``)."""

from .find import find_quantities, parse_quantity
from .ranks import find_ranks

__all__ = ["find_quantities", "find_ranks", "parse_quantity"]
