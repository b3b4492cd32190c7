"""Analysis layer: summaries of the ``stances`` and ``statements`` tables.

Every function takes tidy frames that follow ``docs/data_dictionary.md`` and returns a
new tidy frame with a fixed column order, sorted by its key columns; inputs are never
modified. Only pandas, numpy and the data-free parts of NLTK are used here, so
``import corpus_lib.analysis`` stays light (NLTK itself is imported inside the text
functions, because importing it pulls in scipy and takes seconds).

Conventions shared by the summaries:

* ``n_statements`` counts (statement, topic) rows, neutral ones included;
  ``n_positioned`` counts those with a score (every label but ``neutral``; note that
  ``conditional`` is a position with score 0).
* ``mean_score`` is the mean of the scores, NaN when nothing is positioned.
* ``ci_low``/``ci_high`` is a percentile bootstrap interval of that mean. With
  ``resample="statements"`` (default) statements are resampled; with
  ``resample="documents"`` whole documents are resampled (a cluster bootstrap, more
  honest when statements of one document are not independent). The interval is NaN
  with fewer than two scores (or two documents). Each group draws from its own
  random stream, seeded from ``seed`` and the group's key, so a group's interval does
  not change when other groups are added or filtered out.
* ``share_<label>`` columns, one per stance label in data-dictionary order, are
  shares of ``n_statements`` (labels a topic cannot take are 0; NaN when the group is
  empty), so the shares of a row sum to 1.
"""

from __future__ import annotations

import itertools
import math
import re
import warnings
import zlib
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Literal

import numpy as np
import pandas as pd

from corpus_lib.vocab import HOLDERS, LABEL_SCORES, LABELS_BY_TOPIC, STANCES, TOPICS

__all__ = [
    "HOLDERS",
    "LABELS",
    "LABELS_BY_TOPIC",
    "LABEL_SCORES",
    "STOPWORDS",
    "SUMMARY_COLUMNS",
    "TOPICS",
    "bootstrap_mean_ci",
    "collocations",
    "holder_comparison",
    "keyness",
    "kwic",
    "quotes",
    "salience",
    "stance_by_document",
    "stance_by_period",
    "statement_times",
    "timeline_events",
    "tokenize",
    "tone_vs_stance",
]

LABELS: tuple[str, ...] = STANCES
SHARE_COLUMNS: tuple[str, ...] = tuple(f"share_{label}" for label in LABELS)
SUMMARY_COLUMNS: tuple[str, ...] = (
    "n_documents",
    "n_statements",
    "n_positioned",
    "mean_score",
    "ci_low",
    "ci_high",
    *SHARE_COLUMNS,
)

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

Resample = Literal["statements", "documents"]
Bins = str | Mapping[str, tuple[int, int]] | Sequence[tuple[str, int, int]]

_EVENT_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")
_WORD_PATTERN = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_STANCE_COLUMNS = ("statement_id", "doc_id", "date", "holder", "topic", "stance", "score")


# --------------------------------------------------------------------------- checks


