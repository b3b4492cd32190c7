"""Tests of the tone scorer (corpus_lib.tone). All sentences are invented."""

from __future__ import annotations

import functools
from importlib import resources

import nltk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_lib import tone
from corpus_lib.tone import analyzer, score_tone


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("We warmly welcome this excellent and constructive agreement.", 1),
        ("The partnership is a great success for both sides.", 1),
        ("This brutal attack is a terrible tragedy.", -1),
        ("Such aggression is unacceptable and dangerous.", -1),
        ("The delegation met in Brussels on Tuesday.", 0),
        ("", 0),
    ],
)
def test_sign(text, sign):
    (score,) = score_tone([text])
    assert -1.0 <= score <= 1.0
    if sign > 0:
        assert score > 0.3
    elif sign < 0:
        assert score < -0.3
    else:
        assert score == 0.0


def test_negation_is_handled_by_vader():
    good, not_good = score_tone(["The talks were good.", "The talks were not good."])
    assert good > 0 > not_good


def test_one_float_per_text_in_order():
    texts = ["Great progress.", "A disaster.", "Neutral words here."]
    scores = score_tone(iter(texts))
    assert len(scores) == 3
    assert all(isinstance(s, float) for s in scores)
    assert scores[0] > 0 > scores[1]


def test_missing_texts_score_zero():
    assert score_tone([None, "   "]) == [0.0, 0.0]  # type: ignore[list-item]


def test_deterministic_and_built_once():
    texts = ["We condemn the shelling.", "We praise the ceasefire."]
    assert score_tone(texts) == score_tone(texts)
    assert analyzer() is analyzer()


def test_uses_the_lexicon_shipped_with_vadersentiment():
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    entries = {line.split("\t")[0] for line in text.splitlines() if line.strip()}
    assert set(analyzer().lexicon) == entries


def test_never_downloads_nltk_data(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download must not be called")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "load", refuse)
    tone.analyzer.cache_clear()
    try:
        assert score_tone(["A fine result."])[0] > 0
    finally:
        tone.analyzer.cache_clear()


EQUIVALENCE_TEXTS = [
    "The envoy praised the talks, calling them 'very constructive'.",
    "Shocking!!! The attack was BRUTAL and the response weak??",
    '"We are not happy," he said; "this is a sad day."',
    "Kind of good, but not great... (maybe) better next time?!?!",
    "The ministers met -- again -- without any real progress.",
    "LOL :) that was a nice surprise :-( no, really!",
    "Cooperation is no longer possible, the spokesman regretted.",
    "x",
    "!!",
    "Peace, stability and prosperity: our shared goals.",
]


@pytest.mark.parametrize("text", EQUIVALENCE_TEXTS)
def test_fast_path_scores_exactly_as_stock_nltk(text):
    stock = tone._PackagedLexiconAnalyzer(tone._lexicon_text(), fast=False)
    assert analyzer().polarity_scores(text) == stock.polarity_scores(text)


def test_fast_path_is_in_use():
    assert tone._FAST_POLARITY is not None


_WORDS = ["good", "Bad", "GREAT", "peace", "war", "not", "never", "very", "kind", "of", "but", "least",
          "the", "Alliance", "said", "talks", "border", "no", ":)", ":-(", "lol", "without", "doubt"]
_GLUE = ["", "", ".", ",", "!", "?", "'", '"', "!!", "?!?", "(", ")", "—", "…", "’"]


@st.composite
def _sentences(draw):
    words = draw(st.lists(st.sampled_from(_WORDS), max_size=12))
    return " ".join(draw(st.sampled_from(_GLUE)) + w + draw(st.sampled_from(_GLUE)) for w in words)


@given(st.lists(_sentences(), max_size=5))
@settings(max_examples=300, deadline=None, derandomize=True)
def test_score_tone_equals_stock_vader_compound(texts):
    # score_tone skips the analyzer where no word is in the lexicon: that must never change a score.
    stock = _stock()
    assert score_tone(texts) == [float(stock.polarity_scores(t)["compound"]) if t.strip() else 0.0 for t in texts]


@functools.lru_cache(maxsize=1)
def _stock():
    return tone._PackagedLexiconAnalyzer(tone._lexicon_text(), fast=False)


def test_sentences_without_lexicon_words_skip_the_analyzer(monkeypatch):
    calls = []
    sia = analyzer()
    monkeypatch.setattr(sia, "polarity_scores", lambda t: calls.append(t) or {"compound": 0.5})
    assert score_tone(["The delegation arrived in the capital on Monday.", "A good day."]) == [0.0, 0.5]
    assert calls == ["A good day."]
