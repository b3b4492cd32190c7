"""Charts of the analysis tables, in one house style: the public plotting API.

Every function takes the tidy frames that :mod:`corpus_lib.analysis` returns and gives
back a new figure: a matplotlib ``Figure`` (built with the object-oriented API, no
pyplot state, so nothing is shown or kept alive behind the caller's back) or, for the
``*_plotly`` variants, a plotly ``go.Figure``. This module holds the bar charts and
heatmaps; it also re-exports the timelines (:mod:`corpus_lib.analysis.timelines`), the
plotly charts (:mod:`corpus_lib.analysis.plotly_charts`) and the house style
(:mod:`corpus_lib.analysis.style`), so ``from corpus_lib.analysis import plots`` reaches
every chart. Plotting libraries are imported inside the functions, so importing this
module stays cheap. Save figures with :mod:`corpus_lib.analysis.export`:
:func:`~corpus_lib.analysis.export.save_matplotlib` settles the constrained layout before
the first save, so every save of a figure is identical.

Text from the corpus (sentences, speakers, titles, sources) is untrusted: everything
that goes into plotly hover text or annotations is passed through ``html.escape``
first, so a sentence holding ``<script>`` or ``<img onerror=...>`` shows as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from corpus_lib.analysis import plotly_charts, style, timelines
from corpus_lib.analysis.chart_data import chosen_topics, need_columns, of_topic, period_years

# Re-exported: ``plots`` is the plotting API, so the timelines, the plotly charts and the
# house style are reached through it too.
from corpus_lib.analysis.plotly_charts import *  # noqa: F403
from corpus_lib.analysis.style import *  # noqa: F403
from corpus_lib.analysis.timelines import *  # noqa: F403
from corpus_lib.vocab import LABELS_BY_TOPIC, TOPICS

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = sorted(
    [
        *plotly_charts.__all__,
        *style.__all__,
        *timelines.__all__,
        "agreement_plot",
        "around_events_plot",
        "confusion_heatmap",
        "holder_comparison_plot",
        "keyness_plot",
        "label_shares",
        "removed_heatmap",
        "salience_heatmap",
        "statements_by_holder_plot",
        "tone_vs_stance_plot",
    ]
)


def _share_columns(topic: str, include_neutral: bool) -> list[str]:
    """The labels a topic's bars stack, in codebook order."""
    labels = [lab for lab in LABELS_BY_TOPIC[topic] if include_neutral or lab != "neutral"]
    return labels


def _on_time_axis(summary: pd.DataFrame, x: str) -> bool:
    """Whether bars of ``x`` stand on a time axis: periods with their start and end dates."""
    return x == "period" and {"period_start", "period_end"} <= set(summary.columns)


def _bar_places(rows: pd.DataFrame, x: str, timed: bool) -> tuple[np.ndarray, np.ndarray]:
    """Where each bar stands and how wide it is: periods in years on a time axis, anything else side by side."""
    if timed:
        middle, length = period_years(rows)
        return middle, 0.8 * length
    return np.arange(len(rows), dtype=float), np.full(len(rows), 0.75)


def _panel_width(summary: pd.DataFrame, chosen: list[str], x: str, timed: bool) -> float:
    """Width of one panel in inches: by the years a time axis spans, else by the number of bars."""
    if timed:
        rows = summary.loc[summary["topic"].astype(str).isin(chosen)]
        middle, length = period_years(rows) if len(rows) else (np.zeros(1), np.ones(1))
        years = float((middle + length / 2).max() - (middle - length / 2).min())
        return max(3.0, min(1.6 + 0.2 * years, 12.0 / len(chosen)))
    n_bars = max((len(of_topic(summary, t)) for t in chosen), default=1)
    return max(2.6, min(1.4 + 0.3 * n_bars, 12.0 / len(chosen)))


