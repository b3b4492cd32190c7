"""Interviews in the layouts web pages and agencies use, and exchanges quoted inside reports
(invented texts, written for these tests).

Each interview has the same guest, a made-up Marek Rudnicki who works for the Alliance, and
the same two questions; only the way the turns are marked changes. The answers must be the
guest's (held by NATO), the questions the outlet's, and the marks must go to the ``removed``
ledger, not into a statement.
"""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_lib.pipeline.attribute import attribute
from corpus_lib.pipeline.clean import clean
from corpus_lib.pipeline.segment import split_sentences

INTRO = "The Kura Ledger spoke with Marek Rudnicki, NATO's liaison officer for the South Caucasus, in Baku."
QUESTIONS = ("How do you see the talks on the conflict?", "Will Azerbaijan join the Alliance?")
ANSWERS = ("We support the mediators fully. There is no military solution.", "That is for Baku to decide. Our door stays open.")


def _interview(mark, intro: str = INTRO) -> str:
    """An invented interview whose questions ``mark`` formats; answers carry no label."""
    turns = [f"{mark(q)}\n\n{a}" for q, a in zip(QUESTIONS, ANSWERS)]
    return "Alliance will not mediate, official says\n\n" + intro + "\n\n" + "\n\n".join(turns) + "\n"


def _coded(raw: str, genre: str) -> list[tuple[str, str, str]]:
    """(text, role, holder) of each sentence of an invented text."""
    cleaned = clean(raw)
    return [(raw[s.start : s.end], s.speaker_role, s.holder)
            for s in attribute(raw, cleaned.units, genre=genre, date=dt.date(2015, 5, 4))]


LAYOUTS = {
    "bold": lambda q: f"**{q}**",
    "bold underscores": lambda q: f"__{q}__",
    "quotation mark": lambda q: f"> {q}",
    "numbered": lambda q: f"{QUESTIONS.index(q) + 1}. {q}",
    "numbered with a bracket": lambda q: f"{QUESTIONS.index(q) + 1}) {q}",
}


