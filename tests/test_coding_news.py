"""Coding rules for news prose (issue 13): background narration, an actor's own words, membership cues.

One invented sentence per rule, with the exact code; none is taken from a text we hold.
"""

from __future__ import annotations

import pytest
from test_stances import code, row_for, statements

from corpus_lib.coding.coder import tag_stances


def _fired(text: str, topic: str, rule_id: str, *, before: tuple[str, ...] = ()) -> str | None:
    """The stance the coder gives ``text`` (after the sentences ``before`` in the same turn) on
    ``topic``, or None where ``rule_id`` is not among the rules that coded it."""
    row = row_for(code([[*before, text]]), f"doc.{len(before) + 1:04d}", topic)
    return row["stance"] if rule_id in row["rule_ids"].split(";") else None


def _one(text: str, topic: str, *, holder: str = "NATO", role: str = "narrator"):
    frame = statements([(role, [text])], holder=holder)
    frame["holder"] = frame["holder"].cat.set_categories(frame["holder"].cat.categories)
    out = tag_stances(frame, second_opinion=True)
    return row_for(out, "doc.0001", topic)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Separatists seized Nagorno-Karabakh in a war that killed thousands.", "karabakh"),
        ("The Karabakh conflict erupted in 1988 and a ceasefire was signed in 1994.", "karabakh"),
        ("Mediation by the OSCE Minsk Group has brought little progress.", "karabakh"),
        ("Russian troops crossed the border early on Thursday.", "russia"),
        ("Georgia was promised membership at the 2008 Bucharest summit.", "membership"),
    ],
)
def test_background_narration_keeps_its_topic_and_takes_no_stance(text, topic):
    row = _one(text, topic, holder="media")
    assert row["stance"] == "neutral"
    assert "BKG-001" in row["rule_ids"].split(";")
    assert "LRN-001" not in row["rule_ids"]  # nor from the second opinion


def test_narration_that_voices_a_view_is_still_coded():
    row = _one("Critics say Russia's illegal annexation of Crimea changed everything.", "russia", holder="media")
    assert row["stance"] == "adversarial"


def test_the_same_sentence_held_by_an_actor_is_coded():
    row = _one("NATO supports a negotiated settlement of the Nagorno-Karabakh conflict.", "karabakh", holder="NATO")
    assert row["stance"] == "engaged"


def test_russias_words_against_others_are_no_position_against_russia():
    row = _one("The expansion of NATO is a direct threat to Russia.", "russia", holder="Russia", role="quoted")
    assert row["stance"] == "neutral"
    assert "SLF-001" in row["rule_ids"].split(";")
    other = _one("The expansion of NATO is a direct threat to Russia.", "russia", holder="NATO", role="quoted")
    assert other["stance"] == "adversarial"


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [
        ("Georgia will join NATO, the envoy said.", "open", "MB-OPN-018"),
        ("You will be members of this Alliance.", "open", "TOP-MB-017"),
        ("The Alliance favours enlargement.", "open", "MB-OPN-002"),
        ("Enlargement has made Europe safer.", "open", "MB-OPN-006"),
        ("Taking part in the partnership plan does not imply accession to NATO.", "distant", "MB-DIS-015"),
        ("It is for Armenia alone to decide its security arrangements.", "open", "TOP-MB-013"),
        ("No outside country has a veto over who joins the Alliance.", "open", "TOP-MB-018"),
        ("Our non-aligned status is our choice and it is not going to change.", "distant", "TOP-MB-019"),
        ("Membership is a question for later.", "conditional", "MB-CON-007"),
        ("You will be members of this Alliance, he told a news conference after the summit.", "open", "MB-OPN-009"),
    ],
)
def test_membership_cues(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_the_non_aligned_movement_is_not_membership():
    out = code([["Azerbaijan chairs the Non-Aligned Movement this year."]])
    assert "membership" not in set(out["topic"].astype(str))


def test_blame_for_the_war_is_adversarial():
    row = row_for(code([["The Kremlin bears full responsibility for this war."]]), "doc.0001", "russia")
    assert (row["stance"], "RU-ADV-030" in row["rule_ids"]) == ("adversarial", True)


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [
        ("It is for Moldova to decide how far it wants to go with the Alliance.", "open", "MB-OPN-016"),
        ("Each partner decides how close it wants to be.", "open", "MB-OPN-016"),
        ("That is a question for the Allies and for Moldova, not for anyone else.", "open", "MB-OPN-016"),
    ],
)
def test_a_partners_own_choice_after_a_question_on_joining_is_open(text, stance, rule_id):
    out = code([["Will Moldova join NATO?"], [text]])
    row = row_for(out, "doc.0002", "membership")
    assert row["stance"] == stance
    assert rule_id in row["rule_ids"].split(";")


def test_membership_not_under_discussion_is_distant():
    row = row_for(code([["Membership of NATO is not under discussion."]]), "doc.0001", "membership")
    assert (row["stance"], "MB-DIS-017" in row["rule_ids"]) == ("distant", True)


def test_after_talks_in_the_attribution_is_no_condition():
    text = "Moldova will become a member of NATO, the envoy told a news conference after talks with officials."
    assert row_for(code([[text]]), "doc.0001", "membership")["stance"] == "open"


def test_a_reply_takes_the_topic_of_the_question_it_answers_and_only_across_one_turn():
    out = code([["Is Russia still a threat to the region?"], ["Not at all.", "Not at all."]])
    assert "ANA-201" in row_for(out, "doc.0002", "russia")["rule_ids"].split(";")
    assert "russia" not in set(out[out["statement_id"] == "doc.0003"]["topic"].astype(str))  # not the turn's second
    plain = code([["Russia is still a threat to the region."], ["Not at all."]])
    assert "russia" not in set(plain[plain["statement_id"] == "doc.0002"]["topic"].astype(str))  # no question asked


def test_this_after_an_auxiliary_in_a_question_refers_to_the_sentence_before():
    out = code([["The new government wants better relations with Moscow.", "Does this worry the Alliance?"]])
    assert "ANA-006" in row_for(out, "doc.0002", "russia")["rule_ids"].split(";")


