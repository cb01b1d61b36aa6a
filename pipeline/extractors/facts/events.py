"""Dated events without a number.

A date with a calendar year makes an event when it is attached to
- a noun that names a happening (``event_nouns``: "WorldCom's collapse in 2002", "the August 1985
  initial public offering"): the event of the noun's owner, else of its clause's subject;
- a verb that is not opinion or being (``non_event_verbs``): "emerged from bankruptcy protection
  in 2004", "was declared insolvent in December 2003", "will be held in June 1988", and dated
  statements ("told reporters yesterday", "announced on Friday"); "be" with "due", "scheduled" ...
  ("the orders are due for delivery between 2008 and 2012").
The subject is resolved as for amounts (parse first, then the scored document-level candidates,
then the verb's own subject noun phrase: "prices would recover in the third quarter"); an event
needs both a subject and a date. Verbs in ``event_verbs`` need no more; other verbs
need an object, a particle, a passive subject or a prepositional phrase of their own.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ...records import DateMention, EntityMention
from .build import _fact
from .context import ArticleContext
from .cues import cues
from .modality import _attribution, _modality, _window_modality
from .parse import _governing_verb, _phrase, _span, _verb_chain
from .subjects import _noun_owner, _verb_subject, _window_subject, subject_and_source
from .timing import _default_role, _pick_time, _role, _Time


def _dated(d: DateMention) -> bool:
    """A date an event can carry: a DATE or TIME with a calendar year."""
    return d.type in ("DATE", "TIME") and bool(d.value) and re.match(r"\d{4}", d.value) is not None


def _event_noun(dspan: Span, sent: Span) -> Token | None:
    """The happening noun a date is attached to: "collapse in 2002", "the 1985 offering", "December's deal"."""
    root = dspan.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "on", "of", "during", "since"):
        head = head.head
    elif root.dep_ not in ("compound", "npadvmod", "nmod", "amod", "poss", "nummod"):
        return None
    if not sent.start <= head.i < sent.end or head.pos_ not in ("NOUN", "PROPN"):
        return None
    return head if head.lemma_.lower() in cues().event_nouns else None


def _verb_event(verb: Token | None, used: set[int]) -> bool:
    c = cues()
    if verb is None or verb.i in used:
        return False
    lemma = verb.lemma_.lower()
    own = {ch.dep_ for ch in verb.children}
    if lemma == "be" and any(ch.dep_ == "acomp" and ch.lower_ in c.due_words for ch in verb.children):
        return True  # "the orders are due for delivery between 2008 and 2012"
    if lemma in c.attribution_verbs:
        return True  # "told reporters yesterday", "announced on Friday": a dated statement is an event
    if lemma in c.non_event_verbs:
        return False
    if lemma in c.event_verbs:
        return lemma not in c.event_needs_object or bool(own & {"dobj", "prt", "attr", "acomp"})
    return bool(own & {"dobj", "prt", "nsubjpass", "attr", "prep", "acomp"})


def _events(ctx: ArticleContext, sent: Span, s_dates, used_verbs: set[int], *, parsed: bool, has_quantity: bool):
    """Dated events without a number: "launch smartphones in Taiwan at the end of 2012"."""
    out = []
    seen: set[int] = set()
    for d in s_dates:
        dspan = _span(sent.doc, d.start, d.end) if _dated(d) else None
        if dspan is None:
            continue
        if not parsed:
            fact = _window_event(ctx, sent, dspan, d, s_dates, has_quantity=has_quantity)
            out += [fact] if fact is not None else []
            continue
        noun = _event_noun(dspan, sent)
        if noun is not None and noun.i not in seen:
            seen.add(noun.i)
            fact = _noun_event(ctx, sent, noun, dspan, d, s_dates)
            out += [fact] if fact is not None else []
            continue
        verb = _governing_verb(dspan.root, sent)
        if not _verb_event(verb, used_verbs | seen):
            continue
        seen.add(verb.i)
        fact = _verb_fact(ctx, sent, verb, dspan, d, s_dates)
        out += [fact] if fact is not None else []
    return out


def _event_fact(ctx, sent: Span, subject, predicate: str, time: _Time, s_dates, verb: Token | None, source):
    modality, negated = _modality(_verb_chain(verb), None) if verb is not None else ("reported", False)
    return _fact(
        sent,
        subject=subject,
        predicate=predicate,
        q=None,
        unit=None,
        time=time,
        dates=s_dates,
        modality=modality,
        negated=negated,
        attribution=_attribution(sent, verb),
        per=None,
        subject_source=source,
    )


def _noun_event(ctx: ArticleContext, sent: Span, noun: Token, dspan: Span, d: DateMention, s_dates):
    """ "WorldCom's collapse in 2002": the owner of the noun, else the subject of its clause."""
    owner = _noun_owner(ctx, noun, None)
    found = (*owner, "owner") if owner is not None else None
    verb = _governing_verb(noun, sent)
    if found is None:
        found = subject_and_source(ctx, None, verb, None)
    if found is None or (found[0] is not None and not sent.start <= found[0].i < sent.end):
        return None
    skip = set(range(dspan.start, dspan.end)) | ({found[0].i} if found[0] is not None else set())
    role = _role(sent.doc, d, sent.start_char)[0] or _default_role(d)
    return _event_fact(ctx, sent, found[:2], _phrase(noun, skip=skip), _Time(d, role), s_dates, verb, found[2])


def _verb_fact(ctx: ArticleContext, sent: Span, verb: Token, dspan: Span, d: DateMention, s_dates):
    statement = verb.lemma_.lower() in cues().attribution_verbs
    if statement:  # "told reporters yesterday": the speaker, on the statement's own date
        speaker = _verb_subject(ctx, None, verb)
        found = (*speaker, "verb_subject") if speaker is not None else None
    else:
        found = subject_and_source(ctx, None, verb, None) or _noun_subject(verb, sent)
    if found is None or (found[0] is not None and not sent.start <= found[0].i < sent.end):
        return None  # an event needs someone it happened to, named in this piece
    if statement:
        time = _Time(d, _role(sent.doc, d, sent.start_char)[0] or _default_role(d))
    else:  # the date that led to the verb first ("opened in 2003 after launching the iPod in 2001")
        time = _pick_time(sent.doc, sent, verb, [d], parsed=True) or _pick_time(
            sent.doc, sent, verb, s_dates, parsed=True
        )
    if time is None:
        return None
    predicate = _event_predicate(verb, found[:2], dspan)
    return _event_fact(ctx, sent, found[:2], predicate, time, s_dates, verb, found[2])


def _noun_subject(verb: Token, sent: Span) -> tuple[Token, EntityMention, str] | None:
    """ "prices would recover in the third quarter": an event's subject that names no entity is
    the noun phrase itself (its compounds and adjectives, no determiner)."""
    for ch in verb.children:
        if ch.dep_ in ("nsubj", "nsubjpass") and ch.pos_ == "NOUN" and sent.start <= ch.i < sent.end:
            words = [t for t in ch.subtree if t.i <= ch.i and (t is ch or t.dep_ in ("compound", "amod"))]
            name = " ".join(t.text for t in words)
            return ch, EntityMention(ch.idx, ch.idx + len(ch.text), name, "NOUN_PHRASE", name, ""), "noun_phrase"
    return None


def _window_event(ctx: ArticleContext, sent: Span, dspan: Span, d: DateMention, s_dates, *, has_quantity: bool):
    """Without a parse: the nearest event verb of the list, and the nearest name before it."""
    c = cues()
    if has_quantity:
        return None
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in c.event_verbs]
    verb = min(verbs, key=lambda t: abs(t.i - dspan.start)) if verbs else None
    subject = _window_subject(ctx, sent, verb.i) if verb is not None else None
    time = _pick_time(sent.doc, sent, verb, [d], parsed=False) if verb is not None else None
    if subject is None or time is None:
        return None
    modality, negated = _window_modality(sent)
    return _fact(
        sent,
        subject=subject,
        predicate=verb.lemma_.lower(),
        q=None,
        unit=None,
        time=time,
        dates=s_dates,
        modality=modality,
        negated=negated,
        attribution=_attribution(sent, None),
        per=None,
    )


def _event_predicate(verb: Token, subject, dspan: Span) -> str:
    """Verb lemma, particle, object and place: "launch smartphones in Taiwan"."""
    skip = set(range(dspan.start, dspan.end))
    if subject is not None and subject[0] is not None:  # "launch Xiaomi smartphones" with Xiaomi the subject
        skip.add(subject[0].i)
        names = subject[1].canonical_name.split()
        skip.update(t.i for t in verb.sent if t.ent_type_ and t.text in names)
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
