"""The report: run every notebook headless and export every chart, atomically.

Notebooks call :func:`export_chart` for each chart they draw; it writes, under
``<output_dir>/figures/``:

- a matplotlib figure as ``NAME.png`` (300 dpi), ``NAME.svg`` and ``NAME.pdf``;
- a plotly figure as a standalone offline ``NAME.html`` and its spec ``NAME.plotly.json``
  (the report turns the specs into ``NAME.png``/``NAME.svg`` with kaleido, one browser for
  all of them, where a Chrome is found);
- the data behind the chart as ``NAME.csv``.

:func:`run_report` (``corpus-lib report``) builds the tables once, then executes the
notebooks with papermill into ``reports/notebooks/``, several at a time in worker
processes (one per core by default), each reading the tables back from Parquet
(its ``tables_dir`` parameter) instead of parsing the corpus again, and rendering itself
to HTML; the plotly static images of a notebook are made as soon as it is done.
Everything is written into a temporary folder that replaces the previous report only
when all of it succeeded. Each notebook writes only its own files, so the bytes do not
depend on the order in which they finish.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from corpus_lib.analysis import export
from corpus_lib.analysis.export import EXPORT_LOG, FIGURES
from corpus_lib.paths import NOTEBOOKS_DIR, REPORTS_DIR, SEEDS_DIR

if TYPE_CHECKING:  # pragma: no cover
    pass

TABLES = "tables"
NOTEBOOK_OUT = "notebooks"
# What a report folder held before the marker file existed: such a folder is still the report's own.
REPORT_NAMES = (FIGURES, TABLES, NOTEBOOK_OUT)


def notebooks(folder: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The report's notebooks, in order (``NN-name.ipynb``)."""
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))


class NotebookFailed(RuntimeError):
    """A notebook of the report failed; the message names it and the cell that failed.

    Example:
        >>> str(NotebookFailed("02-russia.ipynb", "cell 3: ValueError: unknown holders ['x']"))
        "notebook 02-russia.ipynb failed: cell 3: ValueError: unknown holders ['x']"
    """

    def __init__(self, notebook: str, detail: str) -> None:
        super().__init__(notebook, detail)  # both in args, so it crosses process boundaries
        self.notebook = notebook
        self.detail = detail

    def __str__(self) -> str:
        return f"notebook {self.notebook} failed: {self.detail}"


@dataclass
class ReportResult:
    """What a report run did, with timings in seconds.

    Attributes:
        out: The report folder.
        timings: Wall-clock time per stage, in order: ``tables`` (parse the corpus, write
            the tables), ``notebooks`` (all notebooks, ``workers`` at a time, with the
            plotly static images made meanwhile), ``plotly_static`` (static images still
            to make after the last notebook), ``total``.
        notebooks: Per notebook (in notebook order): ``seconds`` from start to finish in
            its worker, ``start`` (when it started, seconds after the run did), ``cpu`` (CPU seconds of the worker and the kernel: what the
            notebook costs whatever else runs on the machine), and of ``seconds`` ``kernel`` (starting and stopping the kernel, papermill),
            ``setup`` (the cell that imports and loads the corpus; in the topic notebooks it
            also makes the section), ``cells`` (all cells,
            ``setup`` included) and ``html`` (rendering the executed notebook as HTML).
        exports: Per export format (``matplotlib png``, ``plotly html``, ``csv``,
            ``kaleido png``, ``notebook html`` …): ``files`` written and ``seconds`` spent.
        workers: Notebooks run at a time.
        messages: Notes for the reader (a missing browser, …).
        files: Every file of the report.
    """

    out: Path
    timings: dict[str, float] = field(default_factory=dict)
    notebooks: dict[str, dict[str, float]] = field(default_factory=dict)
    exports: dict[str, dict[str, float]] = field(default_factory=dict)
    workers: int = 1
    messages: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def add_export(self, fmt: str, seconds: float, files: int = 1) -> None:
        entry = self.exports.setdefault(fmt, {"files": 0, "seconds": 0.0})
        entry["files"] += files
        entry["seconds"] += seconds

    def to_json(self) -> str:
        """Timings, messages and file count as JSON (``corpus-lib report --json``)."""
        return json.dumps(
            {"out": str(self.out), "workers": self.workers, "timings": self.timings, "notebooks": self.notebooks,
             "exports": self.exports, "messages": self.messages, "files": len(self.files)},
            indent=1,
        )