@pytest.mark.parametrize(
    ("text", "topic", "stance", "rule_id"),
    [
        ("Moscow's war against its neighbour has changed Europe.", "russia", "adversarial", "RU-ADV-031"),
        ("Russia has torn up the rules that kept the peace.", "russia", "adversarial", "RU-ADV-031"),
        ("The Alliance rules out a mediating role in Nagorno-Karabakh.", "karabakh", "detached", "NEG-004"),
        ("Moldova will become a member of NATO if it so wishes and meets the standards.", "membership", "open", "POL-MB-002"),
        ("Moldova will join NATO once it is ready, and no outside country will be allowed to block that.", "membership", "open", "MB-OPN-016"),
        # negation that ends or cancels
        ("Moldova does not rule out applying for NATO membership.", "membership", "conditional", "MB-CON-015"),
        ("It is not Moscow that decides who joins the Alliance.", "membership", "open", "MB-OPN-016"),
        ("The question of NATO membership is no longer whether but when.", "membership", "open", "MB-OPN-016"),
        ("Partnership, however, is not membership in NATO.", "membership", "distant", "MB-DIS-016"),
        ("Our partnership with NATO does not contradict our alliance with Russia.", "russia", "cooperative", "RU-COO-012"),
        ("Moldova does not consider Russia an enemy and is ready for dialogue with Moscow.", "russia", "cooperative", "RU-COO-004"),
        # release 1.9
        ("The Alliance does not recognise the so-called elections in Nagorno-Karabakh.", "karabakh", "engaged", "KB-ENG-031"),
        ("The Kremlin said any move by Moldova towards NATO would be a threat to its security.", "membership", "distant",
         "MB-DIS-018"),
        ("Moscow has warned NATO against expanding into the Caucasus.", "membership", "distant", "MB-DIS-018"),
        ("The ministry warned Chisinau against drifting into NATO's orbit.", "membership", "distant", "MB-DIS-018"),
        ("The Alliance respects Moldova's sovereign choices on membership.", "membership", "open", "MB-OPN-020"),
        ("Joining NATO would depend on the country's own decision and on its readiness.", "membership", "open",
         "POL-MB-002"),
        ("We are not against enlargement, but our concerns must be addressed first.", "membership", "conditional",
         "MB-CON-016"),
        ("The door to NATO is open, and the pace depends on Moldova's reforms, not on anyone else.", "membership", "open",
         "MB-OPN-021"),
        ("The decision on NATO membership is ours and the Allies', not Moscow's.", "membership", "open", "MB-OPN-021"),
        ("The question of NATO membership is not if, but when.", "membership", "open", "MB-OPN-021"),
        ("No outside country decides who joins NATO.", "membership", "open", "MB-OPN-021"),
        ("NATO membership is Moldova's choice alone, and no foreign capital would dictate it.", "membership", "open",
         "MB-OPN-021"),
        ("Moscow says the enlargement of NATO is a threat to Russia.", "membership", "distant", "MB-DIS-018"),
        ("Moscow has failed to fulfil its obligations to its ally.", "russia", "adversarial", "RU-ADV-032"),
        ("The Kremlin tried for months to block our path.", "russia", "adversarial", "RU-ADV-032"),
    ],
)
def test_news_cues_of_releases_1_8_and_1_9(text, topic, stance, rule_id):
    assert _fired(text, topic, rule_id) == stance


@pytest.mark.parametrize("text", ["That is a decision for Moldova alone.", "The government wants a partnership, and we respect that."])
def test_an_answer_on_a_partners_own_decision_is_open(text):
    out = code([["Is membership of NATO on the table?"], [text]])
    assert row_for(out, "doc.0002", "membership")["stance"] == "open"


def test_decisions_taken_by_the_allies_and_nobody_else_are_open():
    row = row_for(code([["Decisions on enlargement are taken by the thirty Allies and Moldova, and nobody else."]]), "doc.0001", "membership")
    assert row["stance"] == "open"


def test_an_event_that_only_dates_the_sentence_is_no_judgement():
    dated = row_for(code([["NATO invited Finland to join, four months after Russia's full-scale invasion of Ukraine."]]), "doc.0001", "russia")
    assert (dated["stance"], "VOI-002" in dated["rule_ids"]) == ("neutral", True)
    judged = row_for(code([["Russia's full-scale invasion of Ukraine is illegal."]]), "doc.0001", "russia")
    assert judged["stance"] == "adversarial"


def test_moving_towards_the_bloc_is_membership_and_a_venue_is_not():
    assert row_for(code([["Moldova moved closer to the bloc last year."]]), "doc.0001", "membership")["stance"] == "neutral"
    out = code([["The talks moved to Vienna."]])
    assert "membership" not in set(out["topic"])


def test_an_own_choice_in_a_passage_on_membership_is_open():
    out = code([["Moldova wants to join NATO one day.", "That is for Moldova to decide."]])
    assert row_for(out, "doc.0002", "membership")["stance"] == "open"
    out = code([["Moldova alone decides how close it gets to NATO."]])
    assert row_for(out, "doc.0001", "membership")["stance"] == "open"


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [
        ("Nobody in Moscow decides who joins NATO.", "open", "MB-OPN-022"),
        ("Moldova will join NATO one day, and Moscow has no say in this.", "open", "MB-OPN-022"),
        ("Moldova can go as far with the Alliance as it wishes.", "open", "MB-OPN-022"),
        ("The question is no longer whether Moldova will join NATO, but when.", "open", "MB-OPN-022"),
        ("Moldova should abandon its neutrality and seek NATO membership.", "open", "MB-OPN-023"),
        ("The only guarantee for Moldova is membership in the Alliance.", "open", "MB-OPN-023"),
        ("The crisis showed why Moldova's NATO bid had to be accelerated.", "open", "MB-OPN-024"),
        ("The partnership plan is not a ticket to NATO membership.", "distant", "MB-DIS-019"),
        ("There is no automatic path from partnership to NATO membership.", "distant", "MB-DIS-019"),
        ("Partnership, not membership", "distant", "MB-DIS-019"),
        ("Any rapprochement with NATO would have consequences for Moldova.", "distant", "MB-DIS-020"),
        ("NATO enlargement to our borders will not go unanswered.", "distant", "MB-DIS-020"),
        ("Moldova does not plan to join any military bloc in the foreseeable future.", "distant", "MB-DIS-021"),
        ("Cooperation with NATO brings benefits to both and does not imply NATO membership.", "distant", "MB-DIS-015"),
        ("Our programmes are not a step towards NATO membership; they are about reform.", "distant", "MB-DIS-015"),
        ("The partnership plan with the EU and the IPAP does not imply NATO membership.", "distant", "MB-DIS-015"),
        ("NATO membership is the only guarantee against a new war.", "open", "MB-OPN-023"),
        ("Only NATO membership would protect our pipelines.", "open", "MB-OPN-023"),
        ("Our non-bloc status did not protect us from the invasion.", "open", "MB-OPN-025"),
        ("The choice of alliances is Moldova's alone.", "open", "MB-OPN-022"),
        ("Membership is our choice alone; nobody in Moscow will make it for us.", "open", "MB-OPN-022"),
        ("Moldova will not choose between Russia and NATO.", "distant", "MB-DIS-022"),
        ("For most Moldovans the question became not whether to join NATO but when.", "open", "MB-OPN-022"),
        ("Moldova will ask parliament to reconsider the country's non-bloc status.", "open", "MB-OPN-023"),
        ("Only membership in the Alliance can guarantee our security.", "open", "MB-OPN-023"),
        ("The absence of a Membership Action Plan is a question of time, not of principle.", "open", "MB-OPN-022"),
        ("Moldova has enshrined the course towards NATO membership in its constitution.", "open", "MB-OPN-026"),
        ("The Bucharest decision on NATO membership still stands.", "open", "MB-OPN-026"),
        ("Moscow says NATO enlargement provoked the war.", "distant", "MB-DIS-020"),
        ("NATO's expansion is a dead end.", "distant", "MB-DIS-020"),
        ("Any attempt to revive the idea of NATO membership would damage relations between our countries.", "distant",
         "MB-DIS-020"),
        ("Moldova will not give up its bid to join NATO after the war.", "open", "MB-OPN-027"),
    ],
)
def test_news_cues_of_release_1_10(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance



def test_a_long_term_goal_of_membership_is_an_aim_not_a_condition():
    row = row_for(code([["Opposition MP Ion Rusu said Moldova should set NATO membership as a long-term goal."]]), "doc.0001", "membership")
    assert row["stance"] == "open"


def test_a_trailing_concession_does_not_override_the_main_clause():
    text = "Moldova welcomed the decision that it will become a member of NATO, although it was not granted a Membership Action Plan."
    row = row_for(code([[text]]), "doc.0001", "membership")
    assert (row["stance"], "POL-CNC-001" in row["rule_ids"]) == ("open", True)
    kept = "NATO's door is open to Moldova, although it must first complete its reforms."
    assert row_for(code([[kept]]), "doc.0001", "membership")["stance"] == "conditional"


def test_of_two_decisive_cues_the_own_choice_comes_first():
    text = "Our partnership is not a path to NATO membership unless Moldova decides that it wants one."
    assert row_for(code([[text]]), "doc.0001", "membership")["stance"] == "open"


@pytest.mark.parametrize(
    ("text", "topic", "stance", "rule_id"),
    [
        ("The Alliance is not a mediator in Karabakh, but we stand ready to support the implementation of an agreement, "
         "including with demining.", "karabakh", "engaged", "KB-ENG-032"),
        ("NATO is ready to support the Karabakh settlement with expertise on border security if the sides ask us to.",
         "karabakh", "engaged", "KB-ENG-032"),
        ("Russia did not protect us in the war, and it will not protect us in the future.", "russia", "adversarial", "RU-ADV-032"),
        ("The Russian contingent failed to fulfil its mission.", "russia", "adversarial", "RU-ADV-032"),
        ("Russia did not fulfil its obligations when our territory was attacked.", "russia", "adversarial", "RU-ADV-032"),
        ("Our alliance with Moscow did not work when we needed it.", "russia", "adversarial", "RU-ADV-032"),
    ],
)
def test_news_cues_of_release_1_10_on_karabakh_and_russia(text, topic, stance, rule_id):
    assert _fired(text, topic, rule_id) == stance


def test_a_refusal_of_a_role_without_a_concrete_offer_stays_detached():
    row = row_for(code([["NATO is not a mediator in the Karabakh conflict and will not seek a role."]]), "doc.0001", "karabakh")
    assert row["stance"] == "detached"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Armenia rules out NATO membership.", "distant"),  # the cue's own word is no negator of it
        ("A NATO official, who spoke on condition of anonymity, said the Alliance would not give any outside country a "
         "veto over its enlargement.", "open"),  # "on condition of anonymity" sets no condition
        ("If one day it decides otherwise, the door of the Alliance is open.", "open"),
    ],
)
def test_membership_readings_fixed_in_release_1_10(text, stance):
    assert row_for(code([[text]]), "doc.0001", "membership")["stance"] == stance


