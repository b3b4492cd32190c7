"""Tests of the stance coder (corpus_lib.coding.coder): one invented sentence per rule, and the output table.

Every sentence here is invented for the test; none is taken from the seed texts or from
a published article. Statements frames are built by hand with :func:`statements`.
"""

from __future__ import annotations

import builtins
import dataclasses
import math
from pathlib import Path

import pandas as pd
import pytest

from corpus_lib.coding import coder as st
from corpus_lib.coding import rules as rules_module
from corpus_lib.coding.coder import (
    HOLDERS,
    STANCE_COLUMNS,
    STANCES,
    TOPICS,
    load_rules,
    tag_stances,
)
from corpus_lib.paths import PACKAGE_DIR
from corpus_lib.vocab import LABELS_BY_TOPIC

COLUMNS = [
    "statement_id",
    "doc_id",
    "seq",
    "turn",
    "speaker",
    "speaker_role",
    "holder",
    "is_question",
    "text",
    "char_start",
    "char_end",
    "date",
    "event_date",
]


def statements(turns, *, doc_id="doc", holder="NATO", date="2016-05-04"):
    """A statements frame from turns: each turn a list of sentences, or a
    ``(speaker_role, [sentences])`` pair. Sentences ending in '?' are questions."""
    rows = []
    seq = 0
    offset = 0
    for t, turn in enumerate(turns, start=1):
        role, sentences = turn if isinstance(turn, tuple) else ("narrator", turn)
        for text in sentences:
            seq += 1
            rows.append(
                {
                    "statement_id": f"{doc_id}.{seq:04d}",
                    "doc_id": doc_id,
                    "seq": seq,
                    "turn": t,
                    "speaker": role,
                    "speaker_role": role,
                    "holder": "media" if role == "interviewer" else holder,
                    "is_question": text.rstrip().endswith("?"),
                    "text": text,
                    "char_start": offset,
                    "char_end": offset + len(text),
                    "date": pd.Timestamp(date),
                    "event_date": "",
                }
            )
            offset += len(text) + 1
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["holder"] = pd.Categorical(frame["holder"], categories=HOLDERS)
    frame["speaker_role"] = pd.Categorical(
        frame["speaker_role"], categories=["interviewer", "interviewee", "narrator", "quoted", "headline"]
    )
    return frame


def code(turns, **kwargs) -> pd.DataFrame:
    """The rules' codes alone: these tests are about the rules (the learned second opinion
    has tests of its own below)."""
    return tag_stances(statements(turns, **kwargs), second_opinion=False)


def row_for(out: pd.DataFrame, statement_id: str, topic: str):
    hit = out[(out["statement_id"] == statement_id) & (out["topic"] == topic)]
    assert len(hit) == 1, f"no single {topic} row for {statement_id}:\n{out}"
    return hit.iloc[0]


# ---------------------------------------------------------------------------
# One invented sentence per rule family: the exact (topic, stance) and a rule id.

