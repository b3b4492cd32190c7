"""Tests of the tone scorer (corpus_lib.pipeline.tone). All sentences are invented."""

from __future__ import annotations

import functools
import importlib
import re
import string
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path

import nltk
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

import corpus_lib.pipeline
from corpus_lib.pipeline import tone, vader_mirror
from corpus_lib.pipeline.tone import analyzer, score_tone
from corpus_lib.pipeline.vader_mirror import VaderMirror

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
    # The installed vader.py must be the one vader_mirror.py mirrors (checked by its hash, not
    # by the NLTK version: a release that leaves vader.py alone changes nothing).
    assert vader_mirror.mirrors_installed_vader(VaderConstants()), (
        f"NLTK {nltk.__version__} changed vader.py: compare it with vader_mirror.py, then update VADER_SOURCE_SHA256"
    )
    assert isinstance(tone._fast_compound(), VaderMirror)

    def refuse(self, text):
        raise AssertionError("score_tone must not run NLTK's polarity_scores")

    monkeypatch.setattr(SentimentIntensityAnalyzer, "polarity_scores", refuse)
    assert score_tone(["We welcome this excellent agreement.", "The talks were not good."]) == [0.8904, -0.3412]


def _regex_keeping_hyphens():
    """NLTK's punctuation regex as it would be if NLTK stopped removing "-"."""
    return nltk.redos.compile("[" + re.escape(string.punctuation.replace("-", "")) + "]")


def test_a_changed_punctuation_regex_is_detected():
    class Other(VaderConstants):
        REGEX_REMOVE_PUNCTUATION = _regex_keeping_hyphens()

    assert vader_mirror.mirrors_installed_vader(VaderConstants())
    assert not vader_mirror.mirrors_installed_vader(Other())


def test_nltk_strips_exactly_ascii_punctuation_from_every_character():
    # The mirror strips string.punctuation; NLTK's regex must remove no other code point.
    sample = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    removed = VaderConstants.REGEX_REMOVE_PUNCTUATION.sub("", sample)
    assert removed == sample.translate(str.maketrans("", "", string.punctuation))


def test_a_changed_constant_is_caught_by_the_comparison():
    # The equivalence tests below can fail: a mirror with one constant off gives other floats.
    class Off(VaderConstants):
        N_SCALAR = -0.75

    off = VaderMirror(analyzer().lexicon, Off())
    text = "The talks were not good."
    assert off(text) != stock_compound(text)
    assert tone._fast_compound()(text) == stock_compound(text)


# --- the fallback: any failure of the mirror means NLTK's public analyzer -------------------


@pytest.fixture
def fresh_fast_path():
    """_fast_compound rebuilt under the test's patches, and rebuilt again afterwards."""
    tone._fast_compound.cache_clear()
    yield
    tone._fast_compound.cache_clear()


def assert_scores_are_the_stock_analyzers(monkeypatch) -> None:
    """score_tone runs the analyzer's public polarity_scores on each text and returns its compounds."""
    texts = [*QUIRKS, "We welcome this excellent agreement.", "The talks were not good.", "-good news", None]
    want = [stock_compound(t) if isinstance(t, str) else 0.0 for t in texts]
    calls = []
    stock = SentimentIntensityAnalyzer.polarity_scores
    monkeypatch.setattr(
        SentimentIntensityAnalyzer, "polarity_scores", lambda self, t: calls.append(t) or stock(self, t)
    )
    assert tone._fast_compound() is None
    got = score_tone(texts)  # type: ignore[arg-type]
    assert [repr(g) for g in got] == [repr(w) for w in want]
    assert calls == texts[:-1]


@pytest.mark.usefixtures("fresh_fast_path")
def test_fallback_when_the_mirror_module_cannot_be_imported(monkeypatch):
    monkeypatch.setitem(sys.modules, "corpus_lib.pipeline.vader_mirror", None)  # import raises ImportError
    monkeypatch.delattr(corpus_lib.pipeline, "vader_mirror", raising=False)
    with pytest.raises(ImportError):
        importlib.import_module("corpus_lib.pipeline.vader_mirror")
    assert_scores_are_the_stock_analyzers(monkeypatch)


