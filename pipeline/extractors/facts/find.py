"""Facts: who, what, how much, when — tying quantity and date mentions to a subject and a predicate.

With a dependency parse, each quantity is attached to the noun it measures and the verb that
governs it; the subject is the possessor / compound / prepositional entity of the measured noun
or the verb's subject; the time is a date mention *in the same clause* (never another
sentence), with a role read from the cue words before it; modality and attribution come from
cue words on the verb chain. Dated events without a number (founding, launch, visit) are facts
too. Without a parse (fast mode) the same questions are answered from the sentence window.
All cue words live in ``data/facts_*.json``. Offsets are relative to the ``doc`` given.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...records import DateMention, EntityMention, Fact, QuantityMention
from ..entities.find import initials
from ..entities.schema import load_fixes
from .schema import load as _read

# Dependency labels that start a new clause; acl and xcomp stay in their head's clause
# ("a company founded with 14 people", "plans to launch").
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "csubj", "csubjpass", "parataxis", "conj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
PROPERTY_PREPS = frozenset({"of", "for", "in", "at", "from", "on"})
_STOP = frozenset({"the", "a", "an", "its", "their", "our", "his", "her", "this", "that", "these", "those"})
_NON_WORD = re.compile(r"[^\w\s-]|_")
# Token bounds of the sentence piece being read: the parser may hang a sentence under the
# headline above a blank line; walking the tree never leaves the piece.
_PIECE: ContextVar[tuple[int, int] | None] = ContextVar("_PIECE", default=None)


def _inside(token: Token) -> bool:
    bounds = _PIECE.get()
    return bounds is None or bounds[0] <= token.i < bounds[1]


def _orphans(doc: Doc) -> list[Token]:
    """Tokens of the current piece that the parser hung outside it (or the piece's own root)."""
    bounds = _PIECE.get()
    if bounds is None:
        return []
    return [t for t in doc[bounds[0] : bounds[1]] if t.head.i == t.i or not _inside(t.head)]


def _piece_top(doc: Doc) -> Token | None:
    """The main verb of the current piece: its own root, else a verb hung outside it."""
    tops = [t for t in _orphans(doc) if t.pos_ in ("VERB", "AUX")]
    return next((t for t in tops if t.head.i == t.i), tops[0] if tops else None)


@dataclass(frozen=True)
class Cues:
    """Every word list the rules use, read once from the data files."""

    forecast_aux: frozenset[str]
    forecast_verbs: frozenset[str]
    plan_verbs: frozenset[str]
    forecast_nouns: frozenset[str]
    plan_nouns: frozenset[str]
    negation: frozenset[str]
    attribution_verbs: frozenset[str]
    time_roles: tuple[tuple[str, str], ...]
    role_day: str
    role_other: str
    role_by_reported: str
    vague_times: frozenset[str]
    underspecified: re.Pattern[str]
    set_per: dict[str, str]
    company_nouns: frozenset[str]
    implicit_owner: frozenset[str]
    time_nouns: frozenset[str]
    rank_cues: frozenset[str]
    dateline: re.Pattern[str]
    baseline: re.Pattern[str]
    baseline_cue: re.Pattern[str]
    third_person: frozenset[str]
    person_pronouns: frozenset[str]
    passing_preps: frozenset[str]
    object_subject_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    pronoun_place_labels: frozenset[str]
    country_owner: frozenset[str]
    country_nouns: frozenset[str]
    demonyms: dict[str, str]
    state_nouns: frozenset[str]
    country_min: int
    place_preps: frozenset[str]
    age_cues: frozenset[str]
    change_verbs: frozenset[str]
    age_pattern: re.Pattern[str]
    first_person: frozenset[str]
    first_person_min: int
    dominant_min: int
    subject_labels: frozenset[str]
    event_verbs: frozenset[str]
    event_needs_object: frozenset[str]
    count_units: frozenset[str]
    unit_words: frozenset[str]
    inherit_sentences: int
    min_bare_value: float


@functools.cache
def cues() -> Cues:
    """The cue words, loaded lazily once."""
    c, s, e = _read("facts_cues.json"), _read("facts_subjects.json"), _read("facts_events.json")
    m = c["modality"]
    return Cues(
        forecast_aux=frozenset(m["forecast_aux"]),
        forecast_verbs=frozenset(m["forecast_verbs"]),
        plan_verbs=frozenset(m["plan_verbs"]),
        forecast_nouns=frozenset(m["forecast_nouns"]),
        plan_nouns=frozenset(m["plan_nouns"]),
        negation=frozenset(m["negation_words"]),
        attribution_verbs=frozenset(c["attribution"]["verbs"]),
        time_roles=tuple((cue, role) for cue, role in sorted(c["time_roles"], key=lambda r: -len(r[0]))),
        role_day=c["time_role_default"]["day"],
        role_other=c["time_role_default"]["other"],
        role_by_reported=c["time_role_default"]["by_when_reported"],
        vague_times=frozenset(c["vague_time_values"]),
        underspecified=re.compile(c["underspecified_time_pattern"]),
        set_per=dict(c["set_per"]),
        company_nouns=frozenset(s["company_nouns"]),
        implicit_owner=frozenset(s["implicit_owner_nouns"]),
        time_nouns=frozenset(c["time_nouns"]),
        rank_cues=frozenset(c["rank_cues"]),
        dateline=re.compile(c["dateline_pattern"]),
        baseline=re.compile(c["baseline_before"]),
        baseline_cue=re.compile(c["baseline_between"], re.IGNORECASE),
        third_person=frozenset(s["third_person"]),
        person_pronouns=frozenset(s["person_pronouns"]),
        passing_preps=frozenset(s["passing_prepositions"]),
        object_subject_verbs=frozenset(s["object_subject_verbs"]),
        object_control_verbs=frozenset(s["object_control_verbs"]),
        pronoun_place_labels=frozenset(s["pronoun_place_labels"]),
        country_owner=frozenset(s["country_owner_nouns"]),
        country_nouns=frozenset(s["country_nouns"]),
        demonyms=dict(s["demonyms"]),
        state_nouns=frozenset(s["state_nouns"]),
        country_min=int(s["country_owner_min_mentions"]),
        place_preps=frozenset(s["place_prepositions"]),
        age_cues=frozenset(e["age_cues"]),
        change_verbs=frozenset(c["change_verbs"]),
        age_pattern=re.compile(e["age_pattern"]),
        first_person=frozenset(s["first_person"]),
        first_person_min=int(s["first_person_min"]),
        dominant_min=int(s["dominant_min_mentions"]),
        subject_labels=frozenset(s["subject_labels"]),
        event_verbs=frozenset(e["event_verbs"]),
        event_needs_object=frozenset(e["event_requires_object_or_particle"]),
        count_units=frozenset(e["count_units"]),
        unit_words=frozenset(e["unit_words"]),
        inherit_sentences=int(e["unit_inherit_sentences"]),
        min_bare_value=float(e["min_bare_value"]),
    )


# ---------------------------------------------------------------------------------------------
# Document-level context: who "the company", "it" and "we" stand for.


@dataclass(frozen=True)
class Context:
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

    def antecedent(self) -> EntityMention | None:
        """The entity "it"/"the company" stands for: the article's main ORG, else the last ORG subject."""
        return self.main or (self.recent[-1] if self.recent else None)

    def person(self) -> EntityMention | None:
        """The person "he"/"she" stands for: the last PERSON subject, else the article's main person."""
        return self.recent_people[-1] if self.recent_people else self.main_person


def dominant_org(doc_entities: Sequence[EntityMention], *, min_mentions: int = 2) -> EntityMention | None:
    """The only ORG, or the ORG mentioned most often (at least ``min_mentions`` times, more than any other)."""
    counts = Counter(m.entity_key for m in doc_entities if m.label == "ORG")
    if not counts:
        return None
    ranked = counts.most_common(2)
    key, n = ranked[0]
    if len(ranked) > 1 and (n < min_mentions or ranked[1][1] == n):
        return None
    return next(m for m in doc_entities if m.entity_key == key)


def _context(doc: Doc, entities, doc_entities, published) -> Context:
    c = cues()
    first = sum(1 for t in doc if t.lower_ in c.first_person)
    ents = tuple(entities) if entities else tuple(doc_entities)
    # "SAN FRANCISCO (Reuters) -": the agency in a dateline is the source, never the subject
    m = c.dateline.match(doc.text)
    if m:
        credit = {e for e in ents if e.start < m.end()}
        ents = tuple(e for e in ents if e not in credit)
        doc_entities = [e for e in doc_entities if e not in credit]
    main = dominant_org(doc_entities, min_mentions=c.dominant_min)
    letter = first >= c.first_person_min  # in a "we" letter the company need not be a subject
    if (
        main is not None
        and doc.has_annotation("DEP")
        and not letter
        and not _ever_in_front(doc, main, ents, doc_entities)
    ):
        main = None  # named only in passing ("investors including Sequoia Capital"): not what "it" means
    people = [e for e in doc_entities if e.label == "PERSON"]
    main_person = dominant_org([dataclasses.replace(e, label="ORG") for e in people], min_mentions=c.dominant_min)
    main_person = next((e for e in people if main_person and e.entity_key == main_person.entity_key), None)
    names: dict[str, EntityMention] = {}
    for e in doc_entities:
        if e.label in ("ORG", "PERSON") and " " not in e.text and e.text[:1].isupper():
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
    for e in doc_entities:
        if e.text.split():
            starts.setdefault(e.text.split()[0], set()).add(e.entity_key)
    for e in doc_entities:  # "Nest" for "Nest Labs", when only one entity name starts so
        first = e.text.split()[0] if e.text.split() else ""
        if e.label == "ORG" and " " in e.text and first[:1].isupper() and len(starts[first]) == 1:
            names.setdefault(first, e)
    by_initials: dict[str, set[str]] = {}
    for e in doc_entities:  # "the JSE" for "the Jakarta Stock Exchange", when the NER missed it
        if e.label == "ORG" and len(e.canonical_name.split()) > 1:
            by_initials.setdefault(initials(e.canonical_name), set()).add(e.entity_key)
    for e in doc_entities:
        keys = by_initials.get(initials(e.canonical_name), set()) if e.label == "ORG" else set()
        if len(keys) == 1 and len(e.canonical_name.split()) > 1 and len(initials(e.canonical_name)) >= 3:
            names.setdefault(initials(e.canonical_name), e)
    places = [dataclasses.replace(e, label="ORG") for e in doc_entities if e.label == "GPE" and _is_country(e)]
    country = dominant_org(places, min_mentions=c.country_min)
    country = next((e for e in doc_entities if country and e.entity_key == country.entity_key), None)
    owned = tuple(
        (t.i, t.lemma_.lower())
        for t in doc
        if parsed_doc(doc)
        and _is_company_noun(t)
        and not t.ent_type_
        and any(ch.dep_ == "poss" and (ch.pos_ == "PRON" or ch.ent_type_ in ("GPE", "NORP")) for ch in t.children)
        and not any(ch.dep_ in ("appos", "compound") and ch.ent_type_ for ch in t.children)  # "retail bank Absa"
    )
    return Context(
        ents, main, letter, published, main_person=main_person, names=names, country=country, owned_nouns=owned
    )


@functools.cache
def _countries() -> frozenset[str]:
    """Country names: the GPE patterns of the entity fixes and the demonym table's countries."""
    rows = load_fixes()
    names = {r["pattern"] for r in rows if r["label"] == "GPE" and isinstance(r["pattern"], str)}
    return frozenset(n.casefold() for n in names | set(cues().demonyms.values()))


def _is_country(e: EntityMention) -> bool:
    return e.canonical_name.casefold() in _countries()


def parsed_doc(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _ever_in_front(doc: Doc, main: EntityMention, ents, doc_entities) -> bool:
    """Whether the ORG is named other than in passing ("investors including Sequoia Capital"),
    or is named in another part of the article."""
    here = [e for e in ents if e.entity_key == main.entity_key]
    if len([e for e in doc_entities if e.entity_key == main.entity_key]) > len(here):
        return True
    passing = cues().passing_preps
    for e in here:
        span = doc.char_span(e.start, e.end, alignment_mode="expand")
        if span is None:
            continue
        t = span.root
        while t.dep_ in ("compound", "appos", "conj") and t.head is not t:
            t = t.head
        if not (t.dep_ == "pobj" and t.head.lower_ in passing):
            return True
    return False


def _entity_at(ctx: Context, token: Token) -> EntityMention | None:
    for m in ctx.entities:
        if m.start <= token.idx < m.end:
            return m
    # a name the NER missed here but found elsewhere in the article ("Citadel shares closed ...")
    return ctx.names.get(token.text) if token.pos_ == "PROPN" else None


def _resolve(ctx: Context, token: Token) -> EntityMention | None:
    """The entity a subject-like token stands for: a named entity, or "the company"/"it"/"we"."""
    c = cues()
    ent = _entity_at(ctx, token)
    if ent is not None:
        return ent if ent.label in c.subject_labels else None
    parsed = token.doc.has_annotation("DEP")  # without a parse, walking the tree is not safe
    state = _nationality(ctx, token) if parsed else None
    if state is not None:
        return state[1]
    for child in token.children if parsed else ():  # "Chinese smartphone maker Xiaomi": name as modifier
        if child.dep_ in ("appos", "compound"):
            ent = _entity_at(ctx, child)
            if ent is not None and ent.label in ("ORG", "PERSON"):
                return ent
    low = token.lower_
    if parsed and low in ("which", "that", "who") and token.head.dep_ == "relcl":  # "WhatsApp, which has ..."
        return _resolve(ctx, token.head.head) if token.head.head is not token else None
    if low in c.person_pronouns:  # "He founded the company": the person the text is about
        return ctx.person()
    if _is_country_noun(token) and ctx.country is not None:
        return ctx.country  # "the government", "the island state" in an article about one country
    if low in ("they", "their", "them") and _plural_subject_before(token):
        return None  # "The companies said they expected ...": more than one, not the article's company
    if low in c.third_person or _is_company_noun(token):
        places = c.pronoun_place_labels if low in c.third_person else frozenset()
        local = _clause_subject_before(ctx, token, places=places)  # "Alibaba said that it had ..."
        if local is not None:
            return local
    if ctx.antecedent() is None:
        # "its trade deficit" in an article about one country, with no company to stand for
        macro = token.dep_ == "poss" and token.head.lemma_.lower() in c.country_owner
        return ctx.country if low == "its" and macro else None
    if low in c.third_person:
        return ctx.antecedent()
    if low in c.first_person and ctx.first_person:
        return ctx.main
    if _is_company_noun(token):
        lemma = token.lemma_.lower()
        if lemma not in ("company", "firm") and any(i < token.i and w == lemma for i, w in ctx.owned_nouns):
            return None  # "its central bank ... the bank": someone's unnamed bank, not the article's company
        return ctx.antecedent()
    return None


def _nationality(ctx: Context, token: Token) -> tuple[Token, EntityMention] | None:
    """ "Venezuelan authorities", "German unemployment": the country a state noun belongs to."""
    c = cues()
    if token.lemma_.lower() not in c.state_nouns and token.lower_ not in c.state_nouns:
        return None
    for ch in token.children:
        country = c.demonyms.get(ch.text) if ch.dep_ in ("amod", "compound") else None
        if country is None:
            continue
        named = next((e for e in ctx.entities if e.label == "GPE" and e.canonical_name == country), None)
        if named is None:
            key = "GPE:" + country.casefold()
            named = EntityMention(ch.idx, ch.idx + len(ch.text), ch.text, "GPE", country, key)
        return ch, named
    return None


def _plural_subject_before(token: Token) -> bool:
    """Whether a verb above ``token`` has a plural common-noun subject before it ("the companies")."""
    if not token.doc.has_annotation("DEP"):
        return False
    return any(
        ch.dep_ == "nsubj" and ch.i < token.i and ch.tag_ == "NNS" and not ch.ent_type_
        for verb in token.ancestors
        for ch in verb.children
    )


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


def _named_org(ctx: Context, token: Token) -> EntityMention | None:
    """The ORG a subject names itself or through its apposition ("e-commerce giant Alibaba")."""
    for t in (token, *(ch for ch in token.children if ch.dep_ in ("appos", "compound"))):
        ent = _entity_at(ctx, t)
        if ent is not None and ent.label == "ORG":
            return ent
    return None


def _clause_subject_before(ctx: Context, token: Token, *, places: frozenset[str] = frozenset()) -> EntityMention | None:
    """An ORG (or, for "it", a country) that is the subject of a verb above ``token`` and comes
    before it in the sentence."""
    if not token.doc.has_annotation("DEP"):
        return None
    for verb in token.ancestors:
        for ch in verb.children:
            if ch.dep_ in ("nsubj", "nsubjpass") and ch.i < token.i and not any(g.dep_ == "conj" for g in ch.children):
                ent = _named_org(ctx, ch)
                if ent is None and places:
                    ent = _entity_at(ctx, ch)
                    ent = ent if ent is not None and ent.label in places else None
                    if ent is None and _is_country_noun(ch):
                        ent = ctx.country  # "the government said its estimate ..."
                if ent is not None:
                    return ent
    return None


# ---------------------------------------------------------------------------------------------
# Parse helpers


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _opens_clause(t: Token) -> bool:
    if t.dep_ == "ROOT":
        return True
    if t.dep_ not in CLAUSE_DEPS or t.pos_ not in ("VERB", "AUX"):
        return False
    own = {ch.dep_ for ch in t.children}
    if t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN") and not own & {"nsubj", "nsubjpass", "mark"}:
        return False  # "..., raising $16 billion": a participle shares its head's clause
    infinitive = any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in t.children)
    if t.dep_ == "advcl" and infinitive and not own & {"nsubj", "nsubjpass", "mark"}:
        return False  # "agreed in September 2017 to sell ...": an infinitive too
    # "the quarter that ended on September 28": the date dates the quarter, so it stays in the clause
    return not (t.dep_ == "relcl" and t.head.lemma_.lower() in cues().time_nouns)


def _clause(token: Token, transparent: range = range(0)) -> Token:
    """The head of the clause a token belongs to; tokens in ``transparent`` (the amount itself,
    e.g. "won" mis-parsed as a verb) never open one."""
    t = token
    for _ in range(64):
        if t.i not in transparent and _opens_clause(t):
            return t
        if t.head is t:
            return t
        if not _inside(t.head):  # the parse left the piece: the piece's own main verb heads the clause
            top = _piece_top(t.doc)
            return top if top is not None else t
        t = t.head
    return t


def _governing_verb(token: Token) -> Token | None:
    t = token
    for _ in range(64):
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux":
            return t
        if t.head is t or not _inside(t.head):
            return None
        t = t.head
    return None


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is an open complement of ("expected" <- "to be launched")."""
    chain = [verb]
    t = verb
    while t.head is not t and (
        t.dep_ in ("xcomp", "acomp")
        or (
            t.dep_ == "conj" and not any(ch.dep_ in ("aux", "nsubj") for ch in t.children)
        )  # "will open ... and create"
    ):
        t = t.head
        chain.append(t)
    return chain


def _phrase(token: Token, *, skip: set[int] = frozenset()) -> str:  # type: ignore[assignment]
    """The noun phrase a token heads: its modifiers and prepositional attachments, no clauses."""
    keep = {"compound", "amod", "nmod", "prep", "pobj", "poss", "case", "det", "nummod", "quantmod", "hyph"}
    toks = [token]
    stack = list(token.children)
    while stack:
        t = stack.pop()
        if t.i in skip or t.dep_ not in keep:
            continue
        toks.append(t)
        stack.extend(t.children)
    toks.sort(key=lambda t: t.i)
    words = [t.text for t in toks if t.lower_ not in _STOP and t.tag_ != "POS" and t.dep_ not in ("poss",)]
    return " ".join(words)


def property_key(predicate: str) -> str:
    """A grouping key for a predicate: lower-case lemma-ish words joined by '_' ("Smartphone shipments")."""
    words = [w for w in _NON_WORD.sub(" ", predicate.lower()).split() if w not in _STOP]
    return "_".join(_singular(w) for w in words)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# ---------------------------------------------------------------------------------------------
# Time


@dataclass(frozen=True)
class _Time:
    mention: DateMention
    role: str


def _role(doc: Doc, date: DateMention, sent_start: int) -> tuple[str | None, int]:
    """The role of a date from the cue right before it (or at its start), with the cue's start offset."""
    c = cues()
    text = date.text.lower()
    for cue, role in c.time_roles:
        if text.startswith(cue + " "):
            return role, date.start
    before = doc.text[max(sent_start, date.start - 40) : date.start].lower().rstrip()
    before = re.sub(r"\s+", " ", before)
    if c.baseline.search(before):
        return "baseline", date.start
    for cue, role in c.time_roles:
        if before.endswith(" " + cue) or before == cue:
            return role, date.start - len(cue) - 1
    return None, date.start


def _default_role(date: DateMention) -> str:
    c = cues()
    return c.role_day if _is_day(date) else c.role_other


def _is_concrete(date: DateMention) -> bool:
    """A calendar value a fact can carry: starts with a year (2012, 2012-06, 2012-Q3, 2012-W23)."""
    if not date.value or date.value in cues().vague_times:
        return False
    return re.match(r"\d{4}", date.value) is not None or cues().underspecified.fullmatch(date.value) is not None


def _per_of_set(date: DateMention) -> str | None:
    return cues().set_per.get(date.value) if date.type == "SET" else None


def _range_end(doc: Doc, first: DateMention, dates: Sequence[DateMention]) -> DateMention | None:
    """The second date of "from X to Y" / "between X and Y"."""
    for d in dates:
        if d.start > first.end and re.fullmatch(r"\s*(?:to|and|until|through|-|–)\s*", doc.text[first.end : d.start]):
            return d
    return None


# ---------------------------------------------------------------------------------------------
# Modality and attribution


def _modality(chain: Sequence[Token], noun: Token | None) -> tuple[str, bool]:
    """("reported" | "forecast" | "plan", negated) from the verb chain, nearest cue first, then the noun
    ("a target of 10 million")."""
    c = cues()
    negated = any(ch.dep_ == "neg" and ch.lower_ in c.negation for v in chain for ch in v.children)
    for v in chain:
        lemma = v.lemma_.lower()
        if lemma in c.plan_verbs and (v is not chain[0] or any(ch.dep_ in ("dobj", "xcomp") for ch in v.children)):
            return "plan", negated
        if lemma in c.forecast_verbs:
            return "forecast", negated
        if any(ch.dep_ == "aux" and ch.lower_ in c.forecast_aux for ch in v.children):
            return "forecast", negated
    if noun is not None:
        head = noun.head.head if noun.dep_ == "pobj" else None
        for n in (noun, head):
            if n is not None and n.lemma_.lower() in c.plan_nouns:
                return "plan", negated
            if n is not None and n.lemma_.lower() in c.forecast_nouns:
                return "forecast", negated
    return "reported", negated


def _attribution(sent: Span, verb: Token | None) -> str | None:
    c = cues()
    low = sent.text.lower()
    i = low.find("according to ")
    if i >= 0:
        tail = sent.text[i:]
        end = re.search(r"[,;.]", tail[13:])
        return tail[: 13 + end.start()] if end else tail.rstrip(".")
    t = verb
    for _ in range(8):
        if t is None or t.head is t:
            break
        t = t.head
        if t.lemma_.lower() in c.attribution_verbs and t.pos_ == "VERB":
            subj = [ch for ch in t.children if ch.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                s = subj[0]
                words = sent.doc[s.left_edge.i : s.right_edge.i + 1].text
                return f"{words} {t.text}"
    if verb is not None:  # "..., Lei said." parsed as the reporting clause hanging off the fact's verb
        for ch in verb.children:
            if ch.dep_ in ("parataxis", "ccomp") and ch.lemma_.lower() in c.attribution_verbs:
                subj = [g for g in ch.children if g.dep_ == "nsubj"]
                if subj:
                    return f"{sent.doc[subj[0].left_edge.i : subj[0].right_edge.i + 1].text} {ch.text}"
    return None


# ---------------------------------------------------------------------------------------------
# Subject and property from the parse


def _measured(span: Span, q: QuantityMention) -> Token:
    """The token the quantity measures: the noun a bare number modifies, else the span's root."""
    root = span.root
    if root.pos_ == "NUM" and root.dep_ in ("nummod", "quantmod", "compound") and root.head.i >= span.end:
        noun = root.head
        # "2.5 million Galaxy Note 7 smartphones": through the product name to the counted noun
        while noun.pos_ == "PROPN" and noun.dep_ in ("nmod", "compound") and noun.head.i > noun.i:
            noun = noun.head
        return noun
    return root


def _is_unit_token(token: Token, q: QuantityMention) -> bool:
    """Whether a token names the unit of the amount ("units", "yuan", "%") rather than what is measured."""
    if q.start <= token.idx < q.end or token.pos_ in ("NUM", "SYM"):
        return True
    lemma = token.lemma_.lower()
    units = {(q.unit or "").lower(), (q.unit_text or "").lower()}
    return lemma in cues().count_units or lemma in cues().unit_words or lemma in units or token.lower_ in units


def _property_noun(ctx: Context, measured: Token, q: QuantityMention, verb: Token | None) -> Token | None:
    """The noun whose amount is stated: "revenue" in "revenue of $5bn" / "revenue rose to $5bn"."""
    if not _is_unit_token(measured, q) and measured.pos_ == "NOUN" and _entity_at(ctx, measured) is None:
        return measured
    if measured.dep_ == "pobj" and measured.head.dep_ == "prep":
        head = measured.head.head
        if head.pos_ in ("NOUN", "PROPN") and not _is_unit_token(head, q) and _entity_at(ctx, head) is None:
            return head
    if measured.dep_ == "appos" and measured.head.pos_ == "NOUN":
        return measured.head
    if verb is not None:
        for ch in verb.children:
            if (
                _inside(ch)
                and ch.dep_ in ("nsubj", "nsubjpass")
                and ch.pos_ == "NOUN"
                and ch.lemma_.lower() not in cues().company_nouns
                and _entity_at(ctx, ch) is None
                and not (_is_country_noun(ch) and ctx.country is not None)
            ):
                return ch
    return None


def _subject(
    ctx: Context, prop: Token | None, verb: Token | None, measured: Token | None
) -> tuple[Token, EntityMention] | None:
    """Possessor, compound or prepositional entity of the measured noun, else the verb's subject."""
    c = cues()
    for noun in (measured, prop) if measured is not None and measured is not prop else (prop,):
        if noun is None or (noun is measured and noun is not prop and noun.pos_ in ("VERB", "AUX")):
            continue
        content = noun is prop
        for ch in noun.children:
            if ch.dep_ == "poss":
                ent = _resolve(ctx, ch)
                if ent is not None:
                    return ch, ent
        for ch in noun.children:
            if ch.dep_ == "compound":
                ent = _entity_at(ctx, ch)
                # "Apple revenue" names its owner; "45 million Galaxy S7 phones" names what is counted
                banned = ("NORP",) if content else ("NORP", "PRODUCT")
                if ent is not None and ent.label in c.subject_labels and ent.label not in banned:
                    return ch, ent
    found = _verb_subject(ctx, prop, verb)
    if found is not None:
        return found
    # "revenue at Apple", "shipments of Xiaomi": only when the verb's subject named no one
    for ch in prop.children if prop is not None else ():
        if ch.dep_ == "prep" and ch.lower_ in PROPERTY_PREPS:
            for p in ch.children:
                if p.dep_ == "pobj":
                    ent = _entity_at(ctx, p)
                    if ent is None:  # "earnings at Barclays Capital investment bank"
                        names = [_entity_at(ctx, g) for g in p.children if g.dep_ == "compound"]
                        ent = next((e for e in names if e is not None and e.label == "ORG"), None)
                    if ent is not None and ent.label in c.subject_labels and ent.label != "NORP":
                        return p, ent
    # "Revenue rose 3 percent" with no owner named, in an article about one company
    named = prop is not None and any(
        ch.dep_ in ("poss", "compound") and ch.pos_ in ("PROPN", "PRON") for ch in prop.children
    )
    if prop is not None and not named and prop.lemma_.lower() in c.implicit_owner:
        owner = _clause_subject_before(ctx, prop) or ctx.antecedent()  # "SBC said 5,125 positions would go"
        if owner is not None:
            return prop, owner
    state = _nationality(ctx, prop) if prop is not None else None
    if state is not None:
        return state
    owned = prop is not None and any(ch.dep_ == "poss" for ch in prop.children)  # "the world's population"
    if prop is not None and not owned and prop.lemma_.lower() in c.country_owner and ctx.country is not None:
        return prop, ctx.country  # "inflation fell below 10%" in an article about one country
    for ch in prop.children if prop is not None else ():  # "the company share price"
        if ch.dep_ == "compound" and _is_company_noun(ch) and ctx.antecedent():
            return ch, ctx.antecedent()
    return _place(ctx, measured, prop, verb)


def _place(
    ctx: Context, measured: Token | None, prop: Token | None, verb: Token | None
) -> tuple[Token, EntityMention] | None:
    """With no one named, the country the amount is counted in: "53 million people own a mobile
    in the UK", "75% of all mobiles in the UK" (the measured noun, what it is "of", or the verb)."""
    c = cues()
    own = {t.i for t in measured.subtree} if measured is not None else set()
    if verb is not None and any(ch.dep_ in SUBJECT_DEPS and ch.i not in own for ch in verb.children):
        return None  # the clause is about its subject ("It employs 120 people in London"), named or not
    heads: list[Token] = [t for t in (measured, prop) if t is not None]
    for t in list(heads):
        of = [ch for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "of"]
        heads += [g for ch in of for g in ch.children if g.dep_ == "pobj"]
    counted = next((t for t in heads if t.dep_ in ("nsubj", "nsubjpass")), None)
    if counted is not None:  # the amount is what the clause is about ("people ... killed in X"), not its object
        gov = counted.head
        heads += [gov, *(ch for ch in gov.children if ch.dep_ in ("dobj", "xcomp", "acomp"))]
    for t in heads:
        for ch in t.children:
            if ch.dep_ == "prep" and ch.lower_ in c.place_preps:
                for p in ch.children:
                    ent = _entity_at(ctx, p) if p.dep_ == "pobj" else None
                    if ent is not None and ent.label == "GPE":
                        return p, ent
    return None


def _verb_subject(ctx: Context, prop: Token | None, verb: Token | None) -> tuple[Token, EntityMention] | None:
    """The subject (or agent, or recipient) of the verb chain, resolved to an entity."""
    c = cues()
    v = verb
    for _ in range(6):
        if v is None:
            return None
        subj = [ch for ch in v.children if ch.dep_ in ("nsubj", "nsubjpass") and _inside(ch)]
        if not subj and any(not _inside(ch) and ch.dep_ in ("nsubj", "nsubjpass") for ch in v.children):
            # the parser took the headline's noun as subject: the piece's own first name, hung outside
            subj = [t for t in _orphans(v.doc) if t.i < v.i and t.pos_ in ("PROPN", "NOUN", "PRON")][:1]
        agent = [g for ch in v.children if ch.dep_ == "agent" for g in ch.children if g.dep_ == "pobj"]
        if v.lemma_.lower() in c.object_subject_verbs:  # "a round that values the company at $45 billion"
            for ch in v.children:
                ent = _resolve(ctx, ch) if ch.dep_ == "dobj" else None
                if ent is not None:
                    return ch, ent
        # a bad parse can give several subjects ("Apple co-founder Steve Jobs"): the named one first
        for s in sorted(subj, key=lambda t: _entity_at(ctx, t) is None) + agent:
            if prop is not None and s.i == prop.i:
                continue
            ent = _resolve(ctx, s)
            if ent is not None:
                return s, ent
            if s.pos_ in ("VERB", "AUX"):  # a clause as subject ("it target is 60 million"): its own subject
                inner = [g for g in s.children if g.dep_ == "nsubj"]
                ent = _resolve(ctx, inner[0]) if inner else None
                if ent is not None:
                    return inner[0], ent
            for ch in s.children if s.lemma_.lower() not in c.company_nouns else ():
                if ch.dep_ in ("poss", "compound"):
                    ent = _resolve(ctx, ch) if ch.dep_ == "poss" else _entity_at(ctx, ch)
                    if ent is not None and ent.label in c.subject_labels and ent.label != "NORP":
                        return ch, ent
            for ch in v.children:  # "The deal gives Google 17,000 patents"
                ent = _entity_at(ctx, ch) if ch.dep_ == "dative" else None
                if ent is not None and ent.label in ("ORG", "PERSON"):
                    return ch, ent
            if s.pos_ in ("NOUN", "PROPN", "PRON"):
                return None
        if v.dep_ == "xcomp" and not subj and v.head.lemma_.lower() in c.object_control_verbs:
            for ch in v.head.children:  # "enable Turkey to defer payments": the object does it
                ent = _resolve(ctx, ch) if ch.dep_ == "dobj" else None
                if ent is not None:
                    return ch, ent
        if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            ent = _resolve(ctx, v.head)
            if ent is not None:
                return v.head, ent
            if v.dep_ == "acl" and v.head.dep_ == "dobj" and not subj:
                v = v.head.head  # "agreed a proposal to borrow $10bn": who agreed borrows
                continue
            return None
        if v.dep_ in ("xcomp", "conj", "advcl") and not subj:
            v = v.head
            continue
        if (
            prop is not None
            and [s.i for s in subj] == [prop.i]
            and v.dep_ in ("ccomp", "xcomp")
            and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in v.children)  # not "predicts that ..."
            and v.head.lemma_.lower() in c.forecast_verbs | c.plan_verbs
        ):
            v = v.head  # "it expected repayments to be frozen": the one who expects owns them
            continue
        if v.dep_ == "pcomp" and not subj and v.head.head is not v.head:
            v = v.head.head  # "after launching the iPod": the main verb's subject did it
            continue
        return None
    return None


# ---------------------------------------------------------------------------------------------
# Finding facts


def _in(start: int, end: int, sent: Span) -> bool:
    return sent.start_char <= start and end <= sent.end_char


def _pick_time(
    doc: Doc,
    sent: Span,
    anchor: Token,
    candidates: Sequence[DateMention],
    *,
    parsed: bool,
    amount: Span | None = None,
    start_from: bool = False,
) -> _Time | None:
    """The date of the anchor's clause (parse) or the nearest in the sentence (window).

    ``start_from``: a "from" date without an end starts the amount ("savings of $2bn from
    2008") instead of being the baseline of a change ("rose 5% from 2003").

    Within the clause a date inside the amount's own phrase wins ("up from 35 billion a year
    earlier"), then a date with a cue word, then the more specific, then the nearest.
    """
    transparent = range(amount.start, amount.end) if amount is not None else range(0)
    aside = _apposition(amount.root, anchor) if amount is not None and parsed else None
    phrase = _phrase_top(amount.root, anchor) if amount is not None and parsed else None
    near = amount.start if amount is not None else anchor.i
    scored = []
    for d in candidates:
        if not _is_concrete(d) or d.type in ("SET", "DURATION"):
            continue
        dspan = _span(doc, d.start, d.end)
        if dspan is None:
            continue
        role, _ = _role(doc, d, sent.start_char)
        if role == "range" and start_from and _range_end(doc, d, candidates) is None:
            gap = doc.text[amount.end_char : d.start] if amount is not None else ""
            if amount is not None and d.start > amount.end_char and not re.search(r"\d|%|,", gap):
                role = "since"  # "savings of $2bn from 2008", not "..., an increase of 10 percent from ..."
        if role == "baseline" or (role == "range" and _range_end(doc, d, candidates) is None):
            continue  # "up 60 percent from a year earlier": the date compared with, not the fact's
        direct = False
        if parsed:
            droot = dspan.root
            if _clause(droot, transparent) != _clause(anchor, transparent) and not _fronted_for_report(
                d, droot, _clause(anchor, transparent), transparent
            ):
                continue
            said = _governing_verb(droot)
            lead = doc[max(sent.start, dspan.start - 2) : dspan.start]
            speech = said is not None and said.lemma_.lower() in cues().attribution_verbs
            if _is_day(d) and (speech or any(t.lemma_.lower() in cues().attribution_verbs for t in lead)):
                continue  # "said on Wednesday (it would ...)", "reported ... on Tuesday": when it was said
            if amount is not None and _in_subject_modifier(droot, anchor, amount):
                continue  # "The service, launched in December, has had 900,000 orders": the launch's date
            if amount is not None and _baseline_between(doc.text[amount.end_char : d.start]):
                continue  # "4.6 pence, up 15% from 4 pence a year earlier": the date of the baseline amount
            if aside is not None and aside not in droot.ancestors and droot != aside:
                continue  # "China Mobile, the largest carrier with 750 million users, received ... on"
            direct = phrase is not None and (droot == phrase or phrase in droot.ancestors)
        distance = abs(dspan.start - near)
        if not parsed:
            lead = doc[max(sent.start, dspan.start - 2) : dspan.start]
            if any(t.lemma_.lower() in cues().attribution_verbs for t in lead):
                continue  # "said on Thursday": when it was said
            scored.append((0, 0 if role else 1, distance, -len(d.value), d, role))
            continue
        scored.append((0 if direct else 1, 0 if role else 1, -len(d.value), distance, d, role))
    if not scored:
        return None
    *_, best, role = min(scored, key=lambda s: s[:4])
    return _Time(best, role or _default_role(best))


def _fronted_for_report(d: DateMention, droot: Token, clause: Token, transparent: range) -> bool:
    """ "By the end of 2013, the analysts predict that 60% of ...": a period put before a forecast or
    report verb dates what is forecast or reported (a day is when it was said)."""
    if _is_day(d) or clause.dep_ != "ccomp":
        return False
    said = clause.head
    c = cues()
    return (
        _clause(droot, transparent) == _clause(said, transparent)
        and said.lemma_.lower() in c.forecast_verbs | c.attribution_verbs
        and droot.i < said.i
    )


def _in_subject_modifier(droot: Token, anchor: Token, amount: Span) -> bool:
    """Whether the date sits in a clause modifying another noun of the verb (its subject, "The
    service, launched in December, has had ..."; its object, "charges, raised ... in October")
    while the amount is not in that clause."""
    own = {*range(amount.start, amount.end)}  # the amount's own phrase: the path from it up to the verb
    for t in amount.root.ancestors:
        if t.i == anchor.i:
            break
        own.add(t.i)
    time_nouns = cues().time_nouns
    inner = [
        t
        for t in anchor.subtree
        if t.dep_ in ("acl", "relcl") and t.head.i not in own and t.head.lemma_.lower() not in time_nouns
    ]  # "for the quarter that ended on September 28" names the period: kept
    return any((droot == t or t in droot.ancestors) and amount.root not in t.subtree for t in inner)


def _baseline_between(gap: str) -> bool:
    """ "..., up 15% from 4 pence a year earlier": a comparison cue, then another amount, then the date."""
    found = list(cues().baseline_cue.finditer(gap))
    return bool(found) and re.search(r"\d|[$€£¥]", gap[found[-1].end() :]) is not None


def _is_day(date: DateMention) -> bool:
    """A calendar day, also one whose year the text leaves open ("on Friday", "on 26 December")."""
    return re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d{2}-\d{2}|WXX-\d)", date.value or "") is not None


