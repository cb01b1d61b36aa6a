"""What one part knows beyond a sentence: its entities, the article's main company, person and country, and who
"it", "the company", "we" or "the government" stand for."""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ...records import EntityMention
from ..doccache import doc_text, token_ids, token_indices, token_indices_of
from ..entities.find import initials, legal_name
from ..entities.schema import load_fixes
from .cues import cues
from .document import (
    DocumentModel,
    build_document,
    common_word,
    demonym_at,
    figure_name,
    headline_capitals,
    in_ticker,
    is_region,
    results_company,
)
from .gazetteer import capital_of, country_code, country_name, country_of_place, dateline_place, dateline_region_code
from .parse import word_before
from .parties import in_headline, is_party, party_noun, party_of, title_noun


@dataclass
class ArticleContext:
    """What one part knows beyond a sentence: its entities and the entity the article is about."""

    entities: tuple[EntityMention, ...]
    main: EntityMention | None  # the clearly dominant ORG of the article, if any
    first_person: bool  # a letter written as "we"/"our company"
    published: str | None
    recent: list[EntityMention] = dataclasses.field(default_factory=list)  # ORG subjects of earlier sentences
    main_person: EntityMention | None = None  # the only (or clearly most named) PERSON of the article
    recent_people: list[EntityMention] = dataclasses.field(default_factory=list)
    names: dict[str, EntityMention] = dataclasses.field(default_factory=dict)  # one-word ORG/PERSON names
    country: EntityMention | None = None  # the clearly dominant GPE, owner of "growth", "inflation"
    owned_nouns: tuple[tuple[int, str], ...] = ()  # "its central bank" (token index, lemma): a later "the bank"
    described: dict[str, EntityMention] = dataclasses.field(default_factory=dict)  # "a group led by X": "the group"
    # "Austria is making a ... issue": a later "The issue" (lemma -> the maker, and the noun's token index)
    deals: dict[str, tuple[EntityMention, int]] = dataclasses.field(default_factory=dict)
    doc: Doc | None = None  # the parsed part, for the document-level models below (None without a parse)
    document: DocumentModel = dataclasses.field(default_factory=DocumentModel)  # headline, dateline, topic
    piece: Span | None = None  # the sentence piece being read (set by find_facts): tree walks stay inside it
    amount: Span | None = None  # the amount being attached (set per quantity): never its own owner
    amount_kind: str | None = None  # its quantity kind ("currency", "percent", ...)
    amount_value: float | None = None  # its value
    amount_macro: bool = False  # whether it measures an economic figure ("growth of 3.5%") or an estimate
    # the latest main-clause subject that was a company or a country, and where its sentence ended:
    # "South Korea will boost spending. It has earmarked 100 trillion won": "it" is the country
    last_subject: tuple[str, EntityMention, int] | None = None
    # the latest company a main clause was about (not a speaker: "unions said"), and where its sentence ended
    focus: tuple[EntityMention, int] | None = None
    # the latest company that was a main clause's speaker ("<Dixons Group PLC> said ..."), and where its sentence
    # ended: "The company said it now has 22 pct of Cyclops" is that speaker, not the headline's ticker company
    speaker: tuple[EntityMention, int] | None = None
    main_subject_end: int = -1  # where the last sentence ended whose main clause had the story's company as subject
    # "£812 in England, £640 in Wales", "in France 31,000, in Belgium 19,050": each piece's figures
    # with their places or names, found once per piece (keyed by the rule and the piece's bounds)
    place_lists: dict[tuple, list] = dataclasses.field(default_factory=dict)
    # the latest money figure a market rule gave its market ("US crude oil prices above $50 a
    # barrel"), with its sentence's index: the price later figures of the story continue
    priced: tuple[int, object] | None = None
    # the latest market or currency a main clause moved ("The yen dropped to 141.60 per euro"), and where its
    # sentence ended: "It later strengthened to 140.55" is the yen
    moved_market: tuple[EntityMention, int] | None = None

    @functools.cached_property
    def product(self) -> EntityMention | None:
        """The product named most on a product noun ("the Cell processor"), built when first asked."""
        return _main_product(self.doc, self.entities) if self.doc is not None else None

    @functools.cached_property
    def money_supply_story(self) -> bool:
        """Whether the story is about the money supply ("U.S. M-1 money supply rose ..."), found once per article:
        there a money aggregate the NER took for a name ("M-1") is a figure, not an owner."""
        return self.doc is not None and _MONEY_SUPPLY.search(doc_text(self.doc)) is not None

    @functools.cached_property
    def currency(self) -> EntityMention | None:
        """The currency the story names with its country ("the N.Z. dollar"), built when first asked."""
        from .currencies import story_currency

        headline = self.document.headline
        return story_currency(self.doc, headline[1] if headline else 0) if self.doc is not None else None

    @functools.cached_property
    def survey(self) -> EntityMention | None:
        """ "a survey by Capgemini": "Capgemini survey", built when first asked."""
        return _survey(self.doc, self.entities) if self.doc is not None else None

    @functools.cached_property
    def bidder(self) -> EntityMention | None:
        """The company or person named most as making an offer ("a new offer from Malcolm Glazer", "Mr
        Glazer's proposals", "a bid by Xstrata"), built when first asked."""
        return _bidder_of(self, self.doc) if self.doc is not None else None

    @functools.cached_property
    def entity_index(self) -> tuple[list[int], list[EntityMention]]:
        """The mentions sorted by start, with their starts, for lookups by offset."""
        ordered = sorted(self.entities, key=lambda m: (m.start, m.end))
        return [m.start for m in ordered], ordered

    def mentions_between(self, lo: int, hi: int) -> list[EntityMention]:
        """The mentions that start at or after ``lo`` and before ``hi``, in text order."""
        starts, ordered = self.entity_index
        return ordered[bisect_left(starts, lo) : bisect_left(starts, hi)]

    @functools.cached_property
    def main_first(self) -> int:
        """Where the main ORG is first named (the headline included; a longer or shorter form of its
        name counts: "Manchester United" for "United"), -1 without one."""
        if self.main is None or self.first_person:
            return -1  # a letter written as "we" is its company's from the first line
        key, words = self.main.entity_key, set(self.main.canonical_name.casefold().split())
        topic = self.document.topic
        if (
            topic is not None
            and topic.entity_key == key
            or words <= set(self.document.headline_text.casefold().split())
        ):
            return -1  # the headline names it (the title may be a part of its own)

        def names_it(m: EntityMention) -> bool:
            other = set(m.canonical_name.casefold().split())
            return m.entity_key == key or words <= other or m.label == "ORG" and bool(other) and other <= words

        return min((m.start for m in self.entities if names_it(m)), default=-1)

    def antecedent(self) -> EntityMention | None:
        """The entity "it"/"the company" stands for: the article's main ORG, else the last ORG subject.
        An antecedent comes first: a main ORG first named after the amount being read ("... retail sales
        were up 2.1%. One of its card issuers, LG Card, was rescued") stands for nothing yet."""
        main = self.main
        here = self.amount.start_char if self.amount is not None else self.piece.end_char if self.piece else None
        if main is not None and here is not None and self.main_first >= here:
            main = None
        focus = self._paragraph_focus(here)
        return focus or main or (self.recent[-1] if self.recent else None)

    def _paragraph_focus(self, here: int | None) -> EntityMention | None:
        """ "Carlsberg saw annual profits fall. Its beer sales have been hit. Nevertheless, total sales
        increased 4%": a company other than the main one that a main clause of this paragraph was
        about, with the main company not named since, is what the paragraph goes on about."""
        if self.focus is None or here is None or self.main is None or self.piece is None:
            return None
        focus, end = self.focus
        if focus.entity_key == self.main.entity_key or here < end:
            return None
        text = doc_text(self.piece.doc)
        if "\n\n" in text[end:here] or "\n    " in text[end:here]:
            return None  # a new paragraph (a wire paragraph starts with an indented line)
        if any(m.entity_key == self.main.entity_key for m in self.mentions_between(end, here)):
            return None
        return focus

    def person(self) -> EntityMention | None:
        """The person "he"/"she" stands for: the last PERSON subject, else the article's main person."""
        return self.recent_people[-1] if self.recent_people else self.main_person


def dominant_org(doc_entities: Sequence[EntityMention], *, min_mentions: int = 2) -> EntityMention | None:
    """The only ORG, or the ORG mentioned most often (at least ``min_mentions`` times, more than any
    other; of two named equally often, the one named first)."""
    counts = Counter(m.entity_key for m in doc_entities if m.label == "ORG")
    if not counts:
        return None
    ranked = counts.most_common(3)
    key, n = ranked[0]
    if len(ranked) > 1 and n < min_mentions:
        return None
    if len(ranked) > 1 and ranked[1][1] == n:
        if len(ranked) > 2 and ranked[2][1] == n:
            return None  # three named as often: none dominates
        firsts = {k: min(m.start for m in doc_entities if m.entity_key == k) for k, _ in ranked[:2]}
        key = min(firsts, key=firsts.get)
    return next(m for m in doc_entities if m.entity_key == key)


def _context(doc: Doc, entities, doc_entities, published, title: str | None = None) -> ArticleContext:
    c = cues()
    first = len(token_indices_of(doc, "LOWER", c.first_person))
    # "Sri Lanka's stock market" tagged a person: a country's own name is a place, whatever the model said
    ents = tuple(_as_country(e) for e in entities)
    doc_entities = [_as_country(e) for e in doc_entities]
    # only this part's mentions have offsets into its text (the document's other parts count from their own start)
    traded = _traded_names(doc_text(doc), ents) | _named_as_it(doc_text(doc), ents)
    if traded:  # "Shares in Krispy Kreme sank": a company, whatever label the model gave the name
        ents = tuple(_as_company(e, traded) for e in ents)
        doc_entities = [_as_company(e, traded) for e in doc_entities]
    document = build_document(doc, ents, title=title, is_country_name=_is_country_name)
    if document.dateline is not None:
        # "SAN FRANCISCO (Reuters) -", "WELLINGTON, March 3 -": where the story was filed (and the
        # agency that filed it) is never what it is about
        start, end = document.dateline
        filed = {e for e in ents if start <= e.start < end}
        ents = tuple(e for e in ents if e not in filed)
        doc_entities = [e for e in doc_entities if e not in filed]
    media = _reporting_media(doc_text(doc), ents, doc_entities)
    if media:  # "told Reuters", "according to the AP news agency": whoever carried the story is not in it
        ents = tuple(e for e in ents if e.entity_key not in media)
        doc_entities = [e for e in doc_entities if e.entity_key not in media]
    letter = first >= c.first_person_min  # in a "we" letter the company need not be a subject
    main = _main_org(doc, ents, doc_entities, document, letter=letter)
    people = [e for e in doc_entities if e.label == "PERSON"]
    main_person = dominant_org([dataclasses.replace(e, label="ORG") for e in people], min_mentions=c.dominant_min)
    main_person = next((e for e in people if main_person and e.entity_key == main_person.entity_key), None)
    text = doc_text(doc)
    places = [
        dataclasses.replace(e, label="ORG")
        for e in doc_entities
        if (e.label == "GPE" and _is_country(e) or is_region(e))
        and not _reference_currency(e, text)
        and not in_ticker(text, e)
    ]
    country = document.country if document.country_weight >= c.country_min else None
    if country is None:
        country = dominant_org(places, min_mentions=c.country_min)
        country = next((e for e in doc_entities if country and e.entity_key == country.entity_key), None)
    if country is None and not places and document.dateline is not None:
        country = _dateline_country(text, document.dateline, doc_entities)  # "WASHINGTON, March 9 -": the U.S.
    parsed = parsed_doc(doc)
    company = cues().company_nouns
    nouns = token_indices(doc, "LEMMA", lambda w: w.lower() in company) if parsed else []
    owned = tuple(
        (t.i, t.lemma_.lower())
        for t in (doc[i] for i in nouns)
        if _is_company_noun(t)
        and not t.ent_type_
        and any(ch.dep_ == "poss" and (ch.pos_ == "PRON" or ch.ent_type_ in ("GPE", "NORP")) for ch in t.children)
        and not any(ch.dep_ in ("appos", "compound") and ch.ent_type_ for ch in t.children)  # "retail bank Absa"
    )
    return ArticleContext(
        ents,
        main,
        letter,
        published,
        main_person=main_person,
        names=_short_names(doc_entities),
        country=country,
        owned_nouns=owned,
        document=document,
        doc=doc if parsed else None,
    )


