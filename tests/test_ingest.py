"""Ingest: every input format, the part splitter, publication dates, and every kind of bad input."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import IngestError
from pipeline.ingest import (
    article_from_record,
    decode_bytes,
    find_dateline,
    ingest,
    normalise_published,
    split_parts,
)

SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def parts_of(article):
    return [(p.name, article.text[p.start : p.end].strip()) for p in article.parts]


# --------------------------------------------------------------------------- formats

ARTICLE = "Xiaomi ships phones\n\nXiaomi shipped 3 million units by June 12, 2012.\n"


@pytest.mark.parametrize(
    "name, content, title, body_start",
    [
        ("a.txt", ARTICLE, "Xiaomi ships phones", "Xiaomi shipped"),
        ("a.md", "# Xiaomi ships phones\n\nXiaomi shipped 3 million units.\n", "Xiaomi ships phones", "Xiaomi"),
        ("lead.txt", "Xiaomi shipped 3 million units by June 12, 2012.\nMore text.\n", None, "Xiaomi shipped"),
    ],
)
def test_ingest_plain_text_and_markdown(tmp_path, name, content, title, body_start):
    result = ingest(write(tmp_path, name, content).parent)
    (article,) = result.articles
    assert article.doc_id == name
    assert article.title == title
    body = next(p for p in article.parts if p.name == "body")
    assert article.text[body.start : body.end].strip().startswith(body_start)
    assert article.text == content  # verbatim


def test_ingest_html_main_text_title_date_no_scripts(tmp_path):
    html = """<html><head><title>Xiaomi to enter Taiwan</title>
    <meta property="article:published_time" content="2012-06-14T08:00:00Z">
    <script>var tracking = "do not extract me";</script></head>
    <body><nav>Home | World | Tech</nav><article><h1>Xiaomi to enter Taiwan</h1>
    <p>Xiaomi shipped over three million units by June 12, 2012, the company said on Thursday.</p>
    <p>Lei Jun said the company will ship five million units by the end of the year.</p></article>
    <footer>Copyright 2012 Example News</footer></body></html>"""
    (article,) = ingest(write(tmp_path, "page.html", html).parent).articles
    assert article.title == "Xiaomi to enter Taiwan"
    assert article.published == "2012-06-14"
    assert article.published_source == "html"
    assert "three million units" in article.text
    assert "tracking" not in article.text
    assert [p.name for p in article.parts][:2] == ["title", "body"]


def test_ingest_jsonl_keeps_text_verbatim_and_fields(tmp_path):
    records = [
        {"id": "r1", "text": "\n  Xiaomi shipped 3m units.\r\n", "title": "T", "published": "2012-06-12", "url": "u"},
        {"id": 7, "text": "Second article.", "source": "wire"},
    ]
    path = write(tmp_path, "in.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    result = ingest(path.parent)
    a, b = result.articles
    assert a.text == records[0]["text"] and a.doc_id == "r1" and a.published == "2012-06-12"
    assert a.published_source == "record" and a.url == "u" and a.source_path == "in.jsonl:1"
    assert b.doc_id == "7" and b.source == "wire" and b.published is None
    assert b.published_note  # says why there is no date


def test_ingest_csv_records(tmp_path):
    csv_text = 'id,text,title,published\nc1,"Xiaomi, the maker, shipped 3m units.",Title,2012-06\n'
    (article,) = ingest(write(tmp_path, "in.csv", csv_text).parent).articles
    assert article.doc_id == "c1" and article.text == "Xiaomi, the maker, shipped 3m units."
    assert article.published == "2012-06"


def test_unknown_extensions_are_skipped_and_listed(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    result = ingest(tmp_path)
    assert [a.doc_id for a in result.articles] == ["a.txt"]
    assert result.skipped == ["notes.docx"]


def test_doc_ids_are_relative_paths_and_stable(tmp_path):
    write(tmp_path, "2012/06/a.txt", ARTICLE)
    first = ingest(tmp_path).articles[0]
    second = ingest(tmp_path).articles[0]
    assert first.doc_id == "2012/06/a.txt"
    assert first.text_sha256 == second.text_sha256


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "name, content, error_type",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500), "binary"),
        ("huge.txt", b"word " * 4_200_000, "too_large"),  # 21 MB
        ("empty.html", b"<html><head><script>x=1</script></head><body></body></html>", "no_text"),
    ],
)
def test_bad_files_become_error_rows(tmp_path, name, content, error_type):
    write(tmp_path, name, content)
    write(tmp_path, "good.txt", ARTICLE)
    result = ingest(tmp_path)
    assert [a.doc_id for a in result.articles] == ["good.txt"]  # the run goes on
    (error,) = result.errors
    assert (error.path, error.stage, error.error_type) == (name, "ingest", error_type)
    assert error.message


@pytest.mark.parametrize(
    "encoding",
    ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-8-sig"],
)
def test_odd_encodings_are_decoded(tmp_path, encoding):
    text = "Café owners in Zürich paid €5 — “a lot” — for naïve résumés.\n" * 3
    if encoding == "latin-1":
        text = text.replace("€", "EUR").replace("—", "-").replace("“", '"').replace("”", '"')
    write(tmp_path, "a.txt", text.encode(encoding))
    (article,) = ingest(tmp_path).articles
    assert "Zürich" in article.text and "résumés" in article.text


def test_bad_jsonl_line_is_an_error_and_the_rest_is_read(tmp_path):
    lines = [json.dumps({"id": "1", "text": "One."}), "{not json", '"a string"', json.dumps({"id": "2", "text": ""})]
    lines.append(json.dumps({"text": "no id"}))
    lines.append(json.dumps({"id": "3", "text": "Three."}))
    result = ingest(write(tmp_path, "r.jsonl", "\n".join(lines)).parent)
    assert [a.doc_id for a in result.articles] == ["1", "3"]
    assert [(e.path, e.error_type) for e in result.errors] == [
        ("r.jsonl:2", "bad_record"),
        ("r.jsonl:3", "bad_record"),
        ("r.jsonl:4", "empty"),
        ("r.jsonl:5", "bad_record"),
    ]


def test_duplicate_ids_are_reported(tmp_path):
    lines = [json.dumps({"id": "1", "text": "One."}), json.dumps({"id": "1", "text": "Again."})]
    result = ingest(write(tmp_path, "r.jsonl", "\n".join(lines)).parent)
    assert len(result.articles) == 1 and result.errors[0].error_type == "duplicate_id"


def test_impossible_published_date_is_an_error_not_a_crash(tmp_path):
    lines = [json.dumps({"id": "1", "text": "One.", "published": "2012-02-30"})]
    result = ingest(write(tmp_path, "r.jsonl", "\n".join(lines)).parent)
    assert result.articles == [] and result.errors[0].error_type == "bad_date"


def test_missing_input_folder_raises_clear_error(tmp_path):
    with pytest.raises(IngestError, match="not found"):
        ingest(tmp_path / "nope")


def test_decode_rejects_binary():
    with pytest.raises(IngestError, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03" * 100)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2012-06-12", "2012-06-12"),
        ("2012-06", "2012-06"),
        ("2012", "2012"),
        ("2012-6-1", "2012-06-01"),
        ("2012-06-12T08:30:00Z", "2012-06-12"),
        ("June 12, 2012", "2012-06-12"),
        ("12 June 2012", "2012-06-12"),
        ("", None),
        ("nan", None),
        (None, None),
        ("soon", None),
    ],
)
def test_normalise_published(value, expected):
    assert normalise_published(value) == expected


@pytest.mark.parametrize("value", ["2012-02-30", "2011-13-01", "2013-02-29"])
def test_impossible_dates_raise(value):
    with pytest.raises(IngestError, match="impossible"):
        normalise_published(value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Posted on June 12, 2012 | Tech\nXiaomi shipped...", "2012-06-12"),
        ("BEIJING, June 12, 2012 - Xiaomi shipped...", "2012-06-12"),
        ("Published: 2012-06-12\n\nXiaomi shipped...", "2012-06-12"),
        ("Tuesday, 12 June 2012\nXiaomi...", "2012-06-12"),
        ("Xiaomi shipped 3 million units by June 12, 2012.", None),  # a date in a sentence is not a dateline
        ("Posted on February 30, 2012\nText", None),
    ],
)
def test_dateline(text, expected):
    assert find_dateline(text) == expected


def test_manifest_supplies_dates_and_comments_are_ignored(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "manifest.csv", "# a comment line\npath,published,title,url\na.txt,2012-06,Given title,http://x\n")
    (article,) = ingest(tmp_path).articles
    assert (article.published, article.published_source, article.url) == ("2012-06", "manifest", "http://x")
    assert article.title == "Given title"


def test_record_date_wins_over_dateline():
    article = article_from_record({"id": "x", "text": "Posted on May 1, 2011\nText.", "published": "2012-01-02"})
    assert (article.published, article.published_source) == ("2012-01-02", "record")
    article = article_from_record({"id": "x", "text": "Posted on May 1, 2011\nText."})
    assert (article.published, article.published_source) == ("2011-05-01", "dateline")


def test_mtime_is_never_used(tmp_path):
    (article,) = ingest(write(tmp_path, "a.txt", ARTICLE).parent).articles
    assert article.published is None and article.published_source is None


# --------------------------------------------------------------------------- parts


def test_seed_letter_parts():
    result = ingest(SEEDS)
    letter = next(a for a in result.articles if a.doc_id.startswith("000_"))
    names = parts_of(letter)
    assert names[0] == ("boilerplate", "Breaking News")
    assert names[1][0] == "title" and names[1][1].startswith("Always use high quality products")
    assert names[2][0] == "body" and names[2][1].startswith("Five years ago on 6th April 2010")
    assert names[-1] == ("boilerplate", "No comments")
    assert letter.published == "2015-04-06" and letter.published_source == "manifest"


def test_seed_report_parts():
    result = ingest(SEEDS)
    report = next(a for a in result.articles if a.doc_id.startswith("001_"))
    names = parts_of(report)
    assert names[0][0] == "body" and names[0][1].startswith("Lei Jun, chairman")
    assert names[0][1].endswith("expected to be launched before year-end.")
    comments = [(p.index, report.text[p.start : p.end].strip()[:12]) for p in report.parts if p.name == "comment"]
    assert comments == [(1, "1. Xiaomi ph"), (2, "2. Talk to t")]
    assert names[-2:] == [("boilerplate", "Please enter your comment!"), ("boilerplate", "Please enter your name here")]
    assert report.published == "2012-06"


@pytest.mark.parametrize(
    "text, expected",
    [
        # glued furniture is cut off at the phrase, the sentence stays body
        ("No commentsLei Jun visited Taiwan.", [("boilerplate", "No comments"), ("body", "Lei Jun visited Taiwan.")]),
        # a numbered list inside an article is body, not reader comments
        (
            "Three steps:\n1. Buy.\n2. Hold.\nThat is all, he said.",
            [("body", "Three steps:\n1. Buy.\n2. Hold.\nThat is all, he said.")],
        ),
        # a comment header starts the comment section
        (
            "Body text here.\n\nComments\nGreat article!",
            [("body", "Body text here."), ("boilerplate", "Comments"), ("comment", "Great article!")],
        ),
    ],
)
def test_split_parts(text, expected):
    parts = split_parts(text)
    assert [(p.name, text[p.start : p.end].strip()) for p in parts] == expected


def test_parts_cover_text_without_overlap():
    for article in ingest(SEEDS).articles:
        spans = sorted((p.start, p.end) for p in article.parts)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
        covered = " ".join(article.text[s:e] for s, e in spans)
        assert covered.split() == article.text.split()  # nothing but whitespace left out


# --------------------------------------------------------------------------- fuzzing


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_split_parts_never_crashes_and_parts_stay_inside_the_text(text):
    parts = split_parts(text)
    for p in parts:
        assert 0 <= p.start <= p.end <= len(text)
    spans = sorted((p.start, p.end) for p in parts)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=40), st.from_regex(r"\d{4}-\d{1,2}-\d{1,2}", fullmatch=True)))
def test_normalise_published_returns_iso_or_raises_ingest_error(value):
    try:
        result = normalise_published(value)
    except IngestError:
        return
    assert result is None or result[:4].isdigit()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_decode_bytes_returns_text_or_raises_ingest_error(data):
    with contextlib.suppress(IngestError):
        assert isinstance(decode_bytes(data), str)


def test_markdown_front_matter_gives_title_date_url(tmp_path):
    md = '---\ntitle: "Xiaomi ships phones"\ndate: 2012-06-14\nurl: http://example.com/x\n---\n\n'
    md += "Xiaomi shipped 3m units.\n"
    (article,) = ingest(write(tmp_path, "a.md", md).parent).articles
    assert (article.title, article.published, article.published_source) == (
        "Xiaomi ships phones",
        "2012-06-14",
        "front_matter",
    )
    assert article.url == "http://example.com/x"
    assert parts_of(article) == [
        ("boilerplate", md[: md.index("---\n\n") + 3].strip()),
        ("body", "Xiaomi shipped 3m units."),
    ]


def test_csv_records_stream_long_texts_legacy_encodings_and_bad_rows(tmp_path):
    long_text = "Xiaomi shipped 3 million units. " * 6000  # ~190k chars: over csv's default field limit
    rows = ["id,text,published", f'long,"{long_text}",2012-06', 'cafe,"Café sales rose 5% in Zürich.",', "bad,x,,extra"]
    write(tmp_path, "in.csv", "\n".join(rows).encode("cp1252"))
    result = ingest(tmp_path)
    assert [a.doc_id for a in result.articles] == ["long", "cafe"]
    assert result.articles[0].text == long_text
    assert "Zürich" in result.articles[1].text
    assert [(e.path, e.error_type) for e in result.errors] == [("in.csv:4", "bad_record")]


# --------------------------------------------------------------------------- issue 12, item 8: silent wrong data

CUT_TEXT = "Acme Corp said on Monday that its sales in Zürich rose 5% to €3m — “a record”. "


@pytest.mark.parametrize(
    "data, kept",
    [
        ((CUT_TEXT * 3).encode()[:-3], "“a record"),  # cut inside the closing quote
        ("Sales rose 5% in ไทย".encode()[:-1], "Sales rose 5% in ไท"),  # cut inside a Thai letter
        ("\ufeffCafé sales rose — “a lot”".encode()[:-2], "Café sales rose — “a lot"),  # with a BOM
        ("Café sales rose 5%.".encode("utf-16")[:-1], "Café sales rose 5%"),  # UTF-16 cut in half a unit
    ],
)
def test_a_truncated_utf8_file_stays_utf8_with_an_error_row(tmp_path, data, kept):
    write(tmp_path, "cut.txt", data)
    result = ingest(tmp_path)
    (article,) = result.articles
    assert kept in article.text and article.text.endswith("\ufffd")
    (error,) = result.errors
    assert (error.path, error.error_type) == ("cut.txt", "truncated") and "truncated" in error.message


def test_text_that_is_not_utf8_in_the_middle_still_goes_to_the_charset_guess():
    assert decode_bytes(("Café owners in Zürich paid 5 euros. " * 5).encode("cp1252")).startswith("Café owners")


@pytest.mark.parametrize(
    "published, expected, note",
    [
        ("12/06/2012", "2012-12-06", "ambiguous day/month order in '12/06/2012'; read as month-first"),
        ("12.06.2012", "2012-12-06", "ambiguous day/month order"),
        ("13/06/2012", "2012-06-13", None),  # 13 cannot be a month: day-first, no doubt
        ("06/13/2012", "2012-06-13", None),
        ("06/06/2012", "2012-06-06", None),  # the same day either way
        ("31/02/2012", None, "is not a date"),
    ],
)
def test_numeric_day_month_order_is_recorded_when_ambiguous(published, expected, note):
    article = article_from_record({"id": "a", "text": "Acme said sales rose.", "published": published})
    assert article.published == expected
    assert (note in (article.published_note or "")) if note else article.published_note is None


def test_an_ambiguous_dateline_is_recorded_too():
    article = article_from_record({"id": "a", "text": "Posted on 05/06/2012\nAcme said sales rose."})
    assert (article.published, article.published_source) == ("2012-05-06", "dateline")
    assert "ambiguous day/month order" in article.published_note


@pytest.mark.parametrize("bad", ["2012-02-30", "2011-13-01", "20120230"])
def test_a_bad_manifest_date_keeps_the_article_with_an_error_row(tmp_path, bad):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", "Other story\n\nAcme Corp said sales rose.\n")
    write(tmp_path, "manifest.csv", f"# dates\npath,published,title\na.txt,{bad},Xiaomi\nb.txt,2012-06-01,\n")
    result = ingest(tmp_path)
    a, b = result.articles
    assert (a.doc_id, a.published, a.title) == ("a.txt", None, "Xiaomi")
    assert "impossible" in a.published_note and bad in a.published_note
    assert b.published == "2012-06-01"
    (error,) = result.errors
    assert (error.doc_id, error.path, error.error_type) == ("a.txt", "manifest.csv:3", "bad_date")
    assert "kept" in error.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-32"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_utf16_and_utf32_jsonl_is_read(tmp_path, encoding, newline):
    records = [{"id": "1", "text": "Café sales in Zürich rose 5%."}, {"id": "2", "text": "Ünïcode “quotes”."}]
    text = newline.join(json.dumps(r, ensure_ascii=False) for r in records) + newline + "{broken" + newline
    data = b"\xfe\xff" + text.encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    result = ingest(write(tmp_path, "r.jsonl", data).parent)
    assert [(a.doc_id, a.text) for a in result.articles] == [(r["id"], r["text"]) for r in records]
    assert [(e.path, e.error_type) for e in result.errors] == [("r.jsonl:3", "bad_record")]