CASES = [
    # Karabakh: topic cues and engaged / detached cues
    ("NATO firmly supports Azerbaijan's territorial integrity.", "karabakh", "engaged", "KB-ENG-010"),
    ("The Alliance urged Baku and Yerevan to sign a lasting peace treaty.", "karabakh", "engaged", "KB-ENG-007"),
    ("The Alliance urged Baku and Yerevan to sign a lasting peace treaty.", "karabakh", "engaged", "TOP-KB-006"),
    ("Baku demands the liberation of its occupied districts around Karabakh.", "karabakh", "engaged", "KB-ENG-009"),
    (
        "NATO offers confidence-building measures to Armenia and Azerbaijan after the border clashes.",
        "karabakh",
        "engaged",
        "KB-ENG-011",
    ),
    ("The Alliance could play a useful role in the Nagorno-Karabakh settlement.", "karabakh", "engaged", "KB-ENG-001"),
    ("NATO is not a mediator in the Karabakh dispute.", "karabakh", "detached", "KB-DET-004"),
    (
        "The ministers agreed that the Karabakh dispute is for the sides themselves to settle.",
        "karabakh",
        "detached",
        "KB-DET-001",
    ),
    (
        "NATO would consider a mission in Karabakh only at the request of both parties.",
        "karabakh",
        "detached",
        "KB-DET-006",
    ),
    # Deferring to the Minsk Group keeps out; backing its work is a position on the settlement.
    ("The Alliance leaves the Karabakh talks to the Minsk Group.", "karabakh", "detached", "KB-DET-007"),
    ("The Alliance backs the work of the Minsk Group on Karabakh.", "karabakh", "engaged", "KB-ENG-005"),
    ("On Karabakh, the Alliance keeps working with both sides equally.", "karabakh", "detached", "KB-DET-003"),
    ("Armenian forces fired across the line again.", "karabakh", "neutral", "TOP-KB-005"),
    # Russia: topic cues and cooperative / adversarial cues
    ("The envoy denounced Moscow's aggression against its neighbours.", "russia", "adversarial", "RU-ADV-001"),
    ("The envoy denounced Moscow's aggression against its neighbours.", "russia", "adversarial", "RU-ADV-006"),
    ("The Allies imposed fresh sanctions on the Kremlin.", "russia", "adversarial", "RU-ADV-010"),
    ("Mr Putin's reckless gamble has failed.", "russia", "adversarial", "RU-ADV-011"),
    ("Brussels and Moscow cooperate closely on counter-narcotics.", "russia", "cooperative", "RU-COO-001"),
    ("Baku keeps friendly ties with its northern neighbour Russia.", "russia", "cooperative", "RU-COO-003"),
    ("Each state has the right to refuse Russian bases on its soil.", "russia", "neutral", "RU-NEU-001"),
    ("The war against Ukraine has changed European security.", "russia", "neutral", "TOP-RU-004"),
    # Membership: topic cues and open / conditional / distant cues
    ("The Alliance's door remains open to new members.", "membership", "open", "MB-OPN-001"),
    ("The summit invited two more countries to join NATO.", "membership", "open", "MB-OPN-003"),
    ("No outsider has a veto over NATO enlargement.", "membership", "open", "MB-OPN-007"),
    ("Baku could apply for NATO membership if the situation allows.", "membership", "conditional", "MB-CON-001"),
    ("The country will join NATO when it is fully ready.", "membership", "conditional", "MB-CON-006"),
    ("Joining NATO is not on the government's agenda.", "membership", "distant", "MB-DIS-001"),
    ("Baku remains hesitant about NATO membership.", "membership", "distant", "MB-DIS-003"),
    ("The republic prefers neutrality to NATO membership.", "membership", "distant", "MB-DIS-006"),
    ("Azerbaijan will never join NATO.", "membership", "distant", "MB-DIS-009"),
    ("Talk of Euro-Atlantic integration has faded in the capital.", "membership", "neutral", "TOP-MB-005"),
    # Conflict resolution (policy.json)
    ("We will not join NATO unless membership serves our interests.", "membership", "conditional", "POL-MB-001"),
    ("NATO supports the peace talks but has no mandate to mediate in Karabakh.", "karabakh", "detached", "POL-KB-001"),
    ("Despite good relations in the past, Moscow's aggression is unacceptable.", "russia", "adversarial", "POL-RU-001"),
    # Negators, stopping verbs, reporting verbs
    ("Russia is no longer a partner for the Alliance.", "russia", "adversarial", "NEG-001"),
    ("The Alliance froze all practical cooperation with Russia.", "russia", "adversarial", "HLT-001"),
    ("Cooperation with Moscow was suspended last spring.", "russia", "adversarial", "HLT-101"),
    ("NATO does not see Russia, or any other state, as an adversary.", "russia", "cooperative", "NEG-101"),
    ("NATO denied that it would send monitors to Karabakh.", "karabakh", "detached", "REP-003"),
    ("The envoy played down talk of rivalry with Moscow.", "russia", "cooperative", "REP-003"),  # downplaying denies
    ("The envoy said that NATO welcomes the Armenia-Azerbaijan peace agreement.", "karabakh", "engaged", "REP-001"),
    # Rule families added with the development set (tests/data/dev.csv)
    ("Tbilisi still hopes for a MAP at the next summit.", "membership", "neutral", "TOP-MB-010"),
    ("The Allies debated enlargement late into the night.", "membership", "neutral", "TOP-MB-011"),
    ("Kyiv has taken another step towards the Alliance.", "membership", "neutral", "TOP-MB-012"),
    ("Small states have the right to choose their own alliances.", "membership", "open", "TOP-MB-013"),
    ("Skopje's bid was the main topic in Brussels.", "membership", "neutral", "TOP-MB-014"),
    ("Kyiv was urged to apply for membership despite unfinished reforms.", "membership", "open", "MB-OPN-010"),
    ("Kyiv was urged to apply for membership despite unfinished reforms.", "membership", "open", "POL-MB-002"),
    ("Sweden and Finland have joined the Alliance.", "membership", "open", "MB-OPN-011"),
    ("Moldova's aspiration to join NATO is well known.", "membership", "open", "MB-OPN-012"),
    ("Whether Georgia joins NATO depends only on Georgia itself.", "membership", "open", "MB-OPN-013"),
    ("Armenia does not want to join NATO.", "membership", "distant", "MB-OPN-014"),
    ("The Allies have closed the door on further enlargement.", "membership", "distant", "MB-DIS-011"),
    (
        "There is little appetite among the Allies for another round of enlargement.",
        "membership",
        "distant",
        "MB-DIS-012",
    ),
    ("An invitation to NATO is not automatic, the envoy cautioned.", "membership", "conditional", "MB-CON-012"),
    ("The Alliance refuses to side with either Baku or Yerevan over Karabakh.", "karabakh", "detached", "KB-DET-013"),
    ("Baku and Yerevan must sign the peace treaty without further delay.", "karabakh", "engaged", "KB-ENG-018"),
    ("Armenia restated its commitment to the peace talks on Nagorno-Karabakh.", "karabakh", "engaged", "KB-ENG-019"),
    ("The status quo is unsustainable in Karabakh, the envoy said.", "karabakh", "engaged", "KB-ENG-020"),
    (
        "We are hopeful that the Karabakh negotiations will produce a settlement this year.",
        "karabakh",
        "engaged",
        "KB-ENG-021",
    ),
    (
        "The Alliance offered its good offices to Armenia and Azerbaijan after the clashes.",
        "karabakh",
        "engaged",
        "KB-ENG-022",
    ),
    ("The Allies called for restraint on both sides of the Karabakh front line.", "karabakh", "engaged", "KB-ENG-023"),
    ("The ministers praised Moscow for its help with the transit of supplies.", "russia", "cooperative", "RU-COO-011"),
    ("We count on Russia's constructive role in the talks.", "russia", "cooperative", "RU-COO-012"),
    ("The Allies are concerned about Russia's growing arsenal near the border.", "russia", "adversarial", "RU-ADV-024"),
    ("Moscow's military build-up along the border worries its neighbours.", "russia", "adversarial", "RU-ADV-025"),
    ("Russia was sanctioned by the Allies after the attack.", "russia", "adversarial", "RU-ADV-026"),
    ("We will help Ukraine defend itself against Russia's war.", "russia", "adversarial", "RU-ADV-027"),
    (
        "In response to Moscow, the Allies will strengthen their forward presence in the east.",
        "russia",
        "adversarial",
        "RU-ADV-028",
    ),
    # Release 1.2: general mechanisms for other writers' phrasings (tests/data/dev2.csv)
    ("The Allies asked Baku and Yerevan to refrain from the use of force.", "karabakh", "engaged", "KB-ENG-024"),
    ("Yerevan says it is working towards a peace treaty with Azerbaijan.", "karabakh", "engaged", "KB-ENG-025"),
    ("The envoy hopes to get the Karabakh talks back on track.", "karabakh", "engaged", "KB-ENG-026"),
    ("Both capitals must implement the agreements reached on Karabakh.", "karabakh", "engaged", "KB-ENG-027"),
    ("The NATO spokesman stressed the Alliance's non-involvement in Karabakh.", "karabakh", "detached", "KB-DET-005"),
    ("A Karabakh settlement is for the two governments to work out.", "karabakh", "detached", "KB-DET-002"),
    ("Karabakh has never been on the Alliance's agenda.", "karabakh", "detached", "KB-DET-014"),
    ("Allies and Moscow agreed to resume military contacts.", "russia", "cooperative", "RU-COO-013"),
    ("Yerevan relies on Moscow for its security.", "russia", "cooperative", "RU-COO-014"),
    ("Moscow relies on intimidation to keep Kyiv in line.", "russia", "adversarial", "RU-ADV-007"),
    ("The Kremlin has no veto over NATO enlargement.", "membership", "open", "MB-OPN-015"),
    ("All thirty parliaments have ratified the country's accession to NATO.", "membership", "open", "MB-OPN-011"),
    ("Moldova's path to the Alliance is open.", "membership", "open", "MB-OPN-001"),
    ("Kyiv has the right to seek membership in NATO.", "membership", "open", "MB-OPN-008"),
    ("Membership in NATO is not on the table for Baku.", "membership", "distant", "MB-DIS-001"),
    ("Moscow will do everything to prevent Kyiv from joining NATO.", "membership", "distant", "MB-DIS-004"),
    ("Talk of joining the North Atlantic bloc is futile for Yerevan.", "membership", "distant", "MB-DIS-007"),
    ("Should circumstances change, Baku might revisit joining NATO.", "membership", "conditional", "MB-CON-001"),
    ("Tbilisi's NATO bid is tied by the Allies to progress on reforms.", "membership", "conditional", "MB-CON-004"),
    ("Any new member of the Alliance must first be ready to defend others.", "membership", "conditional", "MB-CON-006"),
    ("An invitation to join the Alliance is not going to happen this year.", "membership", "distant", "NEG-102"),
    # Release 1.3: general mechanisms for spoken, translated and press phrasings (tests/data/dev3.csv)
    ("Yerevan is ready to continue the negotiations within the Minsk format.", "karabakh", "engaged", "TOP-KB-002"),
    ("The envoy sees no NATO mechanism for an NK settlement.", "karabakh", "detached", "TOP-KB-001"),
    ("NATO has no mediating role in the South Caucasus dispute.", "karabakh", "detached", "TOP-KB-010"),
    ("The minister referred questions on Karabakh to the co-chairs.", "karabakh", "detached", "KB-DET-007"),
    ("A Karabakh deal is a matter for the parties, the spokesperson said.", "karabakh", "detached", "KB-DET-002"),
    ("Baku wants a Karabakh solution in the framework of its territorial integrity.", "karabakh", "engaged", "KB-ENG-010"),
    ("The EU will fund people-to-people projects for villages near Karabakh.", "karabakh", "engaged", "KB-ENG-011"),
    ("Baku keeps pressing the Allies for a firmer line on Karabakh.", "karabakh", "engaged", "KB-ENG-007"),
    ("The Alliance will not step into the Karabakh dispute.", "karabakh", "detached", "KB-ENG-003"),
    ("Brussels does not want a seat at the Karabakh negotiating table.", "karabakh", "detached", "KB-ENG-028"),
    ("The Alliance must finally speak up on Karabakh, the editorial says.", "karabakh", "engaged", "KB-ENG-029"),
    ("The envoy avoided questions on Karabakh.", "karabakh", "detached", "KB-DET-015"),
    ("We expect nothing from NATO on Karabakh.", "karabakh", "detached", "KB-ENG-030"),
    ("Western capitals called it a land grab by Moscow.", "russia", "adversarial", "RU-ADV-003"),
    ("Half the province is still under Russian occupation.", "russia", "adversarial", "RU-ADV-003"),
    ("NATO and Russia have much in common on counter-terrorism.", "russia", "cooperative", "RU-COO-010"),
    ("Moscow treats the Black Sea as a zero-sum game.", "russia", "adversarial", "RU-ADV-014"),
    ("The Alliance withdrew the accreditation of eight Russian officials.", "russia", "adversarial", "RU-ADV-010"),
    ("Allies keep battlegroups in the Baltic states because of Russia.", "russia", "adversarial", "RU-ADV-028"),
    ("We demand answers from Moscow about the poisoning.", "russia", "adversarial", "RU-ADV-029"),
    ("Yerevan regards the Russian garrison as a key element of its national security.", "russia", "cooperative", "RU-COO-015"),
    ("Nobody in the Alliance wants, or sees any point in, a confrontation with Russia.", "russia", "cooperative", "NEG-005"),
    ("It is not in anyone's interest to turn every dispute into a confrontation with Moscow.", "russia", "cooperative", "NEG-101"),
    ("What Moscow did is the opposite of the cooperation it promised.", "russia", "adversarial", "NEG-003"),
    ("Talks with Russia do not mean that Moscow has a say over NATO enlargement.", "membership", "open", "MB-OPN-015"),
    ("Moscow does not get a vote on Kyiv's future in the Alliance.", "membership", "open", "MB-OPN-015"),
    ("Georgia's place is in NATO, the Secretary General said.", "membership", "open", "MB-OPN-017"),
    ("Moscow calls NATO's eastward expansion a source of instability.", "membership", "distant", "MB-DIS-014"),
    ("The Allies will not forget the pledge made to Tbilisi in Bucharest.", "membership", "open", "TOP-MB-006"),
    ("The Bucharest decision stands, the Secretary General said.", "membership", "open", "MB-OPN-005"),
    ("Baku is in no hurry to enter any military bloc.", "membership", "distant", "TOP-MB-009"),
    ("Moscow warned against dragging Ukraine into the Alliance.", "membership", "distant", "TOP-MB-015"),
    ("Allies welcomed the republic as the 30th member of NATO.", "membership", "open", "TOP-MB-015"),
    ("Nobody outside can dictate Baku's choice on NATO membership.", "membership", "open", "MB-OPN-016"),
    ("Euro-Atlantic integration is the choice of the Moldovan people.", "membership", "open", "MB-OPN-016"),
    ("If Baku decides one day that it wants to apply for membership, we will listen.", "membership", "open", "MB-OPN-016"),
    ("For Tbilisi, NATO membership is not a question of if but of when.", "membership", "open", "MB-OPN-016"),
    ("Moscow cannot be allowed to dictate whether Georgia joins NATO.", "membership", "open", "MB-OPN-016"),
    ("Joining NATO is for the Moldovan people alone to decide.", "membership", "open", "MB-OPN-016"),
    ("The Alliance does not discuss membership with Yerevan.", "membership", "distant", "MB-DIS-013"),
    ("Helsinki abandoned its neutrality on NATO membership.", "membership", "open", "HLT-001"),
    ("NATO membership is a long road for Chisinau, the envoy said.", "membership", "conditional", "MB-CON-013"),
    ("Enlargement has stalled, and few expect it to resume.", "membership", "distant", "TOP-MB-010"),
    ("It remains to be seen whether Allies still back Georgia's membership.", "membership", "neutral", "VOI-001"),
    ("Is the door closed for Ukraine now?", "membership", "neutral", "TOP-MB-016"),
    ("Does Montenegro's accession change anything for Skopje?", "membership", "neutral", "TOP-MB-014"),
    # Release 1.7: invented by the team on 2026-12-05
    ("Their future lies within this Alliance, the envoy said.", "membership", "open", "TOP-MB-020"),
    ("Our home is firmly in the Euro-Atlantic family.", "membership", "open", "MB-OPN-017"),
    ("No third country can decide Moldova's future, a NATO spokesman said.", "membership", "open", "TOP-MB-021"),
    ("The partnership plan works well, but partnership is not membership.", "membership", "distant", "MB-DIS-016"),
    ("Few in Yerevan believe the Alliance will open its door to them.", "membership", "distant", "MB-OPN-001"),
    ("Moscow called the accession of Finland to NATO a grave mistake.", "membership", "distant", "MB-DIS-014"),
    ("Allies want the accession process for Sweden to move as quickly as possible.", "membership", "open", "MB-OPN-014"),
    ("Helsinki and Stockholm handed in their NATO applications on Wednesday.", "membership", "neutral", "TOP-MB-003"),
    ("The Alliance respects Baku's decision not to seek NATO membership.", "membership", "open", "MB-OPN-019"),
    ("It is for each country to decide whether it wants NATO membership.", "membership", "open", "MB-OPN-019"),
    ("No Ally will offer Kyiv membership while the war goes on.", "membership", "conditional", "MB-CON-014"),
    ("Moscow calls it NATO expanding into its backyard.", "membership", "neutral", "TOP-MB-022"),
    ("Partnership and membership are two different things, the envoy said.", "membership", "distant", "MB-DIS-016"),
    ("The plan will not in itself be a step towards membership.", "membership", "distant", "MB-DIS-015"),
    ("The ministers put high-level contacts with Russia on hold.", "russia", "adversarial", "RU-COO-016"),
    ("The Alliance had no objection to Yerevan's close military ties with Moscow.", "russia", "cooperative", "RU-COO-003"),
    ("Allies did not regard Russia as a threat and wanted a partnership with Moscow.", "russia", "cooperative", "RU-COO-002"),
    ("The Alliance suspended joint exercises with the Russian military.", "russia", "adversarial", "HLT-001"),
    ("The Minsk Group has the mandate on Karabakh, and we support its work.", "karabakh", "detached", "KB-DET-016"),
    ("The Karabakh peace process belongs to Armenia and Azerbaijan.", "karabakh", "detached", "KB-DET-016"),
    ("On Karabakh, it is for Armenia and Azerbaijan to decide which forces they accept.", "karabakh", "detached", "KB-DET-002"),
    ("We are closer to NATO membership today than a year ago.", "membership", "open", "MB-OPN-009"),
    ("The vote opens the way for the country to seek NATO membership.", "membership", "open", "MB-OPN-009"),
    ("Moscow considers the eastward expansion of the Alliance unacceptable.", "membership", "distant", "MB-DIS-007"),
    ("Moscow says Kyiv is being drawn into the Alliance against its will.", "membership", "distant", "MB-DIS-014"),
    ("Allies agreed that Karsovia will one day become a member of NATO.", "membership", "conditional", "POL-MB-001"),
    ("Karsovia will join NATO once it meets the standards.", "membership", "conditional", "POL-MB-001"),
    ("Moscow says Ukraine will never be a member of NATO.", "membership", "distant", "TOP-MB-017"),
    ("Karsovia's place is in NATO, and the question is when.", "membership", "open", "MB-OPN-016"),
    ("Karsovia can join NATO when it is ready.", "membership", "conditional", "MB-CON-006"),
    # Questions
    ("Will Azerbaijan ever apply for NATO membership?", "membership", "neutral", "QST-001"),
    ("Is Russia still a threat to the region?", "russia", "neutral", "QST-001"),
]


