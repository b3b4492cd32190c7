"""Change points in a holder's stance on a topic: whether, when and how far a position moved.

Documents are the unit of independence. The positioned statements of one document (those
with a score) are averaged into one observation, because statements of one text share its
author, occasion and framing and do not vary independently. The model, exact and without
sampling:

* A series of ``D`` documents in date order is cut into segments; every segment ``k`` has
  its own mean ``mu_k`` and all share one variance ``sigma²`` (so that a change of spread
  alone is not taken for a shift of position). Document ``d``'s mean score
  ``y_d`` is normal around its segment's mean with variance ``sigma² / w_d``.
* The weight ``w_d = n_d / (1 + (n_d - 1) * icc)`` is the design effect of ``n_d``
  statements whose scores correlate by ``icc`` inside a document: one statement weighs 1,
  and no document, however long, weighs more than ``1 / icc``. ``icc`` is the intra-document
  correlation of the scores, estimated from the series by one-way ANOVA (floored at
  :data:`ICC_FLOOR`) unless given; ``icc=1`` weighs every document equally.
* Conjugate priors: ``mu_k | sigma² ~ Normal(m0, sigma² / KAPPA)`` with ``m0`` the weighted
  mean of the whole series (so the prior favours neither direction) and
  ``sigma² ~ InverseGamma(A0, B0)``. Both integrate out in closed form, so every
  segmentation has an exact marginal likelihood (a Student-t one in effect).
* Cuts lie between consecutive distinct document dates (documents of one date stay
  together), and every segment holds at least ``min_documents`` documents, counted as the
  effective number ``(Σw)² / Σw²`` (Kish): the count when weights are equal, little more
  than one when one long document outweighs the rest. The prior gives
  probability ``prior`` to no shift and splits the rest evenly over 1 … ``max_shifts``
  shifts; given their number, every admissible set of cuts is equally likely.
* All segmentations with up to ``max_shifts`` (at most 3) cuts are enumerated, which gives
  the exact posterior over the number of shifts (``p_no_change`` is that of zero) and over
  each cut's place. The cost grows as the number of distinct dates to the power
  ``max_shifts``: two shifts over a few hundred distinct dates take milliseconds, over
  2,000 about half a second (times six with the check below).

A normal likelihood is most sensitive to one outlying document, which a short segment can
absorb. So :func:`change_points` reports shifts only when they do not rest on one
document: the posterior probability of at least one shift must exceed ``threshold`` with
all documents and again with each of the :data:`LEAVE_OUT` documents that most support the
best segmentation left out in turn (``p_no_change_loo`` is the largest probability of no
shift among these fits). The default ``threshold`` of 0.5 (a shift more probable than not)
is the most sensitive setting that kept false alarms within 5% on the synthetic series of
``benchmarks/shifts.py``, whose figures are in ``benchmarks/results.md``.

:func:`shift_evidence` gives the whole posterior over the number of shifts, so a caller
learns ``p_no_change`` whether or not a shift is reported (and ``change_points(...,
keep_null=True)`` returns it on a row of its own when none is).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from corpus_lib.analysis.frames import finish, stance_frame

__all__ = ["EVIDENCE_COLUMNS", "ICC_FLOOR", "SHIFT_COLUMNS", "change_points", "shift_evidence"]

SHIFT_COLUMNS: tuple[str, ...] = (
    "topic", "holder", "p_no_change", "date", "date_low", "date_high", "mean_before", "mean_after",
    "n_documents_before", "n_documents_after", "n_statements_before", "n_statements_after",
    "shift", "n_shifts", "p_n_shifts", "p_no_change_loo",
)  # fmt: skip
"""The columns of :func:`change_points`, in order."""
EVIDENCE_COLUMNS: tuple[str, ...] = (
    "topic", "holder", "n_shifts", "prior", "posterior", "n_documents", "n_statements", "icc",
)  # fmt: skip
"""The columns of :func:`shift_evidence`, in order."""
ICC_FLOOR = 0.2
"""Lowest estimated intra-document correlation: caps a document's weight at five statements."""
KAPPA = 1.0
"""Prior weight of a segment mean, in single-statement documents."""
A0, B0 = 1.0, 0.25
"""Shape and scale of the inverse-gamma prior on the variance of a one-statement document."""
MAX_SHIFTS = 3
"""Largest ``max_shifts`` the exact enumeration accepts."""
LEAVE_OUT = 5
"""How many of the documents that most support a shift are each left out to check that it
does not rest on one of them."""

