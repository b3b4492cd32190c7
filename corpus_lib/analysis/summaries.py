"""Summaries of the ``stances`` and ``statements`` tables: by period, document and holder.

Every function takes tidy frames that follow ``docs/data_dictionary.md`` and returns a
new tidy frame with a fixed column order, sorted by its key columns; inputs are never
modified. Only pandas and numpy are used here, so ``import corpus_lib.analysis`` stays
light. The word statistics (tokens, keyness, collocations, keyword in context) are in
:mod:`corpus_lib.analysis.text`.

Conventions shared by the summaries:

* ``n_statements`` counts (statement, topic) rows, neutral ones included;
  ``n_positioned`` counts those with a score (every label but ``neutral``; note that
  ``conditional`` is a position with score 0).
* ``mean_score`` is the mean of the scores, NaN when nothing is positioned.
* ``ci_low``/``ci_high`` is a percentile bootstrap interval of that mean. By default
  (``resample="documents"``) whole documents are resampled: statements of one document
  are not independent, so a period resting on one document gets no interval (NaN) and
  one resting on few gets a wide one. ``resample="statements"`` resamples statements
  (what ``stance_by_document`` does inside one document). See
  :mod:`corpus_lib.analysis.bootstrap`.
* ``share_<label>`` columns, one per stance label in data-dictionary order, are
  shares of ``n_statements`` (labels a topic cannot take are 0; NaN when the group is
  empty), so the shares of a row sum to 1; ``share_<label>_low``/``share_<label>_high``
  is each share's interval, resampled like the mean's.
"""

from __future__ import annotations

import itertools
import math
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Literal

import numpy as np
import pandas as pd

from corpus_lib.analysis.bootstrap import bootstrap_mean_ci, bootstrap_share_ci, group_rng
from corpus_lib.analysis.frames import (
    LABELS,
    categorical,
    closed_values,
    finish,
    plain_strings,
    require_columns,
    select_names,
    stance_frame,
    text_columns,
)
from corpus_lib.vocab import HOLDERS, TOPICS

__all__ = [
    "LABELS",
    "SUMMARY_COLUMNS",
    "bootstrap_mean_ci",
    "holder_comparison",
    "quotes",
    "salience",
    "stance_by_document",
    "stance_by_period",
    "statement_times",
    "summary_by",
    "timeline_events",
    "tone_vs_stance",
]

SHARE_COLUMNS: tuple[str, ...] = tuple(f"share_{label}" for label in LABELS)
SHARE_CI_COLUMNS: tuple[str, ...] = tuple(f"share_{label}_{end}" for label in LABELS for end in ("low", "high"))
SUMMARY_COLUMNS: tuple[str, ...] = (
    "n_documents",
    "n_statements",
    "n_positioned",
    "mean_score",
    "ci_low",
    "ci_high",
    *SHARE_COLUMNS,
    *SHARE_CI_COLUMNS,
)

Resample = Literal["statements", "documents"]
Bins = str | Mapping[str, tuple[int, int]] | Sequence[tuple[str, int, int]]

_EVENT_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")


# --------------------------------------------------------------------------- summaries


