"""The side a guest's own words claim (issue 13): invented sentences, written by the team for
these tests (2026-12-06), none taken from a text we hold."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_lib.pipeline.attribute import attribute
from corpus_lib.pipeline.clean import clean
from corpus_lib.pipeline.own_words import claimed_side


@pytest.mark.parametrize(
    ("said", "side"),
    [
        ("The pledge we made in 2008 has not been withdrawn. Our door stays open.", "NATO"),
        ("Our monitors walk the line every morning, and we patrol the villages too.", "EU"),
        ("Our peacekeepers keep the road open, and the Alliance's advance towards our borders worries us.", "Russia"),
        ("Seven districts remain under occupation. Our occupied lands will be returned, by talks or otherwise.", "Azerbaijan"),
        ("Our people in Karabakh need the road. Our ally looked away while Moscow was busy elsewhere.", "Armenia"),
        # nothing, or more than one side's words
        ("We want peace and good relations with everyone.", None),
        ("Our monitors patrol the line, and our peacekeepers guard the road.", None),
        # an occupation whose occupier is Russia, or a candidate's place in NATO, is no Azerbaijani's
        ("Russia occupies a fifth of our territory, and we will not forget it.", None),
        ("Our land is occupied, and our place is in NATO.", None),
        # a peacekeeping contingent far from the region, or a door open to talks, claims nothing
        ("Our peacekeepers in Kosovo serve beside the Allies.", None),
        ("If the two sides want to talk here, our door is open.", None),
        ("Our door stays open to every democracy that wants to join.", "NATO"),
        # invented by the team (2026-12-06): Moscow as the speaker's ally, told without a comma
        ("Our security rests on our alliance with Russia.", "Armenia"),
        ("Moscow remains our closest ally, whatever happens.", "Armenia"),
    ],
)
def test_what_only_one_side_says_of_itself_claims_that_side(said, side):
    assert claimed_side(said) == side


def test_an_occupation_told_in_a_text_set_in_a_state_of_no_actor_of_ours_claims_nothing():
    said = "We are a small country with a fifth of our territory occupied."
    assert claimed_side(said) == "Azerbaijan"
    assert claimed_side(said, here="other") is None  # a Tbilisi dateline: likelier Georgia's own


INTERVIEW = """"{headline}": Daria Velde on the spring

Daria Velde spoke to the Coastline Review in Vienna.

Q: What did the spring change?

A: {answer} We want the talks to go on.

Q: And the Alliance?

A: We have no quarrel with it.
"""


@pytest.mark.parametrize(
    ("headline", "answer", "side"),
    [
        ("Nothing has changed", "Our peacekeepers stayed on the road through the winter.", "Russia"),
        ("The door we opened has not closed", "Nobody in Moscow decides who walks through it.", "NATO"),  # the headline quotes her
        ("Nothing has changed", "Nothing has changed on the line.", "other"),
    ],
)
def test_a_sideless_guest_speaks_for_the_side_their_answers_or_quoted_headline_claim(headline, answer, side):
    raw = INTERVIEW.format(headline=headline, answer=answer)
    rows = {raw[s.start : s.end]: s.holder for s in attribute(raw, clean(raw).units, genre="interview", date=dt.date(2017, 5, 2))}
    assert rows["We want the talks to go on."] == side
    assert rows["We have no quarrel with it."] == side


@pytest.mark.parametrize("headline", ['"Peace between Baku and Yerevan is within reach"', 'Transcript: "Peace is within reach"'])
def test_a_headline_that_only_quotes_takes_the_side_of_the_interviews_one_guest(headline):
    """Invented by the team (2026-12-06): the guest is placed by the introduction; the headline names nobody."""
    raw = (f"{headline}\n\nThe Coastline Review put its questions to Anna Vik, NATO's envoy for the region.\n\n"
           "Q: Is peace within reach?\n\nA: It is, and we will help.\n\nQ: And Moscow?\n\nA: We talk to it.\n")
    rows = {raw[s.start : s.end]: s.holder for s in attribute(raw, clean(raw).units, genre="interview", date=dt.date(2024, 3, 4))}
    assert rows[headline] == "NATO"
    assert rows["It is, and we will help."] == "NATO"
