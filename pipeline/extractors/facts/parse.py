"""Parse helpers: clauses, governing verbs, noun phrases, the measured noun, and the sentence piece being read."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from ...records import QuantityMention
from ..doccache import head_indices
from .cues import _NON_WORD, _STOP, CLAUSE_DEPS, cues
from .schema import load

# The sentence piece being read is passed as ``piece`` (a Span, or None for no bound): the parser
# may hang a sentence under the headline above a blank line; walking the tree never leaves the piece.


def _inside(token: Token, piece: Span | None) -> bool:
    return piece is None or piece.start <= token.i < piece.end


def _orphans(piece: Span | None) -> list[Token]:
    """Tokens of the piece that the parser hung outside it (or the piece's own root)."""
    if piece is None:
        return []
    doc, heads, start, end = piece.doc, head_indices(piece.doc), piece.start, piece.end
    return [doc[i] for i in range(start, end) if heads[i] == i or not start <= heads[i] < end]


_EVIDENCE_VERBS = frozenset({"show", "suggest", "indicate", "reveal", "confirm", "imply"})


def _true_subject(subj: Token, verb: Token) -> Token:
    """ "data showing the economy grew 1%": the parser makes "data" the subject of "grew" and "the
    economy" the object of "showing"; the noun right before the verb is what grew."""
    for acl in subj.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in _EVIDENCE_VERBS:
            for obj in acl.children:
                if obj.dep_ == "dobj" and obj.pos_ in ("NOUN", "PROPN") and obj.right_edge.i == verb.i - 1:
                    return obj
    return subj


def _piece_top(piece: Span | None) -> Token | None:
    """The main verb of the piece: its own root, else a verb hung outside it."""
    tops = [t for t in _orphans(piece) if t.pos_ in ("VERB", "AUX")]
    return next((t for t in tops if t.head.i == t.i), tops[0] if tops else None)


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _opens_clause(t: Token) -> bool:
    if t.dep_ == "ROOT":
        return True
    if t.dep_ not in CLAUSE_DEPS or t.pos_ not in ("VERB", "AUX"):
        return False
    own = {ch.dep_ for ch in t.children}
    if t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN") and not own & {"nsubj", "nsubjpass", "mark"}:
        return False  # "..., raising $16 billion": a participle shares its head's clause
    infinitive = any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in t.children)
    if t.dep_ == "advcl" and infinitive and not own & {"nsubj", "nsubjpass", "mark"}:
        return False  # "agreed in September 2017 to sell ...": an infinitive too
    # "the quarter that ended on September 28": the date dates the quarter, so it stays in the clause
    return not (t.dep_ == "relcl" and t.head.lemma_.lower() in cues().time_nouns)


def _clause(token: Token, piece: Span | None, transparent: range = range(0)) -> Token:
    """The head of the clause a token belongs to; tokens in ``transparent`` (the amount itself,
    e.g. "won" mis-parsed as a verb) never open one."""
    t = token
    for _ in range(64):
        if t.i not in transparent and _opens_clause(t):
            return t
        if t.head == t:
            return t
        if not _inside(t.head, piece):  # the parse left the piece: the piece's own main verb heads the clause
            top = _piece_top(piece)
            return top if top is not None else t
        t = t.head
    return t


def _governing_verb(token: Token, piece: Span | None) -> Token | None:
    t = below = token
    for _ in range(64):
        # a unit word the tagger took for a verb ("100 trillion won" as an object) is a noun here
        misread = t == token and t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos")
        # (a participle used as a preposition on a noun, "a 20-year repayment, including a seven-year grace", is no
        # verb of the clause: the figure belongs with the noun; "According to 12 analysts" hangs on the verb)
        participle = t != token and t.dep_ == "prep" and t.tag_ == "VBG" and t.head.pos_ in ("NOUN", "PROPN")
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux" and not misread and not participle and not _than_expected(t):
            return _elided_verb(t, below) if t != token else t
        below = t
        if t.head == t or not _inside(t.head, piece):
            return None
        t = t.head
    return None


def _than_expected(verb: Token) -> bool:
    """ "rose a higher than expected 17,000 to 4.483 million": the parse may hang the amounts on "expected", a
    comparison inside the phrase; the clause's verb is the one above it."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and verb.head != verb
        and any(ch.dep_ == "mark" and ch.lower_ == "than" for ch in verb.children)
    )


def _elided_verb(verb: Token, below: Token) -> Token:
    """ "said prices rose 15%, but by only 3% in the second half": a bare prepositional conjunct of a
    reporting verb repeats the verb of the reported clause ("rose"), which the parse hung it off."""
    bare = (below.dep_ == "conj" and below.pos_ == "ADP") or (
        below.dep_ == "cc" and any(ch.dep_ == "prep" for ch in below.children)  # "but" <- "by only 3%"
    )
    if not bare or verb.lemma_.lower() not in cues().attribution_verbs:
        return verb
    reported = [ch for ch in verb.children if ch.dep_ == "ccomp" and ch.i < below.i]
    return reported[-1] if reported else verb


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is an open complement of ("expected" <- "to be launched")."""
    chain = [verb]
    t = verb
    while t.head != t and (
        t.dep_ in ("xcomp", "acomp")
        or (
            t.dep_ == "conj" and not any(ch.dep_ in ("aux", "nsubj") for ch in t.children)
        )  # "will open ... and create"
    ):
        t = t.head
        chain.append(t)
    return chain


