"""Tests of the coder's sharing of work between statements with the same text
(:func:`corpus_lib.coding.coder._find_topics`, :func:`_topic_cues`, :func:`_code_topic_once`):
a shared reading never carries one statement's context, question mark or evidence into another.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_stances import statements

from corpus_lib.coding import coder
from corpus_lib.coding.coder import load_rules, tag_stances
from corpus_lib.coding.matching import Sentence

CONTEXTUAL = "NATO does not support the ceasefire talks."  # Karabakh only in a turn on the conflict
STANCE = "NATO firmly supports Azerbaijan's territorial integrity."


def _alone_and_together(frames: list[pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    alone = pd.concat([tag_stances(f) for f in frames], ignore_index=True)
    together = tag_stances(pd.concat(frames, ignore_index=True))
    return alone.reset_index(drop=True), together.reset_index(drop=True)


def test_documents_sharing_sentences_code_as_each_alone():
    frames = [
        statements([["Karabakh remains a frozen conflict.", CONTEXTUAL, STANCE], [STANCE + "?"]], doc_id="a"),
        statements([[CONTEXTUAL, "The talks went on."], ["Moscow wants a veto.", CONTEXTUAL]], doc_id="b"),
        statements([["The war over Karabakh went on.", STANCE, CONTEXTUAL]], doc_id="c", holder="Azerbaijan"),
    ]
    alone, together = _alone_and_together(frames)
    pd.testing.assert_frame_equal(together, alone)
    # the shared sentence is Karabakh's only where its document names the conflict
    contextual = together[together["statement_id"].isin(["a.0002", "b.0001", "b.0004", "c.0003"])]
    assert sorted(contextual["statement_id"]) == ["a.0002", "c.0003"]


def test_the_same_text_asked_and_said_is_coded_apart():
    frame = statements([[STANCE], [STANCE]], doc_id="d")
    frame.loc[1, "is_question"] = True
    out = tag_stances(frame, second_opinion=False)
    said, asked = (out[out["statement_id"] == sid].iloc[0] for sid in ("d.0001", "d.0002"))
    assert said["stance"] == "engaged" and "KB-ENG-010" in said["rule_ids"]
    assert asked["stance"] == "neutral" and "QST-001" in asked["rule_ids"]


def test_topic_cues_list_the_firing_cues_with_their_status():
    rules = load_rules()
    cues = coder._topic_cues(Sentence("Karabakh remains a frozen conflict.", rules))
    assert [(status, topic, rule_id) for status, topic, rule_id, _, _ in cues][:2] == [
        ("explicit", "karabakh", "TOP-KB-001"),
        ("context", "karabakh", "TOP-KB-101"),
    ]
    assert cues[0][3] == "Karabakh" and cues[0][4] == (0, 8)
    assert [c[2] for c in coder._topic_cues(Sentence(CONTEXTUAL, rules))] == ["TOP-KB-103"]
    assert coder._topic_cues(Sentence(CONTEXTUAL, rules))[0][0] == "context"


@pytest.mark.parametrize("is_question", [False, True])
def test_code_topic_once_decides_once_and_hands_out_own_lists(is_question):
    rules = load_rules()
    sent = Sentence(STANCE, rules)
    ev = coder._Evidence("explicit", [("TOP-KB-006", "territorial integrity")], [(34, 55)])
    decided: dict = {}
    first = coder._code_topic_once(decided, "karabakh", sent, ev, is_question, rules.policy)
    assert repr(first) == repr(coder._code_topic("karabakh", sent, ev, is_question, rules.policy))  # nan != nan
    first[2].append(("X", "y"))  # the caller's list: the decision on record is untouched
    second = coder._code_topic_once(decided, "karabakh", sent, ev, is_question, rules.policy)
    assert ("X", "y") not in second[2] and len(decided) == 1
    other = coder._Evidence("context", list(ev.ids), list(ev.anchors))
    coder._code_topic_once(decided, "karabakh", sent, other, is_question, rules.policy)
    assert len(decided) == 2  # another kind of evidence is another key


def test_only_repeated_texts_are_kept():
    assert coder._repeated(["a", "b", "a", "c", "a", "", ""]) == frozenset({"a", ""})
    assert coder._repeated([]) == frozenset()
    frame = statements([[STANCE, "Moscow wants a veto.", STANCE]], doc_id="r")
    assert coder._read_input(frame).repeated == frozenset({STANCE})