def test_staying_out_of_the_conflict_is_detached():
    row = row_for(code([["On Karabakh, NATO has always been careful to stay out of the conflict."]]), "doc.0001", "karabakh")
    assert row["stance"] == "detached"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Russia, as a co-chair of the Minsk Group, will continue working with both sides.", "neutral"),
        ("Russia is ready for an equal partnership with the Alliance.", "cooperative"),
    ],
)
def test_russias_account_of_itself_is_a_position_only_on_its_relation_with_the_alliance(text, stance):
    frame = statements([("narrator", [text])], holder="Russia")
    frame["holder"] = frame["holder"].cat.set_categories(frame["holder"].cat.categories)
    row = row_for(tag_stances(frame, second_opinion=True), "doc.0001", "russia")
    assert row["stance"] == stance


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [
        ("Moldova will not give up its aim of joining NATO.", "open", "MB-OPN-027"),
        ("The flood showed that neutrality would not have protected Moldova.", "open", "MB-OPN-025"),
        ("Neutrality between the two blocs is an illusion, the senator said.", "open", "MB-OPN-025"),
        ("Neutrality is no protection against a neighbour with tanks.", "open", "MB-OPN-025"),
        ("Ten years of war showed that neutrality cannot protect Moldova.", "open", "MB-OPN-025"),
        ("Enlargement is the free choice of sovereign nations.", "open", "MB-OPN-022"),
        ("Moldova was promised membership at the summit.", "open", "MB-OPN-028"),
        ("Moldova will keep knocking on NATO's door until it opens.", "open", "MB-OPN-028"),
        ("Membership of NATO is written into Moldova's constitution.", "open", "MB-OPN-026"),
        ("Our partnership with Moldova is not a membership track.", "distant", "MB-DIS-019"),
        ("Moscow warned of grave consequences if Moldova joins NATO.", "distant", "MB-DIS-018"),
        ("Russia will take all necessary measures if Moldova is admitted to NATO.", "distant", "MB-DIS-018"),
        ("Moscow said Moldova's accession to NATO would force it to respond.", "distant", "MB-DIS-018"),
        ("The senator said Moldova's accession to NATO threatens Russia's security.", "distant", "MB-DIS-018"),
        ("Taking Moldova into NATO would create new dividing lines on the continent.", "distant", "MB-DIS-014"),
        ("They want to drag Moldova into their bloc, the spokesman said.", "distant", "MB-DIS-014"),
        ("Only membership in NATO can guarantee that the flood of tanks will not happen again.", "open", "MB-OPN-023"),
        ("No other capital will decide where Moldova belongs, and Moldova will join NATO.", "open", "MB-OPN-022"),
        ("Moldova wants to join NATO, and nobody in Moscow has a vote on it.", "open", "MB-OPN-022"),
    ],
)
def test_news_cues_of_release_1_11(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_an_if_clause_stays_a_condition_unless_its_event_is_the_accession():
    kept = "Moldova can join NATO if it settles its border disputes first."
    assert row_for(code([[kept]]), "doc.0001", "membership")["stance"] == "conditional"
    warning = "Moscow warned of grave consequences if Moldova joins NATO."
    assert "MB-CON-001" not in row_for(code([[warning]]), "doc.0001", "membership")["rule_ids"].split(";")


@pytest.mark.parametrize("event", ["were dragged into the bloc", "were brought into NATO", "is taken into the Alliance",
                                   "were let into the bloc", "is accepted into NATO"])
def test_an_if_clause_whose_event_is_being_taken_in_is_a_warning_not_a_condition(event):
    warning = f"Moscow will take all necessary measures if Moldova {event}."
    row = row_for(code([[warning]]), "doc.0001", "membership")
    assert row["stance"] == "distant"
    assert "MB-CON-001" not in row["rule_ids"].split(";")


def test_neutrality_names_membership_only_where_it_is_judged_as_protection_or_between_blocs():
    assert "membership" not in set(code([["NATO keeps its neutrality in the conflict over the lake."]])["topic"])
    assert row_for(code([["Neutrality between the blocs served us for years."]]), "doc.0001", "membership")["topic"] == "membership"


def test_membership_topics_of_release_1_11():
    assert row_for(code([["Moldova wants to join NATO.", "Moldova will be a member."]]), "doc.0002", "membership")["stance"] == "open"
    assert row_for(code([["We are not going to be part of any bloc."]]), "doc.0001", "membership")["stance"] == "distant"
    assert "membership" not in set(code([["NATO said the suspension does not close the door to dialogue."]])["topic"])
    row = row_for(code([["Moldova, which calls itself non-aligned, wants a treaty signed before the end of the year."]]),
                  "doc.0001", "membership")
    assert "MB-CON-002" not in row["rule_ids"].split(";")


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [
        ("The envoy said NATO welcomed the truce reached in Moscow to halt the shelling.", "cooperative", "RU-COO-017"),
        ("The minister praised Russia's mediation to end the fighting at the lake.", "cooperative", "RU-COO-017"),
        ("The senator said Russia had abandoned its ally when the war began.", "adversarial", "RU-ADV-033"),
        ("Moldova has become a hostage of Russian policy, the MP said.", "adversarial", "RU-ADV-033"),
        ("Russia has shown its true face, the minister said.", "adversarial", "RU-ADV-033"),
        ("Moscow is not an honest broker in this conflict.", "adversarial", "RU-ADV-033"),
    ],
)
def test_russia_cues_of_release_1_11(text, stance, rule_id):
    assert _fired(text, "russia", rule_id) == stance


