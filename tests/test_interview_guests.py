"""The side of an interview's guest, from the ways an introduction presents a post (invented texts).

Each case is one invented transcript whose guest, a made-up Tomas Lindqvist, works for the
Alliance; only the introduction changes. The answers must be held by NATO, and a guest
presented as a state's official or as an analyst must keep that side instead.
"""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_lib.pipeline.actors import registry
from corpus_lib.pipeline.attribute import attribute
from corpus_lib.pipeline.clean import clean
from corpus_lib.pipeline.speakers import introduced

TRANSCRIPT = """{headline}

BAKU, May 4 (Kura Press) -

{intro}

KURA PRESS: {question}

{label}: We support a peaceful settlement of the conflict. There is no military solution.

KURA PRESS: Will Azerbaijan join the Alliance?

{label}: That is for Azerbaijan to decide.
"""


def _roles(raw: str, date: dt.date) -> dict[str, tuple[str, str]]:
    """Each sentence of an invented interview with its (speaker role, holder)."""
    return {raw[s.start : s.end]: (s.speaker_role, s.holder) for s in attribute(raw, clean(raw).units, genre="interview", date=date)}


def _answers(intro: str, *, headline: str = "Interview", label: str = "LINDQVIST",
             question: str = "How do you assess the peace talks?") -> set[tuple[str, str]]:
    raw = TRANSCRIPT.format(headline=headline, intro=intro, label=label, question=question)
    sentences = attribute(raw, clean(raw).units, genre="interview", date=dt.date(2015, 5, 4))
    return {(s.speaker_role, s.holder) for s in sentences if s.speaker_role == "interviewee"}


@pytest.mark.parametrize(
    "intro",
    [
        "Tomas Lindqvist works in NATO's Political Affairs and Security Policy Division.",
        "Tomas Lindqvist has served as NATO's top civilian representative in the Caucasus since 2012.",
        "Tomas Lindqvist has been NATO's liaison officer in the South Caucasus since 2019.",
        "Tomas Lindqvist is the deputy head of the partnerships division of the North Atlantic Treaty Organization.",
        "Tomas Lindqvist is one of NATO's most experienced diplomats and has spent four years in the region.",
        "Our guest today is Tomas Lindqvist from NATO's International Staff.",
        "Tomas Lindqvist, who is responsible for relations with partner countries at NATO, spoke to us.",
        "Tomas Lindqvist, a Swedish diplomat who represents NATO in the region, visited Baku last week.",
        "Tomas Lindqvist - NATO's liaison officer in the region - talks to Kura Press.",
        "Kura Press interviewed Tomas Lindqvist, the man in charge of NATO's partnership with Baku.",
        "Tomas Lindqvist, who was appointed NATO's envoy to the region in 2019, spoke to Kura Press.",
        "Tomas Lindqvist was recently appointed NATO's envoy for the region. Kura Press asked him about the talks.",
        "Tomas Lindqvist, the Alliance's point man for the region, answered questions from Kura Press.",
        "Tomas Lindqvist, NATO's top civilian in the region, answered questions from Kura Press.",
        "Tomas Lindqvist (pictured), NATO's envoy for the region, answered questions from Kura Press.",
        "Tomas Lindqvist, a senior staff member at NATO headquarters, answered questions from Kura Press.",
        "For two years Tomas Lindqvist has shuttled between Baku, Tbilisi and Yerevan as NATO's liaison officer.",
        "Tomas Lindqvist, 52, is a career diplomat. NATO's liaison officer talked to Kura Press about Georgia's hopes.",
    ],
)
def test_a_post_given_after_the_guests_name_gives_the_answers_its_side(intro):
    assert _answers(intro) == {("interviewee", "NATO")}


@pytest.mark.parametrize(
    ("headline", "intro"),
    [
        ("Interview", "NATO's liaison officer in the South Caucasus talks to Kura Press about cooperation with Baku."),
        ("NATO envoy: we support the talks", "The envoy answered questions from Kura Press in Baku."),
        ("Interview", "The Alliance's envoy for the Caucasus answered questions from Kura Press."),
    ],
)
def test_a_guest_presented_by_title_alone_above_a_named_label_takes_that_titles_side(headline, intro):
    assert _answers(intro, headline=headline, label="TOMAS LINDQVIST") == {("interviewee", "NATO")}


def test_a_question_that_tells_the_guest_their_post_gives_the_guests_side():
    got = _answers("", question="Mr Lindqvist, you represent the Alliance in the South Caucasus. How do you see the talks?")
    assert got == {("interviewee", "NATO")}


@pytest.mark.parametrize(
    ("intro", "side"),
    [
        ("Tomas Lindqvist works in Azerbaijan's Foreign Ministry and answered questions on NATO.", "Azerbaijan"),
        ("Tomas Lindqvist, a Swedish analyst who writes on NATO, spoke to Kura Press.", "other"),
        ("NATO's envoy met Tomas Lindqvist, a political analyst, who spoke to Kura Press afterwards.", "other"),
    ],
)
def test_a_guest_whose_post_is_not_the_alliances_keeps_their_own_side(intro, side):
    assert _answers(intro) == {("interviewee", side)}


@pytest.mark.parametrize(
    "sentence",
    ["Tomas Lindqvist from Baku said the talks had stalled.", "Tomas Lindqvist led the protest against NATO."],
)
def test_a_home_town_or_an_act_is_no_post(sentence):
    people = introduced(sentence, registry(), dt.date(2015, 5, 4))
    assert all(p.holder != "NATO" and p.title != "from Baku" for p in people)