_DATE_COLUMNS = ("date", "date_low", "date_high")
_COUNT_COLUMNS = ("n_documents_before", "n_documents_after", "n_statements_before", "n_statements_after")


# --------------------------------------------------------------------------- the series


@dataclass(frozen=True)
class _Series:
    """One topic and holder's documents, grouped by distinct date, as prefix sums.

    ``dates[g]`` is the g-th distinct date; ``w``, ``ww``, ``wy``, ``wyy``, ``docs`` and
    ``statements`` hold, for ``g`` from 0 to ``G``, the sums over the groups before ``g``
    of the weights, squared weights, weighted scores, weighted squared scores, documents
    and positioned statements, so a segment's sums are two look-ups.
    """

    dates: np.ndarray
    w: np.ndarray
    ww: np.ndarray
    wy: np.ndarray
    wyy: np.ndarray
    docs: np.ndarray
    statements: np.ndarray
    icc: float

    @property
    def n_groups(self) -> int:
        return len(self.dates)

    @property
    def n_documents(self) -> int:
        return int(self.docs[-1])


def _positioned(stances: pd.DataFrame, topic: str, holder: str) -> pd.DataFrame:
    """The dated, scored statements of ``topic`` by ``holder``: ``doc_id``, ``date``, ``score``."""
    for value, what in ((topic, "topic"), (holder, "holder")):
        if not isinstance(value, str):
            raise TypeError(f"{what} must be one name (a str), got {type(value).__name__}")
    frame = stance_frame(stances, topic=topic, holders=holder)
    keep = frame["score"].notna() & frame["date"].notna()
    return frame.loc[keep, ["doc_id", "date", "score"]]


@dataclass(frozen=True)
class _Documents:
    """Per document, in ``doc_id`` order: date, number of scores, their sum and sum of squares."""

    dates: np.ndarray
    n: np.ndarray
    total: np.ndarray
    squares: np.ndarray

    def without(self, index: int) -> _Documents:
        """The same documents but the one at ``index``."""
        keep = np.arange(len(self.n)) != index
        return _Documents(self.dates[keep], self.n[keep], self.total[keep], self.squares[keep])


def _documents(frame: pd.DataFrame) -> _Documents:
    """Aggregate the positioned statements to their documents."""
    codes, _ = pd.factorize(frame["doc_id"], sort=True)
    scores = frame["score"].to_numpy(dtype=float)
    dates = pd.Series(frame["date"].to_numpy(dtype="datetime64[ns]")).groupby(codes).min()
    return _Documents(
        dates=dates.to_numpy(), n=np.bincount(codes).astype(float),
        total=np.bincount(codes, weights=scores), squares=np.bincount(codes, weights=scores**2),
    )  # fmt: skip


def _estimate_icc(docs: _Documents) -> float:
    """One-way ANOVA estimate of the intra-document correlation of scores, in [ICC_FLOOR, 1].

    With no document holding two scores there is nothing to estimate and 1 is returned
    (every weight is then 1 whatever the correlation).
    """
    n, total = docs.n, docs.total
    n_scores, k = float(n.sum()), len(n)
    if k < 2 or n_scores <= k:
        return 1.0
    means = total / n
    grand = float(total.sum()) / n_scores
    msb = float((n * (means - grand) ** 2).sum()) / (k - 1)
    msw = max(float((docs.squares - total * means).sum()), 0.0) / (n_scores - k)
    n0 = (n_scores - float((n**2).sum()) / n_scores) / (k - 1)
    denominator = msb + (n0 - 1.0) * msw
    icc = 1.0 if denominator <= 0 else (msb - msw) / denominator
    return float(min(1.0, max(ICC_FLOOR, icc)))


def _weights(docs: _Documents, icc: float) -> np.ndarray:
    """Each document's weight, ``n / (1 + (n - 1) * icc)`` for its ``n`` scores (the design effect)."""
    return docs.n / (1.0 + (docs.n - 1.0) * icc)


