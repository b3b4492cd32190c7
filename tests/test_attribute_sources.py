"""Where a news sentence's source is: datelines, unnamed and anonymous sources, owners named
before a person, a state's own press release, and decisions only the Alliance takes.

Every article here is invented for the test; the people are introduced by title, owner or
apposition, never through the registry.
"""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_lib.pipeline.actors import registry
from corpus_lib.pipeline.attribute import attribute
from corpus_lib.pipeline.clauses import subject_clause
from corpus_lib.pipeline.clean import clean, is_widget
from corpus_lib.pipeline.headlines import is_dateline
from corpus_lib.pipeline.speakers import affiliation, introduced


def _rows(raw: str, *, genre: str = "news", source: str = "") -> dict[str, tuple[str, str, str]]:
    cleaned = clean(raw)
    out = attribute(raw, cleaned.units, genre=genre, source=source, date=dt.date(2016, 5, 2), reg=registry())
    return {" ".join(raw[s.start : s.end].split()): (s.speaker, s.speaker_role, s.holder) for s in out}


def _row(rows, start: str):
    return next(v for k, v in rows.items() if k.startswith(start))


def test_a_dateline_on_its_own_line_is_the_agencys_and_sets_the_place():
    raw = (
        "Envoy meets minister\n\nBaku, Kura Wire, 14.05.2016\n\n"
        "A deputy foreign minister said the talks were useful.\n"
    )
    rows = _rows(raw)
    assert rows["Baku, Kura Wire, 14.05.2016"] == ("narrator", "narrator", "media")
    assert _row(rows, "A deputy foreign minister")[2] == "Azerbaijan"  # the dateline's state


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Baku, Kura Wire, 14.05.2016", True),
        ("YEREVAN, 3 MAY 2012", True),
        ("Tbilisi / Mtkvari Post / March 4", True),
        ("NATO, Azerbaijan Sign 2011 Plan", False),  # a title-case headline with a year
        ("Baku, 2010: NATO stays out", False),
    ],
)
def test_a_dateline_line_needs_a_place_and_a_day(line, expected):
    assert is_dateline(line) is expected


def test_a_dateline_cut_by_full_stops_is_no_part_of_the_subject():
    sentence = "YEREVAN, October 5. /Arlur/. The NATO envoy, Erik Vangsnes, on Thursday urged restraint."
    assert subject_clause(sentence).startswith("The NATO envoy")


@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        # a person named after an owner's possessive speaks for the owner
        ("Kirill Avdonin of the ministry met NATO's Ingrid Maelstrand and Azerbaijan's Elnur Sadigzade.", None),
        # the post after "serves as", not the passport
        ("Ove Lindqvist, a Swedish diplomat who serves as NATO's special envoy for the region, urged restraint.", "NATO"),
        # a fellow of an institute is an expert, and "Brussels-based" is a seat, not the Alliance
        ("Helga Sandqvist, a senior fellow at the Brussels-based Institute for Dialogue, warned of risks.", "other"),
    ],
)
def test_who_a_title_makes_a_person_speak_for(sentence, holder):
    people = {p.name: p.holder for p in introduced(sentence, registry())}
    if holder is None:
        assert people["Ingrid Maelstrand"] == "NATO" and people["Elnur Sadigzade"] == "Azerbaijan"
    else:
        assert list(people.values())[0] == holder


def test_the_post_decides_an_apposition_with_a_nationality():
    assert affiliation("a Swedish diplomat who serves as NATO's envoy", registry()) == "NATO"
    assert affiliation("a Swedish diplomat", registry()) == "other"


ANONYMOUS = """Talks stall

BAKU, May 2 (Kura Wire) – The talks went on.

A diplomat familiar with the talks said the co-chairs were preparing a meeting.

According to him, Moscow had pressed both sides to agree to a truce.

People close to the talks said Baku had rejected a proposal.

The summit, according to a diplomat familiar with the negotiations, was split between Allies.
"""


def test_anonymous_sources_hold_other_and_a_single_one_becomes_him():
    rows = _rows(ANONYMOUS)
    assert _row(rows, "According to him")[1:] == ("quoted", "other")  # not Moscow's
    assert _row(rows, "People close to the talks")[2] == "other"
    assert _row(rows, "The summit, according to")[2] == "other"  # "according to" set off inside


