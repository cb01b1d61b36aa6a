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

import dataclasses
import re

from spacy.tokens import Span, Token

from ...records import DateMention, EntityMention
from ..doccache import doc_text
from .build import _fact
from .context import ArticleContext, _entity_at, _resolve
from .cues import cues
from .modality import _attribution, _modality, _window_modality
from .parse import _governing_verb, _phrase, _span, _verb_chain
from .subjects import _noun_owner, _verb_subject, _window_subject, subject_and_source
from .timing import _default_role, _pick_time, _range_end, _role, _Time, security_date

# closed-class grammar the event rules read (prepositions and span words; content words are in the lexicon)
_NOUN_PREPS = ("in", "on", "of", "during", "since")
_SPAN_AHEAD = re.compile(r"(?i)\b(?:next|coming|within)\b")
_DECADE = re.compile(r"\d{3}X")
_PARTICIPANTS = "between"
_JOINED = re.compile(r"\s*,?\s*(?:and|or)?\s*")
_INTERVAL_GAP = re.compile(r"\s*[-–]\s*")
_RELATIVE_TAGS = ("WDT", "WP")
_TICKER = re.compile(r"[<>()]|[A-Z0-9.]+")
_AFFIXED_MIN = 8  # an event noun this long makes a compound event noun ("reacquisition", "counteroffer")


def _dated(d: DateMention, doc=None) -> bool:
    """A date an event can carry: a DATE or TIME with a calendar year or decade ("the 1980s":
    198X), or a span ahead ("in the next 18 months", "within five years": P18M, P5Y)."""
    if d.type == "DURATION":
        lead = doc_text(doc)[max(0, d.start - 8) : d.start] if doc is not None else ""
        return (d.value or "").startswith("P") and _SPAN_AHEAD.search(lead + " " + d.text) is not None
    return d.type in ("DATE", "TIME") and bool(d.value) and re.match(r"\d{4}|\d{3}X$", d.value) is not None


def _fixed(d: DateMention) -> bool:
    """A time the clause rules do not pick (a span or a decade): the event takes it as written."""
    return d.type == "DURATION" or _DECADE.fullmatch(d.value or "") is not None


