"""Why each fact of one article has its subject: the rule that chose it, and every document-level
candidate that was weighed with its features and score (``pipeline explain DOC_ID``)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language

from ..records import Article, Fact
from . import extract_from_docs, extracted_parts
from .facts.candidates import TRACE, amount_scoring, scoring


@dataclass(frozen=True)
class Explained:
    """One fact with how its subject was found."""

    fact: Fact
    rule: str  # the parse rule ("verb_subject", "owner", ...), "candidate" or "none"
    candidates: tuple[tuple[str, tuple[str, ...], float], ...]  # (name, features, score), best first
    threshold: float


def explain_article(article: Article, nlp: Language) -> list[Explained]:
    """Extract one article again with the candidate rankings kept, in fact order."""
    parts = extracted_parts(article)
    docs = [(part, nlp(article.text[part.start : part.end])) for part in parts]
    offsets = {id(doc): part.start for part, doc in docs}
    trace: dict = {}
    token = TRACE.set(trace)
    try:
        extraction = extract_from_docs(article, docs)
    finally:
        TRACE.reset(token)
    ranked, events = {}, []  # amounts by their start; events by their sentence piece's start
    for (doc_id, start), r in trace.items():
        if start >= 0:
            ranked[offsets[doc_id] + start] = r
        else:
            events.append((offsets[doc_id] - 1 - start, r))
    event_bar, amount_bar = scoring()[1], amount_scoring()[1]
    out = []
    for found in extraction.facts:
        fact = found.mention
        source = fact.subject_source or "none"
        if fact.quantity_span:
            weighed = ranked.get(fact.quantity_span[0], ())
        else:  # the last ranking of a piece of the event's sentence
            inside = [r for at, r in events if fact.sentence_start <= at < fact.sentence_end]
            weighed = inside[-1] if inside else ()
        cands = tuple((n, tuple(f), s) for n, f, s in weighed)
        out.append(Explained(fact, source.split(":")[0], cands, amount_bar if fact.quantity_span else event_bar))
    return out


def explain_lines(explained: list[Explained]) -> list[str]:
    """The explanation as plain text lines, one block per fact."""
    lines = []
    for e in explained:
        f = e.fact
        amount = "" if f.value is None else f" {f.value:g} {f.unit or ''}".rstrip()
        lines.append(f"{f.property_key}{amount} | subject: {f.subject or '-'} | rule: {f.subject_source or 'none'}")
        lines.append(f"  sentence: {f.sentence.strip()[:160]}")
        for name, features, score in e.candidates:
            mark = "*" if f.subject == name and score >= e.threshold else " "
            lines.append(f"  {mark} candidate {name}: {'+'.join(features)} = {score:.2f} (threshold {e.threshold:.2f})")
    return lines