ALLIANCE = """Allies keep the door open

BRUSSELS, June 4 (Westline) – Georgia was promised membership at the summit, but it was not granted a Membership Action Plan.

Allied foreign ministers will review the question in December, the summit declaration said.

Montenegro received an invitation to start accession talks.

Brussels, however, insists that no outside country can have a say in decisions on enlargement.

Russia's envoy to the Alliance, Kirill Avdonin, struck a cooler tone.
"""


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ("BRUSSELS, June 4", "NATO"),  # a grant or refusal only the Alliance makes
        ("Allied foreign ministers", "NATO"),  # the summit's declaration
        ("Montenegro received", "NATO"),
        ("Brussels, however", "NATO"),  # the Alliance's seat as its name
        ("Russia's envoy", "Russia"),  # "struck a cooler tone" takes a position
    ],
)
def test_the_alliance_decides_and_speaks_by_its_seat_and_summit(start, holder):
    assert _row(_rows(ALLIANCE), start)[2] == holder


PRESS_RELEASE = """On the meeting of the Deputy Foreign Minister with a NATO delegation

On 15 November 2016, the Deputy Foreign Minister received a NATO delegation led by Piet Oordtman, director of the Alliance's partnership division.

The importance of the peace agenda, the delimitation of the border with Azerbaijan and the unblocking of communications was stressed.

The Deputy Minister noted that membership in any alliance is not on the agenda.

Mr Oordtman reaffirmed NATO's support for the normalisation of relations.

The sides also exchanged views on regional security.
"""


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ("On the meeting", "Armenia"),  # the release's title is its publisher's
        ("The importance of", "Armenia"),  # a passive names no source at its end
        ("The Deputy Minister noted", "Armenia"),  # the publisher's own official
        ("Mr Oordtman reaffirmed", "NATO"),
        ("The sides also exchanged", "Armenia"),  # the publisher's account of the meeting
    ],
)
def test_a_state_press_release_speaks_for_its_state(start, holder):
    rows = _rows(PRESS_RELEASE, genre="press_release", source="Press service of the Ministry of Foreign Affairs of Armenia")
    assert _row(rows, start)[2] == holder


def test_a_label_that_opens_a_line_of_links_or_a_caption_is_clutter():
    assert is_widget("Related: Talks resume in Vienna | Baku metro fares rise")
    assert is_widget("Photo: Smoke over a village near the line of contact")
    assert not is_widget("Related talks resumed in Vienna on Monday.")
    raw = "Talks resume\n\nBAKU, May 2 (Wire) – The talks went on.\n\nRead also: Fares rise in Baku\n"
    assert any(reason == "site_widget" for _, _, reason in clean(raw).removed)


AGENCY = """Vos in Tbilisi: "The door stays open"

Analysis: Kyiv weighs its options

TBILISI, May 2 (Kura Wire) – NATO's deputy envoy Lena Vos arrived in Tbilisi on Monday.

The Alliance will keep working with both countries, Kura Wire reports citing the NATO press service.

The Verkhovna Rada voted on the law on Tuesday, Rada officials said.
"""


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        ('Vos in Tbilisi:', ("Lena Vos", "headline", "NATO")),  # where she spoke is no part of the name
        ("Analysis: Kyiv", ("headline", "headline", "media")),  # the outlet's own piece
        ("The Alliance will keep", ("narrator", "narrator", "NATO")),  # the agency cites the Alliance
    ],
)
def test_headlines_and_agencies_that_name_their_source(start, expected):
    assert _row(_rows(AGENCY), start) == expected


def test_parliaments_are_their_states():
    assert affiliation("a deputy of the Milli Majlis", registry()) == "Azerbaijan"
    assert affiliation("the State Duma's speaker", registry()) == "Russia"
    assert affiliation("a Verkhovna Rada deputy", registry()) == "other"


