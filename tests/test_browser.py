"""The notebooks in a real browser: JupyterLab driven by Playwright in headless Chromium.

1. JupyterLab serves a temporary copy of the notebooks on 127.0.0.1 (a free port, a random
   token, its own settings, workspaces and runtime folders); ``02-russia.ipynb`` is opened,
   every cell is run from the Run menu, and the test waits for the kernel to finish, then
   checks the outputs (no error, no traceback; matplotlib images and a plotly chart drawn)
   and takes a screenshot.
2. The report is run on a tiny corpus whose sentence carries ``<script>`` and
   ``<img onerror>`` markup, and the exported plotly page and the notebook's HTML are
   opened from disk: no alert may fire, and the hover label shows the markup as text.

The browser may only reach 127.0.0.1 and file:// pages: every other request is aborted
and recorded, and the test fails if any was attempted. Every wait is bounded.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from corpus_lib.analysis.export import find_chrome
from corpus_lib.paths import NOTEBOOKS_DIR

pytestmark = pytest.mark.browser

CHROMIUM = next((p for p in ("/usr/bin/chromium", find_chrome()) if p and Path(p).is_file()), None)
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL = re.compile(r"^(?:https?|wss?)://(?:127\.0\.0\.1|localhost)(?::\d+)?/|^(?:file|data|blob|about):")
NOTEBOOK = "02-russia.ipynb"

if CHROMIUM is None:
    pytest.skip("no Chromium found (/usr/bin/chromium or kaleido's browser): browser tests skipped", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _settings(folder: Path) -> Path:
    """JupyterLab user settings: no news or update checks, every cell kept in the page."""
    overrides = {
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    }
    for name, value in overrides.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the notebooks; shut down at the end of the module."""
    root = tmp_path_factory.mktemp("lab")
    work = root / "work" / "notebooks"
    work.mkdir(parents=True)
    for notebook in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")):
        shutil.copy(notebook, work / notebook.name)  # the .ipynb only: no jupytext pairing in the copy
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    env.update(
        JUPYTERLAB_SETTINGS_DIR=str(_settings(root / "settings")),
        JUPYTERLAB_WORKSPACES_DIR=str(root / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(root / "runtime"),
    )
    log = (root / "lab.log").open("w", encoding="utf-8")
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}", f"--ServerApp.root_dir={work}",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited with {server.returncode}:\n{(root / 'lab.log').read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("JupyterLab did not answer within 90 s")
            time.sleep(0.5)
        yield {"url": f"http://127.0.0.1:{port}", "token": token, "root": work, "log": root / "lab.log"}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS, timeout=60_000)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A page that may reach only localhost and files; records what else it tried, and dialogs."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.blocked, page.dialogs, page.errors = [], [], []

    def route(request_route):
        if LOCAL.match(request_route.request.url):
            request_route.continue_()
        else:
            page.blocked.append(request_route.request.url)
            request_route.abort()

    def dialog(d):
        page.dialogs.append(f"{d.type}: {d.message}")
        with contextlib.suppress(Exception):
            d.dismiss()

    context.route("**/*", route)
    page.on("dialog", dialog)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.set_default_timeout(60_000)
    yield page
    context.close()


_KERNEL_IDLE = """() => [...document.querySelectorAll('.jp-StatusBar-Item')]
    .some(e => /Python 3.*\\|\\s*Idle/.test(e.textContent))"""

_CELLS_STARTED = """() => [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')]
    .some(e => /\\[(\\*|\\d+)\\]/.test(e.textContent))"""

_CELLS_DONE = """() => {
    const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')];
    const prompts = cells.map(c => (c.querySelector('.jp-InputPrompt') || {}).textContent || '');
    const busy = document.querySelector('.jp-Notebook-ExecutionIndicator[data-status="busy"]');
    return cells.length > 0 && !busy && prompts.every(t => /\\[\\d+\\]/.test(t));
}"""