def _apposition(token: Token, stop: Token) -> Token | None:
    """The appositive (background description) between ``token`` and ``stop`` that holds it, if any."""
    t = token
    for _ in range(32):
        if t == stop or t.head is t:
            return None
        if t.dep_ == "appos" and t.head.pos_ == "PROPN":  # not "1.49 billion euros ($1.7 billion)"
            return t
        t = t.head
    return None


def _phrase_top(token: Token, verb: Token) -> Token | None:
    """The dependent of ``verb`` whose subtree holds ``token`` (the amount's phrase), if any."""
    t = token
    for _ in range(32):
        if t.head == verb and t != verb:
            return t
        if t.head is t:
            return None
        t = t.head
    return None


def _per(q: QuantityMention, doc: Doc, sent: Span, anchor: Token, dates: Sequence[DateMention], *, parsed: bool):
    if q.per:
        return q.per
    for d in dates:
        per = _per_of_set(d)
        if per is None:
            continue
        dspan = _span(doc, d.start, d.end)
        if dspan is not None and (not parsed or _clause(dspan.root) == _clause(anchor)):  # same clause
            return per
    return None


def _fact(
    sent: Span,
    *,
    subject: tuple[Token, EntityMention] | None,
    predicate: str,
    key: str,
    q: QuantityMention | None,
    unit: str | None,
    time: _Time | None,
    dates: Sequence[DateMention],
    modality: str,
    negated: bool,
    attribution: str | None,
    per: str | None,
) -> Fact:
    d = time.mention if time else None
    end_date = d.end_date if d else None
    if time and time.role == "range":
        second = _range_end(sent.doc, d, dates)
        if second is not None:
            end_date = second.end_date
    role = time.role if time else None
    if role == "by" and modality == "reported" and not negated:  # "by June 12 shipments had risen": a status
        role = cues().role_by_reported
    ent = subject[1] if subject else None
    stok = subject[0] if subject else None
    return Fact(
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        sentence=sent.text.strip(),
        subject=ent.canonical_name if ent else None,
        predicate=predicate,
        property_key=key,
        subject_key=ent.entity_key if ent else None,
        value=q.value if q else None,
        value_max=q.value_max if q else None,
        unit=unit,
        bound=q.bound if q else None,
        per=per,
        change=q.change if q else None,
        time_value=d.value if d else None,
        time_mod=d.mod if d else None,
        time_role=role,
        start_date=d.start_date if d else None,
        end_date=end_date,
        modality="negated" if negated else modality,
        negated=negated,
        attribution=attribution,
        quantity_span=(q.start, q.end) if q else None,
        date_span=(d.start, d.end) if d else None,
        subject_span=(stok.idx, stok.idx + len(stok.text)) if stok is not None else None,
        sources=((sent.start_char, sent.end_char),),
    )