def _share_panel(ax: Axes, rows: pd.DataFrame, topic: str, *, x: str, timed: bool, include_neutral: bool) -> None:
    """One topic's stacked bars, the count of statements above each, its legend below."""
    labels = _share_columns(topic, include_neutral)
    need_columns(rows, [f"share_{lab}" for lab in labels], "summary")
    shares = rows[[f"share_{lab}" for lab in labels]].to_numpy(dtype=float)
    if not include_neutral:
        total = shares.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            shares = np.where(total > 0, shares / total, np.nan)
    pos, width = _bar_places(rows, x, timed)
    bottom = np.zeros(len(rows))
    for j, lab in enumerate(labels):
        height = np.nan_to_num(shares[:, j])
        ax.bar(pos, height, bottom=bottom, color=style.LABEL_COLORS[lab], label=lab, width=width)
        bottom += height
    for p, n in zip(pos, rows["n_statements"].to_numpy(), strict=True):
        if n:
            ax.text(p, 1.01, f"{int(n)}", ha="center", va="bottom", fontsize=6.5, color=style.GREY)
    ax.set_xticks(pos)
    crowded = len(rows) > 6 or (timed and len(rows) > 1 and np.diff(np.sort(pos)).min() < 1.5)
    ax.set_xticklabels([str(v) for v in rows[x]], rotation=90 if crowded else 0)
    if timed:  # a true time axis: the years between the bars stay visible as gaps
        ax.set_xlim((pos - width / 2).min() - 0.6, (pos + width / 2).max() + 0.6)
    ax.set_ylim(0, 1.08)
    ax.set_title(style.topic_name(topic), loc="left", color=style.TOPIC_COLORS[topic])
    panel = ax.figure.get_figwidth() / max(len(ax.figure.axes), 1)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3 if crowded else -0.12),
              ncols=len(labels) if panel >= 3.4 else 2, handlelength=1, columnspacing=0.8)  # fmt: skip
    ax.grid(False, axis="x")


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
            Periods with ``period_start``/``period_end`` stand on a true time axis: a bar
            is as wide as its period (less a gap) at its place in time, so the years
            with no bar show as gaps.
        topics: Topics to draw; those in ``summary`` by default.
        include_neutral: Show ``neutral``; if False, shares are recomputed over the
            positioned statements only.
        title: Figure title (wrapped to fit the figure's width).
        figsize: Size in inches (default grows with the years spanned or the number of bars).

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
    need_columns(summary, ("topic", "n_statements", x), "summary")
    chosen = chosen_topics(summary, topics)
    timed = _on_time_axis(summary, x)
    panel = _panel_width(summary, chosen, x, timed)
    with style.house_style():
        fig = style.new_figure(figsize or (panel * len(chosen), 3.8))
        axes = fig.subplots(1, len(chosen), sharey=True, squeeze=False)[0]
        for ax, topic in zip(axes, chosen, strict=True):
            style.house_axes(ax)
            rows = of_topic(summary, topic)
            if timed:
                rows = rows.sort_values("period_start", kind="mergesort")
            _share_panel(ax, rows, topic, x=x, timed=timed, include_neutral=include_neutral)
        axes[0].set_ylabel("share of statements")
        if title:
            style.figure_title(fig, title)
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
    need_columns(sal, ("doc_id", "date", "topic", "share"), "sal")
    chosen = list(TOPICS) if topics is None else chosen_topics(sal, topics)
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
    with style.house_style():
        fig = style.new_figure(size)
        ax = fig.add_subplot()
        image = ax.imshow(values, cmap="Blues", vmin=0, vmax=1, aspect="auto", interpolation="nearest")
        ax.set_xticks(np.arange(len(chosen)), labels=[style.topic_name(t) for t in chosen])
        ax.set_yticks(
            np.arange(len(table)),
            labels=[
                f"{doc} ({'' if pd.isna(d) else pd.Timestamp(d).year})"
                for doc, d in zip(order["doc_id"], order["date"], strict=True)
            ],
        )
        ax.tick_params(labelsize=style.HOUSE_RC["xtick.labelsize"], length=0)
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
        bar.ax.tick_params(labelsize=style.HOUSE_RC["ytick.labelsize"])
        if title:
            style.figure_title(fig, title)
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
    need_columns(hc, ("holder", "topic", "mean_score", "ci_low", "ci_high", "n_positioned"), "hc")
    chosen = chosen_topics(hc, topics)
    holders = [h for h in style.HOLDER_COLORS if h in set(hc["holder"].astype(str))]
    if "period" not in hc.columns:
        return _holder_bars(hc, chosen, holders, title=title, figsize=figsize)
    need_columns(hc, ("period", "period_start"), "hc")
    return _holder_lines(hc, chosen, holders, title=title, figsize=figsize)


def _holder_ci(ax: Axes, pos: np.ndarray, mean: np.ndarray, rows: pd.DataFrame, color: str, *, need_mean: bool) -> None:
    """A holder's CI error bars, where it has an interval (and, with ``need_mean``, a mean)."""
    low = rows["ci_low"].to_numpy(dtype=float)
    high = rows["ci_high"].to_numpy(dtype=float)
    ok = ~np.isnan(low) & ~np.isnan(mean) if need_mean else ~np.isnan(low)
    if ok.any():
        ax.errorbar(
            pos[ok],
            mean[ok],
            yerr=style.yerr(mean[ok], low[ok], high[ok]),
            fmt="none",
            ecolor=color,
            elinewidth=0.9,
            capsize=2,
        )


def _holder_bars(
    hc: pd.DataFrame, chosen: list[str], holders: list[str], *, title: str | None, figsize: tuple[float, float] | None
) -> Figure:
    """Grouped bars: topics on x, a bar per holder with its CI and its n below."""
    with style.house_style():
        fig = style.new_figure(figsize or (1.6 + 1.6 * len(chosen), 3.4))
        ax = fig.add_subplot()
        style.house_axes(ax)
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
                color=style.HOLDER_COLORS[holder],
                label=holder,
            )
            _holder_ci(ax, pos, mean, rows, "#333333", need_mean=False)
            for p, m, n in zip(pos, mean, rows["n_positioned"].fillna(0).to_numpy(), strict=True):
                label = "n/a" if np.isnan(m) else f"n={int(n)}"
                ax.text(p, -1.12, label, ha="center", va="bottom", fontsize=6, color=style.GREY)
        ax.set_xticks(np.arange(len(chosen)), labels=[style.topic_name(t) for t in chosen])
        ax.axhline(0, color="#999999", linewidth=0.6)
        style.score_ticks(ax, None)
        ax.set_ylabel("mean score")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=len(holders))
        ax.grid(False, axis="x")
        if title:
            style.figure_title(fig, title)
    return fig


