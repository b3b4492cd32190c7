"""Tests of corpus_lib.analysis.export: byte-stable, atomic writers."""

from __future__ import annotations

import doctest
import os
import stat
import threading
import time

import pandas as pd
import pytest
from corpus_frames import corpus

from corpus_lib import analysis
from corpus_lib.analysis import export, plots
from corpus_lib.analysis.export import (
    find_chrome,
    html_network_references,
    save_matplotlib,
    save_plotly_html,
    save_plotly_static,
    save_table,
)


@pytest.fixture(scope="module")
def summaries():
    documents, statements, stances = corpus()
    return {
        "years": analysis.stance_by_period(stances),
        "by_doc": analysis.stance_by_document(stances, documents),
        "quotes": analysis.quotes(stances, statements, documents, topic=None),
    }


@pytest.fixture(scope="module")
def mpl_figure(summaries):
    return plots.stance_timeline(summaries["years"], documents=summaries["by_doc"])


@pytest.fixture(scope="module")
def plotly_figure(summaries):
    return plots.stance_timeline_plotly(
        summaries["years"], documents=summaries["by_doc"], statements=summaries["quotes"]
    )


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_doctests_pass():
    result = doctest.testmod(export, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 5 and result.failed == 0


# ----------------------------------------------------------------------------- matplotlib


def test_save_matplotlib_is_byte_stable(mpl_figure, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = save_matplotlib(mpl_figure, tmp_path / "a", dpi=80)
    second = save_matplotlib(mpl_figure, tmp_path / "b", dpi=80)
    assert [p.name for p in first] == ["a.png", "a.svg", "a.pdf"]
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.suffix
    assert b"Software" not in first[0].read_bytes()  # no PNG tEXt chunk naming matplotlib
    assert b"<dc:date>" not in first[1].read_bytes()
    assert b"/CreationDate" not in first[2].read_bytes()
    assert _leftovers(tmp_path) == []
    assert stat.S_IMODE(os.stat(first[0]).st_mode) == 0o644


def test_fresh_figures_of_the_same_data_save_identically(summaries, tmp_path):
    for name in ("x", "y"):
        fig = plots.topics_timeline(summaries["years"], show_events=True)
        save_matplotlib(fig, tmp_path / name, formats=("png", "svg"), dpi=60)
    assert (tmp_path / "x.png").read_bytes() == (tmp_path / "y.png").read_bytes()
    assert (tmp_path / "x.svg").read_bytes() == (tmp_path / "y.svg").read_bytes()


def test_save_matplotlib_settles_a_constrained_figure(tmp_path):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3, 2), layout="constrained")
    ax = fig.add_subplot()
    ax.plot([0, 1], [0, 1], label="a line")
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.15))  # outside: the layout iterates
    one = save_matplotlib(fig, tmp_path / "one", formats=("png",), dpi=50)
    two = save_matplotlib(fig, tmp_path / "two", formats=("png",), dpi=50)
    assert one[0].read_bytes() == two[0].read_bytes()
    assert type(fig.get_layout_engine()).__name__ == "PlaceHolderLayoutEngine"


def test_save_matplotlib_honours_source_date_epoch(mpl_figure, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "946684800")  # 2000-01-01T00:00:00Z
    one = save_matplotlib(mpl_figure, tmp_path / "e1", formats=("svg", "pdf"), dpi=60)
    two = save_matplotlib(mpl_figure, tmp_path / "e2", formats=("svg", "pdf"), dpi=60)
    assert b"2000-01-01T00:00:00" in one[0].read_bytes()
    assert b"/CreationDate (D:20000101000000" in one[1].read_bytes()
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]


def test_save_matplotlib_names_and_errors(mpl_figure, tmp_path):
    [path] = save_matplotlib(mpl_figure, tmp_path / "sub" / "fig.v2", formats="png", dpi=40)
    assert path == tmp_path / "sub" / "fig.v2.png" and path.is_file()
    with pytest.raises(ValueError, match="formats"):
        save_matplotlib(mpl_figure, tmp_path / "f", formats=("eps",))


def test_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "keep.png"
    target.write_bytes(b"old")

    class Broken:
        def savefig(self, handle, **kwargs):
            handle.write(b"half a fi")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        save_matplotlib(Broken(), tmp_path / "keep", formats=("png",))
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


