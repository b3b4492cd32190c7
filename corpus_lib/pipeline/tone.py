"""Tone: VADER's compound score of each text, reported beside the stance, never as it.

The analyzer is NLTK's :class:`nltk.sentiment.vader.SentimentIntensityAnalyzer` with the
lexicon that the ``vaderSentiment`` package ships (``vaderSentiment/vader_lexicon.txt``),
so no NLTK data download is needed. The lexicon is read with ``importlib.resources`` and
handed to NLTK's analyzer directly: NLTK 3.10's hardened loader refuses absolute paths,
and refuses even a data-path lookup when the installed file is hard-linked (as package
installers that link from a cache leave it), so going through ``nltk.data`` is not
reliable. The analyzer is built once, lazily; :func:`analyzer` returns it unmodified.

Speed: :func:`score_tone` scores with :class:`corpus_lib.pipeline.vader_mirror.VaderMirror`,
an exact mirror of NLTK 3.10.4's VADER compound score that visits only the lexicon words
of a sentence, with NLTK's arithmetic in NLTK's order, so its floats are the stock
analyzer's, bit for bit (that module's docstring explains why). The mirror depends on
NLTK's private code, so it sits behind a guard, :func:`_fast_compound`: when importing or
building it raises anything, when the installed ``nltk.sentiment.vader`` source is not the
one mirrored (its SHA-256 differs, or it cannot be read), or when NLTK's punctuation regex
strips other characters than ``string.punctuation``, :func:`score_tone` uses the stock
analyzer's public ``polarity_scores`` instead: slower, never different, never broken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

__all__ = ["LEXICON_FILE", "LEXICON_PACKAGE", "analyzer", "score_tone"]

LEXICON_PACKAGE = "vaderSentiment"
LEXICON_FILE = "vader_lexicon.txt"

log = logging.getLogger(__name__)


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


@lru_cache(maxsize=1)
def _fast_compound() -> Callable[[str], float] | None:
    """The exact mirror over :func:`analyzer`'s lexicon and constants, or None to use the analyzer.

    The mirror module is imported here, not at the top, so that importing this module never
    fails because of it: any exception while importing or building the mirror (an NLTK name
    moved or renamed, say) means None, as does a ``nltk.sentiment.vader`` that the mirror
    does not match. Built once per process.
    """
    sia = analyzer()
    try:
        import corpus_lib.pipeline.vader_mirror as vader_mirror

        if not vader_mirror.mirrors_installed_vader(sia.constants):
            log.info("nltk.sentiment.vader is not the one VaderMirror mirrors; using NLTK's analyzer")
            return None
        return vader_mirror.VaderMirror(sia.lexicon, sia.constants)
    except Exception:  # any failure of the mirror means the public analyzer, never an error
        log.warning("VADER mirror unavailable; using NLTK's analyzer", exc_info=True)
        return None


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
    scored = _remembered(compound)
    return [scored(t) if isinstance(t, str) else 0.0 for t in texts]


TONE_MEMO = 1 << 15
"""How many distinct texts :func:`score_tone` remembers the score of (the latest used)."""


@lru_cache(maxsize=1)
def _remembered(compound: Callable[[str], float]) -> Callable[[str], float]:
    """``compound`` with the scores of the last ``TONE_MEMO`` distinct texts remembered: a
    text's score depends on the text alone, and press copy repeats whole sentences (an agency's
    boilerplate, a quotation carried by several reports). Tied to one mirror: a rebuilt one
    (:func:`_fast_compound`'s cache cleared) gets a memory of its own."""
    return lru_cache(maxsize=TONE_MEMO)(compound)