LINE_LABELS = """Partners, not members, envoy says

Baku, 3 May. Kura Press. Azerbaijan's ambassador to NATO, Rauf Guliyev, gave an interview to Kura Press.

Kura Press
Does Azerbaijan want to join the Alliance?

Rauf Guliyev
No. Our policy is one of balance. We value the partnership.

Kura Press
And the talks on Karabakh?

Rauf Guliyev
We want a settlement within our borders.
"""


def test_labels_on_lines_of_their_own_open_turns_and_go_to_the_ledger():
    cleaned = clean(LINE_LABELS)
    assert [u.who for u in cleaned.units if u.label == "speaker"] == ["Kura Press", "Rauf Guliyev"] * 2
    markers = [LINE_LABELS[a:b] for a, b, reason in cleaned.removed if reason == "turn_marker"]
    assert markers == ["Kura Press", "Rauf Guliyev"] * 2
    sentences = attribute(LINE_LABELS, cleaned.units, genre="interview", date=dt.date(2012, 5, 3))
    roles = {LINE_LABELS[s.start : s.end]: (s.speaker_role, s.holder) for s in sentences}
    assert roles["Does Azerbaijan want to join the Alliance?"] == ("interviewer", "media")
    assert roles["We value the partnership."] == ("interviewee", "Azerbaijan")


def test_a_name_alone_on_a_line_once_is_no_label():
    raw = "Talks resume\n\nBaku, 3 May. Kura Press.\n\nRauf Guliyev\nThe talks resume on Monday, the ministry said.\n"
    assert not [u for u in clean(raw).units if u.label]


@pytest.mark.parametrize(
    ("intro", "side"),
    [
        ("Tomas Lindqvist, who served as a NATO deputy assistant secretary general until 2005 and now directs "
         "the Hanseatic Institute, spoke to Kura Press.", "other"),
        ("Tomas Lindqvist, a former NATO official, spoke to Kura Press.", "other"),
        ("Tomas Lindqvist, a former NATO envoy who is now Azerbaijan's ambassador in Oslo, spoke to Kura Press.", "Azerbaijan"),
    ],
)
def test_a_post_the_guest_has_left_gives_no_side(intro, side):
    assert _answers(intro) == {("interviewee", side)}


def test_a_closing_note_gives_a_labelled_guest_the_side_the_introduction_did_not():
    raw = TRANSCRIPT.format(headline="Interview", intro="Kura Press talked to a guest in Yerevan.", label="LINDQVIST",
                            question="How do you assess the talks?")
    raw += "\nTomas Lindqvist has served as Armenia's deputy minister of defence since 2018.\n"
    sentences = attribute(raw, clean(raw).units, genre="interview", date=dt.date(2015, 5, 4))
    assert {(s.speaker, s.holder) for s in sentences if s.speaker_role == "interviewee"} == {("Tomas Lindqvist", "Armenia")}
    assert sentences[-1].speaker_role == "narrator"


def test_an_answer_that_only_relays_an_institutions_words_is_that_institutions():
    raw = TRANSCRIPT.format(headline="Interview", intro="Tomas Lindqvist, Armenia's deputy foreign minister, spoke to Kura Press.",
                            label="LINDQVIST", question="Mr Lindqvist, Moscow says enlargement threatens it. How do you respond?")
    raw += ("\nLINDQVIST: NATO has told us many times that it does not seek a role in the conflict. "
            "NATO has said many times that it supports the Minsk Group, and so do we. "
            "Moscow keeps saying that enlargement threatens it, but no third country has a veto.\n")
    rows = _roles(raw, dt.date(2015, 5, 4))
    assert rows["NATO has told us many times that it does not seek a role in the conflict."] == ("interviewee", "NATO")
    assert rows["NATO has said many times that it supports the Minsk Group, and so do we."] == ("interviewee", "Armenia")
    assert rows["Moscow keeps saying that enlargement threatens it, but no third country has a veto."] == ("interviewee", "Armenia")
    assert rows["Mr Lindqvist, Moscow says enlargement threatens it."] == ("interviewer", "Russia")


@pytest.mark.parametrize(
    ("headline", "intro", "title"),
    [
        ("Interview", "NATO's liaison officer in the South Caucasus answered questions from Kura Press.",
         "NATO's liaison officer in the South Caucasus"),
        ("Interview", "A senior NATO official, who asked not to be named, answered questions from Kura Press.",
         "A senior NATO official"),
        ("Interview with NATO's envoy for the Caucasus", "He answered our questions in Baku.", "NATO's envoy for the Caucasus"),
    ],
)
@pytest.mark.parametrize("layout", ["Q: {q}\n\nA: {a}", "- {q}\n\n{a}"])
def test_a_guest_presented_by_title_alone_above_unnamed_answers_speaks_for_that_titles_side(headline, intro, title, layout):
    body = layout.format(q="How do you assess the peace talks?", a="We support a peaceful settlement. There is no military solution.")
    raw = f"{headline}\n\n{intro}\n\n{body}\n"
    sentences = attribute(raw, clean(raw).units, genre="interview", date=dt.date(2015, 5, 4))
    assert {(s.speaker, s.holder) for s in sentences if s.speaker_role == "interviewee"} == {(title, "NATO")}


