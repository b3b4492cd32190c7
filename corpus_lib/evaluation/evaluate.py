"""Measure the automatic stance coder against hand codes.

Two entry points:

- `evaluate` compares a `stances` table with a gold table, statement by statement.
- `evaluate_unseen` runs a coder on the held-out sentences of ``tests/data/unseen.csv``
  and scores it there.

The hand-coded files are read and checked by :mod:`corpus_lib.evaluation.gold`; its
readers (`load_gold`, `load_unseen`, `unseen_statements`) and column lists are re-exported
here. `rule_precision` (:mod:`corpus_lib.evaluation.rules`), a development aid that scores
each stance rule on a sentence file, is re-exported too.

Per topic (see the codebook) the report holds, each with a percentile bootstrap
interval that resamples statements:

=========================  ==========================================================
metric                     meaning
=========================  ==========================================================
``topic_precision``        topic detection over all statements (touched or not)
``topic_recall``
``topic_f1``
``stance_macro_f1``        over statements both gold and automatic say touch the
                           topic; mean F1 over the topic's non-neutral labels
``stance_kappa``           Cohen's kappa, same statements, all labels of the topic
``stance_alpha``           Krippendorff's alpha (nominal), same statements
``joint_macro_f1``         over all statements, an untouched topic counting as the
                           label ``none``: topic misses count as disagreement
``joint_kappa``
``joint_alpha``
``stance_macro_f1_gold_rows``  (`evaluate_unseen` only) over the statements gold
                           codes for the topic, a miss counting as ``none``
=========================  ==========================================================

and, under topic ``all``, ``holder_accuracy`` (gold rows whose gold holder equals the
automatic ``statements.holder``) and ``holder_accuracy_nato`` (the same among gold rows
whose gold holder is NATO). ``n`` is the number of items the value is computed on:
statements, or gold rows for the holder figures. A figure with no items is NaN.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from corpus_lib.errors import check_frame
from corpus_lib.evaluation.gold import (
    GOLD_COLUMNS,
    STATEMENT_COLUMNS,
    UNSEEN_COLUMNS,
    check_coded,
    load_gold,
    load_unseen,
    unseen_gold,
    unseen_statements,
)
from corpus_lib.evaluation.metrics import (
    bootstrap_ci,
    cohen_kappa,
    confusion_matrix,
    krippendorff_alpha_nominal,
    macro_f1,
    precision_recall_f1,
)
from corpus_lib.evaluation.rules import rule_precision
from corpus_lib.vocab import LABELS_BY_TOPIC as STANCE_LABELS
from corpus_lib.vocab import NEUTRAL, TOPICS

__all__ = [
    "GOLD_COLUMNS",
    "GOLD_ROWS_METRIC",
    "STATEMENT_COLUMNS",
    "UNSEEN_COLUMNS",
    "EvaluationReport",
    "evaluate",
    "evaluate_unseen",
    "load_gold",
    "load_unseen",
    "rule_precision",
    "unseen_statements",
]

NONE = "none"
REPORT_COLUMNS: tuple[str, ...] = ("topic", "metric", "value", "ci_low", "ci_high", "n")
TOPIC_METRICS: tuple[str, ...] = (
    "topic_precision", "topic_recall", "topic_f1",
    "stance_macro_f1", "stance_kappa", "stance_alpha",
    "joint_macro_f1", "joint_kappa", "joint_alpha",
)  # fmt: skip
GOLD_ROWS_METRIC = "stance_macro_f1_gold_rows"
HOLDER_METRICS: tuple[str, ...] = ("holder_accuracy", "holder_accuracy_nato")
ALL_TOPICS = "all"


def _non_neutral(topic: str) -> tuple[str, ...]:
    """The labels of a topic that take a position (all but ``neutral``)."""
    return tuple(label for label in STANCE_LABELS[topic] if label != NEUTRAL)


# --- the report -----------------------------------------------------------------------


def _clean_float(value: float, digits: int = 4) -> float | None:
    """Round for JSON; NaN becomes None and -0.0 becomes 0.0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits) + 0.0


