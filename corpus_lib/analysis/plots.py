"""Charts of the analysis tables, in one house style.

Every function takes the tidy frames that :mod:`corpus_lib.analysis` returns and gives
back a new figure: a matplotlib ``Figure`` (built with the object-oriented API, no
pyplot state, so nothing is shown or kept alive behind the caller's back) or, for the
``*_plotly`` variants, a plotly ``go.Figure``. Plotting libraries are imported inside
the functions, so importing this module stays cheap. Save figures with
:mod:`corpus_lib.analysis.export`: :func:`~corpus_lib.analysis.export.save_matplotlib` settles the
constrained layout before the first save, so every save of a figure is identical.

Text from the corpus (sentences, speakers, titles, sources) is untrusted: everything
that goes into plotly hover text or annotations is passed through ``html.escape``
first, so a sentence holding ``<script>`` or ``<img onerror=...>`` shows as text.
"""

from __future__ import annotations

import contextlib
import html
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from corpus_lib.analysis import LABEL_SCORES, LABELS_BY_TOPIC, TOPICS, timeline_events

if TYPE_CHECKING:  # pragma: no cover
    import plotly.graph_objects as go
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "HOLDER_COLORS",
    "HOUSE_RC",
    "LABEL_COLORS",
    "PERIOD_COLORS",
    "PLOTLY_LAYOUT",
    "TOPIC_COLORS",
    "confusion_heatmap",
    "holder_comparison_plot",
    "house_style",
    "keyness_plot",
    "label_shares",
    "salience_heatmap",
    "stance_timeline",
    "stance_timeline_plotly",
    "statement_hover",
    "tone_vs_stance_plot",
    "topics_timeline",
]

# ----------------------------------------------------------------------------- style
# Okabe–Ito colours for topics and holders (safe for colour-blind readers); a
# diverging blue/red for the direction of a label, sand for "conditional" (score 0)
# and grey for "neutral" (no position).
TOPIC_COLORS: dict[str, str] = {"karabakh": "#E69F00", "russia": "#0072B2", "membership": "#009E73"}
LABEL_COLORS: dict[str, str] = {
    "engaged": "#2166AC",
    "cooperative": "#2166AC",
    "open": "#2166AC",
    "conditional": "#D9B650",
    "detached": "#B2182B",
    "adversarial": "#B2182B",
    "distant": "#B2182B",
    "neutral": "#C8C8C8",
}
HOLDER_COLORS: dict[str, str] = {
    "NATO": "#0072B2",
    "Azerbaijan": "#009E73",
    "Armenia": "#E69F00",
    "Russia": "#D55E00",
    "EU": "#56B4E9",
    "media": "#7F7F7F",
    "other": "#CC79A7",
}
PERIOD_COLORS: dict[str, str] = {"early": "#7B3294", "late": "#008837"}
_GREY = "#7F7F7F"
_FONT = "DejaVu Sans"  # ships with matplotlib: the same glyphs on every machine

HOUSE_RC: dict[str, Any] = {
    "font.family": _FONT,
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.color": "#E6E6E6",
    "grid.linewidth": 0.6,
    "lines.linewidth": 1.4,
    "figure.dpi": 100,
    "savefig.dpi": 300,
    "pdf.fonttype": 42,
    "svg.hashsalt": "corpus_lib",
}
"""rcParams of the house style; :func:`house_style` applies them."""

PLOTLY_LAYOUT: dict[str, Any] = {
    "template": "simple_white",
    "font": {"family": f"{_FONT}, Arial, sans-serif", "size": 12},
    "hoverlabel": {"font": {"family": f"{_FONT}, Arial, sans-serif", "size": 12}, "align": "left"},
    "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
    "hovermode": "closest",
}
"""Layout settings shared by the plotly figures."""

_EVENT_FONT = 6.5
_EVENT_WRAP = 22  # characters per line of an event label


@contextlib.contextmanager
def house_style() -> Iterator[None]:
    """Apply the house rcParams for the duration of a ``with`` block.

    The chart functions of this module use it themselves; use it for a hand-made
    matplotlib figure that should match them.

    Example:
        >>> import matplotlib
        >>> with house_style():
        ...     matplotlib.rcParams["font.size"]
        9.0
    """
    import matplotlib as mpl

    with mpl.rc_context(HOUSE_RC):
        yield


# ----------------------------------------------------------------------------- helpers


def _need(frame: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{name} lacks column(s) {missing}")


def _topics(frame: pd.DataFrame, topics: str | Iterable[str] | None) -> list[str]:
    present = set(frame["topic"].astype(str))
    if topics is None:
        return [t for t in TOPICS if t in present] or list(TOPICS)
    chosen = [topics] if isinstance(topics, str) else list(topics)
    unknown = [t for t in chosen if t not in TOPICS]
    if unknown:
        raise ValueError(f"unknown topic(s) {unknown}; expected some of {list(TOPICS)}")
    return chosen


def _of_topic(frame: pd.DataFrame | None, topic: str) -> pd.DataFrame:
    if frame is None or frame.empty:
        return pd.DataFrame()
    return frame.loc[frame["topic"].astype(str) == topic]


def _with_breaks(rows: pd.DataFrame) -> pd.DataFrame:
    """Period rows in time order plus an empty row wherever two periods do not touch.

    A line through the result is broken between non-adjacent bins (e.g. 2005–2008 and
    2022–2024), so it does not suggest values for the years in between.
    """
    rows = rows.sort_values("period_start", kind="mergesort").reset_index(drop=True)
    rows = rows.assign(mid=_mid(rows))
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


def _mid(periods: pd.DataFrame) -> pd.Series:
    start = pd.to_datetime(periods["period_start"])
    end = pd.to_datetime(periods["period_end"]) + pd.Timedelta(days=1)
    return start + (end - start) / 2


def _style_axes(ax: Axes) -> None:
    """Settings that must survive drawing outside the house-style context."""
    ax.tick_params(labelsize=HOUSE_RC["xtick.labelsize"])
    ax.grid(True, color=HOUSE_RC["grid.color"], linewidth=HOUSE_RC["grid.linewidth"])
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _new_figure(figsize: tuple[float, float]) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=figsize, layout="constrained")


