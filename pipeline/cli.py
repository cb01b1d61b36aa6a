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
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .config import DEFAULT_INPUT, DEFAULT_OUTPUT, Settings, default_model
from .errors import PipelineError

app = typer.Typer(
    help="Pull entities, dates, quantities and facts out of news articles into tidy tables.",
    no_args_is_help=True,
    add_completion=True,
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
AutoWorkersOpt = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        min=1,
        max=64,
        help="Processes for the model (default: one per CPU; one for fewer than 32 documents to extract).",
        show_default=False,
    ),
]
FastOpt = Annotated[bool, typer.Option("--fast", help="Skip the parser: ~2x faster, fewer and simpler facts.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 1 if any document or file had an error.")]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache", help="Re-extract every document and write every table again, even when nothing changed."
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


def _examples(*lines: str) -> str:
    """A command's --help epilog: one example command line per paragraph."""
    return "Examples:\n\n" + "\n\n".join(lines)


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
    except OSError as exc:  # a full disk, a read-only folder: the tables were left as they were
        where = f" ({exc.filename})" if exc.filename else ""
        fail(f"cannot write the tables: {exc.strerror or exc}{where}; the previous tables are unchanged")


class _Bar:
    """What a command sees of a progress bar: ``advance(n)`` and ``set_total(n)``."""

    def __init__(self, bar: Progress | None = None, task=None) -> None:
        self.bar, self.task = bar, task

    def advance(self, n: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)

    def set_total(self, total: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, total=total)


class _DocsPerSecond(ProgressColumn):
    """Documents a second, from the bar's running estimate."""

    def render(self, task) -> Text:
        return Text("" if task.speed is None else f"{task.speed:.1f} docs/s", style="progress.data.speed")


