"""Label shares and mean scores corrected for the automatic coder's misclassification.

The coder errs, so the label shares of the ``stances`` table are the shares of the
*machine* labels. :func:`corrected` estimates the shares of the *hand* labels (what a
hand coder following the codebook would give) from the machine shares and a validation
table of statements coded both ways, and carries the uncertainty of the validation
sample into the interval.

The validation table
--------------------
A tidy frame, one row per (statement, topic) that the hand coder or the coder (or both)
says the statement touches, with the columns (others are ignored):

============  ==========================================================================
column        meaning
============  ==========================================================================
statement_id  The statement (str).
doc_id        Its document (str): the cluster the validation bootstrap resamples.
topic         One of ``corpus_lib.vocab.TOPICS``.
hand          The hand label: one of ``LABELS_BY_TOPIC[topic]``, or ``"none"``
              (missing or ``""`` too) when the hand coder says the statement does not
              touch the topic.
machine       The coder's label for the same statement and topic, or ``"none"`` /
              missing / ``""`` when the coder gave the statement no row for the topic.
============  ==========================================================================

A (statement_id, topic) pair appears at most once. Rows with both labels ``none`` are
allowed and ignored, so a full statement × topic grid is a valid table. The validation
sample is pooled over holders and periods: one confusion matrix per topic.

How the three kinds of rows are used, per topic:

* both labelled: the confusion matrix ``P[i, j] = P(machine = j | hand = i)``;
* hand ``none``, machine labelled (a false topic): the share ``f[j]`` of such rows among
  the validation rows the coder labels ``j``. A ``stances`` row labelled ``j`` is taken
  to be a false topic with that probability, and that mass is removed from the machine
  shares before the correction (this step conditions on the machine label, as the
  calibration estimator below does);
* machine ``none``, hand labelled (a missed topic): not used. Such a statement has no
  row in ``stances``, so the corrected figures describe the statements the coder finds
  the topic in, and assume that what it misses does not depend on the stance.

The estimator
-------------
Matrix inversion (Buonaccorsi, *Measurement Error*, 2010, ch. 3; Kuha & Skinner, 1997):
the observed machine shares are ``q = Pᵀ p`` with ``p`` the hand shares, so ``p`` is the
point of the probability simplex that best solves ``Pᵀ p = q`` in least squares. That is
``solve(Pᵀ, q)`` whenever that solution has no negative share; otherwise the
constrained optimum, found exactly by trying every support (a topic has at most four
labels). A hand label no validation row carries gets the identity row (it is assumed
coded correctly), which keeps ``P`` square. The corrected mean score is that of
:mod:`corpus_lib.analysis.summaries`: ``Σ p_l · score_l / Σ p_l`` over the positioned
labels (every label but ``neutral``; ``conditional`` counts with score 0), NaN when no
share is positioned.

The alternative, the calibration estimator ``p_i = Σ_j q_j · P(hand = i | machine = j)``,
is more efficient when the validation sample is a random sample of the very population
being estimated. It is not used here because the figures are per period (and holder)
while the validation sample is pooled: ``P(hand | machine)`` depends on each group's
mix of labels and would pull every period toward the validation sample's mix, whereas
``P(machine | hand)`` describes the coder and is assumed the same in every period.

The interval
------------
A percentile bootstrap that, in each of ``n_resamples`` rounds, resamples the group's
documents (a cluster bootstrap, as ``resample="documents"`` in the summaries) *and* the
validation sample's documents, re-estimates ``P`` and ``f`` from the resampled
validation rows and corrects the resampled shares. The interval is NaN when the group,
or the topic's validation sample, has fewer than two documents. The group's documents
are drawn from a stream seeded from ``seed`` and the group's key, the validation
documents from one seeded from ``seed`` and the topic, so a group's interval does not
change when other groups are added or filtered out. The naive columns are those of
:func:`~corpus_lib.analysis.summaries.stance_by_period` with ``resample="documents"``
(same seed, same numbers).
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from corpus_lib.analysis.bootstrap import bootstrap_mean_ci, group_rng
from corpus_lib.analysis.frames import (
    LABELS,
    STANCE_COLUMNS,
    finish,
    plain_strings,
    select_names,
    stance_frame,
)
from corpus_lib.analysis.summaries import Bins, key_grid, with_periods
from corpus_lib.errors import check_frame
from corpus_lib.vocab import HOLDERS, LABEL_SCORES, LABELS_BY_TOPIC, NEUTRAL, TOPICS

__all__ = ["CORRECTED_COLUMNS", "VALIDATION_COLUMNS", "corrected"]

NONE = "none"
VALIDATION_COLUMNS: tuple[str, ...] = ("statement_id", "doc_id", "topic", "hand", "machine")
"""The columns of a validation table (see the module docstring)."""
SHARE_CI_COLUMNS: tuple[str, ...] = tuple(f"share_{label}_{end}" for label in LABELS for end in ("low", "high"))
CORRECTED_COLUMNS: tuple[str, ...] = (
    "n_documents",
    "n_statements",
    "n_validation",
    "mean_score",
    "ci_low",
    "ci_high",
    *(f"share_{label}" for label in LABELS),
    *SHARE_CI_COLUMNS,
    "naive_mean_score",
    "naive_ci_low",
    "naive_ci_high",
    *(f"naive_share_{label}" for label in LABELS),
)
"""The statistic columns of :func:`corrected`, after the key columns."""
_TOL = 1e-12


# --------------------------------------------------------------------------- inputs


def _label_column(values: pd.Series) -> pd.Series:
    """Plain labels with ``none`` for a missing or empty value."""
    out = plain_strings(values).map(lambda v: NONE if v is None or str(v).strip() == "" else str(v).strip())
    return out.astype(object)


def _check_validation(validation: pd.DataFrame) -> pd.DataFrame:
    """A checked working copy of the validation table, rows with both labels ``none`` dropped."""
    check_frame(validation, "validation", VALIDATION_COLUMNS)
    frame = validation.loc[:, list(VALIDATION_COLUMNS)].copy()
    for column in ("statement_id", "doc_id", "topic"):
        frame[column] = plain_strings(frame[column])
        if frame[column].isna().any():
            raise ValueError(f"validation has missing values in column {column!r}")
    bad_topics = sorted({str(t) for t in frame["topic"] if t not in TOPICS})
    if bad_topics:
        raise ValueError(f"validation has unknown topic(s) {bad_topics}; expected some of {list(TOPICS)}")
    frame["hand"] = _label_column(frame["hand"])
    frame["machine"] = _label_column(frame["machine"])
    for column in ("hand", "machine"):
        allowed = frame["topic"].map(lambda t: (*LABELS_BY_TOPIC[t], NONE))
        bad = [(t, v) for t, v, ok in zip(frame["topic"], frame[column], allowed, strict=True) if v not in ok]
        if bad:
            topic, label = sorted(set(bad))[0]
            raise ValueError(
                f"validation column {column!r} has label {label!r} not allowed for topic {topic!r} "
                f"(allowed: {', '.join((*LABELS_BY_TOPIC[topic], NONE))})"
            )
    dup = frame.duplicated(["statement_id", "topic"])
    if dup.any():
        first = frame.loc[dup, ["statement_id", "topic"]].iloc[0].tolist()
        raise ValueError(f"validation has duplicate (statement_id, topic) rows, e.g. {first}")
    keep = (frame["hand"] != NONE) | (frame["machine"] != NONE)
    return frame.loc[keep].reset_index(drop=True)


def _check_stances(stances: pd.DataFrame, *, topic, holders, extra: Sequence[str]) -> pd.DataFrame:
    """:func:`stance_frame`, plus labels allowed per topic and scores that match the labels."""
    check_frame(stances, "stances", (*STANCE_COLUMNS, *extra))
    frame = stance_frame(stances, topic=topic, holders=holders, extra=extra)
    allowed = frame["topic"].map(LABELS_BY_TOPIC)
    bad = [(t, s) for t, s, ok in zip(frame["topic"], frame["stance"], allowed, strict=True) if s not in ok]
    if bad:
        topic_name, label = sorted(set(bad))[0]
        raise ValueError(f"stances has label {label!r} not allowed for topic {topic_name!r}")
    expected = frame["stance"].map(LABEL_SCORES).to_numpy(dtype=float)
    score = frame["score"].to_numpy(dtype=float)
    same = np.isclose(score, expected) | (np.isnan(score) & np.isnan(expected))
    if not same.all():
        row = frame.loc[~same, ["statement_id", "stance", "score"]].iloc[0].tolist()
        raise ValueError(f"stances has a score that does not match its label (codebook scores), e.g. {row}")
    return frame


# --------------------------------------------------------------------------- the estimator


def _confusion(both: np.ndarray, false_topic: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``P(machine | hand)`` and ``f = P(hand none | machine)`` from counts, batched.

    ``both[..., i, j]`` counts rows with hand label ``i`` and machine label ``j``;
    ``false_topic[..., j]`` rows with hand ``none`` and machine label ``j``. A hand label
    without rows gets the identity row; a machine label without rows gets ``f = 0``.
    """
    k = both.shape[-1]
    rows = both.sum(axis=-1, keepdims=True)
    eye = np.broadcast_to(np.eye(k), both.shape)
    with np.errstate(invalid="ignore", divide="ignore"):
        matrix = np.where(rows > 0, both / np.where(rows > 0, rows, 1.0), eye)
        machine = both.sum(axis=-2) + false_topic
        rate = np.where(machine > 0, false_topic / np.where(machine > 0, machine, 1.0), 0.0)
    return matrix, rate