def test_an_all_capitals_headline_keeps_the_names_it_alone_writes():
    from corpus_lib.pipeline.headlines import headline_case

    body = "\n\nMAELSTRAND: Good afternoon.\n\nSADIGZADE: Thank you. Azerbaijan's policy is balanced.\n\nMAELSTRAND: Yes.\n\nSADIGZADE: No."
    head = "JOINT PRESS POINT BY NATO'S INGRID MAELSTRAND AND AZERBAIJAN'S ELNUR SADIGZADE"
    assert headline_case(head, body) == "Joint press point by NATO's Ingrid Maelstrand and Azerbaijan's Elnur Sadigzade"
    # a title noun before a surname stays a title; an actor's adjective keeps its capital
    assert headline_case("NATO ENVOY AALAND: WE STAY", "\n\nSigrid Aaland arrived.") == "NATO envoy Aaland: we stay"
    assert headline_case("PROMISE STANDS, SAYS GEORGIAN MINISTER", "\n\nThe minister spoke.", registry()) == (
        "Promise stands, says Georgian minister"
    )


def test_a_speakers_own_alliance_is_found_across_a_crlf_line_end():
    raw = (
        "Press point\r\n\r\nBRUSSELS, May 2 (Wire) - A transcript.\r\n\r\n"
        "MIRA LANG: Thank you all for coming today, and let me say first that our\r\nAlliance stands by its partners.\r\n\r\n"
        "REPORTER: And Russia?\r\n\r\nLANG: We talk to Moscow.\r\n"
    )
    rows = _rows(raw)
    assert _row(rows, "We talk to Moscow")[2] == "NATO"


RANK = """Envoy visits Tbilisi

TBILISI, May 3 (Kura Wire) - The Alliance remains committed to its decision, Colonel Arvo Lindmark, a staff officer of NATO's liaison office in the region, said on Tuesday.
"""

MISSION = """Baku takes its time

BAKU, May 4 (Kura Wire) - Azerbaijan is not seeking membership at this stage, the head of the country's mission to NATO, Ambassador Ilkin Rasulzade, said on Thursday.

According to him, the partnership is not directed against Russia, with which Baku maintains "good-neighbourly relations".
"""

COMMITTEE = """Deputies call on NATO

YEREVAN, October 2 (Kura Wire) - The Standing Committee on Foreign Relations of the National Assembly of Armenia has called on the Alliance to speak up.
"""


@pytest.mark.parametrize(
    ("raw", "start", "speaker", "holder"),
    [
        (RANK, "TBILISI, May 3", "Arvo Lindmark", "NATO"),  # a rank, then the post in an apposition
        (MISSION, "BAKU, May 4", "Ilkin Rasulzade", "Azerbaijan"),  # "the country's mission to NATO" is the state's
        (MISSION, "According to him", "Ilkin Rasulzade", "Azerbaijan"),  # a partial quote after the lead is his
        (COMMITTEE, "YEREVAN, October 2", "narrator", "Armenia"),  # a parliament's committee speaks for its state
    ],
)
def test_ranks_missions_and_committees(raw, start, speaker, holder):
    row = _row(_rows(raw), start)
    assert (row[0], row[2]) == (speaker, holder)


def test_a_programmes_host_named_in_its_introduction_asks():
    raw = (
        "On air\n\nYerevan, 2 April 2014 (Radio Ani) - The guest is Knut Brekke, an adviser in NATO's political "
        "affairs division. The host is Siran Abovyan.\n\nSIRAN ABOVYAN: Mr Brekke, welcome.\n\n"
        "KNUT BREKKE: Thank you.\n\nSIRAN ABOVYAN: Let us start with Crimea.\n\nKNUT BREKKE: The annexation is illegal.\n"
    )
    rows = _rows(raw)
    assert rows["Let us start with Crimea."][1:] == ("interviewer", "media")
    assert rows["The annexation is illegal."] == ("Knut Brekke", "interviewee", "NATO")


STATEMENT = """Deputies call on NATO

YEREVAN, October 2 (Kura Wire) - The Standing Committee on Foreign Relations of the National Assembly of Armenia has called on the Alliance to speak up.

"We expect the Allies to be clear. Silence is also a position," says the statement of the committee.

"Our people are fighting for their survival," the statement reads.
"""


def test_a_quotation_from_a_statement_is_its_issuers():
    rows = _rows(STATEMENT)
    assert _row(rows, '"We expect the Allies')[2] == "Armenia"
    assert _row(rows, "Silence is also")[2] == "Armenia"
    assert _row(rows, '"Our people are')[2] == "Armenia"  # the body the narration last gave a position to


