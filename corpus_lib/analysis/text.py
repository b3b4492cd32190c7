"""Word statistics of the ``statements`` table: tokens, keyness, collocations, keyword in context.

Every function takes tidy frames that follow ``docs/data_dictionary.md`` and returns a new
tidy frame (or list), sorted, with inputs unchanged. NLTK is imported inside the functions
that use it: importing NLTK pulls in scipy and takes seconds, and ``import
corpus_lib.analysis`` must stay light.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from corpus_lib.analysis.frames import categorical, plain_strings, require_columns, select_names, text_columns
from corpus_lib.analysis.summaries import statement_times
from corpus_lib.vocab import HOLDERS

__all__ = ["STOPWORDS", "collocations", "keyness", "kwic", "tokenize"]

# A small English stopword list kept in code: NLTK's list needs a data download.
# Function words only; negations ("no", "not") are included, as in most lists.
STOPWORDS: frozenset[str] = frozenset(
    {
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "let",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
    }
)

_WORD_PATTERN = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"


def _normalise_token(token: str) -> str:
    token = token.lower().replace("’", "'")
    return token[:-2] if token.endswith("'s") and len(token) > 2 else token


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens of one sentence (NLTK ``RegexpTokenizer``).

    Words are runs of letters, joined by inner hyphens or apostrophes; digits and
    punctuation are dropped; a possessive ``'s`` is removed (``NATO's`` → ``nato``).
    Stopwords are kept here and dropped by the callers.

    Example:
        >>> tokenize("NATO’s open-door policy, since 2008, isn't new.")
        ['nato', 'open-door', 'policy', 'since', "isn't", 'new']
    """
    from nltk.tokenize import RegexpTokenizer

    return [_normalise_token(t) for t in RegexpTokenizer(_WORD_PATTERN).tokenize(text)]


def _texts_in_years(
    statements: pd.DataFrame,
    years: tuple[int, int] | None,
    *,
    holders: str | Iterable[str] | None,
    use_event_date: bool,
) -> list[str]:
    require_columns(statements, ("statement_id", "text", "date", "holder"), "statements")
    frame = statements.sort_values("statement_id", kind="mergesort")
    if holders is not None:
        chosen = select_names(holders, HOLDERS, "holder")
        frame = frame.loc[plain_strings(frame["holder"]).isin(chosen)]
    if years is not None:
        first, last = (int(y) for y in years)
        if first > last:
            raise ValueError(f"period {years!r} starts after it ends")
        year = statement_times(frame, use_event_date=use_event_date).dt.year
        frame = frame.loc[(year >= first) & (year <= last)]
    return [str(t) for t in plain_strings(frame["text"]).fillna("")]


def _g2(a: np.ndarray, b: np.ndarray, n1: float, n2: float) -> np.ndarray:
    """Dunning's G² of the 2×2 table [[a, b], [n1 - a, n2 - b]] (0·ln 0 taken as 0)."""
    observed = np.stack([a, b, n1 - a, n2 - b]).astype(float)
    total = n1 + n2
    rows = np.stack([a + b, a + b, total - a - b, total - a - b]).astype(float)
    cols = np.array([n1, n2, n1, n2], dtype=float)[:, None]
    expected = rows * cols / total
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(observed > 0, observed * np.log(observed / expected), 0.0)
    return 2.0 * terms.sum(axis=0)


