"""Named entities: NER mentions with pattern fixes, merged into one canonical entity per article.

The small model makes the same mistakes on business news again and again ("Xiaomi" as a
PERSON, "Mi Fans" as an ORG, "HTC" missed), so a pattern file (``rules/entity_fixes.jsonl``)
fixes them *after* the NER, overwriting what overlaps (rules as data). The patterns are applied
here, by a SpanRuler on a blank tokenizer, not as a component of the model's pipeline, so the
other extractors see the model's own entities and this module is correct with any model.
Canonical names come from merging aliases across the whole article
(possessives, corporate suffixes, pattern ids such as "Mi" -> "Xiaomi", a person's surname or
given name -> the full name); the key ``LABEL:normalised name`` is the same in every article
that names the entity the same way.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import spacy
from spacy.pipeline import SpanRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...records import EntityMention
from ..doccache import blank_lines, doc_text, token_ids
from ..tokens import glued_hyphen
from .schema import load_fixes, load_names
from .words import DocWords, positions

LABELS = ("PERSON", "ORG", "GPE", "LOC", "PRODUCT", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW")
# Which label wins when the same name was tagged differently in one article (ties only).
LABEL_PRIORITY = ("ORG", "PERSON", "GPE", "LOC", "PRODUCT", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW")

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# A title before a person's name ("Mr Balls", "Prof Gellhorn") is not part of the name.
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|dr|prof|sir|dame)\.?\s+(?=[A-Z])", re.IGNORECASE)
# Legal-form suffixes that do not change which company is meant.
_ORG_SUFFIX = re.compile(
    r"[\s,]+(?:inc|corp|corporation|co|company|ltd|limited|plc|llc|ag|sa|spa|nv|gmbh|group|holdings)\.?$",
    re.IGNORECASE,
)
# Legal forms written before the name ("NV Nederlandse Gasunie", "PT Indosat"): dropped like the suffixes.
_ORG_PREFIX = re.compile(r"^(?:NV|N\.V\.|PT)\s+(?=[A-Z])")
_SPACE = re.compile(r"\s+")
_JOIN_END = re.compile(r"(?i)(?:\s|^)(?:and|&)$")
# "China Aviation Oil (CAO": the model sometimes runs a name into its bracketed abbreviation.
_BRACKET_TAIL = re.compile(r"\s*\([^()]*\)?$")


def _name_rules() -> dict:
    return load_names()


_WORD_SETS: dict[str, Any] = {}
_WORD_SETS_OF: list[dict | None] = [None]  # the rules object the sets were built from


def _built(key: str, build: Callable[[dict], Any]) -> Any:
    """``build(rules)`` of ``entity_names.json``, built once per loading of the file."""
    rules = _name_rules()
    if rules is not _WORD_SETS_OF[0]:
        _WORD_SETS.clear()
        _WORD_SETS_OF[0] = rules
    value = _WORD_SETS.get(key)
    if value is None:
        value = _WORD_SETS[key] = build(rules)
    return value


def _words(key: str) -> frozenset[str]:
    """A word list of ``entity_names.json`` as a set, built once per loading of the file."""
    return _built(key, lambda rules: frozenset(rules[key]))


def _unit_words() -> frozenset[str]:
    return _words("unit_words")


def _appositives() -> frozenset[str]:
    return _words("company_appositives")


def _body_appositives() -> frozenset[str]:
    return _words("body_appositives")


def _company_suffixes() -> frozenset[str]:
    return _words("company_suffixes")


def legal_form_word(word: str) -> bool:
    """Whether a word is a company's legal form ("NV", "Corp.", "PLC"; ``company_suffixes``)."""
    return word.rstrip(".") in _company_suffixes()


def legal_name(text: str) -> bool:
    """Whether a name is a company's full name: a legal form after at least one word that names something
    ("Deutsche Bank Finance NV Curacao", "Acme Corp"; not "Holding Co", all generic words)."""
    words = text.split()
    k = next((i for i, w in enumerate(words) if i and legal_form_word(w)), None)
    skip = _skipped_name_words()
    return k is not None and any(w.casefold() not in skip and w.casefold() + "s" not in skip for w in words[:k])


def _without_legal_form(name: str) -> str:
    """The name without its last word when that is a legal form of ``company_suffixes``
    ("Cooperative Central Bank Bhd" -> "Cooperative Central Bank"); else the name."""
    head, _, last = name.rpartition(" ")
    return head.rstrip(" ,") if head and legal_form_word(last) else name


def _is_business_unit(short: str, long: str) -> bool:
    """ "barclays capital" for "barclays": the added words name a division of the company."""
    extra = long[len(short) :].split()
    return bool(extra) and any(w in _unit_words() for w in extra)


class FixMatcher:
    """The pattern file's matches on a Doc, as ``SpanRuler.match`` gives them for all its patterns.

    Phrase patterns (strings) go to one SpanRuler (a PhraseMatcher: cheap), token patterns to
    another (a Matcher, which tests every pattern at every token: the costly one). The token
    Matcher runs only on a Doc holding a word one of its patterns must hold (the first token pinned by
    ``ORTH``/``TEXT``/``LOWER``, a string or ``{"IN": [...]}``, before any optional one); a pattern with
    no such token runs on every Doc. The matches are the same
    as one SpanRuler's: its result is the sorted set of both rulers' matches.
    """

    def __init__(self, patterns: Sequence[dict]) -> None:
        self.nlp = spacy.blank("en")  # hashes of labels and ids match any model's
        config = {"spans_key": None, "annotate_ents": True, "overwrite": True}
        phrases = [p for p in patterns if isinstance(p["pattern"], str)]
        tokens = [p for p in patterns if not isinstance(p["pattern"], str)]
        self.phrases = self._ruler("entity_phrases", config, phrases)
        self.tokens = self._ruler("entity_tokens", config, tokens)
        required = [_required_words(p["pattern"]) for p in tokens]
        self.anywhere = any(r is None for r in required)  # some pattern may match in any Doc
        strings = self.nlp.vocab.strings  # a string's id is the same in every vocab
        self.required: dict[str, frozenset[int]] = {
            attr: frozenset(strings[w] for r in required if r and r[0] == attr for w in r[1])
            for attr in ("ORTH", "LOWER")
        }
        for p in patterns:  # the rulers keep label/id hashes only; keep their strings for the lookup
            for name in (p["label"], p.get("id")):
                if name:
                    strings.add(name)

    def _ruler(self, name: str, config: dict, patterns: list[dict]) -> SpanRuler | None:
        if not patterns:
            return None
        ruler = self.nlp.add_pipe("span_ruler", name=name, config=config)
        ruler.add_patterns(patterns)
        return ruler

    def may_match_tokens(self, doc: Doc) -> bool:
        """Whether a token pattern can match in ``doc`` (False: no word it must start with is there)."""
        if self.tokens is None:
            return False
        if self.anywhere:
            return True
        return any(ids and not ids.isdisjoint(token_ids(doc, attr)) for attr, ids in self.required.items())

    def match(self, doc: Doc) -> list[Span]:
        """``SpanRuler.match`` of all the patterns: the sorted, deduplicated match spans."""
        spans = set(self.phrases.match(doc)) if self.phrases is not None else set()
        if self.may_match_tokens(doc):
            spans.update(self.tokens.match(doc))
        return sorted(spans)


def _required_words(pattern: list[dict]) -> tuple[str, frozenset[str]] | None:
    """("ORTH" or "LOWER", the words) one of which a match of the pattern must hold: those of its first
    token that is not optional and is pinned to words ("Re" in ``[{"IS_TITLE": true}, {"ORTH": "Re"}]``);
    None when no such token comes before an optional one."""
    for token in pattern:
        spec = {str(k).upper(): v for k, v in token.items()}
        if "OP" in spec:
            return None
        for key, attr in (("ORTH", "ORTH"), ("TEXT", "ORTH"), ("LOWER", "LOWER")):
            value = spec.get(key)
            if isinstance(value, str):
                return attr, frozenset([value])
            if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(w, str) for w in value["IN"]):
                return attr, frozenset(value["IN"])
    return None


@functools.cache
def _fixer() -> FixMatcher:
    """The matcher of the pattern file, built once."""
    return FixMatcher([dict(p) for p in load_fixes()])


def fixed_entities(doc: Doc) -> list[tuple[int, int, str, str]]:
    """``(start, end, label, id)`` token spans: ``doc.ents`` with the pattern matches laid over them."""
    return _fixed_entities(DocWords(doc))


def _fixed_entities(words: DocWords) -> list[tuple[int, int, str, str]]:
    doc = words.doc
    ents = _cut_datelines(doc, [(e.start, e.end, e.label_, e.id_) for e in doc.ents])
    fixer = _fixer()
    strings = fixer.nlp.vocab.strings  # labels and ids of the matches live in the ruler's vocab
    matches = [
        (s.start, s.end, strings[s.label], strings[s.id] if s.id else "") for s in filter_spans(fixer.match(doc))
    ]
    # a place name inside a longer name the model found ("China Mobile", "Bank of Japan") stays in it
    starts = sorted(e[0] for e in ents)
    by_start = sorted(ents)
    matches = [m for m in matches if m[2] != "GPE" or not _inside_any(m, by_start, starts)]
    taken = {i for start, end, *_ in matches for i in range(start, end)}
    kept = [e for e in ents if taken.isdisjoint(range(e[0], e[1]))]
    spans = _angle_names(words, _ticker_names(words, _described_companies(words, sorted(kept + matches))))
    spans = _repeated_names(words, _bracketed_aliases(words, _spelled_names(words, _hyphen_joined(words, spans))))
    spans = _acronym_joins(words, _acronym_expansions(words, spans))
    return _party_prefixes(words, _described_people(words, spans))


# Words of a title that are no name on their own ("Tory Treasurer Lord" leaves no person).
TITLE_WORDS = frozenset(
    {
        "lord",
        "lady",
        "baroness",
        "sir",
        "dame",
        "mr",
        "mrs",
        "ms",
        "dr",
        "treasurer",
        "chairman",
        "co-chairman",
        "chairwoman",
        "leader",
        "mp",
        "mep",
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "deputy",
        "former",
        "shadow",
        "candidate",
        "president",
    }
)


def party_forms() -> dict[str, tuple[str, ...]]:
    """Each casefolded name of a political party (``political_parties``) -> all names of that party, fullest first."""
    return _built(
        "political_parties",
        lambda rules: {name.casefold(): tuple(group) for group in rules["political_parties"] for name in group},
    )


