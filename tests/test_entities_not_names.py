"""Entities: words the model tags as organisations that name no one: a time zone ("GMT", "EST"), a music genre
("R&B"), members of an assembly as a group ("MPs", "MEPs", "MSPs"). Invented cases, one row per case."""

from __future__ import annotations

import pytest

from pipeline.extractors import entities as E

CASES = [
    pytest.param("Trading in Zentec shares opened at 0800 GMT on Monday.", "GMT", id="time_zone"),
    pytest.param("The deadline is 5 p.m. EST on Friday.", "EST", id="us_time_zone"),
    pytest.param("The band won best R&B act at the Urban Music Awards.", "R&B", id="genre"),
    pytest.param("MPs voted by 310 to 219 in favour of the bill.", "MPs", id="members_of_parliament"),
    pytest.param("MEPs backed the budget by a large majority.", "MEPs", id="members_of_the_european_parliament"),
]


@pytest.mark.parametrize(("text", "word"), CASES)
def test_not_an_entity(nlp, text, word):
    assert word not in [e.text for e in E.canonicalize(E.find_entities(nlp(text), None))]