def test_bold_turn_labels_of_a_web_page_are_labels():
    raw = ("Interview\n\nTomas Lindqvist, NATO's liaison officer, spoke to Kura Press.\n\n**Q:** How do you assess the talks?"
           "\n\n**A:** We support a peaceful settlement.\n\n**KURA PRESS:** And membership?\n\n**LINDQVIST:** That is for Baku to decide.\n")
    cleaned = clean(raw)
    assert [u.label for u in cleaned.units if u.label] == ["question", "answer", "speaker", "speaker"]
    assert [u.who for u in cleaned.units if u.label == "speaker"] == ["KURA PRESS", "LINDQVIST"]
    sentences = attribute(raw, cleaned.units, genre="interview", date=dt.date(2015, 5, 4))
    rows = {raw[s.start : s.end]: (s.speaker_role, s.holder) for s in sentences}
    assert rows["We support a peaceful settlement."] == ("interviewee", "NATO")
    assert rows["That is for Baku to decide."] == ("interviewee", "NATO")


def test_an_answer_about_an_actor_that_reports_nobodys_words_stays_the_guests():
    raw = TRANSCRIPT.format(headline="Interview", intro="Tomas Lindqvist, NATO's envoy, spoke to Kura Press.", label="LINDQVIST",
                            question="How do you see the war?")
    raw += "\nLINDQVIST: Russia's repeated violations of the law have caused death and suffering.\n"
    sentences = attribute(raw, clean(raw).units, genre="interview", date=dt.date(2022, 12, 19))
    last = sentences[-1]
    assert (raw[last.start : last.end].startswith("Russia's"), last.holder) == (True, "NATO")


PANEL = """Peace within reach, envoy says

Yerevan. 4 May. Open Radio. NATO Special Envoy Kristof Demers and Armenia's Deputy Foreign Minister Naira Hakobi took part in the programme. The programme spoke to Kristof Demers, NATO's special envoy, and to the deputy minister.

HOST: Mr Demers, is a peace treaty possible?

KRISTOF DEMERS (NATO): It is possible, and it is closer than ever.

HOST: Deputy Minister, is Armenia thinking of joining NATO?

NAIRA HAKOBI (Foreign Ministry): Membership is not on our agenda today.

HOST: Thank you both.
"""


def test_a_bracket_that_names_an_actor_or_a_body_is_a_guests_side_not_an_outlet():
    sentences = attribute(PANEL, clean(PANEL).units, genre="interview", date=dt.date(2024, 5, 4))
    rows = {PANEL[s.start : s.end]: (s.speaker, s.speaker_role, s.holder) for s in sentences}
    assert rows["It is possible, and it is closer than ever."] == ("Kristof Demers", "interviewee", "NATO")
    assert rows["Membership is not on our agenda today."] == ("Naira Hakobi", "interviewee", "Armenia")
    assert rows["Mr Demers, is a peace treaty possible?"][1] == "interviewer"


def test_a_dateline_is_no_part_of_the_first_title_and_hyphenated_labels_keep_their_capitals():
    people = introduced("Yerevan. 21 October. Araks. NATO Deputy Assistant Secretary General Ansgar Blom and Armenia's "
                        "Deputy Foreign Minister Vahram Ter-Ghukas held a press conference.", registry(), dt.date(2011, 10, 21))
    assert [(p.name, p.holder) for p in people] == [("Ansgar Blom", "NATO"), ("Vahram Ter-Ghukas", "Armenia")]
    from corpus_lib.pipeline.transcripts import label_turns
    raw = "T\n\nVAHRAM TER-GHUKAS: We value the partnership.\n\nANSGAR BLOM: Thank you.\n\nVAHRAM TER-GHUKAS: Yes.\n"
    assert {name for _, name, _ in label_turns(raw, clean(raw).units)} == {"Vahram Ter-Ghukas", "Ansgar Blom"}


def test_a_guest_who_answers_once_is_a_label_where_the_introduction_named_them():
    raw = ("Ostrova: Russia pushed its neighbours into NATO\n\nKyiv. 18 May. Radio Dnipro. Radio Dnipro spoke to Deputy "
           "Foreign Minister Halyna Ostrova and the analyst Juho Lintu.\n\nRadio Dnipro: Minister, what does this day mean?"
           "\n\nOstrova: It shows that Russia pushed its neighbours into NATO.\n\nRadio Dnipro: Juho Lintu, what changed?"
           "\n\nLintu: Russia changed.\n\nRadio Dnipro: Minister, and Ukraine?\n\nOstrova: Our place is in the Alliance.\n")
    cleaned = clean(raw)
    assert [u.who for u in cleaned.units if u.label == "speaker"] == ["Radio Dnipro", "Ostrova", "Radio Dnipro", "Lintu",
                                                                      "Radio Dnipro", "Ostrova"]
    sentences = attribute(raw, cleaned.units, genre="interview", date=dt.date(2022, 5, 18))
    rows = {raw[s.start : s.end]: (s.speaker_role, s.holder) for s in sentences}
    assert rows["Minister, what does this day mean?"] == ("interviewer", "media")
    assert rows["Ostrova: Russia pushed its neighbours into NATO"][0] == "headline"


def test_a_person_who_leads_a_named_body_speaks_for_its_actor():
    people = introduced("The deputy minister received the delegation of the NATO International Staff led by Klaus Ried.",
                        registry(), dt.date(2013, 11, 18))
    assert [(p.name, p.holder) for p in people] == [("Klaus Ried", "NATO")]


def test_the_paragraph_after_a_dash_statement_of_the_press_answers_it():
    raw = ("Interview\n\nMOSCOW, May 4 (Agency) - Russia's deputy foreign minister Oleg Rostov spoke to the agency.\n\n"
           "- Does Moscow object to NATO's partnership with Baku?\n\nEvery state chooses its partners.\n\n"
           "- But NATO says it has no wish to mediate.\n\nWe hear that. Words and deeds are different things.\n\n"
           "- Azerbaijan has declared itself non-aligned. How does Moscow view that?\n\nWe respect it.\n")
    rows = _roles(raw, dt.date(2016, 5, 4))
    assert rows["We hear that."] == ("interviewee", "Russia")
    assert rows["How does Moscow view that?"] == ("interviewer", "media")
    assert rows["We respect it."] == ("interviewee", "Russia")