@pytest.mark.parametrize(("text", "topic", "stance", "rule_id"), CASES)
def test_rule_family(text, topic, stance, rule_id):
    out = code([[text]])
    row = row_for(out, "doc.0001", topic)
    assert row["stance"] == stance
    assert rule_id in row["rule_ids"].split(";")


def test_every_rule_family_has_a_case():
    rules = load_rules()
    silent = {"pseudo", "stop", "frame_raising", "pronoun_start", "reference", "connective_start", "answer_start"}
    families = {r.rule_id.rsplit("-", 1)[0] for r in rules.rules if r.kind not in silent}
    families |= {rules.policy["precedence"][t]["rule_id"].rsplit("-", 1)[0] for t in TOPICS}
    covered = {rid.rsplit("-", 1)[0] for *_, rid in CASES}
    assert families - covered == set()


# ---------------------------------------------------------------------------
# Topics: false friends and hard cases


@pytest.mark.parametrize(
    "text",
    [
        "The air force still flies Russian-made transport planes.",  # product origin, not the actor
        "Many Russians spend their holidays on the Caspian coast.",  # people, not the actor
        "Peace and stability in the region matter to everyone.",  # peace alone is not Karabakh
        "The Allies will keep training Ukrainian pilots.",  # aid to Ukraine alone is not Russia
        "Azerbaijan joined NATO's Partnership for Peace in 1994.",  # partnership is not membership
        "Turkey and Armenia agreed to open their common border.",  # not the Armenia-Azerbaijan conflict
        "The US backs Ukraine's sovereignty and territorial integrity.",  # another country's integrity
        "The EU enlargement process has stalled.",  # another organisation
        "The officers studied the maps of the region.",  # 'MAP' only in capitals
    ],
)
def test_false_friends_have_no_topic(text):
    assert code([[text]]).empty


