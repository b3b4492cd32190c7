"""Tests of the tone scorer (corpus_lib.pipeline.tone). All sentences are invented."""

from __future__ import annotations

import functools
import string
import sys
from importlib import resources

import nltk
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from corpus_lib.pipeline import tone
from corpus_lib.pipeline.tone import analyzer, score_tone

EXACT = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=1)
def _stock() -> SentimentIntensityAnalyzer:
    """NLTK's analyzer over the same lexicon, with nothing of corpus_lib's in its scoring."""
    return tone._PackagedLexiconAnalyzer(tone._lexicon_text())


def stock_compound(text: str) -> float:
    return _stock().polarity_scores(text)["compound"]


def assert_exact(texts: list[str]) -> None:
    """score_tone's floats are the stock analyzer's, bit for bit (repr tells -0.0 from 0.0)."""
    got = score_tone(texts)
    want = [stock_compound(t) for t in texts]
    diffs = [
        (t, g, w) for t, g, w in zip(texts, got, want, strict=True) if repr(g) != repr(w) or type(g) is not type(w)
    ]
    assert not diffs, diffs[:5]


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


def test_analyzer_is_nltks_own():
    sia = analyzer()
    assert isinstance(sia, SentimentIntensityAnalyzer)
    assert type(sia).polarity_scores is SentimentIntensityAnalyzer.polarity_scores
    assert "polarity_scores" not in vars(sia)
    assert sia.polarity_scores("A fine, good result!")["compound"] == stock_compound("A fine, good result!")


