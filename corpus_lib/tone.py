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
analyzer here runs NLTK's own ``polarity_scores`` code with a ``SentiText`` that answers
the same look-ups lazily. Since NLTK strips ASCII punctuation from the words it glues,
each token matches at most one entry, so the answers, and the scores, are identical (a
test checks this against the stock analyzer). Should a later NLTK change that method,
the stock one is used.
"""

from __future__ import annotations

import types
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from nltk.sentiment import vader
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText, VaderConstants

__all__ = ["LEXICON_FILE", "LEXICON_PACKAGE", "analyzer", "score_tone"]

LEXICON_PACKAGE = "vaderSentiment"
LEXICON_FILE = "vader_lexicon.txt"


class _PunctuationMap:
    """``{punctuation + word: word, word + punctuation: word}`` answered on demand."""

    __slots__ = ("edge", "punctuation", "words")

    def __init__(self, words: set[str], punctuation: list[str]):
        self.words = words
        self.punctuation = punctuation
        self.edge = frozenset(ch for p in punctuation for ch in p)

    def _word(self, token: str) -> str | None:
        if not token or (token[0] not in self.edge and token[-1] not in self.edge):
            return None  # no punctuation at either end: nothing glued
        words = self.words
        for p in self.punctuation:
            if len(token) > len(p):
                if token.endswith(p) and token[: -len(p)] in words:
                    return token[: -len(p)]
                if token.startswith(p) and token[len(p) :] in words:
                    return token[len(p) :]
        return None

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and self._word(token) is not None

    def __getitem__(self, token: str) -> str:
        word = self._word(token)
        if word is None:
            raise KeyError(token)
        return word


class _LazySentiText(SentiText):
    """NLTK's ``SentiText`` with the word-plus-punctuation map built lazily."""

    def _words_plus_punc(self):
        no_punc_text = self.REGEX_REMOVE_PUNCTUATION.sub("", self.text)
        words_only = {w for w in no_punc_text.split() if len(w) > 1}
        return _PunctuationMap(words_only, list(self.PUNC_LIST))


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
    out: list[float] = []
    for text in texts:
        if not isinstance(text, str) or not text.strip():
            out.append(0.0)
            continue
        out.append(float(sia.polarity_scores(text)["compound"]))
    return out
