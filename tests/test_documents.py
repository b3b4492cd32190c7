"""A document that speaks for its issuer over several sentences (invented texts, 2026-12-05)."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_lib.pipeline.actors import registry
from corpus_lib.pipeline.attribute import attribute
from corpus_lib.pipeline.clean import clean

STATEMENT = """Alliance statement on the lake dispute

BRUSSELS, May 4, 2016 (Lake Wire) – NATO on Wednesday urged both sides to stop the shooting.

The statement, issued by the Alliance's press office after a meeting of ambassadors, was long.

"The Allies are concerned by the shooting," it said. "We call on the sides to talk.

"Only talks can bring peace to the lake."

"NATO is not a party to the dispute," the statement went on.

Azerbaijan's foreign ministry said it had taken note of the text.

On the talks, the statement was brief. It said the Alliance backed the mediators. "We support their work," the document added.

Dozens of soldiers have been reported killed since April.
"""


def _holder(raw: str, start: str) -> str:
    out = attribute(raw, clean(raw).units, genre="news", date=dt.date(2016, 5, 4), reg=registry())
    (found,) = [s.holder for s in out if " ".join(raw[s.start : s.end].split()).startswith(start)]
    return found


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ('"The Allies are concerned by the shooting', "NATO"),  # "it said" right after the statement is named
        ('"We call on the sides to talk.', "NATO"),
        ('"Only talks can bring peace to the lake."', "NATO"),  # the quotation goes on into the next paragraph
        ('"NATO is not a party to the dispute," the', "NATO"),
        ("It said the Alliance backed the mediator", "NATO"),  # the issuer, not the ministry narrated since
        ('"We support their work," the document add', "NATO"),
        ("Dozens of soldiers have been reported kil", "media"),  # a casualty report is nobody's position
    ],
)
def test_a_document_speaks_for_its_issuer(start, holder):
    assert _holder(STATEMENT, start) == holder


def test_a_place_before_said_in_a_statement_is_no_issuer():
    raw = ("Embassy view\n\nKYIV, May 4, 2016 (Lake Wire) – Russia's embassy in Kyiv said in a statement that Moscow "
           "welcomed the vote.\n\n\"Any new bid would hurt relations,\" the statement said.\n")
    assert _holder(raw, '"Any new bid would hurt relations,"') == "Russia"


def test_an_issuer_is_the_body_after_by_not_an_actor_named_later():
    raw = ("Visit ends\n\nTBILISI, May 4, 2016 (Lake Wire) – A statement released by the ambassadors after the visit "
           "condemned Russia's recognition of the regions.\n\n\"The Alliance stands by its decisions,\" the statement "
           "says.\n")
    assert _holder(raw, '"The Alliance stands by its decisions,"') != "Russia"