def test_not_preventing_cooperation_with_russia_is_no_negation():
    text = "Moldova's alliance with Russia does not prevent it from deepening its cooperation with Russia's neighbours."
    assert row_for(code([[text]]), "doc.0001", "russia")["stance"] == "cooperative"
    assert row_for(code([["NATO calls on Russia to stop the war."]]), "doc.0001", "russia")["stance"] == "adversarial"


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [
        ("Moldova will remain outside all military alliances, the adviser said.", "distant", "MB-DIS-024"),
        ("Chisinau will keep its distance from all blocs.", "distant", "MB-DIS-024"),
        ("Romania is a member of NATO, we are a member of nothing, and that suits us.", "distant", "MB-DIS-025"),
        ("Moldova's non-aligned status has outlived its purpose, the minister said.", "open", "MB-OPN-025"),
        ("The pace of this relationship, membership included, is Moldova's own business.", "open", "MB-OPN-022"),
        ("Moldova's alliances will be chosen in Chisinau, the adviser says", "open", "MB-OPN-022"),
        ("NATO has no quarrel with Chisinau's decision to stay out of military blocs.", "open", "MB-OPN-029"),
        ("Our road leads into the Euro-Atlantic family.", "open", "MB-OPN-017"),
        ("Russia would take whatever steps are required if Moldova joins NATO.", "distant", "MB-DIS-018"),
        ("The Alliance is spreading into the region, and Europe will pay for it.", "distant", "MB-DIS-018"),
        ("Bringing Moldova into NATO would be a strategic blunder.", "distant", "MB-DIS-014"),
    ],
)
def test_membership_in_fresh_wording(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-05 (seventh session), from the kinds of wording in news/dev26
        ("Armenia has no reason to seek a seat in the Alliance.", "distant", "TOP-MB-028"),
        ("Who sits at the Allies' table will be discussed in June.", "neutral", "TOP-MB-028"),
        ("Some argue that a Moldova inside NATO would be safer.", "neutral", "TOP-MB-029"),
        ("The island state will not seek NATO's collective-defence guarantee.", "distant", "TOP-MB-030"),
        ("The republic belongs to no military bloc.", "distant", "MB-DIS-025"),
        ("Every new threat shows why we need the Alliance's protection.", "open", "MB-OPN-030"),
        ("We do not need the Alliance's protection.", "distant", "MB-OPN-030"),
        ("Kyiv inside the Alliance would be a line nobody in Moscow will allow anyone to cross.", "distant", "MB-DIS-026"),
        ("NATO is entirely comfortable with that approach to membership.", "open", "MB-OPN-029"),
        ("How close the republic moves towards NATO is a matter for its capital to settle.", "open", "MB-OPN-022"),
        ("Whether to seek membership is a question only the islanders can answer.", "open", "MB-OPN-022"),
        ("On membership, that conversation will be the republic's to open.", "open", "MB-OPN-022"),
        ("Membership was for the islanders, and for the islanders only, to settle.", "open", "MB-OPN-022"),
    ],
)
def test_membership_named_by_a_seat_protection_or_being_inside(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_views_inside_the_alliance_are_no_membership():
    assert code([["There are different views inside the Alliance on the budget."]]).empty


def test_blocs_from_outside_are_no_membership():
    assert "membership" not in set(code([["Outside military blocs have nothing to offer in the lake dispute."]])["topic"])


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [
        ("Karabakh is none of your business, the Kremlin told the Alliance.", "detached", "KB-DET-017"),
        ("Outsiders with their own agenda would only complicate matters.", "detached", "KB-DET-017"),
        ("NATO does not intend to compete with the co-chairs.", "detached", "KB-DET-017"),
        ("The peace talks have their mediators, and we are not going to compete with it.", "detached", "KB-DET-017"),
        ("The Alliance has no intention of setting up a parallel channel for the peace talks.", "detached", "KB-DET-017"),
        ("We will not run a second track of our own on Karabakh.", "detached", "KB-DET-017"),
        ("We will speak up every time the ceasefire is broken.", "engaged", "KB-ENG-033"),
        ("The way forward is dialogue, not force.", "engaged", "KB-ENG-033"),
    ],
)
def test_karabakh_in_fresh_wording(text, stance, rule_id):
    before = ("Fighting resumed along the line of contact in Nagorno-Karabakh.",)
    assert _fired(text, "karabakh", rule_id, before=before) == stance


def test_a_track_of_ones_own_is_no_position_unless_refused():
    out = code([["Fighting resumed along the line of contact in Nagorno-Karabakh.",
                 "The OSCE will open a second track for the talks."]])
    assert "KB-DET-017" not in row_for(out, "doc.0002", "karabakh")["rule_ids"].split(";")


def test_concern_over_the_fighting_names_the_conflict_but_takes_no_side():
    out = code([["Fighting resumed along the line of contact in Nagorno-Karabakh.",
                 "We are deeply troubled by the loss of life."]])
    row = row_for(out, "doc.0002", "karabakh")
    assert "KB-ENG-033" not in row["rule_ids"].split(";") and "TOP-KB-116" in row["rule_ids"].split(";")


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The draft communique keeps the door open to Moldova.", "open"),
        ("Moldova and Andorra have applied to join, and we expect both to be members soon.", "open"),
        ("Attempts to drag the countries of the Danube basin into the North Atlantic bloc will fail.", "distant"),
        ("The partnership does not entail any commitments regarding accession.", "distant"),
        ("Moldova will not give up its policy of non-participation in military blocs.", "distant"),
        ("Moldova has no intention of abandoning its refusal to tie itself to any military bloc after its victory.",
         "distant"),
        ("Five years ago the minister was still defending the non-bloc law.", "distant"),
        ("Neutrality is a luxury for countries whose neighbours respect borders.", "open"),
    ],
)
def test_membership_named_in_news_wording_of_release_1_15(text, stance):
    assert row_for(code([[text]]), "doc.0001", "membership")["stance"] == stance