@pytest.mark.parametrize("genre", ["interview", "news"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_questions_marked_by_bold_numbers_or_quotation_marks_open_the_press_turns(layout, genre):
    raw = _interview(LAYOUTS[layout])
    coded = _coded(raw, genre)
    asked = [(text, holder) for text, role, holder in coded if role == "interviewer"]
    answered = [holder for _, role, holder in coded if role == "interviewee"]
    assert asked == [(q, "media") for q in QUESTIONS]  # the marks are no part of the question
    assert answered == ["NATO"] * 4


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_marks_of_a_question_go_to_the_ledger(layout):
    raw = _interview(LAYOUTS[layout])
    removed = [raw[a:b].strip() for a, b, reason in clean(raw).removed if reason == "turn_marker"]
    assert len(removed) in (2, 4)  # an opening mark per question, and a closing one for bold
    assert all(mark and not any(ch.isalpha() for ch in mark) for mark in removed)


def test_numbered_points_that_ask_nothing_are_no_turns():
    raw = ("Statement on the partnership\n\nThe Allies agreed on three points.\n\n"
           "1. The Allies support the mediators.\n\n2. The Allies call for restraint.\n\n"
           "3. Is there more to say? The Allies will meet again in June.\n")
    cleaned = clean(raw)
    assert not any(u.label for u in cleaned.units)
    assert {role for _, role, _ in _coded(raw, "press_release")} <= {"headline", "narrator"}


def test_initials_in_brackets_neither_split_the_sentence_nor_hide_the_title():
    intro = "The Kura Ledger's Jana Kowal (J.K.) spoke with Marek Rudnicki (M.R.), NATO's liaison officer for the region."
    assert [intro[a:b] for a, b in split_sentences(intro)] == [intro]
    raw = _interview(lambda q: f"J.K.: {q}", intro).replace("\n\nWe support", "\n\nM.R.: We support").replace(
        "\n\nThat is", "\n\nM.R.: That is")
    answered = {holder for _, role, holder in _coded(raw, "interview") if role == "interviewee"}
    assert answered == {"NATO"}


def test_a_lower_case_word_after_initials_goes_on_with_the_sentence():
    text = "The metro runs until 2 a.m. on New Year's Eve. Then it stops."
    assert [text[a:b] for a, b in split_sentences(text)] == ["The metro runs until 2 a.m. on New Year's Eve.", "Then it stops."]


EMBEDDED = """Alliance offers demining help, official says

BAKU, Oct 4 (Kura Wire) - A senior NATO official said on Wednesday the Alliance was ready to help clear mines once a peace treaty is signed.

"We will not sit at the negotiating table," the official said.

Azerbaijan's deputy foreign minister, Elnur Rzayev, told Kura Wire the country "needs nobody's help to run its own land".

In a short exchange with Kura Wire, the NATO official was also asked about Armenia and Russia.

{q1}Is Armenia drifting towards NATO?

{a1}Armenians will settle that among themselves.

{q2}And Russia?

{a2}We have no dialogue with Moscow at the moment.

The two countries have been negotiating a peace treaty since the 2020 war.
"""


@pytest.mark.parametrize("marks", [("- ", "- ", "- ", "- "), ("Q: ", "A: ", "Q: ", "A: ")])
def test_an_exchange_inside_a_report_is_the_official_s_it_names_and_the_report_goes_on_after_it(marks):
    raw = EMBEDDED.format(**dict(zip(("q1", "a1", "q2", "a2"), marks)))
    coded = {text: (role, holder) for text, role, holder in _coded(raw, "news")}
    assert coded["Armenians will settle that among themselves."] == ("interviewee", "NATO")  # not the minister quoted last
    assert coded["We have no dialogue with Moscow at the moment."] == ("interviewee", "NATO")
    assert coded["The two countries have been negotiating a peace treaty since the 2020 war."] == ("narrator", "media")


def test_in_an_interview_an_answer_s_second_paragraph_stays_the_guest_s():
    raw = ("Interview\n\n" + INTRO + "\n\n- How do you see the talks?\n\n- We support the mediators.\n\n"
           "The talks have lasted for years, and we remain patient.\n")
    coded = {text: (role, holder) for text, role, holder in _coded(raw, "interview")}
    assert coded["The talks have lasted for years, and we remain patient."] == ("interviewee", "NATO")


def test_an_outlet_that_asks_is_no_guest_and_a_quoted_headline_is_the_guest_s():
    raw = ('"Peace is within reach"\n\nBrussels, 28 March 2024 (Transcaucasus Report) - Few officials travel to the '
           "region as often as NATO's Special Representative for the Caucasus. Transcaucasus Report asked the Special "
           "Representative about a peace treaty and about Russia.\n\n> Do you believe the two sides?\n\n"
           "I believe them more than I did a year ago.\n\n> And Russia?\n\nBusiness as usual is over.\n")
    coded = _coded(raw, "interview")
    assert coded[0] == ('"Peace is within reach"', "headline", "NATO")
    assert {holder for _, role, holder in coded if role == "interviewee"} == {"NATO"}
    assert all(role != "quoted" for _, role, _ in coded)  # the outlet's own line quotes nobody


STATEMENT = """Statement of the Ministry of Foreign Affairs on the calls for a ceasefire

Baku, 2 October 2020 - The Ministry has taken note of statements by several organizations. The Ministry wishes to state the following:

- The operation is conducted on the country's own territory, in full accordance with international law.
- Calls that place the aggressor and the victim on the same footing do not serve peace.
- The country does not seek membership of any military bloc.

The Ministry reiterates that the conflict can only be resolved by the withdrawal of the occupying forces.
"""


def test_a_statement_s_bulleted_points_are_its_own_not_an_interview():
    coded = _coded(STATEMENT, "press_release")
    assert {role for _, role, _ in coded} == {"headline", "narrator"}
    points = [holder for text, _, holder in coded if text.startswith(("The operation", "Calls that", "The country does"))]
    assert len(points) == 3 and len(set(points)) == 1  # all three are the ministry's, as the text around them


RELEASE = """Special Representative calls for a lasting peace between Armenia and Azerbaijan

Brussels, 12 October 2023 - The Special Representative held talks in Baku and Yerevan this week.

"There is now a real chance to close this chapter for good," the Special Representative said.
"""


def test_a_release_s_title_and_its_untitled_official_are_the_publisher_s():
    raw = RELEASE
    cleaned = clean(raw)
    sentences = attribute(raw, cleaned.units, genre="press_release", source="Office of the NATO Special Representative",
                          date=dt.date(2023, 10, 12))
    coded = {raw[s.start : s.end]: (s.speaker_role, s.holder) for s in sentences}
    assert coded["Special Representative calls for a lasting peace between Armenia and Azerbaijan"] == ("headline", "NATO")
    assert coded['"There is now a real chance to close this chapter for good," the Special Representative said.'] == ("quoted", "NATO")


def test_an_institution_in_a_quoted_headline_is_nobody_interviewed():
    raw = ('"The Minsk Group has the mandate, not us": NATO envoy on the conflict\n\n'
           "Anna Varga, a senior NATO official, answered the Kura Ledger's questions in Baku.\n\n"
           "Q: Why does the Alliance keep out of the talks?\n\nA: We do not keep out. The co-chairs hold the mandate.\n")
    answered = {holder for _, role, holder in _coded(raw, "interview") if role == "interviewee"}
    assert answered == {"NATO"}


# Invented for the eleventh session (2026-12-05): interviews that do not say they are interviews.
THREE_QUESTIONS = (*QUESTIONS, "Moscow calls your exercises a provocation. How do you respond?")
THREE_ANSWERS = (*ANSWERS, "We brief Moscow on what we do, and then we get on with it.")


def _exchange(mark, intro: str, closing: str = "") -> str:
    turns = [f"{mark(q)}\n\n{a}" for q, a in zip(THREE_QUESTIONS, THREE_ANSWERS)]
    return "Rudnicki: the door stays open\n\n" + intro + "\n\n".join(turns) + "\n\n" + closing + "\n"


def test_bare_questions_in_a_text_filed_as_news_are_the_press_and_answers_the_guest():
    raw = _exchange(lambda q: q, INTRO + "\n\n")
    rows = _coded(raw, "news")
    assert {role for text, role, _ in rows if text in THREE_QUESTIONS[:2]} == {"interviewer"}
    assert _answer_sides(rows) == {("interviewee", "NATO")}


def test_rhetorical_questions_answered_in_their_own_paragraph_stay_the_narration():
    raw = ("Crimea changes the map\n\nWill the Alliance defend Azerbaijan? It will not, and nobody in Brussels says "
           "it would.\n\nShould Baku apply for membership? Not now.\n\nAnd Karabakh? Here the lesson cuts both ways.\n")
    assert {role for _, role, _ in _coded(raw, "news")} == {"headline", "narrator"}


def test_a_closing_note_after_the_credit_line_gives_the_guest_a_side():
    closing = ("The interview was conducted by Samir Guliyev. Mr Rudnicki is a deputy assistant secretary general in "
               "NATO's political affairs division.")
    raw = _exchange(lambda q: q, "", closing)
    rows = _coded(raw, "interview")
    assert _answer_sides(rows) == {("interviewee", "NATO")}
    assert {role for text, role, _ in rows if text.startswith(("The interview was", "Mr Rudnicki is"))} == {"narrator"}


def test_questions_labelled_by_the_outlet_are_answered_by_the_unlabelled_paragraphs():
    closing = "Marek Rudnicki is NATO's liaison officer for the South Caucasus."
    raw = _exchange(lambda q: f"LEDGER: {q}", "", closing)
    rows = _coded(raw, "interview")
    assert {role for text, role, _ in rows if text in THREE_QUESTIONS[:2]} == {"interviewer"}
    assert _answer_sides(rows) == {("interviewee", "NATO")}


def test_a_signed_opinion_piece_is_its_authors_even_without_the_first_person():
    raw = ("Crimea changes the map\n\nThe annexation proved that borders can be redrawn. The lesson is plain.\n\n"
           "Anna Berg is a security analyst in Baku. The views expressed are her own.\n")
    rows = _coded(raw, "news")
    assert {holder for text, role, holder in rows if role == "narrator" and not text.startswith(("Anna", "The views"))} == {"other"}
    assert {holder for text, _, holder in rows if text.startswith(("Anna", "The views"))} == {"media"}  # the outlet's note


def _answer_sides(rows) -> set[tuple[str, str]]:
    """(role, holder) of the guest's answers that open "We support" or "We brief"."""
    return {(role, holder) for text, role, holder in rows if text.startswith(("We support", "We brief"))}


def test_dotted_q_and_a_labels_mark_the_turns_and_go_to_the_ledger():
    raw = _exchange(lambda q: f"Q. {q}", INTRO + "\n\n").replace("\n\nWe ", "\n\nA. We ").replace("\n\nThat is", "\n\nA. That is")
    rows = _coded(raw, "interview")
    assert {role for text, role, _ in rows if text in THREE_QUESTIONS[:2]} == {"interviewer"}
    assert _answer_sides(rows) == {("interviewee", "NATO")}
    assert [raw[a:b] for a, b, why in clean(raw).removed if why == "turn_marker"].count("Q. ") == 3


def test_an_initial_opening_a_paragraph_is_no_label():
    raw = "Envoy visits\n\nA. Petrov, NATO's envoy, said the door stays open.\n"
    assert [why for *_, why in clean(raw).removed if why == "turn_marker"] == []


def test_the_anchor_of_a_transcript_asks():
    raw = ("Kellner on the summit\n\nANCHOR: With me is a senior official of the Alliance. Why now?\n\n"
           "MARTA KELLNER (NATO): Because the Allies agreed. We support the mediators fully.\n\n"
           "ANCHOR: And Georgia?\n\nKELLNER: Our door stays open.\n")
    rows = _coded(raw, "news")
    assert {role for text, role, _ in rows if text in ("Why now?", "And Georgia?")} == {"interviewer"}
    assert {holder for text, _, holder in rows if text == "Our door stays open."} == {"NATO"}


def test_first_name_labels_go_to_the_people_the_introduction_names():
    raw = ("The Flank, episode 9: the Alliance on the ceasefire\n\n"
           "Transcript of episode 9 of The Flank. Dana Whitcombe talks to Pieter Langeveld, one of NATO's deputy spokespeople.\n\n"
           "DANA: Pieter, thanks for coming on. What did the Alliance do?\n\n"
           "PIETER: We called for restraint on the first morning.\n\n"
           "DANA: And the talks?\n\nPIETER: Which is the Minsk Group's table, not ours.\n")
    rows = _coded(raw, "interview")
    assert {(role, holder) for text, role, holder in rows if text.startswith("We called")} == {("interviewee", "NATO")}
    assert {role for text, role, _ in rows if text.startswith("Pieter, thanks")} == {"interviewer"}


def test_a_post_told_by_pronoun_belongs_to_the_name_before():
    raw = ("Envoy in the capital\n\nIngrid Aasland has watched all of it from a small office. "
           "A Norwegian who served in Kabul before coming here, she is the Alliance's deputy liaison officer.\n\n"
           "Officials in Baku, for their part, say they want no quarrel with Moscow. Aasland spoke to the Ledger on Tuesday.\n\n"
           "Q: Is the promise worth anything?\n\nA: It is worth exactly what it says.\n")
    rows = _coded(raw, "news")
    assert {(role, holder) for text, role, holder in rows if text.startswith("It is worth")} == {("interviewee", "NATO")}


def test_an_italic_paragraph_that_does_not_ask_is_a_question_turn_where_italics_ask():
    raw = ("NATO official on the applications\n\nBRUSSELS – Marek Rudnicki, NATO's liaison officer, took our questions.\n\n"
           "_How quickly can they join?_\n\nAs soon as every Ally ratifies.\n\n_And the talks?_\n\nWe support the mediators.\n\n"
           "_Finally, Georgia._\n\nGeorgia's place is in this Alliance.\n")
    rows = _coded(raw, "news")
    assert {role for text, role, _ in rows if text == "Finally, Georgia."} == {"interviewer"}
    assert {(role, holder) for text, role, holder in rows if text.startswith("Georgia's place")} == {("interviewee", "NATO")}
    assert "_Finally" not in "".join(text for text, *_ in rows)


@pytest.mark.parametrize(
    ("post", "holder"),
    [
        ("Lindqvist, a Finnish diplomat, has been deputy to NATO's special representative since 2019.", "NATO"),
        ("Lindqvist, who grew up in Turku, is the Alliance's deputy liaison officer.", "NATO"),
        ("Lindqvist, a Finnish diplomat, is a professor of security studies at a university in Moscow.", "other"),
    ],
)
def test_a_post_told_with_the_name_as_subject_is_that_persons(post, holder):
    raw = (f"Envoy in the capital\n\nMaija Lindqvist's office overlooks the old port. {post}\n\n"
           "She said the Alliance would not take sides in the talks.\n")
    rows = _coded(raw, "news")
    assert {holder for text, _, holder in rows if text.startswith("She said")} == {holder}


HEADED_ANSWERS = ("NATO deputy envoy on the region\n\nYEREVAN, 11 October 2012 – Lotte Vandermeer, the Dutch-born deputy to "
                  "NATO's special representative, was in Yerevan this week. She spoke to the Weekly; her answers are shortened.\n\n"
                  "On Karabakh\n\nThe talks already have a home. We will not open a second one.\n\n"
                  "The Russia question\n\nWe talk to Moscow as well, although it is harder now.\n\n"
                  "Membership, if ever\n\nNobody is pressing Armenia to apply. That choice is for Armenians.\n")


def test_answers_printed_under_topic_headings_are_the_guests():
    rows = _coded(HEADED_ANSWERS, "news")
    assert {(role, holder) for text, role, holder in rows if text in ("On Karabakh", "The Russia question")} == {
        ("interviewer", "media")}
    assert {(role, holder) for text, role, holder in rows if text.startswith(("We talk", "That choice"))} == {
        ("interviewee", "NATO")}


def test_a_feature_quoting_its_subject_under_headings_stays_narrated():
    raw = HEADED_ANSWERS.replace("We talk to Moscow as well, although it is harder now.",
                                 '"We talk to Moscow as well," she said, "although it is harder now."')
    rows = _coded(raw, "news")
    assert {(role, holder) for text, role, holder in rows if text == "The Russia question"} == {("headline", "media")}
    assert {role for text, role, _ in rows if text.startswith("That choice")} == {"narrator"}


def test_labels_on_lines_of_their_own_with_a_colon_open_the_paragraph_below():
    intro = ("Colonel Marek Rudnicki of the Polish army has been NATO's liaison officer for the South Caucasus "
             "since 2012. The Kura Ledger met him in Baku.\n\n")
    raw = _exchange(lambda q: f"KURA LEDGER:\n\n{q}\n\nRUDNICKI:", intro)
    rows = _coded(raw, "interview")
    assert {role for text, role, _ in rows if text in THREE_QUESTIONS[:2]} == {"interviewer"}
    assert _answer_sides(rows) == {("interviewee", "NATO")}  # the post the predicate gives, not the passport


def test_a_surname_headline_takes_the_full_name_and_side_from_the_introduction():
    intro = ("Marek Rudnicki became Armenia's deputy defence minister in June. The Kura Ledger sent him "
             "written questions about the Russian alliance.\n\n")
    raw = _exchange(lambda q: f"{THREE_QUESTIONS.index(q) + 1}. {q}", intro)
    raw = raw.replace("Rudnicki: the door stays open", "Rudnicki: new government keeps Russian alliance, wants training")
    rows = _coded(raw, "news")
    assert _answer_sides(rows) == {("interviewee", "Armenia")}  # not the headline's "Russian"


# Layouts from desks and broadcasters (issue 13): bracketed tags, timestamps, titled and
# bracketed name labels, a press conference's questions, a host's label, and the report's
# own paragraphs after the last answer. Invented for these tests.
PRESS_CONFERENCE = """Envoy and minister take questions in Baku

BAKU, 9 May 2019 (Test Wire) – Jonas Berglund has spent two years as NATO's envoy for the South Caucasus. Elvin Rzayev handles ties with the Alliance at the Foreign Ministry.

Question from Kura Press: Mr Berglund, is the door open for the region?

Jonas Berglund (NATO): We support the mediators fully. The choice to apply is each country's own.

Deputy Minister Rzayev: Our course is partnership, not membership.

A reporter from a Russian agency asked whether the Alliance's exercises were aimed at Moscow.

Jonas Berglund (NATO): We brief every neighbour on every exercise.

Rzayev added that the talks with Yerevan would resume in June.

The exchanges were edited for length.
"""


def test_a_press_conference_with_titled_and_bracketed_labels():
    rows = _coded(PRESS_CONFERENCE, "news")
    assert _answer_sides(rows) == {("interviewee", "NATO")}
    assert {(role, holder) for text, role, holder in rows if text.startswith("Our course")} == {("interviewee", "Azerbaijan")}
    assert {role for text, role, _ in rows if text.startswith("Mr Berglund, is")} == {"interviewer"}
    narrated = ("A reporter from", "Rzayev added", "The exchanges were")  # the report's own paragraphs between and after turns
    assert {role for text, role, _ in rows if text.startswith(narrated)} <= {"narrator", "quoted"}
    assert {holder for text, _, holder in rows if text.startswith("The exchanges were")} == {"media"}


def test_bracketed_tags_and_timestamps_are_turn_labels_that_go_to_the_ledger():
    raw = ("Colonel on the flank\n\nBAKU, 22 May 2014 – Colonel Ivar Tjelle of the Danish army leads a small NATO team in Baku.\n\n"
           "(KL) Colonel, how do you see the talks on the conflict?\n\n[00:01:05] TJELLE: We support the mediators fully.\n\n"
           "(KL) Will Azerbaijan join the Alliance?\n\n[00:02:10] TJELLE: We brief Baku on that often. It is Baku's choice.\n\n"
           "Tjelle leaves Baku in June, his office said.\n")
    rows = _coded(raw, "interview")
    assert {role for text, role, _ in rows if text.startswith(("Colonel, how", "Will Azerbaijan"))} == {"interviewer"}
    assert _answer_sides(rows) == {("interviewee", "NATO")}  # "leads a small NATO team": the team's side
    assert {role for text, role, _ in rows if text.startswith("Tjelle leaves")} != {"interviewee"}
    marks = [raw[a:b].strip() for a, b, why in clean(raw).removed if why == "turn_marker"]
    assert marks.count("(KL)") == 2 and "[00:01:05] TJELLE:" in marks


def test_a_host_label_asks():
    raw = ("Evening talk\n\nOur guest is Hanna Orlova, NATO's deputy spokeswoman.\n\nHost: Welcome. How do you see the talks?\n\n"
           "Hanna Orlova: We support the mediators fully.\n\nHost: And the door?\n\nHanna Orlova: We brief partners on it.\n")
    rows = _coded(raw, "news")
    assert {role for text, role, _ in rows if text.startswith(("Welcome", "And the door"))} == {"interviewer"}
    assert _answer_sides(rows) == {("interviewee", "NATO")}


@pytest.mark.parametrize(
    ("sentence", "voice", "told"),
    [
        ("Vos leaves for Tbilisi on Thursday.", "HENRIKE VOS", True),  # the speaker in the third person
        ("We leave for Tbilisi on Thursday.", "HENRIKE VOS", False),  # the speaker's own words go on
        ("The interview was conducted in Russian.", "HENRIKE VOS", True),  # an editor's note
        ("We leave on Thursday.", "(NATO)", False),  # a label with no name: nobody to find
    ],
)
def test_a_paragraph_after_a_labelled_turn_in_the_reports_voice(sentence, voice, told):
    from corpus_lib.pipeline.transcripts import told_of

    assert told_of(sentence, voice, frozenset({"Vos", "Anchor"})) is told


# A headline that says what the guest speaks about, and an introduction that gives the post
# after "has been" with no article; questions and answers marked by initials.
TOPIC_HEADLINE = """'We were left alone': Davit Sarkisov on Russia, the West and the border

YEREVAN, 12 October 2021 - Davit Sarkisov has been deputy secretary of Armenia's Security Council since the spring.

DS marks the guest's answers and KT the questions of Karine Tamrazyan.

KT: What did your allies send?

DS: A statement that did not name the aggressor. We drew our own conclusions.
"""


def test_a_guest_speaks_for_their_post_not_for_what_the_headline_says_they_speak_about():
    rows = {text: (role, holder) for text, role, holder in _coded(TOPIC_HEADLINE, "interview")}
    assert rows["A statement that did not name the aggressor."] == ("interviewee", "Armenia")
    assert rows["We drew our own conclusions."] == ("interviewee", "Armenia")
    assert rows["'We were left alone': Davit Sarkisov on Russia, the West and the border"][1] == "Armenia"


# A committee hearing: titles as labels ("The Chair:", a witness by title), members of
# parliament labelled with their side in brackets, one of them asking once.
HEARING = """Hearing: NATO official tells MPs the Alliance will not mediate

LONDON, 3 June 2019 - The following is an edited record of evidence given to a defence committee by Dr Lena Vartiainen, NATO's deputy assistant secretary general for partnerships.

The Chair: Dr Vartiainen, welcome. Will NATO mediate in Karabakh?

The Deputy Assistant Secretary General: No. The mediators have the mandate, and we support them.

Mr Holloway (MP): Does the Alliance see Russia's base in Armenia as a threat?

The Deputy Assistant Secretary General: We watch it closely. It is there by agreement with Armenia.

Ms Petrakis (MP): Will Armenia ever apply to join?

The Deputy Assistant Secretary General: That is for Armenia to decide.

The Chair: Will the Alliance keep its liaison office in Baku?

The Deputy Assistant Secretary General: Yes, and we want to widen its work.
"""


def test_a_hearing_gives_the_witness_labelled_by_title_every_answer():
    rows = {text: (role, holder) for text, role, holder in _coded(HEARING, "interview")}
    for answer in ("No. The mediators have the mandate, and we support them.", "We watch it closely.",
                   "That is for Armenia to decide.", "Yes, and we want to widen its work."):
        assert rows[answer] == ("interviewee", "NATO"), answer
    assert rows["Will Armenia ever apply to join?"][0] == "interviewer"  # an MP who asks once
    assert rows["Dr Vartiainen, welcome."][0] == "interviewer"  # "The Chair:" is a label, not words of the turn


# Readers' questions as headings, each signed after a dash, answered by an analyst.
READERS = """You ask, the analyst answers: after the ceasefire

Every month we put readers' questions to a specialist. This month's guest is Defne Korkmaz, a senior fellow at an institute in Ankara.

Is the war over? — Murad, Baku

The fighting is over. The conflict between the two states is not, and a treaty is still missing.

Will Armenia join NATO? — Ani, Gyumri

Not soon. Yerevan still depends on Moscow for much of its security.
"""


def test_readers_questions_as_headings_are_the_outlets_and_the_paragraphs_under_them_the_guests():
    rows = {text: (role, holder) for text, role, holder in _coded(READERS, "interview")}
    assert rows["Is the war over?"] == ("interviewer", "media")
    assert rows["The fighting is over."] == ("interviewee", "other")  # an analyst speaks for no actor
    assert rows["Not soon."] == ("interviewee", "other")


QA_TURNS = ("\n\nQ: How do you see the talks on Karabakh?\n\nA: We support the mediators.\n\n"
            "Q: And membership?\n\nA: That decision is for each partner alone.\n")


@pytest.mark.parametrize(
    ("head", "intro"),
    [
        # the headline names the guest, the introduction gives the post by a title alone
        ("Sven Halvorsen: 'We will not mediate'", "The NATO envoy spoke to the Kura Ledger in Baku last week."),
        # a title that names no side, and the post in the predicate ("has served as")
        ("Interview", "BAKU, 4 May 2015 - Ambassador Sven Halvorsen has served as NATO's senior civilian "
                      "representative in the region since 2012."),
    ],
)
def test_a_guest_gets_the_side_the_introduction_gives_their_post(head, intro):
    rows = {text: (role, holder) for text, role, holder in _coded(f"{head}\n\n{intro}{QA_TURNS}", "interview")}
    assert rows["We support the mediators."] == ("interviewee", "NATO")
    assert rows["That decision is for each partner alone."] == ("interviewee", "NATO")


def test_question_and_answer_marks_on_lines_of_their_own_are_no_names():
    """'Q:' above the question and 'A:' above the answer, each on a line of its own: the
    answers are the guest's (NATO's), not a person called 'A'."""
    turns = "".join(f"\n\nQ:\n{q}\n\nA:\n{a}" for q, a in zip(QUESTIONS, ANSWERS))
    raw = "Alliance will not mediate, official says\n\n" + INTRO + turns + "\n"
    rows = {text: (role, holder) for text, role, holder in _coded(raw, "interview")}
    assert rows["We support the mediators fully."] == ("interviewee", "NATO")
    assert rows["That is for Baku to decide."] == ("interviewee", "NATO")
    assert rows[QUESTIONS[0]] == ("interviewer", "media")


@pytest.mark.parametrize("label", ["**{}:**", "**{}**:", "__{}:__"])
def test_name_labels_in_bold_markup_open_the_turns_and_go_to_the_ledger(label):
    outlet, guest = label.format("Kura Ledger"), label.format("Rudnicki")
    turns = [f"{outlet} {q}\n\n{guest} {a}" for q, a in zip(THREE_QUESTIONS, THREE_ANSWERS)]
    raw = "The door stays open\n\n" + INTRO + "\n\n" + "\n\n".join(turns) + "\n"
    rows = _coded(raw, "interview")
    assert {(role, holder) for text, role, holder in rows if text in QUESTIONS} == {("interviewer", "media")}
    assert {(role, holder) for text, role, holder in rows if text.startswith("We support")} == {("interviewee", "NATO")}
    assert not any("*" in text or "__" in text for text, _, _ in rows)


# Invented 2026-12-06 (twentieth session): an official transcript's labels, a title with the
# name in brackets and a long title in capitals before a surname (news/dev61 showed them).
PRESS_POINT = """Joint press point

Moderator: Good afternoon. Each speaker will make a short statement.

NATO Deputy Secretary General (Hendrik Lunde): Thank you, Minister. The door remains open.

Deputy Foreign Minister (Ion Rusu): [Translated from Romanian] Thank you. Our course is our own.

Question (Dniester Wire): Mr Lunde, will the Alliance mediate?

DEPUTY ASSISTANT SECRETARY GENERAL LUNDE: Thank you for the question. We are not a mediator.

Question (Chisinau Daily): Minister, will Moldova apply?

Deputy Foreign Minister (Ion Rusu): Not this year.

Question (Dniester Wire): And Russia?

NATO Deputy Secretary General (Hendrik Lunde): Russia has no veto over Moldova's choices.
"""


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("Thank you, Minister.", ("interviewee", "NATO")),
        ("The door remains open", ("interviewee", "NATO")),
        ("[Translated from Romanian] Thank you.", ("interviewee", "Moldova-other")),
        ("Thank you for the question.", ("interviewee", "NATO")),
        ("We are not a mediator.", ("interviewee", "NATO")),
        ("Mr Lunde, will the Alliance", ("interviewer", "media")),
        ("Russia has no veto", ("interviewee", "NATO")),
    ],
)
def test_an_official_transcripts_titled_labels(start, expected):
    out = attribute(PRESS_POINT, clean(PRESS_POINT).units, genre="press_release", date=dt.date(2016, 5, 2))
    rows = {PRESS_POINT[s.start : s.end]: (s.speaker_role, s.holder) for s in out}
    role, holder = next(v for k, v in rows.items() if k.startswith(start))
    assert (role, holder) == (expected[0], expected[1].split("-")[-1])


