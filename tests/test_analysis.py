"""Tests of corpus_lib.analysis on the small hand-made corpus of corpus_frames.py."""

from __future__ import annotations

import doctest
import math
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest
from corpus_frames import (
    DOCUMENT_COLUMNS,
    STANCE_COLUMNS,
    STATEMENT_COLUMNS,
    corpus,
    make_stances,
    make_statements,
)
from pandas.testing import assert_frame_equal

from corpus_lib.analysis import (
    LABELS,
    SUMMARY_COLUMNS,
    bootstrap_mean_ci,
    collocations,
    display,
    holder_comparison,
    keyness,
    kwic,
    overview,
    quotes,
    salience,
    stance_by_document,
    stance_by_period,
    statement_times,
    summaries,
    text,
    timeline_events,
    tokenize,
    tone_vs_stance,
)

BINS = {"early": (2005, 2008), "late": (2022, 2024)}
SHARES = [f"share_{label}" for label in LABELS]


@pytest.fixture
def tables():
    return corpus()


def _row(frame: pd.DataFrame, **keys) -> pd.Series:
    mask = np.ones(len(frame), dtype=bool)
    for column, value in keys.items():
        mask &= (frame[column].astype(str) == value).to_numpy()
    assert mask.sum() == 1, keys
    return frame.loc[mask].iloc[0]


def test_fixture_follows_the_data_dictionary(tables):
    documents, statements, stances = tables
    assert list(documents.columns) == DOCUMENT_COLUMNS
    assert list(statements.columns) == STATEMENT_COLUMNS
    assert list(stances.columns) == STANCE_COLUMNS
    assert stances["topic"].dtype == "category"
    assert statements["statement_id"].is_unique
    assert (statements["char_end"] - statements["char_start"] == statements["text"].str.len()).all()
    from corpus_lib.pipeline import schemas

    schemas.Documents.validate(documents)
    # the fixture leaves out the coded ``tone`` column, so that tone_vs_stance's error can be tested
    sources = pd.Categorical(["machine"] * len(statements), categories=["machine", "hand"])
    schemas.Statements.validate(statements.assign(tone=0.0, source=sources, machine_holder=""))
    schemas.Stances.validate(stances)


@pytest.mark.parametrize(
    ("module", "examples"),
    [(summaries, 10), (text, 4), (overview, 7), (display, 3)],
    ids=lambda value: getattr(value, "__name__", str(value)),
)
def test_doctests_pass(module, examples):
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= examples
    assert result.failed == 0