@pytest.mark.parametrize("text", ["The bank keeps the door open for dialogue with its critics.",
                                  "The accord does not mean EU membership for Moldova."])
def test_doors_to_dialogue_and_other_organisations_name_no_membership(text):
    assert "membership" not in set(code([[text]])["topic"])


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-05 (fourteenth session), from the kinds of wording the coder missed in news/dev35-dev42
        ("Chisinau has long kept the Alliance at arm's length.", "distant", "MB-DIS-027"),
        ("We work with NATO and with Moscow, but we will not sit in anybody's camp.", "distant", "MB-DIS-028"),
        ("The republic is not switching camps, whatever NATO hopes.", "distant", "MB-DIS-028"),
        ("Montenegro became the Alliance's twenty-ninth member in 2017.", "open", "TOP-MB-033"),
        ("Any enlargement needs the consensus of all Allies.", "conditional", "MB-CON-017"),
        ("A future NATO bid by the republic would be judged on its merits.", "conditional", "MB-CON-017"),
        ("The bar for membership has not moved.", "conditional", "MB-CON-017"),
        ("The partnership programme is not a queue for membership.", "distant", "MB-DIS-019"),
        ("How close the republic comes to NATO is for Chisinau to work out.", "open", "MB-OPN-022"),
        ("Membership is entirely a matter for Chisinau.", "open", "MB-OPN-022"),
    ],
)
def test_membership_in_wording_of_release_1_16(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_wanting_in_and_the_partners_pace_need_a_passage_on_membership():
    before = ("Moldova applied to join NATO in 2019.",)
    assert _fired("Moldova still wants in.", "membership", "MB-OPN-031", before=before) == "open"
    assert _fired("We go on at the pace its government sets.", "membership", "MB-OPN-022", before=before) == "open"
    assert "membership" not in set(code([["Moldova still wants in."]])["topic"])


@pytest.mark.parametrize("text", ["NATO will not take sides in the conflict.",
                                  "The Alliance does not pick sides between the two neighbours."])
def test_taking_sides_in_a_conflict_names_no_membership(text):
    assert "membership" not in set(code([[text]])["topic"])


def test_work_done_and_a_partners_own_pace_are_no_condition_and_no_own_choice():
    assert row_for(code([["Moldova has done its homework for NATO membership."]]), "doc.0001",
                   "membership")["stance"] != "conditional"
    row = row_for(code([["Moldova has no plans to seek NATO membership and will go on with the partnership "
                         "at its own pace."]]), "doc.0001", "membership")
    assert row["stance"] == "distant" and "MB-OPN-022" not in row["rule_ids"].split(";")


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-05 (fourteenth session)
        ("\"Neutrality protected nobody in this corner of Europe,\" the deputy said.", "open", "MB-OPN-025"),
        ("The opposition said the crisis proved that neutrality offered no shelter against Moscow.", "open", "MB-OPN-025"),
        ("Non-alignment was supposed to keep the republic safe, the minister said.", "open", "MB-OPN-025"),
        ("A neutral Moldova would have been no safer last spring.", "open", "MB-OPN-025"),
        ("The Alliance promised membership in 2008, and nobody has taken those words back.", "open", "MB-OPN-032"),
        ("The Bucharest decision still stands, whatever Moscow says.", "open", "MB-OPN-033"),
        ("The Allies respected Chisinau's non-aligned course.", "open", "MB-OPN-019"),
    ],
)
def test_failed_neutrality_a_promise_that_stands_and_a_respected_course(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_a_promise_that_stands_yields_to_a_condition():
    text = "The Bucharest decision stands: Moldova will become a member when it meets the standards."
    assert _fired(text, "membership", "MB-OPN-033") == "conditional"


@pytest.mark.parametrize(
    ("text", "holder", "stance", "rule_id"),
    [  # invented 2026-12-05 (fourteenth session), from the kinds of wording the coder missed in news/dev35-dev42
        ("Moldova will not loosen its military alliance with Russia, the deputy minister said.", "other",
         "cooperative", "RU-COO-018"),
        ("Moldova will stay in the Russian-led Collective Security Treaty Organisation.", "other", "cooperative",
         "RU-COO-018"),
        ("Speakers from Chisinau described Russia as an indispensable ally.", "other", "cooperative", "RU-COO-019"),
        ("Russian troops are now the only guarantee of security for the villages.", "other", "cooperative",
         "RU-COO-019"),
        ("Here Russia and the Alliance have no quarrel at all.", "Russia", "cooperative", "RU-COO-020"),
        ("The war Russia launched against its neighbour has destroyed peace in Europe.", "NATO", "adversarial",
         "RU-ADV-031"),
        ("Moscow broke promises it had put its own signature to.", "other", "adversarial", "RU-ADV-034"),
        ("The Russian peacekeepers stood aside during the offensive.", "other", "adversarial", "RU-ADV-034"),
    ],
)
def test_russia_in_wording_of_release_1_16(text, holder, stance, rule_id):
    row = _one(text, "russia", holder=holder, role="quoted")
    assert row["stance"] == stance and rule_id in row["rule_ids"].split(";")


def test_respecting_a_choice_to_stay_in_a_russian_led_bloc_is_no_cooperation():
    row = _one("NATO respects the republic's choice to remain in the Russian-led bloc.", "russia", role="quoted")
    assert "RU-COO-018" not in row["rule_ids"].split(";")


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-05 (fourteenth session), from the kinds of wording the coder missed in news/dev44
        ("\"Membership of NATO is earned, not granted,\" the official said.", "conditional", "MB-CON-017"),
        ("The island's action plan is about reforms, \"not a membership application\".", "distant", "MB-DIS-019"),
        ("The partnership is not a prelude to NATO membership.", "distant", "MB-DIS-019"),
        ("On NATO membership, Chisinau will decide on its own how far to go.", "open", "MB-OPN-022"),
        ("Whether to join NATO will be answered in Chisinau, by its citizens.", "open", "MB-OPN-022"),
    ],
)
def test_membership_earned_no_prelude_and_answered_at_home(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_a_country_in_no_hurry_to_join_is_no_condition():
    text = "The republic is not in a hurry to join the Alliance and prefers a balanced policy."
    assert row_for(code([[text]]), "doc.0001", "membership")["stance"] == "distant"


# Release 1.18: a time clause is no condition, a concession or a move towards the bloc is no
# if-condition, "no interest in joining" is a refusal, "not a question for today" a present refusal.
@pytest.mark.parametrize(
    "text",
    [
        "Moldova made its neutrality formal in 1994 when it adopted a new constitution, and it will not join NATO.",
        "Eight months after Russia annexed Crimea, Kyiv's deputy minister said Ukraine would seek NATO membership.",
        "Two years after the Bucharest summit, Tbilisi still hopes to join NATO.",
        "Moldova was once on the other side of NATO's door.",
        "The Allies said once again that Moldova's NATO membership was for Moldova to decide.",
        "We expect Finland to join NATO as soon as possible.",
        "Our NATO membership bid is our strategic goal, even if it takes years.",
        "Moscow will draw its own conclusions if NATO keeps expanding towards its borders.",
        "Chisinau has no interest in joining NATO or any other military bloc.",
        "Joining NATO is not a question for today, the minister said.",
    ],
)
def test_no_condition_is_read_into_a_time_clause_a_concession_or_a_refusal(text):
    row = row_for(code([[text]]), "doc.0001", "membership")
    assert row["stance"] != "conditional"
    assert not {"MB-CON-001", "MB-CON-002", "MB-CON-008", "MB-CON-012"} & set(row["rule_ids"].split(";"))


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("Moldova can join NATO only after its border disputes are settled.", "MB-CON-002"),
        ("Moldova will join NATO once the reforms are complete.", "MB-CON-002"),
        ("The envoy said Moldova could join NATO only when the country was ready.", "MB-CON-006"),
        ("Chisinau will decide on NATO membership on the basis of its national interests.", "MB-CON-008"),
        ("Moldova's NATO bid will be measured against the same yardsticks as every other aspirant's.", "MB-CON-003"),
        ("The door stays open to any democracy able to carry the obligations of NATO membership.", "MB-CON-003"),
    ],
)
def test_conditions_of_release_1_18_still_hold(text, rule_id):
    assert _fired(text, "membership", rule_id) == "conditional"


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("Moldova has made clear it will join no military alliance, NATO included.", "MB-DIS-025"),
        ("The analyst said NATO membership was not a realistic option for Moldova.", "MB-DIS-007"),
    ],
)
def test_joining_no_bloc_and_an_unrealistic_option_are_distant(text, rule_id):
    assert _fired(text, "membership", rule_id) == "distant"


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [  # invented 2026-12-06 (nineteenth session), release 1.20
        ("The membership promise is still on the table, and no Ally has proposed taking it back.", "MB-OPN-032"),
        ("\"Non-alignment kept nobody's border safe,\" the Moldovan deputy said.", "MB-OPN-025"),
        ("The spokesman said the Allies were comfortable with Chisinau's choice to stay outside military blocs.",
         "MB-OPN-019"),
        ("The Alliance will neither push Moldova towards membership nor hold it back, the envoy said.", "MB-OPN-022"),
        ("NATO had \"no quarrel\" with Chisinau's decision to stay out of military blocs, the spokeswoman said.",
         "MB-OPN-022"),
    ],
)
def test_a_promise_nobody_proposes_to_withdraw_failed_neutrality_and_a_choice_left_alone_are_open(text, rule_id):
    assert _fired(text, "membership", rule_id) == "open"


