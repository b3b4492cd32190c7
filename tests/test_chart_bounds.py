"""Every chart the report makes fits its figure, and the timelines draw what the issue asks of them.

The report's charts are made by the sections of ``corpus_lib.analysis`` on the seed corpus,
with the export replaced by the layout step of the export (``settle_layout``): what a chart
looks like when saved, without writing files. Each title, label, tick label, legend and
annotation is then measured with matplotlib's renderer against the figure's box. The other
tests draw small hand-made frames and check one feature each: only a topic's own events,
hollow points for one-document periods, shift bands, bars on a time axis, keyness marks.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from corpus_frames import corpus

from corpus_lib import analysis
from corpus_lib.analysis import chart_data, plotly_charts, plots, sections, style, support_sections
from corpus_lib.analysis.export import settle_layout

TOLERANCE = 1.0  # pixels: rounding of text extents


# ----------------------------------------------------------------------------- every chart inside its figure


def _no_files(fig, name, *, output_dir, data=None):
    """What export_chart does to a figure before saving it, without the files."""
    if type(fig).__module__.startswith("matplotlib"):
        settle_layout(fig)
    return []


@pytest.fixture(scope="module")
def report_figures(seed_corpus, tmp_path_factory):
    """Every matplotlib chart of the report's sections on the seeds, by ``<notebook>-<chart>``."""
    from corpus_lib.evaluation.validation import validate_seeds

    out = tmp_path_factory.mktemp("charts")
    patch = pytest.MonkeyPatch()
    patch.setattr(sections, "export_chart", _no_files)
    try:
        made = {}
        for number, topic in (("01", "karabakh"), ("02", "russia"), ("03", "membership")):
            part = sections.topic_section(seed_corpus, topic, name=f"{number}-{topic}", output_dir=out)
            made |= {f"{number}-{topic}-{chart}": fig for chart, fig in part.figures.items()}
        made |= {
            f"04-synthesis-{c}": f
            for c, f in sections.synthesis_section(seed_corpus, name="04", output_dir=out).figures.items()
        }
        made |= {
            f"00-corpus-{c}": f
            for c, f in support_sections.corpus_section(seed_corpus, name="00", output_dir=out).figures.items()
        }
        checked = support_sections.validation_section(validate_seeds(seed_corpus), name="05", output_dir=out)
        made |= {f"05-validation-{c}": f for c, f in checked.figures.items()}
    finally:
        patch.undo()
    return {name: fig for name, fig in made.items() if type(fig).__module__.startswith("matplotlib")}


