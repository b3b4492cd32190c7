"""Turns, speakers and holders on invented layouts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_lib.pipeline import clauses, discourse
from corpus_lib.pipeline import facts as sentence_facts
from corpus_lib.pipeline.actors import registry
from corpus_lib.pipeline.attribute import attribute, is_question
from corpus_lib.pipeline.clauses import subject_clause
from corpus_lib.pipeline.clean import clean


def _rows(text, **kw):
    return [
        (" ".join(text[s.start : s.end].split()), s.turn, s.speaker, s.speaker_role, s.holder)
        for s in attribute(text, clean(text).units, **kw)
    ]


def test_labelled_interview_with_a_lost_label():
    text = (
        "Interview with Jens Stoltenberg\n\n"
        "Question: How do you see the talks?\n\n"
        "Answer: We see progress.\n\n"
        "Question: And the next round?\n\n"
        "It will take place soon.\n\n"
        "We are ready.\n"
    )
    rows = _rows(text, genre="interview", date=dt.date(2016, 1, 1))
    assert [(r[2], r[3]) for r in rows[1:]] == [
        ("interviewer", "interviewer"),
        ("Jens Stoltenberg", "interviewee"),
        ("interviewer", "interviewer"),
        ("Jens Stoltenberg", "interviewee"),
        ("Jens Stoltenberg", "interviewee"),
    ]
    assert rows[4][1] == rows[5][1]  # one turn over two paragraphs
    assert rows[0][3:] == ("headline", "media")


def test_dash_led_turns_alternate_and_headlines_reset_them():
    text = (
        "Interview of the NATO envoy John Doe to the agency\n\n"
        '"Cooperation is back"\n\n'
        "- Let me start with the relations.\n\n"
        "How are they?\n\n"
        "- They are good.\n\n"
        "We work together.\n\n"
        '"A second theme"\n\n'
        "- And the region?\n\n"
        "- Calm.\n"
    )
    rows = _rows(text, genre="interview", date=dt.date(2012, 1, 1))
    roles = [r[3] for r in rows]
    assert roles == ["headline", "headline", "interviewer", "interviewer", "interviewee", "interviewee",
                     "headline", "interviewer", "interviewee"]
    assert rows[4][2] == "John Doe" and rows[4][4] == "NATO"
    assert rows[1][2:] == ("John Doe", "headline", "NATO")  # a quoted section title quotes the interviewee


@pytest.mark.parametrize(
    "text,speaker,holder",
    [
        ('"We are ready. The door stays open," said NATO spokesperson Jane Roe.', "Jane Roe", "NATO"),
        ('"The talks were useful," Lavrov told reporters.', "Sergey Lavrov", "Russia"),
        ('Mr Stoltenberg spoke to the press. He said: "We stand ready to help."', "Jens Stoltenberg", "NATO"),
        ('The Secretary General underlined that "security is indivisible".', "Jens Stoltenberg", "NATO"),
    ],
)
def test_quotations_in_news_prose(text, speaker, holder):
    rows = _rows(text, genre="news", date=dt.date(2019, 6, 1))
    quoted = [r for r in rows if r[3] == "quoted"]
    assert quoted and all((r[2], r[4]) == (speaker, holder) for r in quoted)


def test_every_sentence_of_a_quotation_gets_its_speaker():
    text = 'Talks went on.\n\n"First point. Second point. Third point," said Armenian Prime Minister Nikol Pashinyan.'
    rows = _rows(text, genre="news", date=dt.date(2020, 1, 1))
    assert [r[2] for r in rows[1:]] == ["Nikol Pashinyan"] * 3
    assert {r[4] for r in rows[1:]} == {"Armenia"}


def test_unattributed_quotation_goes_to_the_person_last_named():
    text = 'Deputy minister Elmar Mammadyarov spoke on Monday. "We will decide ourselves. Nobody else will."'
    rows = _rows(text, genre="news", date=dt.date(2010, 1, 1))
    assert rows[-1][2:] == ("Elmar Mammadyarov", "quoted", "Azerbaijan")


def test_a_title_in_quotes_is_not_speech():
    text = 'The government adopted a plan called "Partnership for the Future" in May.'
    assert _rows(text, genre="news", date=dt.date(2010, 1, 1))[0][3] == "narrator"


@pytest.mark.parametrize(
    "sentence,holder",
    [
        ("NATO avoids any role in the dispute.", "NATO"),
        ("However, the Kremlin rejected the proposal.", "Russia"),
        ("It is no secret that Yerevan hesitates to sign.", "Armenia"),
        ("In March 2015, the Alliance called for restraint.", "NATO"),
        ("The weather was cold in the capital.", "media"),
        ("The process between Armenia and Azerbaijan has been started.", "media"),
    ],
)
def test_narration_holds_the_reported_actor(sentence, holder):
    assert _rows(sentence, genre="news", date=dt.date(2015, 6, 1))[0][4] == holder


def test_official_essay_narration_holds_the_publisher():
    rows = _rows("The cooperation began in 1996.", genre="essay", source="Ministry of Foreign Affairs of Azerbaijan")
    assert rows[0][4] == "Azerbaijan"


def test_pronoun_follows_the_subject_of_the_sentence_before():
    text = "Meeting with Ilham Aliyev, NATO envoy James Appathurai praised the reforms. He also said more was possible."
    rows = _rows(text, genre="news", date=dt.date(2013, 1, 1))
    assert [r[4] for r in rows] == ["NATO", "NATO"]


def test_headline_holders():
    assert _rows("NATO invites, Baku considers\n\nThe talks went on for hours.", genre="news")[0][4] == "NATO"
    assert _rows("Azimov: We will decide ourselves\n\nThe talks went on.", genre="news")[0][2:] == (
        "Araz Azimov", "headline", "Azerbaijan")


@pytest.mark.parametrize(
    "sentence,asks", [("Will it happen?", True), ('"Why now?"', True), ("He asked why.", False), ("Yes.", False)]
)
def test_questions(sentence, asks):
    assert is_question(sentence) is asks


def test_subject_clause_strips_framing():
    assert subject_clause("It is not a secret that Baku wants more.") == "Baku wants more."
    assert subject_clause("Yet, in 2010, NATO said no.") == "NATO said no."


@pytest.mark.parametrize(
    "sentence",
    [
        "Six weeks after the war, NATO said no.",  # a span of time before an event
        "A few days before the summit, NATO said no.",
        "BRUSSELS/BAKU, May 3 (Wire) - NATO said no.",  # a dateline with two places
        "TBILISI – NATO said no.",  # a place in capitals with no date
    ],
)
def test_subject_clause_cuts_time_spans_and_datelines(sentence):
    assert subject_clause(sentence) == "NATO said no."


def test_subject_clause_keeps_an_institution_opening_a_dash():
    assert subject_clause("NATO – and its partners – said no.") == "NATO – and its partners – said no."


_VERB_WORDS = clauses.words_of(f"{clauses.AUX}|{clauses.POSITION}")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_VERB_WORDS).map(lambda w: w.upper() if len(w) % 3 == 0 else w),
            st.sampled_from(["NATO", "the", "minister", "saidx", "xsaid", "İs", "KAN", "pointed", "out,", "has",
                             "-", "’", "3", "_was", "was_", "émphasized", "Said."]),
        ),
        max_size=10,
    ),
    st.sampled_from([" ", "  ", "-", ", ", "\n"]),
)
def test_first_verb_is_where_the_plain_alternation_finds_it(words, glue):
    """The trie of verbs on the lower-cased clause starts where ``_VERBISH`` (the words in
    their listed order, case-insensitive) first does on a word that is not capitalised inside
    the clause (a capitalised word there is a name's: "the United States have")."""
    clause = glue.join(words)
    found = [m.start() for m in clauses.VERBISH.finditer(clause) if m.start() == 0 or not clause[m.start()].isupper()]
    assert clauses.first_verbish(clause) == (found[0] if found else None)


_PEOPLE_WORDS = st.sampled_from(
    ["NATO", "Secretary General", "Jens Stoltenberg", "Stoltenberg", "President", "Ilham Aliyev", "the", "official",
     "OFFICIALS", "officialdom", "spokeswoman", "Spokes", "envoy", "ministers", "Minister", "Baku", "EU", "Kremlin",
     "said", "-", "’s", ".", ",", "a", "Ambassador", "weather", "İlham"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PEOPLE_WORDS, max_size=8), st.sampled_from([" ", "", "-"]), st.sampled_from([None, dt.date(2016, 5, 1)]))
def test_people_filter_only_skips_sentences_naming_nobody(words, glue, date):
    reg = registry()
    text = glue.join(words)
    ctx = discourse.Discourse(date=date, reg=reg)
    if not ctx._may_name_people(text):
        assert [m for m in reg.mentions(text, date) if discourse._person_like(text, m)] == []
        assert ctx._people_in(text) == []


@settings(max_examples=400, deadline=None)
@given(st.lists(_PEOPLE_WORDS | st.sampled_from(["Berg", "Anna", "Vos"]), max_size=8), st.sampled_from([" ", "", "-"]))
def test_people_in_skips_mentions_only_where_they_name_nobody(words, glue):
    """Where the people filter finds no registered person and no person noun, _people_in
    leaves the registry's mentions out: the people it finds are the same as with them."""
    text = glue.join(words)

    def context():
        ctx = discourse.Discourse(date=dt.date(2016, 5, 1), reg=registry())
        ctx.add(("Anna Berg", "NATO"))
        ctx.add(("Ilham Aliyev", "Azerbaijan"))
        return ctx

    facts = sentence_facts.Facts(text)
    ctx = context()
    if ctx._may_name_people(text, facts) and facts.no_registered_people:
        assert ctx._people_in(text, facts) == context()._people_in(text), text


_INTRODUCING_WORDS = st.sampled_from(
    ["Anna", "Berg", "Piet", "Vandermeer", "NATO", "spokesperson", "envoy", "Russian", "diplomat", "said", "told",
     "according", "to", ",", "the", "Alliance's", "deputy", "and", "met", "Secretary", "General", "Baku"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_INTRODUCING_WORDS, max_size=12), st.sampled_from([None, 0, 5, 12, 30]))
def test_first_introduced_is_the_first_of_introduced_before_a_bound(words, before):
    """first_introduced reads names only up to ``before``: it gives introduced's first person
    when that person's name starts before the bound (anywhere, without one), else None."""
    from corpus_lib.pipeline import speakers

    text = " ".join(words)
    reg = registry()
    new = speakers.introduced(text, reg, None, place="Azerbaijan")
    expected = new[0] if new and (before is None or new[0].start < before) else None
    assert speakers.first_introduced(text, reg, None, place="Azerbaijan", before=before) == expected


def test_people_filter_skips_a_sentence_without_people():
    reg = registry()
    ctx = discourse.Discourse(date=None, reg=reg)
    assert discourse._people_filter(reg) is not None  # google-re2 is a dependency
    assert not ctx._may_name_people("The weather was fine in the capital.")
    assert ctx._may_name_people("A NATO official said so.")
    assert ctx._may_name_people("The Secretary General came.")
    assert ctx._may_name_people("Anna Berg said so.")  # a new name before a reporting verb
    # _person_like looks 20 characters past a mention, which can cut a word: "official|dom"
    text = "EU xxxxxxxxxx officialdom"
    assert [m for m in reg.mentions(text) if discourse._person_like(text, m)]
    assert ctx._may_name_people(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["However,", "however", "It is no secret that", "it was said that", "In June 1995,", "Speaking",
                         "to reporters,", "Also", "and", "NATO", "said", "the", "ministers", "-", "\"", "Thus",
                         "IN FACT,", "Recalling", "1995,", "of course", "at the same time,", "x"]),
        max_size=8,
    )
)
def test_subject_clause_shortcut_cuts_what_the_full_loop_cuts(words):
    sentence = " ".join(words)
    got = subject_clause(sentence)
    saved = clauses.ANY_LEAD
    clauses.ANY_LEAD = re.compile("")  # always "may cut": the full loop runs
    try:
        assert subject_clause(sentence) == got
    finally:
        clauses.ANY_LEAD = saved


