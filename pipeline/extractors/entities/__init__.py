"""Entities: spaCy NER with fixes from ``rules/``, merged per article under canonical names."""

from .find import canonicalize, find_entities, initials

__all__ = ["canonicalize", "find_entities", "initials"]
