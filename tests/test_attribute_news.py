"""News-agency attribution, one invented article per error class of issue 13 (no text of ours).

Each case asserts the speaker, role and holder of named sentences; the people are invented
and introduced only by title, apposition or place, never through the registry.
"""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_lib.pipeline.actors import registry
from corpus_lib.pipeline.attribute import attribute
from corpus_lib.pipeline.clean import clean
from corpus_lib.pipeline.speakers import affiliation, introduced, name_words
from corpus_lib.pipeline.trailing import trailing_who

ARTICLE = """Marsh: Ukraine will join the Alliance

YEREVAN, May 12 (Agency) – There can be no military solution to the conflict, Mr John Marsh, NATO's Special Representative for the region, told reporters in Yerevan on Tuesday.

Negotiations are the only way forward, he added. He noted that the Minsk Group remains the only format for the talks. According to him, both sides must respect the ceasefire.

"We support every effort towards a peace agreement," Marsh said.

In Moscow, Foreign Ministry spokesman Oleg Petrenko said the visit was a provocation. "The Alliance should stay away from our borders," he said.

The Alliance has repeatedly voiced its preference for a negotiated settlement. Allies remain committed to the territorial integrity of both countries.

A senior NATO official, speaking on condition of anonymity, said the talks would resume in June. The Alliance's deputy chief told journalists that the door remains open.

"The Caucasus needs patience. The Allies will not take sides.

"We will keep talking to everyone," said NATO spokesperson Anna Berg.

Separatists seized the region in a war that killed thousands. The conflict erupted in 1988.
"""


@pytest.fixture(scope="module")
def rows():
    sentences = attribute(ARTICLE, clean(ARTICLE).units, genre="news", date=dt.date(2015, 5, 12))
    return {ARTICLE[s.start : s.end]: (s.speaker, s.speaker_role, s.holder) for s in sentences}


def _row(rows, start: str):
    return next(v for k, v in rows.items() if k.startswith(start))


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("Marsh: Ukraine", ("John Marsh", "headline", "NATO")),  # the name's side comes from the article
        ("YEREVAN, May 12", ("John Marsh", "quoted", "NATO")),  # trailing attribution after an apposition
        ("Negotiations are the only way", ("John Marsh", "quoted", "NATO")),  # "he added"
        ("He noted that", ("John Marsh", "quoted", "NATO")),
        ("According to him", ("John Marsh", "quoted", "NATO")),
        ('"We support every effort', ("John Marsh", "quoted", "NATO")),  # the surname alone
        ("In Moscow, Foreign Ministry spokesman", ("Oleg Petrenko", "quoted", "Russia")),  # the place's state
        ('"The Alliance should stay away', ("Oleg Petrenko", "quoted", "Russia")),
        ("The Alliance has repeatedly voiced", ("narrator", "narrator", "NATO")),  # the institution as subject
        ("Allies remain committed", ("narrator", "narrator", "NATO")),
        ("A senior NATO official", ("A senior NATO official", "quoted", "NATO")),
        ("The Alliance's deputy chief told", ("The Alliance's deputy chief", "quoted", "NATO")),
        ('"The Caucasus needs patience.', ("Anna Berg", "quoted", "NATO")),  # a quotation over two paragraphs
        ("The Allies will not take sides.", ("Anna Berg", "quoted", "NATO")),
        ('"We will keep talking', ("Anna Berg", "quoted", "NATO")),
        ("Separatists seized the region", ("narrator", "narrator", "media")),  # background
        ("The conflict erupted in 1988.", ("narrator", "narrator", "media")),
    ],
)
def test_news_sentences_go_to_their_source(rows, start, expected):
    speaker, role, holder = _row(rows, start)
    assert (role, holder) == expected[1:]
    assert speaker.lower().endswith(expected[0].lower().split()[-1]) or speaker == expected[0]


INTERVIEW = """Karen Ohanyan: "Our partnership with NATO is not directed against anyone"

BAKU, 3 March 2011 /Agency/ – Armenia's Deputy Defence Minister Karen Ohanyan answered the questions of the agency.

– How do you assess the partnership?

We are satisfied with the dialogue. Membership is not on our agenda.

– And relations with Moscow?

Russia remains our strategic ally.
"""


def test_a_dash_interview_gives_the_answers_to_the_interviewee_introduced_below_the_headline():
    sentences = attribute(INTERVIEW, clean(INTERVIEW).units, genre="interview", date=dt.date(2011, 3, 3))
    got = {INTERVIEW[s.start : s.end]: (s.speaker_role, s.holder) for s in sentences}
    assert got["We are satisfied with the dialogue."] == ("interviewee", "Armenia")
    assert got["Russia remains our strategic ally."] == ("interviewee", "Armenia")
    assert next(v for k, v in got.items() if k.endswith("How do you assess the partnership?")) == ("interviewer", "media")
    assert next(v for k, v in got.items() if k.startswith("Karen Ohanyan:")) == ("headline", "Armenia")


@pytest.mark.parametrize(
    ("phrase", "holder"),
    [
        ("Russia's envoy to NATO", "Russia"),
        ("the NATO Secretary General's Special Representative for the region", "NATO"),
        ("a spokesman for the Russian Foreign Ministry", "Russia"),
        ("envoy to the Alliance", "NATO"),
        ("Georgia's deputy foreign minister", "other"),
    ],
)
def test_a_title_belongs_to_its_owner_not_its_target(phrase, holder):
    assert affiliation(phrase, registry(), dt.date(2015, 1, 1)) == holder


@pytest.mark.parametrize(
    ("run", "words"),
    [
        ("Azerbaijani Deputy Foreign Minister Elnur Gasimzade", ["Elnur", "Gasimzade"]),
        ("Mr John Marsh", ["John", "Marsh"]),
        ("South Caucasus", []),
        ("Minsk Group", []),
        ("May 3 (Agency) – The talks must resume", []),
    ],
)
def test_name_words(run, words):
    assert name_words(run) == words


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        ("Dialogue can continue, the Alliance said.", "the Alliance"),
        ("No solution by force, Anna Berg, NATO's envoy, told reporters in Baku.", "Anna Berg, NATO's envoy"),
        ("He said that the talks, which began in May, would go on.", None),
        ('"We are ready," he said, adding that the door was open.', None),
        ("In Minsk, Olga Rand, a spokeswoman for Belarus's cabinet, blamed the rebels for the shelling "
         "and said the neighbours should say so loudly.", None),
        ("Moldova will stay neutral, the country's deputy prime minister, Ion Vrabie, told a forum of partner "
         "states in Riga.", "the country's deputy prime minister, Ion Vrabie"),
        # invented 2026-12-06 (twenty-fourth session): a scene after the source's date, a source
        # that "signalled", and the source's own next clause after "but she"
        ("Talks should resume soon, a senior NATO envoy said on Monday, 3 June 2019, at the end of a tour of the region.",
         "a senior NATO envoy"),
        ("The bid remains years from a decision, a visiting official of the Alliance signalled on Friday.",
         "a visiting official of the Alliance"),
        ("Reforms have gone well, a NATO deputy spokeswoman, Ruta Kalnina, told students on Friday, but she called "
         "membership distant.", "a NATO deputy spokeswoman, Ruta Kalnina"),
    ],
)
def test_trailing_who(sentence, who):
    assert trailing_who(sentence) == who


UNNAMED_HEADLINE_INTERVIEW = """NATO envoy: dialogue with Baku will continue

BAKU, 9 June 2013 (Caspian Wire) – NATO's liaison officer for the South Caucasus, Tomas Lind, answered questions from our correspondent.

– Is the Alliance ready to help settle the conflict?

We support the mediators' efforts. The Alliance is not a mediator itself.
"""


def test_an_interview_without_a_name_in_its_headline_goes_to_the_person_the_lead_introduces():
    text = UNNAMED_HEADLINE_INTERVIEW
    sentences = attribute(text, clean(text).units, genre="interview", date=dt.date(2013, 6, 9))
    answers = [(s.speaker, s.holder) for s in sentences if s.speaker_role == "interviewee"]
    assert answers == [("Tomas Lind", "NATO"), ("Tomas Lind", "NATO")]


# Invented by the team for these tests (2026-12-05): a press-conference transcript whose turns
# open with speakers' names in capitals, and an interview whose questions are bare paragraphs.
TRANSCRIPT = """Envoy in Vantaa: talks go on

VANTAA, May 2, 2015 (Harbour Wire) – Below is the transcript of a press conference given by Mirela Ostrova, NATO's special representative for the region, and the Azerbaijani deputy minister Kamran Sadiqov.

MIRELA OSTROVA: Thank you all for coming. The Alliance supports the talks between the sides.

We will keep our partnership with both countries.

KAMRAN SADIQOV: Azerbaijan values this partnership.

REPORTER (Harbour Wire): Ms Ostrova, will NATO send observers?

OSTROVA: We have no such plan. That is for the sides and the mediators to decide.
"""

QUESTION_PARAGRAPHS = """Tove Hallin: "Our door stays open"

OSLO, June 3, 2016 (Fjord Press) – Tove Hallin, a NATO spokesperson, answered our questions.

How does NATO see the region?

We see partners who choose their own way.

Some analysts say the partnership has stalled. Is that fair?

It is not. Our work goes on every day.
"""


def _attributed(raw: str, genre: str = "news", date: dt.date = dt.date(2015, 5, 2)):
    """(speaker, role, holder) of each sentence of an invented text, keyed by its words, and the cleaning."""
    cleaned = clean(raw)
    out = attribute(raw, cleaned.units, genre=genre, date=date, reg=registry())
    return {" ".join(raw[s.start : s.end].split()): (s.speaker, s.speaker_role, s.holder) for s in out}, cleaned


def test_a_transcript_gives_each_turn_to_the_speaker_its_capital_label_names():
    rows, cleaned = _attributed(TRANSCRIPT)
    assert rows["Thank you all for coming."] == ("Mirela Ostrova", "interviewee", "NATO")
    assert rows["We will keep our partnership with both countries."] == ("Mirela Ostrova", "interviewee", "NATO")
    assert rows["Azerbaijan values this partnership."] == ("Kamran Sadiqov", "interviewee", "Azerbaijan")
    assert rows["Ms Ostrova, will NATO send observers?"][:2] == ("interviewer", "interviewer")
    assert rows["That is for the sides and the mediators to decide."] == ("Mirela Ostrova", "interviewee", "NATO")
    labels = [TRANSCRIPT[a:b] for a, b, reason in cleaned.removed if reason == "turn_marker"]
    assert labels == ["MIRELA OSTROVA: ", "KAMRAN SADIQOV: ", "REPORTER (Harbour Wire): ", "OSTROVA: "]


def test_capitals_naming_an_institution_open_no_turn():
    raw = "Summit ends\n\nBRUSSELS, May 2, 2015 – Leaders met.\n\nNATO: the door stays open, the communique said.\n"
    _, cleaned = _attributed(raw)
    assert [reason for *_, reason in cleaned.removed if reason == "turn_marker"] == []


def test_a_short_paragraph_ending_with_a_question_is_the_next_question():
    rows, _ = _attributed(QUESTION_PARAGRAPHS, genre="interview")
    assert rows["Some analysts say the partnership has stalled."][1] == "interviewer"
    assert rows["Is that fair?"][1] == "interviewer"
    assert rows["It is not."] == ("Tove Hallin", "interviewee", "NATO")


# Invented by the team (2026-12-05): attributions a wire report words in several ways.
SHAPES = """Talks in Karsova

KARSOVA, June 4, 2012 (Lake Wire) – The Alliance will not mediate in the conflict, Petra Lund, the NATO Secretary General's envoy for the region, who arrived in Karsova on Monday, told reporters on Tuesday.

No new format is needed, a NATO official said on Tuesday, as talks between the sides resumed.

An EU spokeswoman, Clara Maes, said the bloc backed the mediators.

Dmitri Orlov, a Karsova-based political analyst, said the visit changed little.

A senior NATO diplomat said the talks were useful. The diplomat acknowledged, however, that no breakthrough was near.
"""


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("KARSOVA, June 4", ("Petra Lund", "quoted", "NATO")),  # a relative clause between apposition and verb
        ("No new format is needed", ("a NATO official", "quoted", "NATO")),  # a scene after the attribution
        ("An EU spokeswoman, Clara Maes", ("Clara Maes", "quoted", "EU")),  # the title before the name
        ("Dmitri Orlov, a Karsova-based", ("Dmitri Orlov", "quoted", "other")),  # an analyst speaks for no actor
        ("The diplomat acknowledged, however", ("A senior NATO diplomat", "quoted", "NATO")),  # an aside after the subject
    ],
)
def test_wire_attributions_in_other_shapes(start, expected):
    rows, _ = _attributed(SHAPES, "news", date=dt.date(2012, 6, 4))
    assert _row(rows, start) == expected