@settings(max_examples=300, deadline=None)
@given(hypothesis_data=st.data())
def test_people_filter_lets_through_every_person_pattern(hypothesis_data):
    """Any text in which a person or title pattern of the registry matches passes the
    filter, and so does any with a person noun: the RE2 patterns are supersets."""
    reg = registry()
    patterns = [re.compile(p) for p in reg.person_patterns()] + [discourse._PERSON_NOUN_OPEN]
    pattern = hypothesis_data.draw(st.sampled_from(patterns))
    text = hypothesis_data.draw(st.from_regex(pattern, fullmatch=False))
    if pattern.search(text) is None:  # drawn around a look-around from_regex cannot honour
        return
    assert discourse.Discourse(date=None, reg=reg)._may_name_people(text), (pattern.pattern, text)


_WORDISH = st.sampled_from(
    ["said", "Said", "SAID", "saids", "unsaid", "envoy", "envoys", "spokesperson", "Minister", "ministers", "told",
     "according", "favour", "opposed", "welcome", "welcomes", "joined", "NATO", "x", "é", "ſaid", "İ", "'", "’",
     "-", ",", ".", "1", "_"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDISH, max_size=10), st.sampled_from(["", " "]))
def test_word_finders_find_what_the_lower_cased_word_sets_hold(pieces, glue):
    """A word finder finds a word in the lower-cased text exactly where the set of its
    lower-cased words holds one."""
    from corpus_lib.pipeline import reported, speakers

    text = glue.join(pieces)
    words = clauses.lower_words(text)
    assert speakers.may_introduce(text) == (not words.isdisjoint(speakers.ROLE_WORDS | speakers.CUE_WORDS))
    assert (reported._ACTOR_WORD.search(text.lower()) is not None) == (not words.isdisjoint(reported._ACTOR_WORDS))