def keyness(
    statements: pd.DataFrame,
    *,
    early: tuple[int, int] = (2005, 2008),
    late: tuple[int, int] = (2022, 2024),
    min_count: int = 5,
    holders: str | Iterable[str] | None = None,
    use_event_date: bool = False,
    stopwords: Iterable[str] = STOPWORDS,
) -> pd.DataFrame:
    """Words that set the late period apart from the early one (Dunning's G²).

    Each statement (one sentence) is tokenized with :func:`tokenize`; stopwords are
    dropped; counts come from NLTK ``FreqDist``. For each word the 2×2 table of its
    count and all other tokens in the early and late periods gives the
    log-likelihood statistic G² = 2 Σ O ln(O / E) over the four cells (Dunning 1993;
    Rayson's two-cell variant is slightly smaller), with a χ² (1 df) p-value.
    ``log_ratio`` is log2 of the late relative frequency over the early one (a zero
    count taken as 0.5, after Hardie), so positive means "more frequent late".

    Args:
        statements: The ``statements`` table (``statement_id``, ``text``, ``date``,
            ``holder``; ``event_date`` with ``use_event_date``).
        early: First and last year of the early period, inclusive.
        late: First and last year of the late period, inclusive.
        min_count: Keep words seen at least this often in both periods together.
        holders: Restrict to statements of these holders.
        use_event_date: Date statements by their event date.
        stopwords: Words to leave out.

    Returns:
        Columns ``word, count_early, count_late, per_10k_early, per_10k_late,
        log_ratio, g2, p_value, direction`` (``early``/``late``/``equal``), sorted by
        G² descending then word.

    Raises:
        ValueError: a period has no tokens.

    Example:
        >>> statements = pd.DataFrame({
        ...     "statement_id": ["a.0001", "b.0001"], "holder": "NATO",
        ...     "date": pd.to_datetime(["2006-01-01", "2023-01-01"]),
        ...     "text": ["Partners talk with partners.", "Allies deter aggression."]})
        >>> keyness(statements, min_count=1)[["word", "direction"]].head(1).to_numpy().tolist()
        [['partners', 'early']]
    """
    from nltk.probability import FreqDist

    stop = frozenset(stopwords)

    def counts(years: tuple[int, int]) -> FreqDist:
        texts = _texts_in_years(statements, years, holders=holders, use_event_date=use_event_date)
        return FreqDist(w for text in texts for w in tokenize(text) if w not in stop)

    fd_early, fd_late = counts(early), counts(late)
    n1, n2 = fd_early.N(), fd_late.N()
    if n1 == 0 or n2 == 0:
        raise ValueError(f"no tokens in the {'early' if n1 == 0 else 'late'} period")
    words = sorted(w for w in set(fd_early) | set(fd_late) if fd_early[w] + fd_late[w] >= min_count)
    a = np.array([fd_early[w] for w in words], dtype=float)
    b = np.array([fd_late[w] for w in words], dtype=float)
    g2 = _g2(a, b, float(n1), float(n2)) if words else np.array([], dtype=float)
    rel_a, rel_b = a / n1, b / n2
    direction = np.where(rel_b > rel_a, "late", np.where(rel_b < rel_a, "early", "equal"))
    out = pd.DataFrame(
        {
            "word": pd.array(words, dtype=object),
            "count_early": a.astype("int64"),
            "count_late": b.astype("int64"),
            "per_10k_early": rel_a * 10_000,
            "per_10k_late": rel_b * 10_000,
            "log_ratio": np.log2((np.maximum(b, 0.5) / n2) / (np.maximum(a, 0.5) / n1)),
            "g2": g2,
            "p_value": [math.erfc(math.sqrt(max(g, 0.0) / 2.0)) for g in g2],
            "direction": pd.Categorical(direction, categories=["early", "late", "equal"]),
        }
    )
    out["g2"] = out["g2"].round(12)  # identical digits across platforms' log rounding
    out = out.sort_values(["g2", "word"], ascending=[False, True], kind="mergesort")
    return text_columns(out).reset_index(drop=True)


_MEASURES = ("likelihood_ratio", "pmi", "chi_sq", "student_t", "raw_freq", "dice", "jaccard")


def collocations(
    statements: pd.DataFrame,
    *,
    years: tuple[int, int] | None = None,
    holders: str | Iterable[str] | None = None,
    use_event_date: bool = False,
    min_freq: int = 3,
    measure: str = "likelihood_ratio",
    top: int | None = 20,
    stopwords: Iterable[str] = STOPWORDS,
) -> pd.DataFrame:
    """Bigram collocations with NLTK's ``BigramCollocationFinder``.

    Bigrams are counted within statements (never across two sentences); bigrams with
    a stopword are dropped after counting.

    Args:
        statements: The ``statements`` table.
        years: First and last year to keep (inclusive); all by default.
        holders: Restrict to statements of these holders.
        use_event_date: Date statements by their event date.
        min_freq: Minimum count of a bigram.
        measure: A ``BigramAssocMeasures`` score: ``likelihood_ratio``, ``pmi``,
            ``chi_sq``, ``student_t``, ``raw_freq``, ``dice`` or ``jaccard``.
        top: Keep this many best bigrams; ``None`` keeps all.
        stopwords: Words that disqualify a bigram.

    Returns:
        Columns ``w1, w2, bigram, count, score``, best first (ties by the words).

    Example:
        >>> statements = pd.DataFrame({
        ...     "statement_id": ["a.0001", "a.0002"], "holder": "NATO",
        ...     "date": pd.Timestamp("2023-01-01"),
        ...     "text": ["The open door stays.", "An open door policy."]})
        >>> collocations(statements, min_freq=2)["bigram"].tolist()
        ['open door']
    """
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    if measure not in _MEASURES:
        raise ValueError(f"measure must be one of {list(_MEASURES)}, got {measure!r}")
    texts = _texts_in_years(statements, years, holders=holders, use_event_date=use_event_date)
    finder = BigramCollocationFinder.from_documents(tokenize(t) for t in texts)
    finder.apply_freq_filter(min_freq)
    stop = frozenset(stopwords)
    finder.apply_word_filter(lambda w: w in stop)
    scored = finder.score_ngrams(getattr(BigramAssocMeasures, measure))
    if top is not None:
        scored = scored[: int(top)]
    out = pd.DataFrame(
        {
            "w1": pd.array([ng[0] for ng, _ in scored], dtype=object),
            "w2": pd.array([ng[1] for ng, _ in scored], dtype=object),
            "bigram": pd.array([" ".join(ng) for ng, _ in scored], dtype=object),
            "count": pd.array([finder.ngram_fd[ng] for ng, _ in scored], dtype="int64"),
            "score": np.array([s for _, s in scored], dtype=float).round(12),
        }
    )
    return text_columns(out)