def test_a_seat_on_a_states_committee_gives_the_guest_that_state():
    raw = ("Two deputies on the Alliance\n\nBRUSSELS, March 2 (Northgate) - Two deputies met at a seminar this week.\n\n"
           "Rashad Guliyev sits on the Azerbaijani parliament's security committee; Levon Sargsyan is deputy chairman "
           "of the Armenian parliament's defence committee.\n\nNorthgate: What should NATO do about the conflict?\n\n"
           "Guliyev: Speak up for territorial integrity.\n\nSargsyan: Leave it to the Minsk Group.\n\n"
           "Northgate: And membership?\n\nGuliyev: Not for us.\n\nSargsyan: Not for us either.\n")
    rows = _roles(raw, dt.date(2012, 3, 2))
    assert rows["Speak up for territorial integrity."] == ("interviewee", "Azerbaijan")
    assert rows["Leave it to the Minsk Group."] == ("interviewee", "Armenia")


def test_a_post_told_by_pronoun_after_a_fronted_phrase_takes_the_datelines_state():
    raw = ("'We were alone,' official says\n\nYEREVAN, 3 May 2024 (Observer) - A month after the 12,000 refugees "
           "arrived, Aram Petrosyan still works late. He is a deputy secretary of the Security Council.\n\n"
           "Observer: Did Russia help?\n\nPetrosyan: It did not. We were alone.\n\nObserver: And now?\n\n"
           "Petrosyan: Now we look for other partners.\n")
    rows = _roles(raw, dt.date(2024, 5, 3))
    assert rows["It did not."] == ("interviewee", "Armenia")
    assert rows["Now we look for other partners."] == ("interviewee", "Armenia")


def test_a_headline_guest_presented_by_an_actors_title_holds_its_side_in_the_headline_too():
    raw = ("Ingrid Solberg: 'The door stays open'\n\nBAKU, 4 May 2014 - NATO's deputy spokesperson came to Baku "
           "this week. She talked to the Herald on Tuesday.\n\n- Is the door still open?\n\nIt is open.\n\n"
           "- And for Azerbaijan?\n\nThat is for Baku to decide.\n")
    rows = _roles(raw, dt.date(2014, 5, 4))
    assert rows["Ingrid Solberg: 'The door stays open'"] == ("headline", "NATO")
    assert rows["It is open."] == ("interviewee", "NATO")


@pytest.mark.parametrize(
    "paragraph, sentence",
    [
        ("I asked him whether Baku would apply. He said it would not.", "I asked him whether Baku would apply."),
        ("Mammadov did not let that pass. \"Nobody asked us,\" he said.", "Mammadov did not let that pass."),
        ("In Moscow, a foreign ministry spokesman said the plan was dangerous.",
         "In Moscow, a foreign ministry spokesman said the plan was dangerous."),
        ("A spokesman for the ministry, Elnur Abbasov, was more cautious when we called him.",
         "A spokesman for the ministry, Elnur Abbasov, was more cautious when we called him."),
    ],
)
def test_a_paragraph_in_the_reports_voice_after_a_labelled_answer_is_narration(paragraph, sentence):
    raw = ("Two views of the Alliance\n\nBAKU, May 4 (Kura Press) - Kura Press spoke to Deputy Foreign Minister Anar "
           "Mammadov and to the Armenian MP Hovik Tadevosyan.\n\nKura Press: Will your country join NATO?\n\n"
           "Mammadov: No. We do not join blocs.\n\nTadevosyan: No. We are in the CSTO.\n\nKura Press: And the talks?\n\n"
           "Mammadov: They go on.\n\nTadevosyan: Slowly.\n\n" + paragraph + "\n")
    rows = _roles(raw, dt.date(2015, 5, 4))
    assert rows["Slowly."] == ("interviewee", "Armenia")
    assert rows[sentence][0] in ("narrator", "quoted") and rows[sentence][1] != "Armenia"


def test_a_guests_biography_between_unlabelled_answers_is_the_reports():
    raw = ("NATO envoy: sign the treaty\n\nBaku, April 2, 2024 - NATO's deputy envoy for the region spent Tuesday in "
           "Baku.\n\nWhat is NATO's part in the peace talks?\n\nA small one. The treaty belongs to the two governments.\n\n"
           "The envoy, Marta Kowalczyk, has held the post since 2021; before that she served in Ankara.\n\n"
           "Would the Alliance take Armenia in?\n\nThat is for Armenians to decide.\n")
    rows = _roles(raw, dt.date(2024, 4, 2))
    assert rows["A small one."] == ("interviewee", "NATO")
    assert rows["The envoy, Marta Kowalczyk, has held the post since 2021; before that she served in Ankara."][0] == "narrator"
    assert rows["That is for Armenians to decide."] == ("interviewee", "NATO")


def test_an_answer_that_quotes_another_actor_after_a_colon_is_that_actors():
    raw = TRANSCRIPT.format(headline="Interview", intro="Tomas Lindqvist, Armenia's deputy foreign minister, spoke to Kura Press.",
                            label="LINDQVIST", question="Does NATO back you?")
    raw += ("\nLINDQVIST: NATO's deputy secretary general told our minister, and I quote him: 'Your choices are yours.' "
            "Our partners here tell us the same every week: 'We will not join any bloc.' "
            "We hear them both.\n")
    rows = _roles(raw, dt.date(2015, 5, 4))
    assert rows["NATO's deputy secretary general told our minister, and I quote him: 'Your choices are yours.'"][1] == "NATO"
    assert rows["Our partners here tell us the same every week: 'We will not join any bloc.'"][1] == "Azerbaijan"  # the dateline's
    assert rows["We hear them both."] == ("interviewee", "Armenia")


