"""Tone: VADER's compound score of each text, reported beside the stance, never as it.

The analyzer is NLTK's :class:`nltk.sentiment.vader.SentimentIntensityAnalyzer` with the
lexicon that the ``vaderSentiment`` package ships (``vaderSentiment/vader_lexicon.txt``),
so no NLTK data download is needed. The lexicon is read with ``importlib.resources`` and
handed to NLTK's analyzer directly: NLTK 3.10's hardened loader refuses absolute paths,
and refuses even a data-path lookup when the installed file is hard-linked (as package
installers that link from a cache leave it), so going through ``nltk.data`` is not
reliable. The analyzer is built once, lazily.

Speed: NLTK's ``SentiText`` builds, for every sentence, a dictionary of every word glued
to every punctuation mark (``_words_plus_punc``), which is most of VADER's run time. The
analyzer here runs NLTK's own ``polarity_scores`` code with a ``SentiText`` that looks up
only the tokens with punctuation at an edge. Since NLTK strips ASCII punctuation from the words it glues,
each token matches at most one entry, so the answers, and the scores, are identical (a
test checks this against the stock analyzer). Should a later NLTK change that method,
the stock one is used.

A sentence none of whose words is in the lexicon scores exactly 0.0 in VADER (only
lexicon words get a valence; boosters, negations and punctuation only scale those), and
about a third of diplomatic prose is such: :func:`score_tone` checks for a lexicon word
first (the word as written, or stripped of ASCII punctuation as NLTK strips it, lower-cased:
a superset of what VADER looks up) and runs the analyzer only where there is one.
"""

from __future__ import annotations

import string
import types
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from nltk.sentiment import vader
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText, VaderConstants

__all__ = ["LEXICON_FILE", "LEXICON_PACKAGE", "analyzer", "score_tone"]

LEXICON_PACKAGE = "vaderSentiment"
LEXICON_FILE = "vader_lexicon.txt"


class _LazySentiText(SentiText):
    """NLTK's ``SentiText`` that strips punctuation only from the tokens that carry some.

    NLTK maps a token ``p + word`` or ``word + p`` (``p`` one of ``PUNC_LIST``, ``word`` a
    word of the sentence with its punctuation removed) to ``word``, through a dictionary of
    every such combination; here each token at the edge of which a punctuation character
    stands is looked up directly. A token is at most one such combination (the word has no
    punctuation, so it cannot both start and end the token), so the result is the same.
    """

    def _words_and_emoticons(self):
        wes = [we for we in self.text.split() if len(we) > 1]
        punctuation = self.PUNC_LIST
        edge = _edge_characters(tuple(punctuation))
        words = None
        for i, we in enumerate(wes):
            if we[0] not in edge and we[-1] not in edge:
                continue
            if words is None:
                no_punc_text = self.REGEX_REMOVE_PUNCTUATION.sub("", self.text)
                words = {w for w in no_punc_text.split() if len(w) > 1}
            for p in punctuation:
                if len(we) > len(p):
                    if we.endswith(p) and we[: -len(p)] in words:
                        wes[i] = we[: -len(p)]
                        break
                    if we.startswith(p) and we[len(p) :] in words:
                        wes[i] = we[len(p) :]
                        break
        return wes


@lru_cache(maxsize=4)
def _edge_characters(punctuation: tuple[str, ...]) -> frozenset[str]:
    return frozenset(ch for p in punctuation for ch in p)


def _rebind_polarity_scores():
    """NLTK's ``polarity_scores`` code, reading ``SentiText`` as the lazy one (or None)."""
    method = SentimentIntensityAnalyzer.polarity_scores
    code = getattr(method, "__code__", None)
    if code is None or "SentiText" not in code.co_names or method.__globals__ is not vars(vader):
        return None
    namespace = dict(method.__globals__, SentiText=_LazySentiText)
    return types.FunctionType(code, namespace, method.__name__, method.__defaults__, method.__closure__)


_FAST_POLARITY = _rebind_polarity_scores()


class _PackagedLexiconAnalyzer(SentimentIntensityAnalyzer):
    """NLTK's VADER analyzer fed with lexicon text instead of an NLTK resource path."""

    def __init__(self, lexicon_text: str, *, fast: bool = True):
        # The parent's __init__ would load the lexicon through nltk.data; set it directly.
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()
        if fast and _FAST_POLARITY is not None:
            self.polarity_scores = types.MethodType(_FAST_POLARITY, self)


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
    """
    return _PackagedLexiconAnalyzer(_lexicon_text())


_PUNCTUATION = string.punctuation  # what NLTK's VADER strips from words (REGEX_REMOVE_PUNCTUATION)


def _has_lexicon_word(text: str, lexicon) -> bool:
    for token in text.split():
        low = token.lower()
        if low in lexicon or low.strip(_PUNCTUATION) in lexicon:
            return True
    return False


def score_tone(texts: Iterable[str]) -> list[float]:
    """VADER compound score of each text, in -1 (negative) .. +1 (positive).

    Deterministic; an empty or missing text scores 0.0.

    Args:
        texts: Sentences (or any strings).

    Returns:
        One float per text, in order.

    Example:
        >>> score_tone(["We welcome this excellent agreement.", "This is unacceptable.", ""])
        [0.8904, -0.4588, 0.0]
    """
    sia = analyzer()
    lexicon = sia.lexicon
    out: list[float] = []
    for text in texts:
        if not isinstance(text, str) or not _has_lexicon_word(text, lexicon):
            out.append(0.0)  # empty, or no word VADER gives a valence to
            continue
        out.append(float(sia.polarity_scores(text)["compound"]))
    return out