_RAN_SURVEY = frozenset({"conduct", "carry", "commission", "run", "publish", "release", "do"})


def _bidder_of(ctx: ArticleContext, doc: Doc) -> EntityMention | None:
    if not doc.has_annotation("DEP"):
        return None
    bids = cues().bid_nouns
    named: list[EntityMention] = []
    for t in doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in bids:
            continue
        makers = [g for ch in t.children if ch.dep_ == "prep" and ch.lower_ in ("from", "by") for g in ch.children]
        makers += [ch for ch in t.children if ch.dep_ == "poss"]
        for m in makers:
            ent = _entity_at(ctx, m)
            if ent is not None and ent.label in ("ORG", "PERSON"):
                named.append(ent)
    if not named:
        return None
    counts = Counter(e.entity_key for e in named)
    best = max(counts.values())
    return next(e for e in named if counts[e.entity_key] == best)  # the first named of the most named


def _survey(doc: Doc, ents: Sequence[EntityMention]) -> EntityMention | None:
    """The first survey or poll the article says who ran ("a Capgemini survey", "a poll by ICM",
    "Gallup's poll", "a survey carried out by Ipsos"), named "<who> <survey noun>"."""
    c = cues()

    def named(t: Token) -> EntityMention | None:
        ent = next((e for e in ents if e.start <= t.idx < e.end), None)
        return ent if ent is not None and ent.label in ("ORG", "PERSON", "GPE", "PRODUCT") else None

    by_report = None
    for t in (doc[i] for i in token_indices(doc, "LEMMA", lambda w: w.lower() in c.survey_nouns)):
        if t.pos_ != "NOUN":
            continue
        report = t.lemma_.lower() == "report"
        # a report is a survey only when a "by" / "from" names who wrote it ("The report by the Pew Research
        # Center"), never a company's own ("Acme published its annual report") nor an office's statistics
        who = [] if report else [ch for ch in t.children if ch.dep_ in ("compound", "poss")]
        preps = ("by", "from") if report else ("by", "for", "from")
        who += [p for ch in t.children if ch.dep_ == "prep" and ch.lower_ in preps for p in ch.children]
        # "a survey carried out by X", "The survey ... was carried out by consultancy group X"
        verbs = [a for a in t.children if a.dep_ == "acl"] + ([t.head] if t.dep_ == "nsubjpass" else [])
        who += [p for v in verbs for ag in v.children if ag.dep_ == "agent" for p in ag.children]
        if t.dep_ == "dobj" and t.head.lemma_.lower() in _RAN_SURVEY and not report:  # "when PwC conducted it"
            who += [ch for ch in t.head.children if ch.dep_ == "nsubj"]
        for w in (x for y in who for x in (y, *(ch for ch in y.children if ch.dep_ in ("compound", "appos")))):
            ent = named(w)
            if ent is not None:
                name = f"{ent.canonical_name} {t.lemma_.lower()}"
                found = EntityMention(ent.start, ent.end, name, "SURVEY", name, "SURVEY:" + name.casefold())
                if not report:
                    return found
                by_report = by_report or found  # a report stands for a survey only when no survey is named
                break
    return by_report


def _product_name(token: Token) -> list[Token]:
    """The name a product noun carries: its proper-noun compounds ("the Cell processor"), or what
    it is dubbed or called ("a service dubbed Napster To Go")."""
    names = [ch for ch in token.children if ch.dep_ == "compound" and ch.pos_ == "PROPN" and not _a_unit(ch)]
    if names:
        return sorted({t for ch in names for t in ch.subtree if t.pos_ in ("PROPN", "NUM")}, key=lambda t: t.i)
    for ch in token.children:  # "a service - dubbed Napster To Go": the parser may make the name an apposition
        if ch.dep_ == "appos" and ch.pos_ == "PROPN":  # "the gadget, Sony's PlayStation Portable": not the maker
            owners = {t.i for p in ch.children if p.dep_ == "poss" for t in p.subtree}
            return [t for t in ch.subtree if t.pos_ in ("PROPN", "NUM") and t.i not in owners]
    for acl in token.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in ("dub", "call", "name", "brand"):
            for ch in acl.children:
                if ch.dep_ in ("oprd", "dobj", "attr", "xcomp") and ch.pos_ == "PROPN":
                    return [t for t in ch.subtree if not t.is_punct and not t.is_space]
    return []


def _a_unit(token: Token) -> bool:
    """A word right after a number is the amount's unit, not a name ("a 512 kilobit service", "a 60 GB player"),
    whatever tag the model gave it."""
    return token.i > 0 and token.doc[token.i - 1].like_num or any(ch.dep_ == "nummod" for ch in token.children)


def _main_product(doc: Doc, ents: Sequence[EntityMention]) -> EntityMention | None:
    """The product the article names most on a product noun ("the Gizmondo device"), if one leads."""
    nouns = cues().product_nouns
    counts: Counter[str] = Counter()
    first: dict[str, list[Token]] = {}
    for t in (doc[i] for i in token_indices(doc, "LEMMA", lambda w: w.lower() in nouns)):
        if t.pos_ == "NOUN":
            name = _product_name(t)
            if name:
                key = " ".join(x.text for x in name)
                counts[key] += 1
                first.setdefault(key, name)
    text = doc_text(doc)
    for key in counts:  # the product the article is about is also named most
        counts[key] += text.count(key)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    name = first[ranked[0][0]]
    start, end = name[0].idx, name[-1].idx + len(name[-1].text)
    named = next((e for e in ents if e.start <= start < e.end), None)
    if named is not None and named.label not in ("PERSON", "NORP", "DATE"):
        return named
    surface = text[start:end]
    return EntityMention(start, end, surface, "PRODUCT", surface, "PRODUCT:" + surface.casefold())


def _main_org(doc: Doc, ents, doc_entities, document: DocumentModel, *, letter: bool) -> EntityMention | None:
    """The company "it" and "the company" stand for: a wire headline's ticker company, else the
    clearly dominant ORG (unless only named in passing), else the company of the headline."""
    wire = (
        cues().ticker_headline.search(document.headline_text)
        or cues().bracketed_headline.search(document.headline_text)
        or results_company(document.headline_text) is not None
    )
    if document.topic is not None and wire:
        return document.topic  # never a figure's name: build_document leaves such a topic out
    main = dominant_org(doc_entities, min_mentions=cues().dominant_min)
    if main is not None and _only_after_the_lead(doc, main, doc_entities, document):
        main = None  # the only company, named only far down ("a report by Transparency International"): in passing
    if main is not None and _only_a_source(doc_text(doc), main, ents):
        main = None  # "according to market analysts Nielsen/NetRatings", "a report by ...": whose figures these are not
    if main is not None and common_word(doc)(main.canonical_name):
        main = None  # "digital" written in lower case through the text: "Digital" is no company
    topic = document.topic
    if topic is not None and topic.label == "ORG":
        main = topic  # the company of the headline, named again in the text (the headline counts once)
    if (
        main is not None
        and doc.has_annotation("DEP")
        and not letter
        and not _ever_in_front(doc, main, ents, doc_entities)
    ):
        main = None  # named only in passing ("investors including Sequoia Capital"): not what "it" means
    return None if main is not None and (figure_name(main) or legislature(main)) else main


LEAD_CHARS = 600  # the lead: the first paragraphs of the body, about 100 words


def _only_after_the_lead(doc: Doc, main: EntityMention, doc_entities, document: DocumentModel) -> bool:
    """Whether every mention of the name comes after the lead (past the headline and about 100 words),
    and none is the headline's: not the company the article is about ("Two ships - the Royal Fleet
    Auxiliary ship Diligence ..." at the end of a story on government aid)."""
    if document.topic is not None and document.topic.entity_key == main.entity_key:
        return False
    start = document.headline[1] if document.headline else 0
    # a mention may be another part's (its offset is not into this text): a part shorter than the offset,
    # such as the headline, does not judge
    end = len(doc_text(doc))
    mentions = [m for m in doc_entities if m.entity_key == main.entity_key]  # main is one (dominant_org)
    return all(m.start - start > LEAD_CHARS and m.start < end for m in mentions)


_SOURCE_BEFORE = re.compile(
    r"(?:\baccording\s+to|\b(?:report|study|survey|research|figures|data|poll|analysis|estimates?|forecasts?)"
    r"\s+(?:by|from|of)|\b(?:analysts?|researchers?|consultants?|consultancy|pollsters?|research\s+(?:firm|group|company))"
    r")\s+(?:(?:the|market|independent|industry|research|analysts?|firm|group|[A-Za-z.]+-(?:based|published))\s+){0,3}$",
    re.IGNORECASE,
)
_SOURCE_AFTER = re.compile(
    r"\s+(?:analysts?|researchers?|economists?|study|survey|report|research|poll)\b", re.IGNORECASE
)


def _only_a_source(text: str, main: EntityMention, ents: Sequence[EntityMention]) -> bool:
    """Whether this part names the company only as the source of figures ("according to market
    analysts Nielsen/NetRatings", "the report by Nielsen/NetRatings", "Nielsen/NetRatings analyst"):
    a research firm the story quotes, not the company it is about."""
    mine = [m for m in ents if m.entity_key == main.entity_key and m.end <= len(text)]
    return bool(mine) and all(
        _SOURCE_BEFORE.search(text, max(0, m.start - 60), m.start) or _SOURCE_AFTER.match(text, m.end) for m in mine
    )


_MONEY_SUPPLY = re.compile(r"(?i)\bmoney\s+(?:supply|stock)\b|\bmonetary\s+aggregate")


def state_body(entity: EntityMention) -> bool:
    """A government body ("Agriculture Ministry", "Commerce Department") or a central bank ("the
    Bundesbank"): it reports, it owns no output."""
    if entity.label != "ORG":
        return False
    name = entity.canonical_name.casefold()
    return bool(set(name.split()) & cues().state_body_words) or any(b in name for b in cues().central_banks)


def _opens_headline(ent: EntityMention, headline: str) -> bool:
    """Whether a company's first name word is a word of the headline ("DIXONS GETS ONLY 20 PCT OF CYCLOPS"):
    the story is about what it does, whoever the ticker is."""
    first = ent.canonical_name.split()[0] if ent.canonical_name.split() else ""
    if len(first) < 3 or first.casefold() in cues().name_stopwords:
        return False
    return re.search(r"(?<![\w'])" + re.escape(first) + r"(?![\w'])", headline, re.IGNORECASE) is not None


def _titled(subject: Token, ent: EntityMention) -> bool:
    """Whether a speaker's name follows a role in lower case ("lead manager Citicorp Investment Bank said"): a
    company speaking in a role for the story's company, not for itself."""
    return any(t.pos_ == "NOUN" and t.is_lower and t.idx < ent.start for t in subject.subtree)


def rating_agency(entity: EntityMention) -> bool:
    """A credit rating agency ("Moody's Investors Service", "Standard and Poor's Corp"): it speaks about a
    company's debt, it is never "the company" of the story."""
    name = f" {entity.canonical_name.casefold()} "
    return any(f" {w} " in name for w in cues().rating_agency_words)  # whole words: not "Fitchburg Gas"