def _group_summary(
    group: pd.DataFrame, key, resample: Resample, n_resamples: int, confidence: float, seed: int
) -> tuple:
    """The SUMMARY_COLUMNS of one group: counts, mean score and label shares with their intervals."""
    key = key if isinstance(key, tuple) else (key,)
    scores = group["score"].to_numpy(dtype=float)
    positioned = ~np.isnan(scores)
    n = len(group)
    clusters = group["doc_id"].to_numpy(dtype=object) if resample == "documents" else None
    options = {"n_resamples": n_resamples, "confidence": confidence}
    low, high = bootstrap_mean_ci(scores, groups=clusters, seed=group_rng(seed, key), **options)
    labels = group["stance"].astype(object).to_numpy()
    share_low, share_high = bootstrap_share_ci(labels, LABELS, groups=clusters, seed=group_rng(seed, (*key, "shares")), **options)
    counts = group["stance"].value_counts()
    return (
        group["doc_id"].nunique(),
        n,
        int(positioned.sum()),
        float(scores[positioned].mean()) if positioned.any() else math.nan,
        low,
        high,
        *(float(counts.get(label, 0)) / n for label in LABELS),
        *(float(v) for pair in zip(share_low, share_high) for v in pair),
    )


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
    rows = [
        (*(key if isinstance(key, tuple) else (key,)), *_group_summary(group, key, resample, n_resamples, confidence, seed))
        for key, group in frame.groupby(list(keys), sort=True, dropna=False)
    ]
    out = pd.DataFrame(rows, columns=[*keys, *SUMMARY_COLUMNS])
    counts = {"n_documents": "int64", "n_statements": "int64", "n_positioned": "int64"}
    if out.empty:  # no group: give the key columns a text dtype so that merges work
        floats = dict.fromkeys(["mean_score", "ci_low", "ci_high", *SHARE_COLUMNS, *SHARE_CI_COLUMNS], "float64")
        return out.astype({**dict.fromkeys(keys, object), **counts, **floats})
    return out.astype(counts)


