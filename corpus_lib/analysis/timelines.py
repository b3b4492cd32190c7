"""Stance timelines in matplotlib: the mean score over time, with documents, statements, events and shifts.

:func:`stance_timeline` draws one axes (the topics together); :func:`topics_timeline` one
panel per topic on a shared time axis. Both take the tidy frames of
:mod:`corpus_lib.analysis.summaries`, draw in the house style (:mod:`corpus_lib.analysis.style`)
and return a new ``Figure`` built outside pyplot. A legend names every kind of mark drawn,
so a reader of a printed chart needs no caption to tell a period mean from a document or
an event. matplotlib is imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from corpus_lib.analysis import style
from corpus_lib.analysis.chart_data import (
    check_extra_inputs,
    check_timeline_inputs,
    events_for,
    label_positions,
    n_text,
    no_interval,
    of_topic,
    period_mid,
    shift_rows,
    shift_steps,
    timeline_span,
    topic_rows,
    with_breaks,
)
from corpus_lib.vocab import TOPICS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["stance_timeline", "topics_timeline"]

CORRECTED_OFFSET = pd.Timedelta(days=45)
"""The corrected series is drawn this much to the right of the naive one, so their bars do not overprint."""
LEAD_IN = 0.2  # inches of event strip under its labels, where the leader lines run
NEUTRAL = "#555555"  # legend marks that stand for every topic


@dataclass(frozen=True)
class _Frames:
    """The tables one timeline draws."""

    periods: pd.DataFrame
    documents: pd.DataFrame | None = None
    statements: pd.DataFrame | None = None
    shifts: pd.DataFrame | None = None
    corrected: pd.DataFrame | None = None


@dataclass
class _Drawn:
    """What kinds of mark a timeline holds, for its legend."""

    means: bool = False
    hollow: bool = False
    documents: bool = False
    statements: bool = False
    corrected: bool = False
    shifts: bool = False
    events: bool = False
    topics: list[str] = field(default_factory=list)


def _date_axis(ax: Axes) -> None:
    """Date ticks that suit the span: years for decades, months for a year."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _event_lines(ax: Axes, events: pd.DataFrame) -> None:
    """A dashed dark-grey vertical line per event, behind the data."""
    for date in events["date"]:
        ax.axvline(
            pd.Timestamp(date),
            color=style.EVENT_COLOR,
            linewidth=0.8,
            linestyle=style.EVENT_DASH,
            alpha=0.8,
            zorder=0,
        )


def _event_texts(events: pd.DataFrame) -> list[str]:
    """Event labels wrapped to a few words a line, so an upright label stays short."""
    return [textwrap.fill(str(label), style.EVENT_WRAP) for label in events["label"]]


def _strip_height(events: pd.DataFrame) -> float:
    """Height in inches of the event strip: the leader lines plus the longest upright label."""
    texts = _event_texts(events)
    longest = max((style.text_width(t, style.EVENT_FONT) for t in texts), default=0.0)
    return round(LEAD_IN + longest + 0.08, 2)


def _event_strip(ax: Axes, events: pd.DataFrame, limits, width_in: float, height_in: float) -> None:
    """A thin axes above the timeline holding each event's line, leader and upright label.

    Where events crowd, a label moves right just enough not to overprint its neighbour;
    a leader line then runs from the event's date up to its label, so no label stands
    beside another event's line.
    """
    span = (limits[1] - limits[0]).days if limits else 365 * 20
    texts = _event_texts(events)
    lines = [t.count("\n") + 1 for t in texts]
    right = limits[1] if limits else None
    places = label_positions(events["date"], span, width_in * 0.85, lines, right=right)
    bend, top = 0.05 / height_in, LEAD_IN / height_in
    transform = ax.get_xaxis_transform()
    for date, x, text in zip(events["date"], places, texts, strict=True):
        date = pd.Timestamp(date)
        (leader,) = ax.plot(
            [date, date, x], [0.0, bend, top], color=style.EVENT_COLOR, linewidth=0.7, transform=transform
        )
        leader.set_in_layout(False)
        label = ax.text(
            x,
            top + 0.01,
            text,
            rotation=90,
            ha="center",
            va="bottom",
            fontsize=style.EVENT_FONT,
            linespacing=1.0,
            color=style.EVENT_COLOR,
            transform=transform,
        )
        label.set_in_layout(False)  # the strip is sized for its labels (_strip_height)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="x", which="both", bottom=False, labelbottom=False)