# Invented by the team (2026-12-06): names that look like other words, and verbs of praise.
NAMES = """Envoy in Karsova

KARSOVA, May 4 (Lake Wire) - Jan Verhoef, NATO's special envoy for the region, held talks in Karsova on Tuesday.

Verhoef said the Alliance was not seeking a role of its own.

Sven Helling, a NATO deputy assistant secretary general, arrived in the capital later.

Helling said the partnership was useful, and the sides should keep talking.

The envoy also commended the progress of the army's reforms and noted that the partnership targets nobody.

Helling struck a more measured tone.

In Moscow, Foreign Ministry spokeswoman Irina Sokolova said the visit was a provocation.

Sokolova also lashed out at the Alliance, accusing it of "playing with fire".

NATO officials privately concede that the talks have stalled.
"""


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("Verhoef said", ("Jan Verhoef", "quoted", "NATO")),  # "Jan" is a first name, not January
        ("Helling said", ("Sven Helling", "quoted", "NATO")),  # a surname ending in -ing is no participle
        ("The envoy also commended", ("Jan Verhoef", "quoted", "NATO")),  # praise is a position
        ("Helling struck", ("Sven Helling", "quoted", "NATO")),  # a tone struck is a position
        ("Sokolova also lashed out", ("Irina Sokolova", "quoted", "Russia")),  # an attack in words is a position
        ("NATO officials privately concede", ("NATO officials", "quoted", "NATO")),  # a plural subject's verb
    ],
)
def test_names_that_look_like_other_words(start, expected):
    rows, _ = _attributed(NAMES, "news", date=dt.date(2012, 5, 4))
    assert _row(rows, start) == expected


# Invented by the team (2026-12-06): where a speaker stands, said around the name.
PLACES = """Karsova keeps its partnership

KARSOVA, 27 May 2011 – Azerbaijan's cooperation with NATO is unchanged, a presidential foreign policy aide said on Friday, days after the country joined a new grouping.

"We stay outside blocs," said the aide, Rauf Guliyev.

At Alliance headquarters, deputy spokesperson Katrin Auer said the open-door policy applies to everyone.
"""

GUEST = """Melkonyan: "Not on our desk"

Lake Review spoke to Arsen Melkonyan, an adviser to the foreign minister, in Yerevan on 12 March 2024.

Q: Is Armenia preparing to apply?

A: No. It is not on our desk.
"""


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("KARSOVA, 27 May", ("a presidential foreign policy aide", "quoted", "Azerbaijan")),  # "days after …" sets the scene
        ('"We stay outside', ("Rauf Guliyev", "quoted", "Azerbaijan")),  # the aide named later keeps that side
        ("At Alliance headquarters", ("Katrin Auer", "quoted", "NATO")),  # the place lead names the Alliance
    ],
)
def test_where_a_speaker_stands(start, expected):
    rows, _ = _attributed(PLACES, "news", date=dt.date(2011, 5, 27))
    assert _row(rows, start) == expected


def test_a_guest_set_in_a_city_after_the_title_speaks_for_its_state():
    rows, _ = _attributed(GUEST, "interview", date=dt.date(2024, 3, 12))
    assert _row(rows, "No. It is not") == ("Arsen Melkonyan", "interviewee", "Armenia")

# Invented by the team (2026-12-05): regional-agency copy with leads, bare titles and asides.
AGENCY = """Deputy Secretary General: door stays open

BAKU, October 14, 2013 (Caspian Report) – The Alliance's Deputy Secretary General Margit Lindqvist has met with Azerbaijan's deputy foreign minister in Baku.

Touching upon the conflict, Lindqvist said the Alliance supports a peaceful settlement.

In her words, the partnership is not directed against any third country.

As she put it, there is no military solution.

The deputy minister, for his part, informed the guest about the situation on the line of contact.

He underlined that the talks must go on.

Sources in the Azerbaijani Foreign Ministry told Caspian Report that a new round was planned.

"Both capitals want calm," said Aydin Karimli, a political scientist at a Baku university.

Lindqvist said the Alliance supported the talks. NATO would also continue its training courses.
"""


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # a deputy's title is not the office holder's: the name the lead gives is the speaker
        ("Deputy Secretary General: door", ("Deputy Secretary General", "headline", "NATO")),
        ("In her words", ("Margit Lindqvist", "quoted", "NATO")),
        ("As she put it", ("Margit Lindqvist", "quoted", "NATO")),
        # a bare title that does not fit the last speaker is someone new, of the dateline's state
        ("The deputy minister, for his part", ("The deputy minister", "quoted", "Azerbaijan")),
        ("He underlined", ("The deputy minister", "quoted", "Azerbaijan")),
        ("Sources in the Azerbaijani", ("Sources in the Azerbaijani Foreign Ministry", "quoted", "Azerbaijan")),
        ('"Both capitals want calm,"', ("Aydin Karimli", "quoted", "other")),  # an expert named after "said"
        ("NATO would also continue", ("Margit Lindqvist", "quoted", "NATO")),  # reported speech goes on
    ],
)
def test_regional_agency_shapes(start, expected):
    rows, _ = _attributed(AGENCY)
    assert _row(rows, start) == expected


def test_a_named_title_is_never_the_registry_office_holder_when_a_deputy_or_former_holds_it():
    reg = registry()
    date = dt.date(2016, 5, 1)
    assert reg.mentions("NATO Secretary General said", date)[0].kind == "title"
    for text in ("NATO Deputy Secretary General said", "the former Secretary General said"):
        assert {(m.kind, m.holder) for m in reg.mentions(text, date)} == {("institution", "NATO")}


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        ("Some Allies say the application cannot be considered now.", "NATO"),  # the Alliance's members
        ("Several Allies are still wary of any date.", "NATO"),
        ("Other Allies have been more careful.", "other"),  # set against a member named before
        ("Western capitals say the application cannot be considered now.", "other"),
        ("Armenia is still pressing for a role in the talks.", "Armenia"),  # a position in the progressive
        ("Baku, for its part, is not knocking on anyone's door.", "Azerbaijan"),
        ("Armenian diplomats in Vienna spent the winter urging the mediators to act.", "Armenia"),  # people of a place
        ("Yerevan has long pressed the mediators for a firmer answer.", "Armenia"),  # twenty-third session
        ("The Allies have once more put off a decision on Kyiv's request.", "NATO"),
        ("Yerevan stayed away from the bloc's summit again in November.", "Armenia"),
        ("A few voices in parliament now argue for an application.", "other"),  # nobody's side
        ("Yerevan used the summit to press for monitors on the border.", "Armenia"),  # an occasion used
        ("Baku seized on the meeting to repeat its demand for a withdrawal.", "Azerbaijan"),
        ("Two opposition figures asked aloud what the treaty was worth.", "other"),
        ("Georgian commentators have been debating what the summit changed.", "other"),
        ("Protesters denounced the deal as a betrayal.", "other"),
        ("Many in Baku believe the mediators have failed.", "Azerbaijan"),  # people of a place
        ("Azerbaijan pursues a balanced foreign policy.", "Azerbaijan"),  # a policy is a position
    ],
)
def test_narrated_subjects_that_hold_a_side(sentence, holder):
    rows, _ = _attributed(f"Headline\n\nLONDON, May 2, 2015 (Wire) – Talks went on.\n\n{sentence}\n")
    assert rows[sentence] == ("narrator", "narrator", holder)


# Invented by the team (2026-12-05): a dateline with full stops, a hyphenated surname, a name
# after the attribution's last comma, and a bare title met again.
MEETING = """Deputy minister meets envoy

LAKESIDE, 14 November 2019, KPA. Karsovia has no plans to join NATO, Deputy Foreign Minister Oren Valdi said at a meeting with the NATO Secretary General's Special Representative, Daria Kowalczyk-Holm.

Kowalczyk-Holm said the Allies supported the talks. She added that NATO respected Karsovia's choice.

Responding to the vote, a spokesperson for the Alliance said the decision was for Karsovia alone. "Our door remains open," the spokesperson said.
"""


def test_a_meeting_report_with_a_dateline_in_full_stops():
    rows, _ = _attributed(MEETING.replace("Karsovia", "Azerbaijan").replace("LAKESIDE", "BAKU"))
    assert _row(rows, "BAKU, 14 November 2019, KPA. Azerbaijan has no plans") == (
        "Oren Valdi", "quoted", "Azerbaijan"  # the dateline's state, for a title that names none
    )
    assert _row(rows, "Kowalczyk-Holm said") == ("Daria Kowalczyk-Holm", "quoted", "NATO")
    assert _row(rows, "She added") == ("Daria Kowalczyk-Holm", "quoted", "NATO")
    assert _row(rows, '"Our door remains open,"') == ("a spokesperson for the Alliance", "quoted", "NATO")


# Invented by the team (2026-12-05).
PRESS = """Rada vote draws replies

KYIV, December 24, 2014 (Wire) – The parliament voted on Tuesday.

In Kyiv, the presidential office welcomed the vote.

Russia's envoy to the Alliance was quoted by Russian media as saying that the vote threatened Russia's security.

The Secretary General dismissed the warnings.
"""


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ("In Kyiv, the presidential office", "other"),  # a state body speaks for the place's state
        ("Russia's envoy to the Alliance was quoted", "Russia"),
        ("The Secretary General dismissed", "NATO"),
    ],
)
def test_state_bodies_quoted_as_saying_and_dismissals(start, holder):
    rows, _ = _attributed(PRESS)
    assert _row(rows, start)[2] == holder


def test_a_moderator_who_mostly_asks_is_the_interviewer():
    raw = """Round table

BRUSSELS, May 2, 2015 (Wire) – A transcript.

NORA VALE: Welcome. Mr Berg, is the door open?

ANNA BERG: It is. We said so in Bucharest.

NORA VALE: And for Karsovia?

ANNA BERG: The door is open to all.

NORA VALE: Thank you both.
"""
    rows, _ = _attributed(raw, genre="interview")
    assert rows["Thank you both."][1] == "interviewer"
    assert rows["And for Karsovia?"][1] == "interviewer"
    assert rows["The door is open to all."][1] == "interviewee"



def test_a_vocative_opening_an_interviewers_sentence_is_not_its_subject():
    raw = """Interview

TBILISI, May 2, 2015 (Wire) – Nino Beridze, Georgia's deputy minister, answered our questions.

– Ms Beridze, the Allies have said again that Georgia will become a member. Is that enough?

It is a start.
"""
    rows, _ = _attributed(raw, genre="interview")
    assert rows["Ms Beridze, the Allies have said again that Georgia will become a member."][2] == "NATO"


def test_the_title_before_a_name_is_that_persons_not_another_speaker():
    raw = """Assistant Secretary General: no new role

YEREVAN, 22 April 2017 /Wire/. NATO will not mediate, NATO's Assistant Secretary General for Political Affairs Henrik Saelstad said.

"The Alliance supports the co-chairs," he said, answering a question.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, '"The Alliance supports') == ("Henrik Saelstad", "quoted", "NATO")


def test_a_transcript_speaker_nobody_introduced_holds_the_side_their_own_words_claim():
    raw = """Vale in Karsova: "The promise stands"

KARSOVA, May 2, 2015 (Wire) – Below is the transcript of the joint press conference.

NORA VALE: Thank you, Minister. Karsovia will be a member of this Alliance.

PAVEL DORN: We are grateful to our friends. Our future is in NATO.

REPORTER (Wire): Ms Vale, when?

VALE: That is for the Allies and for Karsovia to decide.
"""
    rows, _ = _attributed(raw)
    assert rows["Karsovia will be a member of this Alliance."] == ("Nora Vale", "interviewee", "NATO")
    assert rows["That is for the Allies and for Karsovia to decide."] == ("Nora Vale", "interviewee", "NATO")
    assert rows["Our future is in NATO."] == ("Pavel Dorn", "interviewee", "other")


def test_trailing_who_skips_a_met_persons_name_and_a_date_after_the_source():
    sentence = ("Membership is not on the agenda, Deputy Foreign Minister Oren Valdi said at a meeting with "
                "NATO's envoy, Anna Berg, on Tuesday.")
    assert trailing_who(sentence) == "Deputy Foreign Minister Oren Valdi"


def test_an_unaffiliated_source_reports_the_position_of_the_actor_the_sentence_is_about():
    raw = """Ministers meet

LONDON, Aug 20, 2008 (Wire) – Talks went on.

NATO foreign ministers agreed to put contacts with Moscow on hold, diplomats said.

The weather was fine, diplomats said.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "NATO foreign ministers agreed")[2] == "NATO"
    assert _row(rows, "The weather was fine")[2] == "other"


