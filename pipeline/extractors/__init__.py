"""Extractors: run the model and every extractor over articles (``extract_articles``).

The subpackages find one kind of mention each (``dates``, ``quantities``, ``entities``) and
``facts`` ties them together; ``nlp`` loads the model once, ``doccache`` keeps per-Doc values.
Only this package touches spaCy Docs; it returns plain records (``pipeline.records``).

Each extracted part of an article (body, each reader comment) is its own Doc, so page
boilerplate glued to a sentence ("No commentsLei Jun ...") never reaches the tokenizer.
Extractors return offsets relative to the part; here they are shifted into ``Article.text``.

Importing this package does not import spaCy: the subpackages that need it (``dates``,
``quantities``, ``entities``, ``facts``) are imported by the functions that run them, or on first
use of ``pipeline.extractors.dates`` and the like (``import_extractors`` imports them all). So a
run that takes every document from the cache, or the CLI reading tables, never pays for spaCy.
"""

from __future__ import annotations

import dataclasses
import time
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..records import (
    EXTRACTED_PARTS,
    Article,
    ArticleExtraction,
    DateMention,
    ErrorRecord,
    Fact,
    Found,
    Part,
    QuantityMention,
)
from .doccache import doc_text
from .spans import SpanIndex, TakenSpans  # noqa: F401  (re-exported for the library)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

STAGES = ("nlp", "dates", "quantities", "entities", "facts")
EXTRACTORS = ("dates", "quantities", "entities", "facts")  # the subpackages; each imports spaCy


def import_extractors() -> None:
    """Import spaCy and every extractor (what the first document that needs the model pays)."""
    import importlib

    for name in EXTRACTORS:
        importlib.import_module(f"{__name__}.{name}")


def __getattr__(name: str) -> Any:
    """``pipeline.extractors.dates`` (and the others) imported on first use, not with the package."""
    if name in EXTRACTORS:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_rules() -> None:
    """Load and check every rule file of the extractors (``RulesError`` names the first bad one).

    Called before any document is read, so a mistyped rule stops the run with one line instead
    of turning every document into an error row.
    """
    from .dates import schema as dates_schema
    from .dates import timex
    from .entities import schema as entities_schema
    from .facts import schema as facts_schema
    from .quantities import schema as quantities_schema

    for schema in (dates_schema, facts_schema, quantities_schema):
        for name in schema.FILES:
            schema.load(name)
    entities_schema.load_fixes()
    entities_schema.load_names()
    timex.patterns()


@dataclass(slots=True)
class StageTimer:
    """Seconds spent per stage, summed over a run (for the summary line and the benchmark)."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    def add(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - since
        return now


def extracted_parts(article: Article) -> list[Part]:
    """The parts extraction runs on (title, body and reader comments), skipping empty ones."""
    return [p for p in article.parts if p.name in EXTRACTED_PARTS and article.text[p.start : p.end].strip()]


def _title(article: Article) -> str | None:
    """The headline: the text of the title part, else the record's title."""
    part = next((p for p in article.parts if p.name == "title"), None)
    return article.text[part.start : part.end].strip() if part is not None else article.title


def _shift(mention, offset: int):
    if offset == 0:
        return mention
    changes = {"start": mention.start + offset, "end": mention.end + offset}
    return dataclasses.replace(mention, **changes)


def _shift_fact(fact: Fact, offset: int) -> Fact:
    if offset == 0:
        return fact

    def move(span):
        return None if span is None else (span[0] + offset, span[1] + offset)

    return dataclasses.replace(
        fact,
        sentence_start=fact.sentence_start + offset,
        sentence_end=fact.sentence_end + offset,
        quantity_span=move(fact.quantity_span),
        date_span=move(fact.date_span),
        subject_span=move(fact.subject_span),
        sources=tuple(move(s) for s in fact.sources),
    )