def test_never_downloads_nltk_data(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download must not be called")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "load", refuse)
    tone.analyzer.cache_clear()
    tone._fast_compound.cache_clear()
    try:
        assert score_tone(["A fine result."])[0] > 0
    finally:
        tone.analyzer.cache_clear()
        tone._fast_compound.cache_clear()


# --- the fast path is in use, and exact -----------------------------------------------------


def test_fast_path_is_in_use_on_this_nltk(monkeypatch):
    # The installed vader.py must be the one tone.py mirrors (checked by its hash, not by
    # the NLTK version: a release that leaves vader.py alone changes nothing).
    assert tone._vader_is_mirrored(VaderConstants()), (
        f"NLTK {nltk.__version__} changed vader.py: compare it with tone.py, then update VADER_SOURCE_SHA256"
    )
    assert tone._fast_compound() is not None

    def refuse(self, text):
        raise AssertionError("score_tone must not run NLTK's polarity_scores")

    monkeypatch.setattr(SentimentIntensityAnalyzer, "polarity_scores", refuse)
    assert score_tone(["We welcome this excellent agreement.", "The talks were not good."]) == [0.8904, -0.3412]


def test_fallback_to_the_stock_analyzer_when_vader_changes(monkeypatch):
    texts = ["Kind of good, but NOT great!!", "The talks ended.", "", None]
    expected = score_tone(texts)  # type: ignore[arg-type]
    calls = []
    stock = SentimentIntensityAnalyzer.polarity_scores
    monkeypatch.setattr(
        SentimentIntensityAnalyzer, "polarity_scores", lambda self, t: calls.append(t) or stock(self, t)
    )
    monkeypatch.setattr(tone, "VADER_SOURCE_SHA256", "0" * 64)
    tone._fast_compound.cache_clear()
    try:
        assert tone._fast_compound() is None
        assert score_tone(texts) == expected  # type: ignore[arg-type]
        assert calls == texts[:3]
    finally:
        tone._fast_compound.cache_clear()


def test_fallback_when_the_punctuation_regex_changes():
    class Other(VaderConstants):
        REGEX_REMOVE_PUNCTUATION = nltk.redos.compile(f"[{string.punctuation.replace('-', '')}]".replace("\\", "\\\\"))

    assert tone._vader_is_mirrored(VaderConstants())
    assert not tone._vader_is_mirrored(Other())


def test_nltk_strips_exactly_ascii_punctuation_from_every_character():
    # The mirror strips string.punctuation; NLTK's regex must remove no other code point.
    sample = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    removed = VaderConstants.REGEX_REMOVE_PUNCTUATION.sub("", sample)
    assert removed == sample.translate(str.maketrans("", "", string.punctuation))


def test_a_changed_constant_is_caught_by_the_comparison():
    # The equivalence tests below can fail: a mirror with one constant off gives other floats.
    class Off(VaderConstants):
        N_SCALAR = -0.75

    off = tone._make_compound(analyzer().lexicon, Off())
    text = "The talks were not good."
    assert off(text) != stock_compound(text)
    assert tone._fast_compound()(text) == stock_compound(text)


QUIRKS = [
    # "but" (any case: the first one found lower-cased), before and after
    "The plan is good but the timing is bad.",
    "Good talks BUT bad results, but good will.",
    "But good.",
    "good but",
    # negation, "n't" anywhere in a word, "without", "least"
    "This isn't good and that wasn't bad.",
    "It ain't great, we cant complain, nor is it sad.",
    "He won’t be happy",  # a curly apostrophe is not "n't"
    "xn'tx good",
    "without doubt a great success",
    "at least good",  # a repeated word is scored at its first position: one case per sentence
    "very least good",
    "the least good",
    "At Least good",
    "least good",
    "least",
    "Seldom so happy, rarely this sad, despite the war.",
    # "never so/this" (case-sensitive), and "so"/"this" right before a word
    "never so good",
    "never this bad",
    "We were never so very happy.",
    "Never so good",
    "It was never really this sad.",
    "all of this good",
    "a b so good",
    # boosters and dampeners, ALL CAPS, and "kind of"/"sort of"
    "VERY good and extremely BAD news for THE PEACE talks",
    "GOOD GREAT PEACE",
    "The deal is kind of good and sort of bad.",
    "kind of",
    "kind",
    "It is kind of kind.",
    "just enough good",
    "Kind of good, KIND OF bad, kinda great, sorta sad, kind-of fine",
    "barely good, hardly bad, slightly happy, somewhat SAD, little love",
    "more good, MOST bad, less happy",
    # idioms (only when a lexicon word is found past the third word)
    "that was the shit",
    "a b c the bomb",
    "you are a bad ass man",
    "yeah right, that is great",
    "they did not cut the mustard",
    "it is the kiss of death for us",
    "they live from hand to mouth now",
    "the cut the mustard kiss",
    # each sequence _idioms_check builds, with the lexicon word three or more words in
    # (one-character tokens do not count: VADER drops them)
    "we all the shit",  # onezero
    "we kiss of death",  # twoonezero
    "we the bomb good",  # twoone
    "we all sort of good",  # twoone, a booster bigram
    "we all sort of said good",  # threetwo, a booster bigram
    "we all just enough said good",
    "the shit we good",  # threetwo
    "the bomb, so good",
    "then we all said yeah right",  # zeroone at the end
    "we all said bad ass",
    "we all said cut the mustard",  # zeroonetwo
    "we all said cut the mustard now",
    "a b c d good",  # dropped one-character tokens are no neighbours
    # a word repeated is scored at its first position
    "good not good not good",
    "bad, very bad, so bad",
    "love love LOVE",
    # punctuation: glued, emphasis over the whole text, emoticons
    "Good!!! Great!!!! Fine?",
    "good?? bad??? sad????",
    '!good ?bad ,fine \'kind "happy" (sad) good!!!! good?!?! good!?!? --good good-- :) :-( <3 xD',
    "good:) (bad ...good good... 'don't' good's",
    "! ? . , ; : a I x",
    "",
    "   ",
    "\t\n",
    # other whitespace and non-ASCII letters
    "good\u00a0news\u2003and\u3000bad\u0085news",
    "İyi GOOD ÇOK bad ÉTÉ",
    "ǅ good",
]


@pytest.mark.parametrize("text", QUIRKS)
def test_quirks_score_exactly_as_stock_nltk(text):
    assert_exact([text])


def test_seed_corpus_statements_score_exactly_as_stock_nltk(seed_corpus):
    texts = list(seed_corpus.statements["text"])
    assert len(texts) > 100
    assert_exact(texts)
    assert score_tone(texts) == list(seed_corpus.statements["tone"])


def test_seed_documents_score_exactly_as_stock_nltk(seed_raw):
    lines = [line for text in seed_raw.values() for line in text.splitlines()]
    assert_exact(list(seed_raw.values()) + lines)


def test_synthetic_paragraphs_score_exactly_as_stock_nltk():
    from corpus_lib.scale.synth import compose, load_templates

    templates = load_templates()
    texts = [p for i in range(12) for p in compose(templates, i, seed=11)[1].split("\n")]
    assert len(texts) > 100
    assert_exact(texts)


def test_token_cache_starting_afresh_changes_nothing(monkeypatch):
    monkeypatch.setattr(tone, "_TOKEN_CACHE_LIMIT", 3)
    compound = tone._make_compound(analyzer().lexicon, VaderConstants())
    texts = [*QUIRKS, *QUIRKS[::-1]]
    assert [compound(t) for t in texts] == [stock_compound(t) for t in texts]


_VOCABULARY = [
    # lexicon words, in several cases
    *"good Good GOOD bad BAD great peace war happy sad love hate no No yes fine kind Kind KIND dead".split(),
    *"lucky agree kiss cut hand shit bomb ass yeah death :) :-( :( <3 lol xd XD :D".split(),
    # boosters and dampeners, "kind of" / "sort of" / "just enough"
    *"very VERY extremely so So SO really most more less little barely kinda sorta kind-of".split(),
    *"of Of sort just enough".split(),
    # negations, "least", "never so/this", "but"
    *"not NOT isn't Isn't don't cant never Never NEVER without nor nothing despite seldom n't".split(),
    *"wasn't ain't won’t least Least at At this This but But BUT".split(),
    # idiom words, neutral words, one-character tokens
    *"the The right mustard mouth to up fed stand talks Alliance border said a I x - ! ? — …".split(),
]
_GLUE = ["", "", "", "", *". , ! ? ' \" !! !!! !!!! ?? ??? ?!? !?!? ( ) - -- : ; ... ’ — 's".split()]
_SPACES = [" ", " ", " ", " ", "  ", "\n", "\t", "\u00a0", ""]


@st.composite
def _sentences(draw) -> str:
    parts = []
    for word in draw(st.lists(st.sampled_from(_VOCABULARY), max_size=14)):
        parts.append(draw(st.sampled_from(_GLUE)) + word + draw(st.sampled_from(_GLUE)))
        parts.append(draw(st.sampled_from(_SPACES)))
    return "".join(parts)


@given(st.lists(_sentences(), max_size=4))
@EXACT
def test_generated_sentences_score_exactly_as_stock_nltk(texts):
    assert_exact(texts)


@given(
    st.lists(st.one_of(st.text(max_size=40), st.text(alphabet=" !?.,'\"-:;()aAbgGoOdDntN", max_size=40)), max_size=4)
)
@settings(max_examples=100, deadline=None, derandomize=True)
def test_arbitrary_text_scores_exactly_as_stock_nltk(texts):
    assert_exact([f"{t} good" for t in texts] + texts)
