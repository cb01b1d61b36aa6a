"""The `pipeline` command: parses options, shows progress, calls the library. Nothing else.

Every user error (missing folder, model not installed, bad option) ends as one readable line
on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
import typer._click.exceptions as click_errors  # typer >= 0.22 vendors click; pinned in uv.lock
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .config import DEFAULT_INPUT, DEFAULT_OUTPUT, Settings, default_model
from .errors import PipelineError

app = typer.Typer(
    help="Pull entities, dates, quantities and facts out of news articles into tidy tables.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
evaluate_app = typer.Typer(help="Score the extractors against gold-annotated data.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
err = Console(stderr=True)
out = Console(soft_wrap=True)

InputOpt = Annotated[Path, typer.Option("--input", "-i", help="Folder of raw articles.")]
OutputOpt = Annotated[Path, typer.Option("--output", "-o", help="Folder for the processed tables.")]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", "-m", help="Installed spaCy pipeline (default: $PIPELINE_MODEL, else the pinned small model)."
    ),
]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", min=1, max=64, help="Processes for the model.")]
FastOpt = Annotated[bool, typer.Option("--fast", help="Skip the parser: ~2x faster, fewer and simpler facts.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 1 if any document or file had an error.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Re-extract every document, ignoring the cache.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def fail(message: str, code: int = 2) -> None:
    """One readable line and a non-zero exit."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def handled():
    """Turn library errors into one line and exit code 2."""
    try:
        yield
    except PipelineError as exc:
        fail(str(exc))
    except FileNotFoundError as exc:
        fail(str(exc))


@contextmanager
def progress_bar(label: str, total: int | None, quiet: bool):
    """A rich progress bar on stderr; yields a callback advancing it."""
    if quiet or not err.is_terminal:
        yield lambda n: None
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


def _settings(model: str | None, workers: int, fast: bool) -> Settings:
    return Settings(model=model or default_model(), workers=workers, fast=fast)


def _need_dir(path: Path, what: str) -> None:
    if not path.is_dir():
        fail(f"{what} folder not found: {path}")


def _finish(summary, strict: bool) -> None:
    out.print(summary.line(), highlight=False)
    if summary.skipped:
        err.print(f"skipped (unsupported type): {', '.join(summary.skipped[:10])}", highlight=False)
    if strict and summary.errors:
        raise typer.Exit(1)


@app.command()
def ingest(input: InputOpt = DEFAULT_INPUT, output: OutputOpt = DEFAULT_OUTPUT, strict: StrictOpt = False) -> None:
    """Read raw articles into the documents, parts and errors tables."""
    from .run import ingest_stage

    _need_dir(input, "input")
    with handled():
        summary = ingest_stage(input, output)
    _finish(summary, strict)