def extract_from_docs(
    article: Article, docs: list[tuple[Part, Doc]], timer: StageTimer | None = None
) -> ArticleExtraction:
    """Run the extractors over the parsed parts of one article."""
    from . import dates, entities, facts, quantities

    timer = timer or StageTimer()
    t = time.perf_counter()
    per_part = []
    headline = next((doc for part, doc in docs if part.name == "title"), None)
    for part, doc in docs:
        d = dates.find_dates(doc, published=article.published)
        t = timer.add("dates", t)
        q = quantities.find_quantities(doc, exclude=[(m.start, m.end) for m in d])
        d, q = settle_overlaps(d, q)
        r = quantities.find_ranks(doc)
        t = timer.add("quantities", t)
        # a wire headline in capitals ("BNL NEGOTIATING ...") has no names the model can tell apart
        e = [] if part.name == "title" and doc_text(doc).isupper() else entities.find_entities(doc, headline)
        t = timer.add("entities", t)
        per_part.append((part, doc, d, q, r, e))
    title = _title(article)
    all_entities = [m for *_, e in per_part for m in e]
    canonical = entities.canonicalize(all_entities)
    t = timer.add("entities", t)
    found: dict[str, list[Found]] = {k: [] for k in ("dates", "quantities", "ranks", "entities")}
    i = 0
    part_facts: list[Found[Fact]] = []
    for part, doc, d, q, r, e in per_part:
        ents = canonical[i : i + len(e)]
        i += len(e)
        # a headline gives only its amounts (``_headline_facts``): without one, nothing to read
        amountless = part.name == "title" and not q and not any(m.type == "DURATION" for m in d)
        fs = (
            []
            if amountless
            else facts.find_facts(
                doc,
                dates=d,
                quantities=q,
                entities=ents,
                doc_entities=canonical,
                published=article.published,
                title=title,
            )
        )
        if part.name == "title":
            fs = _headline_facts(fs, q, capitals=doc_text(doc).isupper())
        locate = _sentence_locator(doc, part.start)
        for key, mentions in (("dates", d), ("quantities", q), ("ranks", r), ("entities", ents)):
            found[key] += [Found(part, locate(m.start), _shift(m, part.start)) for m in mentions]
        part_facts += [Found(part, locate(f.sentence_start), _shift_fact(f, part.start)) for f in fs]
    # a wire headline (in capitals, or over a dateline) repeats the lead's figure: one row, the body's; a
    # written headline's figure is a row of its own, as the facts guidelines count it ("Ryanair in $4bn
    # Boeing plane deal")
    if _wire_story(docs):
        told = {(f.mention.value, f.mention.unit) for f in part_facts if f.part.name != "title"}
        part_facts = [f for f in part_facts if f.part.name != "title" or (f.mention.value, f.mention.unit) not in told]
    headline = [f.mention for f in part_facts if f.part.name == "title"]
    merged = facts.consolidate(headline) + facts.consolidate([f.mention for f in part_facts if f.part.name != "title"])
    part_of = {(f.mention.sentence_start, f.mention.sentence_end): f.part for f in part_facts}
    fact_rows = tuple(
        Found(part_of.get((f.sentence_start, f.sentence_end), docs[0][0]), (f.sentence_start, f.sentence_end), f)
        for f in merged
    )
    timer.add("facts", t)
    words = sum(count_words(doc) for _, doc in docs)
    return ArticleExtraction(
        article,
        tuple(found["dates"]),
        tuple(found["quantities"]),
        tuple(found["ranks"]),
        tuple(found["entities"]),
        fact_rows,
        words,
    )


def _wire_story(docs: list[tuple[Part, Doc]]) -> bool:
    """Whether the article is a wire story: a headline in capitals, or a body that opens with a dateline
    ("NEW YORK, March 5 -")."""
    from .facts.document import find_dateline

    title = any(part.name == "title" and doc_text(doc).isupper() for part, doc in docs)
    body = next((doc for part, doc in docs if part.name == "body"), None)
    return title or (body is not None and find_dateline(doc_text(body), 0) is not None)


