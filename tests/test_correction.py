"""Tests of corpus_lib.analysis.correction: label shares and mean scores corrected for coder error."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from corpus_lib.analysis import corrected, stance_by_period
from corpus_lib.analysis.correction import CORRECTED_COLUMNS, _simplex_lstsq
from corpus_lib.paths import PROJECT_ROOT
from corpus_lib.vocab import LABEL_SCORES, LABELS_BY_TOPIC, STANCES

SEED_GOLD = PROJECT_ROOT / "annotations" / "seeds.csv"


# --------------------------------------------------------------------------- helpers


def make_stances(
    labels_by_doc: dict[str, list[str]], topic: str, year: int = 2010, holder: str = "NATO"
) -> pd.DataFrame:
    """A ``stances`` table: one statement per label, all in ``year``."""
    rows = [
        (f"{doc}.{i + 1:04d}", doc, pd.Timestamp(f"{year}-06-01"), "", holder, topic, label, LABEL_SCORES[label])
        for doc, labels in labels_by_doc.items()
        for i, label in enumerate(labels)
    ]
    columns = ["statement_id", "doc_id", "date", "event_date", "holder", "topic", "stance", "score"]
    return pd.DataFrame(rows, columns=columns)


def spread(counts: dict[str, int], n_docs: int, prefix: str = "c") -> dict[str, list[str]]:
    """Labels with the given counts, dealt round-robin into ``n_docs`` documents."""
    labels = [label for label, n in counts.items() for _ in range(n)]
    return {f"{prefix}{d:03d}": labels[d::n_docs] for d in range(n_docs)}


def make_validation(pairs: dict[tuple[str, str], int], topic: str, n_docs: int = 5, prefix: str = "v") -> pd.DataFrame:
    """A validation table with ``n`` rows per (hand, machine) pair, dealt into ``n_docs`` documents."""
    rows = [(hand, machine) for (hand, machine), n in pairs.items() for _ in range(n)]
    return pd.DataFrame(
        {
            "statement_id": [f"{prefix}{i % n_docs:03d}.{i + 1:04d}" for i in range(len(rows))],
            "doc_id": [f"{prefix}{i % n_docs:03d}" for i in range(len(rows))],
            "topic": topic,
            "hand": [h for h, _ in rows],
            "machine": [m for _, m in rows],
        }
    )


def confusion_validation(matrix: np.ndarray, topic: str, per_label: int, **kwargs) -> pd.DataFrame:
    """Validation rows whose confusion proportions are exactly ``matrix`` (rows: hand, columns: machine)."""
    labels = LABELS_BY_TOPIC[topic]
    counts = np.rint(matrix * per_label).astype(int)
    assert np.allclose(counts, matrix * per_label)
    pairs = {
        (labels[i], labels[j]): counts[i, j] for i in range(len(labels)) for j in range(len(labels)) if counts[i, j]
    }
    return make_validation(pairs, topic, **kwargs)


def seed_validation_table(stances: pd.DataFrame) -> pd.DataFrame:
    """The seed gold joined with the coder's stances: one row per (statement, topic) either side codes."""
    gold = pd.read_csv(SEED_GOLD, dtype=str, keep_default_na=False)
    hand = gold.loc[:, ["statement_id", "doc_id", "topic", "stance"]].rename(columns={"stance": "hand"})
    machine = stances.loc[stances["doc_id"].isin(set(gold["doc_id"])), ["statement_id", "doc_id", "topic", "stance"]]
    machine = machine.astype(object).rename(columns={"stance": "machine"})
    return hand.merge(machine, on=["statement_id", "doc_id", "topic"], how="outer")


def one_row(frame: pd.DataFrame) -> pd.Series:
    assert len(frame) == 1
    return frame.iloc[0]


# --------------------------------------------------------------------------- the estimator

RUSSIA_P = np.array([[16, 2, 2], [4, 14, 2], [5, 5, 10]]) / 20
MEMBERSHIP_P = np.array([[15, 3, 0, 2], [2, 16, 1, 1], [0, 2, 16, 2], [1, 1, 2, 16]]) / 20


def test_identity_confusion_gives_the_naive_values_back():
    counts = {"cooperative": 37, "adversarial": 21, "neutral": 19}
    stances = make_stances(spread(counts, 12), "russia")
    validation = make_validation({(label, label): 10 for label in LABELS_BY_TOPIC["russia"]}, "russia")
    row = one_row(corrected(stances, validation, freq_or_bins=None, topic="russia"))
    assert row.mean_score == pytest.approx(16 / 58, abs=1e-12)
    assert row.mean_score == pytest.approx(row.naive_mean_score, abs=1e-12)
    for label in STANCES:
        assert row[f"share_{label}"] == pytest.approx(row[f"naive_share_{label}"], abs=1e-12)
    # same statistic, same kind of resamples, another random stream: close, not equal
    assert abs(row.ci_low - row.naive_ci_low) < 0.05
    assert abs(row.ci_high - row.naive_ci_high) < 0.05
    assert row.ci_low < row.mean_score < row.ci_high