# ----------------------------------------------------------------------------- HTML


def test_save_plotly_html_is_byte_stable_and_offline(plotly_figure, tmp_path):
    one = save_plotly_html(plotly_figure, tmp_path / "one.html", div_id="timeline")
    two = save_plotly_html(plotly_figure, tmp_path / "two.html", div_id="timeline")
    assert one.read_bytes() == two.read_bytes()
    text = one.read_text(encoding="utf-8")
    assert 'id="timeline"' in text
    assert "plotly.js v" in text  # the library is embedded...
    assert html_network_references(text, include_local=True) == []  # ...and nothing fetched
    assert "cdn.plot.ly" not in text.split("<script", 1)[0]
    default = save_plotly_html(plotly_figure, tmp_path / "stance timeline.html")
    assert 'id="fig-stance-timeline"' in default.read_text(encoding="utf-8")
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<script src="https://cdn.plot.ly/plotly-3.0.0.min.js"></script>', 1),
        ('<script src="//cdn.example.org/x.js"></script>', 1),
        ('<link rel="stylesheet" href="http://example.org/s.css">', 1),
        ('<img srcset="a.png 1x, https://example.org/b.png 2x">', 1),
        ('<div style="background: url(https://example.org/bg.png)"></div>', 1),
        ("<style>@import 'https://example.org/s.css'; p {color: red}</style>", 1),
        ('<meta http-equiv="refresh" content="0; url=https://example.org/">', 1),
        ('<iframe src="https://example.org/"></iframe>', 1),
        ('<a href="https://plotly.com/">made with plotly</a>', 0),
        ('<img src="data:image/png;base64,AAAA">', 0),
        ('<script>var u = "https://cdn.plot.ly/world_110m.json"; // not fetched</script>', 0),
        ('<script src="plotly.min.js"></script>', 0),
    ],
)
def test_html_network_references(html, expected):
    assert len(html_network_references(html)) == expected


def test_html_network_references_local():
    page = '<script src="plotly.min.js"></script><a href="notes.html">notes</a>'
    assert html_network_references(page, include_local=True) == ["<script src='plotly.min.js'>"]


# ----------------------------------------------------------------------------- tables


def test_save_table(tmp_path):
    frame = pd.DataFrame(
        {
            "topic": pd.Categorical(["russia", "karabakh"]),
            "mean_score": [1 / 3, float("nan")],
            "date": pd.to_datetime(["2006-05-10", "2022-07-01"]),
            "n": [3, 0],
        }
    )
    one = save_table(frame, tmp_path / "t1.csv")
    two = save_table(frame, tmp_path / "t2.csv")
    assert one.read_bytes() == two.read_bytes()
    assert one.read_text(encoding="utf-8") == (
        "topic,mean_score,date,n\nrussia,0.3333333333,2006-05-10,3\nkarabakh,,2022-07-01,0\n"
    )
    assert _leftovers(tmp_path) == []


# ----------------------------------------------------------------------------- kaleido


def test_stable_pdf_keeps_length():
    raw = b"%PDF-1.4\n1 0 obj << /CreationDate (D:20261123172223+00'00') /ModDate (D:20261123172223+00'00') >>"
    fixed = export._stable_pdf(raw)
    assert len(fixed) == len(raw)
    assert fixed.count(b"D:20000101000000+00'00'") == 2


def test_static_export_without_chrome_reports_instead_of_raising(plotly_figure, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "find_chrome", lambda: None)
    result = save_plotly_static(plotly_figure, tmp_path / "none")
    assert not result
    assert "no Chrome/Chromium found" in result.message
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValueError, match="formats"):
        save_plotly_static(plotly_figure, tmp_path / "x", formats=("tiff",))


def test_run_with_limit_gives_up_in_time():
    release = threading.Event()
    started = time.perf_counter()
    finished, value = export._run_with_limit(lambda: release.wait(5), 0.2)
    release.set()
    assert (finished, value) == (False, None)
    assert time.perf_counter() - started < 2
    assert export._run_with_limit(lambda: 42, 1) == (True, 42)
    finished, error = export._run_with_limit(lambda: 1 / 0, 1)
    assert finished and isinstance(error, ZeroDivisionError)


