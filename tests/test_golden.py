"""Golden test on the sample corpus (data/raw): the seed facts the product was specified from.

The expected rows are the table in issues 3 and 6. Each check names the columns an analyst
would filter on, so a regression in any extractor (dates, quantities, entities, facts) fails here.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline import Settings, load_tables, run

ROOT = Path(__file__).resolve().parent.parent
LETTER, REPORT = "000_1aa4ab728a912f4a.txt", "001_c8ebd2510eedd028.txt"


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("golden")
    run(ROOT / "data" / "raw", out, Settings(), use_cache=False)
    return load_tables(out)


def rows(frame: pd.DataFrame, **where) -> pd.DataFrame:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column].astype(object).eq(value).fillna(False).astype(bool)
    return frame[mask]


# (doc, subject, value, unit, bound, per, time_value, time_mod, time_role, modality)
SEED_FACTS = [
    (LETTER, "Xiaomi", 14.0, "person", "=", None, "2010-04-06", None, "on", "reported"),
    (REPORT, "Xiaomi", 3_000_000.0, "unit", ">", None, "2012-06-12", None, "as_of", "reported"),
    (REPORT, "Xiaomi", 5_000_000.0, "unit", "=", None, "2012", "END", "by", "forecast"),
    (REPORT, "Taiwan", 7_000_000.0, "unit", ">", "year", None, None, None, "reported"),
]


@pytest.mark.parametrize("doc, subject, value, unit, bound, per, time_value, time_mod, time_role, modality", SEED_FACTS)
def test_seed_quantity_facts(tables, doc, subject, value, unit, bound, per, time_value, time_mod, time_role, modality):
    found = rows(tables.facts, doc_id=doc, value=value)
    assert len(found) == 1, found
    fact = found.iloc[0]
    got = {k: (None if pd.isna(fact[k]) else fact[k]) for k in ("subject", "unit", "bound", "per", "time_value")}
    got |= {k: (None if pd.isna(fact[k]) else fact[k]) for k in ("time_mod", "time_role", "modality")}
    assert got == {
        "subject": subject,
        "unit": unit,
        "bound": bound,
        "per": per,
        "time_value": time_value,
        "time_mod": time_mod,
        "time_role": time_role,
        "modality": modality,
    }
    assert fact["part"] == "body"
    assert fact["sentence"] in tables.documents.set_index("doc_id").loc[doc, "text"]


def test_founding_fact_in_beijing(tables):
    fact = rows(tables.facts, doc_id=LETTER, value=14.0).iloc[0]
    assert "found" in fact["predicate"] and "Beijing" in fact["sentence"]
    assert (fact["start_date"], fact["end_date"]) == (pd.Timestamp("2010-04-06"), pd.Timestamp("2010-04-06"))


def test_taiwan_launch_is_a_planned_event_at_the_end_of_2012(tables):
    launch = rows(tables.facts, doc_id=REPORT, subject="Xiaomi", time_value="2012", time_role="at")
    launch = launch[launch["predicate"].str.contains("launch") & launch["value"].isna()]
    assert len(launch) == 1
    fact = launch.iloc[0]
    assert fact["modality"] == "plan" and fact["time_mod"] == "END" and "Taiwan" in fact["predicate"]
    assert fact["end_date"] == pd.Timestamp("2012-12-31")


def test_seed_dates(tables):
    dates = tables.dates
    assert rows(dates, doc_id=LETTER, text="6th April 2010", value="2010-04-06", type="DATE").shape[0] == 1
    assert rows(dates, doc_id=REPORT, text="June 12, 2012", value="2012-06-12").shape[0] == 1
    end = rows(dates, doc_id=REPORT, text="the end of 2012", value="2012", mod="END")
    assert end.shape[0] == 1 and end.iloc[0]["end_date"] == pd.Timestamp("2012-12-31")
    assert rows(dates, doc_id=REPORT, text="the end of the year", value="2012", mod="END").shape[0] == 1
    assert rows(dates, doc_id=REPORT, text="each year", type="SET").shape[0] == 1
    assert rows(dates, doc_id=REPORT, text="July 2012", part="comment").shape[0] == 1  # kept, marked


def test_seed_quantities(tables):
    q = tables.quantities
    over3m = rows(q, doc_id=REPORT, text="three million", value=3_000_000.0, bound=">")
    assert over3m.shape[0] == 1 and over3m.iloc[0]["unit"] == "unit"
    over7m = rows(q, doc_id=REPORT, text="seven million", value=7_000_000.0, bound=">")
    assert over7m.shape[0] == 1 and over7m.iloc[0]["per"] == "year"
    assert rows(q, doc_id=LETTER, text="14", value=14.0, unit="people").shape[0] == 1
    # dates are never amounts, and no amount overlaps a date
    for doc_id, group in q.groupby("doc_id"):
        spans = rows(tables.dates, doc_id=doc_id)[["start", "end"]].values.tolist()
        for start, end in group[["start", "end"]].values.tolist():
            assert not any(s < end and start < e for s, e in spans)


def test_seed_entities_are_merged(tables):
    xiaomi = rows(tables.entities, canonical_name="Xiaomi")
    assert xiaomi["entity_id"].nunique() == 1 and xiaomi["label"].eq("ORG").all()
    assert set(xiaomi["doc_id"]) == {LETTER, REPORT}  # one id across the corpus
    assert {"Xiaomi", "Xiaomi's"} <= set(xiaomi["text"]) or {"Xiaomi", "Mi"} <= set(xiaomi["text"])
    assert not rows(tables.entities, text="Mi Fans", label="PERSON").shape[0]
    assert rows(tables.entities, text="TIME Magazine", label="ORG").shape[0] == 1


def test_nothing_from_boilerplate_and_comments_marked(tables):
    parts = set(tables.entities["part"]) | set(tables.dates["part"]) | set(tables.facts["part"])
    assert parts <= {"title", "body", "comment"}
    assert not rows(tables.entities, text="Breaking News").shape[0]
