"""The analyst's report (`pipeline report`): the data it embeds, its safety, the command, and the
page itself in headless Chromium on the sample corpus."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import Settings, Tables, load_tables, run
from pipeline.cli import app, main
from pipeline.report import REPORT_NAME, build_payload, render_page, write_report
from pipeline.report.data import (
    amount,
    chart_series,
    date_tip,
    entity_tip,
    number,
    quantity_tip,
    records,
    sentence_spans,
    subject_marks,
)
from pipeline.report.page import embed_json
from pipeline.store.tables import TABLE_NAMES, empty_frame, to_arrow

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "facts_gold.jsonl"
SEED_DOCS = {"seed-letter": "000_1aa4ab728a912f4a.txt", "seed-report": "001_c8ebd2510eedd028.txt"}
INJECTION = '<script>window.injected = 1</script> a </script> b <img src=x onerror="window.injected = 2"> & <!--'


def make_tables(**rows: list[dict]) -> Tables:
    """Tables from rows per table (the others empty), with the declared dtypes."""
    frames = {
        name: to_arrow(name, rows[name]).to_pandas(types_mapper=pd.ArrowDtype) if name in rows else empty_frame(name)
        for name in TABLE_NAMES
    }
    return Tables(**frames)


def injection_tables() -> Tables:
    """One document whose text, title, id, entity and fact carry markup that must stay text."""
    text = f"Acme <b>Corp</b> sold 5 million units in 2012. {INJECTION}"
    doc = "doc<1>&"
    document = {"doc_id": doc, "source_path": "x.jsonl:1", "title": INJECTION, "url": "javascript:alert(3)"}
    document |= {"text": text, "text_sha256": "0" * 64, "n_chars": len(text)}
    sentence = {"sentence_start": 0, "sentence_end": 46, "part": "body", "part_index": 0}
    entity = {"doc_id": doc, "start": 0, "end": 16, "text": text[:16], "label": "ORG", "entity_id": "E1"}
    entity |= {"canonical_name": "</script><script>window.injected = 3</script>", "entity_key": "ORG:acme", **sentence}
    fact = {"fact_id": "F1", "doc_id": doc, "subject": INJECTION, "predicate": "sell <i>", "property_key": "sell"}
    fact |= {"value": 5e6, "unit": "unit", "bound": "=", "modality": "reported", "negated": False}
    fact |= {"sentence": text[:46], "subject_start": 0, "subject_end": 4, "n_sources": 1, "source_spans": "0:46"}
    error = {"doc_id": doc, "path": "x.jsonl:2", "stage": "ingest", "error_type": "bad_record", "message": INJECTION}
    return make_tables(
        documents=[document],
        parts=[
            {"doc_id": doc, "part": "body", "part_index": 0, "start": 0, "end": 46},
            {"doc_id": doc, "part": "comment", "part_index": 1, "start": 47, "end": len(text)},
        ],
        entities=[entity],
        facts=[fact | sentence],
        errors=[error],
    )


# --------------------------------------------------------------------------- data preparation


@pytest.mark.parametrize(
    "value, text",
    [(3_000_000.0, "3,000,000"), (14.0, "14"), (0.125, "0.125"), (1.5, "1.5"), (-2.0, "-2"), (None, "")],
)
def test_number_formats_amounts_for_reading(value, text):
    assert number(value) == text


@pytest.mark.parametrize(
    "value, value_max, bound, text",
    [
        (3e6, None, ">", "> 3,000,000"),
        (3e6, None, "=", "3,000,000"),
        (2.0, 5.0, "=", "2 – 5"),
        (1.5, None, "~", "~ 1.5"),
        (7.0, None, None, "7"),
    ],
)
def test_amount_shows_bound_and_range(value, value_max, bound, text):
    assert amount(value, value_max, bound) == text


@pytest.mark.parametrize(
    "row, tip",
    [
        ({"type": "DATE", "value": "2012-06-12", "start_date": "2012-06-12", "end_date": "2012-06-12"},
         "DATE · TIMEX3 2012-06-12 · 2012-06-12"),
        ({"type": "DATE", "value": "2012", "mod": "END", "start_date": "2012-09-01", "end_date": "2012-12-31",
          "anchor": "published"},
         "DATE · TIMEX3 2012 · mod END · 2012-09-01 – 2012-12-31 · resolved against published"),
        ({"type": "SET", "value": "P1W", "quant": "EVERY", "start_date": None}, "SET · TIMEX3 P1W · EVERY"),
        ({"type": "DURATION", "value": "P6M", "start_date": None}, "DURATION · TIMEX3 P6M"),
    ],
)  # fmt: skip
def test_date_tip_shows_the_timex3_value(row, tip):
    assert date_tip(row) == tip


@pytest.mark.parametrize(
    "row, tip",
    [
        ({"value": 3e6, "unit": "unit", "unit_text": "units", "bound": ">", "kind": "count", "change": "up"},
         "> 3,000,000 unit · count · change up · unit as written: units"),
        ({"value": 1.13e9, "unit": "USD", "unit_text": "$", "bound": "=", "kind": "currency", "per": "year"},
         "1,130,000,000 USD per year · currency · unit as written: $"),
        ({"value": 2.0, "value_max": 3.0, "unit": "percent", "unit_text": "percent", "bound": "=", "kind": "percent"},
         "2 – 3 percent · percent"),
        ({"value": 100.0, "unit": "GBP", "bound": "~", "kind": "currency", "currency_assumed": True, "vague": True},
         "~ 100 GBP · currency · currency assumed from context · vague"),
    ],
)  # fmt: skip
def test_quantity_tip_shows_value_and_unit(row, tip):
    assert quantity_tip(row) == tip


def test_entity_tip_names_label_and_canonical_name():
    assert entity_tip({"label": "ORG", "canonical_name": "Xiaomi"}) == "ORG · Xiaomi"


def _fact(**values) -> dict:
    base = {"subject": "Xiaomi", "property_key": "ship", "value": 1.0, "value_max": None, "unit": "unit"}
    base |= {"start_date": None, "doc": 0, "subject_start": None, "subject_end": None}
    base |= {"sentence_start": 0, "sentence_end": 10, "source_spans": "0:10"}
    return base | values


@pytest.mark.parametrize(
    "facts, marks",
    [
        ([_fact()], []),
        ([_fact(subject_start=3, subject_end=9)], [[3, 9, "subj", "fact subject: Xiaomi · 1 fact(s): ship"]]),
        (
            [_fact(subject_start=3, subject_end=9), _fact(subject_start=3, subject_end=9, property_key="launch")],
            [[3, 9, "subj", "fact subject: Xiaomi · 2 fact(s): ship, launch"]],
        ),
        (
            [_fact(subject_start=20, subject_end=26), _fact(subject_start=3, subject_end=9, subject="Taiwan")],
            [[3, 9, "subj", "fact subject: Taiwan · 1 fact(s): ship"],
             [20, 26, "subj", "fact subject: Xiaomi · 1 fact(s): ship"]],
        ),
    ],
)  # fmt: skip
def test_subject_marks_one_per_distinct_span(facts, marks):
    assert subject_marks(facts) == marks


@pytest.mark.parametrize(
    "facts, spans",
    [
        ([_fact()], [[0, 10]]),
        ([_fact(source_spans="0:10;40:50")], [[0, 10], [40, 50]]),
        ([_fact(sentence_start=40, sentence_end=50, source_spans="40:50"), _fact()], [[0, 10], [40, 50]]),
    ],
)
def test_sentence_spans_cover_every_source_sentence_once(facts, spans):
    assert sentence_spans(facts) == spans


@pytest.mark.parametrize(
    "facts, published, series",
    [
        ([_fact(start_date="2012-06-12", value=3.0)], [None],
         {"Xiaomi": [{"key": "ship", "unit": "unit", "points": [["2012-06-12", 3.0, None, 0, "fact"]]}]}),
        ([_fact(value=3.0)], ["2012-06-01"],
         {"Xiaomi": [{"key": "ship", "unit": "unit", "points": [["2012-06-01", 3.0, None, 0, "published"]]}]}),
        ([_fact(value=3.0)], [None], {}),
        ([_fact(value=None, start_date="2012-01-01")], [None], {}),
        ([_fact(subject=None, start_date="2012-01-01")], [None], {}),
        ([_fact(start_date="2013-01-01", value=2.0), _fact(start_date="2012-01-01", value=1.0),
          _fact(start_date="2012-01-01", unit="USD", value=9.0)], [None],
         {"Xiaomi": [
             {"key": "ship", "unit": "unit",
              "points": [["2012-01-01", 1.0, None, 1, "fact"], ["2013-01-01", 2.0, None, 0, "fact"]]},
             {"key": "ship", "unit": "USD", "points": [["2012-01-01", 9.0, None, 2, "fact"]]},
         ]}),
    ],
)  # fmt: skip
def test_chart_series_per_subject_property_and_unit(facts, published, series):
    assert chart_series(facts, published) == series


@pytest.mark.parametrize("dtype", ["date32", "datetime64[s]"])
def test_records_give_iso_dates_and_none_for_nulls(dtype):
    frame = make_tables(
        dates=[
            {"doc_id": "a", "start": 0, "end": 4, "text": "2012", "type": "DATE", "value": "2012", "part": "body"}
            | {"part_index": 0, "start_date": pd.Timestamp("2012-01-01").date()},
            {"doc_id": "a", "start": 5, "end": 9, "text": "week", "type": "DURATION", "value": "P1W", "part": "body"}
            | {"part_index": 0},
        ]
    ).dates
    if dtype != "date32":
        frame = frame.astype({"start_date": dtype})
    rows = records(frame, ["start_date", "mod", "start"])
    assert rows == [
        {"start_date": "2012-01-01", "mod": None, "start": 0},
        {"start_date": None, "mod": None, "start": 5},
    ]


@pytest.mark.parametrize(
    "text", ["</script><script>alert(1)</script>", "<!-- x", "a & b", "line\u2028sep\u2029", "ümlaut ☃", '"quoted"']
)
def test_embed_json_has_no_markup_characters_and_round_trips(text):
    embedded = embed_json({"text": text})
    assert not re.search("[<>&\u2028\u2029]", embedded)
    assert json.loads(embedded) == {"text": text}


def test_build_payload_marks_facts_and_errors():
    payload = build_payload(injection_tables())
    (doc,) = payload["docs"]
    assert [m[2] for m in doc["marks"]] == ["ent", "subj"]
    assert doc["parts"] == [["body", 0, 0, 46], ["comment", 1, 47, len(doc["text"])]]
    assert doc["sents"] == [[0, 46]] and doc["facts"] == [0]
    fact = dict(zip(payload["facts"]["cols"], payload["facts"]["rows"][0], strict=True))
    assert (fact["doc"], fact["value"], fact["sentence_start"]) == (0, 5e6, 0)
    assert payload["errors"]["rows"] == [["doc<1>&", "x.jsonl:2", "ingest", "bad_record", INJECTION]]
    assert payload["meta"]["counts"]["facts"] == 1


def test_page_keeps_article_markup_as_text():
    page = render_page(build_payload(injection_tables()))
    assert page.count("<script") == 2 and page.lower().count("</script") == 2  # the data and the code
    data = page.split('<script type="application/json" id="report-data">', 1)[1].split("</script>", 1)[0]
    assert not re.search("[<>&]", data)
    assert json.loads(data)["docs"][0]["text"].endswith(INJECTION)
    assert "<img" not in page and "<!--" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "http" not in csp
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing loaded from elsewhere


def test_write_report_refuses_a_folder_without_tables(tmp_path):
    with pytest.raises(FileNotFoundError, match="no processed tables"):
        write_report(tmp_path, tmp_path / REPORT_NAME)
    with pytest.raises(FileNotFoundError, match="no processed tables"):
        write_report(tmp_path / "missing", tmp_path / REPORT_NAME)
    assert not list(tmp_path.iterdir())


# --------------------------------------------------------------------------- the sample corpus


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The sample corpus run once (the model loads once for this module)."""
    out = tmp_path_factory.mktemp("report")
    run(ROOT / "data" / "raw", out, Settings())
    return out


