"""Tests of the notebooks' sections (corpus_lib.analysis.sections and support_sections) on the hand-made corpus."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pandas as pd
import pytest
from corpus_frames import corpus

from corpus_lib.analysis import display, sections, support_sections
from corpus_lib.analysis.display import Note, Shown, Table

TOPIC_CHARTS = {"timeline", "timeline-interactive", "salience", "label-shares", "holders", "holder-labels"}


@pytest.fixture(scope="module")
def tables():
    documents, statements, stances = corpus()
    removed = pd.DataFrame(
        {
            "doc_id": ["apa-2006-alpha", "apa-2006-alpha", "nato-2022-gamma"],
            "char_start": [0, 40, 0],
            "char_end": [8, 52, 5],
            "reason": ["widget", "byline", "widget"],
            "text": ["Loading…", "By A. Writer", "Share"],
        }
    )
    return SimpleNamespace(
        documents=documents, statements=statements.assign(tone=0.25), stances=stances, removed=removed
    )


def _charts(folder) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in (folder / "figures").iterdir():
        name, _, suffix = path.name.partition(".")
        found.setdefault(name, set()).add(suffix)
    return found


def _texts(part: Shown) -> str:
    return " ".join(item.text for item in part if isinstance(item, Note))


def test_topic_section_draws_and_exports_every_chart(tables, tmp_path):
    from matplotlib.figure import Figure

    russia = sections.topic_section(tables, "russia", name="02-russia", output_dir=tmp_path)
    charts = _charts(tmp_path)
    assert set(charts) == {f"02-russia-{chart}" for chart in TOPIC_CHARTS}
    assert charts["02-russia-timeline"] == {"png", "svg", "pdf", "csv"}
    assert charts["02-russia-timeline-interactive"] == {"html", "plotly.json", "csv"}
    assert set(russia.figures) == TOPIC_CHARTS
    assert isinstance(russia.timeline[0], Figure) and russia.timeline[0] is russia.figures["timeline"]
    assert {"periods", "documents", "quotes", "salience", "label_shares", "holders", "chronology"} <= set(russia.tables)
    # the CSV beside a chart is the table it draws
    periods = pd.read_csv(tmp_path / "figures" / "02-russia-timeline.csv")
    assert len(periods) == len(russia.tables["periods"])
    assert "statements** on Russia" in _texts(russia.selection)
    assert _texts(russia.interactive).startswith("Yearly mean score of NATO on Russia")
    assert isinstance(russia.statements[0], Table)
    assert _texts(russia.by_holder).startswith("Mean score by holder: **NATO**")


def test_topic_section_answers_each_notebook_s_own_question_when_asked(tables, tmp_path):
    from matplotlib.figure import Figure

    karabakh = sections.topic_section(tables, "karabakh", name="01-karabakh", output_dir=tmp_path)
    assert karabakh.timeline[-2] is karabakh.interactive[0]  # the static chart, then the interactive one
    speakers = karabakh.speakers()
    assert re.search(r"holds? NATO's statements on Karabakh", _texts(speakers)) and isinstance(speakers[-1], Table)
    table = karabakh.tables["speakers"]
    assert table["n_statements"].sum() == len(karabakh.tables["quotes"])
    assert table["n_documents"].is_monotonic_decreasing
    russia = sections.topic_section(tables, "russia", name="02-russia", output_dir=tmp_path)
    around = russia.around_events(years=4)
    assert isinstance(around[0], Figure) and "documents" in _texts(around)
    assert russia.tables["around_events"]["event"].tolist() == ["Georgia war", "Crimea annexed", "Full-scale invasion of Ukraine"]
    membership = sections.topic_section(tables, "membership", name="03-membership", output_dir=tmp_path)
    countries = membership.by_country(["Azerbaijan", "Georgia"])
    assert isinstance(countries[0], Figure) and _texts(countries).startswith("Mean score by country: ")
    assert set(membership.tables["by_country"]["country"]) <= {"Azerbaijan", "Georgia", "(none named)"}
    charts = _charts(tmp_path)
    assert charts["02-russia-around-events"] == {"png", "svg", "pdf", "csv"}
    assert charts["03-membership-by-country"] == {"png", "svg", "pdf", "csv"}
    assert "01-karabakh-speakers" not in charts  # a table, not a chart
    nobody = sections.topic_section(tables, "karabakh", name="x", output_dir=tmp_path / "n", holders=["EU"])
    assert "No statement on Karabakh held by EU" in _texts(nobody.speakers())
    assert "No statement on Karabakh held by EU" in _texts(nobody.by_country(["Armenia"]))
    assert nobody.corpus is tables


def test_topic_section_says_what_it_lacks(tables, tmp_path):
    nobody = sections.topic_section(
        tables, "karabakh", name="01-karabakh", output_dir=tmp_path, holders=["EU"], date_from="2005-01-01"
    )
    assert "No statement on Karabakh held by EU" in _texts(nobody.timeline)
    assert "No statement on Karabakh by any of EU" in _texts(nobody.by_holder)
    assert set(_charts(tmp_path)) == {"01-karabakh-salience"}  # the only chart that does not depend on EU
    empty = sections.topic_section(tables, "karabakh", name="x", output_dir=tmp_path / "e", date_from="1990-01-01",
                                   date_to="1990-12-31")  # fmt: skip
    assert _texts(empty.salience) == "No statements in the chosen date range."
    with pytest.raises(ValueError, match=r"unknown holders \['nobody'\]"):
        sections.topic_section(tables, "russia", name="x", output_dir=tmp_path, holders=["nobody"])
    with pytest.raises(ValueError, match="unknown topic"):
        sections.topic_section(tables, "ukraine", name="x", output_dir=tmp_path)


def test_synthesis_section(tables, tmp_path):
    synthesis = sections.synthesis_section(tables, name="04-synthesis", output_dir=tmp_path, min_count=1)
    assert set(_charts(tmp_path)) == {"04-synthesis-topics-timeline", "04-synthesis-keyness", "04-synthesis-tone"}
    summary = _texts(synthesis.summary)
    assert "mean score early (2005–2008) → late (2022–2024)" in summary
    assert "**Most key words 2005–2008:**" in summary and "**Tone and stance:**" in summary
    assert list(synthesis.tables["tone_by_label"].columns) == ["topic", "stance", "statements", "mean_tone"]
    lonely = sections.synthesis_section(tables, name="x", output_dir=tmp_path / "l", holders=["EU"])
    assert "Keyness needs statements of EU in both periods" in _texts(lonely.keyness)
    assert _texts(lonely.summary).startswith("No coded statement held by EU between 2005-01-01 and 2024-12-31")


def test_corpus_section(tables, tmp_path):
    overview = support_sections.corpus_section(tables, name="00-corpus", output_dir=tmp_path)
    assert set(_charts(tmp_path)) == {"00-corpus-statements", "00-corpus-removed"}
    assert "**4** of 4 documents are dated between 2005-01-01 and 2024-12-31" in _texts(overview.documents)
    counts = overview.tables["statements"]
    assert counts.index.tolist() == ["apa-2006-alpha", "news-2008-beta", "nato-2022-gamma", "trend-2024-delta"]
    assert overview.tables["removed_chars"].loc["apa-2006-alpha"].to_dict() == {"byline": 10, "widget": 8}
    assert overview.tables["examples"]["text"].tolist() == ["By A. Writer", "Loading…"]
    later = support_sections.corpus_section(tables, name="x", output_dir=tmp_path / "l", date_from="2023-01-01")
    assert "Left out (outside the range or undated): apa-2006-alpha" in _texts(later.documents)
    assert _texts(later.removed) == "Cleaning removed nothing from the documents in the chosen range."


def test_validation_section_reads_a_validation(tmp_path):
    metrics = pd.DataFrame(
        {"topic": ["russia", "russia"], "metric": ["topic_f1", "stance_alpha"], "value": [0.9, 0.7],
         "ci_low": [0.8, 0.5], "ci_high": [1.0, 0.85], "n": [10, 8]}
    )  # fmt: skip
    matrix = pd.DataFrame(
        [[3, 1], [0, 2]],
        index=pd.Index(["cooperative", "adversarial"], name="gold"),
        columns=pd.Index(["cooperative", "adversarial"], name="pred"),
    )
    validation = SimpleNamespace(
        ok=True, message="**2** hand codes", metrics=metrics, agreement=metrics,
        confusion={"karabakh": matrix, "russia": matrix, "membership": matrix}, verdicts="- fine",
        disagreements=pd.DataFrame({"statement_id": ["d.0001"], "text": ["<b>x</b>"]}),
        disagreement_summary="**1** disagreement", disagreement_kinds=pd.DataFrame({"missed topic": [1]}),
    )  # fmt: skip
    checks = support_sections.validation_section(validation, name="05-validation", output_dir=tmp_path)
    assert set(_charts(tmp_path)) == {"05-validation-agreement"} | {
        f"05-validation-confusion-{t}" for t in ("karabakh", "russia", "membership")
    }
    assert len(checks.confusion) == 3 and set(checks.figures) == {
        "agreement", "confusion-karabakh", "confusion-russia", "confusion-membership",
    }  # fmt: skip
    assert "&lt;b&gt;x&lt;/b&gt;" in checks.disagreements[2]._repr_html_()
    none = support_sections.validation_section(
        SimpleNamespace(ok=False, message="**no validation here**"), name="05-validation", output_dir=tmp_path / "n"
    )
    assert _texts(none.overview) == "**no validation here**" and none.metrics == () and none.confusion == ()
    assert not (tmp_path / "n").exists()


def test_explorer_snapshot(tables, tmp_path):
    import plotly.graph_objects as go

    data = pd.DataFrame({"score": [1.0, None]})
    explorer = SimpleNamespace(current=go.Figure(), data=data)
    note, figure = support_sections.explorer_snapshot(explorer, name="06-explorer", output_dir=tmp_path)
    assert figure is explorer.current
    assert note.text.endswith("2 statements, 1 of them positioned.")
    assert set(_charts(tmp_path)) == {"06-explorer-initial"}


def test_display_objects_show_in_ipython_with_a_stable_plain_text():
    from IPython.core.formatters import DisplayFormatter

    formatter = DisplayFormatter()
    data, _ = formatter.format(Note("**a** &lt;b&gt;"))
    assert data == {"text/markdown": "**a** &lt;b&gt;", "text/plain": "**a** &lt;b&gt;"}
    data, _ = formatter.format(Table(pd.DataFrame({"x": [1.5, None]}), na_rep="–"))
    assert "<td>–</td>" in data["text/html"] and data["text/plain"] == "<table: 2 rows × 1 columns>"
    assert repr(Shown([Note("a"), Note("b")])) == "<2 outputs>"
    assert display.Shown() == ()


def test_a_group_of_outputs_displays_each_item(capsys):
    # Outside a running kernel IPython's display prints each object; in a notebook it renders each.
    Shown([Note("first"), Note("second")])._ipython_display_()
    Shown()._ipython_display_()
    assert capsys.readouterr().out == "first second\n"