def legislature(entity: EntityMention) -> bool:
    """A legislature ("Congress", "the Senate", "Scottish Parliament", "House of Commons"): it debates a
    budget, it is not the company a story's unowned figures belong to. A longer name is a meeting or a
    party ("American Pork Congress", "Indian National Congress")."""
    if entity.label != "ORG":
        return False
    words = entity.canonical_name.casefold().removeprefix("the ").split()
    if words[:2] == ["house", "of"]:
        return len(words) == 3 and words[2] in cues().legislature_words  # "House of Commons"
    if not words or words[-1] not in cues().legislature_words:
        return False  # "Congressional Quarterly", "Congress Financial Corp": the word is no head
    # alone ("Congress", "the Senate") or after a place or a people's word ("US Congress", "Scottish Parliament",
    # "National Assembly"), not a name of its own ("Creative Commons")
    c = cues()
    if len(words) == 1:
        return True
    first = words[0]
    people = first.capitalize() in c.demonyms or first.endswith(("ian", "ese", "ish"))  # "Georgian Parliament"
    place = first in c.legislature_modifiers or _is_country_name(first) or people
    return len(words) == 2 and place


def public_body(entity: EntityMention) -> bool:
    """A government body, central bank or public / international body ("the IMF", "the Economic
    Commission for Latin America"): it forecasts and reports an economy's figures, it owns none."""
    if entity.label != "ORG":
        return False
    if state_body(entity):
        return True
    words = entity.canonical_name.casefold().split()
    if cues().company_suffix.search(entity.text):
        return False  # "Union Carbide Corp", "Fund American Cos": a company
    if len(words) > 1 and words[1] not in ("of", "for", "on"):
        words = words[1:]  # "Union Carbide", "Reserve Petroleum": a company's first word, not "Union of ..."
    return bool(set(words) & cues().public_body_words)


def is_index(entity: EntityMention) -> bool:
    """A stock market index: "the Dax index", "the Nasdaq", "the FTSE 100"."""
    words = set(entity.canonical_name.casefold().replace("-", " ").split())
    return "index" in words or bool(words & cues().index_names)


_SHARES_BEFORE = re.compile(r"(?i)\bshares\s+(?:in|of)\s+$")
_SHARES_AFTER = re.compile(r"(?:'s)?\s+shares\b(?!\s+(?:her|his|their|its|the|a|an|this|that|with)\b)")
_NOT_COMPANY_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "DATE", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"})


def _traded_names(text: str, mentions: Sequence[EntityMention]) -> frozenset[str]:
    """Keys of names the model did not take for a company that have shares ("Shares in Krispy Kreme",
    "Krispy Kreme shares"): only companies do."""
    keys = set()
    for e in mentions:
        if e.label in _NOT_COMPANY_LABELS:
            continue
        if _SHARES_BEFORE.search(text, max(0, e.start - 20), e.start) or _SHARES_AFTER.match(text, e.end):
            keys.add(e.entity_key)
    return frozenset(keys)


def _reporting_media(
    text: str, mentions: Sequence[EntityMention], doc_entities: Sequence[EntityMention]
) -> frozenset[str]:
    """Keys of names this part only ever gives as the medium of a story: "he told Reuters",
    "speaking to the BBC News website", "according to the AP news agency", "Reuters quoted a
    trader as saying", and of names it calls a news agency ("the official news agency Tass said
    ... , Tass said"). Such a name is never a subject; one named in any other role (or in another
    part: other parts' offsets are not into ``text``) is kept."""
    roles: dict[str, bool] = {}
    agencies: set[str] = set()
    for e in mentions:
        if e.label != "ORG":
            continue
        if _AGENCY_BEFORE.search(text, max(0, e.start - 40), e.start) or _AGENCY_AFTER.match(text, e.end):
            agencies.add(e.entity_key)  # "the official news agency Tass": a wire service wherever it is named
        medium = bool(_MEDIUM_BEFORE.search(text, max(0, e.start - 40), e.start) or _MEDIUM_AFTER.match(text, e.end))
        if not medium and _ACCORDING_TO.search(text, max(0, e.start - 40), e.start):
            medium = _news_name(e)  # "according to the Financial Times"; not "according to Continental Research"
        roles[e.entity_key] = roles.get(e.entity_key, True) and medium
    for key in agencies:
        roles[key] = True
    if not any(roles.values()):
        return frozenset()
    here = Counter(e.entity_key for e in mentions)
    everywhere = Counter(e.entity_key for e in doc_entities)
    return frozenset(k for k, medium in roles.items() if medium and everywhere[k] <= here[k])


_ACCORDING_TO = re.compile(r"\baccording to\s+(?:the\s+)?$", re.IGNORECASE)


def _news_name(e: EntityMention) -> bool:
    """A name that says it is a news medium ("the Financial Times", "Xinhua", "the BBC News website")."""
    return bool(set(re.findall(r"[a-z]+", e.canonical_name.casefold())) & cues().news_words)


_MEDIUM_BEFORE = re.compile(
    r"\b(?:told|tell|tells|telling|interview with|(?:reported|quoted|carried) by"
    r"|(?:speaking|spoke|talking|talked|said|denied|confirmed|pointed out|explained|revealed|admitted) to)"
    r"\s+(?:the\s+)?(?:news agency\s+)?$",
    re.IGNORECASE,
)
_AGENCY_BEFORE = re.compile(r"\b(?:news|press)\s+agency\s+$", re.IGNORECASE)  # "the official news agency Tass"
_AGENCY_AFTER = re.compile(r"\s+(?:news|press)\s+agency\b", re.IGNORECASE)  # "the Xinhua news agency"
_MEDIUM_AFTER = re.compile(r"\s+(?:(?:news\s+)?agency|newswire|(?:news\s+)?website)\b|\s+quoted\b")
_WHICH_AFTER = re.compile(r",\s+which\b")


def _its_within(words: int) -> re.Pattern[str]:
    """ "is parting company with its": an "its" at most ``words`` words after a name's verb."""
    return re.compile(r"\s+(?:is|was|has|had|will|would)\s+(?:[a-z]+\s+){0," + str(words) + r"}?its\b")


_ITS_AFTER = _its_within(4)
_SAYS_IT_AFTER = re.compile(
    r"\s+(?:says|said|claims|claimed|insists|insisted|argues|argued)\s+(?:that\s+)?it\s+(?:is|was|has|had|will|would)\b"
)
_ITS_NEAR = _its_within(6)
_WHO_AFTER = re.compile(r",\s+who\b")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor)\.?\s+$")
_TITLE_START = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor)\.?\s")  # "Mr Ebbers" as one name


def _named_as_it(text: str, mentions: Sequence[EntityMention]) -> frozenset[str]:
    """Keys of names the model took for a person or a place that the text treats as a company:
    "Laura Ashley, which floated in 1995", "Laura Ashley is parting company with its chief
    executive", "The Titan corporation", "Titan, a California-based company"; never a person with a
    title ("Ms Ashley") or a "who", never a country or a name written after "in"/"from"."""
    votes: dict[str, int] = {}
    weak: dict[str, set[str]] = {}  # cues that count only together ("Blair said it was right" alone is no firm's)
    for e in mentions:
        if e.label == "PERSON":
            titled = _TITLE_BEFORE.search(text, max(0, e.start - 12), e.start) or _TITLE_START.match(e.text)
            against = titled or _WHO_AFTER.match(text, e.end)
            company = _WHICH_AFTER.match(text, e.end) or _ITS_AFTER.match(text, e.end)
            # "Yukos claims that it is being punished ... Yukos is not planning on letting go of its unit": a one-word
            # name that says "it" of itself and has an "its" a few words on, both
            if " " not in e.canonical_name and _SAYS_IT_AFTER.match(text, e.end):
                weak.setdefault(e.entity_key, set()).add("says it")
            if " " not in e.canonical_name and _ITS_NEAR.match(text, e.end):
                weak.setdefault(e.entity_key, set()).add("its")
        elif e.label == "GPE" and not _is_country_name(e.canonical_name):
            against = _PLACE_BEFORE.search(text, max(0, e.start - 8), e.start)
            against = against and not _company_owned(text, e)  # "shares in Vantrex"
            company = _COMPANY_WORD_AFTER.match(text, e.end) or _COMPANY_APPOSITION.match(text, e.end)
            if not company and country_of_place(e.canonical_name) is None:  # no town of that name
                company = _company_owned(text, e)
        else:
            continue
        if against:
            votes[e.entity_key] = -1_000
        elif company:
            votes[e.entity_key] = votes.get(e.entity_key, 0) + 1
    for key, cues_seen in weak.items():
        if len(cues_seen) == 2 and votes.get(key, 0) >= 0:
            votes[key] = votes.get(key, 0) + 1
    return frozenset(k for k, n in votes.items() if n > 0)


_PLACE_BEFORE = re.compile(r"\b(?:in|from|to|near|across|of)\s+$", re.IGNORECASE)
_COMPANY_WORD_AFTER = re.compile(r"\s+(?:corporation|corp|company|group|inc|plc)\b")
_COMPANY_APPOSITION = re.compile(
    r",\s+an?\s+(?:[\w-]+\s+){0,3}?(?:company|firm|group|maker|retailer|carrier|insurer|manufacturer|producer)\b"
)


# (what governments have too, a spokesman, a boss, profits from tourism, stays a place's; "Texas shares a border")
_OWNED_AFTER = re.compile(
    r"(?:'s?)?\s+(?:shares\b(?!\s+(?:her|his|their|its|the|a|an|this|that|with)\b)|stock\s+(?!market|exchange)"
    r"|chief\s+executive|chairman|chairwoman|(?:[a-z]+\s+){1,2}its\s+shares\b)|'s?\s+(?:subsidiar(?:y|ies)|shareholders)\b"
)


def _company_owned(text: str, e: EntityMention) -> bool:
    """A name the model took for a place that has what only companies have: "Electrolux saw its shares rise",
    "Electrolux chief executive Hans Straberg", "Electrolux's subsidiary brands", "shares in Electrolux"."""
    shares_in = _SHARES_BEFORE.search(text, max(0, e.start - 20), e.start) and not _NAME_GOES_ON.match(text, e.end)
    return bool(_OWNED_AFTER.match(text, e.end) or shares_in)  # (not "shares in Halloran Pharma": a longer name)


_NAME_GOES_ON = re.compile(r"\s+[A-Z]")


def _as_company(e: EntityMention, traded: frozenset[str]) -> EntityMention:
    return relabelled(e, "ORG") if e.entity_key in traded else e


def _as_country(e: EntityMention) -> EntityMention:
    return relabelled(e, "GPE") if e.label in ("PERSON", "ORG") and _is_country_name(e.canonical_name) else e


def relabelled(e: EntityMention, label: str) -> EntityMention:
    """The mention under another label, its key moved with it ("PERSON:krispy kreme" -> "ORG:krispy kreme")."""
    return dataclasses.replace(e, label=label, entity_key=f"{label}:" + e.entity_key.split(":", 1)[-1])


def _mentions(entities: Sequence[EntityMention], entity: EntityMention) -> int:
    return sum(1 for e in entities if e.entity_key == entity.entity_key)


def _dateline_country(text: str, dateline: tuple[int, int], entities: Sequence[EntityMention]) -> EntityMention | None:
    """The country of the dateline's city (``gazetteer``), as the article names it, for a story that
    names no country of its own."""
    place = dateline_place(text, dateline)
    code = dateline_region_code(text, dateline) or (country_of_place(place) if place else None)
    name = country_name(code, text) if code else None
    if name is None:
        return None
    named = next((e for e in entities if e.label == "GPE" and e.canonical_name.casefold() == name.casefold()), None)
    return named or EntityMention(
        dateline[0], dateline[0] + len(place or ""), name, "GPE", name, "GPE:" + name.casefold()
    )