@pytest.fixture(scope="module")
def sample_tables(sample) -> Tables:
    return load_tables(sample)


@pytest.fixture(scope="module")
def sample_report(sample) -> Path:
    return write_report(sample, sample / REPORT_NAME)


def test_sample_payload_counts_match_the_tables(sample_tables):
    payload = build_payload(sample_tables)
    assert [d["id"] for d in payload["docs"]] == list(sample_tables.documents["doc_id"])
    assert len(payload["facts"]["rows"]) == len(sample_tables.facts)
    kinds = pd.Series([m[2] for d in payload["docs"] for m in d["marks"]]).value_counts().to_dict()
    subjects = sample_tables.facts.dropna(subset=["subject_start"]).drop_duplicates(["doc_id", "subject_start"])
    assert kinds == {
        "ent": len(sample_tables.entities),
        "date": len(sample_tables.dates),
        "qty": len(sample_tables.quantities),
        "subj": len(subjects),
    }


@pytest.mark.parametrize(
    "args, message",
    [
        (["report", "--output", "no/such/folder"], "no processed tables"),
        (["report", "--bogus"], "No such option"),
        (["report", "--open", "yes"], "unexpected extra argument"),
    ],
)
def test_report_command_wrong_lines_give_one_line_and_exit_2(args, message, monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["pipeline", *args])
    monkeypatch.chdir(ROOT)
    with pytest.raises(SystemExit) as exit_info:
        main()
    stderr = capsys.readouterr().err
    assert exit_info.value.code == 2 and message in stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr


def test_report_command_writes_the_page_without_loading_spacy(sample, tmp_path):
    folder = tmp_path / "tables"
    shutil.copytree(sample, folder)
    command = [sys.executable, "-X", "importtime", "-m", "pipeline", "report", "--output", str(folder)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(folder / REPORT_NAME)
    assert (folder / REPORT_NAME).stat().st_size > 10_000
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "pandas" in imported and "spacy" not in imported and "thinc" not in imported


def test_report_open_hands_the_page_to_the_web_browser(sample, tmp_path, monkeypatch):
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    folder = shutil.copytree(sample, tmp_path / "tables")
    result = CliRunner().invoke(app, ["report", "--output", str(folder), "--open"])
    assert result.exit_code == 0, result.output
    assert opened == [(folder / REPORT_NAME).resolve().as_uri()]


# --------------------------------------------------------------------------- in a real browser


BROWSER_REQUIRED = "PIPELINE_TEST_BROWSER_REQUIRED"
CHROME_ARGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000")


def _chromium() -> tuple[str, str] | None:
    browser = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def browser():
    found = _chromium()
    if found is None:
        why = "chromium and chromedriver not installed (apt-get install -y chromium chromium-driver)"
        if os.environ.get(BROWSER_REQUIRED) == "1":  # CI sets it: there the browser tests must run
            pytest.fail(f"{why}, and {BROWSER_REQUIRED}=1")
        pytest.skip(why)
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for arg in CHROME_ARGS:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(found[1]), options=options)
    yield driver
    driver.quit()


