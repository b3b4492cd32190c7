"""Patterns of :mod:`corpus_lib.pipeline.reported` written for speed, pinned to what they find.

Every sentence is invented for these tests.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_lib.pipeline.reported import _APPOSITION

# The apposition as a repeated group of words: the same matches, but a clause with no closing
# comma backtracks through every way of cutting its words into groups.
GROUPED = re.compile(r",(?:\s+[^,;:\"“”]+){1,12}?,")


@pytest.mark.parametrize(
    "clause, end",
    [
        ("France, one of the co-chairs, has called for talks", 29),
        ("France, a co-chair; has called, for talks", None),
        ("France,  , has called", 10),
        ("France, , has called", None),
        ('France, "a co-chair", has called', None),
        ("France,\none of the co-chairs, has called", 29),
        ("France, " + "word " * 30 + "and more", None),
    ],
)
def test_an_apposition_runs_to_the_next_comma(clause, end):
    found = _APPOSITION.match(clause, 6)
    assert (found.end() if found else None) == end


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=", ;:\"“”ab\n", max_size=18))
def test_the_apposition_finds_what_the_grouped_pattern_finds(tail):
    clause = "France" + tail
    found, grouped = _APPOSITION.match(clause, 6), GROUPED.match(clause, 6)
    assert (found and found.span()) == (grouped and grouped.span())