_SETUP = re.compile(r"\b(?:load_corpus|topic_notebook)\(")
"""The set-up cell's call: it reads the corpus (``topic_notebook`` also makes the topic's section)."""
_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")


def _stable_notebook(path: Path, *, staging: str | None = None, final: str | None = None) -> dict[str, float]:
    """Make an executed notebook byte-stable, so reruns diff cleanly; return the cell durations it drops.

    - the run's timestamps and durations go (returned: ``cells``, all code cells, and
      ``setup``, the cell that loads the corpus: ``load_corpus`` or ``topic_notebook``);
    - the cell papermill adds for the parameters gets a fixed id;
    - random UUIDs in the cells' outputs (the ``div`` ids of plotly's notebook renderer)
      become ``00000000-0000-0000-0000-000000000001`` and so on, in order of appearance;
    - the staging folder's path (in the parameters, and anywhere else) becomes the
      report folder's, ``final``, which is what the staging folder becomes.

    The saved state of ipywidgets (06's explorer) keeps its random model ids: they key
    a mapping whose order depends on them.
    """
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb.get("metadata", {}).pop("papermill", None)
    durations = {"cells": 0.0, "setup": 0.0}
    stable: dict[str, str] = {}

    def fixed(match: re.Match) -> str:
        return stable.setdefault(match.group(0), str(uuid.UUID(int=len(stable) + 1)))

    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {})
        seconds = (meta.pop("papermill", None) or {}).get("duration") or 0.0
        meta.pop("execution", None)
        durations["cells"] += seconds
        if cell.get("cell_type") == "code" and _SETUP.search("".join(cell.get("source", ""))):
            durations["setup"] += seconds
        if "injected-parameters" in meta.get("tags", []):
            cell["id"] = "injected-parameters"
        if cell.get("outputs"):
            cell["outputs"] = json.loads(_UUID.sub(fixed, json.dumps(cell["outputs"], sort_keys=True)))
    text = json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if staging and final:
        text = text.replace(staging, final)
    path.write_text(text, encoding="utf-8")
    return durations


@functools.cache
def _html_exporter():
    """One exporter per process (a worker renders several notebooks; the templates load once)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.require_js_url = ""
    exporter.mathjax_url = ""
    exporter.exclude_anchor_links = True
    exporter.embed_images = True
    return exporter


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

    exporter = _html_exporter()
    nb = nbformat.read(notebook, as_version=4)
    nb.metadata.pop("widgets", None)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook.stem}})
    body = re.sub(r'<script[^>]*src="(?:https?:)?//[^"]*"[^>]*>\s*</script>\s*', "", body)
    body = re.sub(r'<script src="">\s*</script>\s*', "", body)
    body = re.sub(r'<link[^>]*href="(?:https?:)?//[^"]*"[^>]*/?>\s*', "", body)
    target.write_text(body, encoding="utf-8")


def _failure(err: BaseException) -> str:
    """One line on why papermill stopped: the cell, its first line, the error."""
    ename = getattr(err, "ename", None)
    if ename is None:
        return f"{type(err).__name__}: {err}"
    first = next((line.strip() for line in (getattr(err, "source", "") or "").splitlines()
                  if line.strip() and not line.lstrip().startswith("#")), "")
    where = f"cell {getattr(err, 'exec_count', '?')}" + (f" ({first[:80]})" if first else "")
    return f"{where}: {ename}: {getattr(err, 'evalue', '')}"


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished children (the kernels)."""
    import resource

    return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for f in ("ru_utime", "ru_stime"))