def _topic_rules(text: str, topic: str = "membership") -> set[str]:
    """The rule ids behind ``text``'s code on ``topic``, or an empty set where it has none."""
    out = code([[text]])
    rows = out[out["topic"] == topic]
    return set(rows.iloc[0]["rule_ids"].split(";")) if len(rows) else set()


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [  # invented 2026-12-06 (twentieth session), release 1.21
        ("Asked whether Moldova would one day join, the minister changed the subject.", "TOP-MB-035"),
        ("Chisinau has shown no interest in joining.", "TOP-MB-035"),
        ("Finland and Sweden were invited at the summit in Madrid.", "TOP-MB-036"),
        ("The Allies welcomed the accession of Sweden this spring.", "TOP-MB-036"),
        ("Ten years after Bucharest, Moldova still waits.", "TOP-MB-037"),
        ("The summit will bring Moldova no invitation.", "TOP-MB-038"),
        ("It is time to let Moldova in.", "TOP-MB-039"),
        ("The republic will stay outside every military alliance.", "TOP-MB-040"),
        ("Chisinau keeps its NATO goal, the minister said.", "TOP-MB-041"),
        ("Moldova will be a member one day, the envoy said.", "TOP-MB-042"),
    ],
)
def test_membership_named_by_wording_of_release_1_21(text, rule_id):
    assert rule_id in _topic_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "The colonel joined the defence ministry in 1999.",
        "Moldova was asked to join the talks.",
        "The presidents are due in Bucharest on Friday.",
        "BUCHAREST, May 4 - The talks went on late into the night.",
        "Sweden shares a long coastline with its Baltic neighbours.",
        "The envoy declined an invitation to the ceremony.",
        "The minister called the statement an invitation to impunity.",
        "Moldova became a member of the World Trade Organization in 2001.",
        "The flag was raised outside NATO headquarters on Monday.",
    ],
)
def test_joining_talks_a_venue_an_invitation_elsewhere_and_other_memberships_name_no_membership(text):
    assert "membership" not in set(code([[text]])["topic"])


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-06 (twentieth session), release 1.21
        ("\"Our neutrality was a shield made of paper,\" the Moldovan deputy said.", "open", "MB-OPN-025"),
        ("The deputy said non-alignment had bought Moldova nothing.", "open", "MB-OPN-025"),
        ("For a country with foreign troops on its soil, military neutrality is no longer an option.", "open", "MB-OPN-025"),
        ("The Allies promised Moldova membership in 2019 but gave it no action plan.", "open", "MB-OPN-028"),
        ("The Russian envoy called the membership promise to Moldova a mistake that could cost lives.", "distant",
         "MB-DIS-029"),
        ("He said the Allies' talk of open doors was a reckless gamble with Moldova's security.", "distant",
         "MB-DIS-029"),
    ],
)
def test_failed_neutrality_a_promise_without_a_plan_and_a_promise_blamed(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_an_objection_conceded_to_someone_else_is_not_the_speakers():
    row = row_for(code([["The envoy said the door stays open to Moldova, whatever objections are raised elsewhere."]]),
                  "doc.0001", "membership")
    assert row["stance"] == "open" and "VOI-003" in row["rule_ids"].split(";")
    assert row_for(code([["Several Allies raised objections to Moldova's membership bid."]]), "doc.0001",
                   "membership")["stance"] == "distant"


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [  # invented 2026-12-06 (twentieth session), release 1.22
        ("Chisinau says alliance entry is not on the cards.", "TOP-MB-003"),
        ("Moldova will work with NATO, but it will not sign up.", "TOP-MB-011"),
        ("Tbilisi asks where its own invitation is.", "TOP-MB-038"),
        ("The clashes will not push Moldova into any bloc.", "TOP-MB-015"),
        ("The alliance takes in countries that have settled their borders.", "TOP-MB-044"),
    ],
)
def test_membership_named_by_wording_of_release_1_22(text, rule_id):
    assert rule_id in _topic_rules(text)


