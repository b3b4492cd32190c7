"""Stance timelines in matplotlib: the mean score over time, with documents, statements and events.

:func:`stance_timeline` draws one axes (the topics together); :func:`topics_timeline` one
panel per topic on a shared time axis. Both take the tidy frames of
:mod:`corpus_lib.analysis.summaries`, draw in the house style (:mod:`corpus_lib.analysis.style`)
and return a new ``Figure`` built outside pyplot. matplotlib is imported inside the
functions, so importing this module stays cheap.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from corpus_lib.analysis import style
from corpus_lib.analysis.chart_data import (
    check_timeline_inputs,
    label_positions,
    period_mid,
    timeline_span,
    topic_rows,
    with_breaks,
)
from corpus_lib.vocab import TOPICS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["stance_timeline", "topics_timeline"]


def _date_axis(ax: Axes) -> None:
    """Date ticks that suit the span: years for decades, months for a year."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _event_lines(ax: Axes, events: pd.DataFrame) -> None:
    """A dashed vertical line per event, in its topic's colour, behind the data."""
    for row in events.itertuples(index=False):
        ax.axvline(
            pd.Timestamp(row.date),
            color=style.TOPIC_COLORS.get(str(row.kind), style.GREY),
            linewidth=0.8,
            linestyle=(0, (3, 2)),
            alpha=0.8,
            zorder=0,
        )


def _event_strip(ax: Axes, events: pd.DataFrame, limits, width_in: float) -> None:
    """A thin axes above the timeline holding the event lines and their labels.

    A label starts at its line and reads upwards; where events crowd, a label moves
    right just enough not to overprint its neighbour.
    """
    _event_lines(ax, events)
    span = (limits[1] - limits[0]).days if limits else 365 * 20
    texts = [textwrap.fill(str(label), style.EVENT_WRAP) for label in events["label"]]
    lines = [t.count("\n") + 1 for t in texts]
    right = limits[1] if limits else None
    places = label_positions(events["date"], span, width_in * 0.85, lines, right=right)
    for row, x, text in zip(events.itertuples(index=False), places, texts, strict=True):
        label = ax.text(
            x,
            0.02,
            text,
            rotation=90,
            ha="left",
            va="bottom",
            fontsize=style.EVENT_FONT,
            linespacing=1.0,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.4},
            zorder=3,
            color=style.TOPIC_COLORS.get(str(row.kind), style.GREY),
            transform=ax.get_xaxis_transform(),
        )
        label.set_in_layout(False)  # sized by the strip, not chased by the layout
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="x", which="both", bottom=False, labelbottom=False)


def _draw_topic(
    ax: Axes,
    topic: str,
    periods: pd.DataFrame,
    documents: pd.DataFrame | None,
    statements: pd.DataFrame | None,
    *,
    label: str | None,
) -> None:
    """One topic's period means, documents and statements, and the zero line, in that order."""
    color = style.TOPIC_COLORS[topic]
    rows, docs, stmts = topic_rows(topic, periods, documents, statements)
    if not rows.empty:
        _draw_periods(ax, rows, color, label)
    if not docs.empty:
        _draw_documents(ax, docs, color)
    if not stmts.empty:
        _draw_statements(ax, stmts, color)
    ax.axhline(0, color="#999999", linewidth=0.6, zorder=1)


def _draw_periods(ax: Axes, rows: pd.DataFrame, color: str, label: str | None) -> None:
    """The line of period means (broken at gaps), its points, CI bars and, for bins, their years."""
    mid = period_mid(rows)
    mean = rows["mean_score"].to_numpy(dtype=float)
    line = with_breaks(rows)
    ax.plot(line["mid"], line["mean_score"], "-", color=color, label=label, zorder=3)
    ok = ~np.isnan(mean)
    ax.plot(mid[ok], mean[ok], "o", color=color, markersize=4.5, zorder=4)
    has_ci = ok & ~np.isnan(rows["ci_low"].to_numpy(dtype=float))
    if has_ci.any():
        low = rows["ci_low"].to_numpy(dtype=float)[has_ci]
        high = rows["ci_high"].to_numpy(dtype=float)[has_ci]
        ax.errorbar(
            mid[has_ci],
            mean[has_ci],
            yerr=style.yerr(mean[has_ci], low, high),
            fmt="none",
            ecolor=color,
            elinewidth=1.0,
            capsize=2.5,
            zorder=3,
        )
    span = pd.to_datetime(rows["period_end"]) - pd.to_datetime(rows["period_start"])
    wide = ok & (span > pd.Timedelta(days=366)).to_numpy()
    if wide.any():  # custom bins: show the years a point stands for
        ax.hlines(
            mean[wide],
            pd.to_datetime(rows["period_start"])[wide],
            pd.to_datetime(rows["period_end"])[wide],
            color=color,
            linewidth=3,
            alpha=0.25,
            zorder=2,
        )


def _draw_documents(ax: Axes, docs: pd.DataFrame, color: str) -> None:
    """Each document's mean as a translucent disc, sized by its positioned statements."""
    docs = docs.loc[docs["mean_score"].notna() & docs["date"].notna()]
    ax.scatter(
        pd.to_datetime(docs["date"]),
        docs["mean_score"],
        s=10 + 6 * np.sqrt(docs["n_positioned"].to_numpy(dtype=float)),
        color=color,
        alpha=0.35,
        edgecolors="none",
        zorder=2,
    )


def _draw_statements(ax: Axes, stmts: pd.DataFrame, color: str) -> None:
    """Each positioned statement as a small ring, its score jittered so rings do not hide each other."""
    stmts = stmts.loc[stmts["score"].notna() & stmts["time"].notna()]
    ax.scatter(
        pd.to_datetime(stmts["time"]),
        stmts["score"].to_numpy(dtype=float) + style.jitter(len(stmts), 0.07),
        s=7,
        marker="o",
        facecolors="none",
        edgecolors=color,
        linewidths=0.6,
        alpha=0.6,
        zorder=2,
    )