def _series(docs: _Documents, icc: float) -> _Series:
    """Weigh the documents and group them by distinct date, as prefix sums."""
    n = docs.n
    y = docs.total / n
    weight = _weights(docs, icc)
    distinct, group = np.unique(docs.dates, return_inverse=True)

    def prefix(values: np.ndarray) -> np.ndarray:
        return np.concatenate([[0.0], np.cumsum(np.bincount(group, weights=values, minlength=len(distinct)))])

    return _Series(
        dates=distinct, w=prefix(weight), ww=prefix(weight**2), wy=prefix(weight * y), wyy=prefix(weight * y**2),
        docs=prefix(np.ones_like(n)).round().astype(np.int64), statements=prefix(n).round().astype(np.int64),
        icc=float(icc),
    )  # fmt: skip


# --------------------------------------------------------------------------- the model


def _segments(series: _Series, a: np.ndarray, b: np.ndarray, min_documents: int) -> tuple[np.ndarray, ...]:
    """The closed-form pieces of the marginal likelihood of segments ``[a, b)`` of date groups.

    Given the shared variance, a segment's mean integrates out to the factor
    ``sqrt(KAPPA / (KAPPA + W))`` (returned as its log) and a quadratic ``residual /
    sigma²``; the variance then integrates out over the sum of the residuals. A segment is
    admissible when its effective number of documents, ``(Σw)² / Σw²`` (Kish), reaches
    ``min_documents``: with equal weights that is the count, and a segment that one long
    document outweighs counts as little more than one.
    """
    m0 = series.wy[-1] / series.w[-1]
    w = series.w[b] - series.w[a]
    wy = series.wy[b] - series.wy[a]
    mean = wy / w
    residual = (series.wyy[b] - series.wyy[a] - wy * mean) + KAPPA * w / (KAPPA + w) * (mean - m0) ** 2
    admissible = w**2 >= (min_documents - 1e-9) * (series.ww[b] - series.ww[a])
    return 0.5 * (math.log(KAPPA) - np.log(KAPPA + w)), np.maximum(residual, 0.0), admissible


def _cut_sets(n_groups: int, n_shifts: int, chunk: int = 1 << 16):
    """Every increasing tuple of ``n_shifts`` cuts in 1 … G-1, in chunks of about ``chunk`` rows.

    A chunk is an int array of shape (rows, n_shifts); the tuples sharing a first cut are
    built together, so memory stays near ``chunk`` rows whatever G is.
    """
    cuts = np.arange(1, n_groups)
    if n_shifts == 1:
        yield cuts[:, None]
        return
    pending, size = [], 0
    for first in cuts:
        rest = np.arange(first + 1, n_groups)
        if n_shifts == 2:
            tails = rest[:, None]
        else:
            i, j = np.triu_indices(len(rest), k=1)
            tails = np.stack([rest[i], rest[j]], axis=1)
        if len(tails):
            pending.append(np.concatenate([np.full((len(tails), 1), first), tails], axis=1))
            size += len(tails)
        if size >= chunk or (first == cuts[-1] and pending):
            yield np.concatenate(pending)
            pending, size = [], 0


@dataclass
class _Posterior:
    """What the enumeration of one number of shifts keeps: log evidence, cut marginals, best cuts."""

    n_shifts: int
    n_sets: int = 0
    reference: float = -np.inf
    total: float = 0.0
    marginals: np.ndarray | None = None
    best: np.ndarray | None = None
    best_score: float = -np.inf

    @property
    def log_evidence(self) -> float:
        """Log of the mean (over admissible cut sets) of their marginal likelihoods."""
        if not self.n_sets:
            return -np.inf
        return self.reference + math.log(self.total) - math.log(self.n_sets)