def _holder_lines(
    hc: pd.DataFrame, chosen: list[str], holders: list[str], *, title: str | None, figsize: tuple[float, float] | None
) -> Figure:
    """A panel per topic, a line per holder across the periods, with CIs."""
    with style.house_style():
        fig = style.new_figure(figsize or (2.6 * len(chosen) + 0.6, 3.4))
        axes = fig.subplots(1, len(chosen), squeeze=False)[0]
        periods = hc.drop_duplicates("period").sort_values("period_start")["period"].astype(str).tolist()
        offset = np.linspace(-0.12, 0.12, max(len(holders), 1)) if len(holders) > 1 else np.zeros(1)
        for ax, topic in zip(axes, chosen, strict=True):
            style.house_axes(ax)
            for k, holder in enumerate(holders):
                rows = hc.loc[(hc["holder"].astype(str) == holder) & (hc["topic"].astype(str) == topic)]
                rows = rows.set_index(rows["period"].astype(str)).reindex(periods)
                mean = rows["mean_score"].to_numpy(dtype=float)
                pos = np.arange(len(periods)) + offset[k]
                ax.plot(pos, mean, "-o", color=style.HOLDER_COLORS[holder], markersize=4, label=holder)
                _holder_ci(ax, pos, mean, rows, style.HOLDER_COLORS[holder], need_mean=True)
            ax.set_xticks(np.arange(len(periods)), labels=periods, rotation=90 if len(periods) > 6 else 0)
            ax.set_xlim(-0.5, len(periods) - 0.5)
            ax.axhline(0, color="#999999", linewidth=0.6)
            style.score_ticks(ax, topic)
            ax.set_title(style.topic_name(topic), loc="left", color=style.TOPIC_COLORS[topic])
        fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=len(holders))
        if title:
            style.figure_title(fig, title)
    return fig


SIGNIFICANT_G2 = 3.84
"""G² at p = 0.05 (one degree of freedom): bars below it are drawn faded and hatched."""


def _mark_not_significant(bar, color: str):
    """Fade and hatch a bar (or a legend patch): its word is not significantly key."""
    from matplotlib.colors import to_rgba

    bar.set_facecolor(to_rgba(color, 0.25))
    bar.set_edgecolor(color)
    bar.set_linewidth(0.6)
    bar.set_hatch("////")
    return bar


