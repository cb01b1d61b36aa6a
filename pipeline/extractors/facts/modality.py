"""Modality (reported, forecast, plan, negated) and attribution ("according to ...", "X said")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..doccache import span_text
from .cues import cues


def _modality(chain: Sequence[Token], noun: Token | None) -> tuple[str, bool]:
    """("reported" | "forecast" | "plan", negated) from the verb chain, nearest cue first, then the noun
    ("a target of 10 million")."""
    c = cues()
    negated = any(ch.dep_ == "neg" and ch.lower_ in c.negation for v in chain for ch in v.children)
    for v in chain:
        lemma = v.lemma_.lower()
        if lemma in c.plan_verbs and (v is not chain[0] or any(ch.dep_ in ("dobj", "xcomp") for ch in v.children)):
            return "plan", negated
        if lemma in c.forecast_verbs:
            return "forecast", negated
        if any(ch.dep_ == "aux" and ch.lower_ in c.forecast_aux for ch in v.children):
            return "forecast", negated
    if noun is not None:
        head = noun.head.head if noun.dep_ == "pobj" else None
        for n in (noun, head):
            if n is not None and n.lemma_.lower() in c.plan_nouns:
                return "plan", negated
            if n is not None and n.lemma_.lower() in c.forecast_nouns:
                return "forecast", negated
    return "reported", negated


def _attribution(sent: Span, verb: Token | None) -> str | None:
    c = cues()
    text = span_text(sent)
    low = text.lower()
    i = low.find("according to ")
    if i >= 0:
        tail = text[i:]
        end = re.search(r"[,;.]", tail[13:])
        return tail[: 13 + end.start()] if end else tail.rstrip(".")
    below = verb
    for _ in range(8 if verb is not None else 0):  # up to 8 heads above the verb (the root's head is itself)
        t = below.head
        if t.lemma_.lower() in c.attribution_verbs and t.pos_ == "VERB":
            subj = [ch for ch in t.children if ch.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                s = subj[0]
                words = sent.doc[s.left_edge.i : s.right_edge.i + 1].text
                return f"{words} {t.text}"
        if t.i == below.i:
            break  # the root: every further step would read it again
        below = t
    if verb is not None:  # "..., Lei said." parsed as the reporting clause hanging off the fact's verb
        for ch in verb.children:
            if ch.dep_ in ("parataxis", "ccomp") and ch.lemma_.lower() in c.attribution_verbs:
                subj = [g for g in ch.children if g.dep_ == "nsubj"]
                if subj:
                    return f"{sent.doc[subj[0].left_edge.i : subj[0].right_edge.i + 1].text} {ch.text}"
    return None


def _window_modality(sent: Span) -> tuple[str, bool]:
    """Fast mode: modality from cue words anywhere in the sentence."""
    c = cues()
    lemmas = [t.lemma_.lower() for t in sent]
    words = {t.lower_ for t in sent}
    negated = bool(words & c.negation)
    if any(lemma in c.plan_verbs for lemma in lemmas) and "to" in words:
        return "plan", negated
    if words & c.forecast_aux or any(lemma in c.forecast_verbs for lemma in lemmas):
        return "forecast", negated
    return "reported", negated