def _skip_quantity(q: QuantityMention, dates: Sequence[DateMention], entities: Sequence[EntityMention]) -> bool:
    if any(d.start < q.end and q.start < d.end for d in dates):
        return True
    # numbers inside names ("Mi 2", "Galaxy S3") are not amounts
    return any(e.start <= q.start and q.end <= e.end and e.label in ("PRODUCT", "ORG", "WORK_OF_ART") for e in entities)


def _unit(q: QuantityMention, previous: list[tuple[int, str]], sent_index: int, span: Span | None = None) -> str | None:
    """The quantity's unit; a bare number takes the noun it counts, or the counted unit of a fact
    just before it ("ship five million")."""
    if q.unit and q.unit != "dimensionless":
        return q.unit
    if span is not None and span.doc.has_annotation("DEP"):
        noun = _measured(span, q)
        if noun is not span.root and noun.pos_ in ("NOUN", "PROPN") and noun.tag_ in ("NNS", "NNPS"):
            return noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.lower_.rstrip("s")
    if span is not None:  # the plural noun right after the number, past a product name ("45 million Galaxy S7 phones")
        for t in span.doc[span.end : span.end + 4]:
            if t.pos_ == "NOUN" and t.tag_ in ("NNS", "NNPS"):
                return t.lemma_.lower()
            if t.pos_ not in ("PROPN", "NUM", "ADJ", "PUNCT") and t.tag_ not in ("VBG", "VBN"):
                break
    follows = span.doc[span.end] if span is not None and span.end < len(span.doc) else None
    if follows is not None and follows.lower_ == "of":  # partitive: "1 million of the devices"
        for t in span.doc[span.end + 1 : span.end + 5]:
            if t.pos_ == "NOUN" and t.tag_ == "NNS":
                return t.lemma_.lower()
            if t.pos_ not in ("DET", "ADJ", "PRON", "PROPN", "NUM"):
                break
    # ellipsis only: the number is followed by no noun of its own ("they will ship five million by ...")
    if follows is not None and follows.pos_ in ("NOUN", "PROPN"):
        return None
    for idx, unit in reversed(previous):
        if sent_index - idx <= cues().inherit_sentences and q.value >= 1000 and unit in cues().count_units:
            return unit
    return None if q.unit in (None, "dimensionless") else q.unit