def test_a_bare_title_finds_the_person_introduced_with_the_same_title_words():
    raw = """Envoys meet

LONDON, April 1, 2014 (Wire) – Russia's actions are a threat, the Alliance's deputy chief told reporters.

The European Union imposed sanctions on Russian officials involved in the annexation.

Asked about membership, the deputy chief said it was a matter for Ukraine and the Allies.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "Asked about membership") == ("the Alliance's deputy chief", "quoted", "NATO")


def test_an_official_whose_title_names_no_state_speaks_for_the_state_the_sentence_is_about():
    raw = """Summit reactions

CHICAGO, 21 May 2012 /Kura News/ – Azerbaijan welcomes the summit's support for territorial integrity, Deputy Foreign Minister Oren Valdi said.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "CHICAGO, 21 May 2012") == ("Oren Valdi", "quoted", "Azerbaijan")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a capitalised word is a name's, not a verb: "States" does not report
        ("Talks mediated by France, Russia and the United States have produced little.", ("narrator", "media")),
        ("The United States had pushed for both countries to receive the plan.", ("narrator", "other")),
        ("Germany and France were reluctant to grant the plan.", ("narrator", "other")),  # a stance after "be"
        ("Moscow has reacted angrily to the vote.", ("narrator", "Russia")),
        ("Baku made no comment on the plan.", ("narrator", "Azerbaijan")),
        ("Russia is concerned about the exercises.", ("narrator", "Russia")),  # a stance, not a passive
        ("Russia was defeated in the vote.", ("narrator", "media")),  # a passive narrates
        # the setting of an interview is nobody's position
        ("Piet Vandermeer, NATO's liaison officer, answered the questions of Lake Wire.", ("narrator", "media")),
    ],
)
def test_narration_that_holds_or_does_not_hold_a_side(sentence, expected):
    rows, _ = _attributed(f"Headline\n\nLONDON, May 2, 2015 (Wire) – Talks went on.\n\n{sentence}\n")
    assert (rows[sentence][1], rows[sentence][2]) == expected


def test_he_after_an_official_known_only_by_title_is_that_official():
    raw = """Envoy speaks

OSLO, March 4, 2011 (Wire) – The Alliance will not mediate, a senior NATO official said on Friday.

Latvia's minister, Rita Ozola, said the talks must go on. "We want clear words," she said.

The official said the door remained open. "Every country chooses its own path," he said.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, '"Every country chooses')[2] == "NATO"


def test_a_short_quoted_paragraph_inside_the_body_goes_on_the_quotation():
    raw = """Talks go on

OSLO, March 4, 2011 (Wire) – "We are not at the table," said a senior NATO official.

"But we want the ceasefire to hold."
"""
    rows, _ = _attributed(raw)
    assert _row(rows, '"But we want')[1:] == ("quoted", "NATO")


def test_an_unlabelled_answer_after_a_dash_question_that_ends_on_a_statement():
    raw = """Interview

- Is the door open? Many doubt it.

Yes, it is. We decide together with the applicants.

- And the region? Both countries are partners.

We are not a party to the talks.
"""
    rows, _ = _attributed(raw, genre="interview")
    assert _row(rows, "We are not a party")[1] == "interviewee"


def test_a_dateline_closed_by_a_full_stop_before_the_day_gives_the_place():
    raw = """Aide rules out bid

Baku. 26 May. Lake Info. The country has no plans to join any bloc, the head of the presidential administration's foreign relations department Kamal Ruslanli told journalists.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "Baku. 26 May")[2] == "Azerbaijan"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an opposition politician, introduced by an apposition that opens with a bare title
        ("Omar Talib, deputy chairman of the opposition Green Path Party, called the move a mistake.", ("Omar Talib", "other")),
        ("Critics in Moscow note that the talks have stalled.", ("Critics in Moscow", "other")),
    ],
)
def test_a_governments_critics_hold_other_wherever_they_are(sentence, expected):
    rows, _ = _attributed(f"Headline\n\nBAKU, May 2, 2015 (Wire) – Talks went on.\n\n{sentence}\n")
    assert (rows[sentence][0], rows[sentence][2]) == expected


def test_a_surname_with_a_particle_capitalised_in_a_headline_finds_the_person():
    raw = """Van Dorne: the door stays open

OSLO, March 4, 2013 (Wire) – Piet van Dorne, NATO's special representative, said the Alliance keeps its promise.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "Van Dorne:") == ("Piet van Dorne", "headline", "NATO")


@pytest.mark.parametrize(
    "sentence",
    ["NATO stopped its practical cooperation with the council in the spring.", "The Alliance declined to grant the plan."],
)
def test_narrated_decisions_of_the_alliance_hold_nato(sentence):
    rows, _ = _attributed(f"Headline\n\nLONDON, May 2, 2015 (Wire) – Talks went on.\n\n{sentence}\n")
    assert rows[sentence][1:] == ("narrator", "NATO")


def test_a_name_introduced_by_a_bare_title_takes_the_side_of_that_title_before():
    raw = """Envoy urges deal

OSLO, Nov 9 (Wire) - NATO's special envoy for the region urged both sides on Thursday to conclude a deal, saying the Alliance stood ready to help.

"Now is the time," the envoy, Mira Tallen, told reporters.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, '"Now is the time') == ("Mira Tallen", "quoted", "NATO")
    assert _row(rows, "OSLO, Nov 9")[1:] == ("quoted", "NATO")  # ", saying …" goes on the subject's words


def test_he_or_she_after_a_titled_speaker_who_names_someone_else_is_that_speaker():
    raw = """Ministry briefing

Yerevan, May 5, 2015. Lake Info. The talks will go on, foreign ministry spokeswoman Ada Keshian told journalists.

The spokeswoman welcomed the statement of NATO's deputy envoy, Olaf Brandt, who had visited Baku. At the same time, she said that there is no alternative to peace.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "At the same time, she said")[2] == "Armenia"


def test_a_ministrys_press_service_holds_its_states_side():
    rows, _ = _attributed(
        "Headline\n\nLONDON, May 2, 2015 (Wire) – Talks went on.\n\n"
        "The press service of Azerbaijan's Foreign Ministry reported that the operation would continue.\n"
    )
    assert _row(rows, "The press service")[1:] == ("narrator", "Azerbaijan")


def test_press_labels_with_an_outlet_ask_and_the_capital_label_answers():
    raw = """Transcript

KOSTER: Good afternoon. We call on all parties to stop the fighting.

Journalist (Lake Wire): Is NATO taking sides?

KOSTER: Not at all. The Alliance does not take sides.
"""
    rows, _ = _attributed(raw, genre="interview")
    assert _row(rows, "Is NATO taking sides")[1] == "interviewer"
    assert _row(rows, "The Alliance does not take sides")[1] == "interviewee"
    assert _row(rows, "We call on all parties")[1] == "interviewee"  # not a press label, whose turns ask


def test_a_headline_that_quotes_first_names_its_speaker_after():
    raw = """"Moscow has torn up the rules," NATO official says in Oslo

OSLO, May 2, 2015 (Wire) – Talks went on.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, '"Moscow has torn up')[1:] == ("headline", "NATO")


@pytest.mark.parametrize(
    ("headline", "holder"),
    [
        ("Ukraine's bid outlived the crisis, Alliance official tells Kyiv", "NATO"),  # whom it tells: a capital
        ("Door stays open, NATO envoy tells reporters", "NATO"),
        ("Kyiv's bid is a provocation, Moscow warns Kyiv", "Russia"),
        ("Kyiv's bid still years away, Alliance official signals", "NATO"),  # a verb of hinting
        ("No invitation for Ukraine, NATO envoy tells Kyiv forum", "NATO"),  # whom it tells: a gathering
        ("At Tbilisi forum, NATO envoy says the road is long", "NATO"),  # a fronted place, then the source
        ("In Kyiv, Moscow hints at talks with the Allies", "Russia"),
        # invented by the team (2026-12-06, twenty-fifth session): a scene before an actor that
        # acts, and an expert's title alone after "says" with no quotation
        ("In Yerevan, NATO chief calls a treaty near and leaves membership to Armenians", "NATO"),
        ("After Crimea, NATO keeps Kyiv's bid waiting, says think-tank fellow", "other"),
    ],
)
def test_a_headline_that_paraphrases_first_names_its_source_and_whom_it_tells(headline, holder):
    rows, _ = _attributed(f"{headline}\n\nOSLO, May 2, 2015 (Wire) – Talks went on.\n")
    assert _row(rows, headline[:12])[1:] == ("headline", holder)


def test_an_official_who_answered_an_outlets_questions_states_no_position():
    sentence = "Ada Rinn, NATO's liaison officer, answered the Lake Herald's questions in Oslo."
    rows, _ = _attributed(f"Headline\n\nOSLO, May 2, 2015 (Wire) – Talks went on.\n\n{sentence}\n")
    assert rows[sentence][1:] == ("narrator", "media")


def test_the_ministry_after_a_states_ministry_speaks_for_that_state():
    raw = """Ministry statement

LONDON, May 2, 2015 (Wire) – The Azerbaijani foreign ministry said in a statement that peace was near. The ministry said Baku expected its partners to respect its borders.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "The ministry said Baku")[1:] == ("narrator", "Azerbaijan")


def test_a_passive_judgement_is_held_by_its_judge():
    raw = """Envoy criticises peacekeepers

OSLO, May 2, 2023 (Wire) – NATO's envoy Mira Tallen visited the region.

The peacekeepers were criticised by Tallen for failing to protect civilians.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "The peacekeepers were criticised")[1:] == ("narrator", "NATO")


def test_a_subordinate_clause_opening_the_sentence_names_nobody():
    sentence = "When Finland and Sweden applied to join NATO, the decision was welcomed in Brussels."
    rows, _ = _attributed(f"Headline\n\nLONDON, May 2, 2022 (Wire) – Talks went on.\n\n{sentence}\n")
    assert rows[sentence][0] != "When Finland"


def _layout_free(raw: str) -> list[tuple[str, str, str, str]]:
    """Each sentence's words (whitespace collapsed), speaker, role and holder."""
    out = attribute(raw, clean(raw).units, genre="news", date=dt.date(2015, 5, 12), reg=registry())
    return [(" ".join(raw[s.start : s.end].split()), s.speaker, s.speaker_role, s.holder) for s in out]


def _wrapped(raw: str, width: int = 60) -> str:
    import textwrap

    return "\n\n".join(textwrap.fill(p, width, break_on_hyphens=False, break_long_words=False) for p in raw.split("\n\n"))


@pytest.mark.parametrize(
    "layout",
    [
        pytest.param(_wrapped, id="hard-wrapped lines"),
        pytest.param(lambda raw: raw.replace("\n", "\r\n"), id="CRLF line ends"),
        pytest.param(lambda raw: _wrapped(raw).replace("\n", "\r\n"), id="wrapped with CRLF"),
    ],
)
def test_attribution_does_not_depend_on_line_layout(layout):
    assert _layout_free(layout(ARTICLE)) == _layout_free(ARTICLE)


