"""Signed commentary: the author holds an opinion piece's narration (invented texts)."""

from __future__ import annotations

import datetime as dt

from corpus_lib.pipeline.actors import registry
from corpus_lib.pipeline.attribute import attribute
from corpus_lib.pipeline.clean import clean

OPED = """Opinion: The Caucasus needs more than partnership

A decade of summits has left the region where it started. The ceasefire line has not moved and the talks have not either.

Partnership brings training and advice. It does not bring a guarantee.

But the Allies should say plainly that the door stays open to whoever chooses to knock.

Lena Varga is a senior fellow at an institute for Black Sea studies. She writes in a personal capacity.
"""


def _rows(raw: str) -> dict[str, tuple[str, str]]:
    """(role, holder) of each sentence of an invented text, keyed by its opening words."""
    out = attribute(raw, clean(raw).units, genre="news", date=dt.date(2015, 5, 2), reg=registry())
    return {" ".join(raw[s.start : s.end].split()): (s.speaker_role, s.holder) for s in out}


def _holder(rows, start: str) -> str:
    return next(v for k, v in rows.items() if k.startswith(start))[1]


def test_a_labelled_opinion_piece_is_its_authors():
    rows = _rows(OPED)
    assert _holder(rows, "Opinion: The Caucasus") == "other"  # the headline too
    assert _holder(rows, "A decade of summits") == "other"  # narration, background included
    assert _holder(rows, "It does not bring a guarantee") == "other"


def test_the_note_presenting_the_author_stays_the_outlets():
    rows = _rows(OPED)
    assert _holder(rows, "Lena Varga is a senior fellow") == "media"
    assert _holder(rows, "She writes in a personal capacity") == "media"


def test_an_authors_prescription_for_an_actor_is_the_authors():
    assert _holder(_rows(OPED), "But the Allies should say plainly") == "other"


def test_a_disclaimer_alone_still_signs_the_piece():
    rows = _rows(OPED.replace("Opinion: ", ""))
    assert _holder(rows, "A decade of summits") == "other"


def test_an_unsigned_piece_stays_the_outlets():
    plain = OPED.replace("Opinion: ", "").split("\n\nLena Varga")[0] + "\n"  # no label, disclaimer or author note
    rows = _rows(plain)
    assert _holder(rows, "A decade of summits") == "media"
    assert _holder(rows, "But the Allies should say plainly") == "NATO"  # a report, for all the coder knows


def test_an_author_who_holds_a_post_writes_for_that_actor():
    rows = _rows(OPED.replace("Lena Varga is a senior fellow at an institute for Black Sea studies.",
                              "Lena Varga is NATO's deputy spokesperson."))
    assert _holder(rows, "A decade of summits") == "NATO"
    former = _rows(OPED.replace("Lena Varga is a senior fellow at an institute for Black Sea studies.",
                                "Lena Varga was NATO's deputy spokesperson until 2012."))
    assert _holder(former, "A decade of summits") == "other"


def test_a_person_presented_mid_piece_is_no_author_note():
    raw = """Opinion: The Caucasus needs more than partnership

A decade of summits has left the region where it started.

Elnur Aliyev is a pragmatist who has never asked for membership.

Partnership brings training and advice. It does not bring a guarantee.
"""
    assert _holder(_rows(raw), "A decade of summits") == "media"


def test_an_outlets_analysis_is_no_opinion_piece():
    rows = _rows(OPED.replace("Opinion:", "Analysis:").replace(" She writes in a personal capacity.", ""))
    assert _holder(rows, "A decade of summits") == "media"


def test_a_closing_note_with_an_apposition_signs_a_piece_with_one_first_person_sentence():
    raw = ("Finland's lesson for the Caucasus\n\nLast spring, Finland ended decades of non-alignment. I argued for that "
           "policy for years. Armenia is now edging away from Moscow. NATO should offer it help with demining.\n\n"
           "Mikko Rantanen, a former state secretary in Finland's defence ministry, chairs a security forum in Turku.\n")
    rows = _rows(raw)
    assert _holder(rows, "Armenia is now edging away") == "other"
    assert _holder(rows, "NATO should offer it help") == "other"
    assert _holder(rows, "Mikko Rantanen, a former state secretary") == "media"


