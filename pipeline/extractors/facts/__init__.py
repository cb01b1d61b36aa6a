"""Facts: subject, property, amount and time tied together from the parse and the mentions.

Modules by job (imports point down the list): ``find`` (per part: sentence pieces, each amount
read from the parse or a window, dated events) -> ``subjects``, ``timing``, ``modality``,
``events``, ``build`` -> ``context`` (the article's entities and who "it" is), ``parse`` (clauses,
verbs, noun phrases) -> ``cues`` (the rule files, checked by ``schema``). ``consolidate`` merges
repeated statements across an article.
"""

from .consolidate import consolidate
from .find import find_facts

__all__ = ["consolidate", "find_facts"]