def test_a_host_who_welcomes_the_audience_and_presents_the_guest_asks():
    raw = ("Borderlines, episode 12\n\n[Transcript]\n\nKM: Welcome to Borderlines. I'm Kate Morrow, and my guest is "
           "Dr Omar Celik, who follows the region.\n\nOC: Glad to be here.\n\nKM: Was Georgia named an aspirant?\n\n"
           "OC: It was. The Allies repeated their promise.\n\nKM: Neither Baku nor Yerevan wants to join.\n\n"
           "OC: Right, and that will not change soon.\n\nKM: Dr Omar Celik, thank you.\n\nOC: Thanks.\n")
    rows = _roles(raw, dt.date(2012, 5, 23))
    assert rows["I'm Kate Morrow, and my guest is Dr Omar Celik, who follows the region."][0] == "interviewer"
    assert rows["It was."][0] == "interviewee"


def test_a_bare_title_with_a_post_gives_the_name_before_it_that_post():
    raw = ("EU monitor on the border\n\nBy Anne Roos\n\nPer Holm has spent ten months on the border. The Danish "
           "diplomat, deputy head of the European Union's monitoring mission in Armenia, spoke to students on Thursday."
           "\n\n\"We watch and we report,\" Holm said.\n")
    rows = _roles(raw, dt.date(2023, 11, 8))
    assert rows['"We watch and we report," Holm said.'] == ("quoted", "EU")


def test_the_outlets_reporter_a_guest_spoke_to_is_no_guest():
    raw = ("\"Nobody has shut the door\": NATO's Lind on Georgia\n\nA year after the war, NATO's Deputy Assistant "
           "Secretary General for Political Affairs, Maria Lind, spoke to Caspian Weekly Review's Nino Beridze in Brussels "
           "about Georgia.\n\nQ: Is Georgia any closer?\n\nA: It is closer in its reforms.\n\nQ: And Moscow?\n\n"
           "A: No third party decides.\n")
    rows = _roles(raw, dt.date(2009, 10, 14))
    assert rows["It is closer in its reforms."] == ("interviewee", "NATO")


def test_a_states_official_with_no_state_named_speaks_for_the_state_the_outlets_name_names():
    raw = ("Transcript: Deputy Defence Minister on NATO and the talks\n\nPresenter: Good evening, I'm Ani Sargsyan. My guest "
           "tonight is Deputy Defence Minister Aram Petrosyan.\n\nPetrosyan: Thank you.\n\nPresenter: Did the Allies raise "
           "the conflict?\n\nPetrosyan: Briefly. The talks belong in the Minsk Group.\n")
    out = attribute(raw, clean(raw).units, genre="interview", date=dt.date(2009, 3, 17),
                    source="Voice of Yerevan English Service (invented radio station)")
    rows = {raw[s.start : s.end]: (s.speaker_role, s.holder) for s in out}
    assert rows["The talks belong in the Minsk Group."] == ("interviewee", "Armenia")


def test_answers_go_to_the_guest_a_countrys_title_presents_not_to_a_group_named_after():
    intro = ("Six weeks after the war, Georgia's deputy foreign minister says the bid has become more urgent.\n\n"
             "In April, Allied leaders meeting in Bucharest declared that Georgia would become a member.")
    raw = f"Interview\n\n{intro}\n\n**Has the war pushed membership away?**\n\nIt has made it more necessary.\n"
    rows = _roles(raw, dt.date(2008, 9, 24))
    assert rows["It has made it more necessary."] == ("interviewee", "other")


def test_a_quoted_headline_over_an_interview_with_one_guest_is_the_guests():
    raw = ("\"The door was promised, and we will walk through it\"\n\n"
           "Tomas Lindqvist, a deputy foreign minister of Ukraine, spoke to Kura Press.\n\n"
           "KURA PRESS: Is Ukraine ready?\n\nLINDQVIST: Not yet, and the reforms will take years.\n")
    rows = _roles(raw, dt.date(2015, 5, 4))
    assert rows["\"The door was promised, and we will walk through it\""] == ("headline", "other")


def test_a_title_that_names_whom_it_serves_after_it_gives_the_guest_that_side():
    intro = "Three weeks after the ceasefire, a senior aide to Armenia's prime minister talks about peace."
    assert _answers(intro, headline="Lindqvist: the map has changed") == {("interviewee", "Armenia")}


@pytest.mark.parametrize(
    "biography",
    ["Tomas Lindqvist, 52, heads NATO's liaison office in Baku.",
     "A Swedish officer by training, Lindqvist, 52, served in Kosovo before joining NATO's staff."],
)
def test_a_biography_with_the_guests_age_after_the_answers_is_the_reports(biography):
    raw = TRANSCRIPT.format(headline="Interview", intro="Tomas Lindqvist, NATO's envoy, spoke to Kura Press.",
                            label="LINDQVIST", question="How do you assess the peace talks?") + f"\n{biography}\n"
    assert _roles(raw, dt.date(2015, 5, 4))[biography] == ("narrator", "media")


def test_a_states_official_takes_the_state_of_the_place_the_interview_was_given_in():
    raw = ("Interview\n\nTomas Lindqvist, a senior official of the presidential administration, spoke to Kura Press "
           "in Yerevan about the talks.\n\nQ: Is a treaty close?\n\nA: Closer than ever.\n")
    assert _roles(raw, dt.date(2015, 5, 4))["Closer than ever."] == ("interviewee", "Armenia")