def test_a_title_that_asks_is_the_headline_not_a_question_the_introduction_answers():
    raw = ("Crossroads: is Georgia still on the road to NATO?\n\n"
           "Recorded in Tbilisi. Dana Whitcombe moderated; the guests were Pieter Langeveld, a senior NATO official, "
           "and Nino Beridze, a deputy minister of Georgia.\n\n"
           "Dana Whitcombe: Mr Langeveld, is the door open?\n\nPieter Langeveld: We support Georgia's reforms.\n\n"
           "Dana Whitcombe: Ms Beridze?\n\nNino Beridze: We brief our partners every month.\n\n"
           "Dana Whitcombe: And Moscow?\n\nPieter Langeveld: It has no veto.\n\nNino Beridze: It has no say.\n")
    rows = {text: (role, holder) for text, role, holder in _coded(raw, "interview")}
    assert rows["Crossroads: is Georgia still on the road to NATO?"] == ("headline", "media")
    assert rows["Recorded in Tbilisi."] == ("narrator", "media")
    assert rows["We support Georgia's reforms."] == ("interviewee", "NATO")
    assert rows["We brief our partners every month."] == ("interviewee", "other")


def test_an_explainers_questions_are_its_sub_headings_and_the_paragraphs_under_them_its_narration():
    raw = ("Explainer: What NATO can do for Moldova\n\nMoldova's ties with the Alliance are older than many assume.\n\n"
           "Is Moldova trying to join NATO?\n\nNot at present. Its officials say they are not seeking a place.\n\n"
           "Does NATO mediate in Transnistria?\n\nFormally, no. The talks have their own format.\n\n"
           "What about Russia?\n\nRussia keeps troops in Transnistria.\n")
    rows = {text: (role, holder) for text, role, holder in _coded(raw, "news")}
    assert rows["Is Moldova trying to join NATO?"] == ("narrator", "media")
    assert rows["Not at present."] == ("narrator", "media")
    assert rows["Formally, no. The talks have their own format."] == ("narrator", "media")


