"""The Dask engine gives the same tables as the local engine, written as partitioned Parquet."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.config import Settings
from pipeline.engines.stages import run
from pipeline.store.tables import TABLE_NAMES, check_tables, load_tables

pytest.importorskip("distributed")

from pipeline.engines.dask import run_dask  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"


def sorted_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in a canonical order, whatever order the engine wrote them in."""
    return frame.sort_values(list(frame.columns), na_position="last").reset_index(drop=True)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    base = tmp_path_factory.mktemp("engines")
    run(SEEDS, base / "local", Settings(), use_cache=False)
    # Two in-process workers, one document a partition: every path of the engine, kept fast.
    summary = run_dask(SEEDS, base / "dask", Settings(workers=2), partition_docs=1, processes=False, use_cache=False)
    return base / "local", base / "dask", summary


def test_dask_writes_partitioned_tables_that_pass_the_checks(both):
    _, dask_out, summary = both
    assert summary.documents == 2 and summary.errors == 0
    assert sorted(p.name for p in (dask_out / "documents").glob("*.parquet")) == [
        "part-00000.parquet",
        "part-00001.parquet",
    ]
    assert not (dask_out / "documents.parquet").exists()
    assert check_tables(dask_out)["documents"] == 2


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_dask_tables_equal_the_local_engine(both, table):
    local_out, dask_out, _ = both
    local, dask = load_tables(local_out)[table], load_tables(dask_out)[table]
    pd.testing.assert_frame_equal(sorted_rows(dask), sorted_rows(local), obj=table)


def test_local_run_after_dask_replaces_the_partitioned_folders(both, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(both[1], out)
    run(SEEDS, out, Settings())
    assert (out / "entities.parquet").exists() and not (out / "entities").exists()
    assert check_tables(out)["documents"] == 2