def _headline_facts(found_facts: list[Fact], found_quantities: list[QuantityMention], *, capitals: bool) -> list[Fact]:
    """The headline's amounts ("J&J agrees $25bn Guidant deal": the facts guidelines give a headline's
    numbers rows of their own); not its events, which the body tells with their sentence. A wire
    headline in capitals, which the model parses poorly, keeps only its money, percentages and measures
    ("SELLS UNITS FOR 50 MLN STG"), not the period it names for a results table ("SIX MONTHS TO
    DECEMBER") or a count read off a misparse ("... RAISE U.S. 1987 TOLL TO 10"). ``extract_from_docs``
    then drops an amount the body states again in a wire story ("3.5 PCT" over "about 3.5 pct"); a written
    headline's amounts keep their rows."""
    kinds = {(m.start, m.end): m.kind for m in found_quantities}
    return [
        f
        for f in found_facts
        if f.value is not None
        and not (
            capitals and (kinds.get(f.quantity_span) not in _HEADLINE_KINDS or (f.unit or "").lower() in TIME_UNITS)
        )
    ]


_HEADLINE_KINDS = frozenset({"currency", "percent", "dimension"})


TIME_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century", "millennium"}
)
MEASURED_TIME_UNITS = frozenset({"second", "millisecond", "minute"})


def settle_overlaps(
    found_dates: list[DateMention], found_quantities: list[QuantityMention]
) -> tuple[list[DateMention], list[QuantityMention]]:
    """Make sure no span is both a date and an amount.

    The quantities extractor keeps a candidate overlapping a date only when it is a strong amount
    (currency, percent, unit, scale word). Where a date and an amount still overlap, the rule is:
    an amount of plain time units with no rate ("95 years") is a duration and belongs to
    ``dates``, except a fractional timing ("6.62 seconds"), which is a measurement, and an age
    (kind "age": "95 years of age", "aged 42"), which stays an amount; any other amount
    wins and the date goes ("an hour" in "188 miles an hour",
    "two thousand" in "two hundred and two thousand").
    """
    if not found_dates or not found_quantities:
        return found_dates, found_quantities

    def is_duration(q: QuantityMention) -> bool:
        if q.kind == "age":
            return False  # "3 years of age", "aged 42": an age stays an amount; the duration goes
        timing = q.unit in MEASURED_TIME_UNITS and not float(q.value).is_integer()  # "6.62 seconds": a race time
        return q.unit in TIME_UNITS and q.per is None and not timing

    dates = SpanIndex((d.start, d.end) for d in found_dates)
    kept_q = [q for q in found_quantities if not (is_duration(q) and dates.hit(q.start, q.end))]
    amounts = SpanIndex((q.start, q.end) for q in kept_q)
    kept_d = [d for d in found_dates if not amounts.hit(d.start, d.end)]
    return kept_d, kept_q


def count_words(doc: Doc) -> int:
    """The tokens that are neither white space nor punctuation."""
    from .doccache import token_ids

    return sum(
        1
        for space, punct in zip(token_ids(doc, "IS_SPACE"), token_ids(doc, "IS_PUNCT"), strict=True)
        if not (space or punct)
    )


def _sentence_locator(doc: Doc, offset: int):
    """Map a character offset in ``doc`` to its sentence's (start, end) in article offsets."""
    sents = [(s.start_char, s.end_char) for s in doc.sents] or [(0, len(doc.text))]
    starts = [s for s, _ in sents]

    def locate(char: int) -> tuple[int, int]:
        s, e = sents[max(0, bisect_right(starts, char) - 1)]
        return s + offset, e + offset

    return locate


def extract_one(article: Article, docs: list[tuple[Part, Doc]], timer: StageTimer) -> ArticleExtraction | ErrorRecord:
    """``extract_from_docs``, with a failure in any extractor turned into an error row for that article."""
    try:
        return extract_from_docs(article, docs, timer)
    except Exception as exc:  # one bad document must never stop a corpus run
        return ErrorRecord(
            article.doc_id,
            article.source_path,
            "extract",
            type(exc).__name__,
            f"{exc}".splitlines()[0][:500] if str(exc) else repr(exc),
        )