def kwic(
    statements: pd.DataFrame,
    keyword: str,
    *,
    width: int = 40,
    holders: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``keyword`` with the text around it.

    Matching is on the word tokens of :func:`tokenize` (case-insensitive, possessive
    ``'s`` ignored), so ``"nato"`` finds "NATO" and "NATO's" but not "NATOs". A
    keyword of several words matches them in sequence; a trailing ``*`` matches a
    prefix (``"integrat*"``). Unlike NLTK's ``ConcordanceIndex``, which works on a
    token list, the context here is cut from the original sentence (NLTK's
    ``RegexpTokenizer.span_tokenize`` gives the offsets), so punctuation and spacing
    are kept.

    Args:
        statements: The ``statements`` table.
        keyword: A word, a phrase, or a prefix ending in ``*``.
        width: Characters of context on each side.
        holders: Restrict to statements of these holders.

    Returns:
        Columns ``statement_id, position, left, keyword, right, doc_id, date, speaker,
        holder``; ``position`` is the character offset of the match in ``text``.
        Sorted by ``statement_id`` then position.

    Example:
        >>> statements = pd.DataFrame({"statement_id": ["d.0001"], "doc_id": ["d"],
        ...     "date": pd.Timestamp("2022-01-01"), "speaker": ["narrator"],
        ...     "holder": ["NATO"], "text": ["NATO says Russia's war must end."]})
        >>> kwic(statements, "russia", width=10)[["left", "keyword", "right"]].iloc[0].tolist()
        ['NATO says', "Russia's", 'war must']
    """
    from nltk.tokenize import RegexpTokenizer

    needed = ("statement_id", "doc_id", "date", "speaker", "holder", "text")
    require_columns(statements, needed, "statements")
    if width < 0:
        raise ValueError("width must be >= 0")
    tokenizer = RegexpTokenizer(_WORD_PATTERN)
    prefix = keyword.strip().endswith("*")
    wanted = [_normalise_token(t) for t in tokenizer.tokenize(keyword)]
    if not wanted:
        raise ValueError(f"keyword {keyword!r} has no word in it")
    frame = statements.sort_values("statement_id", kind="mergesort")
    if holders is not None:
        frame = frame.loc[plain_strings(frame["holder"]).isin(select_names(holders, HOLDERS, "holder"))]
    rows = []
    k = len(wanted)
    for row in frame.itertuples(index=False):
        text = "" if pd.isna(row.text) else str(row.text)
        spans = list(tokenizer.span_tokenize(text))
        words = [_normalise_token(text[s:e]) for s, e in spans]
        for i in range(len(words) - k + 1):
            head_ok = all(words[i + j] == wanted[j] for j in range(k - 1))
            last = words[i + k - 1]
            last_ok = last.startswith(wanted[-1]) if prefix else last == wanted[-1]
            if head_ok and last_ok:
                start, end = spans[i][0], spans[i + k - 1][1]
                rows.append(
                    (
                        str(row.statement_id),
                        start,
                        text[max(0, start - width) : start].strip(),
                        text[start:end],
                        text[end : end + width].strip(),
                        str(row.doc_id),
                        row.date,
                        row.speaker,
                        row.holder,
                    )
                )
    columns = [
        "statement_id", "position", "left", "keyword", "right", "doc_id", "date", "speaker",
        "holder",
    ]  # fmt: skip
    out = pd.DataFrame(rows, columns=columns)
    out["position"] = out["position"].astype("int64")
    out["date"] = pd.to_datetime(out["date"])
    out["holder"] = categorical(out["holder"], HOLDERS)
    out = out.sort_values(["statement_id", "position"], kind="mergesort")
    return text_columns(out).reset_index(drop=True)