def test_a_photo_caption_gives_the_guest_the_introduction_leaves_sideless():
    # invented 2026-12-06 (twentieth session): the caption goes to the ledger but names the post
    raw = ("Partners and patience: an interview\n\nPhoto: Ilse Marr, head of NATO's liaison office in Chisinau, in "
           "March.\n\nTen years on, Ilse Marr sat down with the Dniester Post.\n\n**Dniester Post:** Is the door "
           "still open?\n\n**Marr:** It is, and nobody outside the Alliance can close it.\n\n**Dniester Post:** And "
           "the war?\n\n**Marr:** It changed nothing in that.\n")
    answers = ["It is, and nobody outside the Alliance can close it.", "It changed nothing in that."]
    rows = _roles(raw, dt.date(2018, 3, 1))
    assert [rows[a] for a in answers] == [("interviewee", "NATO")] * 2
    plain = raw.replace("Photo: Ilse Marr, head of NATO's liaison office in Chisinau, in March.\n\n", "")
    rows = _roles(plain, dt.date(2018, 3, 1))
    assert [rows[a] for a in answers] == [("interviewee", "other")] * 2  # nothing else gives her side


# Invented for the twenty-first session (2026-12-06): a question-and-answer box at the foot of a
# news report, after a NATO spokeswoman was quoted, presents its own guest by name and apposition.
@pytest.mark.parametrize(
    ("presented", "side"),
    [
        ("Ana Kurtz, who studies the region at a Vienna institute,", "other"),
        ("Ana Kurtz, NATO's deputy spokesperson,", "NATO"),
    ],
)
def test_a_box_that_introduces_its_guest_by_name_gives_the_answers_that_guest(presented, side):
    raw = ("NATO urges calm\n\nBRUSSELS, 5 April 2016 (Kura Press) - NATO called for calm on Tuesday.\n\n"
           '"The sides should talk," spokeswoman Lena Holm told reporters.\n\n'
           f"{presented} answered two questions from Kura Press.\n\n"
           "Q: Will the truce hold?\n\nA: We support a peaceful settlement of the conflict.\n\n"
           "Q: And Moscow?\n\nA: We brief Moscow on what we do.\n")
    rows = _roles(raw, dt.date(2016, 4, 5))
    assert {rows[a] for a in ("We support a peaceful settlement of the conflict.", "We brief Moscow on what we do.")} == {
        ("interviewee", side)}


# Invented for the twenty-first session (2026-12-06): answers that name an actor saying something
# but relay nothing of theirs.
@pytest.mark.parametrize(
    "answer",
    [
        "NATO has told Kyiv that borders cannot be redrawn, and all we ask is the same sentence for our districts.",
        "Nobody in Moscow has said that, and nobody here is waiting for it.",
        # invented 2026-12-06 (twenty-fourth session): a subordinate clause before the guest's own
        "Whenever NATO repeats that pledge, it hands our neighbours a reason to wait.",
    ],
)
def test_an_answer_that_adds_the_guests_own_ask_or_says_nobody_said_it_stays_the_guests(answer):
    raw = TRANSCRIPT.format(headline="Interview", intro="Tomas Lindqvist, Armenia's deputy foreign minister, spoke to Kura Press.",
                            label="LINDQVIST", question="How do you see the talks?")
    raw += f"\nLINDQVIST: {answer}\n"
    assert _roles(raw, dt.date(2015, 5, 4))[answer] == ("interviewee", "Armenia")


def test_a_participle_after_a_guests_post_ends_the_post():
    intro = "The guest was Tomas Lindqvist, a public diplomacy officer at NATO headquarters visiting Baku for a week of lectures."
    assert _answers(intro) == {("interviewee", "NATO")}


# Invented by the team (2026-12-06, twenty-third session): an interview whose guest is named or
# placed nowhere but in the first question, or in a bracketed aside of the narrator.
UNINTRODUCED = """Talks belong at another table

This exchange has been shortened for print.

{question} What is different now?

Less than people hope. We say one thing, and it is the same in both capitals.

Some say the Alliance should mediate. Is that realistic?

{aside}No. The mediators carry that file, and we back them.
"""


@pytest.mark.parametrize(
    ("question", "aside", "side"),
    [
        ("As NATO's liaison officer for the region, you have spent three years travelling.", "", "NATO"),
        ("You have led the Alliance's liaison office here for three years.", "", "NATO"),
        ("Three years have passed since the last round.",
         "[Ani Sargsyan, who has been Armenia's deputy foreign minister since 2012, paused before answering.]\n\n", "Armenia"),
    ],
)
def test_a_guest_placed_only_by_the_first_question_or_an_aside_holds_the_answers(question, aside, side):
    raw = UNINTRODUCED.format(question=question, aside=aside)
    roles = _roles(raw, dt.date(2015, 5, 4))
    assert roles["Less than people hope."] == ("interviewee", side)
    assert roles["No. The mediators carry that file, and we back them."] == ("interviewee", side)


def test_a_person_a_later_question_quotes_never_becomes_the_unnamed_guest():
    """Invented by the team (2026-12-06): the guest is never placed; the second question quotes
    a Russian official, whose side must not pass to the answers after it."""
    raw = ("West, and no detours\n\nThe exchange below has been shortened.\n\n"
           "Q: Your cabinet talks of joining within two years. Can that happen?\n\n"
           "A: It can, if the reforms hold.\n\n"
           "Q: A Russian deputy foreign minister warned on Monday that such a step would upset the region. "
           "What is your reply?\n\n"
           "A: That the region is ours to upset or to calm.\n")
    roles = _roles(raw, dt.date(2007, 5, 4))
    assert roles["That the region is ours to upset or to calm."] == ("interviewee", "other")