def _run_notebook(
    notebook: str, executed: str, parameters: dict, kernel: str, timeout: float, log: str, staging: str, final: str
) -> dict:
    """Execute one notebook with papermill (in a worker process), stabilise it, render its HTML.

    Raises:
        NotebookFailed: naming the notebook, the cell and the error.

    Returns:
        Its timings (see :attr:`ReportResult.notebooks`) and ``exports``, the records of
        :func:`export_chart` from its kernel.
    """
    import papermill

    source, executed = Path(notebook), Path(executed)
    started, cpu_started, began = time.perf_counter(), _cpu_seconds(), time.time()
    os.environ[EXPORT_LOG] = log  # inherited by the kernel papermill starts
    try:
        with _stderr_into(executed.with_suffix(".log")), _kernel_channels() as channels:
            papermill.execute_notebook(
                str(source),
                str(executed),
                parameters=parameters,
                kernel_name=kernel,
                cwd=str(source.parent),
                progress_bar=False,
                execution_timeout=timeout,
                request_save_on_cell_execute=False,  # saved once at the end (a notebook is up to 5 MB)
                **channels,
            )
    except Exception as err:  # noqa: BLE001  (reported with the notebook's name)
        raise NotebookFailed(source.name, _failure(err)) from None
    finally:
        os.environ.pop(EXPORT_LOG, None)
    ran = time.perf_counter() - started
    durations = _stable_notebook(executed, staging=staging, final=final)
    html_started = time.perf_counter()
    _to_html(executed, executed.with_suffix(".html"))
    html = time.perf_counter() - html_started
    log_path = Path(log)
    exports = [json.loads(line) for line in log_path.read_text(encoding="utf-8").splitlines()] if log_path.is_file() else []
    return {
        "seconds": time.perf_counter() - started,
        "cpu": _cpu_seconds() - cpu_started,
        "kernel": max(ran - durations["cells"], 0.0),
        "setup": durations["setup"],
        "cells": durations["cells"],
        "html": html,
        "began": began,  # epoch seconds; run_report makes it relative to its own start
        "exports": exports,
    }


@contextlib.contextmanager
def _kernel_channels():
    """Engine arguments that give a notebook's kernel channels no other kernel can take.

    By default a kernel talks over TCP ports that its manager finds free and releases before
    the kernel binds them, so kernels started at the same moment by several reports can take
    each other's ports and die before they reply ("Kernel died before replying to
    kernel_info"). On POSIX the kernel gets Unix sockets in a temporary folder of its own
    instead, removed when the notebook is done; elsewhere, or where that folder's path is too
    long for a socket name, it keeps TCP.
    """
    if os.name != "posix":  # pragma: no cover - Windows has no Unix sockets for ZeroMQ
        yield {}
        return
    from traitlets.config import Config

    with tempfile.TemporaryDirectory(prefix="corpus-lib-kernel-") as folder:
        prefix = os.path.join(folder, "k")
        if len(prefix) > _SOCKET_PREFIX_MAX:
            yield {}
            return
        yield {"config": Config({"KernelManager": {"transport": "ipc", "ip": prefix}})}


# A Unix socket's name holds at most 107 bytes; the prefix gets "-N" for each of five channels.
_SOCKET_PREFIX_MAX = 96


# What a worker imports to run papermill and render HTML: imported once, by the forkserver.
_WORKER_MODULES = [
    "corpus_lib.report", "papermill", "nbconvert.exporters.html", "nbconvert.filters.highlight", "IPython.lib.lexers",
    "ipykernel.kernelspec", "bleach", "psutil",
]


