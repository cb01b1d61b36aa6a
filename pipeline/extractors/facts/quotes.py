"""Quotations: who speaks a quote, and whom a quoted "we" stands for.

'Jason Kingsley, chief executive of Acme, said: "We have cut 40 jobs."' -- the quote's "we" is Acme,
the organisation the speaker is introduced with, not the article's main company and not the
speaker. A speaker's organisation is read where the article first introduces the person: an
apposition ("Ann Lee, an analyst at Brokerage X"), a preposition on the name ("Ann Lee, from
Brokerage X"; "Ann Lee of X") or a company before the name ("X chief executive Ann Lee").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...records import EntityMention
from ..doccache import doc_text
from .cues import cues

_OPEN, _CLOSE = "\u201c", "\u201d"
_AFFILIATION_PREPS = frozenset({"of", "at", "from", "with", "for"})


def in_quote(doc: Doc, token: Token) -> bool:
    """Whether ``token`` stands inside a quotation of its paragraph (straight or curly quotes)."""
    text = doc_text(doc)
    start = text.rfind("\n\n", 0, token.idx)
    before = text[start + 1 if start >= 0 else 0 : token.idx]
    straight = before.count('"') % 2 == 1
    return straight or before.count(_OPEN) > before.count(_CLOSE)


def quote_speaker(ctx, token: Token) -> EntityMention | None:
    """Who says the quotation ``token`` stands in: the subject of the nearest reporting verb outside
    the quote in its sentence or the sentences right before and after ("He added:", '..., said Lee.')."""
    from .context import _entity_at

    doc = token.doc
    sent = token.sent
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    hi = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    verbs = cues().attribution_verbs
    reporting = [t for t in doc[lo:hi] if t.pos_ == "VERB" and t.lemma_.lower() in verbs and not in_quote(doc, t)]
    for verb in sorted(reporting, key=lambda t: abs(t.i - token.i)):
        for ch in verb.children:
            if ch.dep_ != "nsubj":
                continue
            if ch.lower_ in cues().person_pronouns:
                return ctx.person()
            ent = _entity_at(ctx, ch)
            if ent is not None and ent.label in ("PERSON", "ORG"):
                return ent
        return None
    return None


def affiliation(ctx, person: EntityMention) -> EntityMention | None:
    """The organisation the article introduces ``person`` with, if any (first mention that has one)."""
    from .context import _entity_at

    doc = ctx.doc
    if doc is None:
        return None
    for m in ctx.entities:
        if m.entity_key != person.entity_key:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        name = span.root
        places = [ch for ch in name.children if ch.dep_ == "appos"]
        preps = [ch for ch in name.children if ch.dep_ == "prep" and ch.lower_ in _AFFILIATION_PREPS]
        preps += [t for a in places for t in a.subtree if t.dep_ == "prep" and t.lower_ in _AFFILIATION_PREPS]
        for prep in preps:
            for obj in (ch for ch in prep.children if ch.dep_ == "pobj"):
                org = _entity_at(ctx, obj)
                if org is not None and org.label == "ORG":
                    return org
        for t in doc[max(0, span.start - 4) : span.start]:  # "Acme chief executive Ann Lee"
            org = _entity_at(ctx, t) if t.ent_type_ == "ORG" else None
            if org is not None and org.label == "ORG" and (name in (t.head, t.head.head)):
                return org
    return None


def quoted_organisation(ctx, token: Token) -> EntityMention | None:
    """The organisation a quoted "we"/"our" stands for: the speaker's, or the speaking organisation."""
    if not in_quote(token.doc, token):
        return None
    speaker = quote_speaker(ctx, token)
    if speaker is None:
        return None
    return speaker if speaker.label == "ORG" else affiliation(ctx, speaker)
