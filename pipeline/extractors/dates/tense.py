"""The tense of the clause around a date: past | present | future, or None.

A month or weekday without a year ("in March", "on Friday") lies before or after the publication
date by the tense of the verb that governs it. With a parse that verb is the nearest verb above the
date; a non-finite verb ("rising ... in March", "hoping to ...") takes the tense of the clause it
hangs off. Without a parse (``fast``), the verb is the nearest finite verb or modal in the date's
own clause (commas, semicolons and relative pronouns bound clauses), else in the nearest main
clause: a modal of a relative clause ("the talks, which would decide ..., took place in January")
never sets the tense of the date.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from .words import lexicon

# a word tagged as a verb in a noun's place ("The new orders rise in February included ...": "rise" as
# the subject) is a noun: the date's clause is the one above it
_NOUN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "compound", "appos"})


def _dated_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` in the parse (a date hangs off the verb it dates)."""
    t = tok
    for _ in range(6):
        if t.head == t:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in _NOUN_ROLES:
            return t
    return None


NONFINITE_DEPS = ("advcl", "xcomp", "conj")


def _verb_tense(verb: Token, cues: dict[str, set[str]], depth: int = 0) -> str | None:
    """Tense of the clause headed by ``verb``: modal or planning verbs point forward; a bare
    participle clause ("rising ... from $29 in March") has the tense of the verb it hangs off."""
    auxes = [a for a in verb.children if a.dep_ in ("aux", "auxpass")]
    head = verb.head
    participle = verb.tag_ == "VBG" and not auxes and verb.dep_ in NONFINITE_DEPS and head is not verb
    if participle and depth < 3 and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in cues["plan"]:
        return _verb_tense(head, cues, depth + 1)
    perfect = any(a.lemma_ == "have" for a in auxes)
    if any(a.lower_ in cues["aux"] for a in auxes) and not perfect:
        return "future"
    if verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children):
        return "future"
    infinitive = any(a.lower_ == "to" for a in auxes)
    plan = verb if verb.lemma_.lower() in cues["plan"] else None
    if plan is None and infinitive and verb.head.lemma_.lower() in cues["plan"]:
        plan = verb.head
    if plan is not None and (_past_marked(plan) or plan.dep_ in ("acl", "amod", "relcl") and plan.tag_ == "VBN"):
        return None  # "planned a rally on Saturday", "had been due to expire Friday": the nearest day
    if infinitive and verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP"):
        return "future"  # "is to resume trading Tuesday"
    if verb.lemma_.lower() in cues["plan"] and verb.tag_ in ("VB", "VBZ", "VBP", "VBG", "JJ"):
        return "future"  # "plans a rally on Saturday", "is due Friday"
    if verb.lemma_.lower() in cues["plan"] and verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "is scheduled for Friday"
    if infinitive and verb.head.lemma_.lower() in cues["plan"]:
        return "future"  # "planned to vote on Friday"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "amod", "relcl"):
        return "future" if verb.lemma_.lower() in cues["plan"] else "past"  # "the year ended Sept. 30"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("ROOT", "conj", "ccomp"):
        return "past"  # a main verb without an auxiliary is a past tense the tagger took for a participle
    if perfect and verb.tag_ in ("VBN", "VBG"):
        return "past"  # "have been searching since the Oct. 23 slaying"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        return "present"
    return None