def test_peace_as_condition_is_membership_not_karabakh():
    out = code([["Azerbaijan's NATO membership depends on a settlement of the conflict."]])
    assert out["topic"].tolist() == ["membership"]
    assert out["stance"].tolist() == ["conditional"]


def test_peace_as_condition_is_karabakh_where_the_conflict_is_named():
    out = code([["NATO membership would be possible once the Karabakh conflict is settled."]])
    assert set(out["topic"]) == {"karabakh", "membership"}
    assert row_for(out, "doc.0001", "membership")["stance"] == "conditional"


def test_support_for_ukraine_is_russia_only_with_a_reference_to_the_war():
    out = code([["Russia's aggression must be stopped.", "We will keep helping Ukraine to resist the aggression."]])
    second = row_for(out, "doc.0002", "russia")
    assert second["stance"] == "adversarial"
    assert "CTX-001" in second["rule_ids"]  # 'the aggression' counts in a turn on Russia
    out = code(
        [
            ["Russia's aggression must be stopped."],
            ["Grain prices fell."],
            ["Oil prices rose."],
            ["The summer was hot."],
            ["We will keep helping Ukraine to resist the aggression."],
        ]
    )
    assert out["statement_id"].tolist() == ["doc.0001"]  # the war is named four turns back


# ---------------------------------------------------------------------------
# Negation and its scope


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        ("There should not be any rivalry between NATO and Russia in Central Asia.", "russia", "cooperative"),
        ("The Alliance has no objection to Russian troops staying in the region.", "russia", "cooperative"),
        ("NATO has no intention of confronting Russia.", "russia", "cooperative"),
        ("NATO did not suspend its dialogue with Moscow.", "russia", "cooperative"),
        ("NATO is not a party to the war in Ukraine.", "russia", "neutral"),
        ("We do not have a formal mechanism or mandate for the Karabakh talks.", "karabakh", "detached"),
        ("The Alliance will not deploy peacekeepers to Nagorno-Karabakh.", "karabakh", "detached"),
        ("He called on NATO not to stay aside from the Karabakh conflict.", "karabakh", "engaged"),
        ("Azerbaijan will not join NATO if membership brings no benefit.", "membership", "conditional"),
        ("Azerbaijan has no plans to join NATO in the near future.", "membership", "distant"),
        ("NATO membership is not on the agenda.", "membership", "distant"),
        ("Russia is not only a rival but also a threat.", "russia", "adversarial"),  # pseudo-negation
        ("Moscow is not a partner, but the talks go on.", "russia", "adversarial"),
        # 'between' ends the scope of 'no': the partnership is not negated
        (
            "Baku sees no contradiction between its partnership with NATO and its close ties with Russia.",
            "russia",
            "cooperative",
        ),
        # pseudo-negations: 'not over', 'will not change our view', 'no choice but'
        ("The Allies insist that enlargement is not over and that the open door remains.", "membership", "open"),
        ("Moscow's threats will not change our view that Georgia will become a member of NATO.", "membership", "open"),
        ("Russia's actions left the Allies no choice but to reinforce the eastern flank.", "russia", "adversarial"),
        ("NATO and Russia face common threats such as terrorism.", "russia", "cooperative"),  # not Russia as threat
        ("The deputy minister said membership does not depend only on Baku.", "membership", "conditional"),
    ],
)
def test_negation(text, topic, stance):
    assert row_for(code([[text]]), "doc.0001", topic)["stance"] == stance


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        # right-node raising: both negated verbs share the object after the comma
        ("The Alliance does not want, and does not need, a mandate in the Karabakh talks.", "karabakh", "detached"),
        # 'few' negates; 'few doubt' does not
        ("Few Allies are eager to admit new members from the Caucasus.", "membership", "distant"),
        ("Few Allies doubt that Russia is a threat.", "russia", "adversarial"),
        # double negation: 'no reason why … not'
        ("We see no reason why NATO and Russia cannot cooperate on arms control.", "russia", "cooperative"),
        # rejecting a call negates it
        ("Helsinki rejected calls to apply for NATO membership.", "membership", "distant"),
        # not considering it is distant; considering it is conditional
        ("Yerevan is not considering membership of the Alliance.", "membership", "distant"),
        # a negated revival is no position; 'refrain from force' keeps its label
        ("The sides failed to implement the Karabakh agreements.", "karabakh", "neutral"),
        # 'the conflict in Donbas' names a war; 'unacceptable to Moscow' judges nobody
        ("Kyiv's accession will be discussed once the conflict in the Donbas is resolved.", "russia", "neutral"),
        ("Enlargement is unacceptable to Moscow, the minister said.", "russia", "neutral"),
        # managing risks with Russia is not Russia as a danger
        ("Dialogue with Russia helps to manage risks.", "russia", "cooperative"),
        # public opinion is not the holder's support
        ("Popular support for NATO membership in Georgia remains high.", "membership", "neutral"),
    ],
)
def test_negation_and_scope_release_1_2(text, topic, stance):
    assert row_for(code([[text]]), "doc.0001", topic)["stance"] == stance