def _is_event_noun(token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = token.lemma_.lower()
    nouns = cues().event_nouns
    return lemma in nouns or any(len(n) >= _AFFIXED_MIN and lemma.endswith(n) for n in nouns)


def _event_noun(dspan: Span, sent: Span) -> Token | None:
    """The happening noun a date is attached to: "collapse in 2002", "the 1985 offering",
    "December's deal", "the meetings scheduled next month", "elections to be held by September"."""
    root = dspan.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _NOUN_PREPS:
        head = head.head
    elif root.dep_ not in ("compound", "npadvmod", "nmod", "amod", "poss", "nummod"):
        head = None
    if head is not None and sent.start <= head.i < sent.end and _is_event_noun(head):
        return head
    return _written_event_noun(dspan, sent)


def _written_event_noun(dspan: Span, sent: Span) -> Token | None:
    """The event noun by the words around the date, whatever the parse: "a referendum in 2003",
    "the March 1985 reacquisition", "the meetings scheduled next month", "elections to be held by"."""
    doc = sent.doc
    before = doc[dspan.start - 2 : dspan.start] if dspan.start - 2 >= sent.start else None
    if before is not None and before[1].lower_ in _NOUN_PREPS and _is_event_noun(before[0]):
        host = before[1].head  # only where the parse lost it: "with a pushed through referendum in 2003"
        if host.pos_ not in ("VERB", "AUX") or host.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
            return before[0]
    if before is not None and _is_event_noun(before[1]) and before[0].lower_ == "of":
        return before[1]  # "holders of record March 31"
    if dspan.end < sent.end and _is_event_noun(doc[dspan.end]) and doc[dspan.end].dep_ != "nsubj":
        return doc[dspan.end]
    verb = _governing_verb(dspan.root, sent)
    if verb is None or verb.tag_ != "VBN":
        return None
    if verb.dep_ == "acl" and _is_event_noun(verb.head) and verb.head.i < verb.i:
        return verb.head  # "the meetings scheduled next month"
    aux = [ch.i for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
    first = min(aux, default=verb.i)
    if doc[first].lower_ == "to" and first - 1 >= sent.start and _is_event_noun(doc[first - 1]):
        return doc[first - 1]  # "elections to be held by September"
    return None


def _is_direct(dspan: Span, verb: Token) -> bool:
    """A date that is the verb's own adverbial ("published the figures today", "met in June"),
    not a modifier of its object ("published the January figures")."""
    root = dspan.root
    return root.head == verb or (root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head == verb)


def _in_argument(dspan: Span, verb: Token) -> bool:
    """A date that modifies the verb's subject or object ("published the January figures")."""
    root = dspan.root
    return root.dep_ in ("compound", "nmod", "amod", "poss", "nummod") and root.head.dep_ in (
        "dobj",
        "nsubj",
        "nsubjpass",
        "attr",
    )


def _verb_event(verb: Token | None, used: set[int]) -> bool:
    c = cues()
    if verb is None or verb.i in used:
        return False
    lemma = verb.lemma_.lower()
    own = {ch.dep_ for ch in verb.children}
    if lemma == "be" and any(ch.dep_ in ("acomp", "advmod") and ch.lower_ in c.due_words for ch in verb.children):
        return True  # "the orders are due for delivery between 2008 and 2012", "figures are out tomorrow"
    if _statement(verb):
        return True  # "told reporters yesterday", "announced on Friday": a dated statement is an event
    if verb.dep_ == "xcomp" and verb.head.lower_ in c.due_words and lemma != "be":
        return True  # "is due to be shown off in May 2005", "is scheduled to take effect in 2006"
    if lemma in c.non_event_verbs:
        return "prt" in own  # a phrasal verb is another verb: "shown off", "called off"
    if lemma in c.event_verbs:
        return lemma not in c.event_needs_object or bool(own & {"dobj", "prt", "attr", "acomp"})
    return bool(own & {"dobj", "prt", "nsubjpass", "attr", "prep", "acomp"})


def _bare_dated(verb: Token | None, dspan: Span, used: set[int]) -> bool:
    """ "The offer expires April 9", "the strike ended Tuesday": an intransitive verb with a subject,
    dated by a bare date hung on it (wire style, no "on"), is an event as "expires on April 9" is."""
    root = dspan.root
    while root.dep_ in ("appos", "conj") and root.head.ent_type_ == "DATE" and root.head.i < root.i:
        root = root.head  # "mature March 26, 1990, March 25, 1992 and March 25, 1997": each a date of the verb
    if verb is None or verb.i in used or root.head != verb or root.dep_ not in ("npadvmod", "tmod"):
        return False
    lemma = verb.lemma_.lower()
    if lemma in cues().non_event_verbs or lemma in ("be", "have"):
        return False
    return any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verb.children)


def _statement(verb: Token) -> bool:
    """A verb of saying, not its phrasal namesake ("shown off", "reported back")."""
    return verb.lemma_.lower() in cues().attribution_verbs and not any(ch.dep_ == "prt" for ch in verb.children)


def _interval_end(doc, d: DateMention, dates, sent: Span) -> DateMention | None:
    """The end of "between 2008 and 2012", "from January 2004 to July 2009", "the 2006-2007 fiscal year"."""
    second = _range_end(doc, d, dates)
    if second is None or not _dated(second) or _fixed(d) or _fixed(second):
        return None
    ranged = _role(doc, d, sent.start_char)[0] == "range" or _INTERVAL_GAP.fullmatch(
        doc_text(doc)[d.end : second.start]
    )
    return second if ranged and second.value > d.value else None


def _as_interval(doc, time: _Time, dates, sent: Span) -> _Time:
    """A range's time as one ISO 8601 interval ("2008/2012"), as the facts guidelines write it."""
    second = _interval_end(doc, time.mention, dates, sent)
    if second is None:
        return time
    d = time.mention
    text = doc_text(doc)[d.start : second.end]
    merged = dataclasses.replace(
        d, end=second.end, text=text, value=f"{d.value}/{second.value}", end_date=second.end_date
    )
    return _Time(merged, time.role)


def _events(ctx: ArticleContext, sent: Span, s_dates, used_verbs: set[int], *, parsed: bool, has_quantity: bool):
    """Dated events without a number: "launch smartphones in Taiwan at the end of 2012"."""
    out = []
    seen: dict[int, DateMention] = {}  # noun or verb -> the date of its event
    ends = {e.start for d in s_dates if _dated(d) and (e := _interval_end(sent.doc, d, s_dates, sent))}
    for d in s_dates:
        dspan = _span(sent.doc, d.start, d.end) if _dated(d, sent.doc) and d.start not in ends else None
        if dspan is None:
            continue
        named = security_date(dspan)
        if named is not None:  # "payable April 3 to holders of record March 23": the company's dated steps
            owner = ctx.antecedent()
            if owner is not None:
                out.append(
                    _event_fact(ctx, sent, (None, owner), named, _Time(d, "on"), s_dates, None, "security_date", "plan")
                )
            continue
        if not parsed:
            fact = _window_event(ctx, sent, dspan, d, s_dates, has_quantity=has_quantity)
            out += [fact] if fact is not None else []
            continue
        noun = _event_noun(dspan, sent)
        if noun is not None and _open(sent.doc, seen, noun.i, d):
            fact = _noun_event(ctx, sent, noun, dspan, d, s_dates)
            if fact is not None:
                seen[noun.i] = d
                out.append(fact)
                continue
        verb = _when_verb(dspan, sent) or _governing_verb(dspan.root, sent)
        if not (_verb_event(verb, used_verbs) or _bare_dated(verb, dspan, used_verbs)):
            continue
        if not _open(sent.doc, seen, verb.i, d):
            continue
        # (a date joined to the verb's last one is another of its dates: "mature March 26, 1990, March 25, 1992 and
        # March 25, 1997")
        if (
            verb.i not in seen
            and _in_argument(dspan, verb)
            and any(
                o is not d
                and _dated(o)
                and (o_span := _span(sent.doc, o.start, o.end)) is not None
                and _governing_verb(o_span.root, sent) == verb
                and _is_direct(o_span, verb)
                for o in s_dates
            )
        ):
            continue  # "published the January figures today": the verb's own date is the event's
        fact = _verb_fact(ctx, sent, verb, dspan, d, s_dates)
        if fact is not None:
            seen[verb.i] = d
            out.append(fact)
    return out


def _when_verb(dspan: Span, sent: Span) -> Token | None:
    """ "until 1993 when One2One was launched": the date of the when-clause's verb."""
    nxt = sent.doc[dspan.end] if dspan.end < sent.end else None
    if nxt is None or nxt.lower_ != "when" or nxt.dep_ != "advmod" or nxt.head.i < dspan.end:
        return None
    return nxt.head if nxt.head.pos_ in ("VERB", "AUX") else None


def _open(doc, seen: dict[int, DateMention], i: int, d: DateMention) -> bool:
    """Whether a noun or verb can take an event on this date: it has none yet, or the date is
    coordinated with its last one ("in 1997 or 2001", "in the third and fourth quarters of 1987")."""
    last = seen.get(i)
    if last is None:
        return True
    gap = doc_text(doc)[last.end : d.start]
    return d.start > last.end and gap.strip() != "" and _JOINED.fullmatch(gap) is not None and d.value != last.value


def _event_fact(
    ctx, sent: Span, subject, predicate: str, time: _Time, s_dates, verb: Token | None, source, planned=None
):
    modality, negated = _modality(_verb_chain(verb), None) if verb is not None else (planned or "reported", False)
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
    """ "WorldCom's collapse in 2002": the owner of the noun, else who takes part ("the meetings
    between Reagan and Nakasone"), else the subject of its clause, else the happening itself
    ("the 2000 election")."""
    owner = _pronoun_owner(ctx, noun) or _noun_owner(ctx, noun, None) or _participant(ctx, noun)
    found = (*owner, "owner") if owner is not None else None
    verb = _governing_verb(noun, sent)
    if found is None:
        found = subject_and_source(ctx, None, verb, None) or _itself(ctx, noun, sent)
    if found is None or (found[0] is not None and not sent.start <= found[0].i < sent.end):
        return None
    skip = set(range(dspan.start, dspan.end)) | ({found[0].i} if found[0] is not None else set())
    role = _role(sent.doc, d, sent.start_char)[0] or _default_role(d)
    time = _as_interval(sent.doc, _Time(d, role), s_dates, sent)
    return _event_fact(ctx, sent, found[:2], _phrase(noun, skip=skip), time, s_dates, verb, found[2])


def _pronoun_owner(ctx: ArticleContext, noun: Token) -> tuple[Token, EntityMention] | None:
    """ "Orange had its UK launch in 1994": "its" is the clause's named subject."""
    if not any(ch.dep_ == "poss" and ch.tag_ == "PRP$" for ch in noun.children) or noun.dep_ != "dobj":
        return None
    for ch in noun.head.children:
        ent = _entity_at(ctx, ch) if ch.dep_ == "nsubj" and ch.pos_ == "PROPN" else None
        if ent is not None and ent.label in cues().subject_labels:
            return ch, ent
    return None


def _participant(ctx: ArticleContext, noun: Token) -> tuple[Token, EntityMention] | None:
    """The first named party of "between X and Y" on the event noun or on its participle."""
    heads = [noun] + [ch for ch in noun.children if ch.dep_ == "acl"]
    for h in heads:
        for prep in h.children:
            if prep.dep_ == "prep" and prep.lower_ == _PARTICIPANTS:
                for obj in prep.children:
                    ent = _resolve(ctx, obj) if obj.dep_ == "pobj" else None
                    if ent is not None:
                        return obj, ent
    return None


def _itself(ctx: ArticleContext, noun: Token, sent: Span) -> tuple[Token | None, EntityMention, str] | None:
    """A happening nobody owns is the story country's ("a referendum in 2003"), else its own
    subject ("the 2000 election"); a change ("a sharp rise in December") is always something's."""
    if not sent.start <= noun.i < sent.end or noun.lemma_.lower() in cues().change_verbs:
        return None
    for t in sent:  # a country named in the sentence, else the story's
        ent = _entity_at(ctx, t) if t.ent_type_ == "GPE" else None
        if ent is not None and ent.label == "GPE":
            return t, ent, "country"
    if ctx.country is not None:
        return None, ctx.country, "country"
    return _noun_phrase(noun, sent)


def _event_owner(ctx: ArticleContext, noun: Token, sent: Span) -> tuple[Token | None, EntityMention, str] | None:
    """Whose a happening in subject position is: its owner ("Sosnoff's offer is to expire"), else
    the happening itself when it is not a stand-in ("The deal is expected to close": no one named)."""
    owner = _noun_owner(ctx, noun, None) or _named_part(ctx, noun) or _compound_name(ctx, noun, sent)
    return (owner[0], owner[1], "owner") if owner is not None else _noun_phrase(noun, sent)


def _compound_name(ctx: ArticleContext, noun: Token, sent: Span) -> tuple[Token, EntityMention] | None:
    """A name among the noun's modifiers, past a date between them ("Statistics Bureau February figures")."""
    i = noun.i - 1
    while i >= sent.start and sent.doc[i].dep_ in ("compound", "amod", "nmod"):
        ent = _entity_at(ctx, sent.doc[i])
        if ent is not None and ent.label in cues().subject_labels and ent.label != "NORP":
            return sent.doc[i], ent
        i -= 1
    return None


def _named_part(ctx: ArticleContext, noun: Token) -> tuple[Token, EntityMention, str] | None:
    """ "A working version of the PS3": a common noun of a name is about the name."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                ent = _resolve(ctx, obj) if obj.dep_ == "pobj" else None
                if ent is not None:
                    return obj, ent, "named_part"
    return None


def _noun_phrase(noun: Token, sent: Span) -> tuple[Token, EntityMention, str] | None:
    """A subject that names no entity: the noun with the compounds and adjectives right before it;
    never a bare stand-in, time or generic noun ("the startup", "the quarter", "the deal")."""
    c = cues()
    bare = noun.lemma_.lower() in c.company_nouns | c.time_nouns | c.generic_subject_nouns
    words = [noun]
    i = noun.i - 1
    while i >= sent.start and sent.doc[i].dep_ in ("compound", "amod") and sent.doc[i].head in words:
        words.insert(0, sent.doc[i])  # a date among them links the rest ("Bureau February figures")
        i -= 1
    name = " ".join(t.text for t in words if t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"))
    if not name or bare and " " not in name:
        return None  # nothing left but a date ("between November and January"): no subject
    return noun, EntityMention(noun.idx, noun.idx + len(noun.text), name, "NOUN_PHRASE", name, ""), "noun_phrase"


def _verb_fact(ctx: ArticleContext, sent: Span, verb: Token, dspan: Span, d: DateMention, s_dates):
    statement = _statement(verb)
    if statement:  # "told reporters yesterday": the speaker, on the statement's own date
        speaker = _verb_subject(ctx, None, verb)
        found = (*speaker, "verb_subject") if speaker is not None else None
    else:
        found = _relative_subject(ctx, verb, sent)
        found = found or subject_and_source(ctx, None, verb, None) or _noun_subject(ctx, verb, sent)
    if found is None or (found[0] is not None and not sent.start <= found[0].i < sent.end):
        return None  # an event needs someone it happened to, named in this piece
    if statement or _fixed(d):
        time = _Time(d, _role(sent.doc, d, sent.start_char)[0] or _default_role(d))
    else:  # the date that led to the verb first ("opened in 2003 after launching the iPod in 2001")
        time = _pick_time(sent.doc, sent, verb, [d], parsed=True) or _pick_time(
            sent.doc, sent, verb, s_dates, parsed=True
        )
    if time is None:
        return None
    time = _as_interval(sent.doc, time, s_dates, sent)
    predicate = _event_predicate(verb, found[:2], dspan)
    return _event_fact(ctx, sent, found[:2], predicate, time, s_dates, verb, found[2])


def _relative_subject(ctx: ArticleContext, verb: Token, sent: Span) -> tuple[Token, EntityMention, str] | None:
    """ "Deutsche Bank AG <DBKG.F>, which entered the Italian market in December 1986": the name the
    relative pronoun stands for, also when the parse hung the clause on a ticker."""
    verb = next((v for v in _verb_chain(verb) if v.dep_ == "relcl"), verb)  # "which is scheduled to expire"
    rel = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass") and ch.tag_ in _RELATIVE_TAGS), None)
    if rel is None or (verb.dep_ != "relcl" and rel.lower_ not in ("which", "who")):
        return None  # "which" opens a relative clause wherever the parse hung it
    i = rel.i - 1
    while i > sent.start and (sent.doc[i].is_punct or _TICKER.fullmatch(sent.doc[i].text) and sent.doc[i].pos_ == "X"):
        i -= 1  # back over the comma and a bracketed ticker
    for t in (verb.head, sent.doc[i]):
        ent = _resolve(ctx, t) if sent.start <= t.i < sent.end else None
        if ent is not None:
            return t, ent, "relative"
    owner = _noun_owner(ctx, verb.head, None) if _is_event_noun(verb.head) else None  # "Sosnoff's offer, which"
    return (*owner, "relative") if owner is not None else None


def _noun_subject(ctx: ArticleContext, verb: Token, sent: Span) -> tuple[Token, EntityMention, str] | None:
    """ "prices would recover in the third quarter": an event's subject that names no entity is
    the noun phrase itself (its compounds and adjectives, no determiner); also the subject of the
    verb it completes ("Legislation ... is not due to take effect") or the noun a relative
    pronoun stands for ("The government, which published the figures today")."""
    for v in _verb_chain(verb):
        for ch in v.children:
            if ch.dep_ not in ("nsubj", "nsubjpass") or not sent.start <= ch.i < sent.end:
                continue
            if ch.tag_ in _RELATIVE_TAGS and v.dep_ == "relcl":
                ch = v.head  # "The government, which published the figures today"
            if ch.pos_ == "NOUN" and _is_event_noun(ch) and ch.lemma_.lower() not in cues().change_verbs:
                return _event_owner(ctx, ch, sent)  # "Closing is expected around March 31"
            if ch.pos_ == "NOUN" and sent.start <= ch.i < sent.end:  # "Statistics Bureau figures"
                return _event_owner(ctx, ch, sent)
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
