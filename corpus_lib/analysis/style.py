"""The house style of the charts: colours, matplotlib rcParams, plotly layout, axes helpers.

Every chart of :mod:`corpus_lib.analysis.plots` and :mod:`corpus_lib.analysis.plotly_charts`
takes its colours and fonts from here, so a topic, a label or a holder has one colour
everywhere. matplotlib is imported inside the functions that need it, so importing this
module stays cheap.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from corpus_lib.vocab import LABEL_SCORES, LABELS_BY_TOPIC

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "HOLDER_COLORS",
    "HOUSE_RC",
    "LABEL_COLORS",
    "PERIOD_COLORS",
    "PLOTLY_LAYOUT",
    "TOPIC_COLORS",
    "house_style",
]

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
GREY = "#7F7F7F"
FONT = "DejaVu Sans"  # ships with matplotlib: the same glyphs on every machine

HOUSE_RC: dict[str, Any] = {
    "font.family": FONT,
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
    "font": {"family": f"{FONT}, Arial, sans-serif", "size": 12},
    "hoverlabel": {"font": {"family": f"{FONT}, Arial, sans-serif", "size": 12}, "align": "left"},
    "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
    "hovermode": "closest",
}
"""Layout settings shared by the plotly figures."""

EVENT_FONT = 6.5  # points: event labels on the timelines
EVENT_WRAP = 22  # characters per line of an event label


@contextlib.contextmanager
def house_style() -> Iterator[None]:
    """Apply the house rcParams for the duration of a ``with`` block.

    The chart functions use it themselves; use it for a hand-made matplotlib figure
    that should match them.

    Example:
        >>> import matplotlib
        >>> with house_style():
        ...     matplotlib.rcParams["font.size"]
        9.0
    """
    import matplotlib as mpl

    with mpl.rc_context(HOUSE_RC):
        yield


def house_axes(ax: Axes) -> None:
    """Settings that must survive drawing outside the house-style context."""
    ax.tick_params(labelsize=HOUSE_RC["xtick.labelsize"])
    ax.grid(True, color=HOUSE_RC["grid.color"], linewidth=HOUSE_RC["grid.linewidth"])
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def new_figure(figsize: tuple[float, float]) -> Figure:
    """A matplotlib ``Figure`` with constrained layout, outside pyplot (nothing kept alive or shown)."""
    from matplotlib.figure import Figure

    return Figure(figsize=figsize, layout="constrained")


def jitter(n: int, spread: float, seed: int = 0) -> np.ndarray:
    """Deterministic jitter (same seed, same offsets)."""
    return np.random.default_rng(seed).uniform(-spread, spread, size=n)


def yerr(mean: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Error-bar extents; never negative (rounding can put a mean a hair outside)."""
    return np.maximum(np.vstack([mean - low, high - mean]), 0.0)


def score_ticks(ax: Axes, topic: str | None) -> None:
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