def test_an_all_capitals_headline_is_read_like_the_same_words_in_ordinary_case():
    head, _, body = ARTICLE.partition("\n")
    shouted = _layout_free(head.upper() + "\n" + body)
    assert shouted[0][1:] == _layout_free(ARTICLE)[0][1:]  # "MARSH: UKRAINE …" is John Marsh's, NATO
    assert shouted[1:] == _layout_free(ARTICLE)[1:]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an outsider or a member state's diplomat is no actor's
        ("A Western diplomat in Baku said a truce brokered elsewhere would change little.", "other"),
        ("A diplomat from a NATO member state said the Alliance was wary.", "other"),
        # one placed at the Alliance itself is of an Ally's delegation there, unless a state names it
        # (invented by the team, 2026-12-06, twenty-fifth session)
        ("One European diplomat at NATO headquarters said the Allies had no appetite for a role.", "NATO"),
        ("A Russian diplomat at the Alliance's headquarters said talks went on every week.", "Russia"),
        # a state's unnamed official, set in its capital
        ("In Baku, a senior official who asked not to be named said the country would join no bloc.", "Azerbaijan"),
        # a government's negotiator on NATO is the government's
        ("Lena Orbeli, the government's chief negotiator on NATO, said the decision was historic.", "Azerbaijan"),
        # a source set off inside the sentence
        ("The drift towards the Alliance, officials in Moscow say, provoked the crisis.", "Russia"),
        # an actor's view without a speaking verb
        ("The Kremlin sees the Alliance's expansion as a threat.", "Russia"),
        ("Western governments have condemned the recognition.", "other"),
        # an unnamed source in Brussels speaks for NATO, unless it names the EU
        ("A diplomatic source in Brussels told the agency that the Alliance would not mediate.", "NATO"),
        ("An EU source in Brussels told the agency that the Union would host the talks.", "EU"),
        # a government's critics and unnamed others speak for nobody; "some in Baku" for the place's actor
        ("Opposition politicians in Tbilisi accuse the government of slowing the path to NATO.", "other"),
        ("Some in Europe say Georgia should wait until its conflicts are settled.", "other"),
        ("Some in Baku argue that Western capitals have taken sides.", "Azerbaijan"),
        # twenty-fifth session: politicians, MPs, activists and "many people here" of a place are nobody's
        ("Some MPs in Yerevan now say the country should apply to join NATO.", "other"),
        ("Many people here expect the Alliance to help end the occupation.", "other"),
        # a relative clause after a rank gives the post; a scene set before the subject is no title
        ("Deputy Foreign Minister Tofig Rzali, who led the Azerbaijani delegation, said Baku expected more.", "Azerbaijan"),
        # an office of the place's government; the spokesperson of the actor the sentence opens with
        ("In Yerevan, the prime minister's office said in a statement that Armenia remained committed to the treaty.", "Armenia"),
        ("The EU, which deployed a monitoring mission last year, welcomed the progress, a spokesperson for the bloc's foreign "
         "service said.", "EU"),
        # blaming is taking a position: the official of the place holds it, not the one blamed
        ("In Moscow, a Foreign Ministry spokeswoman blamed the Armenian leadership for the crisis.", "Russia"),
        # an aside after the subject is no speaker; a title addressed in a question is no subject
        ("A NATO official in Brussels, asked about the minister's remarks, said the Alliance respected the choice.", "NATO"),
        ("Secretary General, officials in Baku have said that NATO applies double standards.", "Azerbaijan"),
        # "the United States" and "Armenian-backed" hold no verb: background, the outlet's
        ("The OSCE Minsk Group, co-chaired by France, Russia and the United States, has mediated since 1992.", "media"),
        ("Armenian-backed forces have controlled the region since a 1994 ceasefire.", "media"),
        # joining dated by its year only is background; dated to a day it is the news, the actor's
        ("Finland joined NATO in 2023, bringing the number of Allies to 31.", "media"),
        ("Finland joined NATO on Tuesday, bringing the number of Allies to 31.", "other"),
        # a visit set off between the subject and its verb
        ("The Alliance's special representative for the Caucasus and Central Asia, visiting Yerevan last week, "
         "said NATO was ready to help.", "NATO"),
    ],
)
def test_newspaper_shapes_of_attribution(sentence, expected):
    rows, _ = _attributed(f"Headline\n\nBAKU, May 2, 2015 (Wire) – Talks went on.\n\n{sentence}\n")
    assert rows[sentence][2] == expected


def test_a_relative_clause_that_gives_a_post_introduces_the_person():
    raw = """Ministers meet

BAKU, May 2, 2015 (Wire) – NATO's envoy Piet Olsen said the Alliance would not mediate.

Kamal Rzayev, who heads the foreign ministry's Euro-Atlantic department, took a different line. "Our land is occupied," he said.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, '"Our land is occupied') == ("Kamal Rzayev", "quoted", "Azerbaijan")


def test_a_commentary_in_the_first_person_is_its_authors():
    raw = """Let Georgia in

Ten years ago I sat in the press gallery and watched the Allies make a promise.

I remember thinking that the words were doing a great deal of work. Every summit produces the same formula.

Mira Holst is a senior fellow at an institute for European security.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "Every summit produces")[1:] == ("narrator", "other")
    plain, _ = _attributed(raw.replace("I sat", "reporters sat").replace("I remember thinking", "Few doubted")
                           .replace("\n\nMira Holst is a senior fellow at an institute for European security.", ""))
    assert _row(plain, "Every summit produces")[1:] == ("narrator", "media")  # no first person, no author note
    feature, _ = _attributed(raw.replace("Mira Holst is a senior fellow at an institute for European security.", "The queue had not moved."))
    assert _row(feature, "Every summit produces")[1:] == ("narrator", "media")  # a reporter's feature is the outlet's


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("According to the press service of the Ministry of Foreign Affairs, the country values the partnership.",
         ("narrator", "narrator", "Azerbaijan")),  # a body's words are narrated, its state's
        ("The talks went well, the parliament's press service reports.", ("narrator", "narrator", "Azerbaijan")),
        ("Tural Vahidli, who heads the foreign ministry's Euro-Atlantic department, took a different line.",
         ("Tural Vahidli", "quoted", "Azerbaijan")),
    ],
)
def test_bodies_and_departments_of_a_state(sentence, expected):
    rows, _ = _attributed(f"Headline\n\nBAKU, May 2, 2015 (Wire) – Talks went on.\n\n{sentence}\n")
    assert rows[sentence] == expected


def test_statements_and_meetings_reported_by_an_agency():
    raw = """Ministry statement

MOSCOW, Apr 7 (Wire) – Meanwhile, the Russian Foreign Ministry, in a statement released on Monday, 7 April 2008, called the decision a mistake. Moscow, the statement said, will take the necessary measures.

YEREVAN, Oct 2 (Wire) – The foreign minister of Armenia, Ani Sargsian, received on Wednesday the Alliance's coordinator for reform, Lars Holm. During the meeting, the sides discussed the partnership plan.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "MOSCOW, Apr 7")[2] == "Russia"
    assert _row(rows, "Moscow, the statement said")[2] == "Russia"
    assert _row(rows, "During the meeting")[2] == "Armenia"


def test_agency_lead_ins_and_headline_tags():
    raw = """"The door remains open to Moldova" - Alliance official

CHISINAU, May 2, 2015 (Wire) – Talks went on.

Note that Russian Foreign Ministry officials called the decision a mistake. To recall, NATO suspended formal meetings of the council in 2014.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, '"The door remains open')[1:] == ("headline", "NATO")
    assert _row(rows, "Note that Russian")[2] == "Russia"
    assert _row(rows, "To recall, NATO")[1:] == ("narrator", "media")  # the agency's background


@pytest.mark.parametrize(
    "headline", ["Georgia will become a member, Allies promise in Bucharest", "GEORGIA WILL BECOME A MEMBER, NATO LEADERS PROMISE"]
)
def test_a_headline_that_names_its_source_with_a_verb_of_promise_is_that_sources(headline):
    rows, _ = _attributed(f"{headline}\n\nBUCHAREST, April 3 (Wire) – Leaders met on Thursday.\n")
    assert rows[headline][2] == "NATO"


def test_a_scene_set_after_the_attribution_keeps_the_speaker_for_the_next_quote():
    raw = ("Headline\n\nYEREVAN, May 2 (Wire) – Armenia has no plans to apply, Armenia's deputy foreign minister said on "
           "Thursday, even as the country froze its role in the bloc.\n\n\"Membership is not on our agenda,\" he told a briefing.\n")
    rows, _ = _attributed(raw)
    assert rows['"Membership is not on our agenda," he told a briefing.'][2] == "Armenia"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a desk named for NATO inside a state's ministry is the state's; the state ends the title
        ("Baku wants a clearer position, a senior official of the NATO department of the Ministry of Foreign Affairs "
         "of Azerbaijan Elnur Rasulov said to the agency.", ("Elnur Rasulov", "Azerbaijan")),
        # a full date after the attribution only dates it
        ("Both sides have a chance to sign a treaty, NATO's partnerships coordinator for the region, Ilkka Rautio, "
         "said in Baku on Saturday, 16 March 2024.", ("Ilkka Rautio", "NATO")),
        # "a day after X announced …" sets the scene; the subject holds the sentence
        ("The European Union and NATO on Thursday urged restraint, a day after Baku announced the end of its operation.",
         ("narrator", "EU")),
        # "…", saying that …: the narration goes on, the subject holds the quotation
        ('Moscow also warned Yerevan against "flirting with the West", saying that its security '
         '"cannot be guaranteed by anyone except its allies".', ("narrator", "Russia")),
    ],
)
def test_attributions_with_a_desk_a_date_or_a_scene_after_them(sentence, expected):
    rows, _ = _attributed(f"Headline\n\nBRUSSELS, May 2 (Wire) – Talks went on.\n\n{sentence}\n")
    assert (rows[sentence][0], rows[sentence][2]) == expected


def test_the_diplomat_after_ministers_of_the_alliance_is_the_last_person_named():
    raw = ("Headline\n\nMOSCOW, April 2 (Wire) – The freeze is a mistake, a deputy director of the Russian Foreign "
           "Ministry's information department, Oleg Vetrov, said on Wednesday.\n\nAlliance foreign ministers on Tuesday "
           "halted practical cooperation with Moscow.\n\nAnswering a question on the region, the diplomat said Russia "
           "would go on mediating.\n")
    rows, _ = _attributed(raw)
    assert rows["Answering a question on the region, the diplomat said Russia would go on mediating."][2] == "Russia"


READOUT = """Deputy minister receives NATO delegation

Baku, 14 March, Agency. Azerbaijan's deputy foreign minister today received a delegation led by the Director for Partnerships at NATO headquarters, Lena Strand.

During the meeting, the sides discussed the state of cooperation between Azerbaijan and NATO.

It was noted that Azerbaijan attaches great importance to its partnership with the Alliance.

At the same time, it was stressed that the talks on a peace treaty must continue.

Special attention was paid to the settlement of the conflict.

Strand said that NATO supports the territorial integrity of its partners.
"""


def test_a_readout_of_a_visit_is_held_by_the_host_and_its_passive_reports_too():
    rows, _ = _attributed(READOUT)
    holders = {text[:30]: row[2] for text, row in rows.items()}
    assert holders["Baku, 14 March, Agency. Azerba"] == "Azerbaijan"
    assert holders["During the meeting, the sides "] == "Azerbaijan"
    assert holders["It was noted that Azerbaijan a"] == "Azerbaijan"
    assert holders["At the same time, it was stres"] == "Azerbaijan"
    assert holders["Special attention was paid to "] == "Azerbaijan"
    assert holders["Strand said that NATO supports"] == "NATO"


def test_a_scene_set_before_the_subject_is_no_part_of_the_title():
    people = introduced("Speaking to reporters after meeting a visiting EU delegation, Deputy Foreign Minister Gor Mkrtich said "
                        "the alliance had failed.", registry(), dt.date(2022, 5, 2))
    assert [(p.name, p.title) for p in people] == [("Gor Mkrtich", "Deputy Foreign Minister")]


def test_initials_label_the_turns_of_the_guests_the_introduction_names():
    raw = """Two voices on the lake region

Lakeside Daily spoke to Ilona Brandvik, who heads the partnerships section in NATO's political affairs division, and Oren Talmi, director of the Baltic Policy Centre, a think tank in Tartu.

LD: Will the Alliance help with the lake?

I.B.: We stand ready to advise both governments on border security.

O.T.: The Allies will do very little, in my view.
"""
    rows, cleaned = _attributed(raw, genre="interview")
    assert _row(rows, "We stand ready") == ("Ilona Brandvik", "interviewee", "NATO")
    assert _row(rows, "The Allies will do") == ("Oren Talmi", "interviewee", "other")
    assert any(raw[a:b] == "I.B.: " for a, b, reason in cleaned.removed if reason == "turn_marker")


def test_questions_set_in_italics_are_the_press_turns_of_an_unlabelled_interview():
    raw = """Lake scholar: the border will hold

Oren Talmi is a professor of international law in Tartu. The Lakeside Daily reached him by phone.

*The ceasefire has held for a month. Will it last?*

It will. Both governments need it.

*And NATO?*

The Alliance stays outside the talks.
"""
    rows, cleaned = _attributed(raw, genre="interview")
    assert _row(rows, "Will it last?")[1:] == ("interviewer", "media")
    assert _row(rows, "It will.") == ("Oren Talmi", "interviewee", "other")
    assert _row(rows, "The Alliance stays") == ("Oren Talmi", "interviewee", "other")
    marks = [raw[a:b] for a, b, reason in cleaned.removed if reason == "turn_marker"]
    assert marks.count("*") == 4 and not any("*" in text for text in rows)


# Invented by the team (2026-12-05): positions given without a verb of saying ("In the
# Alliance's view, …", "As far as Moscow is concerned, …"), reporting idioms ("repeated that",
# "made clear", "played down", "declined to comment", "was more guarded") and an institution
# with a relative clause before its verb.
IDIOMS = """Envoy in Baku

BAKU, May 4 (Agency) - NATO envoy Karl Ostrand met officials in Baku on Monday.

The envoy repeated that the Alliance had no plans to mediate. The official made clear that NATO's approach had not changed. Ostrand declined to comment on arms sales. He also played down talk of rivalry with Moscow.

In the Alliance's view, both countries are partners of equal standing. As far as Moscow is concerned, its bases stay. In Brussels' eyes, the talks had stalled.

The Alliance, which counts both countries among its partners, has for years steered clear of any mediation role.

Opposition MP Arpine Vardanyan was less charitable about Moscow. The weather was more pleasant on Tuesday.
"""


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("The envoy repeated that", ("Karl Ostrand", "quoted", "NATO")),
        ("The official made clear", ("Karl Ostrand", "quoted", "NATO")),
        ("Ostrand declined to comment", ("Karl Ostrand", "quoted", "NATO")),
        ("He also played down", ("Karl Ostrand", "quoted", "NATO")),
        ("In the Alliance's view", ("narrator", "narrator", "NATO")),
        ("As far as Moscow is concerned", ("narrator", "narrator", "Russia")),
        ("In Brussels' eyes", ("narrator", "narrator", "NATO")),
        ("The Alliance, which counts", ("narrator", "narrator", "NATO")),
        ("Opposition MP Arpine Vardanyan", ("Arpine Vardanyan", "quoted", "other")),
        ("The weather was more pleasant", ("narrator", "narrator", "media")),
    ],
)
def test_positions_reported_without_a_verb_of_saying_and_reporting_idioms(start, expected):
    rows, _ = _attributed(IDIOMS)
    assert _row(rows, start) == expected


