"""The publication date an HTML page states in its metadata: meta tags, JSON-LD ``datePublished``,
``<time>`` marked up as the publication date. Nothing else on the page is trusted: a year in the
body ("opened in 1999"), a CSS comment or the copyright line is not when the page was published.
The names looked for are data (``html_date_*`` in ``rules/page_furniture.json``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .schema import load_furniture


def page_date(tree: Any) -> str | None:
    """The first publication date the page's metadata gives (raw text, normalised by the caller)."""
    return next(iter_page_dates(tree), None)


def iter_page_dates(tree: Any) -> Iterator[str]:
    """Candidate publication dates in order of trust: meta tags, JSON-LD, marked-up elements."""
    rules = load_furniture()
    metas = _meta_values(tree)
    for name in rules["html_date_meta"]:
        yield from metas.get(name.casefold(), [])
    keys = rules["html_date_json_ld_keys"]
    for script in tree.xpath("//script[@type]"):
        if script.get("type", "").strip().casefold() == "application/ld+json":
            yield from _json_ld_dates(script.text or "", keys)
    for path in rules["html_date_elements"]:
        for element in tree.xpath(path):
            value = element.get("datetime") or element.get("content") or " ".join(element.itertext())
            if value.strip():
                yield value.strip()


def _meta_values(tree: Any) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().casefold()
            if key:
                values.setdefault(key, []).append(content)
    return values


def _json_ld_dates(text: str, keys: list[str]) -> Iterator[str]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return
    for node in _json_nodes(data):
        for key in keys:
            if isinstance(node.get(key), str) and node[key].strip():
                yield node[key].strip()


def _json_nodes(data: Any) -> Iterator[dict]:
    """Every object in a JSON-LD document (``@graph`` lists and nesting included), outermost first."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _json_nodes(value)
    elif isinstance(data, list):
        for item in data:
            yield from _json_nodes(item)
