"""Facts: who, what, how much, when — tying quantity and date mentions to a subject and a predicate.

With a dependency parse, each quantity is attached to the noun it measures and the verb that
governs it; the subject is the possessor / compound / prepositional entity of the measured noun
or the verb's subject; the time is a date mention *in the same clause* (never another
sentence), with a role read from the cue words before it; modality and attribution come from
cue words on the verb chain. Dated events without a number (founding, launch, visit) are facts
too. Without a parse (fast mode) the same questions are answered from the sentence window.
All cue words live in ``rules/facts_*.json``; the article-level model is ``document``, results
tables are read by ``tables``, unowned amounts get scored candidates from ``candidates``.
Offsets are relative to the ``doc`` given.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ...records import DateMention, EntityMention, Fact, QuantityMention
from ..doccache import blank_lines, doc_text
from ..entities.find import capitalised_word
from ..quantities.context import top_is_a_verb
from ..quantities.results import stated_currencies
from ..quantities.tables import currencies
from .breakdowns import breakdown_owner
from .build import _fact, unsigned
from .carried import carry_periods
from .context import ArticleContext, _context, _entity_at, _remember_subject, _resolve, is_index, macro_noun, relabelled
from .cues import cues
from .currencies import quoted_base
from .durations import measured_durations
from .events import _events
from .gazetteer import country_code
from .items import item_owner, list_items
from .modality import _attribution, _modality, _window_modality
from .parse import (
    _governing_verb,
    _in,
    _measured,
    _phrase,
    _span,
    _verb_chain,
    list_item_name,
    property_key,
    word_after,
    word_before,
)
from .subjects import _death_verb, _property_noun, _window_subject, subject_and_source
from .tables import read_tables
from .timing import _per, _pick_time


def find_facts(
    doc: Doc,
    *,
    dates: Sequence[DateMention],
    quantities: Sequence[QuantityMention],
    entities: Sequence[EntityMention],
    doc_entities: Sequence[EntityMention],
    published: str | None,
    title: str | None = None,
) -> list[Fact]:
    """Facts stated in one part (offsets relative to ``doc``), in text order; ``title`` is the
    article's headline when it is not part of ``doc``."""
    ctx = _context(doc, _not_dates(entities, dates), doc_entities, published, title)
    parsed = doc.has_annotation("DEP")
    sents = list(doc.sents) if (parsed or doc.has_annotation("SENT_START")) else [doc[:]]
    breaks = blank_lines(doc)
    sents = [piece for sent in sents for piece in _paragraph_pieces(sent, breaks)]
    if ctx.document.dateline is not None:
        sents = [p for p in (_after_dateline(piece, ctx.document.dateline[1]) for piece in sents) if p is not None]
    document = ctx.document
    text = doc_text(doc)
    facts, rows = read_tables(
        text,
        headline=document.headline_text,
        skip=document.headline[1] if document.headline else 0,
        dateline=document.dateline,
        subject=ctx.main,
        published=published,
        named=stated_currencies(quantities),
    )
    if rows:  # what a results table states is read from the table, never again from the "sentence"
        quantities = [q for q in quantities if not any(s <= q.start < e for s, e in rows)]
        dates = [d for d in dates if not any(s <= d.start < e for s, e in rows)]
    if parsed:  # "a sentence of 85 years", "a 10-month plan": durations that measure a thing are amounts
        dates, durations = measured_durations(doc, dates)
        quantities = sorted([*quantities, *durations], key=lambda q: q.start)
    periods = _fiscal_periods(facts)
    skip = [s for s in (document.headline, document.dateline) if s is not None]
    items = list_items(text, skip) if "\n" in text else []
    counted_units: list[tuple[int, str]] = []
    breakdowns: dict = {}  # each sentence's breakdown pairs, read once
    by_start = [sorted(ms, key=lambda m: m.start) for ms in (dates, quantities, entities)]
    starts = [[m.start for m in ms] for ms in by_start]
    for si, sent in enumerate(sents):
        ctx.piece = sent
        # the mentions that start in the piece (found by offset: linear in the article's length)
        s_dates, s_qs, s_ents = (
            ms[bisect_left(st, sent.start_char) : bisect_left(st, sent.end_char)]
            for ms, st in zip(by_start, starts, strict=True)
        )
        found = _sentence_facts(ctx, sent, si, s_dates, s_qs, s_ents, counted_units, parsed=parsed)
        found = [_in_fiscal_period(f, text, periods) for f in found]
        found = [item_owner(f, items, entities, text) for f in found]
        for f in found:
            f = _list_owner(_table_company(f, facts, rows), facts, text)
            facts.append(breakdown_owner(f, doc, unowned=_unowned(f), seen=breakdowns))
    facts = sorted((unsigned(f) for f in facts), key=lambda f: (f.sentence_start, f.quantity_span or (0, 0)))
    return carry_periods(facts, text, dates, published)


# a bulleted line: "    - gold 874.0 mln vs 864.1 mln"
_BULLET = re.compile(r"\n[ \t]*[-*][ \t]+([^\n\d]*)(?:[^\n]*\bvs\.?[ \t]+)?$")
_LABEL = re.compile(r"\n[ \t]*[-*][ \t]+([^\n\d]*)")


def _list_owner(fact: Fact, facts: list[Fact], text: str) -> Fact:
    """ "Reserve holdings were as follows. - gold 874.0 mln vs 864.1 mln": a figure on a bulleted line
    with no subject of its own (none, or only one of the article's candidates) is the subject's of the
    last fact above the list."""
    if not _unowned(fact) or fact.quantity_span is None or fact.value is None:
        return fact
    line = text.rfind("\n", 0, fact.quantity_span[0])
    m = _BULLET.match(text, line, fact.quantity_span[0]) if line >= 0 else None
    if m is None:
        return fact
    above = next((f for f in reversed(facts) if f.subject is not None and f.sentence_end <= line + 1), None)
    if above is None or line - above.sentence_end > 400:
        return fact
    label = " ".join(_LABEL.match(text, line).group(1).replace(",", " ").split()) or fact.predicate
    return dataclasses.replace(
        fact,
        **_subject_of(above),
        subject_source="list_header",
        predicate=label,
        property_key=property_key(label) if label else fact.property_key,
    )


def _table_company(fact: Fact, facts: list[Fact], rows: list[tuple[int, int]]) -> Fact:
    """ "NOTE: Net excludes investment gains 20,000 dlrs vs 86,000 dlrs": an amount below a results
    table that names no one else is the table company's; a bare figure there ("Excludes loss
    293,000") is in the table's currency."""
    if fact.value is None or not rows or fact.sentence_start < rows[0][0]:
        return fact
    table = next((f for f in facts if f.subject_source == "table" and f.subject is not None), None)
    if table is None:
        return fact
    if _bare_figure(fact):
        money = next((f.unit for f in facts if f.subject_source == "table" and f.unit not in (None, "share")), None)
        fact = dataclasses.replace(fact, unit=money or fact.unit)
    if not _unowned(fact):
        return fact
    return dataclasses.replace(
        fact, subject=table.subject, subject_key=table.subject_key, subject_span=None, subject_source="table_note"
    )


def _unowned(fact: Fact) -> bool:
    """No subject from the sentence itself: none, or one of the article's candidates (the scorer's
    pick when no parse rule named an owner), which a list's or a table's owner overrules."""
    # (nor the story's country a property noun fell back on: "gain on disposition of investments of 2,454 dlrs"
    # below a results table filed in Boston)
    source = fact.subject_source or ""
    return fact.subject is None or source.startswith("candidate:") or source == "country_property"


def _bare_figure(fact: Fact) -> bool:
    """A money-sized amount written as digits alone ("229,000"), with no unit word of its own after
    it ("4,000 shares" has one)."""
    if fact.quantity_span is None or fact.value is None or fact.value < 1000:
        return False
    start, end = (x - fact.sentence_start for x in fact.quantity_span)
    if re.fullmatch(r"[\d,.]+", fact.sentence[start:end].strip()) is None:
        return False
    if fact.unit in cues().count_units:
        return False  # "1,200 stores ... vs 1,045 a year earlier": it counts what the figure it is set against counts
    after = fact.sentence[end:].split()[:1]
    return not (fact.unit and after and after[0].lower().startswith(fact.unit.lower()[:4]))