def _require(frame: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{name} lacks column(s) {missing}; see docs/data_dictionary.md for the contract")


def _names(value: str | Iterable[str] | None, allowed: Sequence[str], what: str) -> tuple[str, ...]:
    """Validate a selection of topics/holders; None selects all, in canonical order."""
    if value is None:
        return tuple(allowed)
    chosen = (value,) if isinstance(value, str) else tuple(value)
    unknown = [v for v in chosen if v not in allowed]
    if unknown:
        raise ValueError(f"unknown {what} {unknown}; expected some of {list(allowed)}")
    if not chosen:
        raise ValueError(f"empty selection of {what}")
    return tuple(v for v in allowed if v in chosen)


def _as_str(series: pd.Series) -> pd.Series:
    return series.astype(object).where(series.notna(), None)


def _closed_values(series: pd.Series, allowed: Sequence[str], column: str) -> pd.Series:
    values = _as_str(series)
    bad = sorted({str(v) for v in values.dropna().unique() if v not in allowed})
    if values.isna().any() or bad:
        raise ValueError(f"column {column!r} has values outside {list(allowed)}: {bad or ['<missing>']}")
    return values


def _stance_frame(
    stances: pd.DataFrame,
    *,
    topic: str | Iterable[str] | None,
    holders: str | Iterable[str] | None,
    extra: Sequence[str] = (),
) -> pd.DataFrame:
    """A validated working copy of ``stances`` (plain-object label columns), filtered."""
    _require(stances, (*_STANCE_COLUMNS, *extra), "stances")
    topics = _names(topic, TOPICS, "topic")
    holder_names = _names(holders, HOLDERS, "holder")
    frame = stances.loc[:, list(dict.fromkeys((*_STANCE_COLUMNS, *extra)))].copy()
    frame["statement_id"] = _as_str(frame["statement_id"])
    frame["doc_id"] = _as_str(frame["doc_id"])
    frame["holder"] = _closed_values(frame["holder"], HOLDERS, "holder")
    frame["topic"] = _closed_values(frame["topic"], TOPICS, "topic")
    frame["stance"] = _closed_values(frame["stance"], LABELS, "stance")
    frame["date"] = pd.to_datetime(frame["date"])
    try:
        frame["score"] = pd.to_numeric(frame["score"]).astype(float)
    except (TypeError, ValueError) as err:
        raise ValueError("column 'score' must be numeric (+1, 0, -1 or missing)") from err
    dup = frame.duplicated(["statement_id", "topic"])
    if dup.any():
        first = frame.loc[dup, ["statement_id", "topic"]].iloc[0].tolist()
        raise ValueError(f"stances has duplicate (statement_id, topic) rows, e.g. {first}")
    keep = frame["topic"].isin(topics) & frame["holder"].isin(holder_names)
    return frame.loc[keep].reset_index(drop=True)


def _categorical(values: Iterable, levels: Sequence[str]) -> pd.Categorical:
    return pd.Categorical(list(values), categories=list(levels))


# --------------------------------------------------------------------------- bootstrap


def _group_rng(seed: int, key: Iterable[object]) -> np.random.Generator:
    text = "\x1f".join(str(k) for k in key)
    return np.random.default_rng(np.random.SeedSequence([int(seed), zlib.crc32(text.encode())]))


def bootstrap_mean_ci(
    scores: Sequence[float] | np.ndarray,
    *,
    groups: Sequence[object] | np.ndarray | None = None,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int | np.random.Generator = 0,
) -> tuple[float, float]:
    """Percentile bootstrap interval of a mean, optionally resampling whole groups.

    Resampling ``n`` values with replacement is the same as drawing how often each
    distinct value is picked from a multinomial, which is what is done here: exact,
    fast and memory-light for scores that take few values. With ``groups`` (e.g. the
    ``doc_id`` of each score) whole groups are resampled and the mean of all their
    scores is taken (cluster bootstrap). Missing scores are ignored.

    Args:
        scores: Numeric scores.
        groups: Optional cluster label per score, same length as ``scores``.
        n_resamples: Number of bootstrap resamples.
        confidence: Coverage of the interval, between 0 and 1.
        seed: Seed, or a ready ``numpy.random.Generator``.

    Returns:
        ``(low, high)``; ``(nan, nan)`` with fewer than two scores (or groups).

    Example:
        >>> bootstrap_mean_ci([1.0, 1.0, 1.0])
        (1.0, 1.0)
        >>> low, high = bootstrap_mean_ci([1, -1, 1, 0, 1, -1], seed=3)
        >>> bool(-1 <= low < 1 / 6 < high <= 1)
        True
    """
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    if int(n_resamples) != n_resamples or n_resamples < 1:
        raise ValueError(f"n_resamples must be a positive integer, got {n_resamples!r}")
    values = np.asarray(scores, dtype=float)
    ok = ~np.isnan(values)
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    tail = (1.0 - confidence) / 2.0
    if groups is None:
        values = values[ok]
        if values.size < 2:
            return (math.nan, math.nan)
        uniq, counts = np.unique(values, return_counts=True)
        draws = rng.multinomial(values.size, counts / values.size, size=int(n_resamples))
        means = draws @ uniq / values.size
    else:
        labels = np.asarray(groups, dtype=object)
        if labels.shape != values.shape:
            raise ValueError("groups must have the same length as scores")
        codes, _ = pd.factorize(pd.Series(labels[ok], dtype=object), sort=True)
        k = int(codes.max()) + 1 if codes.size else 0
        if k < 2:
            return (math.nan, math.nan)
        sums = np.bincount(codes, weights=values[ok], minlength=k)
        sizes = np.bincount(codes, minlength=k).astype(float)
        picks = rng.multinomial(k, np.full(k, 1.0 / k), size=int(n_resamples))
        means = (picks @ sums) / (picks @ sizes)
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return (float(low), float(high))


# --------------------------------------------------------------------------- summaries


def _summarise(
    frame: pd.DataFrame,
    keys: Sequence[str],
    *,
    n_resamples: int,
    confidence: float,
    seed: int,
    resample: Resample,
) -> pd.DataFrame:
    """One row per observed key combination with the SUMMARY_COLUMNS."""
    if resample not in ("statements", "documents"):
        raise ValueError(f"resample must be 'statements' or 'documents', got {resample!r}")
    rows = []
    for key, group in frame.groupby(list(keys), sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        scores = group["score"].to_numpy(dtype=float)
        positioned = ~np.isnan(scores)
        n = len(group)
        low, high = bootstrap_mean_ci(
            scores,
            groups=group["doc_id"].to_numpy(dtype=object) if resample == "documents" else None,
            n_resamples=n_resamples,
            confidence=confidence,
            seed=_group_rng(seed, key),
        )
        counts = group["stance"].value_counts()
        rows.append(
            (
                *key,
                group["doc_id"].nunique(),
                n,
                int(positioned.sum()),
                float(scores[positioned].mean()) if positioned.any() else math.nan,
                low,
                high,
                *(float(counts.get(label, 0)) / n for label in LABELS),
            )
        )
    out = pd.DataFrame(rows, columns=[*keys, *SUMMARY_COLUMNS])
    counts = {"n_documents": "int64", "n_statements": "int64", "n_positioned": "int64"}
    if out.empty:  # no group: give the key columns a text dtype so that merges work
        floats = dict.fromkeys(["mean_score", "ci_low", "ci_high", *SHARE_COLUMNS], "float64")
        return out.astype({**dict.fromkeys(keys, object), **counts, **floats})
    return out.astype(counts)


def _fill_grid(summary: pd.DataFrame, grid: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Left-join ``summary`` onto every key combination of ``grid``; empty groups get n=0."""
    as_text = dict.fromkeys(keys, object)  # one key dtype on both sides, even when empty
    out = grid.astype(as_text).merge(summary.astype(as_text), on=list(keys), how="left")
    for column in ("n_documents", "n_statements", "n_positioned"):
        out[column] = out[column].fillna(0).astype("int64")
    return out


def _text_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Give object columns holding only text (or missing) the default string dtype.

    Under pandas 3 that is the ``str`` dtype of the data dictionary; under pandas 2
    ``object`` is kept (``astype(str)`` there would turn missing values into "nan").
    """
    if int(pd.__version__.split(".")[0]) < 3:
        return frame
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        is_text = values.map(lambda v: isinstance(v, str) or pd.isna(v))
        if values.dtype == object and values.notna().any() and is_text.all():
            out[column] = values.astype("str")
    return out


def _finish(frame: pd.DataFrame, columns: Sequence[str], sort: Sequence[str]) -> pd.DataFrame:
    out = _text_columns(frame)
    if "topic" in out:
        out["topic"] = _categorical(out["topic"], TOPICS)
    if "holder" in out:
        out["holder"] = _categorical(out["holder"], HOLDERS)
    out = out.sort_values(list(sort), kind="mergesort", na_position="last")
    return out.loc[:, list(columns)].reset_index(drop=True)


def stance_by_document(
    stances: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    topic: str | Iterable[str] | None = None,
    holders: str | Iterable[str] | None = None,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Per document and topic: how many statements, their mean score and label shares.

    Only (document, topic) pairs with at least one stance row appear. The bootstrap
    resamples the document's statements.

    Args:
        stances: The ``stances`` table.
        documents: The ``documents`` table (``doc_id``, ``date``, ``title``,
            ``source``, ``genre`` are used).
        topic: A topic or topics to keep; all by default.
        holders: A holder or holders to keep; all by default.
        n_resamples: Bootstrap resamples.
        confidence: Coverage of the interval.
        seed: Seed of the bootstrap.

    Returns:
        Columns ``doc_id, date, title, source, genre, topic`` then ``n_statements,
        n_positioned, mean_score, ci_low, ci_high, share_<label>...``; sorted by
        ``doc_id`` and topic (in codebook order).

    Raises:
        KeyError: a required column is missing.
        ValueError: a stance row names a document not in ``documents``, or a label
            column holds a value outside the codebook.

    Example:
        >>> stances = pd.DataFrame({
        ...     "statement_id": ["d1.0001", "d1.0002", "d1.0003"], "doc_id": "d1",
        ...     "date": pd.Timestamp("2008-05-01"), "holder": "NATO", "topic": "karabakh",
        ...     "stance": ["detached", "detached", "neutral"], "score": [-1.0, -1.0, None]})
        >>> documents = pd.DataFrame({"doc_id": ["d1"], "date": [pd.Timestamp("2008-05-01")],
        ...     "title": ["An interview"], "source": ["APA"], "genre": ["interview"]})
        >>> row = stance_by_document(stances, documents).iloc[0]
        >>> int(row.n_statements), int(row.n_positioned), float(row.mean_score)
        (3, 2, -1.0)
    """
    frame = _stance_frame(stances, topic=topic, holders=holders)
    _require(documents, ("doc_id", "date", "title", "source", "genre"), "documents")
    meta = documents.loc[:, ["doc_id", "date", "title", "source", "genre"]].copy()
    meta["doc_id"] = _as_str(meta["doc_id"])
    if meta["doc_id"].duplicated().any():
        raise ValueError("documents has duplicate doc_id values")
    unknown = sorted(set(frame["doc_id"]) - set(meta["doc_id"]))
    if unknown:
        raise ValueError(f"stances refer to documents missing from documents: {unknown[:5]}")
    summary = _summarise(
        frame,
        ("doc_id", "topic"),
        n_resamples=n_resamples,
        confidence=confidence,
        seed=seed,
        resample="statements",
    )
    out = summary.merge(meta, on="doc_id", how="left", validate="many_to_one")
    out["date"] = pd.to_datetime(out["date"])
    columns = ("doc_id", "date", "title", "source", "genre", "topic", *SUMMARY_COLUMNS[1:])
    return _finish(out, columns, ("doc_id", "topic"))


def statement_times(frame: pd.DataFrame, *, use_event_date: bool = False) -> pd.Series:
    """The time at which each statement is placed on a time axis.

    By default a statement's time is its document's ``date``. With
    ``use_event_date=True`` it is its ``event_date`` where one is given: ``YYYY`` is
    placed at 1 July of that year and ``YYYY-MM`` on the 15th of that month (the
    middle of the period the text names); an empty ``event_date`` falls back to the
    document date.

    Args:
        frame: A ``statements`` or ``stances`` table (``date``, and ``event_date`` when
            ``use_event_date`` is set).
        use_event_date: Place statements at the date of the event they narrate.

    Returns:
        A datetime Series named ``time``, aligned with ``frame``.

    Raises:
        ValueError: an ``event_date`` is neither empty, ``YYYY`` nor ``YYYY-MM``.

    Example:
        >>> frame = pd.DataFrame({"date": pd.to_datetime(["2009-01-10"] * 3),
        ...                       "event_date": ["", "1995", "2008-08"]})
        >>> statement_times(frame, use_event_date=True).dt.strftime("%Y-%m-%d").tolist()
        ['2009-01-10', '1995-07-01', '2008-08-15']
    """
    _require(frame, ("date", "event_date") if use_event_date else ("date",), "frame")
    date = pd.to_datetime(frame["date"]).rename("time")
    if not use_event_date:
        return date
    event = _as_str(frame["event_date"]).fillna("").astype(str).str.strip()
    parts = event.str.extract(_EVENT_DATE)
    bad = (event != "") & parts[0].isna()
    if bad.any():
        raise ValueError(f"event_date must be empty, YYYY or YYYY-MM; got {sorted(set(event[bad]))[:5]}")
    has_event = event != ""
    if not has_event.any():
        return date
    year = parts.loc[has_event, 0].astype(int)
    month = parts.loc[has_event, 1]
    event_time = pd.to_datetime(
        pd.DataFrame(
            {
                "year": year,
                "month": month.fillna("7").astype(int),
                "day": np.where(month.isna(), 1, 15),
            }
        )
    )
    out = date.copy()
    out.loc[has_event] = event_time.to_numpy().astype(out.dtype)
    return out


def _period_table(freq_or_bins: Bins, years: Iterable[int]) -> pd.DataFrame:
    """All periods (period, period_start, period_end, first_year, last_year), in time order."""
    if isinstance(freq_or_bins, str):
        if freq_or_bins != "year":
            raise ValueError(f"freq_or_bins must be 'year' or bins, got {freq_or_bins!r}")
        years = sorted({int(y) for y in years})
        spans = [(str(y), y, y) for y in range(years[0], years[-1] + 1)] if years else []
    else:
        items = (
            [(label, *span) for label, span in freq_or_bins.items()]
            if isinstance(freq_or_bins, Mapping)
            else [tuple(item) for item in freq_or_bins]
        )
        spans = []
        for item in items:
            if len(item) != 3:
                raise ValueError(f"a bin is (label, first_year, last_year), got {item!r}")
            label, first, last = str(item[0]), int(item[1]), int(item[2])
            if first > last:
                raise ValueError(f"bin {label!r} starts after it ends: {first} > {last}")
            spans.append((label, first, last))
        if len({s[0] for s in spans}) != len(spans):
            raise ValueError("bin labels must be unique")
        spans.sort(key=lambda s: s[1])
        for (a, _, a_last), (b, b_first, _) in itertools.pairwise(spans):
            if b_first <= a_last:
                raise ValueError(f"bins {a!r} and {b!r} overlap")
        if not spans:
            raise ValueError("no bins given")
    return pd.DataFrame(
        {
            "period": [s[0] for s in spans],
            "period_start": pd.to_datetime([f"{s[1]:04d}-01-01" for s in spans]),
            "period_end": pd.to_datetime([f"{s[2]:04d}-12-31" for s in spans]),
            "first_year": pd.array([s[1] for s in spans], dtype="int64"),
            "last_year": pd.array([s[2] for s in spans], dtype="int64"),
        }
    )


def _with_periods(
    frame: pd.DataFrame, freq_or_bins: Bins, *, use_event_date: bool
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Attach period columns to ``frame`` (rows outside every bin dropped) + all periods."""
    time = statement_times(frame, use_event_date=use_event_date)
    undated = time.isna()
    if undated.any():
        warnings.warn(
            f"{int(undated.sum())} statement(s) without a date are left out of the periods",
            stacklevel=3,
        )
    frame = frame.loc[~undated].copy()
    year = time[~undated].dt.year.astype("int64")
    periods = _period_table(freq_or_bins, year.unique())
    label = pd.Series(pd.NA, index=frame.index, dtype=object)
    for p in periods.itertuples(index=False):
        label[(year >= p.first_year) & (year <= p.last_year)] = p.period
    frame["period"] = label
    frame = frame.loc[frame["period"].notna()]
    return frame, periods.drop(columns=["first_year", "last_year"])


def _grid(*parts: pd.DataFrame) -> pd.DataFrame:
    out = parts[0]
    for part in parts[1:]:
        out = out.merge(part, how="cross")
    return out


def stance_by_period(
    stances: pd.DataFrame,
    *,
    freq_or_bins: Bins = "year",
    use_event_date: bool = False,
    topic: str | Iterable[str] | None = None,
    holders: str | Iterable[str] | None = None,
    resample: Resample = "statements",
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Per period and topic: statements, mean score with bootstrap CI, label shares.

    Args:
        stances: The ``stances`` table.
        freq_or_bins: ``"year"`` (every calendar year from the first to the last one
            observed) or custom bins of whole years, inclusive at both ends, as
            ``{"early": (2005, 2008), "late": (2022, 2024)}`` or
            ``[("early", 2005, 2008), ...]``. Statements outside every bin are left out.
        use_event_date: Place a statement at its ``event_date`` (document date when
            empty); see :func:`statement_times`.
        topic: A topic or topics to keep; all by default.
        holders: A holder or holders to keep; all by default.
        resample: ``"statements"`` or ``"documents"`` (cluster bootstrap).
        n_resamples: Bootstrap resamples.
        confidence: Coverage of the interval.
        seed: Seed of the bootstrap.

    Returns:
        Columns ``period, period_start, period_end, topic, n_documents, n_statements,
        n_positioned, mean_score, ci_low, ci_high, share_<label>...``: one row per
        period and selected topic (empty ones too, with n 0 and NaN statistics),
        sorted by ``period_start`` then topic.

    Example:
        >>> stances = pd.DataFrame({
        ...     "statement_id": ["a.0001", "a.0002", "b.0001"], "doc_id": ["a", "a", "b"],
        ...     "date": pd.to_datetime(["2006-03-01", "2006-03-01", "2023-01-01"]),
        ...     "event_date": "", "holder": "NATO", "topic": "russia",
        ...     "stance": ["cooperative", "neutral", "adversarial"],
        ...     "score": [1.0, None, -1.0]})
        >>> out = stance_by_period(stances, topic="russia",
        ...                        freq_or_bins={"early": (2005, 2008), "late": (2022, 2024)})
        >>> out[["period", "n_statements", "mean_score"]].to_numpy().tolist()
        [['early', 2, 1.0], ['late', 1, -1.0]]
    """
    extra = ("event_date",) if use_event_date else ()
    frame = _stance_frame(stances, topic=topic, holders=holders, extra=extra)
    frame, periods = _with_periods(frame, freq_or_bins, use_event_date=use_event_date)
    summary = _summarise(
        frame,
        ("period", "topic"),
        n_resamples=n_resamples,
        confidence=confidence,
        seed=seed,
        resample=resample,
    )
    topics = pd.DataFrame({"topic": list(_names(topic, TOPICS, "topic"))})
    out = _fill_grid(summary, _grid(periods, topics), ("period", "topic"))
    columns = ("period", "period_start", "period_end", "topic", *SUMMARY_COLUMNS)
    return _finish(out, columns, ("period_start", "topic"))


def holder_comparison(
    stances: pd.DataFrame,
    *,
    holders: str | Iterable[str] = ("NATO", "Azerbaijan", "media"),
    topic: str | Iterable[str] | None = None,
    freq_or_bins: Bins | None = None,
    use_event_date: bool = False,
    resample: Resample = "statements",
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Mean score and label shares per holder and topic, optionally per period too.

    Every selected holder × topic (× period) appears, empty ones with n 0.

    Args:
        stances: The ``stances`` table.
        holders: Holders to compare.
        topic: A topic or topics to keep; all by default.
        freq_or_bins: ``None`` (no periods), ``"year"`` or bins as in
            :func:`stance_by_period`.
        use_event_date: Place statements at their event date (with periods only).
        resample: ``"statements"`` or ``"documents"``.
        n_resamples: Bootstrap resamples.
        confidence: Coverage of the interval.
        seed: Seed of the bootstrap.

    Returns:
        Columns ``holder, [period, period_start, period_end,] topic`` then the summary
        columns; sorted by holder (codebook order), period, topic.

    Example:
        >>> stances = pd.DataFrame({
        ...     "statement_id": ["a.0001", "a.0002"], "doc_id": "a",
        ...     "date": pd.Timestamp("2010-01-01"), "holder": ["NATO", "Azerbaijan"],
        ...     "topic": "membership", "stance": ["conditional", "open"],
        ...     "score": [0.0, 1.0]})
        >>> out = holder_comparison(stances, holders=["NATO", "Azerbaijan"],
        ...                         topic="membership")
        >>> out[["holder", "mean_score"]].to_numpy().tolist()
        [['NATO', 0.0], ['Azerbaijan', 1.0]]
    """
    holder_names = _names(holders, HOLDERS, "holder")
    extra = ("event_date",) if use_event_date and freq_or_bins is not None else ()
    frame = _stance_frame(stances, topic=topic, holders=holder_names, extra=extra)
    topics = pd.DataFrame({"topic": list(_names(topic, TOPICS, "topic"))})
    holder_frame = pd.DataFrame({"holder": list(holder_names)})
    if freq_or_bins is None:
        keys: tuple[str, ...] = ("holder", "topic")
        grid = _grid(holder_frame, topics)
        head: tuple[str, ...] = keys
        sort: tuple[str, ...] = keys
    else:
        frame, periods = _with_periods(frame, freq_or_bins, use_event_date=use_event_date)
        keys = ("holder", "period", "topic")
        grid = _grid(holder_frame, periods, topics)
        head = ("holder", "period", "period_start", "period_end", "topic")
        sort = ("holder", "period_start", "topic")
    summary = _summarise(frame, keys, n_resamples=n_resamples, confidence=confidence, seed=seed, resample=resample)
    out = _fill_grid(summary, grid, keys)
    return _finish(out, (*head, *SUMMARY_COLUMNS), sort)


def salience(statements: pd.DataFrame, stances: pd.DataFrame) -> pd.DataFrame:
    """Per document and topic: the share of the document's statements touching the topic.

    Every document of ``statements`` appears with every topic, so a topic a document
    never touches has share 0.

    Args:
        statements: The ``statements`` table (``statement_id``, ``doc_id``, ``date``).
        stances: The ``stances`` table (``statement_id``, ``doc_id``, ``topic``).

    Returns:
        Columns ``doc_id, date, topic, n_statements, n_touching, share``, sorted by
        ``doc_id`` then topic.

    Raises:
        ValueError: a stance row names a statement not in ``statements``.

    Example:
        >>> statements = pd.DataFrame({"statement_id": ["d.0001", "d.0002"],
        ...     "doc_id": "d", "date": pd.Timestamp("2020-01-01")})
        >>> stances = pd.DataFrame({"statement_id": ["d.0002"], "doc_id": ["d"],
        ...     "topic": ["russia"]})
        >>> salience(statements, stances)[["topic", "share"]].to_numpy().tolist()
        [['karabakh', 0.0], ['russia', 0.5], ['membership', 0.0]]
    """
    _require(statements, ("statement_id", "doc_id", "date"), "statements")
    _require(stances, ("statement_id", "doc_id", "topic"), "stances")
    st = statements.loc[:, ["statement_id", "doc_id", "date"]].copy()
    st["statement_id"] = _as_str(st["statement_id"])
    st["doc_id"] = _as_str(st["doc_id"])
    if st["statement_id"].duplicated().any():
        raise ValueError("statements has duplicate statement_id values")
    sn = stances.loc[:, ["statement_id", "topic"]].copy()
    sn["statement_id"] = _as_str(sn["statement_id"])
    sn["topic"] = _closed_values(sn["topic"], TOPICS, "topic")
    unknown = sorted(set(sn["statement_id"]) - set(st["statement_id"]))
    if unknown:
        raise ValueError(f"stances refer to statements missing from statements: {unknown[:5]}")
    docs = (
        st.groupby("doc_id", sort=True).agg(date=("date", "first"), n_statements=("statement_id", "size")).reset_index()
    )
    docs["date"] = pd.to_datetime(docs["date"])
    touched = (
        sn.drop_duplicates()
        .merge(st[["statement_id", "doc_id"]], on="statement_id")
        .groupby(["doc_id", "topic"], sort=True)
        .size()
        .rename("n_touching")
        .reset_index()
    )
    out = _grid(docs, pd.DataFrame({"topic": list(TOPICS)})).merge(touched, on=["doc_id", "topic"], how="left")
    out["n_touching"] = out["n_touching"].fillna(0).astype("int64")
    out["share"] = out["n_touching"] / out["n_statements"]
    columns = ("doc_id", "date", "topic", "n_statements", "n_touching", "share")
    return _finish(out, columns, ("doc_id", "topic"))


# --------------------------------------------------------------------------- words


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
    _require(statements, ("statement_id", "text", "date", "holder"), "statements")
    frame = statements.sort_values("statement_id", kind="mergesort")
    if holders is not None:
        chosen = _names(holders, HOLDERS, "holder")
        frame = frame.loc[_as_str(frame["holder"]).isin(chosen)]
    if years is not None:
        first, last = (int(y) for y in years)
        if first > last:
            raise ValueError(f"period {years!r} starts after it ends")
        year = statement_times(frame, use_event_date=use_event_date).dt.year
        frame = frame.loc[(year >= first) & (year <= last)]
    return [str(t) for t in _as_str(frame["text"]).fillna("")]


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
    return _text_columns(out).reset_index(drop=True)


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
    return _text_columns(out)


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
    _require(statements, needed, "statements")
    if width < 0:
        raise ValueError("width must be >= 0")
    tokenizer = RegexpTokenizer(_WORD_PATTERN)
    prefix = keyword.strip().endswith("*")
    wanted = [_normalise_token(t) for t in tokenizer.tokenize(keyword)]
    if not wanted:
        raise ValueError(f"keyword {keyword!r} has no word in it")
    frame = statements.sort_values("statement_id", kind="mergesort")
    if holders is not None:
        frame = frame.loc[_as_str(frame["holder"]).isin(_names(holders, HOLDERS, "holder"))]
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
    out["holder"] = _categorical(out["holder"], HOLDERS)
    out = out.sort_values(["statement_id", "position"], kind="mergesort")
    return _text_columns(out).reset_index(drop=True)


# --------------------------------------------------------------------------- joins


def tone_vs_stance(
    statements: pd.DataFrame,
    stances: pd.DataFrame,
    *,
    topic: str | Iterable[str] | None = None,
    holders: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Put each statement's ``tone`` (VADER compound, −1…1) beside its stance.

    Args:
        statements: The ``statements`` table with an extra float ``tone`` column.
        stances: The ``stances`` table.
        topic: A topic or topics to keep; all by default.
        holders: A holder or holders to keep; all by default.

    Returns:
        Columns ``statement_id, doc_id, date, holder, topic, stance, score, tone``,
        one row per stance row, sorted by ``statement_id`` then topic.

    Raises:
        KeyError: ``statements`` has no ``tone`` column.
        ValueError: ``tone`` is not numeric, or a stance row names an unknown statement.

    Example:
        >>> statements = pd.DataFrame({"statement_id": ["d.0001"], "tone": [0.42]})
        >>> stances = pd.DataFrame({"statement_id": ["d.0001"], "doc_id": ["d"],
        ...     "date": pd.Timestamp("2020-01-01"), "holder": ["NATO"],
        ...     "topic": ["karabakh"], "stance": ["engaged"], "score": [1.0]})
        >>> row = tone_vs_stance(statements, stances).iloc[0]
        >>> row.stance, float(row.tone)
        ('engaged', 0.42)
    """
    if isinstance(statements, pd.DataFrame) and "tone" not in statements.columns:
        raise KeyError(
            "statements has no 'tone' column: add the VADER compound score of each "
            "sentence (a float in [-1, 1]) as 'tone' before calling tone_vs_stance"
        )
    _require(statements, ("statement_id", "tone"), "statements")
    frame = _stance_frame(stances, topic=topic, holders=holders)
    tone = statements.loc[:, ["statement_id", "tone"]].copy()
    tone["statement_id"] = _as_str(tone["statement_id"])
    try:
        tone["tone"] = pd.to_numeric(tone["tone"]).astype(float)
    except (TypeError, ValueError) as err:
        raise ValueError("column 'tone' must be numeric (VADER compound scores)") from err
    if tone["statement_id"].duplicated().any():
        raise ValueError("statements has duplicate statement_id values")
    unknown = sorted(set(frame["statement_id"]) - set(tone["statement_id"]))
    if unknown:
        raise ValueError(f"stances refer to statements missing from statements: {unknown[:5]}")
    out = frame.merge(tone, on="statement_id", how="left", validate="many_to_one")
    out["stance"] = _categorical(out["stance"], LABELS)
    columns = ("statement_id", "doc_id", "date", "holder", "topic", "stance", "score", "tone")
    return _finish(out, columns, ("statement_id", "topic"))


def quotes(
    stances: pd.DataFrame,
    statements: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    topic: str | Iterable[str] | None,
    holders: str | Iterable[str] | None = None,
    use_event_date: bool = False,
) -> pd.DataFrame:
    """The statements behind the points of a chart, with their evidence.

    Args:
        stances: The ``stances`` table.
        statements: The ``statements`` table.
        documents: The ``documents`` table.
        topic: A topic or topics (required; ``None`` for all).
        holders: A holder or holders to keep; all by default.
        use_event_date: Set ``time`` from the event date (see :func:`statement_times`).

    Returns:
        Columns ``statement_id, doc_id, date, event_date, time, title, source, speaker,
        speaker_role, holder, topic, stance, score, confidence, rule_ids, cues, text``,
        sorted by ``statement_id`` then topic.

    Example:
        >>> stances = pd.DataFrame({"statement_id": ["d.0001"], "doc_id": ["d"],
        ...     "date": pd.Timestamp("2024-02-01"), "event_date": [""], "holder": ["NATO"],
        ...     "topic": ["karabakh"], "stance": ["engaged"], "score": [1.0],
        ...     "confidence": [0.9], "rule_ids": ["K1"], "cues": ["encourage"]})
        >>> statements = pd.DataFrame({"statement_id": ["d.0001"], "speaker": ["A. Person"],
        ...     "speaker_role": ["interviewee"], "text": ["We encourage a peace deal."]})
        >>> documents = pd.DataFrame({"doc_id": ["d"], "title": ["Talk"], "source": ["APA"]})
        >>> out = quotes(stances, statements, documents, topic="karabakh")
        >>> out[["speaker", "title", "text"]].iloc[0].tolist()
        ['A. Person', 'Talk', 'We encourage a peace deal.']
    """
    extra = ("event_date", "confidence", "rule_ids", "cues")
    frame = _stance_frame(stances, topic=topic, holders=holders, extra=extra)
    _require(statements, ("statement_id", "speaker", "speaker_role", "text"), "statements")
    _require(documents, ("doc_id", "title", "source"), "documents")
    st = statements.loc[:, ["statement_id", "speaker", "speaker_role", "text"]].copy()
    st["statement_id"] = _as_str(st["statement_id"])
    docs = documents.loc[:, ["doc_id", "title", "source"]].copy()
    docs["doc_id"] = _as_str(docs["doc_id"])
    missing = sorted(set(frame["statement_id"]) - set(st["statement_id"]))
    if missing:
        raise ValueError(f"stances refer to statements missing from statements: {missing[:5]}")
    missing = sorted(set(frame["doc_id"]) - set(docs["doc_id"]))
    if missing:
        raise ValueError(f"stances refer to documents missing from documents: {missing[:5]}")
    frame["time"] = statement_times(frame, use_event_date=use_event_date)
    out = frame.merge(st, on="statement_id", how="left", validate="many_to_one").merge(
        docs, on="doc_id", how="left", validate="many_to_one"
    )
    out["stance"] = _categorical(out["stance"], LABELS)
    columns = (
        "statement_id", "doc_id", "date", "event_date", "time", "title", "source", "speaker",
        "speaker_role", "holder", "topic", "stance", "score", "confidence", "rule_ids", "cues",
        "text",
    )  # fmt: skip
    return _finish(out, columns, ("statement_id", "topic"))


def timeline_events() -> pd.DataFrame:
    """Dated events to mark on timelines, from ``corpus_lib/data/events.csv``.

    Returns:
        Columns ``date`` (datetime), ``label``, ``kind`` (the topic the event bears
        on, a categorical with the topic levels), sorted by date then label.

    Example:
        >>> events = timeline_events()
        >>> events.loc[events["label"] == "Bucharest summit", "date"].dt.year.tolist()
        [2008]
    """
    source = resources.files("corpus_lib").joinpath("data", "events.csv")
    with source.open("r", encoding="utf-8") as handle:
        raw = pd.read_csv(handle, dtype=str, keep_default_na=False)
    out = pd.DataFrame(
        {
            "date": pd.to_datetime(raw["date"], format="%Y-%m-%d"),
            "label": raw["label"],
            "kind": _categorical(raw["kind"], TOPICS),
        }
    )
    if out["kind"].isna().any():
        raise ValueError("events.csv has a kind that is not a topic")
    out = out.sort_values(["date", "label"], kind="mergesort")
    return _text_columns(out).reset_index(drop=True)