# Invented by the team (2026-12-05, eleventh session): an actor's adjective before a thing it owns.
OWNED_THING = """Defence talks in Karsova

KARSOVA, June 4, 2012 (Lake Wire) – Armenia's deputy defence minister Ivo Brel met a NATO delegation on Tuesday.

As the deputy minister informed, Armenia regards its partnership with the Alliance as important. It was emphasized that the Russian military base near the border remains a key element of the security system.

It was noted that Russian officials had welcomed the talks.
"""


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ("It was emphasized that the Russian military base", "Armenia"),  # the base takes no position
        ("It was noted that Russian officials", "Russia"),  # officials do
    ],
)
def test_a_thing_an_actor_owns_is_not_the_actor(start, holder):
    rows, _ = _attributed(OWNED_THING, "news", date=dt.date(2012, 6, 4))
    assert _row(rows, start)[2] == holder


def test_a_release_by_a_body_that_is_no_actor_is_that_bodys():
    raw = "Forum urges summit\n\nTbilisi, 18 May 2012 – The Lake Forum today called on Allied leaders to act. The summit opens on Sunday.\n"
    units = clean(raw).units
    out = attribute(raw, units, genre="press_release", source="Lake Forum (an association)", date=dt.date(2012, 5, 18),
                    reg=registry())
    assert {s.holder for s in out if s.speaker_role == "narrator"} == {"other"}
    for source in ("", "Lake Wire (an agency)"):  # no source, or an outlet: the outlet's
        out = attribute(raw, units, genre="press_release", source=source, date=dt.date(2012, 5, 18), reg=registry())
        assert {s.holder for s in out if s.speaker_role == "narrator"} == {"media"}


def test_a_title_starts_after_the_event_its_holder_takes_part_in():
    sentence = ("Cooperation between Armenia and NATO was discussed at the ministry during a meeting of Deputy Minister "
                "of Defence Ivo Brel with a delegation of the Alliance.")
    (person,) = introduced(sentence, registry(), dt.date(2012, 6, 4), place="Armenia")
    assert (person.name, person.title, person.holder) == ("Ivo Brel", "Deputy Minister of Defence", "Armenia")


# Invented by the team (2026-12-05, thirteenth session): two states' ministries in one story.
TWO_MINISTRIES = """Ministries spar over envoy's remarks

BAKU, May 4, 2015 (Lake Wire) – Azerbaijan welcomed remarks by a NATO envoy on Tuesday.

Meanwhile the Armenian foreign ministry called the envoy's words one-sided.

"We expect the Alliance to remain neutral," ministry spokeswoman Lusine Avetyan told reporters.

The ministry said the talks must continue.

The foreign ministry in Moscow also weighed in. The ministry accused the Alliance of meddling.
"""


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ('"We expect the Alliance', "Armenia"),  # the ministry named last, not the dateline's
        ("The ministry said the talks", "Armenia"),
        ("The ministry accused", "Russia"),  # the latest ministry of all
    ],
)
def test_a_bare_ministry_is_the_one_named_last_with_its_state(start, holder):
    rows, _ = _attributed(TWO_MINISTRIES, "news", date=dt.date(2015, 5, 4))
    assert _row(rows, start)[2] == holder


# Invented by the team (2026-12-05, thirteenth session): narrated wire copy with bodies as actors.
NARRATED_BODIES = """Delegation presses the Alliance

BRUSSELS, March 11, 2010 (Lake Wire) – An Azerbaijani defence delegation held talks at NATO headquarters on Thursday.

The delegation, headed by Deputy Defence Minister Orhan Valiyev, reviewed the partnership plan. Valiyev argued that mediation had produced nothing.

A NATO envoy, Ines Marlowe, said the Alliance backed the mediators.

Turkey, the envoy added, was free to choose its partners. She did, however, praise both sides' restraint.

In Yerevan, the defence ministry accused Baku of provocations. The ministry also complained about arms sales.
"""


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ("Valiyev argued", "Azerbaijan"),  # the delegation's state, not the dateline's
        ("Turkey, the envoy added", "NATO"),  # the attribution set off inside the sentence
        ("She did, however, praise", "NATO"),
        ("The ministry also complained", "Armenia"),  # the ministry the sentence before set in Yerevan
    ],
)
def test_narrated_positions_go_to_the_body_or_person_the_story_tracks(start, holder):
    rows, _ = _attributed(NARRATED_BODIES, "news", date=dt.date(2010, 3, 11))
    assert _row(rows, start)[2] == holder


def test_who_leads_an_actors_delegation_speaks_for_it():
    raw = ("Alliance team in Yerevan\n\nYEREVAN, October 12, 2023 – A NATO delegation met the parliament's foreign "
           "relations committee on Thursday.\n\nThe NATO delegation was led by Ines Marlowe, a deputy assistant secretary "
           "general. Marlowe told the committee that the Alliance wanted a peace treaty signed soon.\n")
    rows, _ = _attributed(raw, "news", date=dt.date(2023, 10, 12))
    assert _row(rows, "Marlowe told")[2] == "NATO"


def test_an_office_of_a_state_named_without_a_person_is_whom_the_title_refers_back_to():
    raw = ("On the meeting of the Minister with a NATO delegation\n\nBaku, 18 April 2012 – The Minister of Foreign Affairs "
           "of the Republic of Azerbaijan received a delegation led by a NATO Deputy Assistant Secretary General.\n\n"
           "The NATO representative said the Alliance supports the mediators. The Minister noted that the occupation "
           "of Azerbaijani territories by Armenia in the Armenia-Azerbaijan Nagorno-Karabakh conflict remains the main threat.\n\n"
           "The Minister also underlined the importance of good relations with the Russian Federation.\n")
    rows, _ = _attributed(raw, "news", date=dt.date(2012, 4, 18))
    assert _row(rows, "The Minister also underlined")[::2] == ("Minister of Foreign Affairs of the Republic of Azerbaijan", "Azerbaijan")
    assert not any("Nagorno-Karabakh" in speaker for speaker, *_ in rows.values())


@pytest.mark.parametrize(
    ("title", "holder"),
    [
        ("the Turkish-educated adviser to NATO's liaison office", "NATO"),  # where schooled, not whom served
        ("the Dutch-born deputy to NATO's special representative", "NATO"),
    ],
)
def test_an_actor_in_a_compound_adjective_is_no_affiliation(title, holder):
    assert affiliation(title, registry()) == holder


# Invented by the team (2026-12-05, thirteenth session): a profile whose speakers change posts.
PROFILE = """A Finn in Tbilisi

When Aino Rantala took over NATO's liaison office in Tbilisi in 2022, her country was still outside the Alliance.

In 2017, as a spokeswoman for Finland's foreign ministry, she told a radio station that membership was not on the agenda.

"The door is open, and it is for Georgians to walk through it," Rantala said.

Her husband, Mikko Rantala, said he missed the lakes.

In Moscow, a Kremlin-connected commentator, Oleg Sarin, told a talk show that Georgia would pay for its choice.

Levon Aghasyan, a former Armenian deputy foreign minister who now teaches law in Yerevan, said the Alliance should keep its distance.
"""


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ('"The door is open', "NATO"),  # the office she took over
        ("In 2017, as a spokeswoman", "other"),  # the post she held then
        ("In Moscow, a Kremlin-connected commentator", "other"),  # an analyst speaks for no actor
        ("Levon Aghasyan, a former", "other"),  # a former official who now teaches
    ],
)
def test_a_profile_gives_each_person_the_post_they_held_when_they_spoke(start, holder):
    rows, _ = _attributed(PROFILE, "news", date=dt.date(2024, 3, 1))
    assert _row(rows, start)[2] == holder


def test_a_relative_with_the_same_surname_is_someone_new():
    raw = ("A Finn in Tbilisi\n\nTBILISI, March 1, 2024 – NATO's liaison officer Aino Rantala said the door was open.\n\n"
           "Her husband, Mikko Rantala, said he missed the lakes.\n")
    rows, _ = _attributed(raw, "news", date=dt.date(2024, 3, 1))
    assert _row(rows, "TBILISI")[::2] == ("Aino Rantala", "NATO")
    assert _row(rows, "Her husband")[0] == "Mikko Rantala"


@pytest.mark.parametrize("dateline", ["OSLO / KYIV - ", "OSLO/KYIV, May 2, 2015 (Wire) - "])
def test_a_dateline_with_two_places_leaves_the_sentence_to_its_subject(dateline):
    raw = f"Talks resume\n\n{dateline}NATO on Monday called on Moscow to pull back its troops.\n"
    rows, _ = _attributed(raw)
    assert _row(rows, dateline[:6])[1:] == ("narrator", "NATO")


@pytest.mark.parametrize(
    "sentence",
    [
        "A senior NATO official ended a tour of the region on Friday by telling Georgian leaders that reforms counted.",
        "Anna Berg, a NATO deputy assistant secretary general on her second visit, used talks in Baku to urge a peace deal.",
    ],
)
def test_an_occasion_used_for_a_position_is_the_position_of_who_used_it(sentence):
    rows, _ = _attributed(f"Envoy in the region\n\nOSLO, May 2, 2015 (Wire) – Talks went on.\n\n{sentence}\n")
    assert rows[sentence][2] == "NATO"


def test_a_dateline_of_one_place_in_capitals_with_no_date_is_no_part_of_the_subject():
    sentence = "TBILISI – A senior NATO official said on Friday that the door stayed open."
    rows, _ = _attributed(f"Door stays open\n\n{sentence}\n")
    assert rows[sentence][0] == "A senior NATO official"


def test_a_committee_chair_with_no_state_named_speaks_for_the_datelines_state():
    raw = """Hearing in Yerevan

YEREVAN, May 2, 2015 (Wire) – Deputy Foreign Minister Aram Sarkisov told a hearing of the defence committee that ties with NATO were good.

The committee chairman, Levon Hakobov of the ruling party, said that peace talks came first.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "The committee chairman")[2] == "Armenia"


def test_an_official_who_talked_to_the_paper_about_hopes_states_no_position():
    sentence = "Russia's deputy foreign minister talked to the Meridian about Georgia's hopes of joining the Alliance."
    rows, _ = _attributed(f"Interview\n\nOSLO, May 2, 2015 (Wire) – Talks went on.\n\n{sentence}\n")
    assert rows[sentence][1:] == ("narrator", "media")


def test_a_rank_that_names_no_actor_takes_the_side_of_the_same_title_named_before():
    raw = """NATO colonel: Armenia sets its own speed

YEREVAN, May 2, 2015 (Wire) – Armenia sets its own speed, Colonel Rasa Vaitkute told the Gazette.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "YEREVAN")[2] == "NATO"


def test_a_ministers_title_keeps_the_datelines_state_after_a_headline_that_names_another_actor():
    raw = """Yerevan is "not applying" to NATO, deputy minister says

YEREVAN, May 2, 2015 (Wire) – Armenia will not apply, Deputy Foreign Minister Ruben Aghov said.
"""
    rows, _ = _attributed(raw)
    assert _row(rows, "YEREVAN")[2] == "Armenia"


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        ("Moscow warns that any move by Yerevan towards the West would have consequences.", "Russia"),
        ("NATO keeps telling Baku that the door is open.", "NATO"),
        ("Baku keeps insisting that its borders are not negotiable.", "Azerbaijan"),
        ("The Allies keep repeating the partnership pledge, yet the plan stalls.", "NATO"),
        ("Brussels cannot keep telling Moldovans the door is open while leaving them alone.", "media"),
        ("Asked about the base, the NATO spokeswoman would not be drawn.", "NATO"),
        ("Some officials in Chisinau complain that the Alliance treats every partner alike.", "other"),
        ("Diplomats in Yerevan wonder whether the Alliance is listening.", "Armenia"),
        ("Neighbouring Armenia, by contrast, makes no secret of its ties to Moscow.", "Armenia"),
        ("Armenia, for its part, came to Riga to press its case for a larger partnership.", "Armenia"),
    ],
)
def test_a_report_in_the_present_tense_is_its_subjects(sentence, holder):
    rows, _ = _attributed(f"Headline\n\nOSLO, May 2, 2015 (Wire) – Talks went on.\n\n{sentence}\n")
    assert rows[sentence][2] == holder


