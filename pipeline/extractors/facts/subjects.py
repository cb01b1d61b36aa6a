"""The subject of an amount from the parse: the property noun's owner, the verb's subject, the place."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span, Token

from ...records import EntityMention, QuantityMention
from ..doccache import doc_text, span_text
from ..entities.find import party_forms
from ..tokens import glued_hyphen
from .candidates import NOT_RULES, _sentence_names, rank
from .context import (
    ArticleContext,
    _city_noun,
    _clause_subject_before,
    _deal_maker,
    _entity_at,
    _is_company_noun,
    _is_country_name,
    _is_country_noun,
    _is_the_figure,
    _named_by_head,
    _named_org,
    _nationality,
    _resolve,
    country_for,
    country_mention,
    demonym_country,
    is_index,
    legislature,
    macro_noun,
    negated_name,
    next_sentence,
    people_country,
    pointing_back,
    public_body,
    state_body,
)
from .cues import PROPERTY_PREPS, SUBJECT_DEPS, cues
from .currencies import currency_mention, currency_noun, exchange_rate
from .document import is_region
from .gazetteer import country_code
from .parse import _EVIDENCE_VERBS, _clause, _governing_verb, _inside, _orphans, _true_subject, list_item_name
from .parties import is_party, party_noun


def _is_unit_token(token: Token, q: QuantityMention) -> bool:
    """Whether a token names the unit of the amount ("units", "yuan", "%") rather than what is measured."""
    if q.start <= token.idx < q.end or token.pos_ in ("NUM", "SYM"):
        return True
    lemma = token.lemma_.lower()
    units = {(q.unit or "").lower(), (q.unit_text or "").lower()}
    counted = lemma in cues().count_units and q.kind not in ("percent", "currency")  # "cut staff by 25%": measured
    return counted or lemma in cues().unit_words or lemma in units or token.lower_ in units


def _property_noun(ctx: ArticleContext, measured: Token, q: QuantityMention, verb: Token | None) -> Token | None:
    """The noun whose amount is stated: "revenue" in "revenue of $5bn" / "revenue rose to $5bn"."""
    valued = _valued_noun(ctx, measured)
    if valued is not None:
        return valued
    apposed = _apposed_at(ctx, measured, q)
    if apposed is not None:
        return apposed
    if not _is_unit_token(measured, q) and measured.pos_ == "NOUN" and _entity_at(ctx, measured) is None:
        return _changed(ctx, measured)
    if measured.dep_ in ("compound", "nmod") and _is_unit_token(measured, q) and measured.head.pos_ == "NOUN":
        head = measured.head  # "predicting 4% growth": the noun the amount modifies
        if head.i > measured.i and not _is_unit_token(head, q) and _entity_at(ctx, head) is None:
            return _changed(ctx, head)
    if measured.dep_ == "pobj" and measured.head.dep_ == "prep":
        head = measured.head.head
        # "forecast growth in the eurozone of 1.9%": the parse hung the amount on the place; the figure is
        # the noun the place phrase follows (or the verb's object before it)
        above = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "in" else None
        if above is not None and above.pos_ in ("VERB", "AUX"):
            above = next((ch for ch in above.children if ch.dep_ == "dobj" and ch.i < head.i), None)
        # ... or on the year ("a current account deficit in 1987 of 2.5 billion stg")
        hung = _entity_at(ctx, head) is not None or head.like_num or head.ent_type_ == "DATE"
        if measured.head.lower_ == "of" and above is not None and above.pos_ == "NOUN" and hung:
            head = above
        pace = _pace_of(head, verb) or _level_of(head)
        if pace is not None:
            return _property_noun(ctx, pace, q, verb) if pace.pos_ == "NOUN" else None
        if head.pos_ in ("NOUN", "PROPN") and not _is_unit_token(head, q) and _entity_at(ctx, head) is None:
            return _changed(ctx, head) if measured.head.lower_ in ("to", "by", "of") else head
    if measured.dep_ == "appos" and measured.head.pos_ == "NOUN":
        return measured.head
    moved = measured.head if measured.dep_ == "npadvmod" and measured.head.lower_ in _MOVE_WORDS else None
    if moved is not None:
        # "which sent Acme shares up 4.5%": what went up is the noun before the particle, however the
        # parse hangs it (on the particle, as the verb's object, or as the particle's "subject"; the
        # tagger sometimes takes a coordinated "shares" for a verb)
        near = [moved.head] if moved.dep_ == "advmod" and moved.head.i < moved.i else []
        near += [ch for ch in moved.head.children if ch.dep_ == "dobj" and ch.i == moved.i - 1]
        near += [ch for ch in moved.children if ch.dep_ == "nsubj" and ch.i == moved.i - 1]
        for noun in near:
            counted = any(ch.dep_ in ("nummod", "quantmod") or ch.like_num for ch in noun.children)
            if counted:
                continue  # "sales were 30.1bn rupees, up 27%": the other amount's unit, not what went up
            if (noun.pos_ == "NOUN" or noun.lower_ in ("shares", "stock")) and _entity_at(ctx, noun) is None:
                return noun
    obj = _verb_object(ctx, measured, q, verb)
    if obj is not None:
        return obj
    rel = _relative_antecedent(ctx, verb)
    if rel is not None and not _is_unit_token(rel, q):
        return rel  # "wheat export volume, which rose 30 pct": what the relative pronoun stands for rose
    if verb is not None and verb.lemma_.lower() in _EVIDENCE_VERBS:
        # "Figures showed exports at a six-year high, up 35%": the figures are evidence, exports rose
        shown = [ch for ch in verb.children if ch.dep_ == "dobj" and ch.pos_ == "NOUN" and _inside(ch, ctx.piece)]
        if shown and _entity_at(ctx, shown[0]) is None and not _is_unit_token(shown[0], q):
            return shown[0]
    raised = _raised_subject(verb)
    if raised is not None and _entity_at(ctx, raised) is None and raised.lemma_.lower() not in cues().company_nouns:
        return raised  # "Internal demand is now forecast to rise 4%": what is forecast to rise
    if verb is not None:
        for ch in (_true_subject(ch, verb) if ch.dep_ == "nsubj" else ch for ch in verb.children):
            if (
                _inside(ch, ctx.piece)
                and ch.dep_ in ("nsubj", "nsubjpass")
                and (
                    ch.pos_ == "NOUN"
                    and ch.lemma_.lower() not in cues().company_nouns
                    and _entity_at(ctx, ch) is None
                    or ch.pos_ == "PROPN"  # "GDP fell 0.5%": an economic figure, whatever the tagger says
                    and ch.lower_.replace("-", "") in cues().country_owner
                    or ch.tag_ == "VBG"  # "Spending on health will rise 9.4%": a figure the tagger read as a verb
                    and (ch.lower_ in cues().country_owner or ch.lower_ in cues().implicit_owner)
                )
                and not (_is_country_noun(ch) and country_for(ctx, ch) is not None)
                and _named_by_head(ctx, ch) is None  # "The executive faces 1,000 claims": who, not what
                and ch.lower_ != "ministers"  # "Ministers had hoped to get £900m": who, not what
                and not party_noun(ch)  # "the party repaid £500,000": who, not what
                and not pointing_back(ch)  # "That estimate would represent a drop of ...": whose, not what
                and not _city_noun(ch)  # "The city will charge fees of 400 yuan": who, not what
                # "The previous top machine, Japan's NEC Earth Simulator, clocked up 35.86": named, so who
                and not any(a.dep_ == "appos" and _entity_at(ctx, a) is not None for a in ch.children)
            ):
                return ch
        subjects = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")]
        if any(not _inside(ch, ctx.piece) for ch in subjects) or not subjects and _after_outside(verb, ctx.piece):
            # "WASHINGTON, March 18 - U.S. oil demand ... rose 2.3 pct": the parse hung the piece's
            # subject on the dateline; the piece's own first noun is what rose
            hung = [t for t in _orphans(ctx.piece) if t.i < verb.i and t.pos_ == "NOUN" and not _is_unit_token(t, q)]
            if hung and _entity_at(ctx, hung[0]) is None:
                return hung[0]
    return None


def _apposed_at(ctx: ArticleContext, measured: Token, q: QuantityMention) -> Token | None:
    """ "a reduction of France's trade shortfall, at 7.6 billion francs, ...": an amount set off by a comma
    and "at" right after a figure is that figure's level, whatever word the parse hangs "at" on. Only a
    figure with an owner written on it ("France's", "its") or an economic figure (a country's)."""
    prep = measured.head
    if measured.dep_ != "pobj" or prep.lower_ != "at" or prep.i < 2 or prep.nbor(-1).text != ",":
        return None
    noun = prep.nbor(-2)
    if noun.pos_ != "NOUN" or _is_unit_token(noun, q) or _entity_at(ctx, noun) is not None:
        return None
    owned = any(ch.dep_ == "poss" for ch in noun.children)
    return noun if owned or macro_noun(noun) else None


def _after_outside(verb: Token, piece: Span | None) -> bool:
    """ "LIMA, March 18 - Peru's credit lines ... have doubled": the verb has no subject and hangs
    on a word before the piece (the parser took the dateline for a clause), so the piece's opening
    noun phrase lost its link to it."""
    return piece is not None and any(not _inside(ch, piece) and ch.i < piece.start for ch in verb.children)


_MOVE_WORDS = frozenset({"up", "down", "higher", "lower"})
_PACE_NOUNS = frozenset({"rate", "pace", "clip"})
_RATE_NOUNS = _PACE_NOUNS | {"level"}  # "the rate of inflation", "the level of exports"


_WORTH_WORDS = frozenset({"worth", "valued", "priced", "totaling", "totalling", "costing", "amounting"})


def _valued_noun(ctx: ArticleContext, measured: Token) -> Token | None:
    """ "in a deal worth over £17m", "a contract valued at $3bn", "Acme's offer, totaling about 398 mln dlrs": the
    noun the amount puts a value on."""
    head = _sizing_word(measured, ("at", "to"))  # "valued at", "amounting to"
    if head.lower_ not in _WORTH_WORDS or head.dep_ not in ("amod", "acl") or head.head.pos_ != "NOUN":
        return None
    noun = head.head
    return noun if _entity_at(ctx, noun) is None else None


def _sizing_word(measured: Token, preps: tuple[str, ...]) -> Token:
    """The word an amount hangs on, past one of ``preps`` ("valued at $3bn", "amounting to 24.99 pct"): the
    participle or adjective that may set the amount on a noun."""
    head = measured.head
    return head.head if head.dep_ == "prep" and head.lower_ in preps else head


_TOTAL_WORDS = frozenset({"totaling", "totalling", "amounting"})


def _totalled(measured: Token | None) -> bool:
    """Whether the amount totals the noun before it ("The seven-year bonds totalling 500 mln forints"): the size of
    an issue, an order or a set of loans, not a market's price."""
    head = _sizing_word(measured, ("to",)) if measured is not None else None
    return head is not None and head.lower_ in _TOTAL_WORDS and head.dep_ in ("acl", "amod")


def _pace_of(noun: Token, verb: Token | None) -> Token | None:
    """ "demand was growing at an annual rate of 6%", "the economy had grown by an average of 3.2%": the
    rate is how fast the verb's subject changes; that subject (or the verb, when it has none) is what
    the amount measures."""
    at = noun.lemma_.lower() in _PACE_NOUNS and noun.head.lower_ == "at"
    by = noun.lemma_.lower() == "average" and noun.head.lower_ == "by"  # "had grown by an average of 3.2%"
    if noun.dep_ != "pobj" or not (at or by):
        return None
    change = noun.head.head
    if change.lemma_.lower() not in cues().change_verbs or change.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((ch for ch in change.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None else change


def _changed(ctx: ArticleContext, noun: Token) -> Token:
    """ "an 8.3% increase in sales", "a 5% fall in output": what rose or fell, else the noun itself."""
    if noun.lemma_.lower() not in cues().change_verbs:
        return noun
    for prep in (ch for ch in noun.children if ch.dep_ == "prep" and ch.lower_ in ("in", "of")):
        for p in prep.children:
            if p.dep_ == "pobj" and p.pos_ == "NOUN" and _entity_at(ctx, p) is None:
                return _rate_of(p)
    return noun


def _rate_of(noun: Token) -> Token:
    """ "the rate of inflation", "the level of exports": the figure whose rate or level it is."""
    if noun.lemma_.lower() not in _RATE_NOUNS:
        return noun
    for prep in (ch for ch in noun.children if ch.dep_ == "prep" and ch.lower_ == "of"):
        for p in prep.children:
            if p.dep_ == "pobj" and p.pos_ == "NOUN":
                return p
    return noun


_LEVEL_NOUNS = frozenset({"low", "high", "peak", "record", "trough"})


def _level_of(noun: Token) -> Token | None:
    """ "kept interest rates at an all-time low of 3.25%", "prices rose to a record of $90": a low
    or a high is a level of the verb's object, else of its subject."""
    if noun.lemma_.lower() not in _LEVEL_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ not in ("at", "to", "from"):
        return None
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for deps in (("dobj",), ("nsubj", "nsubjpass")):
        found = next((ch for ch in verb.children if ch.dep_ in deps and ch.pos_ == "NOUN"), None)
        if found is not None:
            return found
    return None


_RAISING_WORDS = frozenset({"expect", "forecast", "project", "estimate", "predict", "see", "likely", "seem", "set"})


def _raised_subject(verb: Token | None) -> Token | None:
    """The noun subject of the verb a subjectless change verb completes ("demand is forecast to
    rise 4%", "exports are expected to grow 2%")."""
    if verb is None or verb.dep_ != "xcomp":
        return None
    # "Inflation is expected to be 4.0 pct": a copula the forecast raises says the same as a change verb
    copula = verb.lemma_.lower() == "be" and verb.head.lemma_.lower() in _RAISING_WORDS
    if not copula and verb.lemma_.lower() not in cues().change_verbs:
        return None
    if any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verb.children):
        return None
    part = verb.head
    if part.dep_ == "acl" and part.head.pos_ == "NOUN":
        return part.head  # "will fuel imports, expected to increase by 8.6 pct"
    if part.dep_ == "advcl" and part.tag_ == "VBN" and not any(ch.dep_.startswith("nsubj") for ch in part.children):
        before = part.doc[part.i - 2] if part.i >= 2 and part.doc[part.i - 1].text == "," else None
        if before is not None and before.pos_ == "NOUN" and before.head == part.head:
            return before  # the same, parsed as a clause of the verb: the noun before the comma
    # a dateline the parse took for a second subject ("LONDON, March 17 - Inflation is expected") is no figure
    subjects = [ch for ch in verb.head.children if ch.dep_ in ("nsubj", "nsubjpass")]
    nouns = [ch for ch in subjects if ch.pos_ == "NOUN"]
    return nouns[0] if nouns and (len(subjects) == 1 or copula) else None


def _relative_antecedent(ctx: ArticleContext, verb: Token | None) -> Token | None:
    """The noun a relative pronoun subject of a change verb stands for: the noun written right
    before "which" ("personal debt - which is rising"), whatever the clause was attached to."""
    if verb is None or verb.dep_ != "relcl" or verb.lemma_.lower() not in cues().change_verbs:
        return None
    rel = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass") and ch.tag_ == "WDT"), None)
    if rel is None:
        return None
    i = rel.i - 1
    while i > 0 and rel.doc[i].is_punct:
        i -= 1
    noun = rel.doc[i]
    ok = noun.pos_ == "NOUN" and _inside(noun, ctx.piece) and _entity_at(ctx, noun) is None
    return noun if ok else None


def _verb_object(ctx: ArticleContext, measured: Token, q: QuantityMention, verb: Token | None) -> Token | None:
    """ "forecasting UK growth at 3%", "raised its stake to 10%": the verb's object is what is measured."""
    prep = measured.head if measured.dep_ == "pobj" else None
    if verb is None or prep is None or prep.head != verb or prep.lower_ not in cues().object_property_preps:
        return None
    for ch in verb.children:
        if (
            ch.dep_ == "dobj"
            and ch.pos_ == "NOUN"
            and not _is_unit_token(ch, q)
            and ch.lemma_.lower() not in cues().company_nouns
            and _entity_at(ctx, ch) is None
        ):
            return ch
    return None


def _market(ctx: ArticleContext, prop: Token | None, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """A market or currency as the subject of its own move: "the Dax index fell 16 points"."""
    nouns = [t for t in (prop,) if t is not None]
    nouns += [ch for ch in (verb.children if verb is not None else ()) if ch.dep_ in ("nsubj", "nsubjpass")]
    climb = verb is not None and prop is None and verb.lemma_.lower() not in _EVIDENCE_VERBS
    if climb and not nouns:
        # "Oil prices broke records, topping $50 a barrel": what the subjectless verb's head says moved
        # ("the rupiah lost 0.6%, before bouncing back to trade at 9,300": through "before bouncing")
        nouns += _climbed_subjects(verb)
    if verb is not None and verb.lemma_.lower() in _TRADE_VERBS and ctx.amount_kind == "currency":
        # "the central bank bought dollars at around 147.30 yen": the rate is the currency's price
        nouns += [ch for ch in verb.children if ch.dep_ == "dobj" and ch.lemma_.lower() in cues().market_nouns]
    if verb is not None and verb.dep_ == "relcl" and any(n.lower_ in ("which", "that") for n in nouns):
        nouns.append(verb.head)  # "the Australian dollar, which last week touched 0.69 U.S. dlrs"
    moved = _moved_before(ctx, nouns)
    if moved is not None:
        return moved
    security = _security(ctx, nouns)
    if security is not None:
        return security
    sent = _sent_shares(ctx, verb)
    if sent is not None:
        return sent
    rate = next((n for n in nouns if exchange_rate(n) and _inside(n, ctx.piece)), None)
    if rate is not None and ctx.currency is not None:
        return rate, ctx.currency  # "the exchange rate should be around 48 U.S. cents": the N.Z. dollar's
    valued = _valued_currency(ctx, nouns)
    if valued is not None:
        return valued
    for noun in nouns:
        if noun.lemma_.lower() not in cues().market_nouns or not _inside(noun, ctx.piece):
            continue
        if macro_noun(noun) or noun.ent_type_ == "MONEY" or _counted_currency(noun):
            continue  # "the consumer price index rose 0.5 pct" is the economy's; "1bn CFA francs" is an amount
        if ctx.amount is not None and any(ctx.amount.start <= ch.i < ctx.amount.end for ch in noun.children):
            continue  # "broke through the $4 trillion mark": a level the amount names, not the German currency
        words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "amod", "nmod") or t == noun]
        if len(words) == 1 and noun.lemma_.lower() == "index":
            named = _index_named_before(ctx, noun)  # "The index rose 225.79 points": the index named before
            if named is not None:
                return noun, named
        name = _market_name(ctx, words)
        market = EntityMention(noun.idx, noun.idx + len(noun.text), name, "MARKET", name, "")
        if noun.dep_ == "nsubj" and noun.head.dep_ == "ROOT" and ctx.piece is not None:
            ctx.moved_market = (market, noun.sent.end_char)
        return noun, market
    moved = [  # "pushed oil prices above $50" (not "exported 2,189 tonnes of cocoa, up from 1,624")
        ch for ch in (verb.children if verb is not None else ()) if ch.dep_ == "dobj" and ch.lemma_ in ("price", "cost")
    ]
    amount = range(ctx.amount.start, ctx.amount.end) if ctx.amount is not None else range(0)
    for noun in (n for n in (*nouns, *moved) if n.i not in amount):  # not "2,189 tonnes of cocoa" itself
        money = ctx.amount_kind == "currency"
        good = _priced(noun, money=money, products=ctx.amount is not None) if _inside(noun, ctx.piece) else None
        if good is not None:  # "US crude oil prices rose $2", "a barrel of Brent", "the price of inkjet printers"
            mods = ("compound", "amod", "nmod")
            outer = [t for t in noun.lefts if t.dep_ in mods and t.i < good.i] if good.head == noun else []
            words = [  # "US crude oil prices": US crude oil; not "lower" or "March" (coffee prices)
                t
                for t in (*outer, *(t for t in good.lefts if t.dep_ in mods))
                if t.tag_ not in ("JJR", "JJS", "CD") and t.ent_type_ not in ("DATE", "TIME") and _inside(t, ctx.piece)
            ]
            name = " ".join(t.text for t in (*words, good) if not t.is_punct)
            return good, EntityMention(good.idx, good.idx + len(good.text), name, "MARKET", name, "")
    return None


def _moved_before(ctx: ArticleContext, nouns: list[Token]) -> tuple[Token, EntityMention] | None:
    """ "The yen dropped to 141.60 per euro. It later strengthened to 140.55": a sentence that opens with
    "it" as the subject of a change verb continues with the market the sentence before moved in its main clause
    (not "Toyota said the dollar fell. It forecast a profit")."""
    if ctx.moved_market is None:
        return None
    market, end = ctx.moved_market
    for noun in nouns:
        opens = noun.lower_ == "it" and noun.dep_ == "nsubj" and noun.i - noun.sent.start <= 1
        verb = noun.head.lemma_.lower()
        moves = verb in cues().change_verbs | cues().market_move_verbs  # not "It forecast a net profit"
        if opens and moves and next_sentence(noun, end):
            return noun, market
    return None


_VALUE_NOUNS = frozenset({"value", "level", "rate", "parity"})
# verbs that move a price as their object ("the news sent shares in Acme up 8p", "pushed Acme shares down 3%")
_MOVING_VERBS = frozenset({"send", "push", "drive", "lift", "knock", "pull", "take", "propel"})


def _sent_shares(ctx: ArticleContext, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "The latest news sent shares in Acme up 8.5p, or 8.1%, to 113.5p": the company whose shares
    the verb moved owns the move and the price, whatever the verb's own subject is."""
    if verb is None or verb.lemma_.lower() not in _MOVING_VERBS:
        return None
    for obj in (ch for ch in verb.children if ch.dep_ == "dobj" and ch.lemma_.lower() in ("share", "stock")):
        # "in Acme" on the shares, or hung by the parse on the verb right after them
        preps = [*obj.children, *(ch for ch in verb.children if ch.i == obj.i + 1)]
        named = [g for pr in preps if pr.dep_ == "prep" and pr.lower_ in ("in", "of") for g in pr.children]
        named += [ch for ch in obj.children if ch.dep_ in ("compound", "poss")]
        for token in named:
            ent = _resolve(ctx, token) or _entity_at(ctx, token)
            if ent is not None and ent.label not in ("GPE", "LOC", "NORP"):  # what has shares is a company
                return token, ent
    return None


def _valued_currency(ctx: ArticleContext, nouns: list[Token]) -> tuple[Token, EntityMention] | None:
    """ "A reasonable value for the New Zealand dollar would be 10 pct less", "the rate of the yen":
    a currency's value, level or rate belongs to the currency, named with its country words."""
    for noun in nouns:
        if noun.lemma_.lower() not in _VALUE_NOUNS or not _inside(noun, ctx.piece):
            continue
        for prep in (ch for ch in noun.children if ch.dep_ == "prep" and ch.lower_ in ("of", "for")):
            for obj in (g for g in prep.children if g.dep_ == "pobj" and currency_noun(g)):
                if obj.ent_type_ == "MONEY" or _counted_currency(obj):
                    continue
                return obj, currency_mention(obj)
    return None


def _climbed_subjects(verb: Token) -> list[Token]:
    """The subject of the clause a subjectless verb hangs from (up to three steps through
    adverbial, open-complement, conjoined and prepositional clauses), when it comes before the verb."""
    v = verb
    for _ in range(3):
        if v.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or v.head == v:
            return []
        v = v.head
        if v.dep_ == "prep" and v.head != v:
            v = v.head  # "before bouncing back": the clause "before" hangs from
        subjects = [ch for ch in v.children if ch.dep_ in ("nsubj", "nsubjpass") and ch.i < verb.i]
        if subjects:
            return subjects
    return []


def _counted_currency(noun: Token) -> bool:
    """ "10bn euros, up 8.1%": a currency written with its amount is money, not the currency's market
    (a number in an index's name stays: "the FTSE 100 index")."""
    if noun.lemma_.lower() in ("index", "indices"):
        return False
    numbers = [t for left in noun.lefts for t in left.subtree if t.like_num or t.text[:1].isdigit()]
    return any(t.lower_ not in ("one", "1", "a") for t in numbers)  # "one pound buying $1.9094": a rate


_SECURITY_MEASURES = frozenset({"yield", "rate", "price", "return"})
_TERM_WORDS = frozenset({"day", "week", "month", "year"})


def _security(ctx: ArticleContext, nouns: list[Token]) -> tuple[Token, EntityMention] | None:
    """ "The yield on three-month bills was 5.90 pct", "Six-month bills averaged 5.80 pct": a
    security named by its term owns its yield, rate and price, named as written ("three-month bills")."""
    c = cues()
    for noun in nouns:
        if noun.lemma_.lower() in _SECURITY_MEASURES:
            held = [
                p for ch in noun.children if ch.dep_ == "prep" and ch.lower_ in ("on", "of", "for") for p in ch.children
            ]
            noun = next((p for p in held if p.dep_ == "pobj"), noun)
        if noun.lemma_.lower() not in c.security_nouns or not _inside(noun, ctx.piece):
            continue
        mods = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod", "nummod")]
        if not mods:
            continue  # "the bonds": no term or name, no security
        first = min(min(t.i for t in m.subtree) for m in mods)
        amount = range(ctx.amount.start, ctx.amount.end) if ctx.amount is not None else range(0)
        words = [t for t in noun.doc[first : noun.i + 1] if not t.is_space and t.i not in amount]
        while words and words[0].pos_ in ("ADJ", "DET", "PUNCT"):
            words = words[1:]  # "the key 30-year Treasury bond": its name starts at the term
        if not any(t.lemma_.lower() in _TERM_WORDS for t in words):
            continue  # "bank notes", "the debt certificates": no term, no security of its own
        text = doc_text(noun.doc)
        name = " ".join(text[words[0].idx : noun.idx + len(noun.text)].split())
        return noun, EntityMention(words[0].idx, noun.idx + len(noun.text), name, "MARKET", name, "")
    return None


def _bid_written_after(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "a hostile 7.4bn Australian dollar ($5.8bn; £3bn) bid by rival Xstrata", whatever the parse:
    the words right after the amount (its bracketed conversions skipped) are an offer "by" or "from"
    a name."""
    doc, i = ctx.amount.doc, ctx.amount.end
    end = min(len(doc), ctx.piece.end if ctx.piece is not None else len(doc))
    if i < end and doc[i].text == "(":  # the conversions in brackets
        close = next((j for j in range(i, min(end, i + 12)) if doc[j].text == ")"), None)
        i = close + 1 if close is not None else i
    if i + 2 < end and doc[i].lower_ in ("a", "an", "per") and doc[i + 1].lemma_.lower() == "share":
        i += 2  # "300p a share bid"
    if i >= end or doc[i].lemma_.lower() not in cues().bid_nouns:
        return None
    if i + 1 >= end or doc[i + 1].lower_ not in ("by", "from"):
        # 'a "well funded" 300p a share bid would be enough': an offer of the story's bidder
        lead = doc[max(ctx.piece.start if ctx.piece is not None else 0, ctx.amount.start - 5) : ctx.amount.start]
        indefinite = any(t.lower_ in ("a", "an") for t in lead) and not any(t.dep_ == "poss" for t in lead)
        return _story_bidder(ctx, doc[i]) if indefinite else None
    for j in range(i + 2, min(end, i + 5)):
        ent = _entity_at(ctx, doc[j])
        if ent is not None:
            return (doc[j], ent) if _can_bid(ent) else None
    return None


def _can_bid(ent: EntityMention) -> bool:
    """A company or a person; a bidder the NER took for a place ("a bid by rival Xstrata") is a
    company, unless the place is a country."""
    return ent.label in ("ORG", "PERSON") or ent.label == "GPE" and not _is_country_name(ent.canonical_name)


_OWNING_VERBS = frozenset({"hold", "own", "control"})
_TRADE_VERBS = frozenset({"buy", "sell", "trade", "quote", "offer", "bid"})


def _priced(noun: Token, *, money: bool, products: bool = True) -> Token | None:
    """The good whose price an amount is: a commodity named as the noun itself ("Gold rose $3"), as a
    modifier of a price noun ("oil prices") or after "of" ("the price of copper", "a barrel of crude");
    after "price of" also any plural product ("the price of inkjet printers")."""
    c = cues()

    def good(t: Token) -> bool:  # not "Newmont Gold" (a name), not "4.5 pct nickel" (an amount of it)
        named = t.ent_type_ not in ("", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "NORP", "GPE")
        return t.lemma_.lower() in c.commodity_nouns and not named and not any(ch.dep_ == "nummod" for ch in t.children)

    lemma = noun.lemma_.lower()
    if good(noun) and noun.tag_ in ("NN", "NNS", "NNP"):
        return noun if money else None  # "Gold fell $3", not "barley to 2.96 mln"
    if lemma not in c.price_nouns or (lemma not in ("price", "cost") and not money):
        return None  # "a barrel of crude closed up $2.80", not "exported 2,189 tonnes of cocoa"
    for ch in noun.children:
        if ch.dep_ == "compound" and good(ch):
            return ch
        if ch.dep_ == "prep" and ch.lower_ == "of":
            for obj in (g for g in ch.children if g.dep_ == "pobj"):
                if good(obj):
                    return obj
                plural_product = (
                    products
                    and obj.tag_ == "NNS"
                    and not obj.ent_type_
                    and not obj.lower_.endswith("ings")  # "the cost of store openings": a happening, not a good
                    and noun.lemma_.lower() in ("price", "cost")
                )
                if plural_product and obj.lemma_.lower() not in c.generic_subject_nouns:
                    return obj
    return None


def subject_and_source(
    ctx: ArticleContext, prop: Token | None, verb: Token | None, measured: Token | None
) -> tuple[Token | None, EntityMention, str] | None:
    """The subject with the name of the rule (or the candidate scoring) that chose it.

    Every parse rule is asked (``proposals``); the scorer (``candidates.rank``) weighs what they
    propose together with the article's own candidates (headline topic, main company, story country,
    the sentence's names). The subject of a reporting or forecasting verb ("Halifax said prices rose
    2%") is proposed as a speaker, not as an owner."""
    # an amount is weighed by the fitted weights, the clause's noun phrase among its candidates; a
    # dated event by the hand weights and their higher bar, the noun phrase its last resort
    proposed = proposals(ctx, prop, verb, measured)
    # a parse rule's proposal always wins the ranking, so the phrase is read only without one
    ruled = any(name not in NOT_RULES for name, *_ in proposed)
    phrase = None if ruled else _phrase_subject(ctx, prop, verb)
    ranked = rank(ctx, prop, proposed + ([("phrase", *phrase)] if phrase is not None else []))
    if ranked is not None:
        return ranked
    return (*phrase, "phrase") if phrase is not None else None


def _phrase_subject(ctx: ArticleContext, prop: Token | None, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """Last resort, when no entity owns the amount: the clause's subject noun phrase, named with its
    modifiers ("The Indian mobile gaming market is expected to generate $26m" -> "Indian mobile
    gaming market"), unless its noun names a figure, a stand-in or a property of someone else."""
    if ctx.amount is None:
        return None  # a dated event is named by its own noun (events.py)
    c = cues()
    v = verb
    for _ in range(3):
        if v is None:
            return None
        subj = next((ch for ch in v.children if ch.dep_ in SUBJ and _inside(ch, ctx.piece)), None)
        if subj is not None or v.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
            break
        v = v.head
    if subj is not None and subj.tag_ == "WDT" and v is not None and v.dep_ == "relcl":
        subj = v.head  # "Debit cards, which now account for two-thirds of transactions": what "which" stands for
    if subj is not None and _city_noun(subj):
        city = _resolve(ctx, subj)  # "The city will charge fees of up to 400 yuan": the city named before
        return (subj, city) if city is not None else None
    if subj is None or subj.pos_ != "NOUN" or subj.ent_type_:
        return None
    first = subj
    while _glued_next(subj):  # "e-mail" parsed as three subjects: the word ends at its last part
        subj = subj.doc[subj.i + 2]
    counted = _counted_group(subj)
    if counted is not None:  # "the number of new viruses grew 50%": the viruses' figure
        first = subj = counted
    lemma = subj.lemma_.lower()
    if any(lemma in words or subj.lower_ in words for words in _not_phrase_subjects(c)) or macro_noun(subj):
        return None  # (the word as written too: the lemmatizer makes "earnings" "earning")
    if ctx.amount.root.head.i == subj.i and ctx.amount.root.dep_ == "nummod":
        return None  # "over 19,000 products will be affected": the counted noun is the unit, not whose count
    amount = range(ctx.amount.start, ctx.amount.end)
    words = [
        t
        for t in subj.subtree
        if t.i <= subj.i
        and t.dep_ not in ("det", "punct", "nummod", "quantmod", "predet")
        and not (t.dep_ == "advmod" and t.head.i == subj.i)  # not "Even" of "Even the costliest disaster"
        and not t.is_space
        and t.head.dep_ not in ("nummod", "quantmod")  # not "almost" of "almost 30 wealthy nations"
    ]
    if first.i < subj.i:  # the other parts of the glued word, or what the count counts
        words = sorted({*words, *subj.doc[first.i : subj.i + 1]}, key=lambda t: t.i)
    if any(t.ent_type_ for t in words if t.i >= first.i):
        return None  # "the number of Google users": the name's figure, left to the rules that read names
    end = subj.idx + len(subj.text)
    if lemma in _MARKET_PHRASES:  # "the market for digital music players": what the market is for names it
        pp = next((ch for ch in subj.children if ch.dep_ == "prep" and ch.lower_ == "for"), None)
        obj = next((g for g in pp.children if g.dep_ == "pobj"), None) if pp is not None else None
        if obj is not None:  # "the UK market for games" -> "UK games market": the object's own words before the
            # noun (not what follows it, "chips - semiconductors designed for ..."; not a hedge, "so-called")
            named = [t for t in obj.subtree if t.i <= obj.i and t.dep_ != "det" and not t.is_space]
            named = [t for t in named if t.text not in "\",'" and t.lower_ not in _HEDGES and not _hedge_part(t)]
            words = words[:-1] + named + [subj]
            end = obj.idx + len(obj.text)
    words = _with_glued(words)
    if any(t.i in amount or (t.like_num and not _glued_part(t)) or t.pos_ == "PRON" for t in words):
        return None
    return subj, _phrase(words, end, _written(words).replace(" 's", "'s").replace(" - ", "-"))


def _glued_next(token: Token) -> bool:
    """A word glued to ``token`` by a hyphen follows it ("e" of "e-mail")."""
    doc = token.doc
    return token.i + 2 < len(doc) and glued_hyphen(doc, token.i + 1) and doc[token.i + 2].is_alpha


def _glued_part(token: Token) -> bool:
    """``token`` is part of a word written with hyphens ("e" or "-" of "e-mail")."""
    doc = token.doc
    return _glued_next(token) or glued_hyphen(doc, token.i) or (token.i > 1 and glued_hyphen(doc, token.i - 1))


def _with_glued(words: list[Token]) -> list[Token]:
    """``words`` with the missing parts of any word written with hyphens ("junk e-mail": "e", "-", "mail"), in
    the text's order unless the caller ordered them otherwise ("digital music players market")."""
    if not words:
        return words
    doc, have = words[0].doc, {t.i for t in words}
    for t in words:
        i = t.i
        while i > 1 and glued_hyphen(doc, i - 1) and doc[i - 2].text.isalnum():
            have |= {i - 1, i - 2}
            i -= 2
    if len(have) == len(words):
        return words
    return [doc[i] for i in sorted(have)]


def _modified(noun: Token) -> list[Token]:
    """The noun with the adjectives and nouns that modify it before it ("Foreign producers", "government
    commission"), first to last."""
    return [t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "amod") or t == noun]


def _written_phrase(noun: Token, words: list[Token]) -> EntityMention:
    """The subject ``words`` name, ending at ``noun``, written as the text writes it ("high-class women")."""
    return _phrase(words, noun.idx + len(noun.text), _written(_with_glued(words)))


def _written(words: list[Token]) -> str:
    """The words joined as the text writes them: no space where the text has none ("e-mail")."""
    out = ""
    for k, t in enumerate(words):
        glued = k > 0 and words[k - 1].i == t.i - 1 and not words[k - 1].whitespace_
        out += t.text if k == 0 or glued else " " + t.text
    return out


# "the number of new viruses", "the count of known viruses": a count of a group is the group's figure
_COUNT_NOUNS = frozenset({"number", "count"})


def _counted_group(token: Token) -> Token | None:
    """The plural noun that ``token`` ("number", "count") counts with "of", else None."""
    if token.lemma_.lower() not in _COUNT_NOUNS:
        return None
    of = next((ch for ch in token.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
    obj = next((ch for ch in of.children if ch.dep_ == "pobj"), None) if of is not None else None
    return obj if obj is not None and obj.tag_ == "NNS" and obj.pos_ == "NOUN" else None


def _market_for(ctx: ArticleContext, prop: Token | None, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "The market for digital music players grew 40%": a market named by what it is for is the
    clause's subject itself, not the article's company."""
    phrase = _phrase_subject(ctx, prop, verb)
    if (
        phrase is None
        or phrase[0].lemma_.lower() not in _MARKET_PHRASES
        or phrase[1].end <= phrase[0].idx + len(phrase[0].text)
    ):
        return None  # (no "for" object: the market alone is left to the other rules)
    return phrase


def _national_market(ctx: ArticleContext, prop: Token | None, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "the Indian car market will grow 15%", "the French wine industry": a market a nationality
    names is neither the company that forecasts it nor a bare country, but the market as written."""
    if ctx.amount is None:
        return None
    nouns = [t for t in (prop,) if t is not None]
    nouns += [ch for ch in (verb.children if verb is not None else ()) if ch.dep_ in ("nsubj", "nsubjpass")]
    demonyms = cues().demonyms
    for noun in nouns:
        if noun.lemma_.lower() not in _MARKET_PHRASES or not _inside(noun, ctx.piece):
            continue
        words = _modified(noun)
        if words[0].text not in demonyms or any(t.i in range(ctx.amount.start, ctx.amount.end) for t in words):
            continue
        return noun, _phrase(words, noun.idx + len(noun.text))
    return None


_HEDGES = frozenset({"so-called", "so", "called"})


def _hedge_part(t: Token) -> bool:
    """The "-" of "so - called"."""
    return t.text == "-" and t.i > 0 and t.doc[t.i - 1].lower_ == "so"


# noun phrases named by what they are for ("the market for digital music players")
_MARKET_PHRASES = frozenset({"market", "industry", "sector", "demand"})


def _not_phrase_subjects(c) -> tuple[frozenset[str], ...]:
    return (
        c.generic_subject_nouns,
        c.implicit_owner,
        c.measure_nouns,
        c.forecast_nouns,
        c.plan_nouns,
        c.company_nouns,
        c.survey_nouns,
        c.respondent_nouns,
        c.time_nouns,
    )


def proposals(
    ctx: ArticleContext, prop: Token | None, verb: Token | None, measured: Token | None
) -> list[tuple[str, Token, EntityMention]]:
    """What the parse rules propose, in the order of their precedence: (rule, token, entity). The
    first rule that names an owner (not a speaker) settles the amount (``candidates.rank`` gives it
    a weight no other candidate reaches), so the rules after it are not asked."""
    found: list[tuple[str, Token, EntityMention]] = []
    amount = (ctx.amount.start_char, ctx.amount.end_char) if ctx.amount is not None else (-1, -1)
    for name, rule in _RULES:
        got = rule(ctx, prop, verb, measured)
        if got is None:
            continue
        if amount[0] <= got[1].start < amount[1] and name != "demonym_people":
            continue  # "615.59 billion H.K. Dlrs": a currency the NER took for a name is part of the amount
        if name == "verb_subject" and (
            _is_speaker(got[0])
            and not _said_directly(ctx, got[0])
            or _forecaster(got[0], got[1], prop)
            or _spokesperson(got[1], prop)
        ):
            name = "speaker"
        found.append((got[2], got[0], got[1]) if len(got) == 3 else (name, got[0], got[1]))
        if found[-1][0] != "speaker":
            break
    return found


_ABSOLUTE_MOVES = frozenset({"up", "down", "off"})
_LIST_TAGS = frozenset({"PROPN", "NOUN", "NUM", "ADJ", "DET", "PUNCT", "SYM", "CCONJ", "ADV"})


def _moves(t: Token) -> bool:
    """ "up", "down", "off", or a change verb in -ing ("rising", "gaining")."""
    return t.lower_ in _ABSOLUTE_MOVES or t.tag_ == "VBG" and t.lemma_.lower() in cues().change_verbs


def _with_mover(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "Shares closed higher, with Altria rising 5%", "Nippon Steel lost 2.5%, with rival JFE Holdings down
    3.4%", "with GM up 10.9 pct, Ford up 48 pct": in an absolute "with" phrase (or a list after one) the
    name, market or commodity written right before "up"/"down"/a change verb in -ing owns the amount, not
    the main clause's subject. Read off the words, since the parser hangs such phrases anywhere; "with
    sales up 5%" (a measure, not a name) is left to the other rules."""
    if ctx.amount is None:
        return None
    c = cues()
    doc = ctx.amount.doc
    i = ctx.amount.start - 1
    if i > 0 and doc[i].lower_ == "by":
        i -= 1
    if i < 1 or not _moves(doc[i]) or not _inside(doc[i], ctx.piece):
        return None
    move = doc[i]
    last = doc[move.i - 1]
    ent = _entity_at(ctx, last)
    if ent is not None:
        first = next((t for t in doc[max(0, move.i - 4) : move.i] if t.idx >= ent.start), last)
    else:  # "with the main Dow Jones index gaining": the words of the name, back to "the"
        first = last
        while first.i > max(0, last.i - 4) and doc[first.i - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
            first = doc[first.i - 1]
    lemma = last.lemma_.lower()
    good = ent is not None and ent.label in ("ORG", "GPE", "PERSON", "LOC") or last.pos_ == "PROPN"
    good = good or lemma in c.market_nouns and not macro_noun(last) or lemma in c.commodity_nouns
    if not good or last.ent_type_ in ("MONEY", "PERCENT", "CARDINAL", "DATE", "TIME", "QUANTITY"):
        return None
    sent_start = ctx.piece.start if ctx.piece is not None else first.sent.start
    for t in reversed(doc[max(sent_start, first.i - 15) : first.i]):
        if t.lower_ == "with":
            break
        if t.pos_ not in _LIST_TAGS and not _moves(t) or t.lower_ in (";", ":"):
            return None
    else:
        return None
    if ent is not None:
        return last, ent
    words = [t for t in doc[first.i : move.i] if t.pos_ in ("PROPN", "NOUN") or t.dep_ == "compound"]
    name = " ".join(t.text for t in words) or last.text
    begin = words[0].idx if words else last.idx
    return last, EntityMention(begin, last.idx + len(last.text), name, "MARKET", name, "")


def _compared_for(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "China took 20.1% of the trade, compared with 18.6% for the US", "a 12% margin, against 9% for
    Bigco", "up 5% at Acme, compared with 3% at Bigco": the figure a sentence compares with is the one
    of the name written right after it, not the sentence subject's."""
    if ctx.amount is None:
        return None
    root = ctx.amount.root
    link = root.head
    if root.dep_ != "pobj" or not (
        link.lower_ == "against" or link.lower_ in ("with", "to") and link.head.lemma_.lower() == "compare"
    ):
        return None
    for prep in (ch for ch in root.children if ch.dep_ == "prep" and ch.lower_ in ("for", "at", "in")):
        for p in (g for g in prep.children if g.dep_ == "pobj"):
            ent = _entity_at(ctx, p)
            if ent is not None and ent.label in ("ORG", "GPE", "PERSON", "LOC"):
                return p, ent
    return None


def _bidder(ctx: ArticleContext, measured: Token | None) -> tuple[Token, EntityMention] | None:
    """ "Acme rejected a takeover offer worth $3bn from Bigco", "a £1bn bid by Bigco": an offer is
    the bidder's, named after "from" or "by", whoever rejected, received or weighed it."""
    if measured is None or ctx.amount is None:
        return None
    written = _bid_written_after(ctx)
    if written is not None:
        return written
    c = cues()
    noun, path = ctx.amount.root, []
    # "a 7.4bn Australian dollar bid by Xstrata", parsed with the bid as an apposition of the amount
    noun = next((ch for ch in noun.rights if ch.dep_ == "appos" and ch.lemma_.lower() in c.bid_nouns), noun)
    for _ in range(4):  # the offer the amount measures: "offer worth $3bn", "$3bn offer", "offer of $3bn"
        if noun.lemma_.lower() in c.bid_nouns and noun.pos_ == "NOUN":
            break
        priced = _priced_offer(noun) if noun.pos_ == "VERB" else None
        if priced is not None:  # "A proposal was received ..., pitched at about 300p a share"
            noun = priced
            break
        if noun.dep_ not in ("pobj", "npadvmod", "amod", "prep", "nmod", "compound", "nummod", "appos", "quantmod"):
            return None
        path.append(noun)
        noun = noun.head
    else:
        return None
    # "from" on the offer, or on "worth" between it and the amount
    preps = [
        ch for t in (noun, *path) for ch in t.children if ch.dep_ in ("prep", "agent") and ch.lower_ in ("from", "by")
    ]
    if noun.dep_ in ("dobj", "nsubjpass"):  # "received an offer ... from Bigco": "from" hung on the verb
        preps += [ch for ch in noun.head.children if ch.dep_ == "prep" and ch.lower_ == "from"]
    for prep in preps:
        for p in prep.children:
            ent = _resolve(ctx, p) if p.dep_ == "pobj" else None
            if ent is not None and _can_bid(ent):
                return p, ent
    if any(ch.dep_ == "poss" for ch in noun.children) or not any(ch.lower_ in ("a", "an") for ch in noun.lefts):
        return None  # "its offer", "the offer" may be another's; "a 300p a share bid" is the story's bidder's
    return _story_bidder(ctx, noun)


def _story_bidder(ctx: ArticleContext, offer: Token) -> tuple[Token, EntityMention] | None:
    """The bidder the article names with an offer ("a new offer from Malcolm Glazer") for an offer its
    clause gives no maker of: not "Verizon won ... with a bid worth $6.8bn", "Euronext has the means to
    make a bid of £1.4bn" (the nearest clause subject that is not the offer itself is a name)."""
    for verb in (t for t in offer.ancestors if t.pos_ in ("VERB", "AUX")):
        subjects = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass") and ch != offer]
        if subjects:
            ent = _entity_at(ctx, subjects[0])
            if ent is not None and ent.label in ("ORG", "PERSON", "GPE"):
                return None
            break
    bidder = ctx.bidder  # a company or a person (``context._bidder_of``)
    return (offer, bidder) if bidder is not None else None


def _priced_offer(verb: Token) -> Token | None:
    """The offer a participle prices: "a proposal ... pitched at 300p a share" (the parse may hang it on
    the clause's verb, whose subject the offer is)."""
    if verb.lemma_.lower() not in cues().pricing_verbs:
        return None
    head = verb.head
    if head.lemma_.lower() in cues().bid_nouns and head.pos_ == "NOUN":
        return head
    return next(
        (
            ch
            for ch in head.children
            if ch.dep_ in ("nsubj", "nsubjpass") and ch.lemma_.lower() in cues().bid_nouns and ch.pos_ == "NOUN"
        ),
        None,
    )


def _priced_name(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "The $499 Macintosh will be sold in March": a sum written before a name prices what it names."""
    if ctx.amount is None or ctx.amount_kind != "currency":
        return None
    root = ctx.amount.root
    head = root.head
    if root.dep_ not in ("nmod", "compound", "amod", "nummod") or head.i <= root.i or head.pos_ != "PROPN":
        return None
    between = root.doc[root.i + 1 : head.i]
    if not _inside(head, ctx.piece) or ctx.amount[-1].text.endswith(".") or any(t.is_punct for t in between):
        return None  # "losses of $4m. Attorney Scott Christie said": not one noun phrase
    ent = _entity_at(ctx, head)
    if ent is None or ent.label not in ("ORG", "PRODUCT", "WORK_OF_ART") or head.text not in ent.text:
        return None  # "$4m. Attorney Scott Christie": "m." is the scale, not part of the name
    return head, ent


def _holder(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "it is 85 pct held by Contran Corp", "a 40 pct stake owned by Hees": the holder named after
    "by" owns the share, whoever the clause is about."""
    if ctx.amount is None:
        return None
    root = ctx.amount.root
    for noun in (root, root.head):
        for verb in (ch for ch in noun.children if ch.dep_ == "acl"):
            found = _owning_agent(ctx, verb, labels=("ORG", "PERSON", "GPE"))
            if found is not None:
                return found
        if noun.dep_ not in ("nummod", "compound", "quantmod"):
            break
    verb = root.head if root.dep_ == "dobj" else None
    return _each_holding(ctx, verb) or _stake_holder(ctx, verb)


def _index_named_before(ctx: ArticleContext, noun: Token) -> EntityMention | None:
    """The stock index (or exchange) the article named last before a bare "the index" ("the Nikkei average
    ... the index", "The Karachi Stock Exchange ... the index")."""
    before = [m for m in ctx.mentions_between(0, noun.idx) if is_index(m) or _exchange(m)]
    return before[-1] if before else None


def _exchange(m: EntityMention) -> bool:
    words = set(m.canonical_name.casefold().split())
    return m.label == "ORG" and bool(words & {"exchange", "bourse"})


def _market_name(ctx: ArticleContext, words: list[Token]) -> str:
    """A market's words, a name in them written as the article names it in full ("KSE index" -> "Karachi Stock
    Exchange index", where the article wrote "The Karachi Stock Exchange (KSE)")."""
    out, seen = [], set()
    for t in words:
        if t.is_punct:
            continue
        ent = _entity_at(ctx, t) if t.ent_type_ else None
        if ent is not None and ent.text.isupper() and ent.canonical_name != ent.text and " " in ent.canonical_name:
            if ent.start not in seen:
                out.append(ent.canonical_name)  # an acronym the article spelled out
                seen.add(ent.start)
            continue
        out.append(t.text)
    return " ".join(out)


def _stake_holder(ctx: ArticleContext, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "a government commission that controls 51 pct of San Miguel's stock", "Acme, which holds 20 pct of
    Beta": the share of a company's stock is the holder's (what "that"/"which" stands for), not the company's."""
    if verb is None or verb.lemma_.lower() not in _OWNING_VERBS or ctx.amount_kind != "percent":
        return None
    of = next((ch for ch in ctx.amount.root.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
    if of is None:
        return None
    subj = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ == "WDT" and verb.dep_ == "relcl":
        subj = verb.head
        head = subj.head
        dateline = ctx.document.in_dateline(head.idx, head.idx + len(head.text))
        if subj.dep_ == "appos" and head.pos_ == "PROPN" and not dateline:
            subj = head  # "Common Brothers PLC, a U.K. maritime firm which owns 60 pct": the name
    if subj is None or subj.pos_ == "PRON":
        return None  # "it holds 20 pct of Beta": left to the rules that read pronouns
    ent = _resolve(ctx, subj)
    if ent is not None:
        return subj, ent
    if subj.pos_ != "NOUN" or any(subj.lemma_.lower() in words for words in _not_phrase_subjects(cues())):
        return None
    words = _modified(subj)
    if len(words) < 2:
        return None  # "the fund owns 5 pct": a stand-in for a name, left to the other rules
    return subj, _written_phrase(subj, words)


def _each_holding(ctx: ArticleContext, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "with Union Faith and Nova each holding 43 pct of its stock": the names right before "each" /
    "both" hold the share (the first here; the joined ones get theirs as conjuncts)."""
    if verb is None or verb.lemma_.lower() not in _OWNING_VERBS:
        return None
    subj = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in ("each", "both") or subj.i == 0:
        return None
    head = subj.doc[subj.i - 1]
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    ent = _entity_at(ctx, head)
    return (head, ent) if ent is not None and ent.label in ("ORG", "PERSON", "GPE") else None


def _stake_buyer(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "Acme acquired the government's 26% stake in Beta", "Acme bought Gamma's 20 pct holding":
    a stake bought is the buyer's (the verb's subject), not the seller's written before it."""
    if ctx.amount is None:
        return None
    c = cues()
    noun = ctx.amount.root
    while noun.dep_ in ("nummod", "compound", "quantmod", "amod", "npadvmod") and noun.head != noun:
        noun = noun.head
    if noun.lemma_.lower() in ("share", "stock") and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return _share_buyer(ctx, noun.head.head)  # "made net purchases of 7,800 Acme shares"
    if noun.lemma_.lower() not in c.stake_nouns or noun.dep_ != "dobj":
        return None
    verb = noun.head
    if verb.lemma_.lower() not in c.stake_buying_verbs or not _inside(verb, ctx.piece):
        return None
    for subj in (ch for ch in verb.children if ch.dep_ == "nsubj" and _inside(ch, ctx.piece)):
        ent = _resolve(ctx, subj)
        if ent is not None and ent.label in ("ORG", "PERSON", "GPE"):
            return subj, ent
    return None


def _share_buyer(ctx: ArticleContext, deal: Token) -> tuple[Token, EntityMention] | None:
    """ "Claremont said it made net purchases of 7,800 Champion Products shares": shares counted in a
    purchase or sale are the dealer's (whose "purchases", or the subject of the verb they are the object
    of), not the company that issued them."""
    if deal.lemma_.lower() not in cues().share_deal_nouns or not _inside(deal, ctx.piece):
        return None
    dealers = [ch for ch in deal.children if ch.dep_ == "poss"]
    if not dealers and deal.dep_ == "dobj":
        dealers = [ch for ch in deal.head.children if ch.dep_ == "nsubj" and _inside(ch, ctx.piece)]
    for t in dealers:
        ent = _resolve(ctx, t)
        if ent is not None and ent.label in ("ORG", "PERSON"):
            return t, ent
    return None


def _owning_agent(
    ctx: ArticleContext, verb: Token, labels: tuple[str, ...] | None = None
) -> tuple[Token, EntityMention] | None:
    """The name after "by" of a verb of holding ("held by Contran Corp"), resolved to an entity
    (of ``labels`` when given): who holds the share."""
    if verb.lemma_.lower() not in _OWNING_VERBS:
        return None
    return _by_agent(ctx, verb, labels)


def _by_agent(
    ctx: ArticleContext, verb: Token, labels: tuple[str, ...] | None = None
) -> tuple[Token, EntityMention] | None:
    """The first name after "by" of a passive verb ("put up for sale by Wembley"), resolved to an entity
    (of ``labels`` when given)."""
    for by in (ch for ch in verb.children if ch.dep_ == "agent"):
        for p in (g for g in by.children if g.dep_ == "pobj"):
            ent = _name_written_after(ctx, p) or _resolve(ctx, p)
            if ent is not None and (labels is None or ent.label in labels):
                return p, ent
    return None


def _name_written_after(ctx: ArticleContext, noun: Token) -> EntityMention | None:
    """ "owned by autoparts maker <VDO Adolf Schindling AG>": the company a describing noun is written right
    before (past a wire's "<"), however the parse hangs the name."""
    if noun.pos_ != "NOUN" or not _is_company_noun(noun):
        return None
    doc = noun.doc
    nxt = noun.i + 1
    while nxt < len(doc) and (doc[nxt].text == "<" or doc[nxt].is_space):
        nxt += 1
    ent = _entity_at(ctx, doc[nxt]) if nxt < len(doc) else None
    return ent if ent is not None and ent.label == "ORG" else None


_RULES = (
    ("respective", lambda ctx, prop, verb, measured: _respective(ctx)),
    ("with_mover", lambda ctx, prop, verb, measured: _with_mover(ctx)),
    ("compared_for", lambda ctx, prop, verb, measured: _compared_for(ctx)),
    ("place_list", lambda ctx, prop, verb, measured: _place_list(ctx)),
    ("named_list", lambda ctx, prop, verb, measured: _named_list(ctx)),
    ("amount_at", lambda ctx, prop, verb, measured: _amount_at(ctx)),
    ("holder", lambda ctx, prop, verb, measured: _holder(ctx)),
    ("stake_buyer", lambda ctx, prop, verb, measured: _stake_buyer(ctx)),
    ("amount_possessor", lambda ctx, prop, verb, measured: _amount_possessor(ctx)),
    ("priced_name", lambda ctx, prop, verb, measured: _priced_name(ctx)),
    ("bidder", lambda ctx, prop, verb, measured: _bidder(ctx, measured)),
    ("market", lambda ctx, prop, verb, measured: None if _totalled(measured) else _market(ctx, prop, verb)),
    ("forecast_for", lambda ctx, prop, verb, measured: _forecast_for(ctx, prop) or _forecast_object(ctx, prop, verb)),
    ("nationwide", lambda ctx, prop, verb, measured: _nationwide(ctx, verb)),
    ("located_share", lambda ctx, prop, verb, measured: _located_share(ctx)),
    ("where_place", lambda ctx, prop, verb, measured: _where_place(ctx)),
    ("death_toll", lambda ctx, prop, verb, measured: _death_toll(ctx, verb)),
    ("policy", lambda ctx, prop, verb, measured: _policy_subject(ctx, prop)),
    ("money_market", lambda ctx, prop, verb, measured: _money_market(ctx, prop)),
    ("survey", lambda ctx, prop, verb, measured: _surveyed(ctx, prop, measured, verb)),
    ("share_of_group", lambda ctx, prop, verb, measured: _share_of_group(ctx)),
    ("share_taken", lambda ctx, prop, verb, measured: _share_taken(ctx)),
    ("population", lambda ctx, prop, verb, measured: _population(ctx, prop, measured)),
    ("share_of_possessed", lambda ctx, prop, verb, measured: _share_of_possessed(ctx, verb, measured)),
    ("market_for", lambda ctx, prop, verb, measured: _market_for(ctx, prop, verb)),
    ("national_market", lambda ctx, prop, verb, measured: _national_market(ctx, prop, verb)),
    ("described", lambda ctx, prop, verb, measured: _described_name(ctx)),
    ("deal_antecedent", lambda ctx, prop, verb, measured: _deal_owner(ctx, prop)),
    ("owner", lambda ctx, prop, verb, measured: _noun_owner(ctx, prop, measured)),
    ("issuer", lambda ctx, prop, verb, measured: _issuer(ctx, measured)),
    ("demonym_people", lambda ctx, prop, verb, measured: _counted_people(ctx, prop) or _demonym_people(ctx, measured)),
    ("counted_whole", lambda ctx, prop, verb, measured: _counted_whole(ctx)),
    ("plan_owner", lambda ctx, prop, verb, measured: _plan_owner(ctx, measured)),
    ("left_with", lambda ctx, prop, verb, measured: _left_with(ctx)),
    ("recipient", lambda ctx, prop, verb, measured: _recipient(ctx, prop)),
    ("verb_subject", lambda ctx, prop, verb, measured: _verb_subject(ctx, prop, verb)),
    ("members_of", lambda ctx, prop, verb, measured: _members_of(ctx, measured)),
    ("central_bank_rate", lambda ctx, prop, verb, measured: _central_bank_rate(ctx, prop)),
    ("implied", lambda ctx, prop, verb, measured: _implied_owner(ctx, prop, verb, measured)),
    ("spoken_for", lambda ctx, prop, verb, measured: _spoken_for(ctx, verb)),
)


def _recipient(ctx: ArticleContext, prop: Token | None) -> tuple[Token, EntityMention] | None:
    """ "The company bought back Goldsmith's stock for 620 mln dlrs, giving him a 93 mln dlr profit": a figure of
    someone's own (``implicit_owner_nouns``, ``stake_nouns``) given to someone (the verb's dative) is the
    recipient's, not the giver's."""
    c = cues()
    if prop is None or prop.dep_ != "dobj" or prop.lemma_.lower() not in c.implicit_owner | c.stake_nouns:
        return None
    dative = next((ch for ch in prop.head.children if ch.dep_ == "dative"), None)
    if dative is None:
        return None
    ent = None
    if dative.lower_ in ("him", "her"):  # the person the sentence named before it ("Goldsmith's stock ... him")
        sent = dative.sent
        ent = next(
            (m for m in reversed(ctx.mentions_between(sent.start_char, dative.idx)) if m.label == "PERSON"), None
        )
    ent = ent or _resolve(ctx, dative)
    return (dative, ent) if ent is not None and ent.label in ("ORG", "PERSON", "GPE") else None


def _members_of(ctx: ArticleContext, measured: Token | None) -> tuple[Token, EntityMention] | None:
    """ "a rebellion by 34 Labour MPs", "the 14 Liberal MPs": a count of a body's members named after their party
    or company (a capitalised name before the plural member noun; ``member_nouns``) is that body's, when no verb's
    subject owns it ("Acme hired 300 Zentro workers" is Acme's)."""
    if measured is None or measured.tag_ != "NNS" or measured.lemma_.lower() not in cues().member_nouns:
        return None
    if ctx.amount is None or not ctx.amount.start < measured.i:
        return None
    if any(ch.lower_ in ("former", "ex") for ch in measured.children):
        return None  # "300 former Zentro workers" are Zentro's no longer
    for ch in measured.children:
        if ch.dep_ not in ("compound", "amod") or ch.i < ctx.amount.end or not ch.text[:1].isupper():
            continue  # (not "child labour workers")
        ent = _entity_at(ctx, ch)
        if ent is not None and ent.label == "ORG" and not public_body(ent):
            return ch, ent
        forms = party_forms().get(ch.text.casefold())
        if forms is not None:  # "Labour MPs", "Liberal MPs": a party's name the model left untagged
            name = forms[0]
            return ch, EntityMention(ch.idx, ch.idx + len(ch.text), ch.text, "ORG", name, "ORG:" + name.casefold())
    return None


def _described_name(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "acquired Zentro Inc, a maker of valves with sales of 30 mln dlrs", "Marketech Inc, an 80 pct partner in
    Varco": a figure inside the description written after a name (its apposition, headed by a common noun) is
    the named one's, not the clause's subject's. Not across a clause of its own ("X, which had sales of ..."
    is the relative pronoun's) nor inside a name set off after a noun ("its unit, Zentro Inc")."""
    amount = ctx.amount
    if amount is None:
        return None
    t = amount.root
    for _ in range(8):
        if t.dep_ == "appos" or t.head.pos_ in ("VERB", "AUX"):
            break
        if t.head.i == t.i or (t.pos_ in ("VERB", "AUX") and t.i != amount.root.i):
            return None
        t = t.head
    else:
        return None
    named = t.head if t.dep_ == "appos" else _name_before_comma(t)
    if named is None or t.pos_ != "NOUN" or not _inside(t, ctx.piece) or t.i < named.i:
        return None  # "the company's unit, Zentro Inc": a name describing a noun, not a description of a name
    if not any(ch.dep_ in ("det", "poss") for ch in t.children):
        return None  # a description opens "a", "the", "its": not a list's "Breakdown: barley 9,000, oats 954,303"
    c = cues()
    if t.lemma_.lower() in c.antecedent_nouns | c.agent_action_nouns | c.change_verbs:
        return None  # "acquired Zentro Inc, a deal worth 30 mln dlrs", "an increase of 10 pct": the deal, not the name
    if named.dep_ == "conj" or any(ch.dep_ == "conj" for ch in named.children):
        return None  # "bought Zentro, Varco and Delmar, a group with sales of ...": one name of a list
    ent = _entity_at(ctx, named)
    if ent is None or ent.label not in ("ORG", "PERSON", "GPE") or is_index(ent):
        return None
    return named, ent


def _name_before_comma(noun: Token) -> Token | None:
    """ "has acquired <Marketech Inc>, an 80 pct partner in ...": the name right before the comma that opens a
    noun phrase the parser made the verb's second object, where it is an apposition of that name."""
    doc = noun.doc
    k = noun.left_edge.i - 1
    if k < 2 or doc[k].text != ",":
        return None
    k -= 1
    if doc[k].text == ">":  # a wire's "<Marketech Inc>"
        k -= 1
    name = doc[k]
    same_role = name.head.i == noun.head.i and name.dep_ == noun.dep_
    return name if same_role and name.pos_ == "PROPN" else None


def _central_bank_rate(ctx: ArticleContext, prop: Token | None) -> tuple[Token, EntityMention] | None:
    """ "base rates will probably stay on hold at 4.75%", "interest rates were left at 2%": a policy rate
    (``policy_rate_words``) no clause gives an owner is set by the central bank the article names (the one named
    most), not the story's country. Not "its base rate" or "UK interest rates": the owner the text writes."""
    if ctx.amount is None or ctx.amount_kind != "percent" or prop is None or prop.lemma_.lower() != "rate":
        return None
    c = cues()
    if not any(ch.dep_ in ("compound", "amod") and ch.lemma_.lower() in c.policy_rate_words for ch in prop.children):
        return None
    if any(ch.dep_ == "poss" or ch.ent_type_ or ch.lemma_.lower() == "prime" for ch in prop.children):
        return None  # "its base rate", "UK interest rates"; a prime rate is the banks' own
    if any(ch.dep_ == "compound" and ch.lemma_.lower() not in c.policy_rate_words for ch in prop.children):
        return None  # "mortgage interest rates", "savings rates": a market's, not the bank's policy rate
    if any(ch.dep_ == "relcl" or ch.dep_ == "prep" and ch.lower_ in _RATE_PREPS for ch in prop.children):
        return None  # "the lending rate at major banks", "rates in the euro zone", "the rate it charges": written
    banks = [m for m in ctx.entities if m.label == "ORG" and _central_bank_name(m.canonical_name)]
    if not banks:
        return None
    key = Counter(m.entity_key for m in banks).most_common(1)[0][0]
    return prop, next(m for m in banks if m.entity_key == key)


_RATE_PREPS = frozenset({"at", "of", "on", "for", "in"})


def _central_bank_name(name: str) -> bool:
    """Whether a name is a central bank's ("Bank of England", "the Federal Reserve Board", "Dutch central bank"):
    the name opens with a central bank's words, or only a place's or people's word comes before them (not "Royal
    Bank of Canada", a lender)."""
    low = name.casefold().removeprefix("the ")
    for bank in cues().central_banks:
        at = low.find(bank)
        if at < 0:
            continue
        before = low[:at].split()
        if not before or all(w.capitalize() in cues().demonyms or country_code(w) is not None for w in before):
            return True
    return False


def _deal_owner(ctx: ArticleContext, prop: Token | None) -> tuple[Token, EntityMention] | None:
    """ "Bank of China has taken a stake in BAII. The stake was between three and five pct": a deal noun that
    is the measured subject itself is the deal an earlier sentence's named subject made (``_deal_maker``)."""
    ent = _deal_maker(ctx, prop) if prop is not None else None
    return (prop, ent) if ent is not None else None


def _amount_at(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "500 jobs at Zentec and 300 jobs at Norvale", "£336m at the Department for Culture": an amount
    written with "at" and an organisation is that organisation's (each conjunct its own)."""
    amount = ctx.amount
    if amount is None:
        return None
    root = amount.root
    verb = root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ != "nsubj":
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX") and any(
        ch.dep_ in SUBJ and _entity_at(ctx, ch) is not None for ch in verb.children
    ):
        return None  # "OutKast won three prizes at the MTV awards", "played for 5,000 fans at ...": the doer's
    counted = root.dep_ == "nummod" and ctx.amount_kind != "currency"  # (not "a two mln dlr plant at X": its cost)
    heads = (root, root.head) if counted else (root,)  # "500 jobs at Zentec": the counted noun's
    for at in (ch for h in heads for ch in h.children if ch.dep_ == "prep" and ch.lower_ == "at"):
        for obj in (g for g in at.children if g.dep_ == "pobj"):
            # "at its Norvale offices", "at the Tarvo Games base": the organisation named on the place
            named = [obj] + [ch for ch in obj.children if ch.dep_ == "compound" and ch.pos_ == "PROPN"]
            ent = next((e for e in (_entity_at(ctx, t) for t in named) if e is not None), None)
            if ent is None or ent.label != "ORG" or is_index(ent):
                continue
            if ent.canonical_name.split()[-1].casefold() in cues().gathering_names:
                return None  # "the $10,000 fiction prize at the National Book Awards": where, not whose
            return obj, ent
    return None


def _left_with(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "leaving the Tories with just 163 MPs", "left Acme with debts of $2bn": what a verb of leaving leaves
    its object with is the object's, not the subject's."""
    amount = ctx.amount
    if amount is None:
        return None
    head = amount.root
    while head.dep_ in ("pobj", "prep", "dobj", "nummod", "compound", "amod") and head.head.i != head.i:
        if head.dep_ == "prep" and head.lower_ == "with":
            break
        head = head.head
    verb = head.head
    if head.lower_ != "with" or head.dep_ != "prep" or verb.lemma_.lower() != "leave":
        return None
    for obj in (ch for ch in verb.children if ch.dep_ == "dobj" and ch.i < head.i):
        ent = _resolve(ctx, obj)
        if ent is not None:
            return obj, ent
    return None


def _phrase(words: list[Token], end: int, name: str | None = None) -> EntityMention:
    """A subject no entity names, as the text writes it: ``words`` (first to last) up to the character
    ``end``; ``name`` when the caller tidied it, else the words joined by spaces."""
    if name is None:  # "world's population": a possessive ending joins its word
        name = "".join(
            t.text + ("" if i + 1 < len(words) and words[i + 1].tag_ == "POS" else " ") for i, t in enumerate(words)
        )
        name = name.strip()
    return EntityMention(words[0].idx, end, name, "NOUN_PHRASE", name, "")


def _share_of_group(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "48% of chartered surveyor estate agents reported lower prices", "Thirty percent of consumer
    electronics returns are ...": a share of a group that is the clause's subject is the group's figure,
    named as the text names it (no article's company or country owns it). Only an unnamed plural group no
    one owns ("its customers" are the company's) and that its modifiers single out (not a bare "people"),
    never a figure ("30% of exports") or a time. ``_population``, asked next, reads a share of a group of
    people in any role ("won 30% of new customers"); this one, any plural group, but only as the subject."""
    amount = ctx.amount
    if amount is None or not (
        ctx.amount_kind == "percent" or (ctx.amount_value is not None and 0 < ctx.amount_value < 1)
    ):
        return None
    share = amount.root
    # "One in five European workers are mobile", "two out of three voters agreed": a ratio of the group after it
    ratio = any(t.lower_ in ("in", "out") for t in amount)
    whole = False  # "Half the world's population": the share's noun is the whole group, singular or not
    if share.dep_ == "pobj" and share.head.lower_ == "of" and share.head.head.lemma_.lower() == "total":
        top = share.head.head  # "A total of 48% of ... reported": the total is the clause's subject
    elif ratio and share.dep_ == "nummod" and share.head.tag_ == "NNS":
        top = share.head
    elif share.dep_ == "predet" and share.head.tag_ in ("NN", "NNS") and not share.head.ent_type_:
        top, whole = share.head, True
    else:
        top = share
    if top.dep_ not in ("nsubj", "nsubjpass") or not _inside(share, ctx.piece):
        return None
    c = cues()
    preps = ("of", "in") if ratio else ("of",)
    groups = [top] if top is not share else []
    groups += [p for ch in share.children if ch.dep_ == "prep" and ch.lower_ in preps for p in ch.children]
    for group in groups:
        after = _group_qualifier(group, amount)
        if group.dep_ not in ("pobj", "nsubj", "nsubjpass") or not (_group_noun(group, after) or whole):
            continue
        if macro_noun(group) and not whole or group.lemma_.lower() in c.time_nouns | c.measure_nouns:
            continue
        words = [
            t
            for t in group.subtree
            if t.i <= group.i
            and t.dep_ not in ("det", "punct", "predet")
            and not t.is_space
            and not amount.start <= t.i < amount.end  # the ratio's own "five" in "One in five workers"
        ]
        counted = any(t.like_num or t.is_currency or any(ch.isdigit() for ch in t.text) for t in words)
        if counted or any(_owned_word(t) for t in words):
            return None  # "40% of its customers", "half of the 2,000 people", "6% of the £22bn": someone's, counted
        # "13% of Europeans", "44% of Britons" (a demonym the model leaves untagged): a people
        people = group.ent_type_ == "NORP" and group.tag_ in ("NNPS", "NNS") or people_country(ctx, group) is not None
        if len(words) + len(after) < 2 and not people:
            return None  # "40% of people log on daily": a bare noun names no group in particular
        end = after[-1] if after else group
        return group, _phrase(words + after, end.idx + len(end.text))
    return None


def _owned_word(t: Token) -> bool:
    """Whether a word of a group names its owner ("its customers", "Acme's staff", "the company's staff"); not the
    people of a place ("US adults") nor a generic noun's own ("the world's population")."""
    if t.dep_ == "poss":  # "the company's staff", "the country's exports" point back to an owner
        return t.pos_ in ("PRON", "PROPN") or bool(t.ent_type_) or _is_company_noun(t) or _is_country_noun(t)
    if t.ent_type_ == "GPE" and t.dep_ in ("compound", "amod"):
        return False
    return bool(t.ent_type_) and t.ent_type_ != "NORP"


_QUALIFIER_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "MONEY", "PERCENT", "QUANTITY"})


def _group_noun(group: Token, after: list[Token]) -> bool:
    """A plural noun no name is ("small firms"), a people by their demonym ("adult Canadians"), or "those"
    with what singles them out after it (``after``, its qualifier: "those with broadband at home")."""
    if group.tag_ == "NNS" and not group.ent_type_:
        return True
    if group.tag_ in ("NNPS", "NNS") and group.ent_type_ == "NORP":
        return True
    if group.tag_ == "NNPS" and not group.ent_type_ and group.text.endswith("s"):
        return demonym_country(group.text) is not None  # "44% of Britons": a demonym the model left untagged
    # not "those questioned": the people a survey asked are its sample, named by the survey rule
    return group.lower_ == "those" and bool(after) and (after[0].pos_ == "ADP" or after[0].tag_ in ("WP", "WDT"))


def _group_qualifier(group: Token, amount: Span) -> list[Token]:
    """What a group is singled out by after its noun: "homes with broadband", "parents living with children
    under 18", "Americans who own MP3 players" (a short prepositional, participle or relative phrase); none
    when it names someone or an amount ("firms in Wales", "users paying $10"), or runs long."""
    after = [
        t
        for ch in group.children
        if ch.i > group.i and ch.dep_ in ("prep", "acl", "relcl")
        for t in ch.subtree
        if not t.is_space
    ]
    after.sort(key=lambda t: t.i)
    if not after or after[0].i != group.i + 1 or len(after) > 6:
        return []
    if any(t.is_punct or amount.start <= t.i < amount.end or t.ent_type_ in _QUALIFIER_LABELS for t in after):
        return []
    if after[-1].i - after[0].i + 1 != len(after):
        return []  # not one stretch of text
    return after


def _share_taken(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "Sexually explicit terms make up 14% of the words", "Small firms account for 40% of jobs": a share
    that is the object of a verb of making up (``share_verbs``) is the clause subject's, a fraction too ("Serial
    truants make up one in 13 pupils"); a subject no entity names is named as the text writes it (its modifiers
    and noun, or "those" with what singles them out)."""
    amount = ctx.amount
    fraction = ctx.amount_kind == "number" and ctx.amount_value is not None and 0 < ctx.amount_value < 1
    if amount is None or not (ctx.amount_kind == "percent" or fraction) or not _inside(amount.root, ctx.piece):
        return None
    share = amount.root
    verb = share.head.head if share.dep_ == "pobj" and share.head.lower_ == "for" else share.head
    lemma = verb.lemma_.lower()
    if share.dep_ not in ("dobj", "pobj") or lemma not in cues().share_verbs:
        return None
    if lemma == "make" and not any(ch.dep_ == "prt" and ch.lower_ == "up" for ch in verb.children):
        return None
    if lemma == "account" and share.dep_ != "pobj":
        return None
    for subj in (ch for ch in verb.children if ch.dep_ == "nsubj"):
        ent = _resolve(ctx, subj)
        if ent is not None:
            return subj, ent
        after = _group_qualifier(subj, amount) if subj.lower_ == "those" else []
        if (subj.pos_ != "NOUN" and not after) or macro_noun(subj):
            return None  # "it accounts for 5%", "exports make up 30%": the other rules know whose
        words = [
            t for t in subj.subtree if t.i <= subj.i and t.dep_ not in ("det", "punct", "predet") and not t.is_space
        ]
        if after:  # "Those on low incomes will account for a quarter of the have-nots"
            return subj, _phrase(words + after, after[-1].idx + len(after[-1].text))
        if any(t.like_num or t.ent_type_ or t.dep_ in ("case", "poss") for t in words) or len(words) < 2:
            return None
        if _company_whole(share):
            return None  # "Semiconductor products accounted for 31 pct of Motorola's sales": the company's figure
        return subj, _phrase(words, subj.idx + len(subj.text))
    return None


def _company_whole(share: Token) -> bool:
    """Whether the whole a share is "of" is a company's own figure ("of Motorola's 1986 net sales", "of the
    total" after its sales) or a total: the share is then a part of that owner's figure."""
    implicit = cues().implicit_owner
    return any(
        p.lemma_.lower() in implicit or p.lemma_.lower() == "total"
        for ch in share.children
        if ch.dep_ == "prep" and ch.lower_ == "of"
        for p in ch.children
    )


def _issuer(ctx: ArticleContext, measured: Token | None) -> tuple[Token, EntityMention] | None:
    """ "Moody's downgraded 1.8 billion dlrs of long-term debt of Deere and Co", "300 mln dlrs of Acme's
    notes": money in a company's debt or securities is the issuer's (a percentage of its shares is a stake,
    the holder's); so is the count of its outstanding shares ("the 11 mln outstanding shares of Acme")."""
    if (
        measured is not None
        and ctx.amount_kind != "currency"
        and any(ch.lower_ == "outstanding" for ch in measured.children)
    ):
        # "Southmark will retain 82 pct of the 11 mln outstanding shares of National Heritage": the count of
        # shares outstanding is the issuer's figure, whoever holds them
        return _owner_of(ctx, measured, ("ORG",))
    if measured is None or ctx.amount_kind != "currency":
        return None
    nouns = cues().issued_nouns
    of = [p for ch in measured.children if ch.dep_ == "prep" and ch.lower_ == "of" for p in ch.children]
    named = ctx.amount is not None and ctx.amount.root.head == measured and measured.i > ctx.amount.root.i
    if named and measured.lemma_.lower() in nouns:  # "4.75 dlr preference shares of Acme": the security's rate
        for t in of:
            ent = _resolve(ctx, t) if t.dep_ == "pobj" else None
            if ent is not None and ent.label == "ORG":
                return t, ent
    for held in of:
        if held.dep_ != "pobj" or held.lemma_.lower() not in nouns:
            continue
        # "390 mln dlrs of Fluor Corp's\nlong-term debt and commercial paper": past a wire line break the
        # parser hangs the first security, with its owner, on the second
        joined = [ch for ch in held.children if ch.dep_ in ("nmod", "conj") and ch.lemma_.lower() in nouns]
        for noun in (held, *joined):
            owner = _owner_of(ctx, noun, ("ORG", "GPE"))
            if owner is not None:
                return owner
    return None


def _owner_of(ctx: ArticleContext, noun: Token, labels: tuple[str, ...]) -> tuple[Token, EntityMention] | None:
    """The first name of ``labels`` that owns ``noun``: its possessive ("Acme's notes") or what follows "of"."""
    # (a possessive the parser hung as "nmod" past a wire line break: "Frank B. Hall and Co Inc's\nB-1 notes")
    owners = [ch for ch in noun.children if ch.dep_ == "poss" or ch.dep_ == "nmod" and _ends_possessive(ch)]
    owners += [p for ch in noun.children if ch.dep_ == "prep" and ch.lower_ == "of" for p in ch.children]
    for t in owners:
        ent = _resolve(ctx, t)
        if ent is not None and ent.label in labels:
            return t, ent
    return None


def _ends_possessive(token: Token) -> bool:
    """The phrase under ``token`` ends in a possessive "'s" ("Frank B. Hall and Co Inc's")."""
    last = max((t for t in token.subtree if not t.is_space), key=lambda t: t.i)
    return last.tag_ == "POS"


def _spoken_for(ctx: ArticleContext, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "A spokesman for the Trafford Centre said sales were up 5%", "The Acme spokeswoman said 8,500
    cars had arrived": with no owner in the reported clause, the organisation the speaker speaks for."""
    c = cues()
    for v in verb.ancestors if verb is not None else ():
        if v.lemma_.lower() not in c.attribution_verbs:
            continue
        for s in (ch for ch in v.children if ch.dep_ == "nsubj" and ch.lemma_.lower() in c.spokesperson_nouns):
            near = [
                p for ch in s.children if ch.dep_ == "prep" and ch.lower_ in ("for", "of", "at") for p in ch.children
            ]
            near += [ch for ch in s.children if ch.dep_ in ("compound", "poss")]
            for t in near:
                ent = _entity_at(ctx, t)
                if ent is not None and ent.label in ("ORG", "FAC"):
                    return t, ent
        return None
    return None


def _counted_people(ctx: ArticleContext, prop: Token | None) -> tuple[Token, EntityMention] | None:
    """ "The total number of Europeans online rose by 12% to 100 million": the number of a people (``number_nouns``
    "of" a demonym in the plural) is a figure of their country or region."""
    if prop is None or prop.lemma_.lower() not in cues().number_nouns:
        return None
    # (not "the number of Americans using its service", "of Acme's customers": a company's count of its users)
    if any(t.dep_ == "poss" or t.ent_type_ == "ORG" for t in prop.subtree):
        return None
    of = [p for ch in prop.children if ch.lower_ == "of" for p in ch.children if p.dep_ == "pobj"]
    return next(((p, c) for p in of if (c := people_country(ctx, p)) is not None), None)


def _demonym_people(ctx: ArticleContext, measured: Token | None) -> tuple[Token, EntityMention] | None:
    """ "More than 5.2 million Germans were out of work": people counted by their nationality are a
    figure of their country."""
    if measured is None or (ctx.amount is not None and measured.i < ctx.amount.start):
        return None
    country = people_country(ctx, measured)
    if country is None and ctx.amount is not None and measured.i < ctx.amount.end:
        # "A quarter of a million Sri Lankans": the parse measures the fraction; the people follow the amount
        doc, after = measured.doc, ctx.amount.end
        # ("Kenyans" right after it, or "Sri Lankans" a name on; not "40% of Canadians", a share of a people)
        names = (after, after + 1) if after < len(doc) and doc[after].pos_ == "PROPN" else (after,)
        for people in (doc[i] for i in names if i < len(doc)):
            country = people_country(ctx, people)
            if country is not None:
                measured = people
                break
    return (measured, country) if country is not None else None


def _respective(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "Prices in the South East and London fell by 1.6% and 0.5% respectively": in a piece with
    "respectively", the figures go in order to the names listed before the first of them ("A, B and
    C", read from the text, not the parse), when there are as many names as figures."""
    if ctx.amount is None or ctx.piece is None:
        return None
    piece_text = doc_text(ctx.piece.doc)[ctx.piece.start_char : ctx.piece.end_char]
    if "respectively" not in piece_text.lower() or not any(t.lower_ == "respectively" for t in ctx.piece):
        return None  # the text is searched first: the rule is asked for every amount of every piece
    figures = _figure_starts(ctx.piece)
    k = next((i for i, f in enumerate(figures) if ctx.amount.start <= f < ctx.amount.end), None)
    if len(figures) < 2 or k is None:
        return None
    labels, text = cues().subject_labels, doc_text(ctx.piece.doc)
    before = ctx.piece.doc[figures[0]].idx
    runs: list[list[tuple[Token, EntityMention]]] = []
    for t in ctx.piece:
        if t.idx >= before:
            break
        ent = _entity_at(ctx, t)
        if ent is None or ent.label not in labels or ent.start != t.idx:
            continue
        last = runs[-1][-1][1] if runs else None
        if last is not None and _LIST_GLUE.fullmatch(text[last.end : ent.start]):
            runs[-1].append((t, ent))
        else:
            runs.append([(t, ent)])
    run = next((r for r in reversed(runs) if len(r) == len(figures)), None)
    if run is None or len({e.entity_key or e.canonical_name for _, e in run}) < len(run):
        return None
    return run[k]


_LIST_GLUE = re.compile(r"(?:\s*,)?\s*(?:(?:and|&|or)\s+)?(?:the\s+)?", re.IGNORECASE)


def _figure_starts(piece: Span, *, dates: bool = False) -> list[int]:
    """Where each number written in the piece starts (token index), numbers the NER tagged as dates
    and times left out unless ``dates`` ("in Belgium 19,050" can be tagged a date), and so are counts
    that point back ("rose by 3% and 1.2% in the two regions respectively")."""
    return [
        t.i
        for t in piece
        if t.like_num
        and (dates or t.ent_type_ not in ("DATE", "TIME"))
        and not (t.i > piece.start and (t.nbor(-1).like_num or t.nbor(-1).text in ("-", "/")))
        and not (t.i > piece.start and t.nbor(-1).lower_ == "the" and t.lower_ in _SMALL_COUNTS)
    ]


_SMALL_COUNTS = frozenset(("two", "three", "four", "five", "six", "2", "3", "4", "5", "6"))


def _listed(ctx: ArticleContext, find) -> list[tuple[int, Token, EntityMention]]:
    """What ``find`` lists in the piece being read (none without an amount or a piece), found once
    per piece: every amount of the piece asks the same question."""
    if ctx.amount is None or ctx.piece is None:
        return []
    key = (find.__name__, ctx.piece.start, ctx.piece.end)
    items = ctx.place_lists.get(key)
    if items is None:
        items = ctx.place_lists[key] = find(ctx, ctx.piece)
    return items


def _place_list(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "£192,713 in England, £139,544 in Wales and £116,542 in Scotland": in a sentence that lists
    figures each followed by "in" and a place, each figure is its place's."""
    places = _listed(ctx, _figures_in_places)
    if ctx.amount is None or len(places) < 2 or _selling_price(ctx, ctx.amount.root):
        return None
    end = ctx.amount.end  # the token right after the amount (its unit word included) is "in"
    return next(((tok, ent) for i, tok, ent in places if i in (end, end + 1)), None)


def _selling_price(ctx: ArticleContext, amount: Token) -> bool:
    """Whether the amount is what a named thing sells or costs for ("Apple expects the Mac mini to sell for
    £339 in the UK and $499 in the US"): the price of the verb's named subject, wherever it is sold. With no
    name for what is sold ("Tickets go for £50 in London and £35 in Manchester") the places stay a list."""
    c = cues()
    head = amount.head
    if head.dep_ == "prep" and head.lower_ in c.selling_preps:
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in c.selling_verbs:
        return False
    subjects = [ch for ch in head.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and head.dep_ == "xcomp":  # "expects the Mac mini to sell for": the object of "expects"
        subjects = [ch for ch in head.head.children if ch.dep_ in ("dobj", "nsubj", "nsubjpass")]
    return any(_entity_at(ctx, t) is not None for s in subjects[:1] for t in s.subtree if t.i <= s.i)


def _figures_in_places(ctx: ArticleContext, piece: Span) -> list[tuple[int, Token, EntityMention]]:
    """Each "<figure> in [the] <place>" of the piece: the index of "in", the place's token and entity."""
    places = []
    for t in piece:
        if t.lower_ != "in" or t.i == 0 or not (t.nbor(-1).like_num or t.nbor(-1).text in ("%", "m", "bn")):
            continue
        first = t.nbor(1) if t.i + 1 < len(t.doc) else None
        after = first.nbor(1) if first is not None and first.lower_ == "the" and first.i + 1 < len(t.doc) else first
        ent = _entity_at(ctx, after) if after is not None else None
        # the model's name may hold the article ("the United States") or not ("the Netherlands": "Netherlands")
        if ent is not None and ent.label in ("GPE", "LOC") and ent.start in (after.idx, first.idx):
            places.append((t.i, after, ent))
    return places


def _named_list(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "traders in France received 31,000 tonnes, in West Germany 21,000, in Belgium 19,050 and in
    Spain 1,000": in a sentence listing two or more items "[in] [the] <name> <figure>" (a place or an
    organisation written right before its figure, the item opened by a comma, "and", a colon or
    semicolon; ``parse.list_item_name``), each such figure is its name's."""
    items = _listed(ctx, _named_figures)
    if ctx.amount is None or len(items) < 2:
        return None
    return next(((tok, ent) for i, tok, ent in items if ctx.amount.start <= i < ctx.amount.end), None)


_NAMED_ITEM_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP"})


def _named_figures(ctx: ArticleContext, piece: Span) -> list[tuple[int, Token, EntityMention]]:
    """Each list item "<name> <figure>" of the piece: the figure's token index, the name's last token
    and its entity (a country the NER missed included)."""
    items = []
    for i in _figure_starts(piece, dates=True):
        name = list_item_name(piece, i)
        if name is None:
            continue
        ent = _entity_at(ctx, name) or _country_word(name)
        if ent is not None and ent.label in _NAMED_ITEM_LABELS and ent.end == name.idx + len(name.text):
            items.append((i, name, ent))
    return items


def _surveyed(
    ctx: ArticleContext, prop: Token | None, measured: Token | None, verb: Token | None
) -> tuple[Token, EntityMention] | None:
    """ "2,000 people surveyed", "55% of the respondents", "Fifty nine percent of people said": in an
    article with a named survey, what those asked said or are is the survey's finding."""
    c = cues()

    def asked(noun: Token) -> bool:
        if noun.lemma_.lower() not in c.respondent_nouns and noun.lower_ not in c.respondent_nouns:
            return False
        polled = any(
            ch.dep_ in ("acl", "amod", "relcl") and ch.lemma_.lower() in c.survey_verbs for ch in noun.children
        )
        return polled or noun.lemma_.lower() == "respondent"

    amount = range(ctx.amount.start, ctx.amount.end) if ctx.amount is not None else range(0)
    for noun in (n for n in (measured, prop) if n is not None):
        if asked(noun) and ctx.survey is not None:  # the token the subject stands on: outside the amount
            token = next((t for t in (noun, *noun.children, noun.head) if t.i not in amount), noun)
            return token, ctx.survey  # ("1,500 adults polled")
        for p in (p for ch in noun.children if ch.dep_ == "prep" and ch.lower_ == "of" for p in ch.children):
            said = verb is not None and verb.lemma_.lower() in c.opinion_verbs
            group = p.tag_ == "NNS" and p.lemma_.lower() in c.respondent_nouns  # "17% of readers have switched"
            respondents = asked(p) or group or (said and p.lemma_.lower() in c.respondent_nouns)
            if respondents and not asked(p) and _named_group(p):
                return None  # "80% of UK adults", "50% of mobile owners": a group the text names, its own share
            asker = _asker(ctx, p) if p.dep_ == "pobj" and asked(p) else None
            if asker is not None:  # "29% of the people it questioned": whoever asked them, before the article's survey
                return asker
            if p.dep_ == "pobj" and respondents and ctx.survey is not None:
                return p, ctx.survey  # the article's survey, looked up once; without one, research by a firm may say
    if ctx.amount is not None and ctx.survey is not None and _a_share(ctx):
        # "17% disagreed", "Forty-three per cent thought ...", "Three-quarters said": a share of those asked
        root = ctx.amount.root
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in c.opinion_verbs:
            return root.head, ctx.survey  # the token it stands on: outside the amount
    return _finding(ctx, verb, prop)


def _asker(ctx: ArticleContext, noun: Token) -> tuple[Token, EntityMention] | None:
    """Who asked the people ``noun`` names: the subject of the asking verb after it ("the people it
    questioned": what "it" stands for; "the 2,000 adults Gallup polled": Gallup), an organisation."""
    c = cues()
    for ch in noun.children:
        if ch.dep_ == "relcl" and ch.lemma_.lower() in c.survey_verbs:
            subj = next((g for g in ch.children if g.dep_ == "nsubj"), None)
            if subj is None:
                continue
            ent = None
            if subj.lower_ in ("it", "they"):
                # "According to Continental Research, 29% of the people it questioned": the sentence's last
                # organisation before them, before whatever "it" stands for elsewhere
                names = [m for m in ctx.mentions_between(noun.sent.start_char, noun.idx) if m.label == "ORG"]
                ent = names[-1] if names else None
            ent = ent or _resolve(ctx, subj)
            if ent is not None and ent.label == "ORG":
                return subj, ent
    return None


def _named_group(noun: Token) -> bool:
    """ "UK adults", "mobile owners", "young women": a plural noun narrowed by a word before it."""
    return any(ch.dep_ in ("compound", "amod", "nmod") and ch.i < noun.i for ch in noun.children)


def _a_share(ctx: ArticleContext) -> bool:
    """A percentage, or a bare fraction below one ("Three-quarters", "One in four")."""
    value = ctx.amount_value
    return ctx.amount_kind == "percent" or (ctx.amount_kind == "number" and value is not None and 0 < value < 1)


_FINDING_VERBS = frozenset({"find", "show", "reveal", "suggest", "say", "indicate", "conclude"})


def _finding(ctx: ArticleContext, verb: Token | None, prop: Token | None = None) -> tuple | None:
    """ "The poll of 2,000 people found that 59% wanted more", "..., said the survey": what a survey
    found is the article's survey's figure. "Research by Earthlink and Webroot revealed that 90% of
    machines ...": what research by a named firm found is that firm's figure (not a country's macro
    figure, and not a public body's: those report a country's economy)."""
    v = verb
    own = verb is not None and any(
        ch.dep_ in ("nsubj", "nsubjpass") and (e := _entity_at(ctx, ch)) is not None and e.label != "NORP"
        for ch in verb.children
    )  # (not "Americans bought 20% more gadgets": those asked)
    for _ in range(3):
        if v is None:
            return None
        if v.lemma_.lower() in _FINDING_VERBS and (v == verb or not own):
            # (a finding whose clause names its own subject is that subject's: "The report said that the United
            # States may be relying on foreign sources for 50 pct of its oil")
            subj = next((ch for ch in v.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
            survey = subj is not None and subj.lemma_.lower() in cues().survey_nouns and not subj.ent_type_
            # a report finds shares of the people it asked or counted ("87% of searchers"); its other figures are
            # whoever's they are
            survey = survey and (subj.lemma_.lower() != "report" or _share_of_people(ctx))
            if survey and ctx.survey is not None:
                return subj, ctx.survey
            by = _research_by(ctx, subj) if subj is not None and not macro_noun(prop) else None
            if by is not None:
                return by
        if v.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or v.head == v:
            return None
        v = v.head
    return None


def _share_of_people(ctx: ArticleContext) -> bool:
    """Whether the amount is a percentage of a group of people or things written after it ("87% of searchers",
    "84% of net users"), not of a named place or an economic figure."""
    if ctx.amount is None or ctx.amount_kind != "percent":
        return False
    after = ctx.amount.doc[ctx.amount.end : ctx.amount.end + 4]
    if not after or after[0].lower_ != "of":
        return False
    nouns = [t for t in after[1:] if t.tag_ in ("NNS", "NNPS") or t.lower_ == "those"]
    return bool(nouns) and not nouns[0].ent_type_ and not macro_noun(nouns[0])


def _research_by(ctx: ArticleContext, subj: Token) -> tuple[Token, EntityMention] | None:
    """The firm named after "by" / "from" on a research noun ("Research by Earthlink", "a study from
    Gartner", "research by technology firms Earthlink and Webroot"), not a public body."""
    if subj.lemma_.lower() not in cues().research_nouns or subj.ent_type_:
        return None
    company = cues().company_nouns
    for prep in (ch for ch in subj.children if ch.dep_ == "prep" and ch.lower_ in ("by", "from")):
        for p in (g for g in prep.children if g.dep_ == "pobj"):
            named = [p, *(ch for ch in p.children if ch.dep_ in ("appos", "compound"))]
            named += [
                ch for ch in subj.children if ch.dep_ == "appos" and ch.i > p.i
            ]  # "firms Earthlink" hung on "Research"
            for t in named:
                ent = _entity_at(ctx, t)
                firm = ent is not None and (ent.label == "ORG" or p.lemma_.lower() in company and t != p)
                if firm and not public_body(ent):
                    return t, _joint(ctx, t, ent), "research"
    return None


def _joint(ctx: ArticleContext, token: Token, ent: EntityMention) -> EntityMention:
    """ "Earthlink and Webroot": a name and the names joined to it, as one subject (joint research is
    one finding, not one each)."""
    others = [e for c in token.conjuncts if c.i > token.i for e in [_entity_at(ctx, c)] if e is not None]
    if not others:
        return ent
    name = " and ".join([ent.canonical_name, *(e.canonical_name for e in others)])
    return EntityMention(ent.start, others[-1].end, name, ent.label, name, "")


def _population(ctx: ArticleContext, prop: Token | None, measured: Token | None) -> tuple[Token, EntityMention] | None:
    """ "more than 50% of the 22.8 million UK net users", "a third of independent developers": a
    share of a group of people nobody owns is a figure about that group (named with its modifiers)."""
    if ctx.amount is None or not any(t.like_num or t.text == "%" or t.lower_ in _SHARE_WORDS for t in ctx.amount):
        return None
    c = cues()
    for noun in (n for n in (measured, prop) if n is not None):
        for p in (p for ch in noun.children if ch.dep_ == "prep" and ch.lower_ == "of" for p in ch.children):
            if p.dep_ != "pobj" or p.lemma_.lower() not in c.respondent_nouns or p.tag_ not in ("NNS", "NN"):
                continue
            if p.lower_ in ("those", "people") or any(ch.dep_ == "poss" for ch in p.children):
                continue  # "half of people": no group named; "30% of its users": the owner's
            skip = {t.i for ch in p.children if ch.dep_ in ("nummod", "det", "quantmod") for t in ch.subtree}
            words = [t for t in p.subtree if t.i <= p.i and t.i not in skip and not t.is_punct and not t.is_space]
            if len(words) < 2:
                continue  # "a third of developers": which developers is not said
            return p, _phrase(words, p.idx + len(p.text))
    return None


def _located_share(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "18% of downloaders were from within the UK", "22% of subscribers were in Spain": a share of a
    group of people that the clause places in a country or region is that place's figure, not the
    figure of whoever counted them."""
    amount = ctx.amount
    if amount is None or not any(t.text == "%" or t.lower_ in _SHARE_WORDS or t.like_num for t in amount):
        return None
    share = amount.root
    verb = share.head
    if share.dep_ != "nsubj" or verb.lemma_ != "be" or not _inside(verb, ctx.piece):
        return None
    group = [p for ch in share.children if ch.dep_ == "prep" and ch.lower_ == "of" for p in ch.children]
    nouns = cues().respondent_nouns
    if not any(p.dep_ == "pobj" and p.lemma_.lower() in nouns and not _owned(p) for p in group):
        return None
    for prep in (ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ in ("from", "in", "within")):
        # "from within the UK": the place hangs on the second preposition
        inner = [g for ch in prep.children if ch.dep_ == "prep" for g in ch.children]
        for p in (g for g in [*prep.children, *inner] if g.dep_ == "pobj"):
            ent = _entity_at(ctx, p)
            if ent is not None and ent.label in ("GPE", "LOC"):
                return p, ent
    return None


def _where_place(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "most marked in Finland, where 60% of those questioned said ...": a figure in a clause that
    "where" hangs on a country or region is that place's (whoever counted it)."""
    if ctx.amount is None:
        return None
    t = ctx.amount.root
    for _ in range(6):
        if t.dep_ == "relcl":
            break
        if t.head.i == t.i:
            return None
        t = t.head
    else:
        return None
    if not any(ch.dep_ == "advmod" and ch.lower_ == "where" for ch in t.children):
        return None
    # the figure is what the clause is about ("where 60% of those asked said"), not the object of
    # someone named in it ("where it employs 500 people", "where Acme sold 20,000 cars")
    subjects = [ch for ch in t.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not any(s.i <= ctx.amount.root.i and ctx.amount.root in s.subtree for s in subjects):
        return None
    ent = _entity_at(ctx, t.head)
    return (t.head, ent) if ent is not None and ent.label in ("GPE", "LOC") else None


def _policy_subject(ctx: ArticleContext, prop: Token | None) -> tuple[Token, EntityMention] | None:
    """ "The national minimum wage is currently set at £4.85 per hour", "child benefit would rise to £63 a
    week", "Reducing the limit from 80mg to 50mg": the level of a tax, benefit, wage floor, duty or limit
    (``policy_nouns``) that is the clause's subject, or the object of a gerund that is, is the instrument's
    own figure, named with its modifiers ("national minimum wage"), not the story's country. Not when someone
    owns it ("its tax bill"), a name modifies it ("UK tax") or the story is a company's (its tax, its duties)."""
    if ctx.amount is None or prop is None or prop.pos_ != "NOUN" or prop.lemma_.lower() not in cues().policy_nouns:
        return None
    if ctx.amount_kind not in ("currency", "percent", "dimension") or ctx.amount.start < prop.i:
        return None  # its level, stated after it: not "For 57%, pensions were key", not "could affect 2,500 elections"
    if _owned(prop) or prop.ent_type_ or not _inside(prop, ctx.piece):
        return None
    if _company_story(ctx):
        return None  # in a company's story its tax, fees and duties are the company's
    if prop.dep_ == "dobj":
        verb = prop.head  # only a gerund that is the clause's subject: "Reducing the limit to 50mg would save ..."
        if verb.tag_ != "VBG" or verb.dep_ not in ("csubj", "csubjpass", "nsubj", "nsubjpass"):
            return None  # "Gordon Brown raised the duty", "Canada ... reduced the duty", "By raising the threshold"
    elif prop.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
        return None
    amount = range(ctx.amount.start, ctx.amount.end)
    words = [t for t in _modified(prop) if t.i not in amount and not t.like_num and not t.is_currency]
    if any(t.ent_type_ for t in words):
        return None
    return prop, _written_phrase(prop, _with_glued(words))


# "the U.K. money market", "Dutch money market": the market, with the country or people word before it
_MONEY_MARKET = re.compile(r"(?i)\b(?:([A-Z][A-Za-z.]*)\s+)?money\s+market\b")


def _money_market(ctx: ArticleContext, prop: Token | None) -> tuple[Token, EntityMention] | None:
    """ "a liquidity surplus of around 100 mln stg in the money market", "the rest of the 1.10 billion stg
    shortage" in a money market report: the market's shortage or surplus (``money_market_nouns``), not the
    central bank's that forecasts it and not the country's; named with the country the report writes before
    "money market" ("U.K. money market"). The bank's own assistance and bill purchases stay the bank's."""
    if ctx.amount is None or ctx.amount_kind != "currency" or ctx.piece is None:
        return None
    nouns = cues().money_market_nouns
    head = ctx.amount.root.head  # "the rest of the 1.10 billion stg shortage": the noun the amount qualifies
    compounds = [ch for ch in head.children if ch.dep_ == "compound"]  # "the ... shortage forecast"
    noun = next((t for t in (prop, head, *compounds) if t is not None and t.lemma_.lower() in nouns), None)
    if noun is None or _owned(noun):
        return None
    found = [m for text in (ctx.piece.text, ctx.document.headline_text) for m in _MONEY_MARKET.finditer(text)]
    if not found:
        return None
    country = next(
        (w for w in (m.group(1) for m in found) if w and (_is_country_name(w) or w in cues().demonyms)), None
    )
    if country is not None and country.isupper() and len(country.replace(".", "")) > 3:
        country = country.title()  # a headline in capitals: "DUTCH" -> "Dutch" ("U.K." stays)
    name = f"{country} money market" if country else "money market"
    return noun, EntityMention(noun.idx, noun.idx + len(noun.text), name, "MARKET", name, "MARKET:" + name.casefold())


def _company_story(ctx: ArticleContext) -> bool:
    """The headline's company is a firm (not a public body or a party), or the article's main name is one
    by its legal form ("Comalco Ltd")."""
    topic, main = ctx.document.topic, ctx.main
    if topic is not None and topic.label == "ORG" and not public_body(topic) and not is_party(topic):
        return True
    return main is not None and main.label == "ORG" and bool(cues().company_suffix.search(main.text))


_TOLL_PREPS = frozenset({"in", "at"})
_TOLL_LABELS = frozenset({"GPE", "LOC", "FAC", "EVENT", "ORG", "NORP"})


def _death_verb(verb: Token) -> bool:
    """ "died", "perished", "were killed", "took their own lives", "lost their lives" (``death_verbs``)."""
    lemma = verb.lemma_.lower()
    if lemma not in cues().death_verbs:
        return False
    if lemma in ("take", "lose"):
        return any(ch.dep_ == "dobj" and ch.lemma_.lower() in ("life", "lives") for ch in verb.children)
    return lemma != "kill" or any(ch.dep_ in ("nsubjpass", "auxpass") for ch in verb.children)


def _toll_place(ctx: ArticleContext, noun: Token) -> tuple[Token, EntityMention] | None:
    """A place or event named by ``noun``: its entity, else the noun with its modifiers (no time, no person)."""
    if noun.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERSON", "MONEY", "PERCENT", "QUANTITY"):
        return None
    ent = _entity_at(ctx, noun)
    if ent is not None:
        return (noun, ent) if ent.label in _TOLL_LABELS else None
    lemma = noun.lemma_.lower()
    if noun.pos_ not in ("NOUN", "PROPN") or lemma in cues().time_nouns or _owned(noun):
        return None  # "perished in the Holocaust": a name the model left untagged still names the event
    words = [t for t in _modified(noun) if not t.like_num and t.ent_type_ not in ("DATE", "TIME")]
    return noun, _written_phrase(noun, words)


def _death_toll(ctx: ArticleContext, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "300 people died in the floods", "45 miners were killed at the colliery", "25 children have taken
    their own lives in prison", "the 1985 stadium fire in which 56 died": the number of the dead is the
    place's or the event's where they died, not the speaker's or the story's company. Only a count that is
    the verb's subject; a place given by an "in"/"at" phrase of the verb, or the noun an "in which" /
    "where" clause hangs on."""
    if ctx.amount is None or verb is None or not _death_verb(verb):
        return None
    root = ctx.amount.root
    counted = root.head if root.dep_ == "nummod" else root
    if counted.dep_ not in ("nsubj", "nsubjpass") or counted.head.i != verb.i:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _TOLL_PREPS:
            continue
        obj = next((ch for ch in prep.children if ch.dep_ == "pobj"), None)
        if obj is not None and obj.lower_ in ("which", "whom"):
            return _toll_place(ctx, verb.head) if verb.dep_ == "relcl" else None
        if obj is not None:
            found = _toll_place(ctx, obj)
            if found is not None:
                return found
    where = any(ch.dep_ == "advmod" and ch.lower_ == "where" for ch in verb.children)
    return _toll_place(ctx, verb.head) if where and verb.dep_ == "relcl" else None


def _owned(noun: Token) -> bool:
    """ "its customers", "Acme's users": a group with an owner."""
    return any(ch.dep_ == "poss" for ch in noun.children)


def _counted_whole(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """ "A three-judge panel ruled", "the 12-member eurozone economy", "a three-part agreement": a count
    written into a hyphenated modifier describes the noun it modifies (when no owner is named)."""
    if ctx.amount is None:
        return None
    root = ctx.amount.root
    counted = root.head if root.dep_ == "nummod" else None
    if counted is None or counted.i != ctx.amount.end + 1 or counted.doc[counted.i - 1].text != "-":
        return None
    whole = counted.head
    if counted.dep_ not in ("compound", "nmod", "amod") or whole.i <= counted.i or whole.pos_ != "NOUN":
        return None
    if _entity_at(ctx, whole) is not None:
        return None
    if any(ch.dep_ == "poss" for ch in whole.children) or whole.lemma_.lower() in cues().stake_nouns:
        return None  # "its 12-member board", "their entire 604,000-share stake": the owner's (the owner rule)
    held = whole.head.head if whole.dep_ == "pobj" and whole.head.lower_ == "with" else None
    if held is not None:  # "Aeroperu, the flagship airline with a 10-jet fleet": the airline's fleet
        owner = _resolve(ctx, held) or (_resolve(ctx, held.head) if held.dep_ == "appos" else None)
        if owner is not None and owner.label in ("ORG", "GPE"):
            return held, owner
    words = [t for t in whole.subtree if counted.i < t.i <= whole.i and not t.is_punct and not t.is_space]
    return whole, _phrase(words, whole.idx + len(whole.text))


_SHARE_WORDS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "majority", "minority", "percent"})


def _forecast_for(ctx: ArticleContext, prop: Token | None) -> tuple[Token, EntityMention] | None:
    """ "its growth forecast for the German economy", "the estimate for Japan": a forecast is about
    the place or economy it is for, not whoever made it."""
    if prop is None or prop.lemma_.lower() not in cues().forecast_nouns:
        return None
    for p in (p for prep in prop.children if prep.dep_ == "prep" and prep.lower_ == "for" for p in prep.children):
        if p.dep_ != "pobj":
            continue
        ent = _entity_at(ctx, p)
        if ent is not None and ent.label in ("GPE", "LOC"):
            return p, ent
        if ent is not None and ent.label == "ORG" and not public_body(ent):
            return p, ent  # "her earnings estimates for Corvane Chemical": the company's earnings
        if ent is None and p.pos_ == "NOUN" and macro_noun(p):
            words = [t for t in p.subtree if t.i <= p.i and t.dep_ not in ("det", "punct", "poss") and not t.is_space]
            return p, _phrase(words, p.idx + len(p.text), " ".join(t.text for t in words).replace(" - ", "-"))
    return None


def _forecast_object(ctx: ArticleContext, prop: Token | None, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "The IMF will reduce its growth estimate for the eurozone from 2.2% to 1.6%": the figures hang on
    the verb, the forecast they revise is its object, and the forecast is about what it is for."""
    if verb is None or (prop is not None and prop.i != verb.i):
        return None
    nouns = cues().forecast_nouns
    obj = next((ch for ch in verb.children if ch.dep_ == "dobj" and ch.lemma_.lower() in nouns), None)
    return _forecast_for(ctx, obj) if obj is not None else None


# a public body that "sees" or "expects" a change forecasts it (it owns no production)
_SEEING = frozenset({"see", "expect", "forecast", "predict", "project", "anticipate"})


def _forecaster(token: Token, entity: EntityMention, prop: Token | None) -> bool:
    """ "Jordan expects consumer prices to rise 4 pct": a person forecasting a country's economic
    figure speaks about it; the figure is the economy's, not the person's. A person's estimate or
    forecast ("raised his estimate to 7.50 dlrs a share") is of someone else's figure too."""
    if entity.label == "PERSON" and prop is not None and prop.lemma_.lower() in cues().forecast_nouns:
        return True  # "McAdoo raised his 1987 estimate to 7.50 dlrs a share": an analyst's estimate of a company
    if token.dep_ != "nsubj":
        return False
    verb = token.head.lemma_.lower()
    seen = [prop, *(ch for ch in token.head.children if ch.dep_ == "dobj")]
    changes = any(t is not None and t.lemma_.lower() in cues().change_verbs for t in seen)
    if verb in _SEEING and changes and public_body(entity):
        return True  # "The institute saw a decline of two pct in this sector": its forecast, the sector's decline
    if verb in cues().forecast_verbs and entity.label == "PERSON" and prop is not None and _market_figure(prop):
        return True  # "She said she expected the yield on the gilt to dip below 9.5 pct": the gilt's, forecast
    if verb not in cues().forecast_verbs or not macro_noun(prop):
        return False
    if entity.label == "PERSON" or public_body(entity):  # "the IMF forecasts growth of 4%": the economy's growth
        return True
    # "Deloitte is forecasting economic growth of 2%": a firm forecasting the economy, not its own growth
    return entity.label == "ORG" and _economy_figure(prop)


def _market_figure(prop: Token) -> bool:
    """A market's own figure: a currency, an index, a bond's yield."""
    lemma = prop.lemma_.lower()
    return lemma in cues().market_nouns or lemma == "yield"


def _economy_figure(prop: Token | None) -> bool:
    """A macro figure no company has ("economic growth", "inflation", "interest rates"): not one a
    company's own accounts also have ("growth", "sales", "debt") unless "economic" or "GDP" says so."""
    if prop is None:
        return False
    if prop.lemma_.lower() not in cues().implicit_owner and prop.lower_ not in cues().implicit_owner:
        return True
    if any(ch.lower_ in ("economic", "gdp", "economy") for ch in prop.children):
        return True
    # "growth in the industrial sector", "output in the economy": a sector of the economy, not a company's
    return any(
        ch.dep_ == "prep"
        and ch.lower_ == "in"
        and any(
            p.dep_ == "pobj"
            and p.lemma_.lower() in ("sector", "economy")
            and not any(g.dep_ == "poss" for g in p.children)
            for p in ch.children
        )
        for ch in prop.children
    )


def _spokesperson(entity: EntityMention, prop: Token | None) -> bool:
    """ "Chief executive Ann Lee attributed a 3% rise in sales to ...", "President Lee presented a
    budget of 1,546 trillion rials": a person is never the owner of a figure only an organisation or
    an economy has; she speaks for it."""
    if entity.label != "PERSON" or prop is None:
        return False
    figures = cues().company_figures
    if prop.lemma_.lower() in cues().forecast_nouns:  # "raised his earnings estimates for the company"
        return any(ch.dep_ == "compound" and ch.lemma_.lower() in figures for ch in prop.children)
    return prop.lemma_.lower() in figures or macro_noun(prop)


def _is_speaker(token: Token) -> bool:
    """The subject of "say", "tell", "report" ...: who speaks, not what is measured."""
    # a passive subject ("The chip is reported to be 10 times faster") is what is reported about
    if token.dep_ != "nsubj" or token.head.lemma_.lower() not in cues().attribution_verbs | cues().speaker_verbs:
        return False
    # "Orange added five million customers", "Acme reported a net profit of $5m": a verb that takes a
    # thing as its object says what the subject did or has, not what it said
    objects = [ch for ch in token.head.children if ch.dep_ == "dobj"]
    # "Daiwa added 5.3% to 740 yen": a figure hung on the verb itself is what was added, not said
    moved = [ch for ch in token.head.children if ch.dep_ == "npadvmod" and any(t.like_num for t in ch.subtree)]
    if token.head.lemma_.lower() in _DOING_TOO and (objects or moved):
        return False
    # "The North East showed the highest rate of inflation at 26.2%": a place shows, reports or posts
    # its own figure (a place never speaks by "show")
    if token.ent_type_ in ("GPE", "LOC") and objects and token.head.lemma_.lower() in _PLACE_FIGURE_VERBS:
        return False
    # "Washington announced plans to put 300 mln dlrs in tariffs": who announces its own plan makes it
    if any(ch.lemma_.lower() in cues().plan_nouns and not _owned_by_other(ch) for ch in objects):
        return False
    # "It reported pretax profit of 10.57 mln": a company reporting its own figure owns it
    return not any(ch.lemma_.lower() in cues().company_figures and not macro_noun(ch) for ch in objects)


def _owned_by_other(noun: Token) -> bool:
    """ "announced Acme's plans": a possessor other than "its"/"their" names someone else's."""
    return any(ch.dep_ == "poss" and ch.lower_ not in ("its", "their", "our", "his", "her") for ch in noun.children)


_DOING_TOO = frozenset({"add"})  # attribution verbs that also mean doing something to an object
# attribution verbs whose place subject states its own figure ("The North East showed ... 26.2%")
_PLACE_FIGURE_VERBS = frozenset({"show", "report", "post"})
# the relations that open a clause of its own: what is said, not how or where it was said
_CLAUSES = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj", "relcl", "acl", "csubj"})


def _said_directly(ctx: ArticleContext, speaker: Token) -> bool:
    """ "Under 23 hours of questioning, Mr Sullivan told the court that ...": an amount in a phrase fronted
    on the speaking verb itself, outside what is said and outside quotes, is the speaker's own."""
    amount, verb = ctx.amount, speaker.head
    if amount is None:
        return False
    from .quotes import in_quote

    token = amount.root
    if in_quote(token.doc, token):
        return False
    while token.head.i != verb.i:
        if token.dep_ in _CLAUSES or token.head.i == token.i:
            return False
        token = token.head
    # only a fronted phrase of the speaking ("Under 23 hours of questioning, Mr Sullivan told"): one after
    # the verb ("estimated plantings at 385,000", "said 852,000 shares") is still what is said
    return token.dep_ == "prep" and token.i < speaker.i


def _possessing_group(poss: Token) -> tuple[Token, EntityMention] | None:
    """ "Foreign producers' sales", "small investors' holdings": a group no name stands for owns what it
    possesses, named as the text names it (not "companies' profits" nor "last year's", a stand-in or a time)."""
    if poss.tag_ != "NNS" or poss.pos_ != "NOUN" or poss.ent_type_:
        return None
    c = cues()
    if any(poss.lemma_.lower() in words for words in (c.time_nouns, c.measure_nouns, c.forecast_nouns, c.plan_nouns)):
        return None
    if poss.head.lemma_.lower() in c.forecast_nouns:
        return None  # "leading brokers' forecasts of $5m": their forecast of someone else's figure
    words = _modified(poss)
    if any(t.like_num or t.ent_type_ not in ("", "NORP") for t in words):
        return None  # "Acme's shareholders'": the name's, left to the rules that read names
    if not any(t.dep_ == "amod" and t.tag_ in ("JJ", "NNP") and t.lower_ not in _PLAIN_MODIFIERS for t in words):
        return None  # a bare plural ("workers' pay") or "other companies'" names no group in particular
    return poss, _written_phrase(poss, words)


def _possessing_body(poss: Token) -> tuple[Token, EntityMention] | None:
    """ "The state department's planned budget", "the health ministry's figures": a government body written
    in lower case, as the text names it (a word before it says which: not "the department's")."""
    if poss.tag_ != "NN" or poss.ent_type_ or poss.lemma_.lower() not in cues().state_body_words:
        return None
    words = _modified(poss)
    if len(words) < 2 or any(t.like_num or t.ent_type_ not in ("", "NORP") or t.is_upper for t in words):
        return None  # "Acme's office", a name's: left to the rules that read names
    return poss, _written_phrase(poss, words)


# adjectives that single out no group ("other companies' profits", "some analysts' forecasts")
_PLAIN_MODIFIERS = frozenset(
    {
        "other",
        "rival",
        "many",
        "some",
        "most",
        "several",
        "such",
        "own",
        "major",
        "big",
        "leading",
        "top",
        "largest",
        "biggest",
        "main",
        "certain",
        "various",
        "individual",
        "respective",
        "last",
        "next",
        "previous",
        "same",
    }
)


def _noun_owner(ctx: ArticleContext, prop: Token | None, measured: Token | None) -> tuple[Token, EntityMention] | None:
    """The possessor or a named compound of the measured noun or the property noun."""
    c = cues()
    # tokens compare by position: spaCy makes a new Token object on every access
    for noun in (measured, prop) if measured is not None and measured != prop else (prop,):
        if noun is None or (noun == measured and noun != prop and noun.pos_ in ("VERB", "AUX")):
            continue
        content = noun == prop
        forecaster = noun.lemma_.lower() in c.forecast_nouns  # "McAdoo raised his estimate to 7.50 dlrs a share"
        for ch in noun.children:
            if ch.dep_ == "poss":
                ent = _resolve(ctx, ch)
                if ent is not None and ch.pos_ == "PRON" and _held_in(ctx, noun, ent):
                    # "Kodak's announcement it plans to sell its stake in ICN": not ICN's own stake
                    ent = _other_company_before(ctx, ch, ent)
                if ent is not None and _surveyed_index(ctx, noun, ent):
                    return ch, ctx.country  # "CIPS said its purchasing manager index fell to 51.8": the UK's economy
                if ent is not None and not (forecaster and ent.label == "PERSON"):
                    return ch, ent  # an analyst's estimate is of a company's figure, not of the analyst
                # (a government body only in a story about no company: "the company's sales office's revenue")
                group = _possessing_group(ch) or (_possessing_body(ch) if ctx.main is None else None)
                if group is not None:
                    return group
        before = _surface_possessor(ctx, noun)  # "By 1700 GMT, Petrel's shares": the parse lost the 's
        if before is not None:
            return before
        split = _split_possessive(ctx, noun)  # "has lost her £7.5m case": "her" parsed as a second object
        if split is not None:
            return split
        for p in (
            p for ch in noun.children if content and ch.dep_ == "prep" and ch.lower_ == "at" for p in ch.children
        ):
            # "directing a $2.7bn accounting fraud at the company he co-founded": the company it happened at
            # owns it (a name after "at" may be a place the model took for a company: "a plant at Tomaque")
            ent = _resolve(ctx, p) if p.dep_ == "pobj" and _is_company_noun(p) else None
            if ent is not None and ent.label == "ORG":
                return p, ent
        of_owned = noun.lemma_.lower() in c.of_owner_nouns
        for p in (
            p for ch in noun.children if of_owned and ch.dep_ == "prep" and ch.lower_ == "of" for p in ch.children
        ):
            # "the original size of Libya's funds", "the cost of Acme's plan": whose the measured thing is
            for ch in (ch for ch in p.children if ch.dep_ == "poss" and p.dep_ == "pobj"):
                ent = _resolve(ctx, ch)
                if ent is not None and ent.label in c.subject_labels and ent.label != "NORP":
                    return ch, ent
        if noun.dep_ == "dobj" and any(ch.dep_ == "nsubj" and _resolve(ctx, ch) for ch in noun.head.children):
            continue  # "Air Deccan ordered 30 Airbus A320 planes": names on the object say what, not whose
        for ch in noun.children:
            if ch.dep_ == "compound" or ch.dep_ == "amod" and ch.pos_ == "PROPN":  # "Altvest shares" as amod
                ent = _entity_at(ctx, ch) or (_country_word(ch) if content else None)
                if ent is not None and _surveyed_index(ctx, noun, ent):
                    return ch, ctx.country
                # "Apple revenue" names its owner; "45 million Galaxy S7 phones" names what is counted
                banned = ("NORP",) if content else ("NORP", "PRODUCT")
                inside = ctx.amount is not None and ctx.amount.start <= ch.i < ctx.amount.end  # "mln U.S. dlrs"
                # "U.S. dlrs 5.98 billion" in a list of reserves: the currency's country owns nothing
                currency = noun.lemma_.lower() in c.market_nouns or noun.lower_ in ("dlrs", "dlr")
                # "Burry forecast earnings of 2 dlrs": a person named before a company's figure is who speaks
                # (a full name: a one-word "person" before "shares" is often a company the model mislabelled)
                company_figure = noun.lemma_.lower() in c.implicit_owner or noun.lower_ in c.implicit_owner
                person_figure = (
                    ent is not None and ent.label == "PERSON" and " " in ent.canonical_name.strip() and company_figure
                )
                owns = ent is not None and ent.label in c.subject_labels and ent.label not in banned
                if owns and ent.label == "GPE" and _named_agent(ctx, noun):
                    continue  # "Six UK greyhound tracks have been put up for sale by Wembley": where, not whose
                if owns and ent.label == "GPE" and _main_company_says(ctx, noun):
                    continue  # "U.S. car sales fell 62 pct, the automaker said": its sales in the U.S.
                if owns and not inside and not currency and not person_figure:
                    return _company_before_place(ctx, ch, ent)
    return None


def _held_in(ctx: ArticleContext, noun: Token, ent: EntityMention) -> bool:
    """Whether a stake noun is "in" the entity itself ("its 2.3 pct stake in ICN" read as ICN's): no one holds a
    stake in itself."""
    if noun.lemma_.lower() not in cues().stake_nouns:
        return False
    held = [_entity_at(ctx, p) for ch in noun.children if ch.lower_ == "in" for p in ch.children if p.dep_ == "pobj"]
    return any(h is not None and h.entity_key == ent.entity_key for h in held)


def _other_company_before(ctx: ArticleContext, pron: Token, ent: EntityMention) -> EntityMention | None:
    """The nearest company before a pronoun in its sentence other than ``ent`` that is a clause's subject or a
    possessor ("Kodak's filing with the SEC said it plans to sell its stake": Kodak, not the SEC), else None."""
    local = _clause_subject_before(ctx, pron)  # "Industrial Equity Ltd said it raised its stake in Wrather Corp"
    if local is not None and local.entity_key != ent.entity_key:
        return local
    sent = pron.sent
    for t in reversed(sent[: pron.i - sent.start]):
        role = t
        while role.dep_ in ("compound", "nmod") and role.head is not role:  # "Industrial Equity (Pacific) Ltd"
            role = role.head
        if role.dep_ not in ("poss", "nsubj", "nsubjpass"):
            continue
        other = _entity_at(ctx, t)
        if other is not None and other.label == "ORG" and other.entity_key != ent.entity_key:
            return other
    return None


def _surveyed_index(ctx: ArticleContext, noun: Token, body: EntityMention) -> bool:
    """Whether an economic index a body compiles ("CIPS said its purchasing manager index fell", "research institute
    Ifo said that its confidence index fell") measures the story's country: the body surveys the economy, it owns no
    figure of it."""
    return ctx.country is not None and noun.lemma_.lower() == "index" and macro_noun(noun) and body.label == "ORG"


def _company_before_place(ctx: ArticleContext, ch: Token, ent: EntityMention) -> tuple[Token, EntityMention]:
    """ "Banque Nationale de Paris Hong Kong branch": a company named before the place owns what is
    there; the place only says which of its offices."""
    if ent.label == "GPE":
        for g in ch.children:
            if g.dep_ == "compound" and g.i < ch.i:
                company = _entity_at(ctx, g)
                if company is not None and company.label == "ORG":
                    return g, company
    return ch, ent


# a company's figure nouns that a place's economy has too: "U.S. growth", "U.S. debt", "U.S. spending"
_NATIONAL_TOO = frozenset({"growth", "debt", "spending"})
# an economy's figure nouns a company has too: "an £150m investment", "a spending of $2bn" (with "a"/"an" only)
_COMPANY_TOO = _NATIONAL_TOO | {"investment"}


def _main_company_says(ctx: ArticleContext, noun: Token) -> bool:
    """Whether the sentence's reporting verb has the article's company as its subject ("..., the automaker
    said", "..., Acme said"): a place named on the figure is then where the company's figure was made."""
    if ctx.main is None or ctx.main.label != "ORG":
        return False
    lemma = noun.lemma_.lower()
    if lemma not in cues().implicit_owner or lemma in _NATIONAL_TOO:
        return False  # sales, orders, shipments: a company's figures; not "the U.S. current account deficit"
    if not any(ch.dep_ == "compound" and ch.ent_type_ == "GPE" for ch in noun.children):
        return False  # the place names the figure itself ("U.S. car sales"), not "the UK market's sales growth"
    root = noun.sent.root
    if root.lemma_.lower() not in cues().attribution_verbs:
        return False
    # every subject of the verb: "SOUTHFIELD, MICH., March 24 - American Motors Corp said" hangs the dateline's
    # place on "said" as a subject too
    for said in (ch for ch in root.children if ch.dep_ == "nsubj"):
        ent = _resolve(ctx, said)
        if ent is not None and ent.entity_key == ctx.main.entity_key and not public_body(ent):
            return True
    return False


def _named_agent(ctx: ArticleContext, noun: Token) -> bool:
    """Whether the passive clause ``noun`` is the subject of names a company or person after "by"."""
    return noun.dep_ == "nsubjpass" and _by_agent(ctx, noun.head, ("ORG", "PERSON")) is not None


def _amount_possessor(ctx: ArticleContext) -> tuple[Token, EntityMention] | None:
    """A name written with 's (or a plural's ') right before the amount owns it, in a gapped list
    too: "Labour's campaign cost £1.7m, the Lib Dems' £1.19m and the Greens' £404,000"."""
    amount = ctx.amount
    if amount is None or amount.start < 2:
        return None
    doc = amount.doc
    mark = doc[amount.start - 1]
    if mark.tag_ != "POS" and mark.text not in ("'", "’"):
        return None
    owner = doc[amount.start - 2]
    if not owner.text[:1].isupper() or owner.ent_type_ in ("DATE", "TIME") or not _inside(owner, ctx.piece):
        return None  # "last year's £3m", "January's 4%": a time's, not an owner's
    ent = _entity_at(ctx, owner)
    if ent is not None:
        return (owner, ent) if ent.label in cues().subject_labels else None
    words = [owner]  # a name the NER missed ("the Greens'"): the capitalised words before the mark
    while words[0].i > 0 and doc[words[0].i - 1].text[:1].isupper() and doc[words[0].i - 1].pos_ == "PROPN":
        words.insert(0, doc[words[0].i - 1])
    if words[0].is_sent_start or owner.pos_ not in ("PROPN", "NOUN"):
        return None
    name = " ".join(t.text for t in words)
    start = words[0].idx
    return owner, EntityMention(start, owner.idx + len(owner.text), name, "ORG", name, "ORG:" + name.casefold())


def _surface_possessor(ctx: ArticleContext, noun: Token) -> tuple[Token, EntityMention] | None:
    """The name written with 's right before the noun (past its adjectives), whatever the parse."""
    i = noun.i - 1
    while i > 0 and noun.doc[i].pos_ in ("ADJ", "NOUN") and noun.doc[i].head == noun:
        i -= 1
    if i < 1 or noun.doc[i].tag_ != "POS" or not _inside(noun.doc[i - 1], ctx.piece):
        return None
    owner = noun.doc[i - 1]
    ent = _entity_at(ctx, owner)
    return (owner, ent) if ent is not None and ent.label in cues().subject_labels and ent.label != "NORP" else None


def _split_possessive(ctx: ArticleContext, noun: Token) -> tuple[Token, EntityMention] | None:
    """A possessive pronoun right before the noun's phrase that the parser hung on the verb as an object
    of its own ("lost her £7.5m ($14.6m) sex discrimination case"): the noun's possessor."""
    edge = noun.left_edge
    if edge.i == 0 or noun.dep_ not in ("dobj", "pobj"):
        return None
    pron = noun.doc[edge.i - 1]
    if pron.lower_ not in ("her", "his", "its", "their") or pron.dep_ != noun.dep_ or pron.head != noun.head:
        return None
    ent = _resolve(ctx, pron)
    return (pron, ent) if ent is not None else None


def _country_word(token: Token) -> EntityMention | None:
    """A country's name the NER missed ("U.S. oil demand"), as a place."""
    if token.pos_ != "PROPN" or not _is_country_name(token.text):  # dots ignored: "U.S."
        return None
    if negated_name(token):
        return None  # "Non-EU exports": everywhere but there
    return EntityMention(token.idx, token.idx + len(token.text), token.text, "GPE", token.text, "GPE:" + token.lower_)


def _planned_by(ctx: ArticleContext, measured: Token | None) -> tuple[Token, EntityMention] | None:
    """ "Labour's plan to invest £60bn", "Acme's decision to spend $5m": the possessor of the noun
    whose infinitive clause the amount is in does what the clause says."""
    verb = _governing_verb(measured, ctx.piece) if measured is not None else None
    if verb is None or verb.pos_ != "VERB" or verb.dep_ != "acl" or verb.head.pos_ != "NOUN":
        return None
    if not any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children):
        return None
    for ch in verb.head.children:
        ent = _resolve(ctx, ch) if ch.dep_ == "poss" else None
        if ent is not None and ent.label in cues().subject_labels and ent.label != "NORP":
            return ch, ent
    return None


def _plan_owner(ctx: ArticleContext, measured: Token | None) -> tuple[Token, EntityMention] | None:
    """ "X's plans for a $10bn bid", "Y's offer of $5 a share": the possessor of the noun the amount's
    noun hangs from (through "for" / "of") owns it, whoever the verb's subject is."""
    planned = _planned_by(ctx, measured)
    if planned is not None:
        return planned
    noun = measured
    if noun is not None and noun.dep_ in ("nmod", "compound", "nummod", "quantmod") and noun.head.pos_ == "NOUN":
        noun = noun.head  # "$10bn bid": the noun the amount modifies
        for ch in noun.children:  # "America's $422bn budget deficit"
            ent = _resolve(ctx, ch) if ch.dep_ == "poss" else None
            if ent is not None and ent.label in cues().subject_labels and ent.label != "NORP":
                return ch, ent
    for _ in range(2):
        if noun is None or noun.dep_ != "pobj" or noun.head.lower_ not in ("for", "of"):
            return None
        noun = noun.head.head
        if noun.pos_ != "NOUN":
            return None
        for ch in noun.children:
            ent = _resolve(ctx, ch) if ch.dep_ == "poss" else None
            if ent is not None and ent.label in cues().subject_labels and ent.label != "NORP":
                return ch, ent
    return None


# verbs that say what share of a whole something is ("represented 20 pct of", "account for a third of")
_SHARE_VERBS = frozenset({"represent", "account", "constitute", "comprise", "equal", "make"})


def _share_of_possessed(ctx: ArticleContext, verb: Token | None, measured: Token | None) -> tuple | None:
    """ "US investments represented 20 pct of Akzo's total capital", "exports account for 30% of Japan's
    GDP": a share of a named owner's whole, said of a thing no name stands for, is the owner's figure
    (not the nationality that qualifies the thing; "Acme accounts for 20% of Dorvan's sales" keeps Acme)."""
    if verb is None or verb.lemma_.lower() not in _SHARE_VERBS or measured is None:
        return None
    subject = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or _entity_at(ctx, subject) is not None:
        return None
    return _partitive_owner(ctx, measured)


def _partitive_owner(ctx: ArticleContext, measured: Token | None) -> tuple[Token, EntityMention] | None:
    """ "5% of Singapore's GDP", "half of Fiat's finance arm": the owner of what the share is of."""
    for prep in measured.children if measured is not None else ():
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for whole in prep.children:
            if whole.dep_ != "pobj":
                continue
            for ch in whole.children:
                own = _clause_subject_for(measured, ch) if ch.dep_ == "poss" and ch.pos_ == "PRON" else None
                if own is not None and own.pos_ == "PROPN":
                    # "Sonatrach is negotiating with two of its customers": the possessive is the clause's named
                    # subject's (after a common noun, "Software made up 30% of its revenue", it is resolved as before)
                    ent = _resolve(ctx, own)
                    if ent is not None and ent.label in cues().subject_labels and ent.label != "NORP":
                        return own, ent
                    continue
                ent = _resolve(ctx, ch) if ch.dep_ == "poss" else None
                if ent is not None and ent.label in cues().subject_labels and ent.label != "NORP":
                    return ch, ent
    return None


def _clause_subject_for(token: Token, pronoun: Token) -> Token | None:
    """The subject of the verb ``token`` hangs on (through "agreed to spend"'s infinitive) when it is a noun or
    a name, not the amount's own phrase, and agrees with ``pronoun`` ("its": a singular one; "their": any); else
    None ("U.S. imports will account for 35 pct of its imports": no agreeing subject). ``_partitive_owner`` takes
    the possessive for that subject only when it is a name ("Sonatrach ... two of its customers")."""
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    while verb is not None and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        if any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verb.children):
            break
        verb = verb.head
    subjects = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
    # (not the amount's own noun phrase: "half of its revenue came from Asia")
    singular = pronoun.lower_ == "its"
    return next(
        (
            s
            for s in subjects
            if s.pos_ in ("NOUN", "PROPN")
            and not s.left_edge.i <= token.i <= s.right_edge.i
            and (s.tag_ in ("NN", "NNP") if singular else pronoun.lower_ == "their")
        ),
        None,
    )


def _index_not_owning(entity: EntityMention, prop: Token) -> bool:
    """Whether ``entity`` is a stock index and ``prop`` a figure no index has (an index owns its level and its
    moves, ``index_properties``; not jobs, nor a company's absence from it)."""
    return is_index(entity) and prop.lemma_.lower() not in cues().index_properties


def _implied_owner(
    ctx: ArticleContext, prop: Token | None, verb: Token | None, measured: Token | None
) -> tuple[Token, EntityMention, str] | None:
    """Owners the property noun implies when the verb's subject named no one."""
    c = cues()
    part = _partitive_owner(ctx, measured)
    if part is not None:
        return (*part, "partitive")
    # "revenue at Apple", "shipments of Xiaomi"
    bid = prop is not None and prop.lemma_.lower() in c.bid_nouns
    stake = prop is not None and prop.lemma_.lower() in c.stake_nouns
    for ch in prop.children if prop is not None else ():
        if bid and ch.lower_ in ("for", "to") or stake and ch.lower_ == "in":
            continue  # "a takeover bid for the LSE", "its stake in King World": the target, not the owner
        if ch.dep_ == "prep" and ch.lower_ in PROPERTY_PREPS:
            for p in ch.children:
                if p.dep_ == "pobj":
                    ent = _entity_at(ctx, p)
                    deal = any(t.lemma_.lower() in c.deal_nouns for t in (p, *p.lefts))
                    if ent is None and not deal:  # "earnings at Barclays Capital investment bank"
                        # (not "the cash portion of the Acme purchase price": the target is not who pays)
                        names = [_entity_at(ctx, g) for g in p.children if g.dep_ == "compound"]
                        ent = next((e for e in names if e is not None and e.label == "ORG"), None)
                    # "shares in its major shareholder, Acme Corp - which owns ...": a noun its apposition names
                    described = (
                        ch.lower_ in ("in", "of", "at")  # (not "orders from its biggest customer, Boeing")
                        and p.pos_ == "NOUN"
                        and any(d.dep_ in ("poss", "det") for d in p.children)
                    )
                    if ent is None and not deal and described:
                        named = (_entity_at(ctx, a) for a in p.children if a.dep_ == "appos")
                        ent = next((e for e in named if e is not None and e.label == "ORG"), None)
                    if ent is None and not deal and _is_company_noun(p):  # "shares in the bank", described before
                        ent = _named_org(ctx, p)
                    if ent is not None and _index_not_owning(ent, prop):
                        continue  # "a seven-year absence from the FTSE 100": an index owns its level and moves only
                    if ent is not None and ent.label in c.subject_labels and ent.label != "NORP":
                        return p, ent, "property_of"
    state = _nationality(ctx, prop) if prop is not None else None
    if state is not None:
        return (*state, "nationality")
    company_says = prop is not None and _main_company_says(ctx, prop)  # "U.S. car sales fell, the automaker said"
    place = _macro_place(ctx, prop) if macro_noun(prop) and not company_says else None
    if place is not None:
        return (*place, "macro_place")
    # "Revenue rose 3 percent" with no owner named, in an article about one company
    named = prop is not None and any(
        ch.dep_ in ("poss", "compound")
        and ch.pos_ in ("PROPN", "PRON")
        and not (company_says and ch.ent_type_ in ("GPE", "NORP"))
        and ch.ent_type_ != "DATE"  # "late March car sales rose": when, not whose
        for ch in prop.children
    )
    national = prop is not None and any(
        ch.dep_ in ("amod", "compound") and ch.lower_ in c.national_modifiers for ch in prop.children
    )
    if prop is not None and not named and not national and prop.lemma_.lower() in c.implicit_owner:
        owner = _clause_subject_before(ctx, prop) or ctx.antecedent()  # "SBC said 5,125 positions would go"
        if owner is not None and (_index_not_owning(owner, prop) or legislature(owner)):
            # "two million jobs were created" in a story about the Dow: not the index's; "Congress rejected the
            # plan. Spending is set to grow by 3.5%": a legislature votes on spending, it owns none
            owner = None
        if (
            owner is not None
            and ctx.country is not None
            and (state_body(owner) or macro_noun(prop) and (public_body(owner) or _economy_figure(prop)))
        ):
            return prop, ctx.country, "country_property"  # "beet deliveries totalled 20 mln tonnes", said the Ministry
        if owner is not None:
            return prop, owner, "company_property"
    owned = prop is not None and any(ch.dep_ == "poss" for ch in prop.children)  # "the world's population"
    bare = prop is not None and not any(ch.dep_ == "compound" for ch in prop.children)  # not "GDP growth"
    # a company's own: "an investment", "an £150m investment" (not "The CBI expects investment to fall by 2%")
    one = bare and any(ch.dep_ == "det" and ch.lower_ in ("a", "an") for ch in prop.children)
    if one and not owned and prop.lemma_.lower() in _COMPANY_TOO:
        # "The Telegraph Group says the cuts are needed to fund an £150m investment": a figure companies have too,
        # in a clause a company says or does, is that company's (not "Acme says inflation will rise")
        # (not across a relative clause: "owns 30 pct of the venture which has a total investment of $35m")
        relative = any(t.dep_ in ("relcl", "acl") for t in (prop, *prop.ancestors))
        owner = None if relative else _clause_subject_before(ctx, prop)
        if owner is not None and owner.label == "ORG" and not public_body(owner) and not state_body(owner):
            return prop, owner, "company_property"
    if prop is not None and not owned and macro_noun(prop) and ctx.country is not None:
        return prop, ctx.country, "country_property"  # "inflation fell below 10%" in an article about one country
    for ch in prop.children if prop is not None else ():  # "the company share price"
        if ch.dep_ == "compound" and _is_company_noun(ch) and ctx.antecedent():
            return ch, ctx.antecedent(), "company_compound"
    place = _place(ctx, measured, prop, verb)
    if place is not None:
        return (*place, "place")
    national = _national_whole(ctx, prop)
    return (*national, "nationality") if national is not None else None


def _national_whole(ctx: ArticleContext, prop: Token | None) -> tuple[Token, EntityMention] | None:
    """ "The average size of an English constituency was 70,000": with no one named, the country of
    the thing the property is of."""
    c = cues()
    wholes = [
        p
        for ch in (prop.children if prop is not None else ())
        if ch.dep_ == "prep" and ch.lower_ == "of"
        for p in ch.children
        if p.dep_ == "pobj" and p.pos_ == "NOUN"
    ]
    for whole in wholes:
        for ch in whole.children:
            country = c.demonyms.get(ch.text) if ch.dep_ in ("amod", "compound") else None
            if country is not None:
                return ch, country_mention(ctx, ch, country)
    return None


def _place(
    ctx: ArticleContext, measured: Token | None, prop: Token | None, verb: Token | None
) -> tuple[Token, EntityMention] | None:
    """With no one named, the country the amount is counted in: "53 million people own a mobile
    in the UK", "75% of all mobiles in the UK" (the measured noun, what it is "of", or the verb)."""
    c = cues()
    own = {t.i for t in measured.subtree} if measured is not None else set()
    fronted = _fronted_place(ctx, verb)
    if fronted is not None:
        return fronted
    if verb is not None and any(ch.dep_ in SUBJECT_DEPS - {"expl"} and ch.i not in own for ch in verb.children):
        return None  # the clause is about its subject ("It employs 120 people in London"), named or not
    near = [*(verb.children if verb is not None else ()), *(measured.subtree if measured is not None else ())]
    world = next((t for t in near if t.dep_ == "advmod" and t.lower_ in c.world_words), None)
    if world is not None:  # "Globally, 167 million phones were sold" (not "The band sold 2m records worldwide")
        return world, _world(world)
    heads: list[Token] = [t for t in (measured, prop) if t is not None]
    for t in list(heads):
        of = [ch for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "of"]
        heads += [g for ch in of for g in ch.children if g.dep_ == "pobj"]
    counted = next((t for t in heads if t.dep_ in ("nsubj", "nsubjpass")), None)
    if counted is not None:  # the amount is what the clause is about ("people ... killed in X"), not its object
        gov = counted.head
        heads += [gov, *(ch for ch in gov.children if ch.dep_ in ("dobj", "xcomp", "acomp"))]
    for t in heads:
        for ch in t.children:
            if ch.dep_ == "prep" and ch.lower_ in c.place_preps:
                for p in ch.children:
                    ent = _entity_at(ctx, p) if p.dep_ == "pobj" else None
                    if ent is not None and (ent.label == "GPE" or ent.label == "LOC" and ch.lower_ != "in"):
                        return p, ent  # (a region "across Asia"; "in Europe" stays the company's market)
    return None


def _nationwide(ctx: ArticleContext, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "Business failures rose nationally by 6.9 pct", "prices fell 2% nationwide": a figure the verb
    says is the nation's is the story country's (even where a study found it), unless a name owns it."""
    if verb is None or ctx.country is None or ctx.amount is None:
        return None
    nation = next((t for t in verb.children if t.lower_ in cues().nation_words), None)
    if nation is None:
        return None
    subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and (subj.ent_type_ or _resolve(ctx, subj) is not None):
        return None  # "Acme's sales rose 5% nationwide": the company's
    return nation, ctx.country


def _world(word: Token) -> EntityMention:
    """The world, named by the word that says so ("global", "worldwide")."""
    return EntityMention(word.idx, word.idx + len(word.text), word.text, "LOC", "world", "LOC:world")


def _macro_place(ctx: ArticleContext, prop: Token) -> tuple[Token, EntityMention] | None:
    """The economy an economic figure with no owner belongs to when its clause names it, before the
    story's country: the world ("global economic growth", "a world cocoa surplus"), or the one place
    of the clause ("In Japan, inflation was 0.5%", "growth of 2.2% across the European Union", "The
    UK economy is expected to slow, with growth falling"); not a trading partner ("exports to China")."""
    c = cues()
    mods = [t for t in prop.lefts if t.dep_ in ("amod", "compound")]
    mods += [g for t in mods for g in t.lefts if g.dep_ in ("amod", "compound")]  # "a world sugar surplus"
    for t in mods:  # not "the world's second biggest economy": that is a country described
        if t.lower_ in c.world_words:
            return t, _world(t)
    piece = ctx.piece
    if piece is None or not prop.doc.has_annotation("DEP"):
        return None
    clause = _clause(prop, piece)
    found: dict[str, tuple[Token, EntityMention]] = {}
    for tok, m in _sentence_names(ctx):
        if ctx.document.in_dateline(m.start, m.end) or not (
            is_region(m)
            or m.label in ("GPE", "LOC")
            and (country_code(m.canonical_name) is not None or _province(tok) is not None)
        ):
            continue  # a country, a city the gazetteer knows, a province or a region; not "the Hartz reforms"
        head = tok
        while head.dep_ in ("compound", "flat", "amod", "poss", "conj") and head.head != head:
            head = head.head  # "Commission for Latin America and the Caribbean": the Caribbean is the name's
        if head.dep_ == "pobj" and head.head.lower_ in c.partner_preps:
            continue  # "exports to China", "a deficit with the EU": the other side
        if _clause(tok, piece) == clause:
            found.setdefault(m.entity_key or m.canonical_name, (tok, m))
    if len(found) > 1:  # "the northeast China province of Heilongjiang": the province, the country describes it
        named = {_province(t) for t, _ in found.values() if t.dep_ == "pobj"} - {None}
        found = {k: (t, m) for k, (t, m) in found.items() if not (t.dep_ in ("compound", "amod") and t.head in named)}
    return next(iter(found.values())) if len(found) == 1 else None


_PROVINCE_NOUNS = frozenset({"province", "state", "region", "prefecture", "county", "territory", "republic"})


def _province(tok: Token) -> Token | None:
    """The province noun a name is ("the province of Heilongjiang", "Heilongjiang province"), else None."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _PROVINCE_NOUNS:
        return head.head
    if tok.dep_ == "compound" and head.lemma_.lower() in _PROVINCE_NOUNS:
        return head
    return None


def _fronted_place(ctx: ArticleContext, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "In Alaska, failures rose by 66%": a place put before a subject that names no one frames the
    whole clause."""
    if verb is None:
        return None
    subjects = [ch for ch in verb.children if ch.dep_ in SUBJECT_DEPS]
    if len(subjects) != 1 or _resolve(ctx, subjects[0]) is not None:
        return None
    figure = subjects[0].lower_ == "it" and _is_the_figure(ctx, subjects[0])  # "In Wales it was 59,000"
    if subjects[0].pos_ != "NOUN" and not figure:
        return None
    # the place nearest before the amount: "In Northern Ireland it was 66,000, in Wales 59,000"
    upto = ctx.amount.start if figure and ctx.amount is not None else subjects[0].i
    found = None
    for ch in verb.children:
        if ch.dep_ == "prep" and (ch.lower_ in cues().place_preps or ch.lower_ == "at") and ch.i < upto:
            for p in ch.children:
                ent = _entity_at(ctx, p) if p.dep_ == "pobj" else None
                if ent is not None and (ent.label == "GPE" or ent.label == "ORG" and ch.lower_ == "at"):
                    found = p, ent  # "At the Department for Work and Pensions, 30,000 jobs are to go"
            if found is not None and not figure:
                return found
    return found or _opening_place(ctx, verb)


def _opening_place(ctx: ArticleContext, verb: Token) -> tuple[Token, EntityMention] | None:
    """ "In Sri Lanka, some observers have said that 1% of growth may be lost", "For Thailand, that
    figure is 0.1%", "At the Bluewater centre, 150,000 shoppers were expected": a place phrase that
    opens the sentence, set off by a comma, frames every clause of it, the reported ones included."""
    piece = ctx.piece
    if piece is None:
        return None
    top = verb
    while top.dep_ in ("ccomp", "xcomp", "advcl", "conj") and top.head.i != top.i and piece.start <= top.head.i:
        top = top.head
    for ch in top.children:
        if ch.dep_ != "prep" or ch.i != piece.start or ch.lower_ not in (*cues().place_preps, "for", "at"):
            continue
        end = ch.right_edge.i + 1
        if end >= piece.end or piece.doc[end].text != ",":
            continue
        for p in ch.children:
            ent = _entity_at(ctx, p) if p.dep_ == "pobj" else None
            if ent is not None and (ent.label == "GPE" or ch.lower_ == "at" and ent.label in ("ORG", "FAC")):
                return p, ent  # "At the St Enoch Centre, 140,000 shoppers ..."
    return None


SUBJ = ("nsubj", "nsubjpass")


def _named_examples(ctx: ArticleContext, noun: Token) -> tuple[Token, EntityMention] | None:
    """ "operators such as BT and Telewest", "firms like Acme", "carmakers including Ford": a group named by
    its examples is those names (joined: one subject for all of them)."""
    for prep in (ch for ch in noun.children if ch.dep_ == "prep"):
        such = prep.lower_ == "as" and any(ch.lower_ == "such" for ch in prep.children)
        if not (such or prep.lower_ in ("like", "including")):
            continue
        for p in (g for g in prep.children if g.dep_ == "pobj"):
            ent = _entity_at(ctx, p)
            if ent is not None and ent.label in ("ORG", "PERSON", "GPE"):
                return p, _joint(ctx, p, ent)
    return None


def _named_next(ctx: ArticleContext, noun: Token) -> EntityMention | None:
    """ "An ex-chief financial officer at Boeing has received a fine of $250,000. Michael Sears
    admitted ...": a person introduced by a role alone, with "a"/"an", is the person named first after
    that sentence (in the next two), not the company the role is at."""
    if noun.lemma_.lower() not in cues().person_role_nouns or noun.tag_ != "NN":
        return None
    if not any(ch.dep_ == "det" and ch.lower_ in ("a", "an") for ch in noun.children):
        return None
    if any(ch.dep_ in ("compound", "appos", "poss") and ch.ent_type_ == "PERSON" for ch in noun.children):
        return None
    sent = noun.sent
    doc = noun.doc
    end = sent.end
    for _ in range(2):  # the next two sentences
        if end >= len(doc):
            break
        end = doc[end].sent.end
    hi = doc[end - 1].idx + len(doc[end - 1].text)
    return next((m for m in ctx.mentions_between(sent.end_char, hi) if m.label == "PERSON"), None)


def _gapped_subject(ctx: ArticleContext, prop: Token | None, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """ "to post a 31 billion dlr surplus and Japan a 76 billion dlr surplus": the second object of a verb
    whose clause left the verb out has the name written before it as its subject (the parser hangs that name
    on the first object as a conjunct)."""
    if prop is None or verb is None or prop.dep_ != "dobj" or prop.head != verb:
        return None
    for first in (ch for ch in verb.children if ch.dep_ == "dobj" and ch.i < prop.i):
        for name in (g for g in first.children if g.dep_ == "conj" and first.i < g.i < prop.i):
            if any(t.dep_ == "cc" for t in first.children if t.i < name.i) and name.ent_type_ in ("GPE", "ORG"):
                ent = _resolve(ctx, name)
                if ent is not None:
                    return name, ent
    return None


def _state_forecast(ctx: ArticleContext, verb: Token, prop: Token | None, ent: EntityMention) -> bool:
    """A ministry, treasury or central bank that expects or forecasts an economic figure: the figure is the
    country's, the body only forecasts it."""
    forecast = verb.lemma_.lower() in cues().forecast_verbs
    return forecast and ctx.country is not None and state_body(ent) and macro_noun(prop)


def _verb_subject(ctx: ArticleContext, prop: Token | None, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """The subject (or agent, or recipient) of the verb chain, resolved to an entity."""
    c = cues()
    gapped = _gapped_subject(ctx, prop, verb)
    if gapped is not None:
        return gapped
    v = verb
    for _ in range(6):
        if v is None:
            return None
        if v.lemma_.lower() in _EVIDENCE_VERBS and macro_noun(prop):
            return None  # "The BDO index rose, implying GDP growth of 2.9%": evidence, not whose growth
        subj = _set_off_dropped(
            [_true_subject(ch, v) for ch in v.children if ch.dep_ in SUBJ and _inside(ch, ctx.piece)]
        )
        if not subj and any(not _inside(ch, ctx.piece) and ch.dep_ in ("nsubj", "nsubjpass") for ch in v.children):
            # the parser took the headline's noun as subject: the piece's own first name, hung outside
            subj = [t for t in _orphans(ctx.piece) if t.i < v.i and t.pos_ in ("PROPN", "NOUN", "PRON")][:1]
        agent = [g for ch in v.children if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"]
        held = _owning_agent(ctx, v) if agent else None  # "85 pct is held by Contran": the holder owns the stake
        if held is not None:
            return held
        # "a round that values the company at $45 billion": the object's; "The United States granted Argentina
        # a 500 mln dlr loan": the recipient's (the indirect object only)
        lemma = v.lemma_.lower()
        owners = (
            ("dobj", "dative") if lemma in c.object_subject_verbs else ("dative",) if lemma in c.recipient_verbs else ()
        )
        for ch in v.children if owners else ():
            ent = _resolve(ctx, ch) if ch.dep_ in owners else None
            if ent is not None:
                return ch, ent
        # a bad parse can give several subjects ("Apple co-founder Steve Jobs"): the named one first
        for s in sorted(subj, key=lambda t: _entity_at(ctx, t) is None) + agent:
            if prop is not None and s.i == prop.i:
                continue
            ent = _resolve(ctx, s)
            if ent is not None and _state_forecast(ctx, v, prop, ent):
                return None  # "the Treasury expected a current account deficit of 2.5 billion stg": the country's
            if ent is not None:
                return s, ent
            if s.pos_ in ("VERB", "AUX"):  # a clause as subject ("it target is 60 million"): its own subject
                inner = [g for g in s.children if g.dep_ == "nsubj"]
                ent = _resolve(ctx, inner[0]) if inner else None
                if ent is not None:
                    return inner[0], ent
            for ch in s.children if s.lemma_.lower() not in c.company_nouns else ():
                if ch.dep_ in ("poss", "compound"):
                    ent = _resolve(ctx, ch) if ch.dep_ == "poss" else _entity_at(ctx, ch)
                    if ent is not None and ent.label == "GPE" and _main_company_says(ctx, s):
                        return s, ctx.main  # "U.S. car sales declined to 4,922, the automaker said": its sales there
                    if ent is not None and ent.label in c.subject_labels and ent.label != "NORP":
                        return ch, ent
            for ch in v.children:  # "The deal gives Google 17,000 patents"
                ent = _entity_at(ctx, ch) if ch.dep_ == "dative" else None
                if ent is not None and ent.label in ("ORG", "PERSON"):
                    return ch, ent
            examples = _named_examples(ctx, s) if s.tag_ == "NNS" else None
            if examples is not None:  # "operators such as BT and Telewest offered ..."
                return examples
            named_next = _named_next(ctx, s) if s.pos_ == "NOUN" else None
            if named_next is not None:
                return s, named_next
            place = _that_in(ctx, s, v)
            if place is not None:  # "(output) ... and those in Japan rose 7.5 pct"
                return place
            if s.pos_ in ("NOUN", "PROPN", "PRON"):
                return None
        if v.dep_ == "xcomp" and not subj and v.head.lemma_.lower() in c.object_control_verbs:
            for ch in v.head.children:  # "enable Turkey to defer payments": the object does it
                ent = _resolve(ctx, ch) if ch.dep_ == "dobj" else None
                if ent is not None:
                    return ch, ent
        if v.dep_ in ("acl", "relcl") and v.head.pos_ == "PRON" and v.head.lower_ in ("those", "anyone", "everyone"):
            h = v.head  # "planned to increase taxes on those earning more than $200,000": who plans it
            while h.dep_ in ("pobj", "dobj", "prep") and h.head.i != h.i:
                h = h.head
            if h.pos_ == "VERB" and not subj:
                v = h
                continue
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            ent = _resolve(ctx, v.head)
            if ent is not None:
                return v.head, ent
            if v.dep_ == "acl" and v.head.dep_ == "dobj" and not subj:
                v = v.head.head  # "agreed a proposal to borrow $10bn": who agreed borrows
                continue
            if v.dep_ == "acl" and v.head.dep_ == "pobj" and v.head.head.head.pos_ == "VERB" and not subj:
                v = v.head.head.head  # "placed an order, in a deal valued at $4bn": who placed it
                continue
            return None
        mark = next((ch for ch in v.children if ch.dep_ == "mark" and ch.i < v.i), None)
        place = _that_in(ctx, mark, v) if mark is not None and not subj else None
        if place is not None:  # "... and that in South Korea was up 7.5 pct": the parse's "that" is a mark
            return place
        if v.dep_ in ("xcomp", "conj", "advcl") and not subj:
            v = v.head
            continue
        if v.dep_ == "acomp" and v.pos_ == "ADJ" and not subj:
            v = v.head  # "it will be able to carry 70 million passengers": the subject of "be"
            continue
        if (
            prop is not None
            and [s.i for s in subj] == [prop.i]
            and v.dep_ in ("ccomp", "xcomp")
            and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in v.children)  # not "predicts that ..."
            and v.head.lemma_.lower() in c.forecast_verbs | c.plan_verbs
        ):
            v = v.head  # "it expected repayments to be frozen": the one who expects owns them
            continue
        if v.dep_ == "pcomp" and not subj and v.head.head != v.head:
            v = v.head.head  # "after launching the iPod": the main verb's subject did it
            continue
        return None
    return None


def _set_off_dropped(subjects: list[Token]) -> list[Token]:
    """Of several subjects the parser gave one verb, those a dash sets off from a later one: "In contrast to
    Japan - and of course the European Union - the US population is expected to increase by 46%" is the
    population's, not the aside's."""
    if len(subjects) < 2:
        return subjects
    doc = subjects[0].doc
    last = max(t.i for t in subjects)
    dashes = [i for i in range(min(t.i for t in subjects), last) if doc[i].text in ("-", "--", "\u2013", "\u2014")]
    return [t for t in subjects if t.i == last or not any(t.i < i for i in dashes)]


def _that_in(ctx: ArticleContext, s: Token, verb: Token) -> tuple[Token, EntityMention] | None:
    """ "that in South Korea", "those in Japan": a demonstrative standing for the measure just named,
    of the place after "in" (hung on it or, when the parser took "that" for a conjunction, on its verb)."""
    if s.lower_ not in ("that", "those"):
        return None
    heads = (s, verb) if s.dep_ == "mark" else (s,)
    for p in (g for h in heads for ch in h.children if ch.dep_ == "prep" and ch.lower_ == "in" for g in ch.children):
        ent = _entity_at(ctx, p) or _country_word(p)
        if ent is not None and ent.label in ("GPE", "LOC"):
            return p, ent
    return None


def _window_subject(ctx: ArticleContext, sent: Span, before: int) -> tuple[Token, EntityMention] | None:
    """Fast mode: the entity in subject position of the clause holding token ``before``.

    The clause starts after the last "that" / "said" / ";" before the amount (after the
    "According to X," lead-in); its subject position runs to its first verb. A name there wins
    over "it" / "the company" (resolved as with a parse).
    """
    c = cues()
    doc = sent.doc
    start = sent.start
    if span_text(sent).lower().startswith("according to"):
        comma = next((t.i for t in sent if t.text == ","), None)
        start = comma + 1 if comma is not None and comma < before else start
    for t in doc[start:before]:
        boundary = t.lower_ in ("that", ";") or (t.lemma_.lower() in c.attribution_verbs and t.pos_ == "VERB")
        # a boundary only if a clause follows ("Lei said they will ship"), not "Apple reported revenue of"
        if boundary and any(u.pos_ in ("VERB", "AUX") for u in doc[t.i + 1 : before]):
            start = t.i + 1
    window = []
    for t in doc[start:before]:
        if t.pos_ in ("VERB", "AUX"):
            break
        window.append(t)
    named = [(t, e) for t in window for e in [_entity_at(ctx, t)] if e is not None]
    people = [(t, e) for t, e in named if e.label in ("ORG", "PERSON")]
    if people:
        return people[0]
    for t in window:
        stand_in = t.lower_ in c.third_person or t.lower_ in c.first_person or _is_company_noun(t)
        ent = _resolve(ctx, t) if stand_in and _entity_at(ctx, t) is None else None
        if ent is not None:
            return t, ent
    places = [(t, e) for t, e in named if e.label in ("GPE", "LOC")]
    return places[0] if places else None
