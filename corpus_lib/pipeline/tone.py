"""Tone: VADER's compound score of each text, reported beside the stance, never as it.

The analyzer is NLTK's :class:`nltk.sentiment.vader.SentimentIntensityAnalyzer` with the
lexicon that the ``vaderSentiment`` package ships (``vaderSentiment/vader_lexicon.txt``),
so no NLTK data download is needed. The lexicon is read with ``importlib.resources`` and
handed to NLTK's analyzer directly: NLTK 3.10's hardened loader refuses absolute paths,
and refuses even a data-path lookup when the installed file is hard-linked (as package
installers that link from a cache leave it), so going through ``nltk.data`` is not
reliable. The analyzer is built once, lazily; :func:`analyzer` returns it unmodified.

Speed: :func:`score_tone` does not call the analyzer. It runs a re-implementation of NLTK
3.10.4's VADER compound score (``SentiText``, ``polarity_scores``, ``sentiment_valence``
and the checks it calls, ``_but_check``, ``score_valence``), with the analyzer's lexicon and
``VaderConstants``, that does per-token work only where it can change the score:

* Tokens are split and glued punctuation stripped as ``SentiText`` does, but through a
  cache keyed by the token. NLTK strips a leading or trailing ``PUNC_LIST`` mark from a
  token when the rest is a word of the sentence with its ASCII punctuation removed; that
  rest has no ASCII punctuation, so it is the token with its punctuation removed, which is
  always such a word when it has two characters or more: the stripped form depends on the
  token alone.
* Only a lexicon word (not a booster) gets a non-zero valence, so only the positions of
  lexicon words are visited; each looks at the (at most three) words before it and two
  after it exactly as ``sentiment_valence`` does: booster scalars, ALL-CAPS emphasis,
  negation (``n't`` included), "never so/this", the idioms and "kind of"/"sort of"
  bigrams, "least", and "but". A word repeated in a sentence is scored at its first
  position, as NLTK's ``first_index`` does. The ALL-CAPS differential is over the whole
  sentence and is computed only when a capitalised word could use it; the idiom strings
  are built only when two neighbouring words both belong to some idiom or booster bigram.
* The compound is then computed with NLTK's own arithmetic, in the same order: the
  valences summed left to right with ``sum`` (the zeros NLTK adds for other words cannot
  change a float sum), the "!" and "?" emphasis counted over the whole text, the
  normalisation, and ``round(..., 4)``. A sentence without a lexicon word scores 0.0.

NLTK's quirks are kept, not fixed (the "but" index is the first "but" whatever its case,
"so"/"this" right before a word scales it by 1.25 when the word three back is not in the
lexicon, and so on), so the floats are the stock analyzer's, bit for bit; tests compare
them with ``==`` on the seed corpus, synthetic sentences and generated ones. The
re-implementation is tied to the source of the installed ``nltk.sentiment.vader`` module:
if its SHA-256 is not the one of NLTK 3.10.4's (or the source cannot be read, or NLTK's
punctuation regex strips other characters than ``string.punctuation``), :func:`score_tone`
falls back to the stock analyzer's ``polarity_scores``, slower but never different.

On the 45,280 statements of 1,000 synthetic documents (``python -m benchmarks.tone_speed``)
this takes 0.26 s of CPU, against 1.6 s for the previous version (NLTK's own
``polarity_scores`` with a lazier ``SentiText``) and 5.2 s for the stock analyzer.
"""

from __future__ import annotations

import hashlib
import inspect
import math
import string
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

from nltk.sentiment import vader
from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

__all__ = ["LEXICON_FILE", "LEXICON_PACKAGE", "analyzer", "score_tone"]

LEXICON_PACKAGE = "vaderSentiment"
LEXICON_FILE = "vader_lexicon.txt"

# SHA-256 of the source of nltk/sentiment/vader.py in NLTK 3.10.4, which _make_compound mirrors.
VADER_SOURCE_SHA256 = "2a308b7b17595a4c7ce089080379a2002a6c5b9e41b3e1d4abc488d4d6449475"
_TOKEN_CACHE_LIMIT = 1 << 16  # distinct tokens remembered (a few MB) before the cache starts afresh


