"""Interactive charts in plotly: the stance timeline with the sentence behind every point.

:func:`stance_timeline_plotly` is the interactive twin of
:func:`corpus_lib.analysis.timelines.stance_timeline`: the same tables, dates, gaps, events,
shifts and legend (:mod:`corpus_lib.analysis.chart_data`), with hover text. Text from the
corpus (sentences, speakers, titles, sources) is untrusted: everything that goes into hover
text, trace names or annotations is passed through ``html.escape`` first, so a sentence
holding ``<script>`` or ``<img onerror=...>`` shows as text. Hover text is wrapped to
:data:`HOVER_WRAP` characters a line, so a label fits beside a point on either half of the
chart. Trace ``uid`` values are fixed, so a figure's JSON is the same on every run. plotly is
imported inside the functions, so importing this module stays cheap.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from corpus_lib.analysis import style
from corpus_lib.analysis.chart_data import (
    check_extra_inputs,
    check_timeline_inputs,
    events_for,
    label_positions,
    n_text,
    need_columns,
    no_interval,
    of_topic,
    shift_rows,
    shift_steps,
    timeline_span,
    with_breaks,
)
from corpus_lib.vocab import HOLDERS

if TYPE_CHECKING:  # pragma: no cover
    import plotly.graph_objects as go

__all__ = ["stance_timeline_plotly", "statement_hover"]

HOVER_WRAP = 60
"""Characters per line of hover text: about 420 pixels at 12 px, so a label fits beside a point."""
CORRECTED_OFFSET = pd.Timedelta(days=45)
HOLDER_DODGE = pd.Timedelta(days=60)
"""How far apart the period points of two holders are drawn, so their bars and labels do not overprint."""
SCORE_RANGE = [-1.25, 1.25]


def _missing(value: object) -> bool:
    """Whether a cell is empty: None, NaT or NaN."""
    return value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value))


def _wrap(text: object, width: int = HOVER_WRAP) -> list[str]:
    """Untrusted text as lines of at most ``width`` characters, each escaped; [''] for nothing."""
    raw = "" if _missing(text) else str(text)
    return [html.escape(line, quote=False) for line in textwrap.wrap(raw, width=width)] or [""]


def _wrap_escaped(text: object, width: int = HOVER_WRAP) -> str:
    """Wrap untrusted text into lines and escape each, joined with <br>."""
    return "<br>".join(_wrap(text, width))


def _esc(value: object) -> str:
    """Untrusted text escaped for plotly's HTML-like markup; missing values give ''."""
    return "" if _missing(value) else html.escape(str(value), quote=False)


def _fmt(value: float, spec: str = "+.2f") -> str:
    """A number for hover text; a dash when missing."""
    return "–" if value is None or np.isnan(value) else format(value, spec)


def _iso(values: pd.Series) -> list[str]:
    """Dates as ``YYYY-MM-DD`` strings (what plotly's JSON holds, whatever the dtype)."""
    return [v.strftime("%Y-%m-%d") for v in pd.to_datetime(values)]


def _titled(title: object, tail: str) -> str:
    """``<i>title</i>, tail`` wrapped: the title's lines in italics, the tail after it or on a line of its own."""
    lines = _wrap(title)
    raw_last = textwrap.wrap("" if _missing(title) else str(title), width=HOVER_WRAP) or [""]
    out = [f"<i>{line}</i>" for line in lines]
    plain_tail = html.unescape(tail)
    if len(raw_last[-1]) + 2 + len(plain_tail) <= HOVER_WRAP:
        out[-1] += f", {tail}"
    else:
        out.append(tail)
    return "<br>".join(out)


