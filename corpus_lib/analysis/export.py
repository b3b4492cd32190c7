"""Deterministic writers for figures and tables.

Saving the same figure twice gives the same bytes, so a rebuild of ``reports/`` shows
in a diff only what really changed:

* matplotlib PNG, SVG and PDF (:func:`save_matplotlib`): volatile metadata is dropped
  (PNG ``Software``, SVG ``Date``, PDF ``CreationDate``), the SVG id salt is fixed.
  When ``SOURCE_DATE_EPOCH`` is set (https://reproducible-builds.org), SVG and PDF
  carry that date instead, as matplotlib does by default.
* plotly HTML (:func:`save_plotly_html`): plotly.js is embedded (works offline, no
  CDN) and the ``div`` id is fixed.
* plotly PNG/PDF through kaleido and a headless Chrome (:func:`save_plotly_static`):
  PNG is byte-stable; PDF is made so by overwriting Chrome's creation and
  modification dates in place (same length, so the PDF's offsets stay valid). SVG is
  **not** byte-stable: plotly.js names clip paths and traces with random ids.
* tables (:func:`save_table`): CSV without the index, fixed float format, ``\\n``
  line ends, UTF-8.

Every file is written to a temporary file in the target folder and moved into place
with ``os.replace``, so a reader never sees half a file.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from corpus_lib.paths import OUTPUT_MARKER

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import plotly.graph_objects as go
    from matplotlib.figure import Figure

__all__ = [
    "SVG_HASHSALT",
    "StaticExport",
    "find_chrome",
    "html_network_references",
    "save_matplotlib",
    "save_plotly_html",
    "save_plotly_static",
    "save_table",
    "settle_layout",
    "stop_static_server",
]

SVG_HASHSALT = "corpus_lib"
_MPL_FORMATS = ("png", "svg", "pdf")
_STATIC_FORMATS = ("png", "svg", "pdf", "jpg", "webp")


def _atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Write through ``write(handle)`` into a temp file beside ``path``, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return path


def _write_bytes(path: Path, data: bytes) -> Path:
    return _atomic_write(path, lambda handle: handle.write(data))


def _target(stem: Path | str, fmt: str) -> Path:
    stem = Path(stem)
    return stem.parent / f"{stem.name}.{fmt}"


def _formats(formats: Iterable[str], allowed: Sequence[str]) -> list[str]:
    chosen = [formats] if isinstance(formats, str) else list(formats)
    unknown = [f for f in chosen if f not in allowed]
    if unknown or not chosen:
        raise ValueError(f"formats must be some of {list(allowed)}, got {chosen}")
    return list(dict.fromkeys(chosen))


def _source_date() -> datetime | None:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(value), UTC) if value else None


# ----------------------------------------------------------------------------- matplotlib


def _mpl_metadata(fmt: str) -> dict[str, Any]:
    """Metadata that keeps the file byte-stable (see the module docstring)."""
    dated = _source_date() is not None  # matplotlib then writes that date itself
    if fmt == "png":
        return {"Software": None}
    if fmt == "svg":
        return {} if dated else {"Date": None}
    return {} if dated else {"CreationDate": None}


def settle_layout(fig: Figure, *, max_draws: int = 4, tolerance: float = 1e-4) -> Figure:
    """Run a figure's layout engine until the axes stop moving, then switch it off.

    Constrained (and tight) layout start each draw from the previous positions, so
    with legends or labels outside the axes successive draws move the axes a little,
    converging geometrically, and two saves of a fresh figure differ in their bytes.
    This draws until no axes edge moves by more than ``tolerance`` (a fraction of the
    figure: 1e-4 is a fifth of a pixel for a 7.5-inch figure at 300 dpi) or
    ``max_draws`` is reached, then sets the layout engine to ``"none"``, so every
    later draw and save is identical. Byte-stability does not depend on convergence:
    the same figure built the same way goes through the same draws and ends in the
    same positions. Figures without an active layout engine are returned untouched.
    To lay out a resized figure again, call ``fig.set_layout_engine("constrained")``.

    Args:
        fig: The figure; changed in place (its layout engine) and returned.
        max_draws: At most this many draws.
        tolerance: Largest movement, in figure fractions, that counts as settled.

    Returns:
        ``fig``.

    Example:
        >>> from matplotlib.figure import Figure
        >>> fig = Figure(layout="constrained"); _ = fig.add_subplot().set_title("t")
        >>> type(settle_layout(fig).get_layout_engine()).__name__
        'PlaceHolderLayoutEngine'
    """
    import numpy as np
    from matplotlib.layout_engine import ConstrainedLayoutEngine, TightLayoutEngine

    if not isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine | TightLayoutEngine):
        return fig
    before = None
    for _ in range(max_draws):
        fig.draw_without_rendering()
        now = np.array([ax.get_position().bounds for ax in fig.axes])
        if before is not None and np.abs(now - before).max(initial=0.0) <= tolerance:
            break
        before = now
    fig.set_layout_engine("none")
    return fig


def save_matplotlib(
    fig: Figure,
    stem: Path | str,
    *,
    formats: Iterable[str] = ("png", "svg", "pdf"),
    dpi: int = 300,
    bbox_inches: str | None = None,
    settle: bool = True,
) -> list[Path]:
    """Save a matplotlib figure in several formats, byte-stable and atomically.

    A figure whose constrained/tight layout is still active is first settled with
    :func:`settle_layout` (its layout engine is then off): otherwise each save would
    move the axes a little and no two saves would match. The figures of
    :mod:`corpus_lib.analysis.plots` come settled already.

    Args:
        fig: The figure.
        stem: Path without suffix; ``.png``/``.svg``/``.pdf`` is appended (a dot in
            the stem's name is kept: ``fig.v2`` gives ``fig.v2.png``).
        formats: Some of ``png``, ``svg``, ``pdf``.
        dpi: Resolution of the PNG (and of images embedded in SVG/PDF).
        bbox_inches: Passed to ``savefig`` (``"tight"`` crops to the drawn content;
            the chart functions of :mod:`corpus_lib.analysis.plots` use constrained layout
            and need no cropping).
        settle: Settle an active layout engine first (see above).

    Returns:
        The written paths, in the order of ``formats``.

    Example:
        >>> import tempfile
        >>> from matplotlib.figure import Figure
        >>> fig = Figure(figsize=(2, 1)); _ = fig.add_subplot().plot([0, 1], [1, 0])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     paths = save_matplotlib(fig, Path(tmp) / "demo", formats=("png", "svg"))
        ...     [p.name for p in paths]
        ['demo.png', 'demo.svg']
    """
    import matplotlib as mpl

    chosen = _formats(formats, _MPL_FORMATS)
    if settle and hasattr(fig, "get_layout_engine"):
        settle_layout(fig)
    written = []
    for fmt in chosen:
        path = _target(stem, fmt)

        def write(handle: IO[bytes], fmt: str = fmt) -> None:
            with mpl.rc_context({"svg.hashsalt": SVG_HASHSALT, "svg.fonttype": "path"}):
                fig.savefig(
                    handle,
                    format=fmt,
                    dpi=dpi,
                    metadata=_mpl_metadata(fmt),
                    bbox_inches=bbox_inches,
                )

        written.append(_atomic_write(path, write))
    return written


# ----------------------------------------------------------------------------- HTML

_REMOTE = re.compile(r"^\s*(?:(?:https?|ftp|wss?):)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.IGNORECASE)
_URL_ATTRS = frozenset(
    {
        "src", "href", "srcset", "data", "poster", "action", "formaction", "background",
        "xlink:href", "manifest", "codebase", "longdesc", "ping", "imagesrcset",
    }
)  # fmt: skip
_LINK_TAGS = frozenset({"a", "area"})  # navigation the reader must click: not a load


class _ReferenceFinder(HTMLParser):
    def __init__(self, include_local: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.include_local = include_local
        self.found: list[str] = []
        self._in_style = False

    def _check(self, tag: str, attr: str, value: str) -> None:
        if value.strip().lower().startswith(("data:", "#", "javascript:", "about:")):
            return
        urls = [u.strip().split(" ")[0] for u in value.split(",")] if "srcset" in attr else [value]
        for url in urls:
            if _REMOTE.match(url) or (self.include_local and url.strip()):
                self.found.append(f"<{tag} {attr}={url.strip()!r}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for attr, value in attrs:
            if value is None:
                continue
            if attr == "style":
                self._css(tag, value)
            elif attr in _URL_ATTRS and tag not in _LINK_TAGS:
                self._check(tag, attr, value)
            elif tag == "meta" and attr == "content" and "url=" in value.lower():
                self._check(tag, "content", value.lower().split("url=", 1)[1])

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self._css("style", data)

    def _css(self, tag: str, text: str) -> None:
        for url in _CSS_URL.findall(text):
            if _REMOTE.match(url):
                self.found.append(f"<{tag}> url({url})")


def html_network_references(text: str, *, include_local: bool = False) -> list[str]:
    """Resources an HTML page would fetch when opened: the "works offline" check.

    Looked at: URL attributes of every element (``src``, ``href``, ``srcset``,
    ``data``, ``poster``, ``action`` …; ``<a>``/``<area>`` links are navigation, not
    loads, and are skipped), ``<meta http-equiv=refresh>`` targets, and ``url(...)``
    / ``@import`` in ``<style>`` blocks and ``style`` attributes. A reference counts
    when it is absolute or protocol-relative (``http://``, ``https://``, ``//``,
    ``ftp://``, ``ws://``); ``data:`` URIs are inline and fine.

    Not looked at: the text inside ``<script>`` elements. plotly.js, embedded whole,
    contains URL strings (the CDN for topojson of geo charts, mapbox styles, its own
    web site in the mode bar) that the page never requests for the charts made here;
    a plain search for ``https://`` would flag every self-contained plotly page.

    Args:
        text: The HTML.
        include_local: Also report relative references (a sibling ``plotly.min.js``
            makes a page not self-contained even though it is offline).

    Returns:
        One string per reference, e.g. ``"<script src='https://cdn.plot.ly/...'>"``,
        in document order; empty when the page is self-contained.

    Example:
        >>> html_network_references('<script src="https://cdn.plot.ly/p.js"></script>')
        ["<script src='https://cdn.plot.ly/p.js'>"]
        >>> html_network_references('<a href="https://example.org">x</a><img src="data:,">')
        []
    """
    finder = _ReferenceFinder(include_local)
    finder.feed(text)
    finder.close()
    return finder.found


def _default_div_id(path: Path) -> str:
    return "fig-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", path.stem).strip("-") or "plot")


def save_plotly_html(
    fig: go.Figure,
    path: Path | str,
    *,
    div_id: str | None = None,
    config: dict[str, Any] | None = None,
) -> Path:
    """Write a self-contained, offline, byte-stable HTML page of a plotly figure.

    plotly.js is embedded in the page (``include_plotlyjs=True``, about 4.8 MB), so
    the page needs no network; MathJax is not included. The page is checked with
    :func:`html_network_references` (``include_local=True``) before it is written.

    Args:
        fig: The figure.
        path: Target ``.html`` file.
        div_id: Id of the figure's ``div``; by default ``fig-`` + the file's stem, so
            it is fixed (plotly would otherwise draw a random one on every save).
        config: plotly config; by default ``{"displaylogo": False, "responsive": True}``.

    Returns:
        The written path.

    Raises:
        ValueError: the page would reference an outside resource.

    Example:
        >>> import tempfile, plotly.graph_objects as go
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     page = save_plotly_html(go.Figure(), Path(tmp) / "empty.html")
        ...     'id="fig-empty"' in page.read_text(encoding="utf-8")
        True
    """
    path = Path(path)
    text = fig.to_html(
        include_plotlyjs=True,
        include_mathjax=False,
        full_html=True,
        div_id=div_id or _default_div_id(path),
        config=config if config is not None else {"displaylogo": False, "responsive": True},
    )
    references = html_network_references(text, include_local=True)
    if references:
        raise ValueError(f"the page would load outside resources: {references[:5]}")
    return _write_bytes(path, text.encode("utf-8"))


# ----------------------------------------------------------------------------- kaleido


@dataclass(frozen=True)
class StaticExport:
    """What :func:`save_plotly_static` did. It is truthy when every file was written.

    Attributes:
        ok: All formats were written.
        paths: Files written.
        message: Why not, when ``ok`` is False (for the caller to report).
        seconds: Wall time of the export.
        server: Whether the export went through the shared kaleido server.
    """

    ok: bool
    paths: tuple[Path, ...] = field(default_factory=tuple)
    message: str = ""
    seconds: float = 0.0
    server: bool = False

    def __bool__(self) -> bool:
        return self.ok


_server_lock = threading.Lock()
_server_state = {"running": False, "broken": False}


def find_chrome() -> str | None:
    """Path of the Chrome/Chromium that kaleido would use, or None.

    Looks where kaleido (through choreographer) looks: ``BROWSER_PATH``, a copy
    downloaded by ``kaleido_get_chrome``, then Chrome/Chromium on ``PATH`` and in
    the usual install places (e.g. ``/usr/bin/chromium``).

    Example:
        >>> find_chrome() is None or Path(find_chrome()).exists()
        True
    """
    try:
        from choreographer.browsers.chromium import Chromium
    except ImportError:
        return None
    try:
        path = Chromium.find_browser(skip_local=False)
    except Exception:  # noqa: BLE001  (a broken local download must not crash the caller)
        return None
    return path if path and Path(path).is_file() else None


def stop_static_server() -> None:
    """Stop the shared kaleido server, if this module started it (closes Chrome)."""
    import kaleido

    with _server_lock:
        if _server_state["running"] and not _server_state["broken"]:
            kaleido.stop_sync_server(silence_warnings=True)
        _server_state["running"] = False


def _run_with_limit(work: Callable[[], Any], limit: float) -> tuple[bool, Any]:
    """Run ``work`` in a daemon thread; (finished, result or exception)."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as err:  # noqa: BLE001  (handed back to the caller)
            box["error"] = err

    worker = threading.Thread(target=target, name="corpus-lib-kaleido", daemon=True)
    worker.start()
    worker.join(limit)
    if worker.is_alive():
        return False, None
    if "error" in box:
        return True, box["error"]
    return True, box["value"]


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\((D:[0-9]{4,14}[^)]*)\)")


def _stable_pdf(data: bytes) -> bytes:
    """Overwrite the PDF's dates with a fixed one of the same length (offsets stay)."""
    when = _source_date() or datetime(2000, 1, 1, tzinfo=UTC)

    def fixed(match: re.Match[bytes]) -> bytes:
        old = match.group(2)
        digits = len(re.match(rb"D:([0-9]*)", old).group(1))
        stamp = when.strftime("%Y%m%d%H%M%S").encode()[:digits]
        new = b"D:" + stamp + old[2 + digits :]
        tail = b"+00'00'"
        if len(old) - 2 - digits == len(tail):
            new = b"D:" + stamp + tail
        return match.group(0).replace(old, new) if len(new) == len(old) else match.group(0)

    return _PDF_DATE.sub(fixed, data)


def save_plotly_static(
    fig: go.Figure | dict,
    stem: Path | str,
    *,
    formats: Iterable[str] = ("png", "svg"),
    width: int | None = None,
    height: int | None = None,
    scale: float = 3.0,
    timeout: float = 60.0,
    use_server: bool = True,
) -> StaticExport:
    """Render a plotly figure to static files with kaleido 1.x and headless Chrome.

    Never raises for a missing browser, a time-out or a rendering failure: it
    returns a falsy :class:`StaticExport` whose ``message`` says why, for the caller
    to report. With ``use_server`` (default) one Chrome is started on the first call
    (``kaleido.start_sync_server``, about 2 s) and reused by later calls of the
    process (about 0.2 s per image); without it every call starts and stops its own
    Chrome. MathJax is disabled (kaleido would fetch it from a CDN).

    Byte stability: PNG yes; PDF yes (dates fixed, see the module docstring); SVG no
    (plotly.js uses random ids).

    Args:
        fig: A plotly figure (or its dict).
        stem: Path without suffix; ``.png`` etc. is appended.
        formats: Some of ``png``, ``svg``, ``pdf``, ``jpg``, ``webp``.
        width: Width in CSS pixels (default: the layout's, else 700).
        height: Height in CSS pixels (default: the layout's, else 500).
        scale: Pixel density multiplier of raster formats: 3 (the default) makes a
            960-pixel-wide chart 2880 pixels wide, about 300 dpi at 9.6 inches, the
            resolution of the matplotlib charts, for print.
        timeout: Time limit in seconds for the whole export, browser start included.
        use_server: Reuse one Chrome for the whole process.

    Returns:
        A :class:`StaticExport`; truthy when every file was written.

    Raises:
        ValueError: on an unknown format (a mistake in the call, not in the machine).
    """
    chosen = _formats(formats, _STATIC_FORMATS)
    started = time.perf_counter()

    def failed(message: str, server: bool = False) -> StaticExport:
        return StaticExport(False, (), message, time.perf_counter() - started, server)

    try:
        import kaleido
    except ImportError:
        return failed("kaleido is not installed (pip install 'kaleido>=1'): no static export")
    chrome = find_chrome()
    if chrome is None:
        return failed(
            "no Chrome/Chromium found for kaleido: install one (apt install chromium, or "
            "run kaleido_get_chrome) or set BROWSER_PATH; static export skipped"
        )
    opts = []
    for fmt in chosen:
        opt: dict[str, Any] = {"format": fmt, "scale": scale}
        if width:
            opt["width"] = width
        if height:
            opt["height"] = height
        opts.append(opt)
    kopts = {"n": 1, "timeout": timeout, "mathjax": False}

    with _server_lock:
        server = use_server and not _server_state["broken"]
        if server and not _server_state["running"]:
            kaleido.start_sync_server(silence_warnings=True, **kopts)
            _server_state["running"] = True

        if server:

            def work() -> list[bytes]:
                return [kaleido.calc_fig_sync(fig, opts=opt) for opt in opts]

        else:

            async def render() -> list[bytes]:
                async with kaleido.Kaleido(**kopts) as k:
                    return [await k.calc_fig(fig, opts=opt) for opt in opts]

            def work() -> list[bytes]:
                return asyncio.run(render())

        finished, result = _run_with_limit(work, timeout)
        if not finished:
            if server:  # the server may be wedged: do not hand it more work
                _server_state["broken"] = True
            return failed(f"kaleido did not finish within {timeout:g} s", server)
    if isinstance(result, BaseException):
        return failed(f"kaleido failed: {type(result).__name__}: {result}", server)
    paths = []
    for fmt, data in zip(chosen, result, strict=True):
        if fmt == "pdf":
            data = _stable_pdf(data)
        paths.append(_write_bytes(_target(stem, fmt), data))
    return StaticExport(True, tuple(paths), "", time.perf_counter() - started, server)


# ----------------------------------------------------------------------------- tables


def save_table(df: pd.DataFrame, path: Path | str, *, float_format: str = "%.10g") -> Path:
    """Write a frame as CSV, deterministically and atomically.

    No index, floats with ``float_format`` (10 significant digits by default, so the
    last-digit noise of floating point does not show up in diffs), missing values
    as empty fields, ``\\n`` line ends, UTF-8. Rows and columns are written as given:
    the analysis functions already sort them.

    Args:
        df: The table.
        path: Target ``.csv`` file.
        float_format: ``printf``-style format of floats.

    Returns:
        The written path.

    Example:
        >>> import tempfile, pandas as pd
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     table = pd.DataFrame({"a": [1 / 3, None], "b": ["x", "y"]})
        ...     save_table(table, Path(tmp) / "t.csv").read_text(encoding="utf-8")
        'a,b\\n0.3333333333,x\\n,y\\n'
    """
    buffer = io.StringIO()
    df.to_csv(buffer, index=False, float_format=float_format, lineterminator="\n", na_rep="")
    return _write_bytes(Path(path), buffer.getvalue().encode("utf-8"))


# ----------------------------------------------------------------------------- one chart, every format
FIGURES = "figures"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
EXPORT_LOG = "CORPUS_LIB_EXPORT_LOG"
"""Environment variable: when set to a file path, :func:`export_chart` appends one JSON
line per file it writes (``{"chart", "format", "seconds"}``). :func:`run_report` sets it for
each notebook's kernel to measure the time spent per export format."""


def _figure_kind(fig) -> str:
    module = type(fig).__module__
    if module.startswith("matplotlib"):
        return "matplotlib"
    if module.startswith("plotly"):
        return "plotly"
    raise TypeError(f"not a matplotlib or plotly figure: {type(fig).__name__}")


class _ExportClock:
    """Times each file :func:`export_chart` writes; appends to the ``EXPORT_LOG`` file if set."""

    def __init__(self, chart: str) -> None:
        self.chart = chart
        self.log = os.environ.get(EXPORT_LOG)
        self.records: list[dict] = []
        self.last = time.perf_counter()

    def lap(self, fmt: str) -> None:
        now = time.perf_counter()
        self.records.append({"chart": self.chart, "format": fmt, "seconds": now - self.last})
        self.last = now

    def close(self) -> None:
        if self.log and self.records:
            with open(self.log, "a", encoding="utf-8") as handle:
                handle.writelines(json.dumps(record) + "\n" for record in self.records)


def _static_here() -> bool:
    """Whether :func:`export_chart` makes a plotly chart's PNG and SVG itself: inside a notebook
    kernel (JupyterLab) but not under ``corpus-lib report``, which makes them after the notebooks."""
    import sys

    return EXPORT_LOG not in os.environ and "ipykernel" in sys.modules


def _plotly_static(fig, stem: Path, output_dir: Path, clock) -> list[Path]:
    """The PNG and SVG of a plotly chart where a browser can render them (one Chrome kept for the
    session); where none can, the images an earlier report left beside it are removed, so no
    stale image sits beside a new chart (only in a folder the package wrote)."""
    done = save_plotly_static(fig, stem)
    clock.lap("plotly static")
    if done:
        return list(done.paths)
    if (output_dir / OUTPUT_MARKER).is_file():
        for suffix in (".png", ".svg"):
            stem.with_name(stem.name + suffix).unlink(missing_ok=True)
    return []


def export_chart(
    fig, name: str, *, output_dir: str | Path, data: pd.DataFrame | None = None, static: bool | None = None
) -> list[Path]:
    """Write one chart (and the data behind it) into ``output_dir/figures``.

    When the environment variable ``CORPUS_LIB_EXPORT_LOG`` names a file, the time spent
    on each written format is appended to it (:func:`run_report` uses this). A plotly
    chart gets its static PNG and SVG too when ``static`` is True, or by default when
    exported from a notebook kernel outside ``corpus-lib report`` (which makes them itself).

    Args:
        fig: A matplotlib ``Figure`` or a plotly ``Figure``.
        name: File stem: lower-case letters, digits, ``-`` and ``_`` (``"russia-timeline"``).
        output_dir: The report folder (the notebooks' ``output_dir`` parameter).
        data: The tidy frame the chart draws, written as ``NAME.csv``.
        static: Make a plotly chart's PNG and SVG here (None: in a notebook kernel, not
            under the report).

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
    if not _NAME.match(name):
        raise ValueError(f"chart name {name!r}: use lower-case letters, digits, '-' and '_'")
    folder = Path(output_dir) / FIGURES
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / name
    clock = _ExportClock(name)
    written = []
    if _figure_kind(fig) == "matplotlib":
        if hasattr(fig, "get_layout_engine"):
            settle_layout(fig)  # once, before the formats (save_matplotlib would do it too)
            clock.lap("matplotlib layout")
        for fmt in ("png", "svg", "pdf"):
            written += save_matplotlib(fig, stem, formats=(fmt,), dpi=300)
            clock.lap(f"matplotlib {fmt}")
    else:
        written.append(save_plotly_html(fig, stem.with_name(name + ".html"), div_id=f"fig-{name}"))
        clock.lap("plotly html")
        spec = json.dumps(fig.to_plotly_json(), sort_keys=True, default=str, ensure_ascii=False)
        written.append(_write_bytes(stem.with_name(name + ".plotly.json"), spec.encode("utf-8")))
        clock.lap("plotly json")
        if _static_here() if static is None else static:
            written += _plotly_static(fig, stem, Path(output_dir), clock)
    if data is not None:
        written.append(save_table(data, stem.with_name(name + ".csv")))
        clock.lap("csv")
    clock.close()
    return written
