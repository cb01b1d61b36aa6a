"""The output tables: schemas declared once, atomic streaming writers, and ``load_tables``.

Each schema is an ordered list of ``Column``s (name, Arrow type, nullability, meaning). From it
come the Parquet schema, the pandas dtypes (pyarrow-backed), the pandera check, and the
README's schema section (``schema_markdown``), so the four can never disagree.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..errors import SchemaError


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: pa.DataType
    nullable: bool
    doc: str


S, I64, I32, F64, D, B = pa.string(), pa.int64(), pa.int32(), pa.float64(), pa.date32(), pa.bool_()


def _c(name: str, typ: pa.DataType, doc: str, nullable: bool = True) -> Column:
    return Column(name, typ, nullable, doc)


_MENTION_PREFIX = [
    _c("doc_id", S, "document id (see documents)", False),
    _c("start", I64, "start character offset into documents.text", False),
    _c("end", I64, "end character offset (exclusive) into documents.text", False),
    _c("text", S, "the mention as written (= documents.text[start:end])", False),
]
_PROVENANCE = [
    _c("part", S, "where it was found: title | body | comment", False),
    _c("part_index", I32, "comment number (1, 2, ...) for comments, 0 for the title and the body", False),
    _c("sentence_start", I64, "start offset of the sentence containing it"),
    _c("sentence_end", I64, "end offset of that sentence"),
]

SCHEMAS: dict[str, list[Column]] = {
    "documents": [
        _c("doc_id", S, "stable id: the record's id, else the path relative to the input folder", False),
        _c("source_path", S, "input file (with :line for JSONL/CSV records)", False),
        _c("title", S, "headline, if one was found"),
        _c("published", S, "publication date, ISO 8601, possibly partial: 2012-06-12, 2012-06, 2012"),
        _c("published_precision", S, "day | month | year (null when published is null)"),
        _c("published_date", D, "first day of the published interval, for filtering"),
        _c("published_source", S, "record | manifest | html | dateline (null when unknown)"),
        _c(
            "published_note",
            S,
            "why published is null, or a caveat on how it was read "
            "(ambiguous day/month order, a manifest or page date passed over)",
        ),
        _c("url", S, "source URL, if known"),
        _c("source", S, "publisher / site, if known"),
        _c("text", S, "full text; every offset in the other tables indexes this", False),
        _c("text_sha256", S, "SHA-256 of text (UTF-8), for change detection", False),
        _c("n_chars", I64, "len(text)", False),
    ],
    "parts": [
        _c("doc_id", S, "document id", False),
        _c("part", S, "title | body | comment | boilerplate", False),
        _c("part_index", I32, "comment number for comments, else 0", False),
        _c("start", I64, "start offset into documents.text", False),
        _c("end", I64, "end offset (exclusive)", False),
    ],
    "entities": [
        *_MENTION_PREFIX,
        _c("label", S, "spaCy label: PERSON ORG GPE LOC PRODUCT NORP ...", False),
        _c("entity_id", S, "stable id of the entity across the corpus (hash of its key)", False),
        _c(
            "canonical_name",
            S,
            "the merged entity's name (aliases and possessives folded; the forms of one political party an "
            'article uses, "Tory" / "the Tories" / "the Conservatives", are one ORG named by the fullest: '
            "`political_parties` in `entities/rules/entity_names.json`)",
            False,
        ),
        _c("entity_key", S, "LABEL:normalised name, the key entity_id hashes", False),
        *_PROVENANCE,
    ],
    "dates": [
        *_MENTION_PREFIX,
        _c("type", S, "TimeML type: DATE | TIME | DURATION | SET", False),
        _c(
            "value",
            S,
            (
                "TIMEX3 value: 2012-06-12, 2012-W23, P5Y, XXXX-04-06, PRESENT_REF ...;"
                " a span of years as one ISO 8601 interval ('1986/87' -> 1986/1987)"
            ),
            False,
        ),
        _c("mod", S, "TIMEX3 mod: START MID END APPROX BEFORE AFTER MORE_THAN LESS_THAN ..."),
        _c("start_date", D, "first day of the resolved calendar interval"),
        _c("end_date", D, "last day of the resolved calendar interval (inclusive)"),
        _c("anchor", S, "what a relative expression was resolved against: published | previous"),
        _c("quant", S, "TIMEX3 quant for SETs (EVERY)"),
        _c("freq", S, "TIMEX3 freq for SETs (2X)"),
        *_PROVENANCE,
        _c("sentence", S, "the sentence, for provenance"),
    ],
    "quantities": [
        *_MENTION_PREFIX,
        _c("value", F64, "the amount (lower end of a range), scaled: '3 million' -> 3000000.0", False),
        _c(
            "value_max",
            F64,
            "upper end of a range (a wire's two-way quote too: '6.45/35 pct' -> 6.35 to 6.45), else null",
        ),
        _c("unit", S, "ISO 4217 code, percent, pint unit name, counted noun lemma, or dimensionless", False),
        _c("unit_text", S, "the unit as written ($, NT$, km, units)"),
        _c("bound", S, "= ~ > < >= <= ('over' -> >, 'about' -> ~, 'at least' -> >=)", False),
        _c("change", S, "up | down for changes ('rose 20%'), else null"),
        _c("per", S, "rate period (year, month, day ...), else null"),
        _c("kind", S, "number | currency | percent | dimension | count | age ('42 years old', 'Mr Lee, 58,')", False),
        _c("currency_assumed", B, "true when the currency came from context, not the text", False),
        _c("vague", B, "true for vague amounts ('hundreds of')", False),
        _c(
            "value_base",
            F64,
            "a physical amount in pint's base units ('3 miles' -> 4828.032), "
            "money in its currency ('12 cts' -> 0.12), else null",
        ),
        _c(
            "unit_base",
            S,
            "those base units ('meter', 'kilogram', 'second') or the ISO 4217 code, "
            "so km and miles, cents and dollars can be summed",
        ),
        *_PROVENANCE,
        _c("sentence", S, "the sentence, for provenance"),
    ],
    "ranks": [
        *_MENTION_PREFIX,
        _c("rank", I64, "the ordinal or rank as a number ('fifth' -> 5)", False),
        _c("kind", S, "ordinal | rank | top", False),
        *_PROVENANCE,
    ],
    "facts": [
        _c("fact_id", S, "stable id of the fact (hash of document, sentence and mentions)", False),
        _c("doc_id", S, "document id", False),
        _c("subject", S, "who or what the fact is about (canonical entity name), null if unclear"),
        _c("subject_id", S, "entity_id of the subject, when it is an entity"),
        _c(
            "subject_source",
            S,
            "how the subject was chosen: a parse rule (owner, verb_subject, market, ...), table (the headline"
            " company of a results table), list_item_label (the company a wire list's line opens with),"
            ' breakdown_label (the label of a wire breakdown list\'s pair: "cotton 9,000 (27,900)"),'
            " candidate:FEATURES=SCORE (the best document-level candidate),"
            ' conjunct (a name joined by "and" to another fact\'s subject: "Shares in A and B both fell 2%"'
            " gives A and B a row each), or phrase (no entity owns the amount: the clause's own subject noun"
            " phrase, the last resort)",
        ),
        _c("predicate", S, "governing verb / property phrase ('ship', 'demand for mobile phones')", False),
        _c("property_key", S, "normalised predicate for grouping", False),
        _c(
            "value",
            F64,
            "amount, null for events without a number; a negative figure as its size, with change down ('a growth"
            " rate of -0.1%' -> 0.1; a temperature keeps its sign)",
        ),
        _c("value_max", F64, "upper end of a range"),
        _c(
            "unit",
            S,
            "unit of value (see quantities.unit), with money in the currency itself (0.12 USD, not 12 cent)"
            " and everyday names for metric_ton, kilometer, meter (tonne, kilometre, metre), pint's other names in"
            " words (basis point); a physical measure written as a symbol keeps it as the facts guidelines ask"
            " ('12 km', '4 GHz', '421 mln lbs' -> lb), one written as the unit's own name is named ('2,800 feet' ->"
            " foot); a duration that measures a thing ('a 10-month plan', 'a sentence of 85 years',"
            " '20 hours a week' with per = week) in its time unit (year, month, ...); an age ('became an MP at 27')"
            " in year; a share or a multiple with no unit ('one in 13', 'half', '10 times faster') dimensionless",
        ),
        _c("bound", S, "= ~ > < >= <="),
        _c(
            "per",
            S,
            "rate period (year, month, ...), share for a per-share figure, or the base currency of an exchange"
            " rate ('1,893 to the US dollar': 1893 MGA per USD)",
        ),
        _c("change", S, "up | down"),
        _c(
            "time_value",
            S,
            "TIMEX3 value of the date attached to the fact; a range as one ISO 8601 interval (2008/2012)",
        ),
        _c("time_mod", S, "TIMEX3 mod of that date (END for 'the end of 2012')"),
        _c("time_role", S, "as_of | on | by | in | since | range | at | reported_on ..."),
        _c("start_date", D, "first day of the fact's time interval"),
        _c("end_date", D, "last day of the fact's time interval"),
        _c("modality", S, "reported | forecast | plan | negated", False),
        _c("negated", B, "true when the statement is negated", False),
        _c("attribution", S, "who says so ('according to reports', 'Lei said')"),
        _c("sentence", S, "the sentence stating the fact", False),
        _c("sentence_start", I64, "sentence start offset into documents.text", False),
        _c("sentence_end", I64, "sentence end offset", False),
        _c("quantity_start", I64, "offsets of the quantity mention it came from"),
        _c("quantity_end", I64, ""),
        _c("date_start", I64, "offsets of the date mention it came from (empty for a carried period)"),
        _c("date_end", I64, ""),
        _c("subject_start", I64, "offsets of the subject mention"),
        _c("subject_end", I64, ""),
        _c("n_sources", I32, "how many sentences of the document state this fact", False),
        _c("source_spans", S, "start:end of every sentence stating it, ';'-separated", False),
        _c("part", S, "title | body | comment", False),
        _c("part_index", I32, "comment number, 0 for the title and the body", False),
    ],
    "errors": [
        _c("doc_id", S, "document id, when known"),
        _c("path", S, "input file (with :line for records)", False),
        _c("stage", S, "ingest | extract | export", False),
        _c(
            "error_type",
            S,
            "empty | binary | encoding | truncated | too_large | bad_record | bad_date | duplicate_id | "
            "file_name | outside_input | invalid_value | ...",
            False,
        ),
        _c("message", S, "what went wrong, in one line", False),
    ],
}

TABLE_NAMES = tuple(SCHEMAS)
ROW_GROUP_ROWS = 8192  # rows buffered per table before a Parquet row group is written
# Sort keys that make row order deterministic within a document.
SORT_KEYS = {
    "parts": ("start", "end"),
    "entities": ("start", "end"),
    "dates": ("start", "end"),
    "quantities": ("start", "end"),
    "ranks": ("start", "end"),
    "facts": ("sentence_start", "quantity_start", "date_start", "predicate"),
}


@functools.cache
def column_names(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in SCHEMAS[table])


_FORMULA_START = r"^[=+\-@\t\r]"


def csv_safe(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The batch with every text cell that a spreadsheet would run as a formula (starting with
    = + - @, a tab or a carriage return) prefixed with an apostrophe. For the CSV copies only: the
    Parquet tables keep the text as it is."""
    import pyarrow.compute as pc

    columns = []
    for column in batch.columns:
        if pa.types.is_string(column.type):
            risky = pc.fill_null(pc.match_substring_regex(column, _FORMULA_START), False)
            column = pc.if_else(risky, pc.binary_join_element_wise("'", column, ""), column)
        columns.append(column)
    return pa.RecordBatch.from_arrays(columns, schema=batch.schema)


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in SCHEMAS[table]])


