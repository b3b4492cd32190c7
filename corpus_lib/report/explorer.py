"""An interactive stance timeline in a notebook: topic, holders and years chosen with widgets.

The explorer redraws the chart and the table of the statements behind it on every change;
``06-explorer`` shows it. Widgets and plotly are imported when an explorer is made, so
importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from corpus_lib.vocab import HOLDERS, TOPICS

__all__ = ["StanceExplorer", "stance_explorer"]


@dataclass(eq=False)
class StanceExplorer:
    """An interactive stance timeline for a notebook; made by :func:`stance_explorer`.

    Call :meth:`show` (or display ``widget``) to show it: the controls (topic, holders,
    years), a line on the selection, the figure, and the table of the statements behind it.

    Attributes:
        controls: The widgets, by name: ``topic``, ``holders``, ``years``.
        widget: All of it, an ``ipywidgets.VBox``.
        figure: The figure on screen: a ``plotly.graph_objects.FigureWidget`` where
            ``anywidget`` is installed (updated in place; it gives its traces random
            ``uid`` values), else a plain ``go.Figure`` whose plotly JSON is set as the
            ``outputs`` of an ``ipywidgets.Output`` on each change. (Not ``with output:
            display(...)``: a headless run, nbclient, can stall syncing captured output.)
        current: The current selection's chart as a plain ``go.Figure`` with the fixed
            trace ids of :func:`~corpus_lib.analysis.plots.stance_timeline_plotly`: export this one.
        table: The statements behind the chart (an ``ipywidgets.HTML``, text escaped).
        data: The statements behind the current figure (``analysis.quotes``).
        periods: The yearly summary behind the current figure (``analysis.stance_by_period``).
        live: Whether ``figure`` is a ``FigureWidget``.
    """

    corpus: object
    controls: dict
    widget: object = None
    figure: object = None
    current: object = None
    status: object = None
    table: object = None
    output: object = None
    data: pd.DataFrame | None = None
    periods: pd.DataFrame | None = None
    live: bool = False
    max_rows: int = 25

    def selection(self) -> tuple[str, tuple[str, ...], tuple[int, int]]:
        """The current (topic, holders, (first year, last year))."""
        c = self.controls
        return c["topic"].value, tuple(c["holders"].value), tuple(c["years"].value)

    def show(self) -> None:
        """Display the explorer (in a notebook)."""
        from IPython.display import display

        display(self.widget)

    def update(self, change=None) -> None:
        """Recompute the selection's tables and redraw (the widgets' callback)."""
        import html
        import json

        import pandas as pd
        import plotly.graph_objects as go
        import plotly.io as pio

        from corpus_lib import analysis
        from corpus_lib.analysis import plots

        topic, holders, (first, last) = self.selection()
        stances = self.corpus.stances
        years = pd.to_datetime(stances["date"]).dt.year
        chosen = stances.loc[years.between(first, last)]
        if not holders:  # nothing selected: draw the empty chart, say why
            chosen, holders_arg = chosen.iloc[0:0], None
        else:
            holders_arg = list(holders)
        self.periods = analysis.stance_by_period(chosen, topic=topic, holders=holders_arg)
        self.data = analysis.quotes(
            chosen, self.corpus.statements, self.corpus.documents, topic=topic, holders=holders_arg
        )
        who = ", ".join(holders) if holders else "no holder"
        new = plots.stance_timeline_plotly(
            self.periods, statements=self.data, topics=topic, title=f"{topic}: {who}, {first}–{last}"
        )
        self.current = new
        positioned = int(self.data["score"].notna().sum())
        if self.data.empty:
            line = f"No statement on <b>{html.escape(topic)}</b> by {html.escape(who)} in {first}–{last}."
        else:
            line = (
                f"<b>{len(self.data)}</b> statements on <b>{html.escape(topic)}</b> by {html.escape(who)} "
                f"in {first}–{last}, from {self.data['doc_id'].nunique()} documents; {positioned} take a position."
            )
        self.status.value = line
        shown = self.data.loc[self.data["score"].notna(), ["date", "holder", "speaker", "stance", "text"]]
        shown = shown.assign(date=shown["date"].dt.strftime("%Y-%m-%d")).head(self.max_rows)
        self.table.value = shown.to_html(index=False, escape=True, border=0) if len(shown) else ""
        if self.live:
            with self.figure.batch_update():
                self.figure.data = []
                self.figure.add_traces(list(new.data))
                self.figure.layout = new.layout
        else:
            self.figure = go.Figure(new)
            spec = json.loads(pio.to_json(self.figure, validate=False))
            spec["config"] = {"displaylogo": False}
            bundle = {"application/vnd.plotly.v1+json": spec, "text/plain": f"<plotly figure: {topic}, {who}>"}
            self.output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)


def stance_explorer(
    corpus,
    *,
    topic: str = "russia",
    holders: Iterable[str] = ("NATO",),
    date_from: str | None = None,
    date_to: str | None = None,
) -> StanceExplorer:
    """Widgets (topic dropdown, holder multi-select, year range slider) driving a stance timeline.

    The figure is :func:`corpus_lib.analysis.plots.stance_timeline_plotly` of the selected
    statements (yearly means with their intervals and every positioned statement,
    whose hover text shows the sentence, speaker and source, escaped). It lives here,
    not in the notebook, because widgets need a callback and notebooks hold no
    function definitions. Executed headless (papermill), the widgets show their
    initial state; a selection with no statements shows an empty chart and says so.

    Args:
        corpus: A loaded :class:`~corpus_lib.corpus.Corpus` (with ``stances``).
        topic: The topic selected at first.
        holders: The holders selected at first (unknown names are ignored).
        date_from: First day of the initial year range (its year is used); the
            corpus's first year by default.
        date_to: Last day of the initial year range; the corpus's last year by default.

    Returns:
        A :class:`StanceExplorer`; call its :meth:`~StanceExplorer.show`.
    """
    import ipywidgets as widgets

    if corpus.stances is None:
        raise ValueError("the corpus has no stances: load it with load_corpus(..., stances=True)")
    if topic not in TOPICS:
        raise ValueError(f"unknown topic {topic!r}; expected one of {list(TOPICS)}")
    dates = pd.to_datetime(corpus.documents["date"]).dropna()
    want = [pd.Timestamp(d).year if d is not None else None for d in (date_from, date_to)]
    first = int(dates.dt.year.min()) if len(dates) else (want[0] or 2005)
    last = int(dates.dt.year.max()) if len(dates) else (want[1] or first)
    low = min(max(want[0] if want[0] is not None else first, first), last)
    high = max(min(want[1] if want[1] is not None else last, last), low)
    chosen = tuple(h for h in HOLDERS if h in set(holders))
    controls = {
        "topic": widgets.Dropdown(options=list(TOPICS), value=topic, description="topic"),
        "holders": widgets.SelectMultiple(options=list(HOLDERS), value=chosen, rows=len(HOLDERS), description="holders"),
        "years": widgets.IntRangeSlider(
            min=first, max=last, value=(low, high), step=1, description="years", continuous_update=False,
            layout=widgets.Layout(width="380px"),
        ),
    }
    explorer = StanceExplorer(corpus=corpus, controls=controls)
    explorer.status = widgets.HTML()
    explorer.table = widgets.HTML()
    try:
        import plotly.graph_objects as go

        explorer.figure = go.FigureWidget()  # needs anywidget (plotly >= 6)
        explorer.live = True
        view = explorer.figure
    except ImportError:
        explorer.output = widgets.Output()
        view = explorer.output
    explorer.update()
    for control in controls.values():
        control.observe(explorer.update, names="value")
    explorer.widget = widgets.VBox(
        [widgets.HBox(list(controls.values())), explorer.status, view, explorer.table]
    )
    return explorer
