"""A pipeline component that gives written-on scale words their word's norm before the model runs.

The tokenizer splits "£7.5m" and "70m euros" into a number and a scale token ("$1.13bn" stays one); the small
English model then often parses the "m" as a verb or as an object of its own ("has lost her £7.5m
case": "m" a second object, "case" cut off), which breaks the clause the facts stage reads. The
model's token vectors read each token's NORM, so setting the norm of such a scale token to the word
it stands for ("million") lets the parser see "70 million euros". Only the norm changes: the text,
offsets and every other attribute stay as the tokenizer made them. Only a scale written on the
number counts ("5 m" is five metres); the wire's spaced "5.6 mln" is left as it is (tried: Reuters
batches moved -0.04 to +0.01, the dev check half -0.01).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

ON_NUMBER = {"m": "million", "bn": "billion", "k": "thousand", "tn": "trillion", "mn": "million"}
# "3p", "401p": a price in pence is one token the small model reads as a name or a verb ("were 3p up at
# 401p": "3p" the sentence's root, "401p" a product); its norm is the word "pence"
PENCE = re.compile(r"\d+(?:\.\d+)?p")
# where either can be: the text is searched once, and only the tokens found there are looked at (same
# norms as a loop over every token on 300 BBC articles, about 10% less time)
_CANDIDATES = re.compile(r"(?<=\d)(?:m|bn|k|tn|mn)\b|(?<![\w.])\d+(?:\.\d+)?p\b", re.IGNORECASE)


@Language.component("scale_norms")
def scale_norms(doc: Doc) -> Doc:
    """Set the norm of a scale token written on a number ("70m", "1.13bn") to its word, and of a
    price written in pence ("401p") to "pence"."""
    for m in _CANDIDATES.finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue  # not a token of its own ("3pm", "12mph" are split otherwise or not at all)
        t = span[0]
        if PENCE.fullmatch(t.text):
            t.norm_ = "pence"
            continue
        word = ON_NUMBER.get(t.lower_)
        before = doc[t.i - 1] if t.i > 0 else None
        if word is not None and before is not None and before.like_num and t.idx == before.idx + len(before.text):
            t.norm_ = word
    return doc
