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

import bisect
import functools
import re
from contextvars import ContextVar
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ...records import EntityMention
from ..doccache import doc_text, token_ids
from .context import ArticleContext, capital_acting, is_index, legislature, macro_noun, public_body
from .cues import cues
from .document import figure_name
from .gazetteer import country_of_place
from .parse import tree_distance
from .parties import in_headline, is_party
from .schema import load


@dataclass
class Candidate:
    entity: EntityMention
    token: Token | None = None
    features: set[str] = field(default_factory=set)

    def score(self, weights: dict[str, float]) -> float:
        # rounded: a set's order (string hashes differ between processes) must not move the last bits
        return round(sum(weights.get(f, 0.0) for f in self.features), 6)


# When set (``pipeline explain``), every ranking is kept here: {(id of the part's Doc, amount start
# char, or -1 - the sentence piece's start char for a dated event): [(candidate name, sorted
# features, score), ...]}, best first.
TRACE: ContextVar[dict | None] = ContextVar("facts_candidate_trace", default=None)


@functools.cache
def scoring() -> tuple[dict[str, float], float]:
    rules = load("facts_scoring.json")
    return dict(rules["weights"]), float(rules["threshold"])


@functools.cache
def amount_scoring() -> tuple[dict[str, float], float]:
    """The fitted weights and bar for an amount's candidates (``pipeline evaluate fit-subjects``)."""
    rules = load("facts_scoring.json")
    return dict(rules["amount_weights"]), float(rules["amount_threshold"])


def candidates(
    ctx: ArticleContext, prop: Token | None, proposed: list[tuple[str, Token, EntityMention]]
) -> list[Candidate]:
    """Every candidate subject of one amount, with its features: what the parse rules propose (the
    first of them, in the rules' precedence, marked ``first_rule``), the article's own candidates,
    and the names in the sentence."""
    c = cues()
    found: dict[str, Candidate] = {}

    def add(entity: EntityMention | None, feature: str, token: Token | None = None) -> None:
        if entity is None or _aggregate(ctx, entity):
            return  # ("U.S. M-1", "Sterling M3": a money aggregate the NER took for a name is the figure itself)
        cand = found.setdefault(_key(entity), Candidate(entity, token))
        cand.features.add(feature)

    first = next((p for p in proposed if p[0] not in NOT_RULES), None)
    if first is not None:
        add(first[2], "first_rule", first[1])
    lemma = prop.lemma_.lower() if prop is not None else None
    # a legislature in the headline or the last sentence's subject debates the story's figures, it owns none
    # ("Bush sends budget to Congress")
    topic = ctx.document.topic
    if topic is not None and legislature(topic):
        topic = None
    add(topic, "headline_topic")
    market = ctx.document.market
    quoted = ctx.amount is not None and ctx.amount_kind in ("percent", "currency")
    if market is not None and instrument_market(market):
        if quoted and not macro_noun(prop) and not _other_market(prop, market):
            # "ASIAN DOLLAR DEPOSITS CLOSE QUIETLY STEADY": the rates quoted for each maturity are the instrument's,
            # not the dealers' or the reporting country's (nor the company most named in a deposits report); a
            # count there ("the group of seven") is no quote
            add(market, "headline_topic")
            add(market, "instrument_market")
    elif ctx.amount is not None and ctx.main is None and not macro_noun(prop):
        add(market, "headline_topic")  # a market report's commodity: "LME ALUMINIUM ..."
    reported = topic is None or topic.label != "ORG" or public_body(topic)
    headline = ctx.document.headline_text
    body = ctx.main is not None and ctx.country is not None and public_body(ctx.main)
    if body and reported and not _own_issue(ctx, ctx.main, headline, prop):
        # "the benefit claimant total fell 11,000" in a story the statistics office reports: the country's
        # (not in a story a wire headline gives a company's ticker: "UNION CARBIDE <UK> SELLS NOTES")
        add(ctx.country, "reporting_body_country")
    elif not is_party(ctx.main) or in_headline(ctx.main, headline):
        # (a party named most but not in the headline owns few of the story's figures: quotes, polls, others' plans)
        add(ctx.main, "main_org")
    if ctx.recent and not legislature(ctx.recent[-1]):
        add(ctx.recent[-1], "recent_subject")
    if ctx.country is not None and macro_noun(prop):
        add(ctx.country, "country_macro")
    elif ctx.country is not None and ctx.main is None and topic is None:
        # "Sales at hardware stores dropped 0.3%" in a story about no company: the story's country
        add(ctx.country, "story_country")
    for name, token, entity in sorted(proposed, key=lambda p: p[0] != "speaker"):
        add(entity, "speaker" if name == "speaker" else "rule:" + name, token)
    names = _sentence_names(ctx)
    sources = _source_phrases(ctx.piece, ctx.amount) if names else []
    for token, entity in names:
        add(entity, "in_sentence", token)
        if any(a <= token.i < b for a, b in sources):
            found[_key(entity)].features.add("in_source")
    _position_features(ctx, names, found)
    for cand in found.values():
        label = cand.entity.label
        cand.features.add("label:" + (label if label in _LABELS else "other"))
        if label == "ORG" and lemma in c.implicit_owner and (lemma in c.index_properties or not is_index(cand.entity)):
            cand.features.add("company_property")  # not "the Nikkei" for "its revenue"
        if label == "ORG" and macro_noun(prop) and lemma not in c.implicit_owner:
            cand.features.add("company_macro_property")
        if label in ("GPE", "LOC") and macro_noun(prop):
            cand.features.add("place_macro_property")
        if label in ("GPE", "LOC") and "first_after" in cand.features:
            cand.features.add("place_after")  # "$30 in Canada": where it costs that, rarely whose
        if label == "PERSON" and lemma in c.implicit_owner:
            cand.features.add("person_company_property")
        if prop is None:
            cand.features.add("no_property")
    return [
        cand
        for cand in found.values()  # a stock index owns its level and its shares' moves, no company's jobs
        if "first_rule" in cand.features or lemma is None or lemma in c.index_properties or not is_index(cand.entity)
    ]