def find_facts(
    doc: Doc,
    *,
    dates: Sequence[DateMention],
    quantities: Sequence[QuantityMention],
    entities: Sequence[EntityMention],
    doc_entities: Sequence[EntityMention],
    published: str | None,
) -> list[Fact]:
    """Facts stated in one part (offsets relative to ``doc``), in text order."""
    ctx = _context(doc, entities, doc_entities, published)
    parsed = doc.has_annotation("DEP")
    sents = list(doc.sents) if (parsed or doc.has_annotation("SENT_START")) else [doc[:]]
    sents = [piece for sent in sents for piece in _paragraph_pieces(sent)]
    facts: list[Fact] = []
    counted_units: list[tuple[int, str]] = []
    for si, sent in enumerate(sents):
        token = _PIECE.set((sent.start, sent.end))
        try:
            facts.extend(_sentence_facts(ctx, sent, si, dates, quantities, entities, counted_units, parsed=parsed))
        finally:
            _PIECE.reset(token)
    return facts


def _sentence_facts(
    ctx: Context,
    sent: Span,
    si: int,
    dates: Sequence[DateMention],
    quantities: Sequence[QuantityMention],
    entities: Sequence[EntityMention],
    counted_units: list[tuple[int, str]],
    *,
    parsed: bool,
) -> list[Fact]:
    """The facts of one sentence piece, in text order."""
    c = cues()
    doc = sent.doc
    facts: list[Fact] = []
    s_dates = [d for d in dates if _in(d.start, d.end, sent)]
    s_qs = [q for q in quantities if _in(q.start, q.end, sent) and not _skip_quantity(q, dates, entities)]
    used_verbs: set[int] = set()
    for q in sorted(s_qs, key=lambda q: q.start):
        span = _span(doc, q.start, q.end)
        if span is None or (span.start > 0 and doc[span.start - 1].lower_ in c.rank_cues):
            continue  # "a top ten brand" is a rank, not an amount
        unit = _unit(q, counted_units, si, span)
        if parsed:
            fact, verb = _parse_fact(ctx, sent, span, q, unit, s_dates)
        else:
            fact, verb = _window_fact(ctx, sent, span, q, unit, s_dates), None
        if fact is None:
            continue
        if facts and _is_conversion(doc, facts[-1], q):
            fact = _as_conversion(fact, facts[-1])
        facts.append(fact)
        if unit and q.kind not in ("currency", "percent"):
            counted_units.append((si, unit))
        if verb is not None and fact.time_value is not None:  # the amount already carries the event's date
            used_verbs.add(verb.i)
    facts.extend(_events(ctx, sent, s_dates, used_verbs, parsed=parsed, has_quantity=bool(s_qs)))
    if parsed:
        _remember_subject(ctx, sent)
    return facts


