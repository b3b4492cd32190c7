"""Tests of the Punkt mirror in corpus_lib.pipeline.segment: its spans are NLTK's span_tokenize's, exactly."""

from __future__ import annotations

import copy
import re
import sys
from collections import defaultdict

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktToken

from corpus_lib.pipeline import segment
from corpus_lib.pipeline.segment import ABBREVIATIONS, punkt_span_tokenize, sentence_tokenizer

EXACT = settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

# Words rich in what Punkt decides on: sentence marks, ellipses, abbreviations (known or not,
# after a hyphen), initials in both cases and other scripts, numbers, quotes and brackets,
# "--", inner punctuation, and case at the start of the next word.
WORDS = [
    *"Mr. mr. Dr. dr. Gen. gen. ex-gen. ex-Gen. ex-foo. pre-U.S. U.S. u.s. U.S U.S.A. e.g. i.e. etc. cf.".split(),
    *"No. no. Nos. Jan. Sept. sept. Ltd. Co. vs. St. Prof. Rep. Fig. approx. al. Inc.".split(),
    *"foo. Foo. bar. Bar baz said. Said. visited. end. He he The the It it".split(),
    *"A. a. B. C. x. Z. İ. ß. é. É. Ж. ж. _. Ⅷ. ǅ. 1. 7.".split(),
    *"1995. 1995 3.5 3.5. -2,000. 2,000 .5 .5. 1.. 12. ٣. ٣ 4th. ##NUMBER##. ##number##".split(),
    *'... .. . ? ! ?! !!! .) ." a.. x.y. foo.bar Dr.Smith U.S.-led'.split(),
    *"-- --- - , ; : ' \" “ ” ‘ ’ « » ( ) [ ] { } @ * & # ` % —".split(),
    ". . .",
    ". .",
    ".\u2028.",
    ".\xa0. .",
    *"İstanbul istanbul ß straße Émile émile Москва москва Ǆ ǅ ǆ".split(),
]
SEPARATORS = [" ", " ", " ", "", "", "  ", "\n", "\n\n", "\r", "\r\n", "\t", "\x0b", "\x0c"]
SEPARATORS += ["\u2028", "\xa0", "\x85", "\x1c"]  # whitespace to the regex or str.strip(), not ASCII
CHARS = ".?!.. \n\r\t\x0b\x0c\u2028\xa0'\"“”‘’«»()[]{}-,;:aAbBxZİßéЖж٣19_#&*@"

texts = st.tuples(
    st.sampled_from(["", "", "", " ", "\n", "\t", "\xa0"]),  # the first mark's word may start at 0
    st.one_of(
        st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30).map(
            lambda pairs: "".join(w + s for w, s in pairs)
        ),
        st.text(alphabet=CHARS, max_size=40),
        st.lists(st.sampled_from(WORDS + SEPARATORS), max_size=25).map("".join),
    ),
).map("".join)


def _tokenizer(**fields) -> PunktSentenceTokenizer:
    """A tokenizer with sentence_tokenizer()'s abbreviations and ``fields`` set on its parameters."""
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    for name, value in fields.items():
        setattr(params, name, value)
    return PunktSentenceTokenizer(params)


# NLTK's _ortho_heuristic stores a 0 in ortho_context for each type it looks up, so the
# project's tokenizer rarely has an empty one; the mirror must be right both ways.
STOCK = _tokenizer()  # only NLTK runs it
FRESH = _tokenizer()  # only the mirror runs it: its ortho_context stays empty
USED = _tokenizer(ortho_context=defaultdict(int, dict.fromkeys(("the", "he", "bar", "foo", "a", "##number##"), 0)))
TOKENIZERS = pytest.mark.parametrize("tokenizer", [FRESH, USED], ids=["empty-ortho-context", "zeros-ortho-context"])


def nltk_spans(tokenizer: PunktSentenceTokenizer, text: str) -> list[tuple[int, int]]:
    return list(tokenizer.span_tokenize(text))


def assert_same(tokenizer: PunktSentenceTokenizer, text: str) -> None:
    """The mirror's spans with ``tokenizer`` are NLTK's with its parameters."""
    assert punkt_span_tokenize(tokenizer, text) == nltk_spans(STOCK, text), repr(text)