def _open_and_run_all(lab, page, notebook: str, shots: Path) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # a workspace of its own, reset: only this notebook opens (not the previous test's)
    workspace = re.sub(r"\W", "-", notebook)
    page.goto(f"{lab['url']}/lab/workspaces/{workspace}/tree/{notebook}?reset&token={lab['token']}", timeout=90_000)
    try:
        page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=90_000)
        # the kernel named in the notebook (python3) has started: Run All would otherwise ask for one
        page.wait_for_function(_KERNEL_IDLE, timeout=90_000, polling=500)
        for _attempt in range(2):  # a Run All sent while the kernel connects can be lost: ask again once
            page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
            page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
            try:
                page.wait_for_function(_CELLS_STARTED, timeout=30_000, polling=500)
                break
            except PlaywrightTimeout:
                continue
        page.wait_for_function(_CELLS_DONE, timeout=240_000, polling=1000)
    except PlaywrightTimeout:
        page.screenshot(path=str(shots / f"timeout-{notebook}.png"))
        status = page.evaluate("() => [...document.querySelectorAll('.jp-StatusBar-Item')].map(e => e.textContent).join(' | ')")
        pytest.fail(f"{notebook}: JupyterLab did not finish (status bar: {status}); see {shots}")


def _problems(page) -> list[str]:
    stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    return [t for t in stderr.all_inner_texts() if "Traceback" in t or "Error" in t]


def test_jupyterlab_runs_the_russia_notebook(lab, page, tmp_path):
    _open_and_run_all(lab, page, NOTEBOOK, tmp_path)
    chart = page.wait_for_selector(".jp-OutputArea-child .js-plotly-plot .main-svg", timeout=60_000)
    chart.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "jupyterlab-02-russia.png"), full_page=False)
    problems = _problems(page)
    assert problems == [], problems[0][:2000]
    assert page.locator(".jp-OutputArea-output img").count() >= 4  # the matplotlib charts
    assert page.locator(".jp-OutputArea-child .js-plotly-plot").count() >= 1
    assert "No statement on Russia" not in page.locator(".jp-Notebook").inner_text()
    assert page.dialogs == [] and page.blocked == [], (page.dialogs, page.blocked)
    # the notebook wrote its charts next to the copy, as in a checkout (output_dir="../reports")
    assert (lab["root"].parent / "reports" / "figures" / "02-russia-timeline.png").is_file()


_CHART_TITLES = "() => [...document.querySelectorAll('.js-plotly-plot')].map(e => e.layout.title.text)"


def test_jupyterlab_explorer_widgets_drive_the_chart(lab, page, tmp_path):
    _open_and_run_all(lab, page, "06-explorer.ipynb", tmp_path)
    page.wait_for_selector(".jupyter-widgets .js-plotly-plot .main-svg", timeout=60_000)
    assert _problems(page) == []
    assert page.evaluate(_CHART_TITLES)[0].startswith("Russia: NATO, Azerbaijan, media")
    page.locator(".jupyter-widgets select").first.select_option("karabakh")
    page.wait_for_function(
        "() => document.querySelector('.js-plotly-plot').layout.title.text.startsWith('Karabakh')", timeout=30_000
    )
    assert re.search(r"\d+ statements on karabakh", page.locator(".widget-html-content").first.inner_text())
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "jupyterlab-06-explorer.png"), full_page=False)
    assert page.dialogs == [] and page.blocked == [], (page.dialogs, page.blocked)


@pytest.fixture(scope="module")
def malicious_report(tmp_path_factory):
    from test_notebooks import write_small_corpus

    from corpus_lib.report import run_report

    root = tmp_path_factory.mktemp("malicious")
    corpus = write_small_corpus(root / "corpus")
    run_report(corpus=corpus, out=root / "report", only=["02"], static_images=False, progress=False)
    return root / "report"


_HOVER_THE_MALICIOUS_POINT = """() => {
    const gd = document.querySelector('.js-plotly-plot');
    for (let c = 0; c < gd.data.length; c++) {
        const texts = gd.data[c].hovertext || [];
        const p = Array.from(texts).findIndex(t => String(t).includes('&lt;script&gt;'));
        if (p >= 0) { Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: p}]); return [c, p]; }
    }
    return null;
}"""


@pytest.mark.parametrize("file", ["figures/02-russia-timeline-interactive.html", "notebooks/02-russia.html"])
def test_malicious_text_shows_as_text_and_runs_nothing(malicious_report, page, file):
    page.goto((malicious_report / file).as_uri(), wait_until="load", timeout=90_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    page.wait_for_timeout(1000)  # give an injected script or onerror handler the time to fire
    assert page.evaluate(_HOVER_THE_MALICIOUS_POINT) is not None, "the malicious statement is not on the chart"
    label = page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000).text_content()
    squeezed = re.sub(r"\s+", "", label)
    # shown as text; plotly decodes &lt; &gt; and numeric entities, not &quot; (left as is)
    assert re.search(r'<script>alert\((?:"|&quot;)x(?:"|&quot;)\)</script>', squeezed), label
    assert "<imgsrc=xonerror=alert(1)>" in squeezed, label
    assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"], img[onerror]').length") == 0
    assert page.dialogs == [], page.dialogs
    assert page.blocked == [], page.blocked
    assert page.errors == [], page.errors