def _phrase(token: Token, *, skip: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """The noun phrase a token heads: its modifiers and prepositional attachments, no clauses."""
    keep = {"compound", "amod", "nmod", "prep", "pobj", "poss", "case", "det", "nummod", "quantmod", "hyph"}
    toks = [token]
    stack = list(token.children)
    while stack:
        t = stack.pop()
        if t.i in skip or t.dep_ not in keep:
            continue
        toks.append(t)
        stack.extend(t.children)
    toks.sort(key=lambda t: t.i)
    words = [t.text for t in toks if t.lower_ not in _STOP and t.tag_ != "POS" and t.dep_ not in ("poss",)]
    return " ".join(words)


@functools.cache
def _key_rules() -> tuple[frozenset[str], frozenset[str], str, dict[str, str]]:
    r = load("facts_properties.json")
    return frozenset(r["drop_words"]), frozenset(r["edge_words"]), r["empty_key"], dict(r["synonyms"])


def property_key(predicate: str) -> str:
    """A grouping key for a predicate: lower-case singular words joined by '_' ("Smartphone
    shipments" -> "smartphone_shipment"), without units, scale words or numbers, synonyms merged
    ("net income" -> "net_profit"); never empty."""
    drop, edges, empty, synonyms = _key_rules()
    predicate = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), predicate)  # "U.S. dlrs": "US dlrs"
    words = [w for w in _NON_WORD.sub(" ", predicate.lower()).split() if w not in _STOP and w not in drop]
    words = [_singular(w) for w in words if not any(ch.isdigit() for ch in w)]
    words = [w for w in words if w not in drop]
    while words and words[0] in edges:
        words.pop(0)
    while words and words[-1] in edges:
        words.pop()
    key = "_".join(words)
    return synonyms.get(key, key) or empty


_INITIALS = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _measured(span: Span, q: QuantityMention) -> Token:
    """The token the quantity measures: the noun a bare number modifies, else the span's root."""
    root = span.root
    if root.pos_ == "NUM" and root.dep_ in ("nummod", "quantmod", "compound") and root.head.i >= span.end:
        noun = root.head
        # "2.5 million Galaxy Note 7 smartphones", "its five Sydney head office buildings": through the
        # name and the noun modifiers to the counted noun
        hyphened = root.i + 1 < len(root.doc) and root.doc[root.i + 1].text == "-"  # "a three-part agreement"
        while (
            (
                noun.pos_ == "PROPN"
                and noun.dep_ in ("nmod", "compound")
                or noun.pos_ == "NOUN"
                and noun.dep_ == "compound"
                and not hyphened
            )
            and noun.head.i > noun.i
            and noun.head.pos_ in ("NOUN", "PROPN")
        ):
            noun = noun.head
        return noun
    return root


def _in(start: int, end: int, sent: Span) -> bool:
    return sent.start_char <= start and end <= sent.end_char


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence through their lowest common ancestor."""
    up = {a.i: 0}
    for n, t in enumerate(a.ancestors, 1):
        up[t.i] = n
    if b.i in up:
        return up[b.i]
    for n, t in enumerate(b.ancestors, 1):
        if t.i in up:
            return n + up[t.i]
    return 99


def word_before(doc: Doc, i: int) -> Token | None:
    """The token before index ``i``, over white space (a wire line break between words is no word)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return doc[j] if j >= 0 else None


_ITEM_OPENERS = frozenset({",", ";", ":", "and"})


def list_item_name(sent: Span, i: int) -> Token | None:
    """The last word of a name written right before the figure at token ``i`` as one item of a
    list ("..., in West Germany 21,000, in the U.K. 15,800", "that in Japan 7.8 pct"): a proper noun (a
    currency sign between allowed), its name opened by a comma, "and", a colon or semicolon, or the
    start of ``sent``, with "that", "in" and "the" between. None when the figure is not written so."""
    doc = sent.doc
    name = word_before(doc, i)
    if name is not None and name.is_currency:
        name = word_before(doc, name.i)
    if name is None or name.i < sent.start or name.pos_ != "PROPN":
        return None
    first = name.i
    while first > sent.start and (doc[first - 1].pos_ == "PROPN" or doc[first].ent_iob_ == "I"):
        first -= 1
    opener = word_before(doc, first)
    for skip in ("the", "in", "that"):  # "..., that in the European Community 6.5 pct": output there
        if opener is not None and opener.lower_ == skip:
            opener = word_before(doc, opener.i)
    if opener is None or opener.i < sent.start or opener.lower_ in _ITEM_OPENERS:
        return name
    return None


def word_after(doc: Doc, i: int) -> Token | None:
    """The token at index ``i`` or after it, over white space."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None