_CONVERSION_GAP = re.compile(r"\s*[(;]\s*")


def _is_conversion(doc: Doc, previous: Fact, q: QuantityMention) -> bool:
    """ "30 trillion rupiah ($3.2bn; £1.7bn)": an amount in brackets right after another amount
    restates it in another currency, whatever the parser made of the brackets."""
    if previous.quantity_span is None or previous.value is None or q.kind != "currency":
        return False
    gap = doc.text[previous.quantity_span[1] : q.start]
    opened = "(" in doc.text[max(0, previous.quantity_span[0] - 2) : q.start]
    return _CONVERSION_GAP.fullmatch(gap) is not None and opened


def _as_conversion(fact: Fact, previous: Fact) -> Fact:
    """The restated amount takes the subject, predicate, time and modality of the amount it restates."""
    return dataclasses.replace(
        fact,
        subject=previous.subject,
        subject_key=previous.subject_key,
        subject_span=previous.subject_span,
        predicate=previous.predicate,
        property_key=previous.property_key,
        time_value=previous.time_value,
        time_mod=previous.time_mod,
        time_role=previous.time_role,
        start_date=previous.start_date,
        end_date=previous.end_date,
        date_span=previous.date_span,
        modality=previous.modality,
        negated=previous.negated,
        attribution=previous.attribution or fact.attribution,
    )


