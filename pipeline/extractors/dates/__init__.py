"""Dates: TIMEX3 mentions found in a Doc (``find``) and resolved by a pure normaliser (``timex``)."""

from .find import find_dates

__all__ = ["find_dates"]