@pytest.mark.parametrize(
    ("sentence", "speaker", "holder"),
    [
        # a reporting verb that opens what was said is no trailing attribution
        ("Armenian parliamentarian Ani Sarkisova, a member of the standing committee on foreign relations, said "
         "NATO's statement was weak.", "Ani Sarkisova", "Armenia"),
        # a ministry's press service speaks as narration, for its state
        ("In Baku, the Head of the Press Service of the Azerbaijani Foreign Ministry said the Alliance should act.",
         "narrator", "Azerbaijan"),
        ("Opposition deputy Tofig Alakbarli disagreed.", "Tofig Alakbarli", "other"),
    ],
)
def test_members_press_services_and_dissent(sentence, speaker, holder):
    raw = f"Talks\n\nYEREVAN, April 8 (Wire) - NATO is concerned, an envoy said.\n\n{sentence}\n"
    row = _row(_rows(raw), sentence[:30])
    assert (row[0], row[2]) == (speaker, holder)


REPORTED = """Promise to Georgia stands, NATO officials say

YEREVAN, May 16 (Araks Press) - Armenia has no plans to apply for membership, Armenia's deputy foreign minister said on Thursday.

The deputy minister, speaking at a joint news conference with Ruth Ellingsen, head of the NATO delegation and a senior official, said that Yerevan "is not seeking to replace one dependency with another".

"We are diversifying our partnerships," he said.

"Partners must demand the withdrawal of forces," Rauf Gasimov, a senior foreign policy adviser at the presidential administration in Baku, told Araks Press.

A Kremlin spokesman said Moscow was "following closely" Armenia's contacts with NATO and warned Yerevan against "harmful steps".
"""


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ("Promise to Georgia stands", "NATO"),  # the source a headline names at its end
        ("The deputy minister, speaking", "Armenia"),  # a participle aside between subject and verb
        ('"We are diversifying', "Armenia"),  # "he" is the deputy minister, not the person in the aside
        ('"Partners must demand', "Azerbaijan"),  # a long apposition after the quote still names the speaker
        ("A Kremlin spokesman", "Russia"),  # a quotation inside a clause names nobody after it
    ],
)
def test_reported_speech_with_asides_and_quotations(start, holder):
    assert _row(_rows(REPORTED), start)[2] == holder


def test_a_report_goes_on_after_an_interview_inside_it():
    raw = (
        "Kyiv sees an opening\n\nKYIV, May 18 (Dnipro Wire) - Taras Bondar, an analyst, answered questions from the agency.\n\n"
        "- Is membership realistic?\n\nNot while the war goes on.\n\n- And after it?\n\nThen it is a question of time.\n\n"
        "A senior NATO official, speaking on condition of anonymity, said the accession could be fast.\n\n"
        "A Kremlin spokesman said the decision would make Europe less secure.\n"
    )
    rows = _rows(raw)
    assert rows["Not while the war goes on."][1:] == ("interviewee", "other")
    assert _row(rows, "A senior NATO official")[2] == "NATO"
    assert _row(rows, "A Kremlin spokesman")[2] == "Russia"


ORDINARY_LABELS = """"Expansion is a dead end"

Baku /Eastbridge Monitor/ - Oleg Veresov, minister-counsellor at the Russian embassy in Baku, spoke to Eastbridge Monitor.

Follow us on Facebook and Twitter

Eastbridge: NATO has suspended cooperation with Russia. Does Moscow still see a partner?

Veresov: That is a question for Brussels. We never closed the door.

Eastbridge: And Georgia?

Veresov: Expansion to our borders is a threat, and we will respond.
"""


def test_a_transcript_labelled_in_ordinary_case():
    rows, cleaned = _rows(ORDINARY_LABELS), clean(ORDINARY_LABELS)
    assert rows["That is a question for Brussels."] == ("Oleg Veresov", "interviewee", "Russia")
    assert rows["And Georgia?"][1] == "interviewer"
    assert any(reason == "site_widget" for _, _, reason in cleaned.removed)  # "Follow us on …"
    # one "Name: …" paragraph is no transcript
    assert all(u.label != "speaker" for u in clean("Title\n\nNote: the talks resumed on Monday.\n").units)