def _log_scores(series: _Series, cuts: np.ndarray, min_documents: int, ends: tuple) -> np.ndarray:
    """Log marginal likelihood (up to a constant shared by all segmentations) of each cut set,
    -inf where a segment is not admissible.

    ``ends`` holds the pieces of the segments ``[0, c)`` (at ``c - 1``) and ``[c, G)`` (at
    ``c``) for every ``c``, so only the segments between two cuts are computed here.
    """
    (head, tail), k = ends, cuts.shape[1]
    if k == 0:
        parts = [tuple(piece[-1:] for piece in head)]
    else:
        parts = [tuple(piece[cuts[:, 0] - 1] for piece in head), tuple(piece[cuts[:, -1]] for piece in tail)]
        parts += [_segments(series, cuts[:, j], cuts[:, j + 1], min_documents) for j in range(k - 1)]
    log_factor = sum(part[0] for part in parts)
    residual = sum(part[1] for part in parts)
    admissible = np.logical_and.reduce([part[2] for part in parts])
    shape = A0 + series.n_documents / 2.0
    return np.where(admissible, log_factor - shape * np.log(B0 + residual / 2.0), -np.inf)


def _accumulate(post: _Posterior, cuts: np.ndarray, scores: np.ndarray, n_groups: int) -> None:
    """Add a chunk of cut sets to the running sums, rescaled to the largest score seen."""
    keep = np.isfinite(scores)
    if not keep.any():
        return
    cuts, scores = cuts[keep], scores[keep]
    top = int(np.argmax(scores))
    if scores[top] > post.best_score:
        post.best_score, post.best = float(scores[top]), cuts[top].copy()
    if post.marginals is None:
        post.marginals = np.zeros((post.n_shifts, n_groups))
    if scores[top] > post.reference:
        scale = math.exp(post.reference - scores[top]) if np.isfinite(post.reference) else 0.0
        post.total *= scale
        post.marginals *= scale
        post.reference = float(scores[top])
    weights = np.exp(scores - post.reference)
    post.total += float(weights.sum())
    post.n_sets += len(scores)
    for j in range(post.n_shifts):
        post.marginals[j] += np.bincount(cuts[:, j], weights=weights, minlength=n_groups)


def _enumerate(series: _Series, max_shifts: int, min_documents: int) -> list[_Posterior]:
    """The posterior summaries for 0 … ``max_shifts`` shifts, by exact enumeration."""
    g = np.arange(series.n_groups)
    head = _segments(series, np.zeros_like(g), g + 1, min_documents)
    tail = _segments(series, g, np.full_like(g, series.n_groups), min_documents)
    out = []
    for k in range(max_shifts + 1):
        post = _Posterior(n_shifts=k)
        chunks = _cut_sets(series.n_groups, k) if k else [np.zeros((1, 0), np.int64)]
        for cuts in chunks:
            _accumulate(post, cuts, _log_scores(series, cuts, min_documents, (head, tail)), series.n_groups)
        out.append(post)
    return out


def _prior_over_shifts(prior: float, max_shifts: int) -> np.ndarray:
    """``prior`` on no shift, the rest split evenly over 1 … ``max_shifts`` shifts."""
    if max_shifts == 0:
        return np.ones(1)
    return np.array([prior] + [(1.0 - prior) / max_shifts] * max_shifts)


def _posterior_over_shifts(posts: list[_Posterior], prior: np.ndarray) -> np.ndarray:
    """Posterior probability of each number of shifts (numbers with no admissible cuts get 0);
    all NaN when no number has one, since a series too short for a single segment has no
    posterior."""
    log = np.array([math.log(p) if p > 0 else -np.inf for p in prior])
    log += np.array([post.log_evidence for post in posts])
    if not np.isfinite(log).any():
        return np.full(len(log), np.nan)
    log -= np.max(log)
    weights = np.exp(log)
    return weights / weights.sum()


# --------------------------------------------------------------------------- the tables


def _check_options(max_shifts: int, min_documents: int, prior: float, icc: float | None) -> None:
    """ValueError on options outside the model's range."""
    if int(max_shifts) != max_shifts or not 0 <= max_shifts <= MAX_SHIFTS:
        raise ValueError(f"max_shifts must be an integer from 0 to {MAX_SHIFTS}, got {max_shifts!r}")
    if int(min_documents) != min_documents or min_documents < 1:
        raise ValueError(f"min_documents must be a positive integer, got {min_documents!r}")
    if not 0.0 < prior < 1.0:
        raise ValueError(f"prior (the prior probability of no shift) must be in (0, 1), got {prior!r}")
    if icc is not None and not 0.0 < icc <= 1.0:
        raise ValueError(f"icc must be in (0, 1] or None, got {icc!r}")


