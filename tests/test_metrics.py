"""Tests for corpus_lib.evaluation.metrics: hand-computed cases and hypothesis properties."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_lib.evaluation.metrics import (
    bootstrap_ci,
    cohen_kappa,
    confusion_matrix,
    krippendorff_alpha_nominal,
    macro_f1,
    precision_recall_f1,
)

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A: binary
# data, two observers, ten units, no missing values.
KRIPP_A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
KRIPP_B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]

# Same paper, section C: nominal data, four observers, twelve units, missing values.
_ = None
KRIPP_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]


# --- precision, recall, F1 -------------------------------------------------------------


def test_precision_recall_f1_hand_case():
    # gold T T T F F ; pred T F T T F  -> tp=2 (items 1, 3), fp=1 (item 4), fn=1 (item 2)
    # precision 2/3, recall 2/3, f1 = 2*2 / (2*2 + 1 + 1) = 4/6
    r = precision_recall_f1([True, True, True, False, False], [True, False, True, True, False])
    assert r["tp"] == 2 and r["fp"] == 1 and r["fn"] == 1 and r["support"] == 3
    assert r["precision"] == pytest.approx(2 / 3)
    assert r["recall"] == pytest.approx(2 / 3)
    assert r["f1"] == pytest.approx(2 / 3)


def test_precision_recall_f1_asymmetric_hand_case():
    # gold T T T T F ; pred T F F F F -> tp=1, fp=0, fn=3
    # precision 1/1 = 1, recall 1/4, f1 = 2 / (2 + 0 + 3) = 0.4 (harmonic mean of 1 and .25)
    r = precision_recall_f1([1, 1, 1, 1, 0], [1, 0, 0, 0, 0])
    assert (r["precision"], r["recall"], r["f1"]) == pytest.approx((1.0, 0.25, 0.4))


def test_precision_recall_f1_zero_over_zero_is_zero():
    r = precision_recall_f1([False, False], [False, False])
    assert (r["precision"], r["recall"], r["f1"], r["support"]) == (0.0, 0.0, 0.0, 0)
    # predicted positives but no gold positive: precision 0/1, recall 0/0 -> 0
    r = precision_recall_f1([False, False], [True, False])
    assert (r["precision"], r["recall"], r["f1"]) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("gold", "pred", "message"),
    [
        ([], [], "empty"),
        ([True], [True, False], "same length"),
        (["yes", "no"], [True, False], "booleans"),
        ([0, 2], [0, 1], "booleans"),
    ],
)
def test_precision_recall_f1_rejects_bad_input(gold, pred, message):
    with pytest.raises(ValueError, match=message):
        precision_recall_f1(gold, pred)


# --- confusion matrix and macro-F1 ---------------------------------------------------


def test_confusion_matrix_fixed_order_and_zero_rows():
    labels = ["engaged", "detached", "neutral"]
    gold = ["engaged", "engaged", "neutral", "detached"]
    pred = ["engaged", "neutral", "neutral", "engaged"]
    cm = confusion_matrix(gold, pred, labels=labels)
    assert list(cm.index) == labels and list(cm.columns) == labels
    assert cm.index.name == "gold" and cm.columns.name == "pred"
    expected = [
        # pred: engaged detached neutral
        [1, 0, 1],  # gold engaged
        [1, 0, 0],  # gold detached
        [0, 0, 1],  # gold neutral
    ]
    assert cm.to_numpy().tolist() == expected
    assert int(cm.to_numpy().sum()) == len(gold)


def test_confusion_matrix_rejects_unknown_label():
    with pytest.raises(ValueError, match="'open'"):
        confusion_matrix(["engaged"], ["open"], labels=["engaged", "neutral"])


def test_macro_f1_counts_neutral_as_false_positive():
    # SemEval convention: average over engaged and detached only; all items count.
    gold = ["neutral", "neutral", "engaged", "engaged", "detached"]
    pred = ["engaged", "neutral", "engaged", "engaged", "detached"]
    # engaged:  tp=2, fp=1 (the first neutral), fn=0 -> f1 = 4 / (4 + 1) = 0.8
    # detached: tp=1, fp=0, fn=0                   -> f1 = 1
    # macro = (0.8 + 1) / 2 = 0.9 ; the neutral-neutral agreement earns nothing
    assert macro_f1(gold, pred, labels=["engaged", "detached"]) == pytest.approx(0.9)


def test_macro_f1_absent_label_scores_zero():
    # 'distant' appears in neither coding: its F1 is 0/0 := 0, pulling the mean to 2/3
    gold = ["open", "conditional"]
    pred = ["open", "conditional"]
    labels = ["open", "conditional", "distant"]
    assert macro_f1(gold, pred, labels=labels) == pytest.approx(2 / 3)


def test_macro_f1_needs_labels():
    with pytest.raises(ValueError, match="labels is empty"):
        macro_f1(["a"], ["a"], labels=[])


# --- Cohen's kappa ------------------------------------------------------------------


def test_cohen_kappa_2x2_hand_case():
    # a: Y Y Y Y N N N N N N ; b: Y Y Y N N N N N Y Y
    # table:        b=Y  b=N
    #       a=Y      3    1    (4)
    #       a=N      2    4    (6)
    #               (5)  (5)
    # p_o = 7/10 ; p_e = .4*.5 + .6*.5 = .5 ; kappa = (.7 - .5) / (1 - .5) = 0.4
    a = list("YYYYNNNNNN")
    b = list("YYYNNNNNYY")
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert cohen_kappa(a, b, labels=["Y", "N"]) == pytest.approx(0.4)


def test_cohen_kappa_krippendorff_binary_data():
    # p_o = 6/10 ; coder A has 2 ones, coder B 4: p_e = .2*.4 + .8*.6 = .56
    # kappa = (.6 - .56) / (1 - .56) = .04 / .44 = 1/11
    assert cohen_kappa(KRIPP_A, KRIPP_B) == pytest.approx(1 / 11)


def test_cohen_kappa_single_label():
    assert cohen_kappa(["neutral"] * 4, ["neutral"] * 4) == 1.0
    # each coder uses one label, but not the same one: p_o = 0, p_e = 0 -> 0
    assert cohen_kappa(["a"] * 3, ["b"] * 3) == 0.0


def test_cohen_kappa_rejects_missing_and_unknown():
    with pytest.raises(ValueError, match="missing"):
        cohen_kappa(["a", None], ["a", "b"])
    with pytest.raises(ValueError, match="not one of the labels"):
        cohen_kappa(["a", "c"], ["a", "b"], labels=["a", "b"])
    with pytest.raises(ValueError, match="empty"):
        cohen_kappa([], [])


# --- Krippendorff's alpha -------------------------------------------------------------


def test_alpha_krippendorff_2011_binary_two_coders():
    # Coincidence matrix: 5 units agree on 0 -> o00 = 10 ; 1 unit agrees on 1 -> o11 = 2 ;
    # 4 units disagree -> o01 = o10 = 4. Margins n0 = 14, n1 = 6, n = 20.
    # alpha = 1 - (n - 1) * o01 / (n0 * n1) = 1 - 19 * 4 / 84 = 8/84 = 0.0952 (paper: .095)
    assert krippendorff_alpha_nominal(KRIPP_A, KRIPP_B) == pytest.approx(8 / 84)


def test_alpha_krippendorff_2011_four_coders_missing_values():
    # Unit 12 has one value only and drops out; n = 40 pairable values.
    # Coincidence matrix (rows/cols 1..5), e.g. unit 6 (values 1,2,3,4; m=4) adds 1/3 to
    # each ordered pair of distinct values:
    #   1: [7,   4/3, 1/3, 1/3, 0]  n1 = 9
    #   2: [4/3, 10,  4/3, 1/3, 0]  n2 = 13
    #   3: [1/3, 4/3, 8,   1/3, 0]  n3 = 10
    #   4: [1/3, 1/3, 1/3, 4,   0]  n4 = 5
    #   5: [0,   0,   0,   0,   3]  n5 = 3
    # off-diagonal sum = 40 - (7 + 10 + 8 + 4 + 3) = 8 ; sum n_c^2 = 384
    # alpha = 1 - 39 * 8 / (1600 - 384) = 1 - 312/1216 = 0.7434 (paper: .743)
    assert krippendorff_alpha_nominal(*KRIPP_C) == pytest.approx(1 - 312 / 1216)
    # NaN works as missing too
    with_nan = [[np.nan if v is None else v for v in row] for row in KRIPP_C]
    assert krippendorff_alpha_nominal(*with_nan) == pytest.approx(1 - 312 / 1216)


def test_alpha_three_labels_hand_case():
    # units (a,a) (b,b) (a,b) (c,c) (c,a)
    # o_aa = 2, o_bb = 2, o_cc = 2, o_ab = o_ba = 1, o_ac = o_ca = 1 ; n = 10
    # n_a = 2 + 1 + 1 = 4, n_b = 3, n_c = 3 ; sum n^2 = 16 + 9 + 9 = 34
    # alpha = 1 - 9 * 4 / (100 - 34) = 1 - 36/66 = 5/11
    a = ["a", "b", "a", "c", "c"]
    b = ["a", "b", "b", "c", "a"]
    assert krippendorff_alpha_nominal(a, b) == pytest.approx(5 / 11)


def test_alpha_single_label_and_errors():
    assert krippendorff_alpha_nominal(["x", "x"], ["x", "x"]) == 1.0
    with pytest.raises(ValueError, match="no unit has values from two"):
        krippendorff_alpha_nominal(["x", None], [None, "y"])
    with pytest.raises(ValueError, match="no units"):
        krippendorff_alpha_nominal([], [])
    with pytest.raises(ValueError, match="same units"):
        krippendorff_alpha_nominal(["x"], ["x", "y"])


# --- bootstrap ------------------------------------------------------------------------


def test_bootstrap_ci_deterministic_and_seed_sensitive():
    data = np.arange(30.0)
    first = bootstrap_ci(np.mean, data, n_resamples=200, seed=7)
    assert bootstrap_ci(np.mean, data, n_resamples=200, seed=7) == first
    assert bootstrap_ci(np.mean, data, n_resamples=200, seed=8) != first
    low, high = first
    assert low < data.mean() < high


def test_bootstrap_ci_resamples_rows_jointly():
    # identical arrays stay identical in every resample: kappa is always 1
    codes = ["a", "b", "c", "a", "b", "c"] * 3
    assert bootstrap_ci(cohen_kappa, codes, list(codes), n_resamples=50) == (1.0, 1.0)


def test_bootstrap_ci_skips_nan_statistics():
    flags = np.array([True] + [False] * 9)

    def share_given_flag(x):
        return float(x.mean()) if x.any() else float("nan")

    low, high = bootstrap_ci(share_given_flag, flags, n_resamples=100, seed=0)
    assert not math.isnan(low) and not math.isnan(high)
    assert all(math.isnan(v) for v in bootstrap_ci(lambda x: float("nan"), flags, n_resamples=10))


def test_bootstrap_ci_accepts_frames_and_rejects_bad_input():
    frame = pd.DataFrame({"x": np.arange(10.0), "y": np.arange(10.0)})
    low, high = bootstrap_ci(lambda m: float(m[:, 0].mean()), frame, n_resamples=50)
    assert low <= 4.5 <= high
    with pytest.raises(ValueError, match="empty"):
        bootstrap_ci(np.mean, [])
    with pytest.raises(ValueError, match="same length"):
        bootstrap_ci(lambda a, b: 0.0, [1, 2], [1])
    with pytest.raises(ValueError, match="confidence"):
        bootstrap_ci(np.mean, [1.0, 2.0], confidence=1.5)
    with pytest.raises(ValueError, match="at least one array"):
        bootstrap_ci(np.mean)


# --- properties -----------------------------------------------------------------------

LABELS = ["engaged", "detached", "neutral", "none"]
labels_st = st.sampled_from(LABELS)


@st.composite
def codings(draw, *, min_size=2, max_size=25):
    """Two codings of the same items."""
    n = draw(st.integers(min_size, max_size))
    a = draw(st.lists(labels_st, min_size=n, max_size=n))
    b = draw(st.lists(labels_st, min_size=n, max_size=n))
    return a, b


@settings(max_examples=40, deadline=None)
@given(st.lists(labels_st, min_size=2, max_size=30).filter(lambda xs: len(set(xs)) >= 2))
def test_identical_codings_agree_perfectly(codes):
    assert cohen_kappa(codes, list(codes)) == pytest.approx(1.0)
    assert krippendorff_alpha_nominal(codes, list(codes)) == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(codings())
def test_kappa_and_alpha_symmetric_and_bounded(pair):
    a, b = pair
    k = cohen_kappa(a, b)
    alpha = krippendorff_alpha_nominal(a, b)
    assert k == pytest.approx(cohen_kappa(b, a))
    assert alpha == pytest.approx(krippendorff_alpha_nominal(b, a))
    assert -1.0 - 1e-9 <= k <= 1.0 + 1e-9
    assert alpha <= 1.0 + 1e-9


@settings(max_examples=40, deadline=None)
@given(codings(min_size=1))
def test_f1_scores_between_zero_and_one(pair):
    a, b = pair
    m = macro_f1(a, b, labels=["engaged", "detached"])
    assert 0.0 <= m <= 1.0
    r = precision_recall_f1([x != "none" for x in a], [x != "none" for x in b])
    for key in ("precision", "recall", "f1"):
        assert 0.0 <= r[key] <= 1.0
    cm = confusion_matrix(a, b, labels=LABELS)
    assert int(cm.to_numpy().sum()) == len(a)
    assert int(np.trace(cm.to_numpy())) == sum(x == y for x, y in zip(a, b, strict=True))


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.floats(0.0, 1.0, allow_nan=False), min_size=10, max_size=40),
    st.integers(0, 2**16),
)
def test_bootstrap_deterministic_and_covers_estimate(values, seed):
    data = np.array(values)
    ci = bootstrap_ci(np.mean, data, n_resamples=100, seed=seed)
    assert ci == bootstrap_ci(np.mean, data, n_resamples=100, seed=seed)
    low, high = ci
    assert low - 1e-12 <= data.mean() <= high + 1e-12