def _simplex_lstsq(design: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Batched ``argmin ||design @ x - target||`` over the probability simplex.

    ``design`` is (B, K, K), ``target`` (B, K). Each support (non-empty set of labels) is
    solved with the sum-to-one constraint through its KKT system; the best feasible
    solution wins, the full support on ties, so an interior solution is ``solve(design,
    target)``. ``pinv`` keeps a singular design (two hand labels coded alike) solvable.
    """
    b, k, _ = design.shape
    best = np.full((b, k), np.nan)
    best_res = np.full(b, np.inf)
    for size in range(k, 0, -1):
        for support in itertools.combinations(range(k), size):
            cols = design[:, :, list(support)]
            kkt = np.zeros((b, size + 1, size + 1))
            kkt[:, :size, :size] = np.swapaxes(cols, 1, 2) @ cols
            kkt[:, :size, size] = 1.0
            kkt[:, size, :size] = 1.0
            rhs = np.concatenate([np.einsum("bks,bk->bs", cols, target), np.ones((b, 1))], axis=1)
            sol = (np.linalg.pinv(kkt, rcond=1e-12) @ rhs[:, :, None])[:, :size, 0]
            res = ((np.einsum("bks,bs->bk", cols, sol) - target) ** 2).sum(axis=1)
            better = (sol >= -1e-9).all(axis=1) & (res < best_res - _TOL)
            if better.any():
                full = np.zeros((b, k))
                full[:, list(support)] = np.clip(sol, 0.0, None)
                full /= full.sum(axis=1, keepdims=True)
                best[better] = full[better]
                best_res[better] = res[better]
    return best


def _correct(machine_shares: np.ndarray, matrix: np.ndarray, false_rate: np.ndarray) -> np.ndarray:
    """Hand-label shares from machine-label shares, batched over the leading axis.

    The false-topic mass ``q_j · f_j`` is removed first, then ``Pᵀ p = q`` is solved on
    the simplex. A row whose every machine label is a false topic gives NaN shares.
    """
    kept = machine_shares * (1.0 - false_rate)
    total = kept.sum(axis=1, keepdims=True)
    empty = total[:, 0] <= _TOL
    k = kept.shape[1]
    target = np.where(empty[:, None], 1.0 / k, kept / np.where(empty[:, None], 1.0, total))
    shares = _simplex_lstsq(np.swapaxes(matrix, 1, 2), target)
    shares[empty] = np.nan
    return shares


def _mean_scores(shares: np.ndarray, labels: Sequence[str]) -> np.ndarray:
    """``Σ p·score / Σ p`` over the positioned labels, per row; NaN with no positioned share."""
    positioned = np.array([label != NEUTRAL for label in labels], dtype=float)
    scores = np.array([0.0 if label == NEUTRAL else LABEL_SCORES[label] for label in labels])
    weight = shares @ positioned
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(weight > _TOL, (shares @ scores) / np.where(weight > _TOL, weight, 1.0), np.nan)


# --------------------------------------------------------------------------- validation


class _Validation:
    """One topic's validation sample: the point ``P`` and ``f`` and their bootstrap draws."""

    def __init__(self, rows: pd.DataFrame, topic: str, *, n_resamples: int, seed: int):
        labels = LABELS_BY_TOPIC[topic]
        index = {label: i for i, label in enumerate(labels)}
        used = rows.loc[(rows["topic"] == topic) & (rows["machine"] != NONE)]
        self.n_rows = len(used)
        if used.empty:
            raise ValueError(f"validation has no row with a machine label for topic {topic!r}: cannot correct it")
        docs, doc_codes = np.unique(used["doc_id"].to_numpy(dtype=str), return_inverse=True)
        k = len(labels)
        both = np.zeros((len(docs), k, k))
        false_topic = np.zeros((len(docs), k))
        for d, hand, machine in zip(doc_codes, used["hand"], used["machine"], strict=True):
            if hand == NONE:
                false_topic[d, index[machine]] += 1
            else:
                both[d, index[hand], index[machine]] += 1
        self.matrix, self.false_rate = _confusion(both.sum(axis=0), false_topic.sum(axis=0))
        self.n_documents = len(docs)
        self.draws: tuple[np.ndarray, np.ndarray] | None = None
        if self.n_documents >= 2:
            rng = group_rng(seed, ("validation", topic))
            picks = rng.multinomial(len(docs), np.full(len(docs), 1.0 / len(docs)), size=int(n_resamples))
            self.draws = _confusion(np.einsum("bd,dij->bij", picks, both), picks @ false_topic)


# --------------------------------------------------------------------------- groups


def _interval(draws: np.ndarray, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bounds along axis 0, ignoring NaN draws (NaN when all are NaN)."""
    tail = (1.0 - confidence) / 2.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # an all-NaN column gives NaN bounds
        low, high = np.nanquantile(draws, [tail, 1.0 - tail], axis=0)
    return low, high


def _group_statistics(
    group: pd.DataFrame,
    key: tuple,
    validation: _Validation,
    *,
    n_resamples: int,
    confidence: float,
    seed: int,
) -> dict[str, float]:
    """The corrected and naive figures of one group (one topic), by label name."""
    topic = group["topic"].iloc[0]
    labels = LABELS_BY_TOPIC[topic]
    docs, doc_codes = np.unique(group["doc_id"].to_numpy(dtype=str), return_inverse=True)
    label_codes = group["stance"].map({label: i for i, label in enumerate(labels)}).to_numpy(dtype=int)
    counts = np.zeros((len(docs), len(labels)))
    np.add.at(counts, (doc_codes, label_codes), 1.0)
    naive = counts.sum(axis=0) / len(group)
    shares = _correct(naive[None, :], validation.matrix[None], validation.false_rate[None])[0]
    out = {"mean_score": float(_mean_scores(shares[None], labels)[0])}
    share_low = share_high = np.full(len(labels), math.nan)
    out["ci_low"] = out["ci_high"] = math.nan
    if len(docs) >= 2 and validation.draws is not None:
        rng = group_rng(seed, (*key, "corrected"))
        picks = rng.multinomial(len(docs), np.full(len(docs), 1.0 / len(docs)), size=int(n_resamples))
        boot = picks @ counts
        drawn = _correct(boot / boot.sum(axis=1, keepdims=True), *validation.draws)
        out["ci_low"], out["ci_high"] = (float(v) for v in _interval(_mean_scores(drawn, labels), confidence))
        share_low, share_high = _interval(drawn, confidence)
    naive_low, naive_high = bootstrap_mean_ci(
        group["score"].to_numpy(dtype=float),
        groups=group["doc_id"].to_numpy(dtype=object),
        n_resamples=n_resamples,
        confidence=confidence,
        seed=group_rng(seed, key),
    )
    scores = group["score"].to_numpy(dtype=float)
    positioned = scores[~np.isnan(scores)]
    naive_mean = float(positioned.mean()) if positioned.size else math.nan  # as the summaries take it
    out.update(naive_mean_score=naive_mean, naive_ci_low=naive_low, naive_ci_high=naive_high)
    position = {label: i for i, label in enumerate(labels)}
    for label in LABELS:
        i = position.get(label)
        out[f"share_{label}"] = 0.0 if i is None else float(shares[i])
        out[f"naive_share_{label}"] = 0.0 if i is None else float(naive[i])
        out[f"share_{label}_low"] = 0.0 if i is None else float(share_low[i])
        out[f"share_{label}_high"] = 0.0 if i is None else float(share_high[i])
    return out


def corrected(
    stances: pd.DataFrame,
    validation: pd.DataFrame,
    *,
    freq_or_bins: Bins | None = "year",
    use_event_date: bool = False,
    topic: str | Iterable[str] | None = None,
    holders: str | Iterable[str] | None = None,
    by_holder: bool = False,
    n_resamples: int = 2000,
    confidence: float = 0.95,
    seed: int = 0,
) -> pd.DataFrame:
    """Per period (and holder) and topic: label shares and mean score corrected for coder error.

    See the module docstring for the validation table, the estimator and the interval.

    Args:
        stances: The ``stances`` table (machine codes).
        validation: Hand and machine labels of the same statements: ``statement_id,
            doc_id, topic, hand, machine`` (:data:`VALIDATION_COLUMNS`).
        freq_or_bins: ``"year"``, bins as in
            :func:`~corpus_lib.analysis.summaries.stance_by_period`, or ``None`` for
            no periods (one row per topic, or per holder and topic).
        use_event_date: Place statements at their event date (with periods only).
        topic: A topic or topics to keep; all by default. Each needs validation rows.
        holders: A holder or holders to keep; all by default.
        by_holder: One row per holder too (every selected holder appears).
        n_resamples: Bootstrap resamples.
        confidence: Coverage of the intervals.
        seed: Seed of the bootstrap.

    Returns:
        Columns ``[holder,] [period, period_start, period_end,] topic``, then
        :data:`CORRECTED_COLUMNS` (``n_documents, n_statements, n_validation``, the
        corrected ``mean_score, ci_low, ci_high, share_<label>...`` and each share's
        interval ``share_<label>_low, share_<label>_high...``, then the naive
        ``naive_mean_score, naive_ci_low, naive_ci_high, naive_share_<label>...``).
        ``n_validation`` counts the topic's validation
        rows with a machine label. Every selected period × topic (× holder) appears,
        empty ones with n 0 and NaN figures; sorted like ``stance_by_period`` (by
        holder first with ``by_holder``).

    Raises:
        ValueError: a missing column, an unknown topic, holder or label, a label not
            allowed for its topic, a score that does not match its label, a duplicate
            (statement_id, topic), or a selected topic without validation rows.

    Example:
        >>> stances = pd.DataFrame({
        ...     "statement_id": [f"d{i}.0001" for i in range(4)],
        ...     "doc_id": [f"d{i}" for i in range(4)], "date": pd.Timestamp("2020-06-01"),
        ...     "holder": "NATO", "topic": "russia",
        ...     "stance": ["cooperative", "cooperative", "adversarial", "neutral"],
        ...     "score": [1.0, 1.0, -1.0, None]})
        >>> validation = pd.DataFrame({  # the coder took one adversarial statement of two for cooperative
        ...     "statement_id": ["v.0001", "v.0002", "w.0001", "w.0002"],
        ...     "doc_id": ["v", "v", "w", "w"], "topic": "russia",
        ...     "hand": ["cooperative", "adversarial", "adversarial", "neutral"],
        ...     "machine": ["cooperative", "cooperative", "adversarial", "neutral"]})
        >>> out = corrected(stances, validation, freq_or_bins=None, topic="russia", n_resamples=200)
        >>> round(float(out.naive_mean_score[0]), 3), round(float(out.mean_score[0]), 3)
        (0.333, -0.333)
    """
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence!r}")
    if int(n_resamples) != n_resamples or n_resamples < 1:
        raise ValueError(f"n_resamples must be a positive integer, got {n_resamples!r}")
    periods = freq_or_bins is not None
    extra = ("event_date",) if use_event_date and periods else ()
    frame = _check_stances(stances, topic=topic, holders=holders, extra=extra)
    rows = _check_validation(validation)
    topics = select_names(topic, TOPICS, "topic")
    checked = {t: _Validation(rows, t, n_resamples=n_resamples, seed=seed) for t in topics}
    parts = [pd.DataFrame({"topic": list(topics)})]
    head: tuple[str, ...] = ("topic",)
    keys: tuple[str, ...] = ("topic",)
    if periods:
        frame, period_table = with_periods(frame, freq_or_bins, use_event_date=use_event_date)
        parts.insert(0, period_table)
        head, keys = ("period", "period_start", "period_end", "topic"), ("period", "topic")
    if by_holder:
        parts.insert(0, pd.DataFrame({"holder": list(select_names(holders, HOLDERS, "holder"))}))
        head, keys = ("holder", *head), ("holder", *keys)
    records = []
    for key, group in frame.groupby(list(keys), sort=True):
        key = key if isinstance(key, tuple) else (key,)
        stats = _group_statistics(
            group, key, checked[group["topic"].iloc[0]], n_resamples=n_resamples, confidence=confidence, seed=seed
        )
        records.append(
            {
                **dict(zip(keys, key, strict=True)),
                "n_documents": group["doc_id"].nunique(),
                "n_statements": len(group),
                **stats,
            }
        )
    return _finish(records, key_grid(*parts), keys, head, checked)


def _finish(
    records: list[dict],
    grid: pd.DataFrame,
    keys: Sequence[str],
    head: Sequence[str],
    checked: dict[str, _Validation],
) -> pd.DataFrame:
    """Every grid cell with its figures (n 0 and NaN when empty), columns fixed and sorted."""
    stats = [c for c in CORRECTED_COLUMNS if c != "n_validation"]
    summary = pd.DataFrame(records, columns=[*keys, *stats])
    as_text = dict.fromkeys(keys, object)
    out = grid.astype(as_text).merge(summary.astype(as_text), on=list(keys), how="left")
    for column in ("n_documents", "n_statements"):
        out[column] = out[column].fillna(0).astype("int64")
    for column in stats[2:]:
        out[column] = out[column].astype(float)
    out["n_validation"] = out["topic"].map({t: v.n_rows for t, v in checked.items()}).astype("int64")
    columns = (*head, *CORRECTED_COLUMNS)
    sort = [c if c != "period" else "period_start" for c in keys]
    return finish(out, columns, sort)
