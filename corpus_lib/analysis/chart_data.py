"""What the charts read from the analysis tables: checks, topic selection and timeline geometry.

Shared by the matplotlib charts (:mod:`corpus_lib.analysis.plots`,
:mod:`corpus_lib.analysis.timelines`) and the plotly ones
(:mod:`corpus_lib.analysis.plotly_charts`), so a static and an interactive timeline of the
same tables span the same dates, break their lines at the same gaps and mark the same events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from corpus_lib.analysis import style
from corpus_lib.analysis.frames import require_columns
from corpus_lib.analysis.summaries import timeline_events
from corpus_lib.vocab import TOPICS


def need_columns(frame: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    """TypeError unless ``frame`` is a DataFrame, KeyError naming the columns it lacks."""
    require_columns(frame, columns, name, contract=None)


def chosen_topics(frame: pd.DataFrame, topics: str | Iterable[str] | None) -> list[str]:
    """The topics to draw: those asked for, or (``None``) those in ``frame`` in codebook order."""
    present = set(frame["topic"].astype(str))
    if topics is None:
        return [t for t in TOPICS if t in present] or list(TOPICS)
    chosen = [topics] if isinstance(topics, str) else list(topics)
    unknown = [t for t in chosen if t not in TOPICS]
    if unknown:
        raise ValueError(f"unknown topic(s) {unknown}; expected some of {list(TOPICS)}")
    return chosen


def of_topic(frame: pd.DataFrame | None, topic: str) -> pd.DataFrame:
    """The rows of one topic; an empty frame for no frame."""
    if frame is None or frame.empty:
        return pd.DataFrame()
    return frame.loc[frame["topic"].astype(str) == topic]


def topic_rows(
    topic: str, periods: pd.DataFrame, documents: pd.DataFrame | None, statements: pd.DataFrame | None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """One topic's rows of the periods, the documents and the statements a timeline draws (empty where none)."""
    return of_topic(periods, topic), of_topic(documents, topic), of_topic(statements, topic)


def with_breaks(rows: pd.DataFrame) -> pd.DataFrame:
    """Period rows in time order plus an empty row wherever two periods do not touch.

    A line through the result is broken between non-adjacent bins (e.g. 2005–2008 and
    2022–2024), so it does not suggest values for the years in between.
    """
    rows = rows.sort_values("period_start", kind="mergesort").reset_index(drop=True)
    rows = rows.assign(mid=period_mid(rows))
    start = pd.to_datetime(rows["period_start"])
    end = pd.to_datetime(rows["period_end"])
    parts = []
    for i in range(len(rows)):
        if i and start.iloc[i] - end.iloc[i - 1] > pd.Timedelta(days=1):
            gap = rows.iloc[[i]].copy()
            gap.loc[:, ["mean_score", "ci_low", "ci_high"]] = np.nan
            gap["mid"] = end.iloc[i - 1] + (start.iloc[i] - end.iloc[i - 1]) / 2
            gap["_gap"] = True
            parts.append(gap)
        parts.append(rows.iloc[[i]].assign(_gap=False))
    return pd.concat(parts, ignore_index=True) if parts else rows.assign(_gap=False)


def period_mid(periods: pd.DataFrame) -> pd.Series:
    """The middle of each period (where its point is drawn)."""
    start = pd.to_datetime(periods["period_start"])
    end = pd.to_datetime(periods["period_end"]) + pd.Timedelta(days=1)
    return start + (end - start) / 2


def events_frame(events: pd.DataFrame | None, show_events: bool) -> pd.DataFrame:
    """The events to mark: ``events``, the packaged ones by default, none without ``show_events``."""
    if not show_events:
        return pd.DataFrame(columns=["date", "label", "kind"])
    frame = timeline_events() if events is None else events
    need_columns(frame, ("date", "label", "kind"), "events")
    return frame