_LABELS = frozenset({"ORG", "GPE", "PERSON", "NORP", "LOC"})
# proposals that are candidates but not parse rules: the speaker, the clause's noun phrase
NOT_RULES = frozenset({"speaker", "phrase"})


def _key(entity: EntityMention) -> str:
    """One candidate per entity: its key, else its name."""
    return entity.entity_key or entity.canonical_name


def _sentence_names(ctx: ArticleContext) -> list[tuple[Token, EntityMention]]:
    """The names in the sentence piece outside the amount, each with its first token."""
    piece = ctx.piece
    if piece is None:
        return []
    hi = piece.end_char
    amount = (ctx.amount.start_char, ctx.amount.end_char) if ctx.amount is not None else (-1, -1)
    out = []
    offsets = token_ids(piece.doc, "IDX")  # each token's character offset, ascending
    for m in ctx.mentions_between(piece.start_char, hi):
        if m.label not in _LABELS or m.end > hi or amount[0] <= m.start < amount[1] or _aggregate(ctx, m):
            continue
        i = bisect.bisect_left(offsets, m.start, piece.start, piece.end)  # the first token at or after it
        if i < piece.end:
            token = piece.doc[i]
            if m.label in _PLACES and ctx.main is not None and _qualifies_company(token):
                # "Turkey's biggest private mobile firm could bail out of a $3bn deal" in a story about Turkcell: the
                # firm's (a story that never names the firm leaves the place)
                continue
            if m.label in _PLACES and _LOCATED.match(doc_text(piece.doc), m.end):
                continue  # "the UK-based journal Screen Digest": where someone is based, never whose figure
            # "Washington announced plans to ...": the capital acting is its country
            government = capital_acting(ctx, token, m) if m.label == "GPE" else None
            out.append((token, government or m))
    return out