def _n_labels(ax: Axes, mid: pd.Series, mean: np.ndarray, texts: list[str], color: str) -> None:
    """``n=statements/documents`` beside each period point, on the side towards zero (where there is room)."""
    for x, y, text in zip(mid, mean, texts, strict=True):
        if not text or np.isnan(y):
            continue
        up = y <= 0
        ax.annotate(
            text,
            (x, y),
            xytext=(4, 3 if up else -3),
            textcoords="offset points",
            ha="left",
            va="bottom" if up else "top",
            fontsize=6,
            color=color,
            zorder=5,
        )


def _draw_periods(ax: Axes, rows: pd.DataFrame, color: str, drawn: _Drawn) -> None:
    """The line of period means (broken at gaps), CI bars, hollow points where there is no interval, n per point."""
    rows = rows.sort_values("period_start", kind="mergesort")
    mid = period_mid(rows)
    mean = rows["mean_score"].to_numpy(dtype=float)
    line = with_breaks(rows)
    ax.plot(line["mid"], line["mean_score"], "-", color=color, zorder=3)
    hollow = no_interval(rows)
    full = ~np.isnan(mean) & ~hollow
    ax.plot(mid[full], mean[full], "o", color=color, markersize=4.5, zorder=4)
    if hollow.any():
        ax.plot(mid[hollow], mean[hollow], "o", markerfacecolor="white", markeredgecolor=color,
                markeredgewidth=1.2, markersize=5, zorder=4)  # fmt: skip
    if full.any():
        low = rows["ci_low"].to_numpy(dtype=float)[full]
        high = rows["ci_high"].to_numpy(dtype=float)[full]
        ax.errorbar(mid[full], mean[full], yerr=style.yerr(mean[full], low, high), fmt="none", ecolor=color,
                    elinewidth=1.0, capsize=2.5, zorder=3)  # fmt: skip
    span = pd.to_datetime(rows["period_end"]) - pd.to_datetime(rows["period_start"])
    wide = ~np.isnan(mean) & (span > pd.Timedelta(days=366)).to_numpy()
    if wide.any():  # custom bins: show the years a point stands for
        ax.hlines(mean[wide], pd.to_datetime(rows["period_start"])[wide], pd.to_datetime(rows["period_end"])[wide],
                  color=color, linewidth=3, alpha=0.25, zorder=2)  # fmt: skip
    _n_labels(ax, mid, mean, n_text(rows), color)
    drawn.means = drawn.means or bool(full.any())
    drawn.hollow = drawn.hollow or bool(hollow.any())


def _draw_corrected(ax: Axes, rows: pd.DataFrame, color: str) -> None:
    """The corrected period means: a dashed line with square points and dashed CI bars, a little to the right."""
    rows = rows.sort_values("period_start", kind="mergesort")
    mid = period_mid(rows) + CORRECTED_OFFSET
    mean = rows["mean_score"].to_numpy(dtype=float)
    line = with_breaks(rows)
    ax.plot(line["mid"] + CORRECTED_OFFSET, line["mean_score"], "--", color=color, linewidth=1.1, zorder=3)
    ok = ~np.isnan(mean)
    ax.plot(mid[ok], mean[ok], "s", markerfacecolor="white", markeredgecolor=color, markersize=3.8, zorder=4)
    has_ci = ok & ~np.isnan(rows["ci_low"].to_numpy(dtype=float))
    if has_ci.any():
        low = rows["ci_low"].to_numpy(dtype=float)[has_ci]
        high = rows["ci_high"].to_numpy(dtype=float)[has_ci]
        bars = ax.errorbar(mid[has_ci], mean[has_ci], yerr=style.yerr(mean[has_ci], low, high), fmt="none",
                           ecolor=color, elinewidth=0.9, capsize=2, zorder=3)  # fmt: skip
        for collection in bars.lines[2]:
            collection.set_linestyle((0, (2, 1.5)))