# Invented 2026-12-06 (twentieth session), from the kinds of wording news/dev59 and dev60 showed:
# the alliance in lower case, a trailing source owned by "its" after a scene clause that sets a
# name off by commas, and an institution's official named next with a national's career.
LOWER_CASE = """Alliance stays out of the border row

CHISINAU, June 3 (Dniester Wire) – The transatlantic alliance has no intention of taking a side in the border row, its liaison officer for the region told journalists on Tuesday, even as one of its members, Romania, has called for talks.

"We see no role for ourselves in that dispute," the liaison officer said.

An alliance diplomat said the door remained open to Moldova in principle.

BRUSSELS, June 4 (Dniester Wire) – The 32-member alliance will not send monitors to the border, its deputy spokesman said on Wednesday.

Petra Holm, a Danish diplomat on her first posting to the region, held a news conference at the end of the visit.

"Monitors are not what this border needs," Holm said.

"The dispute is for the two governments to settle," the spokeswoman, Petra Holm, told reporters.
"""


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ("CHISINAU, June 3", "NATO"),  # "its liaison officer" is the subject's, past ", even as …, Romania, …"
        ('"We see no role', "NATO"),  # "the liaison officer" finds it again
        ("An alliance diplomat said", "NATO"),
        ("BRUSSELS, June 4", "NATO"),  # "the 32-member alliance"
        ('"Monitors are not', "NATO"),  # Holm, a Danish diplomat, is the spokesman just reported
        ('"The dispute is for', "NATO"),
    ],
)
def test_the_alliance_in_lower_case_and_its_officials(start, holder):
    rows, _ = _attributed(LOWER_CASE, date=dt.date(2016, 6, 3))
    assert _row(rows, start)[2] == holder


def test_a_national_quoted_at_a_summit_stays_a_national():
    text = ("Allies meet in Riga\n\nRIGA, May 2 (Wire) – NATO's deputy spokesman said the talks went well.\n\n"
            '"This is a good day," said Petra Holm, a Danish diplomat who attended the talks.\n')
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, '"This is')[2] == "other"


# Invented 2026-12-06 (twentieth session): questions and answers inside a news report, with
# typewriter single quotes (news/dev59 showed the layout).
EXCHANGE = """Envoy says the door is open

RIGA, May 2 (Baltic Ledger) - A NATO spokeswoman came to Chisinau on Tuesday.

Ilse Marr, who speaks for the Alliance's headquarters, met ministers and then sat down with reporters.

'Is the door still open?' the Ledger asked. 'It is,' Marr replied. 'Nobody has closed it.'
"""


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ("'Is the door still open?'", ("quoted", "media")),  # the press asks, in one sentence with its attribution
        ("'It is,' Marr replied.", ("quoted", "NATO")),  # a typewriter quote; "who speaks for" gives her side
        ("'Nobody has closed it.'", ("quoted", "NATO")),
    ],
)
def test_an_exchange_in_typewriter_single_quotes(start, expected):
    rows, _ = _attributed(EXCHANGE, date=dt.date(2016, 5, 2))
    assert _row(rows, start)[1:] == expected


def test_an_aide_by_his_advice_and_a_third_states_minister_abroad():
    text = ("Two views of the door\n\nBAKU, May 2 (Wire) – Ukraine will not withdraw its application to join NATO, "
            "Deputy Foreign Minister Olena Marr said in Baku on Thursday.\n\nKarim Mammadli advises Azerbaijan's "
            'president on foreign policy.\n\nMammadli answered first: "Our course is our own."\n')
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "BAKU")[2] == "other"  # Ukraine's minister, not Baku's
    assert _row(rows, "Mammadli answered")[2] == "Azerbaijan"