def statement_hover(row: Any) -> str:
    """Hover text of one statement (a row of :func:`~corpus_lib.analysis.quotes`).

    Sentence, speaker and source are escaped with ``html.escape`` and wrapped to
    :data:`HOVER_WRAP` characters a line; only the tags added here (``<br>``, ``<b>``,
    ``<i>``) reach plotly as markup.

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
    sentence = _wrap(get("text"))
    sentence[0] = "“" + sentence[0]
    sentence[-1] += "”"
    speaker = _wrap(get("speaker"), HOVER_WRAP - 2)
    parts = [
        "<br>".join(sentence),
        "<br>".join(f"{'— ' if i == 0 else '  '}<b>{line}</b>" for i, line in enumerate(speaker)),
        _titled(get("title"), f"{_esc(get('source'))} ({when})"),
        _rules_line(score + " · rules ", get("rule_ids")),
    ]
    return "<br>".join(parts)


def _rules_line(head: str, rule_ids: object) -> str:
    """``head`` and the ``;``-separated rule ids, broken after a ``;`` where the line would grow too long."""
    lines = [head]
    for i, rule in enumerate(_esc(rule_ids).split(";")):
        piece = rule if i == 0 else ";" + rule
        if i and len(html.unescape(lines[-1] + piece)) > HOVER_WRAP:
            lines[-1] += ";"
            piece = "  " + rule
            lines.append("")
        lines[-1] += piece
    return "<br>".join(lines)


@dataclass(frozen=True)
class _Series:
    """One line of a timeline: a topic (or a holder on a topic), its colour and its rows."""

    key: str
    name: str
    topic: str
    color: str
    rows: pd.DataFrame
    docs: pd.DataFrame
    stmts: pd.DataFrame
    holder: str | None = None
    shift: pd.Timedelta = pd.Timedelta(0)


def _of_holder(frame: pd.DataFrame, holder: str | None) -> pd.DataFrame:
    """The rows of one holder (all rows for no holder; none where the frame has no holders)."""
    if holder is None or frame.empty or "holder" not in frame.columns:
        return frame if holder is None else frame.iloc[0:0]
    return frame.loc[frame["holder"].astype(str) == holder]


def _series(chosen: list[str], periods, documents, statements, by: str) -> list[_Series]:
    """The lines to draw: one per topic, or (``by="holder"``) one per holder and topic that has statements."""
    out = []
    for topic in chosen:
        rows, docs, stmts = of_topic(periods, topic), of_topic(documents, topic), of_topic(statements, topic)
        if by == "topic":
            out.append(_Series(topic, style.topic_name(topic), topic, style.TOPIC_COLORS[topic], rows, docs, stmts))
            continue
        present = set(rows.loc[rows["n_statements"] > 0, "holder"].astype(str)) if not rows.empty else set()
        holders = [h for h in HOLDERS if h in present]
        for i, holder in enumerate(holders):
            name = f"{holder} · {style.topic_name(topic)}"
            dodge = HOLDER_DODGE * (i - (len(holders) - 1) / 2)  # side by side, so bars and labels do not overprint
            out.append(_Series(f"{holder}-{topic}", name, topic, style.HOLDER_COLORS[holder], _of_holder(rows, holder),
                               _of_holder(docs, holder), _of_holder(stmts, holder), holder, dodge))  # fmt: skip
    return out


def _period_hover(rows: pd.DataFrame, name: str) -> list[str]:
    """Hover text of each period point (empty for the gap rows of :func:`with_breaks`)."""
    out = []
    for r in rows.rename(columns={"_gap": "gap"}).itertuples(index=False):
        if r.gap:
            out.append("")
            continue
        interval = (
            f"95% CI {_fmt(r.ci_low)} to {_fmt(r.ci_high)}" if not np.isnan(r.ci_low) else "no interval: one document"
        )
        out.append(
            f"<b>{_esc(name)}</b> · {_esc(r.period)}<br>mean {_fmt(r.mean_score)} ({interval})<br>"
            f"{int(r.n_positioned)} of {style.counted(int(r.n_statements), 'statement')} positioned, "
            f"{style.counted(int(r.n_documents), 'document')}"
        )
    return out


def _hollow_trace(series: _Series, first: bool) -> go.Scatter:
    """The periods without an interval (fewer than two documents) as open circles: no bar, n beside them."""
    import plotly.graph_objects as go

    rows = with_breaks(series.rows)
    keep = no_interval(rows) & ~rows["_gap"].to_numpy(dtype=bool)
    rows = rows.loc[keep]
    return go.Scatter(
        x=_iso(rows["mid"] + series.shift),
        y=rows["mean_score"].astype(float).tolist(),
        mode="markers",
        name="period mean, one document: no interval",
        legendgroup="hollow",
        showlegend=first,
        uid=f"hollow-{series.key}",
        marker={"color": "white", "size": 9, "symbol": "circle", "line": {"width": 2, "color": series.color}},
        hovertext=[h for h, k in zip(_period_hover(with_breaks(series.rows), series.name), keep, strict=True) if k],
        hoverinfo="text",
    )


def _period_trace(series: _Series) -> go.Scatter:
    """The line of period means with asymmetric CI bars and n beside each point (points without a bar: see _hollow_trace)."""
    import plotly.graph_objects as go

    rows = with_breaks(series.rows)
    mean = rows["mean_score"].to_numpy(dtype=float)
    low = rows["ci_low"].to_numpy(dtype=float)
    high = rows["ci_high"].to_numpy(dtype=float)
    side = "left" if series.shift < pd.Timedelta(0) else "right"  # away from a neighbour drawn beside it
    return go.Scatter(
        x=_iso(rows["mid"] + series.shift),
        y=[None if np.isnan(v) else float(v) for v in mean],
        mode="lines+markers+text",
        name=f"{_esc(series.name)}: period mean, 95% interval",
        legendgroup=series.key,
        uid=f"mean-{series.key}",
        line={"color": series.color, "width": 2},
        marker={"color": series.color, "size": 8},
        error_y=_error_bars(mean, low, high, series.color, thickness=1.2, width=3),
        text=[t if not gap else "" for t, gap in zip(n_text(rows), rows["_gap"], strict=True)],
        textposition=[f"{'bottom' if m > 0 else 'top'} {side}" for m in np.nan_to_num(mean)],
        textfont={"size": 10, "color": series.color},
        hovertext=_period_hover(rows, series.name),
        hoverinfo="text",
        connectgaps=False,
        cliponaxis=False,
    )


def _error_bars(mean: np.ndarray, low: np.ndarray, high: np.ndarray, color: str, *, thickness: float, width: int) -> dict:
    """Plotly error bars from an interval around each mean (none where the interval is missing)."""
    return {
        "type": "data",
        "symmetric": False,
        "array": [None if np.isnan(h) else float(h - m) for h, m in zip(high, mean, strict=True)],
        "arrayminus": [None if np.isnan(lo) else float(m - lo) for lo, m in zip(low, mean, strict=True)],
        "color": color,
        "thickness": thickness,
        "width": width,
    }


def _corrected_trace(rows: pd.DataFrame, series: _Series) -> go.Scatter:
    """The corrected period means: a dashed line with open squares, a little to the right of the naive one."""
    import plotly.graph_objects as go

    rows = with_breaks(rows)
    mean = rows["mean_score"].to_numpy(dtype=float)
    low = rows["ci_low"].to_numpy(dtype=float)
    high = rows["ci_high"].to_numpy(dtype=float)
    hover = [
        ""
        if gap
        else f"<b>{_esc(series.name)}</b> · {_esc(p)}, corrected for coder error<br>"
        f"mean {_fmt(m)} (95% CI {_fmt(lo)} to {_fmt(hi)})"
        for gap, p, m, lo, hi in zip(rows["_gap"], rows.get("period", rows["mid"]), mean, low, high, strict=True)
    ]
    return go.Scatter(
        x=_iso(rows["mid"] + series.shift + CORRECTED_OFFSET),
        y=[None if np.isnan(v) else float(v) for v in mean],
        mode="lines+markers",
        name=f"{_esc(series.name)}: corrected for coder error",
        legendgroup=series.key,
        uid=f"corrected-{series.key}",
        line={"color": series.color, "width": 1.5, "dash": "dash"},
        marker={"color": series.color, "size": 7, "symbol": "square-open"},
        error_y=_error_bars(mean, low, high, series.color, thickness=1, width=2),
        hovertext=hover,
        hoverinfo="text",
        connectgaps=False,
    )


def _document_trace(series: _Series) -> go.Scatter:
    """A series' documents: translucent discs sized by their positioned statements."""
    import plotly.graph_objects as go

    docs = series.docs.loc[series.docs["mean_score"].notna() & series.docs["date"].notna()]
    hover = [
        _titled(r.get("title"), f"{_esc(r.get('source'))}, {_esc(d)}")
        + f"<br>{_esc(series.name)}: mean {_fmt(r['mean_score'])} over "
        f"{style.counted(int(r['n_positioned']), 'positioned statement')}"
        for (_, r), d in zip(docs.iterrows(), _iso(docs["date"]), strict=True)
    ]
    return go.Scatter(
        x=_iso(docs["date"]),
        y=docs["mean_score"].astype(float).tolist(),
        mode="markers",
        name=f"{_esc(series.name)}: document mean (size = statements)",
        legendgroup=series.key,
        uid=f"documents-{series.key}",
        marker={
            "color": series.color,
            "opacity": 0.35,
            "size": (6 + 2 * np.sqrt(docs["n_positioned"].to_numpy(dtype=float))).tolist(),
        },
        hovertext=hover,
        hoverinfo="text",
    )


