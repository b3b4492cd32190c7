"""Interactive charts in plotly: the stance timeline with the sentence behind every point.

:func:`stance_timeline_plotly` is the interactive twin of
:func:`corpus_lib.analysis.timelines.stance_timeline`: the same tables, dates, gaps and
events (:mod:`corpus_lib.analysis.chart_data`), with hover text. Text from the corpus
(sentences, speakers, titles, sources) is untrusted: everything that goes into hover text
or annotations is passed through ``html.escape`` first, so a sentence holding ``<script>``
or ``<img onerror=...>`` shows as text. Trace ``uid`` values are fixed, so a figure's JSON
is the same on every run. plotly is imported inside the functions, so importing this
module stays cheap.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from corpus_lib.analysis import style
from corpus_lib.analysis.chart_data import (
    check_timeline_inputs,
    label_positions,
    need_columns,
    timeline_span,
    topic_rows,
    with_breaks,
)

if TYPE_CHECKING:  # pragma: no cover
    import plotly.graph_objects as go

__all__ = ["stance_timeline_plotly", "statement_hover"]


def _wrap_escaped(text: object, width: int = 72) -> str:
    """Wrap untrusted text into lines and escape each, joined with <br>."""
    raw = "" if text is None or (isinstance(text, float) and np.isnan(text)) else str(text)
    lines = textwrap.wrap(raw, width=width) or [""]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _esc(value: object) -> str:
    """Untrusted text escaped for plotly's HTML-like markup; missing values give ''."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return ""
    return html.escape(str(value), quote=False)


def _fmt(value: float, spec: str = "+.2f") -> str:
    """A number for hover text; a dash when missing."""
    return "–" if value is None or np.isnan(value) else format(value, spec)


def _iso(values: pd.Series) -> list[str]:
    """Dates as ``YYYY-MM-DD`` strings (what plotly's JSON holds, whatever the dtype)."""
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


def _period_hover(rows: pd.DataFrame, topic: str) -> list[str]:
    """Hover text of each period point (empty for the gap rows of :func:`with_breaks`)."""
    return [
        ""
        if gap
        else f"<b>{_esc(topic)}</b> · {_esc(p)}<br>mean {_fmt(m)} (95% CI {_fmt(lo)} "
        f"to {_fmt(hi)})<br>{int(npos)} positioned of {int(nst)} statements, "
        f"{int(nd)} documents"
        for gap, p, m, lo, hi, npos, nst, nd in zip(
            rows["_gap"],
            rows["period"],
            rows["mean_score"].to_numpy(dtype=float),
            rows["ci_low"].to_numpy(dtype=float),
            rows["ci_high"].to_numpy(dtype=float),
            rows["n_positioned"],
            rows["n_statements"],
            rows["n_documents"],
            strict=True,
        )
    ]


def _period_trace(rows: pd.DataFrame, topic: str) -> go.Scatter:
    """The line of a topic's period means with asymmetric CI error bars; gaps break the line."""
    import plotly.graph_objects as go

    color = style.TOPIC_COLORS[topic]
    rows = with_breaks(rows)
    mean = rows["mean_score"].to_numpy(dtype=float)
    low = rows["ci_low"].to_numpy(dtype=float)
    high = rows["ci_high"].to_numpy(dtype=float)
    return go.Scatter(
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
            "arrayminus": [None if np.isnan(lo) else float(m - lo) for lo, m in zip(low, mean, strict=True)],
            "color": color,
            "thickness": 1.2,
            "width": 3,
        },
        hovertext=_period_hover(rows, topic),
        hoverinfo="text",
        connectgaps=False,
    )


