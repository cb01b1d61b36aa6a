"""Rule files: JSON / JSONL data beside the code that reads them, checked against a schema on load.

Every folder of rules (``ingest/rules/``, ``extractors/*/rules/``) has a ``schema`` module next to
it declaring one pydantic model per file. A missing or mistyped key, a key nobody reads, or broken
JSON stops the run before any document is read, with one line naming the file and the key
(``RulesError``, exit code 2 from the CLI), instead of a run of silently empty tables.

Keys starting with ``_`` or ending in ``_note`` are comments for the reader and are not checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .config import PROJECT_ROOT
from .errors import RulesError


class Rules(BaseModel):
    """Base of the rule-file schemas: no unknown keys, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True)


def is_comment(key: str) -> bool:
    return key.startswith("_") or key.endswith("_note")


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def _problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    return f"key '{where}': {first['msg'].lower()}"


def _check(path: Path, item: Any, schema: type[Rules], where: str = "") -> None:
    if not isinstance(item, dict):
        raise RulesError(f"rules file {_shown(path)}{where}: expected a JSON object, got {type(item).__name__}")
    try:
        schema.model_validate({k: v for k, v in item.items() if not is_comment(k)})
    except ValidationError as e:
        raise RulesError(f"rules file {_shown(path)}{where}: {_problem(e)}") from None


def load_json(path: Path, schema: type[Rules]) -> dict[str, Any]:
    """The file's object, after checking it against ``schema`` (comment keys kept)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulesError(f"rules file {_shown(path)} is missing") from None
    except json.JSONDecodeError as e:
        raise RulesError(f"rules file {_shown(path)}: invalid JSON at line {e.lineno}: {e.msg}") from None
    _check(path, data, schema)
    return data


def load_jsonl(path: Path, schema: type[Rules]) -> list[dict[str, Any]]:
    """One object a non-blank line, each checked against ``schema``."""
    rows: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise RulesError(f"rules file {_shown(path)} is missing") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise RulesError(f"rules file {_shown(path)} line {n}: invalid JSON: {e.msg}") from None
        _check(path, row, schema, f" line {n}")
        rows.append(row)
    return rows


def invalid(path: Path, message: str) -> RulesError:
    """A rule that parses but cannot work (an unknown pattern group, a bad regex), as one line."""
    return RulesError(f"rules file {_shown(path)}: {message}")