def _superlative_after(span: Span) -> bool:
    """ "the world's two biggest reinsurers", "its 10 largest shareholders": a count of the top of a ranking
    names a rank, not an amount (a superlative adjective right after a number word or digits)."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or after.tag_ != "JJS" or not span[-1].like_num or after.lower_ in ("most", "least"):
        return False
    # "the 128 worst hit schools", "the three best performing funds": a group the participle describes, counted
    return not (after.i + 1 < len(doc) and doc[after.i + 1].pos_ == "VERB")


def _ranked(before: Token, q: QuantityMention) -> bool:
    """ "a top ten brand", "No. 3": a rank cue before the amount ("sales to top 500,000" is the verb)."""
    if before.lower_ not in cues().rank_cues:
        return False
    return before.lower_ != "top" or not top_is_a_verb(doc_text(before.doc), before.idx, q.end)


def _sentence_facts(
    ctx: ArticleContext,
    sent: Span,
    si: int,
    dates: Sequence[DateMention],
    quantities: Sequence[QuantityMention],
    entities: Sequence[EntityMention],
    counted_units: list[tuple[int, str]],
    *,
    parsed: bool,
) -> list[Fact]:
    """The facts of one sentence piece, in text order."""
    doc = sent.doc
    facts: list[Fact] = []
    s_dates = [d for d in dates if _in(d.start, d.end, sent)]
    s_qs = [q for q in quantities if _in(q.start, q.end, sent) and not _skip_quantity(q, dates, entities)]
    used_verbs: set[int] = set()
    restated = _restatements(doc, s_qs)
    for q in sorted(s_qs, key=lambda q: q.start):
        span = _span(doc, q.start, q.end)
        prev = word_before(doc, span.start) if span is not None else None
        if span is None or (prev is not None and _ranked(prev, q)) or _superlative_after(span):
            continue  # "a top ten brand", "the world's two biggest reinsurers": a rank, not an amount
        unit = _unit(q, counted_units, si, span)
        if parsed:
            unit = _employees(q, unit, span)
            fact, verb = _parse_fact(ctx, sent, span, q, unit, s_dates)
        else:
            fact, verb = _window_fact(ctx, sent, span, q, unit, s_dates), None
        if fact is None and parsed and facts:
            fact = _compared_figure(doc, facts[-1], q, s_dates)
        if fact is None:
            continue
        moved = bool(facts) and (_moved_from(span, fact, facts[-1]) or _from_to(span, fact, facts[-1]))
        # "France's shortfall, at 7.6 billion francs against 5.1 billion": a person the parse made the
        # verb's subject ("he foresaw ...") owns no figure set against the previous one
        spoken = (
            fact.subject_source == "verb_subject"
            and (fact.subject_key or "").startswith("PERSON:")
            and verb is not None
            and verb.lemma_.lower() in cues().forecast_verbs | cues().attribution_verbs | cues().opinion_verbs
        )
        weak = _weakly_owned(fact) or spoken and _compared_with(span)
        compared = facts and (weak or moved) and not _own_owner(doc, q.end)
        if compared and moved:
            fact = _as_compared(fact, facts[-1], measure=True)
        elif compared and (_compared_with(span) or _joined_to_compared(span, facts[-1])):
            fact = _as_compared(fact, facts[-1])
        elif compared and _list_item_after(span, q, fact, facts[-1]) and not _own_place(ctx, doc, q.end):
            fact = _as_compared(fact, facts[-1], source="listed")
        converted = bool(facts) and _is_conversion(doc, facts[-1], q)
        if converted:
            fact = _as_conversion(fact, facts[-1])
        elif parsed and q.kind == "currency":
            fact = _continued_price(ctx, fact, si)
        facts.append(fact)
        if parsed and sum(1 for o in s_qs if o.kind == q.kind and o.start not in restated) == 1:
            facts.extend(_conjunct_facts(ctx, sent, fact))  # "each fined 1m euros ($1.3m)": one amount, restated
        hyphened = doc_text(doc)[q.end : q.end + 1] == "-"  # "a 12-member council": no count to carry on
        if unit and q.kind not in ("currency", "percent", "duration") and not hyphened:
            counted_units.append((si, unit))
        elif unit and q.kind == "currency" and not converted:
            # "1,546 trillion rials ($175.6bn; £93.6bn) from 1,070 trillion": a conversion in brackets
            # is no currency a later bare figure is counted in
            counted_units.append((si, "money:" + unit))
        if verb is not None and fact.time_value is not None:  # the amount already carries the event's date
            used_verbs.add(verb.i)
    ctx.amount = None  # events have no amount
    facts.extend(_events(ctx, sent, s_dates, used_verbs, parsed=parsed, has_quantity=bool(s_qs)))
    if parsed:
        _remember_subject(ctx, sent)
    return facts


def _conjunct_facts(ctx: ArticleContext, sent: Span, fact: Fact) -> list[Fact]:
    """ "Shares in Acme and Apex both fell 2%": every name joined to the subject by "and" owns the
    sentence's one amount too (a fact each, as the gold guidelines' "one row per number per subject")."""
    if fact.subject_span is None or fact.value is None or fact.subject_source in ("apposed_age", "place", "research"):
        return []  # "Ann Lee, 18, and Bo Chan": the age is hers; "in Russia, India and elsewhere": a setting
    i = _token_at(sent.doc, fact.subject_span[0])
    if i is None or any(t.lower_ == "respectively" for t in sent):
        return []
    token = sent.doc[i]
    while token.dep_ == "compound" and token.head.i > token.i and token.head.i < sent.end:
        token = token.head  # "Munich Re": the name's head word carries the conjuncts
    conjuncts = [c for c in token.conjuncts if sent.start <= c.i < sent.end]
    holder = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else None
    if not conjuncts and holder is not None and holder.lower_ in ("shares", "stock", "stocks"):
        # "Shares in Munich Re and Swiss Re both fell": the parser hangs the second name on "Shares"
        conjuncts = [c for c in holder.conjuncts if c.pos_ == "PROPN" and sent.start <= c.i < sent.end]
        joiner = holder if conjuncts else token
    else:
        joiner = token
    joined = any(ch.dep_ == "cc" and ch.lower_ in ("and", "&") for t in (joiner, *conjuncts) for ch in t.children)
    own = _entity_at(ctx, token)
    out: list[Fact] = []
    seen = {fact.subject_key}
    # "Acme and its boss Ann Lee were each fined $1m": "each" / "both" shares the amount across kinds
    each = any(t.lower_ in ("each", "both") and t.pos_ in ("PRON", "DET", "ADV") for t in sent)
    for c in conjuncts if joined and own is not None else ():
        ent = _entity_at(ctx, c)
        if ent is None:  # "Acme and its chairman Ann Lee": the name in apposition to the joined noun
            c = next((a for a in c.children if a.dep_ in ("appos", "compound") and _entity_at(ctx, a)), c)
            ent = _entity_at(ctx, c)
        kinds = ent is not None and (ent.label == own.label or each and {ent.label, own.label} <= {"ORG", "PERSON"})
        if not kinds or ent.entity_key in seen or ent.start <= token.idx < ent.end:
            continue
        seen.add(ent.entity_key)
        out.append(
            dataclasses.replace(
                fact,
                subject=ent.canonical_name,
                subject_key=ent.entity_key or None,
                subject_span=(c.idx, c.idx + len(c.text)),
                subject_source="conjunct",
            )
        )
    return out


def _skip_quantity(q: QuantityMention, dates: Sequence[DateMention], entities: Sequence[EntityMention]) -> bool:
    if any(d.start < q.end and q.start < d.end for d in dates):
        return True
    # numbers inside names ("Mi 2", "Galaxy S3") are not amounts
    return any(e.start <= q.start and q.end <= e.end and e.label in ("PRODUCT", "ORG", "WORK_OF_ART") for e in entities)


def _demonym_unit(unit: str) -> bool:
    """A counted noun that is a people's name: "ethiopian", or the last word of one ("lankan")."""
    word = unit[:1].upper() + unit[1:]
    c = cues()
    return word in c.demonyms or word in c.demonym_last_words or word in c.people_demonyms