@dataclass(frozen=True)
class _Fit:
    """The model fitted to one series: its documents, their grouping, the enumeration's
    summaries, and the prior and posterior over the number of shifts (None without documents)."""

    docs: _Documents | None
    series: _Series | None
    posts: list[_Posterior]
    prior: np.ndarray
    posterior: np.ndarray | None
    min_documents: int

    @property
    def p_no_change(self) -> float:
        return math.nan if self.posterior is None else float(self.posterior[0])

    @property
    def n_shifts(self) -> int:
        """The most probable positive number of shifts (0 when none is possible)."""
        possible = [k for k, post in enumerate(self.posts) if k and post.best is not None]
        return max(possible, key=lambda k: (self.posterior[k], -k), default=0)


def _fit(stances, topic, holder, max_shifts, min_documents, prior, icc) -> _Fit:
    """Validate, aggregate and enumerate every segmentation of the series."""
    _check_options(max_shifts, min_documents, prior, icc)
    prior_k = _prior_over_shifts(prior, max_shifts)
    frame = _positioned(stances, topic, holder)
    if frame.empty:
        return _Fit(None, None, [], prior_k, None, int(min_documents))
    docs = _documents(frame)
    series = _series(docs, _estimate_icc(docs) if icc is None else icc)
    posts = _enumerate(series, int(max_shifts), int(min_documents))
    return _Fit(docs, series, posts, prior_k, _posterior_over_shifts(posts, prior_k), int(min_documents))


def _supporters(fit: _Fit, k: int) -> np.ndarray:
    """The LEAVE_OUT documents that most support the best segmentation with ``k`` shifts.

    A document's support is how much its weighted squared deviation shrinks from the
    series mean to its segment's mean: an outlying document that a short segment
    absorbs scores high, one of many in a long segment low.
    """
    series, docs = fit.series, fit.docs
    y, weight = docs.total / docs.n, _weights(docs, series.icc)
    edges = np.array([0, *fit.posts[k].best.tolist(), series.n_groups])
    group = np.searchsorted(series.dates, docs.dates)
    segment = np.searchsorted(edges, group, side="right") - 1
    means = np.diff(series.wy[edges]) / np.diff(series.w[edges])
    m0 = series.wy[-1] / series.w[-1]
    support = weight * ((y - m0) ** 2 - (y - means[segment]) ** 2)
    return np.argsort(-support, kind="stable")[:LEAVE_OUT]


def _p_no_change_loo(fit: _Fit) -> float:
    """The largest posterior probability of no shift, with all documents or one of the
    best segmentation's main supporters left out (the intra-document correlation is kept)."""
    k = fit.n_shifts
    if k == 0:
        return fit.p_no_change
    worst = fit.p_no_change
    max_shifts = len(fit.prior) - 1
    for index in _supporters(fit, k):
        series = _series(fit.docs.without(int(index)), fit.series.icc)
        posts = _enumerate(series, max_shifts, fit.min_documents)
        worst = max(worst, float(_posterior_over_shifts(posts, fit.prior)[0]))
    return worst


def _midpoint(series: _Series, cut: int) -> np.datetime64:
    """Halfway between the last document date before ``cut`` and the first after it."""
    before, after = series.dates[cut - 1], series.dates[cut]
    return before + (after - before) // 2


def _interval(series: _Series, marginal: np.ndarray, credible: float) -> tuple[np.datetime64, np.datetime64]:
    """Equal-tailed credible interval of a cut: from the last date before its lower quantile
    to the first date after its upper quantile (the change lies between two documents)."""
    cdf = np.cumsum(marginal) / marginal.sum()
    tail = (1.0 - credible) / 2.0
    low = int(np.searchsorted(cdf, tail - 1e-12))
    high = int(np.searchsorted(cdf, 1.0 - tail - 1e-12))
    return series.dates[low - 1], series.dates[high]