def _statement_trace(series: _Series) -> go.Scatter:
    """A series' positioned statements: rings (scores jittered), the sentence as hover text."""
    import plotly.graph_objects as go

    stmts = series.stmts.loc[series.stmts["score"].notna() & series.stmts["time"].notna()]
    return go.Scatter(
        x=_iso(stmts["time"]),
        y=(stmts["score"].to_numpy(dtype=float) + style.jitter(len(stmts), 0.07)).round(4).tolist(),
        mode="markers",
        name=f"{_esc(series.name)}: single statement",
        legendgroup=series.key,
        uid=f"statements-{series.key}",
        marker={"color": "rgba(0,0,0,0)", "size": 7, "line": {"color": series.color, "width": 1}},
        hovertext=[statement_hover(r) for _, r in stmts.iterrows()],
        hoverinfo="text",
    )


def _shift_trace(rows: pd.DataFrame, series: _Series, first: bool) -> go.Scatter:
    """Each shift as a vertical line at its most probable date; the hover says when, how far and how sure."""
    import plotly.graph_objects as go

    x: list[str | None] = []
    y: list[float | None] = []
    hover: list[str] = []
    for r in rows.itertuples(index=False):
        date = r.date.strftime("%Y-%m-%d")
        text = (
            f"<b>{_esc(series.name)}: shift</b> about {date}<br>90% interval "
            f"{r.date_low.strftime('%Y-%m-%d')} to {r.date_high.strftime('%Y-%m-%d')}<br>"
            f"mean {_fmt(getattr(r, 'mean_before', np.nan))} → {_fmt(getattr(r, 'mean_after', np.nan))}"
            + (f"<br>p(no change) {r.p_no_change:.2f}" if not _missing(getattr(r, "p_no_change", None)) else "")
        )
        x += [date, date, None]
        y += [SCORE_RANGE[0], SCORE_RANGE[1], None]
        hover += [text, text, ""]
    return go.Scatter(
        x=x, y=y, mode="lines", name="shift (90% interval)", legendgroup="shift", showlegend=first,
        uid=f"shift-{series.key}", line={"color": series.color, "width": 1.5}, hovertext=hover, hoverinfo="text",
    )  # fmt: skip


