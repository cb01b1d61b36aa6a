"""The report page: CSS, JS and the data inlined into one offline HTML file, written atomically.

The data is embedded once, as JSON in a ``<script type="application/json">`` element, with every
``<``, ``>`` and ``&`` escaped so no article text can close the element or open a tag. The page's
Content-Security-Policy allows nothing but the inlined script and style (by their SHA-256), so the
file loads nothing from the network, and a script that slipped into the markup would not run.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import PipelineError
from ..store.manifest import read_manifest
from ..store.tables import Tables, load_tables, table_files
from .data import build_payload

REPORT_NAME = "report.html"
_SLOT = re.compile(r"\{\{(css|js|data|csp)\}\}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_UNSAFE = re.compile("[<>&\u2028\u2029]")


class ReportWriteError(PipelineError):
    """The report file could not be written (a read-only folder, a full disk)."""


def asset(name: str) -> str:
    return (resources.files(__package__) / "assets" / name).read_text(encoding="utf-8")


def embed_json(data: Any) -> str:
    """JSON that can sit inside a <script> element: no '<', '>' or '&' outside escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render_page(payload: dict[str, Any]) -> str:
    """The whole page as one string."""
    css, js = asset("report.css"), asset("report.js")
    for name, text, closing in (("report.css", css, "</style"), ("report.js", js, "</script")):
        if closing in text.lower():
            raise ValueError(f"{name} must not contain {closing}")
    csp = f"default-src 'none'; script-src {_sha256(js)}; style-src {_sha256(css)}; img-src data:"
    slots = {"css": css, "js": js, "data": embed_json(payload), "csp": csp}
    return _SLOT.sub(lambda m: slots[m.group(1)], asset("page.html"))  # one pass: inserted text is not re-read


def _run_meta(folder: Path) -> dict[str, Any]:
    manifest = read_manifest(folder) or {}
    return {"folder": str(folder), "run_id": manifest.get("run_id"), "created": manifest.get("created")}


def write_report(tables_or_folder: Tables | str | Path, path: str | Path) -> Path:
    """Write the report of a processed folder (or of tables already loaded) to ``path``; return it."""
    if isinstance(tables_or_folder, Tables):
        tables, meta = tables_or_folder, {}
    else:
        folder = Path(tables_or_folder)
        if folder.is_dir() and not table_files(folder, "documents"):
            raise FileNotFoundError(f"no processed tables in {folder} (run `pipeline run` first)")
        tables, meta = load_tables(folder), _run_meta(folder)
    html = render_page(build_payload(tables, meta=meta))
    path = Path(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(html, encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        raise ReportWriteError(f"cannot write the report {path}: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return path