def _qualifies_company(token: Token) -> bool:
    """ "Turkey's biggest private mobile firm", "the German carmaker": a place or people that only says which
    company a singular company noun is (the possessor or modifier of "firm", "maker", "bank")."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head  # "South Korea's": the name's last word
    head = token.head
    return (
        token.dep_ in ("poss", "amod", "compound")
        and head.i > token.i
        and head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and head.lemma_.lower() in cues().company_nouns
        # (not "Japan's Ex-Im bank": a name of its own on the noun leaves the place as the nearest owner)
        and not any(ch.dep_ == "compound" and ch.pos_ == "PROPN" and ch.i != token.i for ch in head.children)
    )


def _aggregate(ctx: ArticleContext, entity: EntityMention) -> bool:
    """A money aggregate written with its digit that the NER took for a name ("M-1", "U.S. M-1", "Sterling M3"), in
    a story about the money supply: the figure itself, never its owner (not "CPI", which may be CPI Corp, nor
    "PSBR"; not "M1 Ltd", the Singapore operator, nor "M-1 Corp")."""
    return figure_name(entity) and any(ch.isdigit() for ch in entity.canonical_name) and ctx.money_supply_story


def _source_phrases(piece: Span | None, amount: Span | None) -> list[tuple[int, int]]:
    """Token spans of the piece's "according to ..." phrases that do not hold the amount: the names there are
    the figure's source (its speaker, the speaker's employer and town), which own it only when the clause
    names nothing else ("Some 40% of people log on daily, according to Pollco")."""
    out = []
    for t in piece if piece is not None and amount is not None else ():
        if t.lower_ == "according" and t.i + 1 < piece.end and t.doc[t.i + 1].lower_ == "to":
            lo, hi = t.left_edge.i, t.right_edge.i + 1
            if not lo <= amount.start < hi:
                out.append((lo, hi))
    return out


def _position_features(
    ctx: ArticleContext, names: list[tuple[Token, EntityMention]], found: dict[str, Candidate]
) -> None:
    """Where the sentence's names stand from the amount: the only one, the nearest before it, the
    subject of the sentence, near it in the parse tree."""
    amount = ctx.amount
    keys = {_key(m) for _, m in names}
    if not names or amount is None:
        return
    if len(keys) == 1:
        found[next(iter(keys))].features.add("only_name")
    before = [(t, m) for t, m in names if t.i < amount.start]
    if before:
        found[_key(before[-1][1])].features.add("nearest_before")
    else:
        found[_key(names[0][1])].features.add("first_after")
    root = amount.root
    for token, m in names:
        cand = found[_key(m)]
        head = token
        while head.dep_ in ("compound", "poss", "amod", "nmod", "flat", "appos") and head.head != head:
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT":
            cand.features.add("sentence_subject")
        hops = tree_distance(token, root)
        cand.features.add("tree_near" if hops <= 3 else "tree_mid" if hops <= 6 else "tree_far")


def rank(
    ctx: ArticleContext,
    prop: Token | None,
    proposed: list[tuple[str, Token, EntityMention]],
) -> tuple[Token | None, EntityMention, str] | None:
    """The best-scoring candidate at or above the bar, with how it was chosen: the parse rule's name
    when the winner is the first rule's proposal, else its features and score. An amount is weighed
    by the fitted weights and their bar (``amount_scoring``), a dated event by the hand weights."""
    weights, threshold = amount_scoring() if ctx.amount is not None else scoring()
    proposed = [p for p in proposed if not _aggregate(ctx, p[2])]  # "the previous week's M-1 level": the country's
    ranked = sorted(candidates(ctx, prop, proposed), key=lambda c: -c.score(weights))
    trace = TRACE.get()
    if trace is not None and ctx.piece is not None:
        key = (id(ctx.piece.doc), ctx.amount.start_char if ctx.amount is not None else -1 - ctx.piece.start_char)
        trace[key] = [(c.entity.canonical_name, sorted(c.features), c.score(weights)) for c in ranked]
    if not ranked or ranked[0].score(weights) < threshold:
        return None
    if len(ranked) > 1 and ranked[1].score(weights) == ranked[0].score(weights):
        return None  # two candidates as good as each other: no answer beats a coin toss
    best = ranked[0]
    phrase = next((c for c in ranked if "rule:phrase" in c.features), None)
    # (in a story without a dateline, and not the story's own company: "Holders will get 50 cts a share, according
    # to the Acme Corp statement" is Acme's)
    source = (
        "in_source" in best.features
        and not best.features & {"first_rule", "main_org", "headline_topic"}
        and ctx.document.dateline is None
    )
    if (
        phrase is not None
        and best is not phrase
        and (
            _phrase_first(ctx, best, phrase)
            or _place_span(ctx, best)
            or source
            and _phrase_owns(ctx, phrase.token)
            or _word_of_whole(best, phrase)
        )
    ):
        # "According to Tom Walsh, head of Krome Studios, next generation games will cost $10m": the clause's
        # noun phrase, not the source's names
        best = phrase
    if "first_rule" in best.features:
        first = next(p for p in proposed if p[0] not in NOT_RULES)
        return best.token, best.entity, first[0]
    if "rule:phrase" in best.features:
        return best.token, best.entity, "phrase"
    how = "candidate:" + "+".join(sorted(best.features)) + f"={best.score(weights):.2f}"
    return best.token, best.entity, how


# what ties a candidate to the sentence being read, rather than only to the article
_IN_SENTENCE = frozenset({"first_rule", "in_sentence", "speaker"})
_PLACES = frozenset({"GPE", "LOC", "NORP"})
_LOCATED = re.compile(r"-(?:based|born|headquartered)\b")  # (not "UK-registered cars": the UK's cars)


def _place_span(ctx: ArticleContext, best: Candidate) -> bool:
    """ "The ink stays on the finger for at least 72 hours" in a story about Kyrgyzstan: a duration is no
    place's figure (the facts drop a span only a place would own), so the clause's noun phrase owns it."""
    return (
        ctx.amount_kind == "duration" and best.entity.label in ("GPE", "LOC") and "headline_topic" not in best.features
    )


def _phrase_first(ctx: ArticleContext, best: Candidate, phrase: Candidate) -> bool:
    """ "Previous initiatives brought 40,000 pupils back", "a bundle ... is expected to cost about $250": in
    a story without a wire dateline, when the best candidate stands only for the article (its headline
    topic, main company or the company of the sentences before; not a place, which owns macro figures),
    the clause's own subject noun phrase is the better answer when it owns the amount (``_phrase_owns``).
    A wire story's figures are its headline company's ("Available seat miles grew 6.7 pct")."""
    return (
        ctx.document.dateline is None
        and (_article_only(best) or _country_only(ctx, best))
        and _phrase_owns(ctx, phrase.token)
    )


def _country_only(ctx: ArticleContext, best: Candidate) -> bool:
    """Whether the best candidate is the story's country standing only for the article ("story_country",
    "reporting_body_country"), for an amount that measures no economic figure: "Five Bank of America
    subsidiaries have agreed to pay $515m" in a US story is the subsidiaries'."""
    return not ctx.amount_macro and bool(best.features & _COUNTRY_ONLY) and _unnamed_here(best)