def _matrix_json(frame: pd.DataFrame) -> dict[str, Any]:
    """A confusion matrix as JSON: its labels and its counts."""
    return {
        "labels": [str(x) for x in frame.columns],
        "matrix": frame.to_numpy().astype(int).tolist(),
    }


@dataclass(frozen=True, eq=False)
class EvaluationReport:
    """Agreement of automatic with hand codes, per topic, with bootstrap intervals.

    Attributes:
        metrics: Tidy table with columns ``topic, metric, value, ci_low, ci_high, n``.
        confusion: Topic -> stance confusion matrix (rows gold, columns automatic) over
            the statements both codings say touch the topic, all labels of the topic.
        confusion_joint: Topic -> confusion matrix over all statements with ``none``
            for an untouched topic.
        n_statements: Number of statements scored.
        n_resamples: Bootstrap resamples per figure.
        seed: Seed of the bootstrap.
        confidence: Coverage of the intervals.

    Example:
        >>> empty = pd.DataFrame(columns=list(REPORT_COLUMNS))
        >>> report = EvaluationReport(empty, {}, {}, n_statements=0, n_resamples=10, seed=0)
        >>> report.to_json().splitlines()[1]
        '  "confidence": 0.95,'
    """

    metrics: pd.DataFrame
    confusion: dict[str, pd.DataFrame]
    confusion_joint: dict[str, pd.DataFrame] = field(default_factory=dict)
    n_statements: int = 0
    n_resamples: int = 1000
    seed: int = 0
    confidence: float = 0.95

    def to_frame(self) -> pd.DataFrame:
        """The tidy metrics table (a copy), one row per (topic, metric)."""
        return self.metrics.loc[:, list(REPORT_COLUMNS)].reset_index(drop=True).copy()

    def value(self, topic: str, metric: str) -> float:
        """The point estimate of one figure (KeyError if absent)."""
        hit = self.metrics[(self.metrics["topic"] == topic) & (self.metrics["metric"] == metric)]
        if hit.empty:
            raise KeyError((topic, metric))
        return float(hit["value"].iloc[0])

    def to_json(self) -> str:
        """Deterministic JSON: sorted keys, floats rounded to 4 decimals, NaN as null."""
        rows = [
            {
                "topic": str(r.topic),
                "metric": str(r.metric),
                "value": _clean_float(r.value),
                "ci_low": _clean_float(r.ci_low),
                "ci_high": _clean_float(r.ci_high),
                "n": int(r.n),
            }
            for r in self.to_frame().itertuples(index=False)
        ]
        payload = {
            "metrics": rows,
            "confusion": {t: _matrix_json(m) for t, m in self.confusion.items()},
            "confusion_joint": {t: _matrix_json(m) for t, m in self.confusion_joint.items()},
            "n_statements": int(self.n_statements),
            "n_resamples": int(self.n_resamples),
            "seed": int(self.seed),
            "confidence": _clean_float(self.confidence),
        }
        return json.dumps(payload, sort_keys=True, indent=2, allow_nan=False) + "\n"

    def __str__(self) -> str:
        pct = f"{self.confidence * 100:g}%"
        header = f"{'topic':<11}{'metric':<28}{'value':>8}  {pct + ' interval':<18}{'n':>6}"
        lines = [
            (
                f"Evaluation on {self.n_statements} statements "
                f"({self.n_resamples} bootstrap resamples, seed {self.seed})"
            ),
            header,
            "-" * len(header),
        ]

        def fmt(x: float) -> str:
            return "    nan" if x is None or math.isnan(x) else f"{x:7.3f}"

        for r in self.to_frame().itertuples(index=False):
            interval = f"[{fmt(r.ci_low).strip()}, {fmt(r.ci_high).strip()}]"
            lines.append(f"{r.topic:<11}{r.metric:<28}{fmt(r.value):>8}  {interval:<18}{int(r.n):>6}")
        for title, matrices in (
            ("stance confusion (both touched; rows gold, columns automatic)", self.confusion),
            ("joint confusion (all statements; rows gold, columns automatic)", self.confusion_joint),
        ):
            for topic, matrix in matrices.items():
                lines += ["", f"{topic}: {title}", matrix.to_string()]
        return "\n".join(lines)