def _shift_rows(fit: _Fit, credible: float, p_no_change_loo: float) -> list[dict]:
    """One row per cut of the most probable segmentation with the most probable number of cuts."""
    series, k = fit.series, fit.n_shifts
    post = fit.posts[k]
    edges = [0, *post.best.tolist(), series.n_groups]
    rows = []
    for j, cut in enumerate(post.best.tolist()):
        a, c, b = edges[j], cut, edges[j + 2]
        low, high = _interval(series, post.marginals[j], credible)
        rows.append({
            "p_no_change": fit.p_no_change, "date": _midpoint(series, cut), "date_low": low, "date_high": high,
            "mean_before": (series.wy[c] - series.wy[a]) / (series.w[c] - series.w[a]),
            "mean_after": (series.wy[b] - series.wy[c]) / (series.w[b] - series.w[c]),
            "n_documents_before": series.docs[c] - series.docs[a],
            "n_documents_after": series.docs[b] - series.docs[c],
            "n_statements_before": series.statements[c] - series.statements[a],
            "n_statements_after": series.statements[b] - series.statements[c],
            "shift": j + 1, "n_shifts": k, "p_n_shifts": float(fit.posterior[k]), "p_no_change_loo": p_no_change_loo,
        })  # fmt: skip
    return rows


def _null_row(p_no_change: float, p_no_change_loo: float) -> dict:
    """The row ``keep_null`` adds when no shift is reported: ``p_no_change``, no dates."""
    return {
        "p_no_change": p_no_change, **dict.fromkeys(_DATE_COLUMNS, pd.NaT),
        "mean_before": math.nan, "mean_after": math.nan, **dict.fromkeys(_COUNT_COLUMNS, 0),
        "shift": 0, "n_shifts": 0, "p_n_shifts": p_no_change, "p_no_change_loo": p_no_change_loo,
    }  # fmt: skip


def _shift_frame(rows: list[dict], topic: str, holder: str) -> pd.DataFrame:
    """The rows as a frame with SHIFT_COLUMNS and their dtypes, sorted by date."""
    out = pd.DataFrame(rows, columns=[c for c in SHIFT_COLUMNS if c not in ("topic", "holder")])
    out.insert(0, "topic", topic)
    out.insert(1, "holder", holder)
    for column in _DATE_COLUMNS:
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    for column in ("p_no_change", "mean_before", "mean_after", "p_n_shifts", "p_no_change_loo"):
        out[column] = out[column].astype("float64")
    for column in (*_COUNT_COLUMNS, "shift", "n_shifts"):
        out[column] = out[column].astype("int64")
    return finish(out, SHIFT_COLUMNS, ("date", "shift"))