def _shift_shapes(fig: go.Figure, rows: pd.DataFrame, color: str, limits) -> None:
    """The band of each shift's 90% interval, and the segment means as dotted steps."""
    for r in rows.itertuples(index=False):
        fig.add_shape(type="rect", xref="x", yref="paper", x0=r.date_low.strftime("%Y-%m-%d"),
                      x1=r.date_high.strftime("%Y-%m-%d"), y0=0, y1=1, fillcolor=color, opacity=0.14,
                      line={"width": 0}, layer="below")  # fmt: skip
    for start, end, mean in shift_steps(rows, limits):
        fig.add_shape(type="line", xref="x", yref="y", x0=start.strftime("%Y-%m-%d"), x1=end.strftime("%Y-%m-%d"),
                      y0=mean, y1=mean, opacity=1, line={"color": color, "width": 1.2, "dash": "dot"},
                      layer="below")  # fmt: skip


def _legend_proxy(uid: str, name: str, **style_: Any) -> go.Scatter:
    """A trace with no points, only a legend entry (what an event line means)."""
    import plotly.graph_objects as go

    return go.Scatter(x=[None], y=[None], name=name, uid=uid, hoverinfo="skip", **style_)


def _mark_events(fig: go.Figure, events: pd.DataFrame, limits, width: int | None) -> None:
    """A dashed grey line per event, and its label above the plot joined to the line by a leader.

    Where events crowd, a label moves right just enough not to overprint its neighbour;
    the leader runs from the top of the event's line to the label.
    """
    span = (limits[1] - limits[0]).days if limits else 365 * 20
    places = label_positions(events["date"], span * 1.5, (width or 960) / 96 * 0.85)
    for row, place in zip(events.itertuples(index=False), places, strict=True):
        x = pd.Timestamp(row.date).strftime("%Y-%m-%d")
        fig.add_shape(type="line", xref="x", yref="paper", x0=x, x1=x, y0=0, y1=1, opacity=0.8,
                      line={"color": style.EVENT_COLOR, "width": 1, "dash": "dash"}, layer="below")  # fmt: skip
        fig.add_annotation(
            x=x,
            y=1.0,
            xref="x",
            yref="paper",
            ax=place.strftime("%Y-%m-%d"),
            axref="x",
            ay=-22,
            ayref="pixel",
            showarrow=True,
            arrowhead=0,
            arrowwidth=1,
            arrowcolor=style.EVENT_COLOR,
            text=_esc(row.label),
            textangle=-45,
            xanchor="left",
            yanchor="bottom",
            font={"size": 10, "color": style.EVENT_COLOR},
        )