def _jitter(n: int, spread: float, seed: int = 0) -> np.ndarray:
    """Deterministic jitter (same seed, same offsets)."""
    return np.random.default_rng(seed).uniform(-spread, spread, size=n)


def _events_frame(events: pd.DataFrame | None, show_events: bool) -> pd.DataFrame:
    if not show_events:
        return pd.DataFrame(columns=["date", "label", "kind"])
    frame = timeline_events() if events is None else events
    _need(frame, ("date", "label", "kind"), "events")
    return frame


def _data_limits(
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


def _label_positions(
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
    thick = [pd.Timedelta(days=(n * 1.1 + 0.6) * _EVENT_FONT / 72 * per_inch) for n in lines]
    out: list[pd.Timestamp] = []
    for i, date in enumerate(dates):
        out.append(max(date, out[-1] + thick[i - 1]) if out else date)
    if right is not None and out:
        out[-1] = min(out[-1], right - thick[-1])
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - thick[i])
    return out


def _clip_events(events: pd.DataFrame, limits: tuple[pd.Timestamp, pd.Timestamp] | None):
    if limits is None or events.empty:
        return events
    dates = pd.to_datetime(events["date"])
    return events.loc[(dates >= limits[0]) & (dates <= limits[1])]


def _date_axis(ax: Axes) -> None:
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _event_lines(ax: Axes, events: pd.DataFrame) -> None:
    for row in events.itertuples(index=False):
        ax.axvline(
            pd.Timestamp(row.date),
            color=TOPIC_COLORS.get(str(row.kind), _GREY),
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
    texts = [textwrap.fill(str(label), _EVENT_WRAP) for label in events["label"]]
    lines = [t.count("\n") + 1 for t in texts]
    right = limits[1] if limits else None
    places = _label_positions(events["date"], span, width_in * 0.85, lines, right=right)
    for row, x, text in zip(events.itertuples(index=False), places, texts, strict=True):
        label = ax.text(
            x,
            0.02,
            text,
            rotation=90,
            ha="left",
            va="bottom",
            fontsize=_EVENT_FONT,
            linespacing=1.0,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.4},
            zorder=3,
            color=TOPIC_COLORS.get(str(row.kind), _GREY),
            transform=ax.get_xaxis_transform(),
        )
        label.set_in_layout(False)  # sized by the strip, not chased by the layout
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="x", which="both", bottom=False, labelbottom=False)