def keyness_plot(
    kn: pd.DataFrame,
    *,
    top: int = 15,
    title: str | None = "Keyness (G²): early vs late",
    figsize: tuple[float, float] | None = None,
) -> Figure:
    """Horizontal bars of the most key words of each period (G², early to the left).

    Words below G² 3.84 (p > 0.05) are drawn faded and hatched, and the legend says so:
    the chart lists the top words of each side whether or not they are significant.

    Args:
        kn: Output of :func:`~corpus_lib.analysis.keyness`.
        top: Words per direction.
        title: Figure title (wrapped to fit the figure's width).
        figsize: Size in inches.

    Returns:
        The figure, one axes.

    Example:
        >>> kn = pd.DataFrame({"word": ["partner", "threat"], "g2": [5.0, 7.0],
        ...                    "direction": ["early", "late"]})
        >>> len(keyness_plot(kn).axes)
        1
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    need_columns(kn, ("word", "g2", "direction"), "kn")
    direction = kn["direction"].astype(str)
    early = kn.loc[direction == "early"].sort_values(["g2", "word"], ascending=[False, True]).head(top)
    late = kn.loc[direction == "late"].sort_values(["g2", "word"], ascending=[False, True]).head(top)
    rows = max(len(early), len(late), 1)
    with style.house_style():
        fig = style.new_figure(figsize or (6.5, 1.0 + 0.2 * rows))
        ax = fig.add_subplot()
        style.house_axes(ax)
        for frame, sign, name in ((early, -1, "early"), (late, 1, "late")):
            pos = -np.arange(len(frame), dtype=float)
            g2 = frame["g2"].to_numpy(dtype=float)
            bars = ax.barh(pos, sign * g2, color=style.PERIOD_COLORS[name], height=0.7, label=name)
            for bar, p, v, word in zip(bars, pos, g2, frame["word"], strict=True):
                weak = v < SIGNIFICANT_G2
                if weak:
                    _mark_not_significant(bar, style.PERIOD_COLORS[name])
                ax.text(sign * (v + 0.01 * max(kn["g2"].max(), 1)), p, f" {word} ", va="center",
                        ha="left" if sign > 0 else "right", fontsize=7,
                        color=style.GREY if weak else "black")  # fmt: skip
        limit = max(float(kn["g2"].max()) * 1.45 if len(kn) else 1.0, SIGNIFICANT_G2 * 2)
        ax.set_xlim(-limit, limit)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{abs(v):g}"))
        ax.set_yticks([])
        ax.axvline(0, color="#999999", linewidth=0.6)
        for edge in (-SIGNIFICANT_G2, SIGNIFICANT_G2):
            ax.axvline(edge, color="#999999", linewidth=0.6, linestyle=(0, (2, 2)))
        ax.set_xlabel("G² (early ← → late); dotted: 3.84")
        handles, labels = ax.get_legend_handles_labels()
        if (kn["g2"].to_numpy(dtype=float) < SIGNIFICANT_G2).any():
            handles.append(_mark_not_significant(Patch(), style.GREY))
            labels.append("not significant (G² < 3.84, p > 0.05)")
        ax.legend(handles, labels, loc="lower right")
        ax.grid(False, axis="y")
        if title:
            style.figure_title(fig, title)
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
    need_columns(tvs, ("topic", "stance", "tone"), "tvs")
    chosen = chosen_topics(tvs, topics)
    with style.house_style():
        fig = style.new_figure(figsize or (2.6 * len(chosen) + 0.4, 3.2))
        axes = fig.subplots(1, len(chosen), sharey=True, squeeze=False)[0]
        for ax, topic in zip(axes, chosen, strict=True):
            style.house_axes(ax)
            rows = of_topic(tvs, topic)
            labels = list(LABELS_BY_TOPIC[topic])
            for i, lab in enumerate(labels):
                tone = rows.loc[rows["stance"].astype(str) == lab, "tone"].to_numpy(dtype=float)
                tone = tone[~np.isnan(tone)]
                if tone.size:
                    ax.scatter(
                        i + style.jitter(tone.size, 0.18, seed=i),
                        tone,
                        s=9,
                        color=style.LABEL_COLORS[lab],
                        alpha=0.6,
                        edgecolors="none",
                    )
                    ax.hlines(tone.mean(), i - 0.3, i + 0.3, color="black", linewidth=1.5)
            ax.set_xticks(np.arange(len(labels)), labels=labels)
            ax.set_xlim(-0.6, len(labels) - 0.4)
            ax.set_ylim(-1.05, 1.05)
            ax.axhline(0, color="#999999", linewidth=0.6)
            ax.set_title(style.topic_name(topic), loc="left", color=style.TOPIC_COLORS[topic])
            ax.grid(False, axis="x")
        axes[0].set_ylabel("tone (VADER compound)")
        if title:
            style.figure_title(fig, title)
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
        title: Figure title (wrapped to fit the figure's width).
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
    with style.house_style():
        fig = style.new_figure(figsize or (1.8 + 0.75 * n_cols, 1.4 + 0.6 * n_rows))
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
        ax.tick_params(labelsize=style.HOUSE_RC["xtick.labelsize"], length=0)
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
        bar.ax.tick_params(labelsize=style.HOUSE_RC["ytick.labelsize"])
        if title:
            style.figure_title(fig, title)
    return fig


def around_events_plot(
    around: pd.DataFrame, *, topic: str, title: str | None = None, figsize: tuple[float, float] | None = None
) -> Figure:
    """Each event's shift: mean score after minus before, with its interval and each side's documents.

    A filled point is a shift whose interval excludes zero; a hollow grey one is not
    significant (or has no interval: a window with fewer than two documents).

    Args:
        around: Output of :func:`~corpus_lib.analysis.breakdowns.around_events`.
        topic: The topic (its colour).
        title: Figure title.
        figsize: Size in inches (default grows with the number of events).

    Returns:
        The figure, one axes; events top to bottom by date.

    Example:
        >>> around = pd.DataFrame({"event": ["war"], "difference": [-1.0], "ci_low": [-1.5], "ci_high": [-0.4],
        ...     "significant": [True], "n_documents_before": [3], "n_documents_after": [4]})
        >>> len(around_events_plot(around, topic="russia").axes)
        1
    """
    need_columns(around, ("event", "difference", "ci_low", "ci_high", "significant",
                          "n_documents_before", "n_documents_after"), "around")  # fmt: skip
    with style.house_style():
        fig = style.new_figure(figsize or (6.4, 1.3 + 0.45 * max(len(around), 1)))
        ax = fig.add_subplot()
        style.house_axes(ax)
        pos = np.arange(len(around))[::-1].astype(float)
        diff = around["difference"].to_numpy(dtype=float)
        low, high = around["ci_low"].to_numpy(dtype=float), around["ci_high"].to_numpy(dtype=float)
        shown = ~np.isnan(low) & ~np.isnan(diff)
        if shown.any():
            ax.errorbar(diff[shown], pos[shown], xerr=style.yerr(diff[shown], low[shown], high[shown]),
                        fmt="none", ecolor="#333333", elinewidth=0.9, capsize=2)  # fmt: skip
        color = style.TOPIC_COLORS[topic]
        significant = around["significant"].to_numpy(dtype=bool)
        ax.scatter(diff[significant], pos[significant], color=color, zorder=3, s=28)
        faint = ~significant & ~np.isnan(diff)
        ax.scatter(diff[faint], pos[faint], facecolor="white", edgecolor=style.GREY, zorder=3, s=28)
        labels = [f"{e}\n(n = {b} / {a} documents)" for e, b, a in
                  zip(around["event"], around["n_documents_before"], around["n_documents_after"], strict=True)]  # fmt: skip
        ax.set_yticks(pos, labels=labels)
        ax.axvline(0, color="#999999", linewidth=0.6)
        ax.set_xlim(-2.1, 2.1)
        ax.set_xlabel("mean score after minus before")
        ax.grid(False, axis="y")
        if title:
            style.figure_title(fig, title)
    return fig


def statements_by_holder_plot(counts: pd.DataFrame, *, figsize: tuple[float, float] | None = None) -> Figure:
    """Stacked horizontal bars: each document's statements by holder, the first row on top.

    Args:
        counts: Statements per document (index, in the order to list them) and holder
            (columns), as :func:`corpus_lib.analysis.overview.statements_by_holder` returns.
        figsize: Size in inches (default grows with the number of documents).

    Returns:
        The figure, one axes.

    Example:
        >>> counts = pd.DataFrame({"NATO": [3, 0], "media": [1, 2]},
        ...                       index=pd.Index(["d1", "d2"], name="doc_id"))
        >>> len(statements_by_holder_plot(counts).axes)
        1
    """
    with style.house_style():
        fig = style.new_figure(figsize or (7.5, 1.2 + 0.32 * len(counts)))
        ax = fig.add_subplot()
        counts[::-1].plot.barh(stacked=True, ax=ax, width=0.75, color=[style.HOLDER_COLORS[h] for h in counts.columns])
        ax.set_xlabel("statements")
        ax.set_ylabel("")
        ax.grid(False, axis="y")
        ax.legend(title="holder", loc="upper left", bbox_to_anchor=(1.01, 1.0))
        style.figure_title(fig, "Statements per document (oldest on top), by holder")
    return fig


def removed_heatmap(chars: pd.DataFrame, *, figsize: tuple[float, float] | None = None) -> Figure:
    """Documents (rows) × cleaning reasons (columns): characters removed, colour on a log scale.

    Args:
        chars: Non-whitespace characters removed per document (index) and reason
            (columns), as :func:`corpus_lib.analysis.overview.removed_by_reason` returns;
            a row sums to the document's ``n_removed_chars``.
        figsize: Size in inches (default grows with the table).

    Returns:
        The figure, one axes; each cell shows its count, each row label its total.

    Example:
        >>> chars = pd.DataFrame({"widget": [12, 0], "byline": [40, 3000]}, index=["d1", "d2"])
        >>> len(removed_heatmap(chars).axes)
        1
    """
    values = chars.to_numpy()
    with style.house_style():
        fig = style.new_figure(figsize or (2.4 + 0.9 * chars.shape[1], 1.4 + 0.35 * len(chars)))
        ax = fig.add_subplot()
        ax.imshow(np.log1p(values), cmap="Oranges", aspect="auto", vmin=0)
        ax.set_xticks(range(chars.shape[1]), labels=chars.columns, rotation=30, ha="right")
        totals = values.sum(axis=1) if values.size else np.zeros(len(chars), dtype=int)
        ax.set_yticks(
            range(len(chars)), labels=[f"{doc} ({int(t):,} in all)" for doc, t in zip(chars.index, totals, strict=True)]
        )
        for (i, j), value in np.ndenumerate(values):
            ax.text(
                j, i, f"{value:,}", ha="center", va="center", fontsize=7, color="#333333" if value < 1000 else "white"
            )
        ax.grid(False)
        ax.tick_params(length=0)
        style.figure_title(fig, "Non-whitespace characters removed, by document and reason (colour on a log scale)")
    return fig


def agreement_plot(
    figures: pd.DataFrame,
    *,
    metrics: Sequence[str] | None = None,
    title: str | None = "Automatic vs hand codes, per topic",
    figsize: tuple[float, float] = (7.5, 3.4),
) -> Figure:
    """Agreement figures with their intervals, a panel per topic, against the 0.8 and 0.667 bars.

    Args:
        figures: Rows ``topic, metric, value, ci_low, ci_high`` (an evaluation report's
            table, e.g. :func:`corpus_lib.evaluation.validation.agreement_figures`).
        metrics: The metrics to list, top to bottom; those of ``figures`` in frame order
            by default.
        title: Figure title.
        figsize: Size in inches.

    Returns:
        The figure, one axes per topic (in frame order).

    Example:
        >>> figures = pd.DataFrame({"topic": ["russia", "russia"],
        ...     "metric": ["topic_f1", "stance_alpha"], "value": [0.9, 0.7],
        ...     "ci_low": [0.8, 0.5], "ci_high": [1.0, 0.85]})
        >>> len(agreement_plot(figures).axes)
        1
    """
    need_columns(figures, ("topic", "metric", "value", "ci_low", "ci_high"), "figures")
    chosen = list(dict.fromkeys(figures["metric"])) if metrics is None else list(metrics)
    topics = list(dict.fromkeys(figures["topic"]))
    with style.house_style():
        fig = style.new_figure(figsize)
        axes = fig.subplots(1, len(topics), sharey=True, squeeze=False)[0]
        for ax, topic in zip(axes, topics, strict=True):
            rows = figures.loc[figures["topic"] == topic].set_index("metric").reindex(chosen)
            position = np.arange(len(chosen))
            ax.errorbar(
                rows["value"],
                position,
                xerr=np.abs(np.vstack([rows["value"] - rows["ci_low"], rows["ci_high"] - rows["value"]])),
                fmt="o",
                color=style.TOPIC_COLORS[topic],
                capsize=2.5,
            )
            ax.axvline(0.8, color="#333333", linewidth=0.8, linestyle=(0, (3, 2)))
            ax.axvline(0.667, color="#999999", linewidth=0.8, linestyle=(0, (3, 2)))
            ax.set_yticks(position, labels=chosen)
            ax.set_xlim(0, 1.02)
            ax.invert_yaxis()
            ax.set_title(style.topic_name(topic), loc="left", color=style.TOPIC_COLORS[topic])
        axes[0].set_xlabel("value (95% interval); dashed: 0.8 and 0.667")
        if title:
            style.figure_title(fig, title)
    return fig