def stance_timeline(
    periods: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    show_events: bool = True,
    topics: str | Iterable[str] | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    figsize: tuple[float, float] = (7.5, 4.6),
) -> Figure:
    """Mean score over time per topic, with CI bars, documents, statements and events.

    Args:
        periods: Output of :func:`~corpus_lib.analysis.stance_by_period` (a line per
            topic at the middle of each period, bootstrap CI as error bars; periods
            longer than a year also get a pale bar over the years they cover).
        documents: Optional output of :func:`~corpus_lib.analysis.stance_by_document`:
            each document's mean score as a translucent point at its date, sized by
            its number of positioned statements.
        statements: Optional output of :func:`~corpus_lib.analysis.quotes`: each
            positioned statement as a small ring at its ``time``; make it with
            ``use_event_date=True`` to place statements at the event they narrate.
            Scores are jittered a little (deterministically) so rings do not hide
            each other.
        events: Events to mark; :func:`~corpus_lib.analysis.timeline_events` by default.
            Only events inside the time span of the data are drawn.
        show_events: Draw the events at all.
        topics: Topics to draw; those in ``periods`` by default.
        ax: Draw into this axes (events then get lines but no labels) instead of a new
            figure.
        title: Figure title.
        figsize: Size of a new figure, in inches.

    Returns:
        The figure: with events, a thin event strip on top of the timeline axes (two
        axes); without, one axes.

    Example:
        >>> periods = pd.DataFrame({"period_start": pd.to_datetime(["2006-01-01"]),
        ...     "period_end": pd.to_datetime(["2006-12-31"]), "topic": ["russia"],
        ...     "mean_score": [0.5], "ci_low": [0.0], "ci_high": [1.0]})
        >>> len(stance_timeline(periods, show_events=False).axes)
        1
    """
    check_timeline_inputs(periods, documents, statements)
    chosen, limits, ev = timeline_span(periods, documents, statements, topics, events, show_events)
    with style.house_style():
        if ax is None:
            fig = style.new_figure(figsize)
            if len(ev):
                strip, main = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1.5, 3]})
                _event_strip(strip, ev, limits, figsize[0])
            else:
                main = fig.add_subplot()
                strip = None
        else:
            main, strip, fig = ax, None, ax.figure
        style.house_axes(main)
        for topic in chosen:
            _draw_topic(main, topic, periods, documents, statements, label=topic)
        _event_lines(main, ev)
        if ax is not None:
            for row in ev.itertuples(index=False):
                main.text(
                    pd.Timestamp(row.date),
                    0.99,
                    f"{row.label} ",
                    rotation=90,
                    ha="right",
                    va="top",
                    fontsize=style.EVENT_FONT,
                    color=style.TOPIC_COLORS.get(str(row.kind), style.GREY),
                    transform=main.get_xaxis_transform(),
                )
        style.score_ticks(main, chosen[0] if len(chosen) == 1 else None)
        main.set_ylabel("mean score")
        if limits is not None:
            main.set_xlim(*limits)
        _date_axis(main)
        main.legend(loc="upper left", bbox_to_anchor=(0.0, -0.08), ncols=len(chosen))
        if title:
            (strip or main).set_title(title, loc="left")
    return fig


def topics_timeline(
    periods: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    show_events: bool = True,
    topics: Sequence[str] = TOPICS,
    title: str | None = None,
    figsize: tuple[float, float] = (7.5, 7.5),
) -> Figure:
    """The topics as small multiples, stacked on one shared time axis, with events.

    One panel per topic (its own y labels: e.g. −1 detached / +1 engaged), all sharing
    the x (time) axis so an event lines up across panels; event labels sit in a strip
    on top. Arguments are as in :func:`stance_timeline`.

    Returns:
        The figure: one axes per topic, plus the event strip when events are drawn.

    Example:
        >>> periods = pd.DataFrame({"period_start": pd.to_datetime(["2006-01-01"] * 3),
        ...     "period_end": pd.to_datetime(["2006-12-31"] * 3), "topic": list(TOPICS),
        ...     "mean_score": [0.5, 1.0, -1.0], "ci_low": -1.0, "ci_high": 1.0})
        >>> len(topics_timeline(periods, show_events=False).axes)
        3
    """
    check_timeline_inputs(periods, documents, statements)
    chosen, limits, ev = timeline_span(periods, documents, statements, list(topics), events, show_events)
    with style.house_style():
        fig = style.new_figure(figsize)
        n = len(chosen) + (1 if len(ev) else 0)
        ratios = ([1.6] if len(ev) else []) + [2.2] * len(chosen)
        axes = fig.subplots(n, 1, sharex=True, squeeze=False, gridspec_kw={"height_ratios": ratios})
        axes = list(axes[:, 0])
        if len(ev):
            _event_strip(axes.pop(0), ev, limits, figsize[0])
        for ax, topic in zip(axes, chosen, strict=True):
            style.house_axes(ax)
            _draw_topic(ax, topic, periods, documents, statements, label=None)
            _event_lines(ax, ev)
            style.score_ticks(ax, topic)
            ax.set_title(topic, loc="left", color=style.TOPIC_COLORS[topic], fontsize=style.HOUSE_RC["axes.titlesize"])
        if limits is not None:
            axes[-1].set_xlim(*limits)
        _date_axis(axes[-1])
        if title:
            fig.suptitle(title, x=0.01, ha="left", fontsize=style.HOUSE_RC["axes.titlesize"] + 1)
    return fig
