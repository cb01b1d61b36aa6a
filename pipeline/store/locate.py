"""Where the processed tables are when nobody names the folder.

``$PIPELINE_OUTPUT`` when it is set; else ``data/processed`` of the project the working directory
lies in, found by walking up to the first folder that holds ``data/processed`` or ``pyproject.toml``
(so a notebook in ``notebooks/`` or ``examples/`` reads the project's tables); else
``data/processed`` under the working directory.
"""

from __future__ import annotations

import os
from pathlib import Path

OUTPUT_ENV_VAR = "PIPELINE_OUTPUT"
PROCESSED = Path("data") / "processed"


def default_output(start: Path | str | None = None) -> Path:
    """The processed-tables folder for ``start`` (default: the working directory)."""
    named = os.environ.get(OUTPUT_ENV_VAR, "").strip()
    if named:
        return Path(named).expanduser()
    here = Path.cwd() if start is None else Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / PROCESSED).is_dir() or (folder / "pyproject.toml").is_file():
            return folder / PROCESSED
    return PROCESSED
