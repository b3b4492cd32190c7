"""The notebooks: executed headless as the report does it, on the seeds and on a tiny corpus.

One module-scoped fixture builds three reports, concurrently (each notebook is a separate
kernel, so they share two cores well): the seed corpus with :func:`run_report` in this
process, the seed corpus again with ``python -m corpus_lib report`` (the notebooks in
``RERUN``, to compare the bytes of the two), and a three-document invented corpus whose one
sentence carries
``<script>`` and ``<img onerror>`` markup inside a sentence that is coded and plotted.
The remaining tests read those folders.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from corpus_lib.analysis.export import find_chrome, html_network_references
from corpus_lib.paths import NOTEBOOKS_DIR, PROJECT_ROOT

pytestmark = pytest.mark.notebooks

SCRIPT = '<script>alert("x")</script>'
IMG = "<img src=x onerror=alert(1)>"
RAW = ("<script>alert(", "<img src=x onerror")
ESCAPED = ("&lt;script&gt;alert(", "&lt;img src=x onerror")

# Three invented texts: two documents two holders never speak in (Azerbaijan holds nothing
# here) and no membership statement at all; one document touches no topic.
SMALL_CORPUS = {
    "a.txt": (
        "NATO official: the sides themselves must settle Karabakh\n\n"
        "A NATO official said on Monday that the Alliance keeps out of the Karabakh conflict.\n"
        '"We believe the conflict sides themselves will reach a peaceful resolution of the Karabakh '
        'conflict," the NATO official said.\n'
        "The official added that NATO has good relations with Russia.\n"
    ),
    "b.txt": (
        "NATO condemns Russia's war\n\n"
        f"NATO Secretary General said that Russia's war {SCRIPT} against Ukraine is illegal and must "
        f"stop {IMG} at once.\n"
        "Allies will keep supporting Ukraine against Russia's aggression.\n"
    ),
    "c.txt": (
        "Caspian ferry schedule changes\n\n"
        "The port of Baku announced a new ferry schedule for the summer season.\n"
        "Tickets will be sold online from next week.\n"
    ),
}
SMALL_MANIFEST = (
    "file,doc_id,title,date,date_basis,date_note,source,genre,url\n"
    "a.txt,test-2007-official,NATO official: the sides themselves must settle Karabakh,2007-03-12,"
    "explicit,Invented test text.,Test Wire,news,\n"
    "b.txt,test-2023-condemn,NATO condemns Russia's war,2023-05-02,explicit,Invented test text.,Test Wire,news,\n"
    "c.txt,test-2015-ferry,Caspian ferry schedule changes,2015-06-01,inferred,Invented test text.,Test Wire,news,\n"
)

NOTEBOOK_SOURCES = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.py"))
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))
# The charts the notebooks export, through the sections of corpus_lib.analysis, each named
# after its notebook (the notebook passes its own name to the section).
TOPIC_NOTEBOOKS = ("01-karabakh", "02-russia", "03-membership")
TOPIC_CHARTS = ("timeline", "timeline-interactive", "salience", "label-shares", "holders", "holder-labels")
# the chart of each topic notebook's own question (Karabakh's speakers are a table)
OWN_CHARTS = ("02-russia-around-events", "03-membership-by-country")
CHART_NAMES = sorted(
    ["00-corpus-statements", "00-corpus-removed"]
    + [f"{notebook}-{chart}" for notebook in TOPIC_NOTEBOOKS for chart in TOPIC_CHARTS]
    + list(OWN_CHARTS)
    + ["04-synthesis-topics-timeline", "04-synthesis-keyness", "04-synthesis-tone"]
    + ["05-validation-agreement"]
    + [f"05-validation-confusion-{topic}" for topic in ("karabakh", "russia", "membership")]
    + ["06-explorer-initial"]
)
PARAMETERS = ("corpus_dir", "tables_dir", "output_dir", "date_from", "date_to", "holders")
TIMELINE_PARAMETERS = {"events_file"}
OWN_PARAMETERS = {"window_years", "countries"}  # those of one topic notebook's own question
# Notebooks run a second time on the seeds to compare bytes. 01 and 03 are left out to keep
# this file within its time budget: they run the very code of 02, on another topic.
RERUN = ("00", "02", "04", "05", "06")


def write_small_corpus(folder: Path) -> Path:
    """Write the invented three-document corpus (texts + manifest.csv) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in SMALL_CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text(SMALL_MANIFEST, encoding="utf-8")
    return folder