@pytest.mark.parametrize(
    ("text", "topic", "stance"),
    [
        # 'my honourable friend' is a form of address, not friendship with Russia
        ("My honourable friend mentioned Russia twice in his speech.", "russia", "neutral"),
        # 'the opposition' as a political camp is no opposition to enlargement
        ("Kyiv's path to NATO is irreversible, whatever the opposition says.", "membership", "open"),
        # a poll's figure is not the holder's support
        ("Polls show support for NATO membership in Moldova stands at fifteen percent.", "membership", "neutral"),
        # 'years before' is a past time, not a condition; dropping a non-bloc status is open
        ("Kyiv now seeks NATO membership, dropping the non-bloc status it adopted years before.", "membership", "open"),
        # 'for the foreseeable future' after a refusal sets no condition
        ("Membership in NATO is off the table for the foreseeable future, the minister said.", "membership", "distant"),
        # a sentence-opening 'Whether …' is the subject of a claim, not an open question
        ("Whether Moldova joins NATO is for Moldova alone to decide.", "membership", "open"),
        # an embedded open question voids the cue inside it only
        ("Allies asked whether Russia could be a partner again.", "russia", "neutral"),
        # not forgetting a pledge keeps it (a pseudo-negation)
        ("Allies have not forgotten their pledge to Kyiv on NATO membership.", "membership", "open"),
    ],
)
def test_negation_and_scope_release_1_3(text, topic, stance):
    assert row_for(code([[text]]), "doc.0001", topic)["stance"] == stance


def test_our_role_refers_to_the_topic_of_the_passage():
    out = code([["The fighting around Nagorno-Karabakh has resumed.", "Our role is confined to monitoring events."]])
    row = row_for(out, "doc.0002", "karabakh")
    assert row["stance"] == "detached"
    assert "ANA-007" in row["rule_ids"].split(";")


def test_alliance_named_as_the_bloc_or_euro_atlantic_structures():
    out = code([["Chisinau aspires to integration into Euro-Atlantic structures."]])
    assert row_for(out, "doc.0001", "membership")["stance"] == "open"
    out = code([["Baku has no intention of joining the North Atlantic bloc."]])
    assert row_for(out, "doc.0001", "membership")["stance"] == "distant"


def test_territory_under_occupation_is_karabakh():
    out = code([["A fifth of Azerbaijan's lands remained under occupation for decades."]])
    assert out["topic"].tolist() == ["karabakh"]


def test_pseudo_negation_negates_nothing():
    row = row_for(code([["Russia is not only a rival but also a threat."]]), "doc.0001", "russia")
    assert "NEG-001" not in row["rule_ids"]


def test_a_stop_word_ends_the_negation_scope():
    # 'but' ends the scope of 'not': the cooperation cue after it stays cooperative
    row = row_for(code([["Nothing has been decided, but cooperation with Moscow goes on."]]), "doc.0001", "russia")
    assert row["stance"] == "cooperative"


def test_reported_position_is_coded_for_the_holder():
    out = code([["The minister has said that Baku does not intend to join NATO."]], holder="Azerbaijan")
    row = row_for(out, "doc.0001", "membership")
    assert (row["holder"], row["stance"]) == ("Azerbaijan", "distant")
    assert "REP-001" in row["rule_ids"]


# ---------------------------------------------------------------------------
# Questions, references and context


def test_question_is_neutral_but_topic_detected():
    out = code([("interviewer", ["Does NATO condemn Russia's aggression against Ukraine?"])])
    row = row_for(out, "doc.0001", "russia")
    assert row["stance"] == "neutral"
    assert math.isnan(row["score"])
    assert row["rule_ids"].split(";")[-1] == "QST-001"


def test_pronoun_carries_topic_within_a_turn():
    out = code([["Putin sent the troops across the border.", "He badly misjudged the response."]])
    first = row_for(out, "doc.0001", "russia")
    second = row_for(out, "doc.0002", "russia")
    assert second["stance"] == "adversarial"
    assert second["rule_ids"].startswith("ANA-001")
    assert second["confidence"] < first["confidence"]


def test_no_carry_over_across_turns():
    out = code([["Putin sent the troops across the border."], ["He badly misjudged the response."]])
    assert out["statement_id"].tolist() == ["doc.0001"]


def test_demonstrative_reference_carries_topic():
    out = code([["The Kremlin annexed the peninsula in a week.", "NATO will never recognise this illegal move."]])
    row = row_for(out, "doc.0002", "russia")
    assert (row["stance"], row["rule_ids"].split(";")[0]) == ("adversarial", "ANA-004")


def test_connective_carries_topic_at_lowest_confidence():
    out = code([["The Karabakh talks are stuck again.", "However, NATO will stay on the sidelines."]])
    row = row_for(out, "doc.0002", "karabakh")
    assert row["stance"] == "detached"
    assert row["rule_ids"].startswith("ANA-101")


@pytest.mark.parametrize(
    ("turn", "rule_id"),
    [
        (
            [
                "The Nagorno-Karabakh talks resumed in Vienna.",
                "Baku and Yerevan still disagree on the sequence of steps.",
            ],
            "TOP-KB-113",
        ),
        (
            ["The Karabakh ceasefire held overnight.", "Shots were heard along the line of contact at dawn."],
            "TOP-KB-114",
        ),
    ],
)
def test_contextual_karabakh_cues(turn, rule_id):
    row = row_for(code([turn]), "doc.0002", "karabakh")
    assert row["stance"] == "neutral"
    assert {rule_id, "CTX-001"} <= set(row["rule_ids"].split(";"))


def test_a_bare_pronoun_does_not_pass_on_a_carried_topic():
    out = code(
        [
            [
                "Putin ordered the troops across the border.",
                "Those countries were taken by surprise.",
                "This is a lesson for everyone.",
            ]
        ]
    )
    assert row_for(out, "doc.0002", "russia")["rule_ids"] == "ANA-004"
    assert "doc.0003" not in set(out["statement_id"])