def test_the_mirror_is_in_use():
    for tokenizer in (sentence_tokenizer(), FRESH, USED):
        assert segment._mirror_applies(tokenizer)
        assert segment._patterns(tokenizer._lang_vars) is not None
    assert not FRESH._params.ortho_context


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n ",
        "No sentence mark here\n",
        "In June 1995, C. Mackenzie visited. He met Dr. Smith.",
        "Mr. Smith left. (He came back.) Done",
        "Very bad acting!!! I promise.",
        'He said: "Our doors are open. Come in." Then he left.',
        "The U.S. Army arrived. the ex-gen. left. Ex-foo. Bar.",
        "It rose 3.5. Then -2,000. fell. It cost 1995. and more. In 1995. He came.",
        "Wait. . . what? . . . Yes.. no... Maybe.",
        " x. y. Z. É. é. ß. İ. ж. Ж. _. ٣. a.. b.",
        "\nA.\u2028B. C.\x85D.\r\nE.\x0bF.\x0c G.\xa0H. I.\n\n\nJ.",
        "(Sent1.) Sent2. [x.] {y!} «z?» “q.” ‘r.’ 'a.'--b. c.\"-- d",
        " !! A. b",  # a space at 0 is no word boundary for the first mark
        "x .\u2028.\n. Y",  # "\n" parts lines, "\u2028" does not
        "It ended.\n\x1c Then more.",  # str.strip() blanks the line "\x1c", the regex does not
        "He met A. , b. Then x A.; y. In 1995. , he. Z. ? Q",
    ],
)
@TOKENIZERS
def test_examples(text, tokenizer):
    assert_same(tokenizer, text)


@EXACT
@given(text=texts)
@TOKENIZERS
def test_generated_texts(text, tokenizer):
    assert_same(tokenizer, text)


ORTHO_TYPES = sorted(
    {PunktToken(w).type for w in WORDS} | {PunktToken(w).type_no_period for w in WORDS} | {"##number##"}
)


def _types(text: str) -> list[str]:
    """The types (with and without a final period) of the words of ``text``."""
    tokens = list(STOCK._tokenize_words(text))
    return sorted({t.type for t in tokens} | {t.type_no_period for t in tokens})


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_learnt_ortho_contexts(data):
    """Non-zero orthographic contexts (as a trained model has) are read as NLTK reads them."""
    text = data.draw(texts)
    keys = st.sampled_from(_types(text) or ["the"]) | st.sampled_from(ORTHO_TYPES)
    contexts = data.draw(st.dictionaries(keys, st.integers(0, 127), max_size=20))
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.ortho_context = defaultdict(int, contexts)
    ours = PunktSentenceTokenizer(copy.deepcopy(params))
    stock = PunktSentenceTokenizer(params)
    assert segment._mirror_applies(ours)
    assert punkt_span_tokenize(ours, text) == nltk_spans(stock, text), repr(text)


@pytest.mark.parametrize("context", [16, 16 | 4, 64, 2 | 32, 8])
@pytest.mark.parametrize(
    "text", ["He met A. Bar then.", "See gen. Bar now. Wait... Bar", "Say é. Bar, 1995. bar and ß. bar. Ok."]
)
def test_learnt_ortho_context_examples(text, context):
    """An abbreviation, an ellipsis, an initial (both an abbreviation and not) and a number before "Bar"/"bar"."""
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.ortho_context = defaultdict(int, {"bar": context})
    ours = PunktSentenceTokenizer(copy.deepcopy(params))
    assert punkt_span_tokenize(ours, text) == nltk_spans(PunktSentenceTokenizer(params), text)


def _seed_and_synthetic_texts() -> list[str]:
    from corpus_lib.paths import SEEDS_DIR
    from corpus_lib.pipeline.load import load_documents
    from corpus_lib.scale.synth import compose, load_templates

    seeds = [doc.text for doc in load_documents(SEEDS_DIR)]
    templates = load_templates()
    synthetic = [compose(templates, i, seed=seed)[1] for seed in (0, 7) for i in range(15)]
    return seeds + synthetic


@TOKENIZERS
def test_seed_and_synthetic_documents(tokenizer):
    """Whole documents, their paragraphs and their cleaned units."""
    from corpus_lib.pipeline.clean import clean

    pieces = 0
    for text in _seed_and_synthetic_texts():
        parts = [text, *text.split("\n\n"), *(text[u.start : u.end] for u in clean(text).units)]
        for part in parts:
            assert_same(tokenizer, part)
        pieces += len(parts)
    assert pieces > 500


def test_split_sentences_uses_the_mirror(monkeypatch):
    calls = []
    mirror = segment._mirror_span_tokenize
    monkeypatch.setattr(segment, "_mirror_span_tokenize", lambda *a: calls.append(a) or mirror(*a))
    assert segment.split_sentences("He left. She stayed.") == [(0, 8), (9, 20)]
    assert calls


def _no_mirror(*args):
    raise AssertionError("the mirror ran although its guard should fail")


FALLBACK_TEXT = "It was foo. Bar came. The gen. The end. J. S. Bach wrote."


def test_fallback_when_the_source_differs(monkeypatch):
    monkeypatch.setattr(segment, "PUNKT_SOURCE_SHA256", "0" * 64)
    segment._punkt_is_mirrored.cache_clear()
    try:
        monkeypatch.setattr(segment, "_mirror_span_tokenize", _no_mirror)
        assert not segment._mirror_applies(sentence_tokenizer())
        assert_same(sentence_tokenizer(), FALLBACK_TEXT)
        assert segment.split_sentences(FALLBACK_TEXT)
    finally:
        monkeypatch.undo()
        segment._punkt_is_mirrored.cache_clear()
    assert segment._mirror_applies(sentence_tokenizer())