def _name_words(e: EntityMention) -> list[str]:
    """A mention's words without a leading article ("the Amalgamated Sugar Co")."""
    words = e.text.split()
    return words[1:] if words and words[0].lower() in ("the", "a", "an") else words


def _short_names(doc_entities: Sequence[EntityMention]) -> dict[str, EntityMention]:
    """Short forms that stand for an entity named in full elsewhere: one-word names, a surname,
    the first word of a company name, initials."""
    names: dict[str, EntityMention] = {}
    for e in doc_entities:
        if e.label in ("ORG", "PERSON", "GPE") and " " not in e.text and e.text[:1].isupper():
            names.setdefault(e.text, e)
    surnames: dict[str, set[str]] = {}
    for e in doc_entities:  # "Mr Balls" where the NER missed it, for "Ed Balls" named elsewhere
        if e.label == "PERSON" and " " in e.canonical_name:
            surnames.setdefault(e.canonical_name.split()[-1], set()).add(e.entity_key)
    for e in doc_entities:
        last = e.canonical_name.split()[-1] if e.label == "PERSON" and " " in e.canonical_name else ""
        if last and len(surnames[last]) == 1:
            names.setdefault(last, e)
    starts: dict[str, set[str]] = {}
    for e in doc_entities:  # a one-word mention is the short form itself ("Amalgamated", the NER's NORP)
        words = _name_words(e)
        if len(words) > 1:
            starts.setdefault(words[0], set()).add(e.entity_key)
    for e in doc_entities:  # "Nest" for "Nest Labs", when only one entity name starts so
        words = _name_words(e)
        first = words[0] if words else ""
        if e.label == "ORG" and len(words) > 1 and first[:1].isupper() and len(starts.get(first, ())) == 1:
            names.setdefault(first, e)
    by_initials: dict[str, set[str]] = {}
    for e in doc_entities:  # "the JSE" for "the Jakarta Stock Exchange", when the NER missed it
        if e.label == "ORG" and len(e.canonical_name.split()) > 1:
            by_initials.setdefault(initials(e.canonical_name), set()).add(e.entity_key)
    for e in doc_entities:
        keys = by_initials.get(initials(e.canonical_name), set()) if e.label == "ORG" else set()
        if len(keys) == 1 and len(e.canonical_name.split()) > 1 and len(initials(e.canonical_name)) >= 3:
            names.setdefault(initials(e.canonical_name), e)
    return names


@functools.cache
def _countries() -> frozenset[str]:
    """Country names: the GPE patterns of the entity fixes and the demonym table's countries."""
    rows = load_fixes()
    names = {r["pattern"] for r in rows if r["label"] == "GPE" and isinstance(r["pattern"], str)}
    return frozenset(n.casefold() for n in names | set(cues().demonyms.values()))


def _is_country_name(name: str) -> bool:
    key = name.casefold()
    return key in _countries() or key.replace(".", "") in _countries()  # "U.S.", "U.K."


def _is_country(e: EntityMention) -> bool:
    return _is_country_name(e.canonical_name)


def parsed_doc(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _ever_in_front(doc: Doc, main: EntityMention, ents, doc_entities) -> bool:
    """Whether the ORG is named other than in passing ("investors including Sequoia Capital", "said
    Ann Lee, economist at JP Morgan Chase", "a Barclays analyst"), or is named in another part of
    the article."""
    here = [e for e in ents if e.entity_key == main.entity_key]
    if len([e for e in doc_entities if e.entity_key == main.entity_key]) > len(here):
        return True
    c = cues()
    for e in here:
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            continue
        t = span.root
        while t.dep_ in ("compound", "appos", "conj") and t.head != t:
            if t.dep_ == "compound" and t.head.lemma_.lower() in c.commentator_nouns:
                break  # "a Barclays analyst"
            t = t.head
        if t.dep_ == "compound" and t.head.lemma_.lower() in c.commentator_nouns:
            continue
        if t.dep_ == "pobj" and t.head.lower_ in c.passing_preps:
            continue
        employer = t.dep_ == "pobj" and t.head.lower_ in ("at", "of", "with", "for")
        if employer and t.head.head.lemma_.lower() in c.commentator_nouns:
            continue  # "economist at JP Morgan Chase"
        return True
    return False


def _entity_at(ctx: ArticleContext, token: Token) -> EntityMention | None:
    starts, ordered = ctx.entity_index
    i = bisect_right(starts, token.idx) - 1
    for m in ordered[max(0, i - 2) : i + 1]:  # the mention starting last before the token (or one it nests in)
        if m.start <= token.idx < m.end:
            return m
    # a name the NER missed here but found elsewhere in the article ("Citadel shares closed ...", and
    # "Travelers had sales of $5.2bn" for Travelers Life & Annuity, the tagger's plural noun)
    named = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())
    return ctx.names.get(token.text) if named and not negated_name(token) else None


def negated_name(token: Token) -> bool:
    """Whether a name is written after "non-" ("Non-EU exports rose 7.5%"): everywhere but there."""
    return token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "non"


# "the company share price", "R&D spending", "its marketing costs": measures of a company, not of an economy
_COMPANY_MEASURES = frozenset(
    {"share", "stock", "company", "r&d", "research", "marketing", "advertising"}
    # the price of a company's securities or deals: "the initial offering price", "the exercise price"
    | {"offering", "offer", "issue", "exercise", "conversion", "redemption", "subscription", "purchase", "tender"}
)


def _priced_goods(prop: Token) -> bool:
    """ "prices for the new models", "the price of the machine": the price of goods the text names is the
    seller's figure, not the economy's ("prices of imported goods" and "the price of oil" stay macro)."""
    if prop.lemma_.lower() not in _PRICE_NOUNS:
        return False
    for prep in (ch for ch in prop.rights if ch.dep_ == "prep" and ch.lower_ in ("of", "for")):
        for thing in (p for p in prep.children if p.dep_ == "pobj"):
            if thing.pos_ == "NOUN" and not thing.ent_type_ and not macro_noun(thing):
                c, lemma = cues(), thing.lemma_.lower()
                national = any(t.lower_ in c.national_modifiers for t in thing.lefts)
                return not national and lemma not in _HOUSEHOLD and lemma not in c.commodity_nouns
    return False


_PRICE_NOUNS = frozenset({"price", "cost"})
# what every household buys: its prices are the economy's ("the price of homes", "the cost of food")
_HOUSEHOLD = frozenset({"home", "house", "housing", "property", "flat", "food", "fuel", "energy", "good", "rent"})


def macro_noun(token: Token | None) -> bool:
    """Whether a property noun names a figure of a country's economy: "inflation", "exports", or
    with its modifiers "gross domestic product", "current account"."""
    if token is None:
        return False
    owners = cues().country_owner
    if any(ch.dep_ == "compound" and ch.lemma_.lower() in _COMPANY_MEASURES for ch in token.children):
        return False  # "the company share price", "its stock price": a company's, not an economy's
    if _priced_goods(token):
        return False
    if token.lemma_.lower() == "demand" and any(ch.lemma_.lower() in cues().claim_modifiers for ch in token.lefts):
        return False  # "a $27.5bn tax demand", "a wage demand": a claim on someone, not an economy's demand
    if token.lemma_.lower() in owners or token.lower_ in owners:  # "imports" (lemma "import")
        return True
    if "-" in token.text and token.lower_.replace("-", "") in owners:  # "M-3" as "M3"
        return True
    # a lower-case word is no name even where the model ran a dateline date into it ("April 3 - Canadian foreign")
    mods = [t for t in token.lefts if t.dep_ in ("compound", "amod") and (not t.ent_type_ or t.is_lower)]
    if any(" ".join([*(t.lower_ for t in mods[k:]), token.lower_]) in owners for k in range(len(mods))):
        return True
    for prep in (ch for ch in token.rights if ch.dep_ == "prep"):  # "cash in circulation"
        if any(f"{token.lower_} {prep.lower_} {p.lower_}" in owners for p in prep.children if p.dep_ == "pobj"):
            return True
    # "wheat export volume", "current account shortfall": a measure of an economic figure
    phrases = (" ".join(t.lower_ for t in mods[k:]) for k in range(len(mods)))
    if token.lower_ in cues().measure_nouns and any(p in owners or p + "s" in owners for p in phrases):
        return True
    if token.lemma_.lower() in cues().forecast_nouns:  # "an estimate of 0.1% growth": what is estimated
        return any(
            p.dep_ == "pobj" and macro_noun(p) for ch in token.children if ch.lower_ == "of" for p in ch.children
        )
    return False


def _expletive(token: Token) -> bool:
    """ "It is hard to sell 500 cars", "it's not a sustainable situation to expect carers to pay", "It is
    unlikely that sales will top $5m": the subject of "be" with a complement and a clause put after it; "It is
    thought that half a million children skip school", "It is estimated 5,000 people died": the subject of a
    passive whose clause follows."""
    verb = token.head
    if token.dep_ == "nsubjpass":
        # only a verb of saying or thinking ("it was told that ..." is someone told, "it is thought by Acme" has a
        # thinker)
        said = verb.lemma_.lower() in cues().dummy_it_passives and not any(ch.dep_ == "agent" for ch in verb.children)
        return said and any(ch.dep_ == "ccomp" and ch.i > verb.i for ch in verb.children)
    if token.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return False
    kids = list(verb.children)
    complement = any(ch.dep_ in ("acomp", "attr") for ch in kids)
    return complement and any(ch.dep_ in ("xcomp", "ccomp") and ch.i > token.i for ch in kids)


def _bare_the(token: Token) -> bool:
    """ "the <noun>" and nothing else said of it (the "'s" of "the agency's staff" is grammar)."""
    return [ch.lower_ for ch in token.children if ch.dep_ not in ("punct", "case")] == ["the"]


def _city_noun(token: Token) -> bool:
    """ "the city", "the capital": a bare noun for the place named last that is no country."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in ("city", "capital", "town"):
        return False
    return _bare_the(token)


# what a figure is called when a sentence points back to the one before ("that estimate", "this figure")
_FIGURE_NOUNS = frozenset({"estimate", "figure", "forecast", "projection", "total", "sum", "target"})


def pointing_back(token: Token) -> bool:
    """ "That estimate", "this figure": a demonstrative and a noun naming a figure, standing for the
    figure of the sentence before (whose subject it keeps)."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and token.dep_ == "nsubj"  # not "That figure was endorsed by three companies"
        and token.lemma_.lower() in _FIGURE_NOUNS
        and any(ch.dep_ == "det" and ch.lower_ in ("that", "this") for ch in token.children)
    )


