"""Dated events without a number: a date governed by an event verb with a named subject."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .build import _fact
from .context import Context
from .cues import cues
from .modality import _attribution, _modality, _window_modality
from .parse import _governing_verb, _phrase, _span, _verb_chain, property_key
from .subjects import _subject, _window_subject
from .timing import _is_concrete, _pick_time


def _events(ctx: Context, sent: Span, s_dates, used_verbs: set[int], *, parsed: bool, has_quantity: bool):
    """Dated events without a number: "launch smartphones in Taiwan at the end of 2012"."""
    c = cues()
    out = []
    seen: set[int] = set()
    for d in s_dates:
        if not _is_concrete(d) or d.type in ("SET", "DURATION"):
            continue
        dspan = _span(sent.doc, d.start, d.end)
        if dspan is None:
            continue
        if parsed:
            verb = _governing_verb(dspan.root, sent)
        else:
            if has_quantity:
                continue
            verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in c.event_verbs]
            verb = min(verbs, key=lambda t: abs(t.i - dspan.start)) if verbs else None
        if verb is None or verb.i in used_verbs or verb.i in seen:
            continue
        speech = parsed and any(ch.dep_ == "ccomp" for ch in verb.children)
        if verb.lemma_.lower() not in c.event_verbs or speech:
            continue  # "announced on Monday that ...": a speech act, not an event
        objects = [ch for ch in verb.children if ch.dep_ in ("dobj", "prt", "attr", "acomp")] if parsed else []
        if verb.lemma_.lower() in c.event_needs_object and not objects:
            continue
        seen.add(verb.i)
        subject = _subject(ctx, None, verb, None) if parsed else _window_subject(ctx, sent, verb.i)
        predicate = _event_predicate(verb, subject, dspan) if parsed else verb.lemma_.lower()
        # the date that led to the verb first ("opened in 2003 after launching the iPod in 2001")
        time = _pick_time(sent.doc, sent, verb, [d], parsed=parsed) or _pick_time(
            sent.doc, sent, verb, s_dates, parsed=parsed
        )
        if subject is not None and not sent.start <= subject[0].i < sent.end:
            subject = None  # named across a paragraph break
        if time is None or subject is None:
            continue  # an event needs a date and someone it happened to
        modality, negated = _modality(_verb_chain(verb), None) if parsed else _window_modality(sent)
        out.append(
            _fact(
                sent,
                subject=subject,
                predicate=predicate,
                key=property_key(predicate),
                q=None,
                unit=None,
                time=time,
                dates=s_dates,
                modality=modality,
                negated=negated,
                attribution=_attribution(sent, verb if parsed else None),
                per=None,
            )
        )
    return out


def _event_predicate(verb: Token, subject, dspan: Span) -> str:
    """Verb lemma, particle, object and place: "launch smartphones in Taiwan"."""
    skip = set(range(dspan.start, dspan.end))
    if subject is not None:  # "launch Xiaomi smartphones" with Xiaomi the subject: "launch smartphones"
        skip.add(subject[0].i)
        skip.update(t.i for t in verb.doc if t.ent_type_ and t.text in subject[1].canonical_name.split())
    words = [verb.lemma_.lower()]
    for ch in verb.children:
        if ch.i in skip:
            continue
        if ch.dep_ in ("prt", "acomp"):
            words.append(ch.lower_)
        elif ch.dep_ in ("dobj", "attr", "nsubjpass"):
            words.append(_phrase(ch, skip=skip))
        elif ch.dep_ == "prep" and ch.lower_ in ("in", "to", "into") and not any(g.i in skip for g in ch.subtree):
            obj = [g for g in ch.children if g.dep_ == "pobj"]
            if obj and obj[0].ent_type_ in ("GPE", "LOC"):
                words.append(f"{ch.lower_} {_phrase(obj[0], skip=skip)}")
    return " ".join(w for w in words if w)
