"""Sentence spans: NLTK's public Punkt with the project's parameters, cut and covered."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_lib.pipeline import segment
from corpus_lib.pipeline.segment import ABBREVIATIONS, CHUNK, MAX_SENTENCE, sentence_tokenizer, split_sentences


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("In June 1995, C. Mackenzie visited. He met Dr. Smith.", ["In June 1995, C. Mackenzie visited.", "He met Dr. Smith."]),
        ("The U.S. Army arrived. It left.", ["The U.S. Army arrived.", "It left."]),
        ("Mr. Marsh spoke on 12 Jan. 2010 in Baku.", ["Mr. Marsh spoke on 12 Jan. 2010 in Baku."]),
        ("No sentence mark here\n", ["No sentence mark here"]),
        ("   \n ", []),
        ('"Is the door open?" the paper asked. "It is," she said.', ['"Is the door open?" the paper asked.', '"It is," she said.']),
        ("'Why now?' asked a reporter. Nobody answered.", ["'Why now?' asked a reporter.", "Nobody answered."]),
        ('"Is the door open?" The envoy smiled.', ['"Is the door open?"', "The envoy smiled."]),
    ],
)
def test_abbreviations_initials_and_blank_text(text, sentences):
    assert _texts(text) == sentences


@pytest.mark.parametrize("word", ["gen", "amb", "u.s", "sept", "x"])
def test_the_tokenizer_knows_the_abbreviations(word):
    assert word in ABBREVIATIONS
    assert word in sentence_tokenizer()._params.abbrev_types


def test_spans_are_punkts_own_trimmed():
    text = 'He said: "Our doors are open. Come in." Then he left.  '
    stock = [text[a:b].strip() for a, b in sentence_tokenizer().span_tokenize(text)]
    assert _texts(text) == stock


def test_a_huge_paragraph_is_cut_at_sentence_ends_into_pieces():
    sentence = "The talks went on in Vienna and the sides met again. "
    text = sentence * (3 * CHUNK // len(sentence))
    spans = split_sentences(text, offset=7)
    assert len(spans) == text.count(".")
    assert all(text[a - 7 : b - 7] == sentence.strip() for a, b in spans)


@settings(max_examples=300, derandomize=True)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\"'A.Dr")), max_size=80))
def test_spans_are_ordered_disjoint_and_trimmed(text):
    spans = split_sentences(text)
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
    assert all(text[a:b] == text[a:b].strip() for a, b in spans)


@pytest.mark.parametrize(
    "text",
    ["word, " * 900 + "end. Next one.", "x" * 5_000, "a b " * 3_000, "Talks; " * 700 + "and more"],
)
def test_no_statement_is_longer_than_the_bound(text):
    spans = split_sentences(text, offset=3)
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert all(text[a - 3 : b - 3] == text[a - 3 : b - 3].strip() for a, b in spans)
    covered = "".join(text[a - 3 : b - 3] for a, b in spans)
    assert covered.replace(" ", "") == "".join(text.split())  # every non-blank character, in order


def test_a_long_sentence_is_cut_at_a_clause_mark_before_a_space():
    text = "alpha beta, " * 300
    first = split_sentences(text)[0]
    assert text[first[0] : first[1]].endswith(",")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("YEREVAN, June 23. /HPA/. The minister spoke. He left.", "YEREVAN, June 23. /HPA/. The minister spoke."),
        ("Baku, 14 November 2019, ATO. The envoy arrived. Talks began.", "Baku, 14 November 2019, ATO. The envoy arrived."),
        ("KARSOVA, MARCH 14, LAKEPRESS. The talks resumed. Nobody spoke.", "KARSOVA, MARCH 14, LAKEPRESS. The talks resumed."),
        ("NATO. It is an alliance.", "NATO."),  # a word in capitals alone is no dateline
        ("The talks resumed. YEREVAN, June 23. Then rain.", "The talks resumed."),
    ],
)
def test_a_dateline_that_ends_in_a_full_stop_belongs_to_the_first_sentence(text, first):
    a, b = split_sentences(text)[0]
    assert text[a:b] == first


def test_a_repeated_paragraph_is_split_once_and_placed_at_each_offset():
    paragraph = "The envoy arrived in Baku. Talks began at noon. They ended late."
    segment._remembered_spans.cache_clear()
    first, again = split_sentences(paragraph, offset=10), split_sentences(paragraph, offset=500)
    assert again == [(a + 490, b + 490) for a, b in first]
    assert segment._remembered_spans.cache_info().hits == 1
    assert [paragraph[a - 10 : b - 10] for a, b in first] == ["The envoy arrived in Baku.", "Talks began at noon.", "They ended late."]


def test_a_paragraph_longer_than_the_memos_bound_is_split_afresh():
    paragraph = "The talks went on. " * (segment.SPLIT_MEMO_CHARS // 19 + 1)
    segment._remembered_spans.cache_clear()
    spans = split_sentences(paragraph)
    assert len(spans) == paragraph.count(".")
    assert segment._remembered_spans.cache_info().currsize == 0
