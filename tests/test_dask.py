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

from pipeline.config import PROJECT_ROOT  # noqa: E402
from pipeline.engines.dask import WORKER_CONFIG, connect, run_dask  # noqa: E402

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


def _flatten(tree: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in tree.items():
        if isinstance(value, dict) and key != "pre-spawn-environ":
            out.update(_flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def test_cluster_yaml_for_real_workers_equals_the_local_cluster_config():
    yaml = pytest.importorskip("yaml")
    written = yaml.safe_load((PROJECT_ROOT / "dask-worker.yaml").read_text(encoding="utf-8"))
    assert _flatten(written) == WORKER_CONFIG


@pytest.fixture(scope="module")
def worker_environ():
    with connect(n_workers=1, processes=True) as client:
        return next(iter(client.run(lambda: dict(__import__("os").environ)).values()))


@pytest.mark.parametrize(
    "name, expected",
    [
        ("MALLOC_TRIM_THRESHOLD_", None),  # Dask's default 65536 costs the spaCy pass 12-20% CPU
        ("OMP_NUM_THREADS", "1"),
        ("OPENBLAS_NUM_THREADS", "1"),
    ],
)
def test_local_cluster_workers_start_with_the_project_environment(worker_environ, name, expected):
    assert worker_environ.get(name) == expected


def _worker_config(keys):
    import dask

    return {key: dask.config.get(key) for key in keys}


@pytest.fixture(scope="module")
def worker_config():
    keys = [k for k in WORKER_CONFIG if k != "distributed.nanny.pre-spawn-environ"]
    with connect(n_workers=1, processes=True) as client:
        return next(iter(client.run(_worker_config, keys).values()))


@pytest.mark.parametrize(
    "key, expected",
    [
        ("distributed.worker.profile.enabled", False),  # the stack sampler every 10 ms
        ("distributed.admin.tick.interval", "1s"),  # Dask's 20 ms wakes the event loop 50 times a second
        ("distributed.worker.memory.monitor-interval", "1s"),
        ("distributed.admin.system-monitor.interval", "2s"),
    ],
)
def test_local_cluster_workers_run_with_the_quiet_config(worker_config, key, expected):
    assert worker_config[key] == expected