# --- evaluation -----------------------------------------------------------------------


def _labels_by_statement(coded: pd.DataFrame, ids: np.ndarray, topic: str) -> np.ndarray:
    """Array over ``ids``: the stance coded for ``topic``, or ``none``."""
    rows = coded[coded["topic"] == topic]
    mapping = dict(zip(rows["statement_id"], rows["stance"], strict=True))
    return np.array([mapping.get(sid, NONE) for sid in ids.tolist()], dtype=str)


def _topic_statistics(topic: str) -> dict[str, Callable[[np.ndarray, np.ndarray], float]]:
    """Statistic functions of (gold, automatic) label arrays over all statements."""
    labels = STANCE_LABELS[topic]
    non_neutral = list(_non_neutral(topic))
    joint_labels = [*labels, NONE]

    def detection(key: str) -> Callable[[np.ndarray, np.ndarray], float]:
        return lambda g, p: precision_recall_f1(g != NONE, p != NONE)[key]

    def both(fn: Callable[[np.ndarray, np.ndarray], float]) -> Callable[..., float]:
        def stat(g: np.ndarray, p: np.ndarray) -> float:
            keep = (g != NONE) & (p != NONE)
            return fn(g[keep], p[keep]) if keep.any() else float("nan")

        return stat

    return {
        "topic_precision": detection("precision"),
        "topic_recall": detection("recall"),
        "topic_f1": detection("f1"),
        "stance_macro_f1": both(lambda g, p: macro_f1(g, p, labels=non_neutral)),
        "stance_kappa": both(lambda g, p: cohen_kappa(g, p, labels=labels)),
        "stance_alpha": both(krippendorff_alpha_nominal),
        "joint_macro_f1": lambda g, p: macro_f1(g, p, labels=non_neutral),
        "joint_kappa": lambda g, p: cohen_kappa(g, p, labels=joint_labels),
        "joint_alpha": krippendorff_alpha_nominal,
        GOLD_ROWS_METRIC: _gold_rows_macro_f1(non_neutral),
    }


def _gold_rows_macro_f1(non_neutral: list[str]) -> Callable[[np.ndarray, np.ndarray], float]:
    """Macro-F1 over the statements the gold codes for the topic (a miss counts as ``none``)."""

    def stat(g: np.ndarray, p: np.ndarray) -> float:
        keep = g != NONE
        return macro_f1(g[keep], p[keep], labels=non_neutral) if keep.any() else float("nan")

    return stat


def _figure(
    topic: str,
    metric: str,
    statistic: Callable[..., float],
    arrays: tuple[np.ndarray, ...],
    n: int,
    *,
    n_resamples: int,
    seed: int,
    confidence: float,
) -> dict[str, Any]:
    value = float(statistic(*arrays)) if len(arrays[0]) else float("nan")
    if math.isnan(value):
        low = high = float("nan")
    else:
        low, high = bootstrap_ci(statistic, *arrays, n_resamples=n_resamples, confidence=confidence, seed=seed)
    return {"topic": topic, "metric": metric, "value": value, "ci_low": low, "ci_high": high, "n": int(n)}


def _ratio_of_sums(num: np.ndarray, den: np.ndarray) -> float:
    """sum(num) / sum(den); NaN when the denominator is 0."""
    total = int(den.sum())
    return float(num.sum()) / total if total else float("nan")