# Invented for the twenty-second session (2026-12-06).
CHAIRED_HEARING = (
    "Hearing on the South Caucasus: verbatim extract\n\n"
    "Brussels, 4 May 2015 – Extract from the record of a committee hearing.\n\n"
    "The Chair: I welcome our witnesses: Mr Marek Rudnicki, deputy to NATO's liaison officer for the South "
    "Caucasus; Ambassador Lale Guliyeva of Azerbaijan; and Dr Ana Beridze of a Tbilisi institute. Mr Rudnicki, you "
    "have the floor.\n\n"
    "Mr Rudnicki: Thank you, Chair. We support the mediators fully.\n\n"
    "The Chair: Ambassador Guliyeva.\n\n"
    "Ambassador Guliyeva: Our land must be returned. Our partners should say so.\n\n"
    "The Chair: Dr Beridze.\n\n"
    "Dr Beridze: The door agreed for Georgia must stay open.\n\n"
    "The Chair: Mr Rudnicki, a last word.\n\n"
    "Mr Rudnicki: The Alliance will not mediate.\n"
)


def test_a_chair_who_lists_the_witnesses_with_their_posts_gives_each_label_its_side():
    rows = _coded(CHAIRED_HEARING, "interview")
    assert [h for t, _, h in rows if t.startswith(("Thank you, Chair", "We support", "The Alliance"))] == ["NATO"] * 3
    assert [h for t, _, h in rows if t.startswith(("Our land", "Our partners"))] == ["Azerbaijan", "Azerbaijan"]


