"""The story's currency: the currency an article names with its country ("the N.Z. dollar", "the
Australian dollar", "the Thai baht"), so that "the currency" and "the exchange rate" in the same
story are that currency's, not the country's or a speaker's.

A currency named with a country word (capitalised words or an abbreviation before a currency noun
of ``market_nouns``) counts once per mention; an amount of the currency ("3 mln Swiss francs") is no
mention. The story's currency is the noun named so most often, written as its most frequent form
(the first of a tie), when it is named so at least twice or in the headline, and no other currency
noun is named as often.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from ...records import EntityMention
from ..doccache import doc_text
from .cues import cues

# market nouns that name no currency
_NOT_CURRENCIES = frozenset({"index", "indices", "currency", "market"})
_SCALES = frozenset({"mln", "bln", "million", "billion", "trillion", "m", "bn"})


# a rate quoted against a base currency right after its figure: "3.7495/98 to the dollar", "1,893 to the US dollar",
# "$1.2871 against the euro"
_QUOTED_AGAINST = re.compile(
    r"(?:/\d+)?\s+(?:to|against|per)\s+(?:the\s+|one\s+|a\s+)?(?:u\.?s\.?\s+)?(dollar|pound|euro|mark|yen|sterling)\b",
    re.IGNORECASE,
)
_BASES = {"dollar": "USD", "pound": "GBP", "sterling": "GBP", "euro": "EUR", "yen": "JPY", "mark": "DEM"}


def quoted_base(text: str, end: int) -> str | None:
    """The ISO code of the currency a rate ending at ``end`` is quoted against, else None."""
    m = _QUOTED_AGAINST.match(text, end)
    return _BASES[m.group(1).lower()] if m is not None else None


def currency_noun(token: Token) -> bool:
    """A noun naming a currency ("dollar", "yen", "sterling")."""
    lemma = token.lemma_.lower()
    return lemma in cues().market_nouns and lemma not in _NOT_CURRENCIES and token.pos_ in ("NOUN", "PROPN")


def exchange_rate(token: Token) -> bool:
    """ "the exchange rate", "the currency": the story's currency named by what it is; "the U.S.
    currency" names its own."""
    lemma = token.lemma_.lower()
    if lemma == "rate":
        return any(ch.dep_ == "compound" and ch.lower_ == "exchange" for ch in token.children)
    return lemma == "currency" and not _qualifier(token)


def currency_mention(noun: Token) -> EntityMention:
    """The currency as written with its country words ("New Zealand dollar"), else its noun."""
    words = _qualifier(noun) or [noun]
    start, end = words[0].idx, noun.idx + len(noun.text)
    name = " ".join(doc_text(noun.doc)[start:end].split())
    return EntityMention(start, end, name, "MARKET", name, "")


def _qualifier(noun: Token) -> list[Token]:
    """The country words right before a currency noun ("New Zealand", "N.Z.", "Australian")."""
    words: list[Token] = []
    i = noun.i - 1
    while i >= 0 and (noun.doc[i].text[:1].isupper() or noun.doc[i].is_space):
        t = noun.doc[i]
        if t.is_space:  # a line break inside the name ("the N.Z.\nDollar")
            i -= 1
            continue
        if t.is_sent_start or t.lower_ in ("the", "a", "an") or t.pos_ in ("DET", "VERB", "AUX", "ADP"):
            break
        words.insert(0, t)
        i -= 1
    return words


def _counted(first: Token) -> bool:
    """Whether a number or a scale word comes right before: "one billion Australian dollars" is an amount."""
    before = first.doc[first.i - 1] if first.i > 0 else None
    return before is not None and (before.like_num or before.lower_ in _SCALES)


def story_currency(doc: Doc, headline_end: int = 0) -> EntityMention | None:
    """The currency the story is about, named as the text names it most, else None."""
    named: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    first: dict[str, tuple[int, int]] = {}
    in_headline: set[str] = set()
    text = doc_text(doc)
    for token in doc:
        if not currency_noun(token):
            continue
        words = _qualifier(token)
        if not words or any(t.like_num for t in words) or token.ent_type_ == "MONEY" or _counted(words[0]):
            continue  # "one billion Australian dollars" is an amount of the currency
        lemma = token.lemma_.lower()
        start, end = words[0].idx, token.idx + len(token.text)
        form = " ".join(text[start:end].split())
        named[lemma] += 1
        forms.setdefault(lemma, Counter())[form] += 1
        first.setdefault(form, (start, end))
        if start < headline_end:
            in_headline.add(lemma)
    ranked = named.most_common(2)
    if not ranked or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    lemma, count = ranked[0]
    if count < 2 and lemma not in in_headline:
        return None
    form = forms[lemma].most_common(1)[0][0]
    start, end = first[form]
    return EntityMention(start, end, form, "MARKET", form, "")
