"""Extraction backends on this machine: in this process, or a pool of worker processes.

A backend turns a stream of articles into a stream of ``Extracted`` (article, rows or the error
it became, words) in input order; ``engines.stages.extract_stage`` takes any of them, and
``engines.dask`` adds one that runs on a Dask cluster.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import itertools
import math
import multiprocessing as mp
import os
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..records import Article, ErrorRecord
from ..store.rows import article_rows
from ..store.tables import set_aside

if TYPE_CHECKING:  # the extractors and spaCy: imported by the functions that run the model
    from ..extractors import StageTimer

# (article, its rows by table or the ErrorRecord it became, words), in input order.
Extracted = tuple[Article, "dict[str, list[dict[str, Any]]] | ErrorRecord", int]

# A backend turns a stream of articles into a stream of Extracted, in the same order.
Backend = Callable[[Iterable[Article], Settings, "StageTimer"], Iterator[Extracted]]

WORKER_CHUNK = 16  # articles per task: small enough that no worker idles long at the end

# Below this many documents to extract, one process: a pool costs its start-up and a model load
# per worker. Measured on 2 cores (BBC articles, one process vs a pool of 2): 16 documents 4.7 s vs
# 5.1 s, 32 documents 9.0 s vs 6.6 s, 64 documents 12.6 s vs 9.9 s. 32 is also two chunks.
TINY_RUN = 32

# Peak memory of one worker process at batch 64 (the model ~0.25 GB, the rest the batch's working
# memory): the default never starts more workers than the free memory holds.
WORKER_MEMORY_GB = 1.0

BATCH_CHARS = 150_000  # characters per nlp.pipe batch: about 64 average news articles

# Entries (strings and lexemes) the vocabulary may gain before chunks run in a memory zone. Inside
# a zone spaCy neither keeps the words it adds nor caches tokenizations, so the tokenizer and the
# lexeme attributes redo their work for every chunk (0.45 of 16 CPU seconds per 150 BBC
# articles). So the first words of a run are kept, a cache that holds the common ones, and once
# the vocabulary has grown by this many entries (about 20 MB; 1,300 BBC articles add 37,000, 7.6 MB)
# every later chunk's additions are freed: memory stays flat however long the run.
VOCAB_GROWTH = 100_000
_VOCAB_START: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


def vocab_size(nlp: Any) -> int:
    return len(nlp.vocab.strings) + len(nlp.vocab)


def chunk_zone(nlp: Any, growth: int = VOCAB_GROWTH) -> contextlib.AbstractContextManager:
    """``nlp.memory_zone()`` once the vocabulary has gained ``growth`` entries since the first
    chunk, else no zone."""
    if not hasattr(nlp, "memory_zone"):
        return contextlib.nullcontext()
    size = vocab_size(nlp)
    start = _VOCAB_START.setdefault(nlp, size)
    return nlp.memory_zone() if size - start >= growth else contextlib.nullcontext()


def extract_chunk(
    articles: list[Article], nlp: Any, settings: Settings, timer: StageTimer | None = None
) -> tuple[list[tuple[Any, int]], dict[str, float]]:
    """Rows and words for each article of a chunk, in order: the unit of work everywhere.

    Runs inside ``chunk_zone(nlp)``: once the vocabulary is large, the strings and caches the
    model adds for these documents are freed afterwards, so a long run does not grow; only plain
    rows (dicts) leave the chunk, never Docs, so they pickle small and fast back from a pool or
    Dask worker.
    """
    from ..extractors import StageTimer, extract_articles

    timer = timer or StageTimer()
    out: list[tuple[Any, int]] = []
    with chunk_zone(nlp):
        for result in extract_articles(articles, nlp, batch_size=settings.batch_size, timer=timer):
            if isinstance(result, ErrorRecord):
                out.append((result, 0))
            else:
                a = result.article
                out.append((set_aside(a.doc_id, a.source_path, article_rows(result)), result.words))
    return out, timer.seconds


def text_batches(items: Iterable[Article], *, max_docs: int, max_chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    """Articles in chunks of at most ``max_docs`` articles and about ``max_chars`` characters.

    The model's working memory grows with the text in a batch, not with the number of documents:
    bounding the characters keeps the peak flat even when a few very long articles come together.
    """
    chunk: list[Article] = []
    chars = 0
    for item in items:
        chunk.append(item)
        chars += len(item.text)
        if len(chunk) >= max_docs or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _peek(items: Iterable[Article]) -> Iterator[Article] | None:
    """The same stream, or None when it is empty (so no model is loaded for nothing)."""
    it = iter(items)
    first = next(it, None)
    return None if first is None else itertools.chain([first], it)


def local_backend(articles: Iterable[Article], settings: Settings, timer: StageTimer) -> Iterator[Extracted]:
    """In this process: batches of articles through ``nlp.pipe`` and the extractors."""
    from ..extractors.nlp import load_nlp

    stream = _peek(articles)
    if stream is None:
        return
    t0 = time.perf_counter()
    nlp = load_nlp(settings.model, fast=settings.fast)
    timer.add("load", t0)
    with frozen_heap():
        for chunk in text_batches(stream, max_docs=settings.batch_size):
            results, _ = extract_chunk(chunk, nlp, settings, timer)
            for article, (rows, words) in zip(chunk, results, strict=True):
                yield article, rows, words


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Python's collector leaves the objects alive on entry (the model, the modules) alone until
    exit (``gc.freeze``): a full collection then walks only what the extraction itself keeps.
    Nothing happens where something else froze the heap already."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


_WORKER: dict[str, Any] = {}


def _worker_init(settings: Settings) -> None:
    from ..extractors.nlp import load_nlp

    t0 = time.perf_counter()
    _WORKER["nlp"] = load_nlp(settings.model, fast=settings.fast)
    _WORKER["settings"] = settings
    _WORKER["load"] = time.perf_counter() - t0  # reported with the worker's first chunk
    gc.freeze()  # the model and modules, for the worker's life (see frozen_heap)


def _worker_run(articles: list[Article]) -> tuple[list[tuple[Any, int]], dict[str, float]]:
    results, seconds = extract_chunk(articles, _WORKER["nlp"], _WORKER["settings"])
    if "load" in _WORKER:
        seconds = {**seconds, "load": _WORKER.pop("load")}
    return results, seconds


def ordered_tasks(
    chunks: Iterable[list[Article]], submit: Callable[[list[Article]], Any], result: Callable[[Any], Any], window: int
) -> Iterator[tuple[list[Article], Any]]:
    """Submit chunks, at most ``window`` in flight, and yield (chunk, result) in submission order.

    The window is what keeps a worker pool streaming: an unbounded ``imap`` would read the whole
    corpus into its task queue as fast as it can.
    """
    pending: deque[tuple[list[Article], Any]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            done, handle = pending.popleft()
            yield done, result(handle)
    while pending:
        done, handle = pending.popleft()
        yield done, result(handle)


def merge_chunk(chunk: list[Article], outcome, timer: StageTimer) -> Iterator[Extracted]:
    """A finished task's (rows, seconds) back into Extracted, adding its stage seconds."""
    results, seconds = outcome
    for stage, s in seconds.items():
        timer.seconds[stage] = timer.seconds.get(stage, 0.0) + s
    for article, (rows, words) in zip(chunk, results, strict=True):
        yield article, rows, words