BILINGUAL = (
    "Deputy minister and NATO envoy meet the press\n\n"
    "YEREVAN, 4 May 2015 – Transcript of the joint press conference; the Deputy Minister spoke in Armenian.\n\n"
    "Moderator: Good afternoon. The Deputy Minister will begin.\n\n"
    "ARAKELYAN [Interpretation]: Thank you. Armenia is not seeking to join the Alliance.\n\n"
    "RUDNICKI: Thank you, Deputy Minister. We respect that choice.\n\n"
    "Question (Ani Sargsyan, Yerevan Daily): Deputy Minister, will you buy Russian air defences?\n\n"
    "ARAKELYAN [in English]: We are discussing it. Russia is our ally.\n"
)


def test_a_speaker_label_with_a_note_on_the_language_is_that_speakers_and_the_note_goes_to_the_ledger():
    cleaned = clean(BILINGUAL)
    rows = _coded(BILINGUAL, "interview")
    speakers = {t: r for t, r, _ in rows}
    assert speakers["Armenia is not seeking to join the Alliance."] == "interviewee"
    assert speakers["We are discussing it."] == "interviewee"
    removed = " ".join(BILINGUAL[a:b] for a, b, _ in cleaned.removed)
    assert "[Interpretation]" in removed and "[in English]" in removed
    assert {u.who for u in cleaned.units if u.label == "speaker"} == {"ARAKELYAN", "RUDNICKI"}