class _PackagedLexiconAnalyzer(SentimentIntensityAnalyzer):
    """NLTK's VADER analyzer fed with lexicon text instead of an NLTK resource path."""

    def __init__(self, lexicon_text: str):
        # The parent's __init__ would load the lexicon through nltk.data; set it directly.
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


def _lexicon_text() -> str:
    text = resources.files(LEXICON_PACKAGE).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    # NLTK splits the file on newlines and expects a tab-separated entry on each line.
    return "\n".join(line for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """The VADER analyzer, built once from the ``vaderSentiment`` package's lexicon.

    Example:
        >>> len(analyzer().lexicon) > 7000
        True
        >>> analyzer().polarity_scores("We welcome this excellent agreement.")["compound"]
        0.8904
    """
    return _PackagedLexiconAnalyzer(_lexicon_text())


_PUNCTUATION = frozenset(string.punctuation)  # what NLTK's REGEX_REMOVE_PUNCTUATION removes
_NO_PUNCTUATION = str.maketrans("", "", string.punctuation)


def _vader_is_mirrored(constants: VaderConstants) -> bool:
    """Whether the installed ``nltk.sentiment.vader`` is the one :func:`_make_compound` mirrors."""
    try:
        source = inspect.getsource(vader)
    except (OSError, TypeError):
        return False
    if hashlib.sha256(source.encode("utf-8")).hexdigest() != VADER_SOURCE_SHA256:
        return False
    # NLTK removes punctuation with a regex (nltk.redos); the mirror strips string.punctuation.
    sample = "".join(map(chr, range(0x3000)))
    return constants.REGEX_REMOVE_PUNCTUATION.sub("", sample) == sample.translate(_NO_PUNCTUATION)


def _make_compound(lexicon: dict[str, float], constants: VaderConstants) -> Callable[[str], float]:
    """``text -> analyzer.polarity_scores(text)["compound"]``, computed as NLTK 3.10.4 does.

    Each step names the NLTK method it mirrors; the operations, and their order, are NLTK's.
    """
    boosters = dict(constants.BOOSTER_DICT)
    negations = frozenset(constants.NEGATE)
    idioms = dict(constants.SPECIAL_CASE_IDIOMS)
    punc_list = frozenset(constants.PUNC_LIST)
    c_incr = constants.C_INCR
    n_scalar = constants.N_SCALAR
    b_decr = constants.B_DECR
    # A token has no whitespace, so "a b" (or "a b c") can equal an idiom or booster key only
    # if each word is a word of such a key: other words cannot take part in _idioms_check.
    phrase_words = frozenset(w for key in (*idioms, *boosters) if " " in key for w in key.split(" "))

    class Words(dict):
        """token -> the word VADER sees ("" if dropped), filled on first sight of a token.

        ``interesting`` maps each word so seen that is a lexicon word (not a booster) or "but"
        to (its lexicon valence or None, whether it is "but").
        """

        def __init__(self):
            super().__init__()
            self.interesting: dict[str, tuple[float | None, bool]] = {}

        def __missing__(self, token: str) -> str:
            if len(token) <= 1:
                word = ""  # SentiText drops one-character tokens
            else:
                word = strip_glued_punctuation(token)
                low = word.lower()
                # polarity_scores gives boosters 0 before looking at the lexicon
                valence = None if low in boosters else lexicon.get(low)
                if valence is not None or low == "but":
                    self.interesting[word] = (valence, low == "but")
            self[token] = word
            return word

    caches = [Words()]  # one at a time; replaced (not cleared) when full, so a text read meanwhile
    # (by another thread) keeps a consistent pair of token cache and interesting words

    def strip_glued_punctuation(token: str) -> str:
        """SentiText._words_and_emoticons for one token of two characters or more.

        NLTK maps ``p + w`` and ``w + p`` to ``w`` for ``p`` in PUNC_LIST and ``w`` a word of
        the text with ASCII punctuation removed (two characters or more). Such a ``w`` has no
        punctuation, so ``p`` is the whole run of punctuation at the token's edge, and ``w`` is
        the token with its punctuation removed: a word of the text whenever ``len(w) > 1``.
        """
        if token[0] in _PUNCTUATION:
            k = 1
            while k < len(token) and token[k] in _PUNCTUATION:
                k += 1
            mark, word = token[:k], token[k:]
        elif token[-1] in _PUNCTUATION:
            k = len(token) - 1
            while k > 0 and token[k - 1] in _PUNCTUATION:
                k -= 1
            word, mark = token[:k], token[k:]
        else:
            return token
        if len(word) > 1 and mark in punc_list and not any(ch in _PUNCTUATION for ch in word):
            return word
        return token

    def cap_differential(words: list[str]) -> bool:
        """SentiText.allcap_differential: some, but not all, words are ALL CAPS."""
        allcap_words = sum(map(str.isupper, words))
        cap_differential = len(words) - allcap_words
        return 0 < cap_differential < len(words)

    def scalar_inc_dec(word: str, word_lower: str, valence, words: list[str]) -> float:
        """VaderConstants.scalar_inc_dec for a word known to be a booster."""
        scalar = boosters[word_lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and cap_differential(words):
            if valence > 0:
                scalar += c_incr
            else:
                scalar -= c_incr
        return scalar

    def idioms_check(valence, words: list[str], i: int):
        """SentimentIntensityAnalyzer._idioms_check, verbatim."""
        onezero = f"{words[i - 1]} {words[i]}"
        twoonezero = f"{words[i - 2]} {words[i - 1]} {words[i]}"
        twoone = f"{words[i - 2]} {words[i - 1]}"
        threetwoone = f"{words[i - 3]} {words[i - 2]} {words[i - 1]}"
        threetwo = f"{words[i - 3]} {words[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in idioms:
                valence = idioms[seq]
                break
        if len(words) - 1 > i:
            zeroone = f"{words[i]} {words[i + 1]}"
            if zeroone in idioms:
                valence = idioms[zeroone]
        if len(words) - 1 > i + 1:
            zeroonetwo = f"{words[i]} {words[i + 1]} {words[i + 2]}"
            if zeroonetwo in idioms:
                valence = idioms[zeroonetwo]
        if threetwo in boosters or twoone in boosters:
            valence = valence + b_decr
        return valence

    def sentiment_valence(valence, words: list[str], item: str, i: int):
        """SentimentIntensityAnalyzer.sentiment_valence for a lexicon word (not a booster)
        first found at ``i``, with the loop over the three preceding words unrolled and
        _never_check and _least_check inlined."""
        if item.isupper() and cap_differential(words):
            if valence > 0:
                valence += c_incr
            else:
                valence -= c_incr
        if i > 0:  # start_i == 0
            word = words[i - 1]
            low = word.lower()
            if low not in lexicon:
                s = scalar_inc_dec(word, low, valence, words) if low in boosters else 0.0
                valence = valence + s
                if low in negations or "n't" in low:
                    valence = valence * n_scalar
        if i > 1:  # start_i == 1
            word = words[i - 2]
            low = word.lower()
            if low not in lexicon:
                s = scalar_inc_dec(word, low, valence, words) if low in boosters else 0.0
                if s != 0:
                    s = s * 0.95
                valence = valence + s
                if word == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
                    valence = valence * 1.5
                elif low in negations or "n't" in low:
                    valence = valence * n_scalar
        if i > 2:  # start_i == 2
            word = words[i - 3]
            low = word.lower()
            if low not in lexicon:
                s = scalar_inc_dec(word, low, valence, words) if low in boosters else 0.0
                if s != 0:
                    s = s * 0.9
                valence = valence + s
                if (
                    word == "never"
                    and (words[i - 2] == "so" or words[i - 2] == "this")
                    or (words[i - 1] == "so" or words[i - 1] == "this")
                ):
                    valence = valence * 1.25
                elif low in negations or "n't" in low:
                    valence = valence * n_scalar
                # every sequence _idioms_check looks up holds one of these pairs of neighbours
                one, two = words[i - 1] in phrase_words, words[i - 2] in phrase_words
                zero = item in phrase_words
                if (
                    one
                    and (zero or two)
                    or two
                    and word in phrase_words
                    or zero
                    and i + 1 < len(words)
                    and words[i + 1] in phrase_words
                ):
                    valence = idioms_check(valence, words, i)
        if i > 0:  # _least_check
            before = words[i - 1].lower()
            if before == "least" and before not in lexicon:
                if i > 1:
                    if words[i - 2].lower() != "at" and words[i - 2].lower() != "very":
                        valence = valence * n_scalar
                else:
                    valence = valence * n_scalar
        return valence

    def compound(text: str) -> float:
        cache = caches[0]
        if len(cache) > _TOKEN_CACHE_LIMIT:
            cache = caches[0] = Words()
        interesting = cache.interesting
        words = list(map(cache.__getitem__, text.split()))  # SentiText.words_and_emoticons
        if "" in words:
            words = list(filter(None, words))
        if interesting.keys().isdisjoint(words):
            return 0.0  # no lexicon word: every sentiment is 0, and round(normalize(0.0), 4) is 0.0
        marks = [j for j, word in enumerate(words) if word in interesting]  # lexicon words and "but"s
        but_index = -1  # _but_check: the first word that is "but" once lower-cased
        for j in marks:
            if interesting[words[j]][1]:
                but_index = j
                break
        n = len(words)
        sentiments = []  # the non-zero part of polarity_scores' sentiments, in order
        for j in marks:
            item = words[j]
            valence = interesting[item][0]
            if valence is None:
                continue  # a "but"
            i = words.index(item)  # polarity_scores' first_index[item]
            if i < n - 1 and item.lower() == "kind" and words[i + 1].lower() == "of":
                continue  # "kind of" scores 0
            valence = sentiment_valence(valence, words, item, i)
            if but_index >= 0:
                if j < but_index:
                    valence = valence * 0.5
                elif j > but_index:
                    valence = valence * 1.5
            sentiments.append(valence)
        # score_valence (an empty sentiments, as from "kind of" alone, sums to 0 and scores 0.0)
        sum_s = float(sum(sentiments))
        ep_count = text.count("!")  # _amplify_ep
        if ep_count > 4:
            ep_count = 4
        ep_amplifier = ep_count * 0.292
        qm_count = text.count("?")  # _amplify_qm
        qm_amplifier = 0
        if qm_count > 1:
            if qm_count <= 3:
                qm_amplifier = qm_count * 0.18
            else:
                qm_amplifier = 0.96
        punct_emph_amplifier = ep_amplifier + qm_amplifier
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        score = sum_s / math.sqrt((sum_s * sum_s) + 15)  # VaderConstants.normalize, alpha=15
        return round(score, 4)

    return compound


@lru_cache(maxsize=1)
def _fast_compound() -> Callable[[str], float] | None:
    """The exact re-implementation over :func:`analyzer`'s lexicon, or None if NLTK's differs."""
    sia = analyzer()
    if not _vader_is_mirrored(sia.constants):
        return None
    return _make_compound(sia.lexicon, sia.constants)


def score_tone(texts: Iterable[str]) -> list[float]:
    """VADER compound score of each text, in -1 (negative) .. +1 (positive).

    Deterministic, and equal to ``analyzer().polarity_scores(text)["compound"]``; an empty
    or missing text scores 0.0.

    Args:
        texts: Sentences (or any strings).

    Returns:
        One float per text, in order.

    Example:
        >>> score_tone(["We welcome this excellent agreement.", "This is unacceptable.", ""])
        [0.8904, -0.4588, 0.0]
    """
    compound = _fast_compound()
    if compound is None:  # fallback: NLTK's own analyzer
        sia = analyzer()
        return [float(sia.polarity_scores(t)["compound"]) if isinstance(t, str) else 0.0 for t in texts]
    return [compound(t) if isinstance(t, str) else 0.0 for t in texts]
