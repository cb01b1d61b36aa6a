"""Quantities: numbers (``numbers``), amounts with unit/bound/range/rate (``find``), and ranks."""

from .find import find_quantities, find_ranks, parse_quantity

__all__ = ["find_quantities", "find_ranks", "parse_quantity"]