@app.command()
def extract(
    output: OutputOpt = DEFAULT_OUTPUT,
    model: ModelOpt = None,
    workers: WorkersOpt = 1,
    fast: FastOpt = False,
    no_cache: NoCacheOpt = False,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Run the model and extractors over ingested documents (entities, dates, quantities, facts)."""
    from .run import count_documents, extract_stage
    from .tables import table_files

    if not table_files(output, "documents"):
        fail(f"no ingested documents in {output}: run `pipeline ingest` first")
    with handled(), progress_bar("extract", count_documents(output), quiet) as advance:
        summary = extract_stage(output, _settings(model, workers, fast), progress=advance, use_cache=not no_cache)
    _finish(summary, strict)


@app.command()
def export(output: OutputOpt = DEFAULT_OUTPUT, strict: StrictOpt = False) -> None:
    """Check every table against its schema and write the CSV copies."""
    from .run import export_stage

    _need_dir(output, "output")
    with handled():
        summary = export_stage(output)
    _finish(summary, strict)


@app.command("run")
def run_all(
    input: InputOpt = DEFAULT_INPUT,
    output: OutputOpt = DEFAULT_OUTPUT,
    model: ModelOpt = None,
    workers: WorkersOpt = 1,
    fast: FastOpt = False,
    no_cache: NoCacheOpt = False,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
    engine: Annotated[
        Engine, typer.Option(help="local: this machine (--workers processes); dask: a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); default: a LocalCluster of --workers workers."),
    ] = None,
) -> None:
    """All stages: ingest, extract, export."""
    from .nlp import check_model
    from .run import combine, export_stage, extract_stage, ingest_stage

    _need_dir(input, "input")
    settings = _settings(model, workers, fast)
    if scheduler and engine is not Engine.dask:
        fail("--scheduler needs --engine dask")
    with handled():
        check_model(settings.model)  # a missing model fails before any work, without loading it
    if engine is Engine.dask:
        from .engine_dask import run_dask

        with handled(), progress_bar("extract", None, quiet) as advance:
            summary = run_dask(input, output, settings, scheduler=scheduler, progress=advance, use_cache=not no_cache)
        _finish(summary, strict)
        return
    with handled():
        ingested = ingest_stage(input, output)
        with progress_bar("extract", ingested.documents, quiet) as advance:
            extracted = extract_stage(output, settings, progress=advance, use_cache=not no_cache)
        exported = export_stage(output)
    seconds = ingested.seconds + extracted.seconds + exported.seconds
    _finish(combine(ingested, extracted, exported, seconds=seconds), strict)


@app.command()
def bench(
    corpus: Annotated[
        Path | None,
        typer.Argument(help="Records JSONL or a folder (default: a sample of ../shared/corpora/bbc_news.jsonl)."),
    ] = None,
    sample: Annotated[int, typer.Option(min=1, help="Records sampled from a JSONL corpus.")] = 500,
    workers: Annotated[int, typer.Option("--workers", "-w", min=2, max=64, help="Processes for run (c).")] = 2,
    model: ModelOpt = None,
    fast: FastOpt = False,
    memory: Annotated[bool, typer.Option("--memory", help="Also compare peak RSS on 4x vs 1x the corpus.")] = False,
    json_out: Annotated[Path, typer.Option("--json", help="Where to write the figures.")] = Path(".bench/bench.json"),
    repeat: Annotated[int, typer.Option(min=1, max=10, help="Run each measurement N times, keep the fastest.")] = 1,
) -> None:
    """Throughput: bare nlp.pipe vs the whole pipeline, 1 and N processes, and a cached re-run."""
    from .bench import render, run_bench

    if corpus is not None and not corpus.exists():
        fail(f"corpus not found: {corpus}")
    with handled():
        try:
            result = run_bench(
                corpus,
                sample=sample,
                settings=_settings(model, 1, fast),
                workers=workers,
                memory=memory,
                json_path=json_out,
                repeat=repeat,
                log=lambda line: err.print(line, highlight=False),
            )
        except (RuntimeError, ValueError) as exc:
            fail(str(exc))
    out.print(render(result), highlight=False)
    out.print(f"figures written to {json_out}", highlight=False)


def _evaluate(name: str, runner: Callable, gold: Path, model: str | None, fast: bool, json_out: Path | None) -> None:
    if not gold.is_file():
        fail(f"gold file not found: {gold}")
    with handled():
        report = runner(gold, model=model or default_model(), fast=fast)
    out.print(report.render(), highlight=False)
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), indent=2, default=str), encoding="utf-8")


GoldArg = Annotated[Path, typer.Argument(help="Gold JSONL file.")]
JsonOpt = Annotated[Path | None, typer.Option("--json", help="Also write the scores to this JSON file.")]


@evaluate_app.command("dates")
def evaluate_dates(gold: GoldArg, model: ModelOpt = None, fast: FastOpt = False, json_out: JsonOpt = None) -> None:
    """TempEval-3 Task A scores (strict/relaxed span F1, value accuracy, value F1, per type)."""
    from .eval_dates import evaluate_dates as runner

    _evaluate("dates", runner, gold, model, fast, json_out)


@evaluate_app.command("quantities")
def evaluate_quantities(gold: GoldArg, model: ModelOpt = None, fast: FastOpt = False, json_out: JsonOpt = None) -> None:
    """P/R/F1 on value, value+unit and surface, and case accuracy, overall and per type."""
    from .eval_quantities import evaluate_quantities as runner

    _evaluate("quantities", runner, gold, model, fast, json_out)


@evaluate_app.command("facts")
def evaluate_facts(gold: GoldArg, model: ModelOpt = None, fast: FastOpt = False, json_out: JsonOpt = None) -> None:
    """Precision and recall of (subject, value, unit, time_value) facts."""
    from .eval_facts import evaluate_facts as runner

    _evaluate("facts", runner, gold, model, fast, json_out)


def main() -> None:
    """Entry point: click's usage errors already exit 2 with one line; keep tracebacks away."""
    try:
        code = app(standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:
        err.print(exc.ctx.get_help() if exc.ctx else "", highlight=False)
        sys.exit(2)
    except click_errors.UsageError as exc:
        hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
        err.print(f"[bold red]error:[/] {exc.format_message()}{hint}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except (typer.Exit, SystemExit) as exc:
        sys.exit(getattr(exc, "exit_code", getattr(exc, "code", 1)))
    except typer.Abort:
        err.print("interrupted; previous tables left intact")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print("interrupted; previous tables left intact")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
