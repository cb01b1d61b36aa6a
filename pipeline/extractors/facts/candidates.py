"""Document-level subject candidates and their scores, for amounts the parse leaves without an owner.

When the sentence names no owner for an amount ("a deal valued at $4bn", "prices rose 2%",
"Halifax said prices rose 2%"), the candidates are the entities the whole article is about: the
company of the headline, the article's main company, the company the previous sentences were
about, the story's country (for macro figures), and the speaker of the sentence. Each carries
features; a candidate's score is the sum of the weights of its features (``rules/facts_scoring.json``).
The best candidate becomes the subject when its score reaches the threshold; otherwise the subject
stays empty, which is better than a wrong one. ``facts.subject_source`` records the winner's
features and score, so a row can be traced to how its subject was chosen.
"""

from __future__ import annotations

import functools
from contextvars import ContextVar
from dataclasses import dataclass, field

from spacy.tokens import Token

from ...records import EntityMention
from .context import ArticleContext, macro_noun
from .cues import cues
from .schema import load


@dataclass
class Candidate:
    entity: EntityMention
    token: Token | None = None
    features: set[str] = field(default_factory=set)

    def score(self, weights: dict[str, float]) -> float:
        return sum(weights.get(f, 0.0) for f in self.features)


# When set (``pipeline explain``), every ranking is kept here: {(id of the part's Doc, amount start
# char or -1): [(candidate name, sorted features, score), ...]}, best first.
TRACE: ContextVar[dict | None] = ContextVar("facts_candidate_trace", default=None)


@functools.cache
def scoring() -> tuple[dict[str, float], float]:
    rules = load("facts_scoring.json")
    return dict(rules["weights"]), float(rules["threshold"])


def candidates(ctx: ArticleContext, prop: Token | None, speaker: tuple[Token, EntityMention] | None) -> list[Candidate]:
    """Every candidate for an amount with no owner in its sentence, with its features."""
    c = cues()
    found: dict[str, Candidate] = {}

    def add(entity: EntityMention | None, feature: str, token: Token | None = None) -> None:
        if entity is None:
            return
        key = entity.entity_key or entity.canonical_name
        cand = found.setdefault(key, Candidate(entity, token))
        cand.features.add(feature)

    lemma = prop.lemma_.lower() if prop is not None else None
    add(ctx.document.topic, "headline_topic")
    add(ctx.main, "main_org")
    if ctx.recent:
        add(ctx.recent[-1], "recent_subject")
    if ctx.country is not None and macro_noun(prop):
        add(ctx.country, "country_macro")
    if speaker is not None:
        add(speaker[1], "speaker", speaker[0])
    for cand in found.values():
        if cand.entity.label == "ORG" and lemma in c.implicit_owner:
            cand.features.add("company_property")
        if cand.entity.label == "ORG" and macro_noun(prop) and lemma not in c.implicit_owner:
            cand.features.add("company_macro_property")
        if prop is None:
            cand.features.add("no_property")
    return list(found.values())


def best_candidate(
    ctx: ArticleContext, prop: Token | None, speaker: tuple[Token, EntityMention] | None
) -> tuple[Token | None, EntityMention, str] | None:
    """The best-scoring candidate at or above the threshold, with its trace (features and score)."""
    weights, threshold = scoring()
    ranked = sorted(candidates(ctx, prop, speaker), key=lambda c: -c.score(weights))
    trace = TRACE.get()
    if trace is not None and ctx.piece is not None:
        key = (id(ctx.piece.doc), ctx.amount.start_char if ctx.amount is not None else -1)
        trace[key] = [(c.entity.canonical_name, sorted(c.features), c.score(weights)) for c in ranked]
    if not ranked or ranked[0].score(weights) < threshold:
        return None
    if len(ranked) > 1 and ranked[1].score(weights) == ranked[0].score(weights):
        return None  # two candidates as good as each other: no answer beats a coin toss
    best = ranked[0]
    how = "candidate:" + "+".join(sorted(best.features)) + f"={best.score(weights):.2f}"
    return best.token, best.entity, how