COLONEL = (
    "'Working together is no ticket to join'\n\n"
    "The Estonian colonel who leads NATO's training team in Baku has spent two years at the War College. "
    "The Kura Post spoke to him before his tour ends.\n\n"
    "ANNA KOVAL: Colonel, what does your team do?\n\n"
    "RUDNICKI: We help the college build its own courses. We do not write anyone's doctrine.\n\n"
    "ANNA KOVAL: Is this a step towards membership?\n\n"
    "RUDNICKI: It is not. Nobody at headquarters pretends that it is.\n\n"
    "Colonel Marek Rudnicki returns to Tallinn in December.\n"
)


def test_a_guest_presented_by_a_post_in_a_relative_clause_keeps_its_side_after_a_closing_line_names_him():
    rows = {t: h for t, r, h in _coded(COLONEL, "interview") if r == "interviewee"}
    assert rows["We help the college build its own courses."] == "NATO"
    assert rows["Nobody at headquarters pretends that it is."] == "NATO"


OUTLET_AND_INITIALS = (
    "Russian diplomat warns against new dividing lines\n\n"
    "Baku, 4 May 2015. Kura Wire spoke to Oleg Vetrov, a counsellor at the Russian Embassy in Baku.\n\n"
    "Kura Wire: Azerbaijani officers now train to NATO standards. Does that worry Moscow?\n\n"
    "O.V.: Not at all. We have excellent relations with Baku.\n\n"
    "Kura Wire: Is Georgia's bid a red line?\n\n"
    "O.V.: We said so at the time. Nothing has changed.\n"
)