def data_limits(
    periods: pd.DataFrame,
    documents: pd.DataFrame | None,
    statements: pd.DataFrame | None,
    topics: Sequence[str],
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """Time span of what is drawn (periods with statements, placed points), padded."""
    parts = []
    rows = periods.loc[periods["topic"].astype(str).isin(topics)]
    if "n_statements" in rows:
        rows = rows.loc[rows["n_statements"] > 0]
    else:
        rows = rows.loc[rows["mean_score"].notna()]
    parts += [pd.to_datetime(rows["period_start"]), pd.to_datetime(rows["period_end"])]
    if documents is not None:
        docs = documents.loc[documents["topic"].astype(str).isin(topics)]
        parts.append(pd.to_datetime(docs.loc[docs["mean_score"].notna(), "date"]))
    if statements is not None:
        stmts = statements.loc[statements["topic"].astype(str).isin(topics)]
        parts.append(pd.to_datetime(stmts.loc[stmts["score"].notna(), "time"]))
    values = pd.concat([p.dropna() for p in parts if len(p)]) if any(len(p) for p in parts) else []
    if not len(values):
        return None
    pad = pd.Timedelta(days=200)
    return values.min() - pad, values.max() + pad


def label_positions(
    dates: pd.Series,
    span_days: float,
    axes_width_in: float,
    lines: Sequence[int] | None = None,
    *,
    right: pd.Timestamp | None = None,
) -> list[pd.Timestamp]:
    """Spread event labels so neighbours do not overprint.

    A rotated label is ``lines`` text lines thick. Left to right, each label starts at
    least one label thickness (plus a little air) after the previous one; then, right
    to left, labels pushed past ``right`` (the end of the axis) are pulled back.
    """
    dates = list(pd.to_datetime(dates))
    lines = list(lines) if lines is not None else [1] * len(dates)
    per_inch = span_days / max(axes_width_in, 1.0)
    thick = [pd.Timedelta(days=(n * 1.1 + 0.6) * style.EVENT_FONT / 72 * per_inch) for n in lines]
    out: list[pd.Timestamp] = []
    for i, date in enumerate(dates):
        out.append(max(date, out[-1] + thick[i - 1]) if out else date)
    if right is not None and out:
        out[-1] = min(out[-1], right - thick[-1])
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - thick[i])
    return out


def clip_events(events: pd.DataFrame, limits: tuple[pd.Timestamp, pd.Timestamp] | None) -> pd.DataFrame:
    """The events inside ``limits`` (all of them without limits)."""
    if limits is None or events.empty:
        return events
    dates = pd.to_datetime(events["date"])
    return events.loc[(dates >= limits[0]) & (dates <= limits[1])]


def check_timeline_inputs(
    periods: pd.DataFrame, documents: pd.DataFrame | None, statements: pd.DataFrame | None
) -> None:
    """KeyError unless the timeline's frames have the columns the timelines read."""
    need_columns(
        periods,
        ("period_start", "period_end", "topic", "mean_score", "ci_low", "ci_high"),
        "periods",
    )
    if documents is not None:
        need_columns(documents, ("date", "topic", "mean_score", "n_positioned"), "documents")
    if statements is not None:
        need_columns(statements, ("time", "topic", "score"), "statements")


def timeline_span(
    periods: pd.DataFrame,
    documents: pd.DataFrame | None,
    statements: pd.DataFrame | None,
    topics: str | Iterable[str] | None,
    events: pd.DataFrame | None,
    show_events: bool,
) -> tuple[list[str], tuple[pd.Timestamp, pd.Timestamp] | None, pd.DataFrame]:
    """What a timeline shows: its topics, the padded time span of its data, and the events inside that span."""
    chosen = chosen_topics(periods, topics)
    limits = data_limits(periods, documents, statements, chosen)
    return chosen, limits, clip_events(events_frame(events, show_events), limits)


GENERAL_EVENT = "general"
"""The ``kind`` of an event that bears on every topic: it is marked on every topic's chart."""


def events_for(events: pd.DataFrame, topics: Iterable[str]) -> pd.DataFrame:
    """The events a chart of ``topics`` marks: those of its topics and the ``general`` ones.

    Example:
        >>> events = pd.DataFrame({"date": pd.to_datetime(["2008-04-03", "2008-08-08", "2010-01-01"]),
        ...     "label": ["Bucharest summit", "Georgia war", "Anything"],
        ...     "kind": ["membership", "russia", "general"]})
        >>> events_for(events, ["russia"])["label"].tolist()
        ['Georgia war', 'Anything']
    """
    if events.empty:
        return events
    keep = set(topics) | {GENERAL_EVENT}
    return events.loc[events["kind"].astype(str).isin(keep)]