def _evaluate(
    stances: pd.DataFrame,
    gold: pd.DataFrame,
    statements: pd.DataFrame,
    *,
    n_resamples: int,
    seed: int,
    confidence: float,
    metrics: tuple[str, ...],
    holder: bool,
) -> EvaluationReport:
    check_frame(statements, "statements", ["statement_id"] + (["holder"] if holder else []))
    if len(statements) == 0:
        raise ValueError("statements is empty: no items to evaluate on")
    sids = statements["statement_id"].astype(object).astype(str)
    if sids.duplicated().any():
        dup = sids[sids.duplicated()].iloc[0]
        raise ValueError(f"statements has duplicate statement_id {dup!r}")
    universe = set(sids)
    auto = check_coded(stances, "stances", universe, check_holder=False)
    hand = check_coded(gold, "gold", universe, check_holder=holder)
    # Fixed item order (sorted ids) so the bootstrap does not depend on row order.
    ids = np.sort(sids.to_numpy(dtype=str))
    n_items = len(ids)
    options = {"n_resamples": n_resamples, "seed": seed, "confidence": confidence}

    rows: list[dict[str, Any]] = []
    confusion: dict[str, pd.DataFrame] = {}
    confusion_joint: dict[str, pd.DataFrame] = {}
    for topic in TOPICS:
        g = _labels_by_statement(hand, ids, topic)
        p = _labels_by_statement(auto, ids, topic)
        touched_both = int(((g != NONE) & (p != NONE)).sum())
        sizes = {
            "stance_macro_f1": touched_both,
            "stance_kappa": touched_both,
            "stance_alpha": touched_both,
            GOLD_ROWS_METRIC: int((g != NONE).sum()),
        }
        stats = _topic_statistics(topic)
        for metric in metrics:
            rows.append(_figure(topic, metric, stats[metric], (g, p), sizes.get(metric, n_items), **options))
        labels = list(STANCE_LABELS[topic])
        keep = (g != NONE) & (p != NONE)
        if keep.any():
            confusion[topic] = confusion_matrix(g[keep], p[keep], labels=labels)
        else:
            confusion[topic] = pd.DataFrame(
                0, index=pd.Index(labels, name="gold"), columns=pd.Index(labels, name="pred")
            )
        confusion_joint[topic] = confusion_matrix(g, p, labels=[*labels, NONE])

    if holder:
        rows.extend(_holder_figures(hand, statements, ids, **options))
    table = pd.DataFrame(rows, columns=list(REPORT_COLUMNS))
    table["n"] = table["n"].astype("int64")
    return EvaluationReport(
        metrics=table,
        confusion=confusion,
        confusion_joint=confusion_joint,
        n_statements=n_items,
        n_resamples=n_resamples,
        seed=seed,
        confidence=confidence,
    )


def _holder_figures(
    hand: pd.DataFrame,
    statements: pd.DataFrame,
    ids: np.ndarray,
    **options: Any,
) -> list[dict[str, Any]]:
    """Holder accuracy on all hand-coded rows and on those the hand coder gave to NATO (topic ``all``)."""
    auto_holder = dict(
        zip(
            statements["statement_id"].astype(object).astype(str),
            statements["holder"].astype(object).astype(str),
            strict=True,
        )
    )
    correct = hand["holder"].to_numpy() == hand["statement_id"].map(auto_holder).to_numpy()
    nato = hand["holder"].to_numpy() == "NATO"
    per = (
        pd.DataFrame(
            {
                "statement_id": hand["statement_id"].to_numpy(),
                "rows": 1,
                "correct": correct.astype(int),
                "nato": nato.astype(int),
                "nato_correct": (nato & correct).astype(int),
            }
        )
        .groupby("statement_id")
        .sum()
    )
    per = per.reindex(ids, fill_value=0)
    counts = {c: per[c].to_numpy(dtype=np.int64) for c in per.columns}
    return [
        _figure(ALL_TOPICS, metric, _ratio_of_sums, (counts[hits], counts[rows]), int(counts[rows].sum()), **options)
        for metric, hits, rows in (
            ("holder_accuracy", "correct", "rows"),
            ("holder_accuracy_nato", "nato_correct", "nato"),
        )
    ]


