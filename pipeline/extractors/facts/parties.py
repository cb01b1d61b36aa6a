"""Political parties: "the party" and "his party" stand for the party of the person the sentence is
about, named in that person's title somewhere in the article ("Tory co-chairman Liam Fox", "Charles
Kennedy, the Lib Dem leader"). Party names and their forms come from ``political_parties`` of the
entity name rules; the entities stage has already merged the forms an article uses into one ORG.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from ...records import EntityMention
from ..entities.find import TITLE_WORDS, party_forms

# "the party", "his party", "their party's": no qualifier ("the ruling party" names no one party)
_OWNERS = frozenset({"the", "his", "her", "their"})


def is_party(ent: EntityMention | None) -> bool:
    """An ORG that is a political party of the name rules."""
    return ent is not None and ent.label == "ORG" and ent.canonical_name.casefold() in party_forms()


def in_headline(party: EntityMention, headline: str) -> bool:
    """Whether the headline names the party in any of its forms ("Tories unveil quango blitz plans")."""
    forms = party_forms().get(party.canonical_name.casefold(), (party.canonical_name,))
    return any(re.search(r"\b" + re.escape(f) + r"\b", headline, re.IGNORECASE) for f in forms)


def title_noun(token: Token) -> bool:
    """ "chairman", "leader", "MP": a person's title, which a party name before it qualifies."""
    return token.lower_ in TITLE_WORDS


def party_noun(token: Token) -> bool:
    """ "the party", "his party('s)": the bare noun, no adjective or name before it."""
    if token.lemma_.lower() != "party" or token.pos_ != "NOUN" or token.tag_ != "NN":
        return False
    lefts = [ch for ch in token.children if ch.i < token.i and ch.dep_ != "case"]
    return len(lefts) == 1 and lefts[0].lower_ in _OWNERS


def party_of(
    doc: Doc,
    entities: Sequence[EntityMention],
    person: EntityMention,
    entity_at: Callable[[Token], EntityMention | None],
) -> EntityMention | None:
    """The party named in a title of any mention of ``person`` in ``doc``: before the name ("Lib Dem
    leader Charles Kennedy"), in its apposition ("Kennedy, the Lib Dem leader") or in the title noun
    the name stands in apposition to ("the Tory co-chairman, Liam Fox")."""
    for m in entities:
        if m.entity_key != person.entity_key or m.end > len(doc.text):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        around = [doc[root.left_edge.i : span.start], _title_before(doc, span.start)]
        around += [doc[a.left_edge.i : a.right_edge.i + 1] for a in root.children if a.dep_ == "appos"]
        if root.dep_ == "appos":
            around.append(doc[root.head.left_edge.i : root.head.i + 1])
        for piece in around:
            for t in piece:
                ent = entity_at(t)
                if is_party(ent):
                    return ent
    return None


def _title_before(doc: Doc, start: int, limit: int = 5) -> Span:
    """The words of a title just before a name, whatever the parse made of them ("Tory co-chairman"
    is often torn apart): lower-case words and hyphens back to the first capitalised word, which is
    kept (the party), within ``limit`` tokens."""
    i = start
    while i > 0 and start - i < limit:
        t = doc[i - 1]
        if t.text == "-" or t.is_alpha and t.is_lower:
            i -= 1
            continue
        if t.is_alpha and t.text[:1].isupper() and not t.is_sent_start or t.is_sent_start and t.is_alpha:
            i -= 1
        break
    return doc[i:start]