def test_naive_columns_are_those_of_stance_by_period_with_documents_resampled():
    stances = pd.concat(
        [
            make_stances(spread({"cooperative": 9, "adversarial": 5, "neutral": 4}, 6), "russia", year=2010),
            make_stances(
                spread({"cooperative": 2, "adversarial": 8, "neutral": 3}, 5, prefix="d"), "russia", year=2012
            ),
        ]
    )
    validation = confusion_validation(RUSSIA_P, "russia", 20)
    out = corrected(stances, validation, topic="russia", n_resamples=500, seed=4)
    summary = stance_by_period(stances, topic="russia", resample="documents", n_resamples=500, seed=4)
    assert out["period"].tolist() == summary["period"].tolist() == ["2010", "2011", "2012"]
    for mine, theirs in [("naive_mean_score", "mean_score"), ("naive_ci_low", "ci_low"), ("naive_ci_high", "ci_high")]:
        np.testing.assert_array_equal(out[mine].to_numpy(), summary[theirs].to_numpy())
    for label in STANCES:
        np.testing.assert_array_equal(out[f"naive_share_{label}"].to_numpy(), summary[f"share_{label}"].to_numpy())
    np.testing.assert_array_equal(out["n_documents"], summary["n_documents"])
    np.testing.assert_array_equal(out["n_statements"], summary["n_statements"])


@pytest.mark.parametrize(
    ("topic", "matrix", "truth"),
    [("russia", RUSSIA_P, (0.5, 0.3, 0.2)), ("membership", MEMBERSHIP_P, (0.4, 0.2, 0.1, 0.3))],
    ids=["3x3", "4x4"],
)
def test_a_known_confusion_applied_to_known_shares_is_undone(topic, matrix, truth):
    labels = LABELS_BY_TOPIC[topic]
    machine = matrix.T @ np.asarray(truth) * 1000  # the machine counts the coder's errors produce
    assert np.allclose(machine, np.rint(machine))
    stances = make_stances(spread(dict(zip(labels, np.rint(machine).astype(int), strict=True)), 10), topic)
    row = one_row(corrected(stances, confusion_validation(matrix, topic, 20), freq_or_bins=None, topic=topic))
    for label, share in zip(labels, truth, strict=True):
        assert row[f"share_{label}"] == pytest.approx(share, abs=1e-9)
    positioned = [(p, LABEL_SCORES[lab]) for p, lab in zip(truth, labels, strict=True) if lab != "neutral"]
    expected = sum(p * s for p, s in positioned) / sum(p for p, _ in positioned)
    assert row.mean_score == pytest.approx(expected, abs=1e-9)
    assert abs(row.naive_mean_score - expected) > 0.005  # the correction changed something
    assert row.share_engaged == 0.0 and row.n_validation == 20 * len(labels)


def test_false_topics_are_removed_and_missing_labels_mean_none():
    stances = make_stances(spread({"cooperative": 400, "adversarial": 200, "neutral": 400}, 10), "russia")
    validation = make_validation({(label, label): 20 for label in LABELS_BY_TOPIC["russia"]}, "russia")
    extra = make_validation(
        {("none", "neutral"): 3, ("", "neutral"): 2, ("adversarial", "none"): 7}, "russia", prefix="w"
    )
    extra.loc[extra["hand"] == "", "hand"] = np.nan  # missing counts as none too
    row = one_row(corrected(stances, pd.concat([validation, extra]), freq_or_bins=None, topic="russia"))
    # a fifth of the neutral rows are false topics (5 of 25); the 7 misses are not used
    assert row.share_cooperative == pytest.approx(400 / 920, abs=1e-12)
    assert row.share_neutral == pytest.approx(320 / 920, abs=1e-12)
    assert row.mean_score == pytest.approx(1 / 3, abs=1e-12)
    assert row.n_validation == 65


def test_an_impossible_inversion_is_projected_onto_the_simplex():
    # the machine shows more adversarial than any hand mix could produce: the best fit is all adversarial
    stances = make_stances(spread({"cooperative": 0, "adversarial": 95, "neutral": 5}, 10), "russia")
    row = one_row(corrected(stances, confusion_validation(RUSSIA_P, "russia", 20), freq_or_bins=None, topic="russia"))
    shares = [row[f"share_{label}"] for label in LABELS_BY_TOPIC["russia"]]
    assert min(shares) >= 0.0 and sum(shares) == pytest.approx(1.0)
    assert row.share_adversarial == pytest.approx(1.0) and row.mean_score == pytest.approx(-1.0)