def _draw_shifts(ax: Axes, rows: pd.DataFrame, color: str, limits) -> None:
    """Each shift: a line at its most probable date over a band of its 90% interval; the segment means as steps."""
    for row in rows.itertuples(index=False):
        ax.axvspan(row.date_low, row.date_high, color=color, alpha=0.14, linewidth=0, zorder=0.5)
        ax.axvline(row.date, color=color, linewidth=1.1, zorder=1.5)
    for start, end, mean in shift_steps(rows, limits):
        ax.hlines(mean, start, end, colors=color, linewidth=0.9, linestyles=(0, (1, 1.5)), zorder=1.5)


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


def _draw_topic(ax: Axes, topic: str, frames: _Frames, limits, drawn: _Drawn) -> None:
    """One topic's shifts, period means (naive and corrected), documents and statements, and the zero line."""
    color = style.TOPIC_COLORS[topic]
    rows, docs, stmts = topic_rows(topic, frames.periods, frames.documents, frames.statements)
    shifts = shift_rows(frames.shifts, topic)
    if not shifts.empty:
        _draw_shifts(ax, shifts, color, limits)
        drawn.shifts = True
    if not rows.empty:
        _draw_periods(ax, rows, color, drawn)
    corrected = of_topic(frames.corrected, topic)
    if not corrected.empty:
        _draw_corrected(ax, corrected, color)
        drawn.corrected = True
    if not docs.empty:
        _draw_documents(ax, docs, color)
        drawn.documents = True
    if not stmts.empty:
        _draw_statements(ax, stmts, color)
        drawn.statements = True
    ax.axhline(0, color="#999999", linewidth=0.6, zorder=1)
    drawn.topics.append(topic)


def _errorbar_mark(color: str):
    """A point with its CI bar, drawn on a figure of its own: the legend's mark for a period mean."""
    from matplotlib.figure import Figure

    return Figure().add_subplot().errorbar([0], [0], yerr=[[1], [1]], fmt="-o", color=color, markersize=4.5,
                                           elinewidth=1.0, capsize=2.5)  # fmt: skip