# ----------------------------------------------------------------------------- tooltips inside the view

_RIGHTMOST_STATEMENT = """(uid) => {
    const gd = document.querySelector('.js-plotly-plot');
    const c = gd.data.findIndex(t => t.uid === uid);
    const x = gd.data[c].x.map(v => new Date(v).getTime());
    const p = x.indexOf(Math.max(...x));
    Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: p}]);
    return p;
}"""

_EVERY_POINT = """() => {
    const gd = document.querySelector('.js-plotly-plot');
    const out = [];
    gd.data.forEach((t, c) => (t.x || []).forEach((x, p) => {
        if (t.y[p] !== null && t.hovertext && t.hovertext[p]) out.push([c, p]);
    }));
    return out;
}"""

_HOVER = """([c, p]) => {
    const gd = document.querySelector('.js-plotly-plot');
    Plotly.Fx.unhover(gd);
    Plotly.Fx.hover(gd, [{curveNumber: c, pointNumber: p}]);
}"""


def _inside(box: dict, frame: dict) -> bool:
    return (
        box["x"] >= frame["x"] - 0.5
        and box["y"] >= frame["y"] - 0.5
        and box["x"] + box["width"] <= frame["x"] + frame["width"] + 0.5
        and box["y"] + box["height"] <= frame["y"] + frame["height"] + 0.5
    )


@pytest.fixture(scope="module")
def russia_timeline_page(seed_corpus, tmp_path_factory):
    """NATO on Russia as the report exports it (plotly HTML), and the statements behind it."""
    from corpus_lib import analysis
    from corpus_lib.analysis import plots
    from corpus_lib.analysis.export import save_plotly_html

    stances, documents = seed_corpus.stances, seed_corpus.documents
    periods = analysis.stance_by_period(stances, topic="russia", holders="NATO")
    by_document = analysis.stance_by_document(stances, documents, topic="russia", holders="NATO")
    behind = analysis.quotes(stances, seed_corpus.statements, documents, topic="russia", holders="NATO")
    fig = plots.stance_timeline_plotly(periods, documents=by_document, statements=behind, topics="russia",
                                       title="NATO on Russia: yearly mean score")  # fmt: skip
    page = save_plotly_html(fig, tmp_path_factory.mktemp("tooltip") / "02-russia-timeline-interactive.html")
    return page, behind.loc[behind["score"].notna() & behind["time"].notna()].reset_index(drop=True)


@pytest.mark.slow
def test_tooltip_of_the_rightmost_point_lies_inside_the_view(russia_timeline_page, browser):
    page_file, statements = russia_timeline_page
    width = 1000  # the figure (960 pixels) and the page's margin, no more: a tooltip reaching past it is cut
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(page_file.as_uri(), wait_until="load", timeout=90_000)
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        view = {"x": 0, "y": 0, "width": width, "height": 700}
        plot = page.query_selector(".js-plotly-plot .main-svg").bounding_box()
        point = page.evaluate(_RIGHTMOST_STATEMENT, "statements-russia")
        label = page.wait_for_selector(".hoverlayer .hovertext", timeout=10_000)
        box = label.bounding_box()
        page.screenshot(path=str(page_file.with_suffix(".png")))
        assert _inside(box, view) and _inside(box, plot), (box, plot)
        speaker = statements.loc[point, "speaker"]
        assert re.sub(r"\s+", "", speaker) in re.sub(r"\s+", "", label.text_content())
        assert box["x"] > plot["x"] + plot["width"] / 4  # the label of a point far right, opening to its left
        outside = []
        for where in page.evaluate(_EVERY_POINT):  # and every other point's tooltip, left half or right
            page.evaluate(_HOVER, where)
            other = page.query_selector(".hoverlayer .hovertext")
            if other is not None and not _inside(other.bounding_box(), plot):
                outside.append((where, other.bounding_box()))
        assert outside == []
    finally:
        context.close()