def pool_backend(articles: Iterable[Article], settings: Settings, timer: StageTimer) -> Iterator[Extracted]:
    """A process pool: the model loaded once per worker, chunks of articles in, rows out."""
    stream = _peek(articles)
    if stream is None:
        return
    ctx = mp.get_context("spawn" if mp.get_start_method(allow_none=True) == "spawn" else "fork")
    with ctx.Pool(settings.workers, initializer=_worker_init, initargs=(settings,)) as pool:
        tasks = ordered_tasks(
            text_batches(stream, max_docs=WORKER_CHUNK),
            lambda chunk: pool.apply_async(_worker_run, (chunk,)),
            lambda handle: handle.get(),
            window=2 * settings.workers,
        )
        for chunk, outcome in tasks:
            yield from merge_chunk(chunk, outcome, timer)


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask, e.g. under taskset or a container's cpuset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def available_memory_gb() -> float | None:
    """Memory the system could give new processes (``MemAvailable``), None where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024**2  # kB
    except (OSError, ValueError, IndexError):
        pass
    return None


def default_workers(
    documents: int | None,
    cpus: int,
    *,
    memory_gb: float | None = None,
    tiny: int = TINY_RUN,
    chunk: int = WORKER_CHUNK,
) -> int:
    """Worker processes for ``documents`` documents to extract (None: more than were counted).

    One per CPU, but one process for a tiny run (fewer than ``tiny`` documents: the pool's start-up
    and a model per worker would cost more than they save), never more workers than there are
    chunks of ``chunk`` documents to hand out, nor than ``memory_gb`` holds at
    ``WORKER_MEMORY_GB`` a worker.
    """
    limit = cpus if memory_gb is None else min(cpus, int(memory_gb / WORKER_MEMORY_GB))
    if limit <= 1:
        return 1
    if documents is None:
        return limit
    if documents < tiny:
        return 1
    return max(1, min(limit, math.ceil(documents / chunk)))


class AutoBackend:
    """The default backend: counts the documents to extract (cached ones do not count, up to
    enough to decide), then runs them in this process or a pool of ``default_workers``.

    ``workers`` says what was chosen (0 until a document needed the model).
    """

    def __init__(self, cpus: int | None = None, memory_gb: float | None = None) -> None:
        self.cpus = cpus or available_cpus()
        self.memory_gb = memory_gb if memory_gb is not None else available_memory_gb()
        self.workers = 0

    def __call__(self, articles: Iterable[Article], settings: Settings, timer: StageTimer) -> Iterator[Extracted]:
        it = iter(articles)
        enough = max(TINY_RUN, self.cpus * WORKER_CHUNK)  # this many tell us all default_workers needs
        ahead = list(itertools.islice(it, enough))
        if not ahead:
            return
        counted = len(ahead) if len(ahead) < enough else None
        self.workers = default_workers(counted, self.cpus, memory_gb=self.memory_gb)
        stream = itertools.chain(ahead, it)
        if self.workers == 1:
            yield from local_backend(stream, dataclasses.replace(settings, workers=1), timer)
        else:
            yield from pool_backend(stream, dataclasses.replace(settings, workers=self.workers), timer)
