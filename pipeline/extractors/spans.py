"""Sets of character spans answering "does any overlap [start, end)?" in log time, instead of a
scan over every span (the overlap checks of the extractors, linear in an article's length)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """Fixed character spans answering "does any overlap [start, end)?" in log time (a span
    [s, e) overlaps when ``s < end and start < e``), instead of a scan over every span."""

    __slots__ = ("reach", "starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))  # the furthest end so far

    def hit(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the spans starting before ``end``
        return i >= 0 and self.reach[i] > start


class TakenSpans:
    """Spans kept one by one, none overlapping another (a greedy longest-first selection):
    "does a kept span overlap [start, end)?" in log time. Kept spans never overlap, so sorted
    by (start, end) their ends never decrease: the last one starting before ``end`` reaches
    furthest."""

    __slots__ = ("spans",)

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def hit(self, start: int, end: int) -> bool:
        i = bisect_left(self.spans, (end,)) - 1  # the spans starting before ``end``
        return i >= 0 and self.spans[i][1] > start

    def add(self, start: int, end: int) -> None:
        insort(self.spans, (start, end))
