"""Per-Doc values read from the attribute arrays (issue 15): each equals what spaCy's own
Token/Span attributes give, so the extractors that read them find the same things, faster."""

from __future__ import annotations

import pytest

from pipeline.extractors import count_words
from pipeline.extractors.doccache import doc_text, token_ids, token_indices

TEXTS = [
    "",
    " ",
    "Xiaomi sold 61m phones.",
    "Lei Jun,  chairman of Xiaomi ,\n\nvisited   Taiwan. ",
    "“Quotes” and — dashes… and emoji 😀 in the U.S.'s text\t\tend",
    "\n\nA part that starts with a blank line and ends with one\n\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_doc_text_is_the_docs_text(nlp, text):
    doc = nlp(text)
    assert doc_text(doc) == doc.text == text


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    "attr, of_token",
    [
        ("IS_SPACE", lambda t: t.is_space),
        ("IS_PUNCT", lambda t: t.is_punct),
        ("ORTH", lambda t: t.orth),
        ("TAG", lambda t: t.tag),
    ],
)
def test_token_ids_are_the_tokens_attribute(nlp, text, attr, of_token):
    doc = nlp(text)
    assert token_ids(doc, attr) == [int(of_token(t)) for t in doc]


@pytest.mark.parametrize(
    "text, attr, keep, expected",
    [
        ("The firm said the firms rose.", "LOWER", lambda w: w == "the", [0, 3]),
        ("The firm said the firms rose.", "LEMMA", lambda w: w == "firm", [1, 4]),
        ("The firm said the firms rose.", "ORTH", lambda w: w.istitle(), [0]),
        ("The firm said the firms rose.", "ORTH", lambda w: w == "nothing", []),
        ("", "ORTH", lambda w: True, []),
    ],
)
def test_token_indices(nlp, text, attr, keep, expected):
    assert token_indices(nlp(text), attr, keep) == expected


@pytest.mark.parametrize("text", TEXTS)
def test_count_words_counts_tokens_that_are_not_space_or_punctuation(nlp, text):
    doc = nlp(text)
    assert count_words(doc) == sum(1 for t in doc if not t.is_space and not t.is_punct)