def test_the_simplex_fit_matches_a_general_optimiser():
    optimize = pytest.importorskip("scipy.optimize")
    rng = np.random.default_rng(7)
    design = np.swapaxes(0.5 * np.eye(4) + 0.5 * rng.dirichlet(np.ones(4) * 0.5, size=(30, 4)), 1, 2)
    target = rng.dirichlet(np.ones(4) * 0.3, size=30)
    mine = _simplex_lstsq(design, target)
    infeasible = 0
    for a, q, x in zip(design, target, mine, strict=True):
        infeasible += bool((np.linalg.solve(a, q) < 0).any())
        fit = optimize.minimize(
            lambda p, a=a, q=q: ((a @ p - q) ** 2).sum(),
            np.full(4, 0.25),
            method="SLSQP",
            bounds=[(0, 1)] * 4,
            constraints={"type": "eq", "fun": lambda p: p.sum() - 1},
            options={"ftol": 1e-14, "maxiter": 500},
        )
        assert ((a @ x - q) ** 2).sum() <= fit.fun + 1e-9
        np.testing.assert_allclose(x, fit.x, atol=1e-4)
    assert infeasible >= 5  # the constrained case is exercised


# --------------------------------------------------------------------------- the interval


def test_the_interval_widens_with_a_small_validation_sample():
    stances = make_stances(spread({"cooperative": 300, "adversarial": 150, "neutral": 150}, 60), "russia")
    small = confusion_validation(RUSSIA_P, "russia", 20, n_docs=6)
    large = pd.concat([confusion_validation(RUSSIA_P, "russia", 20, n_docs=6, prefix=f"v{k}") for k in range(25)])
    row_small = one_row(corrected(stances, small, freq_or_bins=None, topic="russia", n_resamples=1000))
    row_large = one_row(corrected(stances, large, freq_or_bins=None, topic="russia", n_resamples=1000))
    assert row_small.mean_score == pytest.approx(row_large.mean_score, abs=1e-12)  # same point estimate of P
    width_small = row_small.ci_high - row_small.ci_low
    width_large = row_large.ci_high - row_large.ci_low
    width_naive = row_small.naive_ci_high - row_small.naive_ci_low
    assert width_small > 1.5 * width_naive
    assert width_small > 1.5 * width_large
    assert row_small.share_cooperative_low < row_small.share_cooperative < row_small.share_cooperative_high


def test_results_are_deterministic_and_a_groups_interval_ignores_other_groups():
    stances = pd.concat(
        [
            make_stances(spread({"cooperative": 9, "adversarial": 5, "neutral": 4}, 6), "russia", year=2010),
            make_stances(
                spread({"cooperative": 2, "adversarial": 8, "neutral": 3}, 5, prefix="d"), "russia", year=2012
            ),
        ]
    )
    validation = confusion_validation(RUSSIA_P, "russia", 20)
    bins = {"a": (2009, 2010), "b": (2011, 2013)}
    first = corrected(stances, validation, freq_or_bins=bins, topic="russia", n_resamples=300, seed=1)
    assert_frame_equal(
        first, corrected(stances, validation, freq_or_bins=bins, topic="russia", n_resamples=300, seed=1)
    )
    other_seed = corrected(stances, validation, freq_or_bins=bins, topic="russia", n_resamples=300, seed=2)
    assert not np.allclose(first["ci_low"], other_seed["ci_low"])
    alone = corrected(stances, validation, freq_or_bins={"b": (2011, 2013)}, topic="russia", n_resamples=300, seed=1)
    assert_frame_equal(alone, first.iloc[[1]].reset_index(drop=True))


def test_a_period_with_one_document_has_no_interval():
    stances = pd.concat(
        [
            make_stances({"solo": ["cooperative", "cooperative", "adversarial"]}, "russia", year=2005),
            make_stances(spread({"cooperative": 4, "adversarial": 4}, 2), "russia", year=2006),
        ]
    )
    out = corrected(stances, confusion_validation(RUSSIA_P, "russia", 20), topic="russia", n_resamples=200)
    solo, pair = out.iloc[0], out.iloc[1]
    assert (solo.period, solo.n_documents, pair.n_documents) == ("2005", 1, 2)
    assert math.isfinite(solo.mean_score)
    assert all(
        math.isnan(solo[c]) for c in ("ci_low", "ci_high", "naive_ci_low", "naive_ci_high", "share_cooperative_low")
    )
    assert math.isfinite(pair.ci_low) and math.isfinite(pair.naive_ci_low)