@contextmanager
def progress_bar(label: str, total: int | None, quiet: bool):
    """A rich progress bar on stderr (none when quiet or not a terminal): done/total, documents a
    second, time elapsed and time left."""
    if quiet or not err.is_terminal:
        yield _Bar()
        return
    columns = (
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        _DocsPerSecond(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as bar:
        yield _Bar(bar, bar.add_task(label, total=total))


def _settings(model: str | None, workers: int, fast: bool) -> Settings:
    return Settings(model=model or default_model(), workers=workers, fast=fast)


def _need_dir(path: Path, what: str) -> None:
    if not path.is_dir():
        fail(f"{what} folder not found: {path}")


def _default_backend(workers: int | None):
    """No --workers: one worker per CPU, one process for a small run (``engines.local.AutoBackend``)."""
    if workers is not None:
        return None
    from .engines.local import AutoBackend

    return AutoBackend()


def _finish(summary, strict: bool, output: Path | None = None) -> None:
    out.print(summary.line(), highlight=False)
    if output is not None:
        out.print(f"tables in {output}; overview: pipeline report --output {output}", highlight=False)
    if summary.skipped:
        err.print(f"skipped (unsupported type): {', '.join(summary.skipped[:10])}", highlight=False)
    if strict and summary.errors:
        raise typer.Exit(1)


@app.command(epilog=_examples("pipeline ingest --input data/raw --output data/processed"))
def ingest(input: InputOpt = DEFAULT_INPUT, output: OutputOpt = DEFAULT_OUTPUT, strict: StrictOpt = False) -> None:
    """Read raw articles into the documents, parts and errors tables."""
    from .engines.stages import ingest_stage
    from .store.writers import output_lock

    _need_dir(input, "input")
    with handled(), output_lock(output):
        summary = ingest_stage(input, output)
    _finish(summary, strict)


@app.command(
    epilog=_examples(
        "pipeline extract --output data/processed --workers 2",
        "pipeline extract --model en_core_web_lg --no-cache",
    )
)
def extract(
    output: OutputOpt = DEFAULT_OUTPUT,
    model: ModelOpt = None,
    workers: AutoWorkersOpt = None,
    fast: FastOpt = False,
    no_cache: NoCacheOpt = False,
    strict: StrictOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Run the model and extractors over ingested documents (entities, dates, quantities, facts)."""
    from .engines.stages import extract_stage
    from .store.rows import count_documents
    from .store.tables import table_files
    from .store.writers import output_lock

    if not table_files(output, "documents"):
        fail(f"no ingested documents in {output}: run `pipeline ingest` first")
    with handled(), output_lock(output), progress_bar("extract", count_documents(output), quiet) as bar:
        summary = extract_stage(
            output,
            _settings(model, workers or 1, fast),
            progress=bar.advance,
            use_cache=not no_cache,
            backend=_default_backend(workers),
        )
    _finish(summary, strict, output)


@app.command(epilog=_examples("pipeline export --output data/processed"))
def export(output: OutputOpt = DEFAULT_OUTPUT, strict: StrictOpt = False) -> None:
    """Check every table against its schema and write the CSV copies."""
    from .engines.stages import export_stage
    from .store.writers import output_lock

    _need_dir(output, "output")
    with handled(), output_lock(output):
        summary = export_stage(output)
    _finish(summary, strict)


@app.command(
    "run",
    epilog=_examples(
        "pipeline run --input data/raw --output data/processed --workers 2",
        "pipeline run --engine dask --scheduler tcp://scheduler-host:8786",
    ),
)
def run_all(
    input: InputOpt = DEFAULT_INPUT,
    output: OutputOpt = DEFAULT_OUTPUT,
    model: ModelOpt = None,
    workers: AutoWorkersOpt = None,
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
    from .engines.stages import run
    from .extractors.nlp import check_model

    _need_dir(input, "input")
    settings = _settings(model, workers or 1, fast)
    if scheduler and engine is not Engine.dask:
        fail("--scheduler needs --engine dask")
    with handled():
        check_model(settings.model)  # a missing model fails before any work, without loading it
    if engine is Engine.dask:
        from .engines.dask import run_dask
        from .engines.local import available_cpus

        settings = _settings(model, workers or available_cpus(), fast)  # a LocalCluster's size
        with handled(), progress_bar("extract", None, quiet) as bar:
            summary = run_dask(
                input, output, settings, scheduler=scheduler, progress=bar.advance, use_cache=not no_cache
            )
    else:
        with handled(), progress_bar("extract", None, quiet) as bar:
            summary = run(
                input,
                output,
                settings,
                progress=bar.advance,
                use_cache=not no_cache,
                backend=_default_backend(workers),
                on_ingested=lambda ingested: bar.set_total(ingested.documents),
            )
    _finish(summary, strict, output)


@app.command(epilog=_examples("pipeline bench", "pipeline bench articles.jsonl --sample 200 --scaling"))
def bench(
    corpus: Annotated[
        Path | None,
        typer.Argument(help="Records JSONL or a folder (default: a sample of ../shared/corpora/bbc_news.jsonl)."),
    ] = None,
    sample: Annotated[int, typer.Option(min=1, help="Records sampled from a JSONL corpus.")] = 500,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, max=64, help="N for bare nlp.pipe(n_process=N) (default: the CPUs)."),
    ] = None,
    model: ModelOpt = None,
    fast: FastOpt = False,
    scaling: Annotated[
        bool,
        typer.Option(
            "--scaling", help="Also time 1x/2x/4x corpora and 50k-400k character articles: exponents, peak RSS."
        ),
    ] = False,
    json_out: Annotated[Path, typer.Option("--json", help="Where to write the figures.")] = Path(".bench/bench.json"),
    repeat: Annotated[int, typer.Option(min=1, max=10, help="Run each measurement N times, keep the fastest.")] = 1,
    dask: Annotated[
        bool, typer.Option("--dask/--no-dask", help="Also run on a Dask LocalCluster of N workers (if installed).")
    ] = True,
) -> None:
    """Throughput: bare nlp.pipe vs the whole pipeline on 1 and N processes, start-up, stages, a cached re-run."""
    from .evaluate.bench import render, run_bench

    if corpus is not None and not corpus.exists():
        fail(f"corpus not found: {corpus}")
    with handled():
        try:
            result = run_bench(
                corpus,
                sample=sample,
                settings=_settings(model, 1, fast),
                workers=workers,
                scaling=scaling,
                json_path=json_out,
                repeat=repeat,
                dask=dask,
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


@evaluate_app.command("dates", epilog=_examples("pipeline evaluate dates tests/data/temporal_dev_sample.jsonl"))
def evaluate_dates(gold: GoldArg, model: ModelOpt = None, fast: FastOpt = False, json_out: JsonOpt = None) -> None:
    """TempEval-3 Task A scores (strict/relaxed span F1, value accuracy, value F1, per type)."""
    from .evaluate.dates import evaluate_dates as runner

    _evaluate("dates", runner, gold, model, fast, json_out)


@evaluate_app.command(
    "quantities", epilog=_examples("pipeline evaluate quantities tests/data/news_quantities.jsonl --json q.json")
)
def evaluate_quantities(gold: GoldArg, model: ModelOpt = None, fast: FastOpt = False, json_out: JsonOpt = None) -> None:
    """P/R/F1 on value, value+unit and surface, and case accuracy, overall and per type."""
    from .evaluate.quantities import evaluate_quantities as runner

    _evaluate("quantities", runner, gold, model, fast, json_out)


@evaluate_app.command("facts", epilog=_examples("pipeline evaluate facts tests/data/facts_gold.jsonl"))
def evaluate_facts(gold: GoldArg, model: ModelOpt = None, fast: FastOpt = False, json_out: JsonOpt = None) -> None:
    """Precision and recall of (subject, value, unit, time_value) facts."""
    from .evaluate.facts import evaluate_facts as runner

    _evaluate("facts", runner, gold, model, fast, json_out)


def _print_scores(report, json_out: Path | None) -> None:
    """Print a facts scorer report (dev halves, batches, agreement) and write its scores to ``--json``."""
    out.print(report.render(), highlight=False)
    if json_out:
        json_out.write_text(json.dumps(report.scores, indent=2), encoding="utf-8")


@evaluate_app.command("dev-facts", epilog=_examples("pipeline evaluate dev-facts --dev ../shared/dev --workers 2"))
def evaluate_dev_facts(
    dev: Annotated[Path, typer.Option(help="Folder of the dev gold (facts_dev*.jsonl, score_facts.py).")] = Path(
        "../shared/dev"
    ),
    corpora: Annotated[Path, typer.Option(help="Folder of the corpora the dev articles come from.")] = Path(
        "../shared/corpora"
    ),
    model: ModelOpt = None,
    workers: WorkersOpt = 1,
    json_out: JsonOpt = None,
) -> None:
    """Facts on the independent dev gold (BBC, Reuters): value, subject, unit, time, event; all/tuning/check."""
    from .evaluate.dev_facts import evaluate_dev_facts as runner

    if not (dev / "score_facts.py").is_file():
        fail(f"no dev gold in {dev} (score_facts.py not found)")
    with handled():
        report = runner(dev=dev, corpora=corpora, settings=_settings(model, workers, False))
    _print_scores(report, json_out)


@evaluate_app.command(
    "batch",
    epilog=_examples(
        "pipeline evaluate batch ../blind92 --dev ../shared/dev",
        "pipeline evaluate batch ../blind94 ../blind95 --workers 2 --json batches.json",
    ),
)
def evaluate_batch(
    folders: Annotated[
        list[Path],
        typer.Argument(
            help="Folders of your own annotated articles: docs_<name>.jsonl beside <name>_gold.jsonl.",
            show_default=False,
        ),
    ],
    dev: Annotated[Path, typer.Option(help="Folder of the shared scorer (score_facts.py).")] = Path("../shared/dev"),
    model: ModelOpt = None,
    workers: WorkersOpt = 1,
    json_out: JsonOpt = None,
) -> None:
    """Facts on annotated batches of your own (a blind batch's first look), scored like the held-out sets."""
    from .evaluate.batches import evaluate_batches

    for folder in folders:
        if not folder.is_dir():
            fail(f"no such folder: {folder}")
    with handled():
        report = evaluate_batches(folders, dev=dev, settings=_settings(model, workers, False))
    _print_scores(report, json_out)


@evaluate_app.command(
    "agreement",
    epilog=_examples("pipeline evaluate agreement ../shared/dev/facts_dev.jsonl ../agree/gold_a.jsonl"),
)
def evaluate_agreement(
    reference: Annotated[Path, typer.Argument(help="The reference gold facts (JSONL, facts_guidelines.md).")],
    second: Annotated[
        Path, typer.Argument(help="A second annotation of some of the same articles, written without the reference.")
    ],
    dev: Annotated[Path, typer.Option(help="Folder of the shared scorer (score_facts.py).")] = Path("../shared/dev"),
    swap: Annotated[bool, typer.Option(help="Score the reference against the second annotation instead.")] = False,
    json_out: JsonOpt = None,
) -> None:
    """Two annotators' agreement on the same articles, scored as a system is: the human ceiling of each figure."""
    from .evaluate.agreement import evaluate_agreement as runner

    for path in (reference, second):
        if not path.is_file():
            fail(f"no such file: {path}")
    with handled():
        report = runner(reference, second, dev=dev, swap=swap)
    _print_scores(report, json_out)


@evaluate_app.command(
    "draw-batch",
    epilog=_examples(
        "pipeline evaluate draw-batch 98 ../blind98",
        "pipeline evaluate draw-batch 99 ../blind99 --exclude ../blind98/ids.txt --size 15",
    ),
)
def evaluate_draw_batch(
    batch: Annotated[int, typer.Argument(help="The batch's number: it seeds the draw order.", min=1)],
    out_dir: Annotated[
        Path, typer.Argument(help="Folder for docs_bbc.jsonl and docs_reu.jsonl (outside the project).")
    ],
    corpora: Annotated[Path, typer.Option(help="Folder of the benchmark corpora.")] = Path("../shared/corpora"),
    dev: Annotated[Path, typer.Option(help="Folder of the dev gold (its article ids are left out).")] = Path(
        "../shared/dev"
    ),
    exclude: Annotated[
        list[Path] | None, typer.Option(help="A file whose article ids are left out too (repeatable).")
    ] = None,
    size: Annotated[int, typer.Option(help="Articles per corpus.", min=1)] = 10,
) -> None:
    """Draw a blind batch of BBC and Reuters articles by a fixed hash, leaving out dev and earlier batches."""
    from .evaluate.draw import draw_batch

    needed = (corpora / "bbc_news.jsonl", corpora / "reuters21578_train.jsonl", dev / "facts_dev_docs.txt")
    for path in (*needed, *(exclude or ())):  # a mistyped --exclude would leave its ids in the draw unnoticed
        if not path.is_file():
            fail(f"not found: {path}")
    with handled():
        drawn = draw_batch(batch, out_dir, corpora=corpora, dev=dev, exclude=exclude or (), size=size)
    for name, ids in drawn.items():
        out.print(f"{name}: {' '.join(ids)}", highlight=False)
    out.print(
        f"written to {out_dir}; annotate docs_<name>.jsonl into <name>_gold.jsonl before any run", highlight=False
    )


@evaluate_app.command(
    "fit-subjects",
    epilog=_examples(
        "pipeline evaluate fit-subjects --dev ../shared/dev",
        "pipeline evaluate fit-subjects --batch ../blind23 --batch ../blind24 --write",
    ),
)
def evaluate_fit_subjects(
    dev: Annotated[Path, typer.Option(help="Folder of the dev gold.")] = Path("../shared/dev"),
    corpora: Annotated[Path, typer.Option(help="Folder of the corpora.")] = Path("../shared/corpora"),
    batch: Annotated[
        list[Path] | None,
        typer.Option(help="A folder of your own annotated articles (docs_<name>.jsonl beside <name>_gold.jsonl)."),
    ] = None,
    l2: Annotated[float, typer.Option(help="L2 penalty of the fit.", min=0.0)] = 0.1,
    margin: Annotated[
        float, typer.Option(help="How far above the score of 'no subject' a candidate must score (--write).")
    ] = 0.0,
    write: Annotated[
        bool, typer.Option(help="Write the fitted weights into facts_scoring.json as the amounts' weights.")
    ] = False,
) -> None:
    """Fit the subject candidates' feature weights on the dev tuning half (and any --batch folders);
    compare hand, current and fitted weights (cross-validated by article)."""
    from .evaluate.fit_subjects import FIXED, collect, collect_batches, compare, cross_validate, fit, write_weights
    from .extractors.facts.candidates import amount_scoring, scoring

    if not (dev / "facts_dev.jsonl").is_file():
        fail(f"no dev gold in {dev}")
    with handled():
        decisions = collect(dev=dev, corpora=corpora) + collect_batches(list(batch or []))
    hand, threshold = scoring()
    current, current_bar = amount_scoring()
    fitted = fit(decisions, l2=l2, fixed=FIXED)
    articles = len({d.doc_id for d in decisions})
    out.print(
        f"{len(decisions)} rankings of amounts in {articles} articles; hand threshold {threshold}", highlight=False
    )
    out.print(f"fitted weights (all of them): {json.dumps(fitted)}", highlight=False)
    rows = cross_validate(decisions, hand, threshold, margins=(-1.0, 0.0, 0.5, 1.0), l2=l2, fixed=FIXED)
    (now,) = compare(decisions, {**current, "_empty": current_bar}, [0.0])
    for row in [*rows, {"model": "file", **now}]:
        out.print(
            f"{row['model']:6s} threshold {row['threshold']:5.2f}  given {row['given']:4d}  "
            f"precision {row['precision']:.3f}  recall {row['recall']:.3f}"
            + {"fitted": "  (cross-validated by article)", "file": "  (facts_scoring.json amount_weights)"}.get(
                row["model"], ""
            ),
            highlight=False,
        )
    for row in compare(decisions, hand, [0.5, 1.0, 1.5, 2.0, 2.5]):
        out.print(
            f"hand   threshold {row['threshold']:5.2f}  given {row['given']:4d}  "
            f"precision {row['precision']:.3f}  recall {row['recall']:.3f}",
            highlight=False,
        )
    if write:
        sources = ["the dev tuning halves", *(str(b) for b in batch or [])]
        note = (
            f"Fitted by 'pipeline evaluate fit-subjects' (L2 {l2}) on {len(decisions)} rankings of amounts in "
            f"{articles} articles: {', '.join(sources)}. An amount takes its best candidate when the score reaches "
            f"amount_threshold (the fitted score of 'no subject' plus a margin of {margin}); dated events keep the "
            "hand weights above."
        )
        path = write_weights(fitted, note=note, margin=margin)
        out.print(f"wrote the fitted weights to {path}", highlight=False)


@app.command(epilog=_examples("pipeline schema", "pipeline schema > schema.md"))
def schema() -> None:
    """Print the tables' schema (columns, types, meaning) as Markdown, as in the README."""
    from .store.tables import schema_markdown

    out.print(schema_markdown(), highlight=False, markup=False)


class SqlFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


TablesOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Folder of the tables (default: $PIPELINE_OUTPUT, else the project's data/processed)."
    ),
]


@contextmanager
def _warnings_as_lines():
    """Library warnings (a folder without _run.json) as one line each on stderr."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for warning in caught:
                err.print(f"[yellow]warning:[/] {warning.message}", highlight=False, soft_wrap=True)


def _tables_folder(output: Path | None) -> Path:
    from .store.locate import default_output

    return default_output() if output is None else output


@app.command(
    "sql",
    epilog=_examples(
        'pipeline sql "SELECT subject, count(*) AS facts FROM facts GROUP BY subject ORDER BY facts DESC"',
        "pipeline sql \"SELECT * FROM facts WHERE start_date >= '2012-01-01'\" --format csv > facts_2012.csv",
        'pipeline sql "SELECT doc_id, title FROM documents" --output out --format json',
    ),
)
def sql_command(
    query: Annotated[str, typer.Argument(help="DuckDB SQL; each table is a view of its name (see `pipeline tables`).")],
    output: TablesOpt = None,
    fmt: Annotated[
        SqlFormat, typer.Option("--format", "-f", help="table (aligned text), csv, or json (an array of objects).")
    ] = SqlFormat.table,
) -> None:
    """Run SQL (DuckDB) over the published tables: one view per table, Dask part folders included."""
    from .store.sql import query_folder, render

    with handled(), _warnings_as_lines():
        result = query_folder(_tables_folder(output), query)
    if result is not None:
        typer.echo(render(result, fmt.value), nl=False)


@app.command("tables", epilog=_examples("pipeline tables", "pipeline tables --output out --types"))
def tables_command(
    output: TablesOpt = None,
    types: Annotated[bool, typer.Option("--types", help="Show each column's SQL type.")] = False,
) -> None:
    """List the published tables with their row counts and columns (the views `pipeline sql` queries)."""
    from .store.sql import overview

    with handled(), _warnings_as_lines():
        infos = overview(_tables_folder(output))
    width = max(len("table"), *(len(info.name) for info in infos))
    typer.echo(f"{'table':<{width}}  {'rows':>8}  columns")
    for info in infos:
        columns = ", ".join(f"{name} {typ}" if types else name for name, typ in info.columns)
        typer.echo(f"{info.name:<{width}}  {info.rows:>8}  {columns}")


@app.command("report", epilog=_examples("pipeline report", "pipeline report --output out --open"))
def report_command(
    output: TablesOpt = None,
    open_page: Annotated[bool, typer.Option("--open", help="Also open the page in the default web browser.")] = False,
) -> None:
    """Write OUTPUT/report.html: one offline page of the facts, the documents highlighted, a chart, the errors."""
    from .report import REPORT_NAME, write_report

    folder = _tables_folder(output)
    with handled(), _warnings_as_lines():
        path = write_report(folder, folder / REPORT_NAME)
    typer.echo(str(path))
    if open_page:
        import webbrowser

        webbrowser.open(path.resolve().as_uri())


@app.command(
    "explain",
    epilog=_examples("pipeline explain bbc-business-047", "pipeline explain reuters-2544 --output out"),
)
def explain_command(
    doc_id: Annotated[str, typer.Argument(help="The document's id (documents.doc_id).")],
    output: TablesOpt = None,
    model: ModelOpt = None,
) -> None:
    """Why each fact of one document has its subject: the rule, and every candidate weighed with its score."""
    from .store.rows import read_articles

    folder = _tables_folder(output)
    with handled():
        article = next((a for a in read_articles(folder) if a.doc_id == doc_id), None)
        if article is None:
            fail(f"no document {doc_id!r} in {folder}")
        from .extractors.explain import explain_article, explain_lines
        from .extractors.nlp import load_nlp

        lines = explain_lines(explain_article(article, load_nlp(model or default_model())))
    typer.echo("\n".join(lines) if lines else f"{doc_id}: no facts")


def _version(value: bool) -> None:
    if value:
        from . import __version__

        out.print(f"pipeline {__version__}", highlight=False)
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Pull entities, dates, quantities and facts out of news articles into tidy tables."""


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