@pytest.mark.parametrize(
    "fields",
    [{"collocations": {("foo", "bar")}}, {"sent_starters": {"the"}}, {"ortho_context": defaultdict(lambda: 0)}],
    ids=["collocations", "sent_starters", "ortho-context-not-defaultdict-int"],
)
def test_fallback_when_the_parameters_need_it(fields, monkeypatch):
    tokenizer = _tokenizer(**fields)
    want = nltk_spans(tokenizer, FALLBACK_TEXT)
    if "ortho_context" not in fields:  # the mirror, which ignores them, would split otherwise
        plain = segment._mirror_span_tokenize(
            FALLBACK_TEXT, segment._patterns(tokenizer._lang_vars), tokenizer._params.abbrev_types, defaultdict(int)
        )
        assert plain != want
    monkeypatch.setattr(segment, "_mirror_span_tokenize", _no_mirror)
    assert not segment._mirror_applies(tokenizer)
    assert punkt_span_tokenize(tokenizer, FALLBACK_TEXT) == want


def test_fallback_for_other_classes_or_patterns(monkeypatch):
    class Token(PunktToken):
        pass

    class Tokenizer(PunktSentenceTokenizer):
        pass

    params = _tokenizer()._params
    others = [PunktSentenceTokenizer(params, token_cls=Token), Tokenizer(params)]
    for tokenizer in others:
        assert not segment._mirror_applies(tokenizer)
    # A pattern that is not an nltk.redos wrapper: the guard passes, the patterns do not.
    unwrapped = _tokenizer()
    lang_vars = unwrapped._lang_vars
    lang_vars._re_word_tokenizer = lang_vars._word_tokenizer_re()._rx
    assert segment._mirror_applies(unwrapped)
    assert segment._patterns(lang_vars) is None
    others.append(unwrapped)
    monkeypatch.setattr(segment, "_mirror_span_tokenize", _no_mirror)
    for tokenizer in others:
        assert punkt_span_tokenize(tokenizer, FALLBACK_TEXT) == nltk_spans(_tokenizer(), FALLBACK_TEXT)


def test_context_words_are_those_of_tokenize_words():
    findall = sentence_tokenizer()._lang_vars._word_tokenizer_re()._rx.findall
    for context in ["a. B", "c. d", "e.\n\nF", " \n. x", "g!!", "h.\x1c\ni", "\u2028j. K"]:
        expected = [t.tok for t in sentence_tokenizer()._tokenize_words(context)]
        assert segment._context_words(findall, context) == expected


def _swap_marks(pattern):
    """The same pattern with "!" and "?" the other way round at the end of its class of
    non-word marks (NLTK writes them in the order of a set, which depends on the hash seed)."""
    text = pattern.pattern.replace(r"\xbb!\?", "\0").replace(r"\xbb\?!", r"\xbb!\?").replace("\0", r"\xbb\?!")
    return regex.compile(text, pattern.flags)


def _hot_pairs(swapped=False):
    """NLTK's three hot patterns (regex module) and their standard-re forms."""
    lang_vars = sentence_tokenizer()._lang_vars
    nltk_patterns = (
        lang_vars.period_context_re()._rx,
        lang_vars.re_boundary_realignment._rx,
        lang_vars._word_tokenizer_re()._rx,
    )
    if swapped:
        nltk_patterns = tuple(map(_swap_marks, nltk_patterns))
    stdlib = segment._stdlib_patterns(*nltk_patterns)
    assert stdlib is not None  # NLTK 3.10.4's patterns, in either order: the standard-re forms are used
    return list(zip(nltk_patterns, stdlib))


def test_the_mirror_calls_the_standard_re_forms():
    methods = segment._patterns(sentence_tokenizer()._lang_vars)
    assert all(isinstance(m.__self__, re.Pattern) for m in methods[:3])


def test_spelled_out_spaces_are_the_regex_modules_on_every_code_point():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(segment._REGEX_SPACE, every) == regex.findall(r"\s", every)
    assert re.findall(segment._REGEX_NON_SPACE, every) == regex.findall(r"\S", every)


@EXACT
@given(texts)
def test_standard_re_forms_match_as_the_regex_module(text):
    assert _hot_pairs(swapped=True)[0][0].pattern != _hot_pairs()[0][0].pattern
    for nltk_pattern, stdlib in _hot_pairs() + _hot_pairs(swapped=True):
        got = [(m.span(), m.groups()) for m in stdlib.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in nltk_pattern.finditer(text)], (nltk_pattern.pattern, text)
        assert stdlib.findall(text) == nltk_pattern.findall(text)
        for start in range(0, len(text), 3):
            a, b = stdlib.match(text, start), nltk_pattern.match(text, start)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