def test_an_outlets_name_in_ordinary_case_asks_beside_a_guests_initials_in_capitals():
    rows = _coded(OUTLET_AND_INITIALS, "interview")
    roles = {t: (r, h) for t, r, h in rows}
    assert roles["Does that worry Moscow?"] == ("interviewer", "media")
    assert roles["Is Georgia's bid a red line?"] == ("interviewer", "media")  # its label in the ledger
    assert roles["We have excellent relations with Baku."] == ("interviewee", "Russia")
    assert roles["Nothing has changed."] == ("interviewee", "Russia")


CREDITED = (
    "'Our alliance and our partnership do not collide'\n\n"
    "Q: Does the protocol with Turkey change how Armenia looks at the Alliance?\n\n"
    "A: Not directly. Our cooperation with NATO was never tied to Ankara.\n\n"
    "Q: How do you square that with the base in Gyumri?\n\n"
    "A: There is nothing to square. Our security rests on more than one pillar.\n\n"
    "_Interview by Anush Petrosyan in Yerevan. Her guest was Davit Arakelyan, Armenia's deputy minister of "
    "defence._\n\n"
    "© 2009 Ararat Observer\n"
)


def test_a_closing_credit_that_names_the_guest_and_a_post_gives_the_answers_and_the_copyright_goes_to_the_ledger():
    cleaned = clean(CREDITED)
    assert any(CREDITED[a:b].startswith("© 2009") for a, b, _ in cleaned.removed)
    rows = {t: (r, h) for t, r, h in _coded(CREDITED, "interview")}
    assert rows["Our cooperation with NATO was never tied to Ankara."] == ("interviewee", "Armenia")
    assert rows["Our security rests on more than one pillar."] == ("interviewee", "Armenia")