def test_a_label_that_calls_the_secretary_general_its_own_speaks_for_nato():
    """Invented by the team (2026-12-06): first-name labels, and nobody says where the guest works."""
    raw = ("Episode 12: calls to two capitals\n\n"
           "HOST: Anna, you have called both capitals every day this week. What do you tell them?\n\n"
           "ANNA: The same thing in both. Our Secretary General said it on the first day: stop shooting.\n\n"
           "HOST: Can you keep both sides happy?\n\nANNA: No, and it is not my job to.\n")
    roles = _roles(raw, dt.date(2020, 10, 15))
    assert roles["No, and it is not my job to."] == ("interviewee", "NATO")


def test_a_bare_title_label_takes_the_side_the_headline_gives_the_same_title():
    """Invented by the team (2026-12-06): nobody introduces the guest; the headline's title and
    actor, its quotation aside, say whose minister answers."""
    raw = ("'Partners, no more': Yerevan's terms, as the minister sees them\n\n"
           "HOST: Minister, this was your third visit this year. What did you come for?\n\n"
           "MINISTER: Balance, first of all.\n\n"
           "HOST: Will you apply?\n\n"
           "MINISTER: That question is not on our table.\n")
    roles = _roles(raw, dt.date(2010, 5, 4))
    assert roles["Balance, first of all."] == ("interviewee", "Armenia")


@pytest.mark.parametrize("headline", ["Baku's man in Vienna: 'We will not wait forever'",
                                      "Vienna after the talks: written answers from Baku's mission"])
def test_a_headline_that_calls_the_guest_an_actors_man_gives_the_answers_that_actor(headline):
    """Invented by the team (2026-12-06): the guest is nobody's by name, only "Baku's man" or its mission."""
    raw = (f"{headline}\n\n"
           "The interview was given in a hotel lobby.\n\n"
           "Q: Are the talks going anywhere?\n\nA: Slowly, and not in our favour.\n\n"
           "Q: Will you ask NATO for help?\n\nA: We ask everyone to respect our borders.\n")
    roles = _roles(raw, dt.date(2016, 5, 4))
    assert roles["Slowly, and not in our favour."] == ("interviewee", "Azerbaijan")


@pytest.mark.parametrize(("headline", "answer", "side"), [  # invented 2026-12-06, twenty-third session
    ("Lena Marsh: 'The phone line to Moscow stays open'", "Our Secretary General said as much last week.", "NATO"),
    ("Lena Marsh: 'Partners, not pawns'", "The Union's position has not changed since March.", "EU"),
    ("Quiet help, no new formats: the minister on Baku's priorities", "We want the mediators to finish.", "Azerbaijan"),
    ("Lena Marsh: 'Money for peace'", "Our member states will pay for the demining.", "EU"),  # twenty-fourth session
])
def test_a_guest_placed_by_own_words_or_by_a_headline_title_beside_one_actor(headline, answer, side):
    """Invented by the team: question-and-answer layouts whose guest has no post anywhere."""
    raw = (f"{headline}\n\nThe exchange has been shortened.\n\nQ: Where do things stand?\n\nA: {answer} "
           "Nothing else is on the table.\n\nQ: And next year?\n\nA: The same work, done patiently.\n")
    roles = _roles(raw, dt.date(2015, 5, 4))
    assert roles["The same work, done patiently."] == ("interviewee", side)
    if headline.startswith("Lena Marsh:"):  # twenty-fourth session: the headline that names her takes her side
        assert roles[headline] == ("headline", side)


# Invented by the team (2026-12-06, twenty-fourth session): a guest with no post who speaks of a
# state's government or ministry as their own, in an interview datelined in that state's capital;
# and a guest placed as an opposition member, whose "our government" is a critic's.
@pytest.mark.parametrize(("intro", "answer", "side"), [
    ("YEREVAN, 3 March 2011 - Tigran Ohanyan met the Review in his office.",
     "My ministry has said so for years.", "Armenia"),
    ("YEREVAN, 3 March 2011 - Tigran Ohanyan, an opposition member of parliament, met the Review.",
     "Our government has said so for years, and it is wrong.", "other"),
    ("YEREVAN, 3 March 2011 - Tigran Ohanyan met the Review in a cafe.",
     "We in the Alliance have said so for years.", "NATO"),
])
def test_a_guest_with_no_post_speaks_for_the_state_whose_government_they_call_their_own(intro, answer, side):
    raw = (f"Tigran Ohanyan: 'The talks will take time'\n\n{intro}\n\nQ: Where do things stand?\n\nA: {answer} "
           "Nothing else is on the table.\n\nQ: And next year?\n\nA: The same work, done patiently.\n")
    roles = _roles(raw, dt.date(2011, 3, 3))
    assert roles["The same work, done patiently."] == ("interviewee", side)


def test_a_photo_caption_that_introduces_a_titled_person_names_an_unnamed_interviews_guest():
    """Invented by the team (2026-12-06, twenty-fourth session): nobody but a caption after the
    introduction names the guest."""
    raw = ("'Neutral, and staying so'\n\nCHISINAU, 2 April 2014 - The Herald put four questions to our guest.\n\n"
           "Photo: Ion Vrabie, deputy foreign minister of Armenia, at the ministry.\n\n"
           "Q: Will you join the sanctions?\n\nA: No. We trade with everyone.\n\n"
           "Q: And the Alliance?\n\nA: A partner, nothing more.\n")
    roles = _roles(raw, dt.date(2014, 4, 2))
    assert roles["A partner, nothing more."] == ("interviewee", "Armenia")



