"""Facts: subject, property, amount and time tied together from the parse and the mentions."""

from .find import consolidate, find_facts

__all__ = ["consolidate", "find_facts"]