def _unit(q: QuantityMention, previous: list[tuple[int, str]], sent_index: int, span: Span | None = None) -> str | None:
    """The quantity's unit; a bare number takes the noun it counts, or the counted unit of a fact
    just before it ("ship five million")."""
    if q.unit and q.unit != "dimensionless":
        return "person" if _demonym_unit(q.unit) else q.unit  # "2.2 million Ethiopians", "400,000 Sri Lankans"
    if _fraction(q):
        return None  # "two thirds of the world's population", "two-fifths of schools": a share, dimensionless
    doc = span.doc if span is not None else None
    quoted = _quoted_currency(span) if span is not None else None
    if quoted is not None:  # "The spot riyal was firmer at 3.7495/98 to the dollar": riyals per dollar
        return quoted
    per_share = _PER_SHARE_AFTER.match(doc_text(doc), span.end_char) if doc is not None and q.value >= 1000 else None
    if per_share is not None:  # "income was 1,014,000, or 51 cts per share": the money the share figure divides
        money = next((u for _, u in reversed(previous) if u.startswith("money:")), None)
        sign = {"$": "USD", "£": "GBP"}.get(per_share.group(2) or "", "USD")
        return (
            _inherited(money, scaled=True) if money else _SHARE_CURRENCY.get((per_share.group(1) or "").lower(), sign)
        )
    if doc is not None and span.end + 1 < len(doc) and doc[span.end].text == "-":
        counted = doc[span.end + 1]  # "a three-judge panel": three judges
        if counted.pos_ == "NOUN" and counted.tag_ == "NN" and not counted.like_num and counted.is_alpha:
            return counted.lemma_.lower()
    if span is not None and previous and previous[-1][0] == sent_index and not _year_like(q) and _bare_item(span):
        return _inherited(previous[-1][1], scaled=False)  # "31,000 tonnes, in West Germany 21,000": the list's measure
    if span is not None and span.doc.has_annotation("DEP"):
        noun = _measured(span, q)
        counted = noun.lemma_.lower() not in cues().uncounted_nouns  # "10 times faster", "9.10 mln": no things
        counted = counted and not noun.like_num  # "to 10,847.66": a number tagged as a noun counts nothing
        if noun is not span.root and noun.pos_ in ("NOUN", "PROPN") and noun.tag_ in ("NNS", "NNPS") and counted:
            return _counted_name(noun)
    people = _people_beside(span) if span is not None else None
    if people is not None:
        return people
    if span is not None:  # the plural noun right after the number, past a product name ("45 million Galaxy S7 phones")
        for t in span.doc[span.end : span.end + 4]:
            if t.text in (",", ";", ":", "(", ")", "-", "--", ".", "!", "?") or t.is_sent_start:
                break  # "to 2,004, as investors ...": a clause boundary ends what the number counts
            if t.pos_ == "NOUN" and t.tag_ in ("NNS", "NNPS"):
                if t.lemma_.lower() in cues().uncounted_nouns:
                    break  # "9.10 mln", "10 times": no counted noun; the measure may come from the sentence
                return t.lemma_.lower()
            if t.pos_ not in ("PROPN", "NUM", "ADJ", "PUNCT") and t.tag_ not in ("VBG", "VBN"):
                break
    follows = word_after(span.doc, span.end) if span is not None else None
    if follows is not None and follows.lower_ == "of":  # partitive: "1 million of the devices"
        for t in (t for t in span.doc[follows.i + 1 : follows.i + 6] if not t.is_space):
            if t.pos_ == "NOUN" and t.tag_ == "NNS":
                return t.lemma_.lower()
            if t.pos_ not in ("DET", "ADJ", "PRON", "PROPN", "NUM"):
                break
    # ellipsis only: the number is followed by no noun of its own ("they will ship five million by ...")
    c = cues()
    measure = follows is not None and follows.lemma_.lower() in c.country_owner | c.implicit_owner
    if follows is not None and follows.pos_ in ("NOUN", "PROPN") and not measure:
        return None  # ... but "a 600 mln surplus" is the sentence's money: the noun is what it measures
    level = _level_after_hundredths(span) if span is not None else None
    if level is not None:  # "shares rose 12 cents to 4.50": 4.50 dollars, not 4.50 shares
        return level
    counted = _clause_count(span) if span is not None and span.doc.has_annotation("DEP") else None
    if counted is not None:  # "its broadband customers rose to 5.1 million": customers, not the euros before
        return counted
    for idx, unit in reversed(previous):
        if sent_index - idx <= cues().inherit_sentences and q.value >= 1000 and unit in cues().count_units:
            return unit
    last = previous[-1] if previous else None  # "Exports in October 1986 were 20,064" after "165,859 tonnes"
    measure = last is not None and last[1] in cues().inherited_measures
    if measure and sent_index - last[0] <= cues().inherit_sentences and q.value >= 1000:
        return last[1]
    prev = word_before(span.doc, span.start) if span is not None else None
    more = span is not None and bool(previous) and _more_of_the_same(prev, follows)
    if more and sent_index - previous[-1][0] <= cues().inherit_sentences and _counted_unit(previous[-1][1]):
        return None if _year_like(q) else previous[-1][1]  # "ordered 107 planes with options on 193 more"
    listed = prev is not None and prev.lower_ in _LIST_WORDS
    if listed and previous and previous[-1][0] == sent_index and _counted_unit(previous[-1][1]) and not _year_like(q):
        return previous[-1][1]  # "cancelled 1,100 flights, with 180 on Friday and 140 on Saturday": the same things
    scaled = cues().scaled_amount.search(q.text) is not None
    # "rose to 136,000 tonnes on March 7 from 31,000": the figure it is compared with is the same measure
    compared = span is not None and _compared_with(span)
    for idx, unit in reversed(previous):  # "a deficit of 700 mln dlrs, from 1.29 billion": the same money
        near = sent_index - idx <= cues().inherit_sentences
        if unit.startswith("money:") and near and (scaled or compared and idx == sent_index):
            return _inherited(unit, scaled=scaled)
        if scaled and unit == "percent":
            continue  # "down 8.1 pct from 9.10 mln": millions of the measure, not of percent
        if (scaled or compared) and idx == sent_index:  # "rose to 16.49 mln barrels from 16.11 mln"
            return _inherited(unit, scaled=scaled)
    return None if q.unit in (None, "dimensionless") else q.unit


_PER_SHARE_AFTER = re.compile(
    r",?\s+or\s+(?:[\d.,]+\s*(cts|cents|dlrs?|p|pence)|(\$|£)\s*[\d.,]+)\s+(?:a|per)\s+share\b", re.IGNORECASE
)
_SHARE_CURRENCY = {"cts": "USD", "cents": "USD", "dlr": "USD", "dlrs": "USD", "p": "GBP", "pence": "GBP"}


def _quoted_currency(span: Span) -> str | None:
    """ "The spot riyal was firmer at 3.7495/98 to the dollar", "pegged at 8.28 yuan to the dollar"
    without the word: a rate quoted against another currency is in the currency the sentence names
    before it (a word of one currency only: not "dollar", "franc", "peso")."""
    if quoted_base(doc_text(span.doc), span.end_char) is None:
        return None
    words = _one_currency_words()
    for t in reversed(span.doc[span.sent.start : span.start]):
        code = words.get(t.lower_)
        if code is not None:
            return code
    return None


@functools.cache
def _one_currency_words() -> dict[str, str]:
    """Currency words of the quantities rules that name one currency (an ISO code): "riyal" -> SAR."""
    return {w: code for w, code in currencies()["words"].items() if code.isupper() and len(code) == 3}


def _bare_item(span: Span) -> bool:
    """A figure written as a list item after its name, with no noun of its own ("in Belgium 19,050,")."""
    follows = word_after(span.doc, span.end)
    own = follows is not None and follows.pos_ in ("NOUN", "PROPN") and not follows.is_sent_start
    return not own and list_item_name(span.sent, span.start) is not None


_MORE_AFTER = frozenset({"more", "others"})
_MORE_BEFORE = frozenset({"another", "remaining", "further", "other", "additional"})


def _more_of_the_same(prev: Token | None, follows: Token | None) -> bool:
    """ "193 more", "another 15", "the remaining 10": more of the things counted just before (``prev``
    and ``follows``: the words before and after the amount)."""
    return (follows is not None and follows.lower_ in _MORE_AFTER) or (prev is not None and prev.lower_ in _MORE_BEFORE)


_LIST_WORDS = frozenset({"with", "and", ",", "another", "further", "while", "but", "including"})


def _counted_unit(unit: str) -> bool:
    """A counted noun ("flight", "plane"), not money, a percentage or a physical measure."""
    return not unit.startswith("money:") and unit not in ("percent", "dimensionless", "point") and " " not in unit


def _year_like(q: QuantityMention) -> bool:
    return q.value == int(q.value) and 1900 <= q.value <= 2100


def _counted_name(noun: Token) -> str:
    """The singular of a counted plural: its lemma; "Ethiopians" (people of a nationality) are
    persons; a capitalised plural the tagger left unlemmatised loses its ending ("Subsidiaries")."""
    if noun.text.endswith("s") and noun.text[:-1] in cues().demonyms:
        return "person"
    if noun.pos_ == "NOUN":
        return noun.lemma_.lower()
    low = noun.lower_
    return low[:-3] + "y" if low.endswith("ies") else low.rstrip("s")


def _inherited(unit: str, *, scaled: bool) -> str:
    """An earlier amount's unit for this one; a scaled amount takes a money unit's major currency
    ("Shr 16.3p ... Interest payable 8.10 mln": millions of pounds, not of pence)."""
    unit = unit.removeprefix("money:")
    return cues().minor_units.get(unit, unit) if scaled else unit


_COMPARED_BY = frozenset({"from", "vs", "versus", "against"})
_COMPARED_NOUNS = frozenset({"figure", "level", "record", "total", "mark"})


