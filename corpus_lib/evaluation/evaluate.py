"""Measure the automatic stance coder against hand codes.

Three entry points:

- `load_gold` reads and validates a hand-coded gold CSV.
- `evaluate` compares a `stances` table with a gold table, statement by statement.
- `evaluate_unseen` runs a coder on the held-out sentences of ``tests/data/unseen.csv``
  and scores it there.

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

import csv
import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from corpus_lib.errors import check_frame
from corpus_lib.evaluation.metrics import (
    bootstrap_ci,
    cohen_kappa,
    confusion_matrix,
    krippendorff_alpha_nominal,
    macro_f1,
    precision_recall_f1,
)
from corpus_lib.vocab import GENRES, HOLDERS, NEUTRAL, TOPICS
from corpus_lib.vocab import LABELS_BY_TOPIC as STANCE_LABELS
from corpus_lib.vocab import ROLES as SPEAKER_ROLES

__all__ = [
    "EvaluationReport",
    "evaluate",
    "evaluate_unseen",
    "load_gold",
    "load_unseen",
    "unseen_statements",
]

NONE = "none"

GOLD_COLUMNS: tuple[str, ...] = (
    "statement_id", "doc_id", "text", "holder", "topic", "stance", "rationale",
)
UNSEEN_COLUMNS: tuple[str, ...] = (
    "id", "year", "genre", "speaker_role", "holder", "context", "text",
    "karabakh", "russia", "membership", "note",
)
STATEMENT_COLUMNS: tuple[str, ...] = (
    "statement_id", "doc_id", "seq", "turn", "speaker", "speaker_role", "holder",
    "is_question", "text", "date", "event_date",
)
REPORT_COLUMNS: tuple[str, ...] = ("topic", "metric", "value", "ci_low", "ci_high", "n")

TOPIC_METRICS: tuple[str, ...] = (
    "topic_precision", "topic_recall", "topic_f1",
    "stance_macro_f1", "stance_kappa", "stance_alpha",
    "joint_macro_f1", "joint_kappa", "joint_alpha",
)
GOLD_ROWS_METRIC = "stance_macro_f1_gold_rows"
HOLDER_METRICS: tuple[str, ...] = ("holder_accuracy", "holder_accuracy_nato")
ALL_TOPICS = "all"
UNSEEN_PREFIX = "unseen-"


def _non_neutral(topic: str) -> tuple[str, ...]:
    return tuple(label for label in STANCE_LABELS[topic] if label != NEUTRAL)


# --- the report -----------------------------------------------------------------------


def _clean_float(value: float, digits: int = 4) -> float | None:
    """Round for JSON; NaN becomes None and -0.0 becomes 0.0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits) + 0.0


def _matrix_json(frame: pd.DataFrame) -> dict[str, Any]:
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
            lines.append(
                f"{r.topic:<11}{r.metric:<28}{fmt(r.value):>8}  {interval:<18}{int(r.n):>6}"
            )
        for title, matrices in (
            ("stance confusion (both touched; rows gold, columns automatic)", self.confusion),
            ("joint confusion (all statements; rows gold, columns automatic)",
             self.confusion_joint),
        ):
            for topic, matrix in matrices.items():
                lines += ["", f"{topic}: {title}", matrix.to_string()]
        return "\n".join(lines)


# --- validation -----------------------------------------------------------------------


def _label_problem(topic: str, stance: str) -> str | None:
    if topic not in STANCE_LABELS:
        return f"topic {topic!r} is not one of {', '.join(TOPICS)}"
    if stance not in STANCE_LABELS[topic]:
        return (
            f"stance {stance!r} is not allowed for topic {topic!r} "
            f"(allowed: {', '.join(STANCE_LABELS[topic])})"
        )
    return None


def _gold_row_problems(record: Mapping[str, str]) -> list[str]:
    problems = []
    if not record["statement_id"]:
        problems.append("statement_id is empty")
    label = _label_problem(record["topic"], record["stance"])
    if label:
        problems.append(label)
    if record["holder"] not in HOLDERS:
        problems.append(f"holder {record['holder']!r} is not one of {', '.join(HOLDERS)}")
    return problems


