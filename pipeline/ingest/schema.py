"""Schema of the ingest rule file in ``rules/`` (checked when loaded; see ``pipeline.rules``)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ..rules import Rules, load_json

RULES_DIR = Path(__file__).resolve().parent / "rules"


class PageFurniture(Rules):
    """``page_furniture.json``: furniture phrases for every text, and (``html_*``) HTML page rules."""

    boilerplate: list[str]
    comment_headers: list[str]
    comment_item: str
    datelines: list[str]
    html_strip_elements: list[str]
    html_date_meta: list[str]
    html_date_json_ld_keys: list[str]
    html_date_elements: list[str]
    html_comment_sections: list[str]
    html_comment_items: list[str]
    html_comment_furniture: list[str]
    html_comment_furniture_elements: list[str]


@functools.cache
def load_furniture() -> dict[str, Any]:
    """``page_furniture.json``, checked."""
    return load_json(RULES_DIR / "page_furniture.json", PageFurniture)