def test_output_columns_grid_and_order():
    stances = pd.concat(
        [
            make_stances(spread({"open": 3, "neutral": 1}, 2), "membership", year=2008),
            make_stances(spread({"adversarial": 3}, 2, prefix="d"), "russia", year=2010, holder="Azerbaijan"),
        ]
    )
    validation = pd.concat(
        [confusion_validation(RUSSIA_P, "russia", 20), confusion_validation(MEMBERSHIP_P, "membership", 20)]
    )
    out = corrected(
        stances,
        validation,
        topic=["membership", "russia"],
        holders=["NATO", "Azerbaijan"],
        by_holder=True,
        n_resamples=100,
    )
    head = ["holder", "period", "period_start", "period_end", "topic"]
    assert out.columns.tolist() == [*head, *CORRECTED_COLUMNS]
    assert len(out) == 2 * 3 * 2  # holders × years 2008-2010 × topics, empty cells too
    assert out["holder"].astype(str).tolist()[:6] == ["NATO"] * 6
    assert out["topic"].astype(str).tolist()[:2] == ["russia", "membership"]  # codebook order
    empty = out[(out["holder"] == "NATO") & (out["period"] == "2009")].iloc[0]
    assert empty.n_statements == 0 and math.isnan(empty.mean_score) and empty.n_validation == 60
    full = out[(out["holder"] == "NATO") & (out["topic"] == "membership") & (out["period"] == "2008")].iloc[0]
    assert sum(full[f"share_{label}"] for label in STANCES) == pytest.approx(1.0)


# --------------------------------------------------------------------------- bad input


def _good():
    stances = make_stances(spread({"cooperative": 3, "adversarial": 2}, 2), "russia")
    return stances, confusion_validation(RUSSIA_P, "russia", 20)


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda s, v: (s, v.drop(columns="machine")), "machine"),
        (lambda s, v: (s.drop(columns="doc_id"), v), "doc_id"),
        (lambda s, v: (s, v.assign(topic="nagorno")), "nagorno"),
        (
            lambda s, v: (s, v.assign(hand=v["hand"].replace("adversarial", "open"))),
            "'open' not allowed for topic 'russia'",
        ),
        (lambda s, v: (s, v.assign(machine=v["machine"].replace("neutral", "meh"))), "'meh'"),
        (lambda s, v: (s, pd.concat([v, v.iloc[[0]]])), "duplicate"),
        (lambda s, v: (s.assign(stance="open", score=1.0), v), "'open' not allowed for topic 'russia'"),
        (lambda s, v: (s.assign(score=0.5), v), "score"),
        (lambda s, v: (s, v.assign(topic="karabakh", hand="neutral", machine="neutral")), "topic 'russia'"),
    ],
    ids=[
        "validation-column",
        "stances-column",
        "unknown-topic",
        "label-of-another-topic",
        "unknown-label",
        "duplicate",
        "stance-of-another-topic",
        "score-mismatch",
        "topic-without-validation",
    ],
)
def test_bad_input_raises_value_error_naming_the_problem(spoil, message):
    stances, validation = spoil(*_good())
    with pytest.raises(ValueError, match=message):
        corrected(stances, validation, freq_or_bins=None, topic="russia", n_resamples=10)


def test_inputs_are_not_modified():
    stances, validation = _good()
    before = (stances.copy(), validation.copy())
    corrected(stances, validation, freq_or_bins=None, topic="russia", n_resamples=10)
    assert_frame_equal(stances, before[0])
    assert_frame_equal(validation, before[1])


# --------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_tables(seed_corpus):
    stances = seed_corpus.stances
    return stances, seed_validation_table(stances)


def test_seeds_give_finite_corrected_means_for_nato_on_each_topic(seed_tables):
    stances, validation = seed_tables
    assert set(validation["topic"]) == set(LABELS_BY_TOPIC) and len(validation) >= 130
    out = corrected(stances, validation, freq_or_bins=None, holders="NATO", by_holder=True, n_resamples=500)
    assert out["topic"].astype(str).tolist() == ["karabakh", "russia", "membership"]
    assert (out["holder"] == "NATO").all() and (out["n_statements"] > 0).all() and (out["n_validation"] > 20).all()
    assert np.isfinite(out["mean_score"]).all() and out["mean_score"].between(-1, 1).all()
    assert np.isfinite(out["ci_low"]).all() and (out["ci_low"] <= out["ci_high"]).all()
    shares = out[[f"share_{label}" for label in STANCES]].sum(axis=1)
    np.testing.assert_allclose(shares, 1.0)