def _paragraph_pieces(sent: Span) -> list[Span]:
    """A "sentence" the parser ran across a blank line ("Headline\n\nFirst sentence ...") is
    cut there: a paragraph break always ends a sentence, and a headline is not a clause of the
    sentence below it."""
    cuts = [t.i for t in sent if t.is_space and t.text.count("\n") >= 2]
    if not cuts:
        return [sent]
    pieces, start = [], sent.start
    for cut in [*cuts, sent.end]:
        if cut > start:
            pieces.append(sent.doc[start:cut])
        start = cut + 1
    return [p for p in pieces if not all(t.is_space or t.is_punct for t in p)]


def _remember_subject(ctx: Context, sent: Span) -> None:
    """Keep the ORG the sentence is about (subject of its main verb) as the antecedent for "it"."""
    for ch in sent.root.children:
        if ch.dep_ in ("nsubj", "nsubjpass") and not any(g.dep_ == "conj" for g in ch.children):
            ent = _named_org(ctx, ch) or next(
                (e for g in ch.children if g.dep_ == "poss" for e in [_entity_at(ctx, g)] if e), None
            )
            if ent is not None and ent.label == "ORG":
                ctx.recent.append(ent)
            person = _entity_at(ctx, ch)
            if person is not None and person.label == "PERSON":
                ctx.recent_people.append(person)