def _scheduled(verb: Token, toks: list[Token], cues: dict[str, set[str]]) -> bool:
    """ "The talks resume Tuesday", "polls close at 15:00 GMT Saturday": a simple present dated
    directly (not a report: "says Tuesday") states a schedule, a time still to come."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() in cues["report"]:
        return False
    if any(a.dep_ in ("aux", "auxpass") for a in verb.children):
        return False
    head = toks[0].doc[toks[0].i : toks[-1].i + 1].root
    for _ in range(2):  # the date, or the object of a preposition ("on Tuesday", "at noon Saturday")
        if head.head == verb:
            return head.dep_ in ("npadvmod", "tmod", "prep", "obl", "dobj", "attr")
        if head.dep_ not in ("pobj", "npadvmod", "compound", "appos"):
            return False
        head = head.head
    return False


def _past_marked(verb: Token) -> bool:
    """A plan made before and maybe overtaken: "had (been) scheduled", "was due", "had been due"."""
    if verb.dep_ == "acomp":
        verb = verb.head
    return any(a.dep_ in ("aux", "auxpass") and a.tag_ == "VBD" for a in verb.children) and not any(
        a.lower_ in ("were", "was") and verb.tag_ == "VBG" for a in verb.children
    )


CLAUSE_PUNCT = frozenset({",", ";", ":", "--", "\u2014", "\u2013", "(", ")", '"', "``", "''"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _clauses(words: list[Token]) -> list[tuple[list[Token], bool]]:
    """``words`` cut into clauses at clause punctuation and before a relative pronoun; each with
    whether it is embedded (opens with a relative pronoun: "which would decide ...")."""
    out: list[tuple[list[Token], bool]] = []
    cur: list[Token] = []
    for t in words:
        if t.text in CLAUSE_PUNCT or t.tag_ in RELATIVE_TAGS:
            if cur:
                out.append((cur, cur[0].tag_ in RELATIVE_TAGS))
            cur = [] if t.text in CLAUSE_PUNCT else [t]
        else:
            cur.append(t)
    if cur:
        out.append((cur, cur[0].tag_ in RELATIVE_TAGS))
    return out


def _clause_verb(doc: Doc, toks: list[Token]) -> Token | None:
    """Without a parse: the finite verb or modal nearest the date in the date's own clause, else in
    the nearest main (not relative) clause of the sentence; ties go to the verb before the date."""
    sent = toks[0].sent if doc.has_annotation("SENT_START") else doc[max(0, toks[0].i - 40) : toks[-1].i + 40]
    lo, hi = toks[0].i, toks[-1].i

    def dist(t: Token) -> tuple[int, int]:
        return (lo - t.i, 0) if t.i < lo else (t.i - hi, 1)

    pieces = _clauses(list(sent))
    own = [p for p in pieces if any(lo <= t.i <= hi for t in p[0])]
    others = sorted((p for p in pieces if p not in own and not p[1]), key=lambda p: min(dist(t) for t in p[0]))
    for words, _ in own + others:
        finite = [t for t in words if t.tag_ in FINITE_TAGS and not lo <= t.i <= hi]
        if finite:
            return min(finite, key=dist)
    return None


def _finite_tense(verb: Token, cues: dict[str, set[str]]) -> str | None:
    """Tense of a finite verb or modal found without a parse ("would have" and "has been" are past)."""
    doc = verb.doc
    after = doc[verb.i + 1 : verb.i + 4]
    perfect = verb.lemma_.lower() == "have" or any(t.lower_ == "have" for t in after[:2])
    if verb.lower_ in cues["aux"]:
        return "past" if perfect else "future"
    if verb.tag_ == "VBD" or (perfect and any(t.tag_ == "VBN" for t in after)):
        return "past"
    return None


@functools.cache
def _cues() -> dict[str, set[str]]:
    lx = lexicon()
    return {
        "aux": set(lx["future_aux"]),
        "plan": set(lx["plan_lemmas"]),
        "phrases": set(lx["future_phrases"]),
        "weak_phrases": set(lx["future_phrases_unless_past"]),
        "defer": set(lx["deferral_lemmas"]),
        "defer_phrases": set(lx["deferral_phrases"]),
        "report": set(lx["reporting_lemmas"]),
    }


def clause_tense(
    doc: Doc, toks: list[Token], start: int, *, parsed: bool, text: str, schedule: bool = True
) -> str | None:
    """past | present | future for the clause around a date, from the verb and cue words; with
    ``schedule``, a simple present dated directly is a schedule (see ``_scheduled``)."""
    cues = _cues()
    if not toks:
        return None
    before = text[max(0, start - 40) : start].lower().rstrip()
    if any(before.endswith(" " + p) for p in cues["phrases"]):
        return "future"  # "as early as Tuesday"
    if _past_when_clause(doc, toks):
        return "past"  # "a sharp rise in December when the deficit was only $598m"
    if parsed:
        verb = _dated_verb(toks[0])
        tense = _verb_tense(verb, cues) if verb is not None else None
        if schedule and tense == "present" and verb is not None and _scheduled(verb, toks, cues):
            tense = "future"
    else:
        verb = _clause_verb(doc, toks)
        tense = _finite_tense(verb, cues) if verb is not None else None
    deferred = verb is not None and verb.lemma_.lower() in cues["defer"]
    if deferred and any(before.endswith(" " + p) for p in cues["defer_phrases"]):
        return "future"  # "postponed until Tuesday", "extended its deadline until 9 a.m. Tuesday"
    if tense != "past" and any(before.endswith(" " + p) for p in cues["weak_phrases"]):
        return "future"  # "until Tuesday", "by March" (unless the clause is past)
    return tense


def _past_when_clause(doc: Doc, toks: list[Token]) -> bool:
    """Whether a "when" clause in the past tense follows the date and says what happened then."""
    i = toks[-1].i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "when" or doc[i].head == doc[i]:
        return False
    verb = doc[i].head
    return verb.tag_ == "VBD" or any(a.dep_ in ("aux", "auxpass") and a.tag_ == "VBD" for a in verb.children)
