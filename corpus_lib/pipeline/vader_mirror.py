"""An exact mirror of NLTK 3.10.4's VADER compound score, doing per-token work only where
it can change the score.

:class:`VaderMirror` computes ``SentimentIntensityAnalyzer.polarity_scores(text)["compound"]``
as NLTK 3.10.4 does (``SentiText``, ``polarity_scores``, ``sentiment_valence`` and the checks
it calls, ``_but_check``, ``score_valence``), with an analyzer's lexicon and
``VaderConstants``, but visits only the words that can contribute:

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

Why the floats are identical: every floating-point operation NLTK applies to a valence is
applied here too, to the same operands and in the same order (``valence + s`` stays
``valence + s`` even when ``s`` is 0.0, ``s * 0.95`` is not folded into another factor, and
so on); what is skipped is only work whose result NLTK throws away or that cannot change
the result (zero valences, lookups of words that are in no idiom). NLTK's quirks are kept,
not fixed (the "but" index is the first "but" whatever its case, "so"/"this" right before
a word scales it by 1.25 when the word three back is not in the lexicon, and so on).
``tests/test_tone.py`` compares the floats with ``==`` against the stock analyzer on the
seed corpus, synthetic sentences and generated ones.

The mirror is tied to the source of the installed ``nltk.sentiment.vader`` module:
:func:`mirrors_installed_vader` is true only when its SHA-256 is NLTK 3.10.4's and NLTK's
punctuation regex strips exactly ``string.punctuation``. :mod:`corpus_lib.pipeline.tone`
uses the mirror only then, and NLTK's public analyzer otherwise.
"""

from __future__ import annotations

import hashlib
import inspect
import math
import string
from collections.abc import Callable, Mapping

from nltk.sentiment import vader
from nltk.sentiment.vader import VaderConstants

__all__ = ["TOKEN_CACHE_LIMIT", "VADER_SOURCE_SHA256", "VaderMirror", "mirrors_installed_vader"]

# SHA-256 of the source of nltk/sentiment/vader.py in NLTK 3.10.4, which VaderMirror mirrors.
VADER_SOURCE_SHA256 = "2a308b7b17595a4c7ce089080379a2002a6c5b9e41b3e1d4abc488d4d6449475"
TOKEN_CACHE_LIMIT = 1 << 16  # distinct tokens remembered (a few MB) before the cache starts afresh

_PUNCTUATION = frozenset(string.punctuation)  # what NLTK's REGEX_REMOVE_PUNCTUATION removes
_NO_PUNCTUATION = str.maketrans("", "", string.punctuation)


def mirrors_installed_vader(constants: VaderConstants) -> bool:
    """Whether the installed ``nltk.sentiment.vader`` is the one :class:`VaderMirror` mirrors.

    Checked by the SHA-256 of the module's source (not by NLTK's version: a release that
    leaves ``vader.py`` alone changes nothing), and by ``constants``' punctuation regex,
    which must remove exactly the characters of ``string.punctuation`` (the mirror strips
    those with ``str.translate``).
    """
    try:
        source = inspect.getsource(vader)
    except (OSError, TypeError):
        return False
    if hashlib.sha256(source.encode("utf-8")).hexdigest() != VADER_SOURCE_SHA256:
        return False
    # NLTK removes punctuation with a regex (nltk.redos); the mirror strips string.punctuation.
    sample = "".join(map(chr, range(0x3000)))
    return constants.REGEX_REMOVE_PUNCTUATION.sub("", sample) == sample.translate(_NO_PUNCTUATION)


class _TokenCache(dict):
    """token -> the word VADER sees ("" if dropped), filled on first sight of a token.

    ``interesting`` maps each word so seen that is a lexicon word (not a booster) or "but"
    to (its lexicon valence or None, whether it is "but").
    """

    def __init__(self, strip: Callable[[str], str], lexicon: Mapping[str, float], boosters: Mapping[str, float]):
        super().__init__()
        self.interesting: dict[str, tuple[float | None, bool]] = {}
        self._strip = strip
        self._lexicon = lexicon
        self._boosters = boosters

    def __missing__(self, token: str) -> str:
        if len(token) <= 1:
            word = ""  # SentiText drops one-character tokens
        else:
            word = self._strip(token)
            low = word.lower()
            # polarity_scores gives boosters 0 before looking at the lexicon
            valence = None if low in self._boosters else self._lexicon.get(low)
            if valence is not None or low == "but":
                self.interesting[word] = (valence, low == "but")
        self[token] = word
        return word


