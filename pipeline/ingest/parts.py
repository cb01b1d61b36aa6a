"""Where the title, body, reader comments and page furniture lie in an article's text, as ``Part``
ranges (the text is never changed); the furniture rules come from ``rules/page_furniture.json``
via ``schema.load_furniture()``.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..records import Part
from .schema import load_furniture


@functools.cache
def _furniture() -> dict[str, Any]:
    rules = load_furniture()
    flags = re.IGNORECASE | re.MULTILINE
    return {
        "boilerplate": [re.compile(r"^[ \t]*(?:" + p + r")", flags) for p in rules["boilerplate"]],
        "comment_headers": [re.compile(r"^[ \t]*(?:" + p + r")", flags) for p in rules["comment_headers"]],
        "comment_item": re.compile(rules["comment_item"], re.MULTILINE),
        "datelines": [re.compile(p, flags) for p in rules["datelines"]],
    }


def split_parts(text: str, *, title: str | None = None, title_is_first_line: bool = False) -> tuple[Part, ...]:
    """Locate title, body, reader comments and boilerplate in ``text`` (which is not changed).

    ``title_is_first_line``: the first non-furniture line is the headline (plain-text articles).
    """
    rules = _furniture()
    spans: list[Part] = []
    # furniture phrases, each matched at a line start
    for rx in rules["boilerplate"]:
        for m in rx.finditer(text):
            if m.end() > m.start() and text[m.start() : m.end()].strip():
                spans.append(Part("boilerplate", m.start(), m.end()))
    spans = _drop_overlaps(spans)
    comments_start, comment_parts = _find_comments(text, spans)
    body_end = comments_start if comments_start is not None else len(text)
    # title: given title found at the top, or the first content line of a plain-text article
    title_part = _find_title(text, spans, body_end, title, title_is_first_line)
    taken = sorted(spans + comment_parts + ([title_part] if title_part else []), key=lambda p: p.start)
    # everything not taken before the comments is body
    parts: list[Part] = []
    cursor = 0
    for p in taken:
        if p.start > cursor and p.start <= body_end:
            parts.extend(_body_pieces(text, cursor, min(p.start, body_end)))
        parts.append(p)
        cursor = max(cursor, p.end)
    if cursor < body_end:
        parts.extend(_body_pieces(text, cursor, body_end))
    return tuple(sorted(parts, key=lambda p: (p.start, p.end)))


def _drop_overlaps(spans: list[Part]) -> list[Part]:
    kept: list[Part] = []
    for p in sorted(spans, key=lambda p: (p.start, -(p.end - p.start))):
        if not kept or p.start >= kept[-1].end:
            kept.append(p)
    return kept


def _body_pieces(text: str, start: int, end: int) -> list[Part]:
    return [Part("body", start, end)] if text[start:end].strip() else []


def _find_title(text: str, furniture: list[Part], body_end: int, title: str | None, first_line: bool) -> Part | None:
    pos = 0
    furniture_ends = {p.start: p.end for p in furniture}
    for line in re.finditer(r"[^\n]*\n?", text[:body_end]):
        start, content = line.start(), line.group().strip()
        if (
            not content
            or start in furniture_ends
            and furniture_ends[start] >= line.start() + len(line.group().rstrip())
        ):
            continue
        pos = start + (len(line.group()) - len(line.group().lstrip()))
        end = start + len(line.group().rstrip())
        if title:
            if content.casefold() == title.strip().casefold():
                return Part("title", pos, end)
            return None
        # a headline is one short line without closing punctuation; a lead sentence is body
        if first_line and len(content) <= 200 and content[-1] not in ".!?\"'”" and "\n" in text[end : end + 1]:
            return Part("title", pos, end)
        return None
    return None


def _find_comments(text: str, furniture: list[Part]) -> tuple[int | None, list[Part]]:
    """Reader comments: after a comments header, or a trailing run of numbered, indented posts.

    A numbered list inside an article is not a comment section: numbered posts count only when
    they run to the end of the text (furniture aside) and are set off by a blank line or two.
    """
    rules = _furniture()
    header_at = None
    for rx in rules["comment_headers"]:
        m = rx.search(text)
        if m and (header_at is None or m.start() < header_at[0]):
            header_at = (m.start(), m.end())
    items = list(rules["comment_item"].finditer(text))
    start_index = None
    for i, m in enumerate(items):
        if m.group(1) != "1":
            continue
        gap = text[max(0, m.start() - 3) : m.start()]
        indented = text[m.start()] in " \t"
        header_before = header_at is not None and header_at[1] <= m.start()
        numbered_run = all(int(items[j].group(1)) == j - i + 1 for j in range(i, len(items)))
        if numbered_run and (header_before or (gap.endswith("\n\n") and indented)):
            start_index = i
            break
    parts: list[Part] = []
    if start_index is None:
        if header_at is None:
            return None, []
        end = _content_end(text, furniture, header_at[1])
        parts.append(Part("boilerplate", header_at[0], header_at[1]))
        if text[header_at[1] : end].strip():
            parts.append(Part("comment", header_at[1], end, 1))
        return header_at[0], parts
    first = items[start_index].start()
    if header_at is not None and header_at[1] <= first:
        parts.append(Part("boilerplate", header_at[0], header_at[1]))
        first = header_at[0]
    posts = items[start_index:]
    limit = _content_end(text, furniture, posts[-1].start())
    for k, m in enumerate(posts):
        end = posts[k + 1].start() if k + 1 < len(posts) else limit
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        parts.append(Part("comment", m.start(), end, k + 1))
    return first, parts


def _content_end(text: str, furniture: list[Part], after: int) -> int:
    """Where content ends: the first furniture span after ``after`` that only furniture follows."""
    trailing = [p for p in furniture if p.start >= after]
    end = len(text)
    for p in sorted(trailing, key=lambda p: p.start, reverse=True):
        if not text[p.end : end].strip():
            end = p.start
    return end