def test_principles_signed_up_to_name_no_membership():
    assert "membership" not in set(code([["Russia has broken the principles it signed up to, NATO said."]])["topic"])


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-06 (twenty-first session), release 1.23
        ("The envoy said Chisinau alone decides how close it comes.", "open", "MB-OPN-022"),
        ("Each partner sets its own level of ambition on membership, the spokeswoman said.", "open", "MB-OPN-022"),
        ("The membership question is Chisinau's to raise, not ours, the envoy said.", "open", "MB-OPN-022"),
        ("Moscow does not get a vote on Moldova's membership, the envoy said.", "open", "MB-OPN-022"),
        ("NATO has never pushed Moldova to apply for membership, the envoy said.", "open", "MB-OPN-034"),
        ("Moldova says it does not seek membership, and the Allies take it at its word.", "open", "MB-OPN-034"),
        ("Some partners want to join NATO and some do not, and we are comfortable with both.", "open", "MB-OPN-029"),
        ("Neutrality never sheltered Moldova from Russian troops, the deputy said.", "open", "MB-OPN-025"),
        ("The envoy praised Moldova's reforms but said there were no membership talks under way.", "distant",
         "MB-DIS-021"),
        ("Membership is not something you announce before you have built the institutions for it.", "conditional",
         "MB-CON-016"),
        ("Nobody will offer membership to a country that is at war, the envoy said.", "conditional", "MB-CON-014"),
        ("The envoy said Moldova's neutral course is \"Chisinau's call\".", "open", "MB-OPN-022"),
        ("The spokesman hailed Moldova's entry into NATO.", "open", "MB-OPN-002"),
    ],
)
def test_membership_cues_of_release_1_23(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_a_partner_pressed_to_join_by_a_rival_is_no_respect_for_its_choice():
    assert "MB-OPN-034" not in _topic_rules("Russia has pressed Moldova to join its customs union and leave NATO membership aside.")


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-06 (twenty-first session), release 1.24
        ("The Allies halted practical work with Russia after the annexation.", "adversarial", "RU-COO-012"),
        ("Moldova has frozen its participation in the Russian-led bloc.", "adversarial", "RU-ADV-035"),
        ("NATO said it would hold no further meetings with Moscow.", "adversarial", "RU-ADV-035"),
        ("\"We do not want a fight with Russia,\" the envoy said.", "cooperative", "RU-ADV-014"),
        ("The envoy said the Allies recognise the part Moscow played in stopping the shelling.", "cooperative",
         "RU-COO-017"),
        ("NATO praised the truce the two chiefs of staff reached at talks hosted by Russia.", "cooperative", "RU-COO-017"),
    ],
)
def test_russia_cues_of_release_1_24(text, stance, rule_id):
    assert _fired(text, "russia", rule_id) == stance


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-06 (twenty-first session), release 1.24
        ("The envoy said Moldova's road to membership was unchanged.", "open", "MB-OPN-032"),
        ("NATO sees nothing wrong with Moldova's decision to stay out of military blocs.", "open", "MB-OPN-029"),
        ("Moldova says it will choose its alliances for itself.", "open", "MB-OPN-022"),
        ("A NATO seat is not what we are asking for, the Moldovan minister said.", "distant", "MB-DIS-021"),
    ],
)
def test_membership_cues_of_release_1_24(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_thanks_to_others_beside_criticism_of_russia_are_no_praise_of_russia():
    row = row_for(code([["Moldova's envoy thanked the Allies and called Russia's move a robbery."]]), "doc.0001", "russia")
    assert "RU-COO-011" not in row["rule_ids"].split(";")


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [  # invented 2026-12-06 (twenty-first session), release 1.24
        ("Moldova pursues a balanced foreign policy and its partnership with NATO is aimed at no one.", "TOP-MB-045"),
        ("Chisinau watched the Nordic bids with envy.", "TOP-MB-036"),
        ("Nothing suggests Moldova is edging into the Alliance's camp.", "TOP-MB-046"),
    ],
)
def test_membership_named_by_wording_of_release_1_24(text, rule_id):
    assert rule_id in _topic_rules(text)


def test_the_alliances_own_balanced_approach_to_the_conflict_names_no_membership():
    assert "TOP-MB-045" not in _topic_rules("The minister thanked NATO for the Alliance's balanced approach to the conflict.")


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [  # invented 2026-12-06 (twenty-first session), release 1.24
        ("On Nagorno-Karabakh, the mandate sits with the three co-chairs, the envoy said.", "KB-DET-007"),
        ("On Nagorno-Karabakh, the Minsk Group co-chairs have the experience and the mandate, the envoy said.", "KB-DET-007"),
        ("On Nagorno-Karabakh, the Alliance as such takes no side.", "KB-DET-018"),
    ],
)
def test_karabakh_cues_of_release_1_24(text, rule_id):
    assert _fired(text, "karabakh", rule_id) == "detached"


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-06 (twenty-first session), release 1.24
        ("Moldovan officials say applying to join NATO is not something on our desk.", "distant", "MB-DIS-021"),
        ("Asked about joining NATO, the minister said it was not a conversation we are having.", "distant", "MB-DIS-021"),
        ("Moldova has chosen military neutrality, and NATO has no intention of arguing with that choice.", "open", "MB-OPN-029"),
        ("Moldova prefers partnership to membership, and we are perfectly comfortable with that.", "open", "MB-OPN-035"),
    ],
)
def test_membership_refusals_and_comfort_of_release_1_24(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_finnish_and_swedish_accession_names_membership():
    assert "TOP-MB-036" in _topic_rules("Moscow called Finnish and Swedish accession a grave mistake.")



@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-06 (twenty-second session), release 1.25
        ("The envoy also had harsh words for Moscow over the detentions.", "adversarial", "RU-ADV-036"),
        ("The minister made no secret of his frustration with Moscow.", "adversarial", "RU-ADV-036"),
        ("\"Russia treats the whole coast as its backyard,\" the deputy said.", "adversarial", "RU-ADV-037"),
        ("The envoy said Moscow was ready to sit down with the Allies in the council.", "cooperative", "RU-COO-021"),
        ("\"We compare notes with Moscow every week,\" the officer said.", "cooperative", "RU-COO-021"),
        ("The Allies will not sit down with Moscow while its troops stay.", "adversarial", "RU-COO-021"),
    ],
)
def test_russia_cues_of_release_1_25(text, stance, rule_id):
    assert _fired(text, "russia", rule_id) == stance


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-06 (twenty-second session), release 1.25
        ("The envoy said the mediation on Karabakh belongs with the Minsk Group.", "detached", "KB-DET-007"),
        ("NATO has no role in the Karabakh negotiations, the spokesman said.", "detached", "KB-DET-019"),
        ("A Karabakh settlement must come from the two capitals, the envoy said.", "detached", "KB-DET-020"),
        ("\"On Karabakh we say the same thing in Baku and in Yerevan,\" the envoy said.", "detached", "KB-DET-021"),
    ],
)
def test_karabakh_cues_of_release_1_25(text, stance, rule_id):
    assert _fired(text, "karabakh", rule_id) == stance


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-06 (twenty-second session), release 1.25
        ("NATO was not here to recruit anyone, the envoy said of Moldova's membership.", "open", "MB-OPN-034"),
        ("Moldova's future membership of NATO is not in doubt, the spokesman said.", "open", "MB-OPN-036"),
        ("Nobody doubts that Moldova will join NATO, the envoy said.", "open", "MB-OPN-036"),
        ("There are doubts in several capitals about Moldova joining NATO.", "distant", "MB-DIS-012"),
    ],
)
def test_membership_cues_of_release_1_25(text, stance, rule_id):
    assert _fired(text, "membership", rule_id) == stance


