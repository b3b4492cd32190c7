"""Accuracy and agreement measures for coded statements.

Pure, deterministic functions on sequences of labels (lists, tuples, numpy arrays or
pandas Series). Nothing here knows about topics or stances; `corpus_lib.evaluation.evaluate`
applies these measures to the project's tables.

Conventions, the same in every function:

- Empty input raises ``ValueError``; so do sequences of different lengths.
- Precision, recall and F1 define 0/0 as 0.0 (a label that nobody predicts has
  precision 0.0, a label that never occurs in the gold codes has recall 0.0). This is
  the convention of the SemEval-2016 stance scorer and of scikit-learn's
  ``zero_division=0``; it pulls a macro average down when a label is absent from both
  codings, which the caller should keep in mind on small samples.
- Cohen's kappa and Krippendorff's alpha are undefined (0/0) when only one label
  occurs in the data at all. Then both coders necessarily agree on every item, and we
  return 1.0. Where the coders use different labels the usual formula applies, even
  if each coder uses a single label (kappa is then 0.0 or below).
- Missing values (None, NaN) are an error everywhere except in
  `krippendorff_alpha_nominal` and `krippendorff_alpha`, which are built to handle them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "bootstrap_ci",
    "cohen_kappa",
    "confusion_matrix",
    "krippendorff_alpha",
    "krippendorff_alpha_nominal",
    "macro_f1",
    "precision_recall_f1",
]

_FAST_KINDS = frozenset("biufUS")


def _to_array(values: Any, name: str) -> np.ndarray:
    """Return ``values`` as a one-dimensional numpy array, rejecting bare strings."""
    if isinstance(values, str | bytes):
        raise TypeError(f"{name} must be a sequence of labels, not a single string")
    if isinstance(values, pd.Series | pd.Index):
        values = values.to_numpy()
    arr = np.asarray(values)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    return arr


def _pair(a: Any, b: Any, names: tuple[str, str]) -> tuple[np.ndarray, np.ndarray]:
    """Two non-empty arrays of the same length."""
    x = _to_array(a, names[0])
    y = _to_array(b, names[1])
    if len(x) != len(y):
        raise ValueError(
            f"{names[0]} and {names[1]} must have the same length, got {len(x)} and {len(y)}"
        )
    if len(x) == 0:
        raise ValueError(f"{names[0]} and {names[1]} are empty: nothing to measure")
    return x, y


def _reject_missing(arr: np.ndarray, name: str) -> None:
    if arr.dtype.kind in "fOmM" and bool(pd.isna(arr).any()):
        raise ValueError(f"{name} contains missing values (None/NaN); code every item")


def _check_labels(labels: Sequence[Hashable] | None) -> list[Hashable]:
    if labels is None:
        raise ValueError("labels must be given")
    if isinstance(labels, str | bytes):
        raise TypeError("labels must be a sequence of labels, not a single string")
    out = list(labels)
    if not out:
        raise ValueError("labels is empty")
    if len(set(out)) != len(out):
        raise ValueError(f"labels must be unique, got {out}")
    return out


def _observed_labels(*arrays: np.ndarray) -> list[Hashable]:
    """Labels that occur in the arrays, in order of first appearance (deterministic)."""
    joined = np.concatenate([np.asarray(a, dtype=object) for a in arrays])
    return list(pd.unique(joined))


def _encode(values: np.ndarray, labels: list[Hashable], name: str) -> np.ndarray:
    """Integer codes of ``values`` in ``labels``; ValueError for a value not in labels."""
    lab = np.asarray(labels)
    if values.dtype.kind in _FAST_KINDS and lab.dtype.kind in _FAST_KINDS:
        # Vectorised path for homogeneous arrays (the common case, and the bootstrap's).
        order = np.argsort(lab, kind="stable")
        sorted_lab = lab[order]
        try:
            pos = np.clip(np.searchsorted(sorted_lab, values), 0, len(lab) - 1)
            found = sorted_lab[pos] == values
        except (TypeError, np.exceptions.DTypePromotionError):
            found = None
        if isinstance(found, np.ndarray) and found.shape == values.shape:
            if not found.all():
                bad = values[~found][0]
                raise ValueError(f"{name} holds {bad!r}, which is not one of the labels {labels}")
            return order[pos].astype(np.intp)
    index = {label: i for i, label in enumerate(labels)}
    codes = np.empty(len(values), dtype=np.intp)
    for i, value in enumerate(values.tolist()):
        try:
            codes[i] = index[value]
        except (KeyError, TypeError):
            raise ValueError(
                f"{name} holds {value!r}, which is not one of the labels {labels}"
            ) from None
    return codes


def _as_bool(values: Any, name: str) -> np.ndarray:
    """A boolean array; accepts bools and 0/1 integers, rejects anything else."""
    arr = _to_array(values, name)
    if arr.dtype.kind == "b":
        return arr
    if arr.dtype.kind in "iu" and np.isin(arr, (0, 1)).all():
        return arr.astype(bool)
    if arr.dtype.kind == "O" and all(
        isinstance(v, bool | np.bool_) or (isinstance(v, int) and v in (0, 1))
        for v in arr.tolist()
    ):
        return arr.astype(bool)
    raise ValueError(f"{name} must hold booleans (or 0/1), got dtype {arr.dtype}")


def _ratio(num: float, den: float) -> float:
    """num / den with 0/0 (and x/0) defined as 0.0."""
    return float(num) / float(den) if den else 0.0


def precision_recall_f1(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, float]:
    """Precision, recall and F1 of binary predictions against gold codes.

    0/0 is defined as 0.0: with no predicted positives precision is 0.0, with no gold
    positives recall is 0.0, and F1 (computed as ``2tp / (2tp + fp + fn)``, which
    equals the harmonic mean of precision and recall) is 0.0 whenever ``tp == 0``.

    Args:
        gold: True where the item is a positive in the reference coding.
        pred: True where the item is predicted positive; same length as ``gold``.

    Returns:
        A dict with ``precision``, ``recall``, ``f1`` (floats), ``support`` (number of
        gold positives) and the counts ``tp``, ``fp``, ``fn`` (ints).

    Raises:
        ValueError: on empty input, unequal lengths or non-boolean values.

    Example:
        >>> r = precision_recall_f1([True, True, False, False], [True, False, True, False])
        >>> r["precision"], r["recall"], r["f1"], r["support"]
        (0.5, 0.5, 0.5, 2)
    """
    g, p = _pair(gold, pred, ("gold", "pred"))
    g = _as_bool(g, "gold")
    p = _as_bool(p, "pred")
    tp = int(np.count_nonzero(g & p))
    fp = int(np.count_nonzero(~g & p))
    fn = int(np.count_nonzero(g & ~p))
    return {
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, tp + fn),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        "support": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def confusion_matrix(
    gold: Sequence[Hashable], pred: Sequence[Hashable], *, labels: Sequence[Hashable]
) -> pd.DataFrame:
    """Counts of gold label (rows) against predicted label (columns).

    Args:
        gold: Reference labels.
        pred: Predicted labels, same length as ``gold``.
        labels: Every label that may occur, in the order of rows and columns. A value
            outside ``labels`` is an error, so no item is dropped silently.

    Returns:
        An integer DataFrame indexed by ``labels`` (index named ``gold``) with
        ``labels`` as columns (named ``pred``).

    Raises:
        ValueError: on empty input, unequal lengths, missing values or a value that is
            not in ``labels``.

    Example:
        >>> cm = confusion_matrix(["a", "a", "b"], ["a", "b", "b"], labels=["a", "b"])
        >>> cm.to_numpy().tolist(), cm.index.name, cm.columns.name
        ([[1, 1], [0, 1]], 'gold', 'pred')
    """
    labs = _check_labels(labels)
    g, p = _pair(gold, pred, ("gold", "pred"))
    _reject_missing(g, "gold")
    _reject_missing(p, "pred")
    k = len(labs)
    cg = _encode(g, labs, "gold")
    cp = _encode(p, labs, "pred")
    counts = np.bincount(cg * k + cp, minlength=k * k).reshape(k, k)
    return pd.DataFrame(
        counts.astype(np.int64),
        index=pd.Index(labs, name="gold"),
        columns=pd.Index(labs, name="pred"),
    )


def macro_f1(
    gold: Sequence[Hashable], pred: Sequence[Hashable], *, labels: Sequence[Hashable]
) -> float:
    """Mean of the per-label F1 over ``labels`` (the SemEval-2016 stance convention).

    Every item takes part, but only the labels passed are averaged. Pass the
    non-neutral labels: a neutral item predicted as ``engaged`` is then a false
    positive for ``engaged``, and an ``engaged`` item predicted neutral a false
    negative, while agreement on neutral earns nothing. A label absent from both
    codings has F1 0.0 (0/0 convention, see `precision_recall_f1`).

    Args:
        gold: Reference labels (may include labels not in ``labels``).
        pred: Predicted labels, same length as ``gold``.
        labels: The labels to average over.

    Returns:
        The macro-averaged F1, between 0 and 1.

    Raises:
        ValueError: on empty input, unequal lengths, missing values or empty labels.

    Example:
        >>> gold = ["engaged", "detached", "neutral", "engaged"]
        >>> pred = ["engaged", "detached", "engaged", "neutral"]
        >>> round(macro_f1(gold, pred, labels=["engaged", "detached"]), 4)
        0.75
    """
    labs = _check_labels(labels)
    g, p = _pair(gold, pred, ("gold", "pred"))
    _reject_missing(g, "gold")
    _reject_missing(p, "pred")
    scores = [precision_recall_f1(g == lab, p == lab)["f1"] for lab in labs]
    return float(np.mean(scores))


def cohen_kappa(
    a: Sequence[Hashable], b: Sequence[Hashable], *, labels: Sequence[Hashable] | None = None
) -> float:
    """Cohen's kappa between two complete codings of the same items.

    ``kappa = (p_o - p_e) / (1 - p_e)`` with ``p_o`` the share of items coded alike
    and ``p_e`` the agreement expected from each coder's own label shares. When only
    one label occurs in both codings (``p_e == 1``) the ratio is 0/0; the coders then
    agree on every item and kappa is defined as 1.0.

    Args:
        a: Labels from the first coder.
        b: Labels from the second coder, same length.
        labels: The admissible labels. Optional: it changes nothing in the value, but
            a value outside it raises, which catches typos in codes.

    Returns:
        Kappa, at most 1.0 (1.0 for perfect agreement, 0.0 for chance level).

    Raises:
        ValueError: on empty input, unequal lengths, missing values or a value outside
            ``labels``.

    Example:
        >>> round(cohen_kappa(["x", "x", "y", "y"], ["x", "y", "y", "y"]), 4)
        0.5
    """
    x, y = _pair(a, b, ("a", "b"))
    _reject_missing(x, "a")
    _reject_missing(y, "b")
    labs = _observed_labels(x, y) if labels is None else _check_labels(labels)
    k = len(labs)
    cx = _encode(x, labs, "a")
    cy = _encode(y, labs, "b")
    n = len(cx)
    # Exact integer arithmetic: agree/n is p_o, chance/n**2 is p_e.
    agree = int(np.count_nonzero(cx == cy))
    chance = int(np.dot(np.bincount(cx, minlength=k), np.bincount(cy, minlength=k)))
    if chance == n * n:
        return 1.0
    return float(n * agree - chance) / float(n * n - chance)


def krippendorff_alpha_nominal(
    a: Sequence[Hashable], b: Sequence[Hashable], *others: Sequence[Hashable]
) -> float:
    """Krippendorff's alpha for nominal data, from the coincidence matrix: `krippendorff_alpha`
    with one argument per coder.

    Each argument is one coder's labels for the same units, in the same order. Missing
    values (None or NaN) are allowed: a unit counts only through the values it has,
    and a unit with fewer than two values is not pairable and drops out. With
    ``o`` the coincidence matrix (each ordered pair of values from different coders in
    unit ``u`` adds ``1 / (m_u - 1)``), ``n_c`` its margins and ``n`` the number of
    pairable values::

        alpha = 1 - (n - 1) * sum_{c != k} o_ck / (n**2 - sum_c n_c**2)

    When a single label occurs among the pairable values the expected disagreement is
    zero, as is the observed one; alpha is then defined as 1.0.

    Args:
        a: Labels of the first coder.
        b: Labels of the second coder.
        *others: Labels of further coders.

    Returns:
        Alpha, at most 1.0.

    Raises:
        ValueError: on empty input, unequal lengths, or no unit with two values.

    Example:
        >>> round(krippendorff_alpha_nominal(["x", "x", "y", "y"], ["x", "y", "y", "y"]), 4)
        0.5333
    """
    coders = [_to_array(c, f"coder {i + 1}") for i, c in enumerate((a, b, *others))]
    n_units = len(coders[0])
    if any(len(c) != n_units for c in coders):
        lengths = [len(c) for c in coders]
        raise ValueError(f"all coders must code the same units, got lengths {lengths}")
    if n_units == 0:
        raise ValueError("no units: nothing to measure")
    data = np.vstack([c.astype(object) for c in coders])  # coders x units
    if pd.isna(data).all():
        raise ValueError("every value is missing: nothing to measure")
    return krippendorff_alpha(data, level="nominal")


ALPHA_LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")


def _squared_differences(values: np.ndarray, n_c: np.ndarray, level: str) -> np.ndarray:
    """Krippendorff's difference function delta**2 between every two values, by level of measurement."""
    k = len(values)
    if level == "nominal":
        return 1.0 - np.eye(k)
    v = values.astype(float)
    if level == "interval":
        return (v[:, None] - v[None, :]) ** 2
    if level == "ratio":
        total = v[:, None] + v[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            out = ((v[:, None] - v[None, :]) / total) ** 2
        return np.where(total == 0, 0.0, out)
    # ordinal: the values between c and k, inclusive, minus half of c's and k's own count
    cum = np.concatenate([[0.0], np.cumsum(n_c, dtype=float)])
    low, high = np.minimum.outer(np.arange(k), np.arange(k)), np.maximum.outer(np.arange(k), np.arange(k))
    between = cum[high + 1] - cum[low]
    return (between - (n_c[:, None] + n_c[None, :]) / 2.0) ** 2


def krippendorff_alpha(data: Any, *, level: str = "nominal") -> float:
    """Krippendorff's alpha for any number of coders, missing values and four levels of measurement.

    ``data`` is the reliability data matrix as Krippendorff lays it out: one row per
    coder, one column per unit, None or NaN where a coder did not code a unit. A unit
    with fewer than two values is not pairable and drops out. With ``o`` the coincidence
    matrix over the pairable values, ``n_c`` its margins, ``n`` their sum and ``delta2``
    the difference function of the level::

        alpha = 1 - (n - 1) * sum_ck o_ck delta2_ck / sum_ck n_c n_k delta2_ck

    ``nominal`` compares labels (delta2 is 0 for equal labels, 1 otherwise), so any
    hashable labels will do; ``ordinal``, ``interval`` and ``ratio`` need numbers and use
    Krippendorff's rank, squared and relative squared differences. When the expected
    disagreement is zero (one value only among the pairable values) alpha is 1.0.

    Args:
        data: Coders by units (a nested sequence, a 2-D array or a DataFrame).
        level: One of ``nominal``, ``ordinal``, ``interval``, ``ratio``.

    Returns:
        Alpha, at most 1.0.

    Raises:
        ValueError: on data that is not two-dimensional, an unknown level, non-numeric
            values at a metric level, or no unit with two values.

    Example:
        >>> data = [[1, 2, 3, None], [1, 2, 2, 4], [1, None, 3, 4]]
        >>> round(krippendorff_alpha(data), 3), round(krippendorff_alpha(data, level="interval"), 3)
        (0.757, 0.926)
    """
    if level not in ALPHA_LEVELS:
        raise ValueError(f"level must be one of {', '.join(ALPHA_LEVELS)}, got {level!r}")
    matrix = data.to_numpy(dtype=object) if isinstance(data, pd.DataFrame) else np.array(data, dtype=object)
    if matrix.ndim != 2 or matrix.size == 0:
        raise ValueError(f"data must be a non-empty coders x units matrix, got shape {matrix.shape}")
    present = ~pd.isna(matrix)
    values = matrix[present]
    if level == "nominal":
        labels = np.asarray(_observed_labels(values) if values.size else [], dtype=object)
    else:
        try:
            labels = np.unique(np.asarray(values, dtype=float))
        except (TypeError, ValueError):
            raise ValueError(f"{level} alpha needs numbers, got {values[:3].tolist()}...") from None
    codes = np.full(matrix.shape, -1, dtype=np.intp)
    if values.size:
        codes[present] = (
            _encode(np.asarray(values, dtype=object), list(labels), "values") if level == "nominal"
            else np.searchsorted(labels, np.asarray(values, dtype=float))
        )
    k = len(labels)
    counts = np.zeros((matrix.shape[1], k), dtype=np.int64)  # units x values
    coders, units = np.nonzero(present)
    np.add.at(counts, (units, codes[coders, units]), 1)
    m_u = counts.sum(axis=1)
    pairable = m_u >= 2
    if not pairable.any():
        raise ValueError("no unit has values from two or more coders: alpha is undefined")
    c = counts[pairable].astype(float)
    weighted = c / (m_u[pairable] - 1)[:, None]
    coincidence = weighted.T @ c - np.diag(weighted.sum(axis=0))
    n_c = counts[pairable].sum(axis=0)
    n = float(n_c.sum())
    delta2 = _squared_differences(labels, n_c, level)
    expected = float((np.outer(n_c, n_c) * delta2).sum())
    if expected == 0:
        return 1.0
    observed = float((coincidence * delta2).sum())
    return float(1.0 - (n - 1.0) * observed / expected)


def bootstrap_ci(
    statistic: Callable[..., float],
    *arrays: Any,
    n_resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """Percentile bootstrap interval of a statistic, resampling items jointly.

    Each resample draws ``n`` row positions with replacement (``n`` the common length
    of the arrays) from ``numpy.random.default_rng(seed)`` and calls ``statistic`` on
    every array indexed by the same positions, so paired codes stay paired. Resamples
    where the statistic is NaN (undefined, e.g. no item of some kind drawn) are
    skipped by ``numpy.nanpercentile``; if all are NaN the interval is (NaN, NaN).
    The same seed gives the same interval.

    Args:
        statistic: Function of the resampled arrays returning a float; it should
            return NaN rather than raise where it is undefined.
        *arrays: One or more arrays (or Series, DataFrames) of equal length; rows are
            resampled.
        n_resamples: Number of bootstrap resamples, at least 1.
        confidence: Coverage of the interval, between 0 and 1.
        seed: Seed of the random generator.

    Returns:
        ``(low, high)``, the ``(1 - confidence) / 2`` and ``(1 + confidence) / 2``
        percentiles of the bootstrap distribution.

    Raises:
        ValueError: on no arrays, empty or unequal-length arrays, or bad options.

    Example:
        >>> low, high = bootstrap_ci(np.mean, np.arange(20.0), n_resamples=200, seed=1)
        >>> bool(low < 9.5 < high)
        True
    """
    if not arrays:
        raise ValueError("bootstrap_ci needs at least one array to resample")
    if isinstance(n_resamples, bool) or int(n_resamples) != n_resamples or n_resamples < 1:
        raise ValueError(f"n_resamples must be a positive integer, got {n_resamples!r}")
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    arrs = [
        x.to_numpy() if isinstance(x, pd.Series | pd.DataFrame) else np.asarray(x) for x in arrays
    ]
    if any(x.ndim == 0 for x in arrs):
        raise ValueError("bootstrap_ci resamples rows: pass arrays, not scalars")
    n = len(arrs[0])
    if any(len(x) != n for x in arrs):
        raise ValueError(f"arrays must have the same length, got {[len(x) for x in arrs]}")
    if n == 0:
        raise ValueError("arrays are empty: nothing to resample")
    rng = np.random.default_rng(seed)
    stats = np.empty(int(n_resamples), dtype=float)
    for i in range(int(n_resamples)):
        idx = rng.integers(0, n, size=n)
        stats[i] = float(statistic(*(x[idx] for x in arrs)))
    if np.isnan(stats).all():
        return (float("nan"), float("nan"))
    tail = (1.0 - confidence) / 2.0 * 100.0
    low, high = np.nanpercentile(stats, [tail, 100.0 - tail])
    return (float(low), float(high))