def pandas_dtypes(table: str) -> dict[str, pd.ArrowDtype]:
    return {c.name: pd.ArrowDtype(c.type) for c in SCHEMAS[table]}


def empty_frame(table: str) -> pd.DataFrame:
    return arrow_schema(table).empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def to_arrow(table: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Rows (dicts) -> an Arrow table with the declared schema (extra keys are an error)."""
    schema = arrow_schema(table)
    try:
        data = pa.Table.from_pylist([{c: row.get(c) for c in schema.names} for row in rows], schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise SchemaError(f"{table}: rows do not fit the schema: {exc}") from exc
    for f in schema:
        if not f.nullable and data.column(f.name).null_count:
            raise SchemaError(f"{table}: column {f.name!r} must not be null")
    return data


def _sort_key(table: str):
    keys = SORT_KEYS.get(table, ())

    def key(row: Mapping[str, Any]):
        return tuple((row.get(k) is None, row.get(k) if row.get(k) is not None else 0) for k in keys)

    return key


def sort_rows(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Deterministic order of one document's rows."""
    return sorted(rows, key=_sort_key(table)) if table in SORT_KEYS else rows


# --------------------------------------------------------------------------- writing


class TableWriter:
    """Streams rows of one table into Parquet (and optionally CSV) under temporary names.

    Nothing is visible under the final names until ``commit``; ``abort`` (or an exception in a
    ``with`` block) removes the temporary files, leaving the previous tables intact.
    """

    def __init__(self, table: str, out_dir: Path, *, csv: bool = True) -> None:
        self.table = table
        self.out_dir = Path(out_dir)
        self.schema = arrow_schema(table)
        self.rows_written = 0
        self._buffer: list[Mapping[str, Any]] = []
        self._tmp: dict[str, Path] = {}
        fd, name = tempfile.mkstemp(prefix=f".{table}.", suffix=".parquet.tmp", dir=self.out_dir)
        os.close(fd)
        self._tmp["parquet"] = Path(name)
        self._parquet = pq.ParquetWriter(name, self.schema, compression="zstd")
        self._csv = None
        if csv:
            fd, name = tempfile.mkstemp(prefix=f".{table}.", suffix=".csv.tmp", dir=self.out_dir)
            os.close(fd)
            self._tmp["csv"] = Path(name)
            self._csv = pacsv.CSVWriter(name, self.schema)

    def write_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Buffer rows; they reach the file in row groups of ``ROW_GROUP_ROWS`` (one per document would be slow)."""
        self._buffer.extend(rows)
        if len(self._buffer) >= ROW_GROUP_ROWS:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            rows, self._buffer = self._buffer, []
            self.write_arrow(to_arrow(self.table, rows))

    def write_arrow(self, batch: pa.Table) -> None:
        if batch.num_rows:
            self._parquet.write_table(batch)
            if self._csv is not None:
                self._csv.write_table(batch)
            self.rows_written += batch.num_rows

    def commit(self) -> None:
        self.finish()
        self.publish()

    def finish(self) -> None:
        """Write what is buffered and close the temporary files (what a full disk makes fail)."""
        self.flush()
        self._parquet.close()
        if self._csv is not None:
            self._csv.close()

    def publish(self) -> None:
        """Rename the finished temporary files to the table's names."""
        for ext, tmp in self._tmp.items():
            tmp.chmod(0o644)  # mkstemp creates 0600 files; tables are for every reader
            os.replace(tmp, self.out_dir / f"{self.table}.{ext}")
        self._tmp.clear()

    def abort(self) -> None:
        for closer in (self._parquet, self._csv):
            if closer is not None:
                with contextlib.suppress(OSError, pa.ArrowException):
                    closer.close()
        for tmp in self._tmp.values():
            tmp.unlink(missing_ok=True)
        self._tmp.clear()


class CommitOnExit:
    """``with`` support for table sets: commit when the block ends normally, abort on an exception."""

    def commit(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


class TableSet(CommitOnExit):
    """Writers for several tables that commit together (all or none)."""

    def __init__(self, tables: Iterable[str], out_dir: Path, *, csv: bool = True) -> None:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
        self.writers: dict[str, TableWriter] = {}
        try:
            for t in tables:
                self.writers[t] = TableWriter(t, out_dir, csv=csv)
        except BaseException:
            self.abort()
            raise

    def write(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        self.writers[table].write_rows(rows)

    def counts(self) -> dict[str, int]:
        return {t: w.rows_written + len(w._buffer) for t, w in self.writers.items()}

    def commit(self) -> None:
        """Finish every table first, then rename them all: a table that cannot be finished (a full
        disk) aborts the whole set, so no table is replaced unless all of them can be."""
        try:
            for w in self.writers.values():
                w.finish()
        except BaseException:
            self.abort()
            raise
        for w in self.writers.values():
            w.publish()

    def abort(self) -> None:
        for w in self.writers.values():
            w.abort()


def write_table(table: str, rows: Sequence[Mapping[str, Any]], out_dir: Path, *, csv: bool = True) -> int:
    """Write one whole table atomically; returns the row count."""
    with TableSet([table], out_dir, csv=csv) as ts:
        ts.write(table, rows)
        return ts.counts()[table]


# --------------------------------------------------------------------------- reading and checking


@dataclass
class Tables:
    """The processed tables as pandas DataFrames with pyarrow-backed dtypes, except the date
    columns, which are ``datetime64[s]`` so that they compare with strings and Timestamps
    (``t.facts[t.facts.start_date > "2004-06-01"]``)."""

    documents: pd.DataFrame
    parts: pd.DataFrame
    entities: pd.DataFrame
    dates: pd.DataFrame
    quantities: pd.DataFrame
    ranks: pd.DataFrame
    facts: pd.DataFrame
    errors: pd.DataFrame

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def items(self):
        return ((name, getattr(self, name)) for name in TABLE_NAMES)

    def sql(self, query: str) -> pd.DataFrame:
        """DuckDB SQL over these DataFrames, one view per table by its name; the result has the
        dtypes ``load_tables`` gives. A query DuckDB rejects raises SqlError (one line)."""
        from .sql import query_frames

        return query_frames(dict(self.items()), query)


def read_table(path: Path, table: str) -> pd.DataFrame:
    """One table from ``<table>.parquet`` or a partitioned ``<table>/`` folder; empty if absent."""
    return read_files(table_files(Path(path), table), table)


def read_files(files: Sequence[Path], table: str) -> pd.DataFrame:
    """The Parquet files of one table as one DataFrame (declared dtypes); empty when there are none."""
    if not files:
        return empty_frame(table)
    data = pa.concat_tables([pq.read_table(f, schema=arrow_schema(table)) for f in files])
    return data.to_pandas(types_mapper=pd.ArrowDtype)


DATE_DTYPE = pd.ArrowDtype(D)


def with_datetimes(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its date32 columns as ``datetime64[s]`` (null -> NaT): pyarrow dates refuse
    to compare with a string or a Timestamp; seconds keep every date from year 1 to 9999."""
    dates = [name for name, dtype in frame.dtypes.items() if dtype == DATE_DTYPE]
    return frame.astype(dict.fromkeys(dates, "datetime64[s]")) if dates else frame


def load_tables(path: Path | str | None = None) -> Tables:
    """Every table of the run published in a processed folder, with the documented dtypes (date
    columns as ``datetime64[s]``, see ``Tables``).

    Without ``path``: ``$PIPELINE_OUTPUT``, else the ``data/processed`` folder of the project the
    working directory is in (``store.locate``), so a notebook in a subfolder finds the tables.
    The folder is checked against its manifest ``_run.json`` first (``store.manifest``): tables
    that disagree with it raise RunMismatchError; a folder without one loads with a warning. A run
    published while the tables are read is noticed (its run id) and the read starts again.
    """
    from .locate import OUTPUT_ENV_VAR, default_output
    from .manifest import RunMismatchError, current_run_id, published_files

    path = default_output() if path is None else Path(path)
    if not path.is_dir():
        raise FileNotFoundError(
            f"no processed tables in {path} (run `make extract` first, or set {OUTPUT_ENV_VAR} to the tables' folder)"
        )
    for _ in range(3):
        run_id = current_run_id(path)
        files = published_files(path)
        try:
            tables = Tables(**{t: with_datetimes(read_files(files[t], t)) for t in TABLE_NAMES})
        except FileNotFoundError:  # a newer run was switched in while reading
            continue
        if current_run_id(path) == run_id:
            return tables
    raise RunMismatchError(f"{path}: runs kept being published while the tables were read; try again")


# Values, not only dtypes: the allowed set or pattern of a column, and order between two columns.
_TIMEX_DATE = (
    r"[0-9X]{2,4}(?:-(?:[0-9X]{2}(?:-[0-9X]{2})?|Q[1-4X]|H[12X]|W[0-9X]{2}(?:-(?:[1-7X]|WE))?|SP|SU|FA|WI|[0-9X]{2}-WE))?"
    r"(?:T(?:[0-9X]{2}(?::[0-9X]{2})?|MO|AF|EV|NI|DT|MI))?"
)
_TIMEX_DURATION = r"P(?:(?:[0-9X.]+[YMWDQ])+|X+)?(?:T(?:[0-9X.]+[HMS])+)?"
_TIMEX_CLOCK = r"T[0-9X]{2}(?::[0-9X]{2})?"
TIMEX3_VALUE = (
    rf"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|{_TIMEX_DURATION}|{_TIMEX_DATE}(?:/{_TIMEX_DATE})?|{_TIMEX_CLOCK})$"
)
BOUNDS = ("=", "~", ">", "<", ">=", "<=")
# A currency amount's unit: an ISO 4217 code, a fraction of one ("pfennig", "kopek"), or a name many
# countries share when the text does not settle which ("dinars"). Every name the currency rules
# (extractors/quantities/rules/units_currency.json) can give is here; a test checks it.
CURRENCY_UNIT = (
    r"[A-Z]{3}|cent|penny|dinar|dollar|franc|peso|rupee|crown|krona|krone|pound|shilling|riyal|rial|dirham"
    r"|agora|centavo|centime|fen|fils|groschen|grosz|halala|haler|jiao|kobo|kopek|paisa|pesewa|pfennig"
    r"|santims|satang|satoshi|sen|stotinka|tiyin|öre|øre"
)
VALUE_RULES: dict[str, dict[str, tuple[str, ...] | str]] = {
    "documents": {"published_precision": ("year", "month", "day")},
    "parts": {"part": ("title", "body", "comment", "boilerplate")},
    "dates": {"type": ("DATE", "TIME", "DURATION", "SET"), "value": TIMEX3_VALUE},
    "quantities": {
        "bound": BOUNDS,
        "change": ("up", "down"),
        "kind": ("number", "currency", "percent", "dimension", "count", "age"),
    },
    "facts": {
        "bound": BOUNDS,
        "change": ("up", "down"),
        "modality": ("reported", "forecast", "plan", "negated"),
        "time_role": ("after", "as_of", "at", "baseline", "by", "in", "on", "range", "since", "period"),
        "time_value": TIMEX3_VALUE,
    },
    "errors": {"stage": ("ingest", "extract", "export")},
}
ORDERED = (("start", "end"), ("start_date", "end_date"), ("value", "value_max"), ("sentence_start", "sentence_end"))


@functools.cache
def _value_checks() -> dict[str, list[tuple[str, Any]]]:
    """Per table, (column, allowed set or compiled pattern) of ``VALUE_RULES``."""
    return {
        table: [(col, rule if not isinstance(rule, str) else re.compile(rule)) for col, rule in rules.items()]
        for table, rules in VALUE_RULES.items()
    }


_CURRENCY = re.compile(CURRENCY_UNIT)


def value_problems(table: str, row: Mapping[str, Any]) -> list[str]:
    """What in one row the export's value checks would refuse (``VALUE_RULES``, the currency unit,
    ``ORDERED``), as "table.column: value" lines; empty for a good row. The same rules as
    ``check_tables``, row by row, so the extract stage can set a bad row aside instead of the
    export failing the whole run."""
    out = []
    for col, rule in _value_checks().get(table, ()):
        value = row.get(col)
        if value is None:
            continue
        if isinstance(rule, re.Pattern):
            if not isinstance(value, str) or rule.match(value) is None:
                out.append(f"{table}.{col}: {value!r} does not match the value pattern")
        elif value not in rule:
            out.append(f"{table}.{col}: {value!r} is not one of {', '.join(rule)}")
    if table == "quantities" and row.get("kind") == "currency" and not _CURRENCY.fullmatch(row.get("unit") or ""):
        out.append(f"quantities.unit: {row.get('unit')!r} is not an ISO 4217 code or a known currency name")
    for a, b in ORDERED:
        lo, hi = row.get(a), row.get(b)
        if lo is not None and hi is not None and lo > hi:
            out.append(f"{table}.{a} > {b}: {lo!r} > {hi!r}")
    return out


def set_aside(doc_id: str, path: str, rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """One document's rows without those the export's value checks would refuse, and one errors row
    (stage "extract", type "invalid_value") naming what was left out: a bug in one extractor never
    stops a run, and the report says where it struck."""
    found: list[str] = []
    kept = {}
    for table, table_rows in rows.items():
        good = []
        for row in table_rows:
            problems = value_problems(table, row)
            if problems:
                found.append(problems[0])
            else:
                good.append(row)
        kept[table] = good
    if not found:
        return rows
    shown = "; ".join(dict.fromkeys(found))
    message = f"{len(found)} row(s) left out, refused by the value checks: {shown}"[:500]
    kept["errors"] = [
        {"doc_id": doc_id, "path": path, "stage": "extract", "error_type": "invalid_value", "message": message}
    ]
    return kept


def _pandera():
    """``pandera.pandas``, imported without hypothesis unless something already imported it.

    pandera imports hypothesis when it is installed (a test dependency here), for its data
    synthesis strategies, which the checks never use: that import and the plugin scan it starts
    cost about as much as pandera itself. Where hypothesis is already loaded (pytest), pandera
    uses it as usual.
    """
    import sys

    if "pandera.pandas" in sys.modules or "hypothesis" in sys.modules:
        import pandera.pandas

        return pandera.pandas
    sys.modules["hypothesis"] = None  # type: ignore[assignment]  # "import hypothesis" raises ImportError
    try:
        import pandera.pandas
        import pandera.strategies.pandas_strategies  # noqa: F401  (decides once: no hypothesis)
    finally:
        if sys.modules.get("hypothesis", 0) is None:
            del sys.modules["hypothesis"]
    return pandera.pandas


def pandera_schema(table: str):
    """A pandera DataFrameSchema generated from the declared columns and their value rules."""
    pa_schema = _pandera()

    rules = VALUE_RULES.get(table, {})

    def checks(name: str) -> list:
        rule = rules.get(name)
        if rule is None:
            return []
        return [pa_schema.Check.str_matches(rule)] if isinstance(rule, str) else [pa_schema.Check.isin(list(rule))]

    names = {c.name for c in SCHEMAS[table]}
    currency = [
        pa_schema.Check(
            lambda df: (df["kind"] != "currency") | df["unit"].str.fullmatch(CURRENCY_UNIT).fillna(False),
            name="currency unit is an ISO 4217 code",
            element_wise=False,
        )
    ]
    frame_checks = (currency if table == "quantities" else []) + [
        pa_schema.Check(
            lambda df, a=a, b=b: df[a].isna() | df[b].isna() | (df[a] <= df[b]), name=f"{a} <= {b}", element_wise=False
        )
        for a, b in ORDERED
        if a in names and b in names
    ]
    return pa_schema.DataFrameSchema(
        {
            c.name: pa_schema.Column(pd.ArrowDtype(c.type), nullable=c.nullable, checks=checks(c.name))
            for c in SCHEMAS[table]
        },
        checks=frame_checks,
        strict=True,
        ordered=True,
        name=table,
    )


def _violations(table: str, cases: pd.DataFrame, limit: int = 10) -> str:
    """One line per violation: the column and check with the failing value, or for a check between
    two columns ("start <= end") both values; the row index in the batch."""
    lines: list[str] = []
    pairs: dict[tuple[str, object], dict[str, object]] = {}
    for case in cases.to_dict("records"):
        check, column, value, row = case.get("check"), case.get("column"), case.get("failure_case"), case.get("index")
        named = str(check).split(" <= ") if " <= " in str(check) else ["kind", "unit"] if "ISO" in str(check) else []
        if len(named) == 2:  # a row-wise check reports every column: keep the two it compares
            if column in named:
                pairs.setdefault((str(check), row), {})[column] = value
            continue
        lines.append(f"{table}.{column}: {check} fails for {value!r} (row {row})")
    for (check, row), values in pairs.items():
        shown = ", ".join(f"{k}={v!r}" for k, v in values.items())
        lines.append(f"{table}.{next(iter(values), '')}: {check} fails for {shown} (row {row})")
    more = len(lines) - limit
    return "\n".join(lines[:limit] + ([f"{table}: ... and {more} more"] if more > 0 else []))


def table_files(path: Path | str, table: str) -> list[Path]:
    """The Parquet file(s) holding ``table``: the single file, else the folder's parts in order."""
    path = Path(path)
    single, folder = path / f"{table}.parquet", path / table
    if single.exists():
        return [single]
    return sorted(folder.rglob("*.parquet")) if folder.is_dir() else []


def iter_frames(path: Path | str, table: str, *, batch_rows: int = 50_000) -> Iterator[pd.DataFrame]:
    """A table as a stream of DataFrames (declared dtypes) of about ``batch_rows`` rows, so checks
    never hold a whole table. The parts of a partitioned table are read as one stream: small parts
    (64 documents each) make frames of the same size as one file does, not one frame per part,
    and each frame costs a fixed amount to check."""
    schema = arrow_schema(table)
    pending: list[pa.Table] = []
    rows = 0
    for file in table_files(Path(path), table):
        for batch in pq.ParquetFile(file).iter_batches(batch_size=batch_rows):
            pending.append(pa.Table.from_batches([batch]).cast(schema))
            rows += batch.num_rows
            if rows >= batch_rows:
                yield pa.concat_tables(pending).to_pandas(types_mapper=pd.ArrowDtype)
                pending, rows = [], 0
    if pending:
        yield pa.concat_tables(pending).to_pandas(types_mapper=pd.ArrowDtype)


class _DocumentTexts:
    """Looks up ``documents.text`` by doc_id while streaming: mention tables are written in
    document order, so a forward scan finds each document; a miss rescans from the start once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._batches = iter(())
        self._current: dict[str, str] = {}

    def _scan(self) -> Iterator[pd.DataFrame]:
        return iter_frames(self.path, "documents", batch_rows=256)

    def get(self, doc_id: str) -> str | None:
        for restart in (False, True):
            if restart:
                self._batches, self._current = self._scan(), {}
            while doc_id not in self._current:
                frame = next(self._batches, None)
                if frame is None:
                    break
                self._current = dict(zip(frame["doc_id"], frame["text"], strict=True))
            if doc_id in self._current:
                return self._current[doc_id]
        return None


def check_tables(path: Path | str) -> dict[str, int]:
    """Validate every table in ``path`` against its schema, batch by batch; returns row counts.

    Checks column names and order, dtypes and nullability (pandera, generated from ``SCHEMAS``),
    values (``VALUE_RULES``: allowed sets, the TIMEX3 value pattern; ``ORDERED``: start <= end,
    start_date <= end_date, value <= value_max), and that every mention's offsets give its text.
    Raises SchemaError with one line per violation (the first ten) of the first failing batch.
    """
    _pandera()
    import pandera.errors

    path = Path(path)
    counts = {}
    for table in TABLE_NAMES:
        files = table_files(path, table)
        if not files and not (path / table).is_dir():  # a partitioned table may have no parts
            raise SchemaError(f"{table}: missing from {path}")
        for file in files:
            names = pq.read_schema(file).names
            if names != arrow_schema(table).names:
                raise SchemaError(f"{table}: columns {names} != declared {arrow_schema(table).names}")
        checker = pandera_schema(table)
        texts = _DocumentTexts(path) if table in OFFSET_TABLES else None
        counts[table] = 0
        for frame in iter_frames(path, table):
            try:
                checker.validate(frame, lazy=True)
            except pandera.errors.SchemaErrors as exc:
                raise SchemaError(_violations(table, exc.failure_cases)) from None
            if texts is not None:
                _check_offsets(table, frame, texts)
            counts[table] += len(frame)
    return counts


OFFSET_TABLES = ("entities", "dates", "quantities", "ranks")


def _check_offsets(table: str, frame: pd.DataFrame, texts: _DocumentTexts) -> None:
    for row in frame[["doc_id", "start", "end", "text"]].itertuples(index=False):
        text = texts.get(row.doc_id)
        if text is None or text[row.start : row.end] != row.text:
            raise SchemaError(f"{table}: offsets {row.start}:{row.end} of {row.doc_id!r} do not give {row.text!r}")


def schema_markdown() -> str:
    """The schema section of the README, generated from SCHEMAS. A type is the Parquet (Arrow)
    type; date columns also name the dtype ``load_tables`` gives them."""
    out = []
    for table, cols in SCHEMAS.items():
        out.append(f"### `{table}`\n\n| column | type | null | meaning |\n|---|---|---|---|")
        for c in cols:
            typ = f"{c.type} (load_tables: datetime64[s])" if c.type == D else c.type
            out.append(f"| `{c.name}` | {typ} | {'yes' if c.nullable else 'no'} | {c.doc} |")
        out.append("")
    return "\n".join(out)


def date_or_none(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None
