"""SQL over the tables with DuckDB: one view per table, named like the table.

``connect(folder)`` reads exactly the Parquet files of the run published in ``folder`` (the files
``_run.json`` lists, checked by ``manifest.published_files``): a partitioned table (a folder of
parts written by the Dask backend) is one view over all its parts; a table the run did not write
is an empty view with the declared columns. ``query_frames`` runs the same SQL over DataFrames
(``Tables.sql``). A query DuckDB rejects raises SqlError with DuckDB's message on one line.

Date columns are SQL ``DATE`` on both paths (they compare with ``'2004-06-01'``); results come
back as Arrow tables, or as DataFrames with the dtypes ``load_tables`` gives.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa

from ..errors import PipelineError
from .tables import SCHEMAS, TABLE_NAMES, arrow_schema, csv_safe, with_datetimes

if TYPE_CHECKING:
    import duckdb


class SqlError(PipelineError):
    """DuckDB rejected a query (syntax, an unknown table or column, a failed cast ...)."""


@dataclass(frozen=True, slots=True)
class TableInfo:
    """One view as SQL sees it: its name, row count and (column, SQL type) pairs."""

    name: str
    rows: int
    columns: tuple[tuple[str, str], ...]


def one_line(exc: Exception) -> str:
    """DuckDB's message without the caret drawing: the lines before the first blank one, joined."""
    head = str(exc).strip().split("\n\n", 1)[0]
    return " ".join(line.strip() for line in head.splitlines() if line.strip())


def connect(folder: Path | str) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per table of the run published in ``folder``."""
    import duckdb

    from .manifest import published_files

    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"no processed tables in {folder} (run `make extract` first)")
    files = published_files(folder)
    con = duckdb.connect()
    for table in TABLE_NAMES:
        if files[table]:
            con.read_parquet([str(p) for p in files[table]]).create_view(table)
        else:
            con.register(table, arrow_schema(table).empty_table())
    return con


def execute(con: duckdb.DuckDBPyConnection, query: str) -> pa.Table | None:
    """Run ``query`` (several statements: the last one's result); None for a statement that
    gives no relation. Raises SqlError."""
    import duckdb

    try:
        relation = con.sql(query)
        return None if relation is None else relation.to_arrow_table()
    except duckdb.Error as exc:
        raise SqlError(one_line(exc)) from None


def query_folder(folder: Path | str, query: str) -> pa.Table | None:
    """``query`` over the published tables in ``folder``."""
    con = connect(folder)
    try:
        return execute(con, query)
    finally:
        con.close()


def _as_declared(table: str, frame: pd.DataFrame) -> pa.Table:
    """A DataFrame of ``load_tables`` back in Arrow, its datetime date columns as date32 again."""
    data = pa.Table.from_pandas(frame, preserve_index=False)
    dates = {c.name for c in SCHEMAS.get(table, ()) if pa.types.is_date32(c.type)}
    for i, field in enumerate(data.schema):
        if field.name in dates and pa.types.is_timestamp(field.type):
            data = data.set_column(i, field.name, data.column(i).cast(pa.date32(), safe=False))
    return data


def query_frames(frames: Mapping[str, pd.DataFrame], query: str) -> pd.DataFrame:
    """``query`` over DataFrames, each a view named by its key; the result as a DataFrame with
    pyarrow-backed dtypes and date columns as ``datetime64[s]`` (empty for a statement without rows)."""
    import duckdb

    con = duckdb.connect()
    try:
        for name, frame in frames.items():
            con.register(name, _as_declared(name, frame))
        result = execute(con, query)
    finally:
        con.close()
    if result is None:
        return pd.DataFrame()
    return with_datetimes(result.to_pandas(types_mapper=pd.ArrowDtype))


def overview(folder: Path | str) -> list[TableInfo]:
    """Every view ``connect(folder)`` gives: row count and columns with their SQL types."""
    con = connect(folder)
    try:
        infos = []
        for table in TABLE_NAMES:
            columns = con.sql(f'DESCRIBE "{table}"').fetchall()
            ((rows,),) = con.sql(f'SELECT count(*) FROM "{table}"').fetchall()
            infos.append(TableInfo(table, rows, tuple((c[0], c[1]) for c in columns)))
        return infos
    finally:
        con.close()


# --------------------------------------------------------------------------- printing results

FORMATS = ("table", "csv", "json")
CELL_WIDTH = 48  # characters of a text cell the table format shows


def render(result: pa.Table, fmt: str) -> str:
    """A result as text: ``table`` (aligned columns, long cells cut, NULL for null, a row count),
    ``csv`` (a header, like the CSV copies: quoted text, formula-like cells behind an apostrophe)
    or ``json`` (an array of objects; dates as ISO strings)."""
    if fmt == "csv":
        buffer = io.BytesIO()
        import pyarrow.csv as pacsv

        with pacsv.CSVWriter(buffer, result.schema) as writer:
            for batch in result.to_batches():
                writer.write_batch(csv_safe(batch))
        return buffer.getvalue().decode("utf-8")
    rows = result.to_pylist()
    if fmt == "json":
        return json.dumps([{k: _json_value(v) for k, v in row.items()} for row in rows], indent=2, default=str)
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    header = result.column_names
    numeric = [pa.types.is_integer(t) or pa.types.is_floating(t) or pa.types.is_decimal(t) for t in result.schema.types]
    cells = [[_cell(row[name]) for name in header] for row in rows]
    widths = [max([len(name), *(len(r[i]) for r in cells)]) for i, name in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric, strict=True))

    lines = [line(header).rstrip(), "  ".join("-" * w for w in widths)]
    lines += [line(r).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return "NULL"
    text = " ".join(str(value).split()) if isinstance(value, str) else str(value)
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 3] + "..."


def _json_value(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