@pytest.fixture
def kaleido_server():
    yield
    export.stop_static_server()


@pytest.mark.slow
@pytest.mark.skipif(find_chrome() is None, reason="no Chrome/Chromium found for kaleido")
def test_save_plotly_static_png_and_pdf_are_byte_stable(plotly_figure, tmp_path, kaleido_server):
    first = save_plotly_static(plotly_figure, tmp_path / "a", formats=("png", "pdf", "svg"), timeout=90)
    assert first, first.message
    assert first.server
    second = save_plotly_static(plotly_figure, tmp_path / "b", formats=("png", "pdf", "svg"), timeout=90)
    assert second, second.message
    png, pdf, svg = first.paths
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png.read_bytes()[16:20], "big"), int.from_bytes(png.read_bytes()[20:24], "big")
    # print resolution by default: three device pixels per CSS pixel of the layout
    assert (width, height) == (3 * plotly_figure.layout.width, 3 * plotly_figure.layout.height)
    assert png.read_bytes() == (tmp_path / "b.png").read_bytes()
    assert pdf.read_bytes() == (tmp_path / "b.pdf").read_bytes()  # dates fixed in place
    assert svg.read_bytes().lstrip().startswith(b"<svg")  # SVG: valid, but not stable
    assert _leftovers(tmp_path) == []


def test_export_chart_logs_the_time_of_each_format(summaries, plotly_figure, tmp_path, monkeypatch):
    """What ``corpus-lib report`` adds up per export format (its kernels log through this variable)."""
    import json

    from corpus_lib.analysis.export import EXPORT_LOG, export_chart

    log = tmp_path / "exports.jsonl"
    monkeypatch.setenv(EXPORT_LOG, str(log))
    fresh = plots.stance_timeline(summaries["years"], documents=summaries["by_doc"])
    written = export_chart(fresh, "timed", output_dir=tmp_path, data=summaries["years"])
    written += export_chart(plotly_figure, "timed-plotly", output_dir=tmp_path)
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [(r["chart"], r["format"]) for r in records] == [
        ("timed", "matplotlib layout"), ("timed", "matplotlib png"), ("timed", "matplotlib svg"),
        ("timed", "matplotlib pdf"), ("timed", "csv"), ("timed-plotly", "plotly html"), ("timed-plotly", "plotly json"),
    ]
    assert all(r["seconds"] >= 0 for r in records)
    assert [p.name for p in written] == [
        "timed.png", "timed.svg", "timed.pdf", "timed.csv", "timed-plotly.html", "timed-plotly.plotly.json",
    ]
    monkeypatch.delenv(EXPORT_LOG)
    export_chart(fresh, "untimed", output_dir=tmp_path)
    assert len(log.read_text(encoding="utf-8").splitlines()) == len(records)


def _small_plotly():
    import plotly.graph_objects as go

    return go.Figure(go.Scatter(x=[1, 2], y=[0, 1]), layout={"width": 300, "height": 200})


@pytest.mark.skipif(find_chrome() is None, reason="no Chrome/Chromium found for kaleido")
def test_export_chart_makes_plotly_images_where_a_browser_can(tmp_path):
    written = {p.name for p in export.export_chart(_small_plotly(), "p", output_dir=tmp_path, static=True)}
    assert {"p.html", "p.plotly.json", "p.png", "p.svg"} <= written
    assert (tmp_path / "figures" / "p.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_export_chart_makes_no_images_outside_a_kernel_by_default(tmp_path):
    written = {p.name for p in export.export_chart(_small_plotly(), "p", output_dir=tmp_path)}
    assert written == {"p.html", "p.plotly.json"}


@pytest.mark.parametrize("ours", [True, False])
def test_without_a_browser_stale_images_go_only_from_a_folder_the_package_wrote(tmp_path, monkeypatch, ours):
    monkeypatch.setattr(export, "find_chrome", lambda: None)
    figures = tmp_path / "figures"
    figures.mkdir()
    (figures / "p.png").write_bytes(b"old")
    if ours:
        (tmp_path / ".corpus-lib-output").write_text("{}", encoding="utf-8")
    export.export_chart(_small_plotly(), "p", output_dir=tmp_path, static=True)
    assert (figures / "p.png").exists() is not ours
