"""The cleaner's rules, one invented case each, and what it must leave alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_lib.pipeline import clean as clean_module
from corpus_lib.pipeline.clean import clean, is_running_head, is_widget


def _removed(text: str) -> list[tuple[str, str]]:
    return [(reason, text[a:b]) for a, b, reason in clean(text).removed]


def _units(text: str) -> list[str]:
    return [" ".join(text[u.start : u.end].split()) for u in clean(text).units]


BODY = "The envoy met the foreign minister in the capital on Tuesday. Both sides praised the talks.\n"
HEADLINES = "\n".join(
    [
        "Grain exports rise in the second quarter",
        "Central bank keeps its rate unchanged",
        "New bridge opens over the river",
        "Minister: Tourism season starts early",
        "Football club signs a young striker",
        "Weather service warns of heavy snow",
    ]
)


@pytest.mark.parametrize(
    "line,widget",
    [("Loading…", True), ("Loading Bars", True), ("All news", True), ("Read more »", True), ("Share | Print", True),
     ("Tags:", True), ("All news about the summit was good.", False), ("The share of trade rose.", False)],
)
def test_site_widgets(line, widget):
    assert is_widget(line) is widget


def test_trailing_headline_list_is_removed_line_by_line():
    text = BODY + "\n" + HEADLINES + "\nAll news"
    removed = _removed(text)
    assert [r for r, _ in removed] == ["headline_list"] * 6 + ["site_widget"]
    assert _units(text) == [" ".join(BODY.split())]


def test_headline_block_before_the_body_is_kept():
    text = HEADLINES + "\n\n" + BODY
    assert not [r for r, _ in _removed(text) if r == "headline_list"]


def test_hard_wrapped_last_paragraph_is_not_a_headline_list():
    wrapped = (
        "Along with this, the mission expects more steps from the\n"
        "capital. The deputy minister has said that closer ties with\n"
        "regional institutions remain one of the priorities of the\n"
        "government and that the new plan gives both sides more\n"
        "room to work together in the coming two years.\n"
    )
    text = BODY + "\n" + wrapped
    assert _removed(text) == []
    assert len(_units(text)) == 2


def test_repeated_title_and_byline():
    text = (
        "Talks Resume In The Capital\n\nTALKS RESUME IN THE CAPITAL\nJane Roe\n\nDaily Courier\nMarch 3 2009\n\n"
        "Officials from both sides returned to the table on Monday and agreed to meet again.\n"
    )
    assert _removed(text) == [
        ("repeated_title", "TALKS RESUME IN THE CAPITAL"),
        ("byline", "Jane Roe"),
        ("byline", "Daily Courier"),
        ("byline", "March 3 2009"),
    ]
    assert _units(text)[0] == "Talks Resume In The Capital"


def test_title_repeated_with_a_place_prefix():
    text = "Capital: Talks Resume After A Pause\n\nTALKS RESUME AFTER A PAUSE\n\n" + BODY
    assert _removed(text) == [("repeated_title", "TALKS RESUME AFTER A PAUSE")]


def test_whole_article_repeated():
    article = (
        "The delegation arrived on Monday for two days of consultations with the government.\n\n"
        "Both sides discussed border security, training and the reform of the defence ministry.\n\n"
    )
    text = "Visit Ends\n\n" + article + article
    reasons = [r for r, _ in _removed(text)]
    assert reasons == ["repeated_article", "repeated_article"]
    assert len(_units(text)) == 3


def test_short_repeated_sentence_in_the_body_is_kept():
    text = BODY + "\nThank you.\n\n" + BODY.replace("Tuesday", "Friday") + "\nThank you.\n"
    assert _removed(text) == []


def test_separator_and_labels():
    text = "Question: Will the talks go on?\n\nAnswer: They will.\n\n* * *\n\n- Yes, they will.\n"
    assert _removed(text) == [
        ("turn_marker", "Question: "),
        ("turn_marker", "Answer: "),
        ("separator", "* * *"),
        ("turn_marker", "- "),
    ]
    assert [u.label for u in clean(text).units] == ["question", "answer", "dash"]


def test_byte_order_mark_and_crlf():
    text = "\ufeffTalks Resume\r\n\r\nThe envoy arrived.\r\nAll news\r\n"
    assert _removed(text) == [("byte_order_mark", "\ufeff"), ("site_widget", "All news")]
    assert _units(text) == ["Talks Resume", "The envoy arrived."]


def test_hard_wrapping_is_undone_but_short_lines_stay_apart():
    text = (
        "A Short Title\n"
        "The minister said the talks were useful and that a new round\n"
        "would follow in the spring after the elections in both states.\n"
    )
    units = _units(text)
    assert units[0] == "A Short Title"
    assert units[1].startswith("The minister said") and units[1].endswith("both states.")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(list("aZ9_ .,;:!?\"'’‘“”()-–—…/*ßİﬁ٣\u00a0\t\n") + ["NATO", "U.S.", "so-called", "ǅ"]), max_size=30))
def test_words_are_the_word_regex_matches(pieces):
    text = "".join(pieces)
    assert clean_module._words(text) == clean_module._WORD.findall(text)
    assert clean_module._norm(text) == " ".join(clean_module._WORD.findall(text.casefold()))


def test_a_line_that_ends_on_a_comma_goes_on_in_the_next():
    raw = "Envoy speaks\n\nThere is no military solution to the conflict,\nAnna Berg, the Alliance's envoy, said.\n"
    units = [raw[u.start : u.end] for u in clean(raw).units]
    assert units[-1] == "There is no military solution to the conflict,\nAnna Berg, the Alliance's envoy, said."


_REPEAT_PIECES = st.sampled_from(
    ["NATO", "nato", "Nato", "U.S.", "U S", "U.S.-led", "us", "open", "door", "Open-door", "’s", "'s", "—", ",", ".",
     "Straße", "STRASSE", "strasse", "İstanbul", "istanbul", "ﬁnal", "final", "état", "ÉTAT", "1994", "x", "\n", "  "]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_REPEAT_PIECES, max_size=10), st.lists(_REPEAT_PIECES, max_size=10), st.sampled_from(["", " "]))
def test_units_with_the_same_words_have_the_same_repeat_key(a, b, glue):
    """The repeat check compares words only between units whose letter counts agree: equal
    words must give equal counts."""
    left, right = glue.join(a), glue.join(b)
    if clean_module._norm(left) == clean_module._norm(right):
        assert clean_module._repeat_key(left) == clean_module._repeat_key(right), (left, right)


def test_a_repeated_paragraph_is_found_among_others_of_the_same_letters():
    body = "NATO met Azerbaijan in Baku today, and the talks went on for hours."
    other = "Today in Baku NATO met Azerbaijan, and for hours the talks went on."  # same letters, other words
    text = f"Title\n\n{body}\n\n{other}\n\n{body.upper()}\n"
    reasons = [reason for _, _, reason in clean(text).removed]
    assert reasons == ["repeated_text"]


@pytest.mark.parametrize(
    "head",
    ["THE CASPIAN WEEKLY | E-PAPER | THURSDAY, 19 OCTOBER 2006 | PAGE 5", "4 | TBILISI EVENING POST | 24 SEPTEMBER 2008",
     "NORTHERN MERIDIAN · THURSDAY 11 APRIL 2013 · 12"],
)
def test_a_print_pages_running_head_goes_to_the_ledger(head):
    raw = f"NATO envoy visits Baku\n\n{head}\n\nThe envoy met the minister on Monday.\n\n{head}\n\nTalks went on.\n"
    cleaned = clean(raw)
    assert [raw[a:b] for a, b, reason in cleaned.removed if reason == "running_head"] == [head, head]
    assert not any(head in raw[u.start : u.end] for u in cleaned.units)


@pytest.mark.parametrize("line", ["BAKU | 12 March 2010 | Caspian Agency", "NATO | Georgia | Russia | 2008"])
def test_a_dateline_or_a_list_between_bars_is_no_running_head(line):
    assert not is_running_head(line)
