"""Percentile bootstrap intervals for the summaries: of a mean score and of label shares.

Statements of one document are not independent (one interview repeats one position), so
the summaries resample whole documents by default: a cluster bootstrap, where a period
resting on one document gets no interval at all rather than a falsely narrow one. Both
functions draw how often each cluster is picked from a multinomial, which equals
resampling clusters with replacement and is exact, fast and memory-light. Each group of a
summary draws from its own random stream (:func:`group_rng`), so its interval does not
change when other groups are added or filtered out.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

__all__ = ["bootstrap_mean_ci", "bootstrap_share_ci", "group_rng"]


def group_rng(seed: int, key: Iterable[object]) -> np.random.Generator:
    """A random stream of its own for the group ``key``, derived from ``seed``."""
    text = "\x1f".join(str(k) for k in key)
    return np.random.default_rng(np.random.SeedSequence([int(seed), zlib.crc32(text.encode())]))


def _check(confidence: float, n_resamples: int) -> float:
    """The lower tail of the interval; ValueError on a bad confidence or resample count."""
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    if int(n_resamples) != n_resamples or n_resamples < 1:
        raise ValueError(f"n_resamples must be a positive integer, got {n_resamples!r}")
    return (1.0 - confidence) / 2.0


def _cluster_codes(groups: Sequence[object] | np.ndarray, size: int) -> tuple[np.ndarray, int]:
    """Integer codes of the cluster labels (sorted), and how many clusters there are."""
    labels = np.asarray(groups, dtype=object)
    if labels.shape != (size,):
        raise ValueError("groups must have the same length as the values")
    codes, _ = pd.factorize(pd.Series(labels, dtype=object), sort=True)
    return codes, (int(codes.max()) + 1 if codes.size else 0)


def bootstrap_mean_ci(
    scores: Sequence[float] | np.ndarray,
    *,
    groups: Sequence[object] | np.ndarray | None = None,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int | np.random.Generator = 0,
) -> tuple[float, float]:
    """Percentile bootstrap interval of a mean, optionally resampling whole groups.

    With ``groups`` (e.g. the ``doc_id`` of each score) whole groups are resampled and the
    mean of all their scores is taken (cluster bootstrap); without, single scores are.
    Missing scores are ignored.

    Args:
        scores: Numeric scores.
        groups: Optional cluster label per score, same length as ``scores``.
        n_resamples: Number of bootstrap resamples.
        confidence: Coverage of the interval, between 0 and 1.
        seed: Seed, or a ready ``numpy.random.Generator``.

    Returns:
        ``(low, high)``; ``(nan, nan)`` with fewer than two scores (or groups).

    Example:
        >>> bootstrap_mean_ci([1.0, 1.0, 1.0])
        (1.0, 1.0)
        >>> low, high = bootstrap_mean_ci([1, -1, 1, 0, 1, -1], seed=3)
        >>> bool(-1 <= low < 1 / 6 < high <= 1)
        True
        >>> bootstrap_mean_ci([1.0, -1.0, 1.0], groups=["a", "a", "a"])
        (nan, nan)
    """
    tail = _check(confidence, n_resamples)
    values = np.asarray(scores, dtype=float)
    ok = ~np.isnan(values)
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    if groups is None:
        values = values[ok]
        if values.size < 2:
            return (math.nan, math.nan)
        uniq, counts = np.unique(values, return_counts=True)
        draws = rng.multinomial(values.size, counts / values.size, size=int(n_resamples))
        means = draws @ uniq / values.size
    else:
        labels = np.asarray(groups, dtype=object)
        if labels.shape != values.shape:
            raise ValueError("groups must have the same length as scores")
        codes, k = _cluster_codes(labels[ok], int(ok.sum()))
        if k < 2:
            return (math.nan, math.nan)
        sums = np.bincount(codes, weights=values[ok], minlength=k)
        sizes = np.bincount(codes, minlength=k).astype(float)
        picks = rng.multinomial(k, np.full(k, 1.0 / k), size=int(n_resamples))
        means = (picks @ sums) / (picks @ sizes)
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return (float(low), float(high))


def bootstrap_share_ci(
    labels: Sequence[object] | np.ndarray,
    categories: Sequence[object],
    *,
    groups: Sequence[object] | np.ndarray | None = None,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int | np.random.Generator = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap intervals of the share of each category among ``labels``.

    With ``groups`` whole groups (documents) are resampled, and a share is the pooled share
    of the resampled groups' labels; without, single labels are.

    Args:
        labels: One label per row.
        categories: The categories whose shares are wanted, in output order.
        groups: Optional cluster label per row.
        n_resamples: Number of bootstrap resamples.
        confidence: Coverage of the intervals.
        seed: Seed, or a ready ``numpy.random.Generator``.

    Returns:
        ``(low, high)``: arrays with one value per category; NaN with fewer than two rows
        (or groups).

    Example:
        >>> low, high = bootstrap_share_ci(["a", "a", "b", "b"], ["a", "b"],
        ...                                groups=["d1", "d1", "d2", "d2"], seed=1)
        >>> low.tolist(), high.tolist()
        ([0.0, 0.0], [1.0, 1.0])
    """
    tail = _check(confidence, n_resamples)
    values = np.asarray(labels, dtype=object)
    nan = np.full(len(categories), math.nan)
    rows = np.arange(values.size) if groups is None else groups
    codes, k = _cluster_codes(rows, values.size)
    if k < 2:
        return nan, nan.copy()
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    counts = np.zeros((k, len(categories)))
    for j, category in enumerate(categories):
        counts[:, j] = np.bincount(codes, weights=(values == category).astype(float), minlength=k)
    sizes = np.bincount(codes, minlength=k).astype(float)
    picks = rng.multinomial(k, np.full(k, 1.0 / k), size=int(n_resamples))
    shares = (picks @ counts) / (picks @ sizes)[:, None]
    low, high = np.quantile(shares, [tail, 1.0 - tail], axis=0)
    return low, high
