"""One ``Fact`` record from what the readers found: subject, predicate, amount, time, modality."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ...records import DateMention, EntityMention, Fact, QuantityMention
from ..doccache import doc_text, span_text
from ..quantities.tables import physical
from .cues import cues
from .parse import property_key
from .timing import _range_end, _Time


def _in_major_unit(q: QuantityMention | None, unit: str | None) -> tuple[float | None, float | None, str | None]:
    """ "12 cts" -> 0.12 USD, "300p" -> 3.0 GBP: facts state money in the currency itself."""
    if q is None:
        return None, None, unit
    unit = cues().unit_names.get(unit or "", unit)
    major = cues().minor_units.get(unit or "")
    if major is None:
        return q.value, q.value_max, unit
    if q.unit == unit and q.unit_base is not None:  # the quantities table's own reading ("40 euro cents": EUR)
        major = q.unit_base
    return q.value / 100, q.value_max / 100 if q.value_max is not None else None, major


_POWER = re.compile(r"([a-z_]+) \*\* ([23])")


def _readable_unit(unit: str | None) -> str | None:
    """A physical unit as the facts guidelines write it: pint's "foot ** 3" -> "cubic foot",
    "kilometer ** 2" -> "square kilometre", "kilometer" -> "kilometre", "basis_point" -> "basis point"
    (the quantities table keeps pint's names)."""
    if not unit:
        return unit
    m = _POWER.fullmatch(unit)
    if m is not None:
        unit = ("square " if m.group(2) == "2" else "cubic ") + m.group(1)
    unit = unit.replace("_", " ")  # "basis_point" -> "basis point", "terawatt_hour" -> "terawatt hour"
    return _SPELLING.sub(lambda w: w.group(0)[:-2] + "re", unit)


_SPELLING = re.compile(r"(?:meter|liter)\b")


_SYMBOL = re.compile(r"[A-Za-z]+(?:/[A-Za-z]+)?")


def _written_symbol(q: QuantityMention | None, unit: str | None) -> str | None:
    """A physical measure written as a symbol keeps it, as the facts guidelines ask ("421 mln lbs"
    -> "lb", "4 GHz", "8Mbps", "12 km"); a spelled-out one ("tonnes", "cubic feet") gets a name."""
    if q is None or q.kind != "dimension" or not q.unit_text or unit != q.unit:
        return None
    written = q.unit_text.strip()
    if written.lower() in (unit, unit + "s", unit + "es") or (unit, written.lower()) == ("foot", "feet"):
        return None  # "2,800 feet", "a mile": the unit's own name spelled out is no symbol
    if written.lower() in physical()["unit_rates"]:
        return None  # "6.75 mln bpd": a symbol with its rate in it; the fact says barrel, per day
    if not _SYMBOL.fullmatch(written) or not (len(written) <= 4 or not written.islower()):
        return None
    if written.isupper() and len(written) > 4:
        return None  # "100,000 TONNE" in a wire headline's capitals: a name, not a symbol
    if written.islower() and len(written) >= 3 and written.endswith("s") and not written.endswith("ps"):
        written = written[:-1]  # "lbs", "kms": plural symbols
    return written


def trimmed(text: str, start: int) -> tuple[int, int, str]:
    """A sentence without the white space around it (a trailing no-break space too), and its offsets,
    so that ``documents.text[sentence_start:sentence_end] == sentence``."""
    lead = len(text) - len(text.lstrip())
    core = text.strip()
    return start + lead, start + lead + len(core), core


# "10 times faster", "six times as much", "three times the size", "tenfold" (not "fined five times since 2001")
_MULTIPLE = re.compile(
    r"(?i)\s*(?:-?fold\b|times\s+(?:as|the|more|less|over|oversubscribed|higher|lower|bigger|larger|smaller|\w+er)\b)"
)
_OVERSUBSCRIBED = re.compile(r"(?i)\boversubscribed\s*$")  # "oversubscribed 16.2 times"


def _share_or_multiple(doc: Doc, q: QuantityMention) -> bool:
    """Whether a number with no unit is a share of a whole ("a third", "one in five") or a multiple ("10 times
    faster", "tenfold")."""
    if q.kind != "number" or q.unit not in (None, "dimensionless"):
        return False
    text = doc_text(doc)
    multiple = bool(_MULTIPLE.match(text, q.end)) or bool(_OVERSUBSCRIBED.search(text, max(0, q.start - 20), q.start))
    return 0 < q.value < 1 or q.text.lower().endswith("fold") or multiple


_TEMPERATURE = ("degree", "celsius", "fahrenheit", "kelvin")


def unsigned(fact: Fact) -> Fact:
    """ "a growth rate of -0.1%", "a balance of minus 10": the size, and which way it goes (change "down"), as the
    guidelines write a negative figure; a temperature keeps its sign ("minus 10 degrees F")."""
    unit = (fact.unit or "").lower()
    if fact.value is None or fact.value >= 0 or any(t in unit for t in _TEMPERATURE):
        return fact
    if fact.value_max is None:
        return dataclasses.replace(fact, value=-fact.value, change=fact.change or "down")
    if fact.value_max > 0:
        return fact  # "between -2% and 1%": a range across zero keeps its signs
    # "between -2% and -0.5%": 0.5 to 2, down
    return dataclasses.replace(fact, value=-fact.value_max, value_max=-fact.value, change=fact.change or "down")


def _fact(
    sent: Span,
    *,
    subject: tuple[Token | None, EntityMention] | None,
    predicate: str,
    q: QuantityMention | None,
    unit: str | None,
    time: _Time | None,
    dates: Sequence[DateMention],
    modality: str,
    negated: bool,
    attribution: str | None,
    per: str | None,
    subject_source: str | None = None,
) -> Fact:
    d = time.mention if time else None
    end_date = d.end_date if d else None
    time_value = d.value if d else None
    if time and time.role == "range":
        second = _range_end(sent.doc, d, dates)
        if second is not None and (second.end_date is None or d.start_date is None or second.end_date >= d.start_date):
            end_date = second.end_date  # not "between January 2005 and the previous year": a comparison
            if second.value > d.value and "X" not in d.value + second.value:
                time_value = f"{d.value}/{second.value}"  # "between 2008 and 2012": one ISO 8601 interval
    role = time.role if time else None
    if role == "by" and modality == "reported" and not negated:  # "by June 12 shipments had risen": a status
        role = cues().role_by_reported
    ent = subject[1] if subject else None
    stok = subject[0] if subject else None
    symbol = _written_symbol(q, unit)
    value, value_max, unit = _in_major_unit(q, unit)
    unit = symbol or _readable_unit(unit)
    if unit is None and q is not None and _share_or_multiple(sent.doc, q):
        unit = "dimensionless"  # "one in 13 pupils", "half", "10 times faster": a ratio, as the guidelines write it
    sentence_start, sentence_end, sentence = trimmed(span_text(sent), sent.start_char)
    return Fact(
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        sentence=sentence,
        subject=ent.canonical_name if ent else None,
        predicate=predicate,
        property_key=property_key(predicate),
        subject_key=(ent.entity_key or None) if ent else None,
        value=value,
        value_max=value_max,
        unit=unit,
        bound=q.bound if q else None,
        per=per,
        change=q.change if q else None,
        time_value=time_value,
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
        subject_source=subject_source,
    )