def test_a_demonstrative_before_an_unrelated_noun_is_no_reference():
    out = code([["Russia's pressure on its neighbours keeps growing.", "These reforms make our partners stronger."]])
    assert out["statement_id"].tolist() == ["doc.0001"]


def test_reference_without_topic_before_it_carries_nothing():
    assert code([["The weather was fine.", "This is unacceptable."]]).empty


def test_context_from_the_same_turn():
    out = code([["The Karabakh ceasefire is fragile.", "We hope the parties will keep calm."]])
    row = row_for(out, "doc.0002", "karabakh")
    assert row["stance"] == "detached"
    assert "CTX-001" in row["rule_ids"]


def test_a_countrys_choices_and_a_veto_are_membership_in_a_turn_on_it():
    out = code([["We discussed Georgia's NATO membership.", "Russia cannot dictate Georgia's choices.",
                 "No third country will have a veto over it."]])
    assert row_for(out, "doc.0002", "membership")["stance"] == "open"
    assert row_for(out, "doc.0003", "membership")["stance"] == "open"


def test_context_spans_a_quoted_speakers_run_of_paragraphs():
    between = ["The visit was useful.", "Talks went well.", "Dinner followed.", "He left at noon."]
    paragraphs = [
        ("quoted", ["The envoy discussed the Karabakh conflict in Baku."]),
        *[("quoted", [text]) for text in between],
        ("quoted", ["He hoped the sides would keep the ceasefire."]),
    ]
    row = row_for(code(paragraphs), "doc.0006", "karabakh")  # five paragraphs of one speaker's words
    assert "CTX-002" in row["rule_ids"]
    # narrators' paragraphs break the run: the cue is too far from the conflict's name
    paragraphs[1:5] = [("narrator", [text]) for text in between]
    assert code(paragraphs).query("statement_id == 'doc.0006'").empty


def _quoted(first: str, second: str, *, speakers=("Ann Berg", "Ann Berg"), role="quoted") -> pd.DataFrame:
    """Two paragraphs of quoted speech, by the given speakers (invented, 2026-12-05)."""
    frame = statements([(role, [first]), (role, [second])])
    frame["speaker"] = list(speakers)
    return tag_stances(frame, second_opinion=False)


def test_a_quoted_speakers_next_sentence_keeps_their_topic_when_a_cue_says_where_they_stand():
    out = _quoted("The Karabakh talks must resume, the envoy said.", "There can be no military solution.")
    row = row_for(out, "doc.0002", "karabakh")
    assert (row["stance"], row["rule_ids"].split(";")[0]) == ("engaged", "CTX-003")
    out = _quoted("Azerbaijan has no plans to join NATO, the minister said.", "Our policy of balance has served us well.")
    assert row_for(out, "doc.0002", "membership")["stance"] == "distant"


def test_a_sentence_the_quotation_link_reached_passes_its_topic_to_a_pronoun():
    frame = statements([("quoted", ["The Karabakh talks must resume, the envoy said."]),
                        ("quoted", ["There can be no military solution.", "It would only cost more lives."])])
    frame["speaker"] = "Ann Berg"
    out = tag_stances(frame, second_opinion=False)
    assert row_for(out, "doc.0003", "karabakh")["rule_ids"].split(";")[0] == "ANA-002"


def test_the_quotation_link_needs_the_same_quoted_speaker_and_a_cue_of_the_kind_it_trusts():
    first, second = "The Karabakh talks must resume, the envoy said.", "There can be no military solution."
    assert _quoted(first, second, speakers=("Ann Berg", "Tom Lund")).query("statement_id == 'doc.0002'").empty
    assert _quoted(first, second, role="narrator", speakers=("narrator", "narrator")).query("statement_id == 'doc.0002'").empty
    assert _quoted(first, "The weather was fine.").query("statement_id == 'doc.0002'").empty
    # an open door's words ("ready") are partnership words too: they carry no membership over
    out = _quoted("Georgia wants to join NATO, the minister said.", "We are ready.")
    assert out.query("statement_id == 'doc.0002'").empty


def test_context_from_the_question_before_the_answer():
    out = code(
        [
            ("interviewer", ["What is NATO's view of the Nagorno-Karabakh conflict?"]),
            ("interviewee", ["We believe the parties themselves must find a solution."]),
        ]
    )
    row = row_for(out, "doc.0002", "karabakh")
    assert row["stance"] == "detached"
    assert "CTX-002" in row["rule_ids"]


def test_a_countrys_own_choice_answers_a_question_on_membership():
    """Invented (2026-12-05): the answer names no membership word, only the country's choice."""
    out = code(
        [
            ("interviewer", ["Does non-alignment close the door to NATO membership for Baku?"]),
            ("interviewee", ["Azerbaijan is a sovereign state, and it decides its own foreign policy."]),
        ]
    )
    row = row_for(out, "doc.0002", "membership")
    assert row["stance"] == "open" and "TOP-MB-103" in row["rule_ids"]
    alone = code([["Azerbaijan is a sovereign state, and it decides its own foreign policy."]])
    assert "membership" not in set(alone["topic"])  # without a turn on membership, no topic


def test_context_spans_a_question_split_over_several_turns():
    out = code(
        [
            ("interviewer", ["The Karabakh talks resumed in May."]),
            ("interviewer", ["What comes next?"]),
            ("interviewee", ["It is up to the parties to decide."]),
        ]
    )
    assert row_for(out, "doc.0003", "karabakh")["stance"] == "detached"


def test_no_context_four_narration_turns_back():
    turns = [["The Karabakh talks resumed in May."], ["Energy prices rose."], ["Oil fell."], ["Rain came."]]
    out = code([*turns, ["The parties must decide."]])
    assert "doc.0005" not in set(out["statement_id"])  # four turns back is too far


def test_context_needs_the_topic_named():
    assert code([["The parties themselves must find a solution."]]).empty


# ---------------------------------------------------------------------------
# The output table


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return statements(
        [
            ("headline", ["NATO and Moscow agree to talk"]),
            ("interviewer", ["Is NATO ready to help Armenia and Azerbaijan make peace?"]),
            (
                "interviewee",
                [
                    "NATO supports the peace talks between Armenia and Azerbaijan.",
                    "Our door remains open, but membership depends on reforms.",
                    "Russia's aggression against Ukraine is unacceptable.",
                    "It is a brutal war.",
                    "Moscow opposes Georgia's NATO membership.",
                ],
            ),
        ],
        doc_id="smp",
    )


def test_schema(sample):
    out = tag_stances(sample)
    assert list(out.columns) == list(STANCE_COLUMNS)
    assert list(out["topic"].cat.categories) == list(TOPICS)
    assert list(out["stance"].cat.categories) == list(STANCES)
    assert list(out["holder"].cat.categories) == list(HOLDERS)
    assert out["score"].dtype == "float64"
    assert out["confidence"].dtype == "float64"
    assert pd.api.types.is_datetime64_any_dtype(out["date"])
    for col in ("statement_id", "doc_id", "event_date", "rule_ids", "cues"):
        assert pd.api.types.is_string_dtype(out[col]), col
    assert out["confidence"].between(0, 1).all()
    assert isinstance(out.index, pd.RangeIndex)