_COUNTRY_ONLY = frozenset({"story_country", "reporting_body_country"})


def _phrase_owns(ctx: ArticleContext, noun: Token | None) -> bool:
    """Whether the clause's subject noun owns the amount rather than naming or pointing to another owner:
    not a phrase that points back ("the device", "its notes"), nor one a "by" gives a doer ("Criticism by
    Greenpeace"), nor the measured figure itself ("Savings of £4bn would be made", "Passengers grew 12%":
    the amount is in the phrase, or the verb tells its change), nor one in a clause with "its"/"their"
    ("Advertisers spent $1bn on its search ads": the article's company is in the sentence)."""
    whole = noun is not None and _described_whole(noun)
    if noun is None or _pointing_back(noun) and not whole or noun.pos_ == "NUM" or noun.lower_ in _SCALE_WORDS:
        return False  # "of which 250 mln will be provided": another amount owns nothing
    c = cues()
    if any(ch.dep_ == "prep" and ch.lower_ == "by" for ch in noun.children):
        return False
    amount = ctx.amount
    inside = {t.i for t in noun.subtree}
    if amount is not None and amount.start in inside:
        return False
    verb = noun.head
    if verb.lemma_.lower() in c.change_verbs and not whole:
        return False
    return not any(
        t.dep_ == "poss" and t.lower_ in ("its", "their") and t.i not in inside and not _own_possessive(noun, t)
        for t in verb.subtree
    )


def _word_of_whole(best: Candidate, phrase: Candidate) -> bool:
    """ "the European digital music market will grow to 836m euros": a people's word inside a described market's
    own phrase only says which market; the market is the subject."""
    noun = phrase.token
    return (
        noun is not None
        and best.entity.label == "NORP"
        and best.token is not None
        and best.token.head.i == noun.i
        and _described_whole(noun)
    )


# a whole that a figure measures by itself ("the market will grow to 836m euros"): its size, not an owner's
_WHOLES = frozenset({"market", "industry", "sector"})


