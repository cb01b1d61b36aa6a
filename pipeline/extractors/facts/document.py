"""A model of the whole part, built once before any sentence is read.

- the **headline**: a short first paragraph above a blank line;
- the **dateline** ("WELLINGTON, March 3 -", "SAN FRANCISCO (Reuters) -"): where and when the story
  was filed. Its place is never a subject and its date never a fact's time;
- the **topic company**: the company a wire headline names before its ticker ("K MART CORP <KM> ..."),
  else a company named both in the headline and in the text;
- the **story country**: the country named most (countries and their demonyms, headline mentions
  counting double, the dateline not at all), owner of macro figures with no other owner;
- **table blocks** are read by ``tables``.

Entity mentions are the part's own (offsets relative to the Doc); nothing here reads the parse.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...records import EntityMention
from ..dates.words import lexicon as date_words
from ..doccache import doc_text, token_indices, token_indices_of
from ..entities.find import initials
from ..quantities.number_atoms import lexicon as number_lexicon
from .cues import cues

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class DocumentModel:
    """What one part says about itself as a whole (character offsets into the Doc's text)."""

    headline: tuple[int, int] | None = None  # where the headline is, when it is in this Doc
    headline_text: str = ""  # the headline (the article's title, or the Doc's first short paragraph)
    dateline: tuple[int, int] | None = None  # the whole "CITY, Month D -" (dash included)
    topic: EntityMention | None = None  # the company the story is about, from its headline
    country: EntityMention | None = None  # the country the story is about
    country_weight: int = 0
    market: EntityMention | None = None  # the commodity a market report with no company is about

    def in_dateline(self, start: int, end: int) -> bool:
        return self.dateline is not None and self.dateline[0] <= start and end <= self.dateline[1]


def find_headline(text: str) -> tuple[int, int] | None:
    """A short first paragraph (no more than ``headline_max_words`` words) above a blank line."""
    m = _BLANK_LINE.search(text)
    if m is None:
        return None
    first = text[: m.start()]
    words = first.split()
    if not words or len(words) > cues().headline_max_words or first.rstrip().endswith((".", ":")):
        return None
    start = len(text) - len(text.lstrip())
    return start, m.start()


def find_dateline(text: str, after: int) -> tuple[int, int] | None:
    """The dateline at the start of the first paragraph after ``after`` (the headline's end)."""
    rest = text[after:]
    offset = after + len(rest) - len(rest.lstrip())
    rest = text[offset:]
    m = cues().wire_dateline.match(rest) or cues().dateline.match(rest)
    return (offset, offset + m.end()) if m else None


_SMALL_WORDS = frozenset({"of", "and", "for", "the", "de", "in", "on"})


def _title_case(name: str) -> str:
    """ "THE NATIONAL BANK OF NEW ZEALAND LTD" -> "National Bank of New Zealand Ltd": a capitals name
    written as a name (small words lower case, no leading article)."""
    if not name.isupper():
        return name
    words = name.split()
    if len(words) > 3 and words[0] == "THE":  # "THE LIMITED INC" keeps it: the name would be one word
        words = words[1:]
    out = []
    for i, w in enumerate(words):
        if len(w) <= 1 or "." in w:
            out.append(w)
        elif i > 0 and w.lower() in _SMALL_WORDS:
            out.append(w.lower())
        else:  # each part of a hyphenated name: "OWENS-ILLINOIS" -> "Owens-Illinois"
            out.append("-".join(p[:1] + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def headline_company(headline: str) -> str | None:
    """ "K MART CORP <KM> 4TH QTR NET" -> "K Mart Corp": the name a wire headline gives a ticker (or
    puts in the brackets itself: "<FOR BETTER LIVING INC> 4TH QTR NET")."""
    m = cues().ticker_headline.search(headline) or cues().bracketed_headline.search(headline)
    if m is None:
        return None
    name = m.group("name").strip(" ,-'")
    generic = cues().name_stopwords | cues().generic_name_words
    if all(w in generic for w in re.findall(r"[a-z0-9]+", name.casefold())) and "<" in headline:
        # "GROSSMAN'S INC <GROS>", "FLANIGAN'S ENTERPRISES INC <BDL>": the possessive is the name
        name = headline[: headline.index("<")].strip(" ,-")
    return _title_case(name)


# a wire headline's period with its count: "4TH QTR", "FIRST HALF", "NINE MTHS"
_COUNTED_PERIOD = r"(?:1ST|2ND|3RD|4TH)\s+(?:QTR|QUARTER|HALF)|FIRST\s+HALF|(?:NINE|SIX|THREE)\s+MTHS"
_RESULTS_HEADLINE = re.compile(
    rf"^(?P<name>[A-Z0-9][A-Z0-9&.,'/ -]+?)\s+(?:{_COUNTED_PERIOD}|(?:FISCAL\s+)?YEAR|QTR)"
    r"\b[A-Z0-9 ,.-]*\b(?:NET|LOSS|PROFIT|EARNINGS|RESULTS)\b"
)
# a headline that is only a name and a period: "PENINSULAR AND ORIENTAL 1986 YEAR", "WILSON BROTHERS 4TH QTR"
_PERIOD_HEADLINE = re.compile(
    rf"^(?P<name>[A-Z][A-Z&.,'/ -]+?)\s+(?:(?:19|20)\d\d(?:/\d\d)?\s+(?:FISCAL\s+)?YEAR|{_COUNTED_PERIOD}|"
    r"(?P<plain>(?:FISCAL\s+)?YEAR|QTR))$"
)


def results_company(headline: str) -> str | None:
    """ "PETER MILLER APPAREL GROUP 3RD QTR JAN 31 LOSS" -> "Peter Miller Apparel Group": the company
    of a results headline that gives no ticker (the words before the period). A headline of a name
    and a period alone ("PENINSULAR AND ORIENTAL 1986 YEAR") names the company too, unless a verb or
    preposition shows it is a sentence ("... DEFICIT IN 4TH QTR"); a bare "YEAR" needs a legal form
    ("SOURCE VENTURE CAPITAL INC YEAR"), not "... HAD RECORD YEAR"."""
    m = _RESULTS_HEADLINE.match(headline.strip())
    if m is None:
        m = _PERIOD_HEADLINE.match(headline.strip())
        if m is None or any(w.casefold() in cues().headline_verbs for w in m.group("name").split()):
            return None
        if m.group("plain") and not cues().company_suffix.search(_title_case(m.group("name"))):
            return None
    return _title_case(m.group("name").strip(" ,-'"))


def _first_word(name: str) -> str | None:
    """The first word of a name that is not an article or a legal form, case-folded."""
    words = [w for w in re.findall(r"[a-z0-9]+", name.casefold()) if w not in cues().name_stopwords]
    return words[0] if words else None


def _word_in(needle: str, text: str) -> bool:
    """Whether ``needle`` occurs in ``text`` as whole words (what ``\\b...\\b`` matches), without a regex."""
    start = text.find(needle)
    while needle and start >= 0:
        end = start + len(needle)
        before = start > 0 and _word_char(text[start - 1])
        after = end < len(text) and _word_char(text[end])
        left, right = before != _word_char(needle[0]), after != _word_char(needle[-1])  # \\b on each side
        if left and right:
            return True
        start = text.find(needle, start + 1)
    return False


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


# two-letter and three-letter place abbreviations that start company names ("US Steel", "UK Coal")
_PLACES = frozenset({"us", "usa", "uk", "eu", "ec", "eec", "un", "hk", "nz", "uae", "ussr"})


def figure_name(entity: EntityMention) -> bool:
    """ "The planned PSBR ...", "Sterling M3 rose": an economic figure the NER took for an organisation."""
    name = entity.canonical_name.replace("-", "")
    last = name.rsplit(" ", 1)[-1]  # "Sterling M3": an aggregate's code ends the name
    coded = (last.isupper() or any(ch.isdigit() for ch in last)) and last.casefold() in cues().country_owner
    return name.casefold() in cues().country_owner or coded


def _place_pair(name: str, is_country_name: Callable[[str], bool]) -> bool:
    """ "U.S.-Japan": two country names joined by a hyphen (a relation, not a name)."""
    parts = name.split("-")
    return len(parts) == 2 and all(is_country_name(p.strip()) for p in parts)


def _topic(
    headline: str,
    headline_span: tuple[int, int] | None,
    entities: Sequence[EntityMention],
    common: Callable[[str], bool] = lambda name: False,
):
    """The headline's ticker company, as the text names it when it does; else the one company of
    the text whose name the headline also gives (not a common word the NER took for a name)."""
    body = [e for e in entities if not (headline_span and e.start < headline_span[1])]  # the text's own mentions
    name = headline_company(headline) or results_company(headline)
    if name is not None:
        words = name.split()
        # the last verb, preposition or figure: "OPPENHEIMER RAISES NWA <NWA>", "... HAS 96 PCT OWENS-ILLINOIS <OI>"
        verb = max(
            (k for k, w in enumerate(words) if w.casefold() in cues().headline_verbs or _figure_word(words, k)),
            default=-1,
        )
        if 0 <= verb < len(words) - 1:
            words = words[verb + 1 :]  # the ticker's is NWA
            while len(words) > 1 and words[0].casefold() in _AMOUNT_WORDS:
                words = words[1:]  # "91.8 PCT OF PENN TRAFFIC <PNF>": Penn Traffic
            name = " ".join(words)
        named_below = body or list(entities)  # the text's mention, not the headline's ("DORVIN <DVX>" is tagged)
        # "INVESTMENT GROUP RAISES ROBESON <RBSN> STAKE": the name is the end of the words before the
        # ticker that the text names as a company ("Robeson Industries Corp")
        for k in range(len(words)):
            lead = _first_word(" ".join(words[k:]))
            found = next((e for e in named_below if e.label == "ORG" and _first_word(e.canonical_name) == lead), None)
            if found is not None:
                return found
        short = _initials_of(name, entities) or _clipped(name, named_below)  # "BP <BP>", "MICROBIO <MRC>"
        if short is not None:
            return short
        lead = _first_word(name)
        same = [e for e in entities if _first_word(e.canonical_name) == lead]
        # a company the NER took for a person or a place ("E.A. Viner Holdings Ltd")
        found = next((e for e in same if cues().company_suffix.search(e.text)), None)
        named = found.canonical_name if found is not None else name
        start, end = (found.start, found.end) if found is not None else (headline_span or (0, 0))
        return EntityMention(start, end, named, "ORG", named, "ORG:" + named.casefold())
    low = headline.casefold()
    mixed = not headline.isupper()
    in_headline: dict[str, bool] = {}  # each name searched once (a pattern per name would flood re's cache)
    # names of places the text gives on their own, and how often each name is written
    named = Counter(e.canonical_name.casefold() for e in body)
    places = {e.canonical_name.casefold() for e in body if e.label in ("GPE", "LOC")}

    def named_in_headline(name: str) -> bool:
        if name not in in_headline:
            first = name.split()[0] if " " in name else ""
            # "Peugeot deal boosts Mitsubishi" names Mitsubishi Motors by its first word
            # or by its acronym ("SBC plans job cuts" for SBC Communications), not a place's ("US Steel")
            acronym = 2 <= len(first) <= 5 and first.isupper() and first.isalpha() and first.casefold() not in _PLACES
            short = (
                (len(first) >= 4 and first[:1].isupper() or acronym)
                and first.casefold() not in cues().name_stopwords
                # (not a place the text names more often than the company that opens with it: "China suspends 26
                # power projects" is China's, not the "China Review" quoted once; "Dubai firm wins" names Dubai
                # Ports World, named more often than Dubai)
                and not (first.casefold() in places and named[first.casefold()] > named[name.casefold()])
            )
            # in a headline in mixed case the word is capitalised there too: "S Korea spending boost to
            # economy" does not name the "Economy Ministry"
            by_first = short and (_word_in(first, headline) if mixed else _word_in(first.casefold(), low))
            in_headline[name] = _word_in(name.casefold(), low) or by_first
        return in_headline[name]

    for labels, least in ((("ORG",), 1), (("ORG", "PERSON"), 2)):  # a club the NER took for a person
        counts = Counter(
            e.entity_key
            for e in body
            if e.label in labels and named_in_headline(e.canonical_name) and not common(e.canonical_name)
        )
        named = [k for k, n in counts.items() if n >= least]
        if len(named) > 1:  # "ELDERS RESOURCES ISSUE ...": the name written whole, not "Elders IXL" by its first word
            named = _whole_names_first(named, {e.entity_key: e.canonical_name.casefold() for e in body}, low)
        if len(named) > 1:  # "VEBA'S RAAB KARCHER RAISES PROFIT": the owner's subsidiary is the story
            owners = {k for k in named if _possessive_in(next(e for e in body if e.entity_key == k), low)}
            named = [k for k in named if k not in owners] if len(owners) < len(named) else named
        if len(named) > 1:  # "Peugeot deal boosts Mitsubishi": the one the body names twice as often
            ranked = sorted(named, key=lambda k: -counts[k])
            named = ranked[:1] if counts[ranked[0]] >= 2 * counts[ranked[1]] else named
        if len(named) == 1:
            return next(e for e in body if e.entity_key == named[0])
    return None


_AMOUNT_WORDS = frozenset({"pct", "of", "stake", "mln", "dlrs", "shares"})
# what a spelled number in a wire headline counts when it is a figure ("FIVE PCT OF", "TWO MLN DLRS")
_FIGURE_UNITS = frozenset({"pct", "percent", "mln", "bln", "billion", "million", "dlrs", "dlr"})


@functools.cache
def _number_words() -> frozenset[str]:
    """The spelled numbers of the quantities' number lexicon ("one" ... "nineteen", "twenty" ... "ninety")."""
    lx = number_lexicon()
    return frozenset(lx["units"]) | frozenset(lx["tens"])


def _figure_word(words: list[str], k: int) -> bool:
    """A figure among a headline's words: digits, or a spelled number ("FIVE", "TWENTY-FIVE") before a unit word
    ("FIVE PCT OF SAGE DRILLING"; not "WESTWOOD ONE INC", "BANK ONE OF TEXAS")."""
    word = words[k]
    spelled = all(w in _number_words() for w in word.casefold().split("-"))
    return any(c.isdigit() for c in word) or (
        spelled and k + 1 < len(words) and words[k + 1].casefold() in _FIGURE_UNITS
    )


def _whole_names_first(named: list[str], names: dict[str, str], low: str) -> list[str]:
    """Of the names a headline gives, drop one it gives only by a first word that starts a name it writes
    whole ("ELDERS RESOURCES ..." drops "Elders IXL"), unless that one is the whole name run on
    ("THOMSON MCKINNON UNIT'S ..." keeps "Thomson McKinnon Mortgage Assets") or the headline goes on
    with "unit"."""
    written = {k for k in named if _word_in(names[k], low)}
    whole = [names[k] for k in written if not _UNIT_AFTER.match(low, low.find(names[k]) + len(names[k]))]

    def beaten(name: str) -> bool:
        first = name.split()[0]
        return any(w.split()[0] == first and not name.startswith(w) for w in whole)

    return [k for k in named if k in written or not beaten(names[k])]


_UNIT_AFTER = re.compile(r"\s+(?:unit|subsidiary|affiliate|offshoot)s?\b")


def _possessive_in(entity: EntityMention, headline: str) -> bool:
    """Whether the headline writes the name (or its first word) with an 's."""
    words = [entity.canonical_name.casefold(), (_first_word(entity.canonical_name) or "").casefold()]
    return any(w and re.search(rf"\b{re.escape(w)}'s\b", headline) for w in words)


def _initials_of(name: str, entities: Sequence[EntityMention]) -> EntityMention | None:
    """The one ORG of the text whose initials (small words left out, its legal forms left out or not) a
    short one-word headline name spells, with or without its own legal form: "BP" -> "British Petroleum Co
    PLC", "DCNY CORP" -> "Discount Corp of New York"."""
    skip = cues().name_stopwords  # legal forms too: "Co", "PLC"
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".").casefold() in skip:
        words = words[:-1]
    acronym = " ".join(words).replace(".", "").upper()
    if len(words) != 1 or not 2 <= len(acronym) <= 5:
        return None

    def spelled(e: EntityMention) -> bool:  # (``initials`` itself leaves "of", "and", "the" out)
        plain = initials(" ".join(w for w in e.canonical_name.split() if w.casefold() not in skip))
        return plain == acronym or initials(e.canonical_name) == acronym

    return _only_org(entities, lambda e: " " in e.canonical_name and spelled(e))  # "Discount Corp of New York"


def _clipped(name: str, entities: Sequence[EntityMention]) -> EntityMention | None:
    """The one ORG of the text whose first word a one-word headline name (five letters or more) is the
    start of: "MICROBIO <MRC>" -> "Microbiological Research Corp"."""
    clip = name.casefold()
    if " " in name or len(clip) < 5:
        return None
    return _only_org(
        entities,
        lambda e: (
            e.canonical_name.casefold() != clip  # the headline's own mention of the short name
            and (e.canonical_name.split() or [""])[0].casefold().startswith(clip)
        ),
    )


def _only_org(entities: Sequence[EntityMention], test: Callable[[EntityMention], bool]) -> EntityMention | None:
    """The one ORG of ``entities`` (one entity, however many mentions) that passes ``test``, else None."""
    found = {e.entity_key: e for e in entities if e.label == "ORG" and test(e)}
    return next(iter(found.values())) if len(found) == 1 else None


def story_country(
    doc: Doc,
    entities: Sequence[EntityMention],
    *,
    headline: str,
    dateline: tuple[int, int] | None,
    is_country_name: Callable[[str], bool],
) -> tuple[EntityMention | None, int]:
    """The country named most (named in the headline counts twice; demonyms count), with its
    weight; None when two countries tie. The dateline's place does not count."""
    c = cues()
    weights: Counter[str] = Counter()
    first: dict[str, EntityMention] = {}

    def add(country: str, mention: EntityMention | None) -> None:
        weights[country.casefold()] += 1
        if mention is not None:
            first.setdefault(country.casefold(), mention)

    text = doc_text(doc)
    for e in entities:
        if (e.label == "GPE" and is_country_name(e.canonical_name) or is_region(e)) and not (
            dateline and dateline[0] <= e.start < dateline[1] or in_ticker(text, e)
        ):
            add(e.canonical_name, e)
    for t in (doc[i] for i in token_indices_of(doc, "ORTH", c.demonyms)):
        country, start = demonym_at(t)
        if not (dateline and dateline[0] <= start < dateline[1]):
            end = t.idx + len(t.text)
            add(
                country,
                EntityMention(start, end, text[start:end], "GPE", country, "GPE:" + country.casefold()),
            )
    headline = _TICKERS.sub(" ", headline)  # "UNION CARBIDE <UK> SELLS NOTES": a ticker, not the country
    low = headline.casefold()
    for region in (r for r in c.regions if " " in r and _word_in(r, low)):  # "Latin America sees growth"
        weights[region] += 2
        headline = re.sub(re.escape(region), " ", headline, flags=re.IGNORECASE)
    words = re.findall(r"[A-Za-z.]+(?:'S)?", headline)
    in_headline: list[str] = []  # the headline's countries in the order it names them
    for w in words:
        w = w.removesuffix("'S").removesuffix("'s")
        demonym = c.demonym_folds.get(w.casefold())
        for country in filter(None, (demonym, w if is_country_name(w) else None)):
            weights[country.casefold()] += 2
            in_headline.append(country.casefold())
    if not weights:
        return None, 0
    ranked = weights.most_common(3)
    key, weight = ranked[0]
    if len(ranked) > 1 and ranked[1][1] == weight:
        # two named as often: the one the headline names first ("JAPAN BUYS BRAZILIAN SOYBEANS")
        tied = {k for k, n in ranked if n == weight}
        first_named = next((k for k in in_headline if k in tied), None)
        if len(tied) > 2 or first_named is None:
            return None, 0
        key = first_named
    named = next(
        (e for e in entities if e.label in ("GPE", "LOC") and e.canonical_name.casefold() == key), first.get(key)
    )
    if named is None or headline_capitals(named):  # "JAPAN BUYS ...": the country's own spelling
        name = next((v for v in c.demonyms.values() if v.casefold() == key), key.title())
        named = EntityMention(0, 0, name, "GPE", name, "GPE:" + name.casefold())
    return named, weight


# a wire headline's bracketed ticker or company ("<UK>", "<FOR BETTER LIVING INC>")
_TICKERS = re.compile(r"<[^<>\n]*>")


def in_ticker(text: str, e: EntityMention) -> bool:
    """Whether a mention is a bracketed ticker ("UNION CARBIDE <UK>"): a company's symbol, not a place."""
    return text[e.start - 1 : e.start] == "<" and text[e.end : e.end + 1] == ">"


def headline_capitals(e: EntityMention) -> bool:
    """Whether a name is known only as a capitals headline writes it ("JAPAN"), not an acronym ("IBM")."""
    return e.canonical_name.isupper() and len(e.canonical_name) > 3


def is_region(e: EntityMention) -> bool:
    """A world region that owns economic figures as a country does ("Latin America", "the eurozone",
    "the European Community")."""
    # an economic bloc the model tags as an organisation ("the European Community") counts too
    return (
        e.label in ("GPE", "LOC", "NORP", "ORG") and e.canonical_name.casefold().removeprefix("the ") in cues().regions
    )


def demonym_at(token: Token) -> tuple[str, int]:
    """The country (or region) a demonym token names and where its words start: "Latin American"
    is Latin America, not the United States."""
    c = cues()
    if token.i > 0:
        prev = token.doc[token.i - 1]
        for joint in (f"{prev.text} {token.text}", f"{prev.text}{token.text}"):
            if joint in c.region_demonyms:
                return c.region_demonyms[joint], prev.idx
    return c.demonyms[token.text], token.idx


def build_document(
    doc: Doc, entities: Sequence[EntityMention], *, title: str | None = None, is_country_name: Callable[[str], bool]
) -> DocumentModel:
    """The part's headline (``title``, else its own first short paragraph), dateline, topic
    company and story country."""
    text = doc_text(doc)
    span = None if title else find_headline(text)
    headline = title or (text[span[0] : span[1]] if span else "")
    dateline = find_dateline(text, span[1] if span else 0)
    ents = [e for e in entities if not (dateline and dateline[0] <= e.start < dateline[1])]
    country, weight = story_country(doc, ents, headline=headline, dateline=dateline, is_country_name=is_country_name)
    topic = _topic(headline, span, ents, common_word(doc))
    if topic is not None and figure_name(topic):
        topic = None  # "U.K. CONFIRMS FEBRUARY STERLING M3 RISE": a money aggregate, no company
    if topic is not None and _place_pair(topic.canonical_name, is_country_name):
        topic = None  # "U.S.-JAPAN CHIP DISPUTE": a relation between two countries, no company
    if topic is not None and dateline is not None:
        topic = _unit_of(text, topic, ents, headline, dateline[1]) or topic
    elif dateline is not None:
        topic = _named_unit(text, ents, headline, dateline[1])
    market = None if topic is not None else headline_market(doc, headline, span[1] if span else 0)
    return DocumentModel(span, headline, dateline, topic, country, weight, market)


# "UAL <UAL> UNIT'S EIGHT-YEAR NOTES", "FIAT UNIT ISSUES BOND": the headline's company names a unit of its own
_UNIT_HEADLINE = re.compile(r"(?:>|\b[A-Z]{2,})\s+(?:UNIT|SUBSIDIARY|AFFILIATE)(?:'S)?\s")
# ", a unit of", ", a wholly-owned subsidiary of", ", an affiliate of": the company the lead names is a parent's
_UNIT_OF = re.compile(r",\s+an?\s+(?:[\w-]+\s+){0,2}(?:unit|subsidiary|affiliate|division)\s+of\s+(?:the\s+)?", re.I)


def _unit_of(
    text: str, topic: EntityMention, entities: Sequence[EntityMention], headline: str, lead: int
) -> EntityMention | None:
    """ "UAL <UAL> UNIT'S NOTES" over "NEW YORK - Hertz Corp, a unit of UAL Inc, is raising ...": the story
    is the unit's, whose name opens the lead and which the lead describes as the headline company's unit."""
    if not _UNIT_HEADLINE.search(headline):
        return None
    first = _lead_company(text, entities, lead)
    if first is None or first.entity_key == topic.entity_key:
        return None  # the lead must open with the unit's name
    m = _UNIT_OF.match(text, first.end)
    parent = _first_word(topic.canonical_name)
    if m is None or parent is None or _first_word(text[m.end() : m.end() + 60]) != parent:
        return None
    return first


def _lead_company(text: str, entities: Sequence[EntityMention], lead: int) -> EntityMention | None:
    """The company whose name opens the lead (only blanks or a "<" before it), else None."""
    first = next((e for e in entities if e.label == "ORG" and lead <= e.start), None)
    return None if first is None or text[lead : first.start].strip(" <\n") else first


def _named_unit(text: str, entities: Sequence[EntityMention], headline: str, lead: int) -> EntityMention | None:
    """ "DEUTSCHE BANK UNIT ISSUES 75 MLN STG EUROBOND" over "LONDON - Deutsche Bank Finance NV Curacao is
    issuing": a unit that carries its parent's name, opening the lead, is the story's company."""
    before = re.match(r"(.*?)\s+(?:UNIT|SUBSIDIARY|AFFILIATE)(?:'S)?\s", headline)
    first = _lead_company(text, entities, lead)
    if before is None or first is None:
        return None
    parent = " ".join(re.findall(r"[A-Za-z]+", _TICKERS.sub(" ", before.group(1)))).casefold()
    return first if parent and first.canonical_name.casefold().startswith(parent + " ") else None


def headline_market(doc: Doc, headline: str, after: int) -> EntityMention | None:
    """ "LME ALUMINIUM MIDSESSION SEES WIDER BACKWARDATION" over "LME aluminium prices eased ...": the
    commodity a market report's headline names, as the text first writes it with its modifiers ("LME
    aluminium", "London raw sugar"); its prices and moves are the story's when nothing closer owns them."""
    c = cues()
    words = {w.casefold().removesuffix("s") for w in re.findall(r"[A-Za-z]+", _TICKERS.sub(" ", headline))}
    named = {w for w in c.commodity_nouns | c.instrument_nouns if " " not in w and w in words}
    if not named:
        return None
    for t in (doc[i] for i in token_indices(doc, "LEMMA", lambda w: w.lower() in named)):
        if t.idx < after or t.ent_type_ in ("ORG", "PERSON", "GPE"):
            continue
        head = t
        while head.dep_ == "compound" and head.head.i == head.i + 1 and head.head.lemma_.lower() in named:
            head = head.head
        # "wheat prices", "the market for wheat", "Physical wheat values recovered", "Asian dollar deposit
        # rates", "Prices of public authority bonds": a report on its prices
        instrument = t.lemma_.lower() in c.instrument_nouns
        quoted = c.price_nouns | {"market", "value"} | (c.instrument_price_nouns if instrument else frozenset())
        owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("of", "for") else head.head
        priced = owner.lemma_.lower() in quoted or owner.lower_ in quoted or head.dep_ in ("nsubj", "nsubjpass")
        if not priced:
            return None  # "Nigeria to boost cocoa production", "an oil deal": no market report
        # the run of modifiers before it, of it or of the noun it modifies ("Asian dollar deposit rates"; the
        # words a dateline's date runs into, "April 7 - Asian dollar", are no date's: ``_dated``)
        last = t.head.i if t.dep_ == "compound" and t.head.i > t.i else t.i
        first = t.i
        while first > 0 and _modifier(doc[first - 1], last):
            first -= 1
        # "LME aluminium prices": the exchange is the prices' modifier in the parse; "Hong Kong dollar deposit
        # rates": a place's name before the instrument, however the parse hangs it after a dateline
        while (
            first > 0
            and doc[first - 1].pos_ == "PROPN"
            and (doc[first - 1].head.i in (t.i, t.head.i) or doc[first - 1].ent_type_ in ("GPE", "NORP"))
        ):
            first -= 1
        name = " ".join(u.text for u in doc[first : t.i + 1] if not u.is_space)
        # (an instrument's report quotes it for every maturity: its own key, see candidates.instrument_market)
        key = "INSTRUMENT:" + name.casefold() if instrument else ""
        return EntityMention(doc[first].idx, t.idx + len(t.text), name, "MARKET", name, key)
    return None


def _modifier(m: Token, last: int) -> bool:
    """Whether ``m`` is a plain modifier of a noun phrase ending at ``last`` (no number, date or comparative)."""
    if m.dep_ not in ("compound", "amod", "nmod") or not m.i < m.head.i <= last:
        return False
    return m.tag_ not in ("JJR", "JJS") and not m.like_num and not _dated(m)


def _dated(token: Token) -> bool:
    """A word of a date ("March", "Sept", "three-month"), not a lower-case word the model ran into a dateline's
    date; month and weekday names (and their abbreviations) are the dates lexicon's."""
    if token.ent_type_ not in ("DATE", "TIME"):
        return False
    word, lx = token.lower_.rstrip("."), date_words()
    calendar_word = word in lx["months"] or word in lx["weekdays"]
    return calendar_word or token.pos_ == "NUM" or token.like_num or token.lemma_.lower() in cues().time_nouns


def common_word(doc: Doc) -> Callable[[str], bool]:
    """Whether a one-word name is a common word of this text ("Digital UK driven by TV" where
    "digital" is written in lower case twice or more): then it names no company."""

    def common(name: str) -> bool:
        return " " not in name and len(token_indices_of(doc, "ORTH", {name.casefold()})) >= 2

    return common