def _cli_report(corpus: Path | None, out: Path, static: bool, only: str | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", "corpus_lib", "report", "--out", str(out), "--no-progress"]
    command += ["--corpus", str(corpus)] if corpus is not None else []
    command += ["--only", only] if only else []
    # three reports share two cores here: give each static export room beyond the default 60 s
    command += ["--static-timeout", "300"] if static else ["--no-static"]
    return subprocess.Popen(
        command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ)
    )


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    from corpus_lib.report import run_report

    root = tmp_path_factory.mktemp("reports")
    small = write_small_corpus(root / "small-corpus")
    static = find_chrome() is not None
    others = {
        "seeds-again": _cli_report(None, root / "seeds-again", static, only=",".join(RERUN)),
        "small": _cli_report(small, root / "small", static),
    }
    consoles = {}
    try:
        result = run_report(out=root / "seeds", static_images=static, static_timeout=300.0, progress=False)
        for name, process in others.items():
            out, err = process.communicate(timeout=900)
            assert process.returncode == 0, f"report {name} failed:\n{err[-3000:]}"
            consoles[name] = (out, err)
    finally:
        for process in others.values():
            if process.poll() is None:
                process.kill()
                process.communicate()
    return {"seeds": root / "seeds", "seeds-again": root / "seeds-again", "small": root / "small",
            "static": static, "result": result, "small_corpus": small, "consoles": consoles}


def test_kernel_noise_goes_to_log_files_not_the_console(reports):
    for name, (out, err) in reports["consoles"].items():
        for console in (out, err):
            assert "IPKernelApp" not in console and "KeyboardInterrupt caught" not in console, name
        # the summary's last line says where the logs are (stderr may carry a progress bar on a slow machine)
        assert out.rstrip().endswith("*.log"), name
    assert sorted(p.stem for p in (reports["small"] / "notebooks").glob("*.log")) == sorted(
        p.stem for p in (reports["small"] / "notebooks").glob("*.ipynb"))


def test_a_kernel_talks_over_private_sockets_that_go_when_it_is_done(tmp_path):
    """Kernels started at once by several reports cannot take each other's TCP ports."""
    import papermill

    from corpus_lib.report.runner import _kernel_channels

    probe = tmp_path / "probe.ipynb"
    source = "from ipykernel.connect import get_connection_info\nprint(get_connection_info(unpack=True)['transport'])"
    probe.write_text(json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "id": "probe", "metadata": {}, "outputs": [],
                   "source": source}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    with _kernel_channels() as channels:
        folder = Path(channels["config"].KernelManager.ip).parent
        papermill.execute_notebook(str(probe), str(tmp_path / "out.ipynb"), kernel_name="python3",
                                   progress_bar=False, cwd=str(tmp_path), **channels)
    assert _output_text(tmp_path / "out.ipynb").strip() == "ipc"
    assert not folder.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.ipynb", "probe.ipynb"]


def _outputs(notebook: Path):
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        yield from cell.get("outputs", [])