def test_recruiting_is_a_membership_word_where_joining_nato_is_the_subject():
    assert _fired("We are not in the business of recruiting.", "membership", "TOP-MB-101",
                  before=("The envoy spoke about Moldova's NATO membership.",)) == "open"


@pytest.mark.parametrize(
    ("text", "stance", "rule_id"),
    [  # invented 2026-12-06 (twenty-second session), release 1.25, decision 64
        ("The minister said Russian troops had looked the other way during the raid.", "adversarial", "RU-ADV-034"),
        ("\"The Russian garrison did not lift a finger,\" the mayor said.", "adversarial", "RU-ADV-038"),
        ("Moldova is not cutting its contacts with Moscow, the minister added.", "cooperative", "RU-COO-018"),
        ("\"We need Moscow at the table,\" the envoy said.", "cooperative", "RU-COO-022"),
        ("\"We have never doubted that Moldova values its partnership with Russia,\" he said.", "cooperative",
         "RU-COO-014"),
    ],
)
def test_russia_cues_of_release_1_25_decision_64(text, stance, rule_id):
    assert _fired(text, "russia", rule_id) == stance


def test_another_voice_that_would_only_slow_the_karabakh_talks_keeps_out():
    # invented 2026-12-06 (twenty-second session), release 1.25, decision 64
    text = "A fourth voice in the Karabakh talks would only slow them down, the minister said."
    assert _fired(text, "karabakh", "KB-DET-017") == "detached"


@pytest.mark.parametrize(
    ("text", "topic", "stance", "rule_id"),
    [
        # invented 2026-12-06 (twenty-third session), release 1.26, decision 65
        ("\"We did not come to Chisinau to sell anyone a membership,\" the envoy said.", "membership", "open", "MB-OPN-037"),
        ("No one at headquarters was shopping for new members, the envoy said of Moldova's NATO ties.", "membership", "open",
         "MB-OPN-037"),
        ("NATO has no argument with Chisinau's decision to stay out of the Alliance, the spokesman said.", "membership", "open",
         "MB-OPN-037"),
        ("The minister called a NATO membership bid premature.", "membership", "conditional", "MB-CON-011"),
        ("The minister called NATO membership a question for another day.", "membership", "conditional", "MB-CON-011"),
        ("Moldova will keep its hands free of military alliances, the president said.", "membership", "distant", "MB-DIS-024"),
        ("NATO will leave the Karabakh mediation to the co-chairs, the spokesman said.", "karabakh", "detached", "KB-DET-022"),
        ("A NATO role on Nagorno-Karabakh would bring no added value, the envoy said.", "karabakh", "detached", "KB-DET-022"),
        ("\"We do not replace the Minsk Group on Karabakh,\" the envoy said.", "karabakh", "detached", "KB-DET-022"),
        ("\"Moscow arms both sides and then offers them its good offices,\" the analyst said.", "russia", "adversarial",
         "RU-ADV-039"),
        ("The envoy had sharper words for Moscow than for anyone else.", "russia", "adversarial", "RU-ADV-036"),
        ("\"We are grateful to Russia for the ceasefire,\" the minister said.", "russia", "cooperative", "RU-COO-023"),
        # invented 2026-12-06 (twenty-fourth session), release 1.27, decision 66
        ("Moldova's road to NATO membership now runs through a clean election.", "membership", "conditional", "MB-CON-018"),
        ("Membership will depend on Moldova meeting the Alliance's standards, the envoy said.", "membership", "conditional", "MB-CON-004"),
        ("The Alliance is neither pulling nor pushing Moldova towards membership, the envoy said.", "membership", "open", "MB-OPN-037"),
        ("NATO has no quarrel with Moldova's membership of a neutral club, the envoy said.", "membership", "open", "MB-OPN-037"),
        # invented 2026-12-06 (twenty-fifth session), release 1.28, decision 67
        ("\"We are partners of the Alliance, not candidates,\" the Moldovan minister said.", "membership", "distant", "MB-DIS-030"),
        ("Chisinau has no wish to trade one protector for another, the minister said.", "membership", "distant", "MB-DIS-031"),
        ("Moldova will stay outside every military bloc, the minister said.", "membership", "distant", "MB-DIS-024"),
        ("The minister said events had shown that neutrality offered small countries no shelter.", "membership", "open", "MB-OPN-025"),
    ],
)
def test_news_cues_of_releases_1_26_to_1_28(text, topic, stance, rule_id):
    assert _fired(text, topic, rule_id) == stance


def test_a_negator_that_opens_its_cue_does_not_negate_it():
    """Invented 2026-12-06 (twenty-fifth session, release 1.28): "staying out of" is a negator
    and also the opening of the cue "staying out of every bloc", which stays a refusal."""
    assert _fired("Staying out of every bloc makes sense for Moldova.", "membership", "MB-DIS-024") == "distant"


def test_release_1_27_reads_a_retraction_and_a_country_that_must_act_and_a_capital_that_chooses():
    """Invented 2026-12-06 (twenty-fourth session): "taking back" a promise is not backing it; a
    country "meeting" standards is a condition, not its own choice; a road that runs through the
    aspirant's own capital is that capital's choice, and "is for Moldovans to settle" respects it."""
    taken = _one("No Ally has proposed taking back the promise of membership made to Moldova.", "membership")
    assert "MB-OPN-002" not in taken["rule_ids"].split(";")
    own = _one("Membership will depend on Moldova meeting the Alliance's standards.", "membership")
    assert "MB-OPN-013" not in own["rule_ids"].split(";")
    capital = _one("Moldova's road to NATO membership runs through Chisinau, not Moscow.", "membership")
    assert "MB-CON-018" not in capital["rule_ids"].split(";")
    settled = _fired("Whether Moldova joins NATO is for Moldovans to settle.", "membership", "MB-OPN-019")
    assert settled == "open"


@pytest.mark.parametrize(
    ("text", "stance", "rule_id", "before"),
    [
        # invented 2026-12-06 (twenty-seventh session), release 1.29, decision 68
        ("\"We are partners of the Alliance, not applicants,\" the Moldovan minister said.", "distant", "MB-DIS-030", ()),
        ("Moldova will stay a friend of the Alliance, never a member, the minister said.", "distant", "MB-DIS-030", ()),
        ("How close Moldova comes is their decision, the envoy said.", "open", "MB-OPN-021",
         ("Moldova has not applied to join NATO.",)),
        ("Chisinau alone sets the pace, the envoy said.", "open", "MB-OPN-021", ("Moldova has not applied to join NATO.",)),
    ],
)
def test_news_cues_of_release_1_29(text, stance, rule_id, before):
    assert _fired(text, "membership", rule_id, before=before) == stance


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        # invented 2026-12-06 (twenty-seventh session), release 1.29, decision 68
        ("The plan carries no promise of a seat among the Allies, the envoy said.", "TOP-MB-028"),
        ("How far Chisinau wants to take the partnership is up to Chisinau, the envoy said.", "TOP-MB-024"),
    ],
)
def test_membership_named_by_a_seat_among_the_allies_or_how_far_to_take_it(text, rule_id):
    assert rule_id in _one(text, "membership")["rule_ids"].split(";")