def summary_by(
    frame: pd.DataFrame,
    keys: Sequence[str],
    *,
    resample: Resample = "documents",
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """The SUMMARY_COLUMNS of each observed combination of ``keys`` in ``frame``.

    ``frame`` holds stance rows (``doc_id``, ``stance``, ``score`` and the key columns);
    the breakdowns a summary here does not offer (by speaker, by country named) group
    with it, so their counts, means, shares and intervals mean what they mean everywhere.
    """
    return _summarise(frame, keys, n_resamples=n_resamples, confidence=confidence, seed=seed, resample=resample)


def _fill_grid(summary: pd.DataFrame, grid: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Left-join ``summary`` onto every key combination of ``grid``; empty groups get n=0."""
    as_text = dict.fromkeys(keys, object)  # one key dtype on both sides, even when empty
    out = grid.astype(as_text).merge(summary.astype(as_text), on=list(keys), how="left")
    for column in ("n_documents", "n_statements", "n_positioned"):
        out[column] = out[column].fillna(0).astype("int64")
    return out


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
    frame = stance_frame(stances, topic=topic, holders=holders)
    require_columns(documents, ("doc_id", "date", "title", "source", "genre"), "documents")
    meta = documents.loc[:, ["doc_id", "date", "title", "source", "genre"]].copy()
    meta["doc_id"] = plain_strings(meta["doc_id"])
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
    return finish(out, columns, ("doc_id", "topic"))


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
    require_columns(frame, ("date", "event_date") if use_event_date else ("date",), "frame")
    date = pd.to_datetime(frame["date"]).rename("time")
    if not use_event_date:
        return date
    event = plain_strings(frame["event_date"]).fillna("").astype(str).str.strip()
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


def with_periods(
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


def key_grid(*parts: pd.DataFrame) -> pd.DataFrame:
    """Every combination of the rows of ``parts`` (a cross join): the keys a summary reports, empty ones too."""
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
    resample: Resample = "documents",
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
        resample: ``"documents"`` (cluster bootstrap, the default) or ``"statements"``.
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
    frame = stance_frame(stances, topic=topic, holders=holders, extra=extra)
    frame, periods = with_periods(frame, freq_or_bins, use_event_date=use_event_date)
    summary = _summarise(
        frame,
        ("period", "topic"),
        n_resamples=n_resamples,
        confidence=confidence,
        seed=seed,
        resample=resample,
    )
    topics = pd.DataFrame({"topic": list(select_names(topic, TOPICS, "topic"))})
    out = _fill_grid(summary, key_grid(periods, topics), ("period", "topic"))
    columns = ("period", "period_start", "period_end", "topic", *SUMMARY_COLUMNS)
    return finish(out, columns, ("period_start", "topic"))


def holder_comparison(
    stances: pd.DataFrame,
    *,
    holders: str | Iterable[str] = ("NATO", "Azerbaijan", "media"),
    topic: str | Iterable[str] | None = None,
    freq_or_bins: Bins | None = None,
    use_event_date: bool = False,
    resample: Resample = "documents",
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
        resample: ``"documents"`` (cluster bootstrap, the default) or ``"statements"``.
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
    holder_names = select_names(holders, HOLDERS, "holder")
    extra = ("event_date",) if use_event_date and freq_or_bins is not None else ()
    frame = stance_frame(stances, topic=topic, holders=holder_names, extra=extra)
    topics = pd.DataFrame({"topic": list(select_names(topic, TOPICS, "topic"))})
    holder_frame = pd.DataFrame({"holder": list(holder_names)})
    if freq_or_bins is None:
        keys: tuple[str, ...] = ("holder", "topic")
        grid = key_grid(holder_frame, topics)
        head: tuple[str, ...] = keys
        sort: tuple[str, ...] = keys
    else:
        frame, periods = with_periods(frame, freq_or_bins, use_event_date=use_event_date)
        keys = ("holder", "period", "topic")
        grid = key_grid(holder_frame, periods, topics)
        head = ("holder", "period", "period_start", "period_end", "topic")
        sort = ("holder", "period_start", "topic")
    summary = _summarise(frame, keys, n_resamples=n_resamples, confidence=confidence, seed=seed, resample=resample)
    out = _fill_grid(summary, grid, keys)
    return finish(out, (*head, *SUMMARY_COLUMNS), sort)


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
    require_columns(statements, ("statement_id", "doc_id", "date"), "statements")
    require_columns(stances, ("statement_id", "doc_id", "topic"), "stances")
    st = statements.loc[:, ["statement_id", "doc_id", "date"]].copy()
    st["statement_id"] = plain_strings(st["statement_id"])
    st["doc_id"] = plain_strings(st["doc_id"])
    if st["statement_id"].duplicated().any():
        raise ValueError("statements has duplicate statement_id values")
    sn = stances.loc[:, ["statement_id", "topic"]].copy()
    sn["statement_id"] = plain_strings(sn["statement_id"])
    sn["topic"] = closed_values(sn["topic"], TOPICS, "topic")
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
    out = key_grid(docs, pd.DataFrame({"topic": list(TOPICS)})).merge(touched, on=["doc_id", "topic"], how="left")
    out["n_touching"] = out["n_touching"].fillna(0).astype("int64")
    out["share"] = out["n_touching"] / out["n_statements"]
    columns = ("doc_id", "date", "topic", "n_statements", "n_touching", "share")
    return finish(out, columns, ("doc_id", "topic"))


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
    require_columns(statements, ("statement_id", "tone"), "statements")
    frame = stance_frame(stances, topic=topic, holders=holders)
    tone = statements.loc[:, ["statement_id", "tone"]].copy()
    tone["statement_id"] = plain_strings(tone["statement_id"])
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
    out["stance"] = categorical(out["stance"], LABELS)
    columns = ("statement_id", "doc_id", "date", "holder", "topic", "stance", "score", "tone")
    return finish(out, columns, ("statement_id", "topic"))


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
    frame = stance_frame(stances, topic=topic, holders=holders, extra=extra)
    require_columns(statements, ("statement_id", "speaker", "speaker_role", "text"), "statements")
    require_columns(documents, ("doc_id", "title", "source"), "documents")
    st = statements.loc[:, ["statement_id", "speaker", "speaker_role", "text"]].copy()
    st["statement_id"] = plain_strings(st["statement_id"])
    docs = documents.loc[:, ["doc_id", "title", "source"]].copy()
    docs["doc_id"] = plain_strings(docs["doc_id"])
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
    out["stance"] = categorical(out["stance"], LABELS)
    columns = (
        "statement_id", "doc_id", "date", "event_date", "time", "title", "source", "speaker",
        "speaker_role", "holder", "topic", "stance", "score", "confidence", "rule_ids", "cues",
        "text",
    )  # fmt: skip
    return finish(out, columns, ("statement_id", "topic"))


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
            "kind": categorical(raw["kind"], TOPICS),
        }
    )
    if out["kind"].isna().any():
        raise ValueError("events.csv has a kind that is not a topic")
    out = out.sort_values(["date", "label"], kind="mergesort")
    return text_columns(out).reset_index(drop=True)
