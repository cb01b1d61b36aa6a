"""Drawing a blind batch: a fixed hash order, the filters, and what is left out."""

from __future__ import annotations

import json

import pytest

from pipeline.evaluate.draw import bbc_fits, draw, draw_batch, named_ids, order_key, reuters_fits, text_key

_WORDS = " ".join(["word"] * 70)


@pytest.mark.parametrize(
    ("record", "fits"),
    [
        pytest.param({"section": "business", "text": "Sales rose 5% to $3bn in 2004."}, True, id="bbc_business"),
        pytest.param({"section": "sport", "text": "He scored 3 goals in 2 games on 1 day."}, False, id="bbc_sport"),
        pytest.param({"section": "tech", "text": "It sold 4 million."}, False, id="bbc_few_numbers"),
    ],
)
def test_bbc_filter(record, fits):
    assert bbc_fits(record) is fits


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        pytest.param(f"TITLE\n{_WORDS} 1 2 3", True, id="body_60_words"),
        pytest.param("TITLE\nShr 1 cts vs 2 cts Net 3 mln", False, id="short_table"),
        pytest.param(f"TITLE 1 2 3\n{_WORDS}", False, id="numbers_only_in_title"),
    ],
)
def test_reuters_filter(text, fits):
    assert reuters_fits({"text": text}) is fits


def _records(n):
    return [{"id": f"reuters-{i}", "text": f"TITLE\nStory {i} with {i} and {i + 1} and {i + 2}."} for i in range(n)]


def test_the_draw_is_the_hash_order_and_leaves_out_what_it_must():
    records = _records(40)
    dev_text = text_key(records[3]["text"])
    picked = draw(records, 7, fits=lambda r: True, excluded={"reuters-5"}, dev_texts={dev_text}, size=10)
    ids = [r["id"] for r in picked]
    assert len(ids) == 10
    assert "reuters-5" not in ids and "reuters-3" not in ids  # excluded; a dev article's text
    assert ids == sorted(ids, key=lambda i: order_key(7, i))
    assert ids == [r["id"] for r in draw(records, 7, fits=lambda r: True, excluded={"reuters-5"}, dev_texts={dev_text})]
    assert ids != [r["id"] for r in draw(records, 8, fits=lambda r: True, excluded={"reuters-5"}, dev_texts=set())]


def test_named_ids_reads_every_article_id_of_a_file(tmp_path):
    path = tmp_path / "ids.md"
    path.write_text("batch 1: bbc-tech-232, reuters-8763 and reuters-12 (not bbc-tech-1234x)\n", encoding="utf-8")
    assert named_ids([path, tmp_path / "missing.txt"]) == {"bbc-tech-232", "reuters-8763", "reuters-12"}


def _bbc(n: int) -> list[dict]:
    """BBC records with ids no README names (the README's ids are left out of every draw)."""
    return [
        {"id": f"bbc-business-9{i:02d}", "section": "business", "text": f"T\nUp {i}% to {i}m in {i}."} for i in range(n)
    ]


def _layout(tmp_path, bbc: list[dict], reu: list[dict], dev_bbc: str = "", dev_reu: str = ""):
    """The corpora and dev folders draw_batch reads, written under ``tmp_path``."""
    corpora, dev = tmp_path / "corpora", tmp_path / "dev"
    corpora.mkdir()
    dev.mkdir()
    (corpora / "bbc_news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in bbc), encoding="utf-8")
    (corpora / "reuters21578_train.jsonl").write_text("".join(json.dumps(r) + "\n" for r in reu), encoding="utf-8")
    (dev / "facts_dev_docs.txt").write_text(dev_bbc, encoding="utf-8")
    (dev / "facts_dev_reuters_docs.txt").write_text(dev_reu, encoding="utf-8")
    return corpora, dev


def test_draw_batch_writes_the_layout_evaluate_batch_reads(tmp_path):
    reu = [{"id": f"reuters-9999{i}", "text": f"TITLE {i}\nStory {i}: {_WORDS} {i} {i}"} for i in range(5)]
    corpora, dev = _layout(tmp_path, _bbc(5), reu, "bbc-business-900\n", "reuters-99990\n")
    drawn = draw_batch(3, tmp_path / "blind3", corpora=corpora, dev=dev, size=2)
    assert {k: len(v) for k, v in drawn.items()} == {"bbc": 2, "reu": 2}
    assert "bbc-business-900" not in drawn["bbc"] and "reuters-99990" not in drawn["reu"]
    written = [json.loads(line)["id"] for line in (tmp_path / "blind3" / "docs_reu.jsonl").read_text().splitlines()]
    assert written == drawn["reu"]


def test_draw_batch_leaves_out_a_story_filed_again_under_another_id(tmp_path):
    bbc = _bbc(4)
    bbc.append({**bbc[1], "id": "bbc-business-950"})  # the same story as 901, filed twice
    corpora, dev = _layout(tmp_path, bbc, [])
    earlier = tmp_path / "ids.txt"
    earlier.write_text("bbc-business-901\n", encoding="utf-8")
    drawn = draw_batch(3, tmp_path / "blind3", corpora=corpora, dev=dev, exclude=[earlier], size=10)
    assert sorted(drawn["bbc"]) == ["bbc-business-900", "bbc-business-902", "bbc-business-903"]


def test_cli_fails_on_an_exclude_file_that_is_not_there(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    corpora, dev = tmp_path / "corpora", tmp_path / "dev"
    corpora.mkdir()
    dev.mkdir()
    for path in (corpora / "bbc_news.jsonl", corpora / "reuters21578_train.jsonl", dev / "facts_dev_docs.txt"):
        path.write_text("", encoding="utf-8")
    args = ["evaluate", "draw-batch", "5", str(tmp_path / "out"), "--corpora", str(corpora), "--dev", str(dev)]
    result = CliRunner().invoke(app, [*args, "--exclude", str(tmp_path / "blind4" / "ids.txt")])
    assert result.exit_code == 2
    assert "not found" in result.output and "ids.txt" in result.output
    assert not (tmp_path / "out").exists()  # nothing drawn