def _timeline_layout(fig: go.Figure, *, title, height, width, limits, n_events: int, topic: str | None) -> None:
    """House layout, room above for event labels, the score axis named like the static chart's, the data's dates."""
    fig.update_layout(
        **style.PLOTLY_LAYOUT,
        height=height,
        width=width,
        margin={"t": 200 if n_events else 70, "l": 20, "r": 150 if n_events else 60, "b": 40},
        title={"text": _esc(title) if title else None, "x": 0.01, "xanchor": "left", "y": 0.98, "yanchor": "top"},
        yaxis={
            "title": {"text": "mean score"},
            "range": SCORE_RANGE,
            "zeroline": True,
            "tickvals": [-1, 0, 1],
            "ticktext": style.score_labels(topic),
            "automargin": True,
        },
        xaxis={
            "type": "date",
            "range": [str(limits[0].date()), str(limits[1].date())] if limits else None,
            "automargin": True,
        },
    )


def _add_series(fig: go.Figure, series: _Series, corrected: pd.DataFrame | None, hollow_named: bool) -> bool:
    """A series' traces, in order: period means, hollow points, corrected means, documents, statements.

    Returns whether a hollow point is drawn (its legend entry is shown once, on the first).
    """
    hollow = bool(not series.rows.empty and no_interval(series.rows).any())
    if not series.rows.empty:
        fig.add_trace(_period_trace(series))
    if hollow:
        fig.add_trace(_hollow_trace(series, first=not hollow_named))
    fixed = _of_holder(of_topic(corrected, series.topic), series.holder)
    if not fixed.empty:
        fig.add_trace(_corrected_trace(fixed, series))
    if not series.docs.empty:
        fig.add_trace(_document_trace(series))
    if not series.stmts.empty:
        fig.add_trace(_statement_trace(series))
    return hollow


