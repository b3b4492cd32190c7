"""The report: run every notebook headless and export every chart, atomically.

Notebooks call :func:`export_chart` for each chart they draw; it writes, under
``<output_dir>/figures/``:

- a matplotlib figure as ``NAME.png`` (300 dpi), ``NAME.svg`` and ``NAME.pdf``;
- a plotly figure as a standalone offline ``NAME.html`` and its spec ``NAME.plotly.json``
  (the report turns the specs into ``NAME.png``/``NAME.svg`` with kaleido, one browser for
  all of them, where a Chrome is found);
- the data behind the chart as ``NAME.csv``.

:func:`run_report` (``corpus-lib report``) builds the tables, executes the notebooks with
papermill into ``reports/notebooks/`` (and renders each to HTML), then makes the plotly
static images. Everything is written into a temporary folder that replaces the previous
report only when all of it succeeded.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from corpus_lib.paths import NOTEBOOKS_DIR, REPORTS_DIR

FIGURES = "figures"
TABLES = "tables"
NOTEBOOK_OUT = "notebooks"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


def _figure_kind(fig) -> str:
    module = type(fig).__module__
    if module.startswith("matplotlib"):
        return "matplotlib"
    if module.startswith("plotly"):
        return "plotly"
    raise TypeError(f"not a matplotlib or plotly figure: {type(fig).__name__}")


def export_chart(fig, name: str, *, output_dir: str | Path, data: pd.DataFrame | None = None) -> list[Path]:
    """Write one chart (and the data behind it) into ``output_dir/figures``.

    Args:
        fig: A matplotlib ``Figure`` or a plotly ``Figure``.
        name: File stem: lower-case letters, digits, ``-`` and ``_`` (``"russia-timeline"``).
        output_dir: The report folder (the notebooks' ``output_dir`` parameter).
        data: The tidy frame the chart draws, written as ``NAME.csv``.

    Returns:
        The paths written.

    Example:
        >>> import tempfile
        >>> from matplotlib.figure import Figure
        >>> fig = Figure(figsize=(2, 1)); _ = fig.add_subplot().plot([0, 1])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     [p.name for p in export_chart(fig, "demo", output_dir=tmp)]
        ['demo.png', 'demo.svg', 'demo.pdf']
    """
    from corpus_lib import export

    if not _NAME.match(name):
        raise ValueError(f"chart name {name!r}: use lower-case letters, digits, '-' and '_'")
    folder = Path(output_dir) / FIGURES
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / name
    if _figure_kind(fig) == "matplotlib":
        written = export.save_matplotlib(fig, stem, formats=("png", "svg", "pdf"), dpi=300)
    else:
        written = [export.save_plotly_html(fig, stem.with_name(name + ".html"), div_id=f"fig-{name}")]
        spec = json.dumps(fig.to_plotly_json(), sort_keys=True, default=str, ensure_ascii=False)
        written.append(export._write_bytes(stem.with_name(name + ".plotly.json"), spec.encode("utf-8")))
    if data is not None:
        written.append(export.save_table(data, stem.with_name(name + ".csv")))
    return written


def notebooks(folder: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The report's notebooks, in order (``NN-name.ipynb``)."""
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))


@dataclass
class ReportResult:
    """What a report run did, with timings (seconds) per step."""

    out: Path
    timings: dict[str, float] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _stable_notebook(path: Path) -> None:
    """Drop the run's timestamps and durations from an executed notebook, so reruns diff cleanly."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb.get("metadata", {}).pop("papermill", None)
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {})
        meta.pop("papermill", None)
        meta.pop("execution", None)
    path.write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _to_html(notebook: Path, target: Path) -> None:
    """Render an executed notebook as an offline HTML page (no CDN scripts).

    - The saved widget state is left out: with it, nbconvert adds a script that loads
      the widget manager (``@jupyter-widgets/html-manager``) from a CDN when the page
      opens. Widgets cannot run in a static page anyway; their cells stay empty there.
    - ``<script src>``/``<link href>`` tags pointing at the network (plotly's
      ``notebook`` renderer asks for MathJax from a CDN with every figure) and the
      empty ``<script src="">`` placeholders of the switched-off require.js and
      MathJax are removed. plotly.js itself is embedded once by the notebooks'
      renderer (``plotly_mimetype+notebook``), so the figures draw offline.
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.require_js_url = ""
    exporter.mathjax_url = ""
    exporter.exclude_anchor_links = True
    exporter.embed_images = True
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata.pop("widgets", None)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook.stem}})
    body = re.sub(r'<script[^>]*src="(?:https?:)?//[^"]*"[^>]*>\s*</script>\s*', "", body)
    body = re.sub(r'<script src="">\s*</script>\s*', "", body)
    body = re.sub(r'<link[^>]*href="(?:https?:)?//[^"]*"[^>]*/?>\s*', "", body)
    target.write_text(body, encoding="utf-8")