def test_countering_sounding_and_defending_are_positions():
    text = ("Two answers\n\nRIGA, May 2 (Wire) – NATO's envoy urged patience.\n\n"
            '"Patience is a luxury," countered Ilze Berzina, a Riga security analyst.\n\n'
            "Moldova's deputy foreign minister, Ion Rusu, sounded undeterred.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, '"Patience')[2] == "other"
    assert _row(rows, "Moldova's deputy")[2] == "other"


def test_a_leading_phrase_with_a_relative_clause_is_cut_whole():
    text = ("NATO envoy visits Baku\n\nBAKU, May 4 (Wire) – Anna Koning, NATO's deputy spokesperson, said on Tuesday the "
            "Alliance was ready to help.\n\nAsked about Azerbaijan and Armenia, which both work with the Alliance under "
            'individual partnership plans, Koning said such plans offered cooperation "and nothing more".\n')
    rows, _ = _attributed(text, date=dt.date(2016, 5, 4))
    assert _row(rows, "Asked about")[2] == "NATO"


def test_an_actor_careful_or_cool_holds_a_position():
    text = ("Two capitals\n\nRIGA, May 2 (Wire) – NATO's envoy urged patience.\n\n"
            "Baku has been careful not to criticise Moscow in public.\n\nArmenia was cool on the remarks.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "Baku has been")[2] == "Azerbaijan"
    assert _row(rows, "Armenia was cool")[2] == "Armenia"


def test_an_attributions_tail_may_set_a_title_off_after_a_name():
    text = ("Partnership is no rehearsal\n\nCHISINAU, May 2 (Wire) – Moldova's partnership with the Alliance is not "
            "directed against anyone, Deputy Minister of Defence Ion Rusu said on Wednesday at a meeting with a NATO "
            "delegation headed by Anna Berg, a senior official of the Alliance's defence policy division.\n\n"
            "BAKU, May 3 (Wire) – Azerbaijan will defend its borders, an aide to the head of state, Kamran Aliyarov, "
            "said on Thursday.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "CHISINAU")[::2] == ("Ion Rusu", "other")  # Moldova's, not Berg
    assert _row(rows, "BAKU")[2] == "Azerbaijan"


# Invented for the twenty-first session (2026-12-06).
@pytest.mark.parametrize("tail", ["describing the choice as one for Baku alone", "calling it Baku's call",
                                  "noting that the partnership goes on",
                                  "brushing aside talk of a rift with Baku", "dismissing suggestions of a rift",
                                  "some six weeks after the ceasefire",  # twenty-third session
                                  "nearly a year after the ceasefire"])
def test_a_participle_after_a_trailing_attribution_leaves_the_source_named(tail):
    text = (f"Envoy speaks\n\nRIGA, May 2 (Wire) – The Alliance will not press Baku to change course, the Alliance's "
            f"envoy for the region has said, {tail}.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "RIGA")[2] == "NATO"


def test_a_double_barrelled_name_after_a_lead_that_gave_only_the_title_is_that_officials_whole():
    text = ("Envoy speaks\n\nRIGA, May 2 (Wire) – The Alliance will not press Baku to change course, NATO's envoy for "
            "the region has said.\n\nIn an interview published on Wednesday, Petra Lindqvist-Roos said the Alliance "
            "was at ease with the policy.\n\n\"Baku knows our address,\" she told the weekly.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "In an interview")[::2] == ("Petra Lindqvist-Roos", "NATO")
    assert _row(rows, '"Baku knows')[::2] == ("Petra Lindqvist-Roos", "NATO")


def test_a_state_with_a_relative_clause_that_says_something_with_a_comma_inside_holds_it():
    text = ("Baku keeps its distance\n\nBAKU, May 2 (Wire) – Talks resumed on Monday.\n\n"
            "Azerbaijan, which has kept the Alliance at arm's length for years, said through its foreign ministry that "
            "the peace talks, not military blocs, would decide the region's security.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "Azerbaijan, which")[2] == "Azerbaijan"


@pytest.mark.parametrize("headline", ["No shortcut for Moldova, envoy says", "Envoy tells Chisinau there is no shortcut"])
def test_a_headline_sourced_to_a_bare_title_takes_the_side_the_report_gives_that_title(headline):
    text = (f"{headline}\n\nCHISINAU, May 2 (Wire) – There is no shortcut to membership, a senior NATO envoy told "
            "officials on Tuesday.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, headline)[2] == "NATO"


def test_a_name_whose_apposition_points_back_to_the_post_is_that_officials_in_its_own_sentence():
    text = ("Envoy visits\n\nCHISINAU, May 2 (Wire) – NATO's envoy to the region said on Wednesday that the Alliance "
            "would not mediate.\n\nLars Haberl, a Dutch career diplomat who has held the post since 2004, described the "
            "conflict as a matter for the two governments.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "Lars Haberl")[::2] == ("Lars Haberl", "NATO")


def test_a_visit_set_off_between_a_title_and_its_reporting_verb_is_cut():
    text = ("Envoy visits\n\nCHISINAU, May 2 (Wire) – NATO's special envoy for the region, on her second visit to "
            "Chisinau this year, said on Wednesday that the war had left Europe less safe.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "CHISINAU")[2] == "NATO"


def test_an_official_who_handles_relations_with_the_alliance_is_not_the_alliances():
    text = ('Talks in Chisinau\n\nCHISINAU, May 2 (Wire) – Talks went on.\n\n"We are grateful for it," said Ion Rusu, '
            "who handles relations with the Alliance.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, '"We are grateful')[2] != "NATO"


def test_ministers_of_an_actor_as_subject_hold_its_decision():
    text = ("Ties cut\n\nRIGA, April 2, 2014 – Foreign ministers of the North Atlantic Alliance have stopped joint "
            "projects with Russia over the seizure of Crimea.\n")
    rows, _ = _attributed(text, date=dt.date(2014, 4, 2))
    assert _row(rows, "RIGA")[2] == "NATO"


@pytest.mark.parametrize(
    ("headline", "holder"),
    [
        ("Crimea casts a shadow over NATO talks in Chisinau", "media"),  # NATO only as what the story is about
        ("Membership not on Moldova's agenda, but partnership will deepen", "other"),  # Moldova's: its owner
        ("Chisinau looks west as Moscow's role fades, analysts say", "other"),  # an analyst's view
    ],
)
def test_a_headline_without_a_source_is_held_by_its_subject_not_by_what_it_is_about(headline, holder):
    text = f"{headline}\n\nCHISINAU, May 2 (Wire) – Talks went on.\n"
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, headline)[2] == holder


def test_a_headline_that_quotes_words_the_report_quotes_again_is_held_by_their_speaker():
    text = ('"The Alliance cannot stand aside"\n\nCHISINAU, May 2 (Wire) – Moldova wants more from NATO.\n\n'
            '"We have waited long enough. The Alliance cannot stand aside," Deputy Foreign Minister Ion Rusu of Moldova '
            "told reporters.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, '"The Alliance cannot')[1:] == ("headline", "other")


@pytest.mark.parametrize("sentence", ["She was equally clear that the road to membership ran through Chisinau.",
                                      "The envoy was firm, however, that the promise had not been withdrawn."])
def test_a_person_clear_or_firm_that_something_holds_holds_it(sentence):
    text = ("Envoy visits\n\nCHISINAU, May 2 (Wire) – NATO's envoy Anna Berg said on Tuesday that the Alliance would not "
            f"mediate.\n\n{sentence}\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, sentence[:12])[2] == "NATO"


def test_a_live_blogs_time_stamp_hides_neither_the_subject_nor_the_place():
    text = ("Live: talks on the truce\n\nWednesday 30 September 2020 - All times are CET.\n\n"
            "16:02 - The EU's High Representative has spoken to both ministers, his spokesperson said.\n\n"
            "14:47 - In Moscow, the foreign ministry's spokeswoman, Darya Sokolova, said Russia was ready to host talks.\n")
    rows, _ = _attributed(text, date=dt.date(2020, 9, 30))
    assert _row(rows, "16:02")[2] == "EU"
    assert _row(rows, "14:47")[2] == "Russia"


def test_an_actor_that_shows_no_wish_holds_that_position():
    text = ("Two capitals\n\nRIGA, May 2 (Wire) – Talks went on.\n\n"
            "Azerbaijan, which sent a delegation to the session, has shown no wish to follow Tbilisi's path.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "Azerbaijan, which")[2] == "Azerbaijan"


def test_no_subject_runs_past_a_colon_that_opens_a_clause():
    text = ("Two lessons\n\nRIGA, May 2 (Wire) – Talks went on.\n\n"
            "In Chisinau, officials draw the opposite lesson: that a people's wish, once expressed, cannot be undone.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "In Chisinau")[:2] == ("narrator", "narrator")


@pytest.mark.parametrize("headline", ["The Briefing: NATO's deputy spokesman on the war in the South Caucasus",
                                      "NATO's Anna Berg on Karabakh, Moscow and Moldova's choices"])
def test_a_headline_that_bills_who_speaks_on_what_is_the_outlets(headline):
    text = (f"{headline}\n\nCHISINAU, May 2 (Wire) – NATO's deputy spokesman Anna Berg said the Alliance would not "
            "mediate.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, headline)[2] == "media"


# Invented for the twenty-second session (2026-12-06).
@pytest.mark.parametrize("attribution", [
    "Berzina told a joint news conference with NATO's envoy for the region, Tomas Lindqvist.",
    "said Deputy Minister Ilona Berzina, who spoke at a joint news conference with Tomas Lindqvist, NATO's envoy "
    "for the region.",
])
def test_a_person_the_attribution_of_a_quotation_introduces_is_found_again_by_surname(attribution):
    text = (f"Riga keeps its course\n\nRIGA, May 2 (Wire) – Latvia will keep its course, Deputy Minister Ilona "
            f"Berzina said on Thursday.\n\n\"Nothing has changed for us,\" {attribution}\n\n"
            "Lindqvist said the Alliance respected that choice. \"Riga sets its own pace,\" he said.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "Lindqvist said")[::2] == ("Tomas Lindqvist", "NATO")
    assert _row(rows, '"Riga sets')[::2] == ("Tomas Lindqvist", "NATO")
    assert _row(rows, '"Nothing has')[0] == "Ilona Berzina"


# Invented for the twenty-second session (2026-12-06).
UNTITLED_PROFILE = (
    "The quiet man in the liaison office\n\n"
    "The coffee on Pieter Aalbers's desk is cold by nine, and nobody has called yet.\n\n"
    "Aalbers came in the spring with one suitcase. The 48-year-old former army engineer is NATO's liaison "
    "officer for the region, a post created to keep partners' reforms on schedule.\n\n"
    "\"We work with both capitals on the same terms,\" the Dutchman says. \"The door is theirs to knock on.\"\n\n"
    "The Alliance, she points out, has no flag here.\n"
)


def test_a_profile_gives_its_untitled_subject_the_post_a_description_of_him_names_later():
    rows, _ = _attributed(UNTITLED_PROFILE, genre="news", date=dt.date(2016, 5, 2))
    assert _row(rows, '"We work')[::2] == ("Pieter Aalbers", "NATO")
    assert _row(rows, '"The door')[::2] == ("Pieter Aalbers", "NATO")


@pytest.mark.parametrize("post", ["the official most Georgians associate with the drive to join NATO",
                                  "a regular at the Alliance's seminars"])
def test_a_post_whose_head_names_no_actor_gives_the_profiles_subject_no_side(post):
    text = UNTITLED_PROFILE.replace("NATO's liaison officer for the region, a post created", post + ", and he was")
    rows, _ = _attributed(text, genre="news", date=dt.date(2016, 5, 2))
    assert _row(rows, '"We work')[2] != "NATO"


def test_a_description_by_nationality_and_points_out_refer_to_the_person_last_named():
    text = ("Envoy speaks\n\nRIGA, May 2 (Wire) – NATO envoy Anna Berg arrived in Riga on Monday.\n\n"
            "She is not an ambassador, she points out, and the office has no flag.\n\n"
            "\"We work with both capitals,\" the Norwegian says.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "She is not")[::2] == ("Anna Berg", "NATO")
    assert _row(rows, '"We work')[::2] == ("Anna Berg", "NATO")


@pytest.mark.parametrize("sentence", [
    "Berg was just as clear about what the Alliance would not do.",
    "She was every bit as firm that Riga was not knocking on another door.",
    "Berg was at pains to stress that nothing had been promised.",  # twenty-third session
    "About the blockade she did not mince words.",
    "On Moldova she chose her words with care.",
    "The pace, as the envoy put it, was for each capital to set.",
    "The envoy, speaking later to students, was franker: no date, she said, was in sight.",
    "Asked whether the same applied to Georgia, promised membership years ago, Berg said the bid would be judged on "
    "its merits.",
])
def test_a_position_after_just_as_or_after_a_participle_aside_is_the_named_officials(sentence):
    text = f"Envoy speaks\n\nRIGA, May 2 (Wire) – NATO envoy Anna Berg arrived in Riga on Monday.\n\n{sentence}\n"
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, sentence[:12])[::2] == ("Anna Berg", "NATO")



@pytest.mark.parametrize("headline", [
    "Georgia's door still open, NATO envoy says as Nordic protocols are signed",
    "'Baku's balance suits us', says Alliance official, as Yerevan bristles",
])
def test_a_headline_source_followed_by_a_scene_or_set_after_its_verb_is_found(headline):
    text = (f"{headline}\n\nBAKU, May 2 (Wire) – A senior NATO official said on Monday that the Alliance saw "
            "nothing wrong with Azerbaijan's choices.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, headline[:12])[2] == "NATO"


def test_a_headline_with_says_after_its_subjects_act_is_not_a_quotation():
    headline = "Armenia freezes CSTO role, says NATO membership is not on the agenda"
    text = f"{headline}\n\nYEREVAN, May 2 (Wire) – Armenia has frozen its part in the CSTO, its foreign ministry said.\n"
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, headline[:12])[2] == "Armenia"


def test_a_partial_quote_inside_a_headline_is_no_quotation_with_its_source_after_it():
    headline = 'NATO "not a party" to the war, official tells Armenian lawmakers'
    text = (f"{headline}\n\nYEREVAN, May 2 (Wire) – A senior NATO official told Armenian lawmakers on Wednesday that "
            "the Alliance would not take sides.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, headline[:12])[2] == "NATO"


def test_hard_words_for_an_actor_state_the_named_officials_position():
    text = ("Envoy visits\n\nTBILISI, May 2 (Wire) – NATO envoy Helena Marsh arrived on Monday.\n\n"
            "Marsh also had hard words for Moscow, which keeps troops in the two regions.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "Marsh also")[::2] == ("Helena Marsh", "NATO")


@pytest.mark.parametrize(("text", "start", "expected"), [
    # a spokesman named after a sentence the Alliance holds is the Alliance's, not the dateline's
    ("Moscow warns\n\nMOSCOW, May 2 (Wire) – Russia's foreign ministry warned Georgia on Thursday.\n\n"
     "NATO brushed the warning aside. In a written reply, deputy spokesman Tomas Lind said the drills were "
     "defensive.\n", "In a written", ("Tomas Lind", "NATO")),
    # "the spokesman, X" after "a spokesman in Brussels" is that spokesman
    ("Truce holds\n\nYEREVAN, May 2 (Wire) – The truce held on Wednesday.\n\nThe Alliance called on both sides to "
     "honour it, and a spokesman in Brussels said force would settle nothing.\n\nAsked about monitors, the "
     "spokesman, Joris Lind, said that was not under consideration. \"We want the talks alive,\" Lind said.\n",
     '"We want', ("Joris Lind", "NATO")),
    # "deputy to NATO's Special Representative" is NATO's, though "to" comes before it
    ("Visit\n\nYEREVAN, May 2 (Wire) – The minister spoke.\n\nAnna Strand, deputy to NATO's Special "
     "Representative for the region, said during a visit to Yerevan that the Allies wanted the rights of all "
     "guaranteed and a treaty concluded on the basis of mutual recognition.\n", "Anna Strand", ("Anna Strand", "NATO")),
])
def test_a_titled_source_takes_the_side_its_paragraph_or_its_post_gives_it(text, start, expected):
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, start)[::2] == expected


def test_an_envoy_heading_a_delegation_of_an_actors_staff_speaks_for_that_actor():
    text = ("Deputy minister receives NATO envoy\n\nYEREVAN, May 2. /Wire/. Deputy Minister of Defence Ara Petrosyan "
            "received today a delegation of the NATO International Staff headed by Special Envoy Dora Lind, the "
            "ministry informs.\n\nDora Lind, for her part, noted that the Alliance respects the choice of each "
            "partner.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "Dora Lind, for")[::2] == ("Dora Lind", "NATO")


def test_officials_there_are_of_the_place_the_sentence_before_named():
    """Invented by the team (2026-12-06): "there" points at the place just named, not at the
    actor a reporting clause's holder would otherwise fall back to."""
    rows, _ = _attributed(
        "Headline here\n\nLONDON, May 2, 2015 (Wire) – Talks went on.\n\n"
        "Russian troops remained in the region, and Moscow warned the Allies again.\n\n"
        "Azerbaijan, whose army buys Russian arms, has kept quiet. Officials there say the talks must go on.\n"
    )
    assert rows["Officials there say the talks must go on."][2] == "Azerbaijan"


def test_a_name_with_a_bare_title_after_the_end_of_its_sentence_is_the_titled_source_named_before():
    """Invented by the team (2026-12-06): the source is first "its special representative" (the
    subject actor's), then named with the bare title last ("…," said X, the representative.)."""
    rows, _ = _attributed(
        "EU offers help\n\nBRUSSELS, June 29, 2011 (Wire) - The European Union will fund exchanges between journalists "
        "from both sides, its special representative for the region said on Wednesday.\n\n"
        '"The treaty is theirs to write," said Jan de Vries, the representative.\n',
        date=dt.date(2011, 6, 29),
    )
    assert _row(rows, '"The treaty is theirs')[::2] == ("Jan de Vries", "EU")


def test_a_headline_that_tells_news_before_its_colon_names_no_source():
    """Invented by the team (2026-12-06): "X receives NATO delegation: …" is news, so its title is
    not a NATO person whom the body's deputy minister could turn out to be."""
    text = ("Deputy minister hosts NATO team: ties to grow\n\n"
            "YEREVAN, June 22 (Wire) – Deputy Foreign Minister Aram Petrosyan received a NATO delegation on "
            "Tuesday.\n\nDeputy Minister Petrosyan said the partnership would deepen.\n")
    rows, _ = _attributed(text, date=dt.date(2010, 6, 22))
    assert _row(rows, "Deputy Minister Petrosyan said")[2] == "Armenia"


@pytest.mark.parametrize(("who", "side"), [
    ("Ani Harutyunyan, who directs a regional studies centre in Yerevan,", "other"),  # an analyst, not the state
    ("Ani Harutyunyan, who leads a research institute in Yerevan,", "other"),
    ("Ani Harutyunyan, a member of the governing coalition,", "Armenia"),  # the ruling side speaks for the state
])
def test_a_research_centre_makes_an_analyst_and_a_governing_faction_the_state(who, side):
    """Invented by the team (2026-12-06, twenty-third session)."""
    text = f"Bid debated\n\nYEREVAN, May 2 (Wire) – {who} said membership was a remote prospect.\n"
    rows, _ = _attributed(text, date=dt.date(2020, 5, 2))
    assert _row(rows, "YEREVAN")[2] == side


def test_a_member_of_its_delegation_is_the_actor_the_sentence_before_opened_with():
    """Invented by the team (2026-12-06): "its" reaches back to the subject of the sentence before,
    and an opposition member named by a bare title holds no side."""
    text = ("Summit ends\n\nRIGA, May 2 (Wire) – The summit ended on Friday.\n\n"
            "Azerbaijan, present as a partner, kept silent during the debate.\n\n"
            "One member of its delegation said Baku wanted nothing more than partnership.\n\n"
            "Armenia's parliament debated the vote. Its chairman said the country would not apply.\n\n"
            "The deputy chairman, an opposition member, called for an application.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "One member of its delegation")[2] == "Azerbaijan"
    assert _row(rows, "The deputy chairman")[2] == "other"



@pytest.mark.parametrize(("sentence", "start", "side"), [  # invented 2026-12-06, twenty-third session
    ('"Nothing new will come out of the summit," predicted Ana Lomsadze, a researcher at a Riga institute.', '"Nothing new', "other"),
    ("Ana Lomsadze, a NATO spokeswoman, doubted that the talks would resume soon.", "Ana Lomsadze", "NATO"),
    ("On Monday a Russian foreign ministry spokesman, Ivan Sobol, said the visit was a provocation.", "On Monday", "Russia"),
    ("A European Union official said the bloc would keep funding the monitors.", "A European", "EU"),
    ("Azerbaijani officials on Friday hardened their tone towards the mediators.", "Azerbaijani officials", "Azerbaijan"),
])
def test_more_sources_reporting_verbs_and_subjects(sentence, start, side):
    text = f"Talks go on\n\nRIGA, May 2 (Wire) – The meeting ended on Friday.\n\n{sentence}\n"
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, start)[2] == side


def test_an_embedded_question_as_subject_is_nobodys_speech():
    text = "Talks go on\n\nRIGA, May 2 (Wire) – The meeting ended.\n\nWhether Chisinau gets what it wants is another matter.\n"
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "Whether")[:2] == ("narrator", "narrator")


def test_a_bare_title_told_with_its_actor_in_a_scene_before_is_that_actors():
    """Invented by the team (2026-12-06): the liaison officer was only a scene's subject before,
    and the deputy minister spoke last; the bare title is the Alliance's officer, named now."""
    text = ("Reforms on schedule\n\nYEREVAN, June 4 (Wire) – The reform plan will stay on schedule, deputy interior "
            "minister Aram Sargsyan told reporters on Friday while the Alliance's liaison officer for the region was in "
            "town.\n\n\"Nothing will slow it down,\" Sargsyan said.\n\n"
            "The liaison officer, Major Ola Nordmann, said the plan was sound.\n\n"
            "\"We see steady work,\" Nordmann said.\n")
    rows, _ = _attributed(text, date=dt.date(2009, 6, 4))
    assert _row(rows, "The liaison officer")[::2] == ("Ola Nordmann", "NATO")
    assert _row(rows, '"We see steady work')[2] == "NATO"


def test_an_adviser_to_a_delegation_named_before_speaks_for_its_state():
    """Invented by the team (2026-12-06): "the delegation" is the one the sentence before gave its actor."""
    text = ("Summit ends\n\nLISBON, Nov. 20 (Wire) – The summit ended on Saturday.\n\n"
            "Armenia's delegation left without the wording it wanted.\n\n"
            "\"We expected more,\" said Ani Harutyunyan, an adviser to the delegation.\n")
    rows, _ = _attributed(text, date=dt.date(2010, 11, 20))
    assert _row(rows, '"We expected more')[2] == "Armenia"


def test_a_pronoun_after_a_sentence_opened_by_a_new_name_alone_is_that_person():
    """Invented by the team (2026-12-06, twenty-fourth session): a profile names its subject
    with no title, and the next quotation's "she says" is hers."""
    text = ("Profile\n\nCHISINAU, May 2 (Wire) – Talks went on.\n\n"
            "Mariana Ceban keeps a packed bag by the door of her flat. 'We leave at the first siren,' she says.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "'We leave")[:2] == ("Mariana Ceban", "quoted")



def test_a_source_set_off_before_a_participle_that_points_back_is_the_subjects():
    """Invented by the team (2026-12-06, twenty-fourth session)."""
    text = ("Yerevan waits\n\nRIGA, May 2 (Wire) – The summit ended on Friday.\n\n"
            "Armenia will not apply for membership, a member of its delegation said, noting that the base in Gyumri stays.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "Armenia will not apply")[2] == "Armenia"


# Invented by the team (2026-12-06, twenty-fourth session): a relative clause that reports, a
# place with a time, a security council secretary, a passive report with its speaker after "by",
# and the outlet's own correspondent, who is no source.
@pytest.mark.parametrize(("dateline", "sentence", "holder"), [
    ("RIGA", "The talks were chaired by NATO's deputy spokesman, who told reporters that the door stayed open.", "NATO"),
    ("RIGA", "She met a visiting Armenian deputy minister, Karen Abovyan, who said Yerevan had no plans to apply.", "Armenia"),
    ("BAKU", "In Yerevan later in the day, Deputy Foreign Minister Karine Sahakyan said the base would stay.", "Armenia"),
    ("BAKU", "Armenia will not apply, Security Council Secretary Karen Abovyan said on Tuesday.", "Armenia"),
    ("RIGA", "It was stressed by the Ambassador of Armenia to NATO, Karen Abovyan, that the talks must go on.", "Armenia"),
    ("RIGA", "The meeting was held at NATO headquarters with partner countries, the Brussels correspondent of the Daily "
             "reports.", "media"),
    # twenty-fifth session: "In the view of X, an EU diplomat, …" keeps the apposition; a national
    # who advises the Alliance's staff is the Alliance's; a gerund after a preposition is no verb of
    # the subject ("… fault the Allies for saying too little")
    ("RIGA", "In the view of Pascal Moreau, an EU diplomat in Baku, the Union needs gas more than votes.", "EU"),
    ("RIGA", '"We called on both sides to stop," said Colonel Annika Brandt, a German officer who advises the '
             "Alliance's military staff.", "NATO"),
    ("BAKU", "In Baku, officials credit Moscow with stopping the fighting and fault the Allies for saying too little.",
     "Azerbaijan"),
    # twenty-fifth session: the owner of a delegation its leader speaks for; a think tank named
    # "Centre for … Studies" is no state's
    ("RIGA", "Armenia's delegation, led by Deputy Defence Minister Gohar Melikyan, said Yerevan would keep its ties.",
     "Armenia"),
    ("RIGA", '"Armenia is not knocking," said Lilit Hakobyan, who heads the Yerevan Centre for Security Research.', "other"),
    # twenty-fifth session: where the Alliance's officer works is no side of hers
    ("RIGA", "Ingrid Solheim, a NATO liaison officer who has worked in Tbilisi since 2006, said the promise stood.", "NATO"),
    # twenty-fifth session: a question put to the source with commas and figures inside it
    ("RIGA", "Asked about the deployment of almost 2,000 Russian peacekeepers, a NATO official said it was for "
             "the countries concerned.", "NATO"),
    ("RIGA", "Asked whether the Alliance would press Ankara, one of its own members, over its support for Baku, "
             "a NATO official said the Allies talked to both.", "NATO"),
    # twenty-fifth session: a reporting verb coordinated after the actor's first predicate
    ("RIGA", "Azerbaijan, a member of the Non-Aligned Movement, sent a deputy foreign minister to the partners' session "
             "and said it would join no bloc.", "Azerbaijan"),
])
def test_a_narrated_sentence_is_held_by_the_source_it_names(dateline, sentence, holder):
    text = f"Talks\n\n{dateline}, May 2 (Wire) – The forum opened on Friday.\n\n{sentence}\n"
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert rows[sentence][2] == holder


# Invented by the team (2026-12-06, twenty-fifth session): translated agency copy tells each point
# in the passive, in a paragraph of its own, the speaker after "by" before the occasion or nowhere.
TRANSLATED = """Armenia keeps its course, minister says

Yerevan, 3 May 2016. /Test-Press/. Armenia has no plans to join the Alliance, it was stated by Foreign Minister Karen Abovyan at a briefing on Tuesday.

At the same time, the partnership with the Alliance was described as useful for reforms.

Concern was voiced by the minister over the fighting of last month.

The ceasefire of 1994 ended the war.

The talks were described as constructive.
"""


@pytest.mark.parametrize(("start", "holder"), [
    ("Yerevan, 3 May", "Armenia"),  # "it was stated by Foreign Minister X at a briefing"
    ("At the same time", "Armenia"),  # an agentless passive report goes on with the report before
    ("Concern was voiced by the minister", "Armenia"),
    ("The talks were described", "media"),  # not after the outlet's own background
])
def test_translated_agency_copy_gives_its_passive_reports_to_the_speaker(start, holder):
    rows, _ = _attributed(TRANSLATED, date=dt.date(2016, 5, 3))
    assert _row(rows, start)[2] == holder


# Invented by the team (2026-12-06, twenty-fifth session): a live blog's bare time stamps, a
# source "we spoke to", an actor with a first predicate before its position verb, a source set
# off before a participle, and an expert set off by a relative clause after an official.
LIVE = """Live: talks resume in Geneva

10:40 Talks resumed in Geneva this morning.

12:30 Armenia's foreign ministry said it would not leave the table.

16:30 In Brussels, an Alliance official we spoke to insisted that the partnership had nothing to do with the fighting.

17:10 Moscow, which sells arms to both sides, hosted the two defence ministers and announced a truce.

The border moved overnight, says Nino Gelashvili, pointing across her orchard to a row of posts.

"The soldiers came with the posts," she said.

In Moscow, a foreign ministry spokesman repeated that the bloc's growth was a challenge and answered accordingly.

Irakli Lomidze, who teaches international relations at a university in Tbilisi, called the bid "premature".

"The Alliance takes in countries that have settled their borders," he said.
"""


@pytest.mark.parametrize(("start", "expected"), [
    ("12:30 Armenia's", ("narrator", "Armenia")),
    ("16:30 In Brussels", ("an Alliance official", "NATO")),
    ("17:10 Moscow", ("narrator", "Russia")),
    ("The border moved", ("Nino Gelashvili", "other")),
    ('"The soldiers came', ("Nino Gelashvili", "other")),
    ("Irakli Lomidze", ("Irakli Lomidze", "other")),
    ('"The Alliance takes in', ("Irakli Lomidze", "other")),
])
def test_a_live_blog_and_feature_give_each_source_its_side(start, expected):
    rows, _ = _attributed(LIVE, date=dt.date(2020, 10, 1))
    speaker, _, holder = _row(rows, start)
    assert (speaker, holder) == expected


def test_a_bare_title_with_a_name_takes_the_side_a_recent_sentence_gave_that_title():
    """Invented by the team (2026-12-06, twenty-fifth session): the title was told with its actor
    two sentences before, as the object of talks, never as a speaker."""
    text = ("Yerevan keeps its course\n\nYEREVAN, 11 April 2013 – Armenia will not apply, Deputy Foreign Minister "
            "Armen Tatevosyan said after talks with the Alliance's special representative.\n\n"
            '"Our security rests on our treaty," Tatevosyan told a news conference.\n\n'
            "The special representative, Dorota Wilczek, said the Alliance respected Armenia's choice.\n")
    rows, _ = _attributed(text, date=dt.date(2013, 4, 11))
    assert _row(rows, "The special representative") == ("Dorota Wilczek", "quoted", "NATO")


def test_an_unplaced_title_takes_the_place_an_earlier_sentence_of_its_paragraph_was_set_in():
    """Invented by the team (2026-12-06, twenty-fifth session): the sentence before holds another
    actor; the paragraph opened in Yerevan."""
    text = ("Anger\n\nBAKU, May 2 (Wire) – The truce held.\n\nIn Yerevan, the anger is aimed at Moscow. Russia sold "
            "weapons to both. Gevorg Hakobyan, a member of parliament from the ruling party, said Moscow had armed "
            "both sides.\n")
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert _row(rows, "Gevorg Hakobyan") == ("Gevorg Hakobyan", "quoted", "Armenia")


def test_a_pronoun_before_anyone_speaks_is_the_features_protagonist():
    """Invented by the team (2026-12-06, twenty-fifth session): a feature opens on a named
    private person, a caption comes between, and "she said" is hers, not the outlet's."""
    text = ("Waiting in Barda\n\nBARDA, Azerbaijan — Every morning Sevda Kerimova unlocks a schoolroom. Most of "
            "the pupils were born here.\n\nPhoto: A classroom in Barda.\n\nShe keeps a map above the blackboard. "
            '"My pupils can name every village on it," she said.\n')
    rows, _ = _attributed(text, date=dt.date(2013, 5, 2))
    assert _row(rows, '"My pupils')[:2] == ("Sevda Kerimova", "quoted")


@pytest.mark.parametrize(("headline", "holder"), [
    ("Liaison office", "other"),  # a full name that placed nobody: the surname is that person, of no side
    ("The Azerbaijani diplomat who declines every bloc", "Azerbaijan"),  # a feature's protagonist by title
])
def test_a_surname_alone_finds_the_full_name_a_feature_gave_without_a_post(headline, holder):
    """Invented by the team (2026-12-06, twenty-fifth session); the surname comes with the age set off."""
    text = (f"{headline}\n\nGunel Orujova keeps two flags on her desk.\n\n"
            '"Russia annexed Crimea," Orujova, 44, said over tea.\n\n"We belong to no bloc," she said.\n')
    rows, _ = _attributed(text, genre="news", date=dt.date(2014, 4, 28))
    assert _row(rows, '"Russia annexed') == ("Gunel Orujova", "quoted", holder)
    assert _row(rows, '"We belong') == ("Gunel Orujova", "quoted", holder)


# Invented by the team (2026-12-06, twenty-fourth session): a person set off with a title that
# places them: "Mr X, a former envoy, said" (an apposition, not an address), "A member of the
# delegation, X, told" and "Its ambassador to the Alliance, X, a former minister, explained"
# (both point back to the actor the sentence before is about).
@pytest.mark.parametrize(("before", "sentence", "person"), [
    ("Azerbaijan will not apply, the country's deputy foreign minister, Rauf Gasimov, told reporters.",
     "Mr Gasimov, a former ambassador to Rome who has led the delegation for years, said the partnership suited Baku.",
     ("Rauf Gasimov", "Azerbaijan")),
    ("Armenia, whose defence minister came as a guest, stayed away from the vote.",
     "A member of the delegation, Karen Abovyan, told the Riga Courier that Yerevan had other priorities.",
     ("Karen Abovyan", "Armenia")),
    ("Armenia keeps its distance from the membership debate.",
     "Its ambassador to the Alliance, Gevorg Arzumanyan, a 48-year-old former deputy minister, explained why to the "
     "Riga Courier.", ("Gevorg Arzumanyan", "Armenia")),
])
def test_a_person_set_off_with_a_title_is_placed_by_it(before, sentence, person):
    text = f"Talks\n\nRIGA, May 2 (Wire) – {before}\n\n{sentence}\n"
    rows, _ = _attributed(text, date=dt.date(2016, 5, 2))
    assert rows[sentence][0::2] == person