def _document_trace(docs: pd.DataFrame, topic: str) -> go.Scatter:
    """A topic's documents: translucent discs sized by their positioned statements."""
    import plotly.graph_objects as go

    docs = docs.loc[docs["mean_score"].notna() & docs["date"].notna()]
    hover = [
        f"<i>{_esc(r.get('title'))}</i><br>{_esc(r.get('source'))}, {_esc(d)}<br>"
        f"{_esc(topic)}: mean {_fmt(r['mean_score'])} over {int(r['n_positioned'])} "
        f"positioned statements"
        for (_, r), d in zip(docs.iterrows(), _iso(docs["date"]), strict=True)
    ]
    return go.Scatter(
        x=_iso(docs["date"]),
        y=docs["mean_score"].astype(float).tolist(),
        mode="markers",
        name=f"{_esc(topic)}: documents",
        legendgroup=topic,
        uid=f"documents-{topic}",
        marker={
            "color": style.TOPIC_COLORS[topic],
            "opacity": 0.35,
            "size": (6 + 2 * np.sqrt(docs["n_positioned"].to_numpy(dtype=float))).tolist(),
        },
        hovertext=hover,
        hoverinfo="text",
    )


def _statement_trace(stmts: pd.DataFrame, topic: str) -> go.Scatter:
    """A topic's positioned statements: rings (scores jittered), the sentence as hover text."""
    import plotly.graph_objects as go

    stmts = stmts.loc[stmts["score"].notna() & stmts["time"].notna()]
    return go.Scatter(
        x=_iso(stmts["time"]),
        y=(stmts["score"].to_numpy(dtype=float) + style.jitter(len(stmts), 0.07)).round(4).tolist(),
        mode="markers",
        name=f"{_esc(topic)}: statements",
        legendgroup=topic,
        uid=f"statements-{topic}",
        marker={
            "color": "rgba(0,0,0,0)",
            "size": 7,
            "line": {"color": style.TOPIC_COLORS[topic], "width": 1},
        },
        hovertext=[statement_hover(r) for _, r in stmts.iterrows()],
        hoverinfo="text",
    )


def _mark_events(fig: go.Figure, events: pd.DataFrame, limits, width: int | None) -> None:
    """A dashed line per event and its label above the plot, spread so labels do not overprint."""
    span = (limits[1] - limits[0]).days if limits else 365 * 20
    places = label_positions(events["date"], span * 1.5, (width or 960) / 96 * 0.85)
    for row, place in zip(events.itertuples(index=False), places, strict=True):
        x = pd.Timestamp(row.date).strftime("%Y-%m-%d")
        color = style.TOPIC_COLORS.get(str(row.kind), style.GREY)
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


def _timeline_layout(
    fig: go.Figure, *, title: str | None, height: int, width: int | None, limits, n_events: int
) -> None:
    """House layout, room above for event labels, the score axis from −1 to +1, the data's dates."""
    fig.update_layout(
        **style.PLOTLY_LAYOUT,
        height=height,
        width=width,
        margin={"t": 190 if n_events else 60, "l": 60, "r": 150 if n_events else 20, "b": 60},
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


def _topic_traces(
    topic: str, periods: pd.DataFrame, documents: pd.DataFrame | None, statements: pd.DataFrame | None
) -> list[go.Scatter]:
    """A topic's traces, in order: period means, documents, statements (those it has)."""
    rows, docs, stmts = topic_rows(topic, periods, documents, statements)
    traces = [_period_trace(rows, topic)] if not rows.empty else []
    if not docs.empty:
        traces.append(_document_trace(docs, topic))
    if not stmts.empty:
        traces.append(_statement_trace(stmts, topic))
    return traces


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
    """Interactive :func:`~corpus_lib.analysis.timelines.stance_timeline`: hover a point to read what is behind it.

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

    check_timeline_inputs(periods, documents, statements)
    need_columns(periods, ("period", "n_documents", "n_statements", "n_positioned"), "periods")
    chosen, limits, ev = timeline_span(periods, documents, statements, topics, events, show_events)
    fig = go.Figure()
    for topic in chosen:
        for trace in _topic_traces(topic, periods, documents, statements):
            fig.add_trace(trace)
    _mark_events(fig, ev, limits, width)
    _timeline_layout(fig, title=title, height=height, width=width, limits=limits, n_events=len(ev))
    return fig