def _read_csv_records(
    path: Path, required: Iterable[str]
) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[str]]:
    """Rows of a CSV as (1-based first line, {column: value}); errors as messages."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip() for h in next(reader)]
        except StopIteration:
            raise ValueError(f"{path}, line 1: the file is empty, expected a header") from None
        missing = [c for c in required if c not in header]
        if missing:
            raise ValueError(
                f"{path}, line 1: missing required column(s): {', '.join(missing)}"
            )
        records, errors = [], []
        last_line = reader.line_num
        for row in reader:
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                errors.append(
                    f"{path}, line {line}: expected {len(header)} fields, found {len(row)}"
                )
                continue
            records.append((line, dict(zip(header, row, strict=True))))
    return header, records, errors


def _raise_errors(path: Path, errors: list[str]) -> None:
    if errors:
        shown = errors[:20]
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        raise ValueError(f"invalid file {path}:\n" + "\n".join(shown) + more)


def load_gold(path: str | Path) -> pd.DataFrame:
    """Read and validate a hand-coded gold CSV.

    The file has a header with at least the columns ``statement_id, doc_id, text,
    holder, topic, stance, rationale`` (extra columns are ignored), one row per
    (statement, topic) the coder says the statement touches. Checked: required
    columns, a non-empty statement_id, topic and holder from the codebook, a stance
    allowed for that topic, no duplicate (statement_id, topic). Surrounding spaces
    are stripped from the coded fields (ids, holder, topic, stance).

    Args:
        path: The CSV file (UTF-8, BOM allowed).

    Returns:
        The gold table with the seven columns in that order, as strings, sorted by
        statement_id and then topic in codebook order.

    Raises:
        ValueError: naming the file and the 1-based line number of each bad row (a
            record spanning several lines is named by its first line).

    Example:
        >>> import tempfile
        >>> tmp = Path(tempfile.mkdtemp()) / "gold.csv"
        >>> _ = tmp.write_text("statement_id,doc_id,text,holder,topic,stance,rationale\\n"
        ...                    "d.0001,d,Some text.,NATO,karabakh,engaged,offers help\\n")
        >>> load_gold(tmp)[["statement_id", "topic", "stance"]].to_numpy().tolist()
        [['d.0001', 'karabakh', 'engaged']]
    """
    path = Path(path)
    _, records, errors = _read_csv_records(path, GOLD_COLUMNS)
    seen: dict[tuple[str, str], int] = {}
    rows = []
    for line, raw in records:
        rec = {c: raw[c] for c in GOLD_COLUMNS}
        for c in ("statement_id", "doc_id", "holder", "topic", "stance"):
            rec[c] = rec[c].strip()
        problems = _gold_row_problems(rec)
        key = (rec["statement_id"], rec["topic"])
        if key in seen:
            problems.append(
                f"duplicate (statement_id, topic) {key} (first on line {seen[key]})"
            )
        else:
            seen[key] = line
        errors.extend(f"{path}, line {line}: {p}" for p in problems)
        rows.append(rec)
    _raise_errors(path, errors)
    return _sort_gold(pd.DataFrame(rows, columns=list(GOLD_COLUMNS)).astype(str))


def _sort_gold(gold: pd.DataFrame) -> pd.DataFrame:
    order = {t: i for i, t in enumerate(TOPICS)}
    key = gold["topic"].map(order)
    out = gold.assign(_topic_order=key).sort_values(
        ["statement_id", "_topic_order"], kind="mergesort"
    )
    return out.drop(columns="_topic_order").reset_index(drop=True)


def _check_coded(
    frame: pd.DataFrame, name: str, universe: set[str], *, check_holder: bool
) -> pd.DataFrame:
    """Validate a stances-like or gold-like frame; return statement_id/topic/stance(/holder)."""
    cols = ["statement_id", "topic", "stance"] + (["holder"] if check_holder else [])
    check_frame(frame, name, cols)
    out = frame.loc[:, cols].astype(object).astype(str)
    problems = []
    for pos, rec in enumerate(out.to_dict("records")):
        where = f"{name} row {pos} (index {frame.index[pos]!r})"
        label = _label_problem(rec["topic"], rec["stance"])
        if label:
            problems.append(f"{where}: {label}")
        if check_holder and rec["holder"] not in HOLDERS:
            problems.append(f"{where}: holder {rec['holder']!r} is not one of {', '.join(HOLDERS)}")
        if rec["statement_id"] not in universe:
            problems.append(f"{where}: statement_id {rec['statement_id']!r} is not in statements")
    dup = out.duplicated(["statement_id", "topic"], keep="first")
    for pos in np.flatnonzero(dup.to_numpy()):
        rec = out.iloc[pos]
        problems.append(
            f"{name} row {pos}: duplicate (statement_id, topic) "
            f"({rec['statement_id']!r}, {rec['topic']!r})"
        )
    if problems:
        raise ValueError("\n".join(problems[:20]))
    return out


# --- evaluation -----------------------------------------------------------------------


def _labels_by_statement(coded: pd.DataFrame, ids: np.ndarray, topic: str) -> np.ndarray:
    """Array over ``ids``: the stance coded for ``topic``, or ``none``."""
    rows = coded[coded["topic"] == topic]
    mapping = dict(zip(rows["statement_id"], rows["stance"], strict=True))
    return np.array([mapping.get(sid, NONE) for sid in ids.tolist()], dtype=str)


def _nan_if_empty(fn: Callable[..., float]) -> Callable[..., float]:
    def wrapped(*arrays: np.ndarray) -> float:
        return fn(*arrays) if len(arrays[0]) else float("nan")

    return wrapped


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
        low, high = bootstrap_ci(
            statistic, *arrays, n_resamples=n_resamples, confidence=confidence, seed=seed
        )
    return {"topic": topic, "metric": metric, "value": value, "ci_low": low, "ci_high": high,
            "n": int(n)}


def _ratio_of_sums(num: np.ndarray, den: np.ndarray) -> float:
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
    auto = _check_coded(stances, "stances", universe, check_holder=False)
    hand = _check_coded(gold, "gold", universe, check_holder=holder)
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
            rows.append(_figure(topic, metric, stats[metric], (g, p),
                                sizes.get(metric, n_items), **options))
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
    auto_holder = dict(
        zip(
            statements["statement_id"].astype(object).astype(str),
            statements["holder"].astype(object).astype(str),
            strict=True,
        )
    )
    correct = hand["holder"].to_numpy() == hand["statement_id"].map(auto_holder).to_numpy()
    nato = hand["holder"].to_numpy() == "NATO"
    per = pd.DataFrame(
        {
            "statement_id": hand["statement_id"].to_numpy(),
            "rows": 1,
            "correct": correct.astype(int),
            "nato": nato.astype(int),
            "nato_correct": (nato & correct).astype(int),
        }
    ).groupby("statement_id").sum()
    per = per.reindex(ids, fill_value=0)
    counts = {c: per[c].to_numpy(dtype=np.int64) for c in per.columns}
    return [
        _figure(ALL_TOPICS, "holder_accuracy", _ratio_of_sums,
                (counts["correct"], counts["rows"]), int(counts["rows"].sum()), **options),
        _figure(ALL_TOPICS, "holder_accuracy_nato", _ratio_of_sums,
                (counts["nato_correct"], counts["nato"]), int(counts["nato"].sum()), **options),
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
        stances, gold, statements,
        n_resamples=n_resamples, seed=seed, confidence=confidence,
        metrics=TOPIC_METRICS, holder=True,
    )


# --- the unseen test set --------------------------------------------------------------


def load_unseen(path: str | Path) -> pd.DataFrame:
    """Read and validate the held-out sentences (``tests/data/unseen.csv``).

    Columns: ``id, year, genre, speaker_role, holder, context, text, karabakh, russia,
    membership, note``. Each topic column holds a label allowed for that topic, or is
    empty when the sentence does not touch it. Checked: unique non-empty ids, an integer
    year, genre, speaker_role and holder from the closed sets, non-empty text, legal
    labels, and the codebook rule that a question (text ending in ``?``) is neutral on
    every topic it touches.

    Args:
        path: The CSV file.

    Returns:
        The table with the columns above in that order (``year`` as int, the rest as
        str, empty string for an untouched topic or no context), in file order.

    Raises:
        ValueError: naming the file and the 1-based line of each bad row.

    Example:
        >>> import tempfile
        >>> tmp = Path(tempfile.mkdtemp()) / "unseen.csv"
        >>> _ = tmp.write_text(",".join(UNSEEN_COLUMNS) + "\\n"
        ...     "u1,2016,news,narrator,media,,Fighting broke out.,neutral,,,\\n")
        >>> row = load_unseen(tmp).iloc[0]
        >>> row["id"], int(row["year"]), row["karabakh"], row["russia"]
        ('u1', 2016, 'neutral', '')
    """
    path = Path(path)
    _, records, errors = _read_csv_records(path, UNSEEN_COLUMNS)
    seen: dict[str, int] = {}
    rows = []
    closed = {"genre": GENRES, "speaker_role": SPEAKER_ROLES, "holder": HOLDERS}
    for line, raw in records:
        rec = {c: raw[c].strip() for c in UNSEEN_COLUMNS}
        problems = []
        if not rec["id"]:
            problems.append("id is empty")
        elif rec["id"] in seen:
            problems.append(f"duplicate id {rec['id']!r} (first on line {seen[rec['id']]})")
        else:
            seen[rec["id"]] = line
        if not rec["year"].isdigit():
            problems.append(f"year {rec['year']!r} is not an integer")
        for column, allowed in closed.items():
            if rec[column] not in allowed:
                problems.append(
                    f"{column} {rec[column]!r} is not one of {', '.join(allowed)}"
                )
        if not rec["text"]:
            problems.append("text is empty")
        for topic in TOPICS:
            if rec[topic]:
                label = _label_problem(topic, rec[topic])
                if label:
                    problems.append(label)
                elif rec["text"].endswith("?") and rec[topic] != NEUTRAL:
                    problems.append(
                        f"a question is neutral by the codebook, but {topic} is {rec[topic]!r}"
                    )
        errors.extend(f"{path}, line {line}: {p}" for p in problems)
        rows.append(rec)
    _raise_errors(path, errors)
    if not rows:
        raise ValueError(f"{path}: no rows")
    table = pd.DataFrame(rows, columns=list(UNSEEN_COLUMNS)).astype(str)
    table["year"] = table["year"].astype("int64")
    return table


def _is_question(text: str) -> bool:
    return text.rstrip().endswith("?")


def unseen_statements(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Build a statements table from the unseen sentences.

    Each row is its own document ``unseen-<id>`` with one speaker turn. Without a
    ``context`` the row's sentence is statement ``.0001``; with one, the context is
    statement ``.0001`` and the sentence ``.0002`` of the same turn, by the same speaker
    with the same holder (the context is there for references such as "He" or "this
    war" and is not scored). ``speaker`` is the speaker_role (no names are known),
    ``date`` is 1 July of the row's year, ``event_date`` is empty.

    Args:
        table: As returned by `load_unseen`.

    Returns:
        ``(statements, scored_ids)``: the statements frame with columns
        ``statement_id, doc_id, seq, turn, speaker, speaker_role, holder, is_question,
        text, date, event_date`` sorted by statement_id, and the ids of the rows'
        own sentences, in table order.

    Example:
        >>> table = pd.DataFrame({"id": ["u1"], "year": [2020], "speaker_role": ["interviewee"],
        ...     "holder": ["NATO"], "context": ["Putin spoke."], "text": ["He is wrong."]})
        >>> statements, scored = unseen_statements(table)
        >>> statements["statement_id"].tolist(), scored
        (['unseen-u1.0001', 'unseen-u1.0002'], ['unseen-u1.0002'])
    """
    records, scored = [], []
    for rec in table.to_dict("records"):
        doc_id = f"{UNSEEN_PREFIX}{rec['id']}"
        sentences = ([rec["context"]] if rec.get("context") else []) + [rec["text"]]
        for seq, text in enumerate(sentences, start=1):
            records.append(
                {
                    "statement_id": f"{doc_id}.{seq:04d}",
                    "doc_id": doc_id,
                    "seq": seq,
                    "turn": 1,
                    "speaker": rec["speaker_role"],
                    "speaker_role": rec["speaker_role"],
                    "holder": rec["holder"],
                    "is_question": _is_question(text),
                    "text": " ".join(str(text).split()),
                    "date": pd.Timestamp(year=int(rec["year"]), month=7, day=1),
                    "event_date": "",
                }
            )
        scored.append(f"{doc_id}.{len(sentences):04d}")
    statements = pd.DataFrame(records, columns=list(STATEMENT_COLUMNS))
    statements = statements.astype(
        {
            "statement_id": str, "doc_id": str, "seq": "int64", "turn": "int64", "speaker": str,
            "speaker_role": pd.CategoricalDtype(list(SPEAKER_ROLES)),
            "holder": pd.CategoricalDtype(list(HOLDERS)),
            "is_question": bool, "text": str, "date": "datetime64[ns]", "event_date": str,
        }
    )
    statements = statements.sort_values("statement_id", kind="mergesort").reset_index(drop=True)
    return statements, scored