def evaluate(
    stances: pd.DataFrame,
    gold: pd.DataFrame,
    *,
    statements: pd.DataFrame,
    n_resamples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> EvaluationReport:
    """Compare automatic stances with hand codes, per topic, with bootstrap intervals.

    The items are all statements in ``statements``; a statement absent from ``gold``
    (or from ``stances``) for a topic does not touch that topic. See the module
    docstring for the figures. Each figure's interval resamples statements with the
    same seed, so all figures share the same resamples. Nothing is mutated.

    Args:
        stances: Automatic codes: ``statement_id, topic, stance`` (other columns are
            ignored), one row per (statement, topic).
        gold: Hand codes: ``statement_id, topic, stance, holder`` at least (as from
            `load_gold`), one row per (statement, topic).
        statements: The statements table: ``statement_id`` and the automatic
            ``holder`` at least.
        n_resamples: Bootstrap resamples per figure.
        seed: Seed of the bootstrap.
        confidence: Coverage of the intervals.

    Returns:
        An `EvaluationReport`.

    Raises:
        ValueError: on empty statements, duplicate ids, a label not allowed by the
            codebook, a duplicate (statement_id, topic), or a coded statement_id that is
            not in ``statements``.

    Example:
        >>> statements = pd.DataFrame({"statement_id": ["d.0001", "d.0002"],
        ...                            "holder": ["NATO", "media"]})
        >>> gold = pd.DataFrame({"statement_id": ["d.0001"], "topic": ["karabakh"],
        ...                      "stance": ["engaged"], "holder": ["NATO"]})
        >>> report = evaluate(gold, gold, statements=statements, n_resamples=20)
        >>> report.value("karabakh", "topic_f1"), report.value("all", "holder_accuracy")
        (1.0, 1.0)
    """
    return _evaluate(
        stances,
        gold,
        statements,
        n_resamples=n_resamples,
        seed=seed,
        confidence=confidence,
        metrics=TOPIC_METRICS,
        holder=True,
    )


def evaluate_unseen(
    coder: Callable[[pd.DataFrame], pd.DataFrame],
    path: str | Path,
    *,
    n_resamples: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> EvaluationReport:
    """Run a stance coder on the held-out sentences and score it.

    The coder gets the statements built by `unseen_statements` (context sentences
    included, so references can resolve) and returns a stances table; only the rows'
    own sentences are scored. Per topic the report holds topic detection P/R/F1, the
    stance figures of `evaluate` (both-touched and joint), and
    ``stance_macro_f1_gold_rows``: macro-F1 over the topic's non-neutral labels on the
    sentences gold codes for the topic, a missed topic counting as ``none`` (wrong).
    Holder accuracy is not reported: the holders are given to the coder from the file.

    Args:
        coder: Callable taking a statements DataFrame and returning a stances
            DataFrame (``statement_id, topic, stance`` at least). It receives a copy.
        path: The unseen CSV (see `load_unseen`).
        n_resamples: Bootstrap resamples per figure.
        seed: Seed of the bootstrap.
        confidence: Coverage of the intervals.

    Returns:
        An `EvaluationReport` over the scored sentences.

    Raises:
        ValueError: on an invalid file, or a coder output that breaks the codebook.

    Example:
        >>> import tempfile
        >>> tmp = Path(tempfile.mkdtemp()) / "unseen.csv"
        >>> _ = tmp.write_text(",".join(UNSEEN_COLUMNS) + "\\n"
        ...     "u1,2016,news,narrator,media,,Fighting broke out.,neutral,,,\\n")
        >>> def nothing(statements):
        ...     return pd.DataFrame(columns=["statement_id", "topic", "stance"])
        >>> evaluate_unseen(nothing, tmp, n_resamples=10).value("karabakh", "topic_recall")
        0.0
    """
    table = load_unseen(path)
    statements, scored = unseen_statements(table)
    stances = coder(statements.copy())
    check_frame(stances, "coder output", ["statement_id", "topic", "stance"])
    check_coded(stances, "coder output", set(statements["statement_id"]), check_holder=False)
    keep = set(scored)
    return _evaluate(
        stances[stances["statement_id"].astype(str).isin(keep)],
        unseen_gold(table),
        statements[statements["statement_id"].isin(keep)],
        n_resamples=n_resamples,
        seed=seed,
        confidence=confidence,
        metrics=(*TOPIC_METRICS, GOLD_ROWS_METRIC),
        holder=False,
    )