def _described_whole(noun: Token) -> bool:
    """ "the European digital music market will grow to 836m euros": a market, industry or sector the phrase
    describes by its own words (not "the market", which points back, nor "its market", someone's) is what its
    size and growth are figures of."""
    return (
        noun.lemma_.lower() in _WHOLES
        # a noun or a people's word says which ("music market", "European ... market"); not "the same market"
        and any(
            ch.dep_ == "compound" and ch.pos_ in ("NOUN", "PROPN") or ch.dep_ == "amod" and ch.ent_type_ == "NORP"
            for ch in noun.children
        )
        and not any(ch.dep_ == "poss" for ch in noun.children)
    )


def _own_possessive(noun: Token, pronoun: Token) -> bool:
    """Whether a possessive pronoun in the clause agrees with its subject noun and so stands for it ("the G8 of
    rich nations agreed to spend 0.7% of their incomes"): "their" after a proper name or a plural noun. Not "its"
    (a singular subject's "its" is as often the article's company: "The unit makes 20% of its sales"), nor "their"
    after a singular common noun ("Advertisers spent ..." is plural and owns "their"; "the public ... their")."""
    return pronoun.lower_ == "their" and (
        noun.tag_ in ("NNS", "NNPS") or noun.pos_ == "PROPN" or noun.text[:1].isupper() and noun.i > noun.sent.start
    )


# scale words a parse can take for the noun of an amount ("250 mln will be provided")
_SCALE_WORDS = frozenset({"mln", "bln", "billion", "million", "trillion", "thousand", "m", "bn", "mn", "tn"})


def _article_only(cand: Candidate) -> bool:
    """Whether a candidate stands only for the article (its headline topic, main company, the subject of
    an earlier sentence), with nothing in the sentence naming it; never a place (the story's country owns
    its macro figures)."""
    return _unnamed_here(cand) and cand.entity.label not in _PLACES


def _unnamed_here(cand: Candidate) -> bool:
    """Whether nothing in the sentence names the candidate: no parse rule proposes it and it is not in the sentence."""
    return not cand.features & _IN_SENTENCE and not any(f.startswith("rule:") for f in cand.features)


def _pointing_back(noun: Token) -> bool:
    """Whether a noun phrase points back to something the article named ("The device costs $199", "The
    debentures have an 8-1/2 pct coupon", "its notes"): a definite or possessed noun stands for the
    article's own company or product, so it does not outrank them."""
    determiners = cues().pointing_back_determiners
    return any(ch.dep_ == "poss" or ch.dep_ == "det" and ch.lower_ in determiners for ch in noun.children)


def _own_issue(ctx: ArticleContext, body: EntityMention, headline: str, prop: Token | None) -> bool:
    """Whether a public body's figure is of its own issue, tender or auction: a headline that names the body
    and the issue ("FRENCH TREASURY DETAILS PLANNED TAP ISSUE"), and no economic figure."""
    issue = cues().debt_issue_words.intersection(w.casefold() for w in headline.split())
    # ("TOKYO TO ISSUE 100 MLN DLR BOND" over "The Tokyo Metropolitan Government said it would float ...": the
    # headline names the body by its first word when that word is a place the article names; not "FINANCE")
    first = body.canonical_name.split()[0].casefold() if body.canonical_name.split() else ""
    place = any(m.label == "GPE" and m.canonical_name.casefold() == first for m in ctx.entities) or (
        country_of_place(first.title()) is not None
    )
    named = in_headline(body, headline) or place and first in headline.casefold().split()
    return bool(issue) and named and not macro_noun(prop)


def _other_market(prop: Token | None, market: EntityMention) -> bool:
    """Whether the figure's noun or its modifiers name a market other than the report's instrument ("Call
    money was quoted at 3.80/90 pct", "Share prices rose 2 pct" in a bond report)."""
    if prop is None:
        return False
    c = cues()
    own = {w.casefold().removesuffix("s") for w in market.canonical_name.split()}
    others = c.other_market_nouns | c.commodity_nouns | c.instrument_nouns
    words = [t.lemma_.lower() for t in (prop, *(ch for ch in prop.children if ch.dep_ in ("compound", "amod")))]
    # ("bond" in a eurobond report is its own)
    return any(w in others and not any(w in o or o in w for o in own) for w in words)


def instrument_market(market: EntityMention) -> bool:
    """Whether a market report's headline names a money or bond market instrument ("Asian dollar deposit")."""
    return market.entity_key.startswith("INSTRUMENT:")