def _party_for(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """ "the party", "his party": the party of the person the sentence is about (its main subject),
    else of the person "he" stands for."""
    root = token.sent.root
    subject = next((ch for ch in root.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    named = _entity_at(ctx, subject) if subject is not None else None
    person = named if named is not None and named.label == "PERSON" else ctx.person()
    if person is None:
        return None
    own = party_of(token.doc, ctx.entities, person, lambda t: _entity_at(ctx, t))
    return own or _story_party(ctx)


def _story_party(ctx: ArticleContext) -> EntityMention | None:
    """The party the article names most, more often than any other and at least twice ("Charles
    Kennedy ... his party" in a story about the Liberal Democrats, his title never given)."""
    counts = Counter(m.entity_key for m in ctx.entities if is_party(m))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return next(m for m in ctx.entities if m.entity_key == ranked[0][0])


def _name_before(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """The name that ends right before the comma before ``token``, over a bracketed abbreviation ("Elevco (ELC),")."""
    doc = token.doc
    comma = word_before(doc, token.i)
    if comma is None or comma.text != ",":
        return None  # "the thriller Constantine which opened at number two": no name set off before it
    last = word_before(doc, comma.i)
    while last is not None and last.text == ")":
        last = word_before(doc, last.i)
    if last is not None and last.i >= 2 and doc[last.i - 1].text == "(" and doc[last.i + 1].text == ")":
        last = word_before(doc, last.i - 1)  # "(ELC)": the abbreviation of the name before it
    return _entity_at(ctx, last) if last is not None else None


def _resolve(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """The entity a subject-like token stands for: a named entity, or "the company"/"it"/"we"."""
    c = cues()
    ent = _entity_at(ctx, token)
    if ent is not None:
        if figure_name(ent):
            return None  # "Total M3 rose 22.4 pct": a money aggregate the NER took for a name is a figure
        people = people_country(ctx, token) if ent.label == "NORP" else None
        if people is not None:
            return people  # "5.2 million Germans were out of work"
        government = capital_acting(ctx, token, ent) if ent.label == "GPE" else None
        if government is not None:
            return government  # "Washington announced plans to put 300 mln dlrs in tariffs": the U.S.
        return ent if ent.label in c.subject_labels else None
    ticker = _ticker_owner(ctx, token)
    if ticker is not None:
        return ticker  # "Kawasaki Heavy Industries Ltd <KAWH.T> will increase output": the parser's subject is "<"
    parsed = token.doc.has_annotation("DEP")  # without a parse, walking the tree is not safe
    state = _nationality(ctx, token) if parsed else None
    if state is not None:
        return state[1]
    # "Chinese smartphone maker Xiaomi": name as modifier; an apposition first, as it names the noun itself
    # ("The Tenneco unit, Newport News Shipbuilding, asked": the unit, not its owner)
    for child in sorted(token.children, key=lambda ch: ch.dep_ != "appos") if parsed else ():
        if child.dep_ in ("appos", "compound"):
            ent = _entity_at(ctx, child)
            if ent is not None and ent.label in ("ORG", "PERSON") and not (is_party(ent) and title_noun(token)):
                return ent  # (not "the Tory deputy chairman": a person with the party's title)
    low = token.lower_
    pronoun = low in c.third_person or low in c.person_pronouns or low in c.first_person
    if pronoun and len(token.text) > 1 and token.text.isupper() and not _caps_sentence(token):
        return None  # "HIS dropping 3.3%", "IT spending": capitals in mixed-case text are a name, not a pronoun
    if parsed and low == "it" and _is_the_figure(ctx, token):
        return None  # "In Wales it was just over 59,000": "it" is the figure, not a company
    if (
        parsed
        and low == "it"
        and token.head.dep_ == "relcl"
        and any(ch.lower_ == "where" for ch in token.head.children)
    ):
        place = _entity_at(ctx, token.head.head)  # "The biggest jump was in Italy, where it rose by 120%"
        return place if place is not None and place.label in ("GPE", "LOC") else None
    if parsed and low == "it" and _expletive(token):
        return None  # "it's not sustainable to expect carers to pay": "it" stands for nothing
    joined = _conjunct_clause_subject(ctx, token) if parsed and low in ("it", "its") else None
    if joined is not None:
        return joined
    if parsed and low in ("which", "that", "who") and token.head.dep_ == "relcl":  # "WhatsApp, which has ..."
        noun = token.head.head
        if noun.dep_ == "appos" and noun.pos_ == "NOUN" and not noun.ent_type_:
            noun = noun.head  # "Yugansk, the unit which produced 60% of the output": the named unit
        found = _resolve(ctx, noun) if noun != token else None
        if low == "which" and found is not None and found.label == "PERSON" and _entity_at(ctx, noun) is found:
            # "which" never stands for a person: "Jan Vos, director of Elevco (ELC), which handles 95 pct of the
            # grain" is the firm written right before ", which", wherever the parser hung the clause
            before = _name_before(ctx, token)
            return before if before is not None and before.label == "ORG" else found
        return found
    if low in c.person_pronouns:  # "He founded the company": the person the text is about
        if parsed:
            from .quotes import in_quote, quote_speaker

            if in_quote(token.doc, token):  # 'Lee said: "His forecast is too high"': someone else, not Lee
                speaker = quote_speaker(ctx, token)
                keys = {speaker.entity_key} if speaker is not None else set()
                return next((p for p in (ctx.main_person, ctx.person()) if p and p.entity_key not in keys), None)
            own = None if _is_country_noun(token.head) else _person_subject_before(ctx, token)
            # "Simon Fuller has seen his wealth plummet": Fuller's (not "the minister said his country needs")
            if own is not None:
                return own
        return ctx.person()
    if parsed and pointing_back(token) and ctx.last_subject is not None:
        return ctx.last_subject[1]  # "Colombia hopes to earn 1.5 bln dlrs. That estimate would represent ..."
    made = _deal_maker(ctx, token) if parsed else None
    if made is not None:
        return made  # "Bank of China has taken a stake in BAII. The stake was between three and five pct"
    if parsed and _city_noun(token):
        city = next(
            (m for m in reversed(ctx.mentions_between(0, token.idx)) if m.label == "GPE" and not _is_country(m)), None
        )
        if city is not None:
            return city  # "Beijing plans to curb traffic ... cars on the city's roads"
    if parsed and party_noun(token):
        party = _party_for(ctx, token)  # "the party repaid £500,000" after "Tory co-chairman Liam Fox"
        if party is not None:
            return party
    if _is_country_noun(token):
        # "the government", "the island state": the country named last (this sentence or the one
        # before), else the one the article is about
        return acting_government(ctx, token, country_for(ctx, token))
    named = _named_by_head(ctx, token) if parsed else None
    if named is not None:
        return named
    if (
        parsed
        and token.lower_ == "ministers"
        and not any(ch.dep_ in ("poss", "compound", "amod", "prep") for ch in token.children)
    ):
        return country_for(ctx, token)  # "Ministers had hoped to get £900m": the government's
    if parsed and low in ("they", "their", "them"):
        joined = _joined_subject_before(ctx, token)  # "George Soros and his fund said they raised their stake"
        if joined is not None:
            return joined
    if low in ("they", "their", "them") and _plural_subject_before(token):
        return None  # "The companies said they expected ...": more than one, not the article's company
    if parsed and low in ("they", "them") and _people_before(token):
        return None  # "..., ministry officials said. They said the budget was cut": the officials
    if (
        parsed
        and token.pos_ == "NOUN"
        and token.lemma_.lower() in c.product_nouns
        and not _product_name(token)
        and any(ch.dep_ == "det" and ch.lower_ in ("the", "this") for ch in token.children)
        and ctx.product is not None  # built only when a "the device" needs it
    ):
        return ctx.product  # "the handheld device" in an article about one product
    if parsed and low in c.first_person:
        from .quotes import quoted_organisation

        quoted = quoted_organisation(ctx, token)  # '"We have cut 40 jobs," said Ann Lee, head of Acme'
        if quoted is not None:
            return quoted
    if low in c.third_person or _is_company_noun(token):
        places = c.pronoun_place_labels if low in c.third_person else frozenset()
        local = _clause_subject_before(ctx, token, places=places)  # "Alibaba said that it had ..."
        kind = _kind_named(ctx, token) if parsed and low not in c.third_person else None
        if kind is not None and (local is None or not _names_kind(local, token.lemma_.lower())):
            return kind  # "Acme is buying a stake from Commerzbank AG and an option on the bank's 10 pct"
        if local is not None:
            return local
    last = ctx.last_subject
    subject_it = parsed and low == "it" and token.dep_ in ("nsubj", "nsubjpass")
    # the very next sentence: "Korea will boost spending. It has earmarked ..."
    if subject_it and last is not None and last[0] == "country" and next_sentence(token, last[2]):
        return last[1]
    # "Mitsubishi Motors issued a profit warning. Its sales have slid 41%": a sentence that opens with
    # "it"/"its" continues with the company the sentence before was about
    opens = parsed and low in ("it", "its") and token.i - token.sent.start <= 1
    if opens and last is not None and last[0] == "org" and next_sentence(token, last[2]):
        return last[1]
    if ctx.antecedent() is None:
        # (not in a wire story: its "it" with no company of the story's own is rarely the name before)
        # (an amount's only: "It will also touch upon his life" in a story about a film is the film, no event of the
        # studio's)
        plain = subject_it and opens and ctx.document.dateline is None and ctx.amount is not None
        only = _only_org_before(ctx, token) if plain else None
        if only is not None:
            return only  # "..., according to regulator Icstis. It has received 45,000 complaints"
        # "its trade deficit" in an article about one country, with no company to stand for
        macro = token.dep_ == "poss" and token.head.lemma_.lower() in c.country_owner
        return country_for(ctx, token) if low == "its" and macro else None
    if low in c.third_person:
        return ctx.antecedent()
    if low in c.first_person and ctx.first_person:
        return ctx.main
    if _is_company_noun(token):
        lemma = token.lemma_.lower()
        named = _named_org(ctx, token) if parsed else None
        if named is not None:
            return named
        if lemma not in ("company", "firm") and any(i < token.i and w == lemma for i, w in ctx.owned_nouns):
            return None  # "its central bank ... the bank": someone's unnamed bank, not the article's company
        national = _national_company(ctx, token) if parsed else None
        return national or _speaking_company(ctx, token) or ctx.antecedent()
    return None


def _speaking_company(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """ "<Dixons Group PLC> said only 20 pct of Cyclops <CYL> was tendered ... The company said it now has 22 pct":
    "the company" that says something is the company that spoke last (``speaker``: "X said ...", no rating
    agency, no role before its name), when that is not the story's own company (the headline's ticker company
    here), the story's company was not a main clause's subject since (nor in that sentence), nor named since; once
    the story's company was a subject, only a speaker the headline names."""
    said = token.dep_ == "nsubj" and token.head.lemma_.lower() in cues().attribution_verbs
    if not said or token.lemma_.lower() not in ("company", "firm") or ctx.speaker is None or ctx.main is None:
        return None
    speaker, end = ctx.speaker
    if speaker.entity_key == ctx.main.entity_key or end > token.idx or ctx.main_subject_end >= end:
        return None  # the story's company spoke or acted last: "the company" is still it
    if ctx.main_subject_end >= 0 and not _opens_headline(speaker, ctx.document.headline_text):
        return None  # "Zentro said profit rose. Varco Inc, its rival, said ... The company said": still Zentro
    if any(m.entity_key == ctx.main.entity_key for m in ctx.mentions_between(end, token.idx)):
        return None
    return speaker


def _only_org_before(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """The one organisation the sentence right before names, when it names exactly one as its subject or its source
    (and the article has no company of its own for "it" to stand for): "Phone firms are not doing enough, according
    to regulator Icstis. It has received 45,000 complaints"."""
    start = token.sent.start
    if start == 0:
        return None
    before = token.doc[start - 1].sent
    orgs = {m.entity_key: m for m in ctx.mentions_between(before.start_char, before.end_char) if m.label == "ORG"}
    if len(orgs) != 1:
        return None
    org = next(iter(orgs.values()))
    # the sentence's subject or its source, not a name beside another thing "it" may be ("Researchers at Oxford
    # University tested the new drug. It cut deaths by 20%")
    first = next((t for t in before if t.idx >= org.start), None)
    chain = [first, *first.ancestors] if first is not None else []
    source = any(t.lower_ == "according" for t in chain)
    subject = first is not None and any(t.dep_ in ("nsubj", "nsubjpass") and t.head == before.root for t in chain[:3])
    return org if source or subject else None


_NAMED_KINDS = frozenset({"bank", "fund", "trust", "exchange"})


def _kind_named(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """ "purchasing a stake from Commerzbank AG and has an option to buy the bank's remaining 10 pct": "the
    bank" in a story whose company is no bank is the bank named last before it ("Commerzbank", "Deutsche
    Bank"), within the sentence and the one before."""
    kind = token.lemma_.lower()
    main = ctx.antecedent()
    if kind not in _NAMED_KINDS or main is not None and (_names_kind(main, kind) or _called(token.doc, main, kind)):
        return None
    start = token.sent.start
    if start > 0:
        start = token.doc[start - 1].sent.start
    for m in reversed(ctx.mentions_between(token.doc[start].idx, token.idx)):
        if m.label == "ORG" and _names_kind(m, kind):
            return m
    return None


def _called(doc: Doc, m: EntityMention, kind: str) -> bool:
    """Whether the text calls the company a ``kind`` right before its name ("UK-based bank Standard
    Chartered")."""
    first = m.text.split()[0] if m.text.split() else ""
    return bool(first) and re.search(rf"\b{kind}s?\s+{re.escape(first)}\b", doc_text(doc), re.IGNORECASE) is not None


def _names_kind(m: EntityMention, kind: str) -> bool:
    """Whether a name says what kind of body it is ("Commerzbank", "Bank of Japan" for "bank")."""
    return any(w == kind or w.endswith(kind) for w in re.findall(r"[a-z]+", f"{m.canonical_name} {m.text}".casefold()))


def _conjunct_clause_subject(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """ "Sri Lanka's stock market has fallen 5%, but it is still 40% higher": "it" opening a clause joined
    to one whose subject is a noun stands for that noun, named by its own name or its owner's; so does "its"
    on such a clause's subject, in a joined or a "while" clause ("The UK's deficit fell, while its non-EU
    shortfall dropped")."""
    if token.lower_ == "its":
        if token.dep_ != "poss" or token.head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        token = token.head
        joins = ("conj", "advcl")
    else:
        joins = ("conj",)
    verb = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ not in joins or verb.head.i >= verb.i:
        return None
    if verb.dep_ == "advcl" and not any(
        ch.dep_ == "mark" and ch.lower_ in ("while", "whereas") for ch in verb.children
    ):
        return None  # "can delist any firm if its debt exceeds its assets": the firm's
    first = next((ch for ch in verb.head.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    if first is None or first.pos_ != "NOUN":
        return None
    named = _entity_at(ctx, first)
    if named is not None:
        return named
    owner = next((ch for ch in first.children if ch.dep_ == "poss"), None)
    ent = _entity_at(ctx, owner) if owner is not None else None
    return ent if ent is not None and ent.label in ("ORG", "GPE") else None


def next_sentence(token: Token, end: int) -> bool:
    """Whether the token's sentence starts right after ``end`` (only white space between: a wire
    paragraph's line break and indent too)."""
    start = token.sent.start_char
    return end <= start and (start - end <= 2 or not doc_text(token.doc)[end:start].strip())


def _national_company(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """ "Cyclops said ... its merger with Dixons Group plc following the British company's acquisition":
    "the <nationality> company" is the company named last before it (this sentence or the one
    before) when that is not the article's own."""
    if not any(ch.dep_ in ("amod", "compound") and ch.text in cues().demonyms for ch in token.children):
        return None
    if not any(ch.dep_ == "det" and ch.lower_ == "the" for ch in token.children):
        return None
    doc = token.doc
    first = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
    text = doc_text(doc)
    before = [
        m
        for m in ctx.mentions_between(doc[first].idx, token.idx)
        if m.label == "ORG" and not _term_abbreviation(text, m)
    ]
    if not before:
        return None
    last = before[-1]
    main = ctx.antecedent()
    return last if main is None or last.entity_key != main.entity_key else None


_TERM_BEFORE = re.compile(r"([a-z][\w-]*\s+)+\($")


def _term_abbreviation(text: str, mention: EntityMention) -> bool:
    """ "liquid natural gas (LNG)": capitals in brackets after lower-case words abbreviate a term, not
    a company (the model often tags them ORG)."""
    if not mention.text.isupper() or text[mention.end : mention.end + 1] != ")":
        return False
    return _TERM_BEFORE.search(text, max(0, mention.start - 60), mention.start) is not None


def _caps_sentence(token: Token) -> bool:
    """Whether most words of the token's sentence are in capitals (a wire headline)."""
    words = [t for t in token.sent if t.is_alpha]
    return sum(1 for t in words if t.is_upper) * 2 > len(words)


def _is_the_figure(ctx: ArticleContext, token: Token) -> bool:
    """ "it" as the subject of "be" whose complement is the amount being attached, or of "compare"
    ("It compares with 1.9 mln in 1985": the figure before, not a company)."""
    if token.dep_ == "nsubj" and token.head.lemma_.lower() == "compare":
        return True
    if token.dep_ != "nsubj" or token.head.lemma_ != "be" or ctx.amount is None:
        return False
    amount = range(ctx.amount.start, ctx.amount.end)
    if any(ch.i in amount for ch in token.head.children):
        return True
    # "It was at a peak of 11.7 pct last summer": the figure's level, after "at"
    at = [ch for ch in token.head.children if ch.dep_ == "prep" and ch.lower_ == "at"]
    return any(t.i in amount for ch in at for t in ch.subtree)


def _nationality(ctx: ArticleContext, token: Token) -> tuple[Token, EntityMention] | None:
    """ "Venezuelan authorities", "German unemployment", "Japanese crushers have bought": the country a
    state noun, a macro figure or a group acting as a subject belongs to."""
    c = cues()
    macro = macro_noun(token)
    # "Japanese crushers have bought ...", "Soviet buyers took ...": a group that acts, known only by its nationality
    # not "the three Chinese partners" (a count pointing back) nor "The Chinese partners are A, B and C" (a list)
    group = (
        token.tag_ == "NNS"
        and token.dep_ in ("nsubj", "nsubjpass")
        and token.head.lemma_ != "be"
        and not any(ch.dep_ == "nummod" for ch in token.children)
    )
    # "Chilean material was offered at 345 dlrs", "Icelandic meal was quoted at 5.65": goods a market quotes by origin
    quoted = (
        token.dep_ == "nsubjpass"
        and token.head.lemma_.lower() in _QUOTED_VERBS
        and any(ch.dep_ == "prep" and ch.lower_ == "at" for ch in token.head.children)  # not "was quoted as saying"
    )
    # "the 15 pct Libyan stake in Fiat": a holding known by its holder's nationality is that country's
    held = token.lemma_.lower() in c.stake_nouns
    if (
        token.lemma_.lower() not in c.state_nouns
        and token.lower_ not in c.state_nouns
        and not (macro or group or quoted or held)
    ):
        return None
    mods = list(token.children)
    if macro:  # "West German central bank money stock": the demonym may modify a modifier
        mods += [g for ch in token.children if ch.dep_ == "compound" for g in ch.children]
    for ch in mods:
        if ch.dep_ not in ("amod", "compound"):
            continue
        if ch.lower_ == "regional" and ctx.country is not None and is_region(ctx.country):
            return ch, ctx.country  # "regional exports" in a story about Latin America
        if ch.text in c.demonyms:
            country = country_mention(ctx, ch, demonym_at(ch)[0])
            # "Welsh councils are given 6% more": a group that acts, named as the text names it
            acting = group and not (macro or quoted or held) and token.lower_ not in c.state_nouns and _agents(token)
            if (token.lower_ in _GOVERNMENT_NOUNS or acting) and ch.i < token.i:
                # "the French government", "English local authorities": the body, under its country's key
                name = " ".join(t.text for t in token.doc[ch.i : token.i + 1] if not t.is_space)
                return ch, EntityMention(ch.idx, token.idx + len(token.text), name, "GPE", name, country.entity_key)
            return ch, country
    if group and not any(
        ch.dep_ in ("amod", "compound", "poss", "det") and ch.lower_ != "the" for ch in token.children
    ):
        return _named_group_before(ctx, token)  # "crushers bought ...", after "Japanese crushers have bought"
    return None


_QUOTED_VERBS = frozenset({"offer", "quote", "bid", "sell", "trade", "price"})


def _named_group_before(ctx: ArticleContext, token: Token) -> tuple[Token, EntityMention] | None:
    """The country of the same group named earlier with its demonym ("Japanese crushers ... crushers")."""
    demonyms = cues().demonyms
    for t in reversed(token.doc[: token.i]):
        if t.tag_ == "NNS" and t.lemma_ == token.lemma_:
            ch = next((c for c in t.children if c.dep_ in ("amod", "compound") and c.text in demonyms), None)
            if ch is not None:
                return token, country_mention(ctx, ch, demonym_at(ch)[0])
    return None


# "U.S. dlrs 5.98 billion" in a Canadian story: the name of the currency the world counts in, not a place
# the story is about (a "N.Z. dollar" in a New Zealand story still tells where it is)
_CURRENCY_AFTER = re.compile(r"\s*(?:dlrs?|dollars?)\b", re.IGNORECASE)
_REFERENCE_COUNTRY = frozenset({"us", "u.s.", "usa", "united states", "america"})


def _reference_currency(e: EntityMention, text: str) -> bool:
    return e.canonical_name.casefold() in _REFERENCE_COUNTRY and _CURRENCY_AFTER.match(text, e.end) is not None


def _agents(noun: Token) -> bool:
    """Whether a plural noun names agents (``group_nouns``: "councils", "consumers", "investors"):
    "Welsh councils", "Japanese investors"; not "Chinese figures", "Japanese purchases", "Soviet mercury sales",
    nor a group that trades ("Japanese feed mills have bought 214,000 tonnes": Japan's, ``group_trade_verbs``).
    (A macro figure's noun never gets here: ``_nationality`` has already given it to the country.)"""
    c, lemma = cues(), noun.lemma_.lower()
    verb = noun.head
    for _ in range(4):  # "are expected to buy", "will buy": the verb the group does
        if verb.lemma_.lower() in c.group_trade_verbs:
            return False
        nxt = next((ch for ch in verb.children if ch.dep_ == "xcomp"), None)
        if nxt is None:
            break
        verb = nxt
    return lemma in c.group_nouns


_GOVERNMENT_NOUNS = frozenset({"government", "administration", "authorities", "ministry", "regulators"})


def people_country(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """The country of a people named by its demonym in the plural ("Germans" -> Germany; "700 million Chinese",
    counted, for a demonym with no plural of its own), else None."""
    if _uninflected_demonym(token):
        return country_mention(ctx, token, cues().demonyms[token.text])
    if token.tag_ not in ("NNPS", "NNS") or not token.text.endswith("s"):
        return None
    prev = token.doc[token.i - 1].text + " " if token.i > 0 else ""
    country = demonym_country(token.text, prev)
    return country_mention(ctx, token, country) if country is not None else None


def _uninflected_demonym(token: Token) -> bool:
    """ "700 million Chinese", "2 million Japanese": a demonym the plural writes as it is (ending "-ese", "-ss",
    "-ch", "-sh"), as a counted noun, names a people."""
    return (
        token.text in cues().demonyms
        and token.text.endswith(("ese", "ss", "ch", "sh"))
        and token.dep_ not in ("amod", "compound")
        and any(ch.dep_ == "nummod" for ch in token.children)
    )


def demonym_country(plural: str, prev: str = "") -> str | None:
    """The country a people's demonym in the plural names ("Germans" -> Germany; "Britons", "Swedes"), with the
    word before it and a space as ``prev`` for a demonym of two words ("400,000 Sri Lankans"; "Koreans" alone is
    Korea's), else None."""
    c = cues()
    singular = plural[:-1]
    return c.demonyms.get(prev + singular) or c.demonyms.get(singular) or c.people_demonyms.get(singular)


def capital_acting(ctx: ArticleContext, token: Token, ent: EntityMention) -> EntityMention | None:
    """ "Washington announced ...", "Manila will pay its creditors ...": a capital city that speaks, decides or
    pays stands for its country's government, so the country, as the article names it (not "Tokyo fell 1.2 pct":
    the city's market)."""
    c = cues()
    verb = token.head
    acts = token.dep_ == "nsubj" and verb.lemma_.lower() in c.attribution_verbs | c.government_verbs
    if not acts or _is_country_name(ent.canonical_name):
        return None
    code = capital_of(ent.canonical_name)
    name = country_name(code, doc_text(token.doc)) if code else None
    return country_mention(ctx, token, name) if name else None


def country_mention(ctx: ArticleContext, token: Token, country: str) -> EntityMention:
    """The article's mention of ``country`` (named by a demonym at ``token``: "German"), else one at
    the demonym itself."""
    named = next((e for e in ctx.entities if e.label in ("GPE", "LOC") and e.canonical_name == country), None)
    if named is None:  # "six million Americans" in an article that writes "US": the article's name for it
        code = country_code(country)
        named = next(
            # (a country, not a city of it: "Washington" is no name for the United States)
            (
                e
                for e in ctx.entities
                if e.label == "GPE" and code and country_code(e.canonical_name) == code and _is_country(e)
            ),
            None,
        )
    key = "GPE:" + country.casefold()
    if named is not None and headline_capitals(named):
        return dataclasses.replace(named, canonical_name=country)  # named only in a capitals headline: "JAPAN"
    return named or EntityMention(token.idx, token.idx + len(token.text), token.text, "GPE", country, key)


def acting_government(
    ctx: ArticleContext, token: Token, country: EntityMention | None, *, at: Token | None = None
) -> EntityMention | None:
    """ "In theory, the government has a 7% growth target": a bare "the government" that acts is the
    country's government, named as the news names it ("Chinese government", "US government"), under
    the country's key. An economic figure ("the government expects growth of 3.5%", "the government's
    budget deficit") and what it forecasts or estimates ("the government said its estimate of repair
    costs ...", through a pronoun ``at``) stay the country's, as do "the country" and "the state"."""
    at = token if at is None else at
    if country is None or token.lower_ != "government":
        return country
    # "forecast a deficit of ...", "revised its forecast up to 2.4 pct"
    verb = at.head if at.dep_ == "nsubj" else None
    forecasts = verb is not None and (
        verb.lemma_.lower() in cues().forecast_verbs
        or any(ch.dep_ == "dobj" and ch.lemma_.lower() in cues().forecast_nouns for ch in verb.children)
    )
    if ctx.amount is not None and (ctx.amount_macro or forecasts):
        return country
    if at.dep_ == "poss" and (macro_noun(at.head) or at.head.lemma_.lower() in cues().forecast_nouns):
        return country
    if is_region(country) or not _is_country(country):
        return country  # a bloc ("the EU") is not the government of a British politics story
    state = cues().governing_state.get(country.canonical_name, country.canonical_name)  # England: the UK's
    name = state
    if not (name.isupper() and len(name) <= 4):  # "US government", "UK government"
        name = max((d for d, c in cues().demonyms.items() if c == state), key=len, default=name)  # "South Korean"
    key = country.entity_key if state == country.canonical_name else "GPE:" + state.casefold()
    return EntityMention(token.idx, token.idx + len(token.text), token.text, "GPE", f"{name} government", key)


def _plural_subject_before(token: Token) -> bool:
    """Whether a verb above ``token`` has a plural common-noun subject before it ("the companies")."""
    if not token.doc.has_annotation("DEP"):
        return False
    return any(
        ch.dep_ == "nsubj" and ch.i < token.i and ch.tag_ == "NNS" and not ch.ent_type_
        for verb in token.ancestors
        for ch in verb.children
    )


def _people_before(token: Token) -> bool:
    """Whether the last subject before "they" (in its sentence or the one before, passing over other
    "they"s) is a plural common noun: "Finance Ministry officials said ... They said ..." are people,
    not the article's company."""
    doc = token.doc
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
    for t in reversed(doc[start : token.i]):
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if t.lower_ == "they":
            continue  # "They said they expect ...": the same people
        return t.tag_ == "NNS" and not t.ent_type_
    return False


def country_for(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """The country "the country" / "the government" at ``token`` stands for: the one named last
    (this sentence or the one before), else the one the article is about. "The region" is the
    article's region."""
    if token.lemma_.lower() == "region":
        return ctx.country if ctx.country is not None and is_region(ctx.country) else None
    return _country_before(ctx, token) or ctx.country


def _country_before(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """The country named last before ``token`` in its sentence or the one before, by name or by
    demonym ("Thai Airways shed 4%. The country relies on tourism"); not in the dateline, not the
    "US" of "the US dollar"."""
    doc = token.doc
    sent = token.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    demonyms = cues().demonyms
    for t in reversed(doc[first : token.i]):
        if ctx.document.in_dateline(t.idx, t.idx + len(t.text)):
            return None
        after = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if after is not None and after.lemma_.lower() in cues().market_nouns:
            continue  # "the US dollar", "the Thai baht", "the UK index"
        if _listed(t):
            continue  # "losing orders to South Korea, Hong Kong and Singapore": one of a list governs nothing here
        if t.ent_type_ == "GPE" and t.sent != sent and _names_whose(t):
            # "UK entrepreneur Richard Branson has said ..." the sentence before: it says whose the name is (not
            # "Russia's President Vladimir Putin said the country would ...", which speaks for it)
            continue
        m = _entity_at(ctx, t) if t.ent_type_ == "GPE" else None
        if m is not None and m.label == "GPE" and _is_country(m):
            return m
        if t.text in demonyms:
            return country_mention(ctx, t, demonym_at(t)[0])
    return None


def _names_whose(token: Token) -> bool:
    """Whether the place name at ``token`` only modifies a person's or a company's name ("UK entrepreneur Richard
    Branson", "Germany's Siemens"), not a noun of its own ("Germany's economy")."""
    head = token
    while head.dep_ in ("compound", "poss", "amod", "nmod") and head.head.i > head.i:
        head = head.head
    return head is not token and head.ent_type_ in ("PERSON", "ORG") and head.ent_iob_ != "O"


def _listed(token: Token) -> bool:
    """Whether the place name at ``token`` is one of a coordinated list of place names ("Hong Kong and Singapore";
    not "Brazil and its creditors")."""
    head = token
    while head.dep_ == "compound" and head.head != head:
        head = head.head
    if head.dep_ == "conj":
        return head.head.ent_type_ == "GPE"
    return any(ch.dep_ == "conj" and ch.ent_type_ == "GPE" for ch in head.children)


# company nouns that also head the names of public bodies ("the agency" after "Child Support Agency")
_INSTITUTIONS = frozenset({"agency", "exchange"})


def _named_by_head(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """ "The Scottish Executive has lost an appeal ... The executive faces 1,000 claims": a bare "the
    <noun>" (nothing else said of it) is the organisation named before it whose name that noun heads
    ("Executive" in "Scottish Executive", "Court" in "Court of Session"). Company nouns ("the group",
    "the bank") keep their own rules; a government department or central bank owns no amount."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.tag_ != "NN" or lemma in cues().company_nouns and lemma not in _INSTITUTIONS:
        return None
    if not _bare_the(token):
        return None
    word = token.lower_
    for m in reversed(ctx.mentions_between(0, token.idx)):
        if m.label == "ORG" and _name_head(m.canonical_name) == word:
            # "The department revised December's sales to a 12.1 pct rise": a government body reports the
            # economy's figures, it owns none (what it does, an event, is its own)
            # ("the agency's staff" is its own)
            return None if ctx.amount is not None and state_body(m) and token.dep_ != "poss" else m
    return None


def _name_head(name: str) -> str | None:
    """The word that heads a name of two words or more, in lower case: the last one before "of"/"for"."""
    words = name.casefold().split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "for")), len(words))
    return words[cut - 1] if len(words) > 1 and cut > 0 else None


def _is_country_noun(token: Token) -> bool:
    """ "the government", "the island state": singular, definite, no other owner named."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and token.lemma_.lower() in cues().country_nouns
        and any(ch.lower_ == "the" for ch in token.children)
        and not any(ch.dep_ == "poss" or ch.ent_type_ for ch in token.children)
    )


def _is_company_noun(token: Token) -> bool:
    """ "the company", "the Chinese smartphone maker": singular only ("developers" are not the company)."""
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.tag_ not in ("NNS", "NNPS")
        and (token.lemma_.lower() in cues().company_nouns)
    )


def _named_org(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """The ORG a subject names itself or through its apposition ("e-commerce giant Alibaba")."""
    for t in (token, *(ch for ch in token.children if ch.dep_ in ("appos", "compound"))):
        ent = _entity_at(ctx, t)
        if ent is not None and ent.label == "ORG":
            return ent
    if token.pos_ != "NOUN":
        return None
    if any(ch.dep_ == "det" and ch.lower_ == "the" for ch in token.children):
        described = ctx.described.get(token.lemma_.lower())  # "the group" after "a group ... led by X"
        if described is not None:
            return described
    # "a group of investors led by Acme Capital", "a consortium headed by Acme", "the group, led by Acme Corp,
    # said": the leader speaks for it
    for acl in token.subtree:
        if acl.dep_ == "acl" and acl.lemma_.lower() in ("lead", "head"):
            for p in (g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"):
                ent = _entity_at(ctx, p)
                if ent is not None and ent.label == "ORG":
                    return ent
    return None


def _one_word_person(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """A one-word name the NER called a person, never written with a first name or title in the
    article: when "it" points back to it, it is an organisation the model mislabelled."""
    ent = _entity_at(ctx, token)
    if ent is None or ent.label != "PERSON" or " " in ent.canonical_name.strip():
        return None
    return ent


def _speaking_product(ctx: ArticleContext, token: Token, verb: Token) -> EntityMention | None:
    """A name the NER called a product or a facility as the subject of a reporting verb: things do not
    speak, so when "it" in what it said points back to it, it is an organisation the model mislabelled."""
    ent = _entity_at(ctx, token)
    if ent is None or ent.label not in ("PRODUCT", "FAC") or verb.lemma_.lower() not in cues().attribution_verbs:
        return None
    return ent


def _joined_subject_before(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """The first name of a subject of names joined by "and" above ``token`` and before it: what a
    later "they" / "their" stands for ("Acme and Apex said they ..." -> Acme, the one named first)."""
    for verb in token.ancestors:
        for ch in verb.children:
            if ch.dep_ not in ("nsubj", "nsubjpass") or ch.i >= token.i:
                continue
            # "WASHINGTON, March 10 - George Soros and his fund said": the parse hangs the names on the dateline
            for head in (ch, *(a for a in ch.children if a.dep_ == "appos")):
                ent = _entity_at(ctx, head) if any(g.dep_ == "conj" for g in head.children) else None
                if ent is not None and ent.label in ("ORG", "PERSON"):
                    return ent
    return None


def _clause_subject_before(
    ctx: ArticleContext, token: Token, *, places: frozenset[str] = frozenset()
) -> EntityMention | None:
    """An ORG (or, for "it", a country) that is the subject of a verb above ``token`` and comes
    before it in the sentence."""
    if not token.doc.has_annotation("DEP"):
        return None
    for verb in token.ancestors:
        for ch in verb.children:
            if ch.dep_ not in ("nsubj", "nsubjpass") or ch.i >= token.i:
                continue
            ch = _past_dateline(ctx, ch)
            if token.dep_ == "poss" and any(g.dep_ == "conj" and g == token.head for g in ch.children):
                ent = _named_org(ctx, ch)  # "Southfield Asset Management and its two partners said": its own
                if ent is not None:
                    return ent
            if not _joined(ctx, ch):
                ent = _named_org(ctx, ch)
                if ent is None and ch.pos_ == "NOUN":
                    ent = _agent_of(ctx, ch)  # "The move by Acme was expected and the firm will pay $76": Acme
                if ent is None and _is_company_noun(ch):
                    ent = _speaking_company(ctx, ch)  # "The company said it now has 22 pct": the last speaker
                if ent is None and places:
                    ent = _one_word_person(ctx, ch)  # "Yukos said it ...": "it" is no person; a mislabelled firm
                if ent is None and places:
                    ent = _speaking_product(ctx, ch, verb)  # "Black Spider said it had stopped ...": a firm too
                if ent is None and places:
                    ent = _entity_at(ctx, ch)
                    ent = ent if ent is not None and ent.label in places else None
                    if ent is None and _is_country_noun(ch):
                        ent = acting_government(ctx, ch, country_for(ctx, ch), at=token)  # "the government said it ..."
                if ent is not None:
                    return ent
    return None


def _agent_of(ctx: ArticleContext, noun: Token) -> EntityMention | None:
    """The company a "by" names as the doer of a deal noun ("the move by Acme", "the bid by Acme"), never a
    public body ("a ruling by the Commission": no deal noun, and a regulator is not "the firm")."""
    if noun.lemma_.lower() not in cues().agent_action_nouns:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            ent = _named_org(ctx, obj) if obj is not None and not _joined(ctx, obj) else None
            return ent if ent is not None and not public_body(ent) else None
    return None


def _ticker_owner(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """The company written right before a ticker in angle brackets, for a token of the ticker ("<", "KAWH.T")."""
    doc = token.doc
    if token.text == "<":
        lt = token.i
    elif token.i > 0 and doc[token.i - 1].text == "<" and token.i + 1 < len(doc) and doc[token.i + 1].text == ">":
        lt = token.i - 1
    else:
        return None
    before = word_before(doc, lt)
    ent = _entity_at(ctx, before) if before is not None else None
    return ent if ent is not None and ent.label == "ORG" else None


def _joined(ctx: ArticleContext, token: Token) -> bool:
    """Whether ``token`` heads a coordination of several names ("Acme and Dorvan said"), not one name
    written with "&" or "and" ("Marsh & McLennan said")."""
    conj = [g for g in token.children if g.dep_ == "conj"]
    if not conj:
        return False
    ent = _entity_at(ctx, token)
    return ent is None or any(not ent.start <= g.idx < ent.end for g in conj)


def _person_subject_before(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """The one named person that is the subject of a verb above ``token`` and comes before it in the
    sentence ("Simon Fuller has seen his wealth plummet"; not "Lee and Kim said his ...")."""
    for verb in token.ancestors:
        for ch in verb.children:
            if ch.dep_ not in ("nsubj", "nsubjpass") or ch.i >= token.i or any(g.dep_ == "conj" for g in ch.children):
                continue
            ent = _entity_at(ctx, ch)
            return ent if ent is not None and ent.label == "PERSON" else None
    return None


def _past_dateline(ctx: ArticleContext, subject: Token) -> Token:
    """ "LONDON, April 7 - Tesco Plc said it ...": the parser made the dateline's place the subject
    and hung the real one on it in apposition; that name is the subject."""
    if not ctx.document.in_dateline(subject.idx, subject.idx + len(subject.text)):
        return subject
    after = [a for a in subject.children if not ctx.document.in_dateline(a.idx, a.idx + 1)]
    # a mis-parse: "\n\nDALLAS, March 13 - PH Acquisition Co, a unit of ..., said" hangs the name (a PROPN) on the
    # place as a "prep" (a real preposition is an ADP and never taken)
    return next((a for a in after if a.dep_ == "appos"), None) or next(
        (a for a in after if a.dep_ in ("prep", "dep", "npadvmod") and a.pos_ == "PROPN"), subject
    )


# company nouns that say nothing particular: "the company" later is the story's own, whatever was called one
_GENERIC_COMPANY = frozenset({"company", "firm", "group", "business", "corporation", "concern", "enterprise"})


def _remember_descriptions(ctx: ArticleContext, sent: Span) -> None:
    """ "Kelmont Group, the UK's third-biggest bank, ...": "the bank" later in the article is Kelmont
    Group, whichever clause the description stands in. The first company a noun describes keeps it."""
    for appos in sent:
        if appos.dep_ != "appos" or appos.pos_ != "NOUN" or appos.ent_type_:
            continue
        if appos.lemma_.lower() in _GENERIC_COMPANY:
            continue  # "Addressograph, a private company acquired in 1986": "the company" is still the story's
        if _is_company_noun(appos):
            ent = _entity_at(ctx, appos.head)
            if ent is not None and ent.label == "ORG":
                ctx.described.setdefault(appos.lemma_.lower(), ent)


def _remember_person_near(ctx: ArticleContext, subject: Token) -> None:
    """A sentence about something a person owns or does, not about the person: "Mr Hague's work included
    two shows", "The register shows Ann Widdecombe declaring an advance": "he" / "she" in the next
    sentence is that person (the possessor of the subject, or the subject of the clause the verb reports)."""
    c = cues()
    person_noun = subject.lemma_.lower() in c.relation_nouns | c.person_role_nouns | c.commentator_nouns
    near = [g for g in subject.children if g.dep_ == "poss"] if not person_noun else []  # not "Ms Smith's lawyer"
    near += [s for v in subject.head.children if v.dep_ == "ccomp" for s in v.children if s.dep_ == "nsubj"]
    for t in near:
        person = _entity_at(ctx, t)
        if person is not None and person.label == "PERSON":
            ctx.recent_people.append(person)
            return


def _deal_maker(ctx: ArticleContext, token: Token) -> EntityMention | None:
    """ "The stake", "The issue" as a clause's subject: the maker of the same deal an earlier sentence named
    ("Bank of China has taken a stake in BAII"; ``antecedent_nouns``), else None."""
    found = ctx.deals.get(token.lemma_.lower())
    if found is None or found[1] >= token.i or token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ != "NN":
        return None
    dets = [ch.lower_ for ch in token.children if ch.dep_ in ("det", "poss", "compound", "nmod")]
    # "The offer by Gamma Corp", "The stake held by Gamma Inc": an owner written after the noun is another's (not
    # "The contract, which runs to 1990," nor "The offer, made last week,": no one named)
    after = any(
        ch.dep_ == "prep"
        and ch.lower_ in ("by", "from")
        or ch.dep_ in ("acl", "relcl")
        and any(g.dep_ == "agent" for g in ch.children)
        for ch in token.children
    )
    return found[0] if dets == ["the"] and not after else None


def _remember_deals(ctx: ArticleContext, sent: Span) -> None:
    """ "Austria is making a two billion schilling issue", "Acme said it has taken a stake in Beta": a deal
    noun (``antecedent_nouns``) as the object of a verb whose subject is a named company, country or person
    is that subject's; "the issue" later in the article stands for it (the latest one named)."""
    c = cues()
    deps = token_ids(sent.doc, "DEP")
    for noun in (sent.doc[i] for i in range(sent.start, sent.end) if deps[i] == _DOBJ):  # no Token for the rest
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or lemma not in c.antecedent_nouns or _owned_deal(noun):
            continue
        verb = noun.head
        if verb.lemma_.lower() not in c.deal_making_verbs:
            continue  # "Beta Corp rejected the offer", "Japan criticised the plan": not its maker
        if verb.tag_ == "VBG" and not any(ch.dep_ == "aux" for ch in verb.children):
            continue  # "a statement with the SEC covering a proposed offering": no clause of its own
        subjects = [ch for ch in verb.children if ch.dep_ == "nsubj"]  # (a dateline's place may be one too)
        if any(s.lower_ in c.third_person for s in subjects) and verb.dep_ == "ccomp":
            # "Acme said it has taken a stake": the speaker of the reporting clause
            subjects = [ch for ch in verb.head.children if ch.dep_ == "nsubj"]
        for subj in subjects:
            ent = None if subj.lower_ in c.third_person else _entity_at(ctx, subj) or _named_org(ctx, subj)
            if ent is None or not (ent.label in ("ORG", "PERSON") or _is_country(ent)):
                continue
            if (
                sum(m.entity_key == ent.entity_key for m in ctx.entities) > 1
                or in_headline(ent, ctx.document.headline_text)
                or ent.label == "ORG"
                and legal_name(ent.text)  # a full name, with its legal form
            ):  # (a name written once may be a piece of a longer one: "<SHV (United Kingdom) Holding Co>")
                ctx.deals[lemma] = (ent, noun.i)
                if verb.lemma_.lower() == "issue":
                    ctx.deals["issue"] = (ent, noun.i)  # "X is issuing a 75 mln stg eurobond ... The issue is"
            break


def _owned_deal(noun: Token) -> bool:
    """Whether a deal noun names its own owner ("government plans", "its offer", "the Fiat offer", "a takeover bid
    from Acme"): then its subject only announced or received it. A currency, an amount or a kind of paper on it
    ("a one billion crown issue", "a 100 mln dlr Eurobond issue") is no owner."""
    owners = cues().country_nouns | cues().company_nouns
    return any(
        ch.dep_ == "poss"
        or ch.dep_ == "compound"
        and (ch.ent_type_ in _OWNER_TYPES or ch.lemma_.lower() in owners)
        or ch.dep_ == "prep"
        and ch.lower_ in ("by", "from")
        for ch in noun.children
    )


_OWNER_TYPES = frozenset({"ORG", "PERSON", "GPE", "NORP"})
_DOBJ = get_string_id("dobj")


def _remember_subject(ctx: ArticleContext, sent: Span) -> None:
    """Keep the ORG the sentence is about (subject of its main verb) as the antecedent for "it"."""
    _remember_descriptions(ctx, sent)
    _remember_deals(ctx, sent)
    for ch in sent.root.children:
        if ch.dep_ not in ("nsubj", "nsubjpass"):
            continue
        ch = _past_dateline(ctx, ch)  # "LONDON, April 7 - Tesco Plc said": the name, not the place
        if not any(g.dep_ == "conj" for g in ch.children):
            ent = _named_org(ctx, ch) or next(
                (e for g in ch.children if g.dep_ == "poss" for e in [_entity_at(ctx, g)] if e), None
            )
            text = doc_text(sent.doc)
            if (
                ent is not None
                and ent.label == "ORG"
                and text[ent.start : ent.end] == ent.text  # a mention of this part (a short name may be another's)
                and _SOURCE_BEFORE.search(text, max(0, ent.start - 60), ent.start)
            ):
                ent = None  # "..., say analysts Jupiter Research": a source quoted, not what "it" stands for
            if ent is not None and ent.label == "ORG":
                ctx.recent.append(ent)
                ctx.last_subject = ("org", ent, sent.end_char)
                if ctx.main is not None and ent.entity_key == ctx.main.entity_key:
                    ctx.main_subject_end = sent.end_char
                # not a speaker ("unions said") nor a regulator or agency, which acts on companies, not as one
                if sent.root.lemma_.lower() not in cues().attribution_verbs and not public_body(ent):
                    ctx.focus = (ent, sent.end_char)
                elif not public_body(ent) and not rating_agency(ent) and not _titled(ch, ent):
                    ctx.speaker = (ent, sent.end_char)  # "X said ...", not "..., lead manager X said"
                if ch.pos_ == "NOUN" and not ch.ent_type_:
                    ctx.described.setdefault(ch.lemma_.lower(), ent)
            person = _entity_at(ctx, ch)
            if person is not None and person.label == "PERSON":
                ctx.recent_people.append(person)
            else:
                _remember_person_near(ctx, ch)
            if ent is None:
                place = person if person is not None and person.label == "GPE" and _is_country(person) else None
                place = place or (acting_government(ctx, ch, country_for(ctx, ch)) if _is_country_noun(ch) else None)
                if place is not None:
                    ctx.last_subject = ("country", place, sent.end_char)