def test_a_sentence_met_again_shares_its_facts_and_the_filters_verdict():
    """see() keeps one _Facts per distinct sentence and registry: a repeat is not scanned
    again, and a document's own state (the surnames it named) still decides."""
    reg = registry()
    text = "Anna Berg met the press in Baku."
    sentence_facts.facts_of.cache_clear()
    first, second = discourse.Discourse(date=None, reg=reg), discourse.Discourse(date=None, reg=reg)
    second.add(("Anna Berg", "NATO"))
    first.see(text)
    second.see(text)
    assert sentence_facts.facts_of.cache_info().hits == 1
    assert sentence_facts.facts_of(text, reg) is sentence_facts.facts_of(text, reg)
    assert first.last_person is None and second.last_person == ("Anna Berg", "NATO")


def test_the_facts_ask_each_people_filter_once():
    reg = registry()
    found = discourse._people_filter(reg)
    facts = sentence_facts.Facts("A NATO official said so.")
    calls = []
    real = found.candidates
    found.candidates = lambda text: calls.append(text) or real(text)
    try:
        assert facts.passes(found) and facts.passes(found)
    finally:
        del found.candidates
    assert calls == ["A NATO official said so."]
    assert not sentence_facts.Facts("The weather was fine.").passes(found)


_ROLE_PIECES = st.sampled_from(
    ["vice", "president", "vice-president", "Vice President", "secretary", "general", "Secretary-General", "head",
     "of", "state", "member", "members", "the", "parliament", "people", "close", "to", "familiar", "with", "officials",
     "official", "officialdom", "co-chair", "chair", "chairman", "attaché", "ATTACHÉ", "MP", "mps", "x", "-", "’s"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ROLE_PIECES, max_size=8), st.sampled_from([" ", "", "-", "  "]))
def test_the_role_trie_finds_what_the_longest_first_list_finds(words, glue):
    """speakers.ROLE (a trie of the title phrases) finds the same spans, one after another,
    as the phrases listed longest first (``ROLE_NOUNS``)."""
    from corpus_lib.pipeline import speakers

    listed = re.compile(rf"\b(?:{clauses.ROLE_NOUNS})\b", re.IGNORECASE)
    text = glue.join(words)
    assert [m.span() for m in speakers.ROLE.finditer(text)] == [m.span() for m in listed.finditer(text)]