def _yerr(mean: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Error-bar extents; never negative (rounding can put a mean a hair outside)."""
    return np.maximum(np.vstack([mean - low, high - mean]), 0.0)


def _score_ticks(ax: Axes, topic: str | None) -> None:
    """Y axis from −1 to +1; for one topic the ticks also name its labels."""
    ax.set_ylim(-1.2, 1.2)
    ax.set_yticks([-1, 0, 1])
    text = {-1.0: "−1", 0.0: "0", 1.0: "+1"}
    if topic is not None:
        for value in text:
            names = [lab for lab in LABELS_BY_TOPIC[topic] if LABEL_SCORES[lab] == value]
            if names:
                text[value] += " " + "/".join(names)
    ax.set_yticklabels(list(text.values()))


def _draw_topic(
    ax: Axes,
    topic: str,
    periods: pd.DataFrame,
    documents: pd.DataFrame | None,
    statements: pd.DataFrame | None,
    *,
    label: str | None,
) -> None:
    color = TOPIC_COLORS[topic]
    rows = _of_topic(periods, topic)
    if not rows.empty:
        mid = _mid(rows)
        mean = rows["mean_score"].to_numpy(dtype=float)
        line = _with_breaks(rows)
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
                yerr=_yerr(mean[has_ci], low, high),
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
    docs = _of_topic(documents, topic)
    if not docs.empty:
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
    stmts = _of_topic(statements, topic)
    if not stmts.empty:
        stmts = stmts.loc[stmts["score"].notna() & stmts["time"].notna()]
        ax.scatter(
            pd.to_datetime(stmts["time"]),
            stmts["score"].to_numpy(dtype=float) + _jitter(len(stmts), 0.07),
            s=7,
            marker="o",
            facecolors="none",
            edgecolors=color,
            linewidths=0.6,
            alpha=0.6,
            zorder=2,
        )
    ax.axhline(0, color="#999999", linewidth=0.6, zorder=1)


def _check_timeline_inputs(
    periods: pd.DataFrame, documents: pd.DataFrame | None, statements: pd.DataFrame | None
) -> None:
    _need(
        periods,
        ("period_start", "period_end", "topic", "mean_score", "ci_low", "ci_high"),
        "periods",
    )
    if documents is not None:
        _need(documents, ("date", "topic", "mean_score", "n_positioned"), "documents")
    if statements is not None:
        _need(statements, ("time", "topic", "score"), "statements")


# ----------------------------------------------------------------------------- timelines


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
    _check_timeline_inputs(periods, documents, statements)
    chosen = _topics(periods, topics)
    with house_style():
        ev = _events_frame(events, show_events)
        limits = _data_limits(periods, documents, statements, chosen)
        ev = _clip_events(ev, limits)
        if ax is None:
            fig = _new_figure(figsize)
            if len(ev):
                strip, main = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1.5, 3]})
                _event_strip(strip, ev, limits, figsize[0])
            else:
                main = fig.add_subplot()
                strip = None
        else:
            main, strip, fig = ax, None, ax.figure
        _style_axes(main)
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
                    fontsize=_EVENT_FONT,
                    color=TOPIC_COLORS.get(str(row.kind), _GREY),
                    transform=main.get_xaxis_transform(),
                )
        _score_ticks(main, chosen[0] if len(chosen) == 1 else None)
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
    _check_timeline_inputs(periods, documents, statements)
    chosen = _topics(periods, list(topics))
    with house_style():
        ev = _events_frame(events, show_events)
        limits = _data_limits(periods, documents, statements, chosen)
        ev = _clip_events(ev, limits)
        fig = _new_figure(figsize)
        n = len(chosen) + (1 if len(ev) else 0)
        ratios = ([1.6] if len(ev) else []) + [2.2] * len(chosen)
        axes = fig.subplots(n, 1, sharex=True, squeeze=False, gridspec_kw={"height_ratios": ratios})
        axes = list(axes[:, 0])
        if len(ev):
            _event_strip(axes.pop(0), ev, limits, figsize[0])
        for ax, topic in zip(axes, chosen, strict=True):
            _style_axes(ax)
            _draw_topic(ax, topic, periods, documents, statements, label=None)
            _event_lines(ax, ev)
            _score_ticks(ax, topic)
            ax.set_title(topic, loc="left", color=TOPIC_COLORS[topic], fontsize=HOUSE_RC["axes.titlesize"])
        if limits is not None:
            axes[-1].set_xlim(*limits)
        _date_axis(axes[-1])
        if title:
            fig.suptitle(title, x=0.01, ha="left", fontsize=HOUSE_RC["axes.titlesize"] + 1)
    return fig


def _wrap_escaped(text: object, width: int = 72) -> str:
    """Wrap untrusted text into lines and escape each, joined with <br>."""
    raw = "" if text is None or (isinstance(text, float) and np.isnan(text)) else str(text)
    lines = textwrap.wrap(raw, width=width) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _esc(value: object) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return ""
    return html.escape(str(value), quote=False)


def _fmt(value: float, spec: str = "+.2f") -> str:
    return "–" if value is None or np.isnan(value) else format(value, spec)


def _iso(values: pd.Series) -> list[str]:
    return [v.strftime("%Y-%m-%d") for v in pd.to_datetime(values)]


def statement_hover(row: Any) -> str:
    """Hover text of one statement (a row of :func:`~corpus_lib.analysis.quotes`).

    Sentence, speaker and source are escaped with ``html.escape``; only the tags
    added here (``<br>``, ``<b>``, ``<i>``) reach plotly as markup.

    Example:
        >>> row = pd.Series({"text": "<script>alert(1)</script>", "speaker": "A & B",
        ...     "title": "T", "source": "S", "date": pd.Timestamp("2020-01-01"),
        ...     "stance": "engaged", "score": 1.0, "rule_ids": "K1"})
        >>> statement_hover(row).split("<br>")[0]
        '“&lt;script&gt;alert(1)&lt;/script&gt;”'
    """
    get = row.get if hasattr(row, "get") else lambda k, d=None: getattr(row, k, d)
    date = get("date")
    when = "" if date is None or pd.isna(date) else pd.Timestamp(date).strftime("%Y-%m-%d")
    event = get("event_date", "")
    if isinstance(event, str) and event:
        when += f", about {_esc(event)}"
    score = f"{_esc(get('stance'))} ({_fmt(float(get('score', np.nan)), '+.0f')})"
    parts = [
        f"“{_wrap_escaped(get('text'))}”",
        f"— <b>{_esc(get('speaker'))}</b>",
        f"<i>{_esc(get('title'))}</i>, {_esc(get('source'))} ({when})",
        score + f" · rules {_esc(get('rule_ids'))}",
    ]
    return "<br>".join(parts)


def stance_timeline_plotly(
    periods: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    show_events: bool = True,
    topics: str | Iterable[str] | None = None,
    title: str | None = None,
    height: int = 520,
    width: int | None = 960,
) -> go.Figure:
    """Interactive :func:`stance_timeline`: hover a point to read what is behind it.

    Traces, per topic in order: the period means with CI error bars, then (if given)
    the documents, then (if given) the statements, whose hover text shows the
    sentence, speaker, document title, source, date, stance and rule ids. All corpus
    text is escaped with ``html.escape``. Events are vertical lines with labels above
    the plot. Trace ``uid`` values are fixed, so the figure's JSON is deterministic.

    Args:
        periods: Output of :func:`~corpus_lib.analysis.stance_by_period`.
        documents: Optional output of :func:`~corpus_lib.analysis.stance_by_document`.
        statements: Optional output of :func:`~corpus_lib.analysis.quotes`.
        events: Events; :func:`~corpus_lib.analysis.timeline_events` by default.
        show_events: Draw the events at all.
        topics: Topics to draw; those in ``periods`` by default.
        title: Figure title (escaped).
        height: Height in pixels.
        width: Width in pixels (``None``: fill the page).

    Returns:
        A ``plotly.graph_objects.Figure``.

    Example:
        >>> periods = pd.DataFrame({"period": ["2006"],
        ...     "period_start": pd.to_datetime(["2006-01-01"]),
        ...     "period_end": pd.to_datetime(["2006-12-31"]), "topic": ["russia"],
        ...     "n_documents": [1], "n_statements": [2], "n_positioned": [2],
        ...     "mean_score": [0.5], "ci_low": [0.0], "ci_high": [1.0]})
        >>> len(stance_timeline_plotly(periods, show_events=False).data)
        1
    """
    import plotly.graph_objects as go

    _check_timeline_inputs(periods, documents, statements)
    _need(periods, ("period", "n_documents", "n_statements", "n_positioned"), "periods")
    chosen = _topics(periods, topics)
    fig = go.Figure()
    for topic in chosen:
        color = TOPIC_COLORS[topic]
        rows = _of_topic(periods, topic)
        if not rows.empty:
            rows = _with_breaks(rows)
            mean = rows["mean_score"].to_numpy(dtype=float)
            low = rows["ci_low"].to_numpy(dtype=float)
            high = rows["ci_high"].to_numpy(dtype=float)
            hover = [
                ""
                if gap
                else f"<b>{_esc(topic)}</b> · {_esc(p)}<br>mean {_fmt(m)} (95% CI {_fmt(lo)} "
                f"to {_fmt(hi)})<br>{int(npos)} positioned of {int(nst)} statements, "
                f"{int(nd)} documents"
                for gap, p, m, lo, hi, npos, nst, nd in zip(
                    rows["_gap"],
                    rows["period"],
                    mean,
                    low,
                    high,
                    rows["n_positioned"],
                    rows["n_statements"],
                    rows["n_documents"],
                    strict=True,
                )
            ]
            fig.add_trace(
                go.Scatter(
                    x=_iso(rows["mid"]),
                    y=[None if np.isnan(v) else float(v) for v in mean],
                    mode="lines+markers",
                    name=_esc(topic),
                    legendgroup=topic,
                    uid=f"mean-{topic}",
                    line={"color": color, "width": 2},
                    marker={"color": color, "size": 7},
                    error_y={
                        "type": "data",
                        "symmetric": False,
                        "array": [None if np.isnan(h) else float(h - m) for h, m in zip(high, mean, strict=True)],
                        "arrayminus": [
                            None if np.isnan(lo) else float(m - lo) for lo, m in zip(low, mean, strict=True)
                        ],
                        "color": color,
                        "thickness": 1.2,
                        "width": 3,
                    },
                    hovertext=hover,
                    hoverinfo="text",
                    connectgaps=False,
                )
            )
        docs = _of_topic(documents, topic)
        if not docs.empty:
            docs = docs.loc[docs["mean_score"].notna() & docs["date"].notna()]
            hover = [
                f"<i>{_esc(r.get('title'))}</i><br>{_esc(r.get('source'))}, {_esc(d)}<br>"
                f"{_esc(topic)}: mean {_fmt(r['mean_score'])} over {int(r['n_positioned'])} "
                f"positioned statements"
                for (_, r), d in zip(docs.iterrows(), _iso(docs["date"]), strict=True)
            ]
            fig.add_trace(
                go.Scatter(
                    x=_iso(docs["date"]),
                    y=docs["mean_score"].astype(float).tolist(),
                    mode="markers",
                    name=f"{_esc(topic)}: documents",
                    legendgroup=topic,
                    uid=f"documents-{topic}",
                    marker={
                        "color": color,
                        "opacity": 0.35,
                        "size": (6 + 2 * np.sqrt(docs["n_positioned"].to_numpy(dtype=float))).tolist(),
                    },
                    hovertext=hover,
                    hoverinfo="text",
                )
            )
        stmts = _of_topic(statements, topic)
        if not stmts.empty:
            stmts = stmts.loc[stmts["score"].notna() & stmts["time"].notna()]
            fig.add_trace(
                go.Scatter(
                    x=_iso(stmts["time"]),
                    y=(stmts["score"].to_numpy(dtype=float) + _jitter(len(stmts), 0.07)).round(4).tolist(),
                    mode="markers",
                    name=f"{_esc(topic)}: statements",
                    legendgroup=topic,
                    uid=f"statements-{topic}",
                    marker={
                        "color": "rgba(0,0,0,0)",
                        "size": 7,
                        "line": {"color": color, "width": 1},
                    },
                    hovertext=[statement_hover(r) for _, r in stmts.iterrows()],
                    hoverinfo="text",
                )
            )
    limits = _data_limits(periods, documents, statements, chosen)
    ev = _clip_events(_events_frame(events, show_events), limits)
    span = (limits[1] - limits[0]).days if limits else 365 * 20
    places = _label_positions(ev["date"], span * 1.5, (width or 960) / 96 * 0.85)
    for row, place in zip(ev.itertuples(index=False), places, strict=True):
        x = pd.Timestamp(row.date).strftime("%Y-%m-%d")
        color = TOPIC_COLORS.get(str(row.kind), _GREY)
        fig.add_shape(
            type="line",
            xref="x",
            yref="paper",
            x0=x,
            x1=x,
            y0=0,
            y1=1,
            line={"color": color, "width": 1.2, "dash": "dash"},
            layer="below",
        )
        fig.add_annotation(
            x=place.strftime("%Y-%m-%d"),
            y=1.0,
            xref="x",
            yref="paper",
            text=_esc(row.label),
            showarrow=False,
            textangle=-45,
            xanchor="left",
            yanchor="bottom",
            font={"size": 10, "color": color},
        )
    fig.update_layout(
        **PLOTLY_LAYOUT,
        height=height,
        width=width,
        margin={"t": 190 if len(ev) else 60, "l": 60, "r": 150 if len(ev) else 20, "b": 60},
        title={
            "text": _esc(title) if title else None,
            "x": 0.01,
            "xanchor": "left",
            "y": 0.98,
            "yanchor": "top",
        },
        yaxis={
            "title": {"text": "mean score"},
            "range": [-1.25, 1.25],
            "zeroline": True,
            "tickvals": [-1, 0, 1],
            "ticktext": ["−1", "0", "+1"],
        },
        xaxis={
            "type": "date",
            "range": [str(limits[0].date()), str(limits[1].date())] if limits else None,
        },
    )
    return fig


# ----------------------------------------------------------------------------- bars etc.


def _share_columns(topic: str, include_neutral: bool) -> list[str]:
    labels = [lab for lab in LABELS_BY_TOPIC[topic] if include_neutral or lab != "neutral"]
    return labels


def label_shares(
    summary: pd.DataFrame,
    *,
    x: str = "period",
    topics: str | Iterable[str] | None = None,
    include_neutral: bool = True,
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Stacked bars of the share of each stance label, one panel per topic.

    Args:
        summary: A summary frame with ``topic``, ``n_statements`` and ``share_<label>``
            columns: :func:`~corpus_lib.analysis.stance_by_period`,
            :func:`~corpus_lib.analysis.stance_by_document` or
            :func:`~corpus_lib.analysis.holder_comparison` output.
        x: Column giving the bars (``period``, ``doc_id``, ``holder`` …), in frame order.
        topics: Topics to draw; those in ``summary`` by default.
        include_neutral: Show ``neutral``; if False, shares are recomputed over the
            positioned statements only.
        title: Figure title.
        figsize: Size in inches (default grows with the number of bars).

    Returns:
        The figure, one axes per topic; the count of statements is written above
        each bar.

    Example:
        >>> summary = pd.DataFrame({"period": ["early", "late"], "topic": "membership",
        ...     "n_statements": [4, 2], "share_open": [0.25, 1.0],
        ...     "share_conditional": [0.5, 0.0], "share_distant": [0.0, 0.0],
        ...     "share_neutral": [0.25, 0.0]})
        >>> len(label_shares(summary).axes)
        1
    """
    _need(summary, ("topic", "n_statements", x), "summary")
    chosen = _topics(summary, topics)
    n_bars = max((len(_of_topic(summary, t)) for t in chosen), default=1)
    panel = max(2.4, min(1.4 + 0.3 * n_bars, 12.0 / len(chosen)))
    size = figsize or (panel * len(chosen), 3.6)
    with house_style():
        fig = _new_figure(size)
        axes = fig.subplots(1, len(chosen), sharey=True, squeeze=False)[0]
        for ax, topic in zip(axes, chosen, strict=True):
            _style_axes(ax)
            rows = _of_topic(summary, topic)
            labels = _share_columns(topic, include_neutral)
            _need(rows, [f"share_{lab}" for lab in labels], "summary")
            shares = rows[[f"share_{lab}" for lab in labels]].to_numpy(dtype=float)
            if not include_neutral:
                total = shares.sum(axis=1, keepdims=True)
                with np.errstate(invalid="ignore", divide="ignore"):
                    shares = np.where(total > 0, shares / total, np.nan)
            pos = np.arange(len(rows))
            bottom = np.zeros(len(rows))
            for j, lab in enumerate(labels):
                height = np.nan_to_num(shares[:, j])
                ax.bar(pos, height, bottom=bottom, color=LABEL_COLORS[lab], label=lab, width=0.75)
                bottom += height
            counts = rows["n_statements"].to_numpy()
            for p, n in zip(pos, counts, strict=True):
                if n == 0:
                    continue
                ax.text(p, 1.01, f"{int(n)}", ha="center", va="bottom", fontsize=6.5, color=_GREY)
            ax.set_xticks(pos)
            ax.set_xticklabels([str(v) for v in rows[x]], rotation=90 if len(rows) > 6 else 0)
            ax.set_ylim(0, 1.08)
            ax.set_title(topic, loc="left", color=TOPIC_COLORS[topic])
            ax.legend(
                loc="upper center",
                bbox_to_anchor=(0.5, -0.12 if len(rows) <= 6 else -0.3),
                ncols=len(labels) if panel >= 3.4 else 2,
                handlelength=1,
                columnspacing=0.8,
            )
            ax.grid(False, axis="x")
        axes[0].set_ylabel("share of statements")
        if title:
            fig.suptitle(title, x=0.01, ha="left")
    return fig


def salience_heatmap(
    sal: pd.DataFrame,
    *,
    topics: str | Iterable[str] | None = None,
    annotate: bool = True,
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Documents (rows, by date) × topics: share of statements touching each topic.

    Args:
        sal: Output of :func:`~corpus_lib.analysis.salience`.
        topics: Topics (columns) to show; all by default.
        annotate: Write the percentage in each cell.
        title: Figure title.
        figsize: Size in inches (default grows with the number of documents).

    Returns:
        The figure: the heatmap axes and its colour-bar axes.

    Example:
        >>> sal = pd.DataFrame({"doc_id": ["d", "d", "d"], "date": pd.Timestamp("2020-01-01"),
        ...     "topic": list(TOPICS), "share": [0.5, 0.0, 0.25]})
        >>> len(salience_heatmap(sal).axes)
        2
    """
    _need(sal, ("doc_id", "date", "topic", "share"), "sal")
    chosen = list(TOPICS) if topics is None else _topics(sal, topics)
    order = (
        sal[["doc_id", "date"]]
        .assign(doc_id=sal["doc_id"].astype(str))
        .drop_duplicates("doc_id")
        .sort_values(["date", "doc_id"], kind="mergesort", na_position="last")
    )
    table = (
        sal.assign(doc_id=sal["doc_id"].astype(str), topic=sal["topic"].astype(str))
        .pivot(index="doc_id", columns="topic", values="share")
        .reindex(index=order["doc_id"].tolist(), columns=chosen)
    )
    values = table.to_numpy(dtype=float)
    size = figsize or (2.6 + 1.0 * len(chosen), max(2.8, 1.2 + 0.24 * len(table)))
    with house_style():
        fig = _new_figure(size)
        ax = fig.add_subplot()
        image = ax.imshow(values, cmap="Blues", vmin=0, vmax=1, aspect="auto", interpolation="nearest")
        ax.set_xticks(np.arange(len(chosen)), labels=chosen)
        ax.set_yticks(
            np.arange(len(table)),
            labels=[
                f"{doc} ({'' if pd.isna(d) else pd.Timestamp(d).year})"
                for doc, d in zip(order["doc_id"], order["date"], strict=True)
            ],
        )
        ax.tick_params(labelsize=HOUSE_RC["xtick.labelsize"], length=0)
        ax.xaxis.tick_top()
        ax.grid(False)
        for side in ax.spines.values():
            side.set_visible(False)
        if annotate:
            for (i, j), v in np.ndenumerate(values):
                if not np.isnan(v):
                    ax.text(
                        j,
                        i,
                        f"{v:.0%}",
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="white" if v > 0.6 else "#333333",
                    )
        bar = fig.colorbar(image, ax=ax, shrink=0.8)
        bar.set_label("share of statements")
        bar.ax.tick_params(labelsize=HOUSE_RC["ytick.labelsize"])
        if title:
            ax.set_title(title, loc="left")
    return fig


def holder_comparison_plot(
    hc: pd.DataFrame,
    *,
    topics: str | Iterable[str] | None = None,
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Mean score (with CI) per holder and topic.

    Without a ``period`` column: one axes of grouped bars (topics on x, one bar per
    holder). With ``period``: one panel per topic, a line per holder across periods.

    Args:
        hc: Output of :func:`~corpus_lib.analysis.holder_comparison`.
        topics: Topics to draw; those in ``hc`` by default.
        title: Figure title.
        figsize: Size in inches.

    Returns:
        The figure (one axes, or one per topic).

    Example:
        >>> hc = pd.DataFrame({"holder": ["NATO", "media"], "topic": "russia",
        ...     "n_positioned": [3, 0], "mean_score": [-1.0, None], "ci_low": [-1.0, None],
        ...     "ci_high": [-0.5, None]})
        >>> len(holder_comparison_plot(hc).axes)
        1
    """
    _need(hc, ("holder", "topic", "mean_score", "ci_low", "ci_high", "n_positioned"), "hc")
    chosen = _topics(hc, topics)
    holders = [h for h in HOLDER_COLORS if h in set(hc["holder"].astype(str))]
    with house_style():
        if "period" not in hc.columns:
            fig = _new_figure(figsize or (1.6 + 1.6 * len(chosen), 3.4))
            ax = fig.add_subplot()
            _style_axes(ax)
            width = 0.8 / max(len(holders), 1)
            for k, holder in enumerate(holders):
                rows = hc.loc[hc["holder"].astype(str) == holder]
                rows = rows.set_index(rows["topic"].astype(str)).reindex(chosen)
                mean = rows["mean_score"].to_numpy(dtype=float)
                pos = np.arange(len(chosen)) - 0.4 + width * (k + 0.5)
                ax.bar(
                    pos,
                    np.nan_to_num(mean),
                    width=width * 0.92,
                    color=HOLDER_COLORS[holder],
                    label=holder,
                )
                low = rows["ci_low"].to_numpy(dtype=float)
                high = rows["ci_high"].to_numpy(dtype=float)
                ok = ~np.isnan(low)
                if ok.any():
                    ax.errorbar(
                        pos[ok],
                        mean[ok],
                        yerr=_yerr(mean[ok], low[ok], high[ok]),
                        fmt="none",
                        ecolor="#333333",
                        elinewidth=0.9,
                        capsize=2,
                    )
                for p, m, n in zip(pos, mean, rows["n_positioned"].fillna(0).to_numpy(), strict=True):
                    label = "n/a" if np.isnan(m) else f"n={int(n)}"
                    ax.text(p, -1.12, label, ha="center", va="bottom", fontsize=6, color=_GREY)
            ax.set_xticks(np.arange(len(chosen)), labels=chosen)
            ax.axhline(0, color="#999999", linewidth=0.6)
            _score_ticks(ax, None)
            ax.set_ylabel("mean score")
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=len(holders))
            ax.grid(False, axis="x")
            if title:
                ax.set_title(title, loc="left")
            return fig
        _need(hc, ("period", "period_start"), "hc")
        fig = _new_figure(figsize or (2.6 * len(chosen) + 0.6, 3.4))
        axes = fig.subplots(1, len(chosen), squeeze=False)[0]
        periods = hc.drop_duplicates("period").sort_values("period_start")["period"].astype(str).tolist()
        offset = np.linspace(-0.12, 0.12, max(len(holders), 1)) if len(holders) > 1 else np.zeros(1)
        for ax, topic in zip(axes, chosen, strict=True):
            _style_axes(ax)
            for k, holder in enumerate(holders):
                rows = hc.loc[(hc["holder"].astype(str) == holder) & (hc["topic"].astype(str) == topic)]
                rows = rows.set_index(rows["period"].astype(str)).reindex(periods)
                mean = rows["mean_score"].to_numpy(dtype=float)
                pos = np.arange(len(periods)) + offset[k]
                ax.plot(pos, mean, "-o", color=HOLDER_COLORS[holder], markersize=4, label=holder)
                low = rows["ci_low"].to_numpy(dtype=float)
                high = rows["ci_high"].to_numpy(dtype=float)
                ok = ~np.isnan(low) & ~np.isnan(mean)
                if ok.any():
                    ax.errorbar(
                        pos[ok],
                        mean[ok],
                        yerr=_yerr(mean[ok], low[ok], high[ok]),
                        fmt="none",
                        ecolor=HOLDER_COLORS[holder],
                        elinewidth=0.9,
                        capsize=2,
                    )
            ax.set_xticks(np.arange(len(periods)), labels=periods, rotation=90 if len(periods) > 6 else 0)
            ax.set_xlim(-0.5, len(periods) - 0.5)
            ax.axhline(0, color="#999999", linewidth=0.6)
            _score_ticks(ax, topic)
            ax.set_title(topic, loc="left", color=TOPIC_COLORS[topic])
        fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=len(holders))
        if title:
            fig.suptitle(title, x=0.01, ha="left")
    return fig


