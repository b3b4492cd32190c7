"""The house style of the charts: colours, matplotlib rcParams, plotly layout, axes helpers.

Every chart of :mod:`corpus_lib.analysis.plots` and :mod:`corpus_lib.analysis.plotly_charts`
takes its colours and fonts from here, so a topic, a label or a holder has one colour
everywhere. matplotlib is imported inside the functions that need it, so importing this
module stays cheap.
"""

from __future__ import annotations

import contextlib
import textwrap
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
    "counted",
    "house_style",
    "topic_name",
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
EVENT_COLOR = "#3F3F3F"
"""Events: a dark grey no series uses, drawn dashed, so an event line never reads as data."""
EVENT_DASH = (0, (4, 2.5))
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
    "hoverlabel": {"font": {"family": f"{FONT}, Arial, sans-serif", "size": 12}, "align": "left", "namelength": -1},
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


def score_labels(topic: str | None) -> list[str]:
    """Tick texts of the score axis at −1, 0, +1; for one topic they also name its labels.

    Example:
        >>> score_labels("russia")
        ['−1 adversarial', '0', '+1 cooperative']
    """
    text = {-1.0: "−1", 0.0: "0", 1.0: "+1"}
    if topic is not None:
        for value in text:
            names = [lab for lab in LABELS_BY_TOPIC[topic] if LABEL_SCORES[lab] == value]
            if names:
                text[value] += " " + "/".join(names)
    return list(text.values())


def score_ticks(ax: Axes, topic: str | None) -> None:
    """Y axis from −1 to +1; for one topic the ticks also name its labels."""
    ax.set_ylim(-1.2, 1.2)
    ax.set_yticks([-1, 0, 1])
    ax.set_yticklabels(score_labels(topic))


def topic_name(topic: str) -> str:
    """A topic as titles write it: ``Karabakh``, ``Russia``, ``Membership``.

    Example:
        >>> topic_name("russia")
        'Russia'
    """
    return str(topic)[:1].upper() + str(topic)[1:]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``1 document``, ``2 documents``: a count with its noun in the right number.

    Example:
        >>> counted(1, "document"), counted(0, "statement"), counted(3, "reply", "replies")
        ('1 document', '0 statements', '3 replies')
    """
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def text_width(text: str, fontsize: float) -> float:
    """Width in inches of the widest line of ``text`` in the house font, measured without a renderer.

    Rounded to a thousandth of an inch: the font engine's last digits depend on what it
    measured before, and a layout sized from them would differ between two runs.
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(family=FONT, size=fontsize)
    measure = TextToPath()
    widest = max(measure.get_text_width_height_descent(line, prop, ismath=False)[0] for line in text.split("\n"))
    return round(widest / 72, 3)


def fit_text(text: str, width_in: float, fontsize: float) -> str:
    """``text`` wrapped at spaces into the longest lines that are each at most ``width_in`` wide.

    A word wider than ``width_in`` on its own stays whole; matplotlib does not wrap a
    title to its figure, so a long title is cut at the figure's edge without this.

    Example:
        >>> fit_text("NATO on Membership: labels per year", 1.5, 10)
        'NATO on\\nMembership: labels\\nper year'
    """
    if text_width(text, fontsize) <= width_in:
        return text
    for chars in range(len(text) - 1, 0, -1):
        wrapped = textwrap.fill(text, chars, break_long_words=False, break_on_hyphens=False)
        if text_width(wrapped, fontsize) <= width_in:
            return wrapped
    return textwrap.fill(text, 1, break_long_words=False)


def figure_title(fig: Figure, title: str, *, fontsize: float | None = None) -> None:
    """The figure's title, at its top left, wrapped so that it fits the figure's width."""
    size = fontsize or HOUSE_RC["axes.titlesize"]
    fig.suptitle(fit_text(title, fig.get_figwidth() - 0.25, size), x=0.01, ha="left", fontsize=size)
