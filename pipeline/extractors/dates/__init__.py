"""Dates: TIMEX3 mentions found in a Doc (``find``) and resolved by a pure normaliser (``timex``).

``timex`` ties together ``grammar`` (the compiled patterns), the ``resolvers_*`` modules (named
groups -> TIMEX3 values, listed in ``resolvers``), and the shared ``model``, ``words``,
``calendar_math`` and ``values``.
"""

from .find import find_dates

__all__ = ["find_dates"]