def test_a_closing_note_on_someone_the_piece_never_named_signs_it():
    # twentieth session: an op-ed with no label, no first person and a closing note on its
    # author (news/dev60) is the author's; a report ends on its sources, not on a stranger
    raw = ("Finland's lesson for the Caucasus\n\nLast spring, Finland ended decades of non-alignment. Armenia is now "
           "edging away from Moscow.\n\nMikko Rantanen, a former state secretary in Finland's defence ministry, chairs a "
           "security forum in Turku.\n")
    rows = _rows(raw)
    assert _holder(rows, "Armenia is now edging away") == "other"
    assert _holder(rows, "Mikko Rantanen, a former state secretary") == "media"


def test_a_closing_note_on_someone_the_piece_quoted_signs_nothing():
    raw = ("Finland's lesson for the Caucasus\n\nLast spring, Finland ended decades of non-alignment. Armenia is now "
           "edging away from Moscow, Rantanen said.\n\nMikko Rantanen, a former state secretary in Finland's defence "
           "ministry, chairs a security forum in Turku.\n")
    assert _holder(_rows(raw), "Last spring, Finland ended") == "media"


# Invented for the twenty-first session (2026-12-06): a reader's letter, labelled and signed.
def test_a_readers_letter_is_its_writers_signature_and_headline_included():
    raw = ("Letter: Moldova should stay out of every bloc\n\nSir, I could not disagree more with your call to join.\n\n"
           "A small country that picks a camp hands the other camp an excuse.\n\n"
           "Ion Rusu, retired schoolteacher, Balti, 20 March 2014\n")
    assert {holder for _, holder in _rows(raw).values()} == {"other"}


_WE_MEET = "We meet Russian officials in the council, we compare notes on exercises, and we keep our eyes open."


def test_a_speech_printed_after_a_note_that_introduces_it_is_the_speakers():
    """Invented by the team (2026-12-06, twenty-fourth session): an outlet prints a NATO
    official's remarks after a note; the note's aside stays the outlet's."""
    raw = ("Remarks on the open door\n\n"
           "Marta Lindqvist, NATO's deputy spokeswoman, delivered the following remarks at a forum in Riga. "
           "The text has been shortened.\n\n"
           f"The Allies keep their word. Moldova decides its own course.\n\n{_WE_MEET}\n\nThank you.\n")
    out = attribute(raw, clean(raw).units, genre="speech", date=dt.date(2019, 5, 2), source="Riga Review", reg=registry())
    rows = {raw[s.start : s.end]: (s.speaker, s.speaker_role, s.holder) for s in out}
    assert rows["The Allies keep their word."] == ("Marta Lindqvist", "quoted", "NATO")
    # a first-person sentence names nobody else as its source (twenty-fifth session)
    assert rows[_WE_MEET] == ("Marta Lindqvist", "quoted", "NATO")
    assert rows["Thank you."] == ("Marta Lindqvist", "quoted", "NATO")
    assert rows["The text has been shortened."][2] == "media"


def test_a_speech_headed_remarks_by_a_titled_speaker_is_the_speakers():
    """Invented by the team (2026-12-06, twenty-sixth session): the note reads "Remarks by X, …"."""
    raw = ("Partnership without pressure\n\n"
           "Remarks by Ilse Vandam, NATO Deputy Assistant Secretary General, at a forum in Baku on 15 May 2018.\n\n"
           "Thank you for inviting me. The Allies are not recruiting here.\n")
    rows = _published(raw, "speech", "Baku Forum Bulletin")
    assert rows["The Allies are not recruiting here."] == ("Ilse Vandam", "NATO")


def test_an_essay_in_an_outlet_named_after_a_capital_is_its_authors_not_the_capitals():
    """Invented by the team (2026-12-06, twenty-sixth session)."""
    raw = ("Neutrality is a luxury\n\nWhen the war began, many told themselves it was someone else's war. I do not think "
           "so.\n\nSmall states survive by choosing their friends carefully.\n\n"
           "Ani Petrosyan is a security analyst in Yerevan. The views expressed are her own.\n")
    rows = _published(raw, "essay", "Yerevan Policy Review (invented)")
    assert rows["Small states survive by choosing their friends carefully."][1] == "other"  # the analyst's


def _published(raw: str, genre: str, source: str) -> dict[str, tuple[str, str]]:
    """(speaker, holder) of each sentence of an invented text of ``genre`` that ``source`` printed."""
    out = attribute(raw, clean(raw).units, genre=genre, date=dt.date(2018, 5, 15), source=source, reg=registry())
    return {raw[s.start : s.end]: (s.speaker, s.holder) for s in out}