def run_report(
    corpus: str | Path | None = None,
    out: str | Path = REPORTS_DIR,
    *,
    only: Sequence[str] | None = None,
    static_images: bool = True,
    progress: bool = True,
    kernel: str = "python3",
    timeout: float = 600.0,
    static_timeout: float = 60.0,
    parameters: dict | None = None,
) -> ReportResult:
    """Build the tables, execute the notebooks headless and export every chart.

    Args:
        corpus: Corpus folder (default: the seed corpus).
        out: Report folder, replaced atomically (default ``reports/``).
        only: Run only the notebooks whose names start with these prefixes (``["01", "02"]``).
        static_images: Turn plotly charts into PNG/SVG with kaleido when a Chrome is found.
        progress: Show a progress bar.
        kernel: Jupyter kernel to run the notebooks with.
        timeout: Time limit per notebook cell, seconds.
        static_timeout: Time limit for each plotly static export, seconds.
        parameters: Extra notebook parameters (``date_from``, ``date_to``, ``holders``).

    Returns:
        A :class:`ReportResult` (paths written, timings, messages).
    """
    import papermill
    from tqdm.auto import tqdm

    from corpus_lib.corpus import load_corpus
    from corpus_lib.write import atomic_folder, write_frame

    out = Path(out).resolve()
    corpus_dir = str(Path(corpus).resolve()) if corpus is not None else None
    chosen = [nb for nb in notebooks() if not only or any(nb.name.startswith(p) for p in only)]
    if not chosen:
        raise ValueError(f"no notebooks match {only!r} in {NOTEBOOKS_DIR}")
    result = ReportResult(out=out)
    with atomic_folder(out) as staging:
        bar = tqdm(total=len(chosen) + 2, disable=not progress, desc="report", unit="step")
        started = time.perf_counter()
        loaded = load_corpus(corpus_dir)
        (staging / TABLES).mkdir()
        for name in ("documents", "statements", "removed", "stances"):
            write_frame(getattr(loaded, name), staging / TABLES / f"{name}.csv", "csv")
        result.timings["tables"] = time.perf_counter() - started
        bar.update()
        (staging / NOTEBOOK_OUT).mkdir()
        for nb in chosen:
            bar.set_postfix_str(nb.stem)
            started = time.perf_counter()
            executed = staging / NOTEBOOK_OUT / nb.name
            papermill.execute_notebook(
                str(nb),
                str(executed),
                parameters={"corpus_dir": corpus_dir, "output_dir": str(staging), **(parameters or {})},
                kernel_name=kernel,
                cwd=str(nb.parent),
                progress_bar=False,
                execution_timeout=timeout,
            )
            _stable_notebook(executed)
            _to_html(executed, executed.with_suffix(".html"))
            result.timings[nb.stem] = time.perf_counter() - started
            bar.update()
        started = time.perf_counter()
        if static_images:
            result.messages += _static_images(staging / FIGURES, timeout=static_timeout, progress=bar)
        result.timings["plotly_static"] = time.perf_counter() - started
        bar.update()
        bar.close()
    result.files = sorted(p for p in out.rglob("*") if p.is_file())
    return result


def _static_images(folder: Path, *, timeout: float, progress=None) -> list[str]:
    """PNG and SVG of every ``*.plotly.json`` in ``folder`` (one browser for all)."""
    from corpus_lib import export

    specs = sorted(folder.glob("*.plotly.json"))
    if not specs:
        return []
    if export.find_chrome() is None:
        return [
            "no Chrome/Chromium found: plotly charts are exported as HTML only "
            "(install Debian's 'chromium' for PNG/SVG; the matplotlib charts are complete)"
        ]
    messages = []
    for spec in specs:
        if progress is not None:
            progress.set_postfix_str(spec.name)
        stem = spec.with_name(spec.name[: -len(".plotly.json")])
        outcome = export.save_plotly_static(json.loads(spec.read_text(encoding="utf-8")), stem,
                                            formats=("png", "svg"), timeout=timeout)
        if not outcome:
            messages.append(f"{stem.name}: {outcome.message}")
            break  # the browser is not working; do not wait on it for every chart
    export.stop_static_server()
    return messages


# ----------------------------------------------------------------------------- explorer


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
            trace ids of :func:`~corpus_lib.plots.stance_timeline_plotly`: export this one.
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

        import plotly.graph_objects as go
        import plotly.io as pio

        from corpus_lib import analysis, plots

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

    The figure is :func:`corpus_lib.plots.stance_timeline_plotly` of the selected
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

    from corpus_lib.analysis import HOLDERS, TOPICS

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


def report_files(out: str | Path) -> dict[str, list[Path]]:
    """The files of a report folder by kind (``figures``, ``tables``, ``notebooks``)."""
    out = Path(out)
    return {kind: sorted(p for p in (out / kind).rglob("*") if p.is_file()) for kind in (FIGURES, TABLES, NOTEBOOK_OUT)}


def describe(result: ReportResult) -> str:
    """A short text on a finished report: where it is, what it holds, where the time went."""
    counts = {k: len(v) for k, v in report_files(result.out).items()}
    total = sum(result.timings.values()) or 1.0
    lines = [f"report written to {result.out}: " + ", ".join(f"{n} {k} files" for k, n in counts.items())]
    for step, seconds in result.timings.items():
        lines.append(f"  {step:<24} {seconds:6.1f} s  {100 * seconds / total:4.0f}%")
    lines += [f"  note: {m}" for m in result.messages]
    return "\n".join(lines)


__all__: Iterable[str] = [
    "export_chart", "run_report", "notebooks", "ReportResult", "report_files", "describe",
    "StanceExplorer", "stance_explorer",
]