SHIFT_NEEDS = ("topic", "date", "date_low", "date_high")
"""Columns a shifts frame must have; ``mean_before``/``mean_after`` are drawn when present."""


def check_extra_inputs(shifts: pd.DataFrame | None, corrected: pd.DataFrame | None) -> None:
    """KeyError unless the optional shifts and corrected frames have the columns the timelines read."""
    if shifts is not None:
        need_columns(shifts, SHIFT_NEEDS, "shifts")
    if corrected is not None:
        need_columns(corrected, ("period_start", "period_end", "topic", "mean_score", "ci_low", "ci_high"), "corrected")


def shift_rows(shifts: pd.DataFrame | None, topic: str) -> pd.DataFrame:
    """One topic's shifts that have a date, in date order (a "no shift" row has none)."""
    rows = of_topic(shifts, topic)
    if rows.empty:
        return rows
    rows = rows.loc[rows["date"].notna()]
    return rows.assign(
        date=pd.to_datetime(rows["date"]),
        date_low=pd.to_datetime(rows["date_low"]).fillna(pd.to_datetime(rows["date"])),
        date_high=pd.to_datetime(rows["date_high"]).fillna(pd.to_datetime(rows["date"])),
    ).sort_values("date", kind="mergesort")


def shift_steps(
    rows: pd.DataFrame, limits: tuple[pd.Timestamp, pd.Timestamp] | None
) -> list[tuple[pd.Timestamp, pd.Timestamp, float]]:
    """The segment means of one topic's shifts as (start, end, mean) steps across ``limits``.

    The first segment runs from the left limit to the first shift at its ``mean_before``,
    each later one from a shift to the next at the earlier shift's ``mean_after``. Steps
    with no mean are left out; with no limits or no mean columns there are none.
    """
    if rows.empty or limits is None or not {"mean_before", "mean_after"} <= set(rows.columns):
        return []
    dates = list(rows["date"])
    edges = [limits[0], *dates, limits[1]]
    means = [rows["mean_before"].iloc[0], *rows["mean_after"]]
    return [(a, b, float(m)) for a, b, m in zip(edges[:-1], edges[1:], means, strict=True) if pd.notna(m)]


def n_text(rows: pd.DataFrame) -> list[str]:
    """``n=7/1`` per period: positioned statements / documents ('' where the frame lacks the counts)."""
    if not {"n_positioned", "n_documents"} <= set(rows.columns):
        return [""] * len(rows)
    return [
        "" if pd.isna(k) or pd.isna(d) else f"n={int(k)}/{int(d)}"
        for k, d in zip(rows["n_positioned"], rows["n_documents"], strict=True)
    ]


def no_interval(rows: pd.DataFrame) -> np.ndarray:
    """Periods with a mean but no interval (resting on fewer than two documents): drawn hollow."""
    mean = rows["mean_score"].to_numpy(dtype=float)
    return ~np.isnan(mean) & np.isnan(rows["ci_low"].to_numpy(dtype=float))


def period_years(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Where a period's bar stands on a time axis in years: its middle and its length.

    Example:
        >>> rows = pd.DataFrame({"period_start": pd.to_datetime(["2008-01-01", "2022-01-01"]),
        ...     "period_end": pd.to_datetime(["2008-12-31", "2024-12-31"])})
        >>> middle, length = period_years(rows)
        >>> middle.round(2).tolist(), length.round(2).tolist()
        ([2008.5, 2023.5], [1.0, 3.0])
    """
    start = pd.to_datetime(rows["period_start"])
    end = pd.to_datetime(rows["period_end"]) + pd.Timedelta(days=1)
    year = 365.2425 * 86400.0

    def decimal(when: pd.Series) -> np.ndarray:
        first = pd.to_datetime(when.dt.year.astype(str) + "-01-01")
        return when.dt.year.to_numpy(dtype=float) + (when - first).dt.total_seconds().to_numpy() / year

    low, high = decimal(start), decimal(end)
    return (low + high) / 2, np.round(high - low, 6)
