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
        table: The positioned statements behind the chart, oldest first (an
            ``ipywidgets.HTML``, text escaped).
        data: The statements behind the current figure (``analysis.quotes``), oldest first.
        periods: The yearly summary per holder behind the current figure
            (``analysis.holder_comparison`` by year).
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
        who = ", ".join(holders) if holders else "no holder"
        title = f"{plots.topic_name(topic)}: {who}, {first}–{last}"
        if holders:  # a series per holder: pooling them would hide who holds which position
            self.periods = analysis.holder_comparison(chosen, holders=list(holders), topic=topic, freq_or_bins="year")
            self.data = _by_date(analysis.quotes(chosen, self.corpus.statements, self.corpus.documents, topic=topic,
                                                 holders=list(holders)))  # fmt: skip
            new = plots.stance_timeline_plotly(
                self.periods, statements=self.data, topics=topic, by="holder", title=title
            )
        else:  # nothing selected: draw the empty chart, say why
            self.periods = analysis.stance_by_period(chosen.iloc[0:0], topic=topic)
            self.data = analysis.quotes(chosen.iloc[0:0], self.corpus.statements, self.corpus.documents, topic=topic)
            new = plots.stance_timeline_plotly(self.periods, statements=self.data, topics=topic, title=title)
        self.current = new
        self.status.value = _status(self.data, topic, who, first, last)
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


def _by_date(statements: pd.DataFrame) -> pd.DataFrame:
    """The statements oldest first (statement id within a date), as the table lists them."""
    return statements.sort_values(["date", "statement_id"], kind="mergesort").reset_index(drop=True)


def _status(data: pd.DataFrame, topic: str, who: str, first: int, last: int) -> str:
    """The line above the chart: how many statements and documents the selection holds (text escaped)."""
    import html

    from corpus_lib.analysis.style import counted

    if data.empty:
        return f"No statement on <b>{html.escape(topic)}</b> by {html.escape(who)} in {first}–{last}."
    positioned = int(data["score"].notna().sum())
    n = len(data)
    return (
        f"<b>{n}</b> {'statement' if n == 1 else 'statements'} on <b>{html.escape(topic)}</b> by {html.escape(who)} "
        f"in {first}–{last}, from {counted(data['doc_id'].nunique(), 'document')}; "
        f"{positioned} {'takes' if positioned == 1 else 'take'} a position."
    )


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
    statements, one series per holder (named holder and topic, in the holder's colour):
    yearly means with their intervals and every positioned statement, whose hover text
    shows the sentence, speaker and source, escaped. It lives here,
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
        "holders": widgets.SelectMultiple(
            options=list(HOLDERS), value=chosen, rows=len(HOLDERS), description="holders"
        ),
        "years": widgets.IntRangeSlider(
            min=first,
            max=last,
            value=(low, high),
            step=1,
            description="years",
            continuous_update=False,
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
    explorer.widget = widgets.VBox([widgets.HBox(list(controls.values())), explorer.status, view, explorer.table])
    return explorer
