"""The pipeline on a Dask cluster: the same stage functions, with extraction spread over workers.

What runs where:

- the client (this process) ingests the input, cheap and I/O-bound (about half a millisecond an
  article), and writes ``documents`` and ``parts`` as partitions of ``partition_docs`` documents;
- the uncached documents go to Dask workers as tasks of at most ``TASK_DOCS`` (a partition is cut
  into several tasks, so no worker idles while another finishes a large one); the worker runs
  ``extract_chunk`` (``nlp.pipe`` + every extractor, exactly the local code) with its own model,
  loaded once when the worker starts (``ModelPlugin``), and sends back plain rows, never Docs;
- the client writes each table as ``<table>/part-NNNNN.parquet`` (``load_tables`` reads the
  folder as one table), keeps the per-document cache, and runs the export checks.

Workers need the ``pipeline`` package and the model installed, nothing else: they read no input
and write no output, so no shared file system is required. At most two tasks per worker are in
flight, so memory on the client stays flat however large the corpus.
"""

from __future__ import annotations

import contextlib
import gc
import math
import multiprocessing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dask
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from ..config import Settings
from ..records import Article
from .local import Backend, Extracted, extract_chunk, merge_chunk, ordered_tasks, text_batches
from .stages import Progress, StageSummary, run

if TYPE_CHECKING:
    from ..extractors import StageTimer

PLUGIN_NAME = "pipeline-model"
PARTITION_DOCS = 64  # documents per partition: one part file per table
TASK_DOCS = 16  # documents per task: as the local pool's chunks, small enough to keep every worker busy

# Dask settings for the LocalCluster's workers; ``dask-worker.yaml`` (project root) holds the same
# for the workers of a real cluster (``DASK_CONFIG=dask-worker.yaml dask worker ...``):
# - the workers' statistical profiler samples every task's stack every 10 ms, CPU taken from spaCy;
# - Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory
#   back at once and spaCy's many short-lived arrays are mapped again and again: 12-20% more CPU
#   in the model pass (measured on 400 BBC articles). Setting ``pre-spawn-environ`` replaces
#   Dask's default dict, so that variable is not set; the thread limits are kept;
# - the event loop's health tick (every 20 ms), memory monitor (100 ms) and system monitor (500 ms)
#   wake a second thread that takes the GIL from spaCy: at 1 s / 1 s / 2 s a 2-worker run of 400
#   BBC articles took 2-5 s (8-14%) less wall clock in each of 6 interleaved pairs.
WORKER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy pipeline once per worker, when the worker starts (or joins later)."""

    name = PLUGIN_NAME

    def __init__(self, model: str, fast: bool) -> None:
        self.model = model
        self.fast = fast
        self.nlp: Any = None

    def setup(self, worker) -> None:
        from ..extractors.nlp import build_nlp

        # Not the process-wide cached model: workers sharing one process (processes=False) each
        # get their own, so no two threads ever run the same pipeline object.
        self.nlp = build_nlp(self.model, fast=self.fast)
        if multiprocessing.parent_process() is not None:
            # A worker process of its own: the model and the rules live as long as it does, so the
            # collector need not walk them again and again (as the local pool's workers do).
            gc.freeze()


def _worker_nlp(settings: Settings):
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if plugin is not None and plugin.nlp is not None and (plugin.model, plugin.fast) == (settings.model, settings.fast):
        return plugin.nlp
    from ..extractors.nlp import load_nlp  # a worker that joined without the plugin: load (once per process)

    return load_nlp(settings.model, fast=settings.fast)


def extract_partition(articles: list[Article], settings: Settings) -> tuple[list[tuple[Any, int]], dict[str, float]]:
    """The Dask task: a chunk of articles (at most ``TASK_DOCS``) through the worker's model and the extractors."""
    return extract_chunk(articles, _worker_nlp(settings), settings)


def dask_backend(client: Client, *, task_docs: int = TASK_DOCS) -> Backend:
    """An extraction backend for ``extract_stage``: each chunk of ``task_docs`` articles is a Dask task."""

    def backend(articles: Iterable[Article], settings: Settings, timer: StageTimer) -> Iterator[Extracted]:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        tasks = ordered_tasks(
            text_batches(articles, max_docs=task_docs, max_chars=math.inf),
            lambda chunk: client.submit(extract_partition, chunk, settings, pure=False),
            lambda future: future.result(),
            window=2 * workers,
        )
        for chunk, outcome in tasks:
            yield from merge_chunk(chunk, outcome, timer)

    return backend


@contextlib.contextmanager
def connect(scheduler: str | None = None, *, n_workers: int = 2, processes: bool = True) -> Iterator[Client]:
    """A client for ``scheduler`` (e.g. ``tcp://host:8786``), else for a new LocalCluster."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with dask.config.set(WORKER_CONFIG):  # the nannies pass the config on to the worker processes
        cluster = LocalCluster(
            n_workers=n_workers,
            threads_per_worker=1,  # spaCy is not thread-safe per model; one task at a time per worker
            processes=processes,
            dashboard_address=None,
            silence_logs=40,  # errors only
        )
    with cluster, Client(cluster) as client:
        yield client


def run_dask(
    input_dir: Path | str,
    output_dir: Path | str,
    settings: Settings | None = None,
    *,
    scheduler: str | None = None,
    partition_docs: int = PARTITION_DOCS,
    processes: bool = True,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> StageSummary:
    """All stages with extraction on Dask; ``settings.workers`` sizes a LocalCluster (no scheduler)."""
    from ..extractors.nlp import check_model

    settings = settings or Settings()
    check_model(settings.model)  # a missing model fails here, before any cluster starts
    with connect(scheduler, n_workers=max(1, settings.workers), processes=processes) as client:
        client.register_plugin(ModelPlugin(settings.model, settings.fast))
        return run(
            input_dir,
            output_dir,
            settings,
            progress=progress,
            use_cache=use_cache,
            backend=dask_backend(client, task_docs=min(TASK_DOCS, partition_docs)),
            part_docs=partition_docs,
        )


__all__ = ["run_dask", "dask_backend", "connect", "ModelPlugin", "extract_partition", "PARTITION_DOCS", "TASK_DOCS"]
