"""Draw a blind batch: articles from the benchmark corpora that nobody here has tuned to, by a fixed hash.

Batch ``n`` orders each corpus by ``md5("blind<n>:" + id)`` and takes the first ``size`` articles that
pass its filter (BBC: business, tech or politics with at least three numbers; Reuters: a body of 60-300
words with at least three digit groups, as the dev gold was chosen), leaving out the dev articles,
every article id already named in ``tests/data/README_facts.md`` (earlier batches), the ids of
``exclude`` files, and any article whose text repeats one of theirs (the BBC set files some stories
twice). The records are written as ``docs_bbc.jsonl`` and ``docs_reu.jsonl`` (the layout
``pipeline evaluate batch`` reads) outside the project: the corpora may not be committed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..config import PROJECT_ROOT
from .dev_facts import CORPORA, DEV_DIR

README_FACTS = PROJECT_ROOT / "tests" / "data" / "README_facts.md"
_IDS = re.compile(r"\b(?:bbc-[a-z]+-\d{3}|reuters-\d+)\b")
_NUMBER = re.compile(r"\d+")
SOURCES = {
    "bbc": ("bbc_news.jsonl", "facts_dev_docs.txt"),
    "reu": ("reuters21578_train.jsonl", "facts_dev_reuters_docs.txt"),
}


def bbc_fits(record: dict[str, Any]) -> bool:
    """A BBC business, tech or politics article with at least three numbers."""
    return record.get("section") in ("business", "tech", "politics") and len(_NUMBER.findall(record["text"])) >= 3


def reuters_fits(record: dict[str, Any]) -> bool:
    """A Reuters article whose body (the text after the title line) has 60-300 words and three digit groups."""
    body = record["text"].split("\n", 1)[-1]
    return 60 <= len(body.split()) <= 300 and len(_NUMBER.findall(body)) >= 3


FILTERS: dict[str, Callable[[dict[str, Any]], bool]] = {"bbc": bbc_fits, "reu": reuters_fits}


def named_ids(paths: Iterable[Path]) -> set[str]:
    """Every BBC or Reuters article id written in these files (a README, id lists)."""
    return {i for p in paths if Path(p).is_file() for i in _IDS.findall(Path(p).read_text(encoding="utf-8"))}


def text_key(text: str) -> str:
    """An article's opening, white space normalised: the same story filed under two ids shares it."""
    return " ".join(text.split())[:300]


def order_key(batch: int, doc_id: str) -> str:
    return hashlib.md5(f"blind{batch}:{doc_id}".encode()).hexdigest()


def draw(
    records: list[dict[str, Any]],
    batch: int,
    *,
    fits: Callable[[dict[str, Any]], bool],
    excluded: set[str],
    dev_texts: set[str],
    size: int = 10,
) -> list[dict[str, Any]]:
    """The batch's articles of one corpus, in draw order."""
    chosen = [r for r in records if r["id"] not in excluded and fits(r) and text_key(r["text"]) not in dev_texts]
    return sorted(chosen, key=lambda r: order_key(batch, r["id"]))[:size]


def draw_batch(
    batch: int,
    out: Path,
    *,
    corpora: Path = CORPORA,
    dev: Path = DEV_DIR,
    exclude: Iterable[Path] = (),
    size: int = 10,
) -> dict[str, list[str]]:
    """Write ``docs_bbc.jsonl`` and ``docs_reu.jsonl`` of batch ``batch`` into ``out``; the drawn ids per corpus."""
    out.mkdir(parents=True, exist_ok=True)
    excluded = named_ids([README_FACTS, *exclude])
    drawn: dict[str, list[str]] = {}
    for name, (corpus, dev_ids_file) in SOURCES.items():
        records = [json.loads(line) for line in (corpora / corpus).read_text(encoding="utf-8").splitlines() if line]
        dev_ids = set((dev / dev_ids_file).read_text(encoding="utf-8").split())
        seen = excluded | dev_ids
        seen_texts = {text_key(r["text"]) for r in records if r["id"] in seen}
        picked = draw(records, batch, fits=FILTERS[name], excluded=seen, dev_texts=seen_texts, size=size)
        (out / f"docs_{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in picked), encoding="utf-8")
        drawn[name] = [r["id"] for r in picked]
    return drawn