def _parse_fact(
    ctx: Context, sent: Span, span: Span, q: QuantityMention, unit, s_dates
) -> tuple[Fact | None, Token | None]:
    measured = _measured(span, q)
    verb = _governing_verb(measured)
    relcl = [ch for ch in measured.children if ch.dep_ == "relcl" and ch.pos_ == "VERB"]
    if relcl:  # "the 7.2 million handsets it shipped in 2012": the relative clause says what happened
        verb = relcl[0]
    prop = _property_noun(ctx, measured, q, verb)
    if unit is None and prop is None and q.kind == "number" and q.value < cues().min_bare_value:
        return None, None
    if unit is None and q.kind == "number" and prop is None and not q.vague and verb is None:
        return None, None
    subject = _subject(ctx, prop, verb, measured)
    if subject is not None and not sent.start <= subject[0].i < sent.end:
        subject = None  # found across a paragraph break (a headline above): not this sentence's
    if subject is not None and subject[1].start <= measured.idx < subject[1].end:
        subject = None  # "the 22 million Americans who own ...": what is counted, not who has it
    if subject is not None and span.start <= subject[0].i < span.end:
        subject = None  # "NOK 12bn": a currency code read as a name is part of the amount
    skip = {subject[0].i} if subject else set()
    if prop is not None:
        predicate = _phrase(prop, skip=skip | set(range(span.start, span.end)))
    elif verb is not None:
        prep = measured.head if measured.dep_ == "pobj" and measured.head.head == verb else None
        predicate = verb.lemma_.lower() + (f" {prep.lower_}" if prep is not None else "")
    else:
        predicate = measured.lemma_.lower()
    anchor = verb if verb is not None else measured
    lead = sent.doc[max(sent.start, span.start - 2) : span.start]  # "up 60 percent from a year earlier"
    changes = (
        q.change is not None
        or (verb is not None and verb.lemma_.lower() in cues().change_verbs)
        or any(t.lemma_.lower() in cues().change_verbs for t in lead)
    )
    time = _pick_time(sent.doc, sent, anchor, s_dates, parsed=True, amount=span, start_from=not changes)
    if time is not None and _describes_subject(ctx, measured, verb, time.mention):
        time = None  # "The group of 12 lenders meets on 3 March": the date is the meeting's
    chain = _verb_chain(verb) if verb is not None else []
    modality, negated = _modality(chain, prop)
    fact = _fact(
        sent,
        subject=subject,
        predicate=predicate,
        key=property_key(predicate),
        q=q,
        unit=unit,
        time=time,
        dates=s_dates,
        modality=modality,
        negated=negated,
        attribution=_attribution(sent, verb),
        per=_per(q, sent.doc, sent, anchor, s_dates, parsed=True),
    )
    if q.value == 1 and q.text.strip().lower() in ("one", "a", "an") and q.kind in ("number", "count"):
        return None, None  # "one U.S. crew chief said": an article, not an amount
    if _is_age(sent.doc, span, q):
        return None, None  # "aged 30-39", "a 20-year-old man": a description of people
    if fact.subject is None and q.kind == "number" and fact.unit in (None, "dimensionless") and prop is None:
        return None, None  # "2.5G", "known as '771", "under 18": a bare number about no one
    if fact.subject is None and q.vague:
        return None, None  # "millions of under-18s": a manner of speaking, not a figure
    if q.value < 1 and q.kind in ("number", "count"):
        return None, None  # "half the IMF support": a share of something unmeasured
    if (
        fact.subject is None
        and fact.time_value is None
        and q.kind in ("number", "count")
        and q.value < cues().min_bare_value
    ):
        return None, None  # "this two principal": a small count about no one at no time says nothing
    return fact, verb


