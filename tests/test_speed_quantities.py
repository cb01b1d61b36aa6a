"""The quantities extractor's shortcuts (issue 15) read exactly what the plain regexes read."""

import re

import pytest

from pipeline.extractors.quantities import context, tables


@pytest.mark.parametrize(
    ("name", "rest"),
    [
        ("unit_ci", " kg of rice"),
        ("unit_ci", " - Mph winds"),
        ("unit_ci", "\u212am away"),  # the Kelvin sign reads as "k" without case
        ("unit_ci", ", said the"),
        ("unit_cs", " MW plant"),
        ("percent", " pct rise"),
        ("percent", "-percent"),
        ("suffix_word", " \u017fterling"),  # the long s reads as "s" without case
        ("suffix_word", "  dollars"),
        ("suffix_code", " USD"),
        ("suffix_code_low", " usd"),
        ("suffix_sym", "\u20ac"),
        ("suffix_sym", ""),
    ],
)
def test_match_after_is_the_whole_regex(name, rest):
    whole = tables._regexes()[name].match(rest)
    fast = tables._match_after(name, rest)
    assert (fast and (fast.span(), fast.group())) == (whole and (whole.span(), whole.group()))


@pytest.mark.parametrize("text", ["Taiwan and XTaiwan", "HongHong Kong dollars", "NT$ 5 in Taipei, xNT$", "Swiss"])
def test_currency_cues_need_no_letter_before(text):
    for family in ("dollar", "franc"):
        rx = re.compile("(?<![A-Za-z])" + context._cue_regex(family).pattern)
        assert [m.span() for m in context._cue_matches(family, text)] == [m.span() for m in rx.finditer(text)]