@pytest.mark.parametrize(
    ("raw", "start", "holder"),
    [
        ("Talks\n\nTbilisi /Mtkvari Press/ - A senior NATO official said the door remains open.\n",
         "Tbilisi /Mtkvari Press/", "NATO"),  # a dateline with an agency and no date
        ("Talks\n\nBaku, Caspian Wire, 06.10.2020\nNATO is not a party to the conflict, deputy spokesperson "
         "Corinne Mabille told Caspian Wire on Tuesday.\n", "NATO is not a party", "NATO"),  # the spokesperson of the subject
        ("Talks\n\nBRUSSELS, May 21 (Kura News) - Azerbaijani officials, according to a foreign ministry statement, "
         "raised the issue of the occupied territories.\n", "BRUSSELS, May 21", "Azerbaijan"),  # a ministry is no NATO body
        ("Talks\n\nYEREVAN, May 2 (Wire) - Armenia's deputy foreign minister, asked about Korovin's remarks, said "
         "Yerevan decides its own course.\n", "YEREVAN, May 2", "Armenia"),  # "asked about …" is an aside
    ],
)
def test_datelines_spokespeople_and_ministries(raw, start, holder):
    assert _row(_rows(raw), start)[2] == holder


DRAFT = """Draft keeps door open

BRUSSELS, March 27 (Eurowire) - NATO leaders will reaffirm next week that Moldova will become a member, diplomats said.

"We reaffirm the decision that Moldova will become a member of NATO," the draft says.

The draft, dated March 24, says that the Alliance "will continue to assist" Moldova.

To recall, NATO's Secretary General said last year that the Alliance supported the talks.

Support for membership stood at 29 percent, according to a survey by the Chisinau Institute for Policy.
"""


@pytest.mark.parametrize(
    ("start", "holder"),
    [
        ("BRUSSELS, March 27", "NATO"),  # a position in the future tense
        ('"We reaffirm', "NATO"),  # a draft's words are its author's
        ("The draft, dated", "NATO"),
        ("To recall, NATO's", "NATO"),  # background that reports someone's words is theirs
        ("Support for membership", "other"),  # a survey holds no actor's position
    ],
)
def test_drafts_recalled_words_and_surveys(start, holder):
    assert _row(_rows(DRAFT), start)[2] == holder


def test_an_interviewees_state_from_the_headline_and_a_service_post():
    raw = (
        "Armenia will not choose between partners\n\nYerevan Herald spoke to Armen Sahakyan, a member of parliament "
        "from the ruling party.\n\nIs Armenia moving away from Russia?\n\nWe are diversifying our partnerships.\n\n"
        "Would Armenia apply to join NATO?\n\nThat is not on the agenda today.\n"
    )
    rows = _rows(raw, genre="interview")
    assert rows["We are diversifying our partnerships."] == ("Armen Sahakyan", "interviewee", "Armenia")
    people = {p.name: p.holder for p in introduced(
        "Lieutenant Colonel Pieter van Rijn of the Dutch army serves at NATO's liaison office in the region.", registry())}
    assert people["Pieter van Rijn"] == "NATO"  # the post he serves at, not his army


CLOSING_NOTE = """"Moscow is not our enemy"

Q: Is Russia a threat to NATO?

A: We do not see Russia as an enemy, but we cannot ignore its military build-up.

Q: And Karabakh?

A: NATO supports the Minsk Group and has no role of its own.

Anders Lykkeberg is NATO's Special Representative for the South Caucasus. He spoke to Araks Weekly in Yerevan.
"""

UNNAMED_GUEST = """A senior NATO official on the South Caucasus

A senior NATO official, who asked not to be named, answered questions from the Kura Courier in Brussels.

Kura Courier: Will NATO open an office in Baku?

Official: There are no such plans.

Kura Courier: Baku wants a clearer position on its territorial integrity.

Official: The Allies support the territorial integrity of Azerbaijan.
"""

INLINE_DASHES = """Ambassador Orlovsky: enlargement is a mistake

Russia's ambassador to Azerbaijan, Sergei Orlovsky, gave an interview to Caspian Wire.

- Mr Orlovsky, how do you see NATO's partnership with Azerbaijan? - Every country chooses its partners. But enlargement is a mistake.

- Would Russia object to Azerbaijani membership? - Azerbaijan has not asked for it.
"""