def change_points(
    stances: pd.DataFrame,
    *,
    topic: str,
    holder: str,
    max_shifts: int = 2,
    min_documents: int = 2,
    prior: float = 0.5,
    threshold: float = 0.5,
    credible: float = 0.9,
    icc: float | None = None,
    keep_null: bool = False,
) -> pd.DataFrame:
    """When a holder's stance on a topic shifted, with documents as independent observations.

    Shifts are reported when the posterior probability of at least one exceeds
    ``threshold`` with all documents and with each of the documents that most support
    them left out in turn (the module docstring gives the model and this check). The
    number reported is then the most probable positive number of shifts, and the cuts are
    those of the most probable segmentation with that many. Statements without a score
    (neutral) or a date are left out; a document's date is the earliest of its statements'.

    Args:
        stances: The ``stances`` table (``docs/data_dictionary.md``).
        topic: One topic.
        holder: One holder.
        max_shifts: Most shifts considered, 0 to 3.
        min_documents: Fewest (effective) documents in a segment, so that no single
            document makes one.
        prior: Prior probability of no shift; the rest is split evenly over 1 …
            ``max_shifts`` shifts.
        threshold: Posterior probability of at least one shift above which shifts are
            reported (0.5: more probable than not).
        credible: Coverage of the ``date_low`` … ``date_high`` interval.
        icc: Intra-document correlation of the scores, in (0, 1]; estimated when None.
        keep_null: When no shift is reported, return one row holding ``p_no_change``
            (dates NaT, means NaN, counts, ``shift`` and ``n_shifts`` 0) instead of none.

    Returns:
        One row per shift, sorted by date, with :data:`SHIFT_COLUMNS`: ``p_no_change``
        (posterior probability of no shift, the same on every row; NaN without
        documents); ``date``, halfway between the last document before the cut and the
        first after it; ``date_low``/``date_high``, the credible interval, from the last
        document date before its lower end to the first after its upper end;
        ``mean_before``/``mean_after``, the weighted means of the document scores from
        the previous cut (or the start) and to the next (or the end);
        ``n_documents_*`` and ``n_statements_*`` (positioned statements) over the same
        spans; ``shift`` (1, 2, …), ``n_shifts`` and its posterior probability
        ``p_n_shifts``; ``p_no_change_loo``, the largest probability of no shift with
        one supporting document left out, which the decision reads. ``topic`` and
        ``holder`` are categoricals.

    Example:
        >>> days = pd.date_range("2010-01-01", periods=12, freq="180D")
        >>> stances = pd.DataFrame({
        ...     "statement_id": [f"d{i}-1" for i in range(12)], "doc_id": [f"d{i}" for i in range(12)],
        ...     "date": days, "holder": "NATO", "topic": "russia",
        ...     "stance": ["cooperative"] * 6 + ["adversarial"] * 6, "score": [1.0] * 6 + [-1.0] * 6})
        >>> out = change_points(stances, topic="russia", holder="NATO")
        >>> out[["date", "mean_before", "mean_after", "n_documents_before"]].values.tolist()
        [[Timestamp('2012-09-17 00:00:00'), 1.0, -1.0, 6]]
        >>> bool(out["p_no_change"].iloc[0] < 0.01)
        True
    """
    if not 0.0 <= threshold < 1.0:
        raise ValueError(f"threshold must be in [0, 1), got {threshold!r}")
    if not 0.0 < credible < 1.0:
        raise ValueError(f"credible must be in (0, 1), got {credible!r}")
    fit = _fit(stances, topic, holder, max_shifts, min_documents, prior, icc)
    p_loo = _p_no_change_loo(fit)
    rows = _shift_rows(fit, credible, p_loo) if fit.n_shifts and 1.0 - p_loo > threshold else []
    if not rows and keep_null:
        rows = [_null_row(fit.p_no_change, p_loo)]
    return _shift_frame(rows, topic, holder)


def shift_evidence(
    stances: pd.DataFrame,
    *,
    topic: str,
    holder: str,
    max_shifts: int = 2,
    min_documents: int = 2,
    prior: float = 0.5,
    icc: float | None = None,
) -> pd.DataFrame:
    """The prior and posterior probability of 0 … ``max_shifts`` shifts, under the model of
    :func:`change_points` (same options), whether or not a shift would be reported.

    Returns:
        One row per number of shifts with :data:`EVIDENCE_COLUMNS`: ``prior``,
        ``posterior`` (NaN without documents; 0 for a number the documents are too few
        to allow), ``n_documents``, ``n_statements`` (positioned) and the ``icc`` used.

    Example:
        >>> stances = pd.DataFrame({
        ...     "statement_id": ["a-1", "b-1"], "doc_id": ["a", "b"],
        ...     "date": pd.to_datetime(["2010-01-01", "2011-01-01"]), "holder": "NATO",
        ...     "topic": "russia", "stance": "cooperative", "score": 1.0})
        >>> shift_evidence(stances, topic="russia", holder="NATO")["posterior"].tolist()
        [1.0, 0.0, 0.0]
    """
    fit = _fit(stances, topic, holder, max_shifts, min_documents, prior, icc)
    n, series = len(fit.prior), fit.series
    out = pd.DataFrame({
        "topic": topic, "holder": holder, "n_shifts": np.arange(n, dtype=np.int64), "prior": fit.prior,
        "posterior": np.full(n, np.nan) if fit.posterior is None else fit.posterior,
        "n_documents": 0 if series is None else series.n_documents,
        "n_statements": 0 if series is None else int(series.statements[-1]),
        "icc": math.nan if series is None else series.icc,
    })  # fmt: skip
    out = out.astype({"n_documents": "int64", "n_statements": "int64", "icc": "float64"})
    return finish(out, EVIDENCE_COLUMNS, ("n_shifts",))