def _outside(fig) -> list[str]:
    """The texts and legends of a figure that reach outside it, drawn as saved."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.legend import Legend
    from matplotlib.text import Text

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    box = fig.bbox

    def out_of(extent) -> bool:
        return (
            extent.x0 < box.x0 - TOLERANCE
            or extent.y0 < box.y0 - TOLERANCE
            or extent.x1 > box.x1 + TOLERANCE
            or extent.y1 > box.y1 + TOLERANCE
        )

    ticks = {id(t.label1) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) for t in axis.get_major_ticks()}
    ticks |= {id(t.label2) for ax in fig.axes for axis in (ax.xaxis, ax.yaxis) for t in axis.get_major_ticks()}
    found = []
    for text in fig.findobj(Text):
        if id(text) in ticks or not text.get_visible() or not text.get_text().strip():
            continue  # tick labels are measured with their axis below (only drawn ticks count)
        if out_of(text.get_window_extent(renderer)):
            found.append(f"text {text.get_text()!r}")
    for legend in fig.findobj(Legend):
        if out_of(legend.get_window_extent(renderer)):
            found.append("legend " + " / ".join(t.get_text() for t in legend.get_texts()))
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            extent = axis.get_tightbbox(renderer)
            if extent is not None and out_of(extent):
                found.append(f"{axis.axis_name} axis of {ax.get_title(loc='left') or 'an axes'}")
    return found


def test_every_report_chart_is_made(report_figures):
    expected = {f"{n}-{t}-{c}" for n, t in (("01", "karabakh"), ("02", "russia"), ("03", "membership"))
                for c in ("timeline", "salience", "label-shares", "holders", "holder-labels")}  # fmt: skip
    expected |= {"04-synthesis-topics-timeline", "04-synthesis-keyness", "04-synthesis-tone"}
    expected |= {"00-corpus-statements", "00-corpus-removed", "05-validation-agreement"}
    assert expected <= set(report_figures)


def test_every_text_of_every_report_chart_lies_inside_the_figure(report_figures):
    problems = {name: found for name, fig in report_figures.items() if (found := _outside(fig))}
    assert problems == {}


def test_the_bounds_check_finds_a_title_cut_at_the_edge():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2.4, 3.6), layout="constrained")
    fig.add_subplot().plot([0, 1])
    fig.suptitle("NATO on Membership: labels per year, a title far too long", x=0.01, ha="left")
    assert any("NATO on Membership" in item for item in _outside(settle_layout(fig)))
    fitted = Figure(figsize=(2.4, 3.6), layout="constrained")
    fitted.add_subplot().plot([0, 1])
    style.figure_title(fitted, "NATO on Membership: labels per year, a title far too long")
    assert _outside(settle_layout(fitted)) == []


def test_label_share_title_is_whole(report_figures):
    title = report_figures["03-membership-label-shares"].get_suptitle()
    assert re.sub(r"\s+", " ", title).endswith("labels per year")


# ----------------------------------------------------------------------------- what the timelines draw


@pytest.fixture(scope="module")
def frames():
    documents, statements, stances = corpus()
    return {
        "stances": stances,
        "years": analysis.stance_by_period(stances),
        "by_doc": analysis.stance_by_document(stances, documents),
        "quotes": analysis.quotes(stances, statements, documents, topic=None),
    }


def _periods(means, lows, highs, years=(2006, 2010, 2022), topic="russia", n_documents=(2, 1, 3)):
    return pd.DataFrame(
        {
            "period": [str(y) for y in years],
            "period_start": pd.to_datetime([f"{y}-01-01" for y in years]),
            "period_end": pd.to_datetime([f"{y}-12-31" for y in years]),
            "topic": topic,
            "n_documents": list(n_documents),
            "n_statements": [4, 2, 5],
            "n_positioned": [4, 2, 5],
            "mean_score": means,
            "ci_low": lows,
            "ci_high": highs,
        }
    )


def test_a_topic_chart_draws_only_its_own_events():
    events = analysis.timeline_events()
    periods = _periods([1.0, 0.0, -1.0], [0.5, np.nan, -1.0], [1.0, np.nan, -0.5], years=(2005, 2014, 2024))
    fig = plots.stance_timeline(periods, topics="russia", events=events)
    strip = fig.axes[0]
    own = events.loc[events["kind"] == "russia", "label"].tolist()
    assert sorted(t.get_text().replace("\n", " ") for t in strip.texts) == sorted(own)
    assert "Madrid summit" not in {t.get_text() for t in strip.texts}
    general = pd.concat(
        [events, pd.DataFrame({"date": [pd.Timestamp("2012-05-20")], "label": ["Chicago"], "kind": ["general"]})]
    )
    with_general = plots.stance_timeline(periods, topics="russia", events=general)
    assert "Chicago" in {t.get_text() for t in with_general.axes[0].texts}
    interactive = plots.stance_timeline_plotly(periods, topics="russia", events=events)
    assert sorted(a.text for a in interactive.layout.annotations) == sorted(own)


def test_events_are_grey_dashed_and_in_the_legend():
    periods = _periods(
        [1.0, 0.0, -1.0], [0.5, np.nan, -1.0], [1.0, np.nan, -0.5], topic="karabakh", years=(2005, 2016, 2024)
    )
    fig = plots.stance_timeline(periods, topics="karabakh")
    main = fig.axes[1]
    event_lines = [
        line for line in main.get_lines() if line.get_linestyle() == "--" and len(set(line.get_xdata())) == 1
    ]
    assert event_lines and all(line.get_color() == style.EVENT_COLOR for line in event_lines)
    assert style.EVENT_COLOR not in style.TOPIC_COLORS.values()
    assert "event" in [t.get_text() for t in main.get_legend().get_texts()]
    interactive = plots.stance_timeline_plotly(periods, topics="karabakh")
    assert {s.line.color for s in interactive.layout.shapes} == {style.EVENT_COLOR}
    assert "event" in {t.name for t in interactive.data}


def test_event_labels_are_joined_to_their_lines():
    """A label moved right of a crowd is joined to its date by a leader line, which starts at the date."""
    events = pd.DataFrame({"date": pd.to_datetime(["2022-06-29", "2022-08-01", "2022-09-01"]),
                           "label": ["Madrid summit", "Second", "Third"], "kind": "membership"})  # fmt: skip
    periods = _periods(
        [1.0, 0.0, -1.0], [0.5, np.nan, -1.0], [1.0, np.nan, -0.5], topic="membership", years=(2005, 2014, 2024)
    )
    strip = plots.stance_timeline(periods, topics="membership", events=events).axes[0]
    import matplotlib.dates as mdates

    leaders = strip.get_lines()
    assert len(leaders) == 3
    places = []
    for leader, date, label in zip(leaders, events["date"], strip.texts, strict=True):
        x = mdates.date2num(list(leader.get_xdata()))
        places.append(mdates.date2num(label.get_position()[0]))
        assert x[0] == pytest.approx(mdates.date2num(date))  # starts at the event's date
        assert x[-1] == pytest.approx(places[-1])  # ends at its label
    assert np.diff(places).min() > 0  # the crowded labels were spread


def test_one_document_periods_are_hollow_and_labelled_with_n():
    periods = _periods([1.0, 0.0, -1.0], [0.5, np.nan, -1.0], [1.0, np.nan, -0.5], n_documents=(2, 1, 3))
    fig = plots.stance_timeline(periods, topics="russia", show_events=False)
    ax = fig.axes[0]
    hollow = [line for line in ax.get_lines() if line.get_markerfacecolor() == "white" and line.get_marker() == "o"]
    assert len(hollow) == 1 and list(hollow[0].get_ydata()) == [0.0]
    bars = [c for c in ax.collections if type(c).__name__ == "LineCollection" and len(c.get_segments()) == 2]
    assert bars, "the two periods with an interval get error bars"
    assert {t.get_text() for t in ax.texts} >= {"n=4/2", "n=2/1", "n=5/3"}
    assert "period mean, one document: no interval" in [t.get_text() for t in ax.get_legend().get_texts()]
    interactive = plots.stance_timeline_plotly(periods, topics="russia", show_events=False)
    (open_points,) = [t for t in interactive.data if t.uid == "hollow-russia"]
    assert list(open_points.y) == [0.0] and open_points.marker.color == "white"
    assert open_points.name == "period mean, one document: no interval"
    mean = next(t for t in interactive.data if t.uid == "mean-russia")
    assert "n=2/1" in mean.text


def _shifts(topic="russia"):
    return pd.DataFrame(
        {
            "topic": [topic, topic],
            "date": pd.to_datetime(["2015-06-01", None]),
            "date_low": pd.to_datetime(["2012-01-01", None]),
            "date_high": pd.to_datetime(["2019-01-01", None]),
            "p_no_change": [0.02, 0.9],
            "mean_before": [1.0, np.nan],
            "mean_after": [-1.0, np.nan],
        }
    )


def test_shift_bands_are_drawn_when_given():
    import matplotlib.dates as mdates

    periods = _periods([1.0, 0.0, -1.0], [0.5, -0.5, -1.0], [1.0, 0.5, -0.5])
    ax = plots.stance_timeline(periods, topics="russia", show_events=False, shifts=_shifts()).axes[0]
    bands = [p for p in ax.patches if p.get_alpha() and p.get_alpha() < 0.5]
    assert len(bands) == 1  # the row without a date (no shift) draws nothing
    x0, x1 = bands[0].get_x(), bands[0].get_x() + bands[0].get_width()
    expected = mdates.date2num([pd.Timestamp("2012-01-01"), pd.Timestamp("2019-01-01")])
    assert (x0, x1) == pytest.approx(tuple(expected))
    assert "shift (90% interval)" in [t.get_text() for t in ax.get_legend().get_texts()]
    steps = [c for c in ax.collections if type(c).__name__ == "LineCollection" and c.get_linestyle()[0][1] is not None]
    assert steps, "the segment means are drawn as steps"
    plain = plots.stance_timeline(periods, topics="russia", show_events=False, shifts=_shifts().iloc[0:0]).axes[0]
    assert not [p for p in plain.patches if p.get_alpha() and p.get_alpha() < 0.5]
    assert "shift (90% interval)" not in [t.get_text() for t in plain.get_legend().get_texts()]
    panels = plots.topics_timeline(_periods([1.0, 0.0, -1.0], [0.5, -0.5, -1.0], [1.0, 0.5, -0.5]), show_events=False,
                                   topics=["russia"], shifts=_shifts())  # fmt: skip
    assert [p for p in panels.axes[0].patches if p.get_alpha() and p.get_alpha() < 0.5]
    interactive = plots.stance_timeline_plotly(periods, topics="russia", show_events=False, shifts=_shifts())
    rects = [s for s in interactive.layout.shapes if s.type == "rect"]
    assert [(r.x0, r.x1) for r in rects] == [("2012-01-01", "2019-01-01")]
    assert any(t.name == "shift (90% interval)" for t in interactive.data)
    with pytest.raises(KeyError, match="date_low"):
        plots.stance_timeline(periods, shifts=_shifts().drop(columns="date_low"))


def test_corrected_series_is_dashed_and_named():
    periods = _periods([1.0, 0.0, -1.0], [0.5, -0.5, -1.0], [1.0, 0.5, -0.5])
    fixed = periods.assign(mean_score=[0.8, 0.0, -0.8], ci_low=[0.2, -0.7, -1.0], ci_high=[1.0, 0.7, -0.2])
    ax = plots.stance_timeline(periods, topics="russia", show_events=False, corrected=fixed).axes[0]
    assert any(line.get_linestyle() == "--" and len(line.get_xdata()) >= 3 for line in ax.get_lines())
    assert "corrected for coder error" in [t.get_text() for t in ax.get_legend().get_texts()]
    interactive = plots.stance_timeline_plotly(periods, topics="russia", show_events=False, corrected=fixed)
    (trace,) = [t for t in interactive.data if t.uid == "corrected-russia"]
    assert trace.line.dash == "dash" and trace.name.endswith("corrected for coder error")


def test_timeline_legend_explains_every_mark(frames):
    fig = plots.stance_timeline(
        frames["years"], documents=frames["by_doc"], statements=frames["quotes"], topics="russia"
    )
    labels = [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    assert {"document mean (size = statements)", "single statement", "event"} <= set(labels)
    assert any(label.startswith("n=k/d") for label in labels)


def test_label_share_bars_stand_on_a_time_axis():
    shares = _periods([0.0, 0.5, 1.0], [np.nan] * 3, [np.nan] * 3, topic="membership", years=(2005, 2008, 2022))
    shares = shares.assign(
        share_open=[0.0, 0.5, 1.0], share_conditional=[1.0, 0.5, 0.0], share_distant=0.0, share_neutral=0.0
    )
    fig = plots.label_shares(shares, title="NATO on Membership: labels per year")
    ax = fig.axes[0]
    centres = sorted({round(p.get_x() + p.get_width() / 2, 6) for p in ax.patches})
    assert centres[2] - centres[1] == pytest.approx(14.0)
    assert centres[1] - centres[0] == pytest.approx(3.0)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2005", "2008", "2022"]
    by_holder = plots.label_shares(shares.assign(holder=["NATO", "EU", "media"]), x="holder")
    assert sorted({round(p.get_x() + p.get_width() / 2, 6) for p in by_holder.axes[0].patches}) == [0.0, 1.0, 2.0]


def test_keyness_marks_words_that_are_not_significant():
    kn = pd.DataFrame({"word": ["partner", "region", "threat", "war"], "g2": [9.0, 2.0, 12.0, 3.0],
                       "direction": ["early", "early", "late", "late"]})  # fmt: skip
    ax = plots.keyness_plot(kn).axes[0]
    hatched = {round(abs(p.get_width()), 3) for p in ax.patches if p.get_hatch()}
    assert hatched == {2.0, 3.0}
    assert "not significant (G² < 3.84, p > 0.05)" in [t.get_text() for t in ax.get_legend().get_texts()]
    strong = plots.keyness_plot(kn.loc[kn["g2"] > 5]).axes[0]
    assert not any(p.get_hatch() for p in strong.patches)


def test_topic_names_are_capitalised_in_panel_titles(frames):
    panels = plots.topics_timeline(frames["years"], show_events=False)
    assert [ax.get_title(loc="left") for ax in panels.axes] == ["Karabakh", "Russia", "Membership"]
    shares = plots.label_shares(
        analysis.stance_by_period(frames["stances"], freq_or_bins={"a": (2005, 2010), "b": (2011, 2024)})
    )
    assert [ax.get_title(loc="left") for ax in shares.axes] == ["Karabakh", "Russia", "Membership"]


# ----------------------------------------------------------------------------- plotly


def test_plotly_axis_names_the_labels_and_hover_is_wrapped(frames):
    fig = plots.stance_timeline_plotly(
        frames["years"], documents=frames["by_doc"], statements=frames["quotes"], topics="russia"
    )
    assert list(fig.layout.yaxis.ticktext) == ["−1 adversarial", "0", "+1 cooperative"]
    assert fig.layout.hoverlabel.align == "left" and fig.layout.hoverlabel.namelength == -1
    for trace in fig.data:
        for text in trace.hovertext or ():
            for line in text.split("<br>"):
                plain = re.sub(r"<[^>]+>", "", line)
                assert len(plain) <= plotly_charts.HOVER_WRAP + 2, plain


def test_explorer_draws_a_series_per_holder_and_lists_by_date(seed_corpus):
    from corpus_lib.report import stance_explorer

    explorer = stance_explorer(seed_corpus, topic="russia", holders=["NATO", "media"])
    uids = {t.uid for t in explorer.current.data}
    assert {"mean-NATO-russia", "statements-NATO-russia"} <= uids
    names = {t.name for t in explorer.current.data if (t.uid or "").startswith("mean-")}
    assert all(name.split(":")[0] in {"NATO · Russia", "media · Russia"} for name in names)
    assert explorer.current.layout.title.text.startswith("Russia: NATO, media")
    dates = explorer.data["date"].tolist()
    assert dates == sorted(dates)
    shown = re.findall(r"<td>(\d{4}-\d{2}-\d{2})</td>", explorer.table.value)
    assert shown == sorted(shown) and shown


# ----------------------------------------------------------------------------- words and counts


def test_removed_characters_agree_between_table_chart_and_ledger(seed_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(sections, "export_chart", _no_files)
    overview = support_sections.corpus_section(seed_corpus, name="00", output_dir=tmp_path)
    chars = overview.tables["removed_chars"]
    table = overview.tables["documents"].set_index("doc_id")["n_removed_chars"]
    assert chars.sum(axis=1).to_dict() == table.loc[chars.index].to_dict()
    assert (chars.sum(axis=1) > 0).any()
    assert "Non-whitespace characters removed" in overview.figures["removed"].get_suptitle()


@pytest.mark.parametrize(("n", "text"), [(0, "0 documents"), (1, "1 document"), (2, "2 documents")])
def test_counts_take_the_right_number(n, text):
    assert style.counted(n, "document") == text


def test_no_plural_after_one_in_hover_text():
    periods = _periods([1.0, 0.0, -1.0], [0.5, np.nan, -1.0], [1.0, np.nan, -0.5], n_documents=(2, 1, 3))
    fig = plots.stance_timeline_plotly(periods, topics="russia", show_events=False)
    hover = " ".join(h for t in fig.data for h in (t.hovertext or ()))
    assert "1 document" in hover and "1 documents" not in hover


def test_events_for_keeps_a_topic_and_general_events():
    events = pd.DataFrame(
        {"date": pd.to_datetime(["2008-04-03", "2010-01-01"]), "label": ["a", "b"], "kind": ["membership", "general"]}
    )
    assert chart_data.events_for(events, ["russia"])["label"].tolist() == ["b"]
    assert chart_data.events_for(events, ["membership"])["label"].tolist() == ["a", "b"]