def _compared_with(span: Span) -> bool:
    """A figure set against another of the sentence: "from 16.11 mln", "down from January's 881,778",
    "against last year's 100,941", "the year-ago figure of 81,648", "the previous record of 61,398"."""
    doc = span.doc
    i = span.start - 1
    while i >= max(span.sent.start, span.start - 6):
        t = doc[i]
        if t.is_space:  # a wire line break ("compared with\n22,345,718")
            i -= 1
            continue
        if t.lower_ in _COMPARED_BY:
            return True
        if t.lower_ in ("with", "to") and i > 0 and doc[i - 1].lower_ in ("compared", "compares", "comparing"):
            return True  # "24.5 mln dlrs, compared with 7,900,000 for 1985"
        if t.lower_ == "of":
            return i == span.start - 1 and i > 0 and doc[i - 1].lemma_.lower() in _COMPARED_NOUNS
        if not (t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM") or t.tag_ == "POS" or t.text == "-"):
            return False
        timeword = t.lower_ in ("year", "ago") or t.ent_type_ in ("DATE", "TIME")
        if i < span.start - 1 and t.pos_ == "NOUN" and t.lemma_.lower() not in _COMPARED_NOUNS and not timeword:
            return False
        i -= 1
    return False


def _level_after_hundredths(span: Span) -> str | None:
    """The currency of a bare level written right after a change in its hundredths ("rose 12 cents to
    4.50", "eased five pfennigs to 101.25", "fell 10 pence to 98.50"), else None."""
    to = word_before(span.doc, span.start)
    before = word_before(span.doc, to.i) if to is not None and to.lower_ == "to" else None
    if before is not None and _GLUED_PENCE.fullmatch(before.text):
        if "." in span.text:
            return cues().minor_units["pence"]  # "rose 25p to 11.05": pounds and pence
        # "up 4-1/2p to 90-1/2", "fell 3p to 245": a share price in pence, like its change
        return "penny" if _pence_level(before, span) else None
    return cues().minor_units.get(before.lemma_.lower()) if before is not None else None


_GLUED_PENCE = re.compile(r"[\d.,/]+p")


def _pence_level(change: Token, level: Span) -> bool:
    """Whether a level written without a decimal point after a change in pence is in pence too: above a change of at
    least a penny (not a gilt's "rose 1/2p to 101-3/4"; "up 4-1/2p" is four pence and a half)."""
    doc = change.doc
    if "/" in change.text:  # "1/2p": the whole pence, if any, are written before it with a hyphen
        glued = change.i >= 2 and doc[change.i - 1].text == "-" and doc[change.i - 2].text.isdigit()
        whole = int(doc[change.i - 2].text) if glued else 0
    else:
        digits = re.match(r"\d+", change.text)
        whole = int(digits.group()) if digits else 0
    level_value = re.match(r"\d+", level.text.replace(",", ""))
    return level_value is not None and 1 <= whole < int(level_value.group())


# nouns a compound before them says the kind of: "the customer base", "car sales", "truck deliveries"
_COUNTED_BY_KIND = frozenset({"base", "sale", "sales", "delivery", "shipment", "registration"})


def _clause_count(span: Span) -> str | None:
    """The things a bare number counts when its clause's subject or object is a count noun of the
    known kinds ("customers ... rising to 5.1 million", "swelling its subscriber base to 5.4 million")."""
    verb = _governing_verb(span.root, span.sent)
    if verb is None:
        return None
    # the verb's own subject or object; the subject of the clause it modifies ("customers increased,
    # rising to 5.1 million"), never the object of a coordinated verb ("cut 1,500 jobs and raised prices by 5")
    verbs = [(verb, ("nsubj", "nsubjpass", "dobj"))]
    if verb.dep_ in ("advcl", "xcomp"):
        verbs.append((verb.head, ("nsubj", "nsubjpass")))
    units = cues().count_units
    for v, deps in verbs:
        for ch in v.children:
            if ch.dep_ not in deps or ch.i in range(span.start, span.end):
                continue
            if ch.tag_ == "NNS" and ch.lemma_.lower() in units:
                return ch.lemma_.lower()
            if ch.lemma_.lower() in _COUNTED_BY_KIND:  # "its subscriber base", "Truck sales rose 18 pct to 55,054"
                kinds = [t for t in ch.children if t.dep_ == "compound" and t.i < ch.i]
                # ... or after it: "sales of passenger cars fell 25.9 pct to 828,784"
                kinds += [p for t in ch.rights if t.dep_ == "prep" and t.lower_ == "of" for p in t.children][:1]
                kind = kinds[-1].lemma_.lower() if kinds else None
                if kind in units:
                    return kind
    return None


def _fraction(q: QuantityMention) -> bool:
    """A share written as a fraction, below one ("half", "a third", "two-fifths", "3/4"), as the facts
    guidelines count it: dimensionless, not the things after it."""
    if not 0 < q.value < 1 or q.value_max is not None:
        return False
    words = re.findall(r"[a-z]+", q.text.lower())
    if re.search(r"\b(?:in|out\s+of)\b", q.text.lower()):
        return True  # "one in five", "two out of three": a ratio, dimensionless
    return any(w in _fraction_words() for w in words) or re.fullmatch(r"\d+/\d+", q.text.strip()) is not None


@functools.cache
def _fraction_words() -> frozenset[str]:
    from ..quantities.numbers import lexicon

    return frozenset(lexicon()["fractions"])


_PEOPLE_UNITS = frozenset({"person", "people", "staff", "worker", "employee"})


def _employees(q: QuantityMention, unit: str | None, span: Span) -> str | None:
    """People a firm employs are its employees, as the facts guidelines count them ("employs 163,000
    people", "7,600 workers"; "reduce its workforce by 7,000", "workforce trimmed from 155,000 to
    110,000 staff"): the amount's verb is "employ", or the verb's subject or object is a workforce."""
    bare = q.kind not in ("currency", "percent") and (
        q.unit in (None, "dimensionless", "job") or q.unit in _PEOPLE_UNITS
    )
    if not bare or (unit is not None and unit not in _PEOPLE_UNITS and unit != "job"):
        return unit
    verb = _governing_verb(span.root, span.sent)
    if verb is None:
        return unit
    if verb.lemma_.lower() == "employ" and unit in _PEOPLE_UNITS:
        return "employee"
    people = cues().people_properties
    staff = any(
        ch.dep_ in ("nsubj", "nsubjpass", "dobj") and people.get(ch.lemma_.lower()) == "employee"
        for ch in verb.children
    )
    if not staff or (unit == "job" and span.end < len(span.doc) and span.doc[span.end].lemma_.lower() == "job"):
        return unit  # "cut its workforce by cutting 500 jobs": jobs written are jobs
    return "employee"


def _people_beside(span: Span) -> str | None:
    """The unit of people a word right beside a bare number names (``people_properties``): an adjective after it
    ("about five million unemployed") or a noun before it ("the world's most populous country - population 1.3bn")."""
    people, doc = cues().people_properties, span.doc
    for t, pos in (
        (doc[span.end] if span.end < len(doc) else None, "ADJ"),
        (doc[span.start - 1] if span.start else None, "NOUN"),
    ):
        if t is not None and t.pos_ == pos and t.lower_ in people:
            return people[t.lower_]
    return None


def _counted_compound(prop: Token) -> str | None:
    """ "vehicle sales", "handset shipments": sales counted in the things the compound names."""
    if prop.lemma_.lower() not in ("sale", "sales", "shipment", "delivery", "order"):
        return None
    counted = [ch.lemma_.lower() for ch in prop.children if ch.dep_ == "compound" and ch.pos_ == "NOUN"]
    return next((w for w in counted if w in cues().count_units), None)


def _counted_property(prop: Token) -> str | None:
    """The things a bare number counts when its property is a plural count noun ("loans fell to
    77,000") or "the number of" one; None for amounts that are not counts ("sales", "prices")."""
    c = cues()
    noun = prop
    if prop.lemma_.lower() in c.people_properties:  # "employment was 11,777,000": people
        return c.people_properties[prop.lemma_.lower()]
    if prop.lemma_.lower() in c.number_nouns:
        noun = next((p for ch in prop.children if ch.lower_ == "of" for p in ch.children if p.dep_ == "pobj"), prop)
        # "the jobless total", "the unemployment count": a total of the people its modifier names
        kinds = [c.people_properties.get(ch.lemma_.lower()) for ch in prop.children if ch.dep_ in ("amod", "compound")]
        if noun is prop and any(kinds):
            return next(k for k in kinds if k)
        if noun is not prop and noun.lower_ in c.people_properties:
            return c.people_properties[noun.lower_]  # "the number of jobless", "of unemployed": people
        if noun is not prop and noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS"):
            return "person"  # "the number of Europeans online": people
    if noun.lemma_.lower() in c.minor_units:
        # "eased five pfennigs to 101.25", "rose 12 cents to 4.50": the level after a change in hundredths is
        # in the currency itself, not 101.25 pfennigs
        return c.minor_units[noun.lemma_.lower()]
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or noun.lemma_.lower() in c.uncounted_nouns:
        return None
    return noun.lemma_.lower()


def _counted_subject(verb: Token) -> str | None:
    """What a bare number after a verb counts when the verb's subject names a count of people or "the number
    of" things ("the population is expected to peak at 127 million", "the number of users rose to 9 million");
    the subject of the verb a control verb governs counts ("is expected to peak")."""
    v = verb
    for _ in range(3):
        subj = next((ch for ch in v.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            lemma = subj.lemma_.lower()
            if lemma in cues().people_properties or lemma in cues().number_nouns:
                return _counted_property(subj)
            return None
        if v.dep_ not in ("xcomp", "conj") or v.head.i == v.i:
            return None
        v = v.head
    return None


_CONVERSION_GAP = re.compile(r"\s*[(;]\s*")


_COMPARED = re.compile(r"(?i)(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:an?\s+|the\s+)?$")


# "compared to 14,738 for the Liberal Democrat candidate": a compared figure that names its own owner
# "A quarter of a million Sri Lankans and 23,500 people in the Maldives": a listed figure with its own place
_OWN_PLACE = re.compile(r"\s+(?:[a-z]+\s+)?in\s+(?:the\s+)?[A-Z]")
_OWN_OWNER = re.compile(r"\s+(?:for|by|at|of|from)\s+(?:the\s+|its\s+)?(?:[A-Z][\w&.-]*\s+)*[A-Z]")


def _own_place(ctx: ArticleContext, doc: Doc, end: int) -> bool:
    """ "and 23,500 people in the Maldives": a listed figure followed by "in" and a place of its own (a place
    name, the model's or the gazetteer's; not a month: "102,000 in May")."""
    m = _OWN_PLACE.match(doc_text(doc), end)
    word = doc.char_span(m.end() - 1, m.end(), alignment_mode="expand") if m is not None else None
    ent = _entity_at(ctx, word[0]) if word is not None else None
    return ent is not None and (ent.label in ("GPE", "LOC") or country_code(ent.canonical_name) is not None)


def _own_owner(doc: Doc, end: int) -> bool:
    """A name right after the amount says whose it is ("compared to 14,738 for the Green candidate"); a
    date there ("36,000 for June") names no one."""
    m = _OWN_OWNER.match(doc_text(doc), end)
    if m is None:
        return False
    last = doc.char_span(m.end() - 1, m.end(), alignment_mode="expand")
    return last is None or last[0].ent_type_ not in ("DATE", "TIME")


def _subject_of(other: Fact) -> dict:
    """The subject fields of another fact, for ``dataclasses.replace``: the same entity, the same span."""
    return {"subject": other.subject, "subject_key": other.subject_key, "subject_span": other.subject_span}


def _weakly_owned(fact: Fact) -> bool:
    """No parse rule named the fact's subject: none, or the article's candidates chose it."""
    return fact.subject is None or (fact.subject_source or "").startswith("candidate:")


def _joined_to_compared(span: Span, previous: Fact) -> bool:
    """ "compared with 22.3 mln in the previous week and 16.6 mln in the year-ago week": a figure
    joined by "and" to a compared one is compared too."""
    if previous.subject_source != "compared" or previous.quantity_span is None:
        return False
    head = span.root.head if span.root.dep_ == "conj" else None
    return head is not None and previous.quantity_span[0] <= head.idx < previous.quantity_span[1]


def _as_compared(fact: Fact, previous: Fact, source: str = "compared", *, measure: bool = False) -> Fact:
    """ "Members crushed 21.8 mln bushels, compared with 22.3 mln bushels in the previous week": a
    figure set against the sentence's previous one, with no owner of its own, is the same subject's
    (when a parse rule named that one); with ``measure``, the same property's too."""
    if previous.value is None or previous.subject is None or _weakly_owned(previous):
        return fact
    same = {"predicate": previous.predicate, "property_key": previous.property_key} if measure else {}
    return dataclasses.replace(fact, **_subject_of(previous), **same, subject_source=source)


def _moved_from(span: Span, fact: Fact, previous: Fact) -> bool:
    """ "predicted growth of 7.1% in 2005-6, up from 6.7% in the current year": the figure after "up
    from"/"down from" is the earlier level of the amount before it (same unit), whoever the verb's
    subject is: the same subject's, the same property's."""
    doc = span.doc
    i = span.start
    return (
        i >= 2
        and doc[i - 1].lower_ == "from"
        and doc[i - 2].lower_ in ("up", "down")
        and previous.value is not None
        and previous.unit == fact.unit
        and previous.quantity_span is not None
        and previous.quantity_span[1] <= doc[i - 2].idx
    )


def _from_to(span: Span, fact: Fact, previous: Fact) -> bool:
    """ "cut Turkcell's stake in the network from 70% to 49%": the level after "from A to" is the same
    subject's and property's as A, whoever the verb's subject is."""
    text = doc_text(span.doc)
    if previous.value is None or previous.unit != fact.unit or previous.quantity_span is None:
        return False
    start = previous.quantity_span[0]
    before = text[max(0, start - 6) : start]
    return bool(re.search(r"\bfrom\s+$", before)) and bool(
        re.fullmatch(r"\s+to\s+", text[previous.quantity_span[1] : span.start_char])
    )


def _list_item_after(span: Span, q: QuantityMention, fact: Fact, previous: Fact) -> bool:
    """ "30,000 tonnes for April shipment, 102,000 for May, 15,000 for June": a bare number that opens
    the next item of a comma list after the sentence's previous amount, in that amount's unit."""
    if previous.quantity_span is None or previous.unit is None or previous.unit != fact.unit or q.kind == "percent":
        return False
    if not re.fullmatch(r"[\d.,]+", q.text):  # the unit is elided: "102,000", not "102,000 tonnes"
        return False
    doc = span.doc
    between = [t for t in doc[span.sent.start : span.start] if t.idx >= previous.quantity_span[1] and not t.is_space]
    if not between or len(between) > 10 or between[-1].text not in (",", "and"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and not t.ent_type_ for t in between)  # "late May/early June"


def _continued_price(ctx: ArticleContext, fact: Fact, si: int) -> Fact:
    """ "US crude oil prices rose above $50 a barrel ... Although below last year's peak of $55.67,
    prices are well above 2004's average of $41.48": money with no owner a parse rule named, in the
    currency of the market price stated within the last few sentences, continues that price story;
    a price a market rule names starts one."""
    if fact.subject_source == "market" and fact.value is not None:
        ctx.priced = (si, fact)
        return fact
    if ctx.priced is None or not _weakly_owned(fact):
        return fact
    at, price = ctx.priced
    if si - at > cues().inherit_sentences or price.unit != fact.unit:
        return fact
    return dataclasses.replace(fact, **_subject_of(price), subject_source="market_price")


def _compared_figure(doc: Doc, previous: Fact, q: QuantityMention, s_dates: Sequence[DateMention]) -> Fact | None:
    """ "The index fell to 231.9 in January, and compared with 223.7 a year ago": a bare figure the
    sentence compares with its last fact is the same measure of the same subject, at its own date."""
    text = doc_text(doc)
    if previous.value is None or previous.subject is None or previous.quantity_span is None or q.kind != "number":
        return None
    if _COMPARED.search(text[max(previous.quantity_span[1], q.start - 30) : q.start]) is None:
        return None
    own = next((d for d in s_dates if 0 <= d.start - q.end <= 4 and d.value), None)  # "223.7 a year ago"
    return dataclasses.replace(
        previous,
        value=q.value,
        value_max=q.value_max,
        change=None,
        time_value=own.value if own is not None else None,
        time_role="in" if own is not None else None,
        date_span=(own.start, own.end) if own is not None else None,
        quantity_span=(q.start, q.end),
        sources=((previous.sentence_start, previous.sentence_end),),
        subject_source="compared",
    )


def _restatements(doc: Doc, qs: Sequence[QuantityMention]) -> set[int]:
    """Starts of the money amounts that restate the one before in brackets ("1m euros ($1.3m; £690,000)")."""
    money = sorted((q for q in qs if q.kind == "currency"), key=lambda q: q.start)
    return {
        q.start for before, q in zip(money, money[1:], strict=False) if _restates(doc, (before.start, before.end), q)
    }


def _is_conversion(doc: Doc, previous: Fact, q: QuantityMention) -> bool:
    """ "30 trillion rupiah ($3.2bn; £1.7bn)": an amount in brackets right after another amount
    restates it in another currency, whatever the parser made of the brackets."""
    if previous.quantity_span is None or previous.value is None or q.kind != "currency":
        return False
    return _restates(doc, previous.quantity_span, q)


def _restates(doc: Doc, before: tuple[int, int], q: QuantityMention) -> bool:
    """Whether ``q`` follows the amount at ``before`` in brackets (opened just before it), separated
    only by the bracket or a semicolon."""
    text = doc_text(doc)
    opened = "(" in text[max(0, before[0] - 2) : q.start]
    return opened and _CONVERSION_GAP.fullmatch(text[before[1] : q.start]) is not None


def _as_conversion(fact: Fact, previous: Fact) -> Fact:
    """The restated amount takes the subject, predicate, time and modality of the amount it restates."""
    return dataclasses.replace(
        fact,
        **_subject_of(previous),
        predicate=previous.predicate,
        property_key=previous.property_key,
        time_value=previous.time_value,
        time_mod=previous.time_mod,
        time_role=previous.time_role,
        start_date=previous.start_date,
        end_date=previous.end_date,
        date_span=previous.date_span,
        modality=previous.modality,
        negated=previous.negated,
        attribution=previous.attribution or fact.attribution,
    )


def _paragraph_pieces(sent: Span, breaks: Sequence[int] | None = None) -> list[Span]:
    """A "sentence" the parser ran across a blank line ("Headline\n\nFirst sentence ...") is
    cut there: a paragraph break always ends a sentence, and a headline is not a clause of the
    sentence below it. ``breaks``: ``doccache.blank_lines`` of the Doc, when the caller has them."""
    if breaks is None:
        breaks = blank_lines(sent.doc)
    cuts = breaks[bisect_left(breaks, sent.start) : bisect_left(breaks, sent.end)]
    if not cuts:
        return [sent]
    pieces, start = [], sent.start
    for cut in [*cuts, sent.end]:
        if cut > start:
            pieces.append(sent.doc[start:cut])
        start = cut + 1
    return [p for p in pieces if not all(t.is_space or t.is_punct for t in p)]


_PRIOR = re.compile(r"(?i)\b(?:previous|prior|earlier|year-ago|year-earlier|last)\b")
_PERIOD_WORD = re.compile(r"(?i)\b(quarter|year)\b")


def _fiscal_periods(table_facts: list[Fact]) -> dict[str, tuple[str, str]]:
    """{"quarter": (current, prior), "year": (...)}: the periods a results table resolved."""
    out: dict[str, tuple[str, str]] = {}
    for current, prior in zip(table_facts[::2], table_facts[1::2], strict=False):
        if current.time_value and prior.time_value:
            kind = "quarter" if "-Q" in current.time_value else "year" if current.time_value.isdigit() else None
            if kind is not None:
                out.setdefault(kind, (current.time_value, prior.time_value))
    return out


# "in the quarter", "for the year", "in the latest year": a period of the results table above
_NOTE_PERIOD = re.compile(
    r"(?i)\b(?:in|for|during|of)\s+(?:the\s+)?(?:(latest|current|previous|prior|year-ago|year-earlier)\s+)?"
    r"(?:fiscal\s+|full\s+)?(quarter|year|qtr)\b"
)
# what a note compares the current figure with: the table's prior period
_VERSUS = re.compile(r"(?i)\b(?:vs\.?|versus|compared\s+with|compared\s+to|against)\s")


def _in_notes_period(fact: Fact, text: str, periods: dict[str, tuple[str, str]]) -> Fact | None:
    """The period of a figure in the notes below a results table, from the period phrase of its part
    of the sentence, the one that closes it ("a gain of 30.8 mln vs a loss of 238.9 mln in the quarter
    and a gain of 28.4 mln vs 472.0 mln for the year") or else the one that opens it ("Revs for qtr
    include gains of 3.0 mln vs 2.0 mln, and for year of 9.8 mln vs 5.8 mln"); after "vs", the prior
    period."""
    if fact.quantity_span is None:
        return None
    q0, q1 = (x - fact.sentence_start for x in fact.quantity_span)
    sentence = text[fact.sentence_start : fact.sentence_end]
    cuts = [(m.start(), m.end()) for m in _NOTE_PART.finditer(sentence)]
    part_start = max((b for a, b in cuts if b <= q0), default=0)
    part_end = min((a for a, b in cuts if a >= q1), default=len(sentence))
    lead = _NOTE_LEAD.match(sentence, part_start)
    if lead is not None and lead.end() <= q0:
        led = _led_period(lead, periods)
        kind = _lead_kind(lead)
        if led is not None and kind in periods and _VERSUS.search(sentence[lead.end() : q0]):
            # "Qtr net excludes a gain of 4.6 mln, versus a gain of 17.3 mln": after "versus", the prior period
            led = periods[kind][1] if led == periods[kind][0] else led
        if led is not None:
            return dataclasses.replace(fact, time_value=led, time_role="period")
    if fact.time_value and any(ch.isdigit() for ch in _said(fact, text)):
        return None
    phrases = [m for m in _NOTE_PERIOD.finditer(sentence) if part_start <= m.start() and m.end() <= part_end]
    chosen = next((m for m in phrases if m.start() >= q1), None) or next(
        (m for m in reversed(phrases) if m.end() <= q0), None
    )
    if chosen is None:
        return None
    kind = {"qtr": "quarter"}.get(chosen.group(2).lower(), chosen.group(2).lower())
    if kind not in periods:
        return None
    opening = max((m.end() for m in _NOTE_PERIOD.finditer(sentence) if m.end() <= q0), default=part_start)
    before = sentence[max(opening, part_start) : q0]
    prior = bool(_VERSUS.search(before) or _PRIOR.search(chosen.group(1) or ""))
    current, previous = periods[kind]
    return dataclasses.replace(fact, time_value=previous if prior else current, time_role="period")


# a note line that opens with its period: "1985 year net excludes ...", "1986 qtr excludes ...",
# "Prior qtr excludes ...", "NOTE: prior year includes ..."
_NOTE_LEAD = re.compile(
    r"(?i)\s*(?:NOTE\s*[:-]?\s*)?(?:(?:(?P<year>(?:19|20)\d\d)|(?P<rel>prior|previous|year-ago|current|latest))"
    r"\s+(?:fiscal\s+)?(?P<kind>qtr|quarter|year|yr)\b"
    # a bare period word opens a note only before what the table states ("Qtr shr and net exclude ...")
    r"|(?P<bare>qtr|quarter|year|yr)\b(?=\s+(?:shr|net|oper|results?|figures?|revs?|sales|excludes?|includes?)\b))"
)


def _led_period(lead: re.Match, periods: dict[str, tuple[str, str]]) -> str | None:
    """The table period a note line's opening names: its year's one, or the prior / current one."""
    kind = _lead_kind(lead)
    year = lead.group("year")
    if kind not in periods:
        return year if year is not None and kind == "year" else None
    current, prior = periods[kind]
    if year is not None:
        return next((p for p in (current, prior) if p[:4] == year), year if kind == "year" else None)
    rel = (lead.group("rel") or "current").lower()  # "Qtr shr and net exclude ...": the current one
    return prior if rel in ("prior", "previous", "year-ago") else current


def _lead_kind(lead: re.Match) -> str:
    """ "quarter" or "year": the period word a note line opens with."""
    word = (lead.group("kind") or lead.group("bare")).lower()
    return {"qtr": "quarter", "yr": "year"}.get(word, word)


# where a note's sentence starts a new part: ", and for the year ...", "; ...", or a new indented
# line ("\n    Sales 610 billion", "\n    NOTE - ..."); a wrapped line ("vs 86,000\ndlrs") goes on
_NOTE_PART = re.compile(r"(?i),\s+and\s+|;\s+|\s+and\s+(?=(?:in|for|during)\s)|\n[ \t]+(?=[A-Z])")


def _said(fact: Fact, text: str) -> str:
    return text[fact.date_span[0] : fact.date_span[1]] if fact.date_span else ""


def _in_fiscal_period(fact: Fact, text: str, periods: dict[str, tuple[str, str]]) -> Fact:
    """ "in the quarter", "for the year" in the notes below a results table are the table's periods
    (fiscal ones included), "the previous quarter" its prior period."""
    if not periods:
        return fact
    noted = _in_notes_period(fact, text, periods)
    if noted is not None:
        return noted
    if fact.date_span is None:
        return fact
    said = _said(fact, text)
    m = _PERIOD_WORD.search(said)
    if m is None or any(ch.isdigit() for ch in said) or m.group(1).lower() not in periods:
        return fact
    current, prior = periods[m.group(1).lower()]
    return dataclasses.replace(fact, time_value=prior if _PRIOR.search(said) else current, time_role="period")


def _after_dateline(piece: Span, end: int) -> Span | None:
    """The piece without the dateline it starts with ("DALLAS, March 3 - Shr ..." -> "Shr ...")."""
    if piece.start_char >= end:
        return piece
    rest = [t.i for t in piece if t.idx >= end]
    return piece.doc[rest[0] : piece.end] if rest else None


def _parse_fact(
    ctx: ArticleContext, sent: Span, span: Span, q: QuantityMention, unit, s_dates
) -> tuple[Fact | None, Token | None]:
    ctx.amount, ctx.amount_kind, ctx.amount_value, ctx.amount_macro = span, q.kind, q.value, False
    aged = _apposed_age(ctx, span, q)
    if aged is not None:  # "Bernard Ebbers, 63, ...": the person's age
        return _age_fact(sent, aged, q, s_dates), None
    item = _list_item(ctx, span)
    measured = _measured(span, q)
    verb = _governing_verb(measured, sent)
    if verb == measured and span.start <= measured.i < span.end and measured.head != measured:
        verb = _governing_verb(measured.head, sent)  # "100 trillion won" with "won" read as a verb
    relcl = [
        ch
        for ch in measured.children
        if ch.dep_ == "relcl"
        and ch.pos_ == "VERB"
        and not _relative_subject(ch)
        and ch.lemma_.lower() not in cues().response_verbs  # "a 27 dlr offer that Chemlawn has rejected"
    ]
    if relcl:  # "the 7.2 million handsets it shipped in 2012": the relative clause says what happened
        verb = relcl[0]
    prop = _property_noun(ctx, measured, q, verb)
    # an economic figure, or an estimate (of one): "the government revised its forecast up to 2.4 pct"
    ctx.amount_macro = macro_noun(prop) or prop is not None and prop.lemma_.lower() in cues().forecast_nouns
    if unit is None and prop is None and q.kind == "number" and 1 <= q.value < cues().min_bare_value:
        return None, None
    if unit is None and q.kind == "number" and prop is None and not q.vague and verb is None:
        return None, None
    counts = q.kind == "number" and prop is not None and not _fraction(q)  # a share counts no things
    compound = _counted_compound(prop) if counts else None
    if compound is not None:
        unit = compound  # "vehicle sales of four million": vehicles, not an earlier sentence's money
    if unit is None and counts:
        unit = _counted_property(prop)  # "New loans fell to 77,000", "the number of its hotspots rose to 20,000"
    if unit is None and q.kind == "number" and not _fraction(q) and verb is not None:
        unit = _counted_subject(verb)  # "Japan's population is expected to peak at 127 million": people
    dead = verb is not None and _death_verb(verb) and span.root.head == verb
    if unit is None and q.kind == "number" and dead and span.root.dep_ in ("nsubj", "nsubjpass"):
        unit = "person"  # "the disaster in which 96 died": the dead are people
    found = (*item, "list_item") if item is not None else subject_and_source(ctx, prop, verb, measured)
    subject, source = (found[:2], found[2]) if found else (None, None)
    token = subject[0] if subject else None
    if token is not None and not sent.start <= token.i < sent.end:
        subject = None  # found across a paragraph break (a headline above): not this sentence's
    counted = subject is not None and token is not None and subject[1].start <= measured.idx < subject[1].end
    if counted and source not in ("priced_name", "demonym_people"):  # "the $499 Macintosh" is priced
        subject = None  # "the 22 million users who own ...": what is counted (a nationality is its country)
    if subject is not None and token is not None and span.start <= token.i < span.end:
        subject = None  # "NOK 12bn": a currency code read as a name is part of the amount
    if subject is not None and q.kind == "number" and unit in (None, "dimensionless") and is_index(subject[1]):
        unit = "point"  # "the Nasdaq rose 0.9% to 2,004": an index level is in points
    aged = subject is not None and unit is None and _age_at(span, q, measured, subject[1])
    if aged:
        unit, prop = "year", None  # "Mr Hague became an MP at 27": his age then
    # (a people counted "of" a number noun stays in the property: "number of Americans")
    named_here = subject and token is not None and not (source == "demonym_people" and token.dep_ == "pobj")
    skip = {token.i} if named_here else set()
    if subject and token is not None and token.head.dep_ == "compound" and token.dep_ == "compound":
        # "Banque Nationale de Paris Hong Kong branch": the whole name before the place is the subject's
        skip |= {t.i for t in token.head.children if t.dep_ in ("compound", "nmod") and t.i < token.i}
        skip |= {t.i for t in sent if subject[1].start <= t.idx < subject[1].end}
    if prop is not None:
        outside = {t.i for t in prop.subtree if not sent.start <= t.i < sent.end}  # a dateline the parse hung on
        predicate = _phrase(prop, skip=skip | set(range(span.start, span.end)) | outside)
    elif aged:
        predicate = "age"
    elif verb is not None:
        prep = measured.head if measured.dep_ == "pobj" and measured.head.head == verb else None
        predicate = verb.lemma_.lower() + (f" {prep.lower_}" if prep is not None else "")
    else:
        predicate = measured.lemma_.lower()
    anchor = verb if verb is not None else measured
    lead = sent.doc[max(sent.start, span.start - 2) : span.start]  # "up 60 percent from a year earlier"
    changes = (
        q.change is not None
        or (verb is not None and verb.lemma_.lower() in cues().change_verbs)
        or any(t.lemma_.lower() in cues().change_verbs for t in lead)
    )
    time = _pick_time(sent.doc, sent, anchor, s_dates, parsed=True, amount=span, start_from=not changes, prop=prop)
    if time is not None and _describes_subject(ctx, measured, verb, time.mention):
        time = None  # "The group of 12 lenders meets on 3 March": the date is the meeting's
    chain = _verb_chain(verb) if verb is not None else []
    modality, negated = _modality(chain, prop)
    fact = _fact(
        sent,
        subject=subject,
        predicate=predicate,
        q=q,
        unit=unit,
        time=time,
        dates=s_dates,
        modality=modality,
        negated=negated,
        attribution=_attribution(sent, verb),
        per=_per(q, sent.doc, sent, anchor, s_dates, parsed=True),
        subject_source=source if subject is not None else None,
    )
    return (fact, verb) if _worth_a_fact(fact, q, span, prop, source) else (None, None)


def _relative_subject(verb: Token) -> bool:
    """ "a deal valued at $4bn which should lead to 2,500 jobs": the clause is about the amount, not
    what happened to it (its subject is the relative pronoun)."""
    return any(ch.dep_ in ("nsubj", "nsubjpass") and ch.tag_ == "WDT" for ch in verb.children)


# "one of", "at one point", "on the one hand": "one" in a phrase, counting nothing
_ONE_IDIOMS = frozenset(("of", "more", "another", "day", "time", "way", "thing", "point", "set", "side", "hand", "end"))


def _one_counts(span: Span) -> bool:
    """ "reducing the legislative branch to one chamber", "used at only one distribution centre": "one"
    after a word that makes it a count (not "one analyst said", "one of", "one day")."""
    doc = span.doc
    if span.text.strip().lower() != "one" or span.start == 0:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or after.lower_ in _ONE_IDIOMS or after.is_punct:
        return False
    return doc[span.start - 1].lower_ in cues().count_one_cues


def _not_dates(entities: Sequence[EntityMention], dates: Sequence[DateMention]) -> list[EntityMention]:
    """The entities less the events the dates extractor reads as a date ("New Year's Eve", "Christmas"): a time,
    no subject."""
    return [e for e in entities if e.label != "EVENT" or not any(d.start < e.end and e.start < d.end for d in dates)]


def _age_at(span: Span, q: QuantityMention, measured: Token, subject: EntityMention) -> bool:
    """ "Mr Hague became an MP at 27 and Leader of the Opposition at 36": a bare whole number after "at" on a
    person's verb of a life's events (``age_at_verbs``), with nothing counted, is the person's age."""
    at = measured.head
    return (
        q.kind == "number"
        and subject.label == "PERSON"
        and float(q.value).is_integer()
        and cues().age_at_range[0] <= q.value <= cues().age_at_range[1]
        and span.start <= measured.i < span.end  # the number itself, not "at 27 shops"
        and measured.dep_ == "pobj"
        and at.lower_ == "at"
        and at.head.lemma_.lower() in cues().age_at_verbs
    )


def _worth_a_fact(fact: Fact, q: QuantityMention, span: Span, prop: Token | None, source: str | None) -> bool:
    """Whether an amount read from the parse says something about someone."""
    one = q.value == 1 and q.text.strip().lower() in ("one", "a", "an") and q.kind in ("number", "count")
    if one and not _one_counts(span):
        return False  # "one U.S. crew chief said": an article, not an amount
    if _is_age(span.doc, span, q):
        return False  # "aged 30-39", "a 20-year-old man": a description of people
    if span.start > 0 and span.doc[span.start - 1].lower_ == "per":
        return False  # "per 100,000 people", "Earnings per one stg of stock": the base of a rate, not a figure
    # a subject read from the clause's noun phrase (the last resort) does not make a figure of a bare number
    nobody = fact.subject is None or source == "phrase"
    if nobody and q.kind == "number" and fact.unit in (None, "dimensionless") and prop is None:
        return False  # "2.5G", "known as '771", "under 18": a bare number about no one
    if q.vague:
        return False  # "millions of under-18s", "hundreds of Iranians": a manner of speaking, not a figure
    # "Debit cards account for two-thirds of card transactions": the clause's noun phrase owns a share of a
    # whole the text names
    whole = source == "phrase" and span.end < len(span.doc) and span.doc[span.end].lower_ == "of"
    if q.value < 1 and q.kind in ("number", "count") and nobody:
        return whole  # "half the IMF support": a share of something unmeasured, of no one named
    named_here = not nobody and not (source or "").startswith("candidate:")
    if q.kind == "duration" and (fact.subject is None or _place_by_default(source)):
        # "I spend five hours a day online", "must serve 15 days in prison after he swore at a concert in
        # Jamaica": a span of no one named, or only of a place the scorer fell back on, is no one's figure
        return False
    small = q.kind in ("number", "count") and q.value < cues().min_bare_value
    # "this two principal": a small count about no one named here, at no time, says nothing; a count of things
    # the text introduces ("Five public sector unions met", "with two cameras") says how many
    return named_here or fact.time_value is not None or not small or _introduced_count(span, fact)


def _introduced_count(span: Span, fact: Fact) -> bool:
    """Whether a small whole number counts things it introduces: a plural noun it modifies, with no article,
    demonstrative or owner pointing back to things already named ("the two firms", "its three units", "all three
    pillars", ``pointing_determiners``), no "any" ("any two cities"), and no manner of speaking ("in three ways",
    ``manner_count_nouns``)."""
    if fact.unit in (None, "dimensionless", "percent") or fact.value is None or not float(fact.value).is_integer():
        return False
    noun = span.root.head if span.root.dep_ == "nummod" else None
    c = cues()
    if noun is None or noun.tag_ not in ("NNS", "NNPS") or noun.lemma_.lower() in c.manner_count_nouns:
        return False  # (not "in three ways", "on three occasions")
    pointing = c.pointing_determiners
    if any(ch.lower_ in pointing for ch in span.root.children):
        return False  # "all three pillars" as the parse hangs it
    return not any(ch.dep_ == "poss" or ch.dep_ in ("det", "predet") and ch.lower_ in pointing for ch in noun.children)


def _place_by_default(source: str | None) -> bool:
    """Whether the subject is a place the candidates' scorer chose, not the headline's topic."""
    how = source or ""
    return how.startswith("candidate:") and ("label:GPE" in how or "label:LOC" in how) and "headline_topic" not in how


def _age_fact(sent: Span, aged: tuple[Token | None, EntityMention], q: QuantityMention, s_dates) -> Fact:
    return _fact(
        sent,
        subject=aged,
        predicate="age",
        q=q,
        unit="year",
        time=None,
        dates=s_dates,
        modality="reported",
        negated=False,
        attribution=None,
        per=None,
        subject_source="apposed_age",
    )


def _list_item(ctx: ArticleContext, span: Span) -> tuple[Token, EntityMention] | None:
    """ "Texas, 57.4 pct; Oklahoma, 55.9 pct": in a list of places or companies with their
    figures, each figure belongs to the name right before it."""
    doc = span.doc
    comma = word_before(doc, span.start)
    if comma is None or comma.text != ",":
        return None
    following = word_after(doc, span.end)
    after = following.text if following is not None else "."
    if after not in (",", ";", ".", "and", ")"):
        return None
    name = word_before(doc, comma.i)
    if name is None:
        return None
    ent = _entity_at(ctx, name)
    if ent is None or ent.label not in ("GPE", "LOC", "ORG") or name.idx + len(name.text) != ent.end:
        return None
    before = doc[ent_start - 1] if (ent_start := _token_at(doc, ent.start)) is not None and ent_start > 0 else None
    separators = (",", ";", "and", ":", "-", "in", "In", "at", "for")
    return (name, ent) if before is None or before.text in separators or before.is_space else None


def _token_at(doc: Doc, char: int) -> int | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else None


def _apposed_age(ctx: ArticleContext, span: Span, q: QuantityMention) -> tuple[Token | None, EntityMention] | None:
    """ "Mr Ebbers, 63," -> (Ebbers, Bernard Ebbers): a whole number between commas after a person."""
    doc = span.doc
    if not (float(q.value).is_integer() and 1 <= q.value <= 120) or q.value_max is not None or span.start < 1:
        return None
    hyphenated = cues().age_pattern.match(doc_text(doc), q.start)
    if hyphenated is not None:
        return _year_old(ctx, doc, span, hyphenated.end())
    before = doc_text(doc)[max(0, q.start - 40) : q.start]
    if _AGED.search(before):  # not "since the age of 22", "from the age of eight": a start, not an age
        return None if _SINCE_AGE.search(before) else _aged_subject(ctx, span)
    if span.start < 2:
        return None
    # "Warren Leblanc, 17 - who was jailed ...": a dash closes the apposition as a comma does
    # "... to Anthony Elgindy, 36.": the sentence's end closes it too
    following = word_after(doc, span.end)
    comma_after = following is None or following.text in (",", ")", ";", "-", "\u2013", "\u2014", "--", ".")
    comma = word_before(doc, span.start)
    if comma is None or comma.text != "," or not comma_after:
        return None
    name = word_before(doc, comma.i)
    if name is None:
        return None
    person = _entity_at(ctx, name)
    if person is None and name.pos_ == "NOUN" and name.is_lower and any(ch.lower_ == "the" for ch in name.children):
        person = _titled_by(ctx, name)  # "The prince, 20, apologised" after "Prince Harry"
    title = word_before(doc, name.i)
    if (person is None or person.label != "PERSON") and title is not None and title.text in cues().honorifics:
        person = _titled_person(ctx, name)  # "Mr Ebbers, 63,": a title makes a name a person's
    if person is not None and person.label != "PERSON" and _personal_name(name, person, span.end_char):
        return name, dataclasses.replace(person, label="PERSON")  # "Annabella Holmes, 47," tagged as a company
    return (name, person) if person is not None and person.label == "PERSON" else None


def _personal_name(name: Token, entity: EntityMention, after: int) -> bool:
    """Whether a name the model took for a company, with an age set off after it, reads as a person's: two
    capitalised words written as the whole name, without a legal form or a word of business or place names, in a
    sentence that goes on about "he" or "she" and lists no other "Name, N," ("Mother-of-two Annabella Holmes, 47,
    said she ..."; not "Leeds United, 34, and Aston Villa, 31", "Vardon Brothers, 47,")."""
    words = entity.text.split()
    if not (
        entity.label == "ORG"
        and len(words) == 2
        and all(capitalised_word(w) for w in words)
        and entity.canonical_name == entity.text
        and not cues().company_suffix.search(entity.text)
        and words[-1].lower() not in cues().not_personal_surnames
    ):
        return False
    sent = name.sent
    listed = re.search(r",\s*\d{1,3}\s*,", doc_text(name.doc)[after : sent.end_char])  # after the age itself
    personal = any(t.lower_ in ("he", "she", "his", "her", "him") for t in sent if t.i > name.i)
    return personal and listed is None


# "died aged 93", "became an MP at the age of just 28": the number is the age of the clause's subject
_AGED = re.compile(r"(?i)\b(?:aged|age\s+of)\s+(?:(?:just|only|about|around|nearly|almost|roughly|barely)\s+)?$")
_SINCE_AGE = re.compile(r"(?i)\b(?:since|from)\s+the\s+age\s+of\s+\S*\s*$")


def _aged_subject(ctx: ArticleContext, span: Span) -> tuple[Token | None, EntityMention] | None:
    """The person whose age "aged N" / "at the age of N" gives: the subject of its clause ("Neil
    Kinnock became an MP at the age of 28", "He died aged 93"), when that is a person."""
    verb = _governing_verb(span.root, span.sent)
    for subj in (ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")) if verb is not None else ():
        person = _resolve(ctx, subj)
        if person is not None and person.label == "PERSON":
            return subj, person
    return None


def _titled_by(ctx: ArticleContext, noun: Token) -> EntityMention | None:
    """The person named with this title last before ("Prince Harry ... the prince", "Senator Kerry ...
    the senator"), when named in this sentence or the two before it; else None."""
    title = noun.text.capitalize()
    doc = noun.doc
    sent = noun.sent
    first = sent.start
    for _ in range(2):  # the two sentences before this one
        first = doc[first - 1].sent.start if first > 0 else first
    named = [
        e
        for e in ctx.entities
        if e.label == "PERSON" and doc[first].idx <= e.start and e.end <= noun.idx and title in e.text.split()
    ]
    return max(named, key=lambda e: e.end) if named else None


def _titled_person(ctx: ArticleContext, name: Token) -> EntityMention | None:
    """The person "Mr X" names: the one entity whose name ends in X (whatever label the model gave
    it), else X itself."""
    if name.pos_ != "PROPN" or not name.text[:1].isupper():
        return None
    full = {e.entity_key: e for e in ctx.entities if e.canonical_name.split()[-1:] == [name.text]}
    if len(full) == 1:
        return relabelled(next(iter(full.values())), "PERSON")
    end = name.idx + len(name.text)
    return EntityMention(name.idx, end, name.text, "PERSON", name.text, "PERSON:" + name.lower_)


def _year_old(ctx: ArticleContext, doc: Doc, span: Span, end: int) -> tuple[Token | None, EntityMention] | None:
    """ "16-year-old Joseph Scholes" -> the person named right after; "the 16-year-old" standing
    alone (no noun after it) -> the person the text is about. "a 20-year-old man" is nobody named."""
    j = next((t.i for t in doc[span.start :] if t.idx >= end and not t.is_space), None)
    after = doc[j] if j is not None else None
    if after is not None and after.pos_ == "PROPN" and not _role_after(after):
        person = _entity_at(ctx, after)
        return (after, person) if person is not None and person.label == "PERSON" else None
    named = _named_by_noun(ctx, doc[span.end - 1])
    if named is not None:  # "Malcolm Glazer, the 76-year-old owner of ...", "the 20-year-old student Viktor Makarov"
        return named
    definite = doc[span.start - 1].lower_ == "the"
    if definite and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ") or _role_after(after)):
        # "the 16-year-old", "the 51-year-old premier": the person the sentence before was about, else the
        # one the story is about, else the last one named
        person = _previous_subject_person(ctx, span) or ctx.main_person or ctx.person()
        return (None, person) if person is not None else None
    return None


def _named_by_noun(ctx: ArticleContext, old: Token) -> tuple[Token, EntityMention] | None:
    """The person the noun an "N-year-old" describes stands in apposition to ("Glazer, the 76-year-old
    owner") or names as a title before the name ("the 20-year-old student Viktor Makarov")."""
    noun = old.head if old.dep_ == "amod" else None
    if noun is None or noun.pos_ != "NOUN":
        return None
    link = noun.head if noun.dep_ in ("appos", "compound") and noun.head.i != noun.i else None
    person = _entity_at(ctx, link) if link is not None and link.pos_ == "PROPN" else None
    return (link, person) if person is not None and person.label == "PERSON" else None


_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def _previous_subject_person(ctx: ArticleContext, span: Span) -> EntityMention | None:
    """ "Edinburgh architect, Dominic Stephenson, became the first ... The 27-year-old was ...": the
    person named as the subject of the sentence before (or in apposition to it); "Mr Lee has given
    £50,000. He made his fortune from hotels. The 52-year-old said ...": the person "he" / "she" there
    stands for."""
    if span.sent.start == 0:
        return None
    before = span.doc[span.sent.start - 1].sent
    # '"He gave more to me than I gave to him," said Mr Clinton': a quote's "he" is not the last person named
    quoted = any(t.text in _QUOTE_MARKS for t in before)
    last = ctx.recent_people[-1] if ctx.recent_people else None
    for subject in (ch for ch in before.root.children if ch.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in ("he", "she") and not quoted and last is not None and " " in last.canonical_name:
            return last
        for t in (subject, *(a for a in subject.children if a.dep_ == "appos")):
            person = _entity_at(ctx, t)
            # a full name: a one-word "person" is often a club the model mislabelled ("Norwich have signed")
            if person is not None and person.label == "PERSON" and " " in person.canonical_name:
                return person
    return None


def _role_after(token: Token) -> bool:
    """ "premier", "prime minister", "chief executive", "MP": a person's role (through its adjectives)."""
    c = cues()
    roles = c.person_role_nouns | c.commentator_nouns | c.public_role_nouns
    for t in token.doc[token.i : token.i + 3]:
        if t.pos_ == "NOUN":
            return t.lemma_.lower() in roles
        if t.pos_ == "PROPN" and t.lower_ in roles and t.dep_ != "compound" and not _name_goes_on(t):
            return True  # "The 50-year-old MP": a role the tagger took for a name (not "the President Hotel")
        if t.pos_ not in ("ADJ", "PROPN"):
            return False
    return False


def _name_goes_on(token: Token) -> bool:
    """Whether a noun or a name follows ``token`` ("President Hotel", "Premier Inn")."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ in ("PROPN", "NOUN")


def _is_age(doc: Doc, span: Span, q: QuantityMention) -> bool:
    c = cues()
    if c.age_pattern.search(q.text) or c.age_pattern.match(doc_text(doc)[q.start : q.end + 12]):
        return True
    before = [t for t in doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    return q.kind == "age" or q.kind in ("number", "dimension") and any(t.lower_ in c.age_cues for t in before[-2:])


def _describes_subject(ctx: ArticleContext, measured: Token, verb: Token | None, d: DateMention) -> bool:
    """Whether the amount sits inside a named subject's own phrase ("The Paris Club of 19
    creditors", "Apple, with 80,000 employees,") while the date belongs to the verb."""
    if verb is None:
        return False
    for s in (ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")):
        if s == measured or measured not in s.subtree or _entity_at(ctx, s) is None:
            continue
        dspan = _span(verb.doc, d.start, d.end)
        return dspan is not None and dspan.root not in s.subtree
    return False


def _window_fact(ctx: ArticleContext, sent: Span, span: Span, q: QuantityMention, unit, s_dates) -> Fact | None:
    """Fast mode: the nearest entity before the amount, the nearest verb, the nearest date in the sentence."""
    c = cues()
    if unit is None and q.kind == "number" and q.value < c.min_bare_value:
        return None
    subject = _window_subject(ctx, sent, span.start)
    verbs = [t for t in sent.doc[sent.start : span.start] if t.pos_ == "VERB"]
    verb = verbs[-1] if verbs else None
    predicate = verb.lemma_.lower() if verb is not None else (unit or "amount")
    time = _pick_time(sent.doc, sent, span.root, s_dates, parsed=False, amount=span)
    modality, negated = _window_modality(sent)
    return _fact(
        sent,
        subject=subject,
        predicate=predicate,
        q=q,
        unit=unit,
        time=time,
        dates=s_dates,
        modality=modality,
        negated=negated,
        attribution=_attribution(sent, None),
        per=_per(q, sent.doc, sent, span.root, s_dates, parsed=False),
    )
