"""The breakdowns a topic notebook asks for besides the timeline: by speaker, by country named, around events."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from corpus_lib.analysis import plots
from corpus_lib.analysis.breakdowns import NO_COUNTRY, around_events, by_country, by_speaker, countries_named


def _stances(rows: list[tuple[str, str, str, float | None]], *, topic: str = "russia", holder: str = "NATO") -> pd.DataFrame:
    """One positioned or neutral statement a row: (doc_id, date, stance, score)."""
    return pd.DataFrame(
        {
            "statement_id": [f"{doc}.{k:04d}" for k, (doc, *_) in enumerate(rows)],
            "doc_id": [r[0] for r in rows],
            "date": pd.to_datetime([r[1] for r in rows]),
            "holder": holder,
            "topic": topic,
            "stance": [r[2] for r in rows],
            "score": [r[3] for r in rows],
        }
    )


EVENTS = pd.DataFrame(
    {
        "date": pd.to_datetime(["2014-03-18", "2016-04-02"]),
        "label": ["annexation", "clashes"],
        "kind": ["russia", "karabakh"],
    }
)


# --------------------------------------------------------------------------- around events


def test_around_events_compares_the_windows_of_each_event_of_the_topic():
    stances = _stances(
        [
            ("a", "2012-01-10", "cooperative", 1.0),
            ("a", "2012-01-10", "cooperative", 1.0),
            ("b", "2013-05-01", "cooperative", 1.0),
            ("c", "2013-09-01", "adversarial", -1.0),
            ("h", "2013-11-01", "cooperative", 1.0),
            ("d", "2014-03-18", "adversarial", -1.0),  # on the day: after
            ("e", "2015-06-01", "adversarial", -1.0),
            ("f", "2016-01-01", "neutral", None),  # neutral: not a position
            ("g", "2010-01-01", "cooperative", 1.0),  # outside the three years before
        ]
    )
    out = around_events(stances, EVENTS, topic="russia", holder="NATO", years=3)
    assert out["event"].tolist() == ["annexation"]  # the Karabakh event is not Russia's
    row = out.iloc[0]
    assert (row.n_documents_before, row.n_positioned_before, row.n_documents_after, row.n_positioned_after) == (4, 5, 2, 2)
    assert row.mean_before == pytest.approx(0.6) and row.mean_after == -1.0
    assert row.difference == pytest.approx(-1.6)
    assert row.ci_low <= -1.6 <= row.ci_high and row.ci_high < 0 and row.significant


def test_around_events_gives_no_interval_to_a_window_of_one_document():
    stances = _stances(
        [
            ("a", "2013-01-01", "cooperative", 1.0),
            ("a", "2013-01-01", "adversarial", -1.0),
            ("a", "2013-02-01", "cooperative", 1.0),
            ("b", "2015-01-01", "adversarial", -1.0),
            ("c", "2015-02-01", "adversarial", -1.0),
        ]
    )
    row = around_events(stances, EVENTS, topic="russia", holder="NATO").iloc[0]
    assert row.n_documents_before == 1 and row.difference == pytest.approx(-1 - 1 / 3)
    assert math.isnan(row.ci_low) and math.isnan(row.ci_high) and not row.significant


def test_around_events_does_not_call_a_shift_that_the_documents_do_not_carry_significant():
    stances = _stances(
        [("a", "2013-01-01", "cooperative", 1.0), ("b", "2013-06-01", "adversarial", -1.0),
         ("c", "2015-01-01", "cooperative", 1.0), ("d", "2015-06-01", "adversarial", -1.0)]  # fmt: skip
    )
    row = around_events(stances, EVENTS, topic="russia", holder="NATO").iloc[0]
    assert row.difference == 0.0 and row.ci_low < 0 < row.ci_high and not row.significant


def test_around_events_is_deterministic_and_checks_its_arguments():
    stances = _stances([(d, f"201{k}-01-01", "cooperative" if k < 4 else "adversarial", 1.0 if k < 4 else -1.0)
                        for k, d in enumerate("abcdefg")])  # fmt: skip
    first = around_events(stances, EVENTS, topic="russia", holder="NATO")
    pd.testing.assert_frame_equal(first, around_events(stances, EVENTS, topic="russia", holder="NATO"))
    assert around_events(stances, EVENTS, topic="membership", holder="NATO").empty
    with pytest.raises(ValueError, match="years must be a whole number"):
        around_events(stances, EVENTS, topic="russia", holder="NATO", years=0)
    with pytest.raises(ValueError, match="unknown"):
        around_events(stances, EVENTS, topic="russia", holder="nobody")


def test_around_events_plot_marks_what_is_not_significant():
    around = pd.DataFrame(
        {"event": ["war", "summit"], "difference": [-1.0, 0.2], "ci_low": [-1.5, -0.4], "ci_high": [-0.5, 0.9],
         "significant": [True, False], "n_documents_before": [4, 3], "n_documents_after": [5, 2]}  # fmt: skip
    )
    fig = plots.around_events_plot(around, topic="russia")
    ax = fig.axes[0]
    filled, hollow = ax.collections[-2], ax.collections[-1]
    assert len(filled.get_offsets()) == 1 and len(hollow.get_offsets()) == 1
    assert np.allclose(hollow.get_facecolor()[0][:3], 1.0)  # white: not significant
    places = {t.get_text(): t.get_position()[1] for t in ax.get_yticklabels()}
    assert places["war\n(n = 4 / 5 documents)"] > places["summit\n(n = 3 / 2 documents)"]  # the first event on top


# --------------------------------------------------------------------------- by country


def test_countries_named_reads_names_and_adjectives_as_whole_words():
    texts = pd.Series(
        [
            "Georgia and Ukraine will become members.",
            "Azerbaijani officials said the door stays open.",
            "Enlargement is not on the agenda.",
            "A Georgian-Ukrainian statement; the Swedes were absent.",
        ]
    )
    named = countries_named(texts, ["Azerbaijan", "Georgia", "Ukraine", "Sweden", "Moldova"])
    assert named.tolist() == [["Georgia", "Ukraine"], ["Azerbaijan"], [NO_COUNTRY], ["Georgia", "Ukraine"]]


def test_by_country_counts_a_statement_for_each_country_it_names_in_the_order_asked():
    quoted = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c"],
            "topic": "membership",
            "stance": ["open", "conditional", "distant", "neutral"],
            "score": [1.0, 0.0, -1.0, None],
            "text": ["Georgia and Ukraine will be members.", "Azerbaijan may join once ready.",
                     "The Alliance has no plans to enlarge.", "Kosovo was discussed."],  # fmt: skip
        }
    )
    out = by_country(quoted, ["Ukraine", "Azerbaijan", "Georgia", "Finland"])
    assert out["country"].tolist() == ["Ukraine", "Azerbaijan", "Georgia", NO_COUNTRY]  # Finland: never named
    assert out.set_index("country")["mean_score"].to_dict() == pytest.approx(
        {"Ukraine": 1.0, "Azerbaijan": 0.0, "Georgia": 1.0, NO_COUNTRY: -1.0}
    )
    assert out.set_index("country").loc[NO_COUNTRY, "n_statements"] == 2  # the neutral one counts, unscored
    with pytest.raises(ValueError, match="distinct"):
        by_country(quoted, ["Georgia", "Georgia"])
    with pytest.raises(ValueError, match="distinct"):
        by_country(quoted, [])


# --------------------------------------------------------------------------- by speaker


def test_by_speaker_lists_the_speakers_with_most_documents_first():
    quoted = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b", "c", "c"],
            "speaker": ["Envoy", "Envoy", "Envoy", "narrator", "Spokesperson"],
            "speaker_role": ["interviewee", "interviewee", "quoted", "narrator", "quoted"],
            "topic": "karabakh",
            "stance": ["detached", "detached", "engaged", "engaged", "neutral"],
            "score": [-1.0, -1.0, 1.0, 1.0, None],
            "date": pd.to_datetime(["2008-01-01", "2008-01-01", "2012-05-01", "2020-10-01", "2020-10-01"]),
        }
    )
    out = by_speaker(quoted)
    assert out["speaker"].tolist() == ["Envoy", "Spokesperson", "narrator"]
    envoy = out.iloc[0]
    assert (envoy.n_documents, envoy.n_statements, envoy.speaker_role) == (2, 3, "interviewee")
    assert envoy.mean_score == pytest.approx(-1 / 3)
    assert envoy.first_date == pd.Timestamp("2008-01-01") and envoy.last_date == pd.Timestamp("2012-05-01")
    assert math.isnan(out.iloc[1].mean_score)