@contextlib.contextmanager
def _stderr_into(path: Path):
    """Send this process's standard error, and so its kernel's (``[IPKernelApp] WARNING …``),
    into ``path`` while the block runs: the report's console keeps its progress and summary."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "ab") as log:
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def _worker_pool(workers: int):
    """A process pool for the notebooks.

    Workers are forked from a ``forkserver`` that imports papermill and nbconvert once
    (while the parent builds the tables), so each worker starts warm; where there is no
    forkserver (Windows) they are spawned.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    if "forkserver" in mp.get_all_start_methods():
        context = mp.get_context("forkserver")
        context.set_forkserver_preload(_WORKER_MODULES)
        from multiprocessing import forkserver

        forkserver.ensure_running()  # starts importing now
    else:  # pragma: no cover - Windows
        context = mp.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def default_workers(n_notebooks: int) -> int:
    """Notebooks to run at a time: one per available core, at most one per notebook."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, n_notebooks))


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
    workers: int | None = None,
    allow_undated: bool = False,
) -> ReportResult:
    """Build the tables, execute the notebooks headless and export every chart.

    Args:
        corpus: Corpus folder (default: the seed corpus).
        out: Report folder, replaced atomically (default ``reports/``): new, empty or written by
            this package before (see :mod:`corpus_lib.pipeline.write`), and clear of the corpus.
        only: Run only the notebooks whose names start with these prefixes (``["01", "02"]``).
        static_images: Turn plotly charts into PNG/SVG with kaleido when a Chrome is found.
        progress: Show a progress bar.
        kernel: Jupyter kernel to run the notebooks with.
        timeout: Time limit per notebook cell, seconds.
        static_timeout: Time limit for each plotly static export, seconds.
        parameters: Extra notebook parameters (``date_from``, ``date_to``, ``holders``).
        workers: Notebooks to run at a time (default: one per core, see :func:`default_workers`).
        allow_undated: Go on when documents have no date (they stay off the timelines);
            by default such a corpus stops before anything runs.

    Returns:
        A :class:`ReportResult` (paths written, timings, messages).

    Raises:
        NotebookFailed: a notebook failed (the previous report is left as it was).
        OutputError: ``out`` may not be written (checked before anything runs) or is locked by another run.
    """
    run_started, run_began = time.perf_counter(), time.time()
    from concurrent.futures import as_completed

    from tqdm.auto import tqdm

    from corpus_lib.pipeline.write import check_output, output_folder, write_frame

    out = Path(out).resolve()
    corpus_dir = str(Path(corpus).resolve()) if corpus is not None else None
    # The folder's checks come first: a report is never written over files it did not write.
    inputs = {"corpus folder": corpus_dir or SEEDS_DIR, "notebooks folder": NOTEBOOKS_DIR}
    check_output(out, inputs=inputs, legacy=REPORT_NAMES)
    chosen = [nb for nb in notebooks() if not only or any(nb.name.startswith(p) for p in only)]
    if not chosen:
        raise ValueError(f"no notebooks match {only!r} in {NOTEBOOKS_DIR}")
    result = ReportResult(out=out, workers=workers or default_workers(len(chosen)))
    pool = _worker_pool(result.workers)  # before any thread of ours starts (tqdm's monitor, kaleido)
    with contextlib.ExitStack() as stack:
        stack.callback(pool.shutdown, wait=True, cancel_futures=True)
        staging = stack.enter_context(output_folder(out, kind="report", inputs=inputs, legacy=REPORT_NAMES))
        scratch = stack.enter_context(tempfile.TemporaryDirectory(prefix="corpus-lib-report-"))
        static = _StaticImages(staging / FIGURES, Path(scratch), result, timeout=static_timeout, enabled=static_images)
        bar = tqdm(total=len(chosen) + 2, disable=not progress, desc="report", unit="step")
        try:
            started = time.perf_counter()
            from corpus_lib.corpus import load_corpus  # timed with the tables: it imports the whole pipeline

            with warnings.catch_warnings(record=True) as caught:  # shown last, under the summary, not scrolled away
                warnings.simplefilter("always", UserWarning)
                loaded = load_corpus(corpus_dir, allow_undated=allow_undated)
            result.messages += [f"warning: {w.message}" for w in caught if issubclass(w.category, UserWarning)]
            (staging / TABLES).mkdir()
            for name in ("documents", "statements", "removed", "stances"):
                write_frame(getattr(loaded, name), staging / TABLES / f"{name}.csv", "csv")
            tables_dir = staging / TABLES
            loaded.save(tables_dir)  # Parquet: the notebooks read these back instead of parsing again
            result.timings["tables"] = time.perf_counter() - started
            bar.update()

            started = time.perf_counter()
            (staging / NOTEBOOK_OUT).mkdir()
            shared = {"corpus_dir": corpus_dir, "tables_dir": str(tables_dir), "output_dir": str(staging),
                      **(parameters or {})}
            futures = {
                pool.submit(_run_notebook, str(nb), str(staging / NOTEBOOK_OUT / nb.name), shared, kernel, timeout,
                            str(Path(scratch) / f"{nb.stem}.exports.jsonl"), str(staging), str(out)): nb
                for nb in chosen
            }
            done: dict[str, dict] = {}
            for future in as_completed(futures):
                nb = futures[future]
                try:
                    done[nb.stem] = future.result()  # NotebookFailed: the finally below waits for the others
                except NotebookFailed:
                    raise
                except Exception as err:  # noqa: BLE001  (a worker that died: say which notebook it ran)
                    raise NotebookFailed(nb.name, f"its worker failed: {type(err).__name__}: {err}") from err
                bar.set_postfix_str(nb.stem)
                bar.update()
                static.make(nb.stem[:2])  # this notebook's plotly charts, while the others run
            result.timings["notebooks"] = time.perf_counter() - started
            started = time.perf_counter()
            static.make(None)  # whatever is left
            static.close()
            result.timings["plotly_static"] = time.perf_counter() - started
            bar.update()
        finally:
            # Before the staging folder goes: no worker may write into it afterwards.
            pool.shutdown(wait=True, cancel_futures=True)
            static.close()
            bar.close()
        for nb in chosen:  # notebook order, whatever the order they finished in
            timings = done[nb.stem]
            timings["start"] = timings.pop("began") - run_began
            for record in timings.pop("exports"):
                result.add_export(record["format"], record["seconds"])
            result.add_export("notebook html", timings["html"])
            result.notebooks[nb.stem] = timings
    result.timings["total"] = time.perf_counter() - run_started
    result.files = sorted(p for p in out.rglob("*") if p.is_file())
    return result


class _StaticImages:
    """PNG and SVG of the ``*.plotly.json`` specs in a figures folder, one browser for all."""

    def __init__(self, folder: Path, scratch: Path, result: ReportResult, *, timeout: float, enabled: bool) -> None:
        self.folder, self.scratch, self.result, self.timeout = folder, scratch, result, timeout
        self.enabled = enabled
        self.started = False
        self.made: set[Path] = set()

    def make(self, prefix: str | None) -> None:
        """Export the specs whose names start with ``prefix`` (all left when None)."""
        if not self.enabled:
            return

        specs = [p for p in sorted(self.folder.glob("*.plotly.json"))
                 if p not in self.made and (prefix is None or p.name.startswith(prefix))]
        if not specs:
            return
        if not self.started:
            if export.find_chrome() is None:
                self.result.messages.append(
                    "no Chrome/Chromium found: plotly charts are exported as HTML only "
                    "(install Debian's 'chromium' for PNG/SVG; the matplotlib charts are complete)"
                )
                self.enabled = False
                return
            self.started = True
            warm = export.save_plotly_static({"data": [], "layout": {}}, self.scratch / "warm-up", formats=("png",),
                                             timeout=self.timeout)
            self.result.add_export("kaleido start", warm.seconds, files=0)
            if not warm:
                self.result.messages.append(f"plotly static images skipped: {warm.message}")
                self.enabled = False
                return
        for spec in specs:
            self.made.add(spec)
            stem = spec.with_name(spec.name[: -len(".plotly.json")])
            figure = json.loads(spec.read_text(encoding="utf-8"))
            for fmt in ("png", "svg"):
                outcome = export.save_plotly_static(figure, stem, formats=(fmt,), timeout=self.timeout)
                self.result.add_export(f"kaleido {fmt}", outcome.seconds)
                if not outcome:
                    self.result.messages.append(f"{stem.name}: {outcome.message}")
                    self.enabled = False  # the browser is not working; do not wait on it for every chart
                    return

    def close(self) -> None:
        if self.started:

            export.stop_static_server()
            self.started = False


def report_files(out: str | Path) -> dict[str, list[Path]]:
    """The files of a report folder by kind (``figures``, ``tables``, ``notebooks``)."""
    out = Path(out)
    return {kind: sorted(p for p in (out / kind).rglob("*") if p.is_file()) for kind in (FIGURES, TABLES, NOTEBOOK_OUT)}


def describe(result: ReportResult) -> str:
    """A short text on a finished report: where it is, what it holds, where the time went.

    Wall-clock time per stage first; then each notebook and each export format as seconds
    and as a share of the *work*: the tables, every notebook's time in its worker and the
    kaleido exports added up (what a run one notebook at a time would take). Notebooks run
    ``result.workers`` at a time, so the wall clock is shorter than the work.
    """
    counts = {k: len(v) for k, v in report_files(result.out).items()}
    lines = [f"report written to {result.out}: " + ", ".join(f"{n} {k} files" for k, n in counts.items())]
    t = result.timings
    kaleido = sum(v["seconds"] for k, v in result.exports.items() if k.startswith("kaleido"))
    lines.append(
        f"wall clock {t.get('total', 0.0):.1f} s: tables {t.get('tables', 0.0):.1f} s, notebooks "
        f"{t.get('notebooks', 0.0):.1f} s ({result.workers} at a time"
        + (f"; plotly static images made as each one finished), static images left after them "
           f"{t.get('plotly_static', 0.0):.1f} s" if kaleido else ")")
    )
    work = t.get("tables", 0.0) + sum(nb["seconds"] for nb in result.notebooks.values()) + kaleido
    share = 100 / work if work else 0.0
    lines.append(f"work {work:.1f} s (tables, each notebook in its worker, kaleido; shares below are of this)")
    lines.append(f"  {'tables':<26} {t.get('tables', 0.0):6.1f} s  {share * t.get('tables', 0.0):4.0f}%")
    for name, nb in result.notebooks.items():
        lines.append(
            f"  {name:<26} {nb['seconds']:6.1f} s  {share * nb['seconds']:4.0f}%   (from {nb['start']:.1f} s; cpu {nb['cpu']:.1f}; "
            f"kernel start/stop {nb['kernel']:.1f}, "
            f"set-up {nb['setup']:.1f}, other cells {nb['cells'] - nb['setup']:.1f}, html {nb['html']:.1f})"
        )
    if kaleido:
        lines.append(f"  {'plotly static (kaleido)':<26} {kaleido:6.1f} s  {share * kaleido:4.0f}%")
    if result.exports:
        lines.append("by export format (inside the notebooks' time, except kaleido):")
        for fmt, entry in sorted(result.exports.items(), key=lambda item: -item[1]["seconds"]):
            lines.append(
                f"  {fmt:<26} {entry['seconds']:6.1f} s  {share * entry['seconds']:4.0f}%   {entry['files']:3d} files"
            )
    notes = [m for m in result.messages if not m.startswith("warning: ")]
    lines += [f"  note: {m}" for m in notes] + [m for m in result.messages if m.startswith("warning: ")]
    lines.append(f"the kernels' own messages are in {result.out / NOTEBOOK_OUT}/*.log")
    return "\n".join(lines)


__all__: Iterable[str] = [
    "run_report", "notebooks", "ReportResult", "NotebookFailed", "report_files", "describe",
    "default_workers",
]