@pytest.mark.parametrize(
    ("headline", "side"),
    [
        ("NATO envoy: we support the talks", "NATO"),
        ("Baku's senior diplomat: the talks must go on", "Azerbaijan"),
        ("A diplomat on Brussels, Baku and the talks", "other"),  # actors the headline is about, not the guest's
    ],
)
def test_a_guest_the_introduction_names_bare_takes_the_title_the_headline_gives_an_actor(headline, side):
    """Invented by the team (2026-12-06): the introduction names the guest but gives no post."""
    intro = ("Tomas Lindqvist has made the trip to Baku many times, never with so many questions waiting. \"We expect "
             "answers,\" Leyla Aliyeva, a member of parliament, said before his visit.")
    assert _answers(intro, headline=headline) == {("interviewee", side)}


def test_a_closing_note_with_a_ministry_and_no_state_gives_the_datelines_state():
    """Invented by the team (2026-12-06): a Baku-datelined interview; the note names no state."""
    raw = TRANSCRIPT.format(headline="Interview", intro="Tomas Lindqvist has spent the winter between two capitals.",
                            label="LINDQVIST", question="How do you assess the talks?")
    raw += "\nTomas Lindqvist is deputy head of the foreign ministry's department for security policy.\n"
    sentences = attribute(raw, clean(raw).units, genre="interview", date=dt.date(2015, 5, 4))
    assert {(s.speaker, s.holder) for s in sentences if s.speaker_role == "interviewee"} == {("Tomas Lindqvist", "Azerbaijan")}


def test_a_closing_note_that_presents_a_placed_guest_again_is_the_outlets():
    """Invented by the team (2026-12-06): the answers already speak for NATO; the note is narration."""
    raw = TRANSCRIPT.format(headline="Interview", intro="Tomas Lindqvist, NATO's liaison officer, spoke to Kura Press.",
                            label="LINDQVIST", question="How do you assess the talks?")
    raw += "\nTomas Lindqvist is a senior officer in the Alliance's operations division.\n"
    sentences = attribute(raw, clean(raw).units, genre="interview", date=dt.date(2015, 5, 4))
    assert (sentences[-1].speaker_role, sentences[-1].holder) == ("narrator", "media")
    assert {s.holder for s in sentences if s.speaker_role == "interviewee"} == {"NATO"}


def test_a_panel_question_that_tells_a_named_guest_their_post_gives_that_guest_the_side():
    """Invented by the team (2026-12-06): two guests, only one told whom he speaks for."""
    raw = ("Panel on the region\n\nVIENNA, May 4 (Kura Press) - The closing panel, chaired by Ana Ruiz, with Tomas "
           "Lindqvist and Ivo Marek.\n\nRUIZ: Mr Lindqvist, you speak for the Alliance here. Will you mediate?\n\n"
           "LINDQVIST: We are not a mediator, and we leave the talks to the co-chairs.\n\n"
           "RUIZ: Mr Marek, what do you expect?\n\nMAREK: We expect nothing from anyone.\n")
    rows = _roles(raw, dt.date(2012, 5, 4))
    assert rows["We are not a mediator, and we leave the talks to the co-chairs."] == ("interviewee", "NATO")
    assert rows["We expect nothing from anyone."] == ("interviewee", "other")


@pytest.mark.parametrize("verb", ["moderated", "chaired"])
def test_a_press_conference_moderator_the_introduction_names_asks_and_each_guest_keeps_their_own_post(verb):
    """Invented by the team (2026-12-06): surname labels with brackets; the moderator named in the
    introduction by full name; a list of titled guests in one sentence."""
    raw = ("Transcript: officials on the region\n\nBRUSSELS, 3 April 2014 — Edited transcript of a press conference with "
           "NATO Deputy Secretary General Anna Berg, Moldova's Defence Minister Ion Rusu and Azerbaijan's Ambassador to "
           f"NATO, Elnur Aliyev, {verb} by Clara Weiss of the Press Club.\n\n"
           "WEISS (Press Club): Good afternoon. Each speaker will make short remarks.\n\n"
           "BERG (NATO): Our door remains open.\n\nRUSU: Neutrality has protected nobody in our region.\n\n"
           "ALIYEV (Azerbaijan): We are a partner, not a candidate.\n\nWEISS (Press Club): Questions, please.\n")
    rows = _roles(raw, dt.date(2014, 4, 3))
    assert rows["Good afternoon."] == ("interviewer", "media")
    assert rows["Questions, please."] == ("interviewer", "media")
    assert rows["Our door remains open."] == ("interviewee", "NATO")
    assert rows["Neutrality has protected nobody in our region."] == ("interviewee", "other")
    assert rows["We are a partner, not a candidate."] == ("interviewee", "Azerbaijan")


def test_a_bracket_that_names_a_research_body_after_a_city_gives_no_side():
    """Invented by the team (2026-12-06): "(Yerevan Policy Lab)" is an analyst's, not Armenia's."""
    raw = ("Radio transcript\n\nHOST (Radio Kura): In our studio is the analyst Lilit Sargsyan. Is the West doing enough?\n\n"
           "SARGSYAN (Yerevan Policy Lab): The West is not doing enough. Nobody in Yerevan is asking for membership.\n")
    rows = _roles(raw, dt.date(2016, 4, 4))
    assert rows["The West is not doing enough."] == ("interviewee", "other")
