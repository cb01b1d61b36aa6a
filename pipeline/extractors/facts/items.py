"""Wire lists of named items: each line opens with a company and a dash, and what follows is that
company's ("PROPOSED OFFERINGS RECENTLY FILED WITH THE SEC"):

    Southeast Banking Corp <STB> - Offering of 50 mln dlrs of
convertible subordinated capital notes due 1999 through Lazard
Freres and Co.
    Burlington Industries Inc <BUR> - Offering of 100 mln dlrs ...

Such a list has no verb to hang its figures on, and the parse runs its lines together: the figures
went to the underwriter named last or to the story's country. ``list_items`` finds the items (at
least two lines opening so in one text, each name with a ticker or a company suffix); ``item_owner``
gives a figure inside one the item's company as subject, and the item's label ("Offering", "Shelf
offering") as predicate.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from ...records import EntityMention, Fact
from .cues import cues
from .parse import property_key

# a line opening an item: indented or at a line start, a capitalised name, an optional <TICKER>, a dash
_ITEM = re.compile(
    r"(?m)^[ \t]*(?P<name>[A-Z][^\n<>:;]{1,80}?)(?P<ticker>[ \t]*<[A-Z0-9.]+>)?[ \t]+-[ \t]*\n?[ \t]*(?P<rest>\S)"
)
# the label an item opens with: "Offering of", "Shelf offering of up to", "Initial public\noffering of"
_LABEL = re.compile(r"([A-Za-z][A-Za-z \t\n-]{2,40}?)\s+of\b")
# what may stand between a label and the amount it names: "Offering of up to 200 mln dlrs"
_LABEL_GAP = re.compile(r"\s*(?:(?:up\s+to|about|approximately|some)\s+)?")
# where an item ends: the next indented line (a wire paragraph) or a blank line
_END = re.compile(r"\n(?:[ \t]{2,}|[ \t]*\n)")


class Item(NamedTuple):
    start: int  # the name's first character
    name_end: int
    end: int  # where the item's text ends
    name: str
    label: str | None
    label_end: int  # where the amount the label names starts ("Offering of |50 mln dlrs"); -1 without a label


def list_items(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Item]:
    """The items of the text's named lists, in text order; none unless at least two lines open an
    item. ``skip`` holds spans (headline, dateline) that never open one."""
    opened = []
    for m in _ITEM.finditer(text):
        if any(s <= m.start("name") < e for s, e in skip):
            continue
        name = m.group("name").split(",")[0].strip()  # "Mississippi Power Co, subsidiary of Southern Co"
        if not (m.group("ticker") or cues().company_suffix.search(name)) or re.search(r"\d", name):
            continue
        opened.append((m, name))
    found = []
    for k, (m, name) in enumerate(opened):
        # an item ends where the next one opens, else at the next indented or blank line; one not indented itself
        # ends with its own line (what follows may be prose)
        end = _END.search(text, m.start("rest"))
        stop = end.start() if end else len(text)
        if not text[m.start() : m.start("name")].strip("\n"):
            line_end = text.find("\n", m.start("rest"))
            stop = min(stop, line_end if line_end >= 0 else len(text))
        if k + 1 < len(opened):
            stop = min(stop, opened[k + 1][0].start("name"))
        label = _LABEL.match(text, m.start("rest"))
        words = " ".join(label.group(1).split()) if label is not None else None
        gap = _LABEL_GAP.match(text, label.end()) if label is not None else None
        found.append(Item(m.start("name"), m.start("name") + len(name), stop, name, words, gap.end() if gap else -1))
    return found if len(found) >= 2 else []


def item_owner(fact: Fact, items: Sequence[Item], entities: Sequence[EntityMention], text: str) -> Fact:
    """``fact`` with the subject of the list item its figure is written in, if any; ``text`` is the one the
    items were read from."""
    if not items or fact.quantity_span is None or fact.subject_source in ("table", "table_note"):
        return fact
    start = fact.quantity_span[0]
    k = bisect_right([i.start for i in items], start) - 1
    if k < 0 or not items[k].name_end <= start < items[k].end:
        return fact
    item = items[k]
    # the entity the model found there, unless it ran on past the name ("Angio-Medical Corp - Initial")
    ent = next((e for e in entities if e.start == item.start and e.end <= item.name_end and e.label == "ORG"), None)
    subject = ent.canonical_name if ent is not None else item.name
    key = ent.entity_key if ent is not None else None
    # the label names only the amount it opens on ("Offering of 1,250,000 units"), not a price later in the item
    labelled = item.label is not None and (start == item.label_end or _restated(item.label, text[item.start : start]))
    label = item.label.lower() if labelled else fact.predicate
    return dataclasses.replace(
        fact,
        subject=subject,
        subject_key=key,
        subject_span=(item.start, item.name_end),
        subject_source="list_item_label",
        predicate=label,
        property_key=property_key(label) if labelled else fact.property_key,
    )


def _restated(label: str, before: str) -> bool:
    """Whether the item's label is written again right before an amount ("... and an offering of 75 mln dlrs")."""
    head = label.split()[-1]
    return re.search(rf"\b{re.escape(head)}\s+of{_LABEL_GAP.pattern}$", before, re.IGNORECASE) is not None
