"""The analyst's report: one self-contained HTML page of a run's tables.

``write_report(folder_or_tables, path)`` reads the tables (``load_tables``; no spaCy), prepares
the page's data (``data.build_payload``) and writes the page (``page.render_page``): a filterable,
sortable, paged facts table; each document with its mentions highlighted and its parts set apart;
a chart of each subject's numeric facts over time; the run's errors.
"""

from __future__ import annotations

from .data import build_payload
from .page import REPORT_NAME, render_page, write_report

__all__ = ["REPORT_NAME", "build_payload", "render_page", "write_report"]
