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


@Language.component("scale_norms")
def scale_norms(doc: Doc) -> Doc:
    """Set the norm of a scale token written on a number ("70m", "1.13bn") to its word, and of a
    price written in pence ("401p") to "pence"."""
    for t in doc:
        if t.text[-1:] == "p" and PENCE.fullmatch(t.text):
            t.norm_ = "pence"
    for t in doc[1:]:
        word = ON_NUMBER.get(t.lower_)
        before = doc[t.i - 1]
        if word is not None and before.like_num and t.idx == before.idx + len(before.text):
            t.norm_ = word
    return doc