def _open(driver, page: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(page.resolve().as_uri())
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))


def _wait_route(driver, hash_: str) -> None:
    """Until the page has routed to ``hash_`` (hashchange is handled after the click returns)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.body.dataset.route") == hash_[1:])


def _wait_text(driver, element_id: str, text: str) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    script = "return document.getElementById(arguments[0]).textContent"
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(script, element_id) == text)


def _go(driver, hash_: str) -> None:
    driver.execute_script("location.hash = arguments[0]", hash_)
    _wait_route(driver, hash_)


def _console_errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _cells(driver, selector: str) -> list[list[str]]:
    script = "return [...document.querySelectorAll(arguments[0])].map(r => [...r.cells].map(c => c.innerText.trim()))"
    return driver.execute_script(script, selector)


def _seed_gold_facts() -> list[tuple[str, dict]]:
    records_ = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(SEED_DOCS[r["id"]], fact) for r in records_ if r["id"] in SEED_DOCS for fact in r["facts"]]


def test_browser_shows_the_seed_facts_and_filters_them(browser, sample_report, sample_tables, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, sample_report)
    rows = _cells(browser, "#facts-table tbody tr")
    assert len(rows) == len(sample_tables.facts)
    # Document, Subject, Property, Predicate, Value, Unit, Time, Modality, Attribution, Part, Sentence
    for _, gold in _seed_gold_facts():
        value = amount(gold["value"], None, gold["bound"]) if gold["value"] is not None else ""
        hits = [
            r for r in rows
            if (r[1], r[3], r[5], r[7]) == (gold["subject"], gold["predicate"], gold["unit"] or "", gold["modality"])
            and r[4].startswith(value) and r[6].startswith(gold["time_value"] or "")
        ]  # fmt: skip
        assert len(hits) == 1, (gold, rows)

    subject = browser.find_element(By.ID, "f-subject")
    subject.send_keys("Taiwan")
    expected = sample_tables.facts["subject"].astype(object).fillna("").str.contains("taiwan", case=False).sum()
    assert 0 < expected < len(sample_tables.facts)
    _wait_text(browser, "fact-matches", str(expected))
    assert len(_cells(browser, "#facts-table tbody tr")) == expected
    browser.find_element(By.ID, "f-reset").click()
    browser.find_element(By.CSS_SELECTOR, "#f-modality option[value='forecast']").click()
    forecasts = int((sample_tables.facts["modality"] == "forecast").sum())
    _wait_text(browser, "fact-matches", str(forecasts))

    shot = tmp_path / "facts.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5_000
    assert _console_errors(browser) == []


def test_browser_sorts_the_facts_table(browser, sample_report, sample_tables):
    from selenium.webdriver.common.by import By

    _open(browser, sample_report)
    browser.find_element(By.CSS_SELECTOR, "#facts-table th[data-sort='property_key']").click()
    keys = [r[2] for r in _cells(browser, "#facts-table tbody tr")]
    assert keys == sorted(sample_tables.facts["property_key"])
    browser.find_element(By.CSS_SELECTOR, "#facts-table th[data-sort='property_key']").click()
    assert [r[2] for r in _cells(browser, "#facts-table tbody tr")] == keys[::-1]
    assert _console_errors(browser) == []


COUNT_MARKS = """
const view = document.querySelector('#doc-view .doc-text');
const ids = {};
view.querySelectorAll('[data-m]').forEach(el => {
  const kind = el.classList.contains('sent') ? 'sent' : [...el.classList].find(c => c.startsWith('m-')).slice(2);
  (ids[kind] = ids[kind] || new Set()).add(el.dataset.m);
});
return Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.size]));
"""


def test_browser_highlights_every_mention_of_each_document(browser, sample_report, sample_tables, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, sample_report)
    t = sample_tables
    for i, doc_id in enumerate(t.documents["doc_id"]):
        _go(browser, f"#d{i}")
        assert browser.find_element(By.CSS_SELECTOR, "#doc-view").get_attribute("data-doc") == str(i)
        facts = t.facts[t.facts["doc_id"] == doc_id]
        expected = {
            "ent": int((t.entities["doc_id"] == doc_id).sum()),
            "date": int((t.dates["doc_id"] == doc_id).sum()),
            "qty": int((t.quantities["doc_id"] == doc_id).sum()),
            "subj": len(facts.dropna(subset=["subject_start"]).drop_duplicates(["subject_start", "subject_end"])),
            "sent": len(sentence_spans(records(facts, ["sentence_start", "sentence_end", "source_spans"]))),
        }
        found = browser.execute_script(COUNT_MARKS)
        assert {k: found.get(k, 0) for k in expected} == expected
        legend = {
            el.get_attribute("data-count"): int(el.text)
            for el in browser.find_elements(By.CSS_SELECTOR, "[data-count]")
        }
        assert legend == expected
        parts = {el.get_attribute("data-part") for el in browser.find_elements(By.CSS_SELECTOR, "#doc-view .part")}
        assert parts >= set(t.parts.loc[t.parts["doc_id"] == doc_id, "part"])
        assert len(_cells(browser, "#doc-view table.doc-facts tbody tr")) == len(facts)
    assert browser.find_element(By.CSS_SELECTOR, ".part-comment .part-label").text.lower().startswith("reader comment")
    title = browser.find_element(By.CSS_SELECTOR, "#doc-view .m-qty").get_attribute("title")
    assert re.search(r"\d", title) and "·" in title
    assert browser.save_screenshot(str(tmp_path / "document.png"))
    assert _console_errors(browser) == []


def test_browser_fact_links_open_their_sentence(browser, sample_report, sample_tables):
    from selenium.webdriver.common.by import By

    _open(browser, sample_report)
    fact = sample_tables.facts.iloc[-1]
    link = browser.find_elements(By.CSS_SELECTOR, "#facts-table a.sent-link")[-1]
    link.click()
    doc = list(sample_tables.documents["doc_id"]).index(fact["doc_id"])
    _wait_route(browser, f"#d{doc}-s{fact['sentence_start']}")
    target = browser.find_element(By.ID, f"d{doc}-s{fact['sentence_start']}")
    assert "flash" in target.get_attribute("class")
    assert target.get_attribute("textContent").strip() == fact["sentence"].strip()
    _go(browser, "#chart")
    assert browser.find_elements(By.CSS_SELECTOR, "#charts svg circle.pt")
    _go(browser, "#errors")
    assert browser.find_element(By.ID, "error-count").text == "No errors in this run."
    assert _console_errors(browser) == []


def test_browser_renders_article_markup_as_text(browser, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    page = write_report(injection_tables(), tmp_path / REPORT_NAME)
    _open(browser, page)
    for hash_ in ("#facts", "#d0", "#chart", "#errors"):
        _go(browser, hash_)
        assert browser.execute_script("return window.injected === undefined")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018
    _go(browser, "#d0")
    text = browser.find_element(By.CSS_SELECTOR, "#doc-view .doc-text").text
    assert INJECTION in text
    assert browser.find_element(By.CSS_SELECTOR, "#doc-view h2").text == INJECTION
    assert not browser.find_elements(
        By.CSS_SELECTOR, "#doc-view img, .doc-text b, #doc-view h2 *, a[href^='javascript']"
    )
    assert _console_errors(browser) == []
