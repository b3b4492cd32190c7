"""Change points in a stance series (corpus_lib.analysis.shifts): documents are the unit."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from corpus_lib.analysis import change_points, shift_evidence
from corpus_lib.analysis.shifts import A0, B0, KAPPA, SHIFT_COLUMNS

REQUIRED = [
    "topic", "holder", "p_no_change", "date", "date_low", "date_high", "mean_before", "mean_after",
    "n_documents_before", "n_documents_after",
]  # fmt: skip
LABELS = {-1.0: "distant", 0.0: "conditional", 1.0: "open"}


def stances_of(docs: list[tuple[str, list[float]]], *, holder: str = "NATO", topic: str = "membership") -> pd.DataFrame:
    """A ``stances`` table with one document per (date, scores) pair, ids in date order."""
    rows = []
    for d, (date, scores) in enumerate(docs):
        for s, score in enumerate(scores):
            rows.append({
                "statement_id": f"doc{d:03d}-{s:03d}", "doc_id": f"doc{d:03d}", "date": pd.Timestamp(date),
                "event_date": "", "holder": holder, "topic": topic,
                "stance": "neutral" if math.isnan(score) else LABELS[score], "score": score,
                "rule_ids": "", "cues": "", "confidence": 1.0,
            })  # fmt: skip
    return pd.DataFrame(rows)


def half_yearly(patterns: list[list[float]], start: int = 2006) -> list[tuple[str, list[float]]]:
    """One document every half year from ``start``, with the given scores."""
    return [(f"{start + i // 2}-{3 if i % 2 == 0 else 9:02d}-15", p) for i, p in enumerate(patterns)]


STEP = half_yearly([[1, 1, 0], [1, 0, 1]] * 5 + [[-1, -1, 0], [-1, 0, -1]] * 5)
NOISE = [[1, 0, -1], [1, 1, -1], [0, -1, 1], [-1, 0, 1], [1, -1, -1], [0, 1, 0], [-1, 1, 0], [1, 0, 0]]
FLAT = half_yearly([NOISE[i % len(NOISE)] for i in range(24)])


def test_a_clear_step_is_found_with_its_date_means_and_counts():
    out = change_points(stances_of(STEP), topic="membership", holder="NATO")
    assert len(out) == 1
    row = out.iloc[0]
    last_before, first_after = pd.Timestamp("2010-09-15"), pd.Timestamp("2011-03-15")
    assert row["date"] == last_before + (first_after - last_before) / 2
    assert row["date_low"] <= last_before < row["date"] < first_after <= row["date_high"]
    assert row["date_high"] - row["date_low"] < pd.Timedelta(days=800)
    assert row["mean_before"] == pytest.approx(2 / 3)
    assert row["mean_after"] == pytest.approx(-2 / 3)
    counts = row[["n_documents_before", "n_documents_after", "n_statements_before", "n_statements_after"]]
    assert counts.tolist() == [10, 10, 30, 30]
    assert row["p_no_change"] < 0.01
    assert (row["shift"], row["n_shifts"]) == (1, 1)


def test_two_shifts_are_found_in_order_with_chained_means():
    docs = half_yearly([[1, 1, 0]] * 8 + [[-1, -1, 0]] * 8 + [[1, 1, 1]] * 8)
    out = change_points(stances_of(docs), topic="membership", holder="NATO")
    assert out["shift"].tolist() == [1, 2]
    assert out["date"].is_monotonic_increasing
    assert out["date"].dt.year.tolist() == [2009, 2013]
    assert out["mean_after"].iloc[0] == pytest.approx(out["mean_before"].iloc[1])
    assert out["n_documents_before"].tolist() == [8, 8]
    assert out["n_documents_after"].tolist() == [8, 8]


def test_three_shifts_need_max_shifts_three():
    docs = half_yearly([[1, 1, 0]] * 8 + [[-1, -1, 0]] * 8 + [[1, 1, 1]] * 8 + [[0, 0, -1]] * 8)
    stances = stances_of(docs)
    assert len(change_points(stances, topic="membership", holder="NATO")) == 2
    out = change_points(stances, topic="membership", holder="NATO", max_shifts=3)
    assert out["date"].dt.year.tolist() == [2009, 2013, 2017]
    assert out["mean_after"].round(3).tolist() == [-0.667, 1.0, -0.333]
    none = change_points(stances, topic="membership", holder="NATO", max_shifts=0, keep_null=True)
    assert none["shift"].tolist() == [0]


def test_a_flat_series_gives_no_shift_and_a_high_p_no_change():
    stances = stances_of(FLAT)
    assert change_points(stances, topic="membership", holder="NATO").empty
    null = change_points(stances, topic="membership", holder="NATO", keep_null=True)
    assert len(null) == 1
    assert null["p_no_change"].iloc[0] > 0.75
    assert null[["date", "date_low", "date_high"]].isna().all(axis=None)
    assert null[["shift", "n_shifts"]].iloc[0].tolist() == [0, 0]
    evidence = shift_evidence(stances, topic="membership", holder="NATO")
    assert evidence["posterior"].iloc[0] == pytest.approx(null["p_no_change"].iloc[0])
    assert evidence["posterior"].sum() == pytest.approx(1.0)


HIGH = [[1, 1, 0], [1, 0, 1], [1, 1, 1], [1, 1, -1]]


@pytest.mark.parametrize("where", [0, 8, 16])
def test_one_deviant_document_never_makes_a_shift(where):
    patterns = [HIGH[i % len(HIGH)] for i in range(16)]
    patterns.insert(where, [-1, -1, -1])
    stances = stances_of(half_yearly(patterns))
    assert change_points(stances, topic="membership", holder="NATO").empty
    anything = change_points(stances, topic="membership", holder="NATO", threshold=0.0)
    assert (anything[["n_documents_before", "n_documents_after"]] >= 2).all(axis=None)
    alone = change_points(stances, topic="membership", holder="NATO", threshold=0.0, min_documents=1)
    assert (alone[["n_documents_before", "n_documents_after"]] == 1).any(axis=None)  # the check can fail


def test_a_shift_resting_on_one_outlying_document_is_not_reported():
    patterns = [HIGH[i % len(HIGH)] for i in range(16)] + [[-1, -1, -1]]
    null = change_points(stances_of(half_yearly(patterns)), topic="membership", holder="NATO", keep_null=True)
    assert null["shift"].tolist() == [0]
    assert null["p_no_change"].iloc[0] < 0.5 < null["p_no_change_loo"].iloc[0]


def test_many_statements_in_one_document_are_not_many_observations():
    base = half_yearly([NOISE[i % len(NOISE)] for i in range(24)])
    long_document = [1.0] * 45 + [0.0] * 5
    last = ("2018-09-15", [0.0, -1.0, 1.0])
    one = stances_of([*base, ("2018-03-15", long_document), last])
    assert change_points(one, topic="membership", holder="NATO").empty
    many = stances_of([*base, *(("2018-03-15", [score]) for score in long_document), last])
    found = change_points(many, topic="membership", holder="NATO")  # as 50 documents, they make a shift
    assert found[["n_documents_before", "n_documents_after"]].values.tolist() == [[24, 51]]


def test_neutral_and_undated_statements_are_left_out():
    stances = stances_of(STEP)
    extra = stances.iloc[:2].copy()
    extra["statement_id"] = ["extra-1", "extra-2"]
    extra["doc_id"] = "extra"
    extra["stance"], extra["score"] = "neutral", np.nan
    undated = stances.iloc[:1].copy().assign(statement_id="undated-1", doc_id="undated", date=pd.NaT, score=-1.0)
    other = stances.iloc[:3].copy().assign(holder="EU", score=-1.0, stance="distant")
    other["statement_id"] = ["other-1", "other-2", "other-3"]
    mixed = pd.concat([stances, extra, undated, other], ignore_index=True)
    expected = change_points(stances, topic="membership", holder="NATO")
    pd.testing.assert_frame_equal(change_points(mixed, topic="membership", holder="NATO"), expected)


def test_documents_of_one_date_stay_in_one_segment():
    docs = half_yearly([[1, 1, 0]] * 8 + [[-1, -1, 0]] * 8)
    shared = docs[7][0]
    docs.insert(8, (shared, [-1, -1, 0]))  # a document like those after the step, dated like the last before
    out = change_points(stances_of(docs), topic="membership", holder="NATO", threshold=0.0)
    assert not out.empty
    assert (out["date"] != pd.Timestamp(shared)).all()
    assert 8 not in out["n_documents_before"].cumsum().tolist()  # never between the two documents of that date


def test_calls_are_deterministic_and_leave_the_input_alone():
    stances = stances_of(STEP + half_yearly([[1, 0, 1]] * 6, start=2016))
    before = stances.copy()
    first = change_points(stances, topic="membership", holder="NATO", keep_null=True)
    second = change_points(stances, topic="membership", holder="NATO", keep_null=True)
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(stances, before)


@pytest.mark.parametrize("result", ["shift", "none", "null"])
def test_output_columns_and_dtypes(result):
    stances = stances_of(STEP if result == "shift" else FLAT)
    out = change_points(stances, topic="membership", holder="NATO", keep_null=result == "null")
    assert list(out.columns) == list(SHIFT_COLUMNS)
    assert list(out.columns[: len(REQUIRED)]) == REQUIRED
    assert len(out) == {"shift": 1, "none": 0, "null": 1}[result]
    for column in ("topic", "holder"):
        assert isinstance(out[column].dtype, pd.CategoricalDtype)
    for column in ("date", "date_low", "date_high"):
        assert out[column].dtype == "datetime64[ns]"
    for column in ("p_no_change", "mean_before", "mean_after", "p_n_shifts", "p_no_change_loo"):
        assert out[column].dtype == "float64"
    for column in ("n_documents_before", "n_documents_after", "n_statements_before", "n_statements_after",
                   "shift", "n_shifts"):
        assert out[column].dtype == "int64"


def test_unknown_topic_or_holder_is_named():
    stances = stances_of(STEP)
    with pytest.raises(ValueError, match="nonsense"):
        change_points(stances, topic="nonsense", holder="NATO")
    with pytest.raises(ValueError, match="Nobody"):
        shift_evidence(stances, topic="membership", holder="Nobody")
    with pytest.raises(TypeError, match="one name"):
        change_points(stances, topic=["membership"], holder="NATO")


def test_missing_columns_and_wrong_input_are_refused():
    stances = stances_of(STEP)
    with pytest.raises(KeyError, match="score"):
        change_points(stances.drop(columns="score"), topic="membership", holder="NATO")
    with pytest.raises(KeyError, match="doc_id"):
        shift_evidence(stances.drop(columns="doc_id"), topic="membership", holder="NATO")
    with pytest.raises(TypeError, match="DataFrame"):
        change_points(stances.to_dict(), topic="membership", holder="NATO")


@pytest.mark.parametrize(
    "option",
    [{"max_shifts": 4}, {"max_shifts": -1}, {"min_documents": 0}, {"prior": 1.0}, {"prior": 0.0},
     {"icc": 0.0}, {"icc": 1.5}, {"threshold": 1.0}, {"credible": 0.0}],
)  # fmt: skip
def test_options_out_of_range_are_refused(option):
    with pytest.raises(ValueError, match=next(iter(option))):
        change_points(stances_of(STEP), topic="membership", holder="NATO", **option)


def test_too_few_documents_or_none():
    two = stances_of(STEP[:3])
    assert shift_evidence(two, topic="membership", holder="NATO")["posterior"].tolist() == [1.0, 0.0, 0.0]
    empty = shift_evidence(two, topic="membership", holder="EU")
    assert empty["posterior"].isna().all()
    assert empty["n_documents"].tolist() == [0, 0, 0]
    null = change_points(two, topic="membership", holder="EU", keep_null=True)
    assert len(null) == 1
    assert math.isnan(null["p_no_change"].iloc[0])


def _marginal_likelihood(y: np.ndarray, w: np.ndarray, cuts: tuple[int, ...], m0: float) -> float:
    """p(y | cuts) by matrix algebra and numerical integration over sigma² (independent of the prefix sums).

    Given sigma², a segment's scores are jointly normal around ``m0`` with covariance
    ``sigma² * (diag(1 / w) + 1 / KAPPA)`` once its mean is integrated out.
    """
    from scipy import integrate, stats

    n, log_det, quad = 0, 0.0, 0.0
    for a, b in itertools.pairwise((0, *cuts, len(y))):
        cov = np.diag(1.0 / w[a:b]) + np.ones((b - a, b - a)) / KAPPA
        r = y[a:b] - m0
        n, log_det, quad = n + b - a, log_det + np.linalg.slogdet(cov)[1], quad + r @ np.linalg.solve(cov, r)

    def given_variance(v: float) -> float:
        log_normal = -0.5 * (n * math.log(2 * math.pi * v) + log_det + quad / v)
        return stats.invgamma.pdf(v, A0, scale=B0) * math.exp(log_normal)

    return integrate.quad(given_variance, 1e-6, 50.0, points=[0.05, 0.2, 0.5, 1.0], limit=200)[0]


def _admissible(w: np.ndarray, cuts: tuple[int, ...]) -> bool:
    """Every segment holds at least two effective documents, (Σw)² / Σw² >= 2."""
    return all(w[a:b].sum() ** 2 >= 2 * (w[a:b] ** 2).sum() for a, b in itertools.pairwise((0, *cuts, len(w))))


def test_the_posterior_matches_direct_numerical_integration():
    pytest.importorskip("scipy")
    patterns = [[1, 1, 0], [1], [0, 1], [1, 1, 1, 1], [1, 0], [-1, 0], [-1], [-1, -1, 0, 1], [0, -1, -1], [0]]
    stances = stances_of(half_yearly(patterns))
    icc = 0.4
    n = np.array([len(p) for p in patterns], dtype=float)
    y = np.array([np.mean(p) for p in patterns])
    w = n / (1 + (n - 1) * icc)
    m0 = float((w * y).sum() / w.sum())
    evidence = []
    for k in range(3):
        sets = [c for c in itertools.combinations(range(1, len(y)), k) if _admissible(w, c)]
        assert sets
        evidence.append(np.mean([_marginal_likelihood(y, w, c, m0) for c in sets]))
    expected = np.array([0.5, 0.25, 0.25]) * evidence
    expected /= expected.sum()
    got = shift_evidence(stances, topic="membership", holder="NATO", icc=icc)
    np.testing.assert_allclose(got["posterior"].to_numpy(), expected, rtol=1e-4)
    assert got["icc"].iloc[0] == icc