@pytest.mark.usefixtures("fresh_fast_path")
@pytest.mark.parametrize("error", [AttributeError, KeyError, TypeError, RuntimeError])
def test_fallback_when_building_the_mirror_raises(monkeypatch, error):
    def build(lexicon, constants):
        raise error("type object 'VaderConstants' has no attribute 'BOOSTER_DICT'")  # as from a moved name

    monkeypatch.setattr(vader_mirror, "VaderMirror", build)
    assert_scores_are_the_stock_analyzers(monkeypatch)


@pytest.mark.usefixtures("fresh_fast_path")
def test_fallback_when_the_vader_source_hash_differs(monkeypatch):
    monkeypatch.setattr(vader_mirror, "VADER_SOURCE_SHA256", "0" * 64)
    assert_scores_are_the_stock_analyzers(monkeypatch)


@pytest.mark.usefixtures("fresh_fast_path")
def test_fallback_when_the_vader_source_cannot_be_read(monkeypatch):
    def unreadable(obj):
        raise OSError("could not get source code")

    monkeypatch.setattr(vader_mirror.inspect, "getsource", unreadable)
    assert_scores_are_the_stock_analyzers(monkeypatch)


@pytest.mark.usefixtures("fresh_fast_path")
def test_fallback_when_the_punctuation_regex_differs(monkeypatch):
    # With "-" kept in words NLTK no longer strips it from "-good": the mirror would score 0.4404.
    mirror = tone._fast_compound()
    regex = _regex_keeping_hyphens()
    monkeypatch.setattr(VaderConstants, "REGEX_REMOVE_PUNCTUATION", regex)
    assert analyzer().constants.REGEX_REMOVE_PUNCTUATION is regex
    assert mirror("-good news") != stock_compound("-good news")
    tone._fast_compound.cache_clear()
    assert_scores_are_the_stock_analyzers(monkeypatch)


def test_importing_tone_never_fails_because_of_the_mirror():
    # A fresh interpreter in which the mirror cannot be imported at all.
    code = (
        "import sys\n"
        "sys.modules['corpus_lib.pipeline.vader_mirror'] = None\n"
        "from corpus_lib.pipeline import tone\n"
        "assert tone._fast_compound() is None\n"
        "print(repr(tone.score_tone(sys.argv[1:])))\n"
    )
    texts = [t for t in QUIRKS if "\x85" not in t]  # argv round-trips the rest unchanged
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-c", code, *texts], cwd=root, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == repr([stock_compound(t) for t in texts])


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


def test_token_cache_starting_afresh_changes_nothing():
    compound = VaderMirror(analyzer().lexicon, VaderConstants(), cache_limit=3)
    first = compound.token_cache()
    texts = [*QUIRKS, *QUIRKS[::-1]]
    assert [compound(t) for t in texts] == [stock_compound(t) for t in texts]
    # replaced, not cleared: a text being scored with the full cache keeps its entries
    assert compound.token_cache() is not first
    assert len(first) > 3 and first.interesting


def test_threads_sharing_a_small_token_cache_score_exactly():
    compound = VaderMirror(analyzer().lexicon, VaderConstants(), cache_limit=5)
    texts = QUIRKS * 20
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(compound, texts))
    assert got == [stock_compound(t) for t in texts]


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


def test_scores_are_remembered_per_text_and_per_mirror():
    mirror = tone._fast_compound()
    scored = tone._remembered(mirror)
    text = "An invented sentence that welcomes a good and fair remembered agreement."
    before = scored.cache_info()
    assert score_tone([text, text]) == [stock_compound(text)] * 2
    after = scored.cache_info()
    assert after.misses - before.misses <= 1 and after.hits - before.hits >= 1
    assert score_tone([text]) == [stock_compound(text)]
    assert tone._remembered(VaderMirror(analyzer().lexicon, analyzer().constants)) is not scored
    assert scored.cache_info().maxsize == tone.TONE_MEMO