def test_imports_do_not_load_plotting_libraries():
    """analysis (and plots/export, which import them lazily), the pipeline, the report module
    and the CLI load no plotting library (nor papermill's kernels' libraries)."""
    code = (
        "import sys\n"
        "heavy = ('matplotlib', 'plotly', 'kaleido', 'choreographer', 'papermill', 'nbconvert', 'ipywidgets')\n"
        "loaded = lambda: sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "import corpus_lib.analysis\n"
        "print('analysis:' + ','.join(loaded()) + ':nltk' * ('nltk' in sys.modules))\n"
        "import corpus_lib.analysis.plots, corpus_lib.analysis.export\n"
        "print('plots+export:' + ','.join(loaded()))\n"
        "import corpus_lib, corpus_lib.corpus, corpus_lib.report, corpus_lib.cli\n"
        "print('corpus+report+cli:' + ','.join(loaded()))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["analysis:", "plots+export:", "corpus+report+cli:"]


# --------------------------------------------------------------------------- summaries


def test_stance_by_document_numbers_by_hand(tables):
    documents, _, stances = tables
    out = stance_by_document(stances, documents)
    assert list(out.columns) == [
        "doc_id", "date", "title", "source", "genre", "topic", *SUMMARY_COLUMNS[1:],
    ]  # fmt: skip
    # apa-2006-alpha on karabakh: a question (neutral), a detached sentence (-1) and a
    # narrated 1994 ceasefire (neutral): 3 statements, 1 positioned, mean -1.
    row = _row(out, doc_id="apa-2006-alpha", topic="karabakh")
    assert (row.n_statements, row.n_positioned, row.mean_score) == (3, 1, -1.0)
    assert row.share_detached == pytest.approx(1 / 3)
    assert row.share_neutral == pytest.approx(2 / 3)
    assert math.isnan(row.ci_low) and math.isnan(row.ci_high)  # one score: no interval
    # nato-2022-gamma on russia: two adversarial sentences, mean -1, CI (-1, -1).
    row = _row(out, doc_id="nato-2022-gamma", topic="russia")
    assert (row.n_statements, row.mean_score, row.ci_low, row.ci_high) == (2, -1.0, -1.0, -1.0)
    assert row.title == "Statement after the summit"
    # news-2008-beta on russia: only a neutral sentence, so no mean.
    row = _row(out, doc_id="news-2008-beta", topic="russia")
    assert (row.n_statements, row.n_positioned) == (1, 0) and math.isnan(row.mean_score)
    assert np.allclose(out[SHARES].sum(axis=1), 1.0)
    keys = list(zip(out["doc_id"], out["topic"].cat.codes, strict=True))
    assert keys == sorted(keys)


def test_stance_by_document_filters_and_checks(tables):
    documents, _, stances = tables
    nato = stance_by_document(stances, documents, topic="karabakh", holders="NATO")
    assert set(nato["topic"].astype(str)) == {"karabakh"}
    assert _row(nato, doc_id="apa-2006-alpha").n_statements == 1  # the question is media's
    with pytest.raises(ValueError, match="missing from documents"):
        stance_by_document(stances, documents.iloc[1:])
    with pytest.raises(ValueError, match="unknown topic"):
        stance_by_document(stances, documents, topic="ukraine")
    with pytest.raises(KeyError, match="score"):
        stance_by_document(stances.drop(columns="score"), documents)
    broken = stances.copy()
    broken["stance"] = broken["stance"].astype(str).replace("open", "welcoming")
    with pytest.raises(ValueError, match="welcoming"):
        stance_by_document(broken, documents)


def test_stance_by_period_custom_bins_by_hand(tables):
    _, _, stances = tables
    out = stance_by_period(stances, freq_or_bins=BINS)
    assert list(out.columns) == ["period", "period_start", "period_end", "topic", *SUMMARY_COLUMNS]
    assert out["period"].tolist() == ["early"] * 3 + ["late"] * 3
    # russia early: cooperative (+1, 2006) and a neutral narration (2008).
    row = _row(out, period="early", topic="russia")
    assert (row.n_documents, row.n_statements, row.n_positioned, row.mean_score) == (2, 2, 1, 1.0)
    assert (row.share_cooperative, row.share_neutral) == (0.5, 0.5)
    # russia late: three adversarial (-1) and one question.
    row = _row(out, period="late", topic="russia")
    assert (row.n_statements, row.n_positioned, row.mean_score) == (4, 3, -1.0)
    assert (row.share_adversarial, row.share_neutral) == (0.75, 0.25)
    # membership early: conditional (0) and distant (-1): mean -0.5.
    row = _row(out, period="early", topic="membership")
    assert row.mean_score == -0.5
    assert -1.0 <= row.ci_low <= row.mean_score <= row.ci_high <= 0.0
    # karabakh early: detached (-1), engaged (+1), two neutral: mean 0.
    assert _row(out, period="early", topic="karabakh").mean_score == 0.0
    assert out.loc[0, "period_start"] == pd.Timestamp("2005-01-01")
    assert out.loc[5, "period_end"] == pd.Timestamp("2024-12-31")


def test_stance_by_period_years_grid_and_event_dates(tables):
    _, _, stances = tables
    by_doc_date = stance_by_period(stances)
    assert len(by_doc_date) == (2024 - 2006 + 1) * 3  # every year, every topic
    empty = _row(by_doc_date, period="2010", topic="russia")
    assert empty.n_statements == 0 and math.isnan(empty.mean_score)
    assert math.isnan(empty.share_neutral)
    assert _row(by_doc_date, period="2023", topic="membership").n_statements == 0

    by_event = stance_by_period(stances, use_event_date=True)
    # "Finland joined in 2023 ..." (event_date 2023-04) moves from 2024 to 2023.
    assert _row(by_event, period="2023", topic="membership").n_statements == 1
    assert _row(by_event, period="2024", topic="membership").n_statements == 0
    # the narrated 1994 ceasefire opens the time axis.
    assert by_event["period"].iloc[0] == "1994"
    # with bins, the 1994 sentence falls outside every bin and is left out.
    binned = stance_by_period(stances, freq_or_bins=BINS, use_event_date=True)
    assert _row(binned, period="early", topic="karabakh").n_statements == 3


def test_stance_by_period_options_and_errors(tables):
    _, _, stances = tables
    nato = stance_by_period(stances, freq_or_bins=BINS, holders="NATO", topic="karabakh")
    assert nato["mean_score"].tolist() == [-1.0, 1.0]
    clustered = stance_by_period(stances, freq_or_bins=BINS, resample="documents")
    # russia early has one document with a score: no cluster interval.
    assert math.isnan(_row(clustered, period="early", topic="russia").ci_low)
    assert not math.isnan(_row(clustered, period="early", topic="karabakh").ci_low)
    with pytest.raises(ValueError, match="overlap"):
        stance_by_period(stances, freq_or_bins={"a": (2005, 2010), "b": (2010, 2012)})
    with pytest.raises(ValueError, match="freq_or_bins"):
        stance_by_period(stances, freq_or_bins="month")
    bad = stances.copy()
    bad["event_date"] = bad["event_date"].astype(str).replace("2023-04", "April 2023")
    with pytest.raises(ValueError, match="YYYY"):
        stance_by_period(bad, use_event_date=True)
    undated = stances.copy()
    undated.loc[0, "date"] = pd.NaT
    with pytest.warns(UserWarning, match="1 statement"):
        out = stance_by_period(undated, freq_or_bins=BINS)
    assert _row(out, period="early", topic="karabakh").n_statements == 3


def test_bootstrap_is_deterministic_and_per_group(tables):
    _, _, stances = tables
    first = stance_by_period(stances, freq_or_bins=BINS, seed=7)
    assert_frame_equal(first, stance_by_period(stances, freq_or_bins=BINS, seed=7))
    # a group's interval does not depend on which other groups are computed
    alone = stance_by_period(stances, freq_or_bins=BINS, seed=7, topic="membership")
    both = first.loc[first["topic"] == "membership"].reset_index(drop=True)
    assert alone["ci_low"].tolist() == both["ci_low"].tolist()
    assert alone["ci_high"].tolist() == both["ci_high"].tolist()


def test_bootstrap_mean_ci():
    assert bootstrap_mean_ci([1.0, 1.0, 1.0]) == (1.0, 1.0)
    assert all(math.isnan(v) for v in bootstrap_mean_ci([1.0, math.nan]))
    low, high = bootstrap_mean_ci([1, 1, 1, -1], n_resamples=5000, seed=1)
    # resampled means of 4 draws from {1, 1, 1, -1} lie on the grid {-1, -0.5, 0, 0.5, 1}:
    # P(mean = -1) = (1/4)^4 = 0.4% and P(mean <= -0.5) = 13/256 = 5.1%, so the 2.5%
    # quantile is -0.5; P(mean = 1) = (3/4)^4 = 32%, so the 97.5% quantile is 1.
    assert (low, high) == (-0.5, 1.0)
    assert bootstrap_mean_ci([1, -1, 0], seed=3) == bootstrap_mean_ci([1, -1, 0], seed=3)
    assert all(math.isnan(v) for v in bootstrap_mean_ci([1, -1], groups=["a", "a"]))
    low, high = bootstrap_mean_ci([1, 1, -1], groups=["a", "a", "b"], n_resamples=4000)
    assert (low, high) == (-1.0, 1.0)
    with pytest.raises(ValueError):
        bootstrap_mean_ci([1, 2], confidence=1.5)


def test_holder_comparison(tables):
    _, _, stances = tables
    out = holder_comparison(stances)
    assert list(out.columns) == ["holder", "topic", *SUMMARY_COLUMNS]
    assert out["holder"].astype(str).tolist() == ["NATO"] * 3 + ["Azerbaijan"] * 3 + ["media"] * 3
    # NATO on karabakh: detached (-1) in 2006, engaged (+1) in 2022 and 2024.
    assert _row(out, holder="NATO", topic="karabakh").mean_score == pytest.approx(1 / 3)
    empty = _row(out, holder="Azerbaijan", topic="russia")
    assert empty.n_statements == 0 and math.isnan(empty.mean_score)
    media = _row(out, holder="media", topic="russia")
    assert (media.n_statements, media.n_positioned, media.share_neutral) == (2, 0, 1.0)
    by_period = holder_comparison(stances, holders=["NATO"], freq_or_bins=BINS)
    assert list(by_period.columns[:5]) == [
        "holder",
        "period",
        "period_start",
        "period_end",
        "topic",
    ]
    assert len(by_period) == 6
    assert _row(by_period, period="late", topic="russia").mean_score == -1.0
    with pytest.raises(ValueError, match="unknown holder"):
        holder_comparison(stances, holders=["Nato"])


def test_salience(tables):
    _, statements, stances = tables
    out = salience(statements, stances)
    assert list(out.columns) == ["doc_id", "date", "topic", "n_statements", "n_touching", "share"]
    assert len(out) == 4 * 3
    row = _row(out, doc_id="apa-2006-alpha", topic="karabakh")
    assert (row.n_statements, row.n_touching, row.share) == (6, 3, 0.5)
    row = _row(out, doc_id="news-2008-beta", topic="russia")
    assert row.share == pytest.approx(1 / 3)
    assert _row(out, doc_id="trend-2024-delta", topic="membership").share == 0.25
    with pytest.raises(ValueError, match="missing from statements"):
        salience(statements.iloc[1:], stances)


def test_functions_do_not_modify_inputs(tables):
    documents, statements, stances = tables
    copies = [frame.copy(deep=True) for frame in tables]
    with_tone = statements.assign(tone=0.1)
    tone_copy = with_tone.copy(deep=True)
    stance_by_document(stances, documents)
    stance_by_period(stances, use_event_date=True)
    holder_comparison(stances, freq_or_bins=BINS)
    salience(statements, stances)
    quotes(stances, statements, documents, topic=None)
    tone_vs_stance(with_tone, stances)
    kwic(statements, "russia")
    keyness(statements, min_count=1)
    for before, after in zip(copies, tables, strict=True):
        assert_frame_equal(before, after)
    assert_frame_equal(tone_copy, with_tone)


# --------------------------------------------------------------------------- words


def test_tokenize():
    assert tokenize("NATO’s open-door policy, since 2008, isn't new.") == [
        "nato", "open-door", "policy", "since", "isn't", "new",
    ]  # fmt: skip
    assert tokenize("Azərbaycan and Россия") == ["azərbaycan", "and", "россия"]


def _period_statements(early: list[str], late: list[str]) -> pd.DataFrame:
    rows = [("early-doc", 1, "narrator", "narrator", "NATO", text, "") for text in early]
    rows += [("late-doc", 1, "narrator", "narrator", "NATO", text, "") for text in late]
    return make_statements(rows, {"early-doc": "2006-06-01", "late-doc": "2023-06-01"})


def test_keyness_g2_by_hand():
    statements = _period_statements(
        ["Partner partner partner states talk openly."],
        ["Partner states face threat deterrence defence."],
    )
    out = keyness(statements, min_count=1)
    assert list(out.columns) == [
        "word", "count_early", "count_late", "per_10k_early", "per_10k_late", "log_ratio",
        "g2", "p_value", "direction",
    ]  # fmt: skip
    row = _row(out, word="partner")
    assert (row.count_early, row.count_late) == (3, 1)
    # 2×2 table for "partner": early 3 of 6 tokens, late 1 of 6.
    #   observed [[3, 1], [3, 5]]; row sums 4, 8; column sums 6, 6; N = 12
    #   expected [[2, 2], [4, 4]]
    #   G² = 2 (3 ln(3/2) + 1 ln(1/2) + 3 ln(3/4) + 5 ln(5/4))
    #      = 2 (1.2163953 - 0.6931472 - 0.8630462 + 1.1157178) = 1.5518394
    assert row.g2 == pytest.approx(1.5518394, abs=1e-6)
    assert row.p_value == pytest.approx(math.erfc(math.sqrt(1.5518394 / 2)), abs=1e-6)
    assert row.direction == "early"
    assert row.log_ratio == pytest.approx(math.log2((1 / 6) / (3 / 6)))
    scipy_stats = pytest.importorskip("scipy.stats")
    g2, *_ = scipy_stats.chi2_contingency([[3, 1], [3, 5]], correction=False,
                                          lambda_="log-likelihood")  # fmt: skip
    assert row.g2 == pytest.approx(g2)
    # "states" is as frequent in both periods: G² = 0.
    assert _row(out, word="states").g2 == 0.0
    assert _row(out, word="states").direction == "equal"
    # a word seen only late gets a finite log ratio (zero count taken as 0.5)
    assert _row(out, word="threat").log_ratio == pytest.approx(math.log2((1 / 6) / (0.5 / 6)))
    assert out["g2"].is_monotonic_decreasing


def test_keyness_filters_and_errors():
    statements = _period_statements(
        ["The partner and the partner talk.", "We talk with the partner."],
        ["The threat is real and the threat grows.", "Deterrence answers the threat."],
    )
    out = keyness(statements, min_count=3)
    assert set(out["word"]) == {"partner", "threat"}  # stopwords and rare words dropped
    assert _row(out, word="threat").direction == "late"
    assert "the" in set(keyness(statements, min_count=3, stopwords=())["word"])
    with pytest.raises(ValueError, match="late"):
        keyness(statements, late=(2030, 2031))


def test_collocations():
    statements = _period_statements(
        ["The open door stays.", "An open door policy.", "Open. Door."],
        ["The open door remains, and the peace talks go on."],
    )
    out = collocations(statements, min_freq=2)
    assert list(out.columns) == ["w1", "w2", "bigram", "count", "score"]
    # "Open. Door." is one statement here, so it does count: 3 + 1 = 4
    assert out.loc[0, ["bigram", "count"]].tolist() == ["open door", 4]
    early = collocations(statements, years=(2005, 2008), min_freq=1, measure="raw_freq")
    assert "the open" not in set(early["bigram"])  # stopword bigrams are dropped
    assert early["bigram"].tolist()[0] == "open door"
    with pytest.raises(ValueError, match="measure"):
        collocations(statements, measure="t-test")


def test_collocations_do_not_cross_statements():
    statements = _period_statements(["Alliance grows.", "Alliance grows.", "Door opens."], [])
    pairs = set(collocations(statements, min_freq=1)["bigram"])
    assert "alliance grows" in pairs
    assert "grows door" not in pairs and "grows alliance" not in pairs


def test_kwic(tables):
    _, statements, _ = tables
    out = kwic(statements, "Russia", width=12)
    assert list(out.columns) == [
        "statement_id", "position", "left", "keyword", "right", "doc_id", "date", "speaker",
        "holder",
    ]  # fmt: skip
    # five sentences name Russia (one as "Russia's"); "Russian troops" is not a match
    assert len(out) == 5
    assert "Russian" not in set(out["keyword"])
    first = out.iloc[0]
    assert first.statement_id == "apa-2006-alpha.0003"
    assert (first.left, first.keyword, first.right) == ("ration with", "Russia", "on many iss")
    assert first.position == statements.loc[2, "text"].index("Russia")
    assert len(kwic(statements, "russia*")) == 6
    phrase = kwic(statements, "peace talks")
    assert phrase["keyword"].tolist() == ["peace talks"]
    assert len(kwic(statements, "russia", holders="media")) == 1
    with pytest.raises(ValueError, match="no word"):
        kwic(statements, "2008")


# --------------------------------------------------------------------------- joins


def test_tone_vs_stance(tables):
    _, statements, stances = tables
    with pytest.raises(KeyError, match="tone"):
        tone_vs_stance(statements, stances)
    tone = np.linspace(-0.5, 0.5, len(statements))
    out = tone_vs_stance(statements.assign(tone=tone), stances, topic="russia")
    assert list(out.columns) == [
        "statement_id", "doc_id", "date", "holder", "topic", "stance", "score", "tone",
    ]  # fmt: skip
    assert len(out) == 6
    idx = statements.index[statements["statement_id"] == "nato-2022-gamma.0004"][0]
    assert _row(out, statement_id="nato-2022-gamma.0004").tone == pytest.approx(tone[idx])
    with pytest.raises(ValueError, match="numeric"):
        tone_vs_stance(statements.assign(tone="positive"), stances)


def test_quotes(tables):
    documents, statements, stances = tables
    out = quotes(stances, statements, documents, topic="membership", holders="NATO")
    assert list(out.columns) == [
        "statement_id", "doc_id", "date", "event_date", "time", "title", "source", "speaker",
        "speaker_role", "holder", "topic", "stance", "score", "confidence", "rule_ids", "cues",
        "text",
    ]  # fmt: skip
    assert out["statement_id"].tolist() == [
        "apa-2006-alpha.0004", "nato-2022-gamma.0002", "trend-2024-delta.0004",
    ]  # fmt: skip
    last = out.iloc[-1]
    assert last.text == "Finland joined in 2023 and the door stays open."
    assert (last.speaker, last.title, last.stance) == (
        "Eva Sample",
        "Interview with an envoy",
        "open",
    )
    assert last.time == last.date
    moved = quotes(stances, statements, documents, topic="membership", use_event_date=True)
    assert _row(moved, statement_id="trend-2024-delta.0004").time == pd.Timestamp("2023-04-15")
    assert len(quotes(stances, statements, documents, topic=None)) == len(stances)


def test_statement_times():
    frame = pd.DataFrame({"date": pd.to_datetime(["2009-01-10", "2009-01-10", None]), "event_date": ["2001", "", ""]})
    assert statement_times(frame).tolist()[:2] == [pd.Timestamp("2009-01-10")] * 2
    times = statement_times(frame, use_event_date=True)
    assert times.tolist()[:2] == [pd.Timestamp("2001-07-01"), pd.Timestamp("2009-01-10")]
    assert pd.isna(times.iloc[2])


def test_timeline_events():
    events = timeline_events()
    assert list(events.columns) == ["date", "label", "kind"]
    assert events["date"].is_monotonic_increasing
    assert str(events["kind"].dtype) == "category"
    by_label = dict(zip(events["label"], events["date"].dt.strftime("%Y-%m"), strict=True))
    assert by_label["Bucharest summit"] == "2008-04"
    assert by_label["Georgia war"] == "2008-08"
    assert by_label["Crimea annexed"] == "2014-03"
    assert by_label["April clashes"] == "2016-04"
    assert by_label["Karabakh war"] == "2020-09"
    assert by_label["Karabakh ceasefire"] == "2020-11"
    assert by_label["Full-scale invasion of Ukraine"] == "2022-02"
    assert by_label["Azerbaijan's Karabakh operation"] == "2023-09"
    assert events.loc[events["label"] == "Full-scale invasion of Ukraine", "date"].iloc[0] == (
        pd.Timestamp("2022-02-24")
    )


def test_make_stances_helper_roundtrip():
    statements = make_statements(
        [("d", 1, "narrator", "narrator", "NATO", "Russia is a threat.", "")], {"d": "2022-03-01"}
    )
    stances = make_stances([("d.0001", "russia", "adversarial")], statements)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = stance_by_period(stances, topic="russia")
    assert out["mean_score"].tolist() == [-1.0]


def test_empty_input_gives_empty_groups(tables):
    documents, statements, stances = tables
    none = stances.iloc[:0]
    out = stance_by_period(none, freq_or_bins=BINS)
    assert len(out) == 6 and (out["n_statements"] == 0).all()
    assert out["mean_score"].dtype == "float64" and out["mean_score"].isna().all()
    assert len(stance_by_period(none)) == 0
    assert len(holder_comparison(none)) == 9
    assert len(stance_by_document(none, documents)) == 0
    assert (salience(statements, none)["share"] == 0).all()