def keyness_plot(
    kn: pd.DataFrame,
    *,
    top: int = 15,
    title: str | None = "Keyness (G²): early vs late",
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Horizontal bars of the most key words of each period (G², early to the left).

    Args:
        kn: Output of :func:`~corpus_lib.analysis.keyness`.
        top: Words per direction.
        title: Axes title.
        figsize: Size in inches.

    Returns:
        The figure, one axes.

    Example:
        >>> kn = pd.DataFrame({"word": ["partner", "threat"], "g2": [5.0, 7.0],
        ...                    "direction": ["early", "late"]})
        >>> len(keyness_plot(kn).axes)
        1
    """
    from matplotlib.ticker import FuncFormatter

    _need(kn, ("word", "g2", "direction"), "kn")
    direction = kn["direction"].astype(str)
    early = kn.loc[direction == "early"].sort_values(["g2", "word"], ascending=[False, True]).head(top)
    late = kn.loc[direction == "late"].sort_values(["g2", "word"], ascending=[False, True]).head(top)
    rows = max(len(early), len(late), 1)
    with house_style():
        fig = _new_figure(figsize or (6.5, 1.0 + 0.2 * rows))
        ax = fig.add_subplot()
        _style_axes(ax)
        for frame, sign, name in ((early, -1, "early"), (late, 1, "late")):
            pos = -np.arange(len(frame), dtype=float)
            values = sign * frame["g2"].to_numpy(dtype=float)
            ax.barh(pos, values, color=PERIOD_COLORS[name], height=0.7, label=name)
            for p, v, word in zip(pos, values, frame["word"], strict=True):
                ax.text(
                    v + sign * 0.01 * max(kn["g2"].max(), 1),
                    p,
                    f" {word} ",
                    va="center",
                    ha="left" if sign > 0 else "right",
                    fontsize=7,
                )
        limit = float(kn["g2"].max()) * 1.45 if len(kn) else 1.0
        ax.set_xlim(-limit, limit)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{abs(v):g}"))
        ax.set_yticks([])
        ax.axvline(0, color="#999999", linewidth=0.6)
        ax.set_xlabel("G² (early ← → late)")
        ax.legend(loc="lower right")
        ax.grid(False, axis="y")
        if title:
            ax.set_title(title, loc="left")
    return fig


def tone_vs_stance_plot(
    tvs: pd.DataFrame,
    *,
    topics: str | Iterable[str] | None = None,
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Tone (VADER compound) of the statements of each stance label, per topic.

    Each statement is a dot (jittered sideways, deterministically); a black bar marks
    the mean tone of a label.

    Args:
        tvs: Output of :func:`~corpus_lib.analysis.tone_vs_stance`.
        topics: Topics to draw; those in ``tvs`` by default.
        title: Figure title.
        figsize: Size in inches.

    Returns:
        The figure, one axes per topic.

    Example:
        >>> tvs = pd.DataFrame({"topic": ["russia", "russia"],
        ...     "stance": ["adversarial", "cooperative"], "tone": [-0.6, 0.4]})
        >>> len(tone_vs_stance_plot(tvs).axes)
        1
    """
    _need(tvs, ("topic", "stance", "tone"), "tvs")
    chosen = _topics(tvs, topics)
    with house_style():
        fig = _new_figure(figsize or (2.6 * len(chosen) + 0.4, 3.2))
        axes = fig.subplots(1, len(chosen), sharey=True, squeeze=False)[0]
        for ax, topic in zip(axes, chosen, strict=True):
            _style_axes(ax)
            rows = _of_topic(tvs, topic)
            labels = list(LABELS_BY_TOPIC[topic])
            for i, lab in enumerate(labels):
                tone = rows.loc[rows["stance"].astype(str) == lab, "tone"].to_numpy(dtype=float)
                tone = tone[~np.isnan(tone)]
                if tone.size:
                    ax.scatter(
                        i + _jitter(tone.size, 0.18, seed=i),
                        tone,
                        s=9,
                        color=LABEL_COLORS[lab],
                        alpha=0.6,
                        edgecolors="none",
                    )
                    ax.hlines(tone.mean(), i - 0.3, i + 0.3, color="black", linewidth=1.5)
            ax.set_xticks(np.arange(len(labels)), labels=labels)
            ax.set_xlim(-0.6, len(labels) - 0.4)
            ax.set_ylim(-1.05, 1.05)
            ax.axhline(0, color="#999999", linewidth=0.6)
            ax.set_title(topic, loc="left", color=TOPIC_COLORS[topic])
            ax.grid(False, axis="x")
        axes[0].set_ylabel("tone (VADER compound)")
        if title:
            fig.suptitle(title, x=0.01, ha="left")
    return fig


def confusion_heatmap(
    confusion_df: pd.DataFrame,
    *,
    normalize: str | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Heatmap of a confusion matrix (hand codes on rows, automatic codes on columns).

    Args:
        confusion_df: A square count frame, index = reference labels, columns =
            predicted labels (as :func:`corpus_lib.evaluation.metrics.confusion_matrix` returns;
            the index and column names, e.g. ``gold``/``pred``, label the axes).
        normalize: ``None`` (counts), ``"true"`` (rows sum to 1), ``"pred"`` (columns
            sum to 1) or ``"all"``.
        title: Axes title.
        xlabel: X label; the column index name by default.
        ylabel: Y label; the row index name by default.
        figsize: Size in inches.

    Returns:
        The figure: the heatmap axes and its colour-bar axes. Cells show the count
        (and the share when normalised).

    Example:
        >>> cm = pd.DataFrame([[3, 1], [0, 2]], index=pd.Index(["open", "distant"], name="gold"),
        ...                   columns=pd.Index(["open", "distant"], name="pred"))
        >>> len(confusion_heatmap(cm, normalize="true").axes)
        2
    """
    if not isinstance(confusion_df, pd.DataFrame):
        raise TypeError("confusion_df must be a pandas DataFrame")
    counts = confusion_df.to_numpy(dtype=float)
    if normalize not in (None, "true", "pred", "all"):
        raise ValueError("normalize must be None, 'true', 'pred' or 'all'")
    with np.errstate(invalid="ignore", divide="ignore"):
        if normalize == "true":
            shown = counts / counts.sum(axis=1, keepdims=True)
        elif normalize == "pred":
            shown = counts / counts.sum(axis=0, keepdims=True)
        elif normalize == "all":
            shown = counts / counts.sum()
        else:
            shown = counts
    n_rows, n_cols = counts.shape
    with house_style():
        fig = _new_figure(figsize or (1.8 + 0.75 * n_cols, 1.4 + 0.6 * n_rows))
        ax = fig.add_subplot()
        vmax = 1.0 if normalize else max(float(np.nanmax(counts)) if counts.size else 1.0, 1.0)
        image = ax.imshow(np.nan_to_num(shown), cmap="Blues", vmin=0, vmax=vmax, interpolation="nearest")
        ax.set_xticks(
            np.arange(n_cols),
            labels=[str(c) for c in confusion_df.columns],
            rotation=45,
            ha="right",
        )
        ax.set_yticks(np.arange(n_rows), labels=[str(i) for i in confusion_df.index])
        ax.tick_params(labelsize=HOUSE_RC["xtick.labelsize"], length=0)
        ax.grid(False)
        ax.set_xlabel(xlabel or confusion_df.columns.name or "automatic")
        ax.set_ylabel(ylabel or confusion_df.index.name or "hand")
        for (i, j), c in np.ndenumerate(counts):
            v = shown[i, j]
            text = f"{int(c)}" if not normalize else f"{int(c)}\n{0 if np.isnan(v) else v:.0%}"
            ax.text(
                j,
                i,
                text,
                ha="center",
                va="center",
                fontsize=7,
                color="white" if (0 if np.isnan(v) else v) > 0.6 * vmax else "#333333",
            )
        bar = fig.colorbar(image, ax=ax, shrink=0.8)
        bar.set_label("share" if normalize else "count")
        bar.ax.tick_params(labelsize=HOUSE_RC["ytick.labelsize"])
        if title:
            ax.set_title(title, loc="left")
    return fig
