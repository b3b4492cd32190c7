"""Tests of corpus_lib.analysis.plots: figures built from the analysis tables of the test corpus."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest
from corpus_frames import corpus

from corpus_lib import analysis
from corpus_lib.analysis import chart_data, plotly_charts, plots, style, timelines
from corpus_lib.analysis.export import html_network_references, save_plotly_html

BINS = {"early": (2005, 2008), "late": (2022, 2024)}
EVIL = "Peace now <script>alert('x')</script> <img src=x onerror=alert(1)> & more."


@pytest.fixture(scope="module")
def tables():
    documents, statements, stances = corpus()
    return {
        "documents": documents,
        "statements": statements,
        "stances": stances,
        "years": analysis.stance_by_period(stances),
        "bins": analysis.stance_by_period(stances, freq_or_bins=BINS),
        "by_doc": analysis.stance_by_document(stances, documents),
        "quotes": analysis.quotes(stances, statements, documents, topic=None, use_event_date=True),
    }


def test_doctests_pass():
    for module in (plots, timelines, plotly_charts, style, chart_data):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0, module.__name__
    assert doctest.testmod(plots).attempted >= 9  # every bar chart and heatmap has an example


def test_plots_reaches_every_chart():
    """``plots`` is the plotting API: the timelines, the plotly charts and the house style are reached through it."""
    assert plots.stance_timeline is timelines.stance_timeline
    assert plots.stance_timeline_plotly is plotly_charts.stance_timeline_plotly
    assert plots.house_style is style.house_style
    assert all(callable(getattr(plots, name)) or isinstance(getattr(plots, name), dict) for name in plots.__all__)


def test_house_style_is_scoped():
    import matplotlib as mpl

    before = mpl.rcParams["font.size"]
    with plots.house_style():
        assert mpl.rcParams["font.size"] == plots.HOUSE_RC["font.size"]
        assert mpl.rcParams["axes.spines.top"] is False
    assert mpl.rcParams["font.size"] == before
    assert set(plots.TOPIC_COLORS) == set(analysis.TOPICS)
    assert set(plots.LABEL_COLORS) == set(analysis.LABELS)
    assert set(plots.HOLDER_COLORS) == set(analysis.HOLDERS)


def test_stance_timeline(tables):
    from matplotlib.figure import Figure

    fig = plots.stance_timeline(tables["years"], documents=tables["by_doc"], statements=tables["quotes"])
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 2  # event strip + timeline
    strip, main = fig.axes
    legend = [t.get_text() for t in main.get_legend().get_texts()]
    assert legend[:3] == ["Karabakh", "Russia", "Membership"]  # each topic's colour, then the marks
    assert {"document mean (size = statements)", "single statement", "event"} <= set(legend)
    n_events = len(analysis.timeline_events())
    assert len(strip.texts) == n_events  # every event falls inside 2006-2024
    assert "Bucharest summit" in {t.get_text() for t in strip.texts}
    # documents and statements are drawn as point collections: 2 per topic
    assert len(main.collections) >= 2 * 3
    assert type(fig.get_layout_engine()).__name__ == "ConstrainedLayoutEngine"

    alone = plots.stance_timeline(tables["years"], show_events=False, topics="russia")
    assert len(alone.axes) == 1
    assert alone.axes[0].get_yticklabels()[0].get_text() == "−1 adversarial"


def test_stance_timeline_breaks_line_between_distant_bins(tables):
    fig = plots.stance_timeline(tables["bins"], show_events=False, topics="russia")
    line = fig.axes[0].get_lines()[0]
    y = np.asarray(line.get_ydata(), dtype=float)
    assert len(y) == 3 and np.isnan(y[1])  # early, gap, late


def test_stance_timeline_into_given_axes(tables):
    from matplotlib.figure import Figure

    own = Figure()
    ax = own.add_subplot()
    fig = plots.stance_timeline(tables["years"], ax=ax)
    assert fig is own and len(own.axes) == 1
    assert own.get_layout_engine() is None  # the caller's figure is left as it was


def test_topics_timeline(tables):
    fig = plots.topics_timeline(tables["years"], documents=tables["by_doc"], statements=tables["quotes"], title="t")
    assert len(fig.axes) == 4
    titles = [ax.get_title(loc="left") for ax in fig.axes[1:]]
    assert titles == [plots.topic_name(t) for t in analysis.TOPICS]
    shared = fig.axes[1].get_shared_x_axes()
    assert all(shared.joined(fig.axes[1], ax) for ax in fig.axes[2:])
    assert len(plots.topics_timeline(tables["years"], show_events=False).axes) == 3


def test_label_shares(tables):
    fig = plots.label_shares(tables["bins"])
    assert len(fig.axes) == 3
    karabakh = fig.axes[0]
    assert len(karabakh.patches) == 2 * 3  # 2 periods x (engaged, detached, neutral)
    heights = [p.get_height() for p in karabakh.patches]
    assert sum(heights) == pytest.approx(2.0)
    positioned = plots.label_shares(tables["bins"], include_neutral=False, topics="karabakh")
    assert len(positioned.axes) == 1 and len(positioned.axes[0].patches) == 2 * 2
    by_doc = plots.label_shares(tables["by_doc"], x="doc_id")
    assert len(by_doc.axes) == 3


def test_salience_heatmap(tables):
    sal = analysis.salience(tables["statements"], tables["stances"])
    fig = plots.salience_heatmap(sal)
    assert len(fig.axes) == 2  # heatmap + colour bar
    image = fig.axes[0].get_images()[0].get_array()
    assert image.shape == (4, 3)
    assert image[0, 0] == 0.5  # apa-2006-alpha, karabakh: 3 of 6 statements
    assert fig.axes[0].get_yticklabels()[0].get_text() == "apa-2006-alpha (2006)"


def test_holder_comparison_plot(tables):
    hc = analysis.holder_comparison(tables["stances"])
    fig = plots.holder_comparison_plot(hc)
    assert len(fig.axes) == 1
    assert len(fig.axes[0].patches) == 3 * 3  # 3 holders x 3 topics
    by_period = analysis.holder_comparison(tables["stances"], freq_or_bins=BINS)
    assert len(plots.holder_comparison_plot(by_period).axes) == 3


def test_keyness_plot(tables):
    kn = analysis.keyness(tables["statements"], min_count=1)
    fig = plots.keyness_plot(kn, top=4)
    assert len(fig.axes) == 1
    assert len(fig.axes[0].patches) == 8
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert sum(w < 0 for w in widths) == 4  # early words to the left


def test_tone_vs_stance_plot(tables):
    statements = tables["statements"].assign(tone=np.linspace(-0.9, 0.9, len(tables["statements"])))
    tvs = analysis.tone_vs_stance(statements, tables["stances"])
    fig = plots.tone_vs_stance_plot(tvs)
    assert len(fig.axes) == 3
    assert [t.get_text() for t in fig.axes[2].get_xticklabels()] == [
        "open",
        "conditional",
        "distant",
        "neutral",
    ]


def test_confusion_heatmap():
    labels = ["open", "conditional", "distant"]
    cm = pd.DataFrame(
        [[5, 1, 0], [2, 7, 1], [0, 1, 3]],
        index=pd.Index(labels, name="gold"),
        columns=pd.Index(labels, name="pred"),
    )
    fig = plots.confusion_heatmap(cm, normalize="true")
    assert len(fig.axes) == 2
    shown = fig.axes[0].get_images()[0].get_array()
    assert np.allclose(np.asarray(shown).sum(axis=1), 1.0)
    assert fig.axes[0].get_xlabel() == "pred" and fig.axes[0].get_ylabel() == "gold"
    assert fig.axes[0].texts[0].get_text() == "5\n83%"
    with pytest.raises(ValueError):
        plots.confusion_heatmap(cm, normalize="rows")


def test_plots_do_not_modify_inputs(tables):
    copies = {k: v.copy(deep=True) for k, v in tables.items()}
    plots.stance_timeline(tables["years"], documents=tables["by_doc"], statements=tables["quotes"])
    plots.stance_timeline_plotly(tables["years"], documents=tables["by_doc"], statements=tables["quotes"])
    plots.label_shares(tables["bins"], include_neutral=False)
    for key, before in copies.items():
        pd.testing.assert_frame_equal(before, tables[key])


# ----------------------------------------------------------------------------- plotly


def test_stance_timeline_plotly_traces(tables):
    import plotly.graph_objects as go

    fig = plots.stance_timeline_plotly(tables["years"], documents=tables["by_doc"], statements=tables["quotes"])
    assert isinstance(fig, go.Figure)
    uids = [t.uid for t in fig.data]
    for topic in analysis.TOPICS:  # per topic, in order: means, (hollow points,) documents, statements
        mine = [u for u in uids if u.endswith(f"-{topic}")]
        assert [u for u in mine if not u.startswith("hollow-")] == [f"{k}-{topic}" for k in ("mean", "documents", "statements")]
    assert uids[-1] == "legend-event"
    n_events = len(analysis.timeline_events())
    assert len(fig.layout.shapes) == n_events and len(fig.layout.annotations) == n_events
    plain = plots.stance_timeline_plotly(tables["bins"], show_events=False)
    assert [t.uid for t in plain.data if t.uid.startswith("mean-")] == [f"mean-{t}" for t in analysis.TOPICS]
    assert not plain.layout.shapes
    # a gap row breaks the line between early and late
    assert plain.data[0].y[1] is None
    again = plots.stance_timeline_plotly(tables["years"], documents=tables["by_doc"], statements=tables["quotes"])
    assert fig.to_json() == again.to_json()  # deterministic, jitter included


def test_plotly_hover_text_is_escaped(tables, tmp_path):
    quotes = tables["quotes"].copy()
    quotes["text"] = quotes["text"].astype(object)
    quotes.loc[quotes["topic"] == "russia", "text"] = EVIL
    quotes.loc[quotes["topic"] == "russia", "speaker"] = "<b onmouseover=alert(2)>Eve</b>"
    by_doc = tables["by_doc"].copy()
    by_doc["title"] = "<svg onload=alert(3)>"
    fig = plots.stance_timeline_plotly(tables["years"], documents=by_doc, statements=quotes)
    statements_trace = next(t for t in fig.data if t.uid == "statements-russia")
    hover = statements_trace.hovertext[0].replace("<br>", " ")  # the lines of the wrapped sentence, joined
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in hover  # quotes stay readable: they cannot open a tag
    assert "&lt;img src=x onerror=alert(1)&gt;" in hover
    assert "&amp;" in hover and " & " not in hover
    assert "&lt;b onmouseover=alert(2)&gt;Eve&lt;/b&gt;" in hover
    assert "<script" not in hover and "<img" not in hover and "<svg" not in hover
    all_hover = " ".join(h for t in fig.data for h in (t.hovertext or ()))
    assert "<svg" not in all_hover and "&lt;svg onload=alert(3)&gt;" in all_hover

    page = save_plotly_html(fig, tmp_path / "evil.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "<svg onload" not in page
    assert "&lt;script&gt;alert" in page  # the sentence is there, as text
    assert html_network_references(page, include_local=True) == []


def test_statement_hover_fields():
    row = pd.Series(
        {
            "text": "A sentence.",
            "speaker": "Jan Example",
            "title": "An interview",
            "source": "APA",
            "date": pd.Timestamp("2006-05-10"),
            "event_date": "1994",
            "stance": "detached",
            "score": -1.0,
            "rule_ids": "K3;K4",
        }
    )
    parts = plots.statement_hover(row).split("<br>")
    assert parts == [
        "“A sentence.”",
        "— <b>Jan Example</b>",
        "<i>An interview</i>, APA (2006-05-10, about 1994)",
        "detached (-1) · rules K3;K4",
    ]