@pytest.mark.parametrize(
    ("raw", "sentence", "expected"),
    [
        (CLOSING_NOTE, "NATO supports the Minsk Group and has no role of its own.",
         ("Anders Lykkeberg", "interviewee", "NATO")),  # presented in a closing note
        (CLOSING_NOTE, "He spoke to Araks Weekly in Yerevan.", ("narrator", "narrator", "media")),
        (UNNAMED_GUEST, "There are no such plans.", ("A senior NATO official", "interviewee", "NATO")),
        (UNNAMED_GUEST, "Will NATO open an office in Baku?", ("interviewer", "interviewer", "media")),  # the outlet asks
        (INLINE_DASHES, "- Every country chooses its partners.", ("Sergei Orlovsky", "interviewee", "Russia")),
        (INLINE_DASHES, "Would Russia object to Azerbaijani membership?", ("interviewer", "interviewer", "media")),
    ],
)
def test_interview_layouts(raw, sentence, expected):
    assert _rows(raw, genre="interview")[sentence] == expected


INLINE_QA = """NATO liaison officer visits Yerevan

Yerevan /Ararat Wire/ - Katrin Wellgard, NATO's liaison officer for the South Caucasus, gave an interview to Ararat Wire.

Q: Armenia has troops in Kosovo. What does NATO get from the partnership? A: A reliable partner. Its soldiers are respected.

Q: Is Armenia on its way to membership? A: No. Armenia has made its choice of alliances.
"""

NO_LABELS = """Ruling-party MP Anahit Tevanyan: Partnership does not replace the CSTO

Yerevan. 22 November. Ararat Wire. Armenia has increased its contingent in Kosovo. Is Yerevan moving toward the Alliance? We are moving toward better cooperation, not toward membership.

Do you expect NATO to help in Karabakh? The settlement must come through negotiations.
"""

TITLE_LABEL = """NATO will not intervene, official says

Brussels, Absheron Info, 15.10.2020. A senior NATO official answered questions from Absheron Info.

Q: Azerbaijan's officials say they are liberating their territory. Where does NATO stand?

NATO OFFICIAL: We are deeply concerned by the escalation.

Q: Will NATO mediate?

NATO OFFICIAL: That is for the sides and the mediators to decide.
"""


@pytest.mark.parametrize(
    ("raw", "sentence", "role", "holder"),
    [
        (INLINE_QA, "A: A reliable partner.", "interviewee", "NATO"),  # "Q: …? A: …" in one paragraph
        (INLINE_QA, "Its soldiers are respected.", "interviewee", "NATO"),
        (NO_LABELS, "We are moving toward better cooperation, not toward membership.", "interviewee", "Armenia"),
        (NO_LABELS, "Do you expect NATO to help in Karabakh?", "interviewer", "media"),
        (NO_LABELS, "The settlement must come through negotiations.", "interviewee", "Armenia"),
        (TITLE_LABEL, "We are deeply concerned by the escalation.", "interviewee", "NATO"),  # "NATO OFFICIAL:"
    ],
)
def test_interviews_with_both_sides_in_a_paragraph_or_no_labels(raw, sentence, role, holder):
    row = _rows(raw, genre="interview")[sentence]
    assert row[1:] == (role, holder)


def test_an_all_capitals_colon_headline_keeps_the_speakers_name():
    from corpus_lib.pipeline.headlines import headline_case

    body = "\n\nYerevan. The party met. Partnership with NATO is good, she said."
    assert headline_case("RULING-PARTY MP ANAHIT TEVOSYAN: PARTNERSHIP IS GOOD", body).startswith(
        "Ruling-party MP Anahit Tevosyan:"
    )
    assert headline_case("NATO ENVOY AALAND: WE STAY", "\n\nSigrid Aaland arrived.").startswith("NATO envoy Aaland:")


@pytest.mark.parametrize(
    ("headline", "holder"),
    [
        ("Azerbaijani opposition MP urges closer ties with NATO", "other"),
        ("Former NATO envoy now wants the Alliance at the table", "other"),
        ("In Gyumri, a generation born after the war wonders what the Alliance is for", "other"),
        ("Azerbaijan urges NATO to speak up", "Azerbaijan"),  # an actor as the subject: unchanged
    ],
)
def test_a_headline_whose_subject_holds_no_actors_side_is_nobodys(headline, holder):
    """Invented by the team (2026-12-06): the opposition, a former official or private people say or want."""
    rows = _rows(f"{headline}\n\nBAKU, May 2 (Kura Wire) – The talks went on.\n")
    assert _row(rows, headline[:12])[2] == holder