class VaderMirror:
    """``text -> analyzer.polarity_scores(text)["compound"]``, computed as NLTK 3.10.4 does.

    Each method names the NLTK method it mirrors; the operations, and their order, are NLTK's.
    Safe to call from several threads: the token cache is replaced, never cleared, when it
    holds more than ``cache_limit`` tokens, so a text scored meanwhile keeps a consistent pair
    of token cache and interesting words.

    Args:
        lexicon: The analyzer's ``lexicon`` (lower-cased word -> valence).
        constants: The analyzer's ``VaderConstants``.
        cache_limit: Distinct tokens remembered before the token cache starts afresh.

    Example:
        >>> compound = VaderMirror({"good": 1.9}, VaderConstants())
        >>> compound("The talks were good."), compound("The talks were not good!"), compound("")
        (0.4404, -0.4015, 0.0)
    """

    def __init__(
        self, lexicon: Mapping[str, float], constants: VaderConstants, *, cache_limit: int = TOKEN_CACHE_LIMIT
    ):
        self.lexicon = lexicon
        self.boosters = dict(constants.BOOSTER_DICT)
        self.negations = frozenset(constants.NEGATE)
        self.idioms = dict(constants.SPECIAL_CASE_IDIOMS)
        self.punc_list = frozenset(constants.PUNC_LIST)
        self.c_incr = constants.C_INCR
        self.n_scalar = constants.N_SCALAR
        self.b_decr = constants.B_DECR
        # A token has no whitespace, so "a b" (or "a b c") can equal an idiom or booster key only
        # if each word is a word of such a key: other words cannot take part in _idioms_check.
        keys = (*self.idioms, *self.boosters)
        self.phrase_words = frozenset(w for key in keys if " " in key for w in key.split(" "))
        self.cache_limit = cache_limit
        self._tokens = self._new_token_cache()

    def __call__(self, text: str) -> float:
        """The compound score of ``text``, as ``polarity_scores(text)["compound"]``."""
        cache = self.token_cache()  # read once: a text is scored against one cache throughout
        interesting = cache.interesting
        words = list(map(cache.__getitem__, text.split()))  # SentiText.words_and_emoticons
        if "" in words:
            words = list(filter(None, words))
        if interesting.keys().isdisjoint(words):
            return 0.0  # no lexicon word: every sentiment is 0, and round(normalize(0.0), 4) is 0.0
        return self.score_valence(self.sentiments(words, interesting), text)

    # --- tokens ------------------------------------------------------------------------------

    def _new_token_cache(self) -> _TokenCache:
        return _TokenCache(self.strip_glued_punctuation, self.lexicon, self.boosters)

    def token_cache(self) -> _TokenCache:
        """The current token cache, replaced by a fresh one (not cleared) when full."""
        cache = self._tokens
        if len(cache) > self.cache_limit:
            cache = self._tokens = self._new_token_cache()
        return cache

    def strip_glued_punctuation(self, token: str) -> str:
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
        if len(word) > 1 and mark in self.punc_list and not any(ch in _PUNCTUATION for ch in word):
            return word
        return token

    @staticmethod
    def cap_differential(words: list[str]) -> bool:
        """SentiText.allcap_differential: some, but not all, words are ALL CAPS."""
        allcap_words = sum(map(str.isupper, words))
        cap_differential = len(words) - allcap_words
        return 0 < cap_differential < len(words)

    # --- polarity_scores ---------------------------------------------------------------------

    def sentiments(self, words: list[str], interesting: Mapping[str, tuple[float | None, bool]]) -> list[float]:
        """The non-zero part of polarity_scores' ``sentiments``, in order, "but" applied.

        Only the positions of lexicon words and "but"s are visited; the zeros NLTK appends
        for the other words cannot change the sum that follows.
        """
        marks = [j for j, word in enumerate(words) if word in interesting]  # lexicon words and "but"s
        but_index = -1  # _but_check: the first word that is "but" once lower-cased
        for j in marks:
            if interesting[words[j]][1]:
                but_index = j
                break
        n = len(words)
        sentiments = []
        for j in marks:
            item = words[j]
            valence = interesting[item][0]
            if valence is None:
                continue  # a "but"
            i = words.index(item)  # polarity_scores' first_index[item]
            if i < n - 1 and item.lower() == "kind" and words[i + 1].lower() == "of":
                continue  # "kind of" scores 0
            valence = self.sentiment_valence(valence, words, item, i)
            if but_index >= 0:  # _but_check
                if j < but_index:
                    valence = valence * 0.5
                elif j > but_index:
                    valence = valence * 1.5
            sentiments.append(valence)
        return sentiments

    def score_valence(self, sentiments: list[float], text: str) -> float:
        """SentimentIntensityAnalyzer.score_valence's compound, rounded as polarity_scores does.

        An empty ``sentiments`` (as from "kind of" alone) sums to 0 and scores 0.0.
        """
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

    # --- sentiment_valence -------------------------------------------------------------------

    def sentiment_valence(self, valence: float, words: list[str], item: str, i: int) -> float:
        """SentimentIntensityAnalyzer.sentiment_valence for a lexicon word (not a booster)
        first found at ``i``, with the loop over the three preceding words unrolled (one
        method per ``start_i``) and _never_check and _least_check inlined."""
        if item.isupper() and self.cap_differential(words):
            if valence > 0:
                valence += self.c_incr
            else:
                valence -= self.c_incr
        if i > 0:
            valence = self._one_before(valence, words, i)
        if i > 1:
            valence = self._two_before(valence, words, i)
        if i > 2:
            valence = self._three_before(valence, words, item, i)
        if i > 0:
            valence = self._least_check(valence, words, i)
        return valence

    def _one_before(self, valence: float, words: list[str], i: int) -> float:
        """start_i == 0: the word right before ``i`` scales and negates."""
        word = words[i - 1]
        low = word.lower()
        if low not in self.lexicon:
            s = self.scalar_inc_dec(word, low, valence, words) if low in self.boosters else 0.0
            valence = valence + s
            if low in self.negations or "n't" in low:
                valence = valence * self.n_scalar
        return valence

    def _two_before(self, valence: float, words: list[str], i: int) -> float:
        """start_i == 1: the word two before ``i``, its scalar damped by 0.95, and "never so/this"."""
        word = words[i - 2]
        low = word.lower()
        if low not in self.lexicon:
            s = self.scalar_inc_dec(word, low, valence, words) if low in self.boosters else 0.0
            if s != 0:
                s = s * 0.95
            valence = valence + s
            if word == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
                valence = valence * 1.5
            elif low in self.negations or "n't" in low:
                valence = valence * self.n_scalar
        return valence

    def _three_before(self, valence: float, words: list[str], item: str, i: int) -> float:
        """start_i == 2: the word three before ``i``, its scalar damped by 0.9, "never so/this"
        (with NLTK's precedence of ``and`` over ``or``), and the idioms."""
        word = words[i - 3]
        low = word.lower()
        if low not in self.lexicon:
            s = self.scalar_inc_dec(word, low, valence, words) if low in self.boosters else 0.0
            if s != 0:
                s = s * 0.9
            valence = valence + s
            if (
                word == "never"
                and (words[i - 2] == "so" or words[i - 2] == "this")
                or (words[i - 1] == "so" or words[i - 1] == "this")
            ):
                valence = valence * 1.25
            elif low in self.negations or "n't" in low:
                valence = valence * self.n_scalar
            if self._may_hold_idiom(words, item, i):
                valence = self.idioms_check(valence, words, i)
        return valence

    def _may_hold_idiom(self, words: list[str], item: str, i: int) -> bool:
        """Whether some sequence _idioms_check looks up around ``i`` can be an idiom or booster
        bigram: each of them holds one of these pairs of neighbouring phrase words."""
        phrase_words = self.phrase_words
        one, two = words[i - 1] in phrase_words, words[i - 2] in phrase_words
        zero = item in phrase_words
        return bool(
            one
            and (zero or two)
            or two
            and words[i - 3] in phrase_words
            or zero
            and i + 1 < len(words)
            and words[i + 1] in phrase_words
        )

    def _least_check(self, valence: float, words: list[str], i: int) -> float:
        """SentimentIntensityAnalyzer._least_check: "least" before ``i`` negates, but not
        "at least" or "very least"."""
        before = words[i - 1].lower()
        if before == "least" and before not in self.lexicon:
            if i > 1:
                if words[i - 2].lower() != "at" and words[i - 2].lower() != "very":
                    valence = valence * self.n_scalar
            else:
                valence = valence * self.n_scalar
        return valence

    def scalar_inc_dec(self, word: str, word_lower: str, valence: float, words: list[str]) -> float:
        """VaderConstants.scalar_inc_dec for a word known to be a booster."""
        scalar = self.boosters[word_lower]
        if valence < 0:
            scalar *= -1
        if word.isupper() and self.cap_differential(words):
            if valence > 0:
                scalar += self.c_incr
            else:
                scalar -= self.c_incr
        return scalar

    def idioms_check(self, valence: float, words: list[str], i: int) -> float:
        """SentimentIntensityAnalyzer._idioms_check, verbatim."""
        idioms = self.idioms
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
        if threetwo in self.boosters or twoone in self.boosters:
            valence = valence + self.b_decr
        return valence