# A part longer than SPLIT_CHARS (longer than any news article of the BBC or Reuters corpora) is
# parsed in pieces of at most PIECE_CHARS, cut at paragraph breaks, and the pieces' Docs are joined
# into one Doc for the extractors (``Doc.from_docs``: same text, offsets and annotations). On one
# long Doc the model is superlinear (tok2vec and ner: 3.1 s for 50k characters, 28 s for 400k) and
# its working memory grows with the Doc (1.4 GB at 400k); in pieces it is linear (20 s at 400k).
# A piece boundary is a paragraph break, where a sentence or entity rarely runs on anyway.
SPLIT_CHARS = 30_000
PIECE_CHARS = 10_000
# Characters per ``nlp.pipe`` call: the model's working memory grows with the text of a batch, so
# the pieces of one long part go through a few at a time (engines.local.BATCH_CHARS bounds the
# articles of a chunk the same way).
PIPE_CHARS = 150_000


def split_text(text: str, *, limit: int = PIECE_CHARS) -> list[str]:
    """``text`` cut after paragraph breaks ("\\n\\n") into pieces of at most ``limit`` characters
    (a paragraph longer than that is cut after its last line break or space before the limit, else
    at the limit). The pieces join back to ``text``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", " "):
            cut = text.rfind(sep, start + 1, end)
            if cut > start:
                cut += len(sep)
                break
        if cut <= start:
            cut = end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _part_texts(article: Article, part: Part) -> list[str]:
    text = article.text[part.start : part.end]
    return [text] if len(text) <= SPLIT_CHARS else split_text(text, limit=PIECE_CHARS)


def _join_docs(docs: list[Doc]) -> Doc:
    """The Docs of a part's pieces as one Doc of the part's text."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def extract_articles(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = 64,
    timer: StageTimer | None = None,
) -> Iterator[ArticleExtraction | ErrorRecord]:
    """Stream articles through ``nlp.pipe`` in batches and yield one extraction per article, in order.

    Each ``nlp.pipe`` call takes at most ``batch_size`` texts and about ``PIPE_CHARS`` characters.
    """
    timer = timer or StageTimer()
    pending: dict[int, tuple[Article, int, list[tuple[Part, Doc]]]] = {}
    order: list[int] = []
    pieces: list[Doc] = []  # the Docs so far of the part being parsed in pieces

    def texts():
        for n, article in enumerate(articles):
            parts = extracted_parts(article)
            pending[n] = (article, len(parts), [])
            order.append(n)
            for part in parts:
                cut = _part_texts(article, part)
                for text in cut:
                    yield text, (n, part, len(cut))

    def batches():
        batch: list[tuple[str, tuple[int, Part, int]]] = []
        chars = 0
        for item in texts():
            batch.append(item)
            chars += len(item[0])
            if len(batch) >= batch_size or chars >= PIPE_CHARS:
                yield batch
                batch, chars = [], 0
        if batch:
            yield batch

    t = time.perf_counter()
    for batch in batches():
        for doc, (n, part, count) in nlp.pipe(batch, as_tuples=True, batch_size=batch_size):
            if count > 1:
                pieces.append(doc)
                if len(pieces) < count:
                    continue
                doc = _join_docs(pieces)
                pieces.clear()
            t = timer.add("nlp", t)
            pending[n][2].append((part, doc))
            del doc
            while order and len(pending[order[0]][2]) == pending[order[0]][1]:
                article, _, docs = pending.pop(order.pop(0))
                yield extract_one(article, docs, timer)
            t = time.perf_counter()
    while order:  # articles with no extractable part
        article, _, docs = pending.pop(order.pop(0))
        yield extract_one(article, docs, timer)