def test_scores_follow_the_codebook(sample):
    out = tag_stances(sample)
    scores = {
        "engaged": 1,
        "detached": -1,
        "cooperative": 1,
        "adversarial": -1,
        "open": 1,
        "conditional": 0,
        "distant": -1,
    }
    for stance, score in zip(out["stance"], out["score"], strict=True):
        if stance == "neutral":
            assert math.isnan(score)
        else:
            assert score == scores[stance]


def test_labels_fit_their_topics(sample):
    allowed = LABELS_BY_TOPIC
    out = tag_stances(sample)
    for topic, stance in zip(out["topic"], out["stance"], strict=True):
        assert stance == "neutral" or stance in allowed[topic]


def test_rule_ids_and_cues_align(sample):
    out = tag_stances(sample)
    for ids, cues in zip(out["rule_ids"], out["cues"], strict=True):
        assert len(ids.split(";")) == len(cues.split(";"))


def test_sorted_by_statement_then_topic(sample):
    shuffled = sample.sample(frac=1.0, random_state=7)
    out = tag_stances(shuffled)
    order = [(sid, TOPICS.index(t)) for sid, t in zip(out["statement_id"], out["topic"], strict=True)]
    assert order == sorted(order)
    assert ("smp.0007", 1) in order and ("smp.0007", 2) in order  # two topics in one statement


def test_deterministic(sample):
    first = tag_stances(sample)
    pd.testing.assert_frame_equal(first, tag_stances(sample))
    pd.testing.assert_frame_equal(first, tag_stances(sample.sample(frac=1.0, random_state=3)))


def test_input_not_mutated(sample):
    before = sample.copy(deep=True)
    tag_stances(sample)
    pd.testing.assert_frame_equal(sample, before)


def test_empty_input():
    out = tag_stances(statements([]))
    assert out.empty
    assert list(out.columns) == list(STANCE_COLUMNS)
    assert out["topic"].dtype == "category"


def test_speaker_role_is_optional(sample):
    out = tag_stances(sample.drop(columns=["speaker_role"]))
    assert not out.empty


def test_missing_column_raises(sample):
    with pytest.raises(ValueError, match="text"):
        tag_stances(sample.drop(columns=["text"]))


def test_unknown_holder_raises():
    frame = statements([["Russia's aggression is unacceptable."]])
    frame["holder"] = "UN"
    with pytest.raises(ValueError, match="holder"):
        tag_stances(frame)


def test_duplicate_ids_raise(sample):
    with pytest.raises(ValueError, match="not unique"):
        tag_stances(pd.concat([sample, sample]))


# ---------------------------------------------------------------------------
# Matching, and the files the coder reads


def test_index_never_changes_matches(sample):
    rules = load_rules()
    texts = list(sample["text"]) + [text for text, *_ in CASES]
    for text in texts:
        assert rules.match(text) == sorted(rules.match(text, use_index=False)), text


def test_works_without_any_annotation_file(tmp_path, monkeypatch, sample):
    """The coder opens its rule files and nothing else (no gold or guard set)."""
    opened: list[str] = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: spy(self, *a, **k))
    monkeypatch.chdir(tmp_path)  # no annotations/ or tests/data/ around
    rules_module._default_rules.cache_clear()
    try:
        out = tag_stances(sample)
    finally:
        rules_module._default_rules.cache_clear()
    assert not out.empty
    coder_dir = str(PACKAGE_DIR / "data" / "coder")
    assert opened, "the rule files should have been read"
    assert all(path.startswith(coder_dir) for path in opened), opened


# ---------------------------------------------------------------------------
# The learned second opinion (policy "second_opinion", rule id LRN-001). A stub model says
# what it is told, so these tests pin the layer's rules, not the packaged model's weights.


class _StubModel:
    """Gives every sentence the same stance per topic, and ``p_none`` (1.0: no topic)."""

    def __init__(self, stance, probability, p_none=None):
        self.stance, self.probability, self.p_none = stance, probability, p_none or {}
        self.asked: list[tuple[str, str]] = []  # (text, context)

    def predict(self, texts, holders, questions, contexts):
        self.asked += list(zip(texts, contexts))
        return pd.DataFrame(
            [(i, topic, self.stance.get(topic, "neutral"), self.probability, self.p_none.get(topic, 1.0))
             for i in range(len(texts)) for topic in st.TOPICS],
            columns=["row", "topic", "stance", "stance_probability", "p_none"],
        )

    def stance_cues(self, text, topic, label, *, holder, context, top, against_none=False):
        return ["stub topic cue" if against_none else "stub cue"]


def _with_stub(stance, probability, p_none=None):
    """The shipped rules with the stub as their model and no learned topics (the second
    opinion alone)."""
    model = _StubModel(stance, probability, p_none)
    rules = load_rules()
    policy = {k: v for k, v in rules.policy.items() if k != "learned_topic"}
    return dataclasses.replace(rules, second_opinion=model, policy=policy), model


def _coded(turns, rules):
    return tag_stances(statements(turns), rules=rules)


def test_second_opinion_fills_a_bare_neutral():
    rules, model = _with_stub({"karabakh": "engaged"}, 0.7)
    out = _coded([["Fighting flared near Nagorno-Karabakh.", "The Karabakh talks resumed in Vienna."]], rules)
    row = row_for(out, "doc.0002", "karabakh")
    assert (row["stance"], float(row["score"]), float(row["confidence"])) == ("engaged", 1.0, 0.7)
    assert row["rule_ids"].split(";")[-1] == "LRN-001" and row["cues"].split(";")[-1] == "stub cue"
    # the model saw the sentence before it in the same turn as context
    assert ("The Karabakh talks resumed in Vienna.", "Fighting flared near Nagorno-Karabakh.") in model.asked


def test_second_opinion_below_its_threshold_leaves_neutral():
    rules, _ = _with_stub({"karabakh": "engaged"}, 0.59)
    row = row_for(_coded([["The Karabakh talks resumed in Vienna."]], rules), "doc.0001", "karabakh")
    assert row["stance"] == "neutral" and "LRN-001" not in row["rule_ids"]


def test_second_opinion_never_overrides_rules_questions_or_decided_neutrals():
    rules, model = _with_stub({"karabakh": "detached", "russia": "cooperative", "membership": "open"}, 0.99)
    out = _coded(
        [
            ["NATO firmly supports Azerbaijan's territorial integrity."],  # a rule's label stands
            ["Will NATO take part in the Karabakh talks?"],  # a question stays neutral
            ["It remains to be seen whether Allies still back Georgia's membership."],  # a voided cue
            ["The weather in Brussels was mild."],  # no topic: none is added
        ],
        rules,
    )
    assert row_for(out, "doc.0001", "karabakh")["stance"] == "engaged"
    assert row_for(out, "doc.0002", "karabakh")["stance"] == "neutral"
    assert row_for(out, "doc.0003", "membership")["stance"] == "neutral"
    assert "doc.0004" not in set(out["statement_id"])
    assert "LRN-001" not in ";".join(out["rule_ids"])
    assert model.asked == []  # none of these was a bare neutral, so the model was not asked