def _unseen_gold(table: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for rec in table.to_dict("records"):
        doc_id = f"{UNSEEN_PREFIX}{rec['id']}"
        sid = f"{doc_id}.{2 if rec['context'] else 1:04d}"
        for topic in TOPICS:
            if rec[topic]:
                rows.append(
                    {"statement_id": sid, "doc_id": doc_id, "text": rec["text"],
                     "holder": rec["holder"], "topic": topic, "stance": rec[topic],
                     "rationale": rec["note"]}
                )
    return _sort_gold(pd.DataFrame(rows, columns=list(GOLD_COLUMNS)).astype(str))


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
    _check_coded(stances, "coder output", set(statements["statement_id"]), check_holder=False)
    keep = set(scored)
    return _evaluate(
        stances[stances["statement_id"].astype(str).isin(keep)],
        _unseen_gold(table),
        statements[statements["statement_id"].isin(keep)],
        n_resamples=n_resamples, seed=seed, confidence=confidence,
        metrics=(*TOPIC_METRICS, GOLD_ROWS_METRIC), holder=False,
    )


def rule_precision(path: str | Path, *, rules: Any = None) -> pd.DataFrame:
    """How often each stance rule pushes the label the hand codes give, on a sentence file.

    A development aid for pruning cues (never run it on a held-out file: reading its rows'
    errors makes it a development file). The packaged coder (or ``rules``, from
    ``corpus_lib.coding.coder.load_rules``) codes the sentences of ``path`` (the `load_unseen`
    format); for every scored (sentence, topic) row, each stance cue listed in
    ``rule_ids`` is credited with the label it pushed (its ``label``, or its ``negated`` /
    ``halted`` label where the negator or stopping verb listed just before it changed
    it). A cue *agrees* where that label is the hand-coded stance of the topic, and
    *disagrees* otherwise (a topic the hand codes do not give counts as a disagreement).

    Args:
        path: A sentence file in the `load_unseen` format (a development set).
        rules: A rule set; the packaged rules by default.

    Returns:
        One row per stance rule and the label it pushed: ``rule_id, topic, label,
        fired, agree, disagree, precision`` (``agree / fired``), sorted by precision
        then rule id.

    Example:
        >>> import tempfile
        >>> tmp = Path(tempfile.mkdtemp()) / "dev.csv"
        >>> _ = tmp.write_text(",".join(UNSEEN_COLUMNS) + "\\n"
        ...     "x1,2016,news,narrator,NATO,,NATO condemned Russia.,,adversarial,,\\n")
        >>> rule_precision(tmp)[["rule_id", "fired", "agree"]].values.tolist()
        [['RU-ADV-006', 1, 1]]
    """
    from corpus_lib.coding import coder  # the coder, imported only for this aid

    rules = coder.load_rules() if rules is None else rules
    table = load_unseen(path)
    statements, scored = unseen_statements(table)
    out = coder.tag_stances(statements, rules=rules)
    gold = {
        (f"{UNSEEN_PREFIX}{rec['id']}.{2 if rec['context'] else 1:04d}", topic): rec[topic]
        for rec in table.to_dict("records")
        for topic in TOPICS
    }
    keep = set(scored)
    counts: dict[str, list[Any]] = {}
    for sid, topic, ids in zip(out["statement_id"], out["topic"].astype(str), out["rule_ids"]):
        if sid not in keep:
            continue
        truth = gold.get((sid, topic)) or "none"
        modifier = None
        for rid in str(ids).split(";"):
            try:
                rule = rules.rule(rid)
            except KeyError:  # a policy, question or context id
                continue
            if rule.kind in ("negator", "wide", "deny", "post_negator", "halt", "post_halt"):
                modifier = rule.kind
                continue
            if rule.kind != "cue":
                modifier = None
                continue
            if modifier in ("halt", "post_halt"):
                pushed = rule.halted
            elif modifier is not None:
                pushed = rule.negated
            else:
                pushed = rule.label
            if pushed == "=" or not pushed:
                pushed = rule.label
            modifier = None
            row = counts.setdefault(f"{rid}/{pushed}", [rid, rule.topic, pushed, 0, 0, 0])
            row[3] += 1
            row[4 if pushed == truth else 5] += 1
    frame = pd.DataFrame(
        list(counts.values()), columns=["rule_id", "topic", "label", "fired", "agree", "disagree"]
    )
    frame["precision"] = (frame["agree"] / frame["fired"]).round(3) if len(frame) else []
    return frame.sort_values(["precision", "rule_id"], kind="mergesort").reset_index(drop=True)