def _legend_entries(drawn: _Drawn, *, name_topics: bool = True) -> tuple[list, list[str]]:
    """Handles and labels naming every kind of mark drawn: the legend of a timeline.

    With one topic the marks take its colour; with several they are grey, and (with
    ``name_topics``) a line of each topic's colour names it.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    topics = list(dict.fromkeys(drawn.topics))
    ink = style.TOPIC_COLORS[topics[0]] if len(topics) == 1 else NEUTRAL
    entries: list[tuple[object, str]] = []
    if len(topics) > 1 and name_topics:
        entries += [(Line2D([], [], color=style.TOPIC_COLORS[t]), style.topic_name(t)) for t in topics]
    if drawn.means:
        entries.append((_errorbar_mark(ink), "period mean with 95% interval"))
    if drawn.hollow:
        ring = Line2D([], [], color=ink, marker="o", markerfacecolor="white", markeredgewidth=1.2, linestyle="none")
        entries.append((ring, "period mean, one document: no interval"))
    if drawn.documents:
        disc = Line2D([], [], color=ink, marker="o", alpha=0.35, markersize=7, linestyle="none")
        entries.append((disc, "document mean (size = statements)"))
    if drawn.statements:
        small = Line2D([], [], color=ink, marker="o", markerfacecolor="none", markersize=3.5, linestyle="none")
        entries.append((small, "single statement"))
    if drawn.corrected:
        dashed = Line2D([], [], color=ink, linestyle="--", marker="s", markerfacecolor="white", markersize=3.8)
        entries.append((dashed, "corrected for coder error"))
    if drawn.shifts:
        entries.append(((Patch(color=ink, alpha=0.14, linewidth=0), Line2D([], [], color=ink)), "shift (90% interval)"))
    if drawn.events:
        entries.append((Line2D([], [], color=style.EVENT_COLOR, linestyle=style.EVENT_DASH, linewidth=0.8), "event"))
    if drawn.means or drawn.hollow:
        entries.append((Line2D([], [], linestyle="none"), "n=k/d: k positioned statements, d documents"))
    return [h for h, _ in entries], [label for _, label in entries]


def _legend_columns(labels: list[str], width_in: float) -> int:
    """As many legend columns as fit the figure's width."""
    widest = max((style.text_width(label, style.HOUSE_RC["legend.fontsize"]) for label in labels), default=1.0)
    return int(max(1, min(len(labels), (width_in - 0.4) // (widest + 0.75))))


def _legend(owner, drawn: _Drawn, width_in: float, *, name_topics: bool = True, **where) -> None:
    """The timeline's legend on ``owner`` (an axes, or the figure for small multiples)."""
    from matplotlib.legend_handler import HandlerTuple

    handles, labels = _legend_entries(drawn, name_topics=name_topics)
    if handles:
        owner.legend(handles, labels, ncols=_legend_columns(labels, width_in),
                     handler_map={tuple: HandlerTuple(ndivide=None)}, **where)  # fmt: skip


def _label_events_inside(ax: Axes, events: pd.DataFrame) -> None:
    """Event labels inside a caller's axes (no strip there), at the top of each line."""
    for row in events.itertuples(index=False):
        ax.text(pd.Timestamp(row.date), 0.99, f"{row.label} ", rotation=90, ha="right", va="top",
                fontsize=style.EVENT_FONT, color=style.EVENT_COLOR, transform=ax.get_xaxis_transform())  # fmt: skip


def _timeline_axes(
    fig: Figure, ev: pd.DataFrame, limits, figsize: tuple[float, float], n_panels: int
) -> list[Axes | None]:
    """A new figure's axes: the event strip on top (when there are events), then ``n_panels`` panels."""
    if not len(ev):
        return [None, *fig.subplots(n_panels, 1, sharex=True, squeeze=False)[:, 0]]
    strip = _strip_height(ev)
    room = max(figsize[1] - strip - 1.4, 1.6 * n_panels)
    ratios = [strip] + [room / n_panels] * n_panels
    axes = list(fig.subplots(n_panels + 1, 1, sharex=True, squeeze=False, gridspec_kw={"height_ratios": ratios})[:, 0])
    _event_strip(axes[0], ev, limits, figsize[0], strip)
    return axes


def stance_timeline(
    periods: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    show_events: bool = True,
    topics: str | Iterable[str] | None = None,
    shifts: pd.DataFrame | None = None,
    corrected: pd.DataFrame | None = None,
    ax: Axes | None = None,
    title: str | None = None,
    figsize: tuple[float, float] = (7.5, 5.2),
) -> Figure:
    """Mean score over time per topic, with CI bars, documents, statements, events and shifts.

    Args:
        periods: Output of :func:`~corpus_lib.analysis.stance_by_period` (a line per
            topic at the middle of each period, bootstrap CI as error bars, ``n=k/d``
            beside each point; a period without an interval, resting on one document,
            is a hollow point; periods longer than a year also get a pale bar over the
            years they cover).
        documents: Optional output of :func:`~corpus_lib.analysis.stance_by_document`:
            each document's mean score as a translucent disc at its date, sized by
            its number of positioned statements.
        statements: Optional output of :func:`~corpus_lib.analysis.quotes`: each
            positioned statement as a small ring at its ``time``; make it with
            ``use_event_date=True`` to place statements at the event they narrate.
            Scores are jittered a little (deterministically) so rings do not hide
            each other.
        events: Events to mark; :func:`~corpus_lib.analysis.timeline_events` by default.
            Only events of the drawn topics (their ``kind``) or of kind ``general``,
            inside the time span of the data, are drawn: dashed dark-grey lines.
        show_events: Draw the events at all.
        topics: Topics to draw; those in ``periods`` by default.
        shifts: Optional change points (:func:`~corpus_lib.analysis.change_points`):
            rows ``topic, date, date_low, date_high`` and optionally ``mean_before,
            mean_after``. Each is a line at ``date`` over a band from ``date_low`` to
            ``date_high`` (the 90% credible interval), with the segment means as
            dotted steps. Rows without a date (no shift) draw nothing.
        corrected: Optional period summary corrected for coder error (the columns of
            ``periods``), drawn as a second, dashed series.
        ax: Draw into this axes (events then get lines and labels inside it) instead
            of a new figure.
        title: Figure title (wrapped to fit the figure's width).
        figsize: Size of a new figure, in inches.

    Returns:
        The figure: with events, a thin event strip on top of the timeline axes (two
        axes); without, one axes. The legend below names every kind of mark.

    Example:
        >>> periods = pd.DataFrame({"period_start": pd.to_datetime(["2006-01-01"]),
        ...     "period_end": pd.to_datetime(["2006-12-31"]), "topic": ["russia"],
        ...     "mean_score": [0.5], "ci_low": [0.0], "ci_high": [1.0]})
        >>> len(stance_timeline(periods, show_events=False).axes)
        1
    """
    check_timeline_inputs(periods, documents, statements)
    check_extra_inputs(shifts, corrected)
    chosen, limits, ev = timeline_span(periods, documents, statements, topics, events, show_events)
    ev = events_for(ev, chosen)
    frames = _Frames(periods, documents, statements, shifts, corrected)
    drawn = _Drawn(events=bool(len(ev)))
    with style.house_style():
        if ax is None:
            fig = style.new_figure(figsize)
            main = _timeline_axes(fig, ev, limits, figsize, 1)[-1]
        else:
            main, fig = ax, ax.figure
        style.house_axes(main)
        for topic in chosen:
            _draw_topic(main, topic, frames, limits, drawn)
        _event_lines(main, ev)
        if ax is not None:
            _label_events_inside(main, ev)
        style.score_ticks(main, chosen[0] if len(chosen) == 1 else None)
        main.set_ylabel("mean score")
        if limits is not None:
            main.set_xlim(*limits)
        _date_axis(main)
        width = fig.get_figwidth()
        _legend(main, drawn, width, loc="upper left", bbox_to_anchor=(0.0, -0.08))
        if title and ax is None:
            style.figure_title(fig, title)
        elif title:
            main.set_title(title, loc="left")
    return fig


def topics_timeline(
    periods: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    show_events: bool = True,
    topics: Sequence[str] = TOPICS,
    shifts: pd.DataFrame | None = None,
    corrected: pd.DataFrame | None = None,
    title: str | None = None,
    figsize: tuple[float, float] = (7.5, 8.0),
) -> Figure:
    """The topics as small multiples, stacked on one shared time axis, with events and shifts.

    One panel per topic (its own y labels: e.g. −1 detached / +1 engaged), all sharing
    the x (time) axis so an event lines up across panels; event labels sit in a strip
    on top, and each panel draws the lines of its own topic's events (and ``general``
    ones). Arguments are as in :func:`stance_timeline`.

    Returns:
        The figure: one axes per topic, plus the event strip when events are drawn;
        one legend below the panels.

    Example:
        >>> periods = pd.DataFrame({"period_start": pd.to_datetime(["2006-01-01"] * 3),
        ...     "period_end": pd.to_datetime(["2006-12-31"] * 3), "topic": list(TOPICS),
        ...     "mean_score": [0.5, 1.0, -1.0], "ci_low": -1.0, "ci_high": 1.0})
        >>> len(topics_timeline(periods, show_events=False).axes)
        3
    """
    check_timeline_inputs(periods, documents, statements)
    check_extra_inputs(shifts, corrected)
    chosen, limits, ev = timeline_span(periods, documents, statements, list(topics), events, show_events)
    ev = events_for(ev, chosen)
    frames = _Frames(periods, documents, statements, shifts, corrected)
    drawn = _Drawn(events=bool(len(ev)))
    with style.house_style():
        fig = style.new_figure(figsize)
        axes = _timeline_axes(fig, ev, limits, figsize, len(chosen))[1:]
        for ax, topic in zip(axes, chosen, strict=True):
            style.house_axes(ax)
            _draw_topic(ax, topic, frames, limits, drawn)
            _event_lines(ax, events_for(ev, [topic]))
            style.score_ticks(ax, topic)
            ax.set_title(style.topic_name(topic), loc="left", color=style.TOPIC_COLORS[topic],
                         fontsize=style.HOUSE_RC["axes.titlesize"])  # fmt: skip
        if limits is not None:
            axes[-1].set_xlim(*limits)
        _date_axis(axes[-1])
        _legend(fig, drawn, figsize[0], name_topics=False, loc="outside lower center")
        if title:
            style.figure_title(fig, title, fontsize=style.HOUSE_RC["axes.titlesize"] + 1)
    return fig