def _text(value) -> str:
    """An output field as one string (nbformat may store text as a list of lines)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "".join(value)
    return json.dumps(value)


def _output_text(notebook: Path) -> str:
    parts = []
    for output in _outputs(notebook):
        parts.append(_text(output.get("text", "")))
        parts += [_text(value) for value in output.get("data", {}).values()]
    return "\n".join(parts)


def _chart_files(folder: Path) -> dict[str, set[str]]:
    """Chart name -> suffixes present in ``folder``."""
    charts: dict[str, set[str]] = {}
    for path in folder.iterdir():
        name, _, suffix = path.name.partition(".")
        charts.setdefault(name, set()).add(suffix)
    return charts


def _check_chart(folder: Path, name: str, static: bool) -> None:
    from PIL import Image

    csv = folder / f"{name}.csv"
    assert csv.is_file() and csv.stat().st_size > 0, f"{name}: no data CSV"
    if (folder / f"{name}.plotly.json").is_file():
        page = (folder / f"{name}.html").read_text(encoding="utf-8")
        assert html_network_references(page, include_local=True) == [], name
        assert f'id="fig-{name}"' in page
        json.loads((folder / f"{name}.plotly.json").read_text(encoding="utf-8"))
        formats = ("png", "svg") if static else ()
    else:
        formats = ("png", "svg", "pdf")
        assert (folder / f"{name}.pdf").read_bytes()[:5] == b"%PDF-", f"{name}.pdf is not a PDF"
    if "png" in formats:
        png = folder / f"{name}.png"
        assert png.stat().st_size > 10_000, f"{name}.png is suspiciously small"
        with Image.open(png) as image:
            image.verify()
        with Image.open(png) as image:
            assert min(image.size) > 200, f"{name}.png is {image.size}"
    if "svg" in formats:
        assert ET.parse(folder / f"{name}.svg").getroot().tag.endswith("svg")


# --------------------------------------------------------------------------- the sources


def test_every_notebook_has_its_pair_and_names_its_charts_after_itself():
    assert [p.stem for p in NOTEBOOK_SOURCES] == [p.stem for p in NOTEBOOKS]
    assert [p.stem[:2] for p in NOTEBOOKS] == ["00", "01", "02", "03", "04", "05", "06", "07"]
    assert (NOTEBOOKS_DIR / "jupytext.toml").is_file()
    for path in NOTEBOOK_SOURCES:
        text = path.read_text(encoding="utf-8")
        assert "export_chart(" not in text, f"{path.name}: charts are exported by the sections of corpus_lib.analysis"
        assert f'name="{path.stem}"' in text, f"{path.name} does not name its charts after itself"
    assert len(CHART_NAMES) == len(set(CHART_NAMES))
    for name in CHART_NAMES:
        assert name[:2] in {p.stem[:2] for p in NOTEBOOKS}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_pairs_are_in_sync_and_committed_without_outputs(notebook):
    import jupytext

    nb = jupytext.read(notebook)
    text = notebook.with_suffix(".py").read_text(encoding="utf-8")
    assert jupytext.writes(nb, fmt="py:percent") == text, (
        f"{notebook.name} and its .py differ: run `.venv/bin/jupytext --sync notebooks/{notebook.stem}.py`"
    )
    raw = json.loads(notebook.read_text(encoding="utf-8"))
    assert raw["metadata"]["kernelspec"]["name"] == "python3"
    for cell in raw["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, f"{notebook.name} has outputs"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_are_thin_and_parametrised(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    assert cells[0]["cell_type"] == "markdown" and "".join(cells[0]["source"]).startswith("# ")
    assert "**Question:**" in "".join(cells[0]["source"])
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    tagged = [cell for cell in code if "parameters" in cell["metadata"].get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is code[0], "the first code cell must be the one tagged 'parameters'"
    names = re.findall(r"^(\w+)\s*=", "".join(tagged[0]["source"]), flags=re.M)
    assert tuple(names[: len(PARAMETERS)]) == PARAMETERS  # the report's shared parameters first
    assert set(names[len(PARAMETERS):]) <= TIMELINE_PARAMETERS | OWN_PARAMETERS  # then timelines', own questions'
    setup = "".join(code[1]["source"])
    if notebook.stem in TOPIC_NOTEBOOKS:  # the corpus is read and the section made in one call
        topic = notebook.stem.split("-")[1]
        assert f'{topic} = topic_notebook("{topic}", corpus_dir=corpus_dir, tables_dir=tables_dir' in setup
    else:
        assert "corpus = load_corpus(corpus_dir, tables=tables_dir" in setup
    for cell in code:
        source = "".join(cell["source"])
        assert not re.search(r"^\s*(async\s+)?def |^\s*class |\blambda\b", source, flags=re.M), (
            f"{notebook.name}: a function or class is defined in a notebook; it belongs in corpus_lib"
        )
    for cell in code[2:]:  # after the parameters and the set-up: one or two calls a cell, no logic
        tree = ast.parse("".join(cell["source"]))
        calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
        assert len(calls) <= 2, f"{notebook.name}: a cell computes inline: {ast.unparse(tree)[:200]}"
        assert all(isinstance(node, ast.Assign | ast.Expr) for node in tree.body), (
            f"{notebook.name}: a cell holds control flow: {ast.unparse(tree)[:200]}"
        )


def _code_shapes(path: Path) -> list[tuple[str, ...]]:
    """Each code line of a notebook's .py as its token shape: names, strings and numbers alike,
    comments (the prose and cell markers) dropped, as a reader of repeated code sees it."""
    import io
    import keyword
    import tokenize

    lines: dict[int, list[str]] = {}
    for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if token.type == tokenize.NAME:
            kind = token.string if keyword.iskeyword(token.string) and token.string not in ("None", "True", "False") else "N"
        elif token.type in (tokenize.STRING, tokenize.NUMBER, tokenize.OP):
            kind = {tokenize.STRING: "S", tokenize.NUMBER: "#"}.get(token.type, token.string)
        else:
            continue
        lines.setdefault(token.start[0], []).append(kind)
    return [tuple(shape) for _, shape in sorted(lines.items())]


def test_the_topic_notebooks_repeat_no_block_of_code():
    """01-03 share one code path in the library: no six code lines of the same shape stand in two of them."""
    runs = {}
    for stem in TOPIC_NOTEBOOKS:
        shapes = _code_shapes(NOTEBOOKS_DIR / f"{stem}.py")
        runs[stem] = {tuple(shapes[k : k + 6]) for k in range(len(shapes) - 5)}
        assert len(shapes) >= 12, stem
    for first, second in [("01-karabakh", "02-russia"), ("01-karabakh", "03-membership"), ("02-russia", "03-membership")]:
        assert not runs[first] & runs[second], f"{first} and {second} repeat a block of code"


# --------------------------------------------------------------------------- the runs


@pytest.mark.parametrize("run", ["seeds", "small"])
def test_every_notebook_executes_without_errors(reports, run):
    executed = sorted((reports[run] / "notebooks").glob("*.ipynb"))
    assert [p.name for p in executed] == [p.name for p in NOTEBOOKS]
    for notebook in executed:
        for output in _outputs(notebook):
            assert output["output_type"] != "error", f"{run}/{notebook.name}: {output.get('ename')}: {output.get('evalue')}"
            if output["output_type"] == "stream" and output["name"] == "stderr":
                text = _text(output["text"])
                assert "Traceback" not in text, f"{run}/{notebook.name}: {text[:2000]}"
        assert notebook.with_suffix(".html").is_file()


def test_every_chart_of_the_notebooks_is_exported_on_the_seeds(reports):
    folder = reports["seeds"] / "figures"
    assert set(_chart_files(folder)) == set(CHART_NAMES)
    for name in CHART_NAMES:
        _check_chart(folder, name, reports["static"])
    assert not reports["static"] or not reports["result"].messages, reports["result"].messages


def test_the_small_corpus_exports_what_it_has_and_says_what_it_lacks(reports):
    folder = reports["small"] / "figures"
    charts = _chart_files(folder)
    assert set(charts) <= set(CHART_NAMES)
    for name in charts:
        _check_chart(folder, name, reports["static"])
    # the malicious sentence is coded (NATO, russia, adversarial) and plotted
    assert {"02-russia-timeline", "02-russia-timeline-interactive", "06-explorer-initial"} <= set(charts)
    # no membership statement, no removed text, no hand codes: messages instead of charts
    assert not any(name.startswith(("03-membership-timeline", "05-", "00-corpus-removed")) for name in charts)
    notebooks = reports["small"] / "notebooks"
    assert "No statement on Membership held by NATO" in _output_text(notebooks / "03-membership.ipynb")
    assert "Cleaning removed nothing" in _output_text(notebooks / "00-corpus.ipynb")
    assert "no validation here" in _output_text(notebooks / "05-validation.ipynb")


@pytest.mark.parametrize("run", ["seeds", "small"])
def test_written_html_is_offline(reports, run):
    pages = sorted(reports[run].rglob("*.html"))
    assert len(pages) >= len(NOTEBOOKS)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert html_network_references(text, include_local=True) == [], page.name
        assert "jsdelivr.net/npm/@jupyter-widgets" not in text and "unpkg.com" not in text


def test_malicious_text_is_escaped_everywhere_it_is_rendered(reports):
    small = reports["small"]
    assert all(raw in (small / "tables" / "statements.csv").read_text(encoding="utf-8") for raw in RAW)
    pages = sorted(small.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for raw in RAW:
            assert raw not in text, f"{page.name} holds unescaped {raw!r}"
    # it did reach the pages, escaped: hover text of the chart and of the notebook's figure
    for page in ("figures/02-russia-timeline-interactive.html", "notebooks/02-russia.html", "notebooks/06-explorer.html"):
        text = (small / page).read_text(encoding="utf-8")
        assert all(escaped in text for escaped in ESCAPED), page
    # the notebooks' rich outputs (what JupyterLab renders) hold no raw markup either
    for notebook in sorted((small / "notebooks").glob("*.ipynb")):
        for output in _outputs(notebook):
            for mime in ("text/html", "text/markdown", "image/svg+xml"):
                value = _text(output.get("data", {}).get(mime, ""))
                assert not any(raw in value for raw in RAW), f"{notebook.name} {mime}"


def test_a_second_run_gives_the_same_bytes(reports):
    """PNG, PDF, CSV and plotly HTML, and matplotlib's SVG; not kaleido's SVG (random ids)."""
    first, second = reports["seeds"] / "figures", reports["seeds-again"] / "figures"
    expected = []
    for name in (name for name in CHART_NAMES if name.startswith(RERUN)):
        if (first / f"{name}.plotly.json").is_file():
            expected += [f"{name}.html", f"{name}.csv"] + ([f"{name}.png"] if reports["static"] else [])
        else:
            expected += [f"{name}.{suffix}" for suffix in ("png", "svg", "pdf", "csv")]
    for file in expected:
        assert (second / file).is_file(), f"{file} missing from the second run"
        assert (first / file).read_bytes() == (second / file).read_bytes(), f"{file} differs between two runs"
    tables = sorted(path.name for path in (reports["seeds"] / "tables").iterdir())
    assert tables == sorted([f"{t}.{ext}" for t in ("documents", "statements", "removed", "stances")
                             for ext in ("csv", "parquet")] + ["corpus.json"])
    for name in tables:
        assert (reports["seeds"] / "tables" / name).read_bytes() == (reports["seeds-again"] / "tables" / name).read_bytes(), name


def test_a_second_run_gives_the_same_notebooks_and_pages(reports):
    """The executed notebooks and their HTML, but for the report folder's own path, which they name.

    06-explorer is left out: the saved state of its widgets keeps random ids.
    """
    for stem in (p.stem for p in NOTEBOOKS if p.stem.startswith(RERUN) and not p.stem.startswith("06")):
        for suffix in (".ipynb", ".html"):
            first = (reports["seeds"] / "notebooks" / (stem + suffix)).read_text(encoding="utf-8")
            second = (reports["seeds-again"] / "notebooks" / (stem + suffix)).read_text(encoding="utf-8")
            assert str(reports["seeds"]) in first and ".tmp-" not in first, f"{stem}{suffix}: staging path left"
            first = first.replace(str(reports["seeds"]), "OUT")
            second = second.replace(str(reports["seeds-again"]), "OUT")
            assert first == second, f"{stem}{suffix} differs between two runs"


def test_the_summary_times_every_notebook_and_export_format(reports):
    from corpus_lib.report import describe

    result = reports["result"]
    assert list(result.notebooks) == [p.stem for p in NOTEBOOKS]
    for name, timings in result.notebooks.items():
        assert timings["seconds"] > timings["cells"] >= timings["setup"] > 0, name
        assert timings["cpu"] > 0 and timings["html"] > 0, name
    assert list(result.timings) == ["tables", "notebooks", "plotly_static", "total"]
    figures = reports["seeds"] / "figures"
    charts = _chart_files(figures)
    plotly_charts = [name for name, suffixes in charts.items() if "plotly.json" in suffixes]
    static_charts = [name for name in charts if name not in plotly_charts]
    exports = result.exports
    for fmt in ("png", "svg", "pdf"):
        assert exports[f"matplotlib {fmt}"]["files"] == len(static_charts), fmt
    assert exports["plotly html"]["files"] == exports["plotly json"]["files"] == len(plotly_charts)
    assert exports["csv"]["files"] == len(charts)
    assert exports["notebook html"]["files"] == len(NOTEBOOKS)
    if reports["static"]:
        assert exports["kaleido png"]["files"] == exports["kaleido svg"]["files"] == len(plotly_charts)
    text = describe(result)
    for name in [*result.notebooks, *exports]:
        assert name in text


def test_the_notebooks_read_back_the_tables_the_report_built(tmp_path):
    """What the report hands its notebooks (tables_dir) equals parsing the corpus again."""
    import pandas as pd

    from corpus_lib.corpus import load_corpus

    small = write_small_corpus(tmp_path / "corpus")
    parsed = load_corpus(small)
    parsed.save(tmp_path / "tables")
    read = load_corpus(small, tables=tmp_path / "tables")
    for name in ("documents", "statements", "removed", "stances"):
        pd.testing.assert_frame_equal(getattr(read, name), getattr(parsed, name), obj=name)
    with pytest.raises(ValueError, match="were built from"):
        load_corpus(None, tables=tmp_path / "tables")  # the seed corpus: not what they were built from


def test_a_failing_notebook_is_named_and_the_previous_report_stays(tmp_path):
    from corpus_lib.report import NotebookFailed, run_report

    out = tmp_path / "report"
    out.mkdir()
    (out / "previous.txt").write_text("the last good report", encoding="utf-8")
    (out / ".corpus-lib-output").write_text("{}\n", encoding="utf-8")  # written by an earlier report
    with pytest.raises(NotebookFailed) as caught:
        run_report(out=out, only=["01"], parameters={"holders": ["nobody"]}, static_images=False, progress=False)
    message = str(caught.value)
    assert "01-karabakh.ipynb" in message and "ValueError" in message and "unknown holders ['nobody']" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"], "a temporary folder was left behind"
    assert sorted(p.name for p in out.iterdir()) == [".corpus-lib-output", "previous.txt"]


def test_a_notebook_runs_on_its_own_with_its_default_parameters(tmp_path):
    """As in JupyterLab: no tables_dir, so it parses the seed corpus itself."""
    import papermill

    notebook = NOTEBOOKS_DIR / "06-explorer.ipynb"
    papermill.execute_notebook(
        str(notebook), str(tmp_path / notebook.name), parameters={"output_dir": str(tmp_path)},
        kernel_name="python3", cwd=str(NOTEBOOKS_DIR), progress_bar=False,
    )
    assert (tmp_path / "figures" / "06-explorer-initial.csv").is_file()
    assert not any(output["output_type"] == "error" for output in _outputs(tmp_path / notebook.name))


def test_explorer_follows_its_widgets(tmp_path):
    """06's explorer (corpus_lib.report.stance_explorer) without a kernel: each change redraws."""
    from corpus_lib.corpus import load_corpus
    from corpus_lib.report import stance_explorer

    corpus = load_corpus(write_small_corpus(tmp_path / "corpus"))
    explorer = stance_explorer(corpus, topic="russia", holders=["NATO", "Azerbaijan", "media"], date_from="2005-01-01")
    assert explorer.current.layout.title.text == "Russia: NATO, Azerbaijan, media, 2007–2023"
    # "Allies will keep supporting Ukraine …" reports the Allies' position: NATO holds it
    assert set(explorer.data["holder"].astype(str)) == {"NATO"}
    assert all(escaped in explorer.table.value for escaped in ESCAPED)
    hover = json.dumps(explorer.current.to_plotly_json(), default=str)
    assert all(escaped in hover for escaped in ESCAPED) and not any(raw in hover for raw in RAW)
    if not explorer.live:  # the Output widget holds the chart as plotly JSON
        (shown,) = explorer.output.outputs
        assert shown["data"]["application/vnd.plotly.v1+json"]["layout"]["title"]["text"].startswith("Russia")
    widgets = explorer.controls
    widgets["topic"].value = "membership"
    assert explorer.data.empty and "No statement on <b>membership</b>" in explorer.status.value
    assert explorer.table.value == ""
    widgets["topic"].value = "karabakh"
    widgets["holders"].value = ()
    assert explorer.data.empty and "no holder" in explorer.status.value
    widgets["holders"].value = ("NATO",)
    widgets["years"].value = (2010, 2023)
    assert explorer.data.empty and "2010–2023" in explorer.current.layout.title.text
    widgets["years"].value = (2007, 2007)
    assert len(explorer.data) == 3 and explorer.periods["n_statements"].sum() == 3
    assert not any(raw in explorer.status.value + explorer.table.value for raw in RAW)