def stance_timeline_plotly(
    periods: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    statements: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    show_events: bool = True,
    topics: str | Iterable[str] | None = None,
    shifts: pd.DataFrame | None = None,
    corrected: pd.DataFrame | None = None,
    by: str = "topic",
    title: str | None = None,
    height: int = 560,
    width: int | None = 960,
) -> go.Figure:
    """Interactive :func:`~corpus_lib.analysis.timelines.stance_timeline`: hover a point to read what is behind it.

    Traces, per series (a topic, or with ``by="holder"`` a holder on a topic) in order:
    the period means with CI error bars (hollow, without a bar, where a period rests on
    one document; ``n=statements/documents`` beside each point), the corrected means (if
    given), the documents (if given), then the statements (if given), whose hover text
    shows the sentence, speaker, document title, source, date, stance and rule ids. All
    corpus text is escaped with ``html.escape``. Events (of the drawn topics, or
    ``general``) are dashed grey lines with labels above the plot; shifts are lines over
    the band of their 90% interval. Trace ``uid`` values are fixed, so the figure's JSON
    is deterministic.

    Args:
        periods: Output of :func:`~corpus_lib.analysis.stance_by_period`; with
            ``by="holder"``, of :func:`~corpus_lib.analysis.holder_comparison` with periods.
        documents: Optional output of :func:`~corpus_lib.analysis.stance_by_document`.
        statements: Optional output of :func:`~corpus_lib.analysis.quotes`.
        events: Events; :func:`~corpus_lib.analysis.timeline_events` by default.
        show_events: Draw the events at all.
        topics: Topics to draw; those in ``periods`` by default.
        shifts: Optional change points, as in :func:`~corpus_lib.analysis.timelines.stance_timeline`.
        corrected: Optional period summary corrected for coder error: a dashed series.
        by: ``"topic"`` (a series per topic) or ``"holder"`` (a series per holder and
            topic, in the holder's colour, named e.g. ``NATO · Russia``).
        title: Figure title (escaped).
        height: Height in pixels.
        width: Width in pixels (``None``: fill the page).

    Returns:
        A ``plotly.graph_objects.Figure``.

    Example:
        >>> periods = pd.DataFrame({"period": ["2006"],
        ...     "period_start": pd.to_datetime(["2006-01-01"]),
        ...     "period_end": pd.to_datetime(["2006-12-31"]), "topic": ["russia"],
        ...     "n_documents": [2], "n_statements": [2], "n_positioned": [2],
        ...     "mean_score": [0.5], "ci_low": [0.0], "ci_high": [1.0]})
        >>> [trace.uid for trace in stance_timeline_plotly(periods, show_events=False).data]
        ['mean-russia', 'legend-n']
    """
    import plotly.graph_objects as go

    check_timeline_inputs(periods, documents, statements)
    check_extra_inputs(shifts, corrected)
    need_columns(periods, ("period", "n_documents", "n_statements", "n_positioned"), "periods")
    if by not in ("topic", "holder"):
        raise ValueError(f"by must be 'topic' or 'holder', got {by!r}")
    if by == "holder":
        need_columns(periods, ("holder",), "periods")
    chosen, limits, ev = timeline_span(periods, documents, statements, topics, events, show_events)
    ev = events_for(ev, chosen)
    fig = go.Figure()
    hollow, shifted = False, False  # whether the legend names them already
    lines = _series(chosen, periods, documents, statements, by)
    for series in lines:
        hollow = _add_series(fig, series, corrected, hollow) or hollow
        moved = _of_holder(shift_rows(shifts, series.topic), series.holder)
        if not moved.empty:
            fig.add_trace(_shift_trace(moved, series, first=not shifted))
            _shift_shapes(fig, moved, series.color, limits)
            shifted = True
    if any(series.rows["mean_score"].notna().any() for series in lines if not series.rows.empty):
        fig.add_trace(_legend_proxy("legend-n", "n=k/d: k positioned statements, d documents", mode="markers",
                                    marker={"color": "rgba(0,0,0,0)", "size": 1}))  # fmt: skip
    if len(ev):
        fig.add_trace(_legend_proxy("legend-event", "event", mode="lines",
                                    line={"color": style.EVENT_COLOR, "width": 1, "dash": "dash"}))  # fmt: skip
    _mark_events(fig, ev, limits, width)
    one = chosen[0] if len(chosen) == 1 else None
    _timeline_layout(fig, title=title, height=height, width=width, limits=limits, n_events=len(ev), topic=one)
    return fig