OWN_POST = (
    "'We are not in the business of recruiting'\n\n"
    "KURA PRESS: Armenia chose the Customs Union last month. Did that surprise NATO?\n\n"
    "ANNA LIND: Less than it surprised some of my friends. As the Alliance's liaison officer here, I can tell you "
    "that our partnership was never a contest with Moscow.\n\n"
    "KURA PRESS: Will Armenia ever apply?\n\n"
    "ANNA LIND: Armenians decide for themselves how close they come.\n"
)


def test_a_guest_who_gives_her_own_post_in_the_first_person_speaks_for_its_actor():
    rows = {t: (r, h) for t, r, h in _coded(OWN_POST, "interview")}
    assert rows["Armenians decide for themselves how close they come."] == ("interviewee", "NATO")


TWO_IN_THE_LEAD = (
    "Baku wants the Alliance to say 'occupied'\n\n"
    "BAKU, 30 May 2011 – Leyla Aliyeva, the Review's diplomatic editor, and Rauf Karimov, who has run Azerbaijan's "
    "dialogue with NATO at the foreign ministry since 2009, met in the ministry's library.\n\n"
    "Q: Does joining the movement close the door to NATO?\n\n"
    "A: There was never a door we were trying to walk through. Our course is balance.\n"
)


def test_a_lead_that_names_the_editor_and_the_guest_gives_the_answers_to_the_guest():
    rows = {t: (r, h) for t, r, h in _coded(TWO_IN_THE_LEAD, "interview")}
    assert rows["Our course is balance."] == ("interviewee", "Azerbaijan")


def test_initials_with_a_particle_and_a_moderators_initials_label_the_right_turns():
    """Invented by the team (2026-12-06): "AdW:" is Anne de Wit, "JP:" the moderator Jan Pekkala."""
    raw = ("Two voices on the open door\n\nBRUSSELS – We brought together Anne de Wit, a senior adviser to the EU's "
           "special representative for the region, and Ivan Orlov, a counsellor at Russia's mission to the EU. The "
           "conversation was moderated by Jan Pekkala.\n\n"
           "JP: Anne, let me start with you. What does the war change for the region?\n\n"
           "AdW: It changes the atmosphere completely.\n\n"
           "JP: Ivan, the same question.\n\n"
           "IO: Moscow warned for twenty years.\n\n"
           "JP: Anne, does the EU accept that?\n\n"
           "AdW: No. Countries apply, or they do not.\n\n"
           "JP: We will have to leave it there. Thank you both.\n")
    rows = {raw[s.start : s.end]: (s.speaker_role, s.holder)
            for s in attribute(raw, clean(raw).units, genre="interview", date=dt.date(2014, 4, 9))}
    assert rows["Anne, let me start with you."] == ("interviewer", "media")
    assert rows["Thank you both."] == ("interviewer", "media")
    assert rows["It changes the atmosphere completely."] == ("interviewee", "EU")
    assert rows["Moscow warned for twenty years."] == ("interviewee", "Russia")


def test_numbered_q_and_a_labels_mark_the_turns_and_a_questions_statement_stays_the_press():
    """Invented by the team (2026-12-06): written answers printed as "Q1. …" and "A1. …"."""
    raw = ("Written answers from the liaison office\n\nThe Kura Ledger sent its questions to Marek Rudnicki, NATO's "
           "liaison officer for the South Caucasus.\n\n"
           "Q1. And Georgia? The promise your Allies made is old now.\n\n"
           "A1. Nobody has taken it back. The door stays open.\n\n"
           "Q2. What about the talks?\n\n"
           "A2. We support the mediators fully.\n")
    rows = {t: (r, h) for t, r, h in _coded(raw, "interview")}
    assert rows["The promise your Allies made is old now."][0] == "interviewer"
    assert rows["Nobody has taken it back."] == ("interviewee", "NATO")
    assert rows["We support the mediators fully."] == ("interviewee", "NATO")
    assert [raw[a:b] for a, b, why in clean(raw).removed if why == "turn_marker"] == ["Q1. ", "A1. ", "Q2. ", "A2. "]


def test_a_guest_who_spoke_to_the_reporter_answers_under_the_initials_of_the_name_the_lead_gave():
    """Invented by the team (2026-12-06): the guest "spoke to" the reporter; both are labelled by initials."""
    raw = ("Fields and fences\n\nTomas Vidmar spoke to Ilse Brandt in Tbilisi, a week after the talks.\n\n"
           "IB: Four days of talks, and then a truce. Who won?\n\n"
           "TV: Nobody did. The Alliance keeps its door open.\n\n"
           "IB: And Moscow? Do you trust it?\n\n"
           "TV: We talk to Moscow every week.\n")
    rows = {raw[s.start : s.end]: (s.speaker, s.speaker_role)
            for s in attribute(raw, clean(raw).units, genre="interview", date=dt.date(2016, 5, 12))}
    assert rows["Who won?"][1] == "interviewer"
    assert rows["Nobody did."] == ("Tomas Vidmar", "interviewee")
    assert rows["We talk to Moscow every week."] == ("Tomas Vidmar", "interviewee")


@pytest.mark.parametrize(
    ("closing", "holder"),
    [
        ("Rudnicki left for Yerevan the same evening.", "media"),
        ("The interview has been edited for length.", "media"),
        ("Rudnicki said he would return in May.", "NATO"),  # the guest's words told in the third person: still his
    ],
)
def test_a_paragraph_after_the_last_answer_that_tells_of_the_guest_is_the_reports(closing, holder):
    """Invented by the team (2026-12-06): dash-led questions, unlabelled answers, then one closing paragraph."""
    raw = _interview(lambda q: f"— {q}") + "\n" + closing + "\n"
    rows = _coded(raw, "interview")
    assert next(h for t, _, h in rows if t == closing) == holder