def test_second_opinion_never_gives_russia_a_stance_against_itself():
    rules, _ = _with_stub({"russia": "adversarial"}, 0.95)
    out = _coded([["Russian troops will stay in the region."]], rules)  # the stub's holder is NATO
    assert row_for(out, "doc.0001", "russia")["stance"] == "adversarial"
    out = tag_stances(statements([["Russian troops will stay in the region."]], holder="Russia"), rules=rules)
    assert row_for(out, "doc.0001", "russia")["stance"] == "neutral"


def test_second_opinion_can_be_switched_off():
    rules, model = _with_stub({"karabakh": "engaged"}, 0.9)
    sample = statements([["The Karabakh talks resumed in Vienna."]])
    assert row_for(tag_stances(sample, rules=rules, second_opinion=False), "doc.0001", "karabakh")["stance"] == "neutral"
    assert model.asked == []



def _with_learned_topic(stance, probability, p_none, none_below, passage=None):
    """Rules whose policy lets the stub model add topics (policy ``learned_topic``)."""
    rules, model = _with_stub(stance, probability, p_none)
    block = {"rule_id": "LRN-002", "cues": 3, "none_below": none_below, "passage": passage or {}, "why": "test"}
    return dataclasses.replace(rules, policy={**rules.policy, "learned_topic": block}), model


def test_learned_topic_adds_a_topic_the_rules_missed():
    rules, model = _with_learned_topic({"membership": "open"}, 0.7, {"membership": 0.2}, {"membership": 0.3})
    out = _coded([["Tbilisi has knocked on that door for years.", "Its time will come."]], rules)
    row = row_for(out, "doc.0002", "membership")
    assert (row["stance"], float(row["score"])) == ("open", 1.0)
    assert row["rule_ids"] == "LRN-002" and row["cues"] == "stub topic cue"
    assert float(row["confidence"]) == pytest.approx(0.8 * 0.7)  # (1 - p_none) x the stance's probability
    assert ("Its time will come.", "Tbilisi has knocked on that door for years.") in model.asked
    assert set(out["topic"]) == {"membership"}  # p_none 1.0 for the other topics: nothing added


def test_learned_topic_needs_p_none_below_the_topics_threshold():
    rules, _ = _with_learned_topic({"membership": "open"}, 0.9, {"membership": 0.3}, {"membership": 0.3})
    assert _coded([["Its time will come."]], rules).empty
    rules, _ = _with_learned_topic({"russia": "adversarial"}, 0.9, {"russia": 0.1}, {"membership": 0.3})
    assert _coded([["Its time will come."]], rules).empty  # russia is not listed


def test_learned_topic_gives_neutral_to_an_unsure_stance_a_question_nothing_and_keeps_rule_rows():
    rules, _ = _with_learned_topic({"membership": "open", "karabakh": "engaged"}, 0.55,
                                   {"membership": 0.1, "karabakh": 0.1}, {"membership": 0.3, "karabakh": 0.3})
    out = _coded([["Its time will come.", "Will its time come?", "The Karabakh talks resumed in Vienna."]], rules)
    row = row_for(out, "doc.0001", "membership")
    assert row["stance"] == "neutral" and math.isnan(float(row["score"])) and row["rule_ids"] == "LRN-002"
    assert float(row["confidence"]) == pytest.approx(0.9 * 0.8)  # the no-cue stance confidence
    assert "doc.0002" not in set(out["statement_id"])  # a question is never asked
    kept = row_for(out, "doc.0003", "karabakh")  # the rules' row stands, none is added beside it
    assert "LRN-002" not in kept["rule_ids"]


def test_learned_topic_leaves_background_narration_and_own_words_neutral():
    rules, _ = _with_learned_topic({"membership": "open", "russia": "adversarial"}, 0.95,
                                   {"membership": 0.1, "russia": 0.1}, {"membership": 0.3, "russia": 0.3})
    out = _coded([["The summit closed on Tuesday."]], rules)  # narrator held by NATO: a stance
    assert row_for(out, "doc.0001", "membership")["stance"] == "open"
    bg = tag_stances(statements([["The summit closed on Tuesday."]], holder="media"), rules=rules)
    row = row_for(bg, "doc.0001", "membership")
    assert row["stance"] == "neutral" and row["rule_ids"] == "LRN-002;BKG-001"
    own = tag_stances(statements([("quoted", ["Our troops will stay."])], holder="Russia"), rules=rules)
    assert row_for(own, "doc.0001", "russia")["stance"] == "neutral"


def test_learned_topic_with_a_passage_window_stays_in_a_passage_the_rules_put_on_the_topic():
    rules, _ = _with_learned_topic({"membership": "open"}, 0.9, {"membership": 0.1}, {"membership": 0.3},
                                   passage={"membership": 2})
    turns = [["Time will tell.", "Georgia wants to join NATO.", "Time will tell.", "Fine weather.", "Time will tell."]]
    out = _coded(turns, rules)
    learned = sorted(out.loc[out["rule_ids"] == "LRN-002", "statement_id"])
    # 0001 has no rule row before it; 0003 and 0004 are within two statements of 0002; 0005 is not
    assert learned == ["doc.0003", "doc.0004"]
    other_doc = _coded([["Georgia wants to join NATO."]], rules)  # a passage never crosses documents
    assert list(other_doc["statement_id"]) == ["doc.0001"]


@pytest.mark.parametrize(
    "block",
    [
        {"rule_id": "LRN-002", "cues": 3, "none_below": {"nato": 0.3}},
        {"rule_id": "LRN-002", "cues": 3, "none_below": {"membership": 1.5}},
        {"rule_id": "LRN-002", "none_below": {"membership": 0.3}},
        {"rule_id": "bad id", "cues": 3, "none_below": {"membership": 0.3}},
        {"rule_id": "LRN-002", "cues": 3, "none_below": {"membership": 0.3}, "passage": {"russia": 4}},
        {"rule_id": "LRN-002", "cues": 3, "none_below": {"membership": 0.3}, "passage": {"membership": -1}},
        {"rule_id": "LRN-002", "cues": 3, "none_below": {"membership": 0.3}, "passage": [8]},
    ],
)
def test_policy_checker_rejects_a_bad_learned_topic_section(tmp_path, block):
    import json
    import shutil

    shutil.copytree(PACKAGE_DIR / "data" / "coder", tmp_path, dirs_exist_ok=True)
    policy = json.loads((tmp_path / "policy.json").read_text(encoding="utf-8"))
    (tmp_path / "policy.json").write_text(json.dumps({**policy, "learned_topic": block}), encoding="utf-8")
    with pytest.raises(rules_module.RuleError, match="learned_topic|bad rule id"):
        load_rules(tmp_path)


@pytest.mark.parametrize("enabled", [True, False])
def test_coding_pauses_the_garbage_collector_and_restores_it(sample, monkeypatch, enabled):
    import gc

    seen = []
    real = st._tag

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(st, "_tag", spy)
    (gc.enable if enabled else gc.disable)()
    try:
        tag_stances(sample)
        assert seen == [False] and gc.isenabled() is enabled
        monkeypatch.setattr(st, "_tag", lambda *a, **k: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            tag_stances(sample)
        assert gc.isenabled() is enabled  # restored on error too
    finally:
        gc.enable()