def _party_first_words() -> frozenset[str]:
    """The first word of every party name, lower-cased: a cheap test before the names themselves."""
    return _built("party first words", lambda rules: frozenset(name.split()[0] for name in party_forms()))


def _party_prefixes(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "Tory co-chairman Liam Fox" tagged one PERSON, "Lib Dem" a person: the party that opens a name
    (or is the whole name) is an ORG of its own; what follows stays a name unless it is only a title."""
    forms, firsts = party_forms(), _party_first_words()
    out: list[tuple[int, int, str, str]] = []
    taken = {i for s in spans for i in range(s[0], s[1])}
    for start, end, label, ent_id in spans:
        if (  # "The Liberal Democrats" tagged "Democrats": the word before completes the party's name
            start > 0
            and start - 1 not in taken
            and not ent_id
            and words.lower(start - 1) in firsts
            and words.text(start - 1)[:1].isupper()
            and words.span_text(start - 1, end).casefold() in forms
        ):
            start, label = start - 1, "ORG"
        if words.lower(start) not in firsts:
            out.append((start, end, label, ent_id))
            continue
        cut = next(
            (n for n in (3, 2, 1) if start + n <= end and words.span_text(start, start + n).casefold() in forms), 0
        )
        if not cut or ent_id or label not in ("PERSON", "NORP", "GPE") and start + cut < end:  # not "Labour Research"
            out.append((start, end, label, ent_id))
            continue
        out.append((start, start + cut, "ORG", ""))
        rest = [i for i in range(start + cut, end) if words.lower(i) not in TITLE_WORDS]
        if rest and words.span_text(start + cut, end).casefold() not in forms:
            out.append((rest[0], end, label, ""))
    return out


def _hyphen_joined(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "ASLK-CGER Finance NV": two ORG mentions the model split at a hyphen written without spaces are one name;
    so are two the model split after a joining word ("Jefferson Savings and" + "Loan Association")."""
    out: list[tuple[int, int, str, str]] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and _one_split_name(words, prev, s):
            out[-1] = (prev[0], s[1], "ORG", "")
            continue
        if s[2] == "ORG" and not s[3]:
            inside = prev is not None and prev[2] in _PLACE_LABELS and prev[0] > 0 and words.text(prev[0] - 1) == "<"
            s = _untagged_trade_start(words, s, prev[0] if inside else prev[1] if prev is not None else 0)
            if inside and s[0] <= prev[0]:
                out.pop()  # "<Philippine Associated Smelting and Refining Corp>": the nationality opens the name
        doc, i = words.doc, s[0]
        word = i >= 2 and glued_hyphen(doc, i - 1) and doc[i - 2].pos_ == "PROPN" and doc[i - 2].text[:1].isupper()
        if word and s[2] == "ORG" and not s[3] and (prev is None or prev[1] <= i - 2):
            s = (i - 2, s[1], "ORG", "")  # "ASLK-CGER Finance NV" where only "CGER Finance NV" was tagged
        out.append(s)
    return out


def _one_split_name(words: DocWords, prev: tuple[int, int, str, str], s: tuple[int, int, str, str]) -> bool:
    """Whether two ORG mentions with no id, one right after the other, are one name the model split: at a hyphen
    written without spaces ("ASLK-CGER"), after a joining word ("Jefferson Savings and" + "Loan Association": no
    name ends in one), or before a trade word and a legal form after "and" ("Sumitomo Trust" + "Banking Co Ltd")."""
    if not (prev[2] == s[2] == "ORG" and not prev[3] and not s[3]):
        return False
    if s[0] == prev[1] + 1 and glued_hyphen(words.doc, prev[1]):
        return True
    if s[0] == prev[1] and words.text(prev[1] - 1).lower() in ("and", "&", "of", "for"):
        return True
    return _joined_trade(words, prev, s)


def _joined_trade(words: DocWords, prev: tuple[int, int, str, str], s: tuple[int, int, str, str]) -> bool:
    """ "Sumitomo Trust and Banking Co Ltd": after "and", a trade word and a legal form only ("Banking Co Ltd",
    "Industries Inc"; ``trade_words``, ``company_heads``) go on the name before it, which has no legal form of
    its own; "Acme and Zentro Inc", "Owens-Illinois and Corning Inc" are two companies."""
    if s[0] != prev[1] + 1 or words.text(prev[1]).lower() not in ("and", "&"):
        return False
    suffixes = {w.rstrip(".") for w in _company_suffixes()}
    if words.text(prev[1] - 1).rstrip(".") in suffixes:
        return False
    rest = [words.text(i) for i in range(s[0], s[1]) if not words.text(i).isspace()]
    trade = [w for w in rest if w.rstrip(".") not in suffixes]
    if len(trade) != 1 or len(rest) < 2:
        return False
    word = trade[0]
    return word == rest[0] and (word in _words("company_heads") or word in _words("trade_words"))


def _untagged_trade_start(words: DocWords, s: tuple[int, int, str, str], floor: int) -> tuple[int, int, str, str]:
    """ "Sumitomo Trust and Banking Co Ltd" where the model tagged only "Banking Co Ltd": the capitalised
    proper nouns right before the "and" (one to three, untagged) start the name."""
    a = s[0] - 2  # the word before the "and" (``_joined_trade`` checks the "and" itself)
    if a < floor or not _joined_trade(words, (a, a + 1, "", ""), s):
        return s
    if not words.has("TAG"):
        return s
    tags = words.ids("TAG")
    start, i, named = s[0] - 1, s[0] - 1, 0
    while i - 1 >= floor and named < 3:
        w = words.text(i - 1)
        if w.isspace() and "\n\n" not in w:
            i -= 1  # "<Philippine Associated\nSmelting and Refining Corp>": a wire's line break
            continue
        if not (w.isalpha() and w[:1].isupper() and tags[i - 1] in _PROPER):
            break
        i -= 1
        start, named = i, named + 1
    if start >= s[0] - 1:
        return s
    return (start, s[1], "ORG", "")


def _spelled_names(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "Industrial and Commercial Bank (ICBC)", untagged by the model: capitalised words right before
    capitals in brackets whose initials spell them (or their start, "of China" left out) are an ORG.
    So are words the model read as places or people when their initials spell the whole acronym
    ("Scottish and Newcastle (S&N)": a nationality and a city to the model)."""
    strings, orth = words.strings, words.orth
    opening = strings["("]
    if opening not in orth:
        return spans
    taken = {i for start, end, *_ in spans for i in range(start, end)}
    doc = words.doc
    added = []
    dropped: set[tuple[int, int, str, str]] = set()
    for i, h in enumerate(orth):
        if h != opening or i < 2 or i + 2 >= len(orth) or doc[i + 2].text != ")":
            continue
        short = doc[i + 1].text.replace("&", "")
        if not (2 <= len(short) <= 6 and short.isupper() and short.isalpha()):
            continue
        start = i
        # over a wire line break too ("Securities\nand Exchange Commission (SEC)")
        while start > 0 and (
            doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in _ACRONYM_SKIP or doc[start - 1].text == "\n"
        ):
            start -= 1
        while start < i and (doc[start].lower_ in _ACRONYM_SKIP or doc[start].is_space):
            start += 1
        name = " ".join(t.text for t in doc[start:i] if not t.is_space)
        spelled = initials(name)
        if len(spelled) < 2 or not (short.startswith(spelled) or _abbreviates(short, name)):
            continue
        stop = i - 1 if doc[i - 1].is_space else i  # "Organization\n(ICCO)": the name without the line break
        if (i - 1) not in taken and not taken & set(range(start, i)):
            added.append((start, stop, "ORG", ""))
            continue
        inside = [s for s in spans if s[0] < i and start < s[1]]
        whole = len(inside) == 1 and inside[0][:2] == (start, i)  # "United States (US)": the model's own name
        if (
            spelled == short
            and not whole
            and all(start <= s[0] and s[1] <= i and s[2] in _SPELLED_OVER for s in inside)
        ):
            dropped.update(inside)
            added.append((start, stop, "ORG", ""))
    if not added:
        return spans
    return sorted([s for s in spans if s not in dropped] + added)


def _abbreviates(short: str, name: str) -> bool:
    """ "International Cocoa Organization (ICCO)": an acronym of a name of three words or more that takes one more
    letter from one of its words than the word's initial (a letter of that word, right after its initial). Not
    "Deutsche Marks (DEM)" nor "Social Democrats (SPD)": two words, and a letter from nowhere."""
    words = _acronym_words(name)
    if len(words) < 3 or len(short) != len(words) + 1:
        return False
    letters, spelled = short.lower(), "".join(w[0] for w in words).lower()
    return any(  # the word ``extra`` gives two letters, its initial and one of its own after it
        letters[: extra + 1] == spelled[: extra + 1]
        and letters[extra + 2 :] == spelled[extra + 1 :]
        and letters[extra + 1] in words[extra][1:].lower()
        for extra in range(len(words))
    )


def _acronym_expansions(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "The Brazilian Coffee Institute today registered ..., an IBC statement said": capitalised words the model
    left untagged whose initials, in any order, spell an ORG acronym of the part are that organisation's name
    (a foreign-language acronym orders them otherwise: Instituto Brasileiro do Cafe)."""
    acronyms = {_anagram(a) for a in _org_acronyms(words, spans)}
    if not acronyms:
        return spans
    taken = {i for start, end, *_ in spans for i in range(start, end)}
    added = []
    for a, b in _proper_noun_runs(words, taken):
        name = [words.text(i) for i in range(a, b) if not words.text(i).isspace()]
        if 2 <= len(name) <= 6 and _anagram("".join(w[0] for w in name)) in acronyms:  # every word's letter
            added.append((a, b, "ORG", ""))
    return sorted(spans + added) if added else spans


def _org_acronyms(words: DocWords, spans: list[tuple[int, int, str, str]]) -> set[str]:
    """The one-word ORG names of the part written as an acronym ("IBC", "DCNY"): 3-6 capital letters."""
    return {
        words.text(a)
        for a, b, label, _ in spans
        if label == "ORG"
        and b - a == 1
        and 3 <= len(words.text(a)) <= 6
        and words.text(a).isupper()
        and words.text(a).isalpha()
    }


def _acronym_joins(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "Discount Corp of New York said ... DCNY said": a company and a place the model tagged apart
    across "of" are one name when the part writes the whole name's initials as a company's acronym."""
    acronyms = _org_acronyms(words, spans)
    if not acronyms:
        return spans
    out: list[tuple[int, int, str, str]] = []
    skip = False
    for k, (a, b, label, ent_id) in enumerate(spans):
        if skip:
            skip = False
            continue
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        joined = (
            label == "ORG"
            and not ent_id
            and nxt is not None
            and nxt[0] == b + 1
            and words.lower(b) == "of"
            and nxt[2] in ("GPE", "LOC", "ORG")
            and initials(words.span_text(a, nxt[1])) in acronyms
        )
        if joined:
            out.append((a, nxt[1], "ORG", ""))
            skip = True
        else:
            out.append((a, b, label, ent_id))
    return out


def _anagram(letters: str) -> str:
    """The letters in sorted order: acronyms that spell the same initials in another order compare equal."""
    return "".join(sorted(letters))


# labels the model gives the words of a company name it did not see as one ("Scottish and Newcastle")
_SPELLED_OVER = frozenset({"NORP", "GPE", "LOC", "PERSON"})


def _cut_datelines(doc: Doc, ents: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "WASHINGTON, March 2 - The Bank of England said": the model often runs the dateline's date into
    the first words of the story (a DATE "March 2 - The Bank of England"). The date ends at the dash;
    the words after it are left to the patterns and name rules, or are an ORG when they end in a legal
    form or hold an institution word ("Bank", "Ministry", "Organization")."""
    out = []
    for start, end, label, ent_id in ents:
        dash = (
            next((i for i in range(start + 1, end - 1) if doc[i].text in ("-", "--") and doc[i - 1].like_num), None)
            if label == "DATE"
            else None
        )
        if dash is None:
            out.append((start, end, label, ent_id))
            continue
        out.append((start, dash, label, ent_id))
        tail = _dateline_tail(doc, dash + 1, end)
        if tail is not None:
            out.append(tail)
    return out


def _dateline_tail(doc: Doc, start: int, end: int) -> tuple[int, int, str, str] | None:
    while start < end and doc[start].lower_ == "the":
        start += 1
    if end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1
    # "The Association of International Bond\nDealers": the model's date stopped at a wire line break
    while end < len(doc):
        gap = 1 if doc[end].text == "\n" else 0
        nxt = doc[end + gap] if end + gap < len(doc) else None
        if nxt is None or nxt.tag_ not in ("NNP", "NNPS", "NNS") or not nxt.text[:1].isupper() or nxt.ent_type_:
            break
        end += gap + 1
    words = [t for t in doc[start:end] if not t.is_space]  # "The Student Loan Marketing\nAssociation"
    if not words or not all(t.text[:1].isupper() or t.lower_ in ("of", "and", "&", "for") for t in words):
        return None
    legal = words[-1].text.rstrip(".") in _company_suffixes()
    if legal or any(t.lower_ in _words("institution_words") for t in words):
        return (start, end, "ORG", "")
    return None


def _bracketed_aliases(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "Sumitomo Mitsui Financial (SMFG)", "Petroleos Mexicanos (Pemex)": the capitals, or one
    capitalised word with the name's first letter, in brackets after an ORG name are that company
    wherever the part writes them, tagged or not, and carry its name as their id."""
    aliases: dict[str, str] = {}
    strings, orth = words.strings, words.orth
    opening, closing = strings["("], strings[")"]
    for start, end, label, ent_id in spans:
        at = end
        if at < len(orth) and strings[orth[at]] == ">":  # a wire's "<BHP Gold Mines Ltd> (BHPGM)"
            at += 1
        at = at + 1 if at < len(orth) and strings[orth[at]].isspace() else at  # "Mexicanos\n(Pemex)"
        if label == "ORG" and at + 2 < len(orth) and orth[at] == opening and orth[at + 2] == closing:
            if _indicator_name(words.span_text(start, end)):
                continue  # "Vienna Interbank Offered Rate (VIBOR)": a rate and its short name, no company
            short = strings[orth[at + 1]]
            capitals = 2 <= len(short) <= 6 and short.isupper() and short.replace("&", "").isalpha()
            blend = 3 <= len(short) <= 12 and short.istitle() and short.isalpha() and end - start > 1
            initials = {strings[orth[i]][:1] for i in range(start, end)}
            if capitals or (blend and short[0] in initials):
                # the name as shown ("the\nWashington Public Power Supply System" -> without "the" and the break)
                aliases.setdefault(short, ent_id or display_name(words.span_text(start, end), "ORG"))
    if not aliases:
        return spans
    taken = {i for start, end, *_ in spans for i in range(start, end)}
    alias_of = {strings[short]: name for short, name in aliases.items()}  # by the word's hash
    out = [
        (s[0], s[1], "ORG", alias_of[orth[s[0]]]) if s[1] - s[0] == 1 and orth[s[0]] in alias_of else s for s in spans
    ]
    out += [(i, i + 1, "ORG", alias_of[h]) for i, h in enumerate(orth) if h in alias_of and i not in taken]
    return sorted(out)


def _repeated_names(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "Daiwa Securities jumped ... Daiwa added 5.3%", "Nintendo said ... Nintendo's DS": a one-word
    company name the model tagged once is that company where the part writes it again untagged; so is
    the first word of a company name whose other words only say it is a company ("Securities",
    "Group Ltd"). Only a proper noun that is not a common word of the part (never written in lower
    case, not a generic or institution word, not a place) and not next to another capitalised proper
    noun ("Daiwa Bank" is another name) counts."""
    if not spans or not words.has("TAG"):
        return spans
    tags, orth, strings = words.ids("TAG"), words.orth, words.strings
    skip = _words("generic_words") | _words("institution_words")
    company = {w.casefold() for w in _words("company_heads") | _company_suffixes()} | {"spa"}
    places = {words.text(s[0]) for s in spans if s[2] in _PLACE_LABELS}
    wanted: dict[int, str] = {}  # the hashes of the words that name a company (or a product: "the PSP") alone
    for start, end, label, _ in spans:
        rest = [words.text(i) for i in range(start + 1, end) if not words.text(i).isspace()]
        if label == "ORG" and all(w.rstrip(".>").casefold() in company for w in rest):
            wanted[orth[start]] = "ORG"
        elif label == "PRODUCT" and end - start == 1:
            wanted.setdefault(orth[start], "PRODUCT")
    taken = {i for start, end, *_ in spans for i in range(start, end)}
    added = []
    for h, label in wanted.items():
        word = strings[h]
        if len(word) < 3 or not word.isalpha() or not word[0].isupper() or word in places:
            continue
        if word.casefold() in skip or word.casefold() in company or strings[word.lower()] in orth:
            continue  # a word of company names; a word the part also writes in lower case
        for i in positions(orth, h):
            if i in taken or tags[i] not in _PROPER:
                continue
            if any(0 <= j < len(orth) and tags[j] in _PROPER and words.text(j)[:1].isupper() for j in (i - 1, i + 1)):
                continue  # "Daiwa Bank", "Mr Daiwa": part of another name
            added.append((i, i + 1, label, ""))
    return sorted(spans + added) if added else spans


_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


_RELABELLED = frozenset({"PERSON", "GPE", "LOC", "NORP", "PRODUCT", "FAC", "WORK_OF_ART"})


def _described_companies(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "Parmalat, the Italian food group, ...": a capitalised name the model left untagged (or
    called a person or a place) that the apposition after it describes as a company is an ORG, and
    so is the same name elsewhere in the part; so is an untagged name ending in a legal form
    ("National Heritage Inc"). Returns ``spans`` with those names added or relabelled."""
    if not words.has("TAG"):
        return spans
    nouns = _appositives()
    spans = _trade_noun_openings(words, spans, nouns)
    taken = {i for start, end, *_ in spans for i in range(start, end)}
    runs = _proper_noun_runs(words, taken)
    others = [(s[0], s[1]) for s in spans if s[2] in _RELABELLED and not s[3]]
    text = words.span_text
    names = {text(a, b) for a, b in runs + others if b - a <= 4 and _described_as_company(words, b, nouns)}
    # "consultancy firm Verdant", "carmaker Jaguar": a company noun right before a name the model left
    # untagged or called a person or a place ("Danish brewer Carlsberg" tagged GPE); not a person's full name
    # ("broadcaster Chris Evans", "jeweller Gerald Ratner")
    trades = _words("people_trades")
    roles = TITLE_WORDS | _words("person_appositives")
    companies = {text(s[0], s[1]) for s in spans if s[2] == "ORG"}
    people = {
        (s[0], s[1])
        for s in spans
        if s[2] == "PERSON"
        and _full_name(words, s[0], s[1])
        and text(s[0], s[1]) not in companies  # "Housebuilder Taylor Woodrow ... developer Taylor Woodrow"
        and not _says_it(words, s[1])  # "Publisher John Wiley said it earned 12 mln dlrs"
    }
    names |= {
        text(a, b)
        for a, b in runs + others
        if b - a <= 4
        and a > 0
        and words.lower(a - 1) in nouns
        and words.lower(a) not in roles  # "Business Secretary Patricia Hewitt": a title, not a company
        and not (words.lower(a - 1) in trades and (a, b) in people)
        and not ((a, b) in people and _object_relative(words, a, b))
    }
    # "regulator Icstis", "Sonatrach, the state petroleum agency": a public body, never a person's name
    bodies = _body_appositives()
    unnamed = runs + [(s[0], s[1]) for s in spans if s[2] in _RELABELLED - {"PERSON"} and not s[3]]
    names |= {
        text(a, b)
        for a, b in unnamed
        if b - a <= 4
        and words.lower(a) not in TITLE_WORDS
        and (a > 0 and words.lower(a - 1) in bodies or _described_as_company(words, b, bodies))
    }
    suffixes = _company_suffixes()
    # "Raab Karcher AG" where the model tagged only "AG": the untagged proper nouns before a lone legal form
    ends = {b: (a, b) for a, b in runs if b - a <= 5}
    lone = {
        (s[0], s[1]): ends[s[0]]
        for s in spans
        if s[1] - s[0] == 1 and s[2] == "ORG" and s[0] in ends and words.text(s[0]).rstrip(".") in suffixes
    }
    if lone:
        spans = sorted((lone[(s[0], s[1])][0], s[1], *s[2:]) if (s[0], s[1]) in lone else s for s in spans)
        runs = [r for r in runs if r not in lone.values()]
    heads = _words("company_heads")  # "Commonwealth Bank": a word of business names, not a legal form
    legal = {(a, b) for a, b in runs + others if _legal_end(words, a, b, suffixes)}  # "... Inc", "... Plc"
    legal |= {(a, b) for a, b in runs if b - a >= 2 and words.text(b - 1) in heads}
    # (a wire line break inside the name is no word of it: "Federal Farm Credit Banks Funding\nCorp")
    legal_runs = {(a, b) for a, b in runs if 1 < b - a - _breaks(words, a, b) <= 6 and (a, b) in legal}
    relabel = {(a, b) for a, b in others if (a, b) in legal or (names and text(a, b) in names)}
    if not names and not legal_runs and not relabel:
        return spans
    out = [(s[0], s[1], "ORG", "") if (s[0], s[1]) in relabel else s for s in spans]
    return sorted(out + [(a, b, "ORG", "") for a, b in runs if text(a, b) in names or (a, b) in legal_runs])


def _trade_noun_openings(
    words: DocWords, spans: list[tuple[int, int, str, str]], nouns: frozenset[str]
) -> list[tuple[int, int, str, str]]:
    """ "Jeweller Zale also felt little Christmas cheer": a sentence's capitalised company noun that the model took
    into a person's or a thing's name is no word of it; the rest is a company (not a name with a legal form,
    "Airline Partners Inc", nor a company the model tagged as one). After a trade people also have
    (``people_trades``) a person's full name stays a person's ("Broadcaster Chris Evans" is Chris Evans)."""
    out = []
    for s in spans:
        start, end, label, ent_id = s
        if (
            label in _RELABELLED
            and not ent_id
            and end - start >= 2
            and words.lower(start) in nouns
            and words.lower(start) not in _words("name_opening_nouns")
            and words.text(start)[:1].isupper()
            and _starts_sentence(words, start)
            and not _legal_end(words, start, end, _company_suffixes())
        ):
            person = (
                label == "PERSON"
                and words.lower(start) in _words("people_trades")
                and _full_name(words, start + 1, end)
            )
            s = (start + 1, end, "PERSON" if person else "ORG", ent_id)
        out.append(s)
    return out


def _says_it(words: DocWords, end: int) -> bool:
    """Whether "said it" / "says it" follows token ``end``: a company speaks of itself as "it"."""
    return end + 1 < len(words) and words.lower(end) in ("said", "says") and words.lower(end + 1) in ("it", "its")


def _object_relative(words: DocWords, start: int, end: int) -> bool:
    """ "the store John Smith opened", "The supermarket Sarah Green managed": a person's name after "the" and a
    company noun, followed by a verb in the past that is no "said", is the subject of a relative clause about the
    noun, not the noun's name."""
    doc = words.doc
    det = start >= 2 and words.lower(start - 2) in ("the", "a", "an", "this", "that")
    return det and end < len(words) and doc[end].tag_ == "VBD" and words.lower(end) not in ("said", "says")


def _full_name(words: DocWords, start: int, end: int) -> bool:
    """Whether a name the model called a person is two or three capitalised words that do not end in a word of
    business names ("Chris Evans"; not "Zale", "Vardon Holdings" nor "Cassa di Risparmio")."""
    return (
        end - start >= 2
        and _short_capitalised(words, start, end)
        and words.text(end - 1) not in _words("company_heads")
    )


def _ticker_names(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "Italy's national airline, Alitalia Spa <AZPI.MI>": the name a wire writes its stock ticker after
    is a company's, whatever the model called it, and so are untagged capitalised proper nouns there."""
    strings, orth = words.strings, words.orth
    opening = strings["<"]
    if opening not in orth:
        return spans
    ends = {s[1]: s for s in spans}
    tags = words.ids("TAG") if words.has("TAG") else None
    taken = {i for start, end, *_ in spans for i in range(start, end)}
    relabel, added = set(), []
    for i in positions(orth, opening):
        if i == 0 or i + 2 >= len(orth) or words.text(i + 2) != ">" or not _TICKER.fullmatch(words.text(i + 1)):
            continue
        at = i - 1 if words.text(i - 1).isspace() else i  # "Alitalia Spa\n<AZPI.MI>"
        span = ends.get(at)
        if span is not None:
            if span[2] in _RELABELLED and not span[3] and not words.span_text(span[0], span[1]).isupper():
                relabel.add(span)  # not a capitals headline's words ("ZORBEX CORP <ZBX> 4TH QTR")
            continue
        if tags is None or at - 1 in taken:
            continue
        a = at
        while (
            a > 0 and at - a < 6 and a - 1 not in taken and tags[a - 1] in _PROPER and words.text(a - 1)[:1].isupper()
        ):
            a -= 1
        if a < at and not words.span_text(a, at).isupper():
            added.append((a, at, "ORG", ""))
    return _as_companies(spans, relabel, added)


def _headline_names(
    words: DocWords, spans: list[tuple[int, int, str, str]], headline: Doc | None
) -> list[tuple[int, int, str, str]]:
    """ "HAMBURGISCHE L/B ISSUES ... EUROBOND" over "Hamburgische Landesbank Girozentrale is issuing": a
    wire headline in capitals starts with the name of the company it is about, so an untagged run of two
    or more capitalised proper nouns whose first word is the headline's first word is a company's name
    (not a word of names or places: "NATIONAL", "NEW"; not a nationality or a place the model tags in the
    headline: "INDIAN SUGAR OUTPUT RISES" over "the Indian Sugar Mills Association said")."""
    if headline is None or not len(headline) or not words.has("TAG"):
        return spans
    lead = headline[0]
    first = lead.text
    if not headline.text.isupper() or len(first) < 3 or not first.isalpha() or lead.ent_type_ in _PLACE_LABELS:
        return spans
    skip = _skipped_name_words()
    # "STANDARD TRUSTCO SEES BETTER YEAR": a generic first word ("Standard", "General") names the company
    # only together with the headline's second word, when that one is no generic word itself
    second = headline[1].text if len(headline) > 1 and headline[1].text.isalpha() else ""
    suffixes = {w.casefold() for w in _company_suffixes()}
    if first.casefold() in skip and (not second or second.casefold() in skip or second.casefold() in suffixes):
        return spans
    both = first.casefold() in skip
    taken = {i for start, end, *_ in spans for i in range(start, end)}
    text, idx = doc_text(words.doc), words.ids("IDX")
    added = []
    for a, b in _proper_noun_runs(words, taken):
        # the name ends before a person's role: "Westbrook Tool Co Chairman", "Nordland Trade Minister"
        b = next((i for i in range(a, b) if words.lower(i) in TITLE_WORDS), b)
        # a legal form written first: "NV Nederlandse Gasunie" under "NEDERLANDSE GASUNIE ISSUES ..."
        opening = a + 1 if b - a > 2 and words.text(a).casefold() in suffixes and words.text(a + 1).isalpha() else a
        if not 2 <= b - a <= 6 or words.text(opening).upper() != first or words.text(opening).isupper():
            continue
        if both and words.text(opening + 1).upper() != second:
            continue
        after = idx[b - 1] + len(words.text(b - 1))
        if b < len(words) and words.lower(b) in ("and", "&", "of") or text[after : after + 1] == "-":
            continue  # "Diamond Shamrock R and M", "Liberty All-Star Equity Fund": the name goes on past the run
        added.append((a, b, "ORG", ""))
    return sorted(spans + added) if added else spans


# a wire headline that opens with a name and its ticker: "SCOTTY'S <SHB> SALES UP", "ASHTON-TATE <TATE> TO OFFER"
_TICKER_HEADLINE = re.compile(r"\s*([A-Z][A-Z0-9&.'/-]*(?:[ ][A-Z][A-Z0-9&.'/-]*){0,3})[ ]*<[A-Z0-9.]{1,8}>")


@functools.cache
def _skipped_name_words() -> frozenset[str]:
    """Case-folded words that name no company alone: generic words, institutions, company heads."""
    return frozenset(
        w.casefold() for w in _words("generic_words") | _words("institution_words") | _words("company_heads")
    )


def _ticker_headline_names(
    words: DocWords, spans: list[tuple[int, int, str, str]], headline: Doc | None
) -> list[tuple[int, int, str, str]]:
    """ "SCOTTY'S <SHB> SALES UP" over "Scotty's Inc said ...", "CYBERTEK <CKCP> FORMING NEW DIVISION" over
    "Cybertek said ...": the words a wire headline writes before a ticker name a company, so where the part
    writes them in mixed case, untagged, they are that company's name (with a legal form right after them:
    "Scotty's Inc"); the model misses such one-word and possessive-looking names."""
    if headline is None or not headline.text.isupper():
        return spans
    m = _TICKER_HEADLINE.match(headline.text)
    if m is None or m.group(1).casefold() in _skipped_name_words():
        return spans  # "NATIONAL <NSI> SETS ...": a generic word alone names nothing in "National output rose"
    doc, text = words.doc, doc_text(words.doc)
    name = re.compile(r"(?<![\w'])" + re.escape(m.group(1)).replace(r"\ ", r"\s+") + r"(?![\w'])", re.IGNORECASE)
    taken = {i for start, end, *_ in spans for i in range(start, end)}
    suffixes = _company_suffixes()
    added = []
    for found in name.finditer(text):
        if found.group().isupper() or not found.group()[:1].isupper():
            continue  # a line in capitals (another headline), or the words used as common words
        span = doc.char_span(found.start(), found.end())
        if span is None:
            continue
        a, b = span.start, span.end
        if b < len(doc) and doc[b].text.rstrip(".") in suffixes:
            b += 1  # "Scotty's Inc"
        before = next((t for t in reversed(doc[max(0, a - 3) : a]) if not t.is_space), None)
        longer = _longer_company_name(doc, b, suffixes)  # "Charter Federal Savings and Loan Association"
        after = next((t for t in doc[longer : longer + 3] if not t.is_space), None)
        joined = ("and", "&", "-") if longer > b else ("and", "&", "of", "-")  # "... Association of Bristol"
        b = longer
        if any(t is not None and t.is_alpha and t.text[:1].isupper() for t in (before, after)) or (
            after is not None and after.lower_ in joined
        ):
            continue  # a word of a longer name: "Burlington Menswear", "Davis Water and Waste Industries Inc"
        if not any(i in taken for i in range(a, b)):
            added.append((a, b, "ORG", ""))
            taken.update(range(a, b))
    return sorted(spans + added) if added else spans


def _longer_company_name(doc: Doc, b: int, suffixes: frozenset[str]) -> int:
    """The end of the company name that goes on past the headline's words at ``b``: capitalised words, joined by
    "and" or "&" ("CHARTER FEDERAL <CHFD>" over "Charter Federal Savings and Loan Association of Bristol"), up
    to a word that ends a company's or an institution's name; ``b`` itself when the run ends in no such word."""
    enders = {w.casefold() for w in _words("company_heads") | suffixes} | _words("institution_words")
    end, i = b, b
    while i < len(doc) and i - b < 8:
        t = doc[i]
        if t.is_space and "\n\n" not in t.text:
            i += 1
            continue
        if t.lower_ in ("and", "&") and i + 1 < len(doc) and doc[i + 1].text in _words("trade_words"):
            i += 1  # "Savings and Loan": a trade word goes on the name ("Vardon Federal and Ashgrove ..." does not)
            continue
        if not (t.is_alpha and t.text[:1].isupper()) or t.ent_type_ in _PLACE_LABELS:
            break
        i += 1
        if t.text.rstrip(".").casefold() in enders:
            end = i
            if t.text.rstrip(".") in suffixes:
                break  # "Cybertek Inc and Bank of Boston": a legal form ends the name
    return end


def _as_companies(
    spans: list[tuple[int, int, str, str]],
    relabel: set[tuple[int, int, str, str]],
    added: list[tuple[int, int, str, str]],
) -> list[tuple[int, int, str, str]]:
    """The spans with those in ``relabel`` made companies and the ``added`` ones put in, in order."""
    if not relabel and not added:
        return spans
    return sorted([(s[0], s[1], "ORG", "") if s in relabel else s for s in spans] + added)


def _angle_names(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "French machinery maker <Poclain>, 40 pct owned by <Tenneco Inc>": a wire writes the names of
    companies in angle brackets, so a name in mixed case between "<" and ">" (not a ticker, "<TEX>") is a
    company's: one the model missed is added, one it called a person or a place is relabelled."""
    strings, orth = words.strings, words.orth
    opening = strings["<"]
    if opening not in orth:
        return spans
    closing = strings[">"]
    taken = {i: s for s in spans for i in range(s[0], s[1])}
    relabel, added, dropped = set(), [], set()
    for i in positions(orth, opening):
        j = next((k for k in range(i + 1, min(len(orth), i + 8)) if orth[k] in (closing, opening)), None)
        if j is None or orth[j] != closing or j == i + 1:
            continue
        inner = words.span_text(i + 1, j)
        # one wire line break may fall inside the name ("<Hong Kong\nInternational Terminals Ltd>")
        if not inner[:1].isupper() or inner.isupper() or inner.count("\n") > 1:
            continue
        covering = {taken[k] for k in range(i + 1, j) if k in taken}
        if not covering:
            added.append((i + 1, j, "ORG", ""))
        elif len(covering) == 1 and "\n" not in inner:
            span = next(iter(covering))
            if span[2] in _RELABELLED and not span[3]:
                relabel.add(span)
        elif all(i < a and b <= j + 1 and not ent_id for a, b, _, ent_id in covering):
            # the model split the name at the line break ("Hong Kong" a place, "International Terminals" a
            # company): the brackets' whole name is the company
            dropped |= covering
            added.append((i + 1, j, "ORG", ""))
    if dropped:
        spans = [s for s in spans if s not in dropped]
    return _as_companies(spans, relabel, added)


_PROPER = (get_string_id("NNP"), get_string_id("NNPS"))
_TICKER = re.compile(r"[A-Z][A-Z0-9]{0,7}(?:\.[A-Z]{1,3})?")


def _legal_end(words: DocWords, a: int, b: int, suffixes: frozenset[str]) -> bool:
    """Whether a run of names ends in a legal form ("... Inc", "... Bankasi AS"); "AS" only after a word
    not in capitals, since a capitals headline writes the English "as" so ("PROFITS RISE AS SALES GROW")."""
    last = words.text(b - 1).replace(".", "")  # "N.V.", "S.p.A.", "Inc."
    if last not in suffixes:
        return False
    if last == "AS":
        before = [words.text(i) for i in range(a, b - 1) if not words.text(i).isspace()]
        return bool(before) and not before[-1].isupper()
    return True


def _breaks(words: DocWords, a: int, b: int) -> int:
    """How many line-break tokens tokens ``a``..``b`` hold."""
    return sum(words.text(i) == "\n" for i in range(a, b))


def _proper_noun_runs(words: DocWords, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised proper nouns (NNP, NNPS) outside any entity, as token ranges."""
    tags = words.ids("TAG")
    proper = sorted([*positions(tags, _NNP), *positions(tags, _NNPS)])
    runs: list[list[int]] = []
    for i in proper:
        if i not in taken and words.text(i)[:1].isupper():
            if runs and runs[-1][1] == i:
                runs[-1][1] = i + 1
            elif runs and runs[-1][1] == i - 1 and words.text(i - 1) == "\n":
                runs[-1][1] = i + 1  # "International Lease\nFinance Corp": a wire line break inside a name
            else:
                runs.append([i, i + 1])
    return [(a, b) for a, b in runs]


_NNP, _NNPS = get_string_id("NNP"), get_string_id("NNPS")


def _described_as_company(words: DocWords, end: int, nouns: frozenset[str]) -> bool:
    """Whether ", the [adjectives and nouns] COMPANY-NOUN" follows token ``end``; not ", the
    company's biggest shareholder", which describes someone by the company."""
    size = len(words)
    if end + 2 >= size or words.orth[end] != _COMMA or words.lower(end + 1) not in ("the", "a", "an"):
        return False
    doc = words.doc
    k = end + 2
    while k < min(size, end + 8) and doc[k].pos_ in ("ADJ", "NOUN", "PROPN") and words.lower(k) not in nouns:
        k += 1
    return k < size and words.lower(k) in nouns and not (k + 1 < size and doc[k + 1].tag_ == "POS")


_COMMA = get_string_id(",")
# what may follow a person's role noun ("chairman of", "an analyst with", "spokesman, said")
_AFTER_ROLE = frozenset({"of", "at", "with", "for", "and", "in", "on", "to", "who", ",", ".", ";", ":", "'s", "said"})
_PERSON_LIKE = frozenset({"ORG", "GPE", "LOC", "NORP", "PRODUCT", "FAC", "WORK_OF_ART"})


def _described_people(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "Gene Cartledge, chairman and chief executive officer of Union Camp": a short capitalised
    name the model called a company, a place or a product, that the apposition after it describes
    by a person's role, is a PERSON (``person_appositives``). Names with a legal form stay companies."""
    if not words.has("TAG"):
        return spans
    out = []
    for s in spans:
        start, end, label, ent_id = s
        if (
            label in _PERSON_LIKE
            and not ent_id
            and _short_capitalised(words, start, end)
            and not _legal_end(words, start, end, _company_suffixes())
            and _described_as_person(words, end)
        ):
            s = (start, end, "PERSON", ent_id)
        out.append(s)
    return out


def _short_capitalised(words: DocWords, start: int, end: int) -> bool:
    names = [words.text(i) for i in range(start, end) if not words.text(i).isspace()]
    return 0 < len(names) <= 3 and all(capitalised_word(n) for n in names)


def capitalised_word(word: str) -> bool:
    """Whether a word is written as a name is: a capital, then lower-case letters only ("Evans", not "IBM", "McManus"
    nor "Smith's")."""
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _described_as_person(words: DocWords, end: int) -> bool:
    """Whether ", [the|a|an|its] [modifiers] ROLE" follows token ``end`` ("Cartledge, chairman of ...")."""
    size = len(words)
    if end + 1 >= size or words.orth[end] != _COMMA:
        return False
    k = end + 1
    if words.lower(k) in ("the", "a", "an", "its"):
        k += 1
    roles, mods = _words("person_appositives"), _words("person_appositive_modifiers")
    for _ in range(4):
        if k >= size:
            return False
        low = words.lower(k)
        if low in roles:
            return k + 1 >= size or words.lower(k + 1) in _AFTER_ROLE or words.lower(k + 1) in roles | mods
        if low not in mods:
            return False
        k += 1
    return False


def _inside_any(inner: tuple, ents: list[tuple], starts: list[int]) -> bool:
    """Whether a longer mention (sorted by start, ``starts`` its starts) holds ``inner``."""
    return any(_strictly_inside(inner, e) for e in ents[: bisect_right(starts, inner[0])][-8:])


def _strictly_inside(inner: tuple, outer: tuple) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and (outer[1] - outer[0]) > (inner[1] - inner[0])


_INITIALISM = re.compile(r"(?:^|[\s(])(?:[A-Za-z]\.){2,}$")


# The name functions below are pure and called for every mention, again in ``canonicalize``: an
# article names the same few entities many times, so each keeps its recent answers.
NAME_MEMO = 1 << 14


@functools.lru_cache(maxsize=NAME_MEMO)
def clean_name(text: str) -> str:
    """The name without possessive, leading "the" and extra spaces ("the Xiaomi's" -> "Xiaomi")."""
    name = _BRACKET_TAIL.sub("", _SPACE.sub(" ", text).strip()) or text
    dotted = _INITIALISM.search(name)  # "U.S.", "U.K.": the last dot is part of the name
    name = name.strip(" \t\n,.;:\"'“”()<>") + ("." if dotted else "")  # "<Cruden Investments Pty Ltd>"
    name = _POSSESSIVE.sub("", name).strip()
    return _HONORIFIC.sub("", _LEADING_THE.sub("", name).strip()).strip()


def display_name(name: str, label: str) -> str:
    """The name to show: cleaned, and for an ORG without its legal suffixes ("Xiaomi Corp" -> "Xiaomi")."""
    return _display_name(name, label == "ORG", _words("generic_words"))


@functools.lru_cache(maxsize=NAME_MEMO)
def _display_name(name: str, org: bool, generic: frozenset[str]) -> str:
    shown = clean_name(name)
    if org:
        for _ in range(3):  # "Samsung Electronics Co., Ltd." has two
            shorter = _ORG_SUFFIX.sub("", shown).strip(" ,")
            if shorter == shown or not shorter or shorter.casefold() in generic or _JOIN_END.search(shorter):
                break  # "News Corp" stays itself; "Allen and Co" is not "Allen and"
            shown = shorter
        rest = _ORG_PREFIX.sub("", shown)
        if rest != shown and (len(rest.split()) >= 2 or shown.startswith("N.V.")):
            shown = rest  # "NV Nederlandse Gasunie", "N.V. Philips"; not "NV Energy", "PT Multimedia", "NV Homes Inc"
    return shown


def name_key(name: str, label: str) -> str:
    """The corpus-stable part of an entity key: case-folded, legal suffixes dropped for ORGs."""
    return _name_key(name, label == "ORG", _words("generic_words"))


@functools.lru_cache(maxsize=NAME_MEMO)
def _name_key(name: str, org: bool, generic: frozenset[str]) -> str:
    return _SPACE.sub(" ", _display_name(name, org, generic).casefold()).strip()


def find_entities(doc: Doc, headline: Doc | None = None) -> list[EntityMention]:
    """Entity mentions of one part; canonical names are provisional until ``canonicalize``.
    ``headline``: the article's title part, whose first word, in a wire headline in capitals, names its company."""
    out: list[EntityMention] = []
    words = DocWords(doc)
    spans = _headline_names(words, _fixed_entities(words), headline)
    spans = _and_company(words, _split_at_paragraphs(words, _ticker_headline_names(words, spans, headline)))
    if not spans:
        return out
    idx, tags, orth = words.ids("IDX"), words.ids("TAG"), words.orth
    strings, full_text = words.strings, doc_text(doc)
    generic = _words("generic_words")
    taken = {i for start, end, *_ in spans for i in range(start, end)}
    for start, end, label, ent_id in spans:
        if label not in LABELS:
            continue
        if end - start == 1 and not ent_id and _starts_sentence(words, start) and _sentence_case_only(words, start):
            continue  # "House prices rose ... house prices": a common word capitalised by the sentence
        if end - start == 1 and not ent_id and label == "PRODUCT" and _common_noun_opening(words, start):
            continue  # "Truck sales rose 18.1 pct", every time at a sentence's start: a kind of goods, no product
        if end - start <= 3 and _negated(full_text, idx[start], idx[end - 1] + len(strings[orth[end - 1]])):
            continue  # "Non-EU exports rose 7.5%": everywhere but the EU, no one's name
        if end - start == 1 and not ent_id and _unit_after_digit(words, start, full_text):
            continue  # "a 20GB version": the amount's unit, not Great Britain
        if end - start == 1 and not ent_id and _AMOUNT.fullmatch(words.text(start)):
            continue  # "shares were 3p up at 401p", "profits fell to 6.2bn": an amount, not a name
        if not ent_id and _indicator_name(full_text[idx[start] : idx[end - 1] + len(strings[orth[end - 1]])]):
            continue  # "Turkey's Gross National Product grew": the figure's name, not its owner
        end = _person_before_of(words, start, end) if label == "PERSON" and not ent_id else end
        end = _name_head_end(words, start, end) if label == "ORG" and not ent_id else end
        end = _legal_end_cut(words, start, end) if label == "ORG" and not ent_id else end
        if label == "ORG" and not ent_id and end - start > 1 and words.lower(end - 1) in _words("law_heads"):
            label = "LAW"  # "the Road Safety Bill": a law, not an organisation
        start = _wrapped_start(words, start, end, taken) if label == "ORG" and not ent_id else start
        if end - start > 1 and tags[end - 1] == _POSSESSIVE_TAG:  # "Xiaomi 's": the 's is grammar, not name
            end -= 1
        while end - start > 1 and words.text(end - 1) in _TRAILING:
            end -= 1  # "the European Union - the world's biggest bloc": the model ran on past a dash
        start_char, end_char = idx[start], idx[end - 1] + len(strings[orth[end - 1]])
        text = full_text[start_char:end_char]  # ``doc[start:end].text``
        org = label == "ORG"
        canonical = ent_id or _display_name(text, org, generic) or text  # ``display_name``
        key = f"{label}:{_name_key(canonical, org, generic)}"
        out.append(EntityMention(start_char, end_char, text, label, canonical, key))
    return out


def _legal_end_cut(words: DocWords, start: int, end: int) -> int:
    """ "Iowa Beef Processors Inc Dakota City, Nebraska, plant": a company's name ends at its legal form;
    capitalised words the model ran on with after it (a place, a plant) are not the name, unless they
    end in a legal form or a company word themselves ("Red Lion Inns Limited Partnership")."""
    cut = next(
        (
            i + 1
            for i in range(start + 1, end - 1)
            if words.text(i).rstrip(".") in _CLOSING_FORMS and words.text(i + 1) != "-"
        ),
        None,
    )  # (not "Co-operation", not the Swedish "Investment AB Beijar": a form that opens a name)
    if cut is None:
        return end
    rest = {words.text(i).rstrip(".").casefold() for i in range(cut, end)}
    company = {w.casefold() for w in _company_suffixes() | _words("company_heads")} | _NAME_GOES_ON
    return end if rest & company else cut


# legal forms that close an English company name, and words that show the name goes on past one
_CLOSING_FORMS = frozenset({"Inc", "Corp", "Co", "Ltd", "Plc", "PLC", "LLC", "Corporation", "Incorporated"})
_NAME_GOES_ON = frozenset({"partnership", "partners", "fund", "trust", "limited", "&", "and", "of"})


def _person_before_of(words: DocWords, start: int, end: int) -> int:
    """The end of a person's name the model ran into "of" and a place ("Manaspas Xuto of Thailand"): the
    name is the two or more capitalised words before "of", unless they start with a title ("Prince of
    Wales", "Duke of York" stay whole)."""
    first = words.lower(start).rstrip(".")
    if first in TITLE_WORDS or first in _ROYAL_TITLES:
        return end
    return next((i for i in range(start + 2, end - 1) if words.lower(i) == "of"), end)


_ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen", "duke", "duchess", "earl", "bishop", "archbishop"})


def _indicator_name(text: str) -> bool:
    """Whether a name is an economic indicator ("the Consumer Price Index") or a benchmark rate ("Vienna
    Interbank Offered Rate", "LIBOR"): what a figure is, or is set against, never its owner."""
    name = " ".join(_LEADING_THE.sub("", text).casefold().split())
    if name in _words("indicator_names"):
        return True
    return any(name == rate or name.endswith(" " + rate) for rate in _words("benchmark_rates"))


_POSSESSIVE_TAG = get_string_id("POS")
_TRAILING = frozenset({"-", "--", "the", "The", "a", "an", ",", ";", ":"})
_AMOUNT = re.compile(r"\d+(?:[.,]\d+)*(?:p|m|bn|k|tn|mn)")


def _unit_after_digit(words: DocWords, i: int, text: str) -> bool:
    """The token is a measure symbol written straight after a digit ("20GB", "3 GHz" not: spaced)."""
    start = words.ids("IDX")[i]
    return start > 0 and text[start - 1].isdigit() and words.strings[words.orth[i]] in _words("measure_symbols")


def _sentence_case_only(words: DocWords, i: int) -> bool:
    """Whether the word at ``i`` is also written in lower case in the part, and capitalised only
    where a sentence starts."""
    word = words.text(i)
    lower = word.lower()
    if lower == word:
        return True  # written in lower case where a sentence starts: no name
    strings, orth = words.strings, words.orth
    if strings[lower] not in orth:
        return False
    return all(_starts_sentence(words, j) for j in positions(orth, strings[word]))


_NEGATED_NAME = re.compile(r"(?i)non-[^\W\d_][\w.]*")


def _negated(text: str, start: int, end: int) -> bool:
    """Whether the one-word name at ``start:end`` is negated by "non-" ("Non-EU", "non-US", "non-Nato")."""
    if _NEGATED_NAME.fullmatch(text, start, end):
        return True
    # "non-" written before the name, as a word of its own (not the end of "Lebanon-Israel")
    free = start == 4 or (start > 4 and not text[start - 5].isalpha())
    return free and bool(_NEGATED_NAME.fullmatch(text, start - 4, end))


_COMMON_NOUN_TAGS = frozenset({get_string_id("NN"), get_string_id("NNS")})


def _common_noun_opening(words: DocWords, i: int) -> bool:
    """Whether the word at ``i`` is written capitalised only where a sentence starts and tagged a common
    noun wherever it is ("Truck sales rose ... Truck sales in March"): no name, whatever the NER said."""
    tags = words.ids("TAG")
    spots = positions(words.orth, words.strings[words.text(i)])
    return all(_starts_sentence(words, j) and tags[j] in _COMMON_NOUN_TAGS for j in spots)


def _starts_sentence(words: DocWords, i: int) -> bool:
    """Whether token ``i`` opens a sentence (after a full stop, a line break or a quote, or per the parse)."""
    if i == 0 or (words.has("SENT_START") and words.doc[i].is_sent_start):
        return True
    prev = words.text(i - 1)
    return words.ids("IS_SPACE")[i - 1] and "\n" in prev or prev in (".", "!", "?", '"', "\u201c", ":")


_COMPOUND = get_string_id("compound")


_NAME_JOINS = frozenset({"and", "of", "&"})


def _wrapped_start(words: DocWords, start: int, end: int, taken: set[int]) -> int:
    """ "The Federal Savings and Loan\nInsurance Corp" where the model, put off by the wire's line break,
    tagged only "Loan Insurance Corp": a company name that runs over a line break starts at the first of
    the capitalised words (and "and"/"of" between them) before it, up to "the" or any other word."""
    space = words.ids("IS_SPACE")
    wrapped = any(space[i] and "\n" in words.text(i) for i in range(max(0, start - 1), end))
    if not wrapped or words.lower(start) == "the":
        return start  # "Directors of the Chicago Mercantile\nExchange": the name starts at "the"
    i = start
    while i > 0 and start - i < 6 and i - 1 not in taken:
        word = words.text(i - 1)
        join = word in _NAME_JOINS and i - 2 >= 0 and words.text(i - 2).istitle() and i - 2 not in taken
        if not (word.istitle() and word.isalpha() and word != "The" or join or space[i - 1] and "\n" in word):
            break
        i -= 1
    while i < start and (space[i] or words.text(i) in _NAME_JOINS):
        i += 1
    return i


def _name_head_end(words: DocWords, start: int, end: int) -> int:
    """ "LG Card" where the model tagged only "LG": the name runs on to the capitalised noun it
    modifies (a compound head right after it, not the start of a sentence, not a title such as "Chairman")."""
    if end >= len(words) or words.ids("DEP")[end - 1] != _COMPOUND:  # no parse: no compound
        return end
    doc = words.doc
    last, nxt = doc[end - 1], doc[end]
    heads_it = last.dep_ == "compound" and last.head.i == nxt.i
    # not a role: "Westbrook Drilling Co Chairman Alan Pryce" is the company's chairman
    role = nxt.lower_ in TITLE_WORDS
    return end + 1 if heads_it and nxt.tag_ == "NNP" and nxt.text.istitle() and not nxt.ent_type_ and not role else end


def _and_company(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """ "Merrill Lynch and Co Inc", "Frank B. Hall and Co": a name joined by "and" to a span that opens with
    "Co" or "Company" is one company; the model's two spans (the first often a person) are joined into one.
    So is a company name right before a span that opens with a legal form ("Deutsche Bank Finance" + "NV
    Curacao", the second taken for a person)."""
    out: list[tuple[int, int, str, str]] = []
    for span in sorted(spans):
        start, end, label, ent_id = span
        if out and not ent_id and not out[-1][3] and out[-1][2] in ("ORG", "PERSON") and label == "ORG":
            before = out[-1]
            if before[1] + 1 == start and words.lower(before[1]) == "and" and words.text(start).rstrip(".") in _CO:
                out[-1] = (before[0], end, "ORG", "")
                continue
        if out and not ent_id and _legal_form_tail(words, out[-1], span):
            out[-1] = (out[-1][0], end, "ORG", "")
            continue
        out.append(span)
    return out


_CO = frozenset({"Co", "Company", "CO", "COMPANY"})


def _legal_form_tail(words: DocWords, before: tuple[int, int, str, str], span: tuple[int, int, str, str]) -> bool:
    """Whether ``span`` continues the company name ``before`` from its legal form on ("NV Curacao")."""
    start, end = span[0], span[1]
    adjacent = not before[3] and before[2] == "ORG" and before[1] == start and end - start > 1
    return adjacent and legal_form_word(words.text(start))


def _split_at_paragraphs(words: DocWords, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """A name never runs over a blank line ("... hit Eurotunnel\n\nChannel Tunnel operator"):
    the model's span is cut there and each side kept."""
    if not spans:
        return []
    space, punct = words.ids("IS_SPACE"), words.ids("IS_PUNCT")
    blank = blank_lines(words.doc)
    out = []
    for start, end, label, ent_id in spans:
        if (
            end > start
            and not (space[start] or punct[start])
            and (not blank or bisect_left(blank, start) == bisect_left(blank, end))
        ):
            out.append((start, end, label, ent_id))  # no blank line inside, and a word to keep: the span itself
            continue
        cuts = blank[bisect_left(blank, start) : bisect_left(blank, end)]
        bounds = [start, *[x for c in cuts for x in (c, c + 1)], end]
        for a, b in zip(bounds[::2], bounds[1::2], strict=True):
            if b > a and not all(space[i] or punct[i] for i in range(a, b)):
                out.append((a, b, label, ent_id if not cuts else ""))
    return out


_TITLED_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP"})  # labels a title before the name overrules


def _label_of(mentions: Sequence[EntityMention]) -> str:
    """The group's majority label; a name written with a title ("Mr Ebbers") is a person's."""
    if any(m.label in _TITLED_LABELS and _titled(m.text) for m in mentions):
        return "PERSON"
    if any(m.label in ("ORG", "PERSON") and _legal_form(m.text) for m in mentions):
        return "ORG"  # "Alitalia Spa" once, "Alitalia" called a place or a person three times: a company
    if len(mentions) == 1:
        return mentions[0].label
    counts = Counter(m.label for m in mentions)
    best = max(counts.values())
    label = min((lab for lab, n in counts.items() if n == best), key=_priority)
    if label == "NORP" and "ORG" in counts and not mentions[0].canonical_name.casefold().endswith(_DEMONYM_ENDINGS):
        return "ORG"  # "Brewing giant Inbev" tagged a company once and a nationality after: no nationality's name
    return label


# how the names of nationalities and groups end ("Russian", "Japanese", "British", "Dutch", "Swiss", "Iraqi",
# "Democrats"): a name tagged both a company and a nationality that ends otherwise is the company
_DEMONYM_ENDINGS = ("an", "ese", "ish", "ch", "ss", "i", "ic", "k", "s")


@functools.lru_cache(maxsize=NAME_MEMO)
def _legal_form(text: str) -> bool:
    """Whether a name ends in a company's legal form or a word of business names ("Alitalia Spa", "Fiat SpA",
    "Union Carbide Corp", "Korvath Group")."""
    last = text.split()[-1].rstrip(".>") if len(text.split()) > 1 else ""
    return last in _company_suffixes() or last in _words("company_heads") or last.casefold() == "spa"


@functools.lru_cache(maxsize=NAME_MEMO)
def _titled(text: str) -> bool:
    return _HONORIFIC.match(text) is not None


def _priority(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)


def canonicalize(mentions: Sequence[EntityMention]) -> list[EntityMention]:
    """Merge aliases across all parts of one article; same order and length as ``mentions``.

    Groups are built in three steps: same normalised name (whatever the NER label, so one
    "Xiaomi" tagged PERSON joins the ORG), then a one-word name equal to the first or last word
    of exactly one longer PERSON name joins that person ("Lei" -> "Lei Jun"), then the group's
    label is its majority label and its name the longest form seen.
    """
    if not mentions:
        return []
    groups: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        k = name_key(m.canonical_name, "ORG")  # suffixes dropped whatever the label: one name, one group
        groups.setdefault(k, []).append(i)
    parties = _merge_parties(groups, mentions)  # "Tory", "the Tories", "the Conservatives": one party
    # Person short forms: "Lei" (or "Jun") joins "Lei Jun" when only one full name fits.
    # ("Lord Callaghan" is a short form too: a title and a surname, as "Callaghan" is, of "Jim Callaghan")
    full_names = [
        k
        for k, idx in groups.items()
        if " " in _untitled(k) and _label_of([mentions[i] for i in idx]) == "PERSON" and len(k.split()) <= 4
    ]
    as_person: set[int] = set()
    as_org: set[int] = set()
    for k in list(groups):
        if " " in _untitled(k) or k not in groups or k in parties:
            continue
        labels = {mentions[i].label for i in groups[k]}
        if not labels & {"PERSON", "ORG", "GPE", "NORP", "PRODUCT"}:
            continue
        short = _untitled(k)
        fits = [f for f in full_names if f != k and short in (_untitled(f).split()[0], f.split()[-1])]
        if len(fits) == 1:
            as_person.update(groups[k])  # "Napier said" after "Robert Napier": the model's ORG was the surname alone
            groups[fits[0]].extend(groups.pop(k))

    def label_of(idx: list[int]) -> str:
        """The group's label, with the short forms of a person's full name counted as the person's
        ("Volcker" for "Paul Volcker") and a person-tagged short form of a company as the company's."""
        if not as_person and not as_org:
            return _label_of([mentions[i] for i in idx])  # (no short form relabelled: the mentions as they are)
        return _label_of(
            [
                dataclasses.replace(mentions[i], label="PERSON")
                if i in as_person
                else dataclasses.replace(mentions[i], label="ORG")
                if i in as_org
                else mentions[i]
                for i in idx
            ]
        )

    # Company short forms: "Whole Foods" joins "Whole Foods Market" when only one longer name fits.
    orgs = [k for k, idx in groups.items() if label_of(idx) == "ORG"]
    # ... and so does a one-word name the NER called a person, never with a title or a first name
    # ("Cairn" for "Cairn Energy"): "Mr Cairn" or a "John Cairn" would have taken it above
    for k in [k for k, idx in groups.items() if " " not in k and label_of(idx) == "PERSON"]:
        longer = [o for o in orgs if o.startswith(k + " ") or _hyphen_head(k, o, groups)]  # "Owens-Illinois" too
        if len(longer) == 1 and not any(_titled(mentions[i].text) for i in groups[k]):
            as_org.update(groups[k])
            groups[longer[0]].extend(groups.pop(k))
    spelled: dict[str, dict[str, str]] = {}  # the long names' initials, built once when a short form needs them
    for k in sorted(orgs, key=len):
        if k in parties:
            continue  # "Labour" is not "Labour Research Department"
        longer = [
            o
            for o in orgs
            if o != k
            and o in groups
            and (o.startswith(k + " ") or _hyphen_head(k, o, groups) or _named_after(k, o, groups[o], mentions))
        ]
        if any(_is_business_unit(k, o) for o in longer):
            continue  # "Barclays" and "Barclays Capital" are two entities
        if k in groups and len(longer) == 1 and not _spells_another(k, longer[0], groups, mentions, spelled):
            groups[longer[0]].extend(groups.pop(k))
    # Institution short forms: "the Bank" joins "Reserve Bank of Australia", the ORG name with the
    # word that the article names most (and more than any other such name).
    institutions = _words("institution_words")
    orgs = [k for k, idx in groups.items() if label_of(idx) == "ORG"]
    for k in orgs:
        if " " in k or k not in institutions:
            continue
        longer = sorted((o for o in orgs if o != k and o in groups and k in o.split()), key=lambda o: -len(groups[o]))
        if longer and (len(longer) == 1 or len(groups[longer[0]]) > len(groups[longer[1]])):
            groups[longer[0]].extend(groups.pop(k))
    _merge_spelling_variants(groups, mentions)
    full_forms = _merge_acronyms(groups, mentions)
    _merge_apposed_codes(groups, mentions)
    out: list[EntityMention | None] = [None] * len(mentions)
    for gkey, idx in groups.items():
        members = [mentions[i] for i in idx]
        label = "ORG" if gkey in parties else label_of(idx)
        names = Counter(display_name(m.canonical_name, label) for m in members)
        if label == "PERSON":  # the full name, however often the short form was used
            canonical = max(names, key=lambda n: (len(_untitled(n.casefold()).split()), len(n.split()), names[n], n))
        else:  # the full name's most used form ("Xiaomi" over "Xiaomi Inc.", "Whole Foods Market")
            own = [n for n in names if name_key(n, label) == gkey] or list(names)
            canonical = max(own, key=lambda n: (names[n], -len(n), n))
        canonical = parties.get(gkey) or full_forms.get(gkey, canonical)
        key = f"{label}:{name_key(canonical, label)}"
        for i in idx:
            m = mentions[i]  # ``dataclasses.replace`` of the three fields, without its generic work
            out[i] = EntityMention(m.start, m.end, m.text, label, canonical, key)
    return [m for m in out if m is not None]


def _named_after(short: str, name: str, idx: list[int], mentions: Sequence[EntityMention]) -> bool:
    """Whether a two-word company name ends in ``short`` and is written once with its legal form ("J.C. Penney
    Co", "Burroughs Wellcome Co"): a company named after a person, that the surname alone, read as a company too, stands
    for (not "JP McManus", a person the model took for a company; a surname read as a person's may be the founder's:
    "Calvin Klein Inc ... Klein said he", so it is left alone)."""
    return len(name.split()) == 2 and name.endswith(" " + short) and any(_legal_form(mentions[i].text) for i in idx)


def _untitled(key: str) -> str:
    """A name key without the titles before it ("lord callaghan" -> "callaghan")."""
    words = key.split()
    while len(words) > 1 and words[0].rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def _merge_parties(groups: dict[str, list[int]], mentions: Sequence[EntityMention]) -> dict[str, str]:
    """The names of one political party the article uses join the fullest of them; returns that
    group's key -> the name to show, as the article writes it ("Conservatives", "Liberal Democrats")."""
    forms = party_forms()
    by_party: dict[tuple[str, ...], list[str]] = {}
    for k in groups:
        if k in forms:
            by_party.setdefault(forms[k], []).append(k)
    shown: dict[str, str] = {}
    for names, keys in by_party.items():
        order = [n.casefold() for n in names]
        target = min(keys, key=order.index)
        for k in keys:
            if k != target:
                groups[target].extend(groups.pop(k))
        written = Counter(
            clean_name(mentions[i].text) for i in groups[target] if clean_name(mentions[i].text).casefold() == target
        )
        shown[target] = max(written, key=lambda n: (written[n], n)) if written else names[order.index(target)]
    return shown


def _hyphen_head(short: str, name: str, groups: dict[str, list[int]]) -> bool:
    """ "Owens" of "Owens-Illinois", "Mercedes" of "Mercedes-Benz": the first part of a hyphenated name,
    unless the rest is a name of the article too ("Gazprom-Rosneft" joins two companies)."""
    return name.startswith(short + "-") and name[len(short) + 1 :] not in groups


_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "du", "la"})
_COUNTRY_PREFIXES = ("US", "UK")  # a national body's acronym starts with its country's: "USDA", "UKAEA"


@functools.lru_cache(maxsize=8192)
def initials(name: str) -> str:
    """ "International Monetary Fund" -> "IMF"; "Bank of England" -> "BE" (small words skipped)."""
    return "".join(w[0] for w in _acronym_words(name)).upper()


def _capital_initials(name: str) -> str:
    """Initials where a word written in capitals keeps all its letters: "UK Independence Party" ->
    "UKIP", "BBC World Service" -> "BBCWS"."""
    return "".join(w if w.isupper() and w.isalpha() else w[0] for w in _acronym_words(name)).upper()


def _initials_with_of(name: str) -> str:
    """Initials where "of" counts: "Bank of America" -> "BOA", "Bank of England" -> "BOE"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and (w.casefold() == "of" or w.casefold() not in _ACRONYM_SKIP)]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _acronym_words(name: str) -> list[str]:
    """The words of a name an acronym spells: small words ("of", "the") left out, letters first."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.casefold() not in _ACRONYM_SKIP]
    return [w for w in words if w[0].isalpha()]


def _merge_spelling_variants(groups: dict[str, list[int]], mentions: Sequence[EntityMention]) -> None:
    """ "TimeWarner" joins "Time Warner" (same letters without spaces), "Holiday-Rambler" joins "Holiday Rambler
    Corp" (or hyphens); "Glaxo" joins
    "GlaxoSmithKline" when it is the first capitalised part of exactly one one-word ORG name."""
    squashed: dict[str, list[str]] = {}
    for k in groups:
        squashed.setdefault(k.replace(" ", ""), []).append(k)
    for k in [k for k in groups if "-" in k and _label_of([mentions[i] for i in groups[k]]) == "ORG"]:
        # "Holiday-Rambler" and "Holiday Rambler Corp", both companies (not the adjective "Anglo-American")
        spaced = squashed.get(k.replace("-", "").replace(" ", ""))
        if spaced and all(_label_of([mentions[i] for i in groups[o]]) == "ORG" for o in spaced):
            spaced.append(k)
            squashed[k.replace(" ", "")].remove(k)
    for ks in squashed.values():
        if len(ks) > 1:
            target = max(ks, key=lambda k: (len(groups[k]), " " in k, k))
            for k in ks:
                if k != target:
                    groups[target].extend(groups.pop(k))
    labels = {k: _label_of([mentions[i] for i in idx]) for k, idx in groups.items()}
    orgs = [k for k, lab in labels.items() if lab == "ORG"]
    named = [k for k, lab in labels.items() if lab in ("ORG", "PERSON")]  # the NER reads some as people
    for k in sorted(k for k in orgs if " " not in k and len(k) >= 4):
        longer = [
            o
            for o in named
            if o != k
            and " " not in o
            and o.startswith(k)
            and o in groups
            and any(clean_name(mentions[i].text)[len(k) : len(k) + 1].isupper() for i in groups[o])
        ]
        if k in groups and len(longer) == 1:
            groups[longer[0]].extend(groups.pop(k))


def _spells_another(
    short: str,
    longer: str,
    groups: dict[str, list[int]],
    mentions: Sequence[EntityMention],
    spelled: dict[str, dict[str, str]],
) -> bool:
    """Whether a short name written in capitals spells the initials of another name of the article than the
    longer one it opens ("GM" after "General Motors", and "GM Europe"): the company, not its unit. ``spelled``
    is filled with ``_initials_of_long_names`` on first use (a short form joining a group adds no long name)."""
    if " " in short or not 2 <= len(short) <= 6:
        return False
    if not any(clean_name(mentions[i].text).isupper() for i in groups[short]):
        return False
    if not spelled:
        spelled.update(_initials_of_long_names(groups, mentions))
    acronym = short.upper().replace("&", "").replace(".", "")
    return any(acronym in names and o != longer and o in groups for o, names in spelled.items())


def _initials_of_long_names(
    groups: dict[str, list[int]], mentions: Sequence[EntityMention]
) -> dict[str, dict[str, str]]:
    """For each group with a name of several words: {initials: the name they spell}, first
    mention first, the name as written before the display form ("International Monetary Fund")."""
    out: dict[str, dict[str, str]] = {}
    for o, idx in groups.items():
        if " " not in o:
            continue
        spelled: dict[str, str] = {}
        for name in dict.fromkeys(clean_name(mentions[i].text) for i in idx):
            spelled.setdefault(initials(name), name)
            spelled.setdefault(_capital_initials(name), name)  # "UK Independence Party" -> "UKIP"
            spelled.setdefault(_initials_with_of(name), name)  # "Bank of Japan" -> "BOJ"
            lead, _, rest = name.partition(" ")
            letters = lead.replace(".", "")
            if " " in rest and letters.isupper() and letters.isalpha() and len(letters) <= 3:
                spelled.setdefault(initials(rest), name)  # "US Securities and Exchange Commission" -> "SEC"
                spelled.setdefault(letters + initials(rest), name)  # "U.S. Agriculture Department" -> "USAD"
            shown = display_name(name, "ORG")
            if initials(shown) != initials(name):
                spelled.setdefault(initials(shown), shown)
            bare = _without_legal_form(name)  # "Cooperative Central Bank Bhd (CCB)": a legal form has no letter
            if bare != name:
                spelled.setdefault(initials(bare), name)
        out[o] = spelled
    return out


def _merge_apposed_codes(groups: dict[str, list[int]], mentions: Sequence[EntityMention]) -> None:
    """A short all-capitals name set right after a longer ORG name ("The Paris Financial Futures Market,
    MATIF, ...", "... Market (MATIF)") is that body's code, even where it spells a name in another language:
    it joins the longer name's group. Two of its letters must start words of the longer name, so that a
    list ("General Motors, IBM and Ford") merges nothing."""
    where = {i: k for k, idx in groups.items() for i in idx}
    for i in range(len(mentions) - 1):
        long, code = mentions[i], mentions[i + 1]
        if code.start - long.end != 2 or long.label != "ORG" or " " not in long.text.strip() or "'" in long.text:
            continue
        text = code.text.strip()
        if not (3 <= len(text) <= 8 and text.isalpha() and text.isupper()):
            continue
        starts = {w[0] for w in long.text.split() if w[:1].isupper()}
        if len(set(text) & starts) < 2:
            continue
        a, b = where.get(i), where.get(i + 1)  # kept current below: always keys of ``groups``
        if a is None or b is None or a == b or " " in b:
            continue
        for j in groups[b]:
            where[j] = a
        groups[a].extend(groups.pop(b))


def _spelled_in_any_order(
    letters: str, spelled: dict[str, dict[str, str]], groups: dict[str, list[int]]
) -> dict[str, str]:
    """The groups one of whose names has initials that are ``letters`` in another order: {group: that name}."""
    key = _anagram(letters)
    reordered = {o: [n for x, n in names.items() if _anagram(x) == key] for o, names in spelled.items()}
    return {o: found[0] for o, found in reordered.items() if found and o in groups}


def _merge_acronyms(groups: dict[str, list[int]], mentions: Sequence[EntityMention]) -> dict[str, str]:
    """An all-capitals name joins the one longer name it abbreviates ("IMF" -> "International
    Monetary Fund"). Returns the full form to show for a group whose acronym spells a legal
    suffix the display name drops ("AIG" -> "American International Group")."""
    full_forms: dict[str, str] = {}
    spelled = _initials_of_long_names(groups, mentions)  # computed once: linear in the mentions
    for k in list(groups):
        if k not in groups or " " in k or not 2 <= len(k) <= 6:
            continue
        texts = [clean_name(mentions[i].text) for i in groups[k]]
        if not any(
            t.isupper() and t.replace("&", "").replace(".", "").isalpha() for t in texts
        ):  # "IMF", "B&B", "U.S."
            continue
        acronym = k.upper().replace("&", "").replace(".", "")
        # not a name that writes the short form itself ("U.S. Steel" spells "US" but is no expansion of "U.S.")
        fits = {
            o: names[acronym]
            for o, names in spelled.items()
            if acronym in names and o in groups and not any(t.casefold() in o.split() for t in texts)
        }
        if not fits and len(acronym) >= 3:
            # "IBC" for "Brazilian Coffee Institute" (Instituto Brasileiro do Cafe): a foreign-language acronym
            # spells the same initials in another order
            fits = _spelled_in_any_order(acronym, spelled, groups)
        country = next((c for c in _COUNTRY_PREFIXES if acronym.startswith(c) and len(acronym) - len(c) >= 2), None)
        if not fits and country is not None:
            # "USDA" for "the U.S. Agriculture Department" (the NER's name leaves "U.S." out): the country's
            # letters, then the name's initials in any order
            fits = _spelled_in_any_order(acronym[len(country) :], spelled, groups)
        if len(fits) == 1:
            ((target, name),) = fits.items()
            groups[target].extend(groups.pop(k))
            label = _label_of([mentions[i] for i in groups[target]])
            if display_name(name, label) != name:
                full_forms[target] = name
    return full_forms