def _is_age(doc: Doc, span: Span, q: QuantityMention) -> bool:
    c = cues()
    if c.age_pattern.search(q.text) or c.age_pattern.match(doc.text[q.start : q.end + 12]):
        return True
    before = [t for t in doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    return q.kind in ("number", "dimension") and any(t.lower_ in c.age_cues for t in before[-2:])


def _describes_subject(ctx: Context, measured: Token, verb: Token | None, d: DateMention) -> bool:
    """Whether the amount sits inside a named subject's own phrase ("The Paris Club of 19
    creditors", "Apple, with 80,000 employees,") while the date belongs to the verb."""
    if verb is None:
        return False
    for s in (ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")):
        if s == measured or measured not in s.subtree or _entity_at(ctx, s) is None:
            continue
        dspan = _span(verb.doc, d.start, d.end)
        return dspan is not None and dspan.root not in s.subtree
    return False


def _window_fact(ctx: Context, sent: Span, span: Span, q: QuantityMention, unit, s_dates) -> Fact | None:
    """Fast mode: the nearest entity before the amount, the nearest verb, the nearest date in the sentence."""
    c = cues()
    if unit is None and q.kind == "number" and q.value < c.min_bare_value:
        return None
    subject = _window_subject(ctx, sent, span.start)
    verbs = [t for t in sent.doc[sent.start : span.start] if t.pos_ == "VERB"]
    verb = verbs[-1] if verbs else None
    predicate = verb.lemma_.lower() if verb is not None else (unit or "amount")
    time = _pick_time(sent.doc, sent, span.root, s_dates, parsed=False, amount=span)
    modality, negated = _window_modality(sent)
    return _fact(
        sent,
        subject=subject,
        predicate=predicate,
        key=property_key(predicate),
        q=q,
        unit=unit,
        time=time,
        dates=s_dates,
        modality=modality,
        negated=negated,
        attribution=_attribution(sent, None),
        per=_per(q, sent.doc, sent, span.root, s_dates, parsed=False),
    )


def _window_subject(ctx: Context, sent: Span, before: int) -> tuple[Token, EntityMention] | None:
    """Fast mode: the entity in subject position of the clause holding token ``before``.

    The clause starts after the last "that" / "said" / ";" before the amount (after the
    "According to X," lead-in); its subject position runs to its first verb. A name there wins
    over "it" / "the company" (resolved as with a parse).
    """
    c = cues()
    doc = sent.doc
    start = sent.start
    if sent.text.lower().startswith("according to"):
        comma = next((t.i for t in sent if t.text == ","), None)
        start = comma + 1 if comma is not None and comma < before else start
    for t in doc[start:before]:
        boundary = t.lower_ in ("that", ";") or (t.lemma_.lower() in c.attribution_verbs and t.pos_ == "VERB")
        # a boundary only if a clause follows ("Lei said they will ship"), not "Apple reported revenue of"
        if boundary and any(u.pos_ in ("VERB", "AUX") for u in doc[t.i + 1 : before]):
            start = t.i + 1
    window = []
    for t in doc[start:before]:
        if t.pos_ in ("VERB", "AUX"):
            break
        window.append(t)
    named = [(t, e) for t in window for e in [_entity_at(ctx, t)] if e is not None]
    people = [(t, e) for t, e in named if e.label in ("ORG", "PERSON")]
    if people:
        return people[0]
    for t in window:
        stand_in = t.lower_ in c.third_person or t.lower_ in c.first_person or _is_company_noun(t)
        ent = _resolve(ctx, t) if stand_in and _entity_at(ctx, t) is None else None
        if ent is not None:
            return t, ent
    places = [(t, e) for t, e in named if e.label in ("GPE", "LOC")]
    return places[0] if places else None


def _window_modality(sent: Span) -> tuple[str, bool]:
    """Fast mode: modality from cue words anywhere in the sentence."""
    c = cues()
    lemmas = [t.lemma_.lower() for t in sent]
    words = {t.lower_ for t in sent}
    negated = bool(words & c.negation)
    if any(lemma in c.plan_verbs for lemma in lemmas) and "to" in words:
        return "plan", negated
    if words & c.forecast_aux or any(lemma in c.forecast_verbs for lemma in lemmas):
        return "forecast", negated
    return "reported", negated


def _events(ctx: Context, sent: Span, s_dates, used_verbs: set[int], *, parsed: bool, has_quantity: bool):
    """Dated events without a number: "launch smartphones in Taiwan at the end of 2012"."""
    c = cues()
    out = []
    seen: set[int] = set()
    for d in s_dates:
        if not _is_concrete(d) or d.type in ("SET", "DURATION"):
            continue
        dspan = _span(sent.doc, d.start, d.end)
        if dspan is None:
            continue
        if parsed:
            verb = _governing_verb(dspan.root)
        else:
            if has_quantity:
                continue
            verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in c.event_verbs]
            verb = min(verbs, key=lambda t: abs(t.i - dspan.start)) if verbs else None
        if verb is None or verb.i in used_verbs or verb.i in seen:
            continue
        speech = parsed and any(ch.dep_ == "ccomp" for ch in verb.children)
        if verb.lemma_.lower() not in c.event_verbs or speech:
            continue  # "announced on Monday that ...": a speech act, not an event
        objects = [ch for ch in verb.children if ch.dep_ in ("dobj", "prt", "attr", "acomp")] if parsed else []
        if verb.lemma_.lower() in c.event_needs_object and not objects:
            continue
        seen.add(verb.i)
        subject = _subject(ctx, None, verb, None) if parsed else _window_subject(ctx, sent, verb.i)
        predicate = _event_predicate(verb, subject, dspan) if parsed else verb.lemma_.lower()
        # the date that led to the verb first ("opened in 2003 after launching the iPod in 2001")
        time = _pick_time(sent.doc, sent, verb, [d], parsed=parsed) or _pick_time(
            sent.doc, sent, verb, s_dates, parsed=parsed
        )
        if subject is not None and not sent.start <= subject[0].i < sent.end:
            subject = None  # named across a paragraph break
        if time is None or subject is None:
            continue  # an event needs a date and someone it happened to
        modality, negated = _modality(_verb_chain(verb), None) if parsed else _window_modality(sent)
        out.append(
            _fact(
                sent,
                subject=subject,
                predicate=predicate,
                key=property_key(predicate),
                q=None,
                unit=None,
                time=time,
                dates=s_dates,
                modality=modality,
                negated=negated,
                attribution=_attribution(sent, verb if parsed else None),
                per=None,
            )
        )
    return out


def _event_predicate(verb: Token, subject, dspan: Span) -> str:
    """Verb lemma, particle, object and place: "launch smartphones in Taiwan"."""
    skip = set(range(dspan.start, dspan.end))
    if subject is not None:  # "launch Xiaomi smartphones" with Xiaomi the subject: "launch smartphones"
        skip.add(subject[0].i)
        skip.update(t.i for t in verb.doc if t.ent_type_ and t.text in subject[1].canonical_name.split())
    words = [verb.lemma_.lower()]
    for ch in verb.children:
        if ch.i in skip:
            continue
        if ch.dep_ in ("prt", "acomp"):
            words.append(ch.lower_)
        elif ch.dep_ in ("dobj", "attr", "nsubjpass"):
            words.append(_phrase(ch, skip=skip))
        elif ch.dep_ == "prep" and ch.lower_ in ("in", "to", "into") and not any(g.i in skip for g in ch.subtree):
            obj = [g for g in ch.children if g.dep_ == "pobj"]
            if obj and obj[0].ent_type_ in ("GPE", "LOC"):
                words.append(f"{ch.lower_} {_phrase(obj[0], skip=skip)}")
    return " ".join(w for w in words if w)


# ---------------------------------------------------------------------------------------------
# Consolidation


def _identity(f: Fact) -> tuple:
    """What makes two rows one fact. A large amount with its unit, subject and time is distinctive
    enough on its own ("shipped 3 million units" / "shipments of 3 million units"); a percentage or
    a small number also needs the same property ("revenue rose 5%" is not "profit rose 5%")."""
    distinctive = f.value is not None and abs(f.value) >= 1000 and f.unit not in (None, "percent")
    prop = None if distinctive else f.property_key
    return (f.subject_key or f.subject, prop, f.value, f.value_max, f.unit, f.time_value, f.modality)


def consolidate(facts: Sequence[Fact]) -> list[Fact]:
    """One row per fact stated more than once in an article (sources merged), in first-seen order."""
    merged: dict[tuple, Fact] = {}
    for f in facts:
        key = _identity(f)
        first = merged.get(key)
        if first is None:
            merged[key] = f
            continue
        sources = tuple(dict.fromkeys(first.sources + f.sources))
        merged[key] = dataclasses.replace(first, sources=sources, attribution=first.attribution or f.attribution)
    return list(merged.values())
